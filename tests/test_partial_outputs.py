"""Partial outputs: every output that can be computed, the unknown ones with their reason.

The generated module's `bereken_gedeeltelijk` (and `bereken_json` with "gedeeltelijk": true), the
interpreter's `evaluate_partial` and `regelwerk run --gedeeltelijk` give the same outputs and the same
reasons. Only a value the rules declare `onbekend` makes an output unknown; other errors still stop.
"""

from __future__ import annotations

import datetime
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from regelwerk.build import build
from regelwerk.cli import main
from regelwerk.interpret.evaluator import evaluate, evaluate_partial
from regelwerk.interpret.values import to_json
from regelwerk.pipeline import CheckedModule, load
from regelwerk.runtime import InvoerFout, OnbekendeWaarde
from tests.conftest import ROOT

GROEIPAKKET = ROOT / "regulations" / "groeipakket" / "groeipakket.rw"
ZORGBUDGET = ROOT / "regulations" / "zorgbudget_ouderen" / "zorgbudget_ouderen.rw"


def child(born: str, **extra: object) -> dict[str, object]:
    return {"geboortedatum": born, "huisvesting": "volledig",
            "specifieke_ondersteuningsbehoefte": False, "rechtgevend_na_18_jaar": False, **extra}


FAMILY = {"gezinsinkomen": "30000.00", "voldoet_aan_ki_toets": True,
          "kinderen": [child("2020-05-10"), child("2019-03-01", wees="halfwees")]}
ELDERLY = {"geboortedatum": "1950-06-01", "aanvraagdatum": "2022-01-01", "punten_zelfredzaamheid": 12,
           "verblijft_in_woonzorgcentrum": False, "had_zorgcategorie_5_voor_opname": False,
           "ontvangt_inkomensgarantie_voor_ouderen": False, "aangesloten_bij_zorgkas": True,
           "voldoet_aan_verblijfsvoorwaarde": True,
           "ontvangt_inkomensvervangende_of_integratietegemoetkoming": False, "heeft_partner": False,
           "inkomen_aanvrager_en_partner": "10000.00",
           "verkoopwaarde_onroerende_goederen_laatste_10_jaar": "0.00"}


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[Path, tuple[CheckedModule,
                                                                                    ModuleType]]]:
    root = tmp_path_factory.mktemp("gedeeltelijk")
    sys.path.insert(0, str(root))
    found = {}
    for number, path in enumerate((GROEIPAKKET, ZORGBUDGET)):
        result = build([path])
        assert result.ok
        package = root / f"deel{number}"
        package.mkdir()
        (package / "__init__.py").write_text("", encoding="utf-8")
        for name, text in result.files.items():
            (package / name).write_text(text, encoding="utf-8")
        (checked,) = [c for c in result.loaded.checked if c.module.kind == "regeling"]
        module = importlib.import_module(f"{package.name}.{result.modules[checked.module.name]}")
        found[path] = (checked, module)
    yield found
    sys.path.remove(str(root))


def as_json(evaluation: Any) -> dict[str, object]:
    return {name: to_json(value, evaluation.types[name]) for name, value in evaluation.uitvoer.items()}


CASES = [(GROEIPAKKET, FAMILY, day) for day in
         ("2019-06-01", "2021-10-01", "2022-12-01", "2023-10-01", "2024-10-01", "2025-09-01")] + \
        [(ZORGBUDGET, ELDERLY, day) for day in ("2022-06-01", "2023-04-01", "2026-03-01")]


@pytest.mark.parametrize(("path", "data", "day"), CASES, ids=lambda v: getattr(v, "stem", str(v)))
def test_generated_module_and_interpreter_agree(modules, path: Path, data: dict[str, object],
                                                day: str) -> None:
    checked, module = modules[path]
    mine = evaluate_partial(checked, data, datetime.date.fromisoformat(day))
    theirs = module.bereken_gedeeltelijk(data, day)
    assert json.loads(json.dumps(theirs.naar_json()))["uitvoer"] == as_json(mine)
    assert theirs.onbekend == mine.onbekend
    assert set(theirs.uitvoer) | set(theirs.onbekend) == {o.name for o in checked.core().main.outputs}
    # one explanation per computed output, as for bereken
    assert [node.naam for node in theirs.uitleg()] == list(theirs.uitvoer)


