"""Source positions: every IR node and diagnostic points back into a rule file."""

from __future__ import annotations

import attrs


@attrs.frozen
class Span:
    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


NOWHERE = Span("<onbekend>", 0, 0, 0, 0)
