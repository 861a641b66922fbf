"""A population file (read by sources.py) met with one regulation, for `regelwerk simuleer`.

`prepare` meets the file with one regulation: a column the regulation does not know or an input
without a column is a `PopulationError`; a household whose input cannot be read is an error row
(`InvoerFout`, the field, the message; its `PATH` is `READ_PATH`) and `complete` puts it back into
the engine's result table in its place. No household is ever dropped.

A float column is refused, naming it, unless `round_floats`: then each float is rounded to the cent
from its shortest representation (`repr`, so 0.1 is 0.10, never 0.1000000000000000055...), half away
from zero; NaN and infinity are an error row.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.compute as pc

from regelwerk import runtime
from regelwerk.backends.population.engine import (
    ERROR_FIELD,
    ERROR_KIND,
    ERROR_MESSAGE,
    KEY,
    PATH,
    Run,
    decimal_type,
)
from regelwerk.backends.population.sources import PopulationError, Source, shown
from regelwerk.core import nodes as c
from regelwerk.core.soort import soort
from regelwerk.ir import types as t

READ_PATH = "inlezen"  # PATH of a household whose input could not be read: not computed
MAX_MEMBERS = 10_000  # more members in one list is an error row, not a calculation
CENT = Decimal("0.01")


@attrs.frozen
class Prepared:
    """The households of a source as one regulation's engine takes them."""

    table: pa.Table  # KEY and the regulation's inputs, only the households that could be read
    rows: pa.Array  # int64: the row in the file of each row of `table`
    keys: pa.Array  # the key of every household in the file
    errors: Mapping[int, tuple[str, str]]  # row in the file -> (field, message)


def prepare(source: Source, program: c.Program, others: Iterable[c.Program] = (),
            round_floats: bool = False) -> Prepared:
    """The households of `source` as `program`'s engine takes them. Columns that only `others` (the
    other side of a comparison) know are left out; a column no one knows is an error."""
    inputs = {i.name: i.type for i in program.inputs()}
    also = {i.name for other in others for i in other.inputs()}
    regulation = program.main.name
    if source.key_name is not None and source.key_name in inputs:
        raise PopulationError(f"'{source.path}': '{source.key_name}' is een invoer van "
                              f"{regulation}; wijs de sleutel met --sleutel een andere kolom aan")
    if source.format == "csv":
        nested = [n for n, ty in inputs.items() if isinstance(ty, (t.ListType, t.RecordType))]
        if nested:
            raise PopulationError(f"'{source.path}': CSV kan alleen vlakke invoer bevatten, maar "
                                  f"{', '.join(nested)} van {regulation} is een lijst of gegevens; "
                                  "gebruik Parquet of JSON Lines")
    if source.format in ("parquet", "csv"):
        unknown = [n for n in source.columns if n not in inputs and n not in also]
        if unknown:
            raise PopulationError(
                f"'{source.path}': {_plural(unknown, 'kolom', 'kolommen')} "
                f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'zijn'} geen invoer van "
                f"{regulation}; de invoer is: {', '.join(inputs)}"
                + ("; noem de sleutelkolom met --sleutel" if source.key_name is None else ""))
        missing = [n for n in inputs if n not in source.columns]
        if missing:
            raise PopulationError(
                f"'{source.path}': de invoer {', '.join(missing)} van {regulation} "
                f"{'heeft' if len(missing) == 1 else 'hebben'} geen kolom")
    if source.format == "parquet":
        assert source.table is not None
        return _prepare_table(source, source.table, inputs, round_floats)
    return _prepare_records(source, inputs, also)


def _prepare_table(source: Source, table: pa.Table, inputs: Mapping[str, t.Type],
                   round_floats: bool) -> Prepared:
    errors: dict[int, tuple[str, str]] = {}
    columns: dict[str, pa.Array] = {}
    for name in inputs:
        column = table.column(name).combine_chunks()
        floats = _float_paths(name, column.type)
        if floats:
            if not round_floats:
                raise PopulationError(
                    f"'{source.path}': kolom {', '.join(floats)} bevat kommagetallen (float); die "
                    "zijn niet exact. Lever bedragen als decimal, geheel getal of tekst, of rond ze "
                    "bewust af met --float-kolommen-afronden-op-cent")
            column = _round_column(name, column, errors)
        if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
            lengths = pc.list_value_length(column).to_pylist()
            for row, length in enumerate(lengths):
                if length is not None and length > MAX_MEMBERS:
                    errors.setdefault(row, (name, f"{length} leden; hoogstens {MAX_MEMBERS} per "
                                                  "huishouden"))
        columns[name] = column
    good = [row for row in range(source.rows) if row not in errors]
    rows = pa.array(good, type=pa.int64())
    arrays = {KEY: source.keys.take(rows)}
    for name, column in columns.items():
        arrays[name] = column.take(rows) if errors else column
    return Prepared(pa.table(arrays), rows, source.keys, errors)


