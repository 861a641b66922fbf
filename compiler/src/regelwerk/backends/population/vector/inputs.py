"""Reading the population's columns: Arrow columns in their usual exact form are taken as they are
(decimal128, integers, bool, date32, strings of a choice, list<struct> of members); any other form
is read value by value with the runtime's own reader, and a row it refuses goes per household (where
the same reader words the InvoerFout)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from regelwerk import runtime
from regelwerk.backends.population.vector import fixed
from regelwerk.backends.population.vector.columns import (
    EPOCH,
    Col,
    Domain,
    Unsupported,
    const,
    number_from_decimals,
)
from regelwerk.core.soort import soort
from regelwerk.ir import types as t

Array = Any


def read(name: str, type_: t.Type, column: pa.Array, dom: Domain) -> Col:
    """A column of the population as a value over `dom` (its rows), with "!" notes on rows the
    runtime's reader would refuse."""
    if isinstance(type_, t.ListType):
        return _list(name, type_, column, dom)
    nulls = column.is_null().to_numpy(zero_copy_only=False) if column.null_count else None
    found = _quick(type_, column, dom)
    if found is None:
        return _careful(name, type_, column, dom)
    if nulls is not None:
        found.notes = {f"!invoer {name} onleesbaar": nulls}
    return found


def _quick(type_: t.Type, column: pa.Array, dom: Domain) -> Col | None:
    kind = column.type
    if isinstance(type_, t.NumberType) and not type_.percent:
        if pa.types.is_decimal128(kind) and kind.scale <= fixed.MAX_SCALE and kind.scale >= 0:
            words = np.frombuffer(column.buffers()[1], dtype=np.int64)
            words = words[2 * column.offset: 2 * (column.offset + len(column))].reshape(-1, 2)
            low, high = words[:, 0], words[:, 1]
            if column.null_count:
                valid = column.is_valid().to_numpy(zero_copy_only=False)
                low = np.where(valid, low, 0)
                high = np.where(valid, high, 0)
            if np.any(high != (low >> 63)) or fixed.magnitude(low) > fixed.LIMIT:
                return None
            if type_.whole and np.any(low % fixed.POW10[kind.scale] != 0):
                return None
            return Col("num", low.copy(), dom, kind.scale, -kind.scale)
        if pa.types.is_integer(kind):
            values = column.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
            if pa.types.is_uint64(kind) or fixed.magnitude(values) > fixed.LIMIT:
                return None
            return Col("num", values, dom, 0, 0)
        return None
    if isinstance(type_, t.BooleanType) and pa.types.is_boolean(kind):
        return Col("bool", column.fill_null(False).to_numpy(zero_copy_only=False), dom)
    if isinstance(type_, t.DateType) and pa.types.is_date32(kind):
        days = column.cast(pa.int32()).fill_null(0).to_numpy(zero_copy_only=False)
        return Col("date", days.astype(np.int64), dom)
    if isinstance(type_, t.ChoiceType) and (pa.types.is_string(kind) or
                                           pa.types.is_large_string(kind)):
        if len(type_.values) <= 2:  # a comparison per value: cheaper than hashing every string
            codes = np.zeros(len(column), dtype=np.int64)
            matched = column.is_null().to_numpy(zero_copy_only=False).copy() \
                if column.null_count else np.zeros(len(column), dtype=bool)
            for k, word in enumerate(type_.values):
                hit = pc.equal(column, word)
                if hit.null_count:
                    hit = hit.fill_null(False)
                rows = hit.to_numpy(zero_copy_only=False)
                if k:
                    codes[rows] = k
                matched |= rows
            if not matched.all():  # a word that is not a value of the choice
                return None
            return Col("choice", codes, dom)
        encoded = pc.dictionary_encode(column)
        words = encoded.dictionary.to_pylist()
        if any(w not in type_.values for w in words):
            return None
        mapping = np.array([type_.values.index(w) for w in words] or [0], dtype=np.int64)
        indices = encoded.indices.fill_null(0).to_numpy(zero_copy_only=False)
        return Col("choice", mapping[indices], dom)
    return None


