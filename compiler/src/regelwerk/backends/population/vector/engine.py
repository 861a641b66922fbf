"""`Vectorised`: the population engine that computes the core IR column-wise.

Each household is computed by the column program (`compile.ColumnCompiler`) unless something about
it is irregular: input the runtime's reader refuses, an `eis` it does not meet, a division by zero,
no table row, two exceptions at once... Those households go through `PerHousehold` (the reference
path), with the reason in `PATH`, so every household's outcome is exactly the reference one.
(Quotients that do not terminate stay in the columns: `quotient` computes their 34 digits.)

A population larger than 2 × CHUNK households is computed in parts of CHUNK (each household on its
own, so the parts are independent; their arrays stay in the processor's caches), and the parts'
output columns are joined into the type the per-household path gives the whole (`_concat`).
"""

from __future__ import annotations

import concurrent.futures
import datetime
import decimal
import threading
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa

from regelwerk import runtime
from regelwerk.backends.population import engine as contract
from regelwerk.backends.population.vector import fixed, quotient, wide_output
from regelwerk.backends.population.vector.columns import (
    Col,
    Domain,
    Notes,
    Unsupported,
    align,
    merge,
    reduce_notes,
    to_dec,
    to_wide,
)
from regelwerk.backends.population.vector.compile import ColumnCompiler, Ctx
from regelwerk.backends.population.vector.inputs import read
from regelwerk.backends.population.vector.memory import keep_freed_arrays
from regelwerk.core import nodes as c
from regelwerk.ir import types as t

Array = Any
WIDE = decimal.Context(prec=200)
CHUNK = 1 << 17  # households per pass: 1 MiB arrays stay in the 2 MiB L2 cache, and the Python
# work per part is spread over enough rows (2^16 and 2^18 measured 5-10 % slower on zorgtoeslag)


