"""Wide quotients out of the column program: as Python Decimals (where a calculation needs them) and
as the exact Arrow output column `engine.decimal_column` would build of those Decimals, straight from
the base-10^9 limbs (see quotient.py for the representation)."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa

from regelwerk.backends.population.vector.quotient import (
    BASE,
    DIGITS,
    Wide,
    fit,
    shift_left,
    shift_right,
    to_binary,
)

Array = Any
EXACT = decimal.Context(prec=200)  # scaling a Decimal of at most 76 digits by a power of ten


def _largest_digits(x: Array) -> int:
    """Decimal digits of the largest row (0 when every row is zero)."""
    for j in range(x.shape[1]):
        top = int(x[:, j].max(initial=0))
        if top:
            return int((x.shape[1] - j - 1) * DIGITS + len(str(top)))
    return 0


def to_decimals(value: Wide, scale: int, exp: Array) -> list[Decimal]:
    """Each row as its Decimal (row by row: only where a computation needs Python Decimals)."""
    limbs = value.limbs.astype(object)
    ints = limbs[:, 0]
    for j in range(1, limbs.shape[1]):
        ints = ints * BASE + limbs[:, j]
    exps = np.broadcast_to(np.asarray(exp, dtype=np.int64), (len(value),))
    out = []
    for negative, integer, e in zip(value.negative.tolist(), ints.tolist(), exps.tolist()):
        down = scale + e
        coefficient = integer // 10 ** down if down >= 0 else integer * 10 ** -down
        out.append(Decimal(f"{'-' if negative else ''}{coefficient}E{e}"))
    return out


def arrow_decimals(value: Wide, scale: int, exp: Array, good: Array, fallback_rows: Array,
                   fallback: list[Any]) -> pa.Array | None:
    """The output column `engine.decimal_column` would build of these Decimals: the `good` rows
    from `value` (at `scale`, exponents `exp`), the `fallback_rows` from `fallback` (None: null);
    None when its type would be text (beyond 76 digits) or a value is not a Decimal."""
    size = len(value)
    exps = np.broadcast_to(np.asarray(exp, dtype=np.int64), (size,))
    out_scale = 0
    integer_digits = 1
    if good.any():
        every = bool(good.all())
        out_scale = max(out_scale, -int(np.min(exps if every else exps[good])))
        # len(Decimal digits) + exponent: adjusted + 1 (the most for the largest number), and
        # 1 + exponent for a zero
        integer_digits = max(integer_digits, _largest_digits(value.limbs if every else
                                                             value.limbs[good]) - scale)
        top = 1 + int(np.max(exps if every else exps[good]))
        if top > integer_digits:  # a zero may have more
            zero = ~value.limbs.any(axis=1) & good
            if zero.any():
                integer_digits = max(integer_digits, 1 + int(np.max(exps[zero])))
    for item in fallback:
        if item is None:
            continue
        if not isinstance(item, Decimal):
            return None
        _, ds, e = item.as_tuple()
        if not isinstance(e, int):
            return None
        out_scale = max(out_scale, -e)
        integer_digits = max(integer_digits, len(ds) + e)
    precision = integer_digits + out_scale
    if precision > 76:
        return None
    kind: pa.DataType
    if precision <= 38:
        kind, words = pa.decimal128(max(precision, 1), out_scale), 4
    else:
        kind, words = pa.decimal256(precision, out_scale), 8
    width = -(-precision // DIGITS)
    limbs = value.limbs if good.all() else np.where(good[:, None], value.limbs, 0)
    shifted = None
    if value.table is not None and good.all() and out_scale < scale:
        shifted = value.table.limbs(scale - out_scale)
    if shifted is not None:  # exact: every row is a multiple of 10^-out_scale
        limbs = fit(shifted, width)
    elif out_scale >= scale:
        limbs = shift_left(limbs, out_scale - scale, width)
    else:  # exact: every good row is a multiple of 10^-out_scale
        limbs = fit(shift_right(limbs, scale - out_scale), width)
    unscaled = to_binary(limbs, words)
    negative = good & value.negative
    if negative.any():
        flipped = unscaled[negative] ^ np.uint64(0xFFFFFFFF)
        carry = np.ones(len(flipped), dtype=np.uint64)
        for w in range(words):
            t = flipped[:, w] + carry
            flipped[:, w] = t & np.uint64(0xFFFFFFFF)
            carry = t >> np.uint64(32)
        unscaled[negative] = flipped
    data = unscaled.astype("<u4", order="C")
    valid = good.copy()
    for row, item in zip(fallback_rows.tolist(), fallback):
        if item is None:
            continue
        integer = int(item.scaleb(out_scale, context=EXACT))
        data[row] = np.frombuffer(integer.to_bytes(4 * words, "little", signed=True), dtype="<u4")
        valid[row] = True
    validity = None
    if not valid.all():
        validity = pa.array(valid, type=pa.bool_()).buffers()[1]
    return pa.Array.from_buffers(kind, size, [validity, pa.py_buffer(data)],
                                 null_count=int(size - valid.sum()))
