"""The expressions of the core IR (see core/nodes.py for what the core IR is)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Union

import attrs

from regelwerk.ir import types as t
from regelwerk.ir.span import Span

NOWHERE = Span("", 0, 0, 0, 0)


def _meta() -> Any:
    """A field that presents a node but does not change what it means."""
    return attrs.field(default=None, eq=False, hash=False, repr=False)


def _span() -> Any:
    return attrs.field(default=NOWHERE, eq=False, hash=False, repr=False, kw_only=True)


@attrs.frozen(cache_hash=True)
class Node:
    """The base of every core node."""


@attrs.frozen(cache_hash=True)
class Expr(Node):
    """An expression; `type` is the type the type and unit pass gave it."""


Value = Union[Decimal, bool, datetime.date, str]


# ------------------------------------------------------------------ atoms


@attrs.frozen(cache_hash=True)
class Const(Expr):
    """A constant: an exact number (a percentage as a fraction), ja/nee, a date, or a choice value
    (the value's name, with the choice type)."""

    value: Value
    type: t.Type
    kind: str = attrs.field(default="", eq=False, hash=False)  # bedrag | getal | duur | ... as written
    unit: str | None = attrs.field(default=None, eq=False, hash=False)  # of a duration literal
    text: str = attrs.field(default="", eq=False, hash=False)
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class InputRef(Expr):
    """The value of an input."""

    module: str
    name: str
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class ParameterRef(Expr):
    """The value of a parameter in force on the day being computed for: the peildatum, or inside
    another parameter's value read on a day (`p op d`), that day."""

    module: str
    name: str
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class ParameterOn(Expr):
    """`p op d`: the parameter's value in force on another date."""

    module: str
    name: str
    date: Expr
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class RuleRef(Expr):
    """The value of a rule; `member` names the local the rule is computed for (`regel per kind`)."""

    module: str
    name: str
    type: t.Type
    member: str | None = None
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class RuleCall(Expr):
    """A rule with arguments, computed for these argument values."""

    module: str
    name: str
    args: tuple[Expr, ...]
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class TableLookup(Expr):
    """A decision table applied to arguments, in the version in force on the peildatum."""

    module: str
    name: str
    args: tuple[Expr, ...]
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Local(Expr):
    """A value bound in the scope: the member of a list (`kind`) or an argument of the rule."""

    name: str
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class FieldOf(Expr):
    """A field of a record value: `partner.inkomen`."""

    operand: Expr
    field: str
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Peildatum(Expr):
    type: t.Type = t.DATE
    span: Span = _span()


# ------------------------------------------------------------------ operators


@attrs.frozen(cache_hash=True)
class Negate(Expr):
    operand: Expr
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Not(Expr):
    operand: Expr
    type: t.Type = t.BOOLEAN
    span: Span = _span()


ARITHMETIC = ("+", "-", "×", "/")
COMPARISONS = ("=", "≠", "<", "≤", ">", "≥")
LOGICAL = ("en", "of")


@attrs.frozen(cache_hash=True)
class Arithmetic(Expr):
    """`+ - × /` on exact numbers; a division by zero stops the calculation."""

    op: str
    left: Expr
    right: Expr
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Compare(Expr):
    op: str
    left: Expr
    right: Expr
    type: t.Type = t.BOOLEAN
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Logical(Expr):
    """`en`, `of`: the right side is evaluated only when the left does not decide."""

    op: str
    left: Expr
    right: Expr
    type: t.Type = t.BOOLEAN
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Scale(Expr):
    """The operand times numerator / denominator, multiplied first so that it stays exact.

    `reason` says where the factor comes from: "omrekening" (`omgerekend per jaar`, per maand ->
    per jaar is 12/1) or "periodes" (`bedrag per jaar × 3 maanden`: the periods cancel, 1/12)."""

    operand: Expr
    numerator: int
    denominator: int
    reason: str
    type: t.Type
    source: str = attrs.field(default="", eq=False, hash=False)  # per maand -> per jaar: "maand"
    target: str = attrs.field(default="", eq=False, hash=False)  # ... and "jaar"
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Round(Expr):
    """Rounding to a multiple of `step`, in the value's own scale (2 decimals of a percentage is a
    step of 0.0001), the way `mode` says."""

    operand: Expr
    step: Decimal
    mode: str  # rekenkundig | naar beneden | naar boven | richting nul | weg van nul
    type: t.Type
    target: str = attrs.field(default="", eq=False, hash=False)  # "de eurocent", as written
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Case(Node):
    condition: Expr
    value: Expr
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Choose(Expr):
    """`als c1 dan v1 anders als ... anders v`: the first case whose condition holds; without
    `otherwise`, no case holding stops the calculation."""

    cases: tuple[Case, ...]
    otherwise: Expr | None
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Extreme(Expr):
    """`minimum van (a; b)`, `maximum van (...)`: every argument is evaluated."""

    op: str  # minimum | maximum
    args: tuple[Expr, ...]
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Aggregate(Expr):
    """Over the members of a list, bound to `variable`: first every member is tested against
    `condition`, then `body` is computed for those selected."""

    op: str  # som | aantal | enig | alle | minimum | maximum
    collection: Expr
    variable: str
    body: Expr | None
    condition: Expr | None
    type: t.Type
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class DateShift(Expr):
    """A date plus (or minus) a duration in whole periods of `unit`."""

    date: Expr
    amount: Expr
    unit: str
    sign: int  # 1 or -1
    type: t.Type = t.DATE
    span: Span = _span()


@attrs.frozen(cache_hash=True)
class Builtin(Expr):
    """A built-in function of the registry (`core.functions`), applied to its arguments.

    `options` are the fixed words of the call (`jaren tussen`: ("jaar",))."""

    function: str
    args: tuple[Expr, ...]
    type: t.Type
    options: tuple[str, ...] = ()
    span: Span = _span()


EXPRESSIONS: tuple[type[Expr], ...] = (
    Const, InputRef, ParameterRef, ParameterOn, RuleRef, RuleCall, TableLookup, Local, FieldOf,
    Peildatum, Negate, Not, Arithmetic, Compare, Logical, Scale, Round, Choose, Extreme, Aggregate,
    DateShift, Builtin,
)

__all__ = [
    "Node",
    "Expr",
    "Const",
    "InputRef",
    "ParameterRef",
    "ParameterOn",
    "RuleRef",
    "RuleCall",
    "TableLookup",
    "Local",
    "FieldOf",
    "Peildatum",
    "Negate",
    "Not",
    "Arithmetic",
    "Compare",
    "Logical",
    "Scale",
    "Round",
    "Case",
    "Choose",
    "Extreme",
    "Aggregate",
    "DateShift",
    "Builtin",
    "NOWHERE",
    "Value",
    "ARITHMETIC",
    "COMPARISONS",
    "LOGICAL",
    "EXPRESSIONS",
]
