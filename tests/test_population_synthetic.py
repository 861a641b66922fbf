"""regelwerk populatie: synthetic households, valid by the per-household path, exact, reproducible."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pytest.importorskip("numpy")
import pyarrow.parquet as pq  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from regelwerk.backends.population import engine, synthetic  # noqa: E402
from regelwerk.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REGULATIONS = sorted(p.name for p in (ROOT / "regulations").iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def programs() -> dict[str, object]:
    # the folder's main file (inkomenstarief_kinderopvang also holds its 2014 version)
    return {name: synthetic.regulation([str(ROOT / "regulations" / name / f"{name}.rw")])
            for name in REGULATIONS}


def accepted_by_reference(program, table, day) -> list[tuple[int, str]]:
    module = engine.compiled_module(program)
    first = program.main.outputs[0].name
    refused = []
    for i, household in enumerate(engine.households(table)):
        _, error, _ = engine.compute_one(module, household, day, [first])
        if error is not None and error[0] == "InvoerFout":
            refused.append((i, f"{error[1]}: {error[2]}"))
    return refused


@pytest.mark.parametrize("name", REGULATIONS)
def test_every_household_is_accepted_by_the_per_household_path(programs, name) -> None:
    program = programs[name]
    population = synthetic.draw(program, 400, seed=2)
    assert population.table.num_rows == 400
    assert accepted_by_reference(program, population.table, program.main.valid_from) == []


def test_zorgtoeslag_eisen_refuse_and_redraw(programs) -> None:
    population = synthetic.draw(programs["zorgtoeslag"], 500, seed=1)
    assert population.drawn > 500  # the defaults draw households without an aanvrager
    for household in population.table.column("huishouden").to_pylist():
        roles = [m["rol"] for m in household]
        assert roles.count("aanvrager") == 1 and roles.count("toeslagpartner") <= 1


def test_unmeetable_eisen_give_a_clear_message(programs) -> None:
    never = {"huishouden": {"lengte": {"0": 1}}}
    with pytest.raises(synthetic.PopulatieFout, match="precies één aanvrager"):
        synthetic.draw(programs["zorgtoeslag"], 10, seed=1, distribution=never)


def test_same_seed_same_bytes(programs, tmp_path: Path) -> None:
    program = programs["zorgtoeslag"]
    for suffix in (".parquet", ".jsonl"):
        first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        synthetic.write(synthetic.draw(program, 300, seed=9), first)
        synthetic.write(synthetic.draw(program, 300, seed=9), second)
        assert first.read_bytes() == second.read_bytes()
        other = tmp_path / f"c{suffix}"
        synthetic.write(synthetic.draw(program, 300, seed=10), other)
        assert other.read_bytes() != first.read_bytes()


def test_distributions_are_respected(programs) -> None:
    distribution = {
        "huishouden": {"lengte": {"1": 1, "2": 1}},
        "huishouden.rol": {"kansen": {"aanvrager": 1, "toeslagpartner": 0}},
        "huishouden.toetsingsinkomen": {"bereiken": [
            {"van": "0", "tot": "0", "kans": 0.25}, {"van": "20000", "tot": "30000.5", "kans": 0.75}],
            "decimalen": 1},
        "huishouden.verzekerde": {"kans_ja": 0.9},
        "zelfde_toeslagpartner_hele_berekeningsjaar": {"kans_ja": 0},
    }
    population = synthetic.draw(programs["zorgtoeslag"], 2000, seed=4, distribution=distribution)
    households = population.table.column("huishouden").to_pylist()
    # a second member would be a second aanvrager: refused, so only households of one remain
    assert {len(h) for h in households} == {1}
    incomes = [h[0]["toetsingsinkomen"] for h in households]
    assert all(i == 0 or Decimal("20000") <= i <= Decimal("30000.5") for i in incomes)
    assert all(i.as_tuple().exponent == -1 for i in incomes)
    zero = sum(i == 0 for i in incomes) / len(incomes)
    assert 0.2 < zero < 0.3
    insured = sum(h[0]["verzekerde"] for h in households) / len(households)
    assert 0.87 < insured < 0.93
    assert not any(population.table.column("zelfde_toeslagpartner_hele_berekeningsjaar").to_pylist())
    assert population.meta["verdeling"]["huishouden.verzekerde"] == {"soort": "ja/nee",
                                                                     "kans_ja": 0.9}


def test_lists_of_zero_to_n_members(programs) -> None:
    distribution = {"kinderen": {"lengte": {"van": 0, "tot": 5}},
                    "kinderen.geboortedatum": {"van": "2010-01-01", "tot": "2010-12-31"}}
    population = synthetic.draw(programs["groeipakket"], 600, seed=3, distribution=distribution)
    children = population.table.column("kinderen").to_pylist()
    assert {len(c) for c in children} == set(range(6))
    dates = [k["geboortedatum"] for c in children for k in c]
    assert min(dates) >= datetime.date(2010, 1, 1) and max(dates) <= datetime.date(2010, 12, 31)
    # a field with a default value gets it, unless the distribution says otherwise
    assert {k["maandbedrag_overgangsregeling"] for c in children for k in c} == {Decimal("0.00")}
    # also a choice or a ja/nee with a default value
    assert {k["wees"] for c in children for k in c} == {"niet_wees"}
    assert {k["pleegkind"] for c in children for k in c} == {False}


def test_amounts_are_exact_decimals(programs, tmp_path: Path) -> None:
    population = synthetic.draw(programs["gebruikersbijdrage_gezinszorg"], 200, seed=1)
    schema = population.table.schema
    assert pa.types.is_decimal(schema.field("uurbedrag_volgens_bijdrageschaal").type)
    member = schema.field("huisgenoten").type.value_type
    assert pa.types.is_decimal(member.field("netto_maandinkomen").type)
    synthetic.write(population, tmp_path / "p.jsonl")
    lines = (tmp_path / "p.jsonl").read_text("utf-8").splitlines()
    first = json.loads(lines[0])  # no float: amounts are text
    assert isinstance(first["uurbedrag_volgens_bijdrageschaal"], str)
    table = population.table.to_pylist()
    assert Decimal(first["uurbedrag_volgens_bijdrageschaal"]) == \
        table[0]["uurbedrag_volgens_bijdrageschaal"]


def test_files_are_labelled_synthetic(programs, tmp_path: Path) -> None:
    population = synthetic.draw(programs["zorgtoeslag"], 20, seed=7)
    synthetic.write(population, tmp_path / "p.parquet")
    metadata = pq.read_schema(tmp_path / "p.parquet").metadata
    assert metadata[b"regelwerk.synthetisch"] == b"true"
    assert metadata[b"regelwerk.seed"] == b"7"
    assert b"huishouden.rol" in metadata[b"regelwerk.verdeling"]
    written = synthetic.write(population, tmp_path / "p.jsonl")
    assert written[1].name == "p.jsonl.meta.json"
    assert synthetic.label(tmp_path / "p.jsonl")["seed"] == 7
    assert synthetic.label(tmp_path / "p.parquet")["seed"] == 7


def test_bad_distributions_are_refused(programs) -> None:
    program = programs["zorgtoeslag"]
    for wrong, message in [({"huishoud": {}}, "geen invoer"),
                           ({"huishouden.toetsingsinkomen": {"van": 0.5}}, "als tekst"),
                           ({"huishouden.rol": {"kansen": {"koning": 1}}}, "geen waarde"),
                           ({"huishouden.toetsingsinkomen": {"tot": "1.234"}}, "decimalen")]:
        with pytest.raises(synthetic.VerdelingFout, match=message):
            synthetic.draw(program, 5, seed=1, distribution=wrong)


def test_cli_end_to_end(tmp_path: Path) -> None:
    verdeling = tmp_path / "verdeling.toml"
    verdeling.write_text('["huishouden"]\nlengte = { "1" = 0.5, "2" = 0.5 }\n'
                         '["huishouden.toetsingsinkomen"]\nvan = "10000"\ntot = "40000"\n',
                         encoding="utf-8")
    runner = CliRunner()
    target = tmp_path / "z.parquet"
    args = ["populatie", str(ROOT / "regulations" / "zorgtoeslag"), "--aantal", "50", "--seed",
            "1", "--uit", str(target), "--verdeling", str(verdeling)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    table = pq.read_table(target)
    assert table.num_rows == 50
    incomes = [m["toetsingsinkomen"] for h in table.column("huishouden").to_pylist() for m in h]
    assert min(incomes) >= 10000 and max(incomes) <= 40000
    first = target.read_bytes()
    assert runner.invoke(main, args).exit_code == 0
    assert target.read_bytes() == first
    csv = runner.invoke(main, args[:-3] + [str(tmp_path / "z.csv")])
    assert csv.exit_code == 2 and "CSV" in csv.output
    bad = runner.invoke(main, args[:-1] + [str(tmp_path / "nope.toml")])
    assert bad.exit_code == 2