def _careful(name: str, type_: t.Type, column: pa.Array, dom: Domain) -> Col:
    reader = soort(type_)
    values: list[Any] = []
    bad = np.zeros(len(column), dtype=bool)
    fallback: Any = {t.BooleanType: False, t.DateType: EPOCH}.get(type(type_), Decimal(0))
    if isinstance(type_, t.ChoiceType):
        fallback = type_.values[0]
    for k, raw in enumerate(column.to_pylist()):
        try:
            values.append(reader.lees(name, raw))
        except runtime.InvoerFout:
            bad[k] = True
            values.append(fallback)
    if isinstance(type_, t.NumberType):
        found = number_from_decimals(values, dom)
    elif isinstance(type_, t.BooleanType):
        found = Col("bool", np.array(values, dtype=bool), dom)
    elif isinstance(type_, t.DateType):
        found = Col("date", np.array([(v - EPOCH).days for v in values], dtype=np.int64), dom)
    elif isinstance(type_, t.ChoiceType):
        found = Col("choice", np.array([type_.values.index(v) for v in values], dtype=np.int64),
                    dom)
    else:
        raise Unsupported(f"invoer {name} van het type {type_.describe()}")
    if bad.any():
        found.notes = {f"!invoer {name} onleesbaar": bad}
    return found


def _list(name: str, type_: t.ListType, column: pa.Array, dom: Domain) -> Col:
    kind = column.type
    if not (pa.types.is_list(kind) or pa.types.is_large_list(kind)) or \
            not pa.types.is_struct(kind.value_type):
        raise Unsupported(f"invoer {name} is geen lijst van records (list<struct>)")
    bad = column.is_null().to_numpy(zero_copy_only=False).copy() if column.null_count \
        else np.zeros(len(column), dtype=bool)
    offsets = np.asarray(column.offsets.to_numpy(zero_copy_only=False), dtype=np.int64)
    offsets = np.where(np.concatenate(([False], bad)), 0, offsets) if bad.any() else offsets
    if bad.any():  # a null list has no members; rebuild offsets from the lengths
        lengths = np.where(bad, 0, column.value_lengths().fill_null(0).to_numpy(
            zero_copy_only=False))
        values = pc.list_flatten(column)
        offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    else:
        values = column.flatten()
        offsets = offsets - offsets[0]
    sizes = np.diff(offsets)
    parent = np.repeat(np.arange(dom.size, dtype=np.int64), sizes)
    member = Domain(int(offsets[-1]), parent, offsets, name)
    record = type_.element
    known = dict(record.fields)
    defaults = dict(record.defaults)
    has_members = sizes > 0
    struct_type = values.type
    present = {struct_type.field(k).name for k in range(struct_type.num_fields)}
    if present - set(known):
        bad |= has_members
    if values.null_count:
        null_members = values.is_null().to_numpy(zero_copy_only=False)
        bad |= np.bincount(parent[null_members], minlength=dom.size) > 0
    fields: dict[str, Col] = {}
    for field, field_type in record.fields:
        if field not in present:
            if field in defaults:
                fields[field] = const(defaults[field], "choice" if isinstance(
                    field_type, t.ChoiceType) else "value",
                    field_type.values if isinstance(field_type, t.ChoiceType) else ())
                continue
            bad |= has_members
            from regelwerk.backends.population.vector.compile import dummy
            fields[field] = dummy(field_type)
            continue
        if isinstance(field_type, (t.ListType, t.RecordType)):
            raise Unsupported(f"een lijst of record binnen {name}")
        child = values.field(field)
        col = read(f"{name}.{field}", field_type, child, member)
        for mask in col.notes.values():
            hit = np.bincount(parent[mask], minlength=dom.size) > 0 if mask is not None \
                else has_members
            bad |= hit
        col.notes = {}
        fields[field] = col
    found = Col("list", None, dom, fields=fields, member=member)
    if bad.any():
        found.notes = {f"!invoer {name} onleesbaar": bad}
    return found


__all__ = ["datetime", "read"]
