"""Exact quotients beyond 64 bits, column-wise: `a / b` as the runtime's `Decimal` gives it.

A quotient that does not terminate within the fixed scale (€ 1.483 / 12) is, in the runtime's
context (`runtime.CONTEXT`: 34 significant digits, ROUND_HALF_EVEN), a Decimal of up to 34
significant digits. The decimal module (`Decimal.__truediv__`, then `_fix`) gives, for the exact
quotient Q of a (exponent ea) and b (exponent eb), with ideal = ea - eb:

- Q = 0: 0 with exponent ideal;
- Q with at most 34 significant digits: Q with exponent min(ideal, the largest e with Q a
  multiple of 10^e), but no smaller than adjusted(Q) - 33 (a coefficient holds 34 digits);
- otherwise Q rounded half-even to 34 significant digits, exponent adjusted(Q) - 33 (one more
  when the rounding carries into a new digit: 9.99...95 becomes 10.00...0).

Here a is fixed values (int64 × 10^-scale) and b fixed values of at most 10 digits (`DMAX`): the
digits of |a| / |b| come from long division in numpy int64, the integer part and then
`FRACTION_LIMBS` chunks of 9 digits (`r * 10^9 < 2^63` because r < |b| <= DMAX), with the last
remainder telling whether anything is left. That is at least 35 significant digits for every row
(|a| / |b| >= 1 / |b| has fewer than 10 leading zeros), so the rounding digit and the sticky rest
are at hand; rounding is a mask on the limbs and one carry.

A wide number (`Wide`) is a sign and the magnitude in base-10^9 limbs (most significant first, each
an int64 below 10^9) at the column's `scale`, like the fixed values but wider; the Decimal
exponent of every row is the column's `exp` (an array). Output columns are built from the limbs
directly: the unscaled integers as 32-bit binary limbs, little-endian two's complement, 16 bytes
(decimal128) or 32 bytes (decimal256) per row (`wide_output.arrow_decimals`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

if TYPE_CHECKING:
    from regelwerk.backends.population.vector.division_table import Tabled

Array = Any

PREC = 34  # runtime.CONTEXT.prec (a test checks they agree, and the rounding)
DIGITS = 9  # decimal digits per limb
BASE = 10 ** DIGITS
POW = np.array([10 ** k for k in range(DIGITS + 1)], dtype=np.int64)
DMAX = 9 * 10 ** 9  # divisors below 10^10 with r * BASE + limb < 2^63
LIMIT = 2 ** 62  # the fixed values' bound (fixed.LIMIT): abs() never wraps
ZERO_TZ = 10 ** 6  # trailing zeros of 0
POWERS = np.array([10 ** k for k in range(19)], dtype=np.int64)  # digits(x) = searchsorted
# x // 10^k for 0 <= x < 2^30 (a limb) as (x * MAGIC[k]) >> SHIFT[k] (Granlund and Montgomery:
# SHIFT = 30 + l with l = ceil(log2 10^k), MAGIC = (2^SHIFT + e) / 10^k with 0 <= e < 10^k, so
# x * MAGIC / 2^SHIFT = x / 10^k + e x / (10^k 2^SHIFT), and the error is below 2^-l <= 10^-k:
# not enough to reach the next integer. The product stays below 2^62.)
SHIFT = np.array([30 + (10 ** k - 1).bit_length() for k in range(DIGITS + 1)], dtype=np.int64)
MAGIC = np.array([-(-(1 << int(SHIFT[k])) // 10 ** k) for k in range(DIGITS + 1)],
                 dtype=np.int64)
TABLE_DIVISOR = 1024  # a single divisor up to this: quotients from a table (division_table)
BOUND = 10 ** 9  # an exponent beyond every other


class OutOfRange(Exception):
    """A divisor, exponent or magnitude the column arithmetic does not hold: use Decimals."""


@attrs.define(eq=False)
class Wide:
    """Per row a sign and |value × 10^scale| as base-10^9 limbs, most significant first."""

    negative: Array  # bool (n,)
    limbs: Array  # int64 (n, L)
    table: Tabled | None = None  # how `divide_by_table` made the limbs (no change keeps it)

    def __len__(self) -> int:
        return int(self.negative.shape[0])

    def __getitem__(self, index: Array) -> Wide:
        return Wide(self.negative[index], self.limbs[index])


# ------------------------------------------------------------------ limb arithmetic


def limbs_of(values: Array, width: int) -> Array:
    """Non-negative int64 values as `width` limbs."""
    out = np.zeros((len(values), width), dtype=np.int64)
    rest = np.asarray(values, dtype=np.int64)
    for j in range(width - 1, -1, -1):
        if j == 0:
            out[:, 0] = rest
            break
        rest, out[:, j] = np.divmod(rest, BASE)
    if width and out[:, 0].max(initial=0) >= BASE:
        raise OutOfRange
    return out


def fit(x: Array, width: int) -> Array:
    """The same numbers in `width` limbs (OutOfRange if a dropped leading limb is not 0)."""
    have = x.shape[1]
    if have > width:
        if x[:, :have - width].any():
            raise OutOfRange
        return x[:, have - width:]
    if have == width:
        return x
    return np.concatenate([np.zeros((x.shape[0], width - have), dtype=np.int64), x], axis=1)


def div_pow10(x: Array, k: Array) -> Array:
    """x // 10^k per row, for limb values 0 <= x < 2^30 and 0 <= k <= 9 (exact, see MAGIC)."""
    return (x * MAGIC[k]) >> SHIFT[k]


