"""Name lookup shared by the passes: definitions of the module and of the modules it uses."""

from __future__ import annotations

import difflib

import attrs

from regelwerk.check.context import Context, Target
from regelwerk.core import functions
from regelwerk.ir import nodes as ir

KIND_OF = {
    ir.InputDef: "invoer",
    ir.ParameterDef: "parameter",
    ir.RuleDef: "regel",
    ir.TableDef: "tabel",
    ir.ChoiceDef: "keuze",
    ir.RecordDef: "gegevens",
}

# Members bound where an expression stands: variable -> (module, record name). An argument of a
# rule (`regel x(dag: datum)`) is bound as (module, ARGUMENT + rule name).
Members = dict[str, tuple[str, str]]
ARGUMENT = "@argument:"


@attrs.frozen
class Unresolved:
    message: str
    hint: str


def definition_kind(definition: ir.Definition) -> str:
    return KIND_OF[type(definition)]


def lookup(context: Context, name: str) -> tuple[str, ir.Definition] | None:
    """A bare name: the module's own definition first, then one from a used module."""
    own = context.module.definition(name)
    if own is not None:
        return context.module.name, own
    found = [(m.name, d) for m in context.used.values() if (d := m.definition(name)) is not None]
    return found[0] if len(found) == 1 else None


def defining_modules(context: Context, name: str) -> list[str]:
    return [m.name for m in context.used.values() if m.definition(name) is not None]


def lookup_qualified(context: Context, parts: tuple[str, ...]) -> tuple[str, ir.Definition, int] | None:
    """`gezin.type` or a bare name; returns the module, the definition and how many parts it took."""
    if len(parts) > 1 and parts[0] in context.used and parts[0] != context.module.name:
        definition = context.used[parts[0]].definition(parts[1])
        if definition is not None:
            return parts[0], definition, 2
        return None
    found = lookup(context, parts[0])
    if found is None:
        return None
    return found[0], found[1], 1


def resolve_type_name(context: Context, parts: tuple[str, ...]) -> tuple[str, ir.Definition] | None:
    found = lookup_qualified(context, parts)
    if found is None or found[2] != len(parts):
        return None
    module, definition, _ = found
    if isinstance(definition, (ir.ChoiceDef, ir.RecordDef)):
        return module, definition
    return None


def choice_values(context: Context, value: str) -> list[tuple[str, str]]:
    """The keuzes (module, name) that have `value` as one of their options."""
    out = []
    for module in context.modules():
        for definition in module.definitions:
            if isinstance(definition, ir.ChoiceDef) and any(o.name == value for o in definition.options):
                out.append((module.name, definition.name))
    return out


def visible_names(context: Context, members: Members) -> list[str]:
    names = set(members)
    for module in context.modules():
        for definition in module.definitions:
            names.add(definition.name)
            if isinstance(definition, ir.ChoiceDef):
                names.update(o.name for o in definition.options)
    names.update(context.used)
    return sorted(names)


