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
        defaults = dict(type_.defaults)  # a field with a default may be left out
        return st.fixed_dictionaries(
            {name: value_for(field) for name, field in type_.fields if name not in defaults},
            optional={name: value_for(field) for name, field in type_.fields if name in defaults})
    if isinstance(type_, t.ListType):
        # small households often: an `eis` such as "precies één aanvrager" then holds more often
        return st.one_of(st.lists(value_for(type_.element), min_size=1, max_size=2),
                         st.lists(value_for(type_.element), max_size=5))
    raise NotImplementedError(type_)


def inputs_for(fields: dict[str, t.Type]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({name: value_for(type_) for name, type_ in fields.items()})


# ------------------------------------------------------------------ input with one mistake

UNKNOWN_KEY = "§onbekend§"  # never a name in a rule file


def invalid_inputs_for(fields: dict[str, t.Type]) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """Valid input with exactly one mistake in it, and the field an InvoerFout must name."""
    return inputs_for(fields).flatmap(lambda data: _one_mistake(data, fields))


def wrong_value_for(type_: t.Type) -> st.SearchStrategy[Any]:
    """A value that is wrong for `type_`: a float for an amount, an unknown choice, a wrong shape."""
    if isinstance(type_, t.NumberType):
        wrong: list[Any] = [1.5, 0.1, -2.25, "1.000,50", "€ 5", True, None, [], {}]
        if type_.whole:
            wrong.append("2.5")
        if type_.percent:
            wrong += ["0,1", 5, "13.6"]
        return st.sampled_from(wrong)
    if isinstance(type_, t.BooleanType):
        return st.sampled_from(["misschien", 1, None, 0.5, "true"])
    if isinstance(type_, t.DateType):
        return st.sampled_from(["2026-13-01", "gisteren", 20260101, None, 1.5])
    if isinstance(type_, t.ChoiceType):
        return st.sampled_from(["§geen_keuze§", 1, None, [], 2.5])
    if isinstance(type_, t.RecordType):
        return st.sampled_from(["x", [], 1])
    if isinstance(type_, t.ListType):
        return st.sampled_from([{}, "x", 1, None])
    raise NotImplementedError(type_)


def _one_mistake(data: dict[str, Any], fields: dict[str, t.Type]
                 ) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    options: list[st.SearchStrategy[tuple[dict[str, Any], str]]] = [
        st.just(({**data, UNKNOWN_KEY: 1}, UNKNOWN_KEY)),
    ]
    for name, type_ in fields.items():
        rest = {k: v for k, v in data.items() if k != name}
        options.append(st.just((rest, name)))
        options.append(wrong_value_for(type_).map(lambda bad, n=name: ({**data, n: bad}, n)))
        if isinstance(type_, t.ListType) and data[name]:
            options.extend(_member_mistakes(data, name, type_.element))
    return st.one_of(options)


def _member_mistakes(data: dict[str, Any], name: str, record: t.RecordType
                     ) -> list[st.SearchStrategy[tuple[dict[str, Any], str]]]:
    """Mistakes in the first member of a list: `kinderen[0].geboortedatum`."""
    def with_member(member: dict[str, Any]) -> dict[str, Any]:
        return {**data, name: [member, *data[name][1:]]}

    first = data[name][0]
    options = [st.just((with_member({**first, UNKNOWN_KEY: 1}), f"{name}[0].{UNKNOWN_KEY}"))]
    defaults = dict(record.defaults)
    for field, field_type in record.fields:
        path = f"{name}[0].{field}"
        if field not in defaults:  # leaving out a field with a default is no mistake
            rest = {k: v for k, v in first.items() if k != field}
            options.append(st.just((with_member(rest), path)))
        options.append(wrong_value_for(field_type).map(
            lambda bad, f=field, p=path: (with_member({**first, f: bad}), p)))
    return options
