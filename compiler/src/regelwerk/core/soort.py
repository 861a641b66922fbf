"""Core types -> the runtime's `Soort`: how a value of a type is read, shown and written as JSON.

One mapping for every stage that handles values at run time: the reference interpreter reads its
input and shows its values with these objects, and they are built with the same arguments as the
`rt.Soort(...)` constants a generated module declares (see `backends/python/kinds.py`), so the
interpreter and a generated module accept and refuse exactly the same input, with the same message.
"""

from __future__ import annotations

from regelwerk import runtime
from regelwerk.ir import types as t

_CACHE: dict[t.Type, runtime.Soort] = {}


class NoSoort(ValueError):
    """A type without run-time values (the type of an expression that already had an error)."""


def number_form(type_: t.NumberType) -> tuple[str, str]:
    """How the runtime shows a number: (bedrag, period), (procent, ""), (duur, unit), (getal, unit)."""
    if type_.is_money:
        return "bedrag", type_.unit.period() or ""
    if type_.percent:
        return "procent", ""
    if t.is_duration(type_):
        return "duur", type_.unit.factors[0][0]
    return "getal", "" if type_.unit.dimensionless else type_.describe()


def representable(type_: t.Type) -> bool:
    """Whether values of `type_` have a `Soort` (every type a definition can have)."""
    if isinstance(type_, (t.ListType, t.PerMemberType)):
        return representable(type_.element)
    if isinstance(type_, t.RecordType):
        return all(representable(field) for _, field in type_.fields)
    return isinstance(type_, (t.NumberType, t.BooleanType, t.DateType, t.ChoiceType))


def soort(type_: t.Type) -> runtime.Soort:
    """The runtime's kind of `type_`; made once per type. NoSoort for a type without values."""
    try:
        return _CACHE[type_]
    except KeyError:
        pass
    except TypeError:  # an unhashable default value: build it each time
        return _build(type_)
    found = _CACHE[type_] = _build(type_)
    return found


def _build(type_: t.Type) -> runtime.Soort:
    description = type_.describe()
    if isinstance(type_, t.NumberType):
        form, unit = number_form(type_)
        return runtime.Soort(description, form, unit, geheel=type_.whole)
    if isinstance(type_, t.BooleanType):
        return runtime.Soort(description, "ja/nee")
    if isinstance(type_, t.DateType):
        return runtime.Soort(description, "datum")
    if isinstance(type_, t.ChoiceType):
        return runtime.Soort(description, "keuze", waarden=type_.values)
    if isinstance(type_, t.RecordType):
        return runtime.Soort(description, "gegevens",
                             velden=tuple((name, soort(field)) for name, field in type_.fields),
                             standaard=dict(type_.defaults) or None)
    if isinstance(type_, (t.ListType, t.PerMemberType)):
        return runtime.Soort(description, "lijst", element=soort(type_.element))
    raise NoSoort(f"het type {description} heeft geen waarden")
