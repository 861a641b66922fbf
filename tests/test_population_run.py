"""`regelwerk simuleer`: reading populations exactly, hostile files, the summary, the impact, the CLI."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from click.testing import CliRunner  # noqa: E402

from regelwerk.backends.population import impact as impact_  # noqa: E402
from regelwerk.backends.population import simulate_command  # noqa: E402
from regelwerk.backends.population import summary as summary_  # noqa: E402
from regelwerk.backends.population.engine import (  # noqa: E402
    ERROR_FIELD,
    ERROR_KIND,
    KEY,
    PATH,
    PerHousehold,
    Run,
)
from regelwerk.backends.population.io import (  # noqa: E402
    MAX_MEMBERS,
    READ_PATH,
    Prepared,
    complete,
    prepare,
)
from regelwerk.backends.population.sources import PopulationError, read  # noqa: E402
from regelwerk.cli import main  # noqa: E402
from regelwerk.core import nodes as c  # noqa: E402
from regelwerk.pipeline import load  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ZORGTOESLAG = ROOT / "regulations" / "zorgtoeslag" / "zorgtoeslag.rw"
BIG = "12345678901234567890123456789012345.67"  # 35 digits before the point

TOELAGE = """\
regeling toelage
  titel "Toelage"
  geldig vanaf 2025-01-01
  bron "Testbesluit (verzonnen)"

invoer inkomen: bedrag per maand    [art. 1]
invoer kinderen: aantal             [art. 2]

parameter percentage: percentage    [art. 3]
  vanaf 2025-01-01: {procent} %

regel toelage: bedrag per maand     [art. 4]
  = inkomen × percentage + kinderen × € 10,00 per maand

