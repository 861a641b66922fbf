"""The Python backend: generated modules agree with the interpreter, and are current, typed and safe."""

from __future__ import annotations

import ast
import datetime
import hashlib
import importlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelwerk import __version__, runtime
from regelwerk.backends.python import names, printer
from regelwerk.build import RUNTIME_FILE, build, runtime_source
from regelwerk.cli import main
from regelwerk.interpret.evaluator import OnbekendeWaarde, RekenFout, evaluate
from regelwerk.interpret.explain import render_tree
from regelwerk.interpret.values import InvoerFout, to_json
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.pipeline import CheckedModule, load

from .strategies import UNKNOWN_KEY, inputs_for, invalid_inputs_for

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
FIXTURES = ROOT / "tests" / "fixtures" / "python_backend"
REGULATIONS = sorted(p for p in ROOT.glob("regulations/*/*.rw")
                     if re.search(r"^regeling ", p.read_text(encoding="utf-8"), re.M))
HACKED = Path("/tmp/regelwerk-gehackt")  # what the hostile strings in vijandig.rw try to create

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@dataclass
class Generated:
    checked: CheckedModule
    module: ModuleType

    @property
    def start(self) -> datetime.date:
        return self.checked.module.valid_from or datetime.date(2026, 1, 1)


@pytest.fixture(scope="session")
def generate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path], Generated]]:
    """Build the regulation in a file into a fresh package and import its module from there."""
    root = tmp_path_factory.mktemp("generated")
    sys.path.insert(0, str(root))
    cache: dict[Path, Generated] = {}

    def compiled(path: Path) -> Generated:
        if path not in cache:
            result = build([path])
            assert result.ok, result.loaded.diagnostics + result.problems
            package = root / f"pakket{len(cache)}"
            package.mkdir()
            (package / "__init__.py").write_text("", encoding="utf-8")
            for name, text in result.files.items():
                (package / name).write_text(text, encoding="utf-8")
            (checked,) = [c for c in result.loaded.checked if c.module.kind == "regeling"]
            stem = result.modules[checked.module.name]
            cache[path] = Generated(checked, importlib.import_module(f"{package.name}.{stem}"))
        return cache[path]

    yield compiled
    sys.path.remove(str(root))


def input_types(checked: CheckedModule) -> dict[str, t.Type]:
    found: dict[str, t.Type] = {}
    for module in (checked.module, *checked.used.values()):
        for definition in module.definitions:
            if isinstance(definition, ir.InputDef):
                found.setdefault(definition.name, checked.type_of(definition))
    return found


