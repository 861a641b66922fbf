"""Built-in functions called by name (`dag_van_de_week(x)`, `laatste_werkdag_op_of_voor(x)`): one
registry entry each (core/functions.py) and one runtime function that the interpreter and the
generated modules both call as f(*options, *arguments). The working-day functions get the public
holidays of stdlib_rules/feestdagen.rw as their options."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regelwerk import runtime
from regelwerk.core import nodes as c
from regelwerk.core.functions import HOLIDAYS, REGISTRY, callable_names
from regelwerk.core.visitor import children
from regelwerk.fmt import format_text
from regelwerk.pipeline import load
from regelwerk.syntax.builder import build
from regelwerk.syntax.parser import parse
from tests.conftest import ROOT, check, compile_ok, source

D = datetime.date
STDLIB = ROOT / "stdlib_rules" / "feestdagen.rw"

# Easter Sunday (Gregorian), as published in every almanac; the algorithm below must agree.
EASTER = {
    2019: D(2019, 4, 21), 2020: D(2020, 4, 12), 2021: D(2021, 4, 4), 2022: D(2022, 4, 17),
    2023: D(2023, 4, 9), 2024: D(2024, 3, 31), 2025: D(2025, 4, 20), 2026: D(2026, 4, 5),
    2027: D(2027, 3, 28), 2028: D(2028, 4, 16), 2029: D(2029, 4, 1), 2030: D(2030, 4, 21),
}


def easter(year: int) -> datetime.date:
    """The anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8)."""
    a, b, cc = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(cc, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    day = (h + ell - 7 * m + 33 * month + 19) % 32
    return D(year, month, day)


def belgian_holidays(year: int) -> set[datetime.date]:
    """KB van 18 april 1974, art. 1: the ten legal holidays of a year."""
    sunday = easter(year)
    return {
        D(year, 1, 1), sunday + datetime.timedelta(days=1), D(year, 5, 1),
        sunday + datetime.timedelta(days=39), sunday + datetime.timedelta(days=50), D(year, 7, 21),
        D(year, 8, 15), D(year, 11, 1), D(year, 11, 11), D(year, 12, 25),
    }


def holiday_options() -> tuple[str, ...]:
    tree, problems = parse(STDLIB.read_text(encoding="utf-8"), str(STDLIB))
    assert tree is not None, problems
    module, problems = build(tree, str(STDLIB))
    assert not problems, problems
    return HOLIDAYS.dates(module)


OPTIONS = holiday_options()


def call(name: str, *args: Any) -> Any:
    """The interpreter's generic call of a Builtin: implementation(*options, *arguments)."""
    options = OPTIONS if REGISTRY[name].data is not None else ()
    return REGISTRY[name].implementation()(*options, *args)


def call_as_generated(name: str, day: datetime.date) -> Any:
    """The generated modules' generic call: rt.<runtime>(*options as literals, *arguments)."""
    options = OPTIONS if REGISTRY[name].data is not None else ()
    text = f"rt.{REGISTRY[name].runtime}({''.join(repr(o) + ', ' for o in options)}dag)"
    return eval(text, {"rt": runtime, "dag": day})  # noqa: S307 - our own generated expression


# ------------------------------------------------------------------ the data


def test_easter_algorithm_matches_the_published_dates() -> None:
    assert {year: easter(year) for year in EASTER} == EASTER


def test_the_holiday_table_holds_exactly_the_legal_holidays_2019_to_2030() -> None:
    table = {D.fromisoformat(text) for text in OPTIONS}
    years = sorted({day.year for day in table})
    assert years == list(range(2019, 2031))
    for year in years:
        assert {day for day in table if day.year == year} == belgian_holidays(year), year
        assert len(belgian_holidays(year)) == 10  # no two holidays on one day in these years


def test_each_row_is_labelled_with_the_holiday_of_its_date() -> None:
    labels = dict(re.findall(r"\| (\d{4}-\d\d-\d\d) +\| ja +\| \"([^\"]+)\"", STDLIB.read_text("utf-8")))
    assert len(labels) == 120
    for text, label in labels.items():
        day = D.fromisoformat(text)
        sunday = easter(day.year)
        expected = {
            sunday + datetime.timedelta(days=1): "Paasmaandag",
            sunday + datetime.timedelta(days=39): "Hemelvaartsdag",
            sunday + datetime.timedelta(days=50): "Pinkstermaandag",
        }.get(day, {(1, 1): "Nieuwjaar", (5, 1): "Feest van de Arbeid", (7, 21): "Nationale feestdag",
                    (8, 15): "Onze-Lieve-Vrouw-Hemelvaart", (11, 1): "Allerheiligen",
                    (11, 11): "Wapenstilstand", (12, 25): "Kerstmis"}.get((day.month, day.day)))
        assert label == expected, text