uitvoer toelage
"""


def program_of(path: Path) -> c.Program:
    result = load([path])
    assert result.ok and result.checked, [d.message for d in result.diagnostics]
    return result.checked[0].core()


@pytest.fixture(scope="module")
def zorgtoeslag() -> c.Program:
    return program_of(ZORGTOESLAG)


@pytest.fixture
def toelage_file(tmp_path: Path) -> Path:
    path = tmp_path / "toelage.rw"
    path.write_text(TOELAGE.format(procent="10"), "utf-8")
    return path


def person(income: str = "20000.00", role: str = "aanvrager") -> dict[str, Any]:
    return {"rol": role, "verzekerde": True, "toetsingsinkomen": income,
            "rendementsgrondslag": "0"}


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def run_all(program: c.Program, prepared: Prepared, day: str = "2026-01-01") -> Run:
    run = PerHousehold().compute(program, prepared.table, datetime.date.fromisoformat(day))
    return complete(run, prepared)


# ------------------------------------------------------------------ reading, exactly


def test_jsonl_keeps_a_35_digit_amount(tmp_path: Path, zorgtoeslag: c.Program) -> None:
    path = write_jsonl(tmp_path / "p.jsonl", [
        {"sleutel": "a", "zelfde_toeslagpartner_hele_berekeningsjaar": False,
         "huishouden": [person(BIG)]}])
    prepared = prepare(read(str(path)), zorgtoeslag)
    member = prepared.table.column("huishouden").to_pylist()[0][0]
    assert member["toetsingsinkomen"] == Decimal(BIG)
    assert prepared.table.column(KEY).to_pylist() == ["a"]


def test_parquet_keeps_a_35_digit_amount(tmp_path: Path, zorgtoeslag: c.Program) -> None:
    member = pa.struct([("rol", pa.string()), ("verzekerde", pa.bool_()),
                        ("toetsingsinkomen", pa.decimal128(38, 2)),
                        ("rendementsgrondslag", pa.decimal128(38, 2))])
    table = pa.table({
        "huishouden": pa.array([[{"rol": "aanvrager", "verzekerde": True,
                                  "toetsingsinkomen": Decimal(BIG),
                                  "rendementsgrondslag": Decimal(0)}]], type=pa.list_(member)),
        "zelfde_toeslagpartner_hele_berekeningsjaar": [False],
    })
    pq.write_table(table, tmp_path / "p.parquet")
    prepared = prepare(read(str(tmp_path / "p.parquet")), zorgtoeslag)
    assert prepared.table.column("huishouden").to_pylist()[0][0]["toetsingsinkomen"] == \
        Decimal(BIG)
    run = run_all(zorgtoeslag, prepared)
    # One calculation computes with 34 significant digits: past the runtime's documented 18 digits
    # before the point it refuses the amount, naming it, rather than lose its cents (issue 18).
    assert run.table.column(ERROR_KIND).to_pylist() == ["InvoerFout"]
    assert run.table.column(ERROR_FIELD).to_pylist() == ["huishouden[0].toetsingsinkomen"]


def test_csv_keeps_a_35_digit_amount_and_reads_every_cell_as_text(
        tmp_path: Path, toelage_file: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(f"sleutel,inkomen,kinderen\n007,{BIG},2\n008,100.10,0\n", "utf-8")
    program = program_of(toelage_file)
    prepared = prepare(read(str(path)), program)
    assert prepared.table.column("inkomen").to_pylist() == [Decimal(BIG), Decimal("100.10")]
    assert prepared.table.column(KEY).to_pylist() == ["007", "008"]  # text, not the number 7
    run = run_all(program, prepared)
    assert run.table.column("toelage").to_pylist()[1] == Decimal("10.0100")


def test_a_float_column_is_refused_naming_it(tmp_path: Path, toelage_file: Path,
                                             zorgtoeslag: c.Program) -> None:
    pq.write_table(pa.table({"inkomen": [1450.5], "kinderen": [1]}), tmp_path / "f.parquet")
    with pytest.raises(PopulationError) as caught:
        prepare(read(str(tmp_path / "f.parquet")), program_of(toelage_file))
    assert "inkomen" in caught.value.message
    assert "--float-kolommen-afronden-op-cent" in caught.value.message
    member = pa.struct([("rol", pa.string()), ("verzekerde", pa.bool_()),
                        ("toetsingsinkomen", pa.float64()), ("rendementsgrondslag", pa.int64())])
    pq.write_table(pa.table({
        "huishouden": pa.array([[{"rol": "aanvrager", "verzekerde": True,
                                  "toetsingsinkomen": 1.5, "rendementsgrondslag": 0}]],
                               type=pa.list_(member)),
        "zelfde_toeslagpartner_hele_berekeningsjaar": [False]}), tmp_path / "n.parquet")
    with pytest.raises(PopulationError) as caught:
        prepare(read(str(tmp_path / "n.parquet")), zorgtoeslag)
    assert "huishouden.toetsingsinkomen" in caught.value.message


def test_floats_rounded_to_the_cent_on_request(tmp_path: Path, toelage_file: Path) -> None:
    pq.write_table(pa.table({"inkomen": [0.1, 2.675, 1e-9, float("nan"), -2.675],
                             "kinderen": [0, 0, 0, 0, 0]}), tmp_path / "f.parquet")
    program = program_of(toelage_file)
    prepared = prepare(read(str(tmp_path / "f.parquet")), program, round_floats=True)
    # from the shortest repr: 2.675 is "2.675", half away from zero 2.68 (not 2.67 from the binary)
    assert prepared.table.column("inkomen").to_pylist() == ["0.10", "2.68", "0.00", "-2.68"]
    run = run_all(program, prepared)
    assert run.table.num_rows == 5
    assert run.table.column(ERROR_KIND).to_pylist()[3] == "InvoerFout"
    assert run.table.column(ERROR_FIELD).to_pylist()[3] == "inkomen"
    assert run.table.column("toelage").to_pylist()[1] == Decimal("0.268")


# ------------------------------------------------------------------ hostile files


@pytest.mark.parametrize("name", ["leeg.parquet", "leeg.jsonl", "leeg.csv"])
def test_an_empty_file_is_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    with pytest.raises(PopulationError, match="leeg"):
        read(str(tmp_path / name))


def test_a_truncated_parquet_file_is_refused(tmp_path: Path) -> None:
    pq.write_table(pa.table({"inkomen": ["1.00"] * 100, "kinderen": [1] * 100}),
                   tmp_path / "heel.parquet")
    data = (tmp_path / "heel.parquet").read_bytes()
    (tmp_path / "half.parquet").write_bytes(data[: len(data) // 2])
    with pytest.raises(PopulationError, match="niet lezen als Parquet"):
        read(str(tmp_path / "half.parquet"))


def test_a_binary_file_named_jsonl_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bin.jsonl").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(PopulationError, match="geen tekst"):
        read(str(tmp_path / "bin.jsonl"))
    (tmp_path / "latin.jsonl").write_bytes(b'{"a": "\xe9\xff"}\n')
    with pytest.raises(PopulationError, match="UTF-8"):
        read(str(tmp_path / "latin.jsonl"))


def test_a_line_that_is_no_json_is_refused_with_its_number(tmp_path: Path) -> None:
    (tmp_path / "p.jsonl").write_text('{"inkomen": "1", "kinderen": 1}\n{"inkomen": "1", "ki',
                                      "utf-8")
    with pytest.raises(PopulationError, match="regel 2 is geen geldige JSON"):
        read(str(tmp_path / "p.jsonl"))


def test_bad_households_are_error_rows_never_dropped(tmp_path: Path, toelage_file: Path) -> None:
    records = [
        {"inkomen": "100.00", "kinderen": 1},
        {"inkomen": None, "kinderen": 1},           # null
        {"inkomen": NaN_TEXT, "kinderen": 1},       # NaN
        {"inkomen": "veel", "kinderen": 1},         # a string in an amount
        {"inkomen": "100.00", "kinderen": 1.5},     # a float
        {"inkomen": "100.00"},                      # missing
        {"inkomen": "100.00", "kinderen": 1, "x": 1},  # unknown
        [1, 2],                                     # not an object
        {"inkomen": "200.00", "kinderen": -1},      # a negative count: the rules decide
    ]
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records)
                    .replace('"NaN!"', "NaN") + "\n", "utf-8")
    program = program_of(toelage_file)
    prepared = prepare(read(str(path)), program)
    run = run_all(program, prepared)
    kinds = run.table.column(ERROR_KIND).to_pylist()
    fields = run.table.column(ERROR_FIELD).to_pylist()
    assert run.table.column(KEY).to_pylist() == list(range(9))
    assert kinds == [None] + ["InvoerFout"] * 7 + [None]
    assert fields[1:8] == ["inkomen", "inkomen", "inkomen", "kinderen", "kinderen", "x",
                           "invoer"]
    assert run.table.column(PATH).to_pylist()[1] == READ_PATH
    assert run.table.column("toelage").to_pylist()[8] == Decimal("10.0000")


NaN_TEXT = "NaN!"


def test_nulls_and_strings_in_a_parquet_file_are_error_rows(tmp_path: Path,
                                                            toelage_file: Path) -> None:
    pq.write_table(pa.table({"inkomen": ["100.00", None, "veel", "1e5"],
                             "kinderen": pa.array([1, 1, None, 1], type=pa.int64())}),
                   tmp_path / "p.parquet")
    program = program_of(toelage_file)
    run = run_all(program, prepare(read(str(tmp_path / "p.parquet")), program))
    assert run.table.column(ERROR_KIND).to_pylist() == [None, "InvoerFout", "InvoerFout",
                                                        "InvoerFout"]


def test_a_million_members_is_an_error_row(tmp_path: Path, zorgtoeslag: c.Program) -> None:
    member = pa.struct([("rol", pa.string()), ("verzekerde", pa.bool_()),
                        ("toetsingsinkomen", pa.decimal128(10, 2)),
                        ("rendementsgrondslag", pa.decimal128(10, 2))])
    n = 1_000_000
    values = pa.StructArray.from_arrays(
        [pa.array(["aanvrager"] * n), pa.array([True] * n),
         pa.array([Decimal(0)] * n, type=pa.decimal128(10, 2)),
         pa.array([Decimal(0)] * n, type=pa.decimal128(10, 2))], fields=list(member))
    many = pa.ListArray.from_arrays(pa.array([0, 1, n], type=pa.int32()), values)
    pq.write_table(pa.table({"huishouden": many,
                             "zelfde_toeslagpartner_hele_berekeningsjaar": [False, False]}),
                   tmp_path / "p.parquet")
    prepared = prepare(read(str(tmp_path / "p.parquet")), zorgtoeslag)
    assert prepared.table.num_rows == 1
    assert prepared.errors == {1: ("huishouden", f"{n - 1} leden; hoogstens {MAX_MEMBERS} per "
                                                 "huishouden")}
    run = run_all(zorgtoeslag, prepared)
    assert run.table.column(ERROR_KIND).to_pylist() == [None, "InvoerFout"]


def test_columns_and_keys(tmp_path: Path, toelage_file: Path) -> None:
    program = program_of(toelage_file)
    path = tmp_path / "p.csv"
    path.write_text("id,inkomen,kinderen,extra\n1,1,1,1\n", "utf-8")
    with pytest.raises(PopulationError, match="kolommen id, extra zijn geen invoer van toelage"):
        prepare(read(str(path)), program)
    path.write_text("id,inkomen\n1,1\n", "utf-8")
    with pytest.raises(PopulationError, match="de invoer kinderen van toelage heeft geen kolom"):
        prepare(read(str(path), key="id"), program)
    with pytest.raises(PopulationError, match="geen sleutelkolom 'nr'"):
        read(str(path), key="nr")
    path.write_text("id,inkomen,kinderen\n1,1,1\n1,2,2\n", "utf-8")
    with pytest.raises(PopulationError, match="sleutel \"1\" komt meer dan eens voor"):
        read(str(path), key="id")
    path.write_text("id,inkomen,kinderen\n1,1,1\n,2,2\n", "utf-8")
    with pytest.raises(PopulationError, match="huishouden 2 heeft geen sleutel"):
        read(str(path), key="id")
    jsonl = write_jsonl(tmp_path / "p.jsonl", [{"sleutel": 1, "inkomen": "1", "kinderen": 1},
                                               {"inkomen": "1", "kinderen": 1}])
    with pytest.raises(PopulationError, match="regel 2 heeft geen sleutel"):
        read(str(jsonl))


def test_csv_only_for_flat_inputs(tmp_path: Path, zorgtoeslag: c.Program) -> None:
    path = tmp_path / "p.csv"
    path.write_text("huishouden,zelfde_toeslagpartner_hele_berekeningsjaar\nx,ja\n", "utf-8")
    with pytest.raises(PopulationError, match="CSV kan alleen vlakke invoer"):
        prepare(read(str(path)), zorgtoeslag)


# ------------------------------------------------------------------ the summary


def test_summary_statistics_by_hand(tmp_path: Path, toelage_file: Path) -> None:
    # toelage = inkomen × 10 % + kinderen × € 10
    rows = [("a", "1000.00", 0), ("b", "2000.00", 1), ("c", "500.00", 2), ("d", "0.00", 0),
            ("e", "3000.01", 0)]
    path = tmp_path / "p.csv"
    path.write_text("sleutel,inkomen,kinderen\n" + "".join(f"{k},{i},{n}\n" for k, i, n in rows)
                    + "f,geen,0\n", "utf-8")
    program = program_of(toelage_file)
    prepared = prepare(read(str(path)), program)
    run = run_all(program, prepared, "2025-06-01")
    summary = summary_.summarize(program, run, datetime.date(2025, 6, 1), "toelage.rw", prepared)
    (toelage,) = summary.outputs
    # 100, 210, 70, 0, 300.001
    assert toelage.total == Decimal("680.001")
    assert toelage.median == Decimal("100")
    assert toelage.mean == Decimal("136.0002")
    assert toelage.nonzero == 4
    assert (summary.households, summary.computed) == (6, 5)
    assert summary.income == "invoer inkomen"
    assert [(d.households, d.total) for d in toelage.deciles] == [
        (0, 0), (1, Decimal("0.0000")), (0, 0), (1, Decimal("70.0000")), (0, 0),
        (1, Decimal("100.0000")), (0, 0), (1, Decimal("210.0000")), (0, 0),
        (1, Decimal("300.0010"))]
    assert [(g.kind, g.households) for g in summary.errors] == [("InvoerFout", 1)]
    assert summary.errors[0].reasons[0].field == "inkomen"
    assert summary.paths == (("per huishouden", 5), (READ_PATH, 1))
    document = summary_.to_json(summary)
    assert document["uitvoer"][0]["totaal"] == "680.0010"
    assert "totaal     € 680,001 per maand" in summary_.render_text(summary)


def test_median_of_an_even_count_is_the_exact_midpoint() -> None:
    assert summary_.median([Decimal("1"), Decimal("2"), Decimal("0.01"), Decimal("7")]) == \
        Decimal("1.5")
    assert summary_.median([Decimal(BIG), Decimal("0.01")]) == \
        Decimal("6172839450617283945061728394506172.84")
    assert summary_.exact_sum([Decimal(BIG), Decimal(BIG)]) == \
        Decimal("24691357802469135780246913578024691.34")
    assert summary_.mean([Decimal(1), Decimal(2)]) == Decimal("1.5")
    assert summary_.mean([Decimal(1)] * 2 + [Decimal(2)]) == \
        Decimal("1.333333333333333333333333333333333")


def test_deciles_by_the_income_split_evenly() -> None:
    pairs = [(Decimal(i), i, Decimal(1)) for i in range(25)]
    deciles = summary_.decile_table(pairs)
    assert [d.households for d in deciles] == [2, 3, 2, 3, 2, 3, 2, 3, 2, 3]
    assert deciles[0].income_low == 0 and deciles[-1].income_high == 24


# ------------------------------------------------------------------ the impact


def test_impact_of_a_changed_percentage(tmp_path: Path, toelage_file: Path) -> None:
    reform = tmp_path / "hervorming.rw"
    reform.write_text(TOELAGE.format(procent="20"), "utf-8")
    path = write_jsonl(tmp_path / "p.jsonl", [
        {"sleutel": "a", "inkomen": "1000.00", "kinderen": 0},
        {"sleutel": "b", "inkomen": "0.00", "kinderen": 3},
        {"sleutel": "c", "inkomen": "250.00", "kinderen": 1},
        {"sleutel": "d", "inkomen": "x", "kinderen": 1}])
    base, new = program_of(toelage_file), program_of(reform)
    source = read(str(path))
    run_base = run_all(base, prepare(source, base), "2025-06-01")
    run_new = run_all(new, prepare(source, new), "2025-06-01")
    income = summary_.income(base, run_base, prepare(source, base))
    impact = impact_.compare(base, run_base, new, run_new, "oud", "nieuw", income)
    (toelage,) = impact.outputs
    assert toelage.change == Decimal("125.0000")  # 10 % more of 1250
    assert (toelage.gain, toelage.lose, toelage.equal) == (2, 0, 1)
    assert [ch.key for ch in toelage.largest_gains] == ["a", "c"]
    assert toelage.largest_gains[0].change == Decimal("100.0000")
    assert (impact.both_computed, impact.error_both) == (3, 1)
    assert impact_.to_json(impact)["uitvoer"][0]["verandering"] == "125.0000"


# ------------------------------------------------------------------ the command


def invoke(*args: str) -> Any:
    return CliRunner().invoke(main, ["simuleer", *args], catch_exceptions=False)


@pytest.fixture
def reference_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI with the per-household engine: what every engine must equal."""
    monkeypatch.setattr(simulate_command, "engine_for",
                        lambda name, scheduler, threads=1: PerHousehold())


