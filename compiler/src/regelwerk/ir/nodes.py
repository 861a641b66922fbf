"""IR nodes: one frozen attrs class per construct of the language, each with its source span.

Passes never mutate nodes; what they learn (types, what a name refers to) goes into side tables of
the checked module, keyed by node. Hashes are cached because those tables look nodes up often.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Union

import attrs

from regelwerk.ir.span import Span

# ------------------------------------------------------------------ expressions


@attrs.frozen(cache_hash=True)
class Literal:
    """A constant: Decimal for numbers (a percentage as a fraction), bool, date, or None for `geen`."""

    value: Decimal | bool | datetime.date | None
    kind: str  # bedrag | getal | aantal | percentage | duur | datum | ja/nee | geen
    span: Span
    unit: str | None = None  # the time unit of a duration literal: jaar, maand, ...
    text: str = ""  # the literal as written, for messages


@attrs.frozen(cache_hash=True)
class Name:
    """A possibly dotted name: `netto_maandinkomen`, `kind.geboortedatum`, `gezin.type`."""

    parts: tuple[str, ...]
    span: Span

    @property
    def text(self) -> str:
        return ".".join(self.parts)


# A field that holds an expression but is not a plain child: the name a call is made to, and the
# parts of an aggregate, which are read with the members of the list in scope (check/walk.py).
NOT_A_CHILD = {"child": False}


@attrs.frozen(cache_hash=True)
class Call:
    """A table look-up, a rule with arguments or a built-in function: `bijdrageschaal(x; y)`."""

    callee: Name = attrs.field(metadata=NOT_A_CHILD)
    args: tuple[Expr, ...]
    span: Span


@attrs.frozen(cache_hash=True)
class Unary:
    op: str  # "-" | "niet"
    operand: Expr
    span: Span


@attrs.frozen(cache_hash=True)
class Binary:
    op: str  # + - × / en of = ≠ < ≤ > ≥
    left: Expr
    right: Expr
    span: Span


@attrs.frozen(cache_hash=True)
class Conditional:
    """`als c1 dan v1 anders als c2 dan v2 anders v3`, flattened; `otherwise` may be missing."""

    cases: tuple[tuple[Expr, Expr], ...]
    otherwise: Expr | None
    span: Span


@attrs.frozen(cache_hash=True)
class MinMax:
    op: str  # minimum | maximum
    args: tuple[Expr, ...]
    span: Span


@attrs.frozen(cache_hash=True)
class Aggregate:
    """`som van (x) over kinderen`, `aantal kinderen waarvoor c`, `enig van ...`, `alle van ...`."""

    op: str  # som | aantal | enig | alle | minimum | maximum
    collection: Name = attrs.field(metadata=NOT_A_CHILD)
    body: Expr | None = attrs.field(metadata=NOT_A_CHILD)
    condition: Expr | None = attrs.field(metadata=NOT_A_CHILD)
    span: Span


@attrs.frozen(cache_hash=True)
class Rounding:
    operand: Expr
    mode: str  # rekenkundig | naar beneden | naar boven | richting nul | weg van nul
    step: Decimal  # round to a multiple of this: 0.01 for the eurocent, 1 for the euro
    target: str  # as written: "de eurocent", "2 decimalen", ...
    span: Span


@attrs.frozen(cache_hash=True)
class Per:
    """`x per maand`: a quantity that has no period yet becomes a rate."""

    operand: Expr
    unit: str
    span: Span


@attrs.frozen(cache_hash=True)
class Convert:
    """`x omgerekend per jaar`: a rate converted to another period by an exact factor."""

    operand: Expr
    unit: str
    span: Span


@attrs.frozen(cache_hash=True)
class Peildatum:
    span: Span


@attrs.frozen(cache_hash=True)
class Between:
    """`jaren tussen a en b`: whole periods between two dates."""

    unit: str  # jaar | maand | dag
    start: Expr
    end: Expr
    span: Span


@attrs.frozen(cache_hash=True)
class AtDate:
    """`uursubsidie op prestatie.maand`: a parameter's value in force on another date."""

    parameter: Name
    date: Expr
    span: Span


PERIOD_ARTICLES = {"maand": "de", "kwartaal": "het", "jaar": "het"}  # `van de maand`, `het jaar`


@attrs.frozen(cache_hash=True)
class PeriodEdge:
    """`eerste dag van de maand van x`, `laatste dag van het jaar van x`: calendar arithmetic."""

    edge: str  # eerste | laatste
    period: str  # maand | kwartaal | jaar
    operand: Expr
    span: Span


