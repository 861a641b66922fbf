"""The distributions synthetic households are drawn from: the defaults, and a user's file
(TOML or JSON) normalised per input or field into a `Spec` (which the population's label records).
See docs/populatie/populatie.md."""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from regelwerk import runtime
from regelwerk.core import nodes as c
from regelwerk.ir import types as t

# The default range of an amount, by its period (the period of `bedrag per maand`; "" for `bedrag`).
AMOUNT_DEFAULTS = {"jaar": "60000", "kwartaal": "15000", "maand": "5000", "week": "1200",
                   "dag": "250", "uur": "40", "": "100000"}
DEFAULTS = {
    "bedrag": "van 0 tot het bedrag van AMOUNT_DEFAULTS bij de periode, 2 decimalen, uniform",
    "duur": "van 0 tot 100, 2 decimalen, uniform",
    "getal": "van 0 tot 10, 2 decimalen, uniform (een aantal: heel, van 0 tot 10)",
    "percentage": "van 0 % tot 100 %, 2 decimalen, uniform",
    "ja/nee": "kans_ja = 0.5",
    "keuze": "elke waarde even waarschijnlijk",
    "datum": "van 25 jaar voor de peildatum tot de peildatum, uniform",
    "lijst": "lengte van 0 tot en met 3, uniform",
    "gegevens met standaardwaarde": "het veld krijgt zijn standaardwaarde",
}


class PopulatieFout(Exception):
    """Rules with errors, or eisen that cannot be met: the message says which (exit code 1)."""


class VerdelingFout(PopulatieFout):
    """A distribution, count or file name that cannot be used (a usage error, exit code 2)."""


@attrs.frozen
class Spec:
    """The distribution of one input or field, normalised (what the metadata records)."""

    path: str
    kind: str  # getal, ja/nee, keuze, datum, lijst
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"soort": self.kind, **self.data}


def read_distribution(path: str | Path) -> dict[str, Any]:
    """A distribution file (.toml or .json): a table per input or field path."""
    file = Path(path)
    try:
        text = file.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VerdelingFout(f"kan de verdeling {path} niet lezen: {exc}") from None
    try:
        if file.suffix == ".json":
            data = json.loads(text, parse_float=Decimal)
        else:
            import tomllib

            data = tomllib.loads(text)
    except (ValueError, json.JSONDecodeError) as exc:
        raise VerdelingFout(f"de verdeling {path} is geen geldige "
                            f"{'JSON' if file.suffix == '.json' else 'TOML'}: {exc}") from None
    if not isinstance(data, dict):
        raise VerdelingFout(f"de verdeling {path}: verwacht een tabel per invoer")
    return data


def _paths(program: c.Program) -> dict[str, t.Type]:
    """Every input and every field of a list or record input, by path ("huishouden.rol")."""
    found: dict[str, t.Type] = {}

    def add(path: str, type_: t.Type) -> None:
        found[path] = type_
        record = type_.element if isinstance(type_, t.ListType) else type_
        if isinstance(record, t.RecordType):
            for name, field in record.fields:
                add(f"{path}.{name}", field)

    for input_ in program.inputs():
        add(input_.name, input_.type)
    return found


def specs(program: c.Program, given: Mapping[str, Any], peildatum: datetime.date
          ) -> dict[str, Spec]:
    """The distribution of every path: the given one, else the default."""
    paths = _paths(program)
    unknown = sorted(set(given) - set(paths))
    if unknown:
        raise VerdelingFout(f"de verdeling noemt {', '.join(unknown)}, maar dat is geen invoer of "
                            f"gegeven van de regeling; bekend zijn: {', '.join(paths)}")
    defaults: dict[str, object] = {}
    for path, type_ in paths.items():
        record = type_.element if isinstance(type_, t.ListType) else type_
        if isinstance(record, t.RecordType):
            for name, value in record.defaults:
                defaults[f"{path}.{name}"] = value
    out = {}
    for path, type_ in paths.items():
        options = given.get(path)
        if options is not None and not isinstance(options, dict):
            raise VerdelingFout(f"verdeling van {path}: verwacht een tabel met opties")
        if options is None and path in defaults:
            options = _default_options(type_, defaults[path])
        out[path] = _spec(path, type_, dict(options or {}), peildatum)
    return out


