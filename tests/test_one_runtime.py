"""One runtime: the interpreter and a generated module read input with the same code.

There is one InvoerFout, RekenFout and OnbekendeWaarde (those of `regelwerk.runtime`), the interpreter
reads input with the runtime's `Soort` readers, and so it accepts and refuses exactly what a generated
module accepts and refuses, whatever a caller passes.
"""

from __future__ import annotations

import ast
import datetime
import importlib
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import regelwerk.interpret as interpret
from regelwerk import runtime
from regelwerk.core.visitor import missing
from regelwerk.interpret import evaluator, values
from regelwerk.interpret.evaluator import evaluate
from regelwerk.interpret.expressions import ExpressionEvaluator
from regelwerk.ir import types as t
from regelwerk.pipeline import load

from .conftest import compile_ok, import_generated
from .strategies import value_for

ROOT = Path(__file__).resolve().parents[1]
REGULATIONS = sorted(p for p in ROOT.glob("regulations/*/*.rw")
                     if re.search(r"^regeling ", p.read_text(encoding="utf-8"), re.M))
DAY = datetime.date(2026, 3, 1)

RULES = """
keuze woonvorm: huur, eigendom                             [a]

gegevens persoon                                           [b]
  geboren: datum                                           [b]
  inkomen: bedrag per maand                                [b]
  kinderen: aantal                                         [b]
  korting: percentage                                      [b]
  factor: getal                                            [b]
  student: ja/nee = nee                                    [b]
  woont: woonvorm = huur                                   [b]
  spaargeld: bedrag = € 0,00                               [b]

invoer vermogen: bedrag                                    [c]
invoer maandloon: bedrag per maand                         [c]
invoer gewerkte_uren: uren per maand                       [c]
invoer deler: getal                                        [c]
invoer personen: aantal                                    [c]
invoer korting: percentage                                 [c]
invoer start: datum                                        [c]
invoer spoed: ja/nee                                       [c]
invoer vorm: woonvorm                                      [c]
invoer hoofd: persoon                                      [c]
invoer leden: lijst van persoon                            [c]

regel totaal: bedrag                                       [d]
  = vermogen + som van (persoon.spaargeld) over leden

uitvoer totaal
"""

ODD_TEXT = ["1450.50", "-3", "0", "007", "1.000,50", "1e3", "1E3", "NaN", "Infinity", "-0", "12.",
            ".5", "1_000", " 12 ", "٣", "13.6%", "13,6 %", "-5%", "%", "2026-02-30", "2026-03-01",
            "20260301", "ja", "nee", "true", "huur", "eigendom", "Huur", "", "€ 5", "null"]
ODD: st.SearchStrategy[Any] = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True), st.decimals(places=2, allow_nan=False,
                                                                  allow_infinity=False),
    st.sampled_from([Decimal("20000"), Decimal("0.136"), Decimal("sNaN"), Decimal("-0"),
                     Decimal("1E+3"), Decimal("2.50")]),
    st.sampled_from(ODD_TEXT), st.text(max_size=6),
    st.dates(), st.datetimes(),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(),
                                                         max_size=2),
)


