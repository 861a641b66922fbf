"""Pass: the structure of a regulation (RW33x, RW401, RW402).

Cycles between rules are errors; a regulation without outputs, a rule that no output uses and an
input that is never read are warnings: they are usually a forgotten line, not a wrong one.
"""

from __future__ import annotations

import attrs

from regelwerk.check.context import Context
from regelwerk.check.dependencies import Edge, Key, edges, reachable
from regelwerk.check.depth import check_depth
from regelwerk.diagnostics import Diagnostic, error, warning
from regelwerk.ir import nodes as ir


def check_structure(module: ir.Module, context: Context) -> list[Diagnostic]:
    graph = edges(module, context)
    diagnostics = _cycles(module, graph)
    if not diagnostics:
        diagnostics = check_depth(module, context)
    if module.kind == "regeling":
        diagnostics += _usage(module, graph)
    return diagnostics


def _usage(module: ir.Module, graph: list[Edge]) -> list[Diagnostic]:
    if not module.outputs:
        return [warning("RW330", f"regeling {module.name} heeft geen uitvoer", module.span,
                        "noem met 'uitvoer' de regels die de regeling oplevert")]
    outputs = [(module.name, name.text) for name in module.output_names]
    used = reachable(outputs, graph)
    diagnostics = []
    for definition in module.definitions:
        if (module.name, definition.name) in used:
            continue
        if isinstance(definition, ir.RuleDef):
            diagnostics.append(warning(
                "RW331", f"regel {definition.name} wordt door geen uitvoer gebruikt",
                definition.span, "noem de regel bij 'uitvoer', gebruik hem in een andere regel, "
                "of schrap hem"))
        elif isinstance(definition, ir.InputDef):
            diagnostics.append(warning(
                "RW332", f"invoer {definition.name} wordt nergens gelezen", definition.span,
                "gebruik de invoer in een regel, of schrap hem"))
    return diagnostics


def _cycles(module: ir.Module, graph: list[Edge]) -> list[Diagnostic]:
    """Each cycle once, with every step and where it is taken."""
    forward: dict[Key, list[Edge]] = {}
    for edge in graph:
        forward.setdefault(edge.source, []).append(edge)
    diagnostics = []
    reported: set[frozenset[Key]] = set()
    cyclic = _on_cycles(forward)
    for start in sorted(cyclic):
        cycle = _find_cycle(start, forward)
        if cycle is None or frozenset(e.source for e in cycle) in reported:
            continue
        reported.add(frozenset(e.source for e in cycle))
        path = " → ".join([cycle[0].source[1], *(e.target[1] for e in cycle)])
        first = cycle[0]
        diagnostics.append(error(
            "RW401", f"deze definities hangen in een kring van elkaar af: {path}", first.span,
            "een regel kan niet, ook niet via andere regels, zijn eigen uitkomst gebruiken"))
        diagnostics[-1] = _with_notes(diagnostics[-1], cycle)
    return diagnostics


def _on_cycles(forward: dict[Key, list[Edge]]) -> set[Key]:
    """The definitions that lie on some cycle: a strongly connected component of two or more, or
    one that reads itself (Kosaraju, without recursion). Only from these is a cycle looked for, so
    a chain of thousands of rules is not searched from each of them."""
    nodes = set(forward) | {e.target for out in forward.values() for e in out}
    order: list[Key] = []
    seen: set[Key] = set()
    for root in sorted(nodes):
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(forward.get(root, [])))]
        while stack:
            node, following = stack[-1]
            edge = next(following, None)
            if edge is None:
                stack.pop()
                order.append(node)
            elif edge.target not in seen:
                seen.add(edge.target)
                stack.append((edge.target, iter(forward.get(edge.target, []))))
    backward: dict[Key, list[Key]] = {}
    for out in forward.values():
        for e in out:
            backward.setdefault(e.target, []).append(e.source)
    component: dict[Key, int] = {}
    for root in reversed(order):
        if root in component:
            continue
        component[root] = len(component)
        todo = [root]
        while todo:
            for source in backward.get(todo.pop(), []):
                if source not in component:
                    component[source] = component[root]
                    todo.append(source)
    sizes: dict[int, int] = {}
    for number in component.values():
        sizes[number] = sizes.get(number, 0) + 1
    return {node for node in forward if sizes[component[node]] > 1
            or any(e.target == node for e in forward[node])}


def _with_notes(diagnostic: Diagnostic, cycle: list[Edge]) -> Diagnostic:
    notes = tuple((f"{e.source[1]} gebruikt {e.target[1]}", e.span) for e in cycle[1:])
    return attrs.evolve(diagnostic, notes=notes)


def _find_cycle(start: Key, forward: dict[Key, list[Edge]]) -> list[Edge] | None:
    """A shortest cycle through `start`, by breadth-first search back to it."""
    parents: dict[Key, Edge] = {}
    frontier = [start]
    seen = {start}
    while frontier:
        following = []
        for node in frontier:
            for edge in forward.get(node, []):
                if edge.target == start:
                    path = [edge]
                    while path[0].source != start:
                        path.insert(0, parents[path[0].source])
                    return path
                if edge.target not in seen:
                    seen.add(edge.target)
                    parents[edge.target] = edge
                    following.append(edge.target)
        frontier = following
    return None
