"""Diagnostics: what a check found, where, and how to fix it; and their rendering with a caret."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import attrs

from regelwerk.ir.span import Span
from regelwerk.lines import source_lines

ERROR = "fout"
WARNING = "waarschuwing"


@attrs.frozen
class Fix:
    """A repair a check can state exactly: replace `span` by `text` (an empty span inserts).

    The editor offers it as a quick fix; the command line does not apply it."""

    title: str
    span: Span
    text: str


@attrs.frozen
class Diagnostic:
    code: str
    severity: str
    message: str
    span: Span
    hint: str = ""
    notes: tuple[tuple[str, Span], ...] = ()
    fixes: tuple[Fix, ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def error(code: str, message: str, span: Span, hint: str = "") -> Diagnostic:
    return Diagnostic(code, ERROR, message, span, hint)


def warning(code: str, message: str, span: Span, hint: str = "") -> Diagnostic:
    return Diagnostic(code, WARNING, message, span, hint)


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    span = diagnostic.span
    return (span.file, span.line, span.column, diagnostic.code)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def render(diagnostic: Diagnostic, sources: Mapping[str, str]) -> str:
    """Render like a compiler: header, location, the source line with a caret underline, the hint."""
    lines = [f"{diagnostic.severity}[{diagnostic.code}]: {diagnostic.message}"]
    lines.extend(_excerpt(diagnostic.span, sources))
    for note, span in diagnostic.notes:
        lines.append(f"  = {note}")
        lines.extend(_excerpt(span, sources))
    if diagnostic.hint:
        lines.append(f"  = tip: {diagnostic.hint}")
    return "\n".join(lines)


def _excerpt(span: Span, sources: Mapping[str, str]) -> list[str]:
    out = [f"  --> {span.file}:{span.line}:{span.column}"]
    text = sources.get(span.file)
    if text is None:
        return out
    lines = source_lines(text)  # split once per source, however many diagnostics it has
    if not 1 <= span.line <= len(lines):
        return out
    line = _printable(lines[span.line - 1])
    number = str(span.line)
    pad = " " * len(number)
    start = max(span.column, 1)
    if span.end_line == span.line and span.end_column > start:
        width = span.end_column - start
    else:
        width = max(len(line) - start + 1, 1)
    out.append(f" {pad} |")
    out.append(f" {number} | {line}")
    out.append(f" {pad} | {' ' * (start - 1)}{'^' * width}")
    return out


def _printable(line: str) -> str:
    # Tabs would shift the caret; control characters would garble a terminal.
    return "".join(" " if c == "\t" else (c if c.isprintable() else "?") for c in line)


def to_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps(
        [
            {
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "file": d.span.file,
                "line": d.span.line,
                "column": d.span.column,
                "end_line": d.span.end_line,
                "end_column": d.span.end_column,
                "hint": d.hint,
            }
            for d in diagnostics
        ],
        ensure_ascii=False,
        indent=2,
    )
