"""A `regel per kind` named as an output: its value for each member of the one list of kind, in
their order, the same in the checker, the interpreter, the generated module, `regelwerk run`, the
annex and both population engines; and the Groeipakket's per-child amounts."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from regelwerk.backends.annex import build_annex, render_markdown
from regelwerk.cli import main
from regelwerk.interpret import testing
from regelwerk.interpret.evaluator import evaluate, evaluate_partial
from regelwerk.ir import nodes as ir
from regelwerk.pipeline import CheckedModule, load
from tests.conftest import ROOT, check, compile_ok, import_generated, source

RULES = """
gegevens kind   [art. 1]
  leeftijd: jaren   [art. 1]

invoer kinderen: lijst van kind   [art. 1]

regel per kind toeslag: bedrag per maand   [art. 2]
  = als kind.leeftijd < 12 jaar dan € 10,00 anders € 20,50

regel per kind jong: ja/nee   [art. 3]
  = kind.leeftijd < 12 jaar

regel totaal: bedrag per maand   [art. 4]
  = som van (toeslag) over kinderen

uitvoer totaal, toeslag, jong
"""
FAMILY = {"kinderen": [{"leeftijd": 3}, {"leeftijd": 15}, {"leeftijd": 7}]}
DAY = datetime.date(2026, 3, 1)


# ------------------------------------------------------------------ the checker


def test_a_rule_per_member_is_an_output_with_one_list() -> None:
    result = check(RULES)
    assert [d.code for d in result.diagnostics if d.is_error] == []
    (output,) = [o for o in result.checked[0].core().main.outputs if o.name == "toeslag"]
    assert output.per_member and output.type.describe() == "bedrag per maand"


@pytest.mark.parametrize(("inputs", "words"), [
    ("", "de invoer heeft geen lijst van kind"),
    ("invoer kinderen: lijst van kind   [art. 1]\ninvoer pleegkinderen: lijst van kind   [art. 1]",
     "meer lijsten van kind (kinderen, pleegkinderen)"),
])
def test_without_exactly_one_list_it_is_rw104(inputs: str, words: str) -> None:
    text = RULES.replace("invoer kinderen: lijst van kind   [art. 1]", inputs)
    text = text.replace("som van (toeslag) over kinderen", "€ 1,00")
    diagnostics = [d for d in check(text).diagnostics if d.is_error]
    assert {d.code for d in diagnostics} == {"RW104"}
    assert all(words in d.message for d in diagnostics) and len(diagnostics) == 2
    assert all(d.hint and "lijst van kind" in d.hint for d in diagnostics)


def test_inside_a_plain_rule_it_is_still_rw104() -> None:
    text = RULES.replace("som van (toeslag) over kinderen", "toeslag")
    assert "RW104" in [d.code for d in check(text).diagnostics]


# ------------------------------------------------------------------ interpreter and module


def test_interpreter_gives_a_value_per_member_in_order() -> None:
    result = evaluate(compile_ok(RULES), FAMILY, DAY)
    assert result.uitvoer["toeslag"] == (Decimal("10.00"), Decimal("20.50"), Decimal("10.00"))
    assert result.uitvoer["jong"] == (True, False, True)
    assert evaluate(compile_ok(RULES), {"kinderen": []}, DAY).uitvoer["toeslag"] == ()
    node = result.uitleg[1]
    assert node.waarde == "€ 10,00 per maand; € 20,50 per maand; € 10,00 per maand"
    assert [child.naam for child in node.kinderen] == [
        "toeslag (leeftijd 3)", "toeslag (leeftijd 15)", "toeslag (leeftijd 7)"]


def test_generated_module_agrees_and_is_typed(tmp_path: Path) -> None:
    module = import_generated(tmp_path, RULES)
    result = module.bereken(FAMILY, DAY)
    want = evaluate(compile_ok(RULES), FAMILY, DAY)
    assert dict(result.uitvoer) == want.uitvoer
    assert [n.naar_json() for n in result.uitleg()] == [n.naar_json() for n in want.uitleg]
    assert "    toeslag: tuple[Decimal, ...]" in module.source_text
    assert "    jong: tuple[bool, ...]" in module.source_text
    answer = json.loads(module.bereken_json(json.dumps(
        {"peildatum": "2026-03-01", "invoer": FAMILY, "uitvoer": ["jong", "toeslag"]})))
    assert answer["uitvoer"] == {"toeslag": ["10.00", "20.50", "10.00"], "jong": [True, False, True]}
    schema = module.UITVOER_SCHEMA["properties"]
    assert schema["toeslag"]["type"] == "array"
    assert schema["toeslag"]["items"]["pattern"] == "^-?[0-9]+(\\.[0-9]+)?$"
    assert schema["toeslag"]["title"] == "bedrag per maand per kind"
    assert schema["jong"]["items"]["type"] == "boolean"


def test_run_prints_every_member(tmp_path: Path) -> None:
    rules = tmp_path / "proef.rw"
    rules.write_text(source(RULES), encoding="utf-8")
    family = tmp_path / "gezin.json"
    family.write_text(json.dumps(FAMILY), encoding="utf-8")
    args = ["run", str(rules), "--invoer", str(family), "--peildatum", "2026-03-01"]
    done = CliRunner().invoke(main, [*args, "--format", "tekst"])
    assert done.exit_code == 0, done.output
    assert "toeslag = € 10,00 per maand; € 20,50 per maand; € 10,00 per maand" in done.output
    assert "jong = ja; nee; ja" in done.output
    done = CliRunner().invoke(main, args)
    assert json.loads(done.output)["uitvoer"]["toeslag"] == ["10.00", "20.50", "10.00"]


def test_annex_lists_it_as_an_output() -> None:
    markdown = render_markdown(build_annex(compile_ok(RULES)))
    assert "*toeslag*, voor elk kind apart;" in markdown


# ------------------------------------------------------------------ population runs


def test_population_engines_give_the_same_list_column() -> None:
    pa = pytest.importorskip("pyarrow")
    np = pytest.importorskip("numpy")
    from regelwerk.backends.population import engine as contract
    from regelwerk.backends.population.summary import summarize
    from regelwerk.backends.population.vector import Vectorised

    program = compile_ok(RULES).core()
    table = pa.table({"kinderen": pa.array(
        [FAMILY["kinderen"], [], None, [{"leeftijd": 12}]],
        type=pa.list_(pa.struct([("leeftijd", pa.decimal128(5, 0))])))})
    expected = contract.PerHousehold().compute(program, table, DAY)
    found = Vectorised().compute(program, table, DAY)
    assert found.table.schema == expected.table.schema
    assert found.table.schema.field("toeslag").type == pa.list_(pa.decimal128(4, 2))
    assert found.table.schema.field("jong").type == pa.list_(pa.bool_())
    for name in ("toeslag", "jong", "totaal", contract.ERROR_KIND):
        assert found.table.column(name).to_pylist() == expected.table.column(name).to_pylist()
    assert found.table.column("toeslag").to_pylist() == [
        [Decimal("10.00"), Decimal("20.50"), Decimal("10.00")], [], None, [Decimal("20.50")]]
    # computed column-wise, not handed over per household
    assert found.table.column(contract.PATH).to_pylist()[:2] == [contract.COLUMNS] * 2
    # a household handed over although the columns could compute it: its list comes from the
    # per-household path and is merged into the column, of the same type
    engine = Vectorised()
    names = ("totaal", "toeslag", "jong")
    values, notes = engine.columns(program, table, DAY, names)
    bad = np.array([True, False, True, False])
    merged = engine.per_household(program, table, DAY, names, None, bad,
                                  {**notes, "!proef": bad}, values, {})
    assert merged.table.column(contract.PATH).to_pylist()[:2] == [
        contract.PER_HOUSEHOLD + ": proef", contract.COLUMNS]
    assert merged.table.schema == expected.table.schema
    for name in names:
        assert merged.table.column(name).to_pylist() == expected.table.column(name).to_pylist()
    summary = summarize(program, found, DAY, "proef")
    per_member = {o.name: o for o in summary.outputs}["toeslag"]
    assert (per_member.kind, per_member.computed) == ("per lid", 3)


# ------------------------------------------------------------------ the Groeipakket

GROEIPAKKET = ROOT / "regulations" / "groeipakket" / "groeipakket.rw"
PER_CHILD = {"basisbedrag_kind": "basisbedragen", "sociale_toeslag_kind": "sociale_toeslagen",
             "zorgtoeslagen_kind": "zorgtoeslagen", "groeipakket_kind": "groeipakket_per_maand",
             "schoolbonus_kind": "schoolbonus"}


@pytest.fixture(scope="module")
def groeipakket() -> CheckedModule:
    result = load([GROEIPAKKET])
    assert result.ok
    return next(c for c in result.checked if c.module.kind == "regeling")


def _given(checked: CheckedModule, test: ir.TestDef) -> tuple[dict[str, Any], datetime.date]:
    """The input of one of the file's own tests, as the test runner reads it."""
    day = test.peildatum or checked.module.valid_from or DAY
    constants = testing._Constants(checked, day)
    return {a.name: testing.with_defaults(testing._value(constants, a.value),
                                          constants.input_type(a.name))
            for a in test.given if not isinstance(a.value, ir.Unknown)}, day


