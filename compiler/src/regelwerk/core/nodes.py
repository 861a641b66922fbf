"""The core IR: what a checked module means, decided once.

Every name points at its definition (module and name), every expression carries its type, period
scaling and unit conversion are `Scale` nodes with their exact factor, rounding is a `Round` node with
its step (already in the value's scale) and mode, a rule's exceptions are default terms with an
explicit priority, dated values and table versions are explicit selections, and provisional and
unknown values are data.

Equality is meaning: spans, labels, legal references and the text a literal was written as are
left out of `==` (attrs `eq=False`), so two versions of a regulation are "inhoudelijk gelijk"
exactly when their core modules are equal. Children are the attrs fields that hold nodes (see
`core.visitor.children`); there is no hand-written list of them.
"""

from __future__ import annotations

import datetime
from typing import Union

import attrs

# Expressions and definitions are one namespace to the stages: `from regelwerk.core import nodes as c`.
from regelwerk.core.expressions import *  # noqa: F403
from regelwerk.core.expressions import Expr, Node, _meta, _span
from regelwerk.ir import types as t
from regelwerk.ir.span import Span
from regelwerk.runtime import voorlopig_tekst

# ------------------------------------------------------------------ definitions


@attrs.frozen(cache_hash=True)
class Source(Node):
    """Where a definition or value comes from: its label and legal reference (presentation)."""

    label: str | None = None
    reference: str | None = None


@attrs.frozen(cache_hash=True)
class Requirement(Node):
    """An `eis` on the input; `reads` the inputs it needs (a test that leaves one out skips it)."""

    condition: Expr
    description: str  # the label, or the condition as a formula
    reads: tuple[str, ...]
    reference: str | None = _meta()
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Input(Node):
    module: str
    name: str
    type: t.Type
    requirements: tuple[Requirement, ...] = ()
    source: Source = attrs.field(factory=Source, eq=False, hash=False)
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Provisional(Node):
    """`voorlopig "reden"`: a value that is used but not yet final."""

    reason: str

    @property
    def text(self) -> str:
        """"voorlopig: reden", as every stage writes it."""
        return voorlopig_tekst(self.reason)


@attrs.frozen(cache_hash=True)
class Unknown(Node):
    """`onbekend "reden"`: from this date on the value is not known; a calculation needing it stops."""

    reason: str


@attrs.frozen(cache_hash=True)
class DatedValue(Node):
    """A parameter's value from `valid_from` on (None: from the start); `value` is None exactly when
    `unknown` is set."""

    valid_from: datetime.date | None
    value: Expr | None
    unknown: Unknown | None = None
    provisional: Provisional | None = None
    reference: str | None = _meta()
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Parameter(Node):
    """The value in force on a day is the last of `values` (sorted by date) from on or before it."""

    module: str
    name: str
    type: t.Type
    values: tuple[DatedValue, ...]
    source: Source = attrs.field(factory=Source, eq=False, hash=False)
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class AnyCell(Node):
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class RangeCell(Node):
    lower: Expr | None
    lower_inclusive: bool
    upper: Expr | None
    upper_inclusive: bool
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class CompareCell(Node):
    op: str
    value: Expr
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class ValueCell(Node):
    """The row applies when the argument equals one of `values` (`a of b`)."""

    values: tuple[Expr, ...]
    span: Span = _span()


Cell = Union[AnyCell, RangeCell, CompareCell, ValueCell]
CELLS: tuple[type[Node], ...] = (AnyCell, RangeCell, CompareCell, ValueCell)


@attrs.frozen(cache_hash=True)
class Row(Node):
    cells: tuple[Cell, ...]
    result: Expr
    provisional: Provisional | None = None
    reference: str | None = _meta()
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Column(Node):
    name: str
    type: t.Type


@attrs.frozen(cache_hash=True)
class TableVersion(Node):
    valid_from: datetime.date | None
    rows: tuple[Row, ...]
    unknown: Unknown | None = None
    provisional: Provisional | None = None
    reference: str | None = _meta()
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Table(Node):
    """A decision table: `columns[:-1]` are matched against the arguments, the last is the result.
    Without `first_hit`, two rows that match are an error."""

    module: str
    name: str
    columns: tuple[Column, ...]
    versions: tuple[TableVersion, ...]
    first_hit: bool
    type: t.Type
    source: Source = attrs.field(factory=Source, eq=False, hash=False)
    span: Span = _span()

    @property
    def inputs(self) -> tuple[Column, ...]:
        return self.columns[:-1]


@attrs.frozen(cache_hash=True)
class Term(Node):
    """An exception as a default term: it applies when `condition` holds. A term of a higher
    `priority` wins over one of a lower; two applying terms of the same priority conflict."""

    condition: Expr
    value: Expr
    priority: int
    reference: str | None = _meta()
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class RuleBody(Node):
    """The rule's exceptions, then its base value (None: the rule has only exceptions, and none
    applying stops the calculation)."""

    terms: tuple[Term, ...]
    base: Expr | None
    base_reference: str | None = _meta()

    @property
    def ordered(self) -> bool:
        return len({term.priority for term in self.terms}) > 1