class Vectorised:
    """The column program, with the per-household path for the households it hands over.

    `threads` > 1 computes the parts of a large population on that many threads at once (numpy
    and Arrow release the GIL for their array work); the result is the same, part by part."""

    def __init__(self, threads: int = 1) -> None:
        self.modules: dict[int, Any] = {}
        self.threads = max(1, threads)
        self.lock = threading.Lock()
        keep_freed_arrays()

    def compute(self, program: c.Program, population: pa.Table, peildatum: datetime.date,
                outputs: Sequence[str] | None = None,
                progress: Callable[[int], None] | None = None) -> contract.Run:
        names = contract.output_names(program, outputs)
        size = population.num_rows
        if size <= 2 * CHUNK:
            return self.compute_part(program, population, peildatum, names, progress)
        starts = range(0, size, CHUNK)
        if self.threads > 1:
            report = progress
            if progress is not None:
                def report(count: int) -> None:
                    with self.lock:
                        progress(count)
            with concurrent.futures.ThreadPoolExecutor(self.threads) as pool:
                runs = list(pool.map(lambda start: self.compute_part(
                    program, population.slice(start, CHUNK), peildatum, names, report), starts))
        else:
            runs = [self.compute_part(program, population.slice(start, CHUNK), peildatum, names,
                                      progress) for start in starts]
        types_ = c.output_types(program)
        return _concat(runs, _keys(population), names, types_)

    def compute_part(self, program: c.Program, population: pa.Table, peildatum: datetime.date,
                     names: tuple[str, ...], progress: Callable[[int], None] | None
                     ) -> contract.Run:
        """`compute` for one part of the population (each household is computed on its own)."""
        size = population.num_rows
        try:
            day = runtime.lees_peildatum(peildatum, program.main.valid_from,
                                         program.main.valid_until)
            values, notes = self.columns(program, population, day, names)
        except (Unsupported, runtime.InvoerFout) as exc:
            reason = str(exc)
            return self.per_household(program, population, peildatum, names, progress,
                                      np.ones(size, dtype=bool), {f"!{reason}": None}, {}, {})
        bad = np.zeros(size, dtype=bool)
        for key, mask in notes.items():
            if key.startswith("!"):
                bad |= True if mask is None else np.broadcast_to(mask, (size,))
        if progress is not None and (~bad).sum():
            progress(int((~bad).sum()))
        return self.per_household(program, population, peildatum, names, progress, bad, notes,
                                  values, {})

    # ------------------------------------------------------------ the column program
    def columns(self, program: c.Program, population: pa.Table, day: datetime.date,
                names: tuple[str, ...]) -> tuple[dict[str, Col], Notes]:
        households = Domain(population.num_rows)
        inputs: dict[str, Col] = {}
        notes: Notes = {}
        declared = program.inputs()
        extra = set(population.column_names) - {i.name for i in declared} - {contract.KEY}
        if extra:
            raise Unsupported(f"kolommen die geen invoer zijn: {', '.join(sorted(extra))}")
        for definition in declared:
            if definition.name not in population.column_names:
                raise Unsupported(f"invoer {definition.name} ontbreekt")
            column = _one_chunk(population.column(definition.name))
            found = read(definition.name, definition.type, column, households)
            notes = merge(notes, found.notes)  # reading comes first, for every household
            found.notes = {}
            inputs[definition.name] = found
        compiler = ColumnCompiler(program, day, inputs, households)
        top = compiler.top()
        for definition in declared:
            for requirement in definition.requirements:
                met = compiler.expand(compiler.value(requirement.condition, top), households)
                notes = merge(notes, met.notes)
                failed = ~np.broadcast_to(met.data, (households.size,))
                if failed.any():
                    notes = merge(notes, {f"!eis: {requirement.description}": failed.copy()})
        values: dict[str, Col] = {}
        for name in names:
            value = self.output(program, compiler, name)
            if value.dom is not None and value.dom.parent is not None:  # per member
                notes = merge(notes, reduce_notes(value.notes, value.dom, households))
            else:
                value = compiler.expand(value, households)
                notes = merge(notes, value.notes)
            values[name] = value
        return values, notes

    def output(self, program: c.Program, compiler: ColumnCompiler, name: str) -> Col:
        main = program.main
        definition = None
        for module in (main, *(program.modules[n] for n in main.uses if n in program.modules),
                       *program.modules.values()):
            definition = module.definition(name)
            if definition is not None:
                break
        if isinstance(definition, c.Input):
            return compiler.inputs[name]
        if isinstance(definition, c.Parameter):
            return compiler.parameter(definition.module, definition.name, compiler.peildatum)
        if isinstance(definition, c.Rule) and definition.per is None and not definition.arguments:
            return compiler.rule(definition, compiler.top(), ())
        if isinstance(definition, c.Rule) and definition.per is not None:
            return per_member_output(compiler, definition)
        raise Unsupported(f"uitvoer {name} (met argumenten)")

    # ------------------------------------------------------------ merging with the reference
    def per_household(self, program: c.Program, population: pa.Table,
                      peildatum: datetime.date, names: tuple[str, ...],
                      progress: Callable[[int], None] | None, bad: Array, notes: Notes,
                      values: dict[str, Col], _: dict[str, Any]) -> contract.Run:
        size = population.num_rows
        index = np.nonzero(bad)[0]
        codes = np.zeros(size, dtype=np.int32)  # into labels; 0: COLUMNS
        labels = [contract.COLUMNS]
        for key, mask in notes.items():
            if not key.startswith("!") or not len(index):
                continue
            rows = bad if mask is None else (np.broadcast_to(mask, (size,)) & bad)
            unset = rows & (codes == 0)
            if unset.any():
                codes[unset] = len(labels)
                labels.append(f"{contract.PER_HOUSEHOLD}: {key[1:]}")
        good = ~bad
        provisional = {key for key, mask in notes.items() if not key.startswith("!")
                       and (good.any() if mask is None else
                            bool((np.broadcast_to(mask, (size,)) & good).any()))}
        fallback: pa.Table | None = None
        if len(index):
            module = self.module(program)
            run = contract.PerHousehold(module).compute(
                program, population.take(pa.array(index)), peildatum, names, progress)
            fallback = run.table
            provisional.update(run.provisional)
        types_ = c.output_types(program)
        arrays: dict[str, pa.Array] = {contract.KEY: _keys(population)}
        for name in names:
            arrays[name] = self.result(values.get(name), types_[name], size, index,
                                       None if fallback is None
                                       else _one_chunk(fallback.column(name)))
        for name in contract.RESULT_COLUMNS:
            if name == contract.PATH:
                arrays[name] = pa.array(labels, type=pa.string()).take(pa.array(codes)) \
                    if len(labels) > 1 else pa.repeat(pa.scalar(labels[0], pa.string()), size)
                continue
            other = _one_chunk(fallback.column(name)) if fallback is not None else None
            arrays[name] = _merge(pa.nulls(size, pa.string()), other, index)
        return contract.Run(pa.table(arrays), names, tuple(sorted(provisional)))

    def module(self, program: c.Program) -> Any:
        key = id(program)
        with self.lock:
            if key not in self.modules:
                self.modules = {key: contract.compiled_module(program)}
            return self.modules[key]

    def result(self, value: Col | None, type_: t.Type, size: int, index: Array,
               fallback: pa.Array | None) -> pa.Array:
        """An output column: the column program's values, the reference's on handed-over rows."""
        if value is not None and isinstance(type_, t.PerMemberType):
            return self.member_result(value, type_, index, fallback)
        values = fallback.to_pylist() if fallback is not None else []
        if value is None:
            return contract.column(values, type_)
        if value.kind in ("num", "wide"):
            if value.kind == "num":
                found = _decimal_array(value, size, index, values)
                if found is not None:
                    return found
            good = np.ones(size, dtype=bool)
            good[index] = False
            try:
                wide = to_wide(value, size)
                found = wide_output.arrow_decimals(wide.data, wide.scale, wide.exp, good, index,
                                                values)
            except quotient.OutOfRange:
                found = None
            if found is not None:
                return found
            value = to_dec(value)
        if value.kind in ("bool", "date", "choice"):
            column = _arrow_values(value, type_, size)
            other = fallback if fallback is not None else None
            if other is not None and other.type != column.type:
                other = other.cast(column.type)
            return _merge(column, other, index)
        if value.kind != "dec":
            raise Unsupported(f"uitvoer van de soort {value.kind}")
        python = list(np.broadcast_to(value.data, (size,)))
        for row, item in zip(index, values):
            python[row] = item
        return contract.column(python, type_)


    def member_result(self, value: Col, type_: t.PerMemberType, index: Array,
                      fallback: pa.Array | None) -> pa.Array:
        """A per-member output: the column of the members' values (on the member domain, of the
        type `contract.column` gives those values) cut into a list per household by the member
        offsets, and the reference's lists on handed-over households, both widened to their
        common type: the list column `contract.member_column` gives all the values."""
        assert value.dom is not None
        parent, offsets = value.dom.runs()
        handed_over = np.zeros(len(offsets) - 1, dtype=bool)
        handed_over[index] = True
        skipped = np.nonzero(handed_over[parent])[0]  # their members' values are not used
        members = self.result(value, type_.element, value.dom.size, skipped,
                              pa.nulls(len(skipped)) if len(skipped) else None)
        lists = pa.ListArray.from_arrays(pa.array(offsets, type=pa.int32()), members)
        if fallback is None or not len(index):
            return lists
        common = _common_type({lists.type, fallback.type})
        if common is None:  # text beyond 76 digits: each value with its own exponent
            python = lists.to_pylist()
            for row, item in zip(index, fallback.to_pylist()):
                python[row] = None if item is None else [
                    Decimal(v) if isinstance(v, str) else v for v in item]
            return contract.member_column(python, type_.element)
        return _merge(lists.cast(common), fallback.cast(common), index)