def example_files() -> list[Path]:
    """The regulations of the documentation that check without errors: more of the language."""
    files = []
    for path in sorted((ROOT / "docs" / "voorbeelden").rglob("*.rw")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^regeling ", text, re.M) and load([path]).ok:
            files.append(path)
    return files


# ------------------------------------------------------------------ the same as the interpreter


def assert_same(generated: Generated, data: Any, day: datetime.date,
                names: list[str] | None = None) -> None:
    """Outputs, provisional values, explanation and errors of the module equal the interpreter's;
    with `names`, those of `bereken_deel` for only these outputs."""
    module = generated.module
    ordered = None if names is None else [
        n.text for n in generated.checked.module.output_names if n.text in names]

    def calculate() -> Any:
        return module.bereken(data, day) if names is None else module.bereken_deel(data, day, names)

    try:
        want = evaluate(generated.checked, data, day, outputs=ordered)
    except RekenFout as exc:
        with pytest.raises(module.RekenFout) as caught:
            calculate()
        assert caught.value.melding == exc.message
        # a value that is `onbekend` stops both the same way, so a service can tell it apart
        assert isinstance(caught.value, module.rt.OnbekendeWaarde) == isinstance(
            exc, OnbekendeWaarde)
        return
    except InvoerFout as exc:
        with pytest.raises(module.InvoerFout) as caught:
            calculate()
        assert (caught.value.veld, caught.value.melding) == (exc.field, exc.message)
        return
    got = calculate()
    assert list(got.uitvoer) == list(want.uitvoer)
    assert dict(got.uitvoer) == want.uitvoer
    assert {k: str(v) for k, v in got.uitvoer.items()} == {k: str(v) for k, v in want.uitvoer.items()}
    assert not any(isinstance(v, float) for v in got.uitvoer.values())
    assert got.voorlopig == want.voorlopig
    explanation = got.uitleg()
    assert [n.naar_json() for n in explanation] == [n.naar_json() for n in want.uitleg]
    assert module.rt.toon_uitleg(explanation) == render_tree(want.uitleg)
    request: dict[str, Any] = {"peildatum": day.isoformat(), "invoer": data}
    if names is not None:
        request["uitvoer"] = names
    document = json.loads(module.bereken_json(json.dumps(request)))
    assert document["uitvoer"] == {n: to_json(v, want.types[n]) for n, v in want.uitvoer.items()}


def check_random_inputs(generated: Generated, examples: int) -> None:
    outputs = [n.text for n in generated.checked.module.output_names]

    @settings(SETTINGS, max_examples=examples)
    @given(inputs_for(input_types(generated.checked)), st.integers(-10, 800),
           st.one_of(st.none(), st.lists(st.sampled_from(outputs), min_size=1, max_size=3)))
    def agree(data: dict[str, Any], offset: int, names: list[str] | None) -> None:
        assert_same(generated, data, generated.start + datetime.timedelta(days=offset), names)

    agree()


@pytest.mark.parametrize("path", REGULATIONS, ids=[p.stem for p in REGULATIONS])
def test_regulation_agrees_with_interpreter(generate: Callable[[Path], Generated], path: Path
                                            ) -> None:
    check_random_inputs(generate(path), 150)


@pytest.mark.parametrize("path", REGULATIONS, ids=[p.stem for p in REGULATIONS])
def test_wrong_input_gives_the_same_error(generate: Callable[[Path], Generated], path: Path) -> None:
    generated = generate(path)

    @settings(SETTINGS, max_examples=100)
    @given(invalid_inputs_for(input_types(generated.checked)))
    def same_error(case: tuple[dict[str, Any], str]) -> None:
        data, field = case
        with pytest.raises(InvoerFout) as expected:
            evaluate(generated.checked, data, generated.start)
        with pytest.raises(generated.module.InvoerFout) as caught:
            generated.module.bereken(data, generated.start)
        assert caught.value.veld == expected.value.field == field
        assert caught.value.melding == expected.value.message

    same_error()


@pytest.mark.parametrize("name", ["alles", "vijandig"])
def test_fixture_agrees_with_interpreter(generate: Callable[[Path], Generated], name: str) -> None:
    check_random_inputs(generate(FIXTURES / name / f"{name}.rw"), 300)


def test_documentation_examples_agree_with_interpreter(
        generate: Callable[[Path], Generated]) -> None:
    examples = example_files()
    assert examples
    for path in examples:
        check_random_inputs(generate(path), 40)


# ------------------------------------------------------------------ errors


ALLES_INPUT: dict[str, Any] = {
    "leden": [{"geboren": "2000-02-29", "inkomen": "1200.00", "woont": "huur", "student": False}],
    "hoofd": {"geboren": "1980-01-01", "inkomen": "2000.00", "woont": "eigendom", "student": False},
    "uurloon": "15.00", "gewerkte_uren": "80", "deler": "3", "korting": "10%", "personen": 2,
    "start": "2026-01-31", "vorm": "huur", "spoed": False,
}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"uurloon": 15.5}, "uurloon", "kommagetal (float)"),
        ({"personen": "2.5"}, "personen", "geheel aantal"),
        ({"korting": 10}, "korting", "13.60%"),
        ({"vorm": "kasteel"}, "vorm", "mogelijk: huur, eigendom, inwonend"),
        ({"spoed": "misschien"}, "spoed", "ja/nee"),
        ({"start": "31-01-2026"}, "start", "jjjj-mm-dd"),
        ({"leden": [{"geboren": "2000-01-01"}]}, "leden[0].inkomen", "ontbreekt"),
        ({"hoofd": {**ALLES_INPUT["hoofd"], "extra": 1}}, "hoofd.extra", "geen gegeven 'extra'"),
        ({"leden": "iedereen"}, "leden", "lijst van lid"),
        ({"onbekend": 1}, "onbekend", "geen invoer"),
    ],
)
def test_wrong_input_names_the_field(generate: Callable[[Path], Generated], change: dict[str, Any],
                                     field: str, words: str) -> None:
    module = generate(FIXTURES / "alles" / "alles.rw").module
    with pytest.raises(module.InvoerFout) as caught:
        module.bereken({**ALLES_INPUT, **change}, "2026-03-01")
    assert caught.value.veld == field
    assert words in caught.value.melding
    assert str(caught.value).startswith(f"{field}: ")


