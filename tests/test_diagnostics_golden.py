"""Every diagnostic code has a fixture that triggers it; its rendering is a golden file.

Regenerate after an intended change of wording: UPDATE_GOLDEN=1 pytest tests/test_diagnostics_golden.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from regelwerk.diagnostics import render
from regelwerk.pipeline import load

FIXTURES = Path(__file__).parent / "fixtures" / "diagnostics"
CODE_FILES = sorted(p for p in FIXTURES.glob("RW*.rw"))
SOURCE = Path(__file__).resolve().parents[1] / "compiler" / "src" / "regelwerk"

# Codes that cannot be triggered by a file in the fixture folder; each has a unit test instead.
PROGRAMMATIC = {"RW000", "RW008", "RW999"}
NEAR_MISSES = sorted((Path(__file__).parent / "fixtures" / "near_miss").glob("RW*.rw"))


def rendered(path: Path) -> str:
    result = load([path.relative_to(Path.cwd())])
    return "\n\n".join(render(d, result.sources) for d in result.diagnostics) + "\n"


@pytest.mark.parametrize("path", CODE_FILES, ids=[p.stem for p in CODE_FILES])
def test_fixture_triggers_its_code(path: Path) -> None:
    result = load([path.relative_to(Path.cwd())])
    assert path.stem in {d.code for d in result.diagnostics}


@pytest.mark.parametrize("path", CODE_FILES, ids=[p.stem for p in CODE_FILES])
def test_rendering_matches_golden(path: Path) -> None:
    golden = path.with_suffix(".txt")
    text = rendered(path)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_code_in_the_compiler_has_a_fixture() -> None:
    used = set()
    for file in SOURCE.rglob("*.py"):
        used.update(re.findall(r'"(RW\d{3})"', file.read_text(encoding="utf-8")))
    covered = {p.stem for p in CODE_FILES} | PROGRAMMATIC
    assert used - covered == set()


def test_every_code_has_a_docs_page() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "fouten"
    for file in SOURCE.rglob("*.py"):
        for code in re.findall(r'"(RW\d{3})"', file.read_text(encoding="utf-8")):
            assert (docs / f"{code}.md").is_file(), code


@pytest.mark.parametrize("path", NEAR_MISSES, ids=[p.stem for p in NEAR_MISSES])
def test_near_miss_does_not_trigger(path: Path) -> None:
    """The same file with the mistake mended: no diagnostic at all."""
    result = load([path.relative_to(Path.cwd())])
    assert result.diagnostics == []


def test_fixtures_trigger_only_their_own_code() -> None:
    for path in CODE_FILES:
        found = {d.code for d in load([path.relative_to(Path.cwd())]).diagnostics}
        assert found <= {path.stem, "RW106"} | ({"RW109"} if path.stem == "RW109" else set()), path
