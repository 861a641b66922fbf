"""`onbekend "reden"`: a parameter value or table version that is explicitly unknown from a date on.

A calculation that needs it stops with the reason (interpreter and generated module alike); one
that does not need it goes on. Checks list it (RW505), the annex and the diff show it, the
formatter keeps it, and a test can expect it: `verwacht x = onbekend`.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from regelwerk import runtime
from regelwerk.backends.annex import build_annex, render_html, render_markdown
from regelwerk.diff import compare_modules, render_summary
from regelwerk.fmt import format_text
from regelwerk.interpret.evaluator import OnbekendeWaarde, RekenFout, evaluate
from regelwerk.interpret.testing import run_tests
from regelwerk.ir import nodes as ir
from regelwerk.pipeline import load_text
from tests.conftest import check, codes, compile_ok, errors, import_generated, source

RULES = """
invoer inkomen: bedrag per jaar                       [art. 1]
invoer kinderen: aantal                               [art. 2]

parameter basisbedrag: bedrag per maand               [art. 3]
  vanaf 2026-01-01: € 176,66                          [bron a]
  vanaf 2026-09-01: onbekend "indexering van september 2026 niet gevonden"  [bron b]

tabel schaal                                          [art. 4]
  vanaf 2026-01-01:
    | inkomen (bedrag per jaar) | toeslag (bedrag per maand) |
    | tot € 30.000,00           | € 70,50                    |
    | vanaf € 30.000,00         | € 0,00                     |
  vanaf 2026-07-01: onbekend "grenzen vanaf juli 2026 niet gevonden"  [bron c]

regel toeslag: bedrag per maand                       [art. 5]
  = als kinderen > 0 dan schaal(inkomen) anders € 0,00

regel totaal: bedrag per maand                        [art. 6]
  = basisbedrag × kinderen + toeslag

uitvoer totaal, toeslag
"""

INPUT = {"inkomen": "20000", "kinderen": 2}


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


# ------------------------------------------------------------------ syntax and IR


def test_parameter_value_and_table_version_are_unknown_in_the_ir() -> None:
    module = compile_ok(RULES).module
    parameter = module.definition("basisbedrag")
    assert isinstance(parameter, ir.ParameterDef)
    known, unknown = parameter.values
    assert known.value is not None and known.unknown is None
    assert unknown.value is None and unknown.unknown is not None
    assert unknown.unknown.reason == "indexering van september 2026 niet gevonden"
    assert unknown.valid_from == day("2026-09-01") and unknown.reference is not None
    table = module.definition("schaal")
    assert isinstance(table, ir.TableDef)
    rows, missing = table.versions
    assert missing.unknown is not None and missing.rows == ()
    # the unknown version carries the columns of the known one: one signature per table
    assert missing.columns == rows.columns


def test_reason_is_required() -> None:
    text = "parameter p: bedrag    [a]\n  vanaf 2026-01-01: onbekend    [b]\n"
    assert errors(text) and errors(text)[0].startswith("RW00")


def test_onbekend_is_a_reserved_word() -> None:
    # `verwacht x = onbekend` reads the word as the keyword, so nothing may be called so
    assert "RW014" in errors("keuze status: bekend, onbekend    [a]\n")


# ------------------------------------------------------------------ checks


def test_every_unknown_value_is_listed_as_a_warning() -> None:
    result = check(RULES)
    found = [d for d in result.diagnostics if d.code == "RW505"]
    assert [d.message for d in found] == [
        "parameter basisbedrag vanaf 2026-09-01 is onbekend: indexering van september 2026 niet "
        "gevonden",
        "tabel schaal vanaf 2026-07-01 is onbekend: grenzen vanaf juli 2026 niet gevonden",
    ]
    assert all(not d.is_error for d in found)
    assert [d.span.line for d in found] == [10, 17]


def test_an_unknown_table_version_is_no_gap() -> None:
    assert not errors(RULES)
    assert "RW301" not in codes(RULES)


def test_a_table_without_any_known_version_has_no_columns() -> None:
    text = 'tabel t    [a]\n  vanaf 2026-01-01: onbekend "nog niets"    [b]\n'
    result = check(text)
    assert [d.code for d in result.diagnostics if d.is_error] == ["RW209"]
    assert "geen enkele bekende versie" in result.diagnostics[0].message


def test_a_duration_without_any_known_value_has_no_unit() -> None:
    text = 'parameter p: duur    [a]\n  vanaf 2026-01-01: onbekend "nog niets"    [b]\n'
    assert "RW216" in errors(text)


def test_a_parameter_that_is_unknown_everywhere_is_allowed() -> None:
    text = ('parameter p: bedrag    [a]\n  vanaf 2026-01-01: onbekend "nog niets"    [b]\n'
            "regel r: bedrag    [c]\n  = p\nuitvoer r\n")
    assert not errors(text)


def test_an_input_cannot_be_given_as_unknown() -> None:
    text = RULES + '\ntest "t"\n  gegeven inkomen = onbekend, kinderen = 1\n  verwacht toeslag = € 0,00\n'
    result = check(text)
    found = [d for d in result.diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW217"]
    assert "'inkomen' kan niet 'onbekend' gegeven worden" in found[0].message


# ------------------------------------------------------------------ the interpreter


def test_known_dates_compute_normally() -> None:
    result = evaluate(compile_ok(RULES), INPUT, day("2026-03-01"))
    assert str(result.uitvoer["totaal"]) == "423.82"


def test_a_calculation_that_needs_an_unknown_value_stops_with_the_reason() -> None:
    with pytest.raises(OnbekendeWaarde) as caught:
        evaluate(compile_ok(RULES), INPUT, day("2026-08-15"))
    assert isinstance(caught.value, RekenFout)
    assert caught.value.message == ("de berekening stopt: tabel schaal is onbekend vanaf "
                                    "2026-07-01 (grenzen vanaf juli 2026 niet gevonden)")
    assert caught.value.span is not None and caught.value.span.line == 17


def test_a_calculation_that_does_not_need_it_goes_on() -> None:
    # no children: the table is never read, so its unknown version does not matter
    result = evaluate(compile_ok(RULES), {"inkomen": "20000", "kinderen": 0},
                      day("2026-07-15"), outputs=["toeslag"])
    assert str(result.uitvoer["toeslag"]) == "0.00"
    with pytest.raises(OnbekendeWaarde, match="parameter basisbedrag is onbekend vanaf "
                                              "2026-09-01"):
        evaluate(compile_ok(RULES), {"inkomen": "20000", "kinderen": 0}, day("2026-09-15"))


def test_the_old_value_is_never_used_silently_after_the_unknown_date() -> None:
    checked = compile_ok(RULES)
    assert evaluate(checked, {"inkomen": "40000", "kinderen": 1}, day("2026-06-30")).uitvoer
    with pytest.raises(OnbekendeWaarde):
        evaluate(checked, {"inkomen": "40000", "kinderen": 1}, day("2026-07-01"))


# ------------------------------------------------------------------ tests in the rule file


TESTS = """
test "voor de onbekende periode"
  peildatum 2026-03-01
  gegeven inkomen = € 20.000,00, kinderen = 2
  verwacht totaal = € 423,82