Expr = Union[
    Literal, Name, Call, Unary, Binary, Conditional, MinMax, Aggregate, Rounding, Per, Convert,
    Peildatum, Between, AtDate, PeriodEdge,
]

# ------------------------------------------------------------------ definitions


@attrs.frozen(cache_hash=True)
class TypeExpr:
    """A type as written: `bedrag per maand`, `gezin.type`, `lijst van kind`."""

    base: str  # bedrag getal aantal percentage ja/nee datum duur uren dagen ... or "naam" or "lijst"
    span: Span
    per: str | None = None
    name: tuple[str, ...] = ()  # for a keuze or gegevens type, and the element of a lijst


@attrs.frozen(cache_hash=True)
class Reference:
    """A legal reference as written between brackets, without the brackets."""

    text: str
    span: Span


@attrs.frozen(cache_hash=True)
class Provisional:
    reason: str
    span: Span


@attrs.frozen(cache_hash=True)
class Unknown:
    """`onbekend "reden"`: from this date on the value is not known; a calculation needing it stops."""

    reason: str
    span: Span


@attrs.frozen(cache_hash=True)
class Requirement:
    """`eis (aantal huishouden waarvoor persoon.rol = aanvrager) = 1 "precies één aanvrager"`:
    a condition the input must meet; otherwise the calculation refuses it (an InvoerFout)."""

    condition: Expr
    label: str | None
    reference: Reference | None
    span: Span


@attrs.frozen(cache_hash=True)
class InputDef:
    name: str
    type: TypeExpr
    label: str | None
    reference: Reference | None
    span: Span
    requirements: tuple[Requirement, ...] = ()


@attrs.frozen(cache_hash=True)
class DatedValue:
    """One value of a parameter from a date on; `value` is None exactly when `unknown` is set."""

    valid_from: datetime.date | None
    value: Expr | None
    provisional: Provisional | None
    reference: Reference | None
    span: Span
    unknown: Unknown | None = None


@attrs.frozen(cache_hash=True)
class ParameterDef:
    name: str
    type: TypeExpr
    values: tuple[DatedValue, ...]
    label: str | None
    reference: Reference | None
    span: Span


@attrs.frozen(cache_hash=True)
class ChoiceOption:
    name: str
    label: str | None
    reference: Reference | None
    span: Span


@attrs.frozen(cache_hash=True)
class ChoiceDef:
    name: str
    options: tuple[ChoiceOption, ...]
    label: str | None
    reference: Reference | None
    span: Span


@attrs.frozen(cache_hash=True)
class FieldDef:
    """A field of `gegevens`; `default` (`= € 0,00`) is the value when the input leaves it out."""

    name: str
    type: TypeExpr
    label: str | None
    reference: Reference | None
    span: Span
    default: Expr | None = None


@attrs.frozen(cache_hash=True)
class RecordDef:
    """`gegevens`; with `zoals base` (`base` set) it has the fields of the base first, then its own.
    The pipeline expands the base before the checks (see check/extend.py)."""

    name: str
    fields: tuple[FieldDef, ...]
    label: str | None
    reference: Reference | None
    span: Span
    base: Name | None = None
    inherited: int = 0  # after expansion: how many of `fields` come from the base


@attrs.frozen(cache_hash=True)
class Column:
    name: str
    type: TypeExpr
    span: Span


@attrs.frozen(cache_hash=True)
class AnyCell:
    """`n.v.t.`: the row applies whatever the value."""

    span: Span


@attrs.frozen(cache_hash=True)
class RangeCell:
    lower: Expr | None
    lower_inclusive: bool
    upper: Expr | None
    upper_inclusive: bool
    span: Span


@attrs.frozen(cache_hash=True)
class CompareCell:
    op: str
    value: Expr
    span: Span


@attrs.frozen(cache_hash=True)
class ValueCell:
    """A value: for an input column the row applies when the input equals it (or one of `a of b`)."""

    value: Expr
    span: Span


Cell = Union[AnyCell, RangeCell, CompareCell, ValueCell]


@attrs.frozen(cache_hash=True)
class Row:
    cells: tuple[Cell, ...]
    provisional: Provisional | None
    reference: Reference | None
    span: Span


@attrs.frozen(cache_hash=True)
class TableVersion:
    """The rows of a table from a date on. An unknown version (`onbekend`) has no rows; it
    carries the columns of the table's other versions so that every version has one signature."""

    valid_from: datetime.date | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    provisional: Provisional | None
    reference: Reference | None
    span: Span
    unknown: Unknown | None = None


