"""Aggregates over the members of a list input: the members are one flat domain (each with its
household, `parent`, and per household a run `offsets[i]:offsets[i+1]`), so `som`, `aantal`,
`enig`, `alle`, `minimum` and `maximum` are sums and reductions over runs."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from regelwerk import runtime
from regelwerk.backends.population.vector import fixed
from regelwerk.backends.population.vector.columns import (
    Col,
    Domain,
    Notes,
    Unsupported,
    merge,
    object_array,
    reduce_notes,
    restrict,
    to_dec,
)
from regelwerk.core import nodes as c

if TYPE_CHECKING:
    from regelwerk.backends.population.vector.compile import ColumnCompiler, Ctx

Array = Any


def aggregate(compiler: ColumnCompiler, node: c.Aggregate, ctx: Ctx) -> Col:
    from regelwerk.backends.population.vector.compile import Ctx

    collection = compiler.value(node.collection, ctx)
    if collection.kind != "list" or collection.member is None or collection.fields is None:
        raise Unsupported("een lijst die geen invoer is")
    if ctx.dom.parent is not None:
        raise Unsupported("een lijst binnen een lijst")
    member = collection.member
    households = compiler.households
    record = Col("record", None, member, fields=collection.fields)
    inner = Ctx(member, {**ctx.locals, node.variable: record}, ctx.day)
    notes: Notes = dict(collection.notes)
    if node.condition is not None:
        cond = compiler.expand(compiler.value(node.condition, inner), member)
        selected = np.broadcast_to(cond.data, (member.size,))
        notes = merge(notes, reduce_notes(cond.notes, member, households))
    else:
        selected = np.ones(member.size, dtype=bool)
    parent, offsets = member.runs()
    counts = np.diff(offsets) if node.condition is None else _counts(selected, offsets)
    if node.op == "aantal":
        return Col("num", counts.astype(np.int64), households, 0, 0, notes)
    if node.op == "enig":
        return Col("bool", counts > 0, households, notes=notes)
    if node.op == "alle":
        return Col("bool", counts == np.diff(offsets), households, notes=notes)
    assert node.body is not None
    body = compiler.expand(compiler.value(node.body, inner), member)
    notes = merge(notes, reduce_notes(restrict(body.notes, selected), member, households,
                                      selected))
    if node.op == "som":
        return _sum(body, selected, counts, member, households, notes, node.condition is None)
    empty = counts == 0
    if empty.any():
        notes = merge(notes, {f"!het {node.op} over een lege lijst bestaat niet": empty})
    return _extreme(node.op, body, selected, member, households, notes)


def _counts(selected: Array, offsets: Array) -> Array:
    """Per household how many of its members are selected (a running count at the offsets;
    in 32 bits when the members are fewer than 2^31: a third faster than 64)."""
    kind = np.int32 if len(selected) < 2 ** 31 else np.int64
    running = np.empty(len(selected) + 1, dtype=kind)
    running[0] = 0
    np.cumsum(selected.view(np.uint8), dtype=kind, out=running[1:])
    return running[offsets[1:]] - running[offsets[:-1]]


def _sum(body: Col, selected: Array, counts: Array, member: Domain, households: Domain,
         notes: Notes, everyone: bool = False) -> Col:
    """`som`: the selected members' values per household (`everyone`: every member is)."""
    parent, offsets = member.runs()
    values = np.broadcast_to(body.data, (member.size,))
    if body.kind == "num":
        chosen = values if everyone else np.where(selected, values, 0)
        if fixed.magnitude(chosen) <= fixed.LIMIT // max(member.size, 1):
            running = np.empty(len(chosen) + 1, dtype=np.int64)
            running[0] = 0
            np.cumsum(chosen, out=running[1:])
            sums = running[offsets[1:]] - running[offsets[:-1]]
            if isinstance(body.exp, int):
                exp: Any = 0
                if body.exp < 0:  # a Decimal sum starts at 0 (exponent 0): min(0, exp)
                    exp = body.exp if counts.all() else np.where(counts > 0, body.exp, 0)
            else:
                exp = np.zeros(households.size, dtype=np.int64)
                exps = np.broadcast_to(body.exp, (member.size,))
                np.minimum.at(exp, parent[selected], exps[selected])
            return Col("num", sums, households, body.scale, exp, notes)
        body = to_dec(body)
        values = np.broadcast_to(body.data, (member.size,))
    out = []
    with decimal.localcontext(runtime.CONTEXT):
        for i in range(households.size):
            lo, hi = offsets[i], offsets[i + 1]
            out.append(sum([v for v, s in zip(values[lo:hi], selected[lo:hi]) if s], Decimal(0)))
    return Col("dec", object_array(out), households, notes=notes)


def _extreme(op: str, body: Col, selected: Array, member: Domain, households: Domain,
             notes: Notes) -> Col:
    parent, offsets = member.runs()
    if body.kind in ("dec", "wide") or (body.kind == "num" and not isinstance(body.exp, int)):
        body = to_dec(body)
        values = np.broadcast_to(body.data, (member.size,))
        pick = max if op == "maximum" else min
        out = []
        for i in range(households.size):
            lo, hi = offsets[i], offsets[i + 1]
            chosen = [v for v, s in zip(values[lo:hi], selected[lo:hi]) if s]
            out.append(pick(chosen) if chosen else Decimal(0))
        return Col("dec", object_array(out), households, notes=notes)
    values = np.broadcast_to(body.data, (member.size,))
    index = np.nonzero(selected)[0]
    parents = parent[index]
    out_values = np.zeros(households.size, dtype=values.dtype)
    if len(index):
        present, starts = np.unique(parents, return_index=True)
        reducer = np.maximum if op == "maximum" else np.minimum
        out_values[present] = reducer.reduceat(values[index], starts)
    return Col(body.kind, out_values, households, body.scale, body.exp, notes)
