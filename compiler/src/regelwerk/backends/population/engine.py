"""The contract of a population run, and the engine every other engine falls back on.

A population is a `pyarrow.Table`: a household per row, one column per input of the regulation (a
list of members as a list<struct> column), and optionally the household key column `KEY`. An engine
computes a result table with the same rows in the same order:

- `KEY`: the household key (from the population; else the row number, from 0);
- one column per output, exact: numbers as decimal128 (decimal256 when 38 digits cannot hold them),
  ja/nee as bool, dates as date32, choice values as string, a per-member output as a list of those;
  null where the household has an error;
- `ERROR_KIND` ("InvoerFout", "RekenFout" or "OnbekendeWaarde"), `ERROR_FIELD` (the input field of an
  InvoerFout) and `ERROR_MESSAGE` (the Dutch message): null for a household that was computed;
- `PATH`: how the household was computed: `COLUMNS` (the vectorised backend) or `PER_HOUSEHOLD`, with
  the reason after a colon when the vectorised backend handed it over ("per huishouden: deling ...").

No household is ever dropped: an input that cannot be read, or a calculation the rules do not define,
is an error row. Every engine must give a result table equal to `PerHousehold`'s on the outputs and
the error kind and field (the tests check this on random populations).
"""

from __future__ import annotations

import datetime
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol

import attrs
import pyarrow as pa

from regelwerk import runtime
from regelwerk.backends.python.loading import compiled_module as compiled_module  # re-exported
from regelwerk.core import nodes as c
from regelwerk.ir import types as t

KEY = "sleutel"
ERROR_KIND = "fout_soort"
ERROR_FIELD = "fout_veld"
ERROR_MESSAGE = "fout_melding"
PATH = "rekenpad"
COLUMNS = "kolommen"
PER_HOUSEHOLD = "per huishouden"
RESULT_COLUMNS = (ERROR_KIND, ERROR_FIELD, ERROR_MESSAGE, PATH)


@attrs.frozen
class Run:
    """The outcome of one population run."""

    table: pa.Table  # KEY, the outputs, the error columns, PATH
    outputs: tuple[str, ...]
    provisional: tuple[str, ...]  # provisional values some household's outcome depended on


class Engine(Protocol):
    def compute(self, program: c.Program, population: pa.Table, peildatum: datetime.date,
                outputs: Sequence[str] | None = None,
                progress: Callable[[int], None] | None = None) -> Run:
        """Every output (or those named) for every household; `progress(n)` after n more rows."""
        ...


def output_names(program: c.Program, outputs: Sequence[str] | None) -> tuple[str, ...]:
    known = tuple(o.name for o in program.main.outputs)
    if outputs is None:
        return known
    unknown = [o for o in outputs if o not in known]
    if unknown:
        raise runtime.InvoerFout("uitvoer", f"geen uitvoer van de regeling: {', '.join(unknown)}; "
                                 f"bekend zijn: {', '.join(known)}")
    return tuple(outputs)


def keys(population: pa.Table) -> pa.Array:
    if KEY in population.column_names:
        return population.column(KEY).combine_chunks()
    return pa.array(range(population.num_rows), type=pa.int64())


def households(population: pa.Table) -> Iterator[dict[str, Any]]:
    """The rows as the input mapping `bereken` takes (without the key column)."""
    columns = [name for name in population.column_names if name != KEY]
    for batch in population.select(columns).to_batches(max_chunksize=10_000):
        yield from batch.to_pylist()