def _default_options(type_: t.Type, value: object) -> dict[str, Any]:
    """A field with a default value always gets it, in the options of its type."""
    if isinstance(type_, t.BooleanType):
        return {"kans_ja": 1.0 if value else 0.0}
    if isinstance(type_, t.ChoiceType):
        return {"kansen": {str(value): 1}}
    return {"waarde": str(value)}


def _spec(path: str, type_: t.Type, options: dict[str, Any], peildatum: datetime.date) -> Spec:
    def refuse(message: str) -> PopulatieFout:
        return VerdelingFout(f"verdeling van {path} ({type_.describe()}): {message}")

    def allowed(*keys: str) -> None:
        extra = sorted(set(options) - set(keys))
        if extra:
            raise refuse(f"onbekende optie {', '.join(extra)}; mogelijk: {', '.join(keys)}")

    if isinstance(type_, t.NumberType):
        allowed("van", "tot", "decimalen", "bereiken", "waarde")
        return Spec(path, "getal", _number_spec(type_, options, refuse))
    if isinstance(type_, t.BooleanType):
        allowed("kans_ja")
        p = _probability(options.get("kans_ja", 0.5), refuse)
        return Spec(path, "ja/nee", {"kans_ja": p})
    if isinstance(type_, t.ChoiceType):
        allowed("kansen")
        weights = options.get("kansen", {v: 1 for v in type_.values})
        if not isinstance(weights, dict) or not weights:
            raise refuse("kansen: verwacht een tabel waarde = kans")
        wrong = sorted(set(weights) - set(type_.values))
        if wrong:
            raise refuse(f"{', '.join(wrong)} is geen waarde; mogelijk: {', '.join(type_.values)}")
        return Spec(path, "keuze", {"kansen": _normalise(
            {v: _weight(weights.get(v, 0), refuse) for v in type_.values}, refuse)})
    if isinstance(type_, t.DateType):
        allowed("van", "tot")
        low = _date(options.get("van", _years_before(peildatum, 25)), refuse)
        high = _date(options.get("tot", peildatum), refuse)
        if high < low:
            raise refuse(f"tot ({high}) ligt voor van ({low})")
        return Spec(path, "datum", {"van": low.isoformat(), "tot": high.isoformat()})
    if isinstance(type_, t.ListType):
        allowed("lengte")
        length = options.get("lengte", {"van": 0, "tot": 3})
        if not isinstance(length, dict):
            raise refuse("lengte: verwacht {van = 0, tot = 3} of {\"0\" = kans, \"1\" = kans, ...}")
        if set(length) <= {"van", "tot"}:
            low_, high_ = _count(length.get("van", 0), refuse), _count(length.get("tot", 3), refuse)
            if high_ < low_:
                raise refuse(f"lengte: tot ({high_}) is kleiner dan van ({low_})")
            weights = {str(k): 1.0 for k in range(low_, high_ + 1)}
        else:
            weights = {str(_count(k, refuse)): _weight(v, refuse) for k, v in length.items()}
        return Spec(path, "lijst", {"lengte": _normalise(
            dict(sorted(weights.items(), key=lambda kv: int(kv[0]))), refuse)})
    if isinstance(type_, t.RecordType):
        allowed()
        return Spec(path, "gegevens", {})
    raise refuse("dit type kan niet getrokken worden")


