"""Visiting every expression of a module, with the members that are bound where it stands."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from regelwerk.ir import nodes as ir

# Members bound at an expression: variable name -> the name of the list it ranges over ("" for
# `regel per kind`, where the list is not named).
Bindings = dict[str, str]


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


Visitor = Callable[[ir.Expr, Bindings], None]


def visit(expr: ir.Expr, bindings: Bindings, on_expr: Visitor,
          bind: Callable[[ir.Aggregate], str | None]) -> None:
    """Pre-order visit. `bind` tells which member name an aggregate binds in its body."""
    on_expr(expr, bindings)
    if isinstance(expr, ir.Aggregate):
        inner = dict(bindings)
        member = bind(expr)
        if member is not None:
            inner[member] = expr.collection.text
        for sub in (expr.body, expr.condition):
            if sub is not None:
                visit(sub, inner, on_expr, bind)
        return
    for child in children(expr):
        visit(child, bindings, on_expr, bind)
