"""Synthetic populations: valid households drawn from a regulation's inputs (`regelwerk populatie`).

Every input of the regulation (`Program.inputs()`) gets a column, drawn with numpy from a
distribution per input or field (see `DEFAULTS` and docs/populatie/populatie.md). Numbers are drawn
as whole multiples of their smallest step (`decimalen`), so an amount is exact from the draw on and
is written as decimal128 (Parquet) or as text (JSONL, CSV); no binary float ever holds an amount.

A drawn household must pass the regulation's `eis` requirements. They are checked with the generated
per-household module (the reference path, `engine.compute_one`): a household it refuses with an
InvoerFout is drawn again, in rounds, up to a bound; when the eisen cannot be met often enough, a
`PopulatieFout` names the eis that refused most. The check is remembered per household *as the
eisen see it*: the inputs and fields an eis reads, with every other value replaced by a fixed valid
value; so a million households need only as many checks as there are distinct such projections.

The same program, count, seed and distribution give the same table, and `write` gives the same bytes
(with the same versions of numpy and pyarrow). Every file says it is synthetic: the Parquet schema
metadata `regelwerk.synthetisch=true` with the seed and the distribution, or, for JSONL and CSV, the
sidecar `<file>.meta.json` with the same label.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Union

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from regelwerk.backends.population import engine
from regelwerk.core import nodes as c
from regelwerk.core.visitor import walk
from regelwerk.ir import types as t

SYNTHETIC = "regelwerk.synthetisch"
FORMATS = (".parquet", ".jsonl", ".csv")
EPOCH = datetime.date(1970, 1, 1)
MAX_ATTEMPTS_PER_HOUSEHOLD = 100  # at most this many draws per household asked for (plus 10.000)

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


# ------------------------------------------------------------------ columns while drawing

IntArray = npt.NDArray[np.int64]


@attrs.frozen
class Scalar:
    values: npt.NDArray[Any]  # int64 units of a number, bool, int64 choice index, int64 epoch day


@attrs.frozen
class Members:
    offsets: IntArray  # n + 1 offsets into the member columns
    fields: dict[str, Column]


@attrs.frozen
class Fields:
    fields: dict[str, Column]


Column = Union[Scalar, Members, Fields]


def _take(column: Column, rows: IntArray) -> Column:
    """The rows `rows` (ascending) of a column."""
    if isinstance(column, Scalar):
        return Scalar(column.values[rows])
    if isinstance(column, Fields):
        return Fields({k: _take(v, rows) for k, v in column.fields.items()})
    starts = column.offsets[:-1][rows]
    lengths = column.offsets[1:][rows] - starts
    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    members = np.repeat(starts - offsets[:-1], lengths) + np.arange(offsets[-1], dtype=np.int64)
    return Members(offsets, {k: _take(v, members) for k, v in column.fields.items()})


def _concat(parts: Sequence[Column]) -> Column:
    first = parts[0]
    if isinstance(first, Scalar):
        return Scalar(np.concatenate([p.values for p in parts if isinstance(p, Scalar)]))
    if isinstance(first, Fields):
        return Fields({k: _concat([p.fields[k] for p in parts if isinstance(p, Fields)])
                       for k in first.fields})
    lists = [p for p in parts if isinstance(p, Members)]
    offsets = [np.zeros(1, dtype=np.int64)]
    base = 0
    for part in lists:
        offsets.append(part.offsets[1:] + base)
        base += int(part.offsets[-1])
    return Members(np.concatenate(offsets),
                   {k: _concat([p.fields[k] for p in lists]) for k in first.fields})


# ------------------------------------------------------------------ distributions


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
            options = {"waarde": str(defaults[path])}
        out[path] = _spec(path, type_, dict(options or {}), peildatum)
    return out


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
    if isinstance(raw, datetime.date) and not isinstance(raw, datetime.datetime):
        return raw
    if isinstance(raw, str):
        try:
            return datetime.date.fromisoformat(raw)
        except ValueError:
            pass
    raise refuse(f"{raw!r} is geen datum als \"jjjj-mm-dd\"")


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# ------------------------------------------------------------------ drawing


def _draw(rng: np.random.Generator, path: str, type_: t.Type, n: int,
          spec: Mapping[str, Spec]) -> Column:
    s = spec[path]
    if isinstance(type_, t.ListType):
        lengths_p = s.data["lengte"]
        choices = np.array([int(k) for k in lengths_p], dtype=np.int64)
        lengths = choices[rng.choice(len(choices), size=n, p=list(lengths_p.values()))] \
            if n else np.zeros(0, dtype=np.int64)
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        members = int(offsets[-1])
        return Members(offsets, {name: _draw(rng, f"{path}.{name}", field, members, spec)
                                 for name, field in type_.element.fields})
    if isinstance(type_, t.RecordType):
        return Fields({name: _draw(rng, f"{path}.{name}", field, n, spec)
                       for name, field in type_.fields})
    if s.kind == "getal":
        ranges = s.data["bereiken"]
        scale = 10 ** s.data["decimalen"]
        low = np.array([int(Decimal(r["van"]) * scale) for r in ranges], dtype=np.int64)
        high = np.array([int(Decimal(r["tot"]) * scale) for r in ranges], dtype=np.int64)
        which = rng.choice(len(ranges), size=n, p=[r["kans"] for r in ranges]) if len(ranges) > 1 \
            else np.zeros(n, dtype=np.int64)
        return Scalar(rng.integers(low[which], high[which] + 1, dtype=np.int64))
    if s.kind == "ja/nee":
        return Scalar(rng.random(n) < s.data["kans_ja"])
    if s.kind == "keuze":
        p = list(s.data["kansen"].values())
        return Scalar(rng.choice(len(p), size=n, p=p).astype(np.int64))
    assert s.kind == "datum", s.kind
    low_day = (datetime.date.fromisoformat(s.data["van"]) - EPOCH).days
    high_day = (datetime.date.fromisoformat(s.data["tot"]) - EPOCH).days
    return Scalar(rng.integers(low_day, high_day + 1, size=n, dtype=np.int64))


# ------------------------------------------------------------------ values as the input reads them


def _number_texts(units: IntArray, decimals: int, percent: bool) -> list[str]:
    """Exact text of whole multiples of 10^-decimals: 123456 with 2 decimals is "1234.56"."""
    suffix = "%" if percent else ""
    if decimals == 0:
        return [f"{u}{suffix}" for u in units.tolist()]
    scale = 10 ** decimals
    out = []
    for u in units.tolist():
        q, r = divmod(abs(u), scale)
        out.append(f"{'-' if u < 0 else ''}{q}.{r:0{decimals}d}{suffix}")
    return out


def _raw_values(column: Column, type_: t.Type, path: str, spec: Mapping[str, Spec]) -> list[Any]:
    """The values of a scalar column as the input reader takes them (numbers as text)."""
    assert isinstance(column, Scalar)
    s = spec[path]
    if s.kind == "getal":
        return _number_texts(column.values, s.data["decimalen"], s.data["procent"])
    if s.kind == "ja/nee":
        return [bool(v) for v in column.values.tolist()]
    if s.kind == "keuze":
        assert isinstance(type_, t.ChoiceType)
        return [type_.values[i] for i in column.values.tolist()]
    return [(EPOCH + datetime.timedelta(days=d)).isoformat() for d in column.values.tolist()]


def _placeholder(type_: t.Type, peildatum: datetime.date) -> Any:
    """A fixed valid value of a type, for what an eis does not read."""
    if isinstance(type_, t.NumberType):
        return "0%" if type_.percent else "0"
    if isinstance(type_, t.BooleanType):
        return False
    if isinstance(type_, t.ChoiceType):
        return type_.values[0]
    if isinstance(type_, t.DateType):
        return peildatum.isoformat()
    if isinstance(type_, t.ListType):
        return []
    assert isinstance(type_, t.RecordType), type_
    return {name: _placeholder(field, peildatum) for name, field in type_.fields}


# ------------------------------------------------------------------ the eisen


@attrs.define
class _Requirements:
    """The eisen, checked with the per-household module; remembered per projection."""

    program: c.Program
    peildatum: datetime.date
    inputs: tuple[c.Input, ...]
    read_inputs: frozenset[str]
    read_fields: frozenset[str]
    module: Any = None
    verdicts: dict[Any, str | None] = attrs.field(factory=dict)
    refused: Counter[str] = attrs.field(factory=Counter)
    checks: int = 0

    @classmethod
    def of(cls, program: c.Program, peildatum: datetime.date) -> _Requirements:
        inputs = tuple(program.inputs())
        read_inputs: set[str] = set()
        read_fields: set[str] = set()
        for input_ in inputs:
            for requirement in input_.requirements:
                read_inputs.add(input_.name)
                read_inputs.update(requirement.reads)
                for node in walk(requirement.condition):
                    if isinstance(node, c.FieldOf):
                        read_fields.add(node.field)
                    elif isinstance(node, c.InputRef):
                        read_inputs.add(node.name)
        return cls(program, peildatum, inputs, frozenset(read_inputs), frozenset(read_fields))

    @property
    def any(self) -> bool:
        return bool(self.read_inputs)

    def accepted(self, columns: Mapping[str, Column], n: int, spec: Mapping[str, Spec]
                 ) -> npt.NDArray[np.bool_]:
        """Which of the n households the eisen accept."""
        if not self.any:
            return np.ones(n, dtype=bool)
        parts: list[list[Any]] = []
        names: list[str] = []
        for input_ in self.inputs:
            if input_.name in self.read_inputs:
                names.append(input_.name)
                parts.append(self._projection(columns[input_.name], input_.type, input_.name,
                                              n, spec))
        ok = np.ones(n, dtype=bool)
        verdicts = self.verdicts
        for i, key in enumerate(zip(*parts, strict=True)) if parts else enumerate([()] * n):
            if key not in verdicts:
                verdicts[key] = self._check(dict(zip(names, key, strict=True)))
            verdict = verdicts[key]
            if verdict is not None:
                ok[i] = False
                self.refused[verdict] += 1
        return ok

    def _projection(self, column: Column, type_: t.Type, path: str, n: int,
                    spec: Mapping[str, Spec]) -> list[Any]:
        """Per household, a hashable value of what the eisen read of this input."""
        if isinstance(column, Scalar):
            return _raw_values(column, type_, path, spec)
        record = type_.element if isinstance(type_, t.ListType) else type_
        assert isinstance(record, t.RecordType)
        fields = [(name, field) for name, field in record.fields if name in self.read_fields]
        if isinstance(column, Fields):
            values = [self._projection(column.fields[name], field, f"{path}.{name}", n, spec)
                      for name, field in fields]
            return list(zip(*values, strict=True)) if values else [()] * n
        members = int(column.offsets[-1])
        values = [self._projection(column.fields[name], field, f"{path}.{name}", members, spec)
                  for name, field in fields]
        rows = list(zip(*values, strict=True)) if values else [()] * members
        bounds = column.offsets.tolist()
        return [tuple(rows[bounds[i]:bounds[i + 1]]) for i in range(n)]

    def _check(self, projected: Mapping[str, Any]) -> str | None:
        """None if the per-household module accepts the projected household, else its message."""
        if self.module is None:
            self.module = engine.compiled_module(self.program)
        household: dict[str, Any] = {}
        for input_ in self.inputs:
            if input_.name in projected:
                household[input_.name] = self._unproject(projected[input_.name], input_.type)
            else:
                household[input_.name] = _placeholder(input_.type, self.peildatum)
        self.checks += 1
        first = self.program.main.outputs[0].name
        _, error, _ = engine.compute_one(self.module, household, self.peildatum, [first])
        if error is not None and error[0] == "InvoerFout":
            return f"{error[1]}: {error[2]}"
        return None

    def _unproject(self, value: Any, type_: t.Type) -> Any:
        record = type_.element if isinstance(type_, t.ListType) else type_
        if not isinstance(record, t.RecordType):
            return value

        def one(values: tuple[Any, ...]) -> dict[str, Any]:
            read = iter(values)
            return {name: next(read) if name in self.read_fields else
                    _placeholder(field, self.peildatum) for name, field in record.fields}

        if isinstance(type_, t.ListType):
            return [one(member) for member in value]
        return one(value)


# ------------------------------------------------------------------ the population


@attrs.frozen
class Population:
    """A drawn population: its table (one column per input) and its label."""

    table: pa.Table
    meta: dict[str, Any]
    checks: int  # households the per-household module checked (distinct projections)
    drawn: int  # households drawn, refused ones included


def regulation(paths: Sequence[str]) -> c.Program:
    """The core IR of the one regulation in `paths`; PopulatieFout with the diagnostics if not."""
    from regelwerk.diagnostics import render
    from regelwerk.pipeline import load

    result = load(list(paths))
    if not result.ok:
        shown = "\n".join(render(d, result.sources) for d in result.diagnostics if d.is_error)
        raise PopulatieFout(f"de regels bevatten fouten:\n{shown}")
    programs = [checked.core() for checked in result.checked]
    regelingen = [p for p in programs if p.main.kind == "regeling"]
    if len(regelingen) != 1:
        names = ", ".join(p.main.name for p in regelingen) or "geen"
        raise PopulatieFout(f"verwacht precies één regeling, gevonden: {names}")
    return regelingen[0]


def draw(program: c.Program, n: int, seed: int, distribution: Mapping[str, Any] | None = None,
         peildatum: datetime.date | None = None) -> Population:
    """n households that meet the eisen, drawn with `seed` from `distribution` (else the defaults).

    `peildatum` is the date the eisen are checked at and the default date ranges end at; by default
    the first day the regulation is valid."""
    if n < 0:
        raise VerdelingFout("het aantal huishoudens is negatief")
    day = peildatum or program.main.valid_from
    if day is None:
        raise VerdelingFout("de regeling heeft geen geldig vanaf: geef een peildatum")
    spec = specs(program, distribution or {}, day)
    inputs = program.inputs()
    rng = np.random.default_rng(seed)
    eisen = _Requirements.of(program, day)
    batches: list[dict[str, Column]] = []
    have = drawn = 0
    limit = MAX_ATTEMPTS_PER_HOUSEHOLD * n + 10_000
    rate = 1.0
    while have < n:
        want = n - have
        size = want if not drawn else min(math.ceil(want / rate * 1.1) + 16, 10 * want + 10_000,
                                          limit - drawn)
        if size <= 0:
            raise PopulatieFout(_unmet(program, eisen, n, have, drawn))
        columns = {i.name: _draw(rng, i.name, i.type, size, spec) for i in inputs}
        drawn += size
        ok = eisen.accepted(columns, size, spec)
        rows = np.flatnonzero(ok).astype(np.int64)[:want]
        if len(rows):
            batches.append({k: _take(v, rows) if len(rows) < size else v
                            for k, v in columns.items()})
        have += len(rows)
        rate = max(have / drawn, 1 / limit)
    if not batches:
        batches.append({i.name: _draw(rng, i.name, i.type, 0, spec) for i in inputs})
    columns = {i.name: _concat([b[i.name] for b in batches]) for i in inputs}
    arrays = {i.name: _arrow(columns[i.name], i.type, i.name, spec) for i in inputs}
    if not arrays:
        raise PopulatieFout(f"{program.main.name} heeft geen invoer: er valt niets te trekken")
    table = pa.table(arrays)
    meta = {
        SYNTHETIC: True,
        "regeling": program.main.name,
        "versie": program.main.version,
        "aantal": n,
        "seed": seed,
        "peildatum_eisen": day.isoformat(),
        "verdeling": {path: s.to_json() for path, s in spec.items()},
        "toelichting": "Synthetische populatie, getrokken door regelwerk populatie: geen echte "
                       "huishoudens.",
    }
    return Population(table.replace_schema_metadata(_schema_meta(meta)), meta, eisen.checks, drawn)


def _unmet(program: c.Program, eisen: _Requirements, n: int, have: int, drawn: int) -> str:
    common = "; ".join(f"{message} ({count}×)" for message, count in eisen.refused.most_common(3))
    return (f"de eisen van {program.main.name} zijn met deze verdeling niet vaak genoeg te halen: "
            f"van {drawn} getrokken huishoudens voldeden er {have}, nodig zijn er {n}. "
            f"Geweigerd om: {common}. Pas de verdeling aan (met --verdeling), bijvoorbeeld de "
            "lengte van een lijst of de kansen van een keuze.")


def _schema_meta(meta: Mapping[str, Any]) -> dict[bytes, bytes]:
    out = {SYNTHETIC.encode(): b"true"}
    for key, value in meta.items():
        if key != SYNTHETIC:
            out[f"regelwerk.{key}".encode()] = (
                value if isinstance(value, str) else _json(value)).encode("utf-8")
    return out


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# ------------------------------------------------------------------ Arrow columns


def _arrow(column: Column, type_: t.Type, path: str, spec: Mapping[str, Spec]) -> pa.Array:
    if isinstance(column, Members):
        assert isinstance(type_, t.ListType)
        members = _struct(column.fields, type_.element, path, spec)
        return pa.ListArray.from_arrays(pa.array(column.offsets.astype(np.int32), pa.int32()),
                                        members)
    if isinstance(column, Fields):
        assert isinstance(type_, t.RecordType)
        return _struct(column.fields, type_, path, spec)
    s = spec[path]
    values = column.values
    if s.kind == "getal":
        if s.data["procent"]:
            return pa.array(_raw_values(column, type_, path, spec), type=pa.string())
        return _decimal(values, s)
    if s.kind == "ja/nee":
        return pa.array(values, type=pa.bool_())
    if s.kind == "keuze":
        assert isinstance(type_, t.ChoiceType)
        return pa.array(list(type_.values), type=pa.string()).take(pa.array(values))
    return pa.array(values.astype(np.int32), type=pa.int32()).cast(pa.date32())


def _struct(fields: Mapping[str, Column], record: t.RecordType, path: str,
            spec: Mapping[str, Spec]) -> pa.Array:
    names = [name for name, _ in record.fields]
    arrays = [_arrow(fields[name], field, f"{path}.{name}", spec) for name, field in record.fields]
    if not arrays:
        raise PopulatieFout(f"{path}: gegevens zonder velden kunnen niet in een kolom")
    return pa.StructArray.from_arrays(arrays, names=names)


def _decimal(units: IntArray, s: Spec) -> pa.Array:
    """Whole multiples of 10^-decimalen as decimal128 with that scale: the unscaled values are the
    drawn integers themselves, written as 128-bit two's complement (exact, no conversion)."""
    decimals = s.data["decimalen"]
    biggest = max(max(abs(int(Decimal(r[k]).scaleb(decimals))) for k in ("van", "tot"))
                  for r in s.data["bereiken"])
    precision = max(len(str(biggest)), decimals + 1, 1)
    words = np.empty((len(units), 2), dtype="<i8")
    words[:, 0] = units
    words[:, 1] = units >> 63
    return pa.Array.from_buffers(pa.decimal128(precision, decimals), len(units),
                                 [None, pa.py_buffer(words.tobytes())])


