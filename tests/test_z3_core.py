"""The z3 translation over the core IR: every condition is decided exactly, or the check says why.

Counts and sums over a list are variables with what is known between them; what z3 cannot decide
exactly stands for a value of its own (the same expression the same value), and a question that
needed one is answered with a warning naming the reason (RW305, RW311), never with silence.
"""

from __future__ import annotations

import datetime

import pytest

from regelwerk.check.logic import Untranslatable, Z3Translator
from regelwerk.core import nodes as c
from regelwerk.core.visitor import missing
from regelwerk.diagnostics import Diagnostic
from regelwerk.ir import types as t
from regelwerk.pipeline import load_text

HEAD = """module voorbeeld
  geldig vanaf 2026-01-01

gegevens kind   [art. 1]
  leeftijd: aantal   [art. 1]
  kosten: bedrag   [art. 1]

invoer kinderen: lijst van kind   [art. 1]
invoer inkomen: bedrag   [art. 1]
invoer geboortedatum: datum   [art. 1]
invoer zorgbudget: ja/nee   [art. 1]

tabel schaal   [bijlage 1]
  | inkomen (bedrag) | korting (bedrag) |
  | tot € 1.000,00   | € 100,00         |
  | vanaf € 1.000,00 | € 0,00           |

"""


def korting(first: str, second: str) -> str:
    return HEAD + (f"regel korting: bedrag   [art. 2]\n  = € 0,00\n"
                   f"  behalve als {first}: € 200,00   [art. 3]\n"
                   f"  behalve als {second}: € 300,00   [art. 4]\n")


def diagnostics(text: str) -> list[Diagnostic]:
    result = load_text(text)
    assert not [d for d in result.diagnostics if d.is_error and not d.code.startswith("RW3")], \
        result.diagnostics
    return [d for d in result.diagnostics if d.code.startswith("RW3")
            and d.code not in ("RW330", "RW331", "RW332")]


def codes(text: str) -> list[str]:
    return [d.code for d in diagnostics(text)]


def test_the_translator_handles_every_core_expression() -> None:
    assert missing(Z3Translator) == []


def test_counts_over_a_list_conflict_with_an_example() -> None:
    """Issue 12: this passed the check and only failed at run time."""
    found = diagnostics(korting("aantal kinderen > 0", "aantal kinderen > 1"))
    assert [d.code for d in found] == ["RW310"]
    assert "bijvoorbeeld bij aantal kinderen = 2" in found[0].message
    assert found[0].is_error


def test_a_number_of_children_as_input_conflicts_the_same_way() -> None:
    text = HEAD.replace("invoer inkomen:", "invoer aantal_kinderen: aantal   [art. 1]\n"
                        "invoer inkomen:")
    text += ("regel korting: bedrag   [art. 2]\n  = € 0,00\n"
             "  behalve als aantal_kinderen > 0: € 200,00   [art. 3]\n"
             "  behalve als aantal_kinderen > 1: € 300,00   [art. 4]\n")
    found = diagnostics(text)
    assert [d.code for d in found] == ["RW310"]
    assert "aantal_kinderen = 2" in found[0].message


@pytest.mark.parametrize("first, second", [
    # a filtered count is at most the count of the whole list
    ("aantal kinderen waarvoor kind.leeftijd < 18 > 2", "aantal kinderen < 2"),
    # the same aggregate is the same value
    ("aantal kinderen waarvoor kind.leeftijd < 18 > 1",
     "aantal kinderen waarvoor kind.leeftijd < 18 ≤ 1"),
    # enig is a filtered count above 0
    ("enig van kinderen waarvoor kind.leeftijd < 4", "aantal kinderen waarvoor kind.leeftijd < 4 = 0"),
    ("enig van kinderen waarvoor kind.leeftijd < 4", "aantal kinderen = 0"),
    # alle: the filtered count is the whole count; over an empty list alle holds
    ("alle van kinderen waarvoor kind.leeftijd < 18",
     "aantal kinderen waarvoor kind.leeftijd < 18 < aantal kinderen"),
    ("niet alle van kinderen waarvoor kind.leeftijd < 18", "aantal kinderen = 0"),
    # a sum over an empty list is 0; a sum of amounts is 0 or more
    ("som van (kind.kosten) over kinderen > € 0,00", "aantal kinderen = 0"),
    ("som van (kind.kosten) over kinderen < € 0,00", "zorgbudget"),
    # the members fall into regions: fewer than 10 is also fewer than 18
    ("aantal kinderen waarvoor kind.leeftijd < 10 = 2",
     "aantal kinderen waarvoor kind.leeftijd < 18 = 1"),
    # no member can pass this filter
    ("aantal kinderen waarvoor kind.leeftijd < 0 > 0", "zorgbudget"),
    ("enig van kinderen waarvoor kind.leeftijd < 4", "(alle van kinderen waarvoor kind.leeftijd > 5) "
     "en aantal kinderen > 0"),
    # what z3 cannot compute is still the same value twice
    ("jaren tussen geboortedatum en peildatum ≥ 65 jaar",
     "jaren tussen geboortedatum en peildatum < 18 jaar"),
    ("schaal(inkomen) > € 50,00", "schaal(inkomen) < € 50,00 en zorgbudget"),
])
def test_exclusive_conditions_are_proved_so(first: str, second: str) -> None:
    assert codes(korting(first, second)) == []


