"""How constants read in Dutch: shared by the formula text, the annex and the diff."""

from __future__ import annotations

import datetime
from decimal import Decimal

from regelwerk.syntax import literals


def money(value: Decimal) -> str:
    """As the source writes it: € 21,9860 keeps its four decimals (a published rate)."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        text = literals.format_number(value)
        return "- € " + text[1:] if text.startswith("-") else "€ " + text
    return literals.format_money(value)


def percent(fraction: Decimal) -> str:
    """Keeps the decimals as written: 13,60 % stays 13,60 %."""
    scaled = fraction.scaleb(2)
    exponent = scaled.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        scaled = scaled.quantize(Decimal(1))
    return literals.format_number(scaled) + " %"


def number(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        value = value.quantize(Decimal(1))
    return literals.format_number(value)


def date(value: datetime.date) -> str:
    return literals.format_date_long(value)


PLURAL_UNITS = {"uur": "uren", "dag": "dagen", "week": "weken", "maand": "maanden",
                "kwartaal": "kwartalen", "jaar": "jaar"}


def duration(amount: Decimal, unit: str) -> str:
    if amount == 1:
        return f"1 {unit}"
    plural = PLURAL_UNITS.get(unit, unit)
    return f"{number(amount)} {plural}"
