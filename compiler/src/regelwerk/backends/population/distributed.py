"""The Dask engine: a population in partitions of households, each computed by the local engine on a
dask.distributed cluster, the results put back together in the original order.

The result is the local engine's, byte for byte: the same rows, keys, values and Arrow types. Each
partition is a contiguous range of rows; a worker computes it with the local engine (`Vectorised`,
or `PerHousehold` where that is not installed) and the program it receives pickled (the core IR
pickles; the generated per-household module is built once per worker and program). A number column
gets the type `engine.column` would give the whole column: the largest scale and the most integer
digits of the partitions (a partition's decimal type holds its values exactly, so widening it is exact).

Without a scheduler address the engine starts a LocalCluster with 2 worker processes on this machine,
once, and keeps it for the next `compute`; `close()` (or `with DaskEngine() as engine:`) shuts it
down. With `scheduler="tcp://host:8786"` it connects to a running cluster whose workers have
regelwerk with the populatie extra installed.
"""

from __future__ import annotations

import datetime
import functools
import logging
import pickle
import threading
import types
from collections.abc import Callable, Sequence
from typing import Any

import pyarrow as pa

from regelwerk.backends.population import engine as contract
from regelwerk.core import nodes as c

LOCAL_WORKERS = 2
PARTITIONS_PER_WORKER = 4
MIN_ROWS_PER_PARTITION = 1_000


def local_engine(module: types.ModuleType | None = None, per_household: bool = False
                 ) -> contract.Engine:
    """The engine a partition is computed with: the vectorised one when it is there."""
    if per_household:
        return contract.PerHousehold(module)
    try:
        from regelwerk.backends.population.vector import Vectorised
    except ImportError:
        return contract.PerHousehold(module)
    return Vectorised()  # type: ignore[no-any-return, unused-ignore]


# CPython 3.11's compile() is not safe in two threads at once (the engines compile generated code):
# one partition at a time per worker process (a LocalCluster has one thread per worker anyway).
_COMPUTING = threading.Lock()


@functools.lru_cache(maxsize=4)
def _program(pickled: bytes, per_household: bool) -> tuple[c.Program, contract.Engine]:
    """The program and its local engine, once per worker and program."""
    program: c.Program = pickle.loads(pickled)  # noqa: S301 (our own pickle, from the client)
    return program, local_engine(contract.compiled_module(program), per_household)


def compute_partition(pickled: bytes, part: pa.Table, peildatum: datetime.date,
                      outputs: tuple[str, ...], per_household: bool = False) -> contract.Run:
    """One partition with the local engine (runs on a worker)."""
    with _COMPUTING:
        program, local = _program(pickled, per_household)
        return local.compute(program, part, peildatum, list(outputs))