def limb_digits(v: Array) -> Array:
    """Decimal digits of limb values (1 for 0)."""
    out = np.ones(np.shape(v), dtype=np.int64)
    for k in range(1, DIGITS):
        out += v >= POW[k]
    return out


def digit_count(x: Array) -> Array:
    """Decimal digits of each row's number (0 for zero)."""
    nonzero = x != 0
    first = np.argmax(nonzero, axis=1)
    count = (x.shape[1] - first - 1) * DIGITS + limb_digits(x[np.arange(x.shape[0]), first])
    return np.where(nonzero.any(axis=1), count, 0)


def trailing_zeros(x: Array) -> Array:
    """Decimal zeros each row's number ends in (ZERO_TZ for zero)."""
    nonzero = x != 0
    width = x.shape[1]
    last = width - 1 - np.argmax(nonzero[:, ::-1], axis=1)
    v = x[np.arange(x.shape[0]), last]
    inner = np.zeros(x.shape[0], dtype=np.int64)
    alive = v != 0
    for k in range(1, DIGITS):
        alive &= (v % POW[k]) == 0
        inner += alive
    return np.where(nonzero.any(axis=1), (width - 1 - last) * DIGITS + inner, ZERO_TZ)


def shift_left(x: Array, k: int, width: int) -> Array:
    """x × 10^k (the same k for every row) in `width` limbs (OutOfRange if it does not fit)."""
    whole, part = divmod(k, DIGITS)
    if part:
        high, low = np.divmod(x, POW[DIGITS - part])
        x = np.concatenate([high, np.zeros((x.shape[0], 1), dtype=np.int64)], axis=1)
        x[:, 1:] += low * POW[part]
    if whole:
        x = np.concatenate([x, np.zeros((x.shape[0], whole), dtype=np.int64)], axis=1)
    return fit(x, width)


def shift_right(x: Array, k: int) -> Array:
    """floor(x / 10^k) (the same k for every row)."""
    whole, part = divmod(k, DIGITS)
    if whole:
        x = x[:, :x.shape[1] - whole] if whole < x.shape[1] else np.zeros((x.shape[0], 1),
                                                                            dtype=np.int64)
    if part:  # limb by limb, each limb a contiguous row (numpy is slow on narrow columns)
        limbs = np.ascontiguousarray(x.T)
        high = np.empty_like(limbs)
        high[0] = limbs[0] // POW[part]  # the first limb may hold more than a limb
        high[1:] = div_pow10(limbs[1:], part)  # the others are below BASE
        low = limbs[:-1] - high[:-1] * POW[part]
        high[1:] += low * POW[DIGITS - part]
        x = high.T
    return x


