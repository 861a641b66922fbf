"""Reading a population file for `regelwerk simuleer`: Parquet, JSON Lines or CSV, exactly.

`read` opens the file and finds the households and their keys; a file that cannot be read at all (not
Parquet, not text, empty, a line that is no JSON, a bad key column) is a `PopulationError` with a
Dutch message (the command exits with 2). Meeting the households with a regulation is io.py's job.

- Parquet: a household per row; a list of members as a list<struct> column. Numbers as decimal,
  integer or string columns are exact; the engine's reading of each household (the runtime's) decides
  what they mean. A float column is refused by io.py, naming it, unless it is asked to round floats.
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
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs
import pyarrow as pa
import pyarrow.parquet as pq

from regelwerk import runtime
from regelwerk.backends.population.engine import (
    KEY,
)

KEY_COLUMN = KEY  # the key's column in a file, unless --sleutel names another
FORMATS = {".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".csv": "csv"}


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
            raise PopulationError(f"'{path}': de sleutel {shown(value)} komt meer dan eens voor "
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
                                      f"of tekst zijn, niet {shown(value)}")
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


def shown(value: object) -> str:
    return runtime._show_raw(value)  # noqa: SLF001  the runtime's way to show raw input


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


