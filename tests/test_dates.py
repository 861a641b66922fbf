"""Calendar arithmetic (`eerste dag van de maand van x`) and a parameter on another date (`p op d`)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regelwerk import runtime
from regelwerk.interpret.evaluator import OnbekendeWaarde, RekenFout, evaluate
from regelwerk.interpret.explain import render_tree
from tests.conftest import check, compile_ok, errors, run

PERIODS = ["maand", "kwartaal", "jaar"]


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


# ------------------------------------------------------------------ calendar arithmetic


@pytest.mark.parametrize(("edge", "period", "date", "expected"), [
    ("eerste", "maand", "2024-02-29", "2024-02-01"),
    ("laatste", "maand", "2024-02-10", "2024-02-29"),
    ("laatste", "maand", "2025-02-10", "2025-02-28"),
    ("laatste", "maand", "2025-12-31", "2025-12-31"),
    ("eerste", "kwartaal", "2025-06-30", "2025-04-01"),
    ("laatste", "kwartaal", "2025-04-01", "2025-06-30"),
    ("laatste", "kwartaal", "2025-11-15", "2025-12-31"),
    ("eerste", "jaar", "2025-12-31", "2025-01-01"),
    ("laatste", "jaar", "2025-01-01", "2025-12-31"),
])
def test_first_and_last_day(edge: str, period: str, date: str, expected: str) -> None:
    assert runtime.kalender(edge, period, day(date)) == day(expected)


@given(st.dates(datetime.date(1901, 1, 1), datetime.date(2199, 12, 31)), st.sampled_from(PERIODS))
def test_a_date_lies_between_the_first_and_last_day_of_its_period(
        date: datetime.date, period: str) -> None:
    first = runtime.kalender("eerste", period, date)
    last = runtime.kalender("laatste", period, date)
    assert first <= date <= last
    assert first.day == 1 and runtime.kalender("eerste", period, last) == first
    assert runtime.kalender("eerste", period, last + datetime.timedelta(days=1)) \
        == last + datetime.timedelta(days=1)  # the next period starts the day after


RULES = """
invoer start: datum                                     [a]

regel begin_maand: datum                                [b]
  = eerste dag van de maand van start

regel einde_kwartaal: datum                             [b]
  = laatste dag van het kwartaal van (start + 1 maand)

regel einde_jaar: datum                                 [b]
  = laatste dag van het jaar van peildatum

uitvoer begin_maand, einde_kwartaal, einde_jaar
"""


def test_calendar_expressions_in_rules() -> None:
    result = run(RULES, {"start": "2026-03-15"}, "2026-05-20")
    assert result == {"begin_maand": day("2026-03-01"), "einde_kwartaal": day("2026-06-30"),
                      "einde_jaar": day("2026-12-31")}


def test_calendar_needs_a_date() -> None:
    text = "invoer n: getal    [a]\nregel r: datum    [b]\n  = eerste dag van de maand van n\n" \
           "uitvoer r\n"
    result = check(text)
    (error,) = [d for d in result.diagnostics if d.is_error]
    assert error.code == "RW203"
    assert "'eerste dag van de maand van' heeft een datum nodig" in error.message


def test_calendar_words_cannot_be_names() -> None:
    assert "RW014" in errors("invoer eerste: datum    [a]\n")


# ------------------------------------------------------------------ a parameter on another date

DATED = """
invoer prestatiemaand: datum                            [a]

parameter tarief: bedrag per uur                        [b]
  vanaf 2026-01-01: € 20,00
  vanaf 2026-07-01: € 21,00 voorlopig "indexering"
  vanaf 2027-01-01: onbekend "nog niet bekendgemaakt"

parameter dubbel_tarief: bedrag per uur                 [c]
  vanaf 2026-01-01: tarief + € 1,00

regel tarief_van_de_maand: bedrag per uur               [d]
  = tarief op prestatiemaand

regel dubbel_van_de_maand: bedrag per uur               [d]
  = dubbel_tarief op (eerste dag van de maand van prestatiemaand)

regel tarief_vandaag: bedrag per uur                    [d]
  = tarief

