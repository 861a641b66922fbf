"""Input to a calculation: every wrong input names its field; a float never gets in."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from regelwerk.interpret.evaluator import evaluate
from regelwerk.interpret.values import InvoerFout, load_json, to_json
from regelwerk.ir import types as t

from .conftest import compile_ok

BODY = """
keuze soort: a, b [x]
gegevens lid [x]
  inkomen: bedrag per maand [x]
  geboren: datum [x]
invoer bedrag_in: bedrag per maand [x]
invoer n: aantal [x]
invoer p: percentage [x]
invoer vlag: ja/nee [x]
invoer s: soort [x]
invoer leden: lijst van lid [x]
regel r: bedrag per maand [x]
  = bedrag_in × p + som van (lid.inkomen) over leden
uitvoer r
"""

GOOD = {"bedrag_in": "1000.00", "n": 2, "p": "10%", "vlag": True, "s": "a",
        "leden": [{"inkomen": 100, "geboren": "2000-01-01"}]}


def calculate(data: dict[str, Any]) -> Any:
    return evaluate(compile_ok(BODY), data, datetime.date(2026, 3, 1)).uitvoer


def test_good_input() -> None:
    assert calculate(GOOD)["r"] == Decimal("200.00")


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"bedrag_in": load_json("1000.5")}, "bedrag_in", "float"),
        ({"bedrag_in": 1000.5}, "bedrag_in", "float"),
        ({"bedrag_in": "1.000,50"}, "bedrag_in", "1450.50"),
        ({"n": "2.5"}, "n", "geheel"),
        ({"n": True}, "n", "aantal"),
        ({"p": "0,1"}, "p", "13.60%"),
        ({"p": 5}, "p", "13.60%"),
        ({"n": load_json("2.0")}, "n", "geheel getal"),
        ({"vlag": "misschien"}, "vlag", "ja/nee"),
        ({"s": "c"}, "s", "mogelijk: a, b"),
        ({"leden": [{"inkomen": 1}]}, "leden[0].geboren", "ontbreekt"),
        ({"leden": [{"inkomen": 1, "geboren": "2000-13-01"}]}, "leden[0].geboren", "datum"),
        ({"leden": [{"inkomen": 1, "geboren": "2000-01-01", "x": 1}]}, "leden[0].x", "geen"),
        ({"leden": {"inkomen": 1}}, "leden", "lijst"),
        ({"onbekend": 1}, "onbekend", "geen invoer"),
    ],
)
def test_wrong_input_names_the_field(change: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(InvoerFout) as caught:
        calculate({**GOOD, **change})
    assert caught.value.field == field
    assert words in caught.value.message


def test_missing_input() -> None:
    data = dict(GOOD)
    del data["s"]
    with pytest.raises(InvoerFout, match="ontbreekt"):
        calculate(data)


def test_json_output_is_exact() -> None:
    assert to_json(Decimal("1.40"), t.money("uur")) == "1.40"
    assert to_json(Decimal("3"), t.COUNT) == 3
    assert to_json(Decimal("0.136"), t.PERCENTAGE) == "13.6%"