def test_the_holiday_module_is_clean_and_formatted() -> None:
    result = load([STDLIB.relative_to(ROOT)], strict=True)
    assert result.ok, result.diagnostics
    text = STDLIB.read_text(encoding="utf-8")
    assert format_text(text, str(STDLIB)).text == text


# ------------------------------------------------------------------ the functions


@pytest.mark.parametrize(("day", "expected"), [
    (D(2026, 3, 2), 1),  # maandag
    (D(2026, 1, 1), 4),  # donderdag
    (D(2024, 2, 29), 4),
    (D(2025, 12, 31), 3),
    (D(2026, 3, 7), 6),
    (D(2026, 3, 1), 7),  # zondag
    (D(2000, 1, 1), 6),
])
def test_day_of_the_week(day: datetime.date, expected: int) -> None:
    assert call("dag_van_de_week", day) == expected
    assert isinstance(call("dag_van_de_week", day), type(runtime.tussen("dag", day, day)))


@pytest.mark.parametrize(("day", "expected"), [
    (D(2026, 3, 9), D(2026, 3, 9)),     # a working day is its own answer
    (D(2026, 3, 8), D(2026, 3, 6)),     # Sunday -> Friday
    (D(2026, 4, 6), D(2026, 4, 3)),     # Paasmaandag 2026; Goede Vrijdag is no legal holiday
    (D(2019, 4, 22), D(2019, 4, 19)),   # Paasmaandag 2019
    (D(2024, 4, 1), D(2024, 3, 29)),    # Paasmaandag 2024 (Easter in March)
    (D(2026, 5, 14), D(2026, 5, 13)),   # Hemelvaartsdag 2026 (Thursday)
    (D(2026, 5, 25), D(2026, 5, 22)),   # Pinkstermaandag 2026
    (D(2025, 6, 9), D(2025, 6, 6)),     # Pinkstermaandag 2025
    (D(2026, 1, 1), D(2025, 12, 31)),   # Nieuwjaar: back across the year boundary
    (D(2022, 1, 2), D(2021, 12, 31)),   # Sunday, Saturday-Nieuwjaar, then Friday
    (D(2027, 12, 27), D(2027, 12, 27)),  # 26 December is no legal holiday in Belgium
    (D(2025, 12, 28), D(2025, 12, 26)),
    (D(2030, 5, 1), D(2030, 4, 30)),    # Feest van de Arbeid
    (D(2028, 7, 21), D(2028, 7, 20)),   # Nationale feestdag
    (D(2025, 11, 11), D(2025, 11, 10)),  # Wapenstilstand
])
def test_last_working_day_on_or_before(day: datetime.date, expected: datetime.date) -> None:
    assert call("laatste_werkdag_op_of_voor", day) == expected
    assert call("is_werkdag", expected) is True
    assert call("is_werkdag", day) is (day == expected)


@pytest.mark.parametrize(("day", "expected"), [
    (D(2026, 3, 9), D(2026, 3, 9)),
    (D(2026, 3, 7), D(2026, 3, 9)),     # Saturday -> Monday
    (D(2026, 4, 5), D(2026, 4, 7)),     # Pasen, Paasmaandag -> Tuesday
    (D(2021, 12, 25), D(2021, 12, 27)),  # Kerstmis on a Saturday
    (D(2025, 12, 25), D(2025, 12, 26)),
    (D(2020, 12, 31), D(2020, 12, 31)),
    (D(2022, 12, 31), D(2023, 1, 2)),   # Saturday, Sunday-Nieuwjaar, then Monday: next year
    (D(2027, 5, 6), D(2027, 5, 7)),     # Hemelvaartsdag 2027
    (D(2030, 6, 10), D(2030, 6, 11)),   # Pinkstermaandag 2030
    (D(2026, 8, 15), D(2026, 8, 17)),   # Onze-Lieve-Vrouw-Hemelvaart on a Saturday
])
def test_first_working_day_on_or_after(day: datetime.date, expected: datetime.date) -> None:
    assert call("eerste_werkdag_op_of_na", day) == expected