def per_member_output(compiler: ColumnCompiler, rule: c.Rule) -> Col:
    """A `regel per kind` as an output: the rule on the member domain of the one list of kind,
    each member bound as in a `som ... over` (the memo is shared with the aggregates)."""
    (members,) = compiler.program.member_lists(rule)  # the checker sees to exactly one
    collection = compiler.inputs[members.name]
    if collection.kind != "list" or collection.member is None or collection.fields is None:
        raise Unsupported(f"uitvoer {rule.name}: {members.name} is geen lijst van invoer")
    member = collection.member
    record = Col("record", None, member, fields=collection.fields)
    inner = Ctx(member, {rule.per or "": record}, compiler.peildatum)
    return compiler.expand(compiler.rule(rule, inner, (id(member),)), member)


def _concat(runs: list[contract.Run], keys: pa.Array, names: tuple[str, ...],
            types_: dict[str, t.Type]) -> contract.Run:
    """The runs of consecutive parts as one: each output column of the type `decimal_column`
    gives all its values (the widest scale and integer part: an exact cast of each part)."""
    columns: dict[str, Any] = {contract.KEY: keys}
    for name in (*names, *contract.RESULT_COLUMNS):
        parts = [_one_chunk(run.table.column(name)) for run in runs]
        kinds = {part.type for part in parts}
        if len(kinds) > 1:
            target = _common_type(kinds)
            if target is None:  # e.g. text beyond 76 digits: as the per-household path types it
                values = [v for part in parts for v in part.to_pylist()]
                if isinstance(types_[name], t.NumberType):
                    values = [None if v is None else Decimal(v) for v in values]
                columns[name] = contract.column(values, types_[name])
                continue
            parts = [part.cast(target) for part in parts]
        columns[name] = pa.chunked_array(parts, type=parts[0].type)
    provisional = sorted({p for run in runs for p in run.provisional})
    return contract.Run(pa.table(columns), names, tuple(provisional))


