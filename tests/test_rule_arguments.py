"""A rule with arguments: `regel omkadering_vanaf(dag: datum): bedrag`, used as
`omkadering_vanaf(begin_2e_kwartaal)`; computed once per set of arguments."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from regelwerk.backends.annex import build_annex, render_markdown
from regelwerk.diff import compare_modules, render_summary
from regelwerk.fmt import format_text
from regelwerk.interpret.evaluator import evaluate
from regelwerk.interpret.explain import render_tree
from tests.conftest import check, compile_ok, import_generated, source

RULES = """
invoer vte: getal                                       [a]

parameter per_vte: bedrag per jaar                      [b]
  vanaf 2026-01-01: € 1.200,00
  vanaf 2026-07-01: € 2.400,00

regel omkadering_vanaf(dag: datum): bedrag              [c]
  = vte × per_vte op dag × 3 maanden

regel korting(bedrag: bedrag; verhoogd: ja/nee): bedrag  [d]
  = minimum van (bedrag; € 100,00)
  behalve als verhoogd: minimum van (bedrag; € 150,00)  [d, lid 2]

regel totaal: bedrag                                    [e]
  = omkadering_vanaf(peildatum) + omkadering_vanaf(peildatum + 6 maanden)
    + omkadering_vanaf(peildatum)

regel kortingen: bedrag                                 [f]
  = korting(€ 120,00; nee) + korting(€ 120,00; ja)

uitvoer totaal, kortingen
"""

DAY = datetime.date(2026, 1, 1)


def test_a_rule_is_computed_for_its_arguments() -> None:
    result = evaluate(compile_ok(RULES), {"vte": "2"}, DAY)
    # 2 × 1.200 / 4 = 600 (twice: once computed, once remembered) + 2 × 2.400 / 4 = 1.200
    assert result.uitvoer == {"totaal": Decimal("2400.00"), "kortingen": Decimal("220.00")}


def test_the_explanation_names_the_arguments() -> None:
    result = evaluate(compile_ok(RULES), {"vte": "2"}, DAY, outputs=["totaal"])
    tree = render_tree(result.uitleg)
    assert "omkadering_vanaf (dag = 2026-07-01) = € 1.200,00  regel [c]" in tree
    assert tree.count("omkadering_vanaf (dag = 2026-01-01)") == 2


@pytest.mark.parametrize(("old", "new", "code", "message"), [
    ("omkadering_vanaf(peildatum + 6 maanden)", "omkadering_vanaf(peildatum; 2)", "RW205",
     "regel omkadering_vanaf heeft 1 argument, maar krijgt 2"),
    ("omkadering_vanaf(peildatum + 6 maanden)", "omkadering_vanaf(6)", "RW201",
     "argument dag van regel omkadering_vanaf"),
    ("    + omkadering_vanaf(peildatum)\n", "    + omkadering_vanaf\n", "RW206",
     "regel omkadering_vanaf heeft argumenten nodig"),
    ("uitvoer totaal, kortingen", "uitvoer totaal, korting", "RW215",
     "regel korting heeft argumenten en kan geen uitvoer zijn"),
    ("(bedrag: bedrag; verhoogd", "(bedrag: lijst van x; verhoogd", "RW102", "'x'"),
])
def test_what_the_check_says(old: str, new: str, code: str, message: str) -> None:
    text = RULES.replace(old, new)
    assert text != RULES
    found = [d for d in check(text).diagnostics if d.is_error]
    assert found and found[0].code == code and message in found[0].message, found


def test_a_test_cannot_expect_it_without_arguments() -> None:
    text = RULES + '\ntest "t"\n  peildatum 2026-01-01\n  gegeven vte = 1\n  verwacht korting = € 1,00\n'
    found = [d for d in check(text).diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW603"]


def test_exceptions_are_checked_for_every_value_of_an_argument() -> None:
    text = RULES.replace("  behalve als verhoogd: minimum van (bedrag; € 150,00)  [d, lid 2]\n",
                         "  behalve als verhoogd: € 150,00  [d, lid 2]\n"
                         "  behalve als bedrag > € 200,00: € 0,00  [d, lid 3]\n")
    found = [d for d in check(text).diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW310"]
    assert "korting(bedrag)" in found[0].message


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return import_generated(tmp_path_factory.mktemp("argumenten"), RULES)


def test_the_generated_module_equals_the_interpreter(generated: Any) -> None:
    checked = compile_ok(RULES)
    for vte in ("0", "1", "2.5"):
        want = evaluate(checked, {"vte": vte}, DAY)
        got = generated.bereken({"vte": vte}, DAY)
        assert dict(got.uitvoer) == want.uitvoer
        assert [n.naar_json() for n in got.uitleg()] == [n.naar_json() for n in want.uitleg]
    assert "@rt.regel_met('omkadering_vanaf'" in generated.source_text


def test_annex_diff_and_formatter() -> None:
    markdown = render_markdown(build_annex(compile_ok(RULES)))
    assert "- Berekend voor: *bedrag* (bedrag) en *verhoogd* (ja/nee)" in markdown
    assert "de *omkadering vanaf* met als dag de peildatum" in markdown
    changed = RULES.replace("(bedrag: bedrag; verhoogd: ja/nee)", "(bedrag: bedrag)").replace(
        "  behalve als verhoogd: minimum van (bedrag; € 150,00)  [d, lid 2]\n", "").replace(
        "korting(€ 120,00; nee) + korting(€ 120,00; ja)", "korting(€ 120,00)")
    summary = render_summary(compare_modules(compile_ok(RULES), compile_ok(changed)))
    assert "Argumenten: (bedrag: bedrag; verhoogd: ja/nee) → (bedrag: bedrag)" in summary
    messy = source(RULES).replace("korting(bedrag: bedrag; verhoogd: ja/nee)",
                                  "korting( bedrag:bedrag ;  verhoogd : ja/nee )")
    formatted = format_text(messy, "proef.rw").text
    assert formatted is not None and formatted == format_text(source(RULES), "proef.rw").text
    assert "regel korting(bedrag: bedrag; verhoogd: ja/nee): bedrag" in formatted
