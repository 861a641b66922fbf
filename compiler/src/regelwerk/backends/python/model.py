"""What a regulation's module contains, before any code is written.

The module holds every input (the calculation validates all of them, as the interpreter does) and
the definitions the outputs need, in the regulation's own modules and in those it uses: rules,
parameters and tables no output reaches are left out. Each gets a Python name once, here, so that
every later step writes the same name for the same definition.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from regelwerk.backends.python import names
from regelwerk.check.context import Context
from regelwerk.check.dependencies import expressions
from regelwerk.check.scope import resolve_type_name
from regelwerk.check.types import declared_type, record_type
from regelwerk.check.walk import names_in
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.pipeline import CheckedModule

# Module-level names the generated code uses itself; a DSL name equal to one of them is changed.
RESERVED = frozenset({
    "annotations", "datetime", "Decimal", "Final", "Literal", "Mapping", "NotRequired", "Sequence", "TypeAlias",
    "TypedDict", "TYPE_CHECKING", "rt", "regelwerk_runtime",
    "bereken", "bereken_deel", "bereken_json", "Callable", "Invoer", "Uitvoer", "INVOER_SCHEMA",
    "UITVOER_SCHEMA", "REGELING",
    "TITEL", "VERSIE", "GELDIG_VANAF", "GELDIG_TOT", "BRON", "COMPILER_VERSIE", "InvoerFout",
    "RekenFout", "Resultaat", "Uitleg",
    # fixed local names inside generated functions
    "r", "rij", "treffers", "waarde", "gelden", "soorten", "dag", "uitvoer", "invoer",
    "peildatum", "verzoek", "regels",
})
LOCALS = frozenset({"r", "rij", "treffers", "waarde", "gelden", "soorten", "dag", "uitvoer",
                    "invoer", "peildatum", "verzoek", "regels"})

Key = tuple[str, str]  # (module, definition name)


@attrs.define
class Plan:
    """The regulation's module: its definitions in order and the Python name of each."""

    checked: CheckedModule
    inputs: list[ir.InputDef]  # every input the calculation reads, as the interpreter orders them
    definitions: list[tuple[str, ir.Definition]]  # (module, definition) the outputs reach
    identifiers: dict[Key, str]
    records: dict[t.RecordType, str]  # record -> name of its TypedDict (exact values)
    record_inputs: dict[t.RecordType, str]  # record -> name of its TypedDict for callers
    choices: dict[t.ChoiceType, str]  # keuze -> name of its Literal alias

    def identifier(self, module: str, name: str) -> str:
        return self.identifiers[(module, name)]

    def find(self, module: str, name: str) -> ir.Definition:
        definition = self.checked.find(module, name)
        assert definition is not None, (module, name)
        return definition

    def type_of(self, node: object) -> t.Type:
        found: t.Type = self.checked.type_of(node)
        return found


def plan(checked: CheckedModule) -> Plan:
    inputs = input_definitions(checked)
    reached = reachable(checked)
    namespace = names.Namespace(RESERVED)
    records: dict[t.RecordType, str] = {}
    record_inputs: dict[t.RecordType, str] = {}
    choices: dict[t.ChoiceType, str] = {}
    for type_ in _types(checked, inputs, reached):
        if isinstance(type_, t.RecordType) and type_ not in records:
            base = names.capitalized(names.base_identifier(type_.name))
            records[type_] = namespace.claim(base)
            record_inputs[type_] = namespace.claim(base + "Invoer")
        elif isinstance(type_, t.ChoiceType) and type_ not in choices:
            choices[type_] = namespace.claim(names.capitalized(names.base_identifier(type_.name)))
    identifiers: dict[Key, str] = {}
    for module, definition in reached:
        identifiers[(module, definition.name)] = _claim_definition(namespace, module, definition.name)
    return Plan(checked, inputs, reached, identifiers, records, record_inputs, choices)


def _claim_definition(namespace: names.Namespace, module: str, name: str) -> str:
    """The definition's own name; when another definition has it, prefixed with the module's."""
    base = names.base_identifier(name)
    if base in namespace.claimed:
        base = names.base_identifier(f"{module}_{name}")
    return namespace.claim(base)


def input_definitions(checked: CheckedModule) -> list[ir.InputDef]:
    """The inputs of the regulation and of the modules it uses directly, first definition first."""
    seen: dict[str, ir.InputDef] = {}
    for module in (checked.module, *checked.used.values()):
        for definition in module.definitions:
            if isinstance(definition, ir.InputDef) and definition.name not in seen:
                seen[definition.name] = definition
    return list(seen.values())


