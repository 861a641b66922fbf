"""Reading a population for `regelwerk simuleer`: Parquet, JSON Lines or CSV, exactly.

Two steps. `read` opens the file and finds the households and their keys; a file that cannot be read
at all (not Parquet, not text, empty, a line that is no JSON, a bad key column) is a
`PopulationError` with a Dutch message (the command exits with 2). `prepare` then meets the file with
one regulation: a column the regulation does not know or an input without a column is again a
`PopulationError`; a household whose input cannot be read is an error row (`InvoerFout`, the field,
the message; its `PATH` is `READ_PATH`) and `complete` puts it back into the engine's result table in
its place. No household is ever dropped.

- Parquet: a household per row; a list of members as a list<struct> column. Numbers as decimal,
  integer or string columns are exact; the engine's reading of each household (the runtime's) decides
  what they mean. A float column is refused, naming it, unless `round_floats`: then each float is
  rounded to the cent from its shortest representation (`repr`, so 0.1 is 0.10, never
  0.1000000000000000055...), half away from zero; NaN and infinity are an error row.
- JSON Lines: a household per line, the `invoer` object of `bereken_json` (amounts as text). Numbers
  are parsed as text, never as float; a number with a fraction is refused like `bereken_json` does.
- CSV: a header and a household per line; every cell is text; only for regulations whose inputs are
  flat (no lists or records). ja/nee also as true/false.

The key: a column (or field) `sleutel`, or the one named with `key`; unique, never empty, whole
numbers or text. Without one, the households are numbered from 0 in file order.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

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
from regelwerk.core import nodes as c
from regelwerk.core.soort import soort
from regelwerk.ir import types as t

KEY_COLUMN = KEY  # the key's column in a file, unless --sleutel names another
READ_PATH = "inlezen"  # PATH of a household whose input could not be read: not computed
MAX_MEMBERS = 10_000  # more members in one list is an error row, not a calculation
FORMATS = {".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".csv": "csv"}
CENT = Decimal("0.01")


class PopulationError(Exception):
    """A population file that cannot be used: the message says why, in Dutch, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@attrs.frozen
class Source:
    """A population file as read, before it meets a regulation."""

    path: str
    format: str  # parquet | jsonl | csv
    rows: int
    keys: pa.Array  # a key per household, in file order
    key_name: str | None  # the key's column or field in the file; None: row numbers
    columns: tuple[str, ...]  # the columns of a table (Parquet, CSV); () for JSON Lines
    table: pa.Table | None = None  # Parquet: the households (without the key)
    records: tuple[object, ...] = ()  # JSON Lines and CSV: a household each (without the key)
    problems: Mapping[int, tuple[str, str]] = attrs.field(factory=dict)  # row -> (field, message)


@attrs.frozen
class Prepared:
    """The households of a source as one regulation's engine takes them."""

    table: pa.Table  # KEY and the regulation's inputs, only the households that could be read
    rows: pa.Array  # int64: the row in the file of each row of `table`
    keys: pa.Array  # the key of every household in the file
    errors: Mapping[int, tuple[str, str]]  # row in the file -> (field, message)


def file_format(path: str) -> str:
    kind = FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        raise PopulationError(f"'{path}': onbekend soort bestand; gebruik .parquet, .jsonl of .csv")
    return kind


def read(path: str, key: str | None = None) -> Source:
    """The households of a file and their keys; PopulationError if it cannot be read."""
    kind = file_format(path)
    file = Path(path)
    if not file.is_file():
        raise PopulationError(f"'{path}' bestaat niet of is geen bestand")
    if file.stat().st_size == 0:
        raise PopulationError(f"'{path}' is leeg: er staan geen huishoudens in")
    if kind == "parquet":
        source = _read_parquet(path, key)
    else:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise PopulationError(f"kan '{path}' niet lezen: {exc.strerror}") from None
        if b"\x00" in data:
            raise PopulationError(f"'{path}' is geen tekstbestand (er staan nul-bytes in); "
                                  f"verwacht {'JSON Lines' if kind == 'jsonl' else 'CSV'} in UTF-8")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PopulationError(f"'{path}' is geen tekst in UTF-8 (byte {exc.start}); verwacht "
                                  f"{'JSON Lines' if kind == 'jsonl' else 'CSV'}") from None
        source = _read_jsonl(path, text, key) if kind == "jsonl" else _read_csv(path, text, key)
    if source.rows == 0:
        raise PopulationError(f"'{path}' bevat geen huishoudens")
    return source


# ------------------------------------------------------------------ Parquet


def _read_parquet(path: str, key: str | None) -> Source:
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise PopulationError(f"kan '{path}' niet lezen als Parquet (is het bestand afgebroken of "
                              f"geen Parquet?): {_first_line(exc)}") from None
    names = tuple(table.column_names)
    if len(set(names)) != len(names):
        double = sorted({n for n in names if names.count(n) > 1})
        raise PopulationError(f"'{path}': kolom {', '.join(double)} komt meer dan eens voor")
    key_name = _key_name(path, names, key)
    if key_name is None:
        keys = pa.array(range(table.num_rows), type=pa.int64())
    else:
        column = table.column(key_name).combine_chunks()
        if not (pa.types.is_integer(column.type) or pa.types.is_string(column.type)
                or pa.types.is_large_string(column.type)):
            raise PopulationError(f"'{path}': de sleutelkolom '{key_name}' moet gehele getallen of "
                                  f"tekst bevatten, niet {column.type}")
        keys = column.cast(pa.string()) if pa.types.is_large_string(column.type) else column
        _check_keys(path, keys.to_pylist())
        table = table.drop_columns([key_name])
    return Source(path, "parquet", table.num_rows, keys, key_name,
                  tuple(n for n in names if n != key_name), table=table)


