"""Arithmetic, comparison and choice on number columns: fixed point where it is exact and fits;
quotients that do not terminate, and sums, differences, products and roundings of them, as exact
34-digit numbers (`quotient`, kind "wide"); else Python Decimals in the runtime's context (the
same operations the reference performs)."""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import numpy as np

from regelwerk import runtime
from regelwerk.backends.population.vector import fixed, quotient
from regelwerk.backends.population.vector.columns import (
    Col,
    Domain,
    Notes,
    align,
    dec_apply,
    merge,
    to_dec,
    to_wide,
)

Array = Any
DIVISION_DIGITS = 6  # decimals a quotient may gain in fixed point before Decimals take over


def full(mask: Array, dom: Domain | None) -> Array:
    size = dom.size if dom is not None else 1
    return np.broadcast_to(mask, (size,)) if np.ndim(mask) == 0 or len(mask) != size else mask


def same_scale(cols: list[Col]) -> list[Col]:
    """Numbers at one scale (all fixed) or all as Decimals."""
    if any(col.kind in ("dec", "wide") for col in cols):
        return [to_dec(col) for col in cols]
    target = max(col.scale for col in cols)
    try:
        return [attrs.evolve(col, data=fixed.rescale(col.data, col.scale, target), scale=target)
                for col in cols]
    except fixed.Overflow:
        return [to_dec(col) for col in cols]


