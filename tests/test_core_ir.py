"""The core IR: every checked module lowers; equality is meaning; children come from fields; a
visitor refuses a node class it does not handle."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from regelwerk.core import nodes as c
from regelwerk.core.visitor import Unhandled, Visitor, children, missing, walk
from regelwerk.ir import types as t
from regelwerk.pipeline import load
from tests.conftest import ROOT, compile_ok

RULE_FILES = sorted(
    [*ROOT.glob("regulations/**/*.rw"), *ROOT.glob("stdlib_rules/**/*.rw"),
     *(p for p in ROOT.glob("docs/voorbeelden/**/*.rw") if "fout" not in p.parts)])


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_checked_module_lowers(path: Path) -> None:
    result = load([path])
    assert result.ok, result.diagnostics
    for checked in result.checked:
        program = checked.core()
        assert program.main.name == checked.module.name
        assert [d.name for d in program.main.definitions] == \
            [d.name for d in checked.module.definitions]
        for module in program.all_modules():
            for definition in module.definitions:
                for node in walk(definition):
                    if isinstance(node, c.Expr):
                        assert isinstance(node.type, t.Type), node  # type: ignore[attr-defined]


def test_every_node_class_is_frozen_attrs_with_children_from_fields() -> None:
    classes = [*c.EXPRESSIONS, *c.DEFINITIONS, *c.CELLS, c.Term, c.RuleBody, c.Case, c.Row,
               c.TableVersion, c.DatedValue, c.Requirement, c.Module]
    for cls in classes:
        assert attrs.has(cls), cls
        assert issubclass(cls, c.Node), cls


def test_equality_is_meaning_not_presentation() -> None:
    one = c.Const(Decimal("1.0"), t.NUMBER, "getal", text="1,0")
    other = c.Const(Decimal("1.0"), t.NUMBER, "getal", text="1,00",
                    span=c.Span("a.rw", 3, 4, 3, 8))
    assert one == other and hash(one) == hash(other)
    assert c.Const(Decimal("2"), t.NUMBER) != one
    assert c.Round(one, Decimal("0.01"), "naar boven", t.NUMBER) != \
        c.Round(one, Decimal("0.01"), "naar beneden", t.NUMBER)


def test_children_come_from_the_fields_in_order() -> None:
    left = c.InputRef("m", "a", t.NUMBER)
    right = c.Const(Decimal(2), t.NUMBER)
    case = c.Case(c.Compare(">", left, right), right)
    choose = c.Choose((case,), left, t.NUMBER)
    assert list(children(choose)) == [case, left]
    assert [type(n).__name__ for n in walk(choose)] == [
        "Choose", "Case", "Compare", "InputRef", "Const", "Const", "InputRef"]


def test_a_visitor_raises_on_a_node_it_does_not_handle() -> None:
    class OnlyConstants(Visitor[object]):
        def visit_Const(self, node: c.Const) -> object:
            return node.value

    assert OnlyConstants().visit(c.Const(Decimal(3), t.NUMBER)) == Decimal(3)
    with pytest.raises(Unhandled, match="InputRef"):
        OnlyConstants().visit(c.InputRef("m", "x", t.NUMBER))
    assert "InputRef" in missing(OnlyConstants)


def test_meaning_is_made_explicit() -> None:
    checked = compile_ok("""
        invoer maandloon: bedrag per maand          [art. 1]
        invoer kinderen: aantal                     [art. 1]

        regel jaarloon: bedrag per jaar             [art. 2]
          = maandloon omgerekend per jaar

        parameter aandeel: percentage               [art. 3]
          vanaf 2026-01-01: 13,456 %

        regel afgerond: percentage                  [art. 3]
          = aandeel afgerond op 2 decimalen

        regel korting: bedrag                       [art. 4]
          = € 0,00
          behalve als kinderen > 0: € 200,00        [art. 4, 1°]
          behalve als kinderen > 1: € 300,00        [art. 4, 2°]
          uitzonderingen in volgorde

        uitvoer jaarloon, afgerond, korting
    """)
    main = checked.core().main
    jaarloon = main.definition("jaarloon")
    assert isinstance(jaarloon, c.Rule)
    scale = jaarloon.body.base
    assert isinstance(scale, c.Scale) and (scale.numerator, scale.denominator) == (12, 1)
    afgerond = main.definition("afgerond")
    assert isinstance(afgerond, c.Rule) and isinstance(afgerond.body.base, c.Round)
    assert afgerond.body.base.step == Decimal("0.0001")  # 2 decimals of a percentage
    korting = main.definition("korting")
    assert isinstance(korting, c.Rule)
    assert [term.priority for term in korting.body.terms] == [2, 1]
    assert korting.body.ordered


def test_a_parameter_with_only_a_label_has_no_value_and_says_so() -> None:
    # Found by the fuzzer: a parameter whose only detail line is its label was built with the label
    # as its value, and the type pass crashed (RW999).
    from tests.conftest import check

    result = check("""
        parameter p: bedrag          [art. 1]
          "Een label."

        regel r: bedrag              [art. 2]
          = p

        uitvoer r
    """)
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("RW320", 5)]


# Every stage that gives core IR a meaning, by the visitor it does that with.
VISITORS = {
    "interpreter": "regelwerk.interpret.expressions:ExpressionEvaluator",
    "python backend": "regelwerk.backends.python.expressions:Compiler",
    "z3 translation": "regelwerk.check.smt.translate:Z3Translator",
    "annex prose": "regelwerk.backends.annex.prose:Printer",
    "diff": "regelwerk.diff.meaning:ExpressionDifferences",
    "core text": "regelwerk.core.text:CoreText",
}


@pytest.mark.parametrize("stage", sorted(VISITORS))
def test_each_stage_handles_every_core_expression(stage: str) -> None:
    import importlib

    module, name = VISITORS[stage].split(":")
    visitor = getattr(importlib.import_module(module), name)
    assert issubclass(visitor, Visitor)
    assert set(visitor.handles) >= set(c.EXPRESSIONS)
    assert missing(visitor) == [], f"{stage} handles no {missing(visitor)}"


# What each backend may import from the compiler: the core, the runtime, the pipeline's contract.
FORBIDDEN = {
    "interpret": ("regelwerk.backends", "regelwerk.check", "regelwerk.diff"),
    "backends/python": ("regelwerk.interpret", "regelwerk.backends.annex", "regelwerk.check",
                        "regelwerk.ir.nodes", "regelwerk.diff"),
    "backends/annex": ("regelwerk.interpret", "regelwerk.backends.python", "regelwerk.check",
                       "regelwerk.diff"),
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_backend_imports_another_backend_or_the_interpreter(package: str) -> None:
    import ast

    folder = ROOT / "compiler" / "src" / "regelwerk" / package
    found = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.name}: {n}" for n in names if n.startswith(FORBIDDEN[package])]
    if package == "interpret":  # the test runner reads the test blocks, which stay surface IR
        found = [f for f in found if not f.startswith("testing.py")]
    assert found == []


def test_every_registered_function_has_one_implementation_for_every_backend() -> None:
    from regelwerk import runtime
    from regelwerk.core.functions import REGISTRY

    for name, function in REGISTRY.items():
        assert function.implementation() is getattr(runtime, function.runtime), name
        assert function.smt is not None or function.why_not_smt, name