@pytest.mark.parametrize(("name", "day"), [
    ("laatste_werkdag_op_of_voor", D(2031, 3, 3)),
    ("laatste_werkdag_op_of_voor", D(2019, 1, 1)),  # Nieuwjaar: the day before lies in 2018
    ("eerste_werkdag_op_of_na", D(2031, 1, 1)),
    ("is_werkdag", D(2018, 6, 1)),
])
def test_a_year_without_holiday_data_stops_the_calculation(name: str, day: datetime.date) -> None:
    with pytest.raises(runtime.RekenFout, match=r"de feestdagen van (2018|2031) zijn niet bekend "
                       r"\(bekend: 2019 tot en met 2030\)"):
        call(name, day)


def test_dagen_tussen_is_the_number_of_days() -> None:
    # `dagen tussen a en b` is syntax of its own (the builtin `tussen` with option "dag").
    assert runtime.tussen("dag", D(2025, 12, 31), D(2026, 1, 1)) == 1
    assert runtime.tussen("dag", D(2024, 1, 1), D(2025, 1, 1)) == 366
    assert runtime.tussen("dag", D(2026, 3, 1), D(2026, 2, 1)) == -28


@settings(max_examples=300, deadline=None)
@given(st.dates(D(2019, 1, 8), D(2030, 12, 20)),
       st.sampled_from(["dag_van_de_week", "is_werkdag", "laatste_werkdag_op_of_voor",
                        "eerste_werkdag_op_of_na"]))
def test_the_interpreter_call_and_the_generated_call_agree(day: datetime.date, name: str) -> None:
    assert call(name, day) == call_as_generated(name, day)


@settings(max_examples=300, deadline=None)
@given(st.dates(D(2019, 1, 8), D(2030, 12, 20)))
def test_working_day_properties(day: datetime.date) -> None:
    before = call("laatste_werkdag_op_of_voor", day)
    after = call("eerste_werkdag_op_of_na", day)
    assert before <= day <= after
    assert call("is_werkdag", before) and call("is_werkdag", after)
    assert (before == day) == (after == day) == call("is_werkdag", day)
    between = [before + datetime.timedelta(days=n) for n in range(1, (after - before).days)]
    assert not any(call("is_werkdag", d) for d in between if d not in (before, after))
    assert call("dag_van_de_week", before) <= 5


def test_the_weekday_term_for_z3_matches_the_runtime() -> None:
    smt = REGISTRY["dag_van_de_week"].smt
    assert smt is not None
    for day in (D(2026, 3, 2), D(2026, 3, 8), D(2024, 2, 29), D(1, 1, 1)):
        assert smt((), [day.toordinal()]) == call("dag_van_de_week", day)


def test_z3_decides_conditions_on_the_day_of_the_week() -> None:
    complete = rule("als dag_van_de_week(x) ≥ 6 dan 2 anders als dag_van_de_week(x) ≤ 5 dan 1",
                    "aantal", use=False)
    assert [d.code for d in check(complete).diagnostics] == []
    [(code, message, _)] = diagnostics(complete.replace("≤ 5", "≤ 4"))
    assert code == "RW304" and "x = 0001-01-05" in message  # a Friday
    warnings = [d for d in check(rule("1\n  behalve als is_werkdag(x): 2  [b1]\n"
                                      "  behalve als dag_van_de_week(x) = 7: 3  [b2]", "aantal")
                                 ).diagnostics]
    assert [d.code for d in warnings] == ["RW311"]
    assert "een werkdagberekening (die hangt af van de lijst van feestdagen)" in warnings[0].message


# ------------------------------------------------------------------ in the rules

RULES = """
gebruik feestdagen

invoer maand: datum                                              [a]
  "Een dag van de maand waarvoor betaald wordt."

regel betaaldatum: datum                                         [b]
  = laatste_werkdag_op_of_voor(eerste dag van de maand van maand + 1 maand + 7 dagen)

regel weekdag: aantal                                            [c]
  = dag_van_de_week(betaaldatum)

regel op_een_werkdag: ja/nee                                     [d]
  = is_werkdag(maand)

regel volgende_werkdag: datum                                    [e]
  = eerste_werkdag_op_of_na(maand)

regel dagen_tot_betaling: dagen                                  [f]
  = dagen tussen maand en betaaldatum

uitvoer betaaldatum, weekdag, op_een_werkdag, volgende_werkdag, dagen_tot_betaling
"""


def builtins_in(node: c.Node) -> list[c.Builtin]:
    found = [node] if isinstance(node, c.Builtin) else []
    for child in children(node):
        found += builtins_in(child)
    return found


