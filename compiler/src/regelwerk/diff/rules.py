"""Rules on the surface: the smallest subexpressions that differ, exceptions matched by condition."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from regelwerk.backends.annex.context import type_text
from regelwerk.core.formula import formula
from regelwerk.diff.model import Change
from regelwerk.diff.presentation import Rendered, formula_of, ref, sentence
from regelwerk.ir import nodes as ir


def expression_changes(before: ir.Expr | None, after: ir.Expr | None) -> list[tuple[str, str]]:
    """The smallest subexpressions that differ: [('€ 0,50', '€ 0,55')]."""
    if before is None or after is None:
        if before is None and after is None:
            return []
        return [(formula(before) if before else "—", formula(after) if after else "—")]
    if formula(before) == formula(after):
        return []
    if _shape(before) == _shape(after):
        old_children, new_children = _parts(before), _parts(after)
        if len(old_children) == len(new_children):
            found: list[tuple[str, str]] = []
            for a, b in zip(old_children, new_children):
                found += expression_changes(a, b)
            if found:
                return found
    return [(formula(before), formula(after))]


def _shape(expr: ir.Expr) -> tuple[Any, ...]:
    if isinstance(expr, ir.Literal):
        return ("literal",)
    if isinstance(expr, ir.Name):
        return ("name", expr.text)
    if isinstance(expr, ir.Call):
        return ("call", expr.callee.text, len(expr.args))
    if isinstance(expr, (ir.Unary, ir.Binary)):
        return (type(expr).__name__, expr.op)
    if isinstance(expr, ir.Conditional):
        return ("als", len(expr.cases), expr.otherwise is None)
    if isinstance(expr, ir.MinMax):
        return ("minmax", expr.op, len(expr.args))
    if isinstance(expr, ir.Aggregate):
        return ("aggregaat", expr.op, expr.collection.text, expr.body is None,
                expr.condition is None)
    if isinstance(expr, ir.Rounding):
        return ("afronding", expr.mode, expr.step)
    if isinstance(expr, (ir.Per, ir.Convert)):
        return (type(expr).__name__, expr.unit)
    if isinstance(expr, ir.Between):
        return ("tussen", expr.unit)
    if isinstance(expr, ir.AtDate):
        return ("op", expr.parameter.text)
    if isinstance(expr, ir.PeriodEdge):
        return ("kalender", expr.edge, expr.period)
    return (type(expr).__name__,)


def _parts(expr: ir.Expr) -> list[ir.Expr | None]:
    if isinstance(expr, ir.Literal):
        return []
    if isinstance(expr, ir.Call):
        return list(expr.args)
    if isinstance(expr, ir.Unary):
        return [expr.operand]
    if isinstance(expr, ir.Binary):
        return [expr.left, expr.right]
    if isinstance(expr, ir.Conditional):
        return [e for case in expr.cases for e in case] + [expr.otherwise]
    if isinstance(expr, ir.MinMax):
        return list(expr.args)
    if isinstance(expr, ir.Aggregate):
        return [expr.body, expr.condition]
    if isinstance(expr, (ir.Rounding, ir.Per, ir.Convert)):
        return [expr.operand]
    if isinstance(expr, ir.Between):
        return [expr.start, expr.end]
    if isinstance(expr, ir.AtDate):
        return [expr.date]
    if isinstance(expr, ir.PeriodEdge):
        return [expr.operand]
    return []



def rule_changes(old: Rendered, new: Rendered, module: str | None, before: ir.RuleDef,
          after: ir.RuleDef) -> Iterator[Change]:
    old_article, new_article = old.article(module, before.name), new.article(module, after.name)
    if before.per != after.per:
        yield Change("regel-per", f"Per lid: {before.per or '—'} → {after.per or '—'}",
                     before.per, after.per)
    old_arguments = "; ".join(f"{a.name}: {type_text(a.type)}" for a in before.arguments)
    new_arguments = "; ".join(f"{a.name}: {type_text(a.type)}" for a in after.arguments)
    if old_arguments != new_arguments:
        yield Change("regel-argumenten", f"Argumenten: ({old_arguments or '—'}) → "
                     f"({new_arguments or '—'})", old_arguments or None, new_arguments or None)
    if formula_of(before.value) != formula_of(after.value):
        changes = expression_changes(before.value, after.value)
        yield Change(
            "regel-waarde", "De algemene regel is gewijzigd",
            sentence(old_article, "waarde"), sentence(new_article, "waarde"),
            (("formule_oud", formula_of(before.value)), ("formule_nieuw", formula_of(after.value)),
             ("verschillen", [{"oud": a, "nieuw": b} for a, b in changes])),
        )
    elif ref(before.value_reference) != ref(after.value_reference):
        yield Change("regel-verwijzing", f"Verwijzing bij de algemene regel: "
                     f"[{ref(before.value_reference) or '—'}] → "
                     f"[{ref(after.value_reference) or '—'}]",
                     ref(before.value_reference), ref(after.value_reference))
    old_exceptions = {formula(e.condition): e for e in before.exceptions}
    new_exceptions = {formula(e.condition): e for e in after.exceptions}
    unmatched_old = [k for k in old_exceptions if k not in new_exceptions]
    unmatched_new = [k for k in new_exceptions if k not in old_exceptions]
    pairs = [(k, k) for k in new_exceptions if k in old_exceptions]
    # An exception whose condition changed: paired in order when both sides have one left.
    while unmatched_old and unmatched_new and len(unmatched_old) == len(unmatched_new):
        pairs.append((unmatched_old.pop(0), unmatched_new.pop(0)))
    for old_key, new_key in pairs:
        a, b = old_exceptions[old_key], new_exceptions[new_key]
        if old_key == new_key and formula(a.value) == formula(b.value) and \
                ref(a.reference) == ref(b.reference):
            continue
        changes = expression_changes(a.condition, b.condition) + \
            expression_changes(a.value, b.value)
        yield Change(
            "uitzondering-gewijzigd", "Uitzondering gewijzigd",
            sentence(old_article, f"uitzondering:{old_key}"),
            sentence(new_article, f"uitzondering:{new_key}"),
            (("voorwaarde_oud", old_key), ("voorwaarde_nieuw", new_key),
             ("formule_oud", formula(a.value)), ("formule_nieuw", formula(b.value)),
             ("verschillen", [{"oud": x, "nieuw": y} for x, y in changes])),
        )
    for key in unmatched_new:
        exception = new_exceptions[key]
        yield Change("uitzondering-toegevoegd", "Nieuwe uitzondering", None,
                     sentence(new_article, f"uitzondering:{key}"),
                     (("voorwaarde", key), ("formule", formula(exception.value))))
    for key in unmatched_old:
        exception = old_exceptions[key]
        yield Change("uitzondering-verwijderd", "Uitzondering geschrapt",
                     sentence(old_article, f"uitzondering:{key}"), None,
                     (("voorwaarde", key), ("formule", formula(exception.value))))

