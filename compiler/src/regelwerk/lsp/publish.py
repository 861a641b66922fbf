"""Pipeline diagnostics -> LSP diagnostics: code, Dutch message with the hint, related locations."""

from __future__ import annotations

from lsprotocol import types as lsp

from regelwerk.diagnostics import Diagnostic
from regelwerk.lsp.convert import span_location, span_range
from regelwerk.lsp.documents import Analysis

SOURCE = "regelwerk"


def lsp_diagnostics(analysis: Analysis) -> list[lsp.Diagnostic]:
    return [_convert(d, analysis) for d in analysis.result.diagnostics
            if d.span.file == analysis.display]


def _convert(diagnostic: Diagnostic, analysis: Analysis) -> lsp.Diagnostic:
    message = diagnostic.message
    if diagnostic.hint:
        message += f"\ntip: {diagnostic.hint}"
    related = [
        lsp.DiagnosticRelatedInformation(
            location=span_location(span, analysis.source_lines(span.file)), message=note)
        for note, span in diagnostic.notes
    ]
    return lsp.Diagnostic(
        range=span_range(diagnostic.span, analysis.lines),
        severity=lsp.DiagnosticSeverity.Error if diagnostic.is_error else lsp.DiagnosticSeverity.Warning,
        code=diagnostic.code,
        source=SOURCE,
        message=message,
        related_information=related or None,
    )
