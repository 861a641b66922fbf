"""Quick fixes and other code actions.

For a diagnostic: the fix a check stated (a row for a gap in a table), "bedoelde u X?" applied,
curly quotes and hard spaces replaced, the missing `anders` added to an `als`. On a rule: a test
to fill in. Renaming a definition across files is the editor's rename (see navigation).
"""

from __future__ import annotations

import datetime
import re

from lsprotocol import types as lsp

from regelwerk.diagnostics import Diagnostic, Fix
from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.lsp.convert import end_of, span_range
from regelwerk.lsp.documents import Analysis
from regelwerk.lsp.text import block_at, blocks
from regelwerk.syntax.suggestions import character_hint, repair_typography

_MEANT = re.compile(r"bedoelde u '([^']+)'\?|bedoelde u (€ [0-9.,]+)\?")


def code_actions(analysis: Analysis, program_analysis: Analysis, request: lsp.Range
                 ) -> list[lsp.CodeAction]:
    actions: list[lsp.CodeAction] = []
    for diagnostic in analysis.result.diagnostics:
        if diagnostic.span.file != analysis.display:
            continue
        where = span_range(diagnostic.span, analysis.lines)
        if where.end.line < request.start.line or where.start.line > request.end.line:
            continue
        for fix in fixes(diagnostic, analysis, program_analysis):
            actions.append(_action(fix, analysis, diagnostic))
    actions.extend(_test_skeleton(program_analysis, analysis, request.start.line + 1))
    return actions


def fixes(diagnostic: Diagnostic, analysis: Analysis, program_analysis: Analysis) -> list[Fix]:
    found = list(diagnostic.fixes)
    meant = _MEANT.search(diagnostic.hint) or _MEANT.search(diagnostic.message)
    if meant is not None:
        replacement = meant.group(1) or meant.group(2)
        if "..." not in replacement:
            found.append(Fix(f"Vervang door '{replacement}'", diagnostic.span, replacement))
    if diagnostic.code == "RW001" and character_hint(_char_at(analysis, diagnostic.span) or ""):
        repaired = repair_typography(analysis.text)
        if repaired != analysis.text:
            found.append(Fix("Vervang gekrulde aanhalingstekens en vaste spaties", _whole(analysis),
                             repaired))
    if diagnostic.code == "RW304":
        fix = _otherwise(diagnostic, analysis, program_analysis)
        if fix is not None:
            found.append(fix)
    return found


def _action(fix: Fix, analysis: Analysis, diagnostic: Diagnostic | None) -> lsp.CodeAction:
    lines = analysis.lines
    if fix.span.end_line > len(lines):  # past the end: insert at the very end
        last = len(lines) - 1
        end = end_of(lines, last)
        edit_range = lsp.Range(start=end, end=end)
        text = ("\n" if lines[last] else "") + fix.text
    elif (fix.span.end_line, fix.span.end_column) == (fix.span.line, fix.span.column):
        start = span_range(fix.span, lines).start
        edit_range = lsp.Range(start=start, end=start)
        text = fix.text
    else:
        edit_range = span_range(fix.span, lines)
        text = fix.text
    return lsp.CodeAction(
        title=fix.title, kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[_lsp_diagnostic(diagnostic, lines)] if diagnostic is not None else None,
        edit=lsp.WorkspaceEdit(changes={analysis.uri: [lsp.TextEdit(range=edit_range,
                                                                    new_text=text)]}))


def _lsp_diagnostic(diagnostic: Diagnostic, lines: list[str]) -> lsp.Diagnostic:
    return lsp.Diagnostic(range=span_range(diagnostic.span, lines), message=diagnostic.message,
                          code=diagnostic.code, source="regelwerk")


def _whole(analysis: Analysis) -> Span:
    last = len(analysis.lines)
    return Span(analysis.display, 1, 1, last, len(analysis.lines[-1]) + 1)


def _char_at(analysis: Analysis, span: Span) -> str | None:
    if not 0 < span.line <= len(analysis.lines):
        return None
    line = analysis.lines[span.line - 1]
    return line[span.column - 1] if 0 < span.column <= len(line) else None


