"""Periods that cancel exactly: `bedrag per jaar × 3 maanden` is a plain amount (× 3/12)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regelwerk.ir import types as t
from tests.conftest import check, run

PER_JAAR = t.NumberType(t.Unit.of({t.EURO: 1, "jaar": -1}))
PER_WEEK = t.NumberType(t.Unit.of({t.EURO: 1, "week": -1}))


@pytest.mark.parametrize(("left", "right", "op", "unit", "scale"), [
    (PER_JAAR, t.duration("maand"), "×", t.MONEY, Fraction(1, 12)),
    (PER_JAAR, t.duration("kwartaal"), "×", t.MONEY, Fraction(1, 4)),
    (PER_WEEK, t.duration("dag"), "×", t.MONEY, Fraction(1, 7)),
    (t.NumberType(t.Unit.of({t.EURO: 1, "maand": -1})), PER_JAAR, "/", t.DIMENSIONLESS,
     Fraction(12)),
    (PER_JAAR, t.duration("jaar"), "×", t.MONEY, Fraction(1)),
])
def test_periods_cancel_with_an_exact_factor(left: t.NumberType, right: t.NumberType, op: str,
                                             unit: t.Unit, scale: Fraction) -> None:
    result = t.multiply(left, right) if op == "×" else t.divide(left, right)
    assert result.unit == unit
    assert t.product_scale(left, right, op) == scale


@pytest.mark.parametrize("right", ["uur", "dag", "week"])
def test_no_fixed_ratio_no_cancelling(right: str) -> None:
    result = t.multiply(PER_JAAR, t.duration(right))
    assert result.unit == t.Unit.of({t.EURO: 1, "jaar": -1, right: 1})
    assert t.product_scale(PER_JAAR, t.duration(right), "×") == 1


def test_a_rule_gets_a_quarter_of_a_yearly_amount_exactly() -> None:
    body = ("invoer jaarbedrag: bedrag per jaar    [a]\n"
            "regel kwartaal: bedrag    [b]\n  = jaarbedrag × 3 maanden\n"
            "regel kwartaal_bis: bedrag    [b]\n  = jaarbedrag × 1 kwartaal\n"
            "uitvoer kwartaal, kwartaal_bis\n")
    result = run(body, {"jaarbedrag": "185309.50"})
    # not 46327.37499...: the product is taken before the division by 12
    assert result == {"kwartaal": Decimal("46327.375"), "kwartaal_bis": Decimal("46327.375")}


def test_an_hour_is_no_fixed_part_of_a_year() -> None:
    body = ("invoer jaarbedrag: bedrag per jaar    [a]\n"
            "regel fout: bedrag    [b]\n  = jaarbedrag × 3 uur\nuitvoer fout\n")
    (error,) = [d for d in check(body).diagnostics if d.is_error]
    assert error.code == "RW201" and "euro·uur per jaar" in error.message


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2),
       st.integers(0, 240))
def test_months_of_a_yearly_amount_equal_the_monthly_amount_times_months(
        amount: Decimal, months: int) -> None:
    body = ("invoer jaarbedrag: bedrag per jaar    [a]\ninvoer n: aantal    [a]\n"
            "regel deel: bedrag    [b]\n  = jaarbedrag × n × 1 maand\nuitvoer deel\n")
    result = Fraction(run(body, {"jaarbedrag": str(amount), "n": months})["deel"])
    exact = Fraction(amount) * months / 12
    denominator = exact.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1:  # a terminating decimal: exactly that, never 46.327,37499...
        assert result == exact
    else:  # 1/3 and the like: 34 significant digits, as every division
        assert abs(result - exact) <= abs(exact) / 10**32