@attrs.frozen(cache_hash=True)
class TableDef:
    """A decision table: the last column is the result, the others are matched against arguments."""

    name: str
    versions: tuple[TableVersion, ...]
    first_hit: bool
    label: str | None
    reference: Reference | None
    span: Span

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.versions[0].columns

    @property
    def inputs(self) -> tuple[Column, ...]:
        return self.columns[:-1]

    @property
    def output(self) -> Column:
        return self.columns[-1]


@attrs.frozen(cache_hash=True)
class RuleException:
    condition: Expr
    value: Expr
    reference: Reference | None
    span: Span


@attrs.frozen(cache_hash=True)
class Argument:
    """`regel omkadering_vanaf(dag: datum)`: a value the rule is computed for, given where it is
    used: `omkadering_vanaf(begin_2e_kwartaal)`."""

    name: str
    type: TypeExpr
    span: Span


@attrs.frozen(cache_hash=True)
class RuleDef:
    name: str
    type: TypeExpr
    per: str | None  # `regel per kind ...`: computed for each member of a list of kind
    value: Expr | None
    value_reference: Reference | None
    exceptions: tuple[RuleException, ...]
    label: str | None
    reference: Reference | None
    span: Span
    # `uitzonderingen in volgorde`: the first exception that applies wins; without it, two that
    # apply together are a conflict.
    ordered_exceptions: bool = False
    arguments: tuple[Argument, ...] = ()


@attrs.frozen(cache_hash=True)
class Assignment:
    """`naam = waarde` in a test; `verwacht naam = onbekend` (an Unknown without reason) expects
    the calculation of `naam` to stop on an unknown value."""

    name: str
    value: Expr | ListValue | Unknown
    span: Span
    # `verwacht x naar beneden afgerond op hele euro's = € 131,00`: (mode, step, target as written)
    rounding: tuple[str, Decimal, str] | None = None


@attrs.frozen(cache_hash=True)
class ListValue:
    items: tuple[tuple[Assignment, ...], ...]
    span: Span


@attrs.frozen(cache_hash=True)
class TestDef:
    name: str
    peildatum: datetime.date | None
    given: tuple[Assignment, ...]
    expected: tuple[Assignment, ...]
    span: Span
    in_annex: bool = True  # `niet in de bijlage`: not a worked example in the annex


@attrs.frozen(cache_hash=True)
class Use:
    names: tuple[Name, ...]
    span: Span


@attrs.frozen(cache_hash=True)
class OutputDecl:
    names: tuple[Name, ...]
    span: Span


Definition = Union[InputDef, ParameterDef, ChoiceDef, RecordDef, TableDef, RuleDef]


@attrs.frozen(cache_hash=True)
class ArticleText:
    """`artikel "Zorgtoeslag" [Wzt art. 2]`: the verbatim text of an article the rules encode.

    Definitions cite it by `reference` as they cite any article. `paragraphs` are the `>` lines as
    written, one paragraph (lid, onderdeel) each; `partial` is the reason when the source quotes only
    part of the article ("[…]" marks what it leaves out)."""

    reference: Reference | None
    title: str | None
    source: str | None
    valid_from: datetime.date | None
    partial: str | None
    paragraphs: tuple[str, ...]
    span: Span


@attrs.frozen(cache_hash=True)
class Module:
    """One rule file: a `regeling` (with a validity window) or a reusable `module`."""

    name: str
    kind: str  # regeling | module
    path: str
    title: str | None
    version: str | None
    valid_from: datetime.date | None
    valid_until: datetime.date | None  # exclusive
    source: str | None  # the `bron` line
    reference: Reference | None
    uses: tuple[Use, ...]
    definitions: tuple[Definition, ...]
    outputs: tuple[OutputDecl, ...]
    tests: tuple[TestDef, ...]
    span: Span
    articles: tuple[ArticleText, ...] = ()  # the law beside the rules, in the order written
    # Lookup by name, built once; with duplicate names (an error) the first one counts.
    _index: dict[str, Definition] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Definition] = {}
        for definition in self.definitions:
            index.setdefault(definition.name, definition)
        object.__setattr__(self, "_index", index)

    def definition(self, name: str) -> Definition | None:
        return self._index.get(name)

    @property
    def output_names(self) -> tuple[Name, ...]:
        return tuple(name for decl in self.outputs for name in decl.names)