def normalize(col: Col) -> Col:
    """A fixed number at the smallest scale its (single) exponent allows."""
    if col.kind != "num" or not isinstance(col.exp, int) or col.scale + col.exp <= 0:
        return col
    drop = min(col.scale + col.exp, col.scale)
    return attrs.evolve(col, data=col.data // fixed.POW10[drop], scale=col.scale - drop)


def negate(col: Col) -> Col:
    if col.kind == "num":
        return attrs.evolve(col, data=-col.data)
    if col.kind == "wide":
        return attrs.evolve(col, data=quotient.Wide(~col.data.negative, col.data.limbs))
    return attrs.evolve(col, data=dec_apply(operator.neg, col.data))


def arithmetic(op: str, left: Col, right: Col) -> Col:
    (a, b), dom = align(left, right)
    notes = merge(a.notes, b.notes)
    if op == "/":
        zero = full(_is_zero(b), dom)
        if zero.any():
            notes = merge(notes, {"!deling door nul": zero.copy()})
    if a.kind == "num" and b.kind == "num":
        try:
            return _fixed(op, a, b, dom, notes)
        except fixed.Overflow:
            pass
    if op != "/" and dom is not None and "wide" in (a.kind, b.kind) and \
            {a.kind, b.kind} <= {"num", "wide"}:
        try:
            return _wide(op, a, b, dom, notes)
        except quotient.OutOfRange:
            pass
    a, b = to_dec(a), to_dec(b)
    function: Callable[[Decimal, Decimal], Decimal]
    if op == "+":
        function = operator.add
    elif op == "-":
        function = operator.sub
    elif op == "×":
        function = operator.mul
    else:
        def function(x: Decimal, y: Decimal) -> Decimal:
            return x / y if y != 0 else Decimal(0)
    return Col("dec", dec_apply(function, a.data, b.data), dom, notes=notes)


def _wide(op: str, a: Col, b: Col, dom: Domain, notes: Notes) -> Col:
    """+, - and × with a wide operand, exactly as the runtime's context computes them."""
    size = dom.size
    if op == "×":
        if a.kind == "num":
            a, b = b, a
        if b.kind != "num":
            raise quotient.OutOfRange  # wide × wide: with Decimals
        value, out_scale, exp = quotient.multiply(
            a.data, a.scale, a.exp, np.broadcast_to(b.data, (size,)), b.scale,
            np.broadcast_to(np.asarray(b.exp, dtype=np.int64), (size,)))
    else:
        x, y = to_wide(a, size), to_wide(b, size)
        value, out_scale, exp = quotient.add(x.data, x.scale, x.exp, y.data, y.scale, y.exp,
                                             op == "-")
    return Col("wide", value, dom, out_scale, exp, notes)


def _is_zero(col: Col) -> Array:
    if col.kind == "num":
        return col.data == 0
    return np.array([v == 0 for v in col.data], dtype=bool)


def _exp_add(a: Any, b: Any) -> Any:
    if isinstance(a, int) and isinstance(b, int):
        return min(a, b)
    return np.minimum(a, b)


def _fixed(op: str, a: Col, b: Col, dom: Domain | None, notes: Notes) -> Col:
    if op in ("+", "-"):
        target = max(a.scale, b.scale)
        x = fixed.rescale(a.data, a.scale, target)
        y = fixed.rescale(b.data, b.scale, target)
        data = fixed.add(x, y if op == "+" else -y)
        return Col("num", data, dom, target, _exp_add(a.exp, b.exp), notes)
    if op == "×":
        if a.scale + b.scale > fixed.MAX_SCALE:
            a, b = normalize(a), normalize(b)
            if a.scale + b.scale > fixed.MAX_SCALE:
                raise fixed.Overflow
        return Col("num", fixed.mul(a.data, b.data), dom, a.scale + b.scale, a.exp + b.exp, notes)
    assert op == "/"
    return divide(a, b.data, b.scale, b.exp, dom, notes)


def divide(a: Col, divisor: Array, scale: int, exp: Any, dom: Domain | None,
           notes: Notes) -> Col:
    """a / divisor in fixed point when every quotient terminates within the scale, else as exact
    34-digit quotients (`wide`); Overflow when neither holds them (the caller computes with
    Decimals)."""
    target = min(fixed.MAX_SCALE, a.scale + DIVISION_DIGITS)
    safe = np.where(divisor == 0, 1, divisor)
    try:
        q, exact = fixed.divide(a.data, a.scale, safe, scale, target)
        if exact.all():
            fixed.check(q)
            exponent = fixed.quotient_exponent(q, target, np.subtract(a.exp, exp))
            if isinstance(exponent, np.ndarray) and exponent.ndim == 0:
                exponent = int(exponent)
            # no more decimals than some quotient has: the scale stays small for what follows
            needed = max(0, -int(np.min(exponent)))
            if needed < target:
                q = q // fixed.POW10[target - needed]  # exact: each a multiple of 10^-needed
                target = needed
            return Col("num", q, dom, target, exponent, notes)
    except fixed.Overflow:
        pass
    if dom is None:  # one value: the Decimal path costs nothing
        raise fixed.Overflow
    return wide_quotient(a, divisor, scale, exp, dom, notes)


def wide_quotient(a: Col, divisor: Array, scale: int, exp: Any, dom: Domain,
                  notes: Notes) -> Col:
    """a / divisor for every row of `dom` as the runtime's context gives it (`quotient`); a zero
    divisor (an error row) divides by 1."""
    size = dom.size
    safe = np.where(divisor == 0, 1, divisor)
    try:
        value, out_scale, exponent = quotient.divide(
            np.broadcast_to(a.data, (size,)), a.scale,
            np.broadcast_to(np.asarray(a.exp, dtype=np.int64), (size,)), safe, scale,
            np.broadcast_to(np.asarray(exp, dtype=np.int64), (size,)))
    except quotient.OutOfRange as exc:
        raise fixed.Overflow from exc
    return Col("wide", value, dom, out_scale, exponent, notes)


def scale(col: Col, numerator: int, denominator: int) -> Col:
    """`runtime.schaal`: times numerator, then divided by denominator."""
    if col.kind == "num":
        try:
            scaled = col if numerator == 1 else attrs.evolve(
                col, data=fixed.mul(col.data, np.array([numerator], dtype=np.int64)))
            if denominator == 1:
                return scaled
            return divide(scaled, np.array([denominator], dtype=np.int64), 0, 0, col.dom,
                          col.notes)
        except fixed.Overflow:
            col = to_dec(col)
    data = dec_apply(lambda x: runtime.schaal(x, numerator, denominator), col.data)
    return attrs.evolve(col, data=data)


def round_number(col: Col, step: Decimal, mode: str) -> Col:
    power = step == Decimal(1).scaleb(step.adjusted()) or step.normalize() == Decimal(1)
    exponent = step.as_tuple().exponent
    if col.kind == "num" and power and isinstance(exponent, int):
        try:
            data = fixed.round_to(col.data, col.scale, exponent, mode)
            return attrs.evolve(col, data=data, scale=max(0, -exponent), exp=exponent)
        except fixed.Overflow:
            pass
    if col.kind == "wide" and power and isinstance(exponent, int):
        try:
            data = quotient.round_to(col.data, col.scale, exponent, mode)
            return attrs.evolve(col, kind="num", data=data, scale=max(0, -exponent),
                                exp=exponent)
        except quotient.OutOfRange:
            pass
    col = to_dec(col)
    return attrs.evolve(col, data=dec_apply(lambda x: runtime.afronden(x, step, mode), col.data))


COMPARE = {"=": operator.eq, "≠": operator.ne, "<": operator.lt, "≤": operator.le,
           ">": operator.gt, "≥": operator.ge}


def compare(op: str, left: Col, right: Col) -> Col:
    (a, b), dom = align(left, right)
    notes = merge(a.notes, b.notes)
    function = COMPARE[op]
    if a.kind in ("num", "dec", "wide"):
        a, b = same_scale([a, b])
        if a.kind == "dec":
            data = np.array([function(x, y) for x, y in
                             zip(*np.broadcast_arrays(a.data, b.data))], dtype=bool)
            return Col("bool", data, dom, notes=notes)
    return Col("bool", np.asarray(function(a.data, b.data), dtype=bool), dom, notes=notes)


def select(masks: list[Array], cols: list[Col], default: Col, dom: Domain | None,
           notes: Notes) -> Col:
    """Per row the value of the first mask that holds, else `default` (values of one kind)."""
    cols_all = [c for c in cols] + [default]
    size = dom.size if dom is not None else 1
    if not masks and default.dom is dom:
        return attrs.evolve(default, notes=notes)
    if any(c.kind == "wide" for c in cols_all) and dom is not None:
        try:
            return _select_wide(masks, cols_all, dom, notes)
        except quotient.OutOfRange:
            pass
    if cols_all[0].kind in ("num", "dec", "wide"):
        cols_all = same_scale(cols_all)
    kind = cols_all[0].kind
    values = [np.broadcast_to(c.data, (size,)) for c in cols_all]
    data = _first([full(m, dom) for m in masks], values[:-1], values[-1]) if masks \
        else values[-1].copy()
    if kind == "dec":
        data = data.astype(object)
    exp: Any = 0
    if kind == "num":
        exps = [c.exp for c in cols_all]
        if all(isinstance(e, int) for e in exps) and len(set(exps)) == 1:
            exp = exps[0]
        elif not masks:
            exp = exps[-1]
        else:
            exp = _first([full(m, dom) for m in masks], exps[:-1], exps[-1])
    return Col(kind, data, dom, cols_all[0].scale, exp, notes)


def _first(conditions: list[Array], choices: list[Any], default: Any) -> Array:
    """np.select (the choice of the first condition that holds, else the default), one
    np.where per condition from the last: fewer passes than np.select for a few conditions."""
    out = default
    for condition, choice in zip(reversed(conditions), reversed(choices)):
        out = np.where(condition, choice, out)
    return out


def _select_wide(masks: list[Array], cols: list[Col], dom: Domain, notes: Notes) -> Col:
    """`select` of wide and fixed numbers (no Decimals): wide, at the largest scale."""
    if any(c.kind != "num" and c.kind != "wide" for c in cols):
        raise quotient.OutOfRange
    size = dom.size
    wides = [to_wide(c, size) for c in cols]
    target = max(w.scale for w in wides)
    width = max(w.data.limbs.shape[1] + (target - w.scale + quotient.DIGITS - 1)
                // quotient.DIGITS for w in wides)
    conditions = [full(m, dom) for m in masks]
    chosen = np.select(conditions, [np.full(size, k) for k in range(len(wides) - 1)],
                       len(wides) - 1)
    negative = np.zeros(size, dtype=bool)
    limbs = np.zeros((size, width), dtype=np.int64)
    exp = np.zeros(size, dtype=np.int64)
    for k, w in enumerate(wides):
        rows = chosen == k
        if not rows.any():
            continue
        part = w.data[rows] if len(w.data) == size else w.data
        limbs[rows] = quotient.rescale(part, w.scale, target, width).limbs
        negative[rows] = part.negative
        exp[rows] = np.broadcast_to(w.exp, (size,))[rows]
    return Col("wide", quotient.Wide(negative, limbs), dom, target, exp, notes)


def extreme(op: str, args: list[Col]) -> Col:
    cols, dom = align(*args)
    notes = merge(*(c.notes for c in cols))
    if cols[0].kind in ("num", "dec", "wide"):
        cols = same_scale(cols)
    if cols[0].kind == "dec":
        pick = max if op == "maximum" else min
        data = dec_apply(lambda *xs: pick(xs), *(c.data for c in cols))
        return Col("dec", data, dom, notes=notes)
    current = cols[0]
    data, exp = current.data, current.exp
    for nxt in cols[1:]:
        take = nxt.data > data if op == "maximum" else nxt.data < data
        data = np.where(take, nxt.data, data)
        if current.kind == "num" and not (isinstance(exp, int) and exp == nxt.exp):
            exp = np.where(take, nxt.exp, exp)
    return Col(current.kind, data, dom, current.scale, exp, notes)