def zorgtoeslag_population(tmp_path: Path) -> Path:
    records = []
    for i, income in enumerate(["0", "15000", "25000", "30000", "38000", "45000", "20000.50"]):
        members = [person(income)]
        if i % 2:
            members.append(person("5000", "toeslagpartner"))
        records.append({"sleutel": f"h{i}", "huishouden": members,
                        "zelfde_toeslagpartner_hele_berekeningsjaar": bool(i % 2)})
    records.append({"sleutel": "fout", "huishouden": [person("abc")],
                    "zelfde_toeslagpartner_hele_berekeningsjaar": False})
    return write_jsonl(tmp_path / "zorg.jsonl", records)


@pytest.mark.usefixtures("reference_engine")
def test_cli_end_to_end(tmp_path: Path) -> None:
    population = zorgtoeslag_population(tmp_path)
    out = tmp_path / "uit.parquet"
    result = invoke(str(ZORGTOESLAG), "--populatie", str(population), "--peildatum", "2026-01-01",
                    "--uitvoer", str(out), "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)["simulatie"]
    assert (document["huishoudens"], document["berekend"]) == (8, 7)
    assert document["inkomen"] == "som van toetsingsinkomen over huishouden"
    table = pq.read_table(out)
    assert table.column(KEY).to_pylist()[-1] == "fout"
    assert pa.types.is_decimal(table.schema.field("zorgtoeslag_per_jaar").type)
    assert not any(pa.types.is_floating(f.type) for f in table.schema)
    total = sum(v for v in table.column("zorgtoeslag_per_jaar").to_pylist() if v is not None)
    per_year = next(o for o in document["uitvoer"] if o["naam"] == "zorgtoeslag_per_jaar")
    assert Decimal(per_year["totaal"]) == total
    text = invoke(str(ZORGTOESLAG), "--populatie", str(population), "--peildatum", "2026-01-01")
    assert text.exit_code == 0
    assert "InvoerFout: 1 huishoudens" in text.output


@pytest.mark.usefixtures("reference_engine")
def test_cli_impact_2025_against_2026(tmp_path: Path) -> None:
    population = zorgtoeslag_population(tmp_path)
    result = invoke(str(ZORGTOESLAG), "--populatie", str(population), "--peildatum", "2026-01-01",
                    "--vergelijk-peildatum", "2025-01-01", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    impact = document["vergelijking"]
    per_year = next(o for o in impact["uitvoer"] if o["naam"] == "zorgtoeslag_per_jaar")
    base = next(o for o in document["basis"]["uitvoer"] if o["naam"] == "zorgtoeslag_per_jaar")
    new = next(o for o in document["simulatie"]["uitvoer"] if o["naam"] == "zorgtoeslag_per_jaar")
    assert Decimal(per_year["verandering"]) == Decimal(new["totaal"]) - Decimal(base["totaal"])
    assert per_year["erop_vooruit"] + per_year["erop_achteruit"] + per_year["gelijk"] == 7
    assert impact["fout_in_beide"] == 1
    assert sum(d["huishoudens"] for d in per_year["decielen"]) == 7


@pytest.mark.usefixtures("reference_engine")
def test_cli_compares_with_a_git_revision(tmp_path: Path) -> None:
    population = zorgtoeslag_population(tmp_path)
    result = invoke("regulations/zorgtoeslag/zorgtoeslag.rw", "--populatie", str(population),
                    "--peildatum", "2026-01-01", "--vergelijk",
                    "regulations/zorgtoeslag/zorgtoeslag.rw@HEAD")
    assert result.exit_code == 0, result.output
    assert "ten opzichte van regulations/zorgtoeslag/zorgtoeslag.rw@HEAD" in result.output


@pytest.mark.usefixtures("reference_engine")
def test_cli_exit_codes(tmp_path: Path, toelage_file: Path) -> None:
    population = write_jsonl(tmp_path / "p.jsonl", [{"inkomen": "1", "kinderen": 1}])
    ok = invoke(str(toelage_file), "--populatie", str(population), "--peildatum", "2025-06-01")
    assert ok.exit_code == 0, ok.output
    missing = invoke(str(toelage_file), "--populatie", str(tmp_path / "x.jsonl"), "--peildatum",
                     "2025-06-01")
    assert missing.exit_code == 2 and "bestaat niet" in missing.output
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01\x02")
    binary = invoke(str(toelage_file), "--populatie", str(tmp_path / "bin.jsonl"),
                    "--peildatum", "2025-06-01")
    assert binary.exit_code == 2 and "geen tekstbestand" in binary.output
    broken = tmp_path / "kapot.rw"
    broken.write_text(TOELAGE.format(procent="10").replace("inkomen ×", "inkomsten ×"), "utf-8")
    rules = invoke(str(broken), "--populatie", str(population), "--peildatum", "2025-06-01")
    assert rules.exit_code == 1
    early = invoke(str(toelage_file), "--populatie", str(population), "--peildatum", "2020-01-01")
    assert early.exit_code == 2 and "--peildatum 2020-01-01" in early.output
    both = invoke(str(toelage_file), "--populatie", str(population), "--peildatum", "2025-06-01",
                  "--vergelijk", str(toelage_file), "--vergelijk-peildatum", "2025-07-01")
    assert both.exit_code == 2


def test_the_local_engine_equals_the_reference(tmp_path: Path) -> None:
    """`--engine lokaal` (the vectorised engine) gives the reference outcome."""
    population = zorgtoeslag_population(tmp_path)
    results = []
    for engine in (simulate_command.engine_for("lokaal", None), PerHousehold()):
        program = program_of(ZORGTOESLAG)
        prepared = prepare(read(str(population)), program)
        run = engine.compute(program, prepared.table, datetime.date(2026, 1, 1))
        table = complete(run, prepared).table
        results.append({name: table.column(name).to_pylist() for name in
                        (*run.outputs, ERROR_KIND, ERROR_FIELD)})
    assert results[0] == results[1]


@pytest.mark.usefixtures("reference_engine")
def test_cli_takes_a_regulation_folder_as_populatie_does(tmp_path: Path) -> None:
    population = zorgtoeslag_population(tmp_path)
    result = invoke(str(ZORGTOESLAG.parent), "--populatie", str(population), "--peildatum",
                    "2026-01-01", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["simulatie"]["huishoudens"] == 8
    (tmp_path / "twee").mkdir()
    for name in ("a", "b"):
        (tmp_path / "twee" / f"{name}.rw").write_text(ZORGTOESLAG.read_text(encoding="utf-8"))
    refused = invoke(str(tmp_path / "twee"), "--populatie", str(population), "--peildatum",
                     "2026-01-01")
    assert refused.exit_code == 2
    assert "een map met 2 regelbestanden" in refused.output


def test_threads_give_the_same_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--draden 2` computes the parts of the population on two threads: the same table."""
    from regelwerk.backends.population.vector import engine as vector_engine

    monkeypatch.setattr(vector_engine, "CHUNK", 2)  # 8 households: four parts
    population = zorgtoeslag_population(tmp_path)
    tables = []
    for threads in ("1", "2"):
        out = tmp_path / f"uit-{threads}.parquet"
        result = invoke(str(ZORGTOESLAG), "--populatie", str(population), "--peildatum",
                        "2026-01-01", "--uitvoer", str(out), "--draden", threads)
        assert result.exit_code == 0, result.output
        tables.append(pq.read_table(out))
    assert tables[0].equals(tables[1])
    assert tables[0].num_rows == 8
    assert simulate_command.engine_for("lokaal", None, 2).threads == 2
    refused = invoke(str(ZORGTOESLAG), "--populatie", str(population), "--peildatum",
                     "2026-01-01", "--engine", "dask", "--draden", "2")
    assert refused.exit_code == 2 and "--draden hoort bij --engine lokaal" in refused.output
