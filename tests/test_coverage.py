"""`regelwerk test --dekking`: what the tests of a regulation exercise, and what they leave out."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from regelwerk.cli import main
from regelwerk.interpret.coverage import measure
from regelwerk.pipeline import load_text

HEAD = """regeling dekking
  titel "Dekking"
  geldig vanaf 2026-01-01
  bron "Voorbeeldbesluit"

invoer inkomen: bedrag per maand   [art. 1]
invoer bijzonder: ja/nee           [art. 1]

parameter korting: percentage      [art. 2]
  vanaf 2026-01-01: 10 %
  vanaf 2027-01-01: 20 %

tabel schaal                       [art. 3]
  | inkomen (bedrag per maand) | bedrag (bedrag per maand) |
  | tot € 1.000,00             | € 10,00                   |
  | vanaf € 1.000,00 tot € 2.000,00 | € 20,00              |
  | vanaf € 2.000,00 tot € 3.000,00 | € 30,00              |
  | vanaf € 3.000,00           | € 40,00                   |

regel bijdrage: bedrag per maand   [art. 4]
  = als bijzonder dan € 0,00 anders schaal(inkomen) × (100 % - korting)
  behalve als inkomen > € 9.000,00: € 99,00  [art. 5]

uitvoer bijdrage
"""
# One income per row of `schaal`, and what the rule gives for it in 2026 (not bijzonder).
ROWS = [("€ 500,00", "€ 9,00"), ("€ 1.500,00", "€ 18,00"), ("€ 2.500,00", "€ 27,00"),
        ("€ 3.500,00", "€ 36,00")]


def _test(row: int) -> str:
    income, outcome = ROWS[row]
    return (f'\ntest "rij {row + 1}"\n  peildatum 2026-03-01\n'
            f"  gegeven inkomen = {income}, bijzonder = nee\n  verwacht bijdrage = {outcome}\n")


def _report(rows: list[int]):  # type: ignore[no-untyped-def]
    result = load_text(HEAD + "".join(_test(r) for r in rows), "dekking.rw")
    assert not [d for d in result.diagnostics if d.is_error], result.diagnostics
    report = measure(result.checked[0])
    assert all(r.passed for r in report.results)
    return report


def _missing_rows(report) -> set[str]:  # type: ignore[no-untyped-def]
    return {item.description for item in report.missing("rij")}


@settings(max_examples=15, deadline=None)
@given(st.sets(st.integers(0, 3)), st.integers(0, 3))
def test_a_test_for_an_uncovered_row_covers_it(tested: set[int], extra: int) -> None:
    before = _report(sorted(tested))
    assert _missing_rows(before) == {f"rij {r + 1}" for r in range(4) if r not in tested}
    after = _report(sorted(tested | {extra}))
    assert f"rij {extra + 1}" not in _missing_rows(after)
    assert _missing_rows(after) <= _missing_rows(before)
    # adding a test never uncovers anything
    assert before.covered <= after.covered


def test_exceptions_branches_and_dated_values_are_reported() -> None:
    report = _report([0])
    missing = {(i.kind, i.description) for i in report.missing()}
    assert ("uitzondering", "uitzondering [art. 5]") in missing
    assert any(kind == "als" and "1" in what for kind, what in missing)  # `bijzonder` never ja
    assert ("waarde", "waarde vanaf 2027-01-01") in missing
    assert ("waarde", "waarde vanaf 2026-01-01") not in missing
    assert report.counts("rij") == (1, 4)


def test_cli_prints_the_coverage_and_writes_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dekking.rw"
    path.write_text(HEAD + _test(1), encoding="utf-8")
    out = tmp_path / "dekking.json"
    result = CliRunner().invoke(main, ["test", "--dekking", "--dekking-json", str(out), str(path)])
    assert result.exit_code == 0, result.output
    assert "dekking: dekking" in result.output and "tabelrijen 1/4" in result.output
    assert "niet gedekt: schaal: rij 1" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data[0]["dekking"]["rij"] == {"gedekt": 1, "totaal": 4}
    assert {"soort": "rij", "definitie": "schaal", "wat": "rij 3"}.items() <= \
        next(i for i in data[0]["niet_gedekt"] if i["wat"] == "rij 3").items()


def test_the_regulations_cover_every_exception() -> None:
    from regelwerk.pipeline import load

    for checked in load(["regulations"]).checked:
        if checked.module.kind != "regeling":
            continue
        report = measure(checked)
        assert report.missing("uitzondering") == [], checked.module.name
