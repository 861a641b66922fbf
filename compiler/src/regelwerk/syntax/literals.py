"""Dutch notation as legal texts write it: € 1.234,56, 13,60 %, 0,5, 2026-01-01; both ways."""

from __future__ import annotations

import datetime
from decimal import Decimal

# The notation is the runtime's, so the interpreter, the annex and generated modules agree.
from regelwerk.runtime import format_money, format_number, format_percent

__all__ = ["format_date", "format_date_long", "format_money", "format_number", "format_percent",
           "parse_date", "parse_money", "parse_number", "parse_percent"]

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


def format_date(value: datetime.date) -> str:
    return value.isoformat()


def format_date_long(value: datetime.date) -> str:
    """The way a besluit writes it: 1 januari 2026."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


