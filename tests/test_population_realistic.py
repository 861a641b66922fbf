"""The vectorised engine against the per-household path on realistic synthetic populations of every
regulation: thousands of households drawn as `regelwerk populatie` draws them, at two peildata.

The property in test_population_vector.py draws small odd populations; this one catches what only
shows on many ordinary households (a scale slip in a column that every household reaches)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from regelwerk.backends.population.engine import PerHousehold
from regelwerk.backends.population.synthetic import draw, regulation
from regelwerk.backends.population.vector import Vectorised
from tests.conftest import ROOT

# every rule file: a folder may hold more than one version (inkomenstarief_kinderopvang_2014.rw)
REGULATIONS = sorted((ROOT / "regulations").glob("*/*.rw"))


@pytest.mark.parametrize("folder", REGULATIONS, ids=lambda p: p.stem)
def test_vectorised_equals_per_household_on_a_synthetic_population(folder: Path) -> None:
    program = regulation([str(folder)])
    start = program.main.valid_from or datetime.date(2026, 1, 1)
    population = draw(program, 1500, seed=3, peildatum=start).table
    days = [start, start + datetime.timedelta(days=400)]
    if program.main.valid_until is not None:
        days = [d for d in days if d < program.main.valid_until]
    for day in days:
        fast = Vectorised().compute(program, population, day)
        slow = PerHousehold().compute(program, population, day)
        columns = [n for n in slow.table.column_names if n != "rekenpad"]
        assert fast.table.select(columns).equals(slow.table.select(columns)), (folder.name, day)
        assert fast.provisional == slow.provisional
