"""`regelwerk diff` compares meaning on the core IR: two versions are "inhoudelijk gelijk" only when
their core IR is equal, and a change behind the same text (exception priority, a conversion factor)
is reported with the outputs it can change.

The property at the end edits the real regulations at random; whenever the interpreter gives another
outcome for a test of the regulation, the diff must not call the two versions equal.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from regelwerk.cli import main
from regelwerk.core.visitor import missing
from regelwerk.diff import Report, compare_modules
from regelwerk.diff.meaning import ExpressionDifferences, Same, meaning_changes
from regelwerk.interpret.evaluator import evaluate
from regelwerk.interpret.testing import run_tests
from regelwerk.pipeline import CheckedModule, load_text
from tests.conftest import ROOT, compile_ok, source

KORTING = """
invoer kinderen: aantal

regel korting: bedrag
  = € 0,00
  uitzonderingen in volgorde
  behalve als kinderen > 0: € 200,00
  behalve als kinderen > 1: € 300,00

uitvoer korting
"""

LINES = ("  behalve als kinderen > 0: € 200,00\n", "  behalve als kinderen > 1: € 300,00\n")


def swapped(text: str) -> str:
    first, second = LINES
    assert first in text and second in text
    return text.replace(first + second, second + first)


def diff(old_body: str, new_body: str) -> Report:
    return compare_modules(compile_ok(old_body), compile_ok(new_body))


def korting(body: str, kinderen: int) -> Any:
    result = evaluate(compile_ok(body), {"kinderen": kinderen}, datetime.date(2026, 3, 1))
    return result.uitvoer["korting"]


# ------------------------------------------------------------------ the order of exceptions


def test_swapped_ordered_exceptions_change_the_outcome_and_the_diff_says_so() -> None:
    assert korting(KORTING, 2) == Decimal("200.00")
    assert korting(swapped(KORTING), 2) == Decimal("300.00")
    report = diff(KORTING, swapped(KORTING))
    assert not report.equal
    found = report.definition("korting")
    assert found is not None
    (change,) = found.changes
    assert change.kind == "uitzondering-volgorde"
    assert change.old == "in volgorde: 1. kinderen > 0; 2. kinderen > 1"
    assert change.new == "in volgorde: 1. kinderen > 1; 2. kinderen > 0"
    assert [(a.output, a.causes) for a in report.affected] == [("korting", ("korting",))]


def test_the_summary_shows_the_order_before_and_after() -> None:
    from regelwerk.diff import render_summary

    summary = render_summary(diff(KORTING, swapped(KORTING)))
    assert "- Voorrang van de uitzonderingen gewijzigd\n" \
           "  - Oud: in volgorde: 1. kinderen &gt; 0; 2. kinderen &gt; 1\n" \
           "  - Nieuw: in volgorde: 1. kinderen &gt; 1; 2. kinderen &gt; 0\n" in summary


def test_swapped_exceptions_of_equal_priority_are_equal() -> None:
    unordered = KORTING.replace("  uitzonderingen in volgorde\n", "").replace(
        "kinderen > 0: € 200,00", "kinderen = 1: € 200,00")
    first, second = "  behalve als kinderen = 1: € 200,00\n", LINES[1]
    report = diff(unordered, unordered.replace(first + second, second + first))
    assert report.equal, report.definitions


def test_turning_the_order_off_is_a_change() -> None:
    # exclusive conditions: the same outcome, but the core says which exception wins
    exclusive = KORTING.replace("kinderen > 0", "kinderen = 1")
    report = diff(exclusive, exclusive.replace("  uitzonderingen in volgorde\n", ""))
    found = report.definition("korting")
    assert found is not None
    assert [c.kind for c in found.changes] == ["uitzondering-volgorde"]
    assert found.changes[0].new == "gelijkwaardig (kinderen = 1; kinderen > 1)"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True,
                   capture_output=True)


def test_cli_diff_against_head_after_swapping_ordered_exceptions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    rule = repo / "regulations" / "proef" / "proef.rw"
    rule.parent.mkdir(parents=True)
    rule.write_text(source(KORTING), encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "eerste versie")
    monkeypatch.chdir(repo)
    path = "regulations/proef/proef.rw"
    runner = CliRunner()
    arguments = ["run", path, "--peildatum", "2026-03-01", "--invoer", "-"]
    before = runner.invoke(main, arguments, input='{"kinderen": 2}', catch_exceptions=False)
    rule.write_text(swapped(source(KORTING)), encoding="utf-8")
    after = runner.invoke(main, arguments, input='{"kinderen": 2}', catch_exceptions=False)
    assert before.exit_code == after.exit_code == 0, before.stdout + after.stdout
    assert "200.00" in before.stdout and "300.00" in after.stdout
    result = runner.invoke(main, ["diff", f"{path}@HEAD", path], catch_exceptions=False)
    assert result.exit_code == 1, result.stdout
    assert "inhoudelijk gelijk" not in result.stdout
    assert "Voorrang van de uitzonderingen gewijzigd" in result.stdout


# ------------------------------------------------------------------ rounding, conversion, dates


def test_rounding_mode_change() -> None:
    body = """
    invoer inkomen: bedrag
    regel bijdrage: bedrag
      = inkomen × 3 % rekenkundig afgerond op hele euro's
    regel totaal: bedrag
      = bijdrage + € 1,00
    uitvoer totaal
    """
    report = diff(body, body.replace("rekenkundig afgerond", "naar boven afgerond"))
    found = report.definition("bijdrage")
    assert found is not None
    (change,) = found.changes
    assert change.kind == "regel-waarde"
    assert change.detail("afronding") == {"oud": "op 1, rekenkundig", "nieuw": "op 1, naar boven"}
    assert [(a.output, a.causes) for a in report.affected] == [("totaal", ("bijdrage",))]


def test_conversion_factor_behind_the_same_text() -> None:
    body = """
    parameter premie: bedrag per maand
      vanaf 2026-01-01: € 10,00
    regel jaarpremie: bedrag per jaar
      = premie omgerekend per jaar
    uitvoer jaarpremie
    """
    report = diff(body, body.replace("premie: bedrag per maand", "premie: bedrag per kwartaal"))
    assert not report.equal
    rule = report.definition("jaarpremie")
    assert rule is not None
    assert [(c.kind, c.old, c.new) for c in rule.changes] == [
        ("omrekening", "× 12 (maand → jaar)", "× 4 (kwartaal → jaar)")]
    assert [(a.output, a.causes) for a in report.affected] == [
        ("jaarpremie", ("jaarpremie", "premie"))]


DATED = """
parameter toeslag: bedrag
  vanaf 2026-01-01: € 10,00
  vanaf 2026-07-01: € 12,00
