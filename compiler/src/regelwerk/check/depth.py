"""How deep a calculation goes (RW402): expressions, and the rules they read, nested into each other.

Two numbers, each with its limit, so that every stage computes what `check` accepts:

- levels: the depth of a definition's expressions, where reading a rule, parameter or table adds that
  definition's levels at the place it is read. The interpreter recurses once or twice per level
  (under the recursion limit the pipeline sets, `pipeline.RECURSION_LIMIT`).
- calls: the longest chain of definitions that read each other. A generated module calls two or
  three functions per link (with the explanation), and runs in someone else's service, under
  Python's default limit of 1,000 frames.

The syntax tree of a single expression is bounded earlier, by RW009.
"""

from __future__ import annotations

from collections.abc import Iterator

from regelwerk.check.context import Context
from regelwerk.check.dependencies import Key, expressions
from regelwerk.check.walk import children, name_read
from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir

MAX_EVALUATION_DEPTH = 1000  # levels
MAX_CALL_CHAIN = 200  # definitions that read each other


def check_depth(module: ir.Module, context: Context) -> list[Diagnostic]:
    """RW402 for the first definition whose calculation goes deeper than MAX_EVALUATION_DEPTH.

    Only called on a module without cycles between its definitions."""
    reads: dict[Key, list[tuple[int, Key, ir.Name]]] = {}
    own: dict[Key, int] = {}
    definitions = {(m.name, d.name): d for m in (*context.used.values(), module)
                   for d in m.definitions if not isinstance(d, ir.InputDef)}
    for key, definition in definitions.items():
        own[key], reads[key] = _measure(definition, context)
    depth: dict[Key, tuple[int, int]] = {}  # (levels, calls)
    via: dict[Key, Key | None] = {}
    for start in (k for k in definitions if k[0] == module.name):
        _settle(start, reads, own, depth, via)
        levels, calls = depth[start]
        if levels > MAX_EVALUATION_DEPTH or calls > MAX_CALL_CHAIN:
            return [_too_deep(definitions[start], levels, calls, start, via)]
    return []


def _measure(definition: ir.Definition, context: Context
             ) -> tuple[int, list[tuple[int, Key, ir.Name]]]:
    """The depth of a definition's own expressions, and each definition it reads at its depth."""
    deepest = 0
    found: list[tuple[int, Key, ir.Name]] = []
    for expr in expressions(definition):
        for node, level in _nodes(expr):
            deepest = max(deepest, level)
            name = name_read(node)
            target = context.targets.get(name) if name is not None else None
            if target is not None and target.kind in ("regel", "parameter", "tabel"):
                found.append((level, (target.module, target.name), name))  # type: ignore[arg-type]
    return deepest, found


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
            depth: dict[Key, tuple[int, int]], via: dict[Key, Key | None]) -> None:
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
        levels, calls, through = own.get(key, 0), 1, None
        for level, target, _ in reads.get(key, []):
            target_levels, target_calls = depth.get(target, (0, 0))
            if level + target_levels > levels:
                levels = level + target_levels
            if 1 + target_calls > calls or (1 + target_calls == calls and through is None):
                calls, through = 1 + target_calls, target
        depth[key], via[key] = (levels, calls), through


def _too_deep(definition: ir.Definition, levels: int, calls: int, start: Key,
              via: dict[Key, Key | None]) -> Diagnostic:
    chain = [start[1]]
    step = via.get(start)
    while step is not None and len(chain) < 6:
        chain.append(step[1])
        step = via.get(step)
    shown = " → ".join(chain) + (" → ..." if step is not None else "")
    if calls > MAX_CALL_CHAIN:
        what = f"leest via een keten van {calls} definities (hoogstens {MAX_CALL_CHAIN}): {shown}"
    else:
        what = f"gaat {levels} niveaus diep (hoogstens {MAX_EVALUATION_DEPTH})"
    return error(
        "RW402", f"de berekening van {definition.name} {what}", definition.span,
        "maak de keten van regels die elkaar lezen korter, bijvoorbeeld door stappen samen te nemen "
        "in één regel, of door een som over een lijst te gebruiken",
    )