# ------------------------------------------------------------------ files


def check_target(program: c.Program, path: str | Path) -> None:
    """VerdelingFout if the population of `program` cannot be written to `path` (before drawing)."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise VerdelingFout(f"onbekend formaat {Path(path).suffix or '(geen)'}: kies "
                            f"{', '.join(FORMATS)}")
    nested = [i.name for i in program.inputs() if isinstance(i.type, (t.ListType, t.RecordType))]
    if suffix == ".csv" and nested:
        raise VerdelingFout(f"CSV kan alleen vlakke invoer bevatten, maar {', '.join(nested)} van "
                            f"{program.main.name} is een lijst of gegevens; gebruik Parquet of "
                            "JSON Lines")


def write(population: Population, path: str | Path) -> list[Path]:
    """Write the population as Parquet, JSONL or CSV (by the suffix); the files written.

    JSONL: one household per line, the `invoer` object `bereken_json` takes (numbers as text). CSV
    (only for flat inputs, as `simuleer` reads it): a header, a column per input, numbers as text,
    ja/nee as "ja"/"nee". Both get the label in `<file>.meta.json`; Parquet has it in its schema
    metadata."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise VerdelingFout(f"onbekend formaat {target.suffix or '(geen)'}: kies "
                            f"{', '.join(FORMATS)}")
    nested = [f.name for f in population.table.schema
              if pa.types.is_list(f.type) or pa.types.is_struct(f.type)]
    if suffix == ".csv" and nested:
        raise VerdelingFout(f"CSV kan alleen vlakke invoer bevatten, maar {', '.join(nested)} is een "
                            "lijst of gegevens; gebruik Parquet of JSON Lines")
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        pq.write_table(population.table, target, compression="zstd", row_group_size=100_000)
        return [target]
    texts = _json_fragments(population.table)
    names = [name for name in population.table.column_names]
    if suffix == ".jsonl":
        keys = [json.dumps(name, ensure_ascii=False) + ":" for name in names]
        with open(target, "w", encoding="utf-8", newline="\n") as out:
            for row in zip(*texts, strict=True) if texts else ():
                out.write("{" + ",".join(k + v for k, v in zip(keys, row, strict=True)) + "}\n")
    else:
        kinds = [population.table.schema.field(name).type for name in names]
        cells = [_csv_cells(population.table.column(name), kind, text)
                 for name, kind, text in zip(names, kinds, texts, strict=True)]
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(zip(*cells, strict=True))
        target.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    sidecar = target.with_name(target.name + ".meta.json")
    sidecar.write_text(json.dumps(population.meta, ensure_ascii=False, indent=2, sort_keys=True)
                       + "\n", encoding="utf-8", newline="\n")
    return [target, sidecar]


