"""Reading input collects every problem into one InvoerFout, in the generated modules and in the
interpreter alike; with one problem the error is what it always was."""

from __future__ import annotations

import datetime
from pathlib import Path

import generated.zorgtoeslag as zorgtoeslag
import pytest

from regelwerk.interpret.evaluator import evaluate
from regelwerk.pipeline import load
from regelwerk.runtime import InvoerFout

ROOT = Path(__file__).resolve().parent.parent

BAD = {"huishouden": [{"rol": "baas", "verzekerde": "misschien", "toetsingsinkomen": "veel"},
                      {"rol": "toeslagpartner", "verzekerde": True, "toetsingsinkomen": "1",
                       "rendementsgrondslag": "0", "kleur": "rood"}, "geen persoon"],
       "vreemd": 1}
PROBLEMS = (
    ("vreemd", "is geen invoer van deze regeling; bekend zijn: huishouden, "
               "zelfde_toeslagpartner_hele_berekeningsjaar"),
    ("huishouden[0].rol", "\"baas\" is geen waarde van keuze rol; mogelijk: aanvrager, toeslagpartner"),
    ("huishouden[0].verzekerde", "verwacht ja/nee (true of false), gekregen \"misschien\""),
    ("huishouden[0].toetsingsinkomen", "verwacht bedrag per jaar, gekregen \"veel\"; schrijf bijv. "
                                       "\"1450.50\""),
    ("huishouden[0].rendementsgrondslag", "ontbreekt"),
    ("huishouden[1].kleur", "persoon heeft geen gegeven 'kleur'; bekend zijn: rol, verzekerde, "
                            "toetsingsinkomen, rendementsgrondslag"),
    ("huishouden[2]", "verwacht gegevens van persoon (een object), gekregen \"geen persoon\""),
    ("zelfde_toeslagpartner_hele_berekeningsjaar", "ontbreekt"),
)


def interpreter_error(invoer: object) -> InvoerFout:
    checked = next(c for c in load([ROOT / "regulations" / "zorgtoeslag"]).checked
                   if c.module.name == "zorgtoeslag")
    with pytest.raises(InvoerFout) as caught:
        evaluate(checked, invoer, datetime.date(2026, 3, 1))  # type: ignore[arg-type]
    return caught.value


def test_the_module_names_every_wrong_field() -> None:
    with pytest.raises(zorgtoeslag.InvoerFout) as caught:
        zorgtoeslag.bereken(BAD, "2026-03-01")
    error = caught.value
    assert [p[0] for p in error.problemen] == [p[0] for p in PROBLEMS]
    assert dict(error.problemen)["huishouden[0].toetsingsinkomen"].startswith("verwacht bedrag")
    assert (error.veld, error.melding) == error.problemen[0]  # the first, as before
    assert str(error).count(";") >= len(PROBLEMS) - 1


def test_the_interpreter_names_the_same_problems() -> None:
    with pytest.raises(zorgtoeslag.InvoerFout) as caught:
        zorgtoeslag.bereken(BAD, "2026-03-01")
    assert interpreter_error(BAD).problemen == caught.value.problemen


def test_one_problem_is_the_error_it_always_was() -> None:
    with pytest.raises(zorgtoeslag.InvoerFout) as caught:
        zorgtoeslag.bereken({"huishouden": [], "zelfde_toeslagpartner_hele_berekeningsjaar": 3},
                            "2026-03-01")
    error = caught.value
    assert error.problemen == ((error.veld, error.melding),)
    assert str(error) == f"{error.veld}: {error.melding}"
    assert error.veld == "zelfde_toeslagpartner_hele_berekeningsjaar"


def test_samen_keeps_the_first_and_flattens() -> None:
    first = InvoerFout("a", "x")
    both = InvoerFout.samen([first, InvoerFout.samen([InvoerFout("b", "y"), InvoerFout("c", "z")])])
    assert (both.veld, both.melding) == ("a", "x")
    assert both.problemen == (("a", "x"), ("b", "y"), ("c", "z"))
    assert InvoerFout.samen([first]) is first


def test_every_unmet_eis_is_named_in_the_module_and_the_interpreter() -> None:
    partner = {"rol": "toeslagpartner", "verzekerde": True, "toetsingsinkomen": "1",
               "rendementsgrondslag": "0"}
    invoer = {"huishouden": [partner, partner],  # no aanvrager, two partners
              "zelfde_toeslagpartner_hele_berekeningsjaar": True}
    with pytest.raises(zorgtoeslag.InvoerFout) as caught:
        zorgtoeslag.bereken(invoer, "2026-03-01")
    expected = (("huishouden", "voldoet niet aan de eis: precies één aanvrager"),
                ("huishouden", "voldoet niet aan de eis: hoogstens één toeslagpartner"))
    assert caught.value.problemen == expected
    assert interpreter_error(invoer).problemen == expected


def test_an_eis_that_cannot_be_evaluated_after_one_not_met_is_left_out() -> None:
    from regelwerk.runtime import RekenFout, eisen

    def stops() -> bool:
        raise RekenFout("het maximum over een lege lijst bestaat niet")

    with pytest.raises(InvoerFout) as caught:
        eisen((lambda: False, "a", "eerste"), (stops, "b", "tweede"), (lambda: False, "c", "derde"))
    assert caught.value.problemen == (("a", "eerste"),)
    with pytest.raises(RekenFout):
        eisen((lambda: True, "a", "eerste"), (stops, "b", "tweede"))
    eisen((lambda: True, "a", "eerste"))
