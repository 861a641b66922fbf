"""Definitions and the names that refer to them, in a checked (or partly checked) program.

A definition is keyed by (module, name): a choice value by (module, value), a field of `gegevens`
by (module, "record.field"). References come from what the name check resolved (the program's
targets), from `uitvoer`, from types that name a choice or `gegevens`, from `gebruik` (the module
itself) and from the names a test gives or expects.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.lsp.convert import contains
from regelwerk.pipeline import Program

Key = tuple[str, str]

KINDS: dict[type, str] = {
    ir.InputDef: "invoer", ir.ParameterDef: "parameter", ir.ChoiceDef: "keuze",
    ir.RecordDef: "gegevens", ir.TableDef: "tabel", ir.RuleDef: "regel",
}

MODULE = "module"  # the key (name, MODULE) is a module itself


@attrs.frozen
class Symbol:
    key: Key
    kind: str  # invoer | parameter | keuze | gegevens | tabel | regel | keuzewaarde | veld | module
    span: Span  # the name where it is defined
    node: object
    module: ir.Module


@attrs.frozen
class Reference:
    key: Key
    span: Span  # the whole name as written (`gezin.type`)
    name: str  # the part that names the definition (`type`)

    def name_span(self) -> Span:
        """The span of just the defined name, for a rename."""
        span = self.span
        if span.line == span.end_line and span.end_column - span.column >= len(self.name):
            return Span(span.file, span.line, span.end_column - len(self.name), span.line,
                        span.end_column)
        return span


def definitions(program: Program) -> dict[Key, Symbol]:
    found: dict[Key, Symbol] = {}
    for module in program.modules.values():
        found.setdefault((module.name, MODULE), Symbol((module.name, MODULE), MODULE, module.span,
                                                        module, module))
        for definition in module.definitions:
            key = (module.name, definition.name)
            found.setdefault(key, Symbol(key, KINDS[type(definition)], definition.span, definition,
                                         module))
            if isinstance(definition, ir.ChoiceDef):
                for option in definition.options:
                    okey = (module.name, option.name)
                    found.setdefault(okey, Symbol(okey, "keuzewaarde", option.span, option, module))
            elif isinstance(definition, ir.RecordDef):
                for field in definition.fields:
                    fkey = (module.name, f"{definition.name}.{field.name}")
                    found.setdefault(fkey, Symbol(fkey, "veld", field.span, field, module))
    return found


def references(program: Program) -> Iterator[Reference]:
    for name, target in program.targets.items():
        if target.kind == "element" or target.fields:
            continue
        yield Reference((target.module, target.name), name.span, target.name)
    for module in program.modules.values():
        yield from _module_references(module, program)


def _module_references(module: ir.Module, program: Program) -> Iterator[Reference]:
    used = program.used.get(module.path, {})
    for use in module.uses:
        for name in use.names:
            yield Reference((name.text, MODULE), name.span, name.text)
    for output in module.output_names:
        yield Reference((module.name, output.text), output.span, output.text)
    for type_expr in _type_exprs(module):
        if not type_expr.name:
            continue
        if len(type_expr.name) == 2 and type_expr.name[0] in used:
            yield Reference((type_expr.name[0], type_expr.name[1]), type_expr.span, type_expr.name[1])
        elif len(type_expr.name) == 1:
            owner = _owner(type_expr.name[0], module, used)
            if owner is not None:
                yield Reference((owner, type_expr.name[0]), type_expr.span, type_expr.name[0])
    for test in module.tests:
        for assignment in (*test.given, *test.expected):
            owner = _owner(assignment.name, module, used)
            if owner is None:
                continue
            span = assignment.span
            end = span.column + len(assignment.name)
            yield Reference((owner, assignment.name), Span(span.file, span.line, span.column,
                                                           span.line, end), assignment.name)


def _owner(name: str, module: ir.Module, used: dict[str, ir.Module]) -> str | None:
    if module.definition(name) is not None:
        return module.name
    return next((m.name for m in used.values() if m.definition(name) is not None), None)


def _type_exprs(module: ir.Module) -> Iterator[ir.TypeExpr]:
    for definition in module.definitions:
        if isinstance(definition, (ir.InputDef, ir.ParameterDef, ir.RuleDef)):
            yield definition.type
        if isinstance(definition, ir.RuleDef):
            yield from (a.type for a in definition.arguments)
        elif isinstance(definition, ir.RecordDef):
            yield from (f.type for f in definition.fields)
        elif isinstance(definition, ir.TableDef):
            yield from (c.type for v in definition.versions for c in v.columns)


def key_at(program: Program, file: str, line: int, column: int) -> Key | None:
    """What the name at a position refers to, or the definition whose name is there."""
    for reference in references(program):
        if reference.span.file == file and contains(reference.span, line, column):
            return reference.key
    for symbol in definitions(program).values():
        if symbol.span.file == file and contains(symbol.span, line, column):
            return symbol.key
    return None


def type_text(type_expr: ir.TypeExpr) -> str:
    if type_expr.base == "lijst":
        return "lijst van " + ".".join(type_expr.name)
    if type_expr.name:
        return ".".join(type_expr.name)
    return type_expr.base + (f" per {type_expr.per}" if type_expr.per else "")
