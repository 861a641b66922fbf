"""Writing a synthetic population: Parquet (with its label in the schema metadata), JSON Lines or
CSV (with the label in a sidecar `<file>.meta.json`), byte for byte the same for the same draw."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from regelwerk.backends.population.distribution import VerdelingFout
from regelwerk.core import nodes as c
from regelwerk.ir import types as t

if TYPE_CHECKING:
    from regelwerk.backends.population.synthetic import Population

SYNTHETIC = "regelwerk.synthetisch"
FORMATS = (".parquet", ".jsonl", ".csv")

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