class PerHousehold:
    """Each household through the generated module, one at a time: the reference path."""

    def __init__(self, module: types.ModuleType | None = None) -> None:
        self.module = module

    def compute(self, program: c.Program, population: pa.Table, peildatum: datetime.date,
                outputs: Sequence[str] | None = None,
                progress: Callable[[int], None] | None = None) -> Run:
        names = output_names(program, outputs)
        module = self.module or compiled_module(program)
        columns: dict[str, list[Any]] = {name: [] for name in names}
        errors: dict[str, list[str | None]] = {k: [] for k in RESULT_COLUMNS}
        provisional: set[str] = set()
        done = 0
        for household in households(population):
            values, error, used = compute_one(module, household, peildatum, names)
            provisional.update(used)
            for name in names:
                columns[name].append(values.get(name) if values is not None else None)
            kind, field, message = error or (None, None, None)
            errors[ERROR_KIND].append(kind)
            errors[ERROR_FIELD].append(field)
            errors[ERROR_MESSAGE].append(message)
            errors[PATH].append(PER_HOUSEHOLD)
            done += 1
            if progress is not None and done % 1000 == 0:
                progress(1000)
        if progress is not None and done % 1000:
            progress(done % 1000)
        types_ = c.output_types(program)
        arrays: dict[str, pa.Array] = {KEY: keys(population)}
        for name in names:
            arrays[name] = column(columns[name], types_[name])
        for name in RESULT_COLUMNS:
            arrays[name] = pa.array(errors[name], type=pa.string())
        return Run(pa.table(arrays), names, tuple(sorted(provisional)))


def compute_one(module: types.ModuleType, household: Mapping[str, Any], peildatum: datetime.date,
                names: Sequence[str]
                ) -> tuple[dict[str, Any] | None, tuple[str, str | None, str] | None, tuple[str, ...]]:
    """(outputs, None, provisional) or (None, (kind, field, message), ())."""
    try:
        result = module.bereken_deel(household, peildatum, list(names))
    except module.InvoerFout as exc:
        return None, ("InvoerFout", exc.veld, exc.melding), ()
    except module.OnbekendeWaarde as exc:
        return None, ("OnbekendeWaarde", None, exc.melding), ()
    except module.RekenFout as exc:
        return None, ("RekenFout", None, exc.melding), ()
    return dict(result.uitvoer), None, tuple(result.voorlopig)


def column(values: list[Any], type_: t.Type) -> pa.Array:
    """Exact values of one output as an Arrow column (see the module docstring)."""
    if isinstance(type_, t.NumberType):
        return decimal_column(values)
    if isinstance(type_, t.BooleanType):
        return pa.array(values, type=pa.bool_())
    if isinstance(type_, t.DateType):
        return pa.array(values, type=pa.date32())
    if isinstance(type_, t.ChoiceType):
        return pa.array(values, type=pa.string())
    if isinstance(type_, t.PerMemberType):
        return member_column(values, type_.element)
    # a type the outputs do not have yet: exact as text
    return pa.array([None if v is None else _text(v) for v in values], type=pa.string())


def member_column(values: Sequence[Sequence[Any] | None], element: t.Type) -> pa.Array:
    """A per-member output: per household the list of its members' values, in their order, each
    exact as `column` types it (list<decimal128> for amounts: one type for every member of every
    household); null for a household with an error."""
    offsets = [0]
    for value in values:
        offsets.append(offsets[-1] + (len(value) if value is not None else 0))
    flat = column([item for value in values if value is not None for item in value], element)
    missing = pa.array([value is None for value in values], type=pa.bool_())
    return pa.ListArray.from_arrays(pa.array(offsets, type=pa.int32()), flat,
                                    mask=missing if any(v is None for v in values) else None)


def decimal_type(values: Iterable[Decimal | None]) -> pa.DataType:
    """The exact Arrow type of decimals: the scale of the most precise value and room for the
    largest; decimal128 up to 38 digits, decimal256 up to 76; beyond that (a 34-digit quotient of a
    50-digit amount) text."""
    scale = 0
    integer_digits = 1
    for value in values:
        if value is None:
            continue
        _sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int), value  # the runtime never yields NaN or Infinity
        scale = max(scale, -exponent)
        integer_digits = max(integer_digits, len(digits) + exponent)
    precision = integer_digits + scale
    if precision <= 38:
        return pa.decimal128(max(precision, 1), scale)
    if precision <= 76:
        return pa.decimal256(precision, scale)
    return pa.string()


def decimal_column(values: list[Decimal | None]) -> pa.Array:
    """Decimals as an exact column of the type `decimal_type` gives them."""
    kind = decimal_type(values)
    if pa.types.is_string(kind):
        return pa.array([None if v is None else str(v) for v in values], type=kind)
    return pa.array(values, type=kind)


def _text(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)
