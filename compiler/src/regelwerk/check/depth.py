"""How deep a calculation goes (RW402): expressions, and the rules they read, nested into each other.

The interpreter recurses once per level of an expression and into every rule it reads; a generated
module calls one function per rule it reads. So the depth of a definition is the depth of its own
expressions, where reading a rule, parameter or table adds that definition's depth at the place it is
read. One limit on that number keeps every stage within Python's default recursion limit of 1,000
frames (a generated module runs in someone else's service, with that default); the syntax tree of
a single expression is bounded earlier, by RW009.
"""

from __future__ import annotations

from collections.abc import Iterator

from regelwerk.check.context import Context
from regelwerk.check.dependencies import Key, expressions
from regelwerk.check.walk import children
from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir

MAX_EVALUATION_DEPTH = 200


def check_depth(module: ir.Module, context: Context) -> list[Diagnostic]:
    """RW402 for the first definition whose calculation goes deeper than MAX_EVALUATION_DEPTH.

    Only called on a module without cycles between its definitions."""
    reads: dict[Key, list[tuple[int, Key, ir.Name]]] = {}
    own: dict[Key, int] = {}
    definitions = {(m.name, d.name): d for m in (*context.used.values(), module)
                   for d in m.definitions if not isinstance(d, ir.InputDef)}
    for key, definition in definitions.items():
        own[key], reads[key] = _measure(definition, context)
    depth: dict[Key, int] = {}
    via: dict[Key, Key | None] = {}
    for start in (k for k in definitions if k[0] == module.name):
        _settle(start, reads, own, depth, via)
        if depth[start] > MAX_EVALUATION_DEPTH:
            return [_too_deep(definitions[start], depth[start], start, via)]
    return []


def _measure(definition: ir.Definition, context: Context
             ) -> tuple[int, list[tuple[int, Key, ir.Name]]]:
    """The depth of a definition's own expressions, and each definition it reads at its depth."""
    deepest = 0
    found: list[tuple[int, Key, ir.Name]] = []
    for expr in expressions(definition):
        for node, level in _nodes(expr):
            deepest = max(deepest, level)
            name = _read(node)
            target = context.targets.get(name) if name is not None else None
            if target is not None and target.kind in ("regel", "parameter", "tabel"):
                found.append((level, (target.module, target.name), name))  # type: ignore[arg-type]
    return deepest, found


def _read(node: ir.Expr) -> ir.Name | None:
    if isinstance(node, ir.Name):
        return node
    if isinstance(node, ir.Call):
        return node.callee
    if isinstance(node, ir.Aggregate):
        return node.collection
    return None


def _nodes(expr: ir.Expr) -> Iterator[tuple[ir.Expr, int]]:
    stack = [(expr, 1)]
    while stack:
        node, level = stack.pop()
        yield node, level
        inner = children(node)
        if isinstance(node, ir.Aggregate):
            inner += [x for x in (node.body, node.condition) if x is not None]
        stack.extend((child, level + 1) for child in inner)


def _settle(start: Key, reads: dict[Key, list[tuple[int, Key, ir.Name]]], own: dict[Key, int],
            depth: dict[Key, int], via: dict[Key, Key | None]) -> None:
    """Depths in dependency order, without recursion (a chain may be thousands of rules long)."""
    stack = [start]
    while stack:
        key = stack[-1]
        if key in depth:
            stack.pop()
            continue
        waiting = [t for _, t, _ in reads.get(key, []) if t in reads and t not in depth]
        if waiting:
            stack.extend(waiting)
            continue
        stack.pop()
        best, through = own.get(key, 0), None
        for level, target, _ in reads.get(key, []):
            total = level + depth.get(target, 0)
            if total > best:
                best, through = total, target
        depth[key], via[key] = best, through


def _too_deep(definition: ir.Definition, total: int, start: Key, via: dict[Key, Key | None]
              ) -> Diagnostic:
    chain = [start[1]]
    step = via.get(start)
    while step is not None and len(chain) < 6:
        chain.append(step[1])
        step = via.get(step)
    shown = " → ".join(chain) + (" → ..." if step is not None else "")
    return error(
        "RW402",
        f"de berekening van {definition.name} gaat {total} niveaus diep (hoogstens "
        f"{MAX_EVALUATION_DEPTH}): {shown}",
        definition.span,
        "maak de keten van regels die elkaar lezen korter, bijvoorbeeld door stappen samen te nemen "
        "in één regel, of door een som over een lijst te gebruiken",
    )