def test_missing_input_and_peildatum(generate: Callable[[Path], Generated]) -> None:
    module = generate(FIXTURES / "alles" / "alles.rw").module
    data = {k: v for k, v in ALLES_INPUT.items() if k != "deler"}
    with pytest.raises(module.InvoerFout, match="^deler: ontbreekt$"):
        module.bereken(data, "2026-03-01")
    for day, words in [("2024-12-31", "vóór het begin van de regeling (2025-01-01)"),
                       ("2028-01-01", "na het einde van de regeling"),
                       ("morgen", "jjjj-mm-dd"),
                       (datetime.datetime(2026, 3, 1, 12, 0), "jjjj-mm-dd")]:
        with pytest.raises(module.InvoerFout) as caught:
            module.bereken(ALLES_INPUT, day)
        assert caught.value.veld == "peildatum" and words in caught.value.melding
    with pytest.raises(module.InvoerFout, match="^invoer: "):
        module.bereken([], "2026-03-01")  # type: ignore[arg-type]


def test_undefined_calculation_is_a_rekenfout(generate: Callable[[Path], Generated]) -> None:
    generated = generate(FIXTURES / "alles" / "alles.rw")
    data = {**ALLES_INPUT, "deler": "0"}
    with pytest.raises(generated.module.RekenFout, match="^deling door nul$"):
        generated.module.bereken(data, "2026-03-01")
    assert_same(generated, data, datetime.date(2026, 3, 1))
    no_adults = {**ALLES_INPUT, "leden": []}
    with pytest.raises(generated.module.RekenFout, match="lege lijst"):
        generated.module.bereken(no_adults, "2026-03-01")


def test_python_values_are_accepted_besides_json(generate: Callable[[Path], Generated]) -> None:
    module = generate(FIXTURES / "alles" / "alles.rw").module
    as_text = module.bereken(ALLES_INPUT, "2026-03-01")
    native = {**ALLES_INPUT, "uurloon": Decimal("15.00"), "start": datetime.date(2026, 1, 31),
              "leden": tuple(ALLES_INPUT["leden"])}
    assert module.bereken(native, datetime.date(2026, 3, 1)).uitvoer == as_text.uitvoer
    with pytest.raises(module.InvoerFout, match="13.60%"):
        module.bereken({**ALLES_INPUT, "korting": Decimal("0.1")}, "2026-03-01")
    with pytest.raises(module.InvoerFout, match="verwacht getal"):
        module.bereken({**ALLES_INPUT, "deler": Decimal("NaN")}, "2026-03-01")


