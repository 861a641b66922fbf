"""The command line: output, exit codes (0 ok, 1 errors, 2 usage), no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from regelwerk.cli import main

REGULATION = "regulations/gebruikersbijdrage_gezinszorg/gebruikersbijdrage_gezinszorg.rw"


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.output


def stdout(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout


def test_check_ok_and_summary() -> None:
    code, out = invoke("check", "--strict", "regulations", "stdlib_rules")
    assert code == 0
    assert "0 fouten" in out


def test_check_errors_exit_1_with_caret() -> None:
    code, out = invoke("check", "tests/fixtures/diagnostics/RW202.rw")
    assert code == 1
    assert "^^^^" in out and "RW202" in out


def test_check_json() -> None:
    code, out = invoke("check", "--format", "json", "tests/fixtures/diagnostics/RW101.rw")
    assert code == 1
    (item,) = json.loads(out)
    assert item["code"] == "RW101" and item["line"] == 8 and item["hint"]


def test_warnings_as_errors() -> None:
    assert invoke("check", "tests/fixtures/diagnostics/RW501.rw")[0] == 0
    assert invoke("check", "--warnings-as-errors", "tests/fixtures/diagnostics/RW501.rw")[0] == 1
    assert invoke("check", "--strict", "tests/fixtures/diagnostics/RW501.rw")[0] == 1


def test_usage_errors_exit_2() -> None:
    assert invoke("check")[0] == 2
    assert invoke("run", REGULATION, "--peildatum", "gisteren", "--invoer", "-", stdin="{}")[0] == 2


def test_missing_path_is_rw000() -> None:
    code, out = invoke("check", "bestaat/niet.rw")
    assert code == 1 and "RW000" in out and "bestaat niet" in out


def test_test_command_last_line() -> None:
    code, out = invoke("test", "regulations")
    assert code == 0
    assert out.strip().splitlines()[-1].endswith("geslaagd, 0 mislukt")


def test_failing_test_shows_expected_actual_and_rule(tmp_path: Path) -> None:
    source = Path(REGULATION).read_text(encoding="utf-8").replace(
        "verwacht uurbijdrage = € 0,52", "verwacht uurbijdrage = € 0,53")
    target = tmp_path / "gebruikersbijdrage_gezinszorg.rw"
    target.write_text(source, encoding="utf-8")
    for module in Path("stdlib_rules").glob("*.rw"):
        (tmp_path / module.name).write_text(module.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = invoke("test", str(target))
    assert code == 1
    assert "verwacht € 0,53 per uur, berekend € 0,52 per uur" in out
    assert "regel [MB 26.07.2001, bijlage II]" in out
    assert out.strip().splitlines()[-1] == "16 geslaagd, 1 mislukt"


INPUT = {
    "huisgenoten": [{"netto_maandinkomen": "1450.00", "zelfde_generatie": True}],
    "uurbedrag_volgens_bijdrageschaal": "2.00",
    "toeslag_wijkwerking_van_toepassing": True,
    "meerlingenregeling": False,
    "prestaties": [{"tijdvak": "zaterdag", "uren": "2"}],
}


def test_run_prints_json_outputs() -> None:
    code, out = stdout("run", REGULATION, "--peildatum", "2026-03-01", "--invoer", "-",
                       stdin=json.dumps(INPUT))
    assert code == 0
    document = json.loads(out)
    assert document["uitvoer"] == {"netto_maandinkomen_gezin": "1450.00",
                                   "uurbijdrage": "2.1000",
                                   "bijdrage_voor_prestaties": "5.460000"}
    assert document["voorlopig"] == ["maximale_uurbijdrage_meerlingen", "minimale_uurbijdrage"] \
        or document["voorlopig"] == ["minimale_uurbijdrage"]


def test_run_with_explanation() -> None:
    code, out = stdout("run", REGULATION, "--peildatum", "2026-03-01", "--invoer", "-",
                       "--uitleg", stdin=json.dumps(INPUT))
    assert code == 0
    tree = json.loads(out)["uitleg"]
    names = json.dumps(tree, ensure_ascii=False)
    assert "toeslag_per_tijdvak" in names and "rij 2" in names
    assert "voorlopig" in names and "MB 26.07.2001" in names


def test_run_wrong_input_names_field_without_traceback() -> None:
    bad = dict(INPUT, uurbedrag_volgens_bijdrageschaal=2.5)
    code, out = invoke("run", REGULATION, "--peildatum", "2026-03-01", "--invoer", "-",
                       stdin=json.dumps(bad))
    assert code == 1
    assert "uurbedrag_volgens_bijdrageschaal" in out and "Traceback" not in out
    code, out = invoke("run", REGULATION, "--peildatum", "2026-03-01", "--invoer", "-",
                       stdin="{kapot")
    assert code == 1 and "geen geldige JSON" in out


def test_every_date_option_reads_only_jjjj_mm_dd(tmp_path: Path) -> None:
    """A date option reads as the runtime reads a date: "20250101" and "2025-W01-3", which
    Python's fromisoformat also takes, are usage errors that name the option."""
    import pytest

    pytest.importorskip("pyarrow")
    rules = "regulations/zorgtoeslag/zorgtoeslag.rw"
    population = tmp_path / "p.jsonl"
    population.write_text("{}\n", encoding="utf-8")
    commands = [
        (["run", rules, "--invoer", "-", "--peildatum"], "--peildatum"),
        (["simuleer", rules, "--populatie", str(population), "--peildatum"], "--peildatum"),
        (["simuleer", rules, "--populatie", str(population), "--peildatum", "2025-01-01",
          "--vergelijk-peildatum"], "--vergelijk-peildatum"),
        (["populatie", rules, "--aantal", "1", "--uit", str(tmp_path / "u.jsonl"), "--peildatum"],
         "--peildatum"),
        (["diff", rules, rules, "--ingang"], "--ingang"),
    ]
    for args, option in commands:
        for day in ("20250101", "2025-W01-3"):
            result = CliRunner().invoke(main, [*args, day], input="{}")
            assert result.exit_code == 2, (args, day, result.output)
            assert option in result.output and "geen datum als jjjj-mm-dd" in result.output