def suggestion(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"bedoelde u '{close[0]}'?" if close else ""


def record_field_type(context: Context, module: str, record: str, fields: tuple[str, ...]) -> ir.TypeExpr | None:
    """The type expression of `record.f1.f2...`, or None when a field does not exist."""
    definition = context.find(module, record, ir.RecordDef)
    type_expr: ir.TypeExpr | None = None
    for field in fields:
        if not isinstance(definition, ir.RecordDef):
            return None
        found = next((f for f in definition.fields if f.name == field), None)
        if found is None:
            return None
        type_expr = found.type
        resolved = resolve_type_name(context, found.type.name) if found.type.name else None
        definition = resolved[1] if resolved else None
        module = resolved[0] if resolved else module
    return type_expr


def element_record(context: Context, target: Target) -> tuple[str, str] | None:
    """For a name that denotes a list, the (module, record) of its members."""
    type_expr: ir.TypeExpr | None
    if target.kind == "invoer" and not target.fields:
        definition = context.definition_of(target)
        type_expr = definition.type if isinstance(definition, ir.InputDef) else None
    elif target.kind == "invoer":
        definition = context.definition_of(target)
        if not isinstance(definition, ir.InputDef) or not definition.type.name:
            return None
        resolved = resolve_type_name(context, definition.type.name)
        if resolved is None:
            return None
        type_expr = record_field_type(context, resolved[0], resolved[1].name, target.fields)
    elif target.kind == "element" and target.fields:
        type_expr = record_field_type(context, target.module, target.name, target.fields)
    else:
        return None
    if type_expr is None or type_expr.base != "lijst":
        return None
    resolved = resolve_type_name(context, type_expr.name)
    if resolved is None or not isinstance(resolved[1], ir.RecordDef):
        return None
    return resolved[0], resolved[1].name


def resolve(context: Context, name: ir.Name, members: Members) -> Target | Unresolved:
    parts = name.parts
    head = parts[0]
    if head in members:
        module, record = members[head]
        if record.startswith(ARGUMENT):
            if len(parts) > 1:
                return Unresolved(f"'{head}' is een argument van de regel en heeft geen gegevens",
                                  f"schrijf alleen '{head}'")
            return Target("argument", module, head, element=record[len(ARGUMENT):])
        if len(parts) > 1:
            rule = lookup(context, parts[1])
            if rule is not None and isinstance(rule[1], ir.RuleDef) and rule[1].per is not None:
                return Target("regel", rule[0], parts[1], element=head, fields=parts[2:])
        return Target("element", module, record, element=head, fields=parts[1:])
    found = lookup_qualified(context, parts)
    if found is not None:
        module, definition, used = found
        kind = definition_kind(definition)
        rest = parts[used:]
        if isinstance(definition, ir.ChoiceDef) and len(rest) == 1 and any(
            o.name == rest[0] for o in definition.options
        ):
            return Target("keuzewaarde", module, rest[0], choice=definition.name)
        if isinstance(definition, ir.RuleDef) and definition.per is not None:
            if definition.per not in members:
                return Unresolved(
                    f"'{name.text}' is een regel per {definition.per} en heeft hier geen "
                    f"{definition.per} om voor te rekenen",
                    f"gebruik de regel binnen 'som van (...) over ...', 'aantal ... waarvoor ...' "
                    f"of in een andere 'regel per {definition.per}'",
                )
            return Target("regel", module, definition.name, element=definition.per, fields=rest)
        return Target(kind, module, definition.name, fields=rest)
    if len(parts) == 1:
        owners = choice_values(context, head)
        if len(owners) == 1:
            return Target("keuzewaarde", owners[0][0], head, choice=owners[0][1])
        if owners:
            return Target("keuzewaarde", "", head, choice=None)
    if len(parts) == 2:
        choice = lookup(context, parts[0])
        if choice is not None and isinstance(choice[1], ir.ChoiceDef) and any(
            o.name == parts[1] for o in choice[1].options
        ):
            return Target("keuzewaarde", choice[0], parts[1], choice=choice[1].name)
    modules = defining_modules(context, head) if context.module.definition(head) is None else []
    if len(modules) > 1:
        return Unresolved(f"'{head}' is gedefinieerd in de modules {' en '.join(modules)}",
                          f"schrijf welke u bedoelt, bijv. {modules[0]}.{head}")
    if len(parts) == 1 and head in functions.callable_names():
        # A built-in function: only when no definition has the name (a definition comes first).
        return Target("functie", "", head)
    hint = suggestion(head, visible_names(context, members) + functions.callable_names())
    if not hint:
        hint = "definieer de naam met 'invoer', 'parameter', 'regel' of 'tabel', of lees de " \
               "module in die haar definieert met 'gebruik'"
    return Unresolved(f"de naam '{name.text}' is niet gedefinieerd", hint)