def to_binary(x: Array, words: int) -> Array:
    """Base-10^9 limbs as `words` 32-bit limbs (in uint64), least significant first; the caller
    makes sure the numbers fit."""
    acc = np.zeros((words, x.shape[0]), dtype=np.uint64)  # a contiguous row per word
    limbs = np.ascontiguousarray(x.T).astype(np.uint64)
    mask = np.uint64(0xFFFFFFFF)
    base = np.uint64(BASE)
    top = 0  # 32-bit limbs in use so far (each base-10^9 step adds fewer than 30 bits)
    for j in range(x.shape[1]):
        carry = limbs[j]
        top = min(words, top + 1)
        for w in range(top):
            t = acc[w] * base + carry
            np.bitwise_and(t, mask, out=acc[w])
            carry = t >> np.uint64(32)
    return acc.T


# ------------------------------------------------------------------ numbers


def from_fixed(values: Array) -> Wide:
    """Fixed int64 values as wide ones (the same scale)."""
    v = np.asarray(values, dtype=np.int64)
    if v.size and max(abs(int(v.max())), abs(int(v.min()))) > LIMIT:
        raise OutOfRange
    return Wide(v < 0, limbs_of(np.abs(v), 3))


def rescale(value: Wide, scale: int, target: int, width: int) -> Wide:
    """The same numbers at a scale >= theirs, in `width` limbs."""
    if target < scale:
        raise OutOfRange
    return Wide(value.negative, shift_left(value.limbs, target - scale, width))