def test_bereken_json(generate: Callable[[Path], Generated]) -> None:
    generated = generate(FIXTURES / "alles" / "alles.rw")
    module = generated.module
    request = json.dumps({"peildatum": "2026-03-01", "invoer": ALLES_INPUT, "uitleg": True})
    document = json.loads(module.bereken_json(request))
    want = evaluate(generated.checked, ALLES_INPUT, datetime.date(2026, 3, 1))
    assert document["uitvoer"] == {n: to_json(v, want.types[n]) for n, v in want.uitvoer.items()}
    assert document["uitleg"] == [n.naar_json() for n in want.uitleg]
    assert document["uitvoer"]["jaarloon"] == "14400.00"
    assert document.get("voorlopig", []) == list(want.voorlopig)
    for text, field in [("{", "verzoek"), ("[]", "verzoek"), ('{"invoer": {}}', "peildatum"),
                        ('{"peildatum": "2026-03-01"}', "invoer"),
                        ('{"peildatum": "2026-03-01", "invoer": {}, "x": 1}', "x"),
                        ('{"peildatum": 2026, "invoer": {}}', "peildatum"),
                        ('{"peildatum": "2026-03-01", "invoer": {}, "uitleg": "ja"}', "uitleg"),
                        ('{"peildatum": "2026-03-01", "invoer": {}, "uitvoer": "premie"}', "uitvoer"),
                        ('{"peildatum": "2026-03-01", "invoer": {}, "uitvoer": []}', "uitvoer"),
                        ('{"peildatum": "2026-03-01", "invoer": {}, "uitvoer": ["maandloon"]}',
                         "uitvoer")]:
        with pytest.raises(module.InvoerFout) as caught:
            module.bereken_json(text)
        assert caught.value.veld == field
    float_request = request.replace('"15.00"', "15.0")
    with pytest.raises(module.InvoerFout, match="kommagetal"):
        module.bereken_json(float_request)


def test_bereken_deel_computes_only_what_is_asked(generate: Callable[[Path], Generated]) -> None:
    module = generate(FIXTURES / "alles" / "alles.rw").module
    spoed = {**ALLES_INPUT, "spoed": True}
    # the spoedpremie is onbekend from 2026-10-01: the whole calculation stops on it ...
    with pytest.raises(module.rt.OnbekendeWaarde) as caught:
        module.bereken(spoed, "2026-11-01")
    assert (caught.value.soort, caught.value.naam) == ("parameter", "spoedpremie")
    # ... but not the outputs that do not need it, asked for on their own, in the rules' order
    part = module.bereken_deel(spoed, "2026-11-01", ["toeslag", "jaarloon"])
    assert list(part.uitvoer) == ["jaarloon", "toeslag"]
    assert str(part.uitvoer["jaarloon"]) == "14400.00"
    assert [node.naam for node in part.uitleg()] == ["jaarloon", "toeslag"]
    with pytest.raises(module.rt.OnbekendeWaarde):
        module.bereken_deel(spoed, "2026-11-01", ["premie"])
    for wrong, message in [("premie", "verwacht een lijst van namen"), ([], "minstens één"),
                           (["maandloon"], '"maandloon" is geen uitvoer van deze regeling'),
                           ([1], "1 is geen uitvoer")]:
        with pytest.raises(module.InvoerFout, match=message) as error:
            module.bereken_deel(spoed, "2026-11-01", wrong)
        assert error.value.veld == "uitvoer"


def test_run_with_chosen_outputs_equals_bereken_deel(
        generate: Callable[[Path], Generated], tmp_path: Path) -> None:
    path = FIXTURES / "alles" / "alles.rw"
    module = generate(path).module
    spoed = {**ALLES_INPUT, "spoed": True}
    (tmp_path / "invoer.json").write_text(json.dumps(spoed), encoding="utf-8")
    arguments = ["run", str(path), "--peildatum", "2026-11-01", "--invoer",
                 str(tmp_path / "invoer.json")]
    stopped = CliRunner().invoke(main, arguments)
    assert stopped.exit_code == 1
    assert "fout bij het rekenen: de berekening stopt: parameter spoedpremie is onbekend vanaf " \
           "2026-10-01 (het bedrag vanaf oktober 2026 is nog niet bekendgemaakt)" in stopped.output
    assert "tip: met --uitvoer NAAM" in stopped.output
    chosen = CliRunner().invoke(main, [*arguments, "--uitvoer", "toeslag", "--uitvoer",
                                       "jaarloon", "--uitleg"])
    assert chosen.exit_code == 0, chosen.output
    request = json.dumps({"peildatum": "2026-11-01", "invoer": spoed, "uitleg": True,
                          "uitvoer": ["toeslag", "jaarloon"]})
    assert json.loads(chosen.stdout) == json.loads(module.bereken_json(request))
    wrong = CliRunner().invoke(main, [*arguments, "--uitvoer", "maandloon"])
    assert wrong.exit_code == 1
    assert 'fout in de invoer: uitvoer: "maandloon" is geen uitvoer van deze regeling' \
        in wrong.output


