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

import datetime
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Union

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from regelwerk.backends.population import engine
from regelwerk.backends.population.distribution import (
    DEFAULTS,
    PopulatieFout,
    Spec,
    VerdelingFout,
    read_distribution,
    specs,
)
from regelwerk.backends.population.synthetic_files import FORMATS, SYNTHETIC, check_target, label, write
from regelwerk.core import nodes as c
from regelwerk.core.visitor import walk
from regelwerk.ir import types as t

EPOCH = datetime.date(1970, 1, 1)
MAX_ATTEMPTS_PER_HOUSEHOLD = 100  # at most this many draws per household asked for (plus 10.000)

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


__all__ = [
    "DEFAULTS", "FORMATS", "SYNTHETIC", "Population", "PopulatieFout", "Spec", "VerdelingFout",
    "check_target", "draw", "label", "read_distribution", "regulation", "specs", "write",
]
