"""Dates as days since 1970-01-01 (int64), with the runtime's calendar rules vectorised."""

from __future__ import annotations

from typing import Any

import numpy as np

Array = Any


def ymd(days: Array) -> tuple[Array, Array, Array]:
    d = np.asarray(days).astype("datetime64[D]")
    months = d.astype("datetime64[M]")
    year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (d - months.astype("datetime64[D]")).astype(np.int64) + 1
    return year, month, day


def from_ymd(year: Array, month: Array, day: Array) -> Array:
    months = ((year - 1970) * 12 + month - 1).astype("datetime64[M]")
    return months.astype("datetime64[D]").astype(np.int64) + day - 1


def days_in_month(year: Array, month: Array) -> Array:
    start = ((year - 1970) * 12 + month - 1).astype("datetime64[M]")
    return ((start + 1).astype("datetime64[D]") - start.astype("datetime64[D]")).astype(np.int64)


def plus_months(days: Array, months: Array) -> Array:
    """`runtime.plus_periode` for months: the end of a month stays inside the month."""
    year, month, day = ymd(days)
    total = month - 1 + months
    year2, month2 = year + total // 12, total % 12 + 1
    return from_ymd(year2, month2, np.minimum(day, days_in_month(year2, month2)))


def in_range(days: Array) -> Array:
    """Dates Python's datetime.date can hold (year 1 to 9999)."""
    return (days >= -719162) & (days <= 2932896)


def months_between(begin: Array, end: Array) -> Array:
    """`runtime.tussen` in months (whole months as age is counted, with its sign)."""
    sign = np.where(end < begin, -1, 1)
    lo, hi = np.minimum(begin, end), np.maximum(begin, end)
    y1, m1, d1 = ymd(lo)
    y2, m2, d2 = ymd(hi)
    months = (y2 - y1) * 12 + m2 - m1 - (d2 < d1)
    return sign, months


def calendar(edge: str, period: str, days: Array) -> Array:
    """`runtime.kalender`: the first or last day of the month, quarter or year of a date."""
    year, month, _ = ymd(days)
    if period == "maand":
        first_month, span = month, 1
    elif period == "kwartaal":
        first_month, span = 3 * ((month - 1) // 3) + 1, 3
    else:
        first_month, span = np.ones_like(month), 12
    first = from_ymd(year, first_month, np.ones_like(month))
    if edge == "eerste":
        return first
    return plus_months(first, np.full_like(month, span)) - 1