uitvoer tarief_van_de_maand, dubbel_van_de_maand, tarief_vandaag
"""


def test_the_value_in_force_on_the_date_given_not_the_peildatum() -> None:
    checked = compile_ok(DATED)
    result = evaluate(checked, {"prestatiemaand": "2026-03-10"}, day("2026-08-01"))
    assert {k: str(v) for k, v in result.uitvoer.items()} == {
        "tarief_van_de_maand": "20.00", "dubbel_van_de_maand": "21.00", "tarief_vandaag": "21.00"}
    assert result.voorlopig == ("tarief",)  # read at the peildatum by tarief_vandaag


def test_a_parameter_read_by_a_parameter_is_taken_on_the_same_date() -> None:
    checked = compile_ok(DATED)
    result = evaluate(checked, {"prestatiemaand": "2026-08-20"}, day("2026-02-01"),
                      outputs=["dubbel_van_de_maand"])
    assert str(result.uitvoer["dubbel_van_de_maand"]) == "22.00"  # 21 on 2026-08-01, not 20
    assert result.voorlopig == ("tarief",)


def test_the_explanation_names_the_date() -> None:
    checked = compile_ok(DATED)
    result = evaluate(checked, {"prestatiemaand": "2026-08-20"}, day("2026-02-01"),
                      outputs=["tarief_van_de_maand"])
    tree = render_tree(result.uitleg)
    assert "tarief = € 21,00 per uur  (op 2026-08-20, geldig vanaf 2026-07-01; voorlopig: " \
           "indexering)  parameter [b]" in tree


def test_no_value_or_an_unknown_value_on_that_date_stops() -> None:
    checked = compile_ok(DATED)
    with pytest.raises(RekenFout, match="^parameter tarief heeft geen waarde op 2025-12-31$"):
        evaluate(checked, {"prestatiemaand": "2025-12-31"}, day("2026-02-01"),
                 outputs=["tarief_van_de_maand"])
    with pytest.raises(OnbekendeWaarde, match="parameter tarief is onbekend vanaf 2027-01-01"):
        evaluate(checked, {"prestatiemaand": "2027-03-01"}, day("2026-02-01"),
                 outputs=["tarief_van_de_maand"])


@pytest.mark.parametrize(("definition", "what"), [
    ("invoer x: bedrag    [a]", "een invoer"),
    ("regel x: bedrag    [a]\n  = € 1,00", "een regel"),
    ("tabel x    [a]\n  | n (aantal) | b (bedrag) |\n  | n.v.t.     | € 1,00     |", "een tabel"),
])
def test_only_a_parameter_has_values_on_other_dates(definition: str, what: str) -> None:
    text = (f"{definition}\n\ninvoer d: datum    [b]\n\nregel r: bedrag    [c]\n  = x op d\n\n"
            "uitvoer r\n")
    result = check(text)
    found = [d for d in result.diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW218"]
    assert f"'x op ...' kan niet: {what} heeft geen waarden op andere datums" in found[0].message


def test_the_date_must_be_a_date() -> None:
    text = "parameter p: bedrag = € 1,00    [a]\nregel r: bedrag    [b]\n  = p op 3\nuitvoer r\n"
    found = [d for d in check(text).diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW203"]
    assert "na 'op' staat de datum waarop de waarde geldt" in found[0].message


DURATION = """
invoer start: datum                                     [a]
invoer wachttijd: maanden                               [a]

regel einde: datum                                      [b]
  = start + wachttijd

uitvoer einde
"""


def test_a_duration_from_the_input_counts_whole_periods_only() -> None:
    checked = compile_ok(DURATION)
    result = evaluate(checked, {"start": "2026-01-31", "wachttijd": "1"}, day("2026-03-01"))
    assert result.uitvoer == {"einde": day("2026-02-28")}
    with pytest.raises(RekenFout, match="^bij een datum tellen alleen hele maanden, niet 1,5$"):
        evaluate(checked, {"start": "2026-01-31", "wachttijd": "1.5"}, day("2026-03-01"))
    with pytest.raises(runtime.RekenFout, match="alleen hele weken, niet 0,5"):
        runtime.plus_periode(day("2026-01-01"), "week", runtime.Decimal("0.5"))


def test_a_fraction_written_in_the_rules_is_found_by_the_check() -> None:
    text = DURATION.replace("start + wachttijd", "start + 1,5 maand")
    found = [d for d in check(text).diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW203"]


@given(st.dates(datetime.date(1901, 1, 1), datetime.date(2199, 12, 31)), st.integers(-60, 60))
def test_adding_years_is_adding_twelve_months(date: datetime.date, years: int) -> None:
    """The fast path for years (an age) keeps the day, or 28 February for 29 February."""
    assert runtime.plus_periode(date, "jaar", runtime.Decimal(years)) == \
        runtime.plus_periode(date, "maand", runtime.Decimal(12 * years))
