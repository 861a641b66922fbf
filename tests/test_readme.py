"""The example in the README is a real, passing regulation."""

from __future__ import annotations

import re
from pathlib import Path

from regelwerk.interpret.testing import run_tests
from regelwerk.pipeline import load_text

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_example_checks_strictly_and_its_test_passes() -> None:
    match = re.search(r"```\n(regeling .*?)```", README.read_text(encoding="utf-8"), re.S)
    assert match is not None
    result = load_text(match.group(1), "voorbeeld.rw")
    assert result.diagnostics == []
    (checked,) = result.checked
    outcomes = run_tests(checked)
    assert outcomes and all(o.passed for o in outcomes)
