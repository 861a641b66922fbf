from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regelwerk.syntax import literals


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", "0"), ("0,5", "0.5"), ("1.234,56", "1234.56"), ("1234,56", "1234.56"),
     ("1.000.000", "1000000"), ("13,60", "13.60")],
)
def test_parse_number(text: str, value: str) -> None:
    assert literals.parse_number(text) == Decimal(value)


def test_money_and_percent() -> None:
    assert literals.parse_money("€ 1.450,00") == Decimal("1450.00")
    assert literals.parse_money("€1,40") == Decimal("1.40")
    assert literals.parse_percent("13,60 %") == Decimal("0.1360")
    assert literals.parse_percent("5%") == Decimal("0.05")


@pytest.mark.parametrize(
    ("value", "text"),
    [("1450", "€ 1.450,00"), ("1.4", "€ 1,40"), ("0.5355", "€ 0,5355"), ("2.0000", "€ 2,00"),
     ("-3", "- € 3,00"), ("1234567.891", "€ 1.234.567,891")],
)
def test_format_money(value: str, text: str) -> None:
    assert literals.format_money(Decimal(value)) == text


def test_format_percent_and_date() -> None:
    assert literals.format_percent(Decimal("0.136")) == "13,6 %"
    assert literals.format_percent(Decimal("0.05")) == "5 %"
    assert literals.format_date_long(literals.parse_date("2026-01-01")) == "1 januari 2026"


def test_impossible_date_raises_value_error() -> None:
    with pytest.raises(ValueError):
        literals.parse_date("2026-02-30")


@given(st.decimals(min_value=-10**12, max_value=10**12, places=4, allow_nan=False))
def test_number_notation_round_trips(value: Decimal) -> None:
    text = literals.format_number(value)
    assert literals.parse_number(text.lstrip("-")) * (-1 if text.startswith("-") else 1) == value


def test_formatting_does_not_depend_on_the_decimal_context() -> None:
    value = Decimal("55.83333333333333333333333333333333")  # 34 digits
    assert literals.format_money(value) == "€ 55,83333333333333333333333333333333"