def _number_spec(type_: t.NumberType, options: dict[str, Any], refuse: Any) -> dict[str, Any]:
    percent = type_.percent
    if type_.whole:
        default_decimals = 0
    else:
        default_decimals = 2
    decimals = options.get("decimalen", default_decimals)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 9:
        raise refuse("decimalen: verwacht een geheel getal van 0 tot en met 9")
    if type_.whole and decimals:
        raise refuse("een aantal is heel: decimalen moet 0 zijn")
    if "waarde" in options:
        if set(options) - {"waarde", "decimalen"}:
            raise refuse("waarde gaat niet samen met van, tot of bereiken")
        value = _amount(options["waarde"], refuse)
        decimals = max(decimals, -_exponent(value)) if "decimalen" not in options else decimals
        ranges: list[dict[str, Any]] = [{"van": value, "tot": value, "kans": 1.0}]
    elif "bereiken" in options:
        if set(options) & {"van", "tot"}:
            raise refuse("bereiken gaat niet samen met van of tot")
        raw = options["bereiken"]
        if not isinstance(raw, list) or not raw:
            raise refuse("bereiken: verwacht een lijst van {van, tot, kans}")
        ranges = []
        for item in raw:
            if not isinstance(item, dict) or set(item) - {"van", "tot", "kans"} or \
                    not {"van", "tot"} <= set(item):
                raise refuse("bereiken: elk bereik is {van = \"0\", tot = \"100\", kans = 0.5}")
            ranges.append({"van": _amount(item["van"], refuse), "tot": _amount(item["tot"], refuse),
                           "kans": _weight(item.get("kans", 1), refuse)})
    else:
        if type_.is_money:
            high = Decimal(AMOUNT_DEFAULTS.get(type_.unit.period() or "", "100000"))
        elif percent:
            high = Decimal(100)
        elif t.is_duration(type_):
            high = Decimal(100)
        else:
            high = Decimal(10)
        ranges = [{"van": _amount(options.get("van", 0), refuse),
                   "tot": _amount(options.get("tot", high), refuse), "kans": 1.0}]
    step = Decimal(1).scaleb(-decimals)
    out = []
    total = sum(r["kans"] for r in ranges)
    if total <= 0:
        raise refuse("de kansen van de bereiken tellen op tot 0")
    for r in ranges:
        low, high = r["van"], r["tot"]
        if high < low:
            raise refuse(f"tot ({high}) is kleiner dan van ({low})")
        for bound in (low, high):
            if bound % step:
                raise refuse(f"{bound} heeft meer dan {decimals} decimalen")
            if abs(bound.scaleb(decimals)) >= 10 ** 17:
                raise refuse(f"{bound} is te groot om te trekken")
        out.append({"van": str(low), "tot": str(high), "kans": r["kans"] / total})
    return {"decimalen": decimals, "procent": percent, "bereiken": out}


def _amount(raw: object, refuse: Any) -> Decimal:
    """An exact bound: an integer or text ("1450.50"); a float is refused (it is not exact)."""
    if isinstance(raw, bool) or isinstance(raw, float):
        raise refuse(f"{raw!r}: schrijf een bedrag of getal met decimalen als tekst, bijv. "
                     "\"1450.50\" (een kommagetal is niet exact)")
    if isinstance(raw, (int, Decimal)):
        return Decimal(raw)
    if isinstance(raw, str):
        try:
            value = Decimal(raw.strip().replace("_", ""))
        except InvalidOperation:
            value = Decimal("NaN")
        if value.is_finite():
            return value
    raise refuse(f"{raw!r} is geen getal; schrijf bijv. \"1450.50\"")


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return min(exponent, 0)


def _weight(raw: object, refuse: Any) -> float:
    """A probability or weight for numpy's random choice: never an amount (amounts are drawn as
    whole multiples of their step, exactly), so a float is what numpy needs and all it touches."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal)) or not raw >= 0 or \
            not math.isfinite(raw):
        raise refuse(f"{raw!r} is geen kans of gewicht (een getal van 0 of meer)")
    return float(raw)


def _probability(raw: object, refuse: Any) -> float:
    p = _weight(raw, refuse)
    if p > 1:
        raise refuse(f"kans_ja {raw} ligt niet tussen 0 en 1")
    return p


def _normalise(weights: dict[str, float], refuse: Any) -> dict[str, float]:
    total = sum(weights.values())
    if total <= 0:
        raise refuse("de kansen tellen op tot 0")
    return {k: v / total for k, v in weights.items()}


def _count(raw: object, refuse: Any) -> int:
    try:
        value = int(str(raw))
    except ValueError:
        raise refuse(f"lengte {raw!r}: verwacht een geheel getal van 0 of meer") from None
    if value < 0 or value > 10_000:
        raise refuse(f"lengte {raw!r}: verwacht een geheel getal van 0 tot en met 10000")
    return value


def _date(raw: object, refuse: Any) -> datetime.date:
    """A date as the runtime reads one (jjjj-mm-dd only), refused the distribution's way."""
    try:
        return runtime.lees_datum("datum", raw)
    except runtime.InvoerFout:
        raise refuse(f"{raw!r} is geen datum als \"jjjj-mm-dd\"") from None


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# ------------------------------------------------------------------ drawing


