"""Core expressions as short Dutch text: the names of counts and sums over a list in an example.

Only what can occur in the collection and filter of an aggregate needs a faithful text; anything
else is shown by its kind, which keeps names distinct without a full printer.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from regelwerk.core import display as dutch
from regelwerk.core import nodes as c
from regelwerk.core.functions import lookup
from regelwerk.ir import types as t
from regelwerk.syntax import literals


def text(expr: c.Expr) -> str:
    if isinstance(expr, c.Const):
        return _constant(expr)
    if isinstance(expr, (c.InputRef, c.ParameterRef, c.RuleRef)):
        return expr.name
    if isinstance(expr, c.Local):
        return expr.name
    if isinstance(expr, c.FieldOf):
        return f"{text(expr.operand)}.{expr.field}"
    if isinstance(expr, c.Peildatum):
        return "peildatum"
    if isinstance(expr, c.Not):
        return f"niet {_atom(expr.operand)}"
    if isinstance(expr, c.Negate):
        return f"-{_atom(expr.operand)}"
    if isinstance(expr, (c.Arithmetic, c.Compare, c.Logical)):
        return f"{_atom(expr.left)} {expr.op} {_atom(expr.right)}"
    if isinstance(expr, c.Scale):
        return text(expr.operand) + (f" omgerekend per {expr.target}" if expr.target else "")
    if isinstance(expr, (c.RuleCall, c.TableLookup)):
        return f"{expr.name}({'; '.join(text(a) for a in expr.args)})"
    if isinstance(expr, c.Extreme):
        return f"{expr.op} van ({'; '.join(text(a) for a in expr.args)})"
    if isinstance(expr, c.Aggregate):
        return aggregate(expr)
    if isinstance(expr, c.ParameterOn):
        return f"{expr.name} op {_atom(expr.date)}"
    if isinstance(expr, c.Builtin):
        function = lookup(expr.function)
        if function is not None:
            return function.dutch(expr.options, [_atom(a) for a in expr.args])
    if isinstance(expr, c.Round):
        return f"{_atom(expr.operand)} afgerond op {expr.target}"
    return "(...)"


def _atom(expr: c.Expr) -> str:
    shown = text(expr)
    simple = isinstance(expr, (c.Const, c.InputRef, c.ParameterRef, c.RuleRef, c.Local,
                               c.FieldOf, c.Peildatum, c.RuleCall, c.TableLookup, c.Extreme))
    return shown if simple else f"({shown})"


def aggregate(expr: c.Aggregate) -> str:
    where = f" waarvoor {text(expr.condition)}" if expr.condition is not None else ""
    collection = text(expr.collection)
    if expr.op == "aantal":
        return f"aantal {collection}{where}"
    if expr.op in ("enig", "alle"):
        return f"{expr.op} van {collection}{where}"
    body = text(expr.body) if expr.body is not None else ""
    return f"{expr.op} van ({body}) over {collection}{where}"


def _constant(expr: c.Const) -> str:
    value = expr.value
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime.date):
        return literals.format_date(value)
    if isinstance(value, Decimal):
        if expr.kind == "bedrag":
            return dutch.money(value)
        if expr.kind == "duur":
            return dutch.duration(value, expr.unit or "dag")
        if expr.kind == "percentage" or (isinstance(expr.type, t.NumberType) and expr.type.percent):
            return dutch.percent(value)
        return dutch.number(value)
    return str(value)