def divide(values: Array, scale: int, exp: Array, divisor: Array, d_scale: int,
           d_exp: Array) -> tuple[Wide, int, Array]:
    """values × 10^-scale / divisor × 10^-d_scale for every row, as `runtime.CONTEXT` divides
    the Decimals with exponents `exp` and `d_exp` (see the module docstring): (the quotients,
    their scale, their exponents). No divisor may be 0; OutOfRange when a divisor has more than
    10 digits or a value is beyond the fixed bound."""
    b = np.asarray(divisor, dtype=np.int64)
    size = max(np.size(values), b.size)
    v = np.broadcast_to(np.asarray(values, dtype=np.int64), (size,))
    if v.size and max(abs(int(v.max())), abs(int(v.min()))) > LIMIT:
        raise OutOfRange
    if b.size and (max(abs(int(b.max())), abs(int(b.min()))) > DMAX or not b.all()):
        raise OutOfRange
    negative = np.broadcast_to((v < 0) ^ (b < 0), (size,))
    a = np.abs(v)
    d: Any = np.abs(b)
    if d.size == 1:
        d = d.reshape(())[()]  # a numpy scalar: numpy divides by it much faster
    nd = len(str(int(np.max(d))))
    fraction = -(-(PREC + 1 + nd) // DIGITS)  # limbs after the point
    q0 = a // d
    r = a - q0 * d
    top = int(q0.max(initial=0))
    whole = len(str(top)) // DIGITS + 1  # integer limbs, the first never full (for a carry)
    width = whole + fraction
    if np.ndim(d) == 0 and 2 <= int(d) <= TABLE_DIVISOR:
        from regelwerk.backends.population.vector.division_table import divide_by_table

        tabled = divide_by_table(q0, r, int(d), scale, exp, d_scale, d_exp, whole, fraction,
                                 negative)
        if tabled is not None:
            return tabled
    limbs = np.empty((size, width), dtype=np.int64)
    rest = q0
    for j in range(whole - 1, 0, -1):
        rest, limbs[:, j] = np.divmod(rest, BASE)
    limbs[:, 0] = rest
    for j in range(whole, width):
        current = r * BASE
        limbs[:, j] = current // d
        r = current - limbs[:, j] * d
    out_scale = DIGITS * fraction + scale - d_scale
    ideal = np.broadcast_to(np.asarray(exp, dtype=np.int64) - np.asarray(d_exp, dtype=np.int64),
                            (size,))
    # digits: those of q0 and every fraction digit; below 1, the fraction's from its first
    count = np.searchsorted(POWERS, q0, side="right") + DIGITS * fraction
    small = np.flatnonzero(q0 == 0)
    if len(small):
        count[small] = digit_count(limbs[small])
    # trailing zeros matter only where the division left nothing (r == 0): elsewhere 0
    tz = np.zeros(size, dtype=np.int64)
    ended = np.flatnonzero(r == 0)
    if len(ended):
        tz[ended] = trailing_zeros(limbs[ended])
    p = np.maximum(count - PREC, 0)  # digits below the 34 kept (>= 2 where a != 0)
    adjusted = count - 1 - out_scale
    exact = (r == 0) & (tz >= p)
    exponent = np.where(exact, np.maximum(np.minimum(ideal, tz - out_scale), adjusted - PREC + 1),
                        p - out_scale)
    exponent = np.where(count == 0, ideal, exponent)
    inexact = ~exact & (count > 0)
    if inexact.any():
        limbs, carried = _round(limbs, np.where(inexact, p, 0), count, tz, r, inexact)
        exponent = exponent + carried
    return Wide(negative, limbs), out_scale, exponent


def _round(limbs: Array, p: Array, count: Array, tz: Array, r: Array,
           rows: Array) -> tuple[Array, Array]:
    """Half-even rounding of `rows` at digit p from the bottom, in place (keeping the digits
    above it; `count` the digits of each row, `tz` its trailing zeros, r the remainder beyond):
    (limbs, carried into a new digit). The first limb is never full (room for the carry)."""
    size, width = limbs.shape
    index = np.arange(size)
    below = np.maximum(p - 1, 0)  # the rounding digit is digit p - 1 (from 0)
    above = div_pow10(limbs[index, width - 1 - below // DIGITS], below % DIGITS)
    digit = above - div_pow10(above, np.int64(1)) * 10
    rest = (tz < p - 1) | (r != 0)
    cut = width - 1 - p // DIGITS  # the limb of the lowest kept digit
    within = p % DIGITS
    unit = POW[within]
    last = limbs[index, cut]
    kept = div_pow10(last, within)
    odd = (kept & 1) == 1
    up = rows & ((digit > 5) | ((digit == 5) & (rest | odd)))
    limbs[index, cut] = np.where(rows, (kept + up) * unit, last)
    for j in range(int(cut.min()) + 1, width):  # the dropped digits (rows without: p = 0)
        limbs[cut < j, j] = 0
    for j in range(width - 1, 0, -1):
        carry = limbs[:, j] >= BASE
        if carry.any():
            limbs[:, j] -= carry * BASE
            limbs[:, j - 1] += carry
    # the leading digit's limb and its digits: a carry into a new digit passes 10^digits
    lead = width - 1 - (np.maximum(count, 1) - 1) // DIGITS
    lead_digits = (np.maximum(count, 1) - 1) % DIGITS + 1
    full = lead_digits == DIGITS
    carried = np.where(full, limbs[index, np.maximum(lead - 1, 0)] != 0,
                       limbs[index, lead] >= POW[np.where(full, 0, lead_digits)])
    return limbs, (up & carried).astype(np.int64)


# ------------------------------------------------------------------ sums and products


def _carry(limbs: Array) -> Array:
    """Limbs of any int64 sizes normalised (floor carries) into [0, BASE), but the first."""
    rows = np.ascontiguousarray(limbs.T)  # a contiguous row per limb (in place afterwards)
    for j in range(rows.shape[0] - 1, 0, -1):
        carry = rows[j] // BASE
        rows[j] -= carry * BASE
        rows[j - 1] += carry
    limbs[...] = rows.T
    return limbs


def _fix(limbs: Array, scale: int, exp: Array, negative: Array) -> tuple[Wide, int, Array]:
    """An exact result (|value × 10^scale| as limbs, its Decimal exponent `exp`) as
    `runtime.CONTEXT` keeps it (Decimal._fix): coefficients of more than 34 digits rounded
    half-even. The first limb must have room for a carry."""
    count = digit_count(limbs)
    long = count - (scale + exp) > PREC
    if long.any():
        p = np.where(long, count - PREC, 0)
        tz = trailing_zeros(limbs)
        limbs, carried = _round(limbs, p, count, tz, np.zeros(len(limbs), dtype=np.int64), long)
        exp = np.where(long, p - scale + carried, exp)
    return Wide(negative, limbs), scale, exp


def multiply(a: Wide, a_scale: int, a_exp: Array, values: Array, v_scale: int,
             v_exp: Array) -> tuple[Wide, int, Array]:
    """a × values (fixed int64) for every row as `runtime.CONTEXT` multiplies the Decimals:
    the exact product, exponent the sum, rounded half-even to 34 digits when longer."""
    size = len(a)
    v = np.broadcast_to(np.asarray(values, dtype=np.int64), (size,))
    if v.size and max(abs(int(v.max())), abs(int(v.min()))) > LIMIT:
        raise OutOfRange
    factor = limbs_of(np.abs(v), 3)
    width = a.limbs.shape[1] + 4  # products of limbs < 10^18, at most 3 per limb: < 2^63
    limbs = np.zeros((size, width), dtype=np.int64)
    for i in range(a.limbs.shape[1]):
        for j in range(3):
            limbs[:, i + j + 2] += a.limbs[:, i] * factor[:, j]
        if i % 2:
            _carry(limbs)
    _carry(limbs)
    exp = np.broadcast_to(np.asarray(a_exp, dtype=np.int64) + np.asarray(v_exp, dtype=np.int64),
                          (size,))
    return _fix(limbs, a_scale + v_scale, exp, a.negative ^ (v < 0))


def add(a: Wide, a_scale: int, a_exp: Array, b: Wide, b_scale: int, b_exp: Array,
        subtract: bool) -> tuple[Wide, int, Array]:
    """a + b (a - b) for every row as `runtime.CONTEXT` adds the Decimals: the exact sum at the
    smaller exponent, rounded half-even to 34 digits when longer; an exact 0 is negative only
    when both are (x - x is +0)."""
    scale = max(a_scale, b_scale)
    width = max(a.limbs.shape[1] + -(-(scale - a_scale) // DIGITS),
                b.limbs.shape[1] + -(-(scale - b_scale) // DIGITS)) + 1
    left = shift_left(a.limbs, scale - a_scale, width)
    right = shift_left(b.limbs, scale - b_scale, width)
    b_negative = ~b.negative if subtract else b.negative
    total = np.where(a.negative[:, None], -left, left) + np.where(b_negative[:, None], -right,
                                                                   right)
    total = _carry(total)
    below = total[:, 0] < 0
    if below.any():
        total = np.where(below[:, None], -total, total)
        total = _carry(total)
    zero = ~total.any(axis=1)
    negative = np.where(zero, a.negative & b_negative, below)
    exp = np.minimum(np.asarray(a_exp, dtype=np.int64), np.asarray(b_exp, dtype=np.int64))
    return _fix(total, scale, np.broadcast_to(exp, (len(a),)), negative)


def round_to(value: Wide, scale: int, exponent: int, mode: str) -> Array:
    """Each row rounded to a multiple of 10^exponent the way `mode` says (`runtime.afronden`
    with a power of ten: Decimal.quantize), as fixed int64 values at scale max(0, -exponent);
    OutOfRange when one does not fit in the fixed bound."""
    drop = scale + exponent  # digits below the step
    limbs = value.limbs
    if drop <= 0:
        kept = shift_left(limbs, -drop, limbs.shape[1] + (DIGITS - 1 - drop) // DIGITS)
        increment = np.zeros(len(value), dtype=bool)
    else:
        kept = shift_right(limbs, drop)
        rest = trailing_zeros(limbs) < drop  # something below the step
        if mode == "rekenkundig":  # half away from zero: the first dropped digit >= 5
            first = shift_right(limbs, drop - 1)[:, -1] % 10
            increment = first >= 5
        elif mode == "richting nul":
            increment = np.zeros(len(value), dtype=bool)
        elif mode == "weg van nul":
            increment = rest
        elif mode == "naar beneden":
            increment = rest & value.negative
        elif mode == "naar boven":
            increment = rest & ~value.negative
        else:
            raise AssertionError(mode)
        kept = _carry(np.concatenate([np.zeros((len(value), 1), dtype=np.int64), kept], axis=1)
                      + np.pad(increment.astype(np.int64)[:, None],
                               ((0, 0), (kept.shape[1], 0))))
    kept = fit(kept, 3)
    if kept[:, 0].max(initial=0) > 3:  # 4 × 10^18 > 2^62: beyond the fixed bound
        raise OutOfRange
    magnitude = (kept[:, 0] * BASE + kept[:, 1]) * BASE + kept[:, 2]
    if exponent > 0:  # a multiple of 10^exponent, at scale 0
        if exponent > 18 or magnitude.max(initial=0) > LIMIT // 10 ** exponent:
            raise OutOfRange
        magnitude = magnitude * 10 ** exponent
    return np.where(value.negative, -magnitude, magnitude)
