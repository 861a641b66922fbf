"""Walking expressions: their children, and every name they read."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from regelwerk.ir import nodes as ir


def children(expr: ir.Expr) -> Iterator[ir.Expr]:
    """The sub-expressions held by `expr`'s attrs fields, in field order (tuples flattened), except
    the fields marked NOT_A_CHILD (a call's callee, an aggregate's scoped parts)."""
    names = _CHILD_FIELDS.get(type(expr))
    if names is None:
        names = _CHILD_FIELDS[type(expr)] = tuple(
            f.name for f in attrs.fields(type(expr)) if f.metadata.get("child", True))
    for name in names:
        yield from _expressions_in(getattr(expr, name))


_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}
_EXPRESSION_CLASSES = tuple(getattr(ir.Expr, "__args__", ()))


def _expressions_in(value: object) -> Iterator[ir.Expr]:
    if isinstance(value, _EXPRESSION_CLASSES):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _expressions_in(item)


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