def test_the_functions_lower_to_builtins_with_the_holidays_as_options() -> None:
    core = compile_ok(RULES).core()
    calls = {b.function: b for d in core.main.definitions for b in builtins_in(d)}
    assert set(calls) == {"laatste_werkdag_op_of_voor", "dag_van_de_week", "is_werkdag",
                          "eerste_werkdag_op_of_na", "kalender", "tussen"}
    assert calls["laatste_werkdag_op_of_voor"].options == OPTIONS
    assert calls["is_werkdag"].options == OPTIONS
    assert calls["dag_van_de_week"].options == ()
    assert calls["tussen"].options == ("dag",)
    assert "2026-04-06" in OPTIONS and len(OPTIONS) == 120


def payment(month: datetime.date) -> datetime.date:
    """Groeipakket: the 8th of the following month, or the last working day before it."""
    eighth = (month.replace(day=1) + datetime.timedelta(days=32)).replace(day=8)
    return call("laatste_werkdag_op_of_voor", eighth)


@pytest.mark.parametrize(("month", "expected"), [
    (D(2026, 2, 15), D(2026, 3, 6)),   # 8 March 2026 is a Sunday
    (D(2026, 3, 31), D(2026, 4, 8)),   # a Wednesday
    (D(2025, 5, 1), D(2025, 6, 6)),    # 8 June 2025 is Pinksteren (Sunday)
    (D(2025, 10, 1), D(2025, 11, 7)),  # 8 November 2025 is a Saturday
    (D(2026, 12, 1), D(2027, 1, 8)),   # over the year boundary
])
def test_groeipakket_payment_date(month: datetime.date, expected: datetime.date) -> None:
    assert payment(month) == expected


def test_rules_with_functions_run_in_the_interpreter() -> None:
    from regelwerk.interpret.evaluator import evaluate

    result = evaluate(compile_ok(RULES), {"maand": "2025-05-01"}, D(2026, 3, 1))
    assert result.uitvoer["betaaldatum"] == D(2025, 6, 6)
    assert result.uitvoer["weekdag"] == 5
    assert result.uitvoer["op_een_werkdag"] is False  # Feest van de Arbeid
    assert result.uitvoer["volgende_werkdag"] == D(2025, 5, 2)
    assert result.uitvoer["dagen_tot_betaling"] == 36


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import import_generated

    folder = tmp_path_factory.mktemp("functies")
    shutil.copy(STDLIB, folder / "feestdagen.rw")
    return import_generated(folder, RULES)


@settings(max_examples=60, deadline=None)
@given(st.dates(D(2019, 1, 8), D(2030, 11, 20)))
def test_the_generated_module_equals_the_interpreter(generated: Any, day: datetime.date) -> None:
    from regelwerk.interpret.evaluator import evaluate

    want = evaluate(compile_ok(RULES), {"maand": day.isoformat()}, D(2026, 3, 1))
    got = generated.bereken({"maand": day.isoformat()}, D(2026, 3, 1))
    assert dict(got.uitvoer) == want.uitvoer


def test_a_year_outside_the_table_stops_both_alike(generated: Any) -> None:
    from regelwerk.interpret.evaluator import evaluate

    with pytest.raises(runtime.RekenFout) as interpreted:
        evaluate(compile_ok(RULES), {"maand": "2031-02-01"}, D(2026, 3, 1))
    with pytest.raises(Exception) as generated_error:  # the RekenFout of the copied runtime
        generated.bereken({"maand": "2031-02-01"}, D(2026, 3, 1))
    assert type(generated_error.value).__name__ == "RekenFout"
    assert str(generated_error.value) == str(interpreted.value) == (
        "de feestdagen van 2031 zijn niet bekend (bekend: 2019 tot en met 2030), dus ook niet of "
        "2031-03-08 een werkdag is")


def test_a_change_in_the_holiday_list_changes_the_core_ir(tmp_path: Path) -> None:
    shutil.copy(STDLIB, tmp_path / "feestdagen.rw")
    (tmp_path / "proef.rw").write_text(source(RULES), encoding="utf-8")
    before = load([tmp_path / "proef.rw"]).checked[0].core()
    text = STDLIB.read_text(encoding="utf-8").replace(
        '  | 2026-05-25  | ja                | "Pinkstermaandag"\n', "")
    assert text != STDLIB.read_text(encoding="utf-8")
    (tmp_path / "feestdagen.rw").write_text(text, encoding="utf-8")
    after = load([tmp_path / "proef.rw"]).checked[0].core()
    assert before.main.definition("weekdag") == after.main.definition("weekdag")  # reads betaaldatum
    assert before.main.definition("betaaldatum") != after.main.definition("betaaldatum")
    assert before.main.definition("op_een_werkdag") != after.main.definition("op_een_werkdag")