regel uitkering: bedrag
  = toeslag × 2
uitvoer uitkering
"""


def test_a_dated_value_on_another_date() -> None:
    report = diff(DATED, DATED.replace("2026-07-01", "2026-08-01"))
    found = report.definition("toeslag")
    assert found is not None
    assert sorted(c.kind for c in found.changes) == [
        "parameter-waarde-toegevoegd", "parameter-waarde-verwijderd"]
    assert [a.output for a in report.affected] == ["uitkering"]


def test_a_provisional_mark_is_a_change() -> None:
    report = diff(DATED, DATED.replace("€ 12,00", '€ 12,00 voorlopig "nog niet bekendgemaakt"'))
    assert not report.equal
    assert [a.output for a in report.affected] == ["uitkering"]


def test_a_default_of_a_field() -> None:
    body = """
    gegevens kind
      geboortedatum: datum
      bedrag_oud: bedrag per maand = € 0,00
    invoer kinderen: lijst van kind
    regel totaal: bedrag per maand
      = som van (kind.bedrag_oud) over kinderen
    uitvoer totaal
    """
    report = diff(body, body.replace("= € 0,00", "= € 5,00"))
    found = report.definition("kind")
    assert found is not None
    assert [c.kind for c in found.changes] == ["gegeven-standaard"]
    assert [d.name for d in report.definitions] == ["kind"]
    assert [(a.output, a.causes) for a in report.affected] == [("totaal", ("kind",))]


# ------------------------------------------------------------------ the fallback and the visitor


def test_a_core_difference_without_a_surface_change_is_still_reported() -> None:
    old, new = compile_ok(KORTING), compile_ok(KORTING.replace("€ 300,00", "€ 301,00"))
    before, after = old.core().find("proef", "korting"), new.core().find("proef", "korting")
    found = meaning_changes(Same("proef", "proef"), before, after, (), str, str)
    assert found.changes and {c.kind for c in found.changes} == {"betekenis-gewijzigd"}
    assert found.changes[0].detail("onderdeel") == "een uitzondering"


def test_the_expression_visitor_handles_every_core_expression() -> None:
    assert missing(ExpressionDifferences) == []


# ------------------------------------------------------------------ property: edits of the regulations


REGULATIONS = sorted((ROOT / "regulations").glob("*/*.rw"))
PROPERTY = settings(max_examples=int(os.environ.get("DIFF_EXAMPLES", "30")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

Edit = tuple[str, int, int]  # kind, which occurrence, a small number


def _rules_part(text: str) -> tuple[str, str]:
    """The definitions, and the test blocks (never edited: both versions run the same tests)."""
    match = re.search(r"^test ", text, re.MULTILINE)
    return (text, "") if match is None else (text[:match.start()], text[match.start():])


def _blocks(lines: list[str], start: int) -> int:
    """The end of the exception that starts at line `start` (its value may follow, indented)."""
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    return end


def apply_edit(text: str, edit: Edit) -> str | None:
    kind, which, amount = edit
    rules, tests = _rules_part(text)
    lines = rules.splitlines(keepends=True)
    if kind == "swap":
        starts = [i for i, line in enumerate(lines) if line.startswith("  behalve als ")
                  and i + 1 < len(lines)]
        pairs = [(i, _blocks(lines, i)) for i in starts if lines[_blocks(lines, i)]
                 .startswith("  behalve als ")]
        if not pairs:
            return None
        first, middle = pairs[which % len(pairs)]
        end = _blocks(lines, middle)
        lines[first:end] = lines[middle:end] + lines[first:middle]
        return "".join(lines) + tests
    if kind == "order":
        found = [i for i, line in enumerate(lines) if line == "  uitzonderingen in volgorde\n"]
        if found:
            del lines[found[which % len(found)]]
            return "".join(lines) + tests
        firsts = [i for i, line in enumerate(lines) if line.startswith("  behalve als ")
                  and not lines[i - 1].startswith("  behalve als ")
                  and not lines[i - 1].startswith("    ")
                  and any(x.startswith("  behalve als ") for x in lines[_blocks(lines, i):][:1])]
        if not firsts:
            return None
        lines.insert(firsts[which % len(firsts)], "  uitzonderingen in volgorde\n")
        return "".join(lines) + tests
    patterns = {
        "number": r"(?<=€ )\d{1,3}(?:\.\d{3})*,\d\d|\b\d+(?=,\d+ %| %)",
        "rounding": r"(?:rekenkundig |naar beneden |naar boven )?afgerond",
        "comparison": r"(?<= )(?:<|>|≤|≥)(?= )",
        "date": r"(?<=^  vanaf )\d{4}-\d\d-\d\d(?=:)",
    }
    matches = list(re.finditer(patterns[kind], rules, re.MULTILINE))
    matches = [m for m in matches if not _in_comment_or_text(rules, m.start())]
    if not matches:
        return None
    match = matches[which % len(matches)]
    old = match.group(0)
    if kind == "number":
        digits = old.replace(".", "")
        if "," in digits:
            whole, cents = digits.split(",")
            value = int(whole) * 100 + int(cents) + amount
            new = f"{value // 100},{value % 100:02d}"
        else:
            new = str(int(digits) + amount)
    elif kind == "rounding":
        modes = ["rekenkundig afgerond", "naar beneden afgerond", "naar boven afgerond"]
        new = modes[amount % 3]
    elif kind == "comparison":
        new = {"<": "≤", "≤": "<", ">": "≥", "≥": ">"}[old] if amount % 2 else \
            {"<": ">", ">": "<", "≤": "≥", "≥": "≤"}[old]
    else:
        day = datetime.date.fromisoformat(old) + datetime.timedelta(days=amount * 17)
        new = day.isoformat()
    if new == old:
        return None
    return rules[:match.start()] + new + rules[match.end():] + tests


def _in_comment_or_text(text: str, position: int) -> bool:
    line = text[text.rfind("\n", 0, position) + 1:position]
    return "#" in line or line.count('"') % 2 == 1 or "[" in line and "]" not in line


_CHECKED: dict[Path, tuple[str, CheckedModule, Any]] = {}


def _outcomes(checked: CheckedModule) -> Any:
    """What the interpreter computes for every test of the regulation: the values that differ
    from what the test expects (the tests are the same in both versions), or the error."""
    return [(r.name, r.error, tuple((m.name, m.actual) for m in r.mismatches))
            for r in run_tests(checked)]


def _original(path: Path) -> tuple[str, CheckedModule, Any]:
    if path not in _CHECKED:
        text = path.read_text(encoding="utf-8")
        result = load_text(text, str(path.relative_to(ROOT)))
        assert result.ok
        _CHECKED[path] = (text, result.checked[0], _outcomes(result.checked[0]))
    return _CHECKED[path]


@PROPERTY
@given(st.sampled_from(REGULATIONS),
       st.sampled_from(["number", "swap", "order", "rounding", "comparison", "date"]),
       st.integers(0, 40), st.integers(1, 9))
def test_a_different_outcome_is_never_called_equal(path: Path, kind: str, which: int,
                                                   amount: int) -> None:
    text, checked, outcomes = _original(path)
    edited = apply_edit(text, (kind, which, amount))
    assume(edited is not None and edited != text)
    assert edited is not None
    result = load_text(edited, str(path.relative_to(ROOT)))
    assume(result.ok)
    changed = result.checked[0]
    report = compare_modules(checked, changed)
    if _outcomes(changed) != outcomes:
        assert not report.equal, (kind, which, amount)
    if report.equal:
        assert checked.core() == changed.core() or kind == "swap"
