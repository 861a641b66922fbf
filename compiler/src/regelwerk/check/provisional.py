"""Pass: list every provisional (voorlopig, RW504) and unknown (onbekend, RW505) value, so none is
forgotten. Both are warnings: the rules are complete, but a figure still awaits its source."""

from __future__ import annotations

from regelwerk.check.context import Context
from regelwerk.diagnostics import Diagnostic, warning
from regelwerk.ir import nodes as ir
from regelwerk.runtime import voorlopig_tekst


def check_provisional(module: ir.Module, context: Context) -> list[Diagnostic]:
    found: list[tuple[str, ir.Provisional | ir.Unknown]] = []
    for definition in module.definitions:
        if isinstance(definition, ir.ParameterDef):
            for value in definition.values:
                date = f" vanaf {value.valid_from.isoformat()}" if value.valid_from else ""
                marker = value.provisional or value.unknown
                if marker is not None:
                    found.append((f"parameter {definition.name}{date}", marker))
        elif isinstance(definition, ir.TableDef):
            for version in definition.versions:
                date = f" vanaf {version.valid_from.isoformat()}" if version.valid_from else ""
                marker = version.provisional or version.unknown
                if marker is not None:
                    found.append((f"tabel {definition.name}{date}", marker))
                for index, row in enumerate(version.rows, start=1):
                    if row.provisional is not None:
                        found.append((f"rij {index} van tabel {definition.name}", row.provisional))
    return [_diagnostic(what, marker) for what, marker in found]


def _diagnostic(what: str, marker: ir.Provisional | ir.Unknown) -> Diagnostic:
    if isinstance(marker, ir.Unknown):
        return warning("RW505", f"{what} is onbekend: {marker.reason}", marker.span,
                       "vul de waarde in zodra de bron gevonden is; tot dan stopt elke berekening "
                       "die ze nodig heeft")
    return warning("RW504", f"{what} is {voorlopig_tekst(marker.reason)}",
                   marker.span,
                   "vervang de waarde door de definitieve en schrap 'voorlopig' zodra die bekend is")
