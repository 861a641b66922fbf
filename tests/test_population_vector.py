"""The vectorised population engine gives exactly what the per-household engine gives."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pytest.importorskip("numpy")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from regelwerk import runtime  # noqa: E402
from regelwerk.backends.population import engine as contract  # noqa: E402
from regelwerk.backends.population.vector import Vectorised, fixed  # noqa: E402
from regelwerk.ir import types as t  # noqa: E402
from regelwerk.pipeline import load  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REGULATIONS = sorted(p.name for p in (ROOT / "regulations").iterdir() if p.is_dir())
PROPERTY = settings(max_examples=12, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PEILDATA = {"zorgtoeslag": ["2024-03-01", "2025-06-30", "2026-01-01"],
            "subsidie_gezinszorg": ["2008-05-01", "2010-12-31", "2011-06-01"],
            "groeipakket": ["2024-01-15", "2024-10-01"],
            "gebruikersbijdrage_gezinszorg": ["2026-02-01"]}

_PROGRAMS: dict[str, Any] = {}


def program(name: str) -> Any:
    if name not in _PROGRAMS:
        result = load([str(ROOT / "regulations" / name / f"{name}.rw")])
        _PROGRAMS[name] = result.checked[-1].core() if isinstance(result.checked, list) \
            else next(iter(result.checked.values())).core()
    return _PROGRAMS[name]


def number(type_: t.NumberType) -> st.SearchStrategy[Any]:
    if type_.percent:
        return st.decimals(min_value=0, max_value=200, places=2).map(lambda d: f"{d}%")
    if type_.whole:
        return st.integers(min_value=-2, max_value=60).map(Decimal)
    return st.one_of(
        st.decimals(min_value=Decimal("-1000"), max_value=Decimal("200000"), places=2),
        st.sampled_from([Decimal(0), Decimal("0.01"), Decimal("99999999999.99"),
                         Decimal("40856.00"), Decimal("39719.06")]))


def value(type_: t.Type) -> st.SearchStrategy[Any]:
    if isinstance(type_, t.NumberType):
        return number(type_)
    if isinstance(type_, t.BooleanType):
        return st.booleans()
    if isinstance(type_, t.DateType):
        return st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31))
    if isinstance(type_, t.ChoiceType):
        return st.sampled_from(type_.values)
    if isinstance(type_, t.RecordType):
        return st.fixed_dictionaries({name: value(f) for name, f in type_.fields})
    if isinstance(type_, t.ListType):
        return st.lists(value(type_.element), max_size=4)
    raise NotImplementedError(type_)


def arrow_type(type_: t.Type) -> Any:
    if isinstance(type_, t.NumberType):
        return pa.string() if type_.percent else pa.decimal128(20, 2)
    if isinstance(type_, t.BooleanType):
        return pa.bool_()
    if isinstance(type_, t.DateType):
        return pa.date32()
    if isinstance(type_, t.ChoiceType):
        return pa.string()
    if isinstance(type_, t.RecordType):
        return pa.struct([(name, arrow_type(f)) for name, f in type_.fields])
    assert isinstance(type_, t.ListType)
    return pa.list_(arrow_type(type_.element))


def population(name: str) -> st.SearchStrategy[Any]:
    inputs = program(name).inputs()
    household = st.fixed_dictionaries({i.name: value(i.type) for i in inputs})
    # now and then a missing value or one the reader refuses
    odd = st.sampled_from([None, "x", "12.5", "-3"])

    def spoil(rows: list[dict[str, Any]], spots: list[tuple[int, int, Any]]) -> list[Any]:
        for row, column, bad in spots:
            if rows:
                key = inputs[column % len(inputs)].name
                rows[row % len(rows)][key] = None if not isinstance(
                    inputs[column % len(inputs)].type, (t.NumberType,)) else bad
        return rows

    def table(rows: list[dict[str, Any]], text_columns: bool) -> Any:
        columns = {}
        for i in inputs:
            kind = arrow_type(i.type)
            column = [r[i.name] for r in rows]
            if text_columns and isinstance(i.type, t.NumberType) or any(
                    isinstance(v, str) for v in column if isinstance(i.type, t.NumberType)):
                kind = pa.string()
                column = [v if v is None or isinstance(v, str) else format(v, "f") for v in column]
            columns[i.name] = pa.array(column, type=kind)
        return pa.table(columns)

    return st.builds(spoil, st.lists(household, min_size=1, max_size=60),
                     st.lists(st.tuples(st.integers(0, 100), st.integers(0, 20), odd),
                              max_size=3)).flatmap(
        lambda rows: st.builds(table, st.just(rows), st.booleans()))


def comparable(run: contract.Run) -> list[tuple[Any, ...]]:
    table = run.table
    names = [*run.outputs, contract.ERROR_KIND, contract.ERROR_FIELD]
    return [tuple(row[n] for n in names) for row in table.to_pylist()]


@pytest.mark.parametrize("name", REGULATIONS)
def test_vectorised_equals_per_household(name: str) -> None:
    prog = program(name)

    @PROPERTY
    @given(population(name), st.sampled_from(PEILDATA.get(name, ["2025-01-01"])))
    def check(table: Any, day: str) -> None:
        peildatum = datetime.date.fromisoformat(day)
        expected = contract.PerHousehold().compute(prog, table, peildatum)
        found = Vectorised().compute(prog, table, peildatum)
        assert comparable(found) == comparable(expected)
        assert found.table.schema == expected.table.schema
        assert found.provisional == expected.provisional
        assert found.table.column(contract.KEY).to_pylist() == \
            expected.table.column(contract.KEY).to_pylist()

    check()


@pytest.mark.parametrize("mode", fixed.MODES)
@given(st.integers(-10 ** 12, 10 ** 12), st.integers(0, 6), st.integers(-2, 4))
@settings(max_examples=200, deadline=None)
def test_rounding_matches_afronden(mode: str, raw: int, scale: int, places: int) -> None:
    import numpy as np

    step = Decimal(1).scaleb(-places)
    expected = runtime.afronden(Decimal(raw).scaleb(-scale), step, mode)
    found = fixed.round_to(np.array([raw], dtype=np.int64), scale, -places, mode)
    assert Decimal(int(found[0])).scaleb(-max(0, places)) == expected


def test_overflow_is_detected() -> None:
    import numpy as np

    big = np.array([2 ** 61], dtype=np.int64)
    with pytest.raises(fixed.Overflow):
        fixed.mul(big, big)
    with pytest.raises(fixed.Overflow):
        fixed.add(big * 2, big * 2)
    with pytest.raises(fixed.Overflow):
        fixed.rescale(big, 0, 5)