def _otherwise(diagnostic: Diagnostic, analysis: Analysis, program_analysis: Analysis) -> Fix | None:
    rule = _definition_in_block(program_analysis, analysis, diagnostic.span.line)
    if not isinstance(rule, ir.RuleDef):
        return None
    end = Span(diagnostic.span.file, diagnostic.span.end_line, diagnostic.span.end_column,
               diagnostic.span.end_line, diagnostic.span.end_column)
    return Fix("Voeg 'anders' toe", end, f" anders {default_value(rule.type, program_analysis)}")


def _definition_in_block(program_analysis: Analysis, analysis: Analysis, line: int
                         ) -> ir.Definition | ir.TestDef | None:
    block = block_at(analysis.lines, line)
    module = program_analysis.program.modules.get(analysis.display)
    if block is None or module is None:
        return None
    for definition in module.definitions:
        if block.start <= definition.span.line - 1 <= block.end:
            return definition
    return None


def default_value(type_expr: ir.TypeExpr, analysis: Analysis, day: datetime.date | None = None
                  ) -> str:
    """A value of the type to start from: the analyst replaces it."""
    base = type_expr.base
    if base == "bedrag":
        return "€ 0,00"
    if base == "percentage":
        return "0 %"
    if base == "ja/nee":
        return "nee"
    if base == "datum":
        return (day or datetime.date.today()).isoformat()
    if base in ("duur", "jaren"):
        return "0 jaren"
    if type_expr.name:
        for module in analysis.program.modules.values():
            choice = module.definition(type_expr.name[-1])
            if isinstance(choice, ir.ChoiceDef) and choice.options:
                return choice.options[0].name
    return "0"


def _test_skeleton(program_analysis: Analysis, analysis: Analysis, line: int) -> list[lsp.CodeAction]:
    rule = _definition_in_block(program_analysis, analysis, line)
    module = program_analysis.program.modules.get(analysis.display)
    if not isinstance(rule, ir.RuleDef) or module is None or rule.per or rule.arguments:
        return []
    day = module.valid_from or datetime.date.today()
    inputs = _inputs_read(program_analysis, module, rule)
    given = ", ".join(f"{i.name} = {default_value(i.type, program_analysis, day)}" for i in inputs)
    lines = [f"test \"{rule.name}\"", f"  peildatum {day.isoformat()}"]
    if given:
        lines.append(f"  gegeven {given}")
    lines.append(f"  verwacht {rule.name} = {default_value(rule.type, program_analysis, day)}")
    end_line = len(analysis.lines) + 1
    fix = Fix(f"Voeg een test toe voor regel {rule.name}", Span(analysis.display, end_line, 1,
                                                                end_line, 1),
              "\n" + "\n".join(lines) + "\n")
    action = _action(fix, analysis, None)
    action.kind = lsp.CodeActionKind.Refactor
    return [action]


def _inputs_read(analysis: Analysis, module: ir.Module, rule: ir.RuleDef) -> list[ir.InputDef]:
    """The inputs of this module a rule reads, directly or through other rules of the module."""
    program = analysis.program
    by_block = {b.start: b for b in blocks(analysis.source_lines(module.path))}
    names_by_line: dict[int, list[tuple[str, str]]] = {}
    for reference, target in program.targets.items():
        if reference.span.file == module.path and target.module == module.name:
            names_by_line.setdefault(reference.span.line, []).append((target.kind, target.name))
    seen: set[str] = set()
    inputs: list[ir.InputDef] = []
    stack = [rule.name]
    while stack:
        current = module.definition(stack.pop())
        if current is None or current.name in seen:
            continue
        seen.add(current.name)
        block = by_block.get(current.span.line - 1)
        if block is None:
            continue
        for number in range(block.start + 1, block.end + 2):
            for kind, name in names_by_line.get(number, []):
                found = module.definition(name)
                if kind == "invoer" and isinstance(found, ir.InputDef) and found not in inputs:
                    if found.type.base != "lijst":
                        inputs.append(found)
                elif kind == "regel":
                    stack.append(name)
    return inputs

