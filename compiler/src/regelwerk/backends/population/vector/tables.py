"""Decision tables column-wise: the version is chosen once for the peildatum; each row is a mask
over the population; no row, or two rows without `eerste treffer`, is an error row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from regelwerk import runtime
from regelwerk.backends.population.vector import numbers
from regelwerk.backends.population.vector.columns import (
    Col,
    Notes,
    Unsupported,
    align,
    const,
    merge,
    restrict,
)
from regelwerk.core import nodes as c

if TYPE_CHECKING:
    from regelwerk.backends.population.vector.compile import ColumnCompiler, Ctx

Array = Any


def lookup(compiler: ColumnCompiler, node: c.TableLookup, ctx: Ctx) -> Col:
    from regelwerk.backends.population.vector.compile import dummy, select_dated

    table = compiler.find(node.module, node.name)
    assert isinstance(table, c.Table)
    args = [compiler.value(arg, ctx) for arg in node.args]
    cols, dom = align(*args)
    if dom is None:
        dom = ctx.dom
        cols = [compiler.expand(col, dom) for col in cols]
    notes: Notes = merge(*(col.notes for col in cols))
    version = select_dated(table.versions, compiler.peildatum)
    if version is None:
        return dummy(table.type).with_notes(merge(notes, {
            f"!tabel {table.name} heeft geen versie op {compiler.peildatum.isoformat()}": None}))
    if version.unknown is not None:
        return dummy(table.type).with_notes(merge(notes, {"!" + runtime.onbekend_melding(
            "tabel", table.name, version.valid_from, version.unknown.reason): None}))
    matches = []
    for row in version.rows:
        mask = np.ones(dom.size, dtype=bool)
        for cell, arg in zip(row.cells, cols):
            hit, cell_notes = _cell(compiler, cell, arg, ctx)
            notes = merge(notes, cell_notes)
            mask &= numbers.full(hit, dom)
        matches.append(mask)
    count = np.sum(matches, axis=0) if matches else np.zeros(dom.size, dtype=np.int64)
    if (count == 0).any():
        notes = merge(notes, {f"!tabel {table.name} heeft geen rij": count == 0})
    if not table.first_hit and (count > 1).any():
        notes = merge(notes, {f"!twee rijen van tabel {table.name} gelden": count > 1})
    first = np.argmax(matches, axis=0) if matches else np.zeros(dom.size, dtype=np.int64)
    found = count > 0
    masks, values = [], []
    for k, row in enumerate(version.rows):
        taken = found & (first == k)
        value = compiler.expand(compiler.value(row.result, ctx), dom)
        notes = merge(notes, restrict(value.notes, taken))
        provisional = row.provisional or version.provisional
        if provisional is not None and taken.any():
            name = (f"{table.name} rij {k + 1}" if row.provisional else
                    f"{table.name} versie vanaf {version.valid_from}")
            notes = merge(notes, {name: taken})
        masks.append(taken)
        values.append(value)
    if not values:
        return dummy(table.type).with_notes(notes)
    return numbers.select(masks[:-1], values[:-1], values[-1], dom, notes)


def _cell(compiler: ColumnCompiler, cell: c.Node, arg: Col, ctx: Ctx) -> tuple[Array, Notes]:
    if isinstance(cell, c.AnyCell):
        return np.ones(1, dtype=bool), {}
    if isinstance(cell, c.RangeCell):
        mask: Array = np.ones(1, dtype=bool)
        notes: Notes = {}
        if cell.lower is not None:
            lower = compiler.value(cell.lower, ctx)
            found = numbers.compare("≥" if cell.lower_inclusive else ">", arg, lower)
            mask = mask & found.data
            notes = merge(notes, found.notes)
        if cell.upper is not None:
            upper = compiler.value(cell.upper, ctx)
            found = numbers.compare("≤" if cell.upper_inclusive else "<", arg, upper)
            mask = mask & found.data
            notes = merge(notes, found.notes)
        return mask, notes
    if isinstance(cell, c.CompareCell):
        found = numbers.compare(cell.op, arg, compiler.value(cell.value, ctx))
        return found.data, found.notes
    if isinstance(cell, c.ValueCell):
        mask = np.zeros(1, dtype=bool)
        notes = {}
        for value in cell.values:
            found = numbers.compare("=", arg, compiler.value(value, ctx))
            mask = mask | found.data
            notes = merge(notes, found.notes)
        return mask, notes
    raise Unsupported(f"een tabelcel {type(cell).__name__}")


__all__ = ["const", "lookup"]
