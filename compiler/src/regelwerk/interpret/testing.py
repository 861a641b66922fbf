"""Runs the `test` blocks of a module against the interpreter.

The tests are not part of the core IR: their blocks are read from the checked module, and each value
they give or expect is lowered to a core expression and computed by the interpreter."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

import attrs

from regelwerk import runtime
from regelwerk.core.lower import lower_expression
from regelwerk.interpret.evaluator import DECIMAL_CONTEXT, Interpreter, evaluate
from regelwerk.interpret.explain import Uitleg
from regelwerk.interpret.values import Value, show, with_defaults
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.span import Span
from regelwerk.pipeline import CheckedModule
from regelwerk.runtime import InvoerFout, OnbekendeWaarde, RekenFout


@attrs.frozen
class Mismatch:
    name: str
    expected: str
    actual: str
    explanation: Uitleg | None


@attrs.frozen
class TestResult:
    module: str
    name: str
    span: Span
    mismatches: tuple[Mismatch, ...] = ()
    error: str | None = None
    error_span: Span | None = None
    provisional: tuple[str, ...] = ()  # the result depends on these provisional values
    error_in_input: bool = False  # the error is the test's input (an `eis` not met), not a rule
    # the explanation of each expected output, in the order expected (for worked examples)
    explanation: tuple[Uitleg, ...] = attrs.field(default=(), eq=False)

    @property
    def passed(self) -> bool:
        return not self.mismatches and self.error is None


def run_tests(checked: CheckedModule, covered: set[tuple[str, Any, int]] | None = None
              ) -> list[TestResult]:
    return [run_test(checked, test, covered) for test in checked.module.tests]


def run_test(checked: CheckedModule, test: ir.TestDef,
             covered: set[tuple[str, Any, int]] | None = None) -> TestResult:
    """The outcome of one test; with `covered`, what the test exercised is added to it."""
    module = checked.module
    peildatum = test.peildatum or module.valid_from or datetime.date.today()
    constants = _Constants(checked, peildatum)
    with decimal.localcontext(DECIMAL_CONTEXT):
        inputs = {a.name: with_defaults(_value(constants, a.value), constants.input_type(a.name))
                  for a in test.given if not isinstance(a.value, ir.Unknown)}
        # a name may be expected twice: exactly, and as published (`afgerond op hele euro's`)
        expected = [(a, _value(constants, a.value)) for a in test.expected
                    if not isinstance(a.value, ir.Unknown)]
    names = list(dict.fromkeys(a.name for a, _ in expected))
    stopping = [a.name for a in test.expected if isinstance(a.value, ir.Unknown)]
    mismatches: list[Mismatch] = []
    provisional: set[str] = set()
    try:
        # `verwacht x = onbekend`: x alone must stop on an unknown value, whatever the others do.
        for name in stopping:
            try:
                alone = evaluate(checked, inputs, peildatum, outputs=[name], raw=False,
                                 covered=covered)
            except OnbekendeWaarde:
                continue
            mismatches.append(Mismatch(name, "onbekend (de berekening stopt)",
                                       show(alone.uitvoer[name], alone.types[name]),
                                       alone.uitleg[0]))
        result = evaluate(checked, inputs, peildatum, outputs=names, raw=False, covered=covered)
    except (RekenFout, InvoerFout) as exc:
        span = exc.span if isinstance(exc, RekenFout) and isinstance(exc.span, Span) else None
        message = exc.message if isinstance(exc, RekenFout) else str(exc)
        return TestResult(module.name, test.name, test.span, error=message, error_span=span,
                          error_in_input=isinstance(exc, InvoerFout))
    provisional.update(result.voorlopig)
    for assignment, want in expected:
        name = assignment.name
        got = result.uitvoer[name]
        type_ = result.types[name]
        shown = show(got, type_)
        if assignment.rounding is not None:  # a published figure next to the exact outcome
            mode, step, target = assignment.rounding
            exact = got
            percent = isinstance(type_, t.NumberType) and type_.percent
            got = runtime.afronden(got, step.scaleb(-2) if percent else step, mode)
            words = "" if mode == "rekenkundig" else f"{mode} "
            shown = f"{show(got, type_)} ({show(exact, type_)} {words}afgerond op {target})"
        if got != want:
            mismatches.append(Mismatch(name, show(want, type_), shown,
                                       result.uitleg[names.index(name)]))
    return TestResult(module.name, test.name, test.span, tuple(mismatches),
                      provisional=tuple(sorted(provisional)), explanation=tuple(result.uitleg))


class _Constants:
    """Computes the values a test gives and expects: constant expressions, lowered to core."""

    def __init__(self, checked: CheckedModule, peildatum: datetime.date) -> None:
        self.module = checked.module
        self.context = checked.context()
        self.interpreter = Interpreter(checked.core(), peildatum)
        self.types = {i.name: i.type for i in self.interpreter.program.inputs()}

    def input_type(self, name: str) -> t.Type:
        return self.types.get(name, t.UNKNOWN)

    def eval(self, expr: ir.Expr) -> Value:
        return self.interpreter.eval(lower_expression(self.module, self.context, expr), {})


def _value(constants: _Constants, value: ir.Expr | ir.ListValue | ir.Unknown) -> Value:
    assert not isinstance(value, ir.Unknown)  # the type check forbids `gegeven x = onbekend`
    if isinstance(value, ir.ListValue):
        return tuple({a.name: _value(constants, a.value) for a in item} for item in value.items)
    if isinstance(value, ir.Literal) and value.kind == "geen":
        return ()
    return constants.eval(value)