def _one_chunk(column: pa.ChunkedArray) -> pa.Array:
    """The column as one array: its chunk when it has one (combine_chunks would copy it)."""
    if column.num_chunks == 1:
        return column.chunk(0)
    return column.combine_chunks()


def _common_type(kinds: set[pa.DataType]) -> pa.DataType | None:
    if all(pa.types.is_list(k) for k in kinds):  # a per-member output
        inner = {k.value_type for k in kinds}
        common = inner.pop() if len(inner) == 1 else _common_type(inner)
        return pa.list_(common) if common is not None else None
    if not all(pa.types.is_decimal(k) for k in kinds):
        return None
    scale = max(k.scale for k in kinds)
    precision = max(k.precision - k.scale for k in kinds) + scale
    if precision <= 38:
        return pa.decimal128(precision, scale)
    if precision <= 76:
        return pa.decimal256(precision, scale)
    return None


def _keys(population: pa.Table) -> pa.Array:
    """`contract.keys`, without a Python range for the row numbers."""
    if contract.KEY in population.column_names:
        return contract.keys(population)
    return pa.array(np.arange(population.num_rows, dtype=np.int64), type=pa.int64())


def _merge(column: pa.Array, fallback: pa.Array | None, index: Array) -> pa.Array:
    """`column` with row index[k] replaced by fallback[k]."""
    if fallback is None or not len(index):
        return column
    size = len(column)
    positions = np.arange(size, dtype=np.int64)
    positions[index] = size + np.arange(len(index), dtype=np.int64)
    return pa.concat_arrays([column, fallback]).take(pa.array(positions))


def _arrow_values(value: Col, type_: t.Type, size: int) -> pa.Array:
    """A ja/nee, date or choice column as `contract.column` types it (rows handed over are
    replaced afterwards)."""
    data = np.broadcast_to(value.data, (size,))
    if value.kind == "bool":
        return pa.array(np.asarray(data, dtype=bool), type=pa.bool_())
    if value.kind == "date":
        days = np.ascontiguousarray(data, dtype=np.int32)
        return pa.Array.from_buffers(pa.date32(), size, [None, pa.py_buffer(days.tobytes())])
    assert isinstance(type_, t.ChoiceType)
    codes = np.ascontiguousarray(data, dtype=np.int32)
    return pa.array(list(type_.values), type=pa.string()).take(pa.array(codes))


