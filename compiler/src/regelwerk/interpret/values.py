"""Runtime values: checking and converting input, and showing values to people and to JSON.

Inside the interpreter a number is always a Decimal (a percentage as a fraction), a choice value its
name, a record a dict and a list a tuple of dicts. A binary float is refused at the door.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from regelwerk.ir import types as t
from regelwerk.syntax import literals

Value = Any

_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_PERCENT = re.compile(r"(-?[0-9]+(?:[.,][0-9]+)?)\s*%")


class InvoerFout(Exception):
    """Wrong input: names the field and says what is wrong with it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class FloatText(str):
    """A JSON number with a fraction or exponent, kept as text so no float is ever made."""


def load_json(text: str) -> Any:
    return json.loads(text, parse_float=FloatText, parse_constant=FloatText)


def convert(field: str, raw: Any, type_: t.Type) -> Value:
    """JSON-like input -> interpreter value, or InvoerFout naming the field."""
    if isinstance(type_, t.NumberType):
        return _number(field, raw, type_)
    if isinstance(type_, t.BooleanType):
        if isinstance(raw, bool):
            return raw
        if raw in ("ja", "nee"):
            return raw == "ja"
        raise InvoerFout(field, f"verwacht ja/nee (true of false), gekregen {_show(raw)}")
    if isinstance(type_, t.DateType):
        if isinstance(raw, str):
            try:
                return datetime.date.fromisoformat(raw)
            except ValueError:
                pass
        raise InvoerFout(field, f"verwacht een datum als \"jjjj-mm-dd\", gekregen {_show(raw)}")
    if isinstance(type_, t.ChoiceType):
        if isinstance(raw, str) and raw in type_.values:
            return raw
        raise InvoerFout(field, f"{_show(raw)} is geen waarde van {type_.describe()}; mogelijk: "
                         + ", ".join(type_.values))
    if isinstance(type_, t.RecordType):
        if not isinstance(raw, Mapping):
            raise InvoerFout(field, f"verwacht gegevens van {type_.name} (een object), gekregen "
                             f"{_show(raw)}")
        return convert_record(field, raw, type_)
    if isinstance(type_, t.ListType):
        if not isinstance(raw, list):
            raise InvoerFout(field, f"verwacht een lijst van {type_.element.name}, gekregen "
                             f"{_show(raw)}")
        return tuple(convert(f"{field}[{i}]", item, type_.element) for i, item in enumerate(raw))
    raise InvoerFout(field, f"het type {type_.describe()} kan niet als invoer worden gegeven")


def convert_record(field: str, raw: Mapping[str, Any], record: t.RecordType) -> dict[str, Value]:
    known = dict(record.fields)
    for key in raw:
        if key not in known:
            raise InvoerFout(f"{field}.{key}", f"{record.name} heeft geen gegeven '{key}'; "
                             f"bekend zijn: {', '.join(known)}")
    out = {}
    defaults = dict(record.defaults)
    for name, field_type in record.fields:
        if name not in raw:
            if name not in defaults:
                raise InvoerFout(f"{field}.{name}", "ontbreekt")
            out[name] = defaults[name]
            continue
        out[name] = convert(f"{field}.{name}", raw[name], field_type)
    return out


def with_defaults(value: Value, type_: t.Type) -> Value:
    """A record (or list of records) from a test, with the fields it leaves out at their default."""
    if isinstance(type_, t.ListType) and isinstance(value, tuple):
        return tuple(with_defaults(item, type_.element) for item in value)
    if isinstance(type_, t.RecordType) and isinstance(value, dict):
        filled = {**dict(type_.defaults), **value}
        return {name: with_defaults(filled[name], field) for name, field in type_.fields
                if name in filled}
    return value


def _number(field: str, raw: Any, type_: t.NumberType) -> Decimal:
    what = type_.describe()
    if isinstance(raw, (FloatText, float)):
        example = _example(type_, raw)
        raise InvoerFout(field, f"{raw} is een kommagetal (float) en dus niet exact; geef {what} "
                         f"als {example}")
    if isinstance(raw, bool):
        raise InvoerFout(field, f"verwacht {what}, gekregen {_show(raw)}")
    value: Decimal | None = None
    if isinstance(raw, int) and not type_.percent:
        value = Decimal(raw)
    elif isinstance(raw, str):
        text = raw.strip()
        match = _PERCENT.fullmatch(text)
        if type_.percent and match:
            value = Decimal(match.group(1).replace(",", ".")).scaleb(-2)
        elif _DECIMAL.fullmatch(text) and not type_.percent:
            try:
                value = Decimal(text)
            except InvalidOperation:
                value = None
    if value is None:
        example = "\"13.60%\"" if type_.percent else "\"1450.50\""
        raise InvoerFout(field, f"verwacht {what}, gekregen {_show(raw)}; schrijf bijv. {example}")
    if type_.whole and value != value.to_integral_value():
        raise InvoerFout(field, f"verwacht een geheel aantal, gekregen {_show(raw)}")
    return value


def _example(type_: t.NumberType, raw: Any) -> str:
    if type_.percent:
        return f"tekst met een procentteken, bijv. \"{raw}%\""
    if type_.whole:
        return "een geheel getal, bijv. 2"
    return f"tekst, bijv. \"{raw}\""


def _show(raw: Any) -> str:
    text = json.dumps(raw, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def show(value: Value, type_: t.Type) -> str:
    """A value the way the annex and the CLI print it: € 1.450,00, 13,6 %, ja."""
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
    if isinstance(value, tuple):
        return f"{len(value)} {'lid' if len(value) == 1 else 'leden'}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value)


def to_json(value: Value, type_: t.Type) -> Any:
    """Exact JSON: amounts and fractions as strings, whole numbers as integers."""
    if isinstance(value, Decimal):
        if isinstance(type_, t.NumberType) and type_.whole and value == value.to_integral_value():
            return int(value)
        if isinstance(type_, t.NumberType) and type_.percent:
            return format(value.scaleb(2), "f") + "%"
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        element = type_.element if isinstance(type_, t.ListType) else t.UNKNOWN
        return [to_json(v, element) for v in value]
    if isinstance(value, dict):
        fields = dict(type_.fields) if isinstance(type_, t.RecordType) else {}
        return {k: to_json(v, fields.get(k, t.UNKNOWN)) for k, v in value.items()}
    return value
