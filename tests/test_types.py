"""The type and unit algebra, through the checker, as an analyst meets it."""

from __future__ import annotations

import pytest

from regelwerk.ir import types as t

from .conftest import errors as codes


def test_rate_times_hours_gives_the_period_of_the_hours() -> None:
    assert t.multiply(t.money("uur"), t.NumberType(t.Unit.of({"uur": 1, "maand": -1}))) == \
        t.money("maand")


def test_describe() -> None:
    assert t.money("maand").describe() == "bedrag per maand"
    assert t.NumberType(t.Unit.of({"uur": 1, "maand": -1})).describe() == "uren per maand"
    assert t.PERCENTAGE.describe() == "percentage"
    assert t.COUNT.describe() == "aantal"


OK = [
    # bedrag per uur × uren per maand = bedrag per maand
    "invoer uurbijdrage: bedrag per uur [a]\ninvoer uren: uren per maand [a]\n"
    "regel b: bedrag per maand [a]\n  = uurbijdrage × uren\n",
    # explicit conversion
    "invoer loon: bedrag per maand [a]\nregel b: bedrag per jaar [a]\n  = loon omgerekend per jaar\n",
    # a money literal takes the period of the amount it meets
    "invoer loon: bedrag per maand [a]\nregel b: bedrag per maand [a]\n"
    "  = maximum van (loon - € 100,00; € 0,00)\n",
    # a quantity without period becomes a rate
    "invoer totaal: bedrag [a]\nregel b: bedrag per maand [a]\n  = (totaal / 12) per maand\n",
    # percentages scale amounts; aantal × bedrag
    "invoer loon: bedrag per maand [a]\ninvoer n: aantal [a]\nregel b: bedrag per maand [a]\n"
    "  = loon × 13,60 % + n × € 5,00\n",
    # dates and durations
    "invoer geboren: datum [a]\nregel leeftijd: duur [a]\n  = jaren tussen geboren en peildatum\n"
    "regel volwassen: ja/nee [a]\n  = leeftijd ≥ 18 jaar\n"
    "regel verjaardag: datum [a]\n  = geboren + 18 jaar\n",
]


@pytest.mark.parametrize("body", OK)
def test_well_typed(body: str) -> None:
    assert codes(body) == []


BAD = [
    ("invoer a: bedrag per maand [x]\ninvoer b: bedrag per jaar [x]\n"
     "regel c: bedrag per maand [x]\n  = a + b\n", "RW202"),
    ("invoer a: bedrag per maand [x]\nregel c: bedrag per jaar [x]\n  = a\n", "RW201"),
    ("invoer a: bedrag per uur [x]\nregel c: bedrag per maand [x]\n  = a omgerekend per maand\n",
     "RW208"),
    ("invoer a: bedrag per maand [x]\nregel c: bedrag per maand [x]\n  = a per maand\n", "RW208"),
    ("invoer a: bedrag [x]\nregel c: bedrag [x]\n  = a + 5\n", "RW202"),
    ("invoer a: ja/nee [x]\nregel c: ja/nee [x]\n  = a < ja\n", "RW203"),
    ("invoer a: datum [x]\nregel c: ja/nee [x]\n  = a = € 1,00\n", "RW202"),
    ("invoer a: aantal [x]\nregel c: aantal [x]\n  = a / 2\n", "RW201"),
    ("invoer a: getal [x]\nregel c: getal [x]\n  = a afgerond op de euro\n", "RW207"),
    ("invoer a: getal [x]\nregel c: duur [x]\n  = a\n", "RW201"),
]


@pytest.mark.parametrize(("body", "code"), BAD)
def test_type_errors(body: str, code: str) -> None:
    assert code in codes(body)


def test_one_mistake_gives_one_message() -> None:
    body = ("invoer a: bedrag per maand [x]\ninvoer b: bedrag per jaar [x]\n"
            "regel c: bedrag per maand [x]\n  = (a + b) × 2 + a\n"
            "regel d: bedrag per maand [x]\n  = c + a\n")
    assert codes(body) == ["RW202"]


def test_choice_values_take_their_keuze_from_the_other_side() -> None:
    body = ("keuze k: een, twee [x]\nkeuze l: een, drie [x]\ninvoer a: k [x]\n"
            "regel c: ja/nee [x]\n  = a = een\n")
    assert codes(body) == []
    wrong = ("keuze k: een, twee [x]\ninvoer a: k [x]\nregel c: ja/nee [x]\n  = a = drie\n")
    assert codes(wrong) == ["RW101"]