def _decimal_array(value: Col, size: int, index: Array, fallback: list[Any]) -> pa.Array | None:
    """decimal128 built from the fixed values, of the type `contract.decimal_column` would give
    the same Decimals; None when it cannot (then the Decimals go through that function)."""
    data = np.broadcast_to(value.data, (size,))
    if not len(index) and size:
        return _decimal_array_all(value, data, size)
    exps = np.broadcast_to(np.asarray(value.exp, dtype=np.int64), (size,))
    good = np.ones(size, dtype=bool)
    good[index] = False
    extra = [fixed.from_decimal(d) for d in fallback if d is not None]
    if any(not isinstance(d, (Decimal, type(None))) for d in fallback):
        return None
    scale = 0
    if good.any():
        scale = max(scale, int(np.max(-exps[good])))
    for _, e in extra:
        scale = max(scale, -e)
    if scale > fixed.MAX_SCALE:
        return None
    if scale <= value.scale:
        ints = data // fixed.POW10[value.scale - scale]
    else:
        try:
            ints = fixed.rescale(data, value.scale, scale)
        except fixed.Overflow:
            return None
    ints = np.where(good, ints, 0)
    whole = np.abs(data) // fixed.POW10[value.scale]
    integer = np.where(data == 0, 1 + np.maximum(exps, 0), fixed.digits(whole))
    integer_digits = max(1, int(np.max(integer[good])) if good.any() else 1)
    valid = good.copy()
    with decimal.localcontext(WIDE):
        for row, d in zip(index, fallback):
            if d is None:
                continue
            coefficient, e = fixed.from_decimal(d)
            shifted = coefficient * 10 ** (scale + e)
            if abs(shifted) > fixed.LIMIT:
                return None
            ints[row] = shifted
            valid[row] = True
            integer_digits = max(integer_digits, len(str(abs(coefficient))) + e)
    precision = integer_digits + scale
    if precision > 38:
        return None
    return _decimal128(ints, precision, scale, valid)


def _decimal_array_all(value: Col, data: Array, size: int) -> pa.Array | None:
    """`_decimal_array` when every row is the column program's (no row handed over)."""
    uniform = isinstance(value.exp, int)
    low = value.exp if uniform else int(np.min(value.exp))
    scale = max(0, -low)
    if scale > fixed.MAX_SCALE:
        return None
    if scale <= value.scale:
        ints = data // fixed.POW10[value.scale - scale] if scale < value.scale else data
    else:
        try:
            ints = fixed.rescale(data, value.scale, scale)
        except fixed.Overflow:
            return None
    # integer digits: those of the largest whole part; a zero with exponent e has 1 + e
    integer_digits = int(fixed.digits(np.array([fixed.magnitude(data) //
                                                fixed.POW10[value.scale]]))[0])
    zero = data == 0
    if zero.any():
        top = value.exp if uniform else int(np.max(np.where(zero, value.exp, 0)))
        integer_digits = max(integer_digits, 1 + top)
    precision = integer_digits + scale
    if precision > 38:
        return None
    return _decimal128(ints, precision, scale, None)


def _decimal128(ints: Array, precision: int, scale: int, valid: Array | None) -> pa.Array:
    """int64 unscaled values as a decimal128 column (two's complement, the high word the sign);
    `valid` None: no nulls."""
    size = len(ints)
    words = np.empty((size, 2), dtype=np.int64)
    words[:, 0] = ints
    words[:, 1] = ints >> 63
    nulls = 0 if valid is None else int(size - valid.sum())
    validity = pa.array(valid, type=pa.bool_()).buffers()[1] if nulls else None
    return pa.Array.from_buffers(pa.decimal128(max(precision, 1), scale), size,
                                 [validity, pa.py_buffer(words)], null_count=nulls)


__all__ = ["Vectorised", "align"]
