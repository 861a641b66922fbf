"""The reference semantics: what rules compute, and the run-time errors the rules leave open."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from regelwerk.interpret.evaluator import RekenFout
from regelwerk.interpret.values import InvoerFout
from regelwerk.runtime import afronden as round_to
from regelwerk.runtime import plus_periode as add_period
from regelwerk.runtime import tussen as between

from .conftest import run


@pytest.mark.parametrize(
    ("value", "step", "mode", "expected"),
    [
        ("2.345", "0.01", "rekenkundig", "2.35"),
        ("-2.345", "0.01", "rekenkundig", "-2.35"),
        ("2.349", "0.01", "naar beneden", "2.34"),
        ("-2.341", "0.01", "naar beneden", "-2.35"),
        ("2.341", "0.01", "naar boven", "2.35"),
        ("-2.349", "0.01", "richting nul", "-2.34"),
        ("2.341", "0.01", "weg van nul", "2.35"),
        ("7.5", "1", "rekenkundig", "8"),
        ("1.02", "0.05", "rekenkundig", "1.00"),
        ("1.03", "0.05", "rekenkundig", "1.05"),
        ("1.07", "0.05", "naar beneden", "1.05"),
    ],
)
def test_rounding_modes(value: str, step: str, mode: str, expected: str) -> None:
    assert round_to(Decimal(value), Decimal(step), mode) == Decimal(expected)


def test_periods_between_dates_count_like_age() -> None:
    born = datetime.date(2000, 3, 1)
    assert between("jaar", born, datetime.date(2026, 2, 28)) == 25
    assert between("jaar", born, datetime.date(2026, 3, 1)) == 26
    assert between("maand", born, datetime.date(2000, 4, 30)) == 1
    assert between("dag", born, datetime.date(2000, 3, 31)) == 30
    assert add_period(datetime.date(2024, 1, 31), "maand", Decimal(1)) == datetime.date(2024, 2, 29)


SCALE = """
invoer inkomen: bedrag per maand [a]
invoer type: gezinstype [a]
keuze gezinstype: alleenstaand, samenwonend [a]

tabel schaal [t]
  | inkomen (bedrag per maand) | type (gezinstype) | uur (bedrag per uur) |
  | tot € 1.000,00              | n.v.t.            | € 1,00               |
  | vanaf € 1.000,00 tot en met € 2.000,00 | alleenstaand | € 2,00    |
  | vanaf € 1.000,00 tot en met € 2.000,00 | samenwonend  | € 2,50    |
  | meer dan € 2.000,00         | n.v.t.            | € 3,00               |

regel uurbijdrage: bedrag per uur [r]
  = schaal(inkomen; type)

uitvoer uurbijdrage
"""


@pytest.mark.parametrize(
    ("income", "kind", "expected"),
    [("999.99", "alleenstaand", "1.00"), ("1000", "alleenstaand", "2.00"),
     ("1000", "samenwonend", "2.50"), ("2000", "samenwonend", "2.50"),
     ("2000.01", "alleenstaand", "3.00")],
)
def test_table_boundaries(income: str, kind: str, expected: str) -> None:
    out = run(SCALE, {"inkomen": income, "type": kind})
    assert out["uurbijdrage"] == Decimal(expected)


def test_overlapping_rows_are_an_error_unless_first_hit() -> None:
    # A bound that depends on the input is not checked statically; the interpreter catches it.
    body = """
    invoer x: getal [a]
    invoer grens: getal [a]
    tabel t [t]
      | x (getal)   | y (getal) |
      | vanaf 0     | 1         |
      | vanaf grens | 2         |
    regel y: getal [r]
      = t(x)
    uitvoer y
    """
    with pytest.raises(RekenFout, match="rijen 1 en 2"):
        run(body, {"x": 6, "grens": 5})
    first = body.replace("tabel t [t]\n", "tabel t [t]\n      eerste treffer\n")
    assert run(first, {"x": 6, "grens": 5})["y"] == 1


def test_no_matching_row_is_an_error() -> None:
    body = """
    invoer x: getal [a]
    tabel t [t]
      | x (getal) | y (getal) |
      | vanaf 0   | 1         |
    regel y: getal [r]
      = t(x)
    uitvoer y
    """
    with pytest.raises(RekenFout, match="geen rij"):
        run(body, {"x": -1})


# Conditions over a list are outside what the checker decides: conflicts surface at run time.
EXCEPTIONS = """
gegevens lid [x]
  a: ja/nee [x]
  b: ja/nee [x]
invoer leden: lijst van lid [x]
tabel geldt [x]
  | waarde (ja/nee) | geldt (ja/nee) |
  | ja              | ja             |
  | nee             | nee            |
regel r: getal [x]
  = 1
  behalve als enig van leden waarvoor geldt(lid.a): 2   [art. 2]
  behalve als enig van leden waarvoor geldt(lid.b): 3   [art. 3]