def test_bereken_json_equals_regelwerk_run(generate: Callable[[Path], Generated], tmp_path: Path
                                           ) -> None:
    path = REGULATIONS[0]
    generated = generate(path)
    data = {name: _first_value(type_) for name, type_ in input_types(generated.checked).items()}
    (tmp_path / "invoer.json").write_text(json.dumps(data), encoding="utf-8")
    day = generated.start.isoformat()
    result = CliRunner().invoke(main, ["run", str(path), "--peildatum", day, "--invoer",
                                       str(tmp_path / "invoer.json"), "--uitleg"])
    assert result.exit_code == 0, result.output
    request = json.dumps({"peildatum": day, "invoer": data, "uitleg": True})
    assert json.loads(generated.module.bereken_json(request)) == json.loads(result.stdout)


def _first_value(type_: t.Type) -> Any:
    if isinstance(type_, t.NumberType):
        return "12%" if type_.percent else (2 if type_.whole else "1450.50")
    if isinstance(type_, t.BooleanType):
        return True
    if isinstance(type_, t.DateType):
        return "2015-06-01"
    if isinstance(type_, t.ChoiceType):
        return type_.values[0]
    if isinstance(type_, t.RecordType):
        return {name: _first_value(field) for name, field in type_.fields}
    assert isinstance(type_, t.ListType)
    return [_first_value(type_.element), _first_value(type_.element)]


# ------------------------------------------------------------------ interface and schemas


def test_module_interface_and_metadata(generate: Callable[[Path], Generated]) -> None:
    module = generate(FIXTURES / "alles" / "alles.rw").module
    assert module.REGELING == "alles"
    assert module.TITEL == "Alle constructies"
    assert module.VERSIE == "1.0"
    assert module.GELDIG_VANAF == datetime.date(2025, 1, 1)
    assert module.GELDIG_TOT == datetime.date(2028, 1, 1)
    assert module.BRON == "Proefbesluit voor de Python-backend"
    assert module.COMPILER_VERSIE == __version__
    assert set(module.Invoer.__annotations__) == set(ALLES_INPUT)
    assert "jaarloon" in module.Uitvoer.__annotations__
    assert "[art. 15]" in (module.maandloon.__doc__ or "")
    result = module.bereken(ALLES_INPUT, "2026-03-01")
    assert isinstance(result.uitvoer["jaarloon"], Decimal)
    assert isinstance(result.uitvoer["einde"], datetime.date)
    assert isinstance(result.uitvoer["keuze_terug"], str)


@pytest.mark.parametrize("path", REGULATIONS, ids=[p.stem for p in REGULATIONS])
def test_schemas_describe_input_and_output(generate: Callable[[Path], Generated], path: Path
                                           ) -> None:
    generated = generate(path)
    module = generated.module

    @settings(SETTINGS, max_examples=30)
    @given(inputs_for(input_types(generated.checked)))
    def valid(data: dict[str, Any]) -> None:
        assert_valid(module.INVOER_SCHEMA, data)
        try:
            result = module.bereken(data, generated.start)
        except module.RekenFout:
            return
        except module.InvoerFout as refused:  # an `eis` no schema can say: a refusal, no output
            if not refused.melding.startswith("voldoet niet aan de eis"):
                raise
            return
        assert_valid(module.UITVOER_SCHEMA, result.naar_json()["uitvoer"])

    valid()
    json.dumps(module.INVOER_SCHEMA)
    json.dumps(module.UITVOER_SCHEMA)


