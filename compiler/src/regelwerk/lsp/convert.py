"""Spans <-> LSP positions and ranges; paths <-> URIs.

A span counts lines and columns from 1 in code points; LSP counts from 0 in the units of the
position encoding agreed at start-up: UTF-16 by default (`€` is one unit, a character outside the
Basic Multilingual Plane two), UTF-8 when the client prefers it (`€` is three), or UTF-32.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types as lsp
from pygls.uris import from_fs_path, to_fs_path

from regelwerk.ir.span import Span


def uri_of(path: str | Path) -> str:
    return from_fs_path(str(Path(path).resolve())) or ""


def path_of(uri: str) -> Path:
    return Path(to_fs_path(uri) or uri)


_ENCODING = ["utf-16"]


def use_encoding(kind: str) -> None:
    """The position encoding of this session (`utf-8`, `utf-16` or `utf-32`)."""
    _ENCODING[0] = kind if kind in ("utf-8", "utf-16", "utf-32") else "utf-16"


def units(text: str) -> int:
    """The length of `text` in the units of the position encoding."""
    if _ENCODING[0] == "utf-8":
        return len(text.encode("utf-8"))
    if _ENCODING[0] == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def end_of(lines: Sequence[str], line: int) -> lsp.Position:
    """The end of a 0-based line."""
    return lsp.Position(line=line, character=units(_line(lines, line)))


def _line(lines: Sequence[str], number: int) -> str:
    return lines[number] if 0 <= number < len(lines) else ""


def position(lines: Sequence[str], line: int, column: int) -> lsp.Position:
    """1-based line and code-point column -> LSP position."""
    row = max(line - 1, 0)
    return lsp.Position(line=row, character=units(_line(lines, row)[: max(column - 1, 0)]))


def span_range(span: Span, lines: Sequence[str]) -> lsp.Range:
    start = position(lines, span.line, span.column)
    end_line, end_column = span.end_line, span.end_column
    if (end_line, end_column) <= (span.line, span.column):
        end_line, end_column = span.line, span.column + 1
    return lsp.Range(start=start, end=position(lines, end_line, end_column))


def span_location(span: Span, lines: Sequence[str]) -> lsp.Location:
    return lsp.Location(uri=uri_of(span.file), range=span_range(span, lines))


def column_of(lines: Sequence[str], pos: lsp.Position) -> tuple[int, int]:
    """LSP position -> 1-based line and code-point column."""
    text = _line(lines, pos.line)
    counted = 0
    for index, char in enumerate(text):
        if counted >= pos.character:
            return pos.line + 1, index + 1
        counted += units(char)
    return pos.line + 1, len(text) + 1


def contains(span: Span, line: int, column: int) -> bool:
    if (line, column) < (span.line, span.column):
        return False
    return (line, column) <= (span.end_line, span.end_column)
