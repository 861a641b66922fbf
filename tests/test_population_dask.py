"""The Dask engine equals the local engine byte for byte, on a LocalCluster with 2 workers."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pytest.importorskip("numpy")
pytest.importorskip("dask.distributed")

from regelwerk.backends.population import distributed, synthetic  # noqa: E402
from regelwerk.backends.population.engine import PerHousehold  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PEILDATUM = {"zorgtoeslag": datetime.date(2025, 6, 1),
             "gebruikersbijdrage_gezinszorg": datetime.date(2026, 3, 1),
             "subsidie_gezinszorg": datetime.date(2008, 7, 1),
             "groeipakket": datetime.date(2024, 10, 1),
             "inkomenstarief_kinderopvang": datetime.date(2024, 6, 1),
             "zorgbudget_ouderen": datetime.date(2022, 6, 1),
             "zorgbudget_zwaar_zorgbehoevenden": datetime.date(2024, 6, 1)}
VERDELING = {"subsidie_gezinszorg": {"prestaties.prestatiemaand": {"van": "2007-12-01",
                                                                   "tot": "2008-12-31"},
                                     "bijscholingen.prestatiemaand": {"van": "2008-01-01",
                                                                      "tot": "2008-12-31"}}}


def test_every_regulation_is_covered() -> None:
    assert set(PEILDATUM) == {p.name for p in (ROOT / "regulations").iterdir() if p.is_dir()}


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as local:
        yield local


@pytest.mark.parametrize("per_household", [True, False], ids=["per_huishouden", "lokaal"])
@pytest.mark.parametrize("name", sorted(PEILDATUM))
def test_dask_equals_the_local_engine(cluster, name: str, per_household: bool) -> None:
    # the folder's main file (inkomenstarief_kinderopvang also holds its 2014 version)
    program = synthetic.regulation([str(ROOT / "regulations" / name / f"{name}.rw")])
    population = synthetic.draw(program, 120, seed=6, distribution=VERDELING.get(name)).table
    day = PEILDATUM[name]
    if per_household:
        local = PerHousehold().compute(program, population, day)
    else:  # whether the local engine is right is test_population_vector's and _realistic's job
        local = distributed.local_engine().compute(program, population, day)
    seen: list[int] = []
    with distributed.DaskEngine(cluster.scheduler_address, partitions=5,
                                per_household=per_household) as engine:
        run = engine.compute(program, population, day, progress=seen.append)
    assert run.table.schema == local.table.schema
    assert run.table.equals(local.table)
    assert run.outputs == local.outputs and run.provisional == local.provisional
    assert sum(seen) == population.num_rows


def test_keys_and_one_output(cluster) -> None:
    program = synthetic.regulation([str(ROOT / "regulations" / "zorgtoeslag")])
    population = synthetic.draw(program, 30, seed=2).table
    population = population.append_column("sleutel", pa.array([f"h{i}" for i in range(30)]))
    day = PEILDATUM["zorgtoeslag"]
    local = PerHousehold().compute(program, population, day, ["zorgtoeslag_per_jaar"])
    with distributed.DaskEngine(cluster.scheduler_address, partitions=4,
                                per_household=True) as engine:
        run = engine.compute(program, population, day, ["zorgtoeslag_per_jaar"])
        empty = engine.compute(program, population.slice(0, 0), day)
    assert run.table.equals(local.table)
    assert empty.table.num_rows == 0


def test_partitions_with_different_decimal_scales_are_unified() -> None:
    parts = [pa.table({"sleutel": pa.array([0], pa.int64()),
                       "x": pa.array([None], pa.decimal128(1, 0)),
                       "leden": pa.array([None], pa.list_(pa.decimal128(1, 0)))}),
             pa.table({"sleutel": pa.array([0], pa.int64()),
                       "x": pa.array([Decimal("12.5")], pa.decimal128(3, 1)),
                       "leden": pa.array([[Decimal("1.5"), Decimal("20")]],
                                         pa.list_(pa.decimal128(3, 1)))}),
             pa.table({"sleutel": pa.array([0], pa.int64()),
                       "x": pa.array([Decimal("1.000")], pa.decimal128(4, 3)),
                       "leden": pa.array([[Decimal("0.125")]], pa.list_(pa.decimal128(4, 3)))})]
    combined = distributed.combine(parts, pa.array([0, 1, 2], pa.int64()))
    assert combined is not None
    assert combined.schema.field("x").type == pa.decimal128(5, 3)
    # a per-member output: the members' values unified as a column of them would be
    assert combined.schema.field("leden").type == pa.list_(pa.decimal128(5, 3))
    assert combined.column("leden").to_pylist() == [
        None, [Decimal("1.500"), Decimal("20.000")], [Decimal("0.125")]]
    assert [str(v) for v in combined.column("x").to_pylist()[1:]] == ["12.500", "1.000"]


def test_a_local_cluster_of_its_own_is_shut_down() -> None:
    program = synthetic.regulation([str(ROOT / "regulations" / "gebruikersbijdrage_gezinszorg")])
    population = synthetic.draw(program, 20, seed=1).table
    engine = distributed.DaskEngine(partitions=2, processes=True, per_household=True)
    try:
        run = engine.compute(program, population, PEILDATUM["gebruikersbijdrage_gezinszorg"])
        assert run.table.num_rows == 20
        assert engine._cluster is not None
    finally:
        engine.close()
    assert engine._cluster is None and engine._client is None
