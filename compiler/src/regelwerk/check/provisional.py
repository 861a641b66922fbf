"""Pass: list every provisional (voorlopig) value, so none is forgotten (RW504, a warning)."""

from __future__ import annotations

from regelwerk.check.context import Context
from regelwerk.diagnostics import Diagnostic, warning
from regelwerk.ir import nodes as ir


def check_provisional(module: ir.Module, context: Context) -> list[Diagnostic]:
    found: list[tuple[str, ir.Provisional]] = []
    for definition in module.definitions:
        if isinstance(definition, ir.ParameterDef):
            for value in definition.values:
                if value.provisional is not None:
                    date = f" vanaf {value.valid_from.isoformat()}" if value.valid_from else ""
                    found.append((f"parameter {definition.name}{date}", value.provisional))
        elif isinstance(definition, ir.TableDef):
            for version in definition.versions:
                if version.provisional is not None:
                    found.append((f"tabel {definition.name}", version.provisional))
                for index, row in enumerate(version.rows, start=1):
                    if row.provisional is not None:
                        found.append((f"rij {index} van tabel {definition.name}", row.provisional))
    return [
        warning("RW504", f"{what} is voorlopig" + (f": {p.reason}" if p.reason else ""), p.span,
                "vervang de waarde door de definitieve en schrap 'voorlopig' zodra die bekend is")
        for what, p in found
    ]
