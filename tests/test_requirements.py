"""`eis` under an input: a condition the input must meet, checked before anything is calculated."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from regelwerk.backends.annex import build_annex, render_markdown
from regelwerk.diff import compare_modules, render_summary
from regelwerk.fmt import format_text
from regelwerk.interpret.evaluator import evaluate
from regelwerk.interpret.testing import run_tests
from regelwerk.interpret.values import InvoerFout
from tests.conftest import check, compile_ok, import_generated, source

RULES = """
keuze rol: aanvrager, toeslagpartner                    [a]

gegevens persoon                                        [a]
  rol: rol                                              [a]
  inkomen: bedrag per jaar                              [a]

parameter grens: bedrag per jaar = € 1.000.000,00       [b]

invoer huishouden: lijst van persoon                    [c]
  eis (aantal huishouden waarvoor persoon.rol = aanvrager) = 1 "precies één aanvrager"  [art. 1]
  eis (aantal huishouden waarvoor persoon.rol = toeslagpartner) ≤ 1

invoer vermogen: bedrag                                 [d]
  eis vermogen ≥ € 0,00 "een vermogen van nul of meer"

regel totaal: bedrag per jaar                           [e]
  = som van (persoon.inkomen) over huishouden

uitvoer totaal
"""

DAY = datetime.date(2026, 3, 1)
ONE = {"rol": "aanvrager", "inkomen": "10"}
PARTNER = {"rol": "toeslagpartner", "inkomen": "5"}


@pytest.mark.parametrize(("household", "vermogen", "field", "message"), [
    ([ONE, ONE], "0", "huishouden", "voldoet niet aan de eis: precies één aanvrager"),
    ([], "0", "huishouden", "voldoet niet aan de eis: precies één aanvrager"),
    ([ONE, PARTNER, PARTNER], "0", "huishouden", "voldoet niet aan de eis: (aantal huishouden "
     "waarvoor persoon.rol = toeslagpartner) ≤ 1"),
    ([ONE], "-1", "vermogen", "voldoet niet aan de eis: een vermogen van nul of meer"),
])
def test_input_that_does_not_meet_an_eis_is_refused(household: list[Any], vermogen: str,
                                                     field: str, message: str) -> None:
    with pytest.raises(InvoerFout) as caught:
        evaluate(compile_ok(RULES), {"huishouden": household, "vermogen": vermogen}, DAY)
    assert (caught.value.field, caught.value.message) == (field, message)


def test_input_that_meets_every_eis_is_calculated() -> None:
    result = evaluate(compile_ok(RULES), {"huishouden": [ONE, PARTNER], "vermogen": "0"}, DAY)
    assert result.uitvoer == {"totaal": Decimal(15)}


def test_an_eis_reads_only_inputs_parameters_and_choice_values() -> None:
    text = RULES.replace("eis vermogen ≥ € 0,00", "eis totaal ≥ € 0,00 per jaar")
    found = [d for d in check(text).diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW219"]
    text = RULES.replace("eis vermogen ≥ € 0,00", "eis vermogen")
    assert [d.code for d in check(text).diagnostics if d.is_error] == ["RW204"]


def test_a_test_with_refused_input_fails_in_its_input() -> None:
    text = RULES + ('\ntest "t"\n  gegeven\n    huishouden:\n      - rol = toeslagpartner, '
                    "inkomen = € 1,00 per jaar\n  verwacht totaal = € 1,00 per jaar\n")
    (result,) = run_tests(compile_ok(text))
    assert not result.passed and result.error_in_input
    assert result.error == "huishouden: voldoet niet aan de eis: precies één aanvrager"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return import_generated(tmp_path_factory.mktemp("eisen"), RULES)


@pytest.mark.parametrize("household", [[ONE, ONE], [], [ONE, PARTNER, PARTNER]])
def test_the_generated_module_refuses_the_same_input(generated: Any, household: list[Any]
                                                     ) -> None:
    data = {"huishouden": household, "vermogen": "0"}
    with pytest.raises(InvoerFout) as expected:
        evaluate(compile_ok(RULES), data, DAY)
    for call in (lambda: generated.bereken(data, DAY),
                 lambda: generated.bereken_deel(data, DAY, ["totaal"])):
        with pytest.raises(generated.InvoerFout) as caught:
            call()
        assert (caught.value.veld, caught.value.melding) == (expected.value.field,
                                                               expected.value.message)


def test_annex_diff_and_formatter() -> None:
    markdown = render_markdown(build_annex(compile_ok(RULES)))
    assert "De invoer moet voldoen aan deze eisen; anders wordt er niet gerekend:" in markdown
    assert "precies één aanvrager: `(aantal huishouden waarvoor persoon.rol = aanvrager) = 1` " \
           "[art. 1]" in markdown
    changed = RULES.replace(" ≤ 1\n", " = 0\n")
    summary = render_summary(compare_modules(compile_ok(RULES), compile_ok(changed)))
    assert "Nieuwe eis: (aantal huishouden waarvoor persoon.rol = toeslagpartner) = 0" in summary
    assert "Eis geschrapt: (aantal huishouden waarvoor persoon.rol = toeslagpartner) ≤ 1" in summary
    messy = source(RULES).replace("  eis vermogen ≥ € 0,00", "  eis   vermogen≥€ 0,00")
    formatted = format_text(messy, "proef.rw").text
    assert formatted is not None and formatted == format_text(source(RULES), "proef.rw").text


def test_a_count_compared_without_parentheses_gets_a_hint() -> None:
    text = ("gegevens persoon    [a]\n  inkomen: bedrag per jaar    [a]\n"
            "invoer huishouden: lijst van persoon    [b]\n"
            "regel meer_dan_een: ja/nee    [c]\n"
            "  = aantal huishouden waarvoor persoon.inkomen > € 0,00 per jaar > 1\n"
            "uitvoer meer_dan_een\n")
    # a last comparison compares the count: (aantal ... waarvoor inkomen > 0) > 1
    assert not [d for d in check(text).diagnostics if d.is_error]
    text = text.replace("persoon.inkomen > € 0,00 per jaar > 1", "persoon.inkomen > € 0,00 per jaar")
    found = [d for d in check(text).diagnostics if d.is_error and d.code == "RW201"]
    assert len(found) == 1 and "zet haar dan tussen haakjes" in found[0].hint
