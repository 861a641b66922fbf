"""Dutch number notation, written one way: `€ 1.234,56`, `13,6 %`, `12.000`.

Only the spelling changes, never the value or the number of decimals: the digits after the decimal
comma are kept as written (`€ 1,4` stays `€ 1,4`, `0,50` stays `0,50`).
"""

from __future__ import annotations


def number(text: str) -> str:
    """`1234,5` -> `1.234,5`; `0012` -> `12`; `1.234` stays."""
    whole, comma, fraction = text.strip().partition(",")
    digits = whole.replace(".", "").lstrip("0") or "0"
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return ".".join(reversed(groups)) + (comma + fraction if comma else "")


def money(text: str) -> str:
    """`€1,40` -> `€ 1,40`; `€ 1234,56` -> `€ 1.234,56`."""
    return "€ " + number(text.strip()[1:])


def percent(text: str) -> str:
    """`13,6%` -> `13,6 %`."""
    return number(text.strip()[:-1]) + " %"