def _json_fragments(table: pa.Table) -> list[list[str]]:
    return [_fragments(table.column(name).combine_chunks()) for name in table.column_names]


def _fragments(array: pa.Array) -> list[str]:
    """Each value of an input column as JSON text: numbers as strings, so they stay exact."""
    kind = array.type
    if pa.types.is_list(kind):
        inner = _fragments(array.values)
        bounds = array.offsets.to_pylist()
        return ["[" + ",".join(inner[bounds[i]:bounds[i + 1]]) + "]" for i in range(len(array))]
    if pa.types.is_struct(kind):
        names = [kind.field(i).name for i in range(kind.num_fields)]
        keys = [json.dumps(name, ensure_ascii=False) + ":" for name in names]
        parts = [_fragments(array.field(i)) for i in range(kind.num_fields)]
        return ["{" + ",".join(k + v for k, v in zip(keys, row, strict=True)) + "}"
                for row in zip(*parts, strict=True)] if parts else ["{}"] * len(array)
    if pa.types.is_decimal(kind):
        return ['"' + format(v, "f") + '"' for v in array.to_pylist()]
    if pa.types.is_boolean(kind):
        return ["true" if v else "false" for v in array.to_pylist()]
    if pa.types.is_date(kind):
        return ['"' + v.isoformat() + '"' for v in array.to_pylist()]
    return [json.dumps(v, ensure_ascii=False) for v in array.to_pylist()]