def _float_paths(name: str, type_: pa.DataType) -> list[str]:
    if pa.types.is_floating(type_):
        return [name]
    if pa.types.is_list(type_) or pa.types.is_large_list(type_) or \
            pa.types.is_fixed_size_list(type_):
        return _float_paths(name, type_.value_type)
    if pa.types.is_struct(type_):
        return [p for i in range(type_.num_fields)
                for p in _float_paths(f"{name}.{type_.field(i).name}", type_.field(i).type)]
    return []


def _round_column(name: str, column: pa.Array, errors: dict[int, tuple[str, str]]) -> pa.Array:
    """Every float in the column rounded to the cent from its shortest repr; as text, which the
    runtime reads exactly (a NaN or infinity: an error row)."""
    def convert(value: object, field: str, row: int) -> object:
        if isinstance(value, float):
            if not math.isfinite(value):
                errors.setdefault(row, (field, f"{value} is geen getal"))
                return None
            return format(Decimal(repr(value)).quantize(CENT, rounding=ROUND_HALF_UP), "f")
        if isinstance(value, list):
            return [convert(v, f"{field}[{i}]", row) for i, v in enumerate(value)]
        if isinstance(value, dict):
            return {k: convert(v, f"{field}.{k}", row) for k, v in value.items()}
        return value

    values = [convert(v, name, row) for row, v in enumerate(column.to_pylist())]
    return pa.array(values, type=_without_floats(column.type))


def _without_floats(type_: pa.DataType) -> pa.DataType:
    if pa.types.is_floating(type_):
        return pa.string()
    if pa.types.is_list(type_) or pa.types.is_large_list(type_) or \
            pa.types.is_fixed_size_list(type_):
        return pa.list_(_without_floats(type_.value_type))
    if pa.types.is_struct(type_):
        return pa.struct([pa.field(type_.field(i).name, _without_floats(type_.field(i).type))
                          for i in range(type_.num_fields)])
    return type_


def _prepare_records(source: Source, inputs: Mapping[str, t.Type], also: set[str]) -> Prepared:
    """Each household read by the runtime's own reader (`Soort.lees`: the same acceptance and
    messages as a generated module), then as exact Arrow columns."""
    errors: dict[int, tuple[str, str]] = dict(source.problems)
    values: dict[str, list[Any]] = {name: [] for name in inputs}
    kinds = {name: soort(type_) for name, type_ in inputs.items()}
    csv_file = source.format == "csv"
    good: list[int] = []
    for row, record in enumerate(source.records):
        if row in errors:
            continue
        read = _read_household(record, inputs, kinds, also, csv_file)
        if isinstance(read, tuple):
            errors[row] = read
            continue
        good.append(row)
        for name in inputs:
            values[name].append(read[name])
    rows = pa.array(good, type=pa.int64())
    arrays: dict[str, pa.Array] = {KEY: source.keys.take(rows)}
    for name, type_ in inputs.items():
        arrays[name] = _arrow_column(values[name], type_)
    return Prepared(pa.table(arrays), rows, source.keys, errors)