def output_definition(checked: CheckedModule, name: str) -> tuple[str, ir.Definition]:
    """What an `uitvoer` names: the regulation's own definition first, then a used module's."""
    for module in (checked.module, *checked.used.values()):
        definition = module.definition(name)
        if definition is not None:
            # The checker allows rules (never per member), inputs and parameters as outputs.
            assert not (isinstance(definition, ir.RuleDef) and definition.per is not None)
            return module.name, definition
    raise AssertionError(f"output {name} is not defined; the checker reports that")


def reachable(checked: CheckedModule) -> list[tuple[str, ir.Definition]]:
    """Definitions the outputs need, in source order: the regulation's first, then used modules'."""
    found: set[Key] = set()
    stack = [output_definition(checked, n.text) for n in checked.module.output_names]
    # an `eis` is checked on every calculation, so what it reads is needed too
    stack += [(module.name, d) for module in (checked.module, *checked.used.values())
              for d in module.definitions if isinstance(d, ir.InputDef) and d.requirements]
    while stack:
        module, definition = stack.pop()
        key = (module, definition.name)
        if key in found or not isinstance(definition, (ir.RuleDef, ir.ParameterDef, ir.TableDef,
                                                        ir.InputDef)):
            continue
        found.add(key)
        for name in references(definition):
            target = checked.target(name)
            if target.kind in ("invoer", "parameter", "regel", "tabel"):
                referenced = checked.find(target.module, target.name)
                assert referenced is not None
                stack.append((target.module, referenced))
    ordered = []
    for source in (checked.module, *_all_used(checked)):
        for definition in source.definitions:
            if (source.name, definition.name) in found:
                ordered.append((source.name, definition))
                found.discard((source.name, definition.name))
    return ordered


def _all_used(checked: CheckedModule) -> Iterator[ir.Module]:
    """The modules used, directly or through another module, each once, in the order of use."""
    seen = {checked.module.path}
    queue = list(checked.used.values())
    while queue:
        module = queue.pop(0)
        if module.path in seen:
            continue
        seen.add(module.path)
        yield module
        queue.extend(checked.program.used.get(module.path, {}).values())


def references(definition: ir.Definition) -> Iterator[ir.Name]:
    """Every name (and table called) in a definition's expressions."""
    for expr in expressions(definition):
        yield from names_in(expr)


def _types(checked: CheckedModule, inputs: list[ir.InputDef],
           reached: list[tuple[str, ir.Definition]]) -> Iterator[t.Type]:
    """Every type the module names, inner types (fields, elements) included, in a stable order."""
    roots: list[t.Type] = [checked.type_of(d) for d in inputs]
    for module, definition in reached:
        roots.append(checked.type_of(definition))
        if isinstance(definition, ir.TableDef):
            roots.extend(column_type(checked, module, column) for column in definition.inputs)
        if isinstance(definition, ir.RuleDef) and definition.per is not None:
            roots.append(member_type(checked, module, definition))
    for root in roots:
        yield from _inner(root)


def column_type(checked: CheckedModule, module: str, column: ir.Column) -> t.Type:
    """The declared type of a table column, resolved in the module that defines the table."""
    found = declared_type(context_of(checked, module), column.type)
    return found if found is not None else t.UNKNOWN


def member_type(checked: CheckedModule, module: str, rule: ir.RuleDef) -> t.RecordType:
    """The record a `regel per ...` is computed for."""
    assert rule.per is not None
    context = context_of(checked, module)
    found = resolve_type_name(context, (rule.per,))
    assert found is not None and isinstance(found[1], ir.RecordDef)
    return record_type(context, found[0], found[1])


def context_of(checked: CheckedModule, module: str) -> Context:
    if module == checked.module.name:
        return checked.context()
    for candidate in checked.program.modules.values():
        if candidate.name == module:
            return Context(candidate, checked.program.used.get(candidate.path, {}),
                           targets=checked.program.targets, types=checked.program.types)
    raise AssertionError(module)


def _inner(type_: t.Type) -> Iterator[t.Type]:
    if isinstance(type_, t.ListType):
        yield from _inner(type_.element)
    elif isinstance(type_, t.RecordType):
        for _, field in type_.fields:
            yield from _inner(field)
    yield type_