def test_a_definition_of_the_same_name_comes_first() -> None:
    checked = compile_ok("""
        invoer x: datum                                   [a]

        tabel dag_van_de_week                             [b]
          | dag (datum) | nummer (aantal) |
          | n.v.t.      | 9               |

        regel y: aantal                                   [c]
          = dag_van_de_week(x)

        uitvoer y
        """)
    assert isinstance(checked.core().main.definition("y").body.base, c.TableLookup)  # type: ignore[union-attr]


def test_the_formatter_keeps_calls_of_functions() -> None:
    messy = source(RULES).replace("dag_van_de_week(betaaldatum)", "dag_van_de_week( betaaldatum )")
    formatted = format_text(messy, "proef.rw").text
    assert formatted == format_text(source(RULES), "proef.rw").text
    assert formatted is not None and "= dag_van_de_week(betaaldatum)" in formatted


# ------------------------------------------------------------------ names and types


def diagnostics(body: str) -> list[tuple[str, str, str]]:
    return [(d.code, d.message, d.hint or "") for d in check(body).diagnostics if d.is_error]


def rule(value: str, type_: str = "datum", use: bool = True) -> str:
    return (("gebruik feestdagen\n\n" if use else "") + "invoer x: datum  [a]\n\n"
            f"regel y: {type_}  [b]\n  = {value}\n\nuitvoer y\n")


def test_an_unknown_function_suggests_the_nearest() -> None:
    [(code, message, hint)] = diagnostics(rule("laatste_werkdag_voor(x)"))
    assert code == "RW101" and "laatste_werkdag_voor" in message
    assert hint == "bedoelde u 'laatste_werkdag_op_of_voor'?"
    [(code, _, hint)] = diagnostics(rule("dag_van_week(x)", "aantal"))
    assert (code, hint) == ("RW101", "bedoelde u 'dag_van_de_week'?")


def test_the_number_of_arguments() -> None:
    [(code, message, hint)] = diagnostics(rule("laatste_werkdag_op_of_voor(x; x)"))
    assert code == "RW205"
    assert "functie laatste_werkdag_op_of_voor heeft 1 argument, maar krijgt 2" in message
    assert hint == "de functie krijgt in volgorde: dag (datum)"
    [(code, _, _)] = diagnostics(rule("dag_van_de_week()", "aantal"))
    assert code == "RW205"


def test_the_type_of_an_argument() -> None:
    [(code, message, hint)] = diagnostics(rule("dag_van_de_week(€ 3,00)", "aantal"))
    assert code == "RW201"
    assert "argument dag van functie dag_van_de_week is datum, maar de waarde is bedrag" in message
    assert hint.startswith("geef een datum")


def test_the_type_of_the_result() -> None:
    [(code, message, _)] = diagnostics(rule("dag_van_de_week(x)", "bedrag"))
    assert code == "RW201" and "de waarde is aantal" in message
    assert diagnostics(rule("dag_van_de_week(x) + 1", "aantal")) == []
    assert diagnostics(rule("als is_werkdag(x) dan x anders eerste_werkdag_op_of_na(x)")) == []


def test_a_function_without_parentheses() -> None:
    [(code, message, hint)] = diagnostics(rule("is_werkdag", "ja/nee"))
    assert code == "RW206" and message.endswith("is_werkdag is een functie en heeft argumenten nodig")
    assert hint == "schrijf is_werkdag(dag)"


def test_the_holidays_must_be_read_with_gebruik() -> None:
    [(code, message, hint)] = diagnostics(rule("laatste_werkdag_op_of_voor(x)", use=False))
    assert code == "RW106"
    assert message == ("laatste_werkdag_op_of_voor rekent met de wettelijke feestdagen uit module "
                       "feestdagen, maar die module is niet ingelezen")
    assert hint == "schrijf 'gebruik feestdagen' bovenaan het bestand"
    assert diagnostics(rule("dag_van_de_week(x)", "aantal", use=False)) == []


# ------------------------------------------------------------------ the registry and its docs


def test_every_callable_function_is_documented() -> None:
    reference = (ROOT / "docs" / "taal" / "functies.md").read_text(encoding="utf-8")
    for name in callable_names():
        assert f"`{name}(" in reference, name
        assert hasattr(runtime, REGISTRY[name].runtime)


def test_the_generated_module_writes_the_holidays_once(generated: Any) -> None:
    # Three calls read the holidays; the list is one module constant, not three literals.
    source_text = generated.source_text
    assert source_text.count("'2026-04-06'") == 1
    assert re.search(r"rt\.laatste_werkdag_op_of_voor\(\s*\*_FEESTDAGEN,", source_text)
    assert "rt.is_werkdag(*_FEESTDAGEN, maand(r))" in source_text
