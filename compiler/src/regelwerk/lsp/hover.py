"""Hover: what a name is (kind, type and unit, label, legal reference); for a parameter its dated
values with the one in force today, for a table its columns, for a choice its values."""

from __future__ import annotations

import datetime

from regelwerk.ir import nodes as ir
from regelwerk.lsp.documents import Analysis
from regelwerk.lsp.index import Symbol, definitions, key_at, type_text
from regelwerk.lsp.text import span_text


def hover_text(analysis: Analysis, line: int, column: int, today: datetime.date) -> str | None:
    program = analysis.program
    key = key_at(program, analysis.display, line, column)
    if key is None:
        return None
    symbol = definitions(program).get(key)
    if symbol is None:
        return None
    return describe(symbol, analysis, today)


def describe(symbol: Symbol, analysis: Analysis, today: datetime.date) -> str:
    node = symbol.node
    head = f"**{symbol.kind} {symbol.key[1]}**"
    if symbol.module.name != analysis.program.modules.get(analysis.display, symbol.module).name:
        head += f" — uit module `{symbol.module.name}`"
    lines = [head]
    type_expr = getattr(node, "type", None)
    if isinstance(type_expr, ir.TypeExpr):
        lines.append(f"type: `{type_text(type_expr)}`")
    label = getattr(node, "label", None)
    if label:
        lines.append(f"\"{label}\"")
    reference = getattr(node, "reference", None)
    if isinstance(reference, ir.Reference):
        lines.append(f"verwijzing: [{reference.text}]")
    if isinstance(node, ir.ParameterDef):
        lines.extend(_values(node, analysis, today))
    elif isinstance(node, ir.TableDef):
        lines.extend(_columns(node))
    elif isinstance(node, ir.ChoiceDef):
        lines.append("waarden: " + ", ".join(f"`{o.name}`" for o in node.options))
    elif isinstance(node, ir.RecordDef):
        lines.extend(f"- `{f.name}`: `{type_text(f.type)}`" for f in node.fields)
    elif isinstance(node, ir.RuleDef):
        if node.per:
            lines.append(f"berekend per `{node.per}`")
        if node.exceptions:
            lines.append(f"{len(node.exceptions)} uitzondering(en)")
    elif isinstance(node, ir.Module):
        lines.append(node.title or "")
    return "\n\n".join(line for line in lines if line)


def _values(parameter: ir.ParameterDef, analysis: Analysis, today: datetime.date) -> list[str]:
    in_force = None
    for value in parameter.values:
        if value.valid_from is None or value.valid_from <= today:
            if in_force is None or (value.valid_from or datetime.date.min) >= \
                    (in_force.valid_from or datetime.date.min):
                in_force = value
    rows = ["| vanaf | waarde | |", "|---|---|---|"]
    for value in parameter.values:
        when = value.valid_from.isoformat() if value.valid_from else "altijd"
        if value.unknown is not None:
            shown = f"onbekend: {value.unknown.reason}"
        elif value.value is not None:
            shown = span_text(analysis.source_lines(value.value.span.file), value.value.span)
        else:
            shown = ""
        marks = []
        if value is in_force:
            marks.append(f"geldt vandaag ({today.isoformat()})")
        if value.provisional is not None:
            marks.append("voorlopig" + (f": {value.provisional.reason}"
                                        if value.provisional.reason else ""))
        rows.append(f"| {when} | {shown} | {'; '.join(marks)} |")
    return ["\n".join(rows)]


def _columns(table: ir.TableDef) -> list[str]:
    lines = ["kolommen:"]
    for index, column in enumerate(table.columns):
        role = "uitkomst" if index == len(table.columns) - 1 else "invoer"
        lines.append(f"- `{column.name}` ({type_text(column.type)}) — {role}")
    rows = sum(len(v.rows) for v in table.versions)
    versions = len(table.versions)
    lines.append(f"{rows} rijen" + (f" in {versions} versies" if versions > 1 else ""))
    return ["\n".join(lines)]
