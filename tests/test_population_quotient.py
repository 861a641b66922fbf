"""Exact 34-digit quotients column-wise (vector/quotient.py) are the runtime's Decimal quotients:
the same value and the same exponent, and the output column is the one `decimal_column` builds."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from regelwerk import runtime  # noqa: E402
from regelwerk.backends.population import engine as contract  # noqa: E402
from regelwerk.backends.population.vector import quotient, wide_output  # noqa: E402

LIMIT = 2 ** 62


def test_the_runtime_context_is_the_one_computed() -> None:
    assert runtime.CONTEXT.prec == quotient.PREC
    assert runtime.CONTEXT.rounding == decimal.ROUND_HALF_EVEN


@st.composite
def dividend(draw: Any, scale: int) -> tuple[int, int, int]:
    """(fixed value, scale, Decimal exponent): value × 10^-scale with that exponent."""
    value = draw(st.one_of(
        st.integers(-LIMIT, LIMIT), st.integers(-10 ** 7, 10 ** 7), st.just(0),
        st.integers(-999, 999).map(lambda v: v * 10 ** 12)))
    exponent = -scale + draw(st.sampled_from([0, 0, 0, 1, 2, 5, -1, -3]))
    down = scale + exponent
    if down > 0:  # the value is a multiple of 10^down (toward zero: within the bound)
        value = (1 if value >= 0 else -1) * (abs(value) // 10 ** down * 10 ** down)
    return value, scale, exponent


@st.composite
def divisor(draw: Any, scale: int) -> tuple[int, int, int]:
    value = draw(st.one_of(
        st.sampled_from([12, -12, 1, -1, 2, 3, 4, 7, 16, 52, 100, 365, 1000]),
        st.integers(1, 10 ** 4), st.integers(-10 ** 4, -1),
        st.integers(-quotient.DMAX, quotient.DMAX).filter(bool), st.just(quotient.DMAX)))
    exponent = -scale
    if value % 10 ** (scale + 1) == 0 and draw(st.booleans()):
        exponent += 1
    return value, scale, exponent


def expected(a: tuple[int, int, int], b: tuple[int, int, int]) -> Decimal:
    (v, s, e), (w, sb, f) = a, b
    with decimal.localcontext(runtime.CONTEXT):
        x = Decimal(v).scaleb(-s, context=wide_output.EXACT).quantize(
            Decimal(1).scaleb(e), context=wide_output.EXACT)
        y = Decimal(w).scaleb(-sb, context=wide_output.EXACT).quantize(
            Decimal(1).scaleb(f), context=wide_output.EXACT)
        assert x.as_tuple().exponent == e and y.as_tuple().exponent == f
        return x / y


@settings(max_examples=300, deadline=None)
@given(st.data(), st.integers(0, 18), st.integers(0, 3))
def test_quotient_is_the_decimal_quotient(data: Any, scale: int, d_scale: int) -> None:
    """Rows of one column share the scales; values, exponents and divisors differ per row."""
    rows = data.draw(st.lists(dividend(scale), min_size=1, max_size=40))
    divisors = data.draw(st.lists(divisor(d_scale), min_size=len(rows), max_size=len(rows)))
    values = np.array([v for v, _, _ in rows], dtype=np.int64)
    exps = np.array([e for _, _, e in rows], dtype=np.int64)
    ds = np.array([w for w, _, _ in divisors], dtype=np.int64)
    fs = np.array([f for _, _, f in divisors], dtype=np.int64)
    wide, out_scale, exponents = quotient.divide(values, scale, exps, ds, d_scale, fs)
    found = wide_output.to_decimals(wide, out_scale, exponents)
    want = [expected(a, b) for a, b in zip(rows, divisors)]
    assert [d.as_tuple() for d in found] == [d.as_tuple() for d in want]
    # the output column: the type decimal_column chooses, the same values
    good = np.ones(len(rows), dtype=bool)
    column = wide_output.arrow_decimals(wide, out_scale, exponents, good, np.zeros(0, np.int64), [])
    reference = contract.decimal_column(list(want))
    if pa.types.is_string(reference.type):
        assert column is None
    else:
        assert column is not None and column.type == reference.type
        assert column.equals(reference)


@settings(max_examples=300, deadline=None)
@given(st.data(), st.integers(0, 18), st.integers(0, 3),
       st.one_of(st.sampled_from([2, 3, 4, 7, 8, 12, 16, 52, 100, 365, 1000, 1024]),
                 st.integers(2, quotient.TABLE_DIVISOR)), st.booleans())
def test_one_divisor_for_the_column_is_the_decimal_quotient(data: Any, scale: int, d_scale: int,
                                                            d: int, negative: bool) -> None:
    """One divisor for every row (the table of remainders): values and exponents differ per
    row, among them zeros, exact integers with trailing zeros and the largest values."""
    rows = data.draw(st.lists(st.one_of(
        dividend(scale),
        st.integers(-10 ** 6, 10 ** 6).map(lambda v: (v * d * 10 ** scale, scale, -scale)),
        st.integers(-9, 9).map(lambda v: (v * 10 ** 5 * d * 10 ** scale, scale, -scale)),
        st.sampled_from([(LIMIT, scale, -scale), (-LIMIT, scale, -scale), (0, scale, -scale)])),
        min_size=1, max_size=60))
    rows = [(v, s, e) for v, s, e in rows if abs(v) <= LIMIT]
    if not rows:
        return
    divisor_value = -d if negative else d
    f = -d_scale + (1 if divisor_value % 10 ** (d_scale + 1) == 0 and data.draw(st.booleans())
                    else 0)
    values = np.array([v for v, _, _ in rows], dtype=np.int64)
    exps = np.array([e for _, _, e in rows], dtype=np.int64)
    wide, out_scale, exponents = quotient.divide(values, scale, exps,
                                                 np.array([divisor_value]), d_scale,
                                                 np.full(len(rows), f))
    found = wide_output.to_decimals(wide, out_scale, exponents)
    want = [expected(a, (divisor_value, d_scale, f)) for a in rows]
    assert [x.as_tuple() for x in found] == [x.as_tuple() for x in want]
    # the table agrees with the row-by-row division
    general, general_scale, general_exps = quotient.divide(
        values, scale, exps, np.full(len(rows), divisor_value), d_scale, np.full(len(rows), f))
    assert general_scale == out_scale
    assert np.array_equal(general.limbs[:, -wide.limbs.shape[1]:], wide.limbs)
    assert np.array_equal(general_exps, exponents)
    # the output column, which the table builds at the finest exponent (not by shifting rows)
    assert wide.table is not None
    column = wide_output.arrow_decimals(wide, out_scale, exponents, np.ones(len(rows), dtype=bool),
                                     np.zeros(0, np.int64), [])
    reference = contract.decimal_column(list(want))
    if pa.types.is_string(reference.type):
        assert column is None
    else:
        assert column is not None and column.type == reference.type
        assert column.equals(reference)


@settings(max_examples=200, deadline=None)
@given(st.integers(-10 ** 6, 10 ** 6), st.sampled_from([1, 2, 3, 4, 5, 8, 12, 16, 20, 40, 125]),
       st.integers(0, 4), st.sampled_from([0, -2, 1]))
def test_exact_divisions_keep_the_ideal_exponent(k: int, d: int, scale: int, shift: int) -> None:
    """a multiple of d: an exact quotient, with the exponent as close to the ideal as Decimal."""
    value = k * d * 10 ** scale
    exponent = -scale + max(shift, -scale) if shift > 0 else -scale
    if shift > 0:
        value = value // 10 ** shift * 10 ** shift
    wide, out_scale, exps = quotient.divide(np.array([value], dtype=np.int64), scale,
                                            np.array([exponent]), np.array([d]), 0, np.array([0]))
    found = wide_output.to_decimals(wide, out_scale, exps)[0]
    assert found.as_tuple() == expected((value, scale, exponent), (d, 0, 0)).as_tuple()


def test_one_column_with_fallback_rows_and_nulls() -> None:
    """Rows handed to the per-household path keep their Decimal (or null); the type covers all."""
    values = np.array([148300, -500, 0, 7], dtype=np.int64)
    wide, out_scale, exps = quotient.divide(values, 2, np.full(4, -2), np.array([12]), 0,
                                            np.array([0]))
    good = np.array([True, True, False, False])
    extra = [Decimal("123456789012.5"), None]
    column = wide_output.arrow_decimals(wide, out_scale, exps, good, np.array([2, 3]), extra)
    mine = wide_output.to_decimals(wide, out_scale, exps)
    reference = contract.decimal_column([mine[0], mine[1], *extra])
    assert column is not None
    assert column.type == reference.type
    assert column.equals(reference)


@settings(max_examples=300, deadline=None)
@given(st.integers(10 ** 34, 10 ** 52), st.booleans(), st.integers(0, 5))
def test_rounding_half_even_with_a_carry(digits: int, sticky: bool, nines: int) -> None:
    """`_round` on numbers of 35 to 53 digits, also 99...9x that carry into a new digit."""
    if nines:
        width = len(str(digits))
        digits = 10 ** width - 1 - digits % 10 ** (width - 35 + nines)
    count = len(str(digits))
    chunks, rest = [], digits
    while rest:
        rest, limb = divmod(rest, quotient.BASE)
        chunks.insert(0, limb)
    limbs = quotient.fit(np.array([chunks], dtype=np.int64), count // 9 + 2)
    p = np.array([count - quotient.PREC])
    tz = quotient.trailing_zeros(limbs)
    rounded, carried = quotient._round(limbs.copy(), p, np.array([count]), tz,
                                       np.array([1 if sticky else 0]), np.array([True]))
    with decimal.localcontext(runtime.CONTEXT):
        exact = Decimal(digits * 10 + (1 if sticky else 0)).scaleb(-1, context=wide_output.EXACT)
        want = +exact  # rounded to 34 digits, half even
    value = int("".join(f"{x:09d}" for x in rounded[0]))
    assert value == int(want)
    assert want.as_tuple().exponent == int(p[0]) + int(carried[0])


def test_division_by_powers_of_ten_with_a_multiplication() -> None:
    """div_pow10 (multiply and shift) is floor division for every limb value."""
    rng = np.random.default_rng(0)
    x = np.concatenate([rng.integers(0, 2 ** 30, 200_000), np.arange(0, 100_000),
                        2 ** 30 - 1 - np.arange(1000)])
    for k in range(quotient.DIGITS + 1):
        near = np.array([m * 10 ** k + j for m in range(1, 2 ** 30 // 10 ** k, max(
            1, 2 ** 30 // 10 ** k // 2000)) for j in (-1, 0, 1)], dtype=np.int64)
        values = np.concatenate([x, near[(near >= 0) & (near < 2 ** 30)]])
        assert (quotient.div_pow10(values, np.full(len(values), k)) == values // 10 ** k).all()


@settings(max_examples=200, deadline=None)
@given(st.data(), st.integers(0, 12), st.integers(0, 6))
def test_sums_and_products_with_quotients_are_the_decimal_ones(data: Any, scale: int,
                                                                v_scale: int) -> None:
    """A 34-digit quotient plus, minus or times a fixed amount: the runtime's Decimal result
    (rounded half-even to 34 digits, the exponent Decimal gives, x - x is +0)."""
    rows = data.draw(st.lists(dividend(scale), min_size=1, max_size=30))
    size = len(rows)
    ds = data.draw(st.lists(st.sampled_from([12, 7, 3, -12, 365, 1, 4]), min_size=size,
                            max_size=size))
    wide, w_scale, w_exp = quotient.divide(
        np.array([v for v, _, _ in rows], dtype=np.int64), scale,
        np.array([e for _, _, e in rows], dtype=np.int64), np.array(ds, dtype=np.int64), 0,
        np.zeros(size, dtype=np.int64))
    left = wide_output.to_decimals(wide, w_scale, w_exp)
    others = data.draw(st.lists(dividend(v_scale), min_size=size, max_size=size))
    values = np.array([v for v, _, _ in others], dtype=np.int64)
    exps = np.array([e for _, _, e in others], dtype=np.int64)
    right = wide_output.to_decimals(quotient.from_fixed(values), v_scale, exps)
    product = wide_output.to_decimals(*quotient.multiply(wide, w_scale, w_exp, values, v_scale,
                                                      exps))
    total = wide_output.to_decimals(*quotient.add(wide, w_scale, w_exp, quotient.from_fixed(values),
                                               v_scale, exps, False))
    difference = wide_output.to_decimals(*quotient.add(wide, w_scale, w_exp,
                                                    quotient.from_fixed(values), v_scale, exps,
                                                    True))
    itself = wide_output.to_decimals(*quotient.add(wide, w_scale, w_exp, wide, w_scale, w_exp, True))
    with decimal.localcontext(runtime.CONTEXT):
        assert [d.as_tuple() for d in product] == [(x * y).as_tuple()
                                                   for x, y in zip(left, right)]
        assert [d.as_tuple() for d in total] == [(x + y).as_tuple() for x, y in zip(left, right)]
        assert [d.as_tuple() for d in difference] == [(x - y).as_tuple()
                                                      for x, y in zip(left, right)]
        assert [d.as_tuple() for d in itself] == [(x - x).as_tuple() for x in left]


@pytest.mark.parametrize("mode", ["rekenkundig", "naar beneden", "naar boven", "richting nul",
                                  "weg van nul"])
@settings(max_examples=100, deadline=None)
@given(st.data(), st.integers(0, 8), st.integers(-2, 4))
def test_rounding_a_quotient_is_afronden(mode: str, data: Any, scale: int, places: int) -> None:
    """A quotient rounded to a power of ten (to the cent, to whole euros) is fixed again: the
    value `runtime.afronden` gives, with the step's exponent."""
    rows = data.draw(st.lists(dividend(scale), min_size=1, max_size=30))
    size = len(rows)
    ds = data.draw(st.lists(st.sampled_from([12, 7, 3, -12, 8, 2, 365]), min_size=size,
                            max_size=size))
    rows = [(v // 10 ** 9 if abs(v) > 10 ** 15 else v, s, -s) for v, s, _ in rows]
    wide, w_scale, w_exp = quotient.divide(
        np.array([v for v, _, _ in rows], dtype=np.int64), scale,
        np.array([e for _, _, e in rows], dtype=np.int64), np.array(ds, dtype=np.int64), 0,
        np.zeros(size, dtype=np.int64))
    step = Decimal(1).scaleb(-places)
    with decimal.localcontext(runtime.CONTEXT):
        want = [runtime.afronden(x, step, mode) for x in
                wide_output.to_decimals(wide, w_scale, w_exp)]
    try:
        found = quotient.round_to(wide, w_scale, -places, mode)
    except quotient.OutOfRange:  # allowed only beyond the columns' bound: 4 × 10^18 units
        assert any(abs(w).scaleb(max(0, places)) >= 4 * 10 ** 18 for w in want)
        return
    assert [Decimal(int(v)).scaleb(-max(0, places)) for v in found] == want
    assert all(w.as_tuple().exponent == -places for w in want)
