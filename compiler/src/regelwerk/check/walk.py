"""Walking expressions: their children, and every name they read."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from regelwerk.ir import nodes as ir


def children(expr: ir.Expr) -> list[ir.Expr]:
    """The sub-expressions held by `expr`'s attrs fields, in field order (tuples flattened), except
    the fields marked NOT_A_CHILD (a call's callee, an aggregate's scoped parts)."""
    names = _CHILD_FIELDS.get(type(expr))
    if names is None:
        names = _CHILD_FIELDS[type(expr)] = _expression_fields(type(expr))
    found: list[ir.Expr] = []
    for name in names:
        value = getattr(expr, name)
        if value.__class__ is tuple:
            _flatten(value, found)
        elif value is not None:
            found.append(value)
    return found


_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _expression_fields(cls: type) -> tuple[str, ...]:
    """The fields whose declared type can hold an expression (read once per class)."""
    return tuple(f.name for f in attrs.fields(cls)
                 if f.metadata.get("child", True) and ("Expr" in str(f.type) or "Name" in str(f.type)))


def _flatten(values: tuple[object, ...], found: list[ir.Expr]) -> None:
    for value in values:
        if value.__class__ is tuple:
            _flatten(value, found)
        elif value is not None:
            found.append(value)  # type: ignore[arg-type]


def rule_expressions(rule: ir.RuleDef) -> Iterator[ir.Expr]:
    if rule.value is not None:
        yield rule.value
    for exception in rule.exceptions:
        yield exception.condition
        yield exception.value


def name_read(expr: ir.Expr) -> ir.Name | None:
    """The name this node itself reads: a name, a call's callee, an aggregate's collection."""
    if isinstance(expr, ir.Name):
        return expr
    if isinstance(expr, ir.Call):
        return expr.callee
    if isinstance(expr, ir.Aggregate):
        return expr.collection
    return None


def names_in(expr: ir.Expr) -> Iterator[ir.Name]:
    """Every name an expression reads, collections of aggregates included."""
    stack = [expr]
    while stack:
        e = stack.pop()
        name = name_read(e)
        if name is not None:
            yield name
        if isinstance(e, ir.Aggregate):
            stack.extend(x for x in (e.body, e.condition) if x is not None)
        stack.extend(children(e))


def alternatives(expr: ir.Expr) -> list[ir.Expr]:
    """`a of b` in a table cell lists the values an input may have."""
    if isinstance(expr, ir.Binary) and expr.op == "of":
        return alternatives(expr.left) + alternatives(expr.right)
    return [expr]
