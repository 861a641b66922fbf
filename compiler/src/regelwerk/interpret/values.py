"""Runtime values: showing values to people and to JSON, and the values a test gives.

Inside the interpreter a number is always a Decimal (a percentage as a fraction), a choice value its
name, a record a dict and a list a tuple of dicts. Input is read, and values are shown and written,
by the runtime's `Soort` of their type (`core.soort`): the very code a generated module runs, so the
two accept and refuse the same input with the same message. A binary float is refused at the door.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from regelwerk.core.soort import representable, soort
from regelwerk.ir import types as t
from regelwerk.runtime import FloatText, InvoerFout, lees_json

Value = Any

__all__ = ["FloatText", "InvoerFout", "Value", "load_json", "read", "show", "to_json",
           "with_defaults"]


def load_json(text: str) -> Any:
    """The runtime's reading of JSON (its limits, no float, no key twice); InvoerFout 'invoer'."""
    return lees_json(text, "invoer")


def read(field: str, raw: Any, type_: t.Type) -> Value:
    """JSON-like input -> interpreter value, or InvoerFout naming the field (the runtime's reader)."""
    if not representable(type_):
        raise InvoerFout(field, f"het type {type_.describe()} kan niet als invoer worden gegeven")
    return soort(type_).lees(field, raw)


def with_defaults(value: Value, type_: t.Type) -> Value:
    """A record (or list of records) from a test, with the fields it leaves out at their default."""
    if isinstance(type_, t.ListType) and isinstance(value, tuple):
        return tuple(with_defaults(item, type_.element) for item in value)
    if isinstance(type_, t.RecordType) and isinstance(value, dict):
        filled = {**dict(type_.defaults), **value}
        return {name: with_defaults(filled[name], field) for name, field in type_.fields
                if name in filled}
    return value


def show(value: Value, type_: t.Type) -> str:
    """A value the way the annex and the CLI print it: € 1.450,00, 13,6 %, ja."""
    if representable(type_):
        return soort(type_).toon(value)
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
    if representable(type_):
        return soort(type_).naar_json(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [to_json(v, t.UNKNOWN) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v, t.UNKNOWN) for k, v in value.items()}
    return value
