"""Runtime of the calculation modules that `regelwerk build` generates.

This file is copied verbatim beside the generated modules (generated/regelwerk_runtime.py) and imports
only the standard library, so the folder can be copied into any Python 3.11+ service. It holds what
every regulation shares: exact decimal arithmetic, rounding, dates and periods, reading and checking
input, the explanation of a result, and the two documented errors:

- InvoerFout: the input is wrong; `veld` names the field, `melding` says what is wrong with it.
- RekenFout: the rules do not define a result for this input (no table row, two exceptions at once).

It is also where the reference interpreter (regelwerk.interpret) takes its arithmetic, dates, number
notation and explanation tree from, so those are written once; the tests hold the generated modules
and the interpreter together on random input.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from decimal import Decimal, InvalidOperation
from types import TracebackType
from typing import Any, Generic, Literal, NoReturn, Protocol, TypeAlias, TypeVar, cast

# Exact arithmetic: 34 significant digits (IEEE decimal128) for what cannot be exact, such as 1/3;
# a division by zero or an invalid operation is an error, never a silent NaN or infinity.
CONTEXT = decimal.Context(
    prec=34,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

ROUNDING = {
    "rekenkundig": decimal.ROUND_HALF_UP,
    "naar beneden": decimal.ROUND_FLOOR,
    "naar boven": decimal.ROUND_CEILING,
    "richting nul": decimal.ROUND_DOWN,
    "weg van nul": decimal.ROUND_UP,
}

PLURAL = {"uur": "uren", "dag": "dagen", "week": "weken", "maand": "maanden", "kwartaal": "kwartalen",
          "jaar": "jaren"}
MONTHS = {"maand": 1, "kwartaal": 3, "jaar": 12}
DAYS = {"dag": 1, "week": 7}

# What a caller may pass: amounts as text ("1450.50"), whole numbers also as int, never a float.
GetalInvoer: TypeAlias = str | int | Decimal
JaNeeInvoer: TypeAlias = bool | Literal["ja", "nee"]
DatumInvoer: TypeAlias = str | datetime.date

T = TypeVar("T")
L = TypeVar("L")
In = TypeVar("In")  # the input of a calculation
U = TypeVar("U", bound=Mapping[str, Any])
R = TypeVar("R", bound="Rekening[Any]")
Ordered = TypeVar("Ordered", Decimal, datetime.date)

# Limits of input, so that every value is exact and every request finishes in bounded time and memory
# (docs/ontwikkelaars/inbedden.md): beyond them the input is refused with InvoerFout naming the field.
MAX_INTEGER_DIGITS = 18  # digits before the point: sums and products stay inside the 34 digits
MAX_FRACTION_DIGITS = 12  # digits after the point
MAX_LIST_LENGTH = 10_000  # members of one list
MAX_JSON_DEPTH = 32  # levels of nesting in a JSON request
MAX_REQUEST_CHARACTERS = 10_000_000  # the text of one JSON request
_MAX_NUMBER_TEXT = MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + 8  # with sign, point, spaces and %
_LARGEST = 10 ** MAX_INTEGER_DIGITS
# What `Soort.lees` reads at all (a population run reads wider amounts than one calculation takes,
# and computes them exactly); beyond this even reading would be slow or fail.
_ABSURD_TEXT = 100
_ABSURD = 10 ** _ABSURD_TEXT
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fromisoformat alone takes 20260301, 2026-W10-1

_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_PERCENT = re.compile(r"(-?[0-9]+(?:[.,][0-9]+)?)\s*%")


# ------------------------------------------------------------------ errors


class InvoerFout(Exception):
    """Wrong input: `veld` names the field (`kinderen[0].geboortedatum`), `melding` what is wrong.

    `problemen`: every problem found, as (veld, melding) pairs, the first being `veld` and
    `melding`; reading a regulation's input collects them all (`InvoerFout.samen`), so a form
    learns of every wrong field at once."""

    def __init__(self, veld: str, melding: str,
                 problemen: Sequence[tuple[str, str]] | None = None) -> None:
        found = tuple(problemen) if problemen else ((veld, melding),)
        super().__init__("; ".join(f"{field}: {message}" for field, message in found))
        self.veld = veld
        self.melding = melding
        self.problemen = found

    @classmethod
    def samen(cls, fouten: Sequence[InvoerFout]) -> InvoerFout:
        """Several errors as one: `veld` and `melding` of the first, `problemen` of them all."""
        if len(fouten) == 1:
            return fouten[0]
        return cls(fouten[0].veld, fouten[0].melding,
                   [problem for fout in fouten for problem in fout.problemen])

    @property
    def field(self) -> str:
        """The field, under its English name (the reference interpreter's spelling)."""
        return self.veld

    @property
    def message(self) -> str:
        return self.melding


class RekenFout(Exception):
    """A calculation the rules do not define: no table row, two exceptions that apply at once, ...

    `span`: where in the rule file the calculation stopped, when known (the reference interpreter
    gives it; a generated module leaves it None)."""

    def __init__(self, melding: str, span: object = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.span = span

    @property
    def message(self) -> str:
        return self.melding


class OnbekendeWaarde(RekenFout):
    """The calculation needs a value that the regulation declares unknown (`onbekend`) on its date.

    `soort` is "parameter" or "tabel"; `vanaf` the date from which the value is unknown."""

    def __init__(self, soort: str, naam: str, vanaf: datetime.date | None, reden: str,
                 span: object = None) -> None:
        super().__init__(onbekend_melding(soort, naam, vanaf, reden), span)
        self.soort = soort
        self.naam = naam
        self.vanaf = vanaf
        self.reden = reden


def onbekend_melding(soort: str, naam: str, vanaf: datetime.date | None, reden: str) -> str:
    """The one wording of 'this value is unknown', for the interpreter and generated modules."""
    wanneer = f" vanaf {vanaf.isoformat()}" if vanaf is not None else ""
    return f"de berekening stopt: {soort} {naam} is onbekend{wanneer} ({reden})"


def eis_melding(eis: str) -> str:
    """An input that does not meet an `eis` of the rules."""
    return f"voldoet niet aan de eis: {eis}"


def eisen(*eisen: tuple[Callable[[], bool], str, str]) -> None:
    """Every `eis` (is it met, the input's name, the message), in order: those not met in one
    InvoerFout. An eis that stops with a RekenFout after one was not met is left out (the first
    explains it); the eisen after it are not checked."""
    fouten: list[InvoerFout] = []
    for vervuld, veld, melding in eisen:
        try:
            if not vervuld():
                fouten.append(InvoerFout(veld, melding))
        except RekenFout:
            if not fouten:
                raise
            break
    if fouten:
        raise InvoerFout.samen(fouten)


def geen_waarde_melding(naam: str, dag: datetime.date) -> str:
    return f"parameter {naam} heeft geen waarde op {dag.isoformat()}"


def geen_geval() -> NoReturn:
    raise RekenFout("geen van de gevallen van 'als ... dan ...' is van toepassing")


# ------------------------------------------------------------------ arithmetic and dates


def exact() -> AbstractContextManager[decimal.Context]:
    """The decimal context every calculation runs in; what it cannot hold is a RekenFout."""
    return _Exact()


class _Exact:
    """`decimal.localcontext(CONTEXT)` that turns an overflow or invalid operation into a RekenFout."""

    __slots__ = ("_local",)

    def __enter__(self) -> decimal.Context:
        self._local = decimal.localcontext(CONTEXT)
        return self._local.__enter__()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._local.__exit__(kind, exc, traceback)
        if isinstance(exc, decimal.DecimalException) and not isinstance(exc, (InvoerFout, RekenFout)):
            raise RekenFout(f"de uitkomst valt buiten wat exact te berekenen is "
                            f"({type(exc).__name__})") from None


def deel(teller: Decimal, noemer: Decimal) -> Decimal:
    if noemer == 0:
        raise RekenFout("deling door nul")
    return teller / noemer


def afronden(waarde: Decimal, stap: Decimal, wijze: str) -> Decimal:
    """Round to a multiple of `stap` (0.01 for the eurocent) the way `wijze` says."""
    rounding = ROUNDING[wijze]
    if stap == Decimal(1).scaleb(stap.adjusted()) or stap.normalize() == Decimal(1):
        return waarde.quantize(stap, rounding=rounding)
    units = (waarde / stap).quantize(Decimal(1), rounding=rounding)
    return units * stap


def omrekenen(waarde: Decimal, van: str, naar: str) -> Decimal:
    """A rate per `van` as a rate per `naar`: per maand -> per jaar multiplies by 12."""
    for table in (MONTHS, DAYS):
        if van in table and naar in table:
            return waarde * Decimal(table[naar]) / Decimal(table[van])
    raise AssertionError((van, naar))


def schaal(waarde: Decimal, teller: int, noemer: int) -> Decimal:
    """`per jaar × maanden`: times teller/noemer (1/12), multiplied first so that it stays exact."""
    return waarde * teller / noemer


def tussen(eenheid: str, begin: datetime.date, einde: datetime.date) -> Decimal:
    """Whole periods from begin to einde, as age is counted: 2000-03-01 to 2026-02-28 is 25 jaar."""
    if eenheid == "dag":
        return Decimal((einde - begin).days)
    sign = 1
    if einde < begin:
        begin, einde, sign = einde, begin, -1
    months = (einde.year - begin.year) * 12 + einde.month - begin.month
    if einde.day < begin.day:
        months -= 1
    return Decimal(sign * (months // 12 if eenheid == "jaar" else months))


def plus_periode(dag: datetime.date, eenheid: str, aantal: Decimal) -> datetime.date:
    """A date plus a duration; the end of a month stays inside the month (31 jan + 1 maand).

    Only whole periods: 1,5 maand has no calendar meaning, so it stops the calculation."""
    count = int(aantal)
    if count != aantal:
        plural = {"dag": "dagen", "week": "weken", "maand": "maanden", "kwartaal": "kwartalen",
                  "jaar": "jaren"}.get(eenheid, eenheid)
        raise RekenFout(f"bij een datum tellen alleen hele {plural}, niet {format_number(aantal)}")
    if eenheid in ("dag", "week"):
        return dag + datetime.timedelta(days=count * (7 if eenheid == "week" else 1))
    if eenheid == "jaar":  # the common case (an age): the same day, or 28 February for 29 February
        try:
            return dag.replace(year=dag.year + count)
        except ValueError:
            return dag.replace(year=dag.year + count, day=28)
    months = count * {"maand": 1, "kwartaal": 3, "jaar": 12}.get(eenheid, 1)
    total = dag.month - 1 + months
    year, month = dag.year + total // 12, total % 12 + 1
    return datetime.date(year, month, min(dag.day, _days_in_month(year, month)))


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (datetime.date(year, month + 1, 1) - datetime.date(year, month, 1)).days


def min_over(waarden: list[Ordered], wat: str) -> Ordered:
    if not waarden:
        raise RekenFout(f"het {wat} over een lege lijst bestaat niet")
    return min(waarden)


def max_over(waarden: list[Ordered], wat: str) -> Ordered:
    if not waarden:
        raise RekenFout(f"het {wat} over een lege lijst bestaat niet")
    return max(waarden)


def uitzonderingen(regel: str, *gevallen: tuple[bool, str]) -> int:
    """Which exception applies (1, 2, ...; 0 for none); two at once is a RekenFout."""
    applying = [index for index, (applies, _) in enumerate(gevallen, start=1) if applies]
    if len(applying) > 1:
        first, second = gevallen[applying[0] - 1][1], gevallen[applying[1] - 1][1]
        raise RekenFout(f"twee uitzonderingen op regel {regel} gelden tegelijk: [{first}] en [{second}]")
    return applying[0] if applying else 0


# ------------------------------------------------------------------ showing values


def format_number(value: Decimal, decimals: int | None = None) -> str:
    """Decimal('1234.5') -> `1.234,5`; with `decimals`, a fixed number of decimals."""
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals)) if value.is_finite() else value
    sign = "-" if value.is_signed() and value != 0 else ""
    digits = format(value.copy_abs(), "f")  # copy_abs, unlike abs(), never rounds
    whole, _, fraction = digits.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    if fraction:
        result += "," + fraction
    return sign + result


def format_money(value: Decimal) -> str:
    """Decimal('1450') -> `€ 1.450,00`; decimals beyond the cent are shown, never rounded away."""
    normalized = _normalized(value)
    exponent = normalized.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        text = format_number(value, 2)
    else:
        text = format_number(normalized)
    if text.startswith("-"):
        return "- € " + text[1:]
    return "€ " + text


def format_percent(fraction: Decimal) -> str:
    """Decimal('0.136') -> `13,6 %`."""
    return format_number(_normalized(fraction.scaleb(2))) + " %"


def _normalized(value: Decimal) -> Decimal:
    # Drop trailing zeros by text: Decimal.normalize() would round to the context's precision.
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(text)


def _show_raw(raw: object) -> str:
    import json  # here, not at the top: a module that never fails or speaks JSON imports faster

    if isinstance(raw, (FloatText, LongInteger)):
        text = str.__str__(raw)
    elif isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) >= _LARGEST:
        return f"een geheel getal van {_digit_count(raw)} cijfers"
    else:
        try:
            text = json.dumps(raw, ensure_ascii=False, default=str)
        except (ValueError, RecursionError):  # nesting too deep to show, or a huge number in it
            return f"een {type(raw).__name__} die te groot of te diep genest is om te tonen"
    return text if len(text) <= 60 else text[:57] + "..."


def _digit_count(value: int) -> str:
    """About how many digits (str() refuses more than 4,300): "meer dan 4.300" when that many."""
    if value.bit_length() > 14_000:
        return "meer dan 4.000"
    return str(len(str(abs(value))))


# ------------------------------------------------------------------ kinds of values


class _Slow(Exception):
    """The quick reading of input met something it leaves to the careful reading."""


class Soort:
    """The kind of a value: how input is read, how the value is shown and written as JSON.

    beschrijving: the Dutch name used in messages (`bedrag per maand`, `keuze tijdvak`, a record's
    name); vorm: bedrag, procent, duur, getal, ja/nee, datum, keuze, gegevens or lijst;
    eenheid: the period of an amount, the unit of a duration, the unit of another number;
    standaard: for a record, the value of each field the input may leave out.
    Made once, when the module is imported, and never changed.
    """

    __slots__ = ("beschrijving", "vorm", "eenheid", "geheel", "waarden", "velden", "element",
                 "standaard", "snel")

    def __init__(self, beschrijving: str, vorm: str, eenheid: str = "", geheel: bool = False,
                 waarden: tuple[str, ...] = (), velden: tuple[tuple[str, Soort], ...] = (),
                 element: Soort | None = None, standaard: Mapping[str, object] | None = None
                 ) -> None:
        self.beschrijving = beschrijving
        self.vorm = vorm
        self.eenheid = eenheid
        self.geheel = geheel
        self.waarden = waarden
        self.velden = velden
        self.element = element
        self.standaard = dict(standaard or {})
        self.snel = _quick_reader(self)

    def __repr__(self) -> str:
        return f"Soort({self.beschrijving!r})"

    # ---------------------------------------------------------- input
    def lees(self, veld: str, raw: object) -> Any:
        """JSON-like input (or Decimal, date) -> the exact value, or InvoerFout naming the field."""
        if self.vorm in _NUMBER_FORMS:
            return self._number(veld, raw)
        if self.vorm == "ja/nee":
            if isinstance(raw, bool):
                return raw
            if raw in ("ja", "nee"):
                return raw == "ja"
            raise InvoerFout(veld, f"verwacht ja/nee (true of false), gekregen {_show_raw(raw)}")
        if self.vorm == "datum":
            return self._date(veld, raw)
        if self.vorm == "keuze":
            if isinstance(raw, str) and raw in self.waarden:
                return str(raw)
            raise InvoerFout(veld, f"{_show_raw(raw)} is geen waarde van {self.beschrijving}; "
                             "mogelijk: " + ", ".join(self.waarden))
        if self.vorm == "gegevens":
            if not isinstance(raw, Mapping):
                raise InvoerFout(veld, f"verwacht gegevens van {self.beschrijving} (een object), "
                                 f"gekregen {_show_raw(raw)}")
            return self._record(veld, raw)
        assert self.vorm == "lijst" and self.element is not None, self.vorm
        if not isinstance(raw, (list, tuple)):
            raise InvoerFout(veld, f"verwacht een lijst van {self.element.beschrijving}, "
                             f"gekregen {_show_raw(raw)}")
        if len(raw) > MAX_LIST_LENGTH:
            raise _list_too_long(veld, raw)
        element = self.element
        return tuple(element.lees(f"{veld}[{i}]", item) for i, item in enumerate(raw))

    def _number(self, veld: str, raw: object) -> Decimal:
        percent = self.vorm == "procent"
        if isinstance(raw, (FloatText, float)):
            raise InvoerFout(veld, f"{raw} is een kommagetal (float) en dus niet exact; geef "
                             f"{self.beschrijving} als {self._example(raw)}")
        if isinstance(raw, bool):
            raise InvoerFout(veld, f"verwacht {self.beschrijving}, gekregen {_show_raw(raw)}")
        value: Decimal | None = None
        if isinstance(raw, LongInteger) or (isinstance(raw, int) and abs(raw) >= _ABSURD) or \
                (isinstance(raw, str) and len(raw) > _ABSURD_TEXT) or \
                (isinstance(raw, Decimal) and raw.is_finite() and not _exact_enough(raw, False, _ABSURD_TEXT)):
            raise _too_many_digits(veld, raw)
        if isinstance(raw, int) and not percent:
            value = Decimal(raw)
        elif isinstance(raw, Decimal) and raw.is_finite() and not percent:
            value = raw
        elif isinstance(raw, str):
            value = self._number_text(raw.strip())
        if value is None:
            example = "\"13.60%\"" if percent else "\"1450.50\""
            raise InvoerFout(veld, f"verwacht {self.beschrijving}, gekregen {_show_raw(raw)}; "
                             f"schrijf bijv. {example}")
        if self.geheel and value != value.to_integral_value():
            raise InvoerFout(veld, f"verwacht een geheel aantal, gekregen {_show_raw(raw)}")
        return value

    def _example(self, raw: object) -> str:
        if self.vorm == "procent":
            return f"tekst met een procentteken, bijv. \"{raw}%\""
        if self.geheel:
            return "een geheel getal, bijv. 2"
        return f"tekst, bijv. \"{raw}\""

    def _number_text(self, text: str) -> Decimal | None:
        """`1450.50`; a percentage only with its sign: `13.60%` or `13,6 %` (then a fraction)."""
        if self.vorm == "procent":
            match = _PERCENT.fullmatch(text)
            return _percent(match.group(1)) if match else None
        if _DECIMAL.fullmatch(text):
            try:
                return Decimal(text)
            except InvalidOperation:
                return None
        return None

    def _date(self, veld: str, raw: object) -> datetime.date:
        if isinstance(raw, datetime.date) and not isinstance(raw, datetime.datetime):
            return raw
        if isinstance(raw, str) and _DATE_TEXT.fullmatch(raw):
            try:
                return datetime.date.fromisoformat(raw)
            except ValueError:
                pass
        raise InvoerFout(veld, f"verwacht een datum als \"jjjj-mm-dd\", gekregen {_show_raw(raw)}")

    def _record(self, veld: str, raw: Mapping[Any, object]) -> dict[str, Any]:
        known = dict(self.velden)
        for key in raw:
            if key not in known:
                raise InvoerFout(f"{veld}.{key}", _geen_gegeven_melding(self, key))
        out = {}
        for name, kind in self.velden:
            if name not in raw:
                if name not in self.standaard:
                    raise InvoerFout(f"{veld}.{name}", "ontbreekt")
                out[name] = self.standaard[name]
                continue
            out[name] = kind.lees(f"{veld}.{name}", raw[name])
        return out

    # ---------------------------------------------------------- output
    def toon(self, waarde: object) -> str:
        """A value the way the annex and the CLI print it: € 1.450,00, 13,6 %, ja."""
        if isinstance(waarde, Decimal) and self.vorm in _NUMBER_FORMS:
            if self.vorm == "bedrag":
                text = format_money(waarde)
                return f"{text} per {self.eenheid}" if self.eenheid else text
            if self.vorm == "procent":
                return format_percent(waarde)
            if self.vorm == "duur":
                return f"{format_number(waarde)} {_count_word(self.eenheid, waarde)}"
            text = format_number(waarde)
            return f"{text} ({self.eenheid})" if self.eenheid else text
        if isinstance(waarde, bool):
            return "ja" if waarde else "nee"
        if isinstance(waarde, datetime.date):
            return waarde.isoformat()
        if isinstance(waarde, tuple):
            if self.element is not None and self.element.vorm != "gegevens":  # a value per member
                return "; ".join(self.element.toon(item) for item in waarde) or "geen"
            return f"{len(waarde)} {'lid' if len(waarde) == 1 else 'leden'}"
        if isinstance(waarde, dict):
            return "{" + ", ".join(f"{k}: {v}" for k, v in waarde.items()) + "}"
        return str(waarde)

    def naar_json(self, waarde: object) -> object:
        """Exact JSON: amounts and fractions as strings, whole numbers as integers."""
        if isinstance(waarde, Decimal):
            if self.geheel and waarde == waarde.to_integral_value():
                return int(waarde)
            if self.vorm == "procent":
                return format(waarde.scaleb(2, context=CONTEXT), "f") + "%"
            return format(waarde, "f")
        if isinstance(waarde, datetime.date):
            return waarde.isoformat()
        if isinstance(waarde, tuple) and self.element is not None:
            return [self.element.naar_json(item) for item in waarde]
        if isinstance(waarde, dict):
            fields = dict(self.velden)
            return {k: fields[k].naar_json(v) for k, v in waarde.items()}
        return waarde


_NUMBER_FORMS = frozenset({"bedrag", "procent", "duur", "getal"})


def _list_too_long(veld: str, raw: Sequence[object]) -> InvoerFout:
    return InvoerFout(veld, f"de lijst heeft {len(raw)} leden; hoogstens {MAX_LIST_LENGTH}")


def _geen_gegeven_melding(soort: Soort, key: object) -> str:
    return (f"{soort.beschrijving} heeft geen gegeven '{key}'; bekend zijn: "
            f"{', '.join(name for name, _ in soort.velden)}")


def lees_verzameld(soort: Soort, veld: str, raw: object, fouten: list[InvoerFout]) -> Any:
    """`soort.lees`, reading on past a problem: each wrong field of a record or member of a list
    is added to `fouten` (in the order `lees` would meet them) and read as None."""
    if soort.vorm == "gegevens" and isinstance(raw, Mapping):
        for key in raw:
            if key not in dict(soort.velden):
                fouten.append(InvoerFout(f"{veld}.{key}", _geen_gegeven_melding(soort, key)))
        out: dict[str, Any] = {}
        for name, kind in soort.velden:
            if name in raw:
                out[name] = lees_verzameld(kind, f"{veld}.{name}", raw[name], fouten)
            elif name in soort.standaard:
                out[name] = soort.standaard[name]
            else:
                fouten.append(InvoerFout(f"{veld}.{name}", "ontbreekt"))
        return out
    if soort.vorm == "lijst" and soort.element is not None and isinstance(raw, (list, tuple)):
        if len(raw) > MAX_LIST_LENGTH:
            fouten.append(_list_too_long(veld, raw))
            return None
        element = soort.element
        return tuple(lees_verzameld(element, f"{veld}[{i}]", item, fouten)
                     for i, item in enumerate(raw))
    try:
        return soort.lees(veld, raw)
    except InvoerFout as exc:
        fouten.append(exc)
        return None


def _exact_enough(value: Decimal, percent: bool = False, digits: int = 0) -> bool:
    """Within the documented digits (a percentage as its fraction: two decimals more), or within
    `digits` before and after the point when given."""
    exponent = value.as_tuple().exponent
    before, after = (digits, digits) if digits else (MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS)
    return value.is_finite() and value.adjusted() < before and \
        isinstance(exponent, int) and exponent >= -(after + (2 if percent else 0))


def _too_many_digits(veld: str, raw: object) -> InvoerFout:
    return InvoerFout(veld, f"{_show_raw(raw)} heeft te veel cijfers; hoogstens "
                      f"{MAX_INTEGER_DIGITS} voor en {MAX_FRACTION_DIGITS} na de punt")


def _within_limits(soort: Soort, veld: str, value: object) -> None:
    """InvoerFout for the first number past the documented digits: what one calculation takes
    (`Soort.lees` itself reads wider numbers, for population runs that compute them exactly)."""
    if soort.vorm in _NUMBER_FORMS:
        if isinstance(value, Decimal) and not _exact_enough(value, soort.vorm == "procent"):
            raise _too_many_digits(veld, value)
    elif soort.vorm == "gegevens" and isinstance(value, dict):
        for name, kind in soort.velden:
            _within_limits(kind, f"{veld}.{name}", value.get(name))
    elif soort.vorm == "lijst" and soort.element is not None and isinstance(value, tuple):
        for index, item in enumerate(value):
            _within_limits(soort.element, f"{veld}[{index}]", item)


def _percent(number: str) -> Decimal:
    """`13,6` of `13,6 %` -> Decimal('0.136')."""
    return Decimal(number.replace(",", ".")).scaleb(-2)


def _count_word(unit: str, amount: Decimal) -> str:
    """After a number Dutch says "10 jaar" and "10 uur", but "10 maanden", "10 dagen"."""
    if unit in ("jaar", "uur") or amount == 1:
        return unit
    return PLURAL[unit]


def _quick_reader(soort: Soort) -> Callable[[object], Any]:
    """Reads input in its usual form fast; anything else raises _Slow for `Soort.lees` to judge.

    It accepts only what `lees` accepts, with the same value, so the two cannot disagree.
    """
    form = soort.vorm
    if form in _NUMBER_FORMS:
        return _quick_number(soort)
    if form == "ja/nee":
        def yes_no(raw: object) -> Any:
            if raw is True or raw is False:
                return raw
            raise _Slow
        return yes_no
    if form == "datum":
        def date(raw: object) -> Any:
            if raw.__class__ is str and len(raw) == 10 and raw[4] == "-" and raw[7] == "-":
                try:
                    return datetime.date.fromisoformat(raw)
                except ValueError:
                    pass
            raise _Slow
        return date
    if form == "keuze":
        values = frozenset(soort.waarden)

        def choice(raw: object) -> Any:
            if raw.__class__ is str and raw in values:
                return raw
            raise _Slow
        return choice
    if form == "gegevens":
        return _quick_record(soort.velden)
    assert soort.element is not None
    item = soort.element.snel

    def items(raw: object) -> Any:
        if raw.__class__ is list and len(raw) <= MAX_LIST_LENGTH:
            return tuple([item(x) for x in raw])
        raise _Slow
    return items


def _quick_number(soort: Soort) -> Callable[[object], Any]:
    if soort.vorm == "procent":
        def percent(raw: object) -> Any:
            match = _PERCENT.fullmatch(raw) if raw.__class__ is str and \
                len(raw) <= _MAX_NUMBER_TEXT else None
            if match:
                value = _percent(match.group(1))
                if _exact_enough(value, True):
                    return value
            raise _Slow
        return percent
    # A string is taken as written when Decimal writes it back the same: then it has the form
    # -?[0-9]+(.[0-9]+)? (no exponent, no NaN or Infinity), as `lees` demands. Faster than a regex.
    point = "." if soort.geheel else "E"  # a whole number has no decimal point either

    def number(raw: object) -> Any:
        if raw.__class__ is str and len(raw) <= _MAX_NUMBER_TEXT:
            try:
                value = Decimal(raw)
            except InvalidOperation:
                raise _Slow from None
            if str(value) == raw and value.is_finite() and "E" not in raw and point not in raw \
                    and _exact_enough(value):
                return value
        elif raw.__class__ is int and -_LARGEST < raw < _LARGEST:
            return Decimal(raw)
        raise _Slow
    return number


def _quick_record(velden: tuple[tuple[str, Soort], ...]) -> Callable[[object], Any]:
    """A dict with exactly the fields (as many keys, each found), each read quickly.

    Records of two or three fields, the usual members of a household, get a dict display: a third
    faster than the loop of the general reader. A missing field raises KeyError.
    """
    size = len(velden)
    readers = tuple((name, kind.snel) for name, kind in velden)
    if size == 2:
        (n1, f1), (n2, f2) = readers

        def two(raw: object) -> Any:
            if raw.__class__ is not dict or len(raw) != 2:
                raise _Slow
            return {n1: f1(raw[n1]), n2: f2(raw[n2])}
        return two
    if size == 3:
        (n1, f1), (n2, f2), (n3, f3) = readers

        def three(raw: object) -> Any:
            if raw.__class__ is not dict or len(raw) != 3:
                raise _Slow
            return {n1: f1(raw[n1]), n2: f2(raw[n2]), n3: f3(raw[n3])}
        return three

    def record(raw: object) -> Any:
        if raw.__class__ is not dict or len(raw) != size:
            raise _Slow
        out = {}
        for name, read in readers:
            out[name] = read(raw[name])
        return out
    return record


_DATE = Soort("datum", "datum")


class FloatText(str):
    """A JSON number with a fraction or exponent, kept as text so no float is ever made."""


class LongInteger(str):
    """A JSON integer with more digits than any input may have, kept as text: int() of it would be
    slow, or refused (more than 4,300 digits)."""


def _json_integer(text: str) -> int | LongInteger:
    return int(text) if len(text) <= MAX_INTEGER_DIGITS + 1 else LongInteger(text)


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        twice = ""
        for key, _ in pairs:
            if key in seen:
                twice = key
                break
            seen.add(key)
        raise InvoerFout(twice, "staat twee keer in hetzelfde object")
    return found


def lees_json(tekst: str, veld: str = "verzoek") -> Any:
    """JSON text -> its value, without a float (FloatText) or a huge int (LongInteger); within
    MAX_REQUEST_CHARACTERS and MAX_JSON_DEPTH; a key twice in one object is refused."""
    import json

    if len(tekst) > MAX_REQUEST_CHARACTERS:
        raise InvoerFout(veld, f"de tekst is te lang ({len(tekst)} tekens; hoogstens "
                         f"{MAX_REQUEST_CHARACTERS})")
    too_deep = InvoerFout(veld, f"te diep genest; hoogstens {MAX_JSON_DEPTH} niveaus")
    try:
        document = json.loads(tekst, parse_float=FloatText, parse_constant=FloatText,
                              parse_int=_json_integer, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise InvoerFout(veld, f"geen geldige JSON: {exc}") from None
    except RecursionError:
        raise too_deep from None
    stack: list[tuple[object, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise too_deep
        if value.__class__ is dict:
            stack.extend((item, depth + 1) for item in value.values())
        elif value.__class__ is list:
            stack.extend((item, depth + 1) for item in value)
    return document


class Invoervelden:
    """The inputs of a regulation: their names and kinds, in the order of the rule files."""

    def __init__(self, velden: tuple[tuple[str, Soort], ...]) -> None:
        self.velden = velden
        self._quick = _quick_record(velden)

    def lees(self, invoer: object) -> Any:
        """Every input present, none unknown, each of its kind; else InvoerFout naming the field."""
        try:
            return self._quick(invoer)
        except (_Slow, KeyError):
            return self._careful(invoer)

    def _careful(self, invoer: object) -> dict[str, Any]:
        if not isinstance(invoer, Mapping):
            raise InvoerFout("invoer", "verwacht een object met de invoer per naam")
        known = dict(self.velden)
        fouten: list[InvoerFout] = []  # every problem, in the order of the input's fields
        for key in invoer:
            if key not in known:
                fouten.append(InvoerFout(str(key), "is geen invoer van deze regeling; bekend zijn: "
                                         + ", ".join(sorted(known))))
        out = {}
        for name, kind in self.velden:
            if name not in invoer:
                fouten.append(InvoerFout(name, "ontbreekt"))
                continue
            out[name] = lees_verzameld(kind, name, invoer[name], fouten)
            try:
                _within_limits(kind, name, out[name])  # the quick reading takes nothing beyond them
            except InvoerFout as exc:
                fouten.append(exc)
        if fouten:
            raise InvoerFout.samen(fouten)
        return out


def lees_datum(veld: str, raw: object) -> datetime.date:
    """A date as the input reads it: a date, or text exactly as jjjj-mm-dd (not "20260301" or
    "2026-W10-1", which Python's fromisoformat also takes); else InvoerFout naming `veld`."""
    return _DATE._date(veld, raw)


def lees_peildatum(peildatum: object, vanaf: datetime.date | None, tot: datetime.date | None
                   ) -> datetime.date:
    """The peildatum as a date inside the regulation's validity (`tot` is exclusive)."""
    if peildatum.__class__ is datetime.date:
        day = peildatum
    else:
        day = _DATE._date("peildatum", peildatum)
    if vanaf is not None and day < vanaf:
        raise InvoerFout("peildatum", f"{day.isoformat()} ligt vóór het begin van de regeling "
                         f"({vanaf.isoformat()})")
    if tot is not None and day >= tot:
        raise InvoerFout("peildatum", f"{day.isoformat()} ligt na het einde van de regeling")
    return day


# ------------------------------------------------------------------ explanation


class Uitleg:
    """One step of a calculation. `soort`: regel, invoer, parameter or tabel.

    A step that is read twice (a rule used by two others) is the same object in both places.
    """

    __slots__ = ("soort", "naam", "waarde", "verwijzing", "toelichting", "kinderen")

    def __init__(self, soort: str, naam: str, waarde: str, verwijzing: str | None = None,
                 toelichting: str | None = None, kinderen: list[Uitleg] | None = None) -> None:
        self.soort = soort
        self.naam = naam
        self.waarde = waarde
        self.verwijzing = verwijzing
        self.toelichting = toelichting
        self.kinderen: list[Uitleg] = kinderen if kinderen is not None else []

    def __repr__(self) -> str:
        return f"Uitleg({self.soort!r}, {self.naam!r}, {self.waarde!r})"

    def naar_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"soort": self.soort, "naam": self.naam, "waarde": self.waarde}
        if self.verwijzing:
            out["verwijzing"] = self.verwijzing
        if self.toelichting:
            out["toelichting"] = self.toelichting
        if self.kinderen:
            out["kinderen"] = [child.naar_json() for child in self.kinderen]
        return out


def toon_uitleg(wortels: Sequence[Uitleg]) -> str:
    """As a tree, each step once; a step read again points back with '(zie boven)'."""
    lines: list[str] = []
    shown: set[int] = set()

    def line(node: Uitleg) -> str:
        text = f"{node.naam} = {node.waarde}"
        if node.toelichting:
            text += f"  ({node.toelichting})"
        text += f"  {node.soort}"
        if node.verwijzing:
            text += f" [{node.verwijzing}]"
        return text

    def walk(node: Uitleg, prefix: str, last: bool, top: bool) -> None:
        branch = "" if top else ("└─ " if last else "├─ ")
        again = id(node) in shown and node.kinderen
        lines.append(prefix + branch + line(node) + ("  (zie boven)" if again else ""))
        if again:
            return
        shown.add(id(node))
        inner = prefix + ("" if top else ("   " if last else "│  "))
        for index, child in enumerate(node.kinderen):
            walk(child, inner, index == len(node.kinderen) - 1, False)

    for root in wortels:
        walk(root, "", True, True)
    return "\n".join(lines)


def _member_label(member: object) -> str:
    if isinstance(member, dict):
        first = next(iter(member.items()), None)
        if first is not None:
            return f"{first[0]} {first[1]}"
    return "lid"


# ------------------------------------------------------------------ one calculation


class _Apart:
    """Steps recorded inside `with r.apart():` are left out of the explanation."""

    __slots__ = ("trace",)

    def __init__(self, trace: list[list[Uitleg]] | None) -> None:
        self.trace = trace

    def __enter__(self) -> None:
        if self.trace is not None:
            self.trace.append([])

    def __exit__(self, *exc: object) -> None:
        if self.trace is not None:
            self.trace.pop()


_NOT_TRACED = _Apart(None)


class Rekening(Generic[In]):
    """One calculation: the peildatum, the input, and the values computed so far.

    `bereken` calculates without recording steps; `Resultaat.uitleg()` calculates again with
    `uitleg=True`, recording every step as the interpreter does.
    """

    __slots__ = ("peildatum", "invoer", "voorlopig", "_memo", "_steps", "_trace", "_lookups")

    def __init__(self, peildatum: datetime.date, invoer: In, uitleg: bool = False) -> None:
        self.peildatum = peildatum
        self.invoer = invoer
        self.voorlopig: set[str] = set()  # provisional values the result depends on
        self._memo: dict[object, Any] = {}  # rule (and member) -> value
        self._steps: dict[object, Uitleg] = {}  # rule (and member) -> its step, when explaining
        # When explaining: the steps being recorded, innermost last. Every output records exactly
        # one step at the outer level (its rule, input or parameter): the roots of the explanation.
        self._trace: list[list[Uitleg]] | None = [[]] if uitleg else None
        # Table look-ups between `rij` and `uitkomst` (a row's result may look in another table).
        self._lookups: list[tuple[Tabel, int, tuple[object, ...], tuple[Soort, ...], str | None]] = []

    def apart(self) -> _Apart:
        return _Apart(self._trace) if self._trace is not None else _NOT_TRACED

    def rij(self, tabel: Tabel, argumenten: tuple[object, ...], treffers: tuple[bool, ...],
            vanaf: str | None = None, soorten: tuple[Soort, ...] | None = None) -> int:
        """The row (1, 2, ...) of a table (the version from `vanaf`) whose cells all match.

        No row, or two when the table does not say `eerste treffer`, is a RekenFout. `soorten`:
        how to show arguments not of the columns' kinds (an amount without a period). The look-up
        is kept until `uitkomst` records its result.
        """
        if treffers.count(True) == 1:
            found = treffers.index(True) + 1
        else:
            found = _row(tabel, treffers, argumenten, soorten or tabel.soorten)
        self._lookups.append((tabel, found, argumenten, soorten or tabel.soorten, vanaf))
        return found

    def uitkomst(self, waarde: T, verwijzing: str | None, voorlopig: str | None = None,
                 versie_voorlopig: str | None = None) -> T:
        """The result of the row `rij` found, with its reference; when explaining, a step.

        `voorlopig`: the row is provisional (with this reason); `versie_voorlopig`: its version is.
        """
        tabel, found, argumenten, soorten, vanaf = self._lookups.pop()
        if voorlopig is not None:
            self.voorlopig.add(f"{tabel.naam} rij {found}")
        elif versie_voorlopig is not None:
            self.voorlopig.add(f"{tabel.naam} versie vanaf {vanaf}")
            voorlopig = versie_voorlopig
        if self._trace is not None:
            note = f"rij {found}: {_described(tabel, argumenten, soorten)}"
            if vanaf is not None:
                note += f"; versie vanaf {vanaf}"
            if voorlopig is not None:
                note += "; " + voorlopig_tekst(voorlopig)
            self.record(Uitleg("tabel", tabel.naam, tabel.soort.toon(waarde), verwijzing, note))
        return waarde

    def resultaat(self, uitvoer: U, soorten: Mapping[str, Soort],
                  opnieuw: Callable[[Rekening[In]], U]) -> Resultaat[U]:
        """The outcome; `opnieuw` computes the outputs again to explain them."""
        voorlopig = tuple(sorted(self.voorlopig)) if self.voorlopig else ()
        return Resultaat(uitvoer, voorlopig, soorten, (self.peildatum, self.invoer, opnieuw))

    def geen_parameterwaarde(self, naam: str, dag: datetime.date | None = None) -> RekenFout:
        return RekenFout(geen_waarde_melding(naam, dag or self.peildatum))

    def geen_tabelversie(self, naam: str) -> RekenFout:
        return RekenFout(f"tabel {naam} heeft geen versie op {self.peildatum.isoformat()}")

    def record(self, step: Uitleg) -> None:
        assert self._trace is not None
        self._trace[-1].append(step)


class Tabel:
    """What a decision table says about itself: its name, input columns, result and hit policy."""

    __slots__ = ("naam", "kolommen", "soorten", "soort", "eerste_treffer")

    def __init__(self, naam: str, kolommen: tuple[tuple[str, Soort], ...], soort: Soort,
                 eerste_treffer: bool = False) -> None:
        self.naam = naam
        self.kolommen = tuple(name for name, _ in kolommen)
        self.soorten = tuple(kind for _, kind in kolommen)
        self.soort = soort
        self.eerste_treffer = eerste_treffer


def _row(tabel: Tabel, treffers: tuple[bool, ...], argumenten: tuple[object, ...],
         soorten: tuple[Soort, ...]) -> int:
    matches = [index for index, hit in enumerate(treffers, start=1) if hit]
    if not matches:
        raise RekenFout(f"tabel {tabel.naam} heeft geen rij voor "
                        f"{_described(tabel, argumenten, soorten)}")
    if len(matches) > 1 and not tabel.eerste_treffer:
        raise RekenFout(f"rijen {matches[0]} en {matches[1]} van tabel {tabel.naam} gelden allebei "
                        f"voor {_described(tabel, argumenten, soorten)}")
    return matches[0]


def _described(tabel: Tabel, argumenten: tuple[object, ...], soorten: tuple[Soort, ...]) -> str:
    """The arguments of a look-up as `kolom = waarde, ...`."""
    return ", ".join(f"{c} = {s.toon(v)}" for c, v, s in zip(tabel.kolommen, argumenten, soorten))


class Uitzondering(Generic[T]):
    """A rule's value that comes from an exception (`behalve als ...`), with its reference."""

    __slots__ = ("waarde", "verwijzing")

    def __init__(self, waarde: T, verwijzing: str | None) -> None:
        self.waarde = waarde
        self.verwijzing = verwijzing


class Geldig(Generic[T]):
    """The value of a parameter in force at the peildatum, with the date it holds from."""

    __slots__ = ("waarde", "verwijzing", "vanaf", "voorlopig")

    def __init__(self, waarde: T, verwijzing: str | None, vanaf: str | None = None,
                 voorlopig: str | None = None) -> None:
        self.waarde = waarde
        self.verwijzing = verwijzing
        self.vanaf = vanaf
        self.voorlopig = voorlopig

    def toelichting(self, op: datetime.date | None = None) -> str | None:
        return parameter_toelichting(self.vanaf, self.voorlopig, op)


def voorlopig_tekst(reden: str | None) -> str:
    """The one wording of a provisional mark: "voorlopig", or "voorlopig: reden"."""
    return "voorlopig" + (f": {reden}" if reden else "")


def parameter_toelichting(vanaf: str | None, voorlopig: str | None,
                          op: datetime.date | None = None) -> str | None:
    """The note on a parameter's step: on which date (`p op d`), since when, provisional."""
    parts = [f"op {op.isoformat()}"] if op is not None else []
    if vanaf is not None:
        parts.append(f"geldig vanaf {vanaf}")
    note = ", ".join(parts) or None
    if voorlopig is not None:
        note = (note + "; " if note else "") + voorlopig_tekst(voorlopig)
    return note


# ------------------------------------------------------------------ what generated functions wear


def invoer(naam: str, soort: Soort, verwijzing: str | None, label: str | None
           ) -> Callable[[Callable[[R], T]], Callable[[R], T]]:
    """An input as a rule reads it: when explaining, every read is a step."""

    def wrap(read: Callable[[R], T]) -> Callable[[R], T]:
        @functools.wraps(read)
        def value(r: R) -> T:
            found = read(r)
            if r._trace is not None:
                r.record(Uitleg("invoer", naam, soort.toon(found), verwijzing, label))
            return found

        return value

    return wrap


R_in = TypeVar("R_in", bound="Rekening[Any]", contravariant=True)
T_out = TypeVar("T_out", covariant=True)


class Parameter(Protocol[R_in, T_out]):
    """A parameter: `p(r)` is the value in force at the peildatum, `p.op(r, dag)` on another date."""

    def __call__(self, r: R_in) -> T_out: ...

    def op(self, r: R_in, dag: datetime.date) -> T_out: ...


def parameter(naam: str, soort: Soort
              ) -> Callable[[Callable[[R, datetime.date], Geldig[T]]], Parameter[R, T]]:
    """A parameter function: `select(r, dag)` picks the value in force on `dag`, with its
    validity date. A plain function stays the fast path: a parameter is read very often."""

    def wrap(select: Callable[[R, datetime.date], Geldig[T]]) -> Parameter[R, T]:
        @functools.wraps(select)
        def value(r: R) -> T:
            if r._trace is None:
                known: T | None = r._memo.get(select)
                if known is not None:
                    return known
                chosen = select(r, r.peildatum)
                r._memo[select] = chosen.waarde
            else:
                with _Apart(r._trace):  # what the value reads is not part of the explanation
                    chosen = select(r, r.peildatum)
                r.record(Uitleg("parameter", naam, soort.toon(chosen.waarde), chosen.verwijzing,
                                chosen.toelichting()))
            if chosen.voorlopig is not None:
                r.voorlopig.add(naam)
            return chosen.waarde

        def op(r: R, dag: datetime.date) -> T:
            """The value in force on `dag` (`uursubsidie op prestatie.maand`)."""
            if r._trace is None:
                chosen = select(r, dag)
            else:
                with _Apart(r._trace):
                    chosen = select(r, dag)
                r.record(Uitleg("parameter", naam, soort.toon(chosen.waarde), chosen.verwijzing,
                                chosen.toelichting(dag)))
            if chosen.voorlopig is not None:
                r.voorlopig.add(naam)
            return chosen.waarde

        value.op = op  # type: ignore[attr-defined]
        return cast(Parameter[R, T], value)

    return wrap


def kalender(rand: str, periode: str, dag: datetime.date) -> datetime.date:
    """`eerste dag van de maand van dag` (rand eerste|laatste; periode maand|kwartaal|jaar)."""
    if periode == "maand":
        first = dag.replace(day=1)
        months = 1
    elif periode == "kwartaal":
        first = datetime.date(dag.year, 3 * ((dag.month - 1) // 3) + 1, 1)
        months = 3
    else:
        first = datetime.date(dag.year, 1, 1)
        months = 12
    if rand == "eerste":
        return first
    return plus_periode(first, "maand", Decimal(months)) - datetime.timedelta(days=1)


def regel(naam: str, soort: Soort, verwijzing: str | None
          ) -> Callable[[Callable[[R], T | Uitzondering[T]]], Callable[[R], T]]:
    """A rule: computed once per calculation; when explaining, every use is a step."""

    def wrap(body: Callable[[R], T | Uitzondering[T]]) -> Callable[[R], T]:
        @functools.wraps(body)
        def value(r: R) -> T:
            known: T | None = r._memo.get(body)
            if known is not None:
                if r._trace is not None:
                    r.record(r._steps[body])
                return known
            if r._trace is not None:
                return _explained(r, body, naam, None, soort, verwijzing, body, r)
            outcome = body(r)
            found = outcome.waarde if isinstance(outcome, Uitzondering) else outcome
            r._memo[body] = found
            return found

        return value

    return wrap


def regel_per(naam: str, soort: Soort, verwijzing: str | None
              ) -> Callable[[Callable[[R, L], T | Uitzondering[T]]], Callable[[R, L], T]]:
    """A rule per member of a list (`regel per kind`): computed once for each member."""

    def wrap(body: Callable[[R, L], T | Uitzondering[T]]) -> Callable[[R, L], T]:
        @functools.wraps(body)
        def value(r: R, lid: L) -> T:
            if r._trace is None:  # the fast path: one dict per rule, by member
                per_member: dict[int, T] | None = r._memo.get(body)
                if per_member is None:
                    per_member = r._memo[body] = {}
                known: T | None = per_member.get(id(lid))
                if known is not None:
                    return known
                outcome = body(r, lid)
                found = outcome.waarde if isinstance(outcome, Uitzondering) else outcome
                per_member[id(lid)] = found
                return found
            key = (body, id(lid))
            remembered: T | None = r._memo.get(key)
            if remembered is not None:
                r.record(r._steps[key])
                return remembered
            return _explained(r, key, naam, lid, soort, verwijzing, body, r, lid)

        return value

    return wrap


def per_lid(r: Rekening[Any], naam: str, soort: Soort, verwijzing: str | None,
            regel: Callable[[Rekening[Any], L], T], leden: Sequence[L]) -> tuple[T, ...]:
    """A `regel per kind` as an output: its value for each member of the list, in their order.
    Explained as one step (the values, `soort` a list) with the step of each member under it."""
    if r._trace is None:
        return tuple(regel(r, lid) for lid in leden)
    r._trace.append([])
    try:
        waarden = tuple(regel(r, lid) for lid in leden)
    finally:
        children = r._trace.pop()
    r.record(Uitleg("regel", naam, soort.toon(waarden), verwijzing, None, children))
    return waarden


def argumenten_label(argumenten: Iterable[tuple[str, str]]) -> str:
    """`dag = 2026-04-01`: the arguments a rule was computed for, in the explanation."""
    return ", ".join(f"{naam} = {waarde}" for naam, waarde in argumenten)


def regel_met(naam: str, soort: Soort, verwijzing: str | None,
              argumenten: tuple[tuple[str, Soort], ...]
              ) -> Callable[[Callable[..., T | Uitzondering[T]]], Callable[..., T]]:
    """A rule with arguments (`regel x(dag: datum)`): computed once for each set of arguments."""

    def wrap(body: Callable[..., T | Uitzondering[T]]) -> Callable[..., T]:
        @functools.wraps(body)
        def value(r: Rekening[Any], *waarden: Any) -> T:
            key = (body, waarden)
            known: T | None = r._memo.get(key)
            if known is not None:
                if r._trace is not None:
                    r.record(r._steps[key])
                return known
            if r._trace is not None:
                label = argumenten_label((n, s.toon(w)) for (n, s), w in zip(argumenten, waarden))
                return _explained(r, key, f"{naam} ({label})", None, soort, verwijzing, body, r,
                                  *waarden)
            outcome = body(r, *waarden)
            found = outcome.waarde if isinstance(outcome, Uitzondering) else outcome
            r._memo[key] = found
            return found

        return value

    return wrap


def _explained(r: Rekening[Any], key: object, naam: str, lid: object, soort: Soort,
               verwijzing: str | None, body: Callable[..., T | Uitzondering[T]], *args: Any) -> T:
    """Compute a rule while explaining: remember it and record its step, with those it read."""
    assert r._trace is not None
    r._trace.append([])
    try:
        outcome = body(*args)
    finally:
        children = r._trace.pop()
    value: T
    if isinstance(outcome, Uitzondering):
        value, reference, note = outcome.waarde, outcome.verwijzing, "uitzondering"
    else:
        value, reference, note = outcome, verwijzing, None
    r._memo[key] = value
    name = naam if lid is None else f"{naam} ({_member_label(lid)})"
    step = Uitleg("regel", name, soort.toon(value), reference, note, children)
    r._steps[key] = step
    r.record(step)
    return value


# ------------------------------------------------------------------ the result


class Resultaat(Generic[U]):
    """The outcome of `bereken`: exact outputs, provisional values used, and the explanation."""

    __slots__ = ("uitvoer", "voorlopig", "_soorten", "_replay")

    def __init__(self, uitvoer: U, voorlopig: tuple[str, ...], soorten: Mapping[str, Soort],
                 replay: tuple[datetime.date, Any, Callable[[Rekening[Any]], U]]) -> None:
        self.uitvoer = uitvoer
        self.voorlopig = voorlopig  # provisional values (parameters, table rows) the outputs used
        self._soorten = soorten
        self._replay = replay  # the peildatum, the input read and how to compute the outputs

    def uitleg(self) -> list[Uitleg]:
        """For each output, in order, the tree of rules, table rows, parameters and inputs.

        Calculated again, now recording every step; the values are the same.
        """
        peildatum, invoer, compute = self._replay
        with exact():
            again = Rekening(peildatum, invoer, uitleg=True)
            compute(again)
        assert again._trace is not None
        return again._trace[0]

    def naar_json(self, uitleg: bool = False) -> dict[str, Any]:
        """`{"uitvoer": ..., "voorlopig": [...], "uitleg": [...]}` as `regelwerk run` prints it."""
        document: dict[str, Any] = {
            "uitvoer": {name: self._soorten[name].naar_json(value)
                        for name, value in self.uitvoer.items()},
        }
        if self.voorlopig:
            document["voorlopig"] = list(self.voorlopig)
        if uitleg:
            document["uitleg"] = [node.naar_json() for node in self.uitleg()]
        return document


def uitvoer_namen(gevraagd: object, bekend: Sequence[str]) -> tuple[str, ...]:
    """The outputs asked for, checked, in the order of the regulation and each once."""
    if isinstance(gevraagd, str) or not isinstance(gevraagd, (list, tuple)):
        raise InvoerFout("uitvoer", f"verwacht een lijst van namen, gekregen {_show_raw(gevraagd)}")
    if not gevraagd:
        raise InvoerFout("uitvoer", "noem minstens één uitvoer")
    for naam in gevraagd:
        if not isinstance(naam, str) or naam not in bekend:
            raise InvoerFout("uitvoer", f"{_show_raw(naam)} is geen uitvoer van deze regeling; "
                             f"bekend zijn: {', '.join(bekend)}")
    return tuple(naam for naam in bekend if naam in gevraagd)


def deel_van(gevraagd: object, regels: Mapping[str, Callable[[Rekening[Any]], object]]
             ) -> Callable[[Rekening[Any]], dict[str, object]]:
    """How to compute only the outputs asked for (`bereken_deel`); nothing else is calculated."""
    namen = uitvoer_namen(gevraagd, tuple(regels))

    def bereken(r: Rekening[Any]) -> dict[str, object]:
        return {naam: regels[naam](r) for naam in namen}

    return bereken


class GedeeltelijkResultaat(Resultaat[dict[str, object]]):
    """The outcome of `bereken_gedeeltelijk`: every output that could be computed, and for each
    output that needs a value the regulation declares unknown (`onbekend`), the reason."""

    __slots__ = ("onbekend",)

    def __init__(self, uitvoer: dict[str, object], voorlopig: tuple[str, ...],
                 soorten: Mapping[str, Soort],
                 replay: tuple[datetime.date, Any, Callable[[Rekening[Any]], dict[str, object]]],
                 onbekend: dict[str, str]) -> None:
        super().__init__(uitvoer, voorlopig, soorten, replay)
        self.onbekend = onbekend  # output -> the message of the unknown value it needs

    def naar_json(self, uitleg: bool = False) -> dict[str, Any]:
        """As `Resultaat.naar_json`, with `"onbekend": {uitvoer: reden}` when an output is unknown."""
        document = super().naar_json(uitleg)
        if self.onbekend:
            document["onbekend"] = dict(self.onbekend)
        return document


class Gedeeltelijk:
    """How to compute every output (or those asked for) that does not need an unknown value.

    An output that stops on an `onbekend` value is left out and its reason kept; any other
    RekenFout still stops the calculation: only what the regulation declares unknown is unknown.
    Called with a Rekening it gives the outputs (to explain them again); `met_onbekend` gives the
    outputs and the unknown ones.
    """

    __slots__ = ("regels", "namen")

    def __init__(self, regels: Mapping[str, Callable[[Rekening[Any]], object]],
                 gevraagd: object = None) -> None:
        self.regels = regels
        self.namen = tuple(regels) if gevraagd is None else uitvoer_namen(gevraagd, tuple(regels))

    def met_onbekend(self, r: Rekening[Any]) -> tuple[dict[str, object], dict[str, str]]:
        found: dict[str, object] = {}
        onbekend: dict[str, str] = {}
        for naam in self.namen:
            try:
                found[naam] = self.regels[naam](r)
            except OnbekendeWaarde as fout:
                onbekend[naam] = fout.melding
        return found, onbekend

    def __call__(self, r: Rekening[Any]) -> dict[str, object]:
        return self.met_onbekend(r)[0]


def gedeeltelijk_resultaat(r: Rekening[Any], regels: Gedeeltelijk, soorten: Mapping[str, Soort]
                           ) -> GedeeltelijkResultaat:
    """Compute what can be computed (`bereken_gedeeltelijk`): the outputs and the unknown ones."""
    uitvoer, onbekend = regels.met_onbekend(r)
    voorlopig = tuple(sorted(r.voorlopig)) if r.voorlopig else ()
    return GedeeltelijkResultaat(uitvoer, voorlopig, soorten, (r.peildatum, r.invoer, regels),
                                 onbekend)


def bereken_json(verzoek: str, bereken: Callable[[Mapping[str, object], str], Resultaat[Any]],
                 bereken_deel: Callable[[Mapping[str, object], str, Sequence[str]],
                                        Resultaat[Any]] | None = None,
                 bereken_gedeeltelijk: Callable[[Mapping[str, object], str, Any],
                                                GedeeltelijkResultaat] | None = None) -> str:
    """`{"peildatum": "2026-03-01", "invoer": {...}, "uitleg": false}` -> the result as JSON;
    with `"uitvoer": [...]` only those outputs; with `"gedeeltelijk": true` every output that can
    be computed, and the unknown ones under "onbekend"."""
    import json  # only for the services that speak JSON

    if not isinstance(verzoek, str):
        raise InvoerFout("verzoek", f"verwacht JSON-tekst, gekregen {type(verzoek).__name__}")
    document = lees_json(verzoek)
    if not isinstance(document, dict):
        raise InvoerFout("verzoek", "verwacht een object met peildatum en invoer")
    known: tuple[str, ...] = ("peildatum", "invoer", "uitleg", "uitvoer") if bereken_deel else (
        "peildatum", "invoer", "uitleg")
    if bereken_gedeeltelijk is not None:
        known += ("gedeeltelijk",)
    for key in document:
        if key not in known:
            raise InvoerFout(key, f"hoort niet in het verzoek; bekend zijn: {', '.join(sorted(known))}")
    for key in ("peildatum", "invoer"):
        if key not in document:
            raise InvoerFout(key, "ontbreekt")
    explain = document.get("uitleg", False)
    if not isinstance(explain, bool):
        raise InvoerFout("uitleg", f"verwacht true of false, gekregen {_show_raw(explain)}")
    peildatum = document["peildatum"]
    if not isinstance(peildatum, str):
        raise InvoerFout("peildatum", f"verwacht een datum als \"jjjj-mm-dd\", gekregen "
                         f"{_show_raw(peildatum)}")
    partial = document.get("gedeeltelijk", False)
    if not isinstance(partial, bool):
        raise InvoerFout("gedeeltelijk", f"verwacht true of false, gekregen {_show_raw(partial)}")
    if partial and bereken_gedeeltelijk is not None:
        result: Resultaat[Any] = bereken_gedeeltelijk(document["invoer"], peildatum,
                                                      document.get("uitvoer"))
    elif "uitvoer" in document and bereken_deel is not None:
        result = bereken_deel(document["invoer"], peildatum, document["uitvoer"])
    else:
        result = bereken(document["invoer"], peildatum)
    return json.dumps(result.naar_json(explain), ensure_ascii=False, indent=2)


# ------------------------------------------------------------------ built-in date functions
# Called by the interpreter and by generated modules alike, as f(*options, *arguments) (see
# regelwerk.core.functions). The working-day functions get the public holidays as their options:
# ISO dates, taken by the compiler from a table in stdlib_rules/feestdagen.rw.

def dag_van_de_week(dag: datetime.date) -> Decimal:
    """1 for a Monday up to 7 for a Sunday (ISO 8601)."""
    return Decimal(dag.isoweekday())


@functools.lru_cache(maxsize=8)
def _feestdagen(data: tuple[str, ...]) -> tuple[frozenset[datetime.date], frozenset[int]]:
    """The holidays, and the years they cover: a year with no holiday in the list is not known."""
    days = frozenset(datetime.date.fromisoformat(text) for text in data)
    return days, frozenset(day.year for day in days)


def _kalender_en_dag(waarden: tuple[str | datetime.date, ...]
                     ) -> tuple[frozenset[datetime.date], frozenset[int], datetime.date]:
    dag = waarden[-1]
    if not isinstance(dag, datetime.date):
        raise TypeError("verwacht de feestdagen als jjjj-mm-dd en daarna een datum")
    days, years = _feestdagen(cast(tuple[str, ...], waarden[:-1]))  # fromisoformat checks them
    return days, years, dag


def _werkdag(days: frozenset[datetime.date], years: frozenset[int], dag: datetime.date) -> bool:
    if dag.year not in years:
        known = f"{min(years)} tot en met {max(years)}" if years else "geen enkel jaar"
        raise RekenFout(f"de feestdagen van {dag.year} zijn niet bekend (bekend: {known}), dus "
                        f"ook niet of {dag.isoformat()} een werkdag is")
    return dag.isoweekday() <= 5 and dag not in days


def is_werkdag(*feestdagen_en_dag: str | datetime.date) -> bool:
    """Monday to Friday and no public holiday."""
    days, years, dag = _kalender_en_dag(feestdagen_en_dag)
    return _werkdag(days, years, dag)


def laatste_werkdag_op_of_voor(*feestdagen_en_dag: str | datetime.date) -> datetime.date:
    """The day itself when it is a working day, else the last working day before it."""
    days, years, dag = _kalender_en_dag(feestdagen_en_dag)
    while not _werkdag(days, years, dag):
        dag -= datetime.timedelta(days=1)
    return dag


def eerste_werkdag_op_of_na(*feestdagen_en_dag: str | datetime.date) -> datetime.date:
    """The day itself when it is a working day, else the first working day after it."""
    days, years, dag = _kalender_en_dag(feestdagen_en_dag)
    while not _werkdag(days, years, dag):
        dag += datetime.timedelta(days=1)
    return dag
