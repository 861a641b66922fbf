"""Shared helpers: check or run a rule file given as text."""

from __future__ import annotations

import datetime
import importlib.util
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from regelwerk.interpret.evaluator import evaluate
from regelwerk.pipeline import CheckedModule, LoadResult, load_text

ROOT = Path(__file__).resolve().parents[1]

HEADER = 'regeling proef\n  geldig vanaf 2026-01-01\n  bron "Proefbesluit"\n\n'


@pytest.fixture(autouse=True)
def _repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in diagnostics are shown relative to the working directory.
    monkeypatch.chdir(ROOT)


def source(body: str, header: bool = True) -> str:
    text = textwrap.dedent(body).lstrip("\n")
    return (HEADER + text) if header else text


def check(body: str, header: bool = True) -> LoadResult:
    return load_text(source(body, header), "proef.rw")


def codes(body: str, header: bool = True) -> list[str]:
    return [d.code for d in check(body, header).diagnostics]


def errors(body: str, header: bool = True) -> list[str]:
    return [d.code for d in check(body, header).diagnostics if d.is_error]


def compile_ok(body: str, header: bool = True) -> CheckedModule:
    result = check(body, header)
    errors = [d for d in result.diagnostics if d.is_error]
    assert not errors, errors
    return result.checked[0]


def run(body: str, inputs: dict[str, Any], peildatum: str = "2026-03-01",
        outputs: list[str] | None = None) -> dict[str, Any]:
    checked = compile_ok(body)
    result = evaluate(checked, inputs, datetime.date.fromisoformat(peildatum), outputs=outputs)
    return result.uitvoer


def import_generated(folder: Path, body: str) -> Any:
    """Build the regulation `body` (with HEADER) into `folder` and import its generated module."""
    from regelwerk.build import build

    path = folder / "proef.rw"
    path.write_text(source(body), encoding="utf-8")
    result = build([path])
    assert result.ok, result.loaded.diagnostics
    for name, text in result.files.items():
        (folder / name).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        spec = importlib.util.spec_from_file_location("proef", folder / "proef.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(folder))
    module.source_text = (folder / "proef.py").read_text(encoding="utf-8")
    return module
