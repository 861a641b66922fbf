"""What a regulation's module contains, before any code is written.

The module holds every input (the calculation validates all of them, as the interpreter does) and
the definitions the outputs need, in the regulation's own modules and in those it uses: rules,
parameters and tables no output reaches are left out. Each gets a Python name once, here, so that
every later step writes the same name for the same definition. Everything is read from the core IR.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from regelwerk.backends.python import names
from regelwerk.core import nodes as c
from regelwerk.core.visitor import walk
from regelwerk.ir import types as t

# Module-level names the generated code uses itself; a DSL name equal to one of them is changed.
RESERVED = frozenset({
    "annotations", "datetime", "Decimal", "Final", "Literal", "Mapping", "NotRequired", "Sequence", "TypeAlias",
    "TypedDict", "TYPE_CHECKING", "rt", "regelwerk_runtime",
    "bereken", "bereken_deel", "bereken_json", "Callable", "Invoer", "Uitvoer", "INVOER_SCHEMA",
    "UITVOER_SCHEMA", "REGELING",
    "TITEL", "VERSIE", "GELDIG_VANAF", "GELDIG_TOT", "BRON", "COMPILER_VERSIE", "InvoerFout",
    "RekenFout", "OnbekendeWaarde", "Resultaat", "Uitleg",
    # fixed local names inside generated functions
    "r", "rij", "treffers", "waarde", "gelden", "soorten", "dag", "uitvoer", "invoer",
    "peildatum", "verzoek", "regels",
})
LOCALS = frozenset({"r", "rij", "treffers", "waarde", "gelden", "soorten", "dag", "uitvoer",
                    "invoer", "peildatum", "verzoek", "regels"})

Key = tuple[str, str]  # (module, definition name)

# The definitions that become a function of the module.
Computed = c.Input | c.Parameter | c.Table | c.Rule
COMPUTED = (c.Input, c.Parameter, c.Table, c.Rule)


@attrs.define
class Plan:
    """The regulation's module: its definitions in order and the Python name of each."""

    program: c.Program
    inputs: list[c.Input]  # every input the calculation reads, as the interpreter orders them
    definitions: list[Computed]  # the definitions the outputs reach
    identifiers: dict[Key, str]
    records: dict[t.RecordType, str]  # record -> name of its TypedDict (exact values)
    record_inputs: dict[t.RecordType, str]  # record -> name of its TypedDict for callers
    choices: dict[t.ChoiceType, str]  # keuze -> name of its Literal alias
    # a `regel per` output -> the function that computes it for every member
    per_member: dict[Key, str] = attrs.field(factory=dict)

    def identifier(self, module: str, name: str) -> str:
        return self.identifiers[(module, name)]

    def find(self, module: str, name: str) -> c.Definition:
        return self.program.find(module, name)


def plan(program: c.Program) -> Plan:
    inputs = program.inputs()
    reached = reachable(program)
    namespace = names.Namespace(RESERVED)
    records: dict[t.RecordType, str] = {}
    record_inputs: dict[t.RecordType, str] = {}
    choices: dict[t.ChoiceType, str] = {}
    for type_ in _types(inputs, reached):
        if isinstance(type_, t.RecordType) and type_ not in records:
            base = names.capitalized(names.base_identifier(type_.name))
            records[type_] = namespace.claim(base)
            record_inputs[type_] = namespace.claim(base + "Invoer")
        elif isinstance(type_, t.ChoiceType) and type_ not in choices:
            choices[type_] = namespace.claim(names.capitalized(names.base_identifier(type_.name)))
    identifiers: dict[Key, str] = {}
    for definition in reached:
        identifiers[(definition.module, definition.name)] = _claim_definition(
            namespace, definition.module, definition.name)
    per_member = {(o.module, o.name): namespace.claim(names.base_identifier(f"uitvoer_{o.name}"))
                  for o in program.main.outputs if o.per_member}
    return Plan(program, inputs, reached, identifiers, records, record_inputs, choices, per_member)


def _claim_definition(namespace: names.Namespace, module: str, name: str) -> str:
    """The definition's own name; when another definition has it, prefixed with the module's."""
    base = names.base_identifier(name)
    if base in namespace.claimed:
        base = names.base_identifier(f"{module}_{name}")
    return namespace.claim(base)


def output_definition(program: c.Program, output: c.Output) -> Computed:
    """What an `uitvoer` names (the lowering resolved it)."""
    definition = program.find(output.module, output.name)
    # The checker allows rules (a `regel per` when the input has one list to compute it for),
    # inputs and parameters as outputs.
    assert isinstance(definition, COMPUTED), output
    assert output.per_member == (isinstance(definition, c.Rule) and definition.per is not None)
    return definition


def output_type(program: c.Program, output: c.Output) -> t.Type:
    """The type of an output's value: that of its definition, or one per member."""
    output_definition(program, output)  # the checks of what an output can be
    return c.output_types(program)[output.name]


def reachable(program: c.Program) -> list[Computed]:
    """Definitions the outputs need, in source order: the regulation's first, then used modules'."""
    found: set[Key] = set()
    stack: list[c.Definition] = [output_definition(program, o) for o in program.main.outputs]
    # an `eis` is checked on every calculation, so what it reads is needed too
    direct = (program.main, *(program.modules[n] for n in program.main.uses
                              if n in program.modules))
    stack += [d for module in direct for d in module.definitions
              if isinstance(d, c.Input) and d.requirements]
    while stack:
        definition = stack.pop()
        key = (definition.module, definition.name)
        if key in found or not isinstance(definition, COMPUTED):
            continue
        found.add(key)
        for module, name in references(definition):
            stack.append(program.find(module, name))
    ordered: list[Computed] = []
    for source in (program.main, *all_used(program)):
        for definition in source.definitions:
            if (source.name, definition.name) in found and isinstance(definition, COMPUTED):
                ordered.append(definition)
                found.discard((source.name, definition.name))
    return ordered


def all_used(program: c.Program) -> Iterator[c.Module]:
    """The modules used, directly or through another module, each once, in the order of use."""
    seen = {program.main.name}
    queue = list(program.main.uses)
    while queue:
        name = queue.pop(0)
        if name in seen or name not in program.modules:
            continue
        seen.add(name)
        module = program.modules[name]
        yield module
        queue.extend(module.uses)


REFERENCES = (c.InputRef, c.ParameterRef, c.ParameterOn, c.RuleRef, c.RuleCall, c.TableLookup)


def references(definition: c.Node) -> Iterator[Key]:
    """Every input, parameter, rule and table a definition's expressions read."""
    for node in walk(definition):
        if isinstance(node, REFERENCES):
            yield node.module, node.name


def _types(inputs: list[c.Input], reached: list[Computed]) -> Iterator[t.Type]:
    """Every type the module names, inner types (fields, elements) included, in a stable order."""
    roots: list[t.Type] = [d.type for d in inputs]
    for definition in reached:
        roots.append(definition.type)
        if isinstance(definition, c.Table):
            roots.extend(column.type for column in definition.inputs)
        if isinstance(definition, c.Rule) and definition.per is not None:
            roots.append(member_type(definition))
    for root in roots:
        yield from _inner(root)


def member_type(rule: c.Rule) -> t.RecordType:
    """The record a `regel per ...` is computed for."""
    assert rule.per is not None and rule.per_type is not None
    return rule.per_type


def _inner(type_: t.Type) -> Iterator[t.Type]:
    if isinstance(type_, t.ListType):
        yield from _inner(type_.element)
    elif isinstance(type_, t.RecordType):
        for _, field in type_.fields:
            yield from _inner(field)
    yield type_
