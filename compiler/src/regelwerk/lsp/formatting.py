"""Formatting: the whole document through `regelwerk fmt`, refusing where fmt refuses."""

from __future__ import annotations

from lsprotocol import types as lsp

from regelwerk.fmt import format_text
from regelwerk.lsp.convert import end_of
from regelwerk.lsp.documents import Analysis
from regelwerk.syntax.parser import MAX_SOURCE_BYTES


def format_document(analysis: Analysis) -> tuple[list[lsp.TextEdit], str | None]:
    """The edit to the canonical layout, or no edit and the reason fmt refused."""
    if len(analysis.text) > MAX_SOURCE_BYTES:
        return [], "het bestand is te groot om op te maken"
    result = format_text(analysis.text, analysis.display)
    if result.text is None:
        reason = result.diagnostics[0].message if result.diagnostics else "onbekende reden"
        return [], f"regelwerk fmt maakt dit bestand niet op: {reason}"
    if result.text == analysis.text:
        return [], None
    last = len(analysis.lines) - 1
    end = end_of(analysis.lines, last)
    whole = lsp.Range(start=lsp.Position(line=0, character=0), end=end)
    return [lsp.TextEdit(range=whole, new_text=result.text)], None
