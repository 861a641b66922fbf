"""The Python backend reads the core IR only, compiles every core expression, and every generated
module exports what the embedding guide documents."""

from __future__ import annotations

import ast
import datetime
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from regelwerk.backends.python import printer
from regelwerk.backends.python.expressions import Compiler, Scope
from regelwerk.backends.python.kinds import Kinds
from regelwerk.backends.python.model import Plan
from regelwerk.core import functions
from regelwerk.core import nodes as c
from regelwerk.core.visitor import missing
from regelwerk.ir import types as t

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
BACKEND = ROOT / "compiler" / "src" / "regelwerk" / "backends" / "python"
MODULES = sorted(p for p in GENERATED.glob("*.py") if p.name != "regelwerk_runtime.py")
EXCEPTIONS = ("InvoerFout", "RekenFout", "OnbekendeWaarde")
# What the backend may not read: surface nodes, the checker, the interpreter, another backend.
FORBIDDEN = ("regelwerk.ir.nodes", "regelwerk.check", "regelwerk.interpret", "regelwerk.backends.annex",
             "regelwerk.pipeline")


def _import(path: Path) -> ModuleType:
    """The generated module with the runtime beside it, leaving `sys.modules` as it was."""
    before = sys.modules.get("regelwerk_runtime")
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(f"_generated_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
        if before is None:
            sys.modules.pop("regelwerk_runtime", None)
        else:
            sys.modules["regelwerk_runtime"] = before
    return module


def test_there_are_generated_modules() -> None:
    assert MODULES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_generated_module_exports_documented_exceptions(path: Path) -> None:
    module = _import(path)
    runtime = module.rt
    for name in EXCEPTIONS:
        assert getattr(module, name) is getattr(runtime, name), name
        assert name in module.__all__
    assert issubclass(module.OnbekendeWaarde, module.RekenFout)
    for name in module.__all__:
        assert hasattr(module, name), name
    for name in ("bereken", "bereken_deel", "bereken_json", "Invoer", "Uitvoer", "INVOER_SCHEMA"):
        assert name in module.__all__


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_exceptions_import_as_the_embedding_guide_shows(path: Path) -> None:
    """`from zorgtoeslag import InvoerFout, RekenFout, OnbekendeWaarde`, in a fresh process."""
    script = (f"from {path.stem} import {', '.join(EXCEPTIONS)}\n"
              f"from {path.stem} import *\n"
              f"assert issubclass(OnbekendeWaarde, RekenFout)\n"
              f"print(sorted(n for n in dir() if not n.startswith('_')))")
    done = subprocess.run([sys.executable, "-c", script], cwd=path.parent, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stderr
    for name in EXCEPTIONS:
        assert f"'{name}'" in done.stdout


def test_expression_compiler_handles_every_core_expression() -> None:
    assert missing(Compiler) == []


@pytest.mark.parametrize("path", sorted(BACKEND.glob("*.py")), ids=lambda p: p.name)
def test_backend_reads_only_the_core(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names]
    for name in imported:
        assert not any(name == f or name.startswith(f + ".") for f in FORBIDDEN), name


def _compiler() -> Compiler:
    program = c.Program(c.Module("proef", "regeling", None, None, (), (), ()), {})
    plan = Plan(program, [], [], {}, {}, {}, {})
    return Compiler(plan, Kinds(plan), Scope(set()))


def _code(expr: c.Expr) -> str:
    return printer.render(_compiler().compile(expr, {}).doc, 0)


def test_builtins_are_called_from_the_registry() -> None:
    start, end = c.Peildatum(), c.Const(datetime.date(2026, 1, 1), t.DATE)
    between = c.Builtin("tussen", (start, end), t.duration("jaar"), ("jaar",))
    assert _code(between) == "rt.tussen('jaar', r.peildatum, _2026_01_01)"
    last = c.Builtin("kalender", (start,), t.DATE, ("laatste", "kwartaal"))
    assert _code(last) == "rt.kalender('laatste', 'kwartaal', r.peildatum)"
    first = c.Builtin("kalender", (start,), t.DATE, ("eerste", "maand"))
    assert _code(first) == "r.peildatum.replace(day=1)"  # the fast path the benchmarks rely on


def test_a_new_builtin_needs_no_change_in_the_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    function = functions.Function(name="proef_functie", parameters=(t.DATE, t.DATE),
                                  result=lambda options: t.DATE, runtime="tussen",
                                  dutch=lambda options, args: "proef")
    monkeypatch.setitem(functions.REGISTRY, function.name, function)
    call = c.Builtin("proef_functie", (c.Peildatum(), c.Peildatum()), t.DATE, ("a", "b"))
    assert _code(call) == "rt.tussen('a', 'b', r.peildatum, r.peildatum)"