def sometimes_odd(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """`valid` about 19 times in 20, else an odd value."""
    return st.integers(0, 19).flatmap(lambda draw: ODD if draw == 7 else valid)


def anything_for(type_: t.Type) -> st.SearchStrategy[Any]:
    """Mostly a value of `type_` in one of the forms a caller may pass, sometimes any odd value;
    inside records and lists too."""
    if isinstance(type_, t.RecordType):
        fields = {name: anything_for(field) for name, field in type_.fields}
        record = st.fixed_dictionaries(
            {n: s for n, s in fields.items() if n not in dict(type_.defaults)},
            optional={**{n: s for n, s in fields.items() if n in dict(type_.defaults)},
                      "§vreemd§": ODD})
        return sometimes_odd(record)
    if isinstance(type_, t.ListType):
        items = st.lists(anything_for(type_.element), max_size=3)
        return sometimes_odd(st.one_of(items, items.map(tuple)))
    forms: list[st.SearchStrategy[Any]] = [value_for(type_)]
    if isinstance(type_, t.NumberType):
        forms.append(st.decimals(min_value=-1000, max_value=10**6, places=2, allow_nan=False,
                                 allow_infinity=False))
        forms.append(st.integers(-100, 100))
    if isinstance(type_, t.DateType):
        forms.append(st.dates())
    return sometimes_odd(st.one_of(*forms))


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    checked = compile_ok(RULES)
    module = import_generated(tmp_path_factory.mktemp("one_runtime"), RULES)
    return checked, module


def outcome(calculate: Any) -> tuple[str, str | None, str | None, Any]:
    """What a calculation did: the class of its error with the field and message, or its result."""
    try:
        result = calculate()
    except Exception as exc:  # noqa: BLE001 - any exception must be the same in both
        return (type(exc).__name__, getattr(exc, "veld", None), getattr(exc, "melding", str(exc)),
                None)
    return ("ok", None, None, {k: str(v) for k, v in dict(result.uitvoer).items()})


def assert_same_acceptance(checked: Any, module: Any, day: datetime.date, examples: int) -> None:
    types = {i.name: i.type for i in checked.core().inputs()}
    first = next(iter(types))  # left out now and then: a missing input
    data = st.fixed_dictionaries({n: anything_for(ty) for n, ty in types.items() if n != first},
                                 optional={first: anything_for(types[first]), "§onbekend§": ODD})

    @settings(max_examples=examples, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data)
    def same(raw: dict[str, Any]) -> None:
        interpreted = outcome(lambda: evaluate(checked, raw, day, raw=True))
        generated = outcome(lambda: module.bereken(raw, day))
        assert interpreted == generated

    same()


def test_the_interpreter_and_the_generated_module_accept_the_same_input(
        both: tuple[Any, Any]) -> None:
    checked, module = both
    assert_same_acceptance(checked, module, DAY, 600)


@pytest.fixture(scope="module")
def generated_folder() -> Iterator[Path]:
    """The committed generated modules, importable with the runtime beside them."""
    folder = ROOT / "generated"
    sys.path.insert(0, str(folder))
    yield folder
    sys.path.remove(str(folder))


@pytest.mark.parametrize("path", REGULATIONS, ids=[p.stem for p in REGULATIONS])
def test_a_regulation_and_its_generated_module_accept_the_same_input(
        generated_folder: Path, path: Path) -> None:
    result = load([path])
    assert result.ok, result.diagnostics
    (checked,) = [c for c in result.checked if c.module.kind == "regeling"]
    module = importlib.import_module(checked.module.name)
    day = checked.module.valid_from or datetime.date(2026, 1, 1)
    assert_same_acceptance(checked, module, day, 300)


@pytest.mark.parametrize("raw", [Decimal("20000"), 20000, "20000", "20000.00"])
def test_an_amount_as_decimal_int_or_text_is_accepted_by_both(both: tuple[Any, Any], raw: Any
                                                              ) -> None:
    checked, module = both
    data = {"vermogen": raw, "maandloon": "1", "gewerkte_uren": 2, "deler": "3", "personen": 1,
            "korting": "5%", "start": "2026-01-01", "spoed": True, "vorm": "huur",
            "hoofd": {"geboren": "1990-01-01", "inkomen": "1", "kinderen": 0, "korting": "1%",
                      "factor": "1"},
            "leden": []}
    interpreted = evaluate(checked, data, DAY).uitvoer
    generated = dict(module.bereken(data, DAY).uitvoer)
    assert interpreted == generated == {"totaal": Decimal(20000)}


@pytest.mark.parametrize("raw", [20000.0, Decimal("NaN"), True, None])
def test_a_float_or_odd_amount_is_refused_by_both_the_same_way(both: tuple[Any, Any], raw: Any
                                                               ) -> None:
    checked, module = both
    with pytest.raises(runtime.InvoerFout) as interpreted:
        evaluate(checked, {"vermogen": raw}, DAY)
    with pytest.raises(module.InvoerFout) as generated:
        module.bereken({"vermogen": raw}, DAY)
    assert (interpreted.value.veld, interpreted.value.melding) == (
        generated.value.veld, generated.value.melding)


def test_there_is_one_class_of_each_error() -> None:
    assert interpret.InvoerFout is runtime.InvoerFout
    assert interpret.RekenFout is runtime.RekenFout
    assert interpret.OnbekendeWaarde is runtime.OnbekendeWaarde
    assert evaluator.InvoerFout is runtime.InvoerFout
    assert evaluator.RekenFout is runtime.RekenFout
    assert evaluator.OnbekendeWaarde is runtime.OnbekendeWaarde
    assert values.InvoerFout is runtime.InvoerFout
    assert values.FloatText is runtime.FloatText  # or a JSON 2.0 would pass as the text "2.0"
    assert issubclass(runtime.OnbekendeWaarde, runtime.RekenFout)


def test_the_errors_keep_both_spellings_and_a_place() -> None:
    wrong = runtime.InvoerFout("x", "ontbreekt")
    assert (wrong.field, wrong.message, str(wrong)) == ("x", "ontbreekt", "x: ontbreekt")
    stop = runtime.RekenFout("deling door nul")
    assert (stop.message, stop.span) == ("deling door nul", None)
    unknown = runtime.OnbekendeWaarde("tabel", "schaal", None, "reden", span="hier")
    assert unknown.span == "hier" and unknown.message == unknown.melding


def test_the_expression_evaluator_handles_every_core_expression() -> None:
    assert missing(ExpressionEvaluator) == []


def test_the_interpreter_reads_only_the_core_ir() -> None:
    folder = ROOT / "compiler" / "src" / "regelwerk" / "interpret"
    # testing.py runs the `test` blocks, which are not part of the core IR: it reads them from the
    # checked module and lowers their values; everything that computes reads only the core.
    for path in sorted(folder.glob("*.py")):
        if path.name == "testing.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for alias in node.names]
        forbidden = [name for name in imported
                     if name.startswith(("regelwerk.ir.nodes", "regelwerk.check",
                                         "regelwerk.backends", "regelwerk.syntax"))]
        assert forbidden == [], path.name


def test_a_date_shift_error_names_its_place() -> None:
    checked = compile_ok("""
        invoer d: datum                                    [a]
        invoer n: maanden                                  [a]
        regel later: datum                                 [b]
          = d + n
        uitvoer later
        """)
    with pytest.raises(runtime.RekenFout) as caught:
        evaluate(checked, {"d": "2026-01-31", "n": "1.5"}, DAY)
    assert "hele maanden" in caught.value.melding
    assert caught.value.span is not None and caught.value.span.line == 8