def assert_valid(schema: dict[str, Any], value: Any, where: str = "$") -> None:
    """Enough of JSON Schema for what the backend writes: type, enum, pattern, objects, arrays."""
    types = schema.get("type")
    if types is not None:
        allowed = types if isinstance(types, list) else [types]
        kinds = {"string": str, "integer": int, "boolean": bool, "object": dict, "array": list}
        assert any(isinstance(value, kinds[k]) and not (k == "integer" and isinstance(value, bool))
                   for k in allowed), (where, value, types)
    if "enum" in schema:
        assert value in schema["enum"], (where, value)
    if "pattern" in schema and isinstance(value, str):
        assert re.search(schema["pattern"], value), (where, value, schema["pattern"])
    if isinstance(value, dict) and "properties" in schema:
        assert set(schema["required"]) <= set(value), where
        assert set(value) <= set(schema["properties"]), where
        for key, item in value.items():
            assert_valid(schema["properties"][key], item, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            assert_valid(schema["items"], item, f"{where}[{index}]")


# ------------------------------------------------------------------ safety


def test_hostile_names_and_strings_stay_inert(generate: Callable[[Path], Generated]) -> None:
    source = FIXTURES / "vijandig" / "vijandig.rw"
    HACKED.unlink(missing_ok=True)
    generated = generate(source)
    module = generated.module
    assert module.REGELING == "json" and module.__name__.endswith(".json_")
    assert module.TITEL == 'Titel met """ drie aanhalingstekens, een \\ backslash en\neen nieuwe regel'
    assert module.BRON is not None and "os.system(" in module.BRON
    assert "__import__('os')" in module.INVOER_SCHEMA["properties"]["print"]["description"]
    assert set(module.Invoer.__annotations__) == set(input_types(generated.checked))
    assert_same(generated, {"print": "5.00", "None": "print", "rt": [], "Decimal": "2",
                            "datetime": "2026-01-31", "ﬁle": 1, "file": 2, "сlass": True,
                            "_verborgen": "3%", "sum": "100.00"}, datetime.date(2026, 3, 1))
    assert not HACKED.exists()
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
             and isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec", "__import__")]
    assert not calls


def test_generated_code_imports_only_the_standard_library() -> None:
    allowed = set(sys.stdlib_module_names) | {"regelwerk_runtime", "__future__"}
    for path in [*GENERATED.glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                assert {a.name.split(".")[0] for a in node.names} <= allowed, path
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                assert (node.module or "").split(".")[0] in allowed, path


def test_generated_modules_type_check_and_lint(tmp_path: Path) -> None:
    result = build([FIXTURES / "alles", FIXTURES / "vijandig", ROOT / "regulations"])
    for name, text in result.files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    config = str(ROOT / "pyproject.toml")
    bin_dir = Path(sys.executable).parent
    mypy = subprocess.run([str(bin_dir / "mypy"), "--strict", "--config-file", config,
                           "--cache-dir", str(tmp_path / ".mypy_cache"), str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert mypy.returncode == 0, mypy.stdout
    ruff = subprocess.run([str(bin_dir / "ruff"), "check", "--config", config, "--no-cache",
                           str(tmp_path)], capture_output=True, text=True, cwd=tmp_path)
    assert ruff.returncode == 0, ruff.stdout


def test_import_beside_the_runtime_or_inside_a_package(tmp_path: Path) -> None:
    for name in ("rekenen", "dienst/rekenen"):
        folder = tmp_path / name
        folder.mkdir(parents=True)
        for file in GENERATED.glob("*.py"):
            (folder / file.name).write_bytes(file.read_bytes())
    (tmp_path / "dienst" / "__init__.py").write_text("")
    (tmp_path / "dienst" / "rekenen" / "__init__.py").write_text("")
    module = next(p.stem for p in GENERATED.glob("*.py") if p.name != RUNTIME_FILE)
    checks = [(tmp_path / "rekenen", f"import {module} as m; print(m.rt.__name__)",
               "regelwerk_runtime"),
              (tmp_path, f"from dienst.rekenen import {module} as m; print(m.rt.__name__)",
               "dienst.rekenen.regelwerk_runtime")]
    for cwd, code, runtime_name in checks:
        done = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, '.'); "
                               f"{code}"], capture_output=True, text=True, cwd=cwd)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == runtime_name


# ------------------------------------------------------------------ build: current, deterministic


def test_generated_folder_is_a_fresh_build() -> None:
    result = build(["regulations"])
    assert result.ok
    present = {p.name: p.read_text(encoding="utf-8") for p in GENERATED.iterdir()
               if p.suffix in (".py", ".md", ".html")}
    assert sorted(present) == sorted(result.files), "voer 'regelwerk build' uit"
    for name, text in result.files.items():
        assert present[name] == text, f"generated/{name} is verouderd: voer 'regelwerk build' uit"
    assert result.files[RUNTIME_FILE] == runtime_source()


def test_build_is_deterministic(tmp_path: Path) -> None:
    script = ("import hashlib, sys; from regelwerk.build import build; "
              "r = build(sys.argv[1:]); "
              "print(hashlib.sha256(repr(sorted(r.files.items())).encode()).hexdigest())")
    digests = set()
    for seed, cwd, source in [("1", ROOT, "regulations"), ("2", ROOT, "regulations"),
                              ("3", tmp_path, str(ROOT / "regulations"))]:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, source], capture_output=True,
                              text=True, cwd=cwd, env=env)
        assert done.returncode == 0, done.stderr
        digests.add(done.stdout.strip())
    assert len(digests) == 1
    for text in build(["regulations"]).files.values():
        assert str(ROOT) not in text and "\r" not in text and text.endswith("\n")


