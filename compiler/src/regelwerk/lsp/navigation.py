"""Go to definition, find references and rename, across `gebruik` modules and stdlib_rules/.

Definition looks in the program of the open document (which holds every module it uses).
References and renames look in every rule file of the workspace as well, so renaming a definition
of a module also renames it in the regulations that use it.
"""

from __future__ import annotations

import re

from lsprotocol import types as lsp

from regelwerk.ir.span import Span
from regelwerk.lsp.convert import span_location, span_range, uri_of
from regelwerk.lsp.documents import Analysis, Documents
from regelwerk.lsp.index import MODULE, Key, definitions, key_at, references
from regelwerk.pipeline import Program

_NAME = re.compile(r"[^\W\d]\w*$")


def definition(analysis: Analysis, line: int, column: int) -> lsp.Location | None:
    program = analysis.program
    key = key_at(program, analysis.display, line, column)
    symbol = definitions(program).get(key) if key is not None else None
    if symbol is None:
        return None
    return span_location(symbol.span, analysis.source_lines(symbol.span.file))


def references_to(analysis: Analysis, documents: Documents, line: int, column: int,
                  include_declaration: bool) -> list[lsp.Location]:
    key = key_at(analysis.program, analysis.display, line, column)
    if key is None:
        return []
    programs = _programs(analysis, documents)
    return [span_location(span, _lines(analysis, programs, span.file))
            for span in _occurrences(key, programs, include_declaration)]


def rename(analysis: Analysis, documents: Documents, line: int, column: int, new_name: str
           ) -> lsp.WorkspaceEdit | None:
    key = key_at(analysis.program, analysis.display, line, column)
    if key is None or key[1] == MODULE or "." in key[1]:
        return None
    if not _NAME.match(new_name):
        raise ValueError(f"'{new_name}' is geen geldige naam")
    programs = _programs(analysis, documents)
    changes: dict[str, list[lsp.TextEdit]] = {}
    for span in _occurrences(key, programs, True):
        edit = lsp.TextEdit(range=span_range(span, _lines(analysis, programs, span.file)),
                            new_text=new_name)
        changes.setdefault(uri_of(span.file), []).append(edit)
    return lsp.WorkspaceEdit(changes=changes)


def _programs(analysis: Analysis, documents: Documents) -> list[Program]:
    programs = [analysis.program]
    workspace = documents.workspace()
    if workspace is not None:
        programs.append(workspace)
    return programs


def _lines(analysis: Analysis, programs: list[Program], file: str) -> list[str]:
    if file == analysis.display:
        return analysis.lines
    for program in programs:
        if file in program.sources:
            return program.sources[file].split("\n")
    return []


def _occurrences(key: Key, programs: list[Program], include_declaration: bool) -> list[Span]:
    """Spans of the defined name (and of its definition), once each, in file order."""
    seen: dict[tuple[str, int, int], Span] = {}
    for program in programs:
        if include_declaration:
            symbol = definitions(program).get(key)
            if symbol is not None:
                span = symbol.span
                seen.setdefault((span.file, span.line, span.column), span)
        for reference in references(program):
            if reference.key == key:
                span = reference.name_span()
                seen.setdefault((span.file, span.line, span.column), span)
    return [seen[k] for k in sorted(seen)]
