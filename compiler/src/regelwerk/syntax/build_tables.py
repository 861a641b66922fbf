"""Builds tables: their versions, rows and cells (ranges, comparisons, values).

A table is the one definition with a grid of its own; the row and cell rules return small markers
(first hit, rows, upper bounds) that only `tabel` and `table_version` put together.
"""

from __future__ import annotations

from typing import Any

import attrs
from lark.tree import Meta

from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.syntax.build_base import Annotation, BuilderBase


@attrs.frozen
class _FirstHit:
    pass


@attrs.frozen
class _Rows:
    columns: tuple[ir.Column, ...]
    rows: tuple[ir.Row, ...]
    span: Span


@attrs.frozen
class _Upper:
    value: ir.Expr
    inclusive: bool


class TableBuilder(BuilderBase):
    """`tabel` with its versions, rows and cells."""

    # ------------------------------------------------------------- tables
    def tabel(self, meta: Meta, children: list[Any]) -> ir.TableDef:
        name = children[0]
        first_hit = any(isinstance(c, _FirstHit) for c in children)
        note = self.annotations(children[1:])
        versions = [c for c in children if isinstance(c, ir.TableVersion)]
        for rows in (c for c in children if isinstance(c, _Rows)):
            versions.append(ir.TableVersion(None, rows.columns, rows.rows, None, None, rows.span))
        known = next((v.columns for v in versions if v.unknown is None), ())
        versions = [attrs.evolve(v, columns=known) if v.unknown is not None else v
                    for v in versions]
        return ir.TableDef(str(name), tuple(versions), first_hit, note.label, note.reference,
                           self.tspan(name))

    def first_hit(self, meta: Meta, children: list[Any]) -> _FirstHit:
        return _FirstHit()

    def table_option(self, meta: Meta, children: list[Any]) -> Any:
        return children[0]

    def table_version(self, meta: Meta, children: list[Any]) -> ir.TableVersion:
        date = self.date_value(children[0])
        unknown = next((c for c in children if isinstance(c, ir.Unknown)), None)
        if unknown is not None:
            note = self.annotations(children[1:])
            return ir.TableVersion(date, (), (), None, note.reference, self.span(meta), unknown)
        provisional = next((c for c in children if isinstance(c, ir.Provisional)), None)
        note = self.annotations(children[1:])
        rows = next(c for c in children if isinstance(c, _Rows))
        return ir.TableVersion(date, rows.columns, rows.rows, provisional, note.reference,
                               self.span(meta))

    def table_rows(self, meta: Meta, children: list[Any]) -> _Rows:
        return _Rows(tuple(children[0]), tuple(children[1:]), self.span(meta))

    def header_row(self, meta: Meta, children: list[ir.Column]) -> list[ir.Column]:
        return list(children)

    def column(self, meta: Meta, children: list[Any]) -> ir.Column:
        return ir.Column(str(children[0]), children[1], self.span(meta))

    def row(self, meta: Meta, children: list[Any]) -> ir.Row:
        cells = [c for c in children if not isinstance(c, (ir.Provisional, Annotation))]
        provisional = next((c for c in children if isinstance(c, ir.Provisional)), None)
        note = self.annotations(children)
        return ir.Row(tuple(cells), provisional, note.reference, self.span(meta))

    def any_cell(self, meta: Meta, children: list[Any]) -> ir.AnyCell:
        return ir.AnyCell(self.span(meta))

    def range_from(self, meta: Meta, children: list[Any]) -> ir.RangeCell:
        upper = children[1] if len(children) > 1 else None
        return ir.RangeCell(children[0], True, upper.value if upper else None,
                            upper.inclusive if upper else False, self.span(meta))

    def range_above(self, meta: Meta, children: list[Any]) -> ir.RangeCell:
        upper = children[1] if len(children) > 1 else None
        return ir.RangeCell(children[0], False, upper.value if upper else None,
                            upper.inclusive if upper else False, self.span(meta))

    def range_upto(self, meta: Meta, children: list[Any]) -> ir.RangeCell:
        upper = children[0]
        return ir.RangeCell(None, False, upper.value, upper.inclusive, self.span(meta))

    def upper_exclusive(self, meta: Meta, children: list[Any]) -> _Upper:
        return _Upper(children[0], False)

    def upper_inclusive(self, meta: Meta, children: list[Any]) -> _Upper:
        return _Upper(children[0], True)

    def compare_cell(self, meta: Meta, children: list[Any]) -> ir.CompareCell:
        return ir.CompareCell(children[0], children[1], self.span(meta))

    def expr_cell(self, meta: Meta, children: list[Any]) -> ir.ValueCell:
        return ir.ValueCell(children[0], self.span(meta))
