"""Reading source text by span, and the blocks of a rule file (a definition and its indented lines)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from regelwerk.ir.span import Span
from regelwerk.syntax.blocks import TOP


def span_text(lines: Sequence[str], span: Span) -> str:
    if not 1 <= span.line <= len(lines):
        return ""
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1: span.end_column - 1]
    parts = [lines[span.line - 1][span.column - 1:]]
    parts.extend(lines[span.line: span.end_line - 1])
    if span.end_line <= len(lines):
        parts.append(lines[span.end_line - 1][: span.end_column - 1])
    return " ".join(p.strip() for p in parts)


@attrs.frozen
class Block:
    keyword: str
    start: int  # 0-based first line
    end: int  # 0-based last line (no trailing blank or comment lines)


def blocks(lines: Sequence[str]) -> list[Block]:
    """Top-level blocks: a line at column 1 that starts with a keyword, up to the next one.

    Read from the text, so the outline and folding still work while the file has a syntax error.
    """
    found: list[Block] = []
    current: tuple[str, int] | None = None
    last = -1
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace():
            if current is not None:
                found.append(Block(current[0], current[1], last))
            match = TOP.match(line)
            current = (match.group(0), number) if match else None
        last = number
    if current is not None:
        found.append(Block(current[0], current[1], last))
    return found


def block_at(lines: Sequence[str], line: int) -> Block | None:
    """The block holding a 1-based line."""
    return next((b for b in blocks(lines) if b.start <= line - 1 <= b.end), None)
