"""Amounts in Dutch notation ("1.450,50", "€ 1.450,50") as the generated modules read them
("1450.50"). A text in JSON notation is taken as it is, so "1.450" is one euro forty-five; Dutch
notation is recognised by its comma or by groups of three digits after a dot."""

from __future__ import annotations

import re
from typing import Any

from regelwerk.backends.python.kinds import NUMBER_PATTERN

_JSON = re.compile(NUMBER_PATTERN)
_DUTCH_TEXT = r"-? ?(€ ?)?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?"
_DUTCH = re.compile(_DUTCH_TEXT)
# What the service's schema accepts for an amount: either notation.
PATTERN = f"^(-?[0-9]+(\\.[0-9]+)?|{_DUTCH_TEXT})$"


def from_dutch(text: str) -> str:
    """`1.450,50` -> `1450.50`; anything else unchanged (the module judges it)."""
    if _JSON.fullmatch(text) or not _DUTCH.fullmatch(text):
        return text
    sign = "-" if text.startswith("-") else ""
    digits = text.lstrip("-").strip().lstrip("€").strip()
    return sign + digits.replace(".", "").replace(",", ".")


def normalise(schema: Any, value: Any) -> Any:
    """Every amount in `value` that the input schema reads as a number, in JSON notation.

    Walks the schema, not the value: its depth is that of the regulation's input."""
    if not isinstance(schema, dict):
        return value
    if isinstance(value, str) and schema.get("pattern") == NUMBER_PATTERN:
        return from_dutch(value)
    if isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        properties = schema["properties"]
        return {key: normalise(properties.get(key), item) for key, item in value.items()}
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [normalise(schema["items"], item) for item in value]
    return value


def widened(schema: Any) -> Any:
    """A copy of the input schema in which amounts may also be written in Dutch notation."""
    if isinstance(schema, dict):
        out = {key: widened(item) for key, item in schema.items()}
        if schema.get("pattern") == NUMBER_PATTERN:
            out["pattern"] = PATTERN
        return out
    if isinstance(schema, list):
        return [widened(item) for item in schema]
    return schema