def test_build_and_check_commands(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        done = runner.invoke(main, ["build", "regulations", "--out", str(out), *args])
        return done.exit_code, done.output

    code, output = run("--check")
    assert code == 1 and f"ontbreekt: {out / RUNTIME_FILE}" in output
    assert not out.exists()
    code, output = run()
    assert code == 0 and f"geschreven: {out / RUNTIME_FILE}" in output
    assert run("--check")[0] == 0
    assert "ongewijzigd" in run()[1]
    module = next(p for p in out.glob("*.py") if p.name != RUNTIME_FILE)
    module.write_text(module.read_text(encoding="utf-8") + "# met de hand\n", encoding="utf-8")
    old = out / "vervallen_regeling.py"
    old.write_text('"""Oud.\n\nGegenereerd door regelwerk 0.0.1 uit oud.rw."""\n', encoding="utf-8")
    mine = out / "eigen_code.py"
    mine.write_text("x = 1\n", encoding="utf-8")
    code, output = run("--check")
    assert code == 1
    assert f"verouderd: {module}" in output
    assert f"overbodig: {old}" in output and f"overbodig: {mine}" in output
    code, output = run()
    assert code == 0 and f"verwijderd: {old}" in output and mine.exists() and not old.exists()


def test_build_writes_nothing_when_the_rules_have_errors(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    done = CliRunner().invoke(main, ["build", "tests/fixtures/diagnostics/RW202.rw", "--out",
                                     str(out)])
    assert done.exit_code == 1 and "RW202" in done.output
    assert not out.exists()


def test_modules_are_not_built_on_their_own() -> None:
    result = build([FIXTURES / "alles" / "hulpregels.rw"])
    assert result.ok and list(result.files) == [RUNTIME_FILE]


# ------------------------------------------------------------------ names and literals


NAMES = st.from_regex(r"[^\W\d][\w]*", fullmatch=True).filter(lambda n: len(n) < 40)


@given(st.lists(NAMES, min_size=1, max_size=8))
def test_every_name_becomes_a_distinct_valid_identifier(dsl_names: list[str]) -> None:
    namespace = names.Namespace({"r", "rt"})
    claimed = [namespace.claim(names.base_identifier(n)) for n in dsl_names]
    assert len(set(claimed)) == len(claimed)
    for identifier in claimed:
        compile(f"{identifier} = 1", "<naam>", "exec")
        assert names.is_plain(identifier) and not identifier.startswith("_")
        assert identifier not in names.BUILTINS | {"r", "rt"}


def test_names_change_only_where_needed() -> None:
    def claim(name: str) -> str:
        return names.Namespace().claim(names.base_identifier(name))

    assert claim("netto_maandinkomen") == "netto_maandinkomen"
    assert claim("categorieën") == "categorieën"
    assert claim("class") == "class_" and claim("print") == "print_" and claim("None") == "None_"
    assert claim("_intern") == "n_intern"
    assert claim("ﬁle") == "file"  # Python reads identifiers NFKC-normalized
    assert names.module_file_name("json", []) == "json_"


@given(st.text(max_size=400))
def test_string_literals_read_back_and_fit(text: str) -> None:
    code = printer.render(printer.string(text), 8, "waarde = ")
    assert ast.literal_eval(code.split("=", 1)[1].strip()) == text
    assert all(printer.width(line) <= printer.WIDTH for line in code.splitlines())


@given(st.lists(st.text(max_size=200), max_size=3))
def test_docstrings_cannot_be_escaped(paragraphs: list[str]) -> None:
    if not any(paragraphs):
        return
    lines = printer.docstring(paragraphs, "    ")
    body = "def f() -> None:\n" + "\n".join(lines) + "\n    return None\n"
    tree = ast.parse(body)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef) and len(function.body) == 2
    docstring = ast.get_docstring(function, clean=False) or ""
    assert docstring.split() == "\n\n".join(p for p in paragraphs if p).split()


def test_runtime_conflicting_exceptions() -> None:
    with pytest.raises(runtime.RekenFout, match=r"twee uitzonderingen op regel x gelden "
                       r"tegelijk: \[art\. 1\] en \[regel 9\]"):
        runtime.uitzonderingen("x", (True, "art. 1"), (False, "b"), (True, "regel 9"))
    assert runtime.uitzonderingen("x", (False, "a"), (True, "b")) == 2
    assert runtime.uitzonderingen("x", (False, "a")) == 0
    assert hashlib.sha256(runtime_source().encode()).hexdigest() == hashlib.sha256(
        (GENERATED / RUNTIME_FILE).read_bytes()).hexdigest()


def test_unknown_key_marker_is_no_name() -> None:
    assert not re.fullmatch(r"[^\W\d][\w]*", UNKNOWN_KEY)


def test_embedding_guide_example_prints_what_it_shows() -> None:
    page = (ROOT / "docs" / "ontwikkelaars" / "inbedden.md").read_text(encoding="utf-8")
    code, shown = re.search(r"```python\n(.*?)```\n\n```text\n(.*?)```", page, re.S).groups()
    done = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, '.')\n{code}"],
                          capture_output=True, text=True, cwd=GENERATED)
    assert done.returncode == 0, done.stderr
    assert done.stdout == shown


NUMBER_KINDS = [runtime.Soort("bedrag", "bedrag"), runtime.Soort("aantal", "getal", geheel=True),
                runtime.Soort("percentage", "procent"), runtime.Soort("uren", "duur", "uur")]


@given(st.sampled_from(NUMBER_KINDS),
       st.one_of(st.text(alphabet="0123456789-.,eE%+ _naNInfity١", max_size=12), st.integers(),
                 st.decimals(allow_nan=True).map(str)))
def test_quick_reading_agrees_with_careful_reading(kind: Any, raw: Any) -> None:
    """The fast path for usual input accepts only what `lees` accepts, with the same value."""
    with runtime.exact():
        try:
            quick = kind.snel(raw)
        except runtime._Slow:
            return
        careful = kind.lees("veld", raw)
    assert quick == careful and str(quick) == str(careful)
