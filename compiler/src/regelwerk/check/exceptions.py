"""Pass: exceptions to one rule that can apply together, without a stated order (RW310).

`behalve als` overrides the general rule the way "in afwijking van" does in law. Two exceptions
to the same rule whose conditions can both hold are a conflict, unless the rule says
`uitzonderingen in volgorde`. Decided exactly with z3 where the conditions allow; otherwise the
interpreter stops with a conflict error naming both references when it happens.
"""

from __future__ import annotations

import datetime

import z3

from regelwerk.check.context import Context
from regelwerk.check.logic import Translator, Untranslatable, dates_to_check
from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir


def check_exceptions(module: ir.Module, context: Context) -> list[Diagnostic]:
    diagnostics = []
    dates = dates_to_check(context)
    for rule in module.definitions:
        if not isinstance(rule, ir.RuleDef) or rule.ordered_exceptions:
            continue
        article = f" [{rule.reference.text}]" if rule.reference else ""
        for i, first in enumerate(rule.exceptions):
            for second in rule.exceptions[i + 1:]:
                example = _both(context, dates, first, second)
                if example:
                    diagnostics.append(error(
                        "RW310", f"de uitzonderingen {_name(first)} en {_name(second)} op regel "
                        f"{rule.name}{article} kunnen tegelijk gelden, bijvoorbeeld bij {example}",
                        second.span, "maak de voorwaarden uitsluitend, of schrijf "
                        "'uitzonderingen in volgorde' onder de regel als de eerste voorgaat"))
    return diagnostics


def _both(context: Context, dates: list[datetime.date | None], first: ir.RuleException, second: ir.RuleException
          ) -> str | None:
    for date in dates:
        translator = Translator(context, date)
        try:
            formula = translator.expr(first.condition), translator.expr(second.condition)
        except Untranslatable:
            return None
        example = translator.example(z3.And(*formula))
        if isinstance(example, str):
            when = f" (op {date.isoformat()})" if date is not None and len(dates) > 1 else ""
            return example + when
    return None


def _name(exception: ir.RuleException) -> str:
    return f"[{exception.reference.text}]" if exception.reference else \
        f"op regel {exception.span.line}"
