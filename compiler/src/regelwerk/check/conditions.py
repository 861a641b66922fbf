"""Pass: `als ... dan ...` without `anders` covers every case it can meet (RW304).

Only the inputs that reach the condition count: an `als` inside an exception is checked under that
exception's condition, the general value under the negation of all exceptions.
"""

from __future__ import annotations

from typing import Any

import z3

from regelwerk.check.context import Context
from regelwerk.check.logic import Translator, Untranslatable, dates_to_check
from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir


def check_conditions(module: ir.Module, context: Context) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    dates = dates_to_check(context)
    for rule in module.definitions:
        if not isinstance(rule, ir.RuleDef):
            continue
        reported: set[ir.Conditional] = set()
        for date in dates:
            translator = Translator(context, date)
            for expr, path in _branches(rule):
                for conditional, inner_path in _open_conditionals(expr, path):
                    if conditional in reported:
                        continue
                    example = _uncovered(translator, conditional, inner_path)
                    if example:
                        reported.add(conditional)
                        when = f" (op {date.isoformat()})" if date is not None and len(dates) > 1 \
                            else ""
                        diagnostics.append(error(
                            "RW304", f"regel {rule.name}{_article(rule)}: 'als' zonder 'anders' "
                            "heeft geen geval "
                            f"voor bijvoorbeeld {example}{when}", conditional.span,
                            "voeg een geval toe, of sluit af met 'anders ...'"))
    return diagnostics


def _article(rule: ir.RuleDef) -> str:
    return f" [{rule.reference.text}]" if rule.reference else ""


Path = tuple[tuple[ir.Expr, bool], ...]  # conditions that hold (True) or not (False) on the way


def _branches(rule: ir.RuleDef) -> list[tuple[ir.Expr, Path]]:
    out: list[tuple[ir.Expr, Path]] = []
    for index, exception in enumerate(rule.exceptions):
        earlier: Path = tuple((e.condition, False) for e in rule.exceptions[:index]) \
            if rule.ordered_exceptions else ()
        out.append((exception.value, earlier + ((exception.condition, True),)))
    if rule.value is not None:
        out.append((rule.value, tuple((e.condition, False) for e in rule.exceptions)))
    return out


def _open_conditionals(expr: ir.Expr, path: Path) -> list[tuple[ir.Conditional, Path]]:
    found: list[tuple[ir.Conditional, Path]] = []
    if isinstance(expr, ir.Conditional):
        if expr.otherwise is None:
            found.append((expr, path))
        taken: Path = path
        for condition, value in expr.cases:
            found += _open_conditionals(value, taken + ((condition, True),))
            taken = taken + ((condition, False),)
        if expr.otherwise is not None:
            found += _open_conditionals(expr.otherwise, taken)
        return found
    if isinstance(expr, ir.Aggregate):
        return found  # members of a list: not in the decidable fragment
    from regelwerk.check.walk import children

    for child in children(expr):
        found += _open_conditionals(child, path)
    return found


def _uncovered(translator: Translator, conditional: ir.Conditional, path: Path) -> str | None:
    try:
        facts: list[Any] = [translator.expr(c) if holds else z3.Not(translator.expr(c))
                            for c, holds in path]
        facts += [z3.Not(translator.expr(c)) for c, _ in conditional.cases]
    except Untranslatable:
        return None
    example = translator.example(z3.And(*facts) if facts else z3.BoolVal(True))
    return example if isinstance(example, str) else None
