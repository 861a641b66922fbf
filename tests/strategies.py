"""Hypothesis strategies: JSON-like input for any regulation, generated from its input types."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from regelwerk.ir import types as t


def amounts(whole: bool = False) -> st.SearchStrategy[str | int]:
    if whole:
        return st.integers(min_value=0, max_value=50)
    return st.decimals(min_value=Decimal("-1000"), max_value=Decimal("100000"), places=2,
                       allow_nan=False, allow_infinity=False).map(lambda d: format(d, "f"))


def value_for(type_: t.Type) -> st.SearchStrategy[Any]:
    if isinstance(type_, t.NumberType):
        if type_.percent:
            return st.decimals(min_value=0, max_value=200, places=2).map(lambda d: f"{d}%")
        return amounts(type_.whole)
    if isinstance(type_, t.BooleanType):
        return st.booleans()
    if isinstance(type_, t.DateType):
        return st.dates(datetime.date(1930, 1, 1), datetime.date(2030, 12, 31)).map(
            lambda d: d.isoformat())
    if isinstance(type_, t.ChoiceType):
        return st.sampled_from(type_.values)
    if isinstance(type_, t.RecordType):
        return st.fixed_dictionaries({name: value_for(field) for name, field in type_.fields})
    if isinstance(type_, t.ListType):
        return st.lists(value_for(type_.element), max_size=5)
    raise NotImplementedError(type_)


def inputs_for(fields: dict[str, t.Type]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({name: value_for(type_) for name, type_ in fields.items()})
