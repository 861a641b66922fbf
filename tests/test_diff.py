"""`regelwerk diff`: a version pair checked item by item, golden outputs, git revisions, exit codes.

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_diff.py`.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner

from regelwerk.cli import main
from regelwerk.core.formula import formula
from regelwerk.diff import (
    Report,
    SourceError,
    compare_modules,
    diff_files,
    render_json,
    render_redline,
    render_summary,
)
from regelwerk.diff.compare import DefinitionDiff, expression_changes
from regelwerk.ir import nodes as ir
from regelwerk.pipeline import load, load_text
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "diff"
OLD = "tests/fixtures/diff/gezinszorg_2026/gebruikersbijdrage_gezinszorg.rw"
NEW = "tests/fixtures/diff/gezinszorg_2027/gebruikersbijdrage_gezinszorg.rw"
ALLES = ROOT / "tests" / "fixtures" / "annex" / "alles.rw"
REGULATIONS = sorted((ROOT / "regulations").glob("*/*.rw"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def report() -> Report:
    return diff_files(OLD, NEW)


def definition(report: Report, name: str) -> DefinitionDiff:
    found = report.definition(name)
    assert found is not None, f"{name} not reported"
    return found


def golden(path: Path, text: str) -> None:
    if UPDATE or not path.exists():
        path.write_bytes(text.encode("utf-8"))
        if not UPDATE:
            pytest.fail(f"{path.name} did not exist and was written; review and commit it")
        return
    assert text == path.read_bytes().decode("utf-8"), (
        f"{path.relative_to(ROOT)} differs; if intended, run UPDATE_GOLDEN=1 pytest "
        "tests/test_diff.py and review git diff")


# ------------------------------------------------------------------ the version pair, item by item


def test_header(report: Report) -> None:
    assert [(c.kind, c.old, c.new) for c in report.header] == [("versie", "2026.1", "2027.1")]
    assert not report.equal


def test_only_what_changed_is_reported(report: Report) -> None:
    assert [(d.name, d.status) for d in report.definitions] == [
        ("heeft_zorgbudget_zwaar_zorgbehoevenden", "toegevoegd"),
        ("minimale_uurbijdrage", "gewijzigd"),
        ("maximale_uurbijdrage_meerlingen", "gewijzigd"),
        ("toeslag_per_tijdvak", "gewijzigd"),
        ("uurbijdrage", "gewijzigd"),
    ]


def test_new_input(report: Report) -> None:
    item = definition(report, "heeft_zorgbudget_zwaar_zorgbehoevenden")
    assert (item.kind, item.old_number, item.new_number) == ("Invoer", None, 5)
    (change,) = item.changes
    assert change.kind == "invoer-toegevoegd"
    assert change.new == "De gebruiker heeft een zorgbudget voor zwaar zorgbehoevenden."
    assert report.inputs_added == ("heeft_zorgbudget_zwaar_zorgbehoevenden",)
    assert report.inputs_removed == () and report.outputs_added == () == report.outputs_removed


def test_indexed_parameter(report: Report) -> None:
    item = definition(report, "minimale_uurbijdrage")
    assert (item.old_number, item.new_number) == (6, 7)  # places in the file, for tools
    assert item.heading == "Minimale uurbijdrage [MB 26.07.2001, bijlage I]"  # no numbers
    (change,) = item.changes
    assert change.kind == "parameter-waarde-toegevoegd"
    assert change.detail("vanaf") == "2027-01-01"
    assert change.new == "€ 0,53 per uur"
    assert change.old is not None and change.old.startswith("€ 0,51 per uur (voorlopig: bron:")


def test_changed_parameter_value_no_longer_provisional(report: Report) -> None:
    (change,) = definition(report, "maximale_uurbijdrage_meerlingen").changes
    assert change.kind == "parameter-waarde-gewijzigd"
    assert change.detail("vanaf") == "2026-01-01"
    assert change.old == "€ 7,58 per uur (voorlopig: bron: zorg-en-gezondheid.be, pagina zonder datum)"
    assert change.new == "€ 7,73 per uur"


def test_table_rows(report: Report) -> None:
    changes = definition(report, "toeslag_per_tijdvak").changes
    assert [(c.kind, c.old, c.new) for c in changes] == [
        ("rij-verwijderd", "‘weekdag avond of nacht’ of ‘zaterdag’: 30 %", None),
        ("rij-toegevoegd", None, "‘weekdag avond of nacht’: 30 %"),
        ("rij-toegevoegd", None, "‘zaterdag’: 35 %"),
        ("rij-gewijzigd", "‘zon of feestdag’: 67 %", "‘zon of feestdag’: 70 %"),
    ]
    assert (changes[3].detail("rij_oud"), changes[3].detail("rij_nieuw")) == (3, 4)


def test_new_exception(report: Report) -> None:
    (change,) = definition(report, "uurbijdrage").changes
    assert change.kind == "uitzondering-toegevoegd"
    assert change.old is None
    assert change.new == (
        "In afwijking hiervan is de uurbijdrage gelijk aan de minimale uurbijdrage als heeft "
        "zorgbudget zwaar zorgbehoevenden van toepassing is en de meerlingenregeling niet van "
        "toepassing is. [MB 26.07.2001, bijlage II, art. 6]")
    assert change.detail("voorwaarde") == \
        "heeft_zorgbudget_zwaar_zorgbehoevenden en niet meerlingenregeling"
    assert change.detail("formule") == "minimale_uurbijdrage"


def test_outputs_that_can_change(report: Report) -> None:
    affected = {a.output: a.causes for a in report.affected}
    assert set(affected) == {"uurbijdrage", "bijdrage_voor_prestaties"}  # not the income
    assert affected["uurbijdrage"] == ("heeft_zorgbudget_zwaar_zorgbehoevenden",
                                       "maximale_uurbijdrage_meerlingen", "minimale_uurbijdrage",
                                       "uurbijdrage")
    assert "toeslag_per_tijdvak" in affected["bijdrage_voor_prestaties"]


def test_golden_summary(report: Report) -> None:
    golden(FIXTURES / "gezinszorg.md", render_summary(report))


def test_golden_json(report: Report) -> None:
    golden(FIXTURES / "gezinszorg.json", render_json(report))


def test_golden_redline(report: Report) -> None:
    golden(FIXTURES / "gezinszorg.html", render_redline(report))


def test_golden_annex_of_the_new_version() -> None:
    """The annex that docs/reviewers.md shows in part (by line numbers: see the test below)."""
    from regelwerk.backends.annex import build_annex, render_markdown

    result = load([NEW])
    assert result.ok
    golden(FIXTURES / "gezinszorg_2027.md", render_markdown(build_annex(result.checked[0])))


def test_docs_excerpts_point_at_whole_articles() -> None:
    """docs/reviewers.md includes lines of the golden files; they must still be whole articles
    (a `## ` heading of an article of the regulation up to the next one)."""
    page = (ROOT / "docs" / "reviewers.md").read_text(encoding="utf-8")
    found = re.findall(r'--8<-- "([^":]+):(\d+):(\d+)"', page)
    assert found
    for path, start, end in found:
        lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
        first, last = int(start), int(end)
        assert lines[first - 1].startswith("## "), (path, first, lines[first - 1])
        assert last == len(lines) or lines[last].startswith("## ") or lines[last] == "", \
            (path, last, lines[last])
        assert all(not line.startswith("## ") for line in lines[first:last]), (path, first, last)


def test_redline_is_valid_html_with_del_ins_and_details(report: Report) -> None:
    html = render_redline(report)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)
    assert document.get("lang") == "nl"
    deleted = ["".join(e.itertext()) for e in document.iter("del")]
    inserted = ["".join(e.itertext()) for e in document.iter("ins")]
    assert "€ 7,58 per uur" in deleted and "€ 7,73 per uur" in inserted
    assert "67 %" in deleted and "70 %" in inserted
    assert any("In afwijking hiervan" in text for text in inserted)
    summaries = ["".join(e.itertext()) for e in document.iter("summary")]
    assert any("Huisgenoten [MB 26.07.2001, bijlage II]" in s and "ongewijzigd" in s
               for s in summaries)
    assert not any(">Uurbijdrage [" in s for s in summaries)  # changed: open
    assert not any("Artikel " in s for s in summaries)  # no generated numbers
    headings = [int(e.tag[1]) for e in document.iter() if str(e.tag) in
                {"h1", "h2", "h3", "h4", "h5", "h6"}]
    assert headings[0] == 1 and all(b <= a + 1 for a, b in zip(headings, headings[1:]))
    ids = {e.get("id") for e in document.iter() if e.get("id")}
    for link in document.iter("a"):
        assert link.get("href", "")[1:] in ids, link.get("href")


# ------------------------------------------------------------------ the command


def test_cli_summary_json_html_and_exit_codes(tmp_path: Path) -> None:
    code, out, err = invoke("diff", OLD, NEW)
    assert code == 1 and out.startswith("# Wijzigingen in Gebruikersbijdrage voor gezinszorg")
    code, out, _ = invoke("diff", OLD, NEW, "--format", "json")
    assert code == 1 and json.loads(out)["gelijk"] is False
    page = tmp_path / "wijzigingen.html"
    code, _, _ = invoke("diff", OLD, NEW, "--html", str(page))
    assert code == 1 and "<del>" in page.read_text(encoding="utf-8")
    code, out, _ = invoke("diff", NEW, NEW)
    assert code == 0 and "inhoudelijk gelijk" in out


@pytest.mark.parametrize("rule_file", REGULATIONS, ids=lambda p: p.stem)
def test_each_regulation_equals_itself(rule_file: Path) -> None:
    path = str(rule_file.relative_to(ROOT))
    code, out, _ = invoke("diff", path, path, "--format", "json")
    assert code == 0
    assert json.loads(out)["gelijk"] is True


@pytest.mark.parametrize(("args", "message"), [
    (("bestaat/niet.rw", NEW), "'bestaat/niet.rw' bestaat niet"),
    ((OLD, "tests/fixtures/diagnostics/RW202.rw"), "bevat fouten"),
    ((OLD, f"{NEW}@geen-revisie-xyz"), "'geen-revisie-xyz' is geen bekende git-revisie"),
    ((OLD, f"{NEW}@"), "BESTAND@REVISIE"),
])
def test_trouble_exits_2_with_a_message(args: tuple[str, str], message: str) -> None:
    code, out, err = invoke("diff", *args)
    assert code == 2
    assert message in err and "Traceback" not in err + out


def test_usage_errors_exit_2() -> None:
    assert invoke("diff")[0] == 2
    assert invoke("diff", OLD)[0] == 2
    assert invoke("diff", OLD, NEW, "--format", "xml")[0] == 2


# ------------------------------------------------------------------ git revisions


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture()
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "regulations" / "proef").mkdir(parents=True)
    (repo / "stdlib_rules").mkdir()
    (repo / "stdlib_rules" / "eenheden.rw").write_text(
        'module eenheden\n\nkeuze soort: laag, hoog   [art. 1]\n', encoding="utf-8")
    rule = repo / "regulations" / "proef" / "proef.rw"
    rule.write_text(
        'regeling proef\n  versie 1\n  geldig vanaf 2026-01-01\n  bron "Proefbesluit"\n\n'
        'gebruik eenheden\n\n'
        'invoer soort_van_aanvraag: eenheden.soort   [art. 1]\n'
        'parameter bedrag_per_aanvraag: bedrag     [art. 2]\n  vanaf 2026-01-01: € 10,00\n\n'
        'regel vergoeding: bedrag                 [art. 3]\n'
        '  = als soort_van_aanvraag = hoog dan bedrag_per_aanvraag × 2 anders bedrag_per_aanvraag\n\n'
        'uitvoer vergoeding\n', encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "eerste versie")
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text.replace("  versie 1\n", "  versie 2\n")
                    .replace("€ 10,00\n", "€ 10,00\n  vanaf 2027-01-01: € 10,50\n"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "indexering")
    # The module in the working tree changes after the last commit: a revision uses its own.
    (repo / "stdlib_rules" / "eenheden.rw").write_text(
        'module eenheden\n\nkeuze soort: laag, midden, hoog   [art. 1]\n', encoding="utf-8")
    monkeypatch.chdir(repo)
    return repo


def test_git_revision_against_working_tree(repository: Path) -> None:
    report = diff_files("regulations/proef/proef.rw@HEAD~1", "regulations/proef/proef.rw")
    assert report.old.revision == "HEAD~1" and report.new.revision is None
    # what the user typed, and beside it the commit it named at the time of the review
    head_1 = subprocess.run(["git", "rev-parse", "HEAD~1"], cwd=repository, capture_output=True,
                            text=True, check=True).stdout.strip()
    assert report.old.commit == head_1 and re.fullmatch(r"[0-9a-f]{40}", head_1)
    data = json.loads(render_json(report))
    assert data["oud"]["revisie"] == "HEAD~1" and data["oud"]["commit"] == head_1
    assert data["nieuw"]["commit"] is None
    assert f"(commit {head_1[:12]})" in render_summary(report)
    assert [c.kind for c in report.header] == ["versie"]
    (parameter,) = [d for d in report.definitions if d.module is None]
    assert parameter.name == "bedrag_per_aanvraag"
    assert [(c.kind, c.new) for c in parameter.changes] == [
        ("parameter-waarde-toegevoegd", "€ 10,50")]
    used = [d for d in report.definitions if d.module == "eenheden"]
    assert [(d.name, [c.kind for c in d.changes]) for d in used] == [
        ("soort", ["keuze-waarde-toegevoegd"])]
    assert [a.output for a in report.affected] == ["vergoeding"]


def test_git_revision_against_revision(repository: Path) -> None:
    code, out, err = invoke("diff", "regulations/proef/proef.rw@HEAD~1",
                            "regulations/proef/proef.rw@HEAD")
    assert code == 1, err
    assert "Nieuwe waarde vanaf 1 januari 2027: € 10,50 (daarvoor € 10,00)" in out
    assert "eenheden" not in out  # the module did not change between the two commits
    code, _, _ = invoke("diff", "regulations/proef/proef.rw@HEAD", "regulations/proef/proef.rw@HEAD")
    assert code == 0


def test_git_errors(repository: Path) -> None:
    code, _, err = invoke("diff", "regulations/proef/nieuw.rw@HEAD", "regulations/proef/proef.rw")
    assert code == 2 and "bestaat niet in revisie HEAD" in err
    broken = repository / "regulations" / "proef" / "proef.rw"
    broken.write_text(broken.read_text(encoding="utf-8").replace("= als", "= als als"),
                      encoding="utf-8")
    _git(repository, "commit", "-q", "-am", "kapot")
    code, _, err = invoke("diff", "regulations/proef/proef.rw@HEAD", "regulations/proef/proef.rw@HEAD~1")
    assert code == 2 and "bevat fouten" in err and "HEAD:regulations/proef/proef.rw" in err
    assert "regelwerk-diff-" not in err  # no temporary paths in the message


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "a.rw").write_text("regeling a\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(SourceError, match="git-repository"):
        diff_files("a.rw@HEAD", "a.rw")


# ------------------------------------------------------------------ changes of every kind


def _variant(tmp_path: Path, name: str, *replacements: tuple[str, str]) -> Path:
    """A copy of alles.rw with replacements; runs of spaces match any alignment."""
    text = ALLES.read_text(encoding="utf-8")
    for old, new in replacements:
        pattern = re.sub(r"(\\ )+", "[ ]+", re.escape(old))
        text, count = re.subn(pattern, new.replace("\\", "\\\\"), text)
        assert count == 1, old
    path = tmp_path / name / "alles.rw"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


def _diff(tmp_path: Path, *replacements: tuple[str, str]) -> Report:
    new = _variant(tmp_path, "nieuw", *replacements)
    old_result, new_result = load([ALLES]), load([new])
    assert old_result.ok and new_result.ok, [str(d) for d in new_result.diagnostics if d.is_error]
    return compare_modules(old_result.checked[0], new_result.checked[0])


def test_changed_bracket_is_one_changed_row(tmp_path: Path) -> None:
    report = _diff(tmp_path, ("  | tot € 1.300,00                          | € 0,50",
                              "  | tot € 1.350,00                          | € 0,50"),
                   ("  | vanaf € 1.300,00 tot en met € 1.700,00  | € 1,40",
                    "  | vanaf € 1.350,00 tot en met € 1.700,00  | € 1,40"))
    changes = definition(report, "uurtarief").changes
    assert [(c.kind, c.old, c.new) for c in changes] == [
        ("rij-gewijzigd", "minder dan € 1.300,00: € 0,50", "minder dan € 1.350,00: € 0,50"),
        ("rij-gewijzigd", "vanaf € 1.300,00 tot en met € 1.700,00: € 1,40",
         "vanaf € 1.350,00 tot en met € 1.700,00: € 1,40"),
    ]
    affected = {a.output for a in report.affected}
    assert "tarief" in affected and "totale_toelage" not in affected


def test_rule_expression_change_with_old_and_new_sentence(tmp_path: Path) -> None:
    report = _diff(tmp_path, ("    afgerond op de eurocent\n", "    naar beneden afgerond op de euro\n"))
    (change,) = definition(report, "tarief").changes
    assert change.kind == "regel-waarde"
    assert change.old is not None and change.old.endswith(", afgerond op de eurocent.")
    assert change.new is not None and change.new.endswith(", naar beneden afgerond op de euro.")
    assert change.detail("verschillen") == [{
        "oud": "uurtarief(gecorrigeerd_inkomen) × (100 % - vermindering(gezin; personen_ten_laste)) "
               "afgerond op de eurocent",
        "nieuw": "uurtarief(gecorrigeerd_inkomen) × (100 % - vermindering(gezin; personen_ten_laste)) "
                 "naar beneden afgerond op de euro"}]


def test_smallest_expression_change(tmp_path: Path) -> None:
    report = _diff(tmp_path, ("= maximum van (inkomen - personen_ten_laste × basisbedrag; € 0,00)",
                              "= maximum van (inkomen - personen_ten_laste × basisbedrag; € 10,00)"))
    (change,) = definition(report, "gecorrigeerd_inkomen").changes
    assert change.detail("verschillen") == [{"oud": "€ 0,00", "nieuw": "€ 10,00"}]
    assert change.detail("formule_nieuw") == \
        "maximum van (inkomen - personen_ten_laste × basisbedrag; € 10,00)"


def test_removed_and_changed_definitions_references_labels(tmp_path: Path) -> None:
    report = _diff(
        tmp_path,
        ("regel tegengesteld: getal                              [art. 45]\n  = -(factor + 1)\n", ""),
        ("        tegengesteld, basisbedrag_bij_de_start", "        basisbedrag_bij_de_start"),
        ("invoer kosten: bedrag per maand                        [art. 5]",
         "invoer kosten: bedrag per maand                        [art. 5, §1]"),
        ('  "Het netto-inkomen van het gezin per maand."', '  "Het netto-inkomen van het gezin."'),
        ("  behalve als heeft_zorgbudget: € 0,50                 [art. 23, §2]",
         "  behalve als heeft_zorgbudget: € 0,60                 [art. 23, §2]"),
        ('\n  gelijkmatig_verdeeld "het kind',
         '\n  co_ouderschap "beide ouders"\n  gelijkmatig_verdeeld "het kind'),
        ("| < 3                | € 102,00                   |",
         "| < 3                | € 102,00                   | [bijlage 2, noot]"),
    )
    removed = definition(report, "tegengesteld")
    assert (removed.status, removed.old_number, removed.new_number) == ("verwijderd", 51, None)
    assert report.outputs_removed == ("tegengesteld",)
    kosten = definition(report, "kosten").changes
    assert [(c.kind, c.old, c.new) for c in kosten] == [("verwijzing", "art. 5", "art. 5, §1")]
    inkomen = definition(report, "inkomen").changes
    assert [(c.kind, c.new) for c in inkomen] == [("omschrijving", "Het netto-inkomen van het gezin.")]
    (exception,) = definition(report, "tarief").changes
    assert exception.kind == "uitzondering-gewijzigd"
    assert exception.detail("verschillen") == [{"oud": "€ 0,50", "nieuw": "€ 0,60"}]
    assert [c.kind for c in definition(report, "huisvesting").changes] == ["keuze-waarde-toegevoegd"]
    (row,) = definition(report, "forfait").changes
    assert row.kind == "rij-gewijzigd" and row.detail("vanaf") == "2026-01-01"
    assert row.new == "minder dan 3: € 102,00 [bijlage 2, noot]"
    html = render_redline(report)
    html5lib.HTMLParser(strict=True).parse(html)
    assert "<del>Tegengesteld [art. 45]</del> <span class=\"status\">(geschrapt)</span>" in html
    assert ('<del><span class="waarde">€ 0,50</span></del> '
            '<ins><span class="waarde">€ 0,60</span></ins>') in html


def test_expression_changes_unit() -> None:
    def expr(text: str) -> ir.Expr:
        result = load_text(f'regeling x\n  geldig vanaf 2026-01-01\n\ninvoer a: getal   [1]\n'
                           f'invoer b: getal   [2]\nregel r: getal   [3]\n  = {text}\n\nuitvoer r\n')
        assert result.ok, result.diagnostics
        rule = result.checked[0].module.definition("r")
        assert isinstance(rule, ir.RuleDef) and rule.value is not None
        return rule.value

    assert expression_changes(expr("a + b × 2"), expr("a + b × 3")) == [("2", "3")]
    assert expression_changes(expr("a + b"), expr("a - b")) == [("a + b", "a - b")]
    assert expression_changes(expr("maximum van (a; b)"), expr("maximum van (a; b; 1)")) == [
        ("maximum van (a; b)", "maximum van (a; b; 1)")]
    assert expression_changes(expr("(a + b) × 2"), expr("(a  +  b)*2")) == []


@pytest.mark.parametrize("rule_file", [ALLES, *REGULATIONS], ids=lambda p: p.stem)
def test_formula_reads_back_as_the_same_expression(rule_file: Path, tmp_path: Path) -> None:
    """The canonical notation of the diff is valid rule text with the same meaning."""
    result = load([rule_file])
    assert result.ok
    module = result.checked[0].module
    source = rule_file.read_text(encoding="utf-8")
    lines = source.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    spans = []
    for item in module.definitions:
        if isinstance(item, ir.RuleDef):
            spans += [e for e in [item.value, *(x.value for x in item.exceptions)] if e is not None]
    # Replace from the end, so earlier offsets stay valid.
    for expr in sorted(spans, key=lambda e: (e.span.line, e.span.column), reverse=True):
        start = offsets[expr.span.line - 1] + expr.span.column - 1
        end = offsets[expr.span.end_line - 1] + expr.span.end_column - 1
        source = source[:start] + formula(expr) + source[end:]
    # The same layout as the repository, so `gebruik` finds the same modules.
    shutil.copytree(ROOT / "stdlib_rules", tmp_path / "stdlib_rules")
    shutil.copytree(ROOT / "regulations", tmp_path / "regulations")
    copy = tmp_path / rule_file.relative_to(ROOT)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(source, encoding="utf-8")
    again = load([copy])
    assert again.ok, [str(d) for d in again.diagnostics if d.is_error]
    report = compare_modules(result.checked[0], again.checked[0])
    assert report.equal, render_summary(report)


def test_text_from_the_rules_is_escaped_in_every_output(tmp_path: Path) -> None:
    source = (ROOT / "tests" / "fixtures" / "annex" / "escaping.rw").read_text(encoding="utf-8")
    old = tmp_path / "oud" / "escaping.rw"
    new = tmp_path / "nieuw" / "escaping.rw"
    for path in (old, new):
        path.parent.mkdir()
    old.write_text(source, encoding="utf-8")
    new.write_text(source.replace("Regel met <img src=x onerror=alert(1)> erin.",
                                  "Regel met <script>alert('nieuw')</script> & *meer*")
                   .replace("€ 100,00 voorlopig", "€ 110,00 voorlopig"), encoding="utf-8")
    report = diff_files(str(old), str(new))
    summary, page, data = render_summary(report), render_redline(report), render_json(report)
    assert "<script" not in summary and "<img" not in summary
    assert "&lt;script&gt;alert('nieuw')&lt;/script&gt; &amp; \\*meer\\*" in summary
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    assert not list(document.iter("script")) and not list(document.iter("img"))
    assert "&lt;script&gt;alert(&#39;nieuw&#39;)&lt;/script&gt;" in page
    assert json.loads(data)["definities"][0]["wijzigingen"][0]["nieuw"].startswith("€ 110,00")


# ------------------------------------------------------------------ reviews: what reaches back in time

RETRO_OLD = "tests/fixtures/diff/terugwerkend_oud/kinderopvang.rw"
RETRO_NEW = "tests/fixtures/diff/terugwerkend_nieuw/kinderopvang.rw"


def test_golden_retroactive_diff() -> None:
    report = diff_files(RETRO_OLD, RETRO_NEW)
    golden(FIXTURES / "terugwerkend.md", render_summary(report))
    golden(FIXTURES / "terugwerkend.json", render_json(report))
    golden(FIXTURES / "terugwerkend.html", render_redline(report))
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(render_redline(report))
    assert not parser.errors


def test_retroactive_changes_and_their_periods() -> None:
    report = diff_files(RETRO_OLD, RETRO_NEW)
    found = {r.name: (r.reason, r.start, r.end) for r in report.retroactive}
    assert found == {
        # an undated value changes every date of the regulation
        "korting_per_kind": ("een waarde zonder datum", datetime.date(2025, 1, 1), None),
        # a `vanaf` moved from 2027 to July 2026: the half year in between changes
        "uurprijs": ("een gewijzigde datum 'vanaf'", datetime.date(2026, 7, 1),
                     datetime.date(2026, 12, 31)),
        # a table without versions: every date
        "hoogste_korting": ("een tabel zonder versies", datetime.date(2025, 1, 1), None),
    }
    # a value added from a later date is not retroactive ...
    assert "toeslag" not in found
    # ... unless the new version takes effect after that date
    late = diff_files(RETRO_OLD, RETRO_NEW, datetime.date(2029, 1, 1))
    assert {r.name for r in late.retroactive} >= {"toeslag"}
    early = diff_files(RETRO_OLD, RETRO_NEW, datetime.date(2026, 7, 1))
    assert "uurprijs" not in {r.name for r in early.retroactive}


def test_changed_expectations_are_listed() -> None:
    report = diff_files(RETRO_OLD, RETRO_NEW)
    assert [(t.name, t.status, t.old, t.new) for t in report.tests] == [
        ("twee kinderen, 2026", "gewijzigd", ("bijdrage = € 80,00",), ("bijdrage = € 75,00",)),
        ("één kind, september 2026", "gewijzigd", ("bijdrage = € 80,00",),
         ("bijdrage = € 82,00",)),
    ]


def test_article_text_redline_word_by_word() -> None:
    report = diff_files(RETRO_OLD, RETRO_NEW)
    (change,) = report.texts
    assert change.reference == "art. 3" and change.status == "gewijzigd"
    second = change.redline[1]
    assert [(s.change, s.text.strip()) for s in second.segs if s.change] == [
        ("ins", "ook"), ("del", "dagen."), ("ins", "dagen en avonden.")]
    assert second.plain().replace("  ", " ") != change.old[1]
    data = json.loads(render_json(report))
    words = data["artikelteksten"][0]["woorden"][1]
    assert {"soort": "nieuw", "tekst": "ook "} in words
    html = render_redline(report)
    assert "<ins>ook </ins>" in html and "<del>dagen.</del>" in html
    assert "~~dagen.~~" in render_summary(report)
    assert not report.equal


def test_word_redline_keeps_every_word() -> None:
    from regelwerk.diff.review import word_redline

    old, new = "De korting bedraagt 25 procent.", "De korting bedraagt per kind 30 procent."
    redline = word_redline(old, new)
    kept = "".join(s.text for s in redline.segs if s.change != "del")
    dropped = "".join(s.text for s in redline.segs if s.change != "ins")
    assert kept == new and dropped == old


def test_cli_ingang() -> None:
    code, out, _ = invoke("diff", "--ingang", "2029-01-01", RETRO_OLD, RETRO_NEW)
    assert code == 1 and "parameter toeslag: een nieuwe waarde die ingaat vóór de ingang" in out
    code, _, err = invoke("diff", "--ingang", "1 januari", RETRO_OLD, RETRO_NEW)
    assert code == 2 and "geen datum" in err