def _csv_cells(column: pa.ChunkedArray, kind: pa.DataType, texts: list[str]) -> Iterable[str]:
    if pa.types.is_boolean(kind):
        return ["ja" if v else "nee" for v in column.to_pylist()]
    if pa.types.is_decimal(kind) or pa.types.is_date(kind):
        return [v[1:-1] for v in texts]
    return [str(v) for v in column.to_pylist()]


def label(path: str | Path) -> dict[str, Any] | None:
    """The synthetic label of a population file: the Parquet metadata or the sidecar; else None."""
    target = Path(path)
    if target.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        metadata = pq.read_schema(target).metadata or {}
        if metadata.get(SYNTHETIC.encode()) != b"true":
            return None
        out: dict[str, Any] = {SYNTHETIC: True}
        for key, value in metadata.items():
            name = key.decode()
            if name.startswith("regelwerk.") and name != SYNTHETIC:
                text = value.decode("utf-8")
                try:
                    out[name.removeprefix("regelwerk.")] = json.loads(text)
                except json.JSONDecodeError:
                    out[name.removeprefix("regelwerk.")] = text
        return out
    sidecar = target.with_name(target.name + ".meta.json")
    if not sidecar.exists():
        return None
    data: dict[str, Any] = json.loads(sidecar.read_text("utf-8"))
    return data if data.get(SYNTHETIC) is True else None
