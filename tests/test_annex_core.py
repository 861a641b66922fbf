"""The annex reads the core IR for meaning: its expression printer handles every core expression
class, and the annex backend imports neither the interpreter, the checker nor another backend."""

from __future__ import annotations

import ast
from pathlib import Path

from regelwerk.backends.annex.prose import Printer
from regelwerk.core.visitor import missing
from tests.conftest import ROOT

ANNEX = ROOT / "compiler" / "src" / "regelwerk" / "backends" / "annex"
FORBIDDEN = ("regelwerk.interpret", "regelwerk.check", "regelwerk.backends.python")


def test_the_prose_printer_handles_every_core_expression() -> None:
    assert missing(Printer) == []


def _imports(path: Path) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


def test_the_annex_imports_no_interpreter_checker_or_other_backend() -> None:
    for path in sorted(ANNEX.glob("*.py")):
        for module in _imports(path):
            assert not module.startswith(FORBIDDEN), f"{path.name} imports {module}"