def _key_name(path: str, names: Sequence[str], key: str | None) -> str | None:
    if key is not None:
        if key not in names:
            raise PopulationError(f"'{path}' heeft geen sleutelkolom '{key}' (--sleutel); de "
                                  f"kolommen zijn: {', '.join(names)}")
        return key
    return KEY_COLUMN if KEY_COLUMN in names else None


def _check_keys(path: str, keys: Sequence[object]) -> None:
    seen: dict[object, int] = {}
    for row, value in enumerate(keys):
        if value is None or value == "":
            raise PopulationError(f"'{path}': huishouden {row + 1} heeft geen sleutel")
        if value in seen:
            raise PopulationError(f"'{path}': de sleutel {_shown(value)} komt meer dan eens voor "
                                  f"(huishouden {seen[value] + 1} en {row + 1}); een sleutel "
                                  f"wijst één huishouden aan")
        seen[value] = row


# ------------------------------------------------------------------ JSON Lines and CSV


def _read_jsonl(path: str, text: str, key: str | None) -> Source:
    key_name = key or KEY_COLUMN
    records: list[object] = []
    keys: list[object] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_float=runtime.FloatText,
                                parse_constant=runtime.FloatText)
        except (json.JSONDecodeError, RecursionError) as exc:
            message = exc.msg if isinstance(exc, json.JSONDecodeError) else "te diep genest"
            raise PopulationError(f"'{path}' regel {number} is geen geldige JSON ({message}); "
                                  f"is het bestand afgebroken?") from None
        if isinstance(record, dict) and key_name in record:
            record = dict(record)
            keys.append(record.pop(key_name))
        else:
            keys.append(None)
        records.append(record)
        lines.append(number)
    if any(k is not None for k in keys) or key is not None:
        for value, number in zip(keys, lines, strict=True):
            if value is None:
                raise PopulationError(f"'{path}' regel {number} heeft geen sleutel '{key_name}'")
            if isinstance(value, bool) or not isinstance(value, (int, str)) \
                    or isinstance(value, runtime.FloatText):
                raise PopulationError(f"'{path}' regel {number}: de sleutel moet een geheel getal "
                                      f"of tekst zijn, niet {_shown(value)}")
        if not all(isinstance(k, int) for k in keys):
            keys = [str(k) for k in keys]
        _check_keys(path, keys)
        array = pa.array(keys, type=pa.int64() if keys and isinstance(keys[0], int)
                         else pa.string())
        return Source(path, "jsonl", len(records), array, key_name, (), records=tuple(records))
    return Source(path, "jsonl", len(records), pa.array(range(len(records)), type=pa.int64()),
                  None, (), records=tuple(records))


def _read_csv(path: str, text: str, key: str | None) -> Source:
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise PopulationError(f"kan '{path}' niet lezen als CSV: {exc}") from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise PopulationError(f"'{path}' is leeg: er staan geen huishoudens in")
    header = tuple(cell.strip() for cell in rows[0])
    if any(not name for name in header):
        raise PopulationError(f"'{path}': de kop heeft een kolom zonder naam")
    if len(set(header)) != len(header):
        double = sorted({n for n in header if header.count(n) > 1})
        raise PopulationError(f"'{path}': kolom {', '.join(double)} komt meer dan eens voor")
    key_name = _key_name(path, header, key)
    key_index = header.index(key_name) if key_name is not None else None
    records: list[object] = []
    keys: list[object] = []
    problems: dict[int, tuple[str, str]] = {}
    for row, cells in enumerate(rows[1:]):
        if key_index is not None:
            keys.append(cells[key_index].strip() if key_index < len(cells) else None)
        if len(cells) != len(header):
            problems[row] = ("invoer", f"huishouden {row + 1} heeft {len(cells)} cellen, de kop "
                             f"{len(header)}")
            records.append({})
            continue
        records.append({name: cell for name, cell in zip(header, cells, strict=True)
                        if name != key_name})
    if key_name is None:
        array = pa.array(range(len(records)), type=pa.int64())
    else:
        _check_keys(path, keys)
        array = pa.array(keys, type=pa.string())
    return Source(path, "csv", len(records), array, key_name,
                  tuple(n for n in header if n != key_name), records=tuple(records),
                  problems=problems)


# ------------------------------------------------------------------ a file meets a regulation


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
        return "invoer", f"verwacht een object met de invoer per naam, gekregen {_shown(record)}"
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


def _shown(value: object) -> str:
    return runtime._show_raw(value)  # noqa: SLF001  the runtime's way to show raw input


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


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
