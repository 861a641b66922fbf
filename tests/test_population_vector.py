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
            "groeipakket": ["2019-06-01", "2024-01-15", "2024-10-01"],
            "inkomenstarief_kinderopvang": ["2017-06-01", "2024-06-01"],
            "zorgbudget_ouderen": ["2022-06-01", "2024-01-01"],
            "zorgbudget_zwaar_zorgbehoevenden": ["2024-06-01", "2026-02-01"],
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


def _table(name: str, rows: list[dict[str, Any]]) -> Any:
    inputs = program(name).inputs()
    return pa.table({i.name: pa.array([r[i.name] for r in rows], type=arrow_type(i.type))
                     for i in inputs})


def _person(rol: str, inkomen: str | None = "20000.00") -> dict[str, Any]:
    return {"rol": rol, "verzekerde": True,
            "toetsingsinkomen": None if inkomen is None else Decimal(inkomen),
            "rendementsgrondslag": Decimal("0.00")}


def test_households_handed_over_say_why() -> None:
    """PATH: `kolommen` for a household the column program computed, `per huishouden: <reason>`
    for one it handed over (the first reason: reading, then the eisen, then the calculation);
    the outcome is the per-household one."""
    same = "zelfde_toeslagpartner_hele_berekeningsjaar"
    rows = [
        {"huishouden": [_person("aanvrager")], same: True},
        {"huishouden": [_person("toeslagpartner")], same: False},
        {"huishouden": [_person("aanvrager"), _person("toeslagpartner"),
                        _person("toeslagpartner")], same: True},
        {"huishouden": [_person("aanvrager")], same: None},
        {"huishouden": [_person("aanvrager", None)], same: False},
        {"huishouden": [_person("toeslagpartner", None)], same: False},
        {"huishouden": [_person("aanvrager", "1234.56"), _person("toeslagpartner")], same: True},
    ]
    prog = program("zorgtoeslag")
    table = _table("zorgtoeslag", rows)
    peildatum = datetime.date(2026, 6, 1)
    found = Vectorised().compute(prog, table, peildatum)
    expected = contract.PerHousehold().compute(prog, table, peildatum)
    assert comparable(found) == comparable(expected)
    assert found.table.schema == expected.table.schema
    over = "per huishouden: "
    assert found.table.column(contract.PATH).to_pylist() == [
        contract.COLUMNS,
        over + "eis: precies één aanvrager",
        over + "eis: hoogstens één toeslagpartner",
        over + f"invoer {same} onleesbaar",
        over + "invoer huishouden onleesbaar",
        over + "invoer huishouden onleesbaar",  # reading comes before the eisen
        contract.COLUMNS,
    ]
    kinds = found.table.column(contract.ERROR_KIND).to_pylist()
    assert kinds == [None, "InvoerFout", "InvoerFout", "InvoerFout", "InvoerFout", "InvoerFout",
                     None]
    assert found.table.column(contract.ERROR_MESSAGE).to_pylist() == \
        expected.table.column(contract.ERROR_MESSAGE).to_pylist()


def test_a_division_by_zero_is_handed_over() -> None:
    """subsidie_gezinszorg divides by the hours worked when they exceed the contingent: with no
    prestaties and a negative contingent that is a division by zero (a RekenFout)."""
    row = {"prestaties": [], "bijscholingen": [], "urencontingent": Decimal("-5.00"),
           "vte_begeleidend_personeel": Decimal("1.00"),
           "vte_leidinggevend_personeel": Decimal("0.00"),
           "eenheden_administratie_en_coordinatie": Decimal("1.00"),
           "gesubsidieerde_uren_vorig_jaar": Decimal("100.00"),
           "eerste_werkjaar_van_de_erkenning": False}
    rows = [row, {**row, "urencontingent": Decimal("5.00")}]
    prog = program("subsidie_gezinszorg")
    table = _table("subsidie_gezinszorg", rows)
    peildatum = datetime.date(2010, 6, 1)
    found = Vectorised().compute(prog, table, peildatum)
    expected = contract.PerHousehold().compute(prog, table, peildatum)
    assert comparable(found) == comparable(expected)
    assert found.table.column(contract.PATH).to_pylist() == [
        "per huishouden: deling door nul", contract.COLUMNS]
    assert found.table.select([contract.ERROR_KIND, contract.ERROR_MESSAGE]).to_pylist() == [
        {contract.ERROR_KIND: "RekenFout", contract.ERROR_MESSAGE: "deling door nul"},
        {contract.ERROR_KIND: None, contract.ERROR_MESSAGE: None}]


def test_a_non_terminating_quotient_stays_in_the_columns() -> None:
    """zorgtoeslag_per_maand (a yearly amount / 12) is computed column-wise, exactly."""
    same = "zelfde_toeslagpartner_hele_berekeningsjaar"
    rows = [{"huishouden": [_person("aanvrager", f"{1000 * k}.00")], same: False}
            for k in range(40)]
    prog = program("zorgtoeslag")
    table = _table("zorgtoeslag", rows)
    peildatum = datetime.date(2025, 6, 1)
    found = Vectorised().compute(prog, table, peildatum)
    expected = contract.PerHousehold().compute(prog, table, peildatum)
    assert set(found.table.column(contract.PATH).to_pylist()) == {contract.COLUMNS}
    assert found.table.column("zorgtoeslag_per_maand").equals(
        expected.table.column("zorgtoeslag_per_maand"))
    assert found.table.schema == expected.table.schema


@pytest.mark.parametrize("name", ["zorgtoeslag", "subsidie_gezinszorg"])
def test_a_population_in_parts_is_one_population(name: str, monkeypatch: Any) -> None:
    """A large population is computed in parts of CHUNK households; the parts' columns join
    into the types the per-household path gives the whole."""
    from regelwerk.backends.population.vector import engine as vector_engine

    monkeypatch.setattr(vector_engine, "CHUNK", 4)
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

    check()


@pytest.mark.parametrize("name", ["zorgtoeslag", "subsidie_gezinszorg"])
def test_parts_on_threads_are_the_parts_one_after_the_other(name: str, monkeypatch: Any) -> None:
    """Vectorised(threads=2) computes the parts at the same time: the same table, the same
    provisional values, and progress counts every household once."""
    from regelwerk.backends.population.vector import engine as vector_engine

    monkeypatch.setattr(vector_engine, "CHUNK", 4)
    prog = program(name)

    @PROPERTY
    @given(population(name), st.sampled_from(PEILDATA.get(name, ["2025-01-01"])))
    def check(table: Any, day: str) -> None:
        peildatum = datetime.date.fromisoformat(day)
        expected = contract.PerHousehold().compute(prog, table, peildatum)
        one = Vectorised().compute(prog, table, peildatum)
        counted: list[int] = []
        found = Vectorised(threads=2).compute(prog, table, peildatum, progress=counted.append)
        assert found.table.equals(one.table)
        assert comparable(found) == comparable(expected)
        assert found.provisional == expected.provisional
        assert sum(counted) == table.num_rows

    check()
