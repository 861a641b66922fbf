"""Column values: what the column program computes for every row of a domain at once.

A domain is the households, or the members of a list input (each with its household, `parent`).
A value is `Col`: numbers as fixed point (`num`: int64 × 10^-scale, with the Decimal exponent) or as
Python Decimals (`dec`: exact beyond 64 bits, computed the way the runtime computes), or, for
quotients of up to 34 digits, as `quotient.Wide` (`wide`: fixed point wider than 64 bits, a sign
and base-10^9 limbs × 10^-scale, `exp` an array: the Decimal's exponent per row), ja/nee as bool,
dates as days since 1970-01-01, choice values as codes into the choice's values.

`notes` says what happened on which rows: a key starting with "!" is a reason to hand the row to the
per-household path (an error the reference must word, or a calculation not vectorised); any other
key is a provisional value the row's outcome used. A mask of None means every row.
"""

from __future__ import annotations

import datetime
import decimal
from decimal import Decimal
from typing import Any

import attrs
import numpy as np

from regelwerk import runtime
from regelwerk.backends.population.vector import fixed, quotient, wide_output

Array = Any
Notes = dict[str, Any]  # key -> bool mask over the value's domain, or None for every row
EPOCH = datetime.date(1970, 1, 1)


class Unsupported(Exception):
    """A construct the column program does not compute: the population goes per household."""


@attrs.define(eq=False)
class Domain:
    size: int
    parent: Array | None = None  # the household of each member
    offsets: Array | None = None  # members of household i: offsets[i]:offsets[i+1]
    name: str = "huishoudens"

    def runs(self) -> tuple[Array, Array]:
        """(parent, offsets) of a member domain: each member's household, and per household the
        run of its members (a household domain has neither)."""
        if self.parent is None or self.offsets is None:
            raise AssertionError(f"{self.name} is geen domein van leden")
        return self.parent, self.offsets


@attrs.define(eq=False)
class Col:
    kind: str  # num | wide | dec | bool | date | choice | record | list
    data: Any
    dom: Domain | None  # None: one value for every row (a constant)
    scale: int = 0
    exp: Any = 0  # num: the Decimal exponent, an int or an array
    notes: Notes = attrs.field(factory=dict)
    fields: dict[str, Col] | None = None  # record: its fields; list: its members' fields
    member: Domain | None = None  # list: the domain of its members

    def with_notes(self, notes: Notes) -> Col:
        return attrs.evolve(self, notes=notes)


def const(value: Any, type_kind: str, choices: tuple[str, ...] = ()) -> Col:
    if type_kind == "choice":
        return Col("choice", np.array([choices.index(value)], dtype=np.int64), None)
    if isinstance(value, bool):
        return Col("bool", np.array([value]), None)
    if isinstance(value, datetime.date):
        return Col("date", np.array([(value - EPOCH).days], dtype=np.int64), None)
    assert isinstance(value, Decimal), value
    return number_from_decimals([value], None)


def number_from_decimals(values: list[Decimal], dom: Domain | None) -> Col:
    """Exact Decimals as fixed point when they fit, else as Decimals."""
    pairs = [fixed.from_decimal(v) for v in values]
    exps = [e for _, e in pairs]
    scale = max([0, *(-e for e in exps)])
    if scale <= fixed.MAX_SCALE:
        ints = [c * 10 ** (scale + e) for c, e in pairs]
        if all(abs(i) <= fixed.LIMIT for i in ints):
            exp: Any = exps[0] if len(set(exps)) <= 1 else np.array(exps, dtype=np.int64)
            if not exps:
                exp = 0
            return Col("num", np.array(ints, dtype=np.int64), dom, scale, exp)
    return Col("dec", object_array(values), dom)


def object_array(values: list[Any]) -> Array:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def to_wide(col: Col, size: int) -> Col:
    """A fixed number as a wide one over `size` rows (OutOfRange beyond the fixed bound)."""
    if col.kind == "wide":
        return col
    assert col.kind == "num", col.kind
    data = np.broadcast_to(col.data, (size,))
    exps = np.broadcast_to(np.asarray(col.exp, dtype=np.int64), (size,))
    return attrs.evolve(col, kind="wide", data=quotient.from_fixed(data), exp=exps.copy())


