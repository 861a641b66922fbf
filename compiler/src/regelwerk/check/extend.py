"""Before the checks: `gegevens b zoals a` gets the fields of `a`, then its own.

Expanding once, here, lets every later stage (types, interpreter, backends, annex, diff) see an
ordinary record; a change to `a` then shows in every regulation that builds on it. The inherited
fields keep the spans and references of `a`. Their types are qualified with a's module (`tijdvak`
becomes `periodes.tijdvak`), because they are read where `b` is defined.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir


def expand_records(module: ir.Module, used: Mapping[str, ir.Module]
                   ) -> tuple[ir.Module, list[Diagnostic]]:
    """The module with every `zoals` record expanded, and what stood in the way."""
    if not any(isinstance(d, ir.RecordDef) and d.base is not None for d in module.definitions):
        return module, []
    expander = _Expander(module, used)
    definitions = tuple(expander.expanded(d) if isinstance(d, ir.RecordDef) else d
                        for d in module.definitions)
    return attrs.evolve(module, definitions=definitions), expander.diagnostics


class _Expander:
    def __init__(self, module: ir.Module, used: Mapping[str, ir.Module]) -> None:
        self.module = module
        self.used = used
        self.done: dict[str, ir.RecordDef] = {}
        self.diagnostics: list[Diagnostic] = []

    def expanded(self, record: ir.RecordDef, chain: tuple[str, ...] = ()) -> ir.RecordDef:
        if record.base is None:
            return record
        if record.name in self.done:
            return self.done[record.name]
        if record.name in chain:
            cycle = " -> ".join((*chain, record.name))
            self.diagnostics.append(error(
                "RW111", f"gegevens breiden elkaar in een kring uit: {cycle}", record.span,
                "laat één van de gegevens zijn velden zelf noemen, zonder 'zoals'"))
            return attrs.evolve(record, base=None)
        found = self.base(record)
        if found is None:
            return attrs.evolve(record, base=None)
        module_name, base = found
        if module_name == self.module.name:
            base = self.expanded(base, (*chain, record.name))
            inherited = base.fields
        else:
            inherited = tuple(_qualified(f, self.used[module_name]) for f in base.fields)
        result = attrs.evolve(record, fields=inherited + record.fields, inherited=len(inherited))
        self.done[record.name] = result
        return result

    def base(self, record: ir.RecordDef) -> tuple[str, ir.RecordDef] | None:
        assert record.base is not None
        parts = record.base.parts
        if len(parts) == 1:
            source, name = self.module, parts[0]
        elif len(parts) == 2 and parts[0] in self.used:
            source, name = self.used[parts[0]], parts[1]
        else:
            self.diagnostics.append(error(
                "RW102", f"'{record.base.text}' na 'zoals' is geen gegevenstype", record.base.span,
                "noem gegevens uit dit bestand, of 'module.gegevens' uit een module die u gebruikt"))
            return None
        definition = source.definition(name)
        if not isinstance(definition, ir.RecordDef):
            what = "niet gedefinieerd" if definition is None else "geen gegevenstype"
            self.diagnostics.append(error(
                "RW102", f"'{record.base.text}' na 'zoals' is {what}", record.base.span,
                "na 'zoals' staan gegevens ('gegevens ...'), waarvan de velden worden overgenomen"))
            return None
        return source.name, definition  # a base in a used module was expanded when it was loaded


def _qualified(field: ir.FieldDef, source: ir.Module) -> ir.FieldDef:
    """A field of a record in `source`, with its type read in `source` (a choice value of a
    default is found in every module used, so it needs no module name)."""
    type_ = field.type
    if len(type_.name) == 1 and source.definition(type_.name[0]) is not None:
        type_ = attrs.evolve(type_, name=(source.name, *type_.name))
    return attrs.evolve(field, type=type_)