def test_every_test_of_the_file_per_child_adds_up_to_the_family(groeipakket: CheckedModule
                                                                 ) -> None:
    """For the input of each of the file's tests: the per-child amounts, one per child, add up to
    the family totals the test checks against the sources."""
    checked = 0
    for test in groeipakket.module.tests:
        inputs, day = _given(groeipakket, test)
        if "kinderen" not in inputs:
            continue
        result = evaluate_partial(groeipakket, inputs, day, raw=False)
        for per_child, total in PER_CHILD.items():
            if per_child in result.uitvoer and total in result.uitvoer:
                values = result.uitvoer[per_child]
                assert len(values) == len(inputs["kinderen"]), test.name
                assert sum(values, Decimal(0)) == result.uitvoer[total], (test.name, per_child)
                checked += 1
    assert checked > 300


@pytest.mark.parametrize(("test_name", "expected"), [
    ("sociale toeslag, drie kinderen: elk kind € 103,62, met het basisbedrag",
     {"sociale_toeslag_kind": ["103.62"] * 3, "basisbedrag_kind": ["176.66"] * 3,
      "groeipakket_kind": ["280.28"] * 3}),
    ("sociale toeslag, twee kinderen: elk kind € 70,50", {"sociale_toeslag_kind": ["70.50"] * 2}),
    ("gelijkmatig verdeelde huisvesting: de sociale toeslag wordt gehalveerd, het basisbedrag niet",
     {"sociale_toeslag_kind": ["35.25"], "basisbedrag_kind": ["176.66"]}),
    ("cohort: kind geboren op 2018-12-31 houdt het bedrag van de overgangsregeling",
     {"basisbedrag_kind": ["100.00"]}),
    ("KI-toets niet voldaan: geen sociale toeslag",
     {"sociale_toeslag_kind": ["0.00"], "groeipakket_kind": ["176.66"]}),
])
def test_per_child_amounts_of_the_sourced_tests(groeipakket: CheckedModule, test_name: str,
                                                expected: dict[str, list[str]]) -> None:
    (test,) = [t for t in groeipakket.module.tests if t.name == test_name]
    inputs, day = _given(groeipakket, test)
    result = evaluate(groeipakket, inputs, day, outputs=list(expected), raw=False)
    assert {name: list(result.uitvoer[name]) for name in expected} == {
        name: [Decimal(v) for v in values] for name, values in expected.items()}
