"""How constants read in Dutch: shared by the formula text, the annex and the diff."""

from __future__ import annotations

import datetime
from decimal import Decimal

from regelwerk.ir import types as t
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


def show(value: object, type_: t.Type) -> str:
    """A value the way the annex prints it, by its type: € 1.450,00 per maand, 13,6 %, 3 (uren)."""
    if isinstance(type_, t.NumberType) and isinstance(value, Decimal):
        if type_.is_money:
            text = literals.format_money(value)
            period = type_.unit.period()
            return f"{text} per {period}" if period else text
        if type_.percent:
            return literals.format_percent(value)
        if t.is_duration(type_):
            return f"{literals.format_number(value)} {t.count_word(type_.unit.factors[0][0], value)}"
        text = literals.format_number(value)
        return text if type_.unit.dimensionless else f"{text} ({type_.describe()})"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
