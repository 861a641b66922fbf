"""Quotients by one small divisor from a table (`quotient.divide` when every row has the same d).

A quotient's fraction digits and its rounding depend only on the remainder r (< d) and the number
of digits k of the integer part q0 (which fixes where the 34 digits end). The table divides one
representative per (k, r) the general way (10^(k-1) × d + r); a row takes its fraction limbs from
its (k, r) and its integer limbs from q0. The exponent is max(min(ideal, M), B) with M the table's
exponent for an ideal exponent above every other and B for one below every other (an exact
quotient: max(min(ideal, tz - scale), adjusted - 33), 0: the ideal; a rounded one: the same for
every ideal). Rows with r = 0 and q0 > 0 are exact integers whose trailing zeros are q0's own.

The table's rows for a (d, scales, k) are the same for every part of a population, so they are
computed once per process (`_block`), not once per part.
"""

from __future__ import annotations

import threading
from typing import Any

import attrs
import numpy as np

from regelwerk.backends.population.vector.quotient import (
    BASE,
    BOUND,
    DIGITS,
    POW,
    POWERS,
    PREC,
    OutOfRange,
    Wide,
    divide,
    fit,
    limbs_of,
    shift_right,
)

Array = Any
Block = tuple[Array, Array, Array, int]  # fraction limbs (d, fraction), M, B, the table's scale

_blocks: dict[tuple[int, int, int, int], Block | None] = {}
_lock = threading.Lock()
MAX_BLOCKS = 4096  # (d, scales, k) kept; beyond it the cache starts again


@attrs.frozen(eq=False)
class Tabled:
    """A quotient by one small divisor as `divide_by_table` builds it: per row its integer part
    `q0` and the row of `fractions` (integer part 0, `whole` + `fraction` limbs) it takes."""

    fractions: Array  # int64 (table rows, whole + fraction)
    index: Array  # int64 (n,): each row's table row
    q0: Array  # int64 (n,)
    whole: int
    fraction: int

    def limbs(self, drop: int) -> Array | None:
        """The quotients floor-divided by 10^drop, built from the table shifted by `drop` (the
        table has a few rows; shifting every row costs far more); None when the integer part
        would not fit."""
        width = self.whole + self.fraction
        kept = DIGITS * self.fraction - drop  # fraction digits left
        if kept < 0:
            return None
        places, part = divmod(kept, DIGITS)
        last = width - 1 - places  # the limb of the integer part's lowest digit
        if not last and int(self.q0.max(initial=0)) * 10 ** part >= BASE:
            return None
        rows = self.fractions if not drop else fit(shift_right(self.fractions, drop), width)
        limbs = np.take(rows, self.index, axis=0)
        # q0 × 10^kept laid over the fraction's zero digits: q0 × 10^part is high × 10^9 + low
        high, low = np.divmod(self.q0, POW[DIGITS - part])
        limbs[:, last] += low * POW[part]
        for j in range(last - 1, 0, -1):
            high, limbs[:, j] = np.divmod(high, BASE)
        if last:
            limbs[:, 0] = high
        return limbs


def _block(d: int, scale: int, d_scale: int, digits: int, fraction: int) -> Block | None:
    """The table rows of the integer parts with `digits` digits: per remainder r its fraction
    limbs, M and B (see the module docstring), and their scale; None when a representative is
    beyond the fixed bound or a rounding carries into its integer part."""
    key = (d, scale, d_scale, digits)
    found = _blocks.get(key, False)
    if found is not False:
        return found  # type: ignore[return-value]
    representative = 0 if digits == 0 else 10 ** (digits - 1)
    values = representative * d + np.arange(d, dtype=np.int64)
    divisors = np.full(d, d, dtype=np.int64)
    zeros = np.zeros(d, dtype=np.int64)
    block: Block | None
    try:
        wide, t_scale, high = divide(values, scale, np.full(d, BOUND), divisors, d_scale, zeros)
        _, _, low = divide(values, scale, np.full(d, -BOUND), divisors, d_scale, zeros)
    except OutOfRange:
        block = None
    else:
        t_whole = wide.limbs.shape[1] - fraction
        carried = not np.array_equal(wide.limbs[:, :t_whole],
                                     limbs_of(np.full(d, representative, dtype=np.int64), t_whole))
        block = None if carried else (wide.limbs[:, t_whole:].copy(), high, low, t_scale)
    with _lock:
        if len(_blocks) >= MAX_BLOCKS:
            _blocks.clear()
        _blocks[key] = block
    return block


def divide_by_table(q0: Array, r: Array, d: int, scale: int, exp: Array, d_scale: int,
                    d_exp: Array, whole: int, fraction: int, negative: Array
                    ) -> tuple[Wide, int, Array] | None:
    """`quotient.divide` by one small divisor d (see the module docstring); None (the general
    way) when a table block cannot stand for its rows."""
    size = len(q0)
    if not size:
        return None
    ideal = np.asarray(exp, dtype=np.int64) - np.asarray(d_exp, dtype=np.int64)
    top_digits = len(str(int(q0.max(initial=0))))
    k: Array = (q0 >= 1).astype(np.int64)  # digits of q0 (0 for 0)
    for j in range(1, top_digits):
        k += q0 >= POWERS[j]
    present = np.flatnonzero(np.bincount(k, minlength=len(POWERS) + 1))
    blocks = [_block(d, scale, d_scale, int(digits), fraction) for digits in present]
    if any(block is None for block in blocks):
        return None
    rows = np.zeros((len(present) * d, whole + fraction), dtype=np.int64)  # integer part 0
    rows[:, whole:] = np.concatenate([block[0] for block in blocks if block is not None])
    high = np.concatenate([block[1] for block in blocks if block is not None])
    low = np.concatenate([block[2] for block in blocks if block is not None])
    t_scale = next(block[3] for block in blocks if block is not None)
    position = np.zeros(len(POWERS) + 1, dtype=np.int64)
    position[present] = np.arange(len(present), dtype=np.int64) * d
    index = position[k] + r
    tabled = Tabled(rows, index, q0, whole, fraction)
    limbs = tabled.limbs(0)
    assert limbs is not None  # q0 has fewer digits than its `whole` limbs hold
    upper = high[index]
    lower = low[index]
    integers = np.flatnonzero((r == 0) & (q0 > 0))
    if len(integers):  # q0 exactly (at most 19 digits): its own trailing zeros
        q = q0[integers]
        tz = np.zeros(len(q), dtype=np.int64)
        alive = np.ones(len(q), dtype=bool)
        for j in range(1, len(POWERS)):
            alive &= (q % POWERS[j]) == 0
            if not alive.any():
                break
            tz += alive
        lower[integers] = k[integers] + DIGITS * fraction - 1 - t_scale - PREC + 1
        upper[integers] = np.maximum(tz - scale + d_scale, lower[integers])
    exponent = np.maximum(np.minimum(ideal, upper), lower)
    return Wide(negative, limbs, tabled), t_scale, np.broadcast_to(exponent, (size,)).copy()