def _read_household(record: object, inputs: Mapping[str, t.Type], kinds: Mapping[str, Any],
                    also: set[str], csv_file: bool) -> dict[str, Any] | tuple[str, str]:
    if not isinstance(record, dict):
        return "invoer", f"verwacht een object met de invoer per naam, gekregen {shown(record)}"
    for name in record:
        if name not in inputs and name not in also:
            return str(name), ("is geen invoer van deze regeling; bekend zijn: "
                               + ", ".join(sorted(inputs)))
    out: dict[str, Any] = {}
    for name, type_ in inputs.items():
        if name not in record:
            return name, "ontbreekt"
        raw = record[name]
        if isinstance(raw, list) and len(raw) > MAX_MEMBERS:
            return name, f"{len(raw)} leden; hoogstens {MAX_MEMBERS} per huishouden"
        if csv_file and isinstance(type_, t.BooleanType) and isinstance(raw, str):
            raw = {"true": "ja", "false": "nee"}.get(raw.strip().lower(), raw.strip())
        try:
            out[name] = kinds[name].lees(name, raw)
        except runtime.InvoerFout as exc:
            return exc.veld, exc.melding
        except RecursionError:
            return name, "te diep genest"
    return out


def _arrow_column(values: list[Any], type_: t.Type) -> pa.Array:
    arrow = _arrow_type(values, type_)
    return pa.array([_arrow_value(v, type_, arrow) for v in values], type=arrow)


def _arrow_type(values: list[Any], type_: t.Type) -> pa.DataType:
    """The exact Arrow type of read values: numbers as the narrowest decimal that holds them all
    (text beyond 76 digits, and for percentages: "13.6%", the way the runtime reads them)."""
    if isinstance(type_, t.NumberType):
        if type_.percent:
            return pa.string()
        return decimal_type(values)
    if isinstance(type_, t.BooleanType):
        return pa.bool_()
    if isinstance(type_, t.DateType):
        return pa.date32()
    if isinstance(type_, t.ChoiceType):
        return pa.string()
    if isinstance(type_, t.RecordType):
        return pa.struct([pa.field(name, _arrow_type([v[name] for v in values if v is not None],
                                                     field))
                          for name, field in type_.fields])
    if isinstance(type_, t.ListType):
        members = [m for v in values if v is not None for m in v]
        return pa.list_(_arrow_type(members, type_.element))
    return pa.string()


def _arrow_value(value: Any, type_: t.Type, arrow: pa.DataType) -> Any:
    if value is None:
        return None
    if isinstance(type_, t.NumberType):
        if pa.types.is_string(arrow):
            return str(soort(type_).naar_json(value))
        return value
    if isinstance(type_, t.RecordType):
        return {name: _arrow_value(value[name], field, arrow.field(name).type)
                for name, field in type_.fields}
    if isinstance(type_, t.ListType):
        return [_arrow_value(m, type_.element, arrow.value_type) for m in value]
    return value


# ------------------------------------------------------------------ the result, complete


def complete(run: Run, prepared: Prepared) -> Run:
    """The engine's result for the households that were read, with an error row for each that was
    not, every household in file order."""
    if not prepared.errors:
        return run
    bad = sorted(prepared.errors)
    indices = pa.array(bad, type=pa.int64())
    arrays: dict[str, pa.Array] = {}
    for field in run.table.schema:
        if field.name == KEY:
            arrays[KEY] = prepared.keys.take(indices).cast(field.type)
        elif field.name == ERROR_KIND:
            arrays[field.name] = pa.array(["InvoerFout"] * len(bad), type=field.type)
        elif field.name == ERROR_FIELD:
            arrays[field.name] = pa.array([prepared.errors[r][0] for r in bad], type=field.type)
        elif field.name == ERROR_MESSAGE:
            arrays[field.name] = pa.array([prepared.errors[r][1] for r in bad], type=field.type)
        elif field.name == PATH:
            arrays[field.name] = pa.array([READ_PATH] * len(bad), type=field.type)
        else:
            arrays[field.name] = pa.nulls(len(bad), type=field.type)
    errors = pa.table(arrays, schema=run.table.schema)
    combined = pa.concat_tables([run.table, errors])
    order = pc.sort_indices(pa.concat_arrays([prepared.rows, indices]))
    return attrs.evolve(run, table=combined.take(order))


def _plural(items: Sequence[object], one: str, more: str) -> str:
    return one if len(items) == 1 else more


def parse_exact(value: object) -> Decimal | None:
    """An exact number from a cell of a population (decimal, integer or exact text), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str) and not isinstance(value, runtime.FloatText):
        text = value.strip()
        if runtime._DECIMAL.fullmatch(text):  # noqa: SLF001  the runtime's own number syntax
            try:
                return Decimal(text)
            except InvalidOperation:
                return None
    return None