@attrs.frozen(cache_hash=True)
class Argument(Node):
    name: str
    type: t.Type


@attrs.frozen(cache_hash=True)
class Rule(Node):
    """A rule; `per` names the record it is computed per member of (`regel per kind`), bound to the
    local `member`; `arguments` are the values it is computed for (`regel x(dag: datum)`)."""

    module: str
    name: str
    type: t.Type
    body: RuleBody
    per: str | None = None
    arguments: tuple[Argument, ...] = ()
    source: Source = attrs.field(factory=Source, eq=False, hash=False)
    span: Span = _span()
    # the record `per` names, resolved (its name is `per`, so it adds nothing to the meaning)
    per_type: t.RecordType | None = attrs.field(default=None, eq=False, hash=False, repr=False,
                                                kw_only=True)


@attrs.frozen(cache_hash=True)
class Choice(Node):
    module: str
    name: str
    values: tuple[str, ...]
    source: Source = attrs.field(factory=Source, eq=False, hash=False)
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Record(Node):
    """`gegevens`; `type` carries the fields, their types and defaults."""

    module: str
    name: str
    type: t.RecordType
    source: Source = attrs.field(factory=Source, eq=False, hash=False)
    span: Span = _span()


Definition = Union[Input, Parameter, Table, Rule, Choice, Record]
DEFINITIONS: tuple[type[Node], ...] = (Input, Parameter, Table, Rule, Choice, Record)


@attrs.frozen(cache_hash=True)
class Output(Node):
    """An output of the regulation: the definition it names. `per_member`: a `regel per kind`,
    computed for each member of the one list of kind in the input; `type` is one member's value."""

    module: str
    name: str
    type: t.Type
    per_member: bool = False


def per_member_type(rule: Rule) -> t.PerMemberType:
    """The type of a `regel per kind` as an output: its value for each member, in their order."""
    assert rule.per is not None
    return t.PerMemberType(rule.type, rule.per)


def output_types(program: Program) -> dict[str, t.Type]:
    """The type of each output's value by name: a per-member output's is a PerMemberType."""
    found: dict[str, t.Type] = {}
    for output in program.main.outputs:
        rule = program.find(output.module, output.name) if output.per_member else None
        found[output.name] = per_member_type(rule) if isinstance(rule, Rule) else output.type
    return found


@attrs.frozen(cache_hash=True)
class Module(Node):
    """One lowered module: its own definitions in the order of the file."""

    name: str
    kind: str  # regeling | module
    valid_from: datetime.date | None
    valid_until: datetime.date | None  # exclusive
    definitions: tuple[Definition, ...]
    outputs: tuple[Output, ...]
    uses: tuple[str, ...]
    title: str | None = _meta()
    version: str | None = _meta()
    bron: str | None = _meta()  # the `bron` line
    path: str = attrs.field(default="", eq=False, hash=False)
    span: Span = _span()
    _index: dict[str, Definition] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Definition] = {}
        for definition in self.definitions:
            index.setdefault(definition.name, definition)
        object.__setattr__(self, "_index", index)

    def definition(self, name: str) -> Definition | None:
        return self._index.get(name)


@attrs.frozen
class Program:
    """A regulation with every module it uses (directly or not), by name: what a backend reads."""

    main: Module
    modules: dict[str, Module] = attrs.field(eq=False)

    def module(self, name: str) -> Module:
        return self.main if name == self.main.name else self.modules[name]

    def find(self, module: str, name: str) -> Definition:
        found = self.module(module).definition(name)
        if found is None:
            raise KeyError(f"{module}.{name}")
        return found

    def all_modules(self) -> tuple[Module, ...]:
        """The regulation first, then the modules it uses, by name."""
        return (self.main, *(m for n, m in sorted(self.modules.items()) if n != self.main.name))

    def member_lists(self, rule: Rule) -> list[Input]:
        """The inputs that are a list of the record `rule` is computed per (`regel per kind`): as
        an output it is computed for each member of the one such list (the checker sees to one)."""
        record = rule.per_type.name if rule.per_type is not None else rule.per
        return [d for d in self.inputs()
                if isinstance(d.type, t.ListType) and d.type.element.name == record]

    def inputs(self) -> list[Input]:
        """Every input the calculation takes, the regulation's own first; a name counts once."""
        seen: dict[str, Input] = {}
        for module in (self.main, *(self.modules[n] for n in self.main.uses if n in self.modules)):
            for definition in module.definitions:
                if isinstance(definition, Input):
                    seen.setdefault(definition.name, definition)
        return list(seen.values())
