"""A field of `gegevens` with a default (`bedrag_oud: bedrag per maand = € 0,00`) may be left out."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
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
keuze huisvesting: volledig, gelijkmatig_verdeeld      [a]

gegevens kind                                          [b]
  geboortedatum: datum                                 [b]
  huisvesting: huisvesting = volledig                  [b]
  bedrag_oud: bedrag per maand = € 0,00                [b]
    "Alleen voor een kind van vóór 2019."

invoer kinderen: lijst van kind                        [c]

regel totaal: bedrag per maand                         [d]
  = som van (kind.bedrag_oud) over kinderen

regel gedeeld: aantal                                  [d]
  = aantal kinderen waarvoor kind.huisvesting = gelijkmatig_verdeeld

uitvoer totaal, gedeeld
"""

CHILDREN = [{"geboortedatum": "2020-01-01"},
            {"geboortedatum": "2015-01-01", "bedrag_oud": "100.00",
             "huisvesting": "gelijkmatig_verdeeld"}]


def test_the_input_may_leave_a_field_with_a_default_out() -> None:
    result = evaluate(compile_ok(RULES), {"kinderen": CHILDREN}, datetime.date(2026, 3, 1))
    assert result.uitvoer == {"totaal": Decimal("100.00"), "gedeeld": Decimal(1)}


def test_a_field_without_default_is_still_required() -> None:
    with pytest.raises(InvoerFout) as caught:
        evaluate(compile_ok(RULES), {"kinderen": [{"huisvesting": "volledig"}]},
                 datetime.date(2026, 3, 1))
    assert (caught.value.field, caught.value.message) == ("kinderen[0].geboortedatum", "ontbreekt")


def test_a_test_may_leave_it_out_too() -> None:
    text = RULES + ('\ntest "t"\n  gegeven\n    kinderen:\n      - geboortedatum = 2020-01-01\n'
                    "  verwacht totaal = € 0,00, gedeeld = 0\n")
    (result,) = run_tests(compile_ok(text))
    assert result.passed, result
    missing = RULES + ('\ntest "t"\n  gegeven\n    kinderen:\n      - huisvesting = volledig\n'
                       "  verwacht totaal = € 0,00\n")
    found = [d for d in check(missing).diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW604"] and "mist geboortedatum" in found[0].message


@pytest.mark.parametrize(("default", "code", "message"), [
    ("= € 1,00 × 2", "RW217", "de standaardwaarde van bedrag_oud moet een vaste waarde zijn"),
    ("= 3 %", "RW201", "de standaardwaarde van bedrag_oud"),
    ("= volledig", "RW201", "de standaardwaarde van bedrag_oud"),
])
def test_a_default_is_a_fixed_value_of_the_field_type(default: str, code: str,
                                                      message: str) -> None:
    text = RULES.replace("bedrag_oud: bedrag per maand = € 0,00 ",
                         f"bedrag_oud: bedrag per maand {default}")
    found = [d for d in check(text).diagnostics if d.is_error]
    assert [d.code for d in found] == [code]
    assert message in found[0].message


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return import_generated(tmp_path_factory.mktemp("standaard"), RULES)


def test_the_generated_module_fills_in_defaults(generated: Any) -> None:
    result = generated.bereken({"kinderen": CHILDREN}, "2026-03-01")
    assert dict(result.uitvoer) == {"totaal": Decimal("100.00"), "gedeeld": Decimal(1)}
    with pytest.raises(generated.InvoerFout) as caught:
        generated.bereken({"kinderen": [{"bedrag_oud": "1"}]}, "2026-03-01")
    assert caught.value.veld == "kinderen[0].geboortedatum"


def test_schema_and_typed_dict_mark_the_field_optional(generated: Any) -> None:
    item = generated.INVOER_SCHEMA["properties"]["kinderen"]["items"]
    assert item["required"] == ["geboortedatum"]
    assert item["properties"]["bedrag_oud"]["default"] == "0.00"
    assert item["properties"]["huisvesting"]["default"] == "volledig"
    assert "    bedrag_oud: NotRequired[rt.GetalInvoer]" in generated.source_text


def test_annex_diff_and_formatter_show_the_default() -> None:
    markdown = render_markdown(build_annex(compile_ok(RULES)))
    assert "| Gegeven | Type | Als het ontbreekt | Omschrijving | Verwijzing |" in markdown
    assert "| *bedrag oud* | bedrag per maand | € 0,00 per maand | Alleen voor een kind van vóór " \
           "2019. | [b] |" in markdown
    changed = RULES.replace("= € 0,00 ", "= € 5,00 ")
    summary = render_summary(compare_modules(compile_ok(RULES), compile_ok(changed)))
    assert "Standaardwaarde van bedrag\\_oud: € 0,00 → € 5,00" in summary
    required = RULES.replace("huisvesting: huisvesting = volledig ", "huisvesting: huisvesting ")
    summary = render_summary(compare_modules(compile_ok(RULES), compile_ok(required)))
    assert "Standaardwaarde van huisvesting: volledig → geen (verplicht)" in summary
    messy = source(RULES).replace("huisvesting = volledig ", "huisvesting   =volledig ")
    formatted = format_text(messy, "proef.rw").text
    assert formatted == format_text(source(RULES), "proef.rw").text
    assert formatted is not None and "  huisvesting: huisvesting = volledig" in formatted


def test_groeipakket_lets_children_after_2018_leave_the_old_amount_out() -> None:
    path = Path(__file__).resolve().parents[1] / "regulations" / "groeipakket" / "groeipakket.rw"
    assert "maandbedrag_overgangsregeling: bedrag per maand = € 0,00" in path.read_text("utf-8")