class DaskEngine:
    """The population in partitions of households on a dask.distributed cluster."""

    def __init__(self, scheduler: str | None = None, partitions: int | None = None, *,
                 processes: bool = True, per_household: bool = False) -> None:
        """`processes`: the LocalCluster's workers are processes (else threads, in this process);
        `per_household`: compute each partition with `PerHousehold`, not the vectorised engine."""
        if partitions is not None and partitions < 1:
            raise ValueError("partitions: verwacht 1 of meer")
        self.scheduler = scheduler
        self.partitions = partitions
        self.processes = processes
        self.per_household = per_household
        self._client: Any = None
        self._cluster: Any = None

    # ---------------------------------------------------------- the cluster
    def client(self) -> Any:
        """The dask.distributed Client: connected to the scheduler, or to a LocalCluster."""
        if self._client is None:
            from dask.distributed import Client, LocalCluster

            if self.scheduler is not None:
                self._client = Client(  # type: ignore[no-untyped-call, unused-ignore]
                    self.scheduler, set_as_default=False)
            else:
                self._cluster = LocalCluster(  # type: ignore[no-untyped-call, unused-ignore]
                    n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=self.processes,
                    dashboard_address=None, silence_logs=logging.ERROR)
                self._client = Client(  # type: ignore[no-untyped-call, unused-ignore]
                    self._cluster, set_as_default=False)
        return self._client

    def close(self) -> None:
        """Disconnect, and shut down the LocalCluster this engine started."""
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------- the contract
    def compute(self, program: c.Program, population: pa.Table, peildatum: datetime.date,
                outputs: Sequence[str] | None = None,
                progress: Callable[[int], None] | None = None) -> contract.Run:
        names = contract.output_names(program, outputs)
        rows = population.num_rows
        if rows == 0:
            return self._local().compute(program, population, peildatum, names, progress)
        client = self.client()
        bounds = self._bounds(rows, client)
        pickled = pickle.dumps(program, protocol=pickle.HIGHEST_PROTOCOL)
        parts = [population.slice(start, stop - start) for start, stop in bounds]
        from dask.distributed import as_completed

        futures = [client.submit(compute_partition, pickled, part, peildatum, names,
                                 self.per_household, pure=False) for part in parts]
        size = {future.key: stop - start for future, (start, stop) in zip(futures, bounds,
                                                                           strict=True)}
        done = as_completed(futures, loop=client.loop)  # type: ignore[no-untyped-call, unused-ignore]
        for future in done:
            if future.status == "error":
                future.result()  # raises the worker's exception here
            if progress is not None:
                progress(size[future.key])
        runs: list[contract.Run] = client.gather(futures)
        table = combine([run.table for run in runs], contract.keys(population))
        if table is None:  # partitions disagree on a column's type in a way no cast repairs
            return self._local().compute(program, population, peildatum, names)
        provisional = sorted({p for run in runs for p in run.provisional})
        return contract.Run(table, names, tuple(provisional))

    def _local(self) -> contract.Engine:
        return local_engine(per_household=self.per_household)

    def _bounds(self, rows: int, client: Any) -> list[tuple[int, int]]:
        count = self.partitions
        if count is None:
            try:
                workers = max(1, len(client.scheduler_info().get("workers", {})))
            except Exception:  # noqa: BLE001 (an unreachable scheduler fails in submit, clearly)
                workers = LOCAL_WORKERS
            count = max(1, min(workers * PARTITIONS_PER_WORKER, rows // MIN_ROWS_PER_PARTITION))
        count = max(1, min(count, rows))
        step, extra = divmod(rows, count)
        bounds, start = [], 0
        for index in range(count):
            stop = start + step + (1 if index < extra else 0)
            bounds.append((start, stop))
            start = stop
        return bounds


def combine(tables: Sequence[pa.Table], keys: pa.Array) -> pa.Table | None:
    """The partitions' result tables as one, in order, each column of the type the whole column
    would have had; the key column of the whole population. None when a type cannot be unified."""
    first = tables[0]
    arrays: dict[str, pa.Array] = {}
    for name in first.column_names:
        if name == contract.KEY:
            arrays[name] = keys
            continue
        chunks = [chunk for table in tables for chunk in table.column(name).chunks]
        if not chunks:
            arrays[name] = pa.array([], type=first.schema.field(name).type)
            continue
        kind = common_type([table.schema.field(name).type for table in tables],
                           [table.column(name) for table in tables])
        if kind is None:
            return None
        arrays[name] = pa.concat_arrays([_cast(chunk, kind) for chunk in chunks])
    return pa.table(arrays)


def common_type(kinds: Sequence[pa.DataType], columns: Sequence[pa.ChunkedArray]
                ) -> pa.DataType | None:
    """The type `engine.column` gives the values of all partitions together."""
    if all(kind == kinds[0] for kind in kinds):
        return kinds[0]
    if all(pa.types.is_decimal(kind) for kind in kinds):
        scale = max(kind.scale for kind in kinds)
        digits = max(kind.precision - kind.scale for kind in kinds)
        precision = max(digits + scale, 1)
        if precision <= 38:
            return pa.decimal128(precision, scale)
        if precision <= 76:
            return pa.decimal256(precision, scale)
        return None  # engine.column writes these as text, with each value's own exponent
    if all(pa.types.is_list(kind) for kind in kinds):
        # a per-member output: the common type of the members' values (a partition without any
        # member has the narrowest decimal type, which widens exactly)
        inner = common_type([kind.value_type for kind in kinds], [
            pa.chunked_array([c.flatten() for c in column.chunks], type=column.type.value_type)
            for column in columns])
        return pa.list_(inner) if inner is not None else None
    return None


def _cast(chunk: pa.Array, kind: pa.DataType) -> pa.Array:
    if chunk.type == kind:
        return chunk
    if chunk.null_count == len(chunk):
        return pa.nulls(len(chunk), type=kind)
    return chunk.cast(kind)  # widening a decimal: exact
