"""Expressions back as rule text, in one canonical notation: `maximum van (a; b) × (100 % + c)`.

The diff compares and shows expressions in this form: two expressions are the same when their
canonical text is, whatever their layout, spans or spelling of literals (`€1,00` and `€ 1,00`).
Parentheses are written only where the grammar needs them.
"""

from __future__ import annotations

from decimal import Decimal

from regelwerk.core import display as dutch
from regelwerk.core import nodes as c
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.syntax import literals

CONDITIONAL, ROUNDED, OR, AND, NOT, COMPARE, SUM, TERM, FACTOR, POSTFIX, ATOM = range(11)

BETWEEN_WORDS = {"jaar": "jaren", "maand": "maanden", "dag": "dagen"}


def literal(expr: ir.Literal) -> str:
    value = expr.value
    if expr.kind == "bedrag" and isinstance(value, Decimal):
        return dutch.money(value)
    if expr.kind == "percentage" and isinstance(value, Decimal):
        return dutch.percent(value)
    if expr.kind == "duur" and isinstance(value, Decimal):
        return dutch.duration(value, expr.unit or "dag")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        return dutch.number(value)
    if value is None:
        return "geen"
    return literals.format_date(value)


def rounding_target(expr: ir.Rounding) -> str:
    if expr.target.startswith("een veelvoud van"):
        shown = literals.format_money(expr.step) if "€" in expr.target else dutch.number(expr.step)
        return f"een veelvoud van {shown}"
    return expr.target


def _level(expr: ir.Expr) -> int:
    if isinstance(expr, ir.Conditional):
        return CONDITIONAL
    if isinstance(expr, ir.Rounding):
        return ROUNDED
    if isinstance(expr, ir.Binary):
        if expr.op == "of":
            return OR
        if expr.op == "en":
            return AND
        if expr.op in ("+", "-"):
            return SUM
        if expr.op in ("×", "/"):
            return TERM
        return COMPARE
    if isinstance(expr, ir.Unary):
        return NOT if expr.op == "niet" else FACTOR
    if isinstance(expr, (ir.Per, ir.Convert)):
        return POSTFIX
    if isinstance(expr, ir.Literal) and isinstance(expr.value, Decimal) and expr.value < 0:
        return FACTOR
    if isinstance(expr, ir.Aggregate) and expr.condition is not None:
        return ROUNDED  # the filter runs to the end: `aantal kinderen waarvoor a of b`
    return ATOM


def formula(expr: ir.Expr, level: int = CONDITIONAL) -> str:
    text = _formula(expr)
    return f"({text})" if _level(expr) < level else text


def _formula(expr: ir.Expr) -> str:
    if isinstance(expr, ir.Literal):
        return literal(expr)
    if isinstance(expr, ir.Name):
        return expr.text
    if isinstance(expr, ir.Peildatum):
        return "peildatum"
    if isinstance(expr, ir.Call):
        return f"{expr.callee.text}({'; '.join(formula(a) for a in expr.args)})"
    if isinstance(expr, ir.Unary):
        if expr.op == "niet":
            return f"niet {formula(expr.operand, NOT)}"
        return f"-{formula(expr.operand, FACTOR)}"
    if isinstance(expr, ir.Binary):
        level = _level(expr)
        if level == COMPARE:
            return f"{formula(expr.left, SUM)} {expr.op} {formula(expr.right, SUM)}"
        return f"{formula(expr.left, level)} {expr.op} {formula(expr.right, level + 1)}"
    if isinstance(expr, ir.Conditional):
        parts = []
        for index, (condition, then) in enumerate(expr.cases):
            prefix = "als" if index == 0 else "anders als"
            parts.append(f"{prefix} {formula(condition)} dan {formula(then, ROUNDED)}")
        if expr.otherwise is not None:
            parts.append(f"anders {formula(expr.otherwise)}")
        return " ".join(parts)
    if isinstance(expr, ir.MinMax):
        return f"{expr.op} van ({'; '.join(formula(a) for a in expr.args)})"
    if isinstance(expr, ir.Aggregate):
        where = f" waarvoor {formula(expr.condition, OR)}" if expr.condition is not None else ""
        collection = expr.collection.text
        if expr.op == "aantal":
            return f"aantal {collection}{where}"
        if expr.op in ("enig", "alle"):
            return f"{expr.op} van {collection}{where}"
        body = formula(expr.body) if expr.body is not None else ""
        return f"{expr.op} van ({body}) over {collection}{where}"
    if isinstance(expr, ir.Rounding):
        mode = "" if expr.mode == "rekenkundig" else expr.mode + " "
        return f"{formula(expr.operand, OR)} {mode}afgerond op {rounding_target(expr)}"
    if isinstance(expr, ir.Per):
        return f"{formula(expr.operand, POSTFIX)} per {expr.unit}"
    if isinstance(expr, ir.Convert):
        return f"{formula(expr.operand, POSTFIX)} omgerekend per {expr.unit}"
    if isinstance(expr, ir.Between):
        words = BETWEEN_WORDS.get(expr.unit, expr.unit)
        return f"{words} tussen {formula(expr.start, SUM)} en {formula(expr.end, SUM)}"
    if isinstance(expr, ir.AtDate):
        return f"{expr.parameter.text} op {formula(expr.date, ATOM)}"
    if isinstance(expr, ir.PeriodEdge):
        return (f"{expr.edge} dag van {ir.PERIOD_ARTICLES[expr.period]} {expr.period} van "
                f"{formula(expr.operand, ATOM)}")
    raise AssertionError(f"unknown expression {expr!r}")


def cell(cell: ir.Cell) -> str:
    if isinstance(cell, ir.AnyCell):
        return "n.v.t."
    if isinstance(cell, ir.CompareCell):
        return f"{cell.op} {formula(cell.value, SUM)}"
    if isinstance(cell, ir.ValueCell):
        return formula(cell.value)
    parts = []
    if cell.lower is not None:
        parts.append(("vanaf " if cell.lower_inclusive else "meer dan ") + formula(cell.lower, SUM))
    if cell.upper is not None:
        parts.append(("tot en met " if cell.upper_inclusive else "tot ") + formula(cell.upper, SUM))
    return " ".join(parts)


def round_target(node: c.Round) -> str:
    """What a core `Round` rounds to, as the rules write it: `de eurocent`, `een veelvoud van € 5,00`.

    The step of a percentage is in the value's scale (0.0001 for 2 decimals); it is shown as written."""
    if node.target.startswith("een veelvoud van"):
        step = node.step
        if isinstance(node.type, t.NumberType) and node.type.percent:
            step = step.scaleb(2)
        shown = literals.format_money(step) if "€" in node.target else dutch.number(step)
        return f"een veelvoud van {shown}"
    return node.target