test "de toeslag stopt, het totaal dus ook"
  peildatum 2026-07-15
  gegeven inkomen = € 20.000,00, kinderen = 2
  verwacht toeslag = onbekend, totaal = onbekend

test "zonder kinderen is de toeslag bekend, het totaal niet"
  peildatum 2026-09-15
  gegeven inkomen = € 20.000,00, kinderen = 0
  verwacht toeslag = € 0,00, totaal = onbekend
"""


def test_a_test_can_expect_a_calculation_to_stop() -> None:
    results = run_tests(compile_ok(RULES + TESTS))
    assert [(r.name, r.passed) for r in results] == [
        ("voor de onbekende periode", True),
        ("de toeslag stopt, het totaal dus ook", True),
        ("zonder kinderen is de toeslag bekend, het totaal niet", True),
    ]


def test_expecting_unknown_fails_when_the_value_is_known() -> None:
    text = RULES + ('\ntest "t"\n  peildatum 2026-03-01\n  gegeven inkomen = € 20.000,00, '
                    "kinderen = 0\n  verwacht toeslag = onbekend\n")
    (result,) = run_tests(compile_ok(text))
    assert not result.passed
    (mismatch,) = result.mismatches
    assert (mismatch.name, mismatch.expected, mismatch.actual) == (
        "toeslag", "onbekend (de berekening stopt)", "€ 0,00 per maand")


def test_expecting_a_value_fails_with_the_reason_when_it_is_unknown() -> None:
    text = RULES + ('\ntest "t"\n  peildatum 2026-09-15\n  gegeven inkomen = € 20.000,00, '
                    "kinderen = 0\n  verwacht totaal = € 0,00\n")
    (result,) = run_tests(compile_ok(text))
    assert not result.passed
    assert result.error == ("de berekening stopt: parameter basisbedrag is onbekend vanaf "
                            "2026-09-01 (indexering van september 2026 niet gevonden)")


# ------------------------------------------------------------------ the generated module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return import_generated(tmp_path_factory.mktemp("onbekend"), RULES)


def test_the_generated_module_stops_like_the_interpreter(generated: Any) -> None:
    bereken, rt = generated.bereken, generated.rt
    assert str(bereken(INPUT, "2026-03-01").uitvoer["totaal"]) == "423.82"
    with pytest.raises(rt.OnbekendeWaarde) as caught:
        bereken(INPUT, "2026-08-15")
    error = caught.value
    assert isinstance(error, rt.RekenFout)
    assert (error.soort, error.naam, error.vanaf, error.reden) == (
        "tabel", "schaal", day("2026-07-01"), "grenzen vanaf juli 2026 niet gevonden")
    with pytest.raises(OnbekendeWaarde) as interpreted:
        evaluate(compile_ok(RULES), INPUT, day("2026-08-15"))
    assert error.melding == interpreted.value.message
    # without children the unknown table is never read: the calculation goes on
    assert str(bereken({"inkomen": "1", "kinderen": 0}, "2026-07-15").uitvoer["totaal"]) == "0.00"


def test_the_generated_module_raises_the_runtime_class() -> None:
    error = runtime.OnbekendeWaarde("parameter", "p", day("2027-01-01"), "niet gevonden")
    assert error.melding == "de berekening stopt: parameter p is onbekend vanaf 2027-01-01 " \
                            "(niet gevonden)"


# ------------------------------------------------------------------ annex, diff and formatter


def test_the_annex_lists_and_marks_unknown_values() -> None:
    annex = build_annex(compile_ok(RULES))
    markdown = render_markdown(annex)
    assert "### Onbekende waarden" in markdown
    assert "- *basisbedrag* (art. 3), vanaf 1 september 2026: indexering van september " \
           "2026 niet gevonden" in markdown
    assert "| 1 september 2026 | — | onbekend | indexering van september 2026 niet gevonden; " \
           "[bron b] |" in markdown
    assert "(onbekend) [bron c]: de rijen zijn onbekend (grenzen vanaf juli 2026 niet " \
           "gevonden)" in markdown
    html = render_html(annex)
    assert '<tr class="onbekend">' in html
    assert '<h3 id="onbekende-waarden">Onbekende waarden</h3>' in html


def test_a_reason_cannot_inject_markup() -> None:
    text = RULES.replace("indexering van september 2026 niet gevonden",
                         "<script>alert(1)</script> & <b>")
    html = render_html(build_annex(compile_ok(text)))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in html


def test_the_diff_shows_a_value_becoming_known() -> None:
    old = compile_ok(RULES)
    filled = RULES.replace(
        'vanaf 2026-09-01: onbekend "indexering van september 2026 niet gevonden"',
        "vanaf 2026-09-01: € 180,19").replace(
        'vanaf 2026-07-01: onbekend "grenzen vanaf juli 2026 niet gevonden"',
        "vanaf 2026-07-01:\n    | inkomen (bedrag per jaar) | toeslag (bedrag per maand) |\n"
        "    | tot € 31.000,00           | € 72,00                    |\n"
        "    | vanaf € 31.000,00         | € 0,00                     |")
    summary = render_summary(compare_modules(old, compile_ok(filled)))
    assert ("Waarde vanaf 1 september 2026: onbekend (indexering van september 2026 niet "
            "gevonden) → € 180,19 per maand") in summary
    assert "Versie vanaf 1 juli 2026: onbekend (grenzen vanaf juli 2026 niet gevonden) → " \
           "2 rijen" in summary
    assert "Nieuwe rij 1: minder dan € 31.000,00: € 72,00" in summary


def test_the_formatter_keeps_unknown_values_and_expectations() -> None:
    messy = source(RULES + TESTS).replace(
        'vanaf 2026-09-01: onbekend "indexering',
        'vanaf 2026-09-01:   onbekend    "indexering').replace(
        "verwacht toeslag = onbekend, totaal = onbekend",
        "verwacht toeslag=onbekend,totaal =   onbekend")
    formatted = format_text(messy, "proef.rw").text
    assert formatted is not None and formatted == format_text(source(RULES + TESTS)).text
    assert '  vanaf 2026-09-01: onbekend "indexering van september 2026 niet gevonden"  [bron b]' \
        in formatted
    assert "  verwacht toeslag = onbekend, totaal = onbekend\n" in formatted
    assert format_text(formatted, "proef.rw").text == formatted
    assert load_text(formatted, "proef.rw").ok


def test_the_diff_names_a_new_unknown_version() -> None:
    without = RULES.replace(
        '  vanaf 2026-07-01: onbekend "grenzen vanaf juli 2026 niet gevonden"  [bron c]\n', "")
    summary = render_summary(compare_modules(compile_ok(without), compile_ok(RULES)))
    assert "Nieuwe versie van de tabel vanaf 1 juli 2026: onbekend (grenzen vanaf juli 2026 niet " \
           "gevonden)" in summary


def test_a_value_unknown_without_date_gets_a_hint() -> None:
    result = check('parameter p: bedrag = onbekend "nog niets"    [a]\n')
    (error,) = [d for d in result.diagnostics if d.is_error]
    assert error.code == "RW101" and "vanaf jjjj-mm-dd: onbekend" in error.hint