def test_an_unknown_social_allowance_no_longer_stops_the_basisbedrag(modules) -> None:
    checked, module = modules[GROEIPAKKET]
    with pytest.raises(module.OnbekendeWaarde):
        module.bereken(FAMILY, "2024-10-01")
    with pytest.raises(OnbekendeWaarde):
        evaluate(checked, FAMILY, datetime.date(2024, 10, 1))
    result = module.bereken_gedeeltelijk(FAMILY, "2024-10-01")
    assert str(result.uitvoer["basisbedragen"]) == "360.38"
    assert set(result.onbekend) == {"sociale_toeslagen", "groeipakket_per_maand",
                                    "sociale_toeslag_kind", "groeipakket_kind"}
    # the per-child amounts that need no unknown value are there, one per child
    assert [str(v) for v in result.uitvoer["basisbedrag_kind"]] == ["180.19", "180.19"]
    assert "sociale_toeslagschaal is onbekend vanaf 2024-09-01" in result.onbekend["sociale_toeslagen"]


def test_nothing_unknown_is_the_same_as_bereken(modules) -> None:
    _, module = modules[GROEIPAKKET]
    whole = module.bereken(FAMILY, "2023-10-01")
    partial = module.bereken_gedeeltelijk(FAMILY, "2023-10-01")
    assert partial.uitvoer == dict(whole.uitvoer) and partial.onbekend == {}
    assert partial.naar_json() == whole.naar_json()


def test_only_the_outputs_asked_for(modules) -> None:
    _, module = modules[GROEIPAKKET]
    result = module.bereken_gedeeltelijk(FAMILY, "2024-10-01", ["sociale_toeslagen", "schoolbonus"])
    assert list(result.uitvoer) == ["schoolbonus"] and list(result.onbekend) == ["sociale_toeslagen"]
    with pytest.raises(module.InvoerFout) as raised:
        module.bereken_gedeeltelijk(FAMILY, "2024-10-01", ["sociale_toeslag"])
    assert raised.value.veld == "uitvoer"


def test_json_request(modules) -> None:
    _, module = modules[GROEIPAKKET]
    request = {"peildatum": "2024-10-01", "invoer": FAMILY, "gedeeltelijk": True}
    answer = json.loads(module.bereken_json(json.dumps(request)))
    assert answer["uitvoer"]["basisbedragen"] == "360.38"
    assert set(answer["onbekend"]) == {"sociale_toeslagen", "groeipakket_per_maand",
                                       "sociale_toeslag_kind", "groeipakket_kind"}
    assert answer["uitvoer"]["basisbedrag_kind"] == ["180.19", "180.19"]
    with pytest.raises(module.InvoerFout) as raised:
        module.bereken_json(json.dumps({**request, "gedeeltelijk": "ja"}))
    assert raised.value.veld == "gedeeltelijk"


def test_other_errors_still_stop(modules) -> None:
    """An input that breaks an eis is not 'unknown'."""
    _, module = modules[ZORGBUDGET]
    with pytest.raises(module.InvoerFout):
        module.bereken_gedeeltelijk({**ELDERLY, "punten_zelfredzaamheid": 19}, "2022-06-01")
    with pytest.raises(InvoerFout):  # the interpreter raises the package's own
        evaluate_partial(load([ZORGBUDGET]).checked[0], {**ELDERLY, "punten_zelfredzaamheid": 19},
                         datetime.date(2022, 6, 1))


def test_cli_run(tmp_path: Path) -> None:
    (tmp_path / "invoer.json").write_text(json.dumps(FAMILY), encoding="utf-8")
    args = ["run", str(GROEIPAKKET), "--peildatum", "2024-10-01", "--invoer",
            str(tmp_path / "invoer.json")]
    stopped = CliRunner().invoke(main, args)
    assert stopped.exit_code == 1
    done = CliRunner().invoke(main, [*args, "--gedeeltelijk"])
    assert done.exit_code == 0, done.output
    document = json.loads(done.output)
    assert document["uitvoer"]["basisbedragen"] == "360.38"
    assert set(document["onbekend"]) == {"sociale_toeslagen", "groeipakket_per_maand",
                                         "sociale_toeslag_kind", "groeipakket_kind"}
    text = CliRunner().invoke(main, [*args, "--gedeeltelijk", "--format", "tekst"])
    assert "sociale_toeslagen = onbekend: de berekening stopt" in text.output
    checked = load([GROEIPAKKET]).checked[0]
    assert evaluate_partial(checked, FAMILY, datetime.date(2024, 10, 1)).onbekend == \
        document["onbekend"]
