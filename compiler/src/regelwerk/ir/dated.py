"""Dated values: which parameter value or table version is in force at a peildatum."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Protocol, TypeVar


class Dated(Protocol):
    @property
    def valid_from(self) -> datetime.date | None: ...


D = TypeVar("D", bound=Dated)


def select_dated(items: Iterable[D], peildatum: datetime.date) -> D | None:
    """The latest `vanaf` on or before the peildatum; an undated item holds from the start."""
    chosen = None
    for item in sorted(items, key=lambda i: i.valid_from or datetime.date.min):
        if item.valid_from is None or item.valid_from <= peildatum:
            chosen = item
    return chosen
