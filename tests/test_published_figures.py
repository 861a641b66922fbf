"""`verwacht x naar beneden afgerond op hele euro's = € 131,00`: a published, rounded figure next to
the exact outcome that the law gives."""

from __future__ import annotations

from regelwerk.fmt import format_text
from regelwerk.interpret.testing import run_tests
from tests.conftest import check, compile_ok, source

RULES = """
invoer jaarbedrag: bedrag per jaar                      [a]

regel per_maand: bedrag per maand                       [b]
  = jaarbedrag omgerekend per maand

regel rente: percentage                                 [c]
  = 13,456 %

uitvoer per_maand, rente
"""


def _test(lines: str) -> str:
    return RULES + f'\ntest "t"\n  gegeven jaarbedrag = € 1.573,00 per jaar\n{lines}'


def test_exact_and_published_side_by_side() -> None:
    text = _test("  verwacht per_maand = (€ 1.573,00 / 12) per maand\n"
                 "  verwacht per_maand naar beneden afgerond op hele euro's = € 131,00 per maand\n"
                 "  verwacht rente afgerond op 1 decimalen = 13,5 %\n")
    (result,) = run_tests(compile_ok(text))
    assert result.passed, result


def test_a_wrong_published_figure_shows_the_exact_and_the_rounded_outcome() -> None:
    text = _test("  verwacht per_maand naar beneden afgerond op hele euro's = € 132,00 per maand\n")
    (result,) = run_tests(compile_ok(text))
    (mismatch,) = result.mismatches
    assert mismatch.expected == "€ 132,00 per maand"
    assert mismatch.actual == ("€ 131,00 per maand (€ 131,0833333333333333333333333333333 per "
                               "maand naar beneden afgerond op hele euro's)")


def test_rounding_only_where_a_test_expects_a_number() -> None:
    given = RULES + ('\ntest "t"\n  gegeven jaarbedrag afgerond op de euro = € 1.573,00 per jaar\n'
                     "  verwacht per_maand = € 0,00\n")
    found = [d for d in check(given).diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW207"]
    assert "wordt gegeven, niet berekend" in found[0].message
    text = ("invoer d: datum    [a]\nregel r: datum    [b]\n  = d\nuitvoer r\n\n"
            'test "t"\n  gegeven d = 2026-01-01\n  verwacht r afgerond op de euro = 2026-01-01\n')
    found = [d for d in check(text).diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW207"]
    assert "'r' is datum en kan niet worden afgerond" in found[0].message


def test_the_formatter_keeps_the_rounding() -> None:
    text = _test("  verwacht per_maand   naar beneden  afgerond op hele euro's=€ 131,00 per maand\n")
    formatted = format_text(source(text), "proef.rw").text
    assert formatted is not None
    assert "  verwacht per_maand naar beneden afgerond op hele euro's = € 131,00 per maand\n" \
        in formatted
