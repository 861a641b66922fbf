"""Worked examples from a regulation's tests, for the annex: the given values as the test writes
them, the outcome, and the values it was computed from (one level of the explanation). A test says
`niet in de bijlage` to stay out; a test that fails or stops is never an example."""

from __future__ import annotations

from regelwerk.core.formula import formula
from regelwerk.interpret.testing import run_test
from regelwerk.ir import nodes as ir
from regelwerk.pipeline import CheckedModule
from regelwerk.worked import Step, WorkedExample

STEP_KINDS = ("regel", "tabel", "parameter")


def _written(value: ir.Expr | ir.ListValue | ir.Unknown) -> str:
    if isinstance(value, ir.Unknown):
        return "onbekend"
    if isinstance(value, ir.ListValue):
        if not value.items:
            return "geen"
        items = [", ".join(f"{' '.join(a.name.split('_'))}: {_written(a.value)}" for a in item)
                 for item in value.items]
        return "; ".join(f"({index}) {item}" for index, item in enumerate(items, start=1))
    if isinstance(value, ir.Literal) and value.kind == "geen":
        return "geen"
    return formula(value)


def worked_examples(checked: CheckedModule) -> tuple[WorkedExample, ...]:
    out: list[WorkedExample] = []
    for test in checked.module.tests:
        if not test.in_annex:
            continue
        result = run_test(checked, test)
        if not result.passed:
            continue
        steps: list[Step] = []
        seen: set[int] = set()
        for root in result.explanation:
            for child in root.kinderen:
                if child.soort in STEP_KINDS and id(child) not in seen:
                    seen.add(id(child))
                    steps.append(Step(child.naam, child.waarde, child.verwijzing))
        out.append(WorkedExample(
            test.name, test.peildatum,
            tuple((a.name, _written(a.value)) for a in test.given),
            tuple((a.name, _written(a.value)) for a in test.expected), tuple(steps)))
    return tuple(out)
