"""Walking expressions: their children, and every name they read."""

from __future__ import annotations

from collections.abc import Iterator

from regelwerk.ir import nodes as ir


def children(expr: ir.Expr) -> Iterator[ir.Expr]:
    if isinstance(expr, ir.Call):
        yield from expr.args
    elif isinstance(expr, ir.Unary):
        yield expr.operand
    elif isinstance(expr, ir.Binary):
        yield expr.left
        yield expr.right
    elif isinstance(expr, ir.Conditional):
        for condition, value in expr.cases:
            yield condition
            yield value
        if expr.otherwise is not None:
            yield expr.otherwise
    elif isinstance(expr, ir.MinMax):
        yield from expr.args
    elif isinstance(expr, (ir.Rounding, ir.Per, ir.Convert)):
        yield expr.operand
    elif isinstance(expr, ir.Between):
        yield expr.start
        yield expr.end
    elif isinstance(expr, ir.AtDate):
        yield expr.parameter
        yield expr.date
    elif isinstance(expr, ir.PeriodEdge):
        yield expr.operand


def rule_expressions(rule: ir.RuleDef) -> Iterator[ir.Expr]:
    if rule.value is not None:
        yield rule.value
    for exception in rule.exceptions:
        yield exception.condition
        yield exception.value


def names_in(expr: ir.Expr) -> Iterator[ir.Name]:
    """Every name an expression reads, collections of aggregates included."""
    stack = [expr]
    while stack:
        e = stack.pop()
        if isinstance(e, ir.Name):
            yield e
        elif isinstance(e, ir.Call):
            yield e.callee
        elif isinstance(e, ir.Aggregate):
            yield e.collection
            stack.extend(x for x in (e.body, e.condition) if x is not None)
        stack.extend(children(e))


def alternatives(expr: ir.Expr) -> list[ir.Expr]:
    """`a of b` in a table cell lists the values an input may have."""
    if isinstance(expr, ir.Binary) and expr.op == "of":
        return alternatives(expr.left) + alternatives(expr.right)
    return [expr]