uitvoer r
"""
# The table keeps the conflict out of reach of the check (RW311, a warning; with `lid.a` and `lid.b`
# themselves the check proves it: RW310), so that the interpreter's own conflict error is tested.


def members(a: bool, b: bool) -> dict[str, list[dict[str, bool]]]:
    return {"leden": [{"a": a, "b": b}]}


def test_exceptions_override_the_general_rule() -> None:
    assert run(EXCEPTIONS, members(False, False))["r"] == 1
    assert run(EXCEPTIONS, members(True, False))["r"] == 2
    assert run(EXCEPTIONS, members(False, True))["r"] == 3


def test_two_exceptions_at_once_are_a_conflict_naming_both() -> None:
    with pytest.raises(RekenFout, match=r"art\. 2.*art\. 3"):
        run(EXCEPTIONS, members(True, True))


def test_parameters_take_the_value_in_force_at_the_peildatum() -> None:
    body = """
    parameter p: bedrag per maand [x]
      vanaf 2026-01-01: € 10,00
      vanaf 2026-07-01: € 11,00
    regel r: bedrag per maand [x]
      = p
    uitvoer r
    """
    assert run(body, {}, "2026-06-30")["r"] == Decimal("10.00")
    assert run(body, {}, "2026-07-01")["r"] == Decimal("11.00")


def test_peildatum_before_the_regulation_is_an_input_error() -> None:
    with pytest.raises(InvoerFout, match="peildatum"):
        run("regel r: getal [x]\n  = 1\nuitvoer r\n", {}, "2025-12-31")


def test_households() -> None:
    body = """
    gegevens kind [x]
      geboortedatum: datum [x]
      studeert: ja/nee [x]
    invoer kinderen: lijst van kind [x]
    regel per kind leeftijd: duur [x]
      = jaren tussen kind.geboortedatum en peildatum
    regel per kind toeslag: bedrag per maand [x]
      = als leeftijd < 18 jaar of kind.studeert dan € 100,00 anders € 0,00
    regel totaal: bedrag per maand [x]
      = som van (toeslag) over kinderen
    regel minderjarigen: aantal [x]
      = aantal kinderen waarvoor kind.leeftijd < 18 jaar
    regel iemand_studeert: ja/nee [x]
      = enig van kinderen waarvoor kind.studeert
    regel allen_minderjarig: ja/nee [x]
      = alle van kinderen waarvoor leeftijd < 18 jaar
    uitvoer totaal, minderjarigen, iemand_studeert, allen_minderjarig
    """
    kids = [{"geboortedatum": "2010-05-01", "studeert": False},
            {"geboortedatum": "2000-01-01", "studeert": True},
            {"geboortedatum": "2001-01-01", "studeert": False}]
    out = run(body, {"kinderen": kids})
    assert out == {"totaal": Decimal("200.00"), "minderjarigen": 1, "iemand_studeert": True,
                   "allen_minderjarig": False}
    empty = run(body, {"kinderen": []})
    assert empty["totaal"] == 0 and empty["allen_minderjarig"] is True


def test_condition_without_anders_and_no_case_is_an_error() -> None:
    # Through a table the checker cannot decide coverage (RW305, a warning; without the table it
    # proves the gap: RW304); the interpreter stops instead.
    body = ("gegevens kind [x]\n  oud: ja/nee [x]\ninvoer kinderen: lijst van kind [x]\n"
            "tabel geldt [x]\n  | waarde (ja/nee) | geldt (ja/nee) |\n  | ja | ja |\n"
            "  | nee | nee |\n"
            "regel r: getal [x]\n  = als enig van kinderen waarvoor geldt(kind.oud) dan 1\n"
            "uitvoer r\n")
    assert run(body, {"kinderen": [{"oud": True}]})["r"] == 1
    with pytest.raises(RekenFout, match="geen van de gevallen"):
        run(body, {"kinderen": []})


def test_division_by_zero_is_an_error() -> None:
    body = "invoer a: getal [x]\nregel r: getal [x]\n  = 1 / a\nuitvoer r\n"
    with pytest.raises(RekenFout, match="nul"):
        run(body, {"a": 0})


def test_exact_arithmetic() -> None:
    body = "invoer a: bedrag [x]\nregel r: bedrag [x]\n  = a × 3 / 3\nuitvoer r\n"
    assert run(body, {"a": "0.1"})["r"] == Decimal("0.1")
    body = "invoer a: bedrag per maand [x]\nregel r: bedrag per jaar [x]\n" \
           "  = a omgerekend per jaar\nuitvoer r\n"
    assert run(body, {"a": "100.10"})["r"] == Decimal("1201.20")


def test_ordered_exceptions_let_the_first_win() -> None:
    ordered = EXCEPTIONS.replace("  = 1\n", "  = 1\n  uitzonderingen in volgorde\n")
    assert run(ordered, members(True, True))["r"] == 2
    assert run(ordered, members(False, True))["r"] == 3


def test_a_percentage_is_rounded_as_shown() -> None:
    body = "invoer p: percentage [x]\nregel r: percentage [x]\n  = p afgerond op 2 decimalen\n" \
           "uitvoer r\n"
    assert run(body, {"p": "13.456%"})["r"] == Decimal("0.1346")


def test_keuze_dot_value() -> None:
    body = "keuze g: a, b [x]\ninvoer i: g [x]\nregel r: ja/nee [x]\n  = i = g.a\nuitvoer r\n"
    assert run(body, {"i": "a"})["r"] is True


def test_dates_move_by_whole_periods_only() -> None:
    from .conftest import errors

    assert "RW203" in errors("invoer d: datum [x]\nregel r: datum [x]\n  = d + 5 uur\n")
    assert "RW203" in errors("invoer d: datum [x]\nregel r: datum [x]\n  = d + 1,5 maand\n")
    body = "invoer d: datum [x]\nregel r: datum [x]\n  = d + 1 maand\nuitvoer r\n"
    assert run(body, {"d": "2026-01-31"})["r"] == datetime.date(2026, 2, 28)
