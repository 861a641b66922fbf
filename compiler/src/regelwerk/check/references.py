"""Pass: traceability (RW5xx). Every definition names the article it encodes.

A missing reference is a warning; under `--strict` (what `make run` and CI use for regulations/ and
stdlib_rules/) it is an error.
"""

from __future__ import annotations

from regelwerk.check.context import Context
from regelwerk.check.scope import definition_kind
from regelwerk.diagnostics import ERROR, WARNING, Diagnostic
from regelwerk.ir import nodes as ir


def check_references(module: ir.Module, context: Context) -> list[Diagnostic]:
    severity = ERROR if context.strict else WARNING
    diagnostics = []
    for definition in module.definitions:
        if definition.reference is None:
            kind = definition_kind(definition)
            diagnostics.append(Diagnostic(
                "RW501", severity,
                f"{kind} {definition.name} heeft geen wettelijke verwijzing",
                definition.span,
                f"zet het artikel dat {kind} {definition.name} vastlegt tussen haken achter de "
                "definitie, bijv. [art. 3, §1]",
            ))
        if isinstance(definition, ir.RuleDef):
            for exception in definition.exceptions:
                if exception.reference is None:
                    diagnostics.append(Diagnostic(
                        "RW502", severity,
                        f"de uitzondering op regel {definition.name} heeft geen eigen verwijzing",
                        exception.span,
                        "een uitzondering staat in een eigen artikel of lid; zet dat tussen haken "
                        "aan het eind van de regel",
                    ))
    if module.kind == "regeling" and module.source is None:
        diagnostics.append(Diagnostic(
            "RW503", severity, f"regeling {module.name} noemt geen bron", module.span,
            "schrijf in de kop: bron \"Besluit van ... \"",
        ))
    return diagnostics
