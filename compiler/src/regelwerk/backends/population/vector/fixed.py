"""Exact fixed-point arithmetic on numpy int64 columns: a number is `value × 10^-scale`.

Besides its value, every number carries the exponent the runtime's `Decimal` would give it
(`Decimal("1.50")` has exponent -2, `1.5` has -1): it decides nothing in a calculation, but it is
what the per-household path writes, and so it decides the Arrow type of an output column. The
exponent follows the decimal module's rules (addition: the smaller; product: the sum; an exact
quotient: the ideal exponent, or the largest that holds the quotient; rounding: the step's).

Nothing here wraps: an operation whose result might not fit raises `Overflow`, and the caller
computes it with Python `Decimal`s instead (see `columns.Col.dec`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np

Array = Any  # numpy arrays (numpy's own stubs are too loose to help here)

# Every fixed value stays within ±LIMIT, so abs() and one addition never overflow int64.
LIMIT = 2 ** 62
MAX_SCALE = 18
POW10 = [10 ** k for k in range(19)]
POWERS = np.array(POW10, dtype=np.int64)
MODES = ("rekenkundig", "naar beneden", "naar boven", "richting nul", "weg van nul")


class Overflow(Exception):
    """The exact result may not fit in 64 bits."""


def check(values: Array) -> Array:
    if magnitude(values) > LIMIT:
        raise Overflow
    return values


def magnitude(values: Array) -> int:
    """The largest |value| (as a Python int: abs of -2^63 does not wrap)."""
    if not np.size(values):
        return 0
    return max(abs(int(np.max(values))), abs(int(np.min(values))))


def rescale(values: Array, scale: int, target: int) -> Array:
    """The same numbers at a larger scale (exact)."""
    if target == scale:
        return values
    if target < scale or target > MAX_SCALE:
        raise Overflow
    factor = POW10[target - scale]
    if magnitude(values) > LIMIT // factor:
        raise Overflow
    return values * factor


def add(a: Array, b: Array) -> Array:
    out = a + b  # |a|, |b| <= 2^62: no wrap
    return check(out)


def mul(a: Array, b: Array) -> Array:
    ma, mb = magnitude(a), magnitude(b)
    if ma and mb and ma > LIMIT // mb:
        raise Overflow
    return a * b


def divide(a: Array, sa: int, b: Array, sb: int, target: int) -> tuple[Array, Array]:
    """(quotient at scale `target`, exact) where b != 0: a / b exactly when the remainder is 0.

    The caller makes sure b has no zeros (a zero divisor is an error row, given 1 here)."""
    shift = sb + target - sa
    if shift < 0:
        raise Overflow
    if shift > MAX_SCALE:
        raise Overflow
    num = rescale(a, 0, shift) if shift else a
    q, r = np.divmod(num, b)  # floor division; exactness is r == 0 (sign-independent)
    return q, r == 0


def trailing_zeros(values: Array, cap: int) -> Array:
    """How many decimal zeros each value ends in, up to `cap` (0 counts as cap)."""
    out = np.zeros(np.shape(values), dtype=np.int64)
    alive = np.ones(np.shape(values), dtype=bool)
    for k in range(1, min(cap, 18) + 1):
        alive &= (values % POW10[k]) == 0
        if not alive.any():
            break
        out += alive
    return out


def quotient_exponent(q: Array, scale: int, ideal: Array | int) -> Array | int:
    """The exponent of an exact decimal quotient: the ideal one, or the largest that holds it."""
    cap = scale + 18
    tz = trailing_zeros(q, cap)
    largest = np.where(q == 0, 10 ** 6, tz - scale)
    return np.minimum(ideal, largest)


def round_to(values: Array, scale: int, exponent: int, mode: str) -> Array:
    """Round to a multiple of 10^exponent the way `mode` says (as `Decimal.quantize` does); the
    result at scale max(0, -exponent)."""
    target = max(0, -exponent)
    if -exponent >= scale:
        return rescale(values, scale, target)
    d = POW10[scale + exponent]
    if mode == "rekenkundig":  # half away from zero: |v| + d/2 floored (d is 10^k, even)
        half = np.abs(values) + d // 2  # |v| <= 2^62: no wrap
        half //= d
        out = np.where(values < 0, -half, half)
    else:
        q, r = np.divmod(values, d)  # floor
        if mode == "naar beneden":
            out = q
        elif mode == "naar boven":
            out = q + (r != 0)
        elif mode == "richting nul":
            out = q + ((r != 0) & (values < 0))
        elif mode == "weg van nul":
            out = q + ((r != 0) & (values > 0))
        else:
            raise AssertionError(mode)
    if exponent > 0:
        out = rescale(out, 0, exponent)
    return out


def to_decimal(value: int, scale: int, exponent: int) -> Decimal:
    """One fixed value as the Decimal with that exponent."""
    coefficient = value // POW10[scale + exponent] if scale + exponent >= 0 else \
        value * 10 ** (-(scale + exponent))
    return Decimal(coefficient).scaleb(exponent) if coefficient else Decimal((0, (0,), exponent))


def from_decimal(value: Decimal) -> tuple[int, int]:
    """(coefficient, exponent) of a finite Decimal."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    coefficient = int("".join(map(str, digits))) if digits else 0
    return (-coefficient if sign else coefficient), exponent


def digits(values: Array) -> Array:
    """The number of decimal digits of each |value| (1 for 0)."""
    found = np.searchsorted(POWERS, np.abs(values), side="right")  # powers of ten <= |value|
    return np.maximum(found, 1)
