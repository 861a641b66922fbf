"""Types and the unit algebra.

Every number carries a unit: a product of base units with exponents. `bedrag per maand` is
euro·maand⁻¹, `uren per maand` is uur·maand⁻¹, so bedrag per uur × uren per maand = bedrag per maand.
Units of time convert only where the ratio is fixed (maand/kwartaal/jaar, dag/week), and only when they
cancel in a product or quotient (`per jaar × maanden`); a month is not a fixed number of hours.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from regelwerk.runtime import DAYS, MONTHS

EURO = "euro"
TIME_UNITS = ("uur", "dag", "week", "maand", "kwartaal", "jaar")

# Exact conversion factors between periods, in months or in days; other pairs are not convertible.
# One table, the runtime's, which the generated modules carry as well.
PERIOD_FAMILIES = (MONTHS, DAYS)


def conversion(source: str, target: str) -> tuple[int, int] | None:
    """The exact factor of `per source -> per target` as (numerator, denominator), unreduced, the
    way the runtime multiplies (value × numerator / denominator): per maand -> per jaar is (12, 1).
    None when the two periods are not exactly convertible (per maand -> per dag)."""
    for family in PERIOD_FAMILIES:
        if source in family and target in family:
            return family[target], family[source]
    return None


PLURAL = {"uur": "uren", "dag": "dagen", "week": "weken", "maand": "maanden", "kwartaal": "kwartalen",
          "jaar": "jaren"}
SINGULAR = {plural: singular for singular, plural in PLURAL.items()}


def count_word(unit: str, amount: object) -> str:
    """After a number Dutch says "10 jaar" and "10 uur", but "10 maanden", "10 dagen"."""
    if unit in ("jaar", "uur") or amount == 1:
        return unit
    return PLURAL[unit]


@attrs.frozen
class Unit:
    """A product of base units with integer exponents, kept sorted so equal units compare equal."""

    factors: tuple[tuple[str, int], ...] = ()

    @staticmethod
    def of(exponents: Mapping[str, int]) -> Unit:
        return Unit(tuple(sorted((b, e) for b, e in exponents.items() if e != 0)))

    def as_dict(self) -> dict[str, int]:
        return dict(self.factors)

    def __mul__(self, other: Unit) -> Unit:
        merged = self.as_dict()
        for base, exp in other.factors:
            merged[base] = merged.get(base, 0) + exp
        return Unit.of(merged)

    def inverse(self) -> Unit:
        return Unit.of({b: -e for b, e in self.factors})

    def __truediv__(self, other: Unit) -> Unit:
        return self * other.inverse()

    @property
    def dimensionless(self) -> bool:
        return not self.factors

    def period(self) -> str | None:
        """The time unit this is a rate per (`per maand` -> maand), if exactly one."""
        periods = [b for b, e in self.factors if b in TIME_UNITS and e == -1]
        return periods[0] if len(periods) == 1 else None

    def without_period(self) -> Unit:
        period = self.period()
        return self if period is None else self * Unit.of({period: 1})

    def describe(self) -> str:
        """The unit as an analyst writes it: `bedrag per maand`, `uren per jaar`, `getal`."""
        positive = [(b, e) for b, e in self.factors if e > 0]
        negative = [(b, -e) for b, e in self.factors if e < 0]
        if positive == [(EURO, 1)]:
            head = "bedrag"
        elif len(positive) == 1 and positive[0][1] == 1 and positive[0][0] in PLURAL:
            head = PLURAL[positive[0][0]]
        elif not positive:
            head = "getal"
        else:
            head = "·".join(b if e == 1 else f"{b}^{e}" for b, e in positive)
        tail = "".join(f" per {b}" if e == 1 else f" per {b}^{e}" for b, e in negative)
        return head + tail


DIMENSIONLESS = Unit()
MONEY = Unit.of({EURO: 1})


class Type:
    """Base class of all types; `describe` gives the Dutch name used in messages and annexes."""

    def describe(self) -> str:
        raise NotImplementedError


@attrs.frozen
class NumberType(Type):
    """bedrag, getal, aantal, percentage, uren, duur: an exact decimal with a unit.

    `whole` marks aantal-like values; `percent` marks percentages (for display only, the value is a
    fraction). `flexible` marks a money literal such as `€ 0,00` that takes the period of the amount
    it is combined with.
    """

    unit: Unit = DIMENSIONLESS
    whole: bool = False
    percent: bool = False
    flexible: bool = False

    def describe(self) -> str:
        if self.unit.dimensionless:
            if self.percent:
                return "percentage"
            return "aantal" if self.whole else "getal"
        return self.unit.describe()

    @property
    def is_money(self) -> bool:
        return self.unit.as_dict().get(EURO) == 1


@attrs.frozen
class BooleanType(Type):
    def describe(self) -> str:
        return "ja/nee"


@attrs.frozen
class DateType(Type):
    def describe(self) -> str:
        return "datum"


@attrs.frozen
class ChoiceType(Type):
    name: str
    values: tuple[str, ...]

    def describe(self) -> str:
        return f"keuze {self.name}"


@attrs.frozen
class RecordType(Type):
    name: str
    fields: tuple[tuple[str, Type], ...]
    # The value of a field that the input may leave out (`= € 0,00` in the rules): an exact value.
    defaults: tuple[tuple[str, object], ...] = ()

    def field(self, name: str) -> Type | None:
        return dict(self.fields).get(name)

    def describe(self) -> str:
        return self.name


@attrs.frozen
class ListType(Type):
    element: RecordType

    def describe(self) -> str:
        return f"lijst van {self.element.name}"


@attrs.frozen
class PerMemberType(Type):
    """The value of a `regel per kind` named as an output: one `element` for each member of the
    list of `record`, in their order (a tuple in Python, an array in JSON)."""

    element: Type
    record: str

    def describe(self) -> str:
        return f"{self.element.describe()} per {self.record}"


@attrs.frozen
class UnknownType(Type):
    """The type of an expression that already produced an error; it silences follow-up errors."""

    def describe(self) -> str:
        return "onbekend"


BOOLEAN = BooleanType()
DATE = DateType()
UNKNOWN = UnknownType()
NUMBER = NumberType()
COUNT = NumberType(whole=True)
PERCENTAGE = NumberType(percent=True)
AMOUNT = NumberType(MONEY)


def money(per: str | None = None) -> NumberType:
    return NumberType(MONEY if per is None else MONEY / Unit.of({per: 1}))


def duration(unit: str) -> NumberType:
    return NumberType(Unit.of({unit: 1}), whole=unit != "uur")


def is_duration(t: Type) -> bool:
    return (
        isinstance(t, NumberType)
        and len(t.unit.factors) == 1
        and t.unit.factors[0][0] in TIME_UNITS
        and t.unit.factors[0][1] == 1
    )


def adopt(t: Type, other: Type) -> Type:
    """A flexible money literal takes the period of the amount it meets."""
    if (
        isinstance(t, NumberType)
        and t.flexible
        and isinstance(other, NumberType)
        and other.is_money
        and not other.flexible
    ):
        return NumberType(other.unit, whole=t.whole)
    return t


def assignable(actual: Type, declared: Type) -> bool:
    """Can a value of type `actual` be stored where `declared` is expected?"""
    if isinstance(actual, UnknownType) or isinstance(declared, UnknownType):
        return True
    actual = adopt(actual, declared)
    if isinstance(actual, NumberType) and isinstance(declared, NumberType):
        if actual.unit != declared.unit:
            return False
        if declared.whole and not actual.whole:
            return False
        if declared.percent and not actual.percent and not actual.whole:
            return False
        return True
    return actual == declared


def join(a: Type, b: Type) -> Type | None:
    """The common type of two branches or operands of + and -, or None if they do not fit."""
    if isinstance(a, UnknownType):
        return b
    if isinstance(b, UnknownType):
        return a
    a, b = adopt(a, b), adopt(b, a)
    if isinstance(a, NumberType) and isinstance(b, NumberType):
        if a.unit != b.unit:
            return None
        return NumberType(
            a.unit,
            whole=a.whole and b.whole,
            percent=a.percent and b.percent,
            flexible=a.flexible and b.flexible,
        )
    return a if a == b else None


def cancel_periods(unit: Unit) -> tuple[Unit, Fraction]:
    """Periods that cancel exactly: `per jaar × maanden` is a plain amount, times 1/12.

    Within one family of exactly convertible periods (maand, kwartaal, jaar; dag, week) the
    exponents are added in the family's base unit; if they sum to zero the periods go and the
    factor between them stays. Otherwise the unit is kept as written (`euro·maand per jaar`)."""
    exponents = unit.as_dict()
    factor = Fraction(1)
    for family in PERIOD_FAMILIES:
        present = {u: e for u, e in exponents.items() if u in family}
        if len(present) < 2 or sum(present.values()) != 0:
            continue
        for period, exponent in present.items():
            factor *= Fraction(family[period]) ** exponent
            del exponents[period]
    return Unit.of(exponents), factor


def product_scale(a: NumberType, b: NumberType, op: str) -> Fraction:
    """The exact factor `a × b` (or `a / b`) needs because periods cancel (see cancel_periods)."""
    return cancel_periods(a.unit * b.unit if op == "×" else a.unit / b.unit)[1]


def multiply(a: NumberType, b: NumberType) -> NumberType:
    flexible = (a.flexible and b.unit.dimensionless) or (b.flexible and a.unit.dimensionless)
    return NumberType(
        cancel_periods(a.unit * b.unit)[0],
        whole=a.whole and b.whole,
        percent=a.percent and b.percent,
        flexible=flexible,
    )


def divide(a: NumberType, b: NumberType) -> NumberType:
    return NumberType(cancel_periods(a.unit / b.unit)[0],
                      flexible=a.flexible and b.unit.dimensionless)
