"""Which outputs a changed definition can affect: the dependency graph of the core IR.

Each definition reads what its core nodes point at (`core.visitor.walk`): rules, rule calls, tables,
parameters (also on another date) and inputs, plus the keuzes and gegevens named by the types of its
nodes (a new keuze value or another default of a field reaches every rule that reads such a value).
"""

from __future__ import annotations

from collections.abc import Iterator

from regelwerk.core import nodes as c
from regelwerk.core.visitor import walk
from regelwerk.diff.model import SELF, Affected, Node
from regelwerk.ir import types as t

REFERENCES = (c.RuleRef, c.RuleCall, c.ParameterRef, c.ParameterOn, c.TableLookup, c.InputRef)


def node_of(program: c.Program, module: str, name: str) -> Node:
    return (SELF if module == program.main.name else module, name)


def dependencies(program: c.Program) -> dict[Node, set[Node]]:
    """What each definition of the regulation and its modules reads, from its core nodes."""
    named = _named_types(program)
    graph: dict[Node, set[Node]] = {}
    for module in program.all_modules():
        for definition in module.definitions:
            reads: set[Node] = set()
            for found in walk(definition):
                if isinstance(found, REFERENCES):
                    reads.add(node_of(program, found.module, found.name))
                for type_ in _types_of(found):
                    for name in _type_names(type_):
                        target = named.get((module.name, name)) or named.get(("", name))
                        if target is not None:
                            reads.add(node_of(program, *target))
            graph[node_of(program, module.name, definition.name)] = reads
    return graph


def _named_types(program: c.Program) -> dict[tuple[str, str], tuple[str, str]]:
    """(module, type name) -> where the keuze or gegevens is defined; ("", name) for the first one
    anywhere (a type used from another module)."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for module in program.all_modules():
        for definition in module.definitions:
            if isinstance(definition, (c.Choice, c.Record)):
                found[(module.name, definition.name)] = (module.name, definition.name)
                found.setdefault(("", definition.name), (module.name, definition.name))
    return found


def _types_of(node: c.Node) -> Iterator[t.Type]:
    type_ = getattr(node, "type", None)
    if isinstance(type_, t.Type):
        yield type_
    if isinstance(node, c.Rule):
        yield from (a.type for a in node.arguments)
    if isinstance(node, c.Table):
        yield from (col.type for col in node.columns)


def _type_names(type_: t.Type) -> Iterator[str]:
    if isinstance(type_, t.ChoiceType):
        yield type_.name
    elif isinstance(type_, t.ListType):
        yield from _type_names(type_.element)
    elif isinstance(type_, t.RecordType):
        yield type_.name
        for _, field in type_.fields:
            yield from _type_names(field)


def reachable(graph: dict[Node, set[Node]], start: Node) -> set[Node]:
    seen: set[Node] = set()
    stack = [start]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        stack.extend(graph.get(current, ()))
    return seen


def affected(old: c.Program, new: c.Program, changed: set[Node]) -> tuple[Affected, ...]:
    """The outputs of both versions whose value a changed definition can change, in the new order."""
    old_graph, new_graph = dependencies(old), dependencies(new)
    old_outputs = {o.name: node_of(old, o.module, o.name) for o in old.main.outputs}
    found = []
    for output in new.main.outputs:
        if output.name not in old_outputs:
            continue  # a new output: listed as added
        reached = (reachable(new_graph, node_of(new, output.module, output.name))
                   | reachable(old_graph, old_outputs[output.name]))
        causes = sorted(reached & changed, key=lambda n: (n[0] != SELF, n[0], n[1]))
        if causes:
            found.append(Affected(output.name, tuple(
                name if module == SELF else f"{module}.{name}" for module, name in causes)))
    return tuple(found)