@pytest.mark.parametrize("first, second, reason", [
    ("jaren tussen geboortedatum en peildatum ≥ 65 jaar", "zorgbudget",
     "het aantal hele jaren of maanden tussen twee data"),
    ("schaal(inkomen) > € 50,00", "zorgbudget", "een opzoeking in tabel schaal"),
    ("(inkomen afgerond op hele euro's) < € 100,00", "zorgbudget", "een afronding"),
    ("inkomen / aantal kinderen < € 100,00", "zorgbudget", "een deling door aantal kinderen"),
    ("eerste dag van de maand van geboortedatum < peildatum", "zorgbudget",
     "een kalenderberekening"),
])
def test_what_cannot_be_decided_is_a_warning_with_the_reason(first: str, second: str,
                                                              reason: str) -> None:
    found = diagnostics(korting(first, second))
    assert [d.code for d in found] == ["RW311"], found
    assert not found[0].is_error
    assert "[art. 3] en [art. 4] op regel korting [art. 2]" in found[0].message
    assert reason in found[0].message


@pytest.mark.parametrize("first, second, reason", [
    ("som van (kind.kosten) over kinderen waarvoor kind.kosten > € 100,00 < € 50,00",
     "aantal kinderen waarvoor kind.kosten > € 100,00 = 1", "een som die de controle niet exact"),
    ("minimum van (kind.leeftijd) over kinderen > 3", "zorgbudget", "het minimum over kinderen"),
    ("aantal kinderen waarvoor kind.kosten > inkomen > 0", "zorgbudget",
     "een voorwaarde die meer leest dan het lid zelf"),
])
def test_lists_beyond_the_exact_part_are_a_warning(first: str, second: str, reason: str) -> None:
    found = diagnostics(korting(first, second))
    assert [d.code for d in found] == ["RW311"], found
    assert reason in found[0].message


def test_exact_counts_and_a_sum_of_a_field_give_a_real_example() -> None:
    found = diagnostics(korting("aantal kinderen waarvoor kind.leeftijd < 18 = 1",
                                "som van (kind.kosten) over kinderen > € 10,00"))
    assert [d.code for d in found] == ["RW310"], found


def test_a_conflict_found_without_the_unknown_part_is_still_only_a_warning() -> None:
    # The example z3 finds may need a value the table never gives: no error on a guess.
    assert codes(korting("schaal(inkomen) > € 50,00", "inkomen > € 5.000,00")) == ["RW311"]


def test_ordered_exceptions_are_not_asked() -> None:
    text = korting("schaal(inkomen) > € 50,00", "zorgbudget").replace(
        "  = € 0,00\n", "  = € 0,00\n  uitzonderingen in volgorde\n")
    assert codes(text) == []


def als(cases: str) -> str:
    return HEAD + f"regel korting: bedrag   [art. 2]\n  = {cases}\n"


def test_an_open_als_over_a_table_is_a_warning() -> None:
    found = diagnostics(als("als schaal(inkomen) > € 50,00 dan € 1,00\n"
                            "    anders als zorgbudget dan € 2,00"))
    assert [d.code for d in found] == ["RW305"]
    assert "regel korting [art. 2]" in found[0].message
    assert "een opzoeking in tabel schaal" in found[0].message


def test_an_open_als_covered_by_the_same_unknown_value_is_fine() -> None:
    assert codes(als("als schaal(inkomen) > € 50,00 dan € 1,00\n"
                     "    anders als schaal(inkomen) ≤ € 50,00 dan € 2,00")) == []


def test_an_open_als_over_counts_is_decided() -> None:
    found = diagnostics(als("als aantal kinderen > 1 dan € 1,00\n"
                            "    anders als aantal kinderen = 0 dan € 2,00"))
    assert [d.code for d in found] == ["RW304"]
    assert "aantal kinderen = 1" in found[0].message


def test_an_open_als_inside_an_exception_names_it() -> None:
    text = HEAD + ("regel korting: bedrag   [art. 2]\n  = € 0,00\n"
                   "  behalve als zorgbudget: als schaal(inkomen) > € 1,00 dan € 1,00   [art. 3]\n")
    found = diagnostics(text)
    assert [d.code for d in found] == ["RW305"]
    assert "regel korting [art. 2], uitzondering [art. 3]" in found[0].message


def test_an_open_als_in_the_value_of_a_sum_is_checked_for_any_member() -> None:
    text = als("som van (als kind.leeftijd < 18 dan kind.kosten) over kinderen")
    found = diagnostics(text)
    assert [d.code for d in found] == ["RW304"]
    assert "kind.leeftijd = 18" in found[0].message
    covered = als("som van (als kind.leeftijd < 18 dan kind.kosten) over kinderen waarvoor "
                  "kind.leeftijd < 18")
    assert codes(covered) == []


def test_untranslatable_nodes_give_their_reason() -> None:
    program = c.Program(c.Module("m", "module", None, None, (), (), ()), {})
    translator = Z3Translator(program, datetime.date(2026, 1, 1))
    day = c.Const(datetime.date(2026, 1, 1), t.DATE)
    with pytest.raises(Untranslatable, match="kalenderberekening"):
        translator.visit(c.Builtin("kalender", (day,), t.DATE, ("eerste", "maand")))
    with pytest.raises(Untranslatable, match="hele jaren of maanden"):
        translator.visit(c.Builtin("tussen", (day, day), t.duration("jaar"), ("jaar",)))
    assert translator.visit(c.Builtin("tussen", (day, day), t.duration("dag"), ("dag",))) \
        is not None


def test_an_example_for_a_member_under_a_condition_on_the_whole_list_is_only_a_warning() -> None:
    # `alle ... > 5` rules out the member of 3 the example would need: no error on a guess.
    text = als("als (alle van kinderen waarvoor kind.leeftijd > 5) dan som van (als kind.leeftijd "
               "> 5 dan kind.kosten) over kinderen anders € 0,00")
    found = diagnostics(text)
    assert [d.code for d in found] == ["RW305"], found
    assert "voorwaarden over een hele lijst" in found[0].message
