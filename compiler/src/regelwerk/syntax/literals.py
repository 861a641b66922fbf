"""Dutch notation as legal texts write it: € 1.234,56, 13,60 %, 0,5, 2026-01-01; both ways."""

from __future__ import annotations

import datetime
from decimal import Decimal

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)


def parse_number(text: str) -> Decimal:
    """`1.234,56` -> Decimal('1234.56'). The grammar guarantees the shape."""
    return Decimal(text.strip().replace(".", "").replace(",", "."))


def parse_money(text: str) -> Decimal:
    return parse_number(text.strip().lstrip("€"))


def parse_percent(text: str) -> Decimal:
    """`13,60 %` -> Decimal('0.1360'): percentages are fractions inside the compiler."""
    return parse_number(text.strip().rstrip("%")).scaleb(-2)


def parse_date(text: str) -> datetime.date:
    """Raises ValueError for a date that does not exist, such as 2026-02-30."""
    return datetime.date.fromisoformat(text)


def format_number(value: Decimal, decimals: int | None = None) -> str:
    """Decimal('1234.5') -> `1.234,5`; with `decimals`, a fixed number of decimals."""
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals)) if value.is_finite() else value
    sign = "-" if value.is_signed() and value != 0 else ""
    digits = format(value.copy_abs(), "f")  # copy_abs, unlike abs(), never rounds
    whole, _, fraction = digits.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    if fraction:
        result += "," + fraction
    return sign + result


def format_money(value: Decimal) -> str:
    """Decimal('1450') -> `€ 1.450,00`; decimals beyond the cent are shown, never rounded away."""
    normalized = _normalized(value)
    exponent = normalized.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        text = format_number(value, 2)
    else:
        text = format_number(normalized)
    if text.startswith("-"):
        return "- € " + text[1:]
    return "€ " + text


def format_percent(fraction: Decimal) -> str:
    """Decimal('0.136') -> `13,6 %`."""
    return format_number(_normalized(fraction.scaleb(2))) + " %"


def format_date(value: datetime.date) -> str:
    return value.isoformat()


def format_date_long(value: datetime.date) -> str:
    """The way a besluit writes it: 1 januari 2026."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _normalized(value: Decimal) -> Decimal:
    # Drop trailing zeros by text, not by Decimal.normalize(): that rounds to the precision of the
    # current context, which for a display is whatever the caller happens to have.
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(text)
