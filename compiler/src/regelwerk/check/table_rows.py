"""A row to add for a gap the table check found, as the analyst would write it (a quick fix).

The result cell is left as `…`: what the row yields is for the analyst to decide, so the file
does not read again until it is filled in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from regelwerk.diagnostics import Fix
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.span import Span

if TYPE_CHECKING:
    from regelwerk.check.tables import ColumnSpec, Interval, Piece

PLACEHOLDER = "…"


def gap_row_fix(version: ir.TableVersion, columns: Sequence[ColumnSpec], region: Sequence[Piece],
                show: Callable[[t.Type, Decimal], str]) -> Fix | None:
    """Insert `| cell | ... | … |` below the last row of `version`, covering `region`."""
    if not version.rows:
        return None
    cells = []
    for column, piece in zip(columns, region):
        if isinstance(piece, frozenset):
            values = [v for v in column.values if v in piece]
            if len(values) == len(column.values) or not values:
                cells.append("n.v.t.")
            else:
                value = values[0]
                cells.append(("ja" if value else "nee") if isinstance(value, bool) else str(value))
        else:
            cells.append(_range_cell(piece, column, show))
    cells.append(PLACEHOLDER)
    last = version.rows[-1]
    indent = " " * (last.span.column - 1)
    text = indent + "| " + " | ".join(cells) + " |\n"
    line = last.span.end_line + 1
    return Fix("Voeg een rij toe voor het gat in de tabel", Span(last.span.file, line, 1, line, 1),
               text)


def _range_cell(piece: Interval, column: ColumnSpec, show: Callable[[t.Type, Decimal], str]) -> str:
    low, high = piece.low, piece.high
    if low is None and high is None:
        return "n.v.t."
    if low is not None and high is not None and low == high:
        return show(column.type, low)
    words = []
    if low is not None:
        words.append(f"{'vanaf' if piece.low_in else 'meer dan'} {show(column.type, low)}")
    if high is not None:
        words.append(f"{'tot en met' if piece.high_in else 'tot'} {show(column.type, high)}")
    return " ".join(words)
