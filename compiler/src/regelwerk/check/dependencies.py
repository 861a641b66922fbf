"""Which definition reads which: the graph behind cycle detection, usage and the diff."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from regelwerk.check.context import Context
from regelwerk.check.walk import names_in, rule_expressions
from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span

Key = tuple[str, str]  # (module, definition name)


@attrs.frozen
class Edge:
    source: Key
    target: Key
    span: Span  # where the source reads the target


def expressions(definition: ir.Definition) -> Iterator[ir.Expr]:
    if isinstance(definition, ir.RuleDef):
        yield from rule_expressions(definition)
    elif isinstance(definition, ir.ParameterDef):
        yield from (value.value for value in definition.values if value.value is not None)
    elif isinstance(definition, ir.InputDef):
        yield from (requirement.condition for requirement in definition.requirements)
    elif isinstance(definition, ir.TableDef):
        for version in definition.versions:
            for row in version.rows:
                for cell in row.cells:
                    yield from cell_expressions(cell)


def cell_expressions(cell: ir.Cell) -> Iterator[ir.Expr]:
    if isinstance(cell, ir.RangeCell):
        yield from (e for e in (cell.lower, cell.upper) if e is not None)
    elif isinstance(cell, ir.CompareCell):
        yield cell.value
    elif isinstance(cell, ir.ValueCell):
        yield cell.value


def edges(module: ir.Module, context: Context) -> list[Edge]:
    """Every read of a rule, parameter, table or input by a definition of `module`. What an `eis`
    of an input reads is no dependency: it is checked on the given input, before any calculation."""
    out = []
    for definition in module.definitions:
        if isinstance(definition, ir.InputDef):
            continue
        source = (module.name, definition.name)
        for expr in expressions(definition):
            for name in names_in(expr):
                target = context.targets.get(name)
                if target is not None and target.kind in ("regel", "parameter", "tabel", "invoer"):
                    out.append(Edge(source, (target.module, target.name), name.span))
    return out


def reachable(starts: list[Key], graph: list[Edge]) -> set[Key]:
    forward: dict[Key, list[Key]] = {}
    for edge in graph:
        forward.setdefault(edge.source, []).append(edge.target)
    seen = set(starts)
    stack = list(starts)
    while stack:
        for target in forward.get(stack.pop(), []):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen
