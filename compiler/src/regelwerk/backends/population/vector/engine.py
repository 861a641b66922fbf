"""`Vectorised`: the population engine (first version: every household per household)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

import pyarrow as pa

from regelwerk.backends.population import engine as contract
from regelwerk.core import nodes as c


class Vectorised:
    def compute(self, program: c.Program, population: pa.Table, peildatum: datetime.date,
                outputs: Sequence[str] | None = None,
                progress: Callable[[int], None] | None = None) -> contract.Run:
        return contract.PerHousehold().compute(program, population, peildatum, outputs, progress)