def to_dec(col: Col) -> Col:
    """A number as Decimals (exact: each the Decimal the runtime would hold)."""
    if col.kind == "dec":
        return col
    if col.kind == "wide":
        values = wide_output.to_decimals(col.data, col.scale, col.exp)
        return attrs.evolve(col, kind="dec", data=object_array(values), scale=0, exp=0)
    assert col.kind == "num", col.kind
    size = len(col.data)
    exps = np.broadcast_to(np.asarray(col.exp), (size,))
    values = [fixed.to_decimal(int(v), col.scale, int(e)) for v, e in zip(col.data, exps)]
    return attrs.evolve(col, kind="dec", data=object_array(values), scale=0, exp=0)


def dec_apply(function: Any, *arrays: Array) -> Array:
    """An elementwise Decimal computation in the runtime's context."""
    with decimal.localcontext(runtime.CONTEXT):
        size = max(len(a) for a in arrays)
        full = [np.broadcast_to(a, (size,)) if len(a) == 1 else a for a in arrays]
        return object_array([function(*items) for items in zip(*full)])


# ------------------------------------------------------------------ notes


def merge(*all_notes: Notes) -> Notes:
    out: Notes = {}
    for notes in all_notes:
        for key, mask in notes.items():
            if key not in out:
                out[key] = mask
            elif out[key] is None or mask is None:
                out[key] = None
            else:
                out[key] = out[key] | mask
    return out


def restrict(notes: Notes, mask: Array | None) -> Notes:
    """The notes of a value computed only where `mask` holds."""
    if mask is None:
        return dict(notes)
    out: Notes = {}
    for key, m in notes.items():
        out[key] = mask if m is None else (mask & m)
    return {k: m for k, m in out.items() if m is None or m.any()}


def expand(col: Col, dom: Domain) -> Col:
    """A household value for each member of `dom`."""
    if col.dom is None or col.dom is dom:
        return col
    if dom.parent is None or col.dom.parent is not None:
        raise Unsupported("waarden van twee verschillende lijsten samen")
    parent = dom.parent
    notes = {k: (None if m is None else m[parent]) for k, m in col.notes.items()}
    exp = col.exp if isinstance(col.exp, int) else col.exp[parent]
    fields = None
    if col.fields is not None:
        if col.kind == "list":
            raise Unsupported("een lijst binnen een lijst")
        fields = {k: expand(v, dom) for k, v in col.fields.items()}
    data = col.data[parent] if col.data is not None else None
    return attrs.evolve(col, data=data, dom=dom, exp=exp, notes=notes, fields=fields)


def common_domain(*cols: Col) -> Domain | None:
    found: Domain | None = None
    for col in cols:
        if col.dom is None:
            continue
        if found is None or (found.parent is None and col.dom.parent is not None):
            found = col.dom
    return found


def align(*cols: Col) -> tuple[list[Col], Domain | None]:
    dom = common_domain(*cols)
    if dom is None:
        return list(cols), None
    return [expand(c, dom) for c in cols], dom


def reduce_notes(notes: Notes, member: Domain, households: Domain,
                 mask: Array | None = None) -> Notes:
    """Member notes as household notes: a household has a note when one of its members has it
    (among `mask`, the members that were looked at)."""
    parent, offsets = member.runs()
    out: Notes = {}
    for key, m in notes.items():
        rows = m if mask is None else (mask if m is None else m & mask)
        if rows is None:
            counts = np.diff(offsets)
        else:
            counts = np.bincount(parent[rows], minlength=households.size)
        hit = counts > 0
        if hit.any():
            out[key] = hit
    return out


def bad_mask(notes: Notes, size: int) -> Array:
    out = np.zeros(size, dtype=bool)
    for key, m in notes.items():
        if key.startswith("!"):
            if m is None:
                out[:] = True
            else:
                out |= m
    return out
