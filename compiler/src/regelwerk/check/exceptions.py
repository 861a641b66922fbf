"""Pass: exceptions to one rule that can apply together, without a stated order (RW310, RW311).

`behalve als` overrides the general rule the way "in afwijking van" does in law. Two exceptions
to the same rule whose conditions can both hold are a conflict, unless the rule says
`uitzonderingen in volgorde` (in the core IR: the terms have different priorities). Decided exactly
with z3 over the core IR, on every date a parameter changes. Where the conditions are outside what
z3 decides exactly, the check says so (RW311, a warning naming both exceptions and the reason): the
interpreter then stops with a conflict error naming both references if it happens.
"""

from __future__ import annotations

import datetime

import attrs

from regelwerk.check.context import Context
from regelwerk.check.logic import Z3Translator, ask, core_dates
from regelwerk.core import nodes as c
from regelwerk.diagnostics import Diagnostic, error, warning
from regelwerk.ir import nodes as ir

# Each pair of exceptions of one priority is one question to z3 (per date): past this many pairs
# (about 30 exceptions without an order) the check says it did not look rather than take minutes.
MAX_PAIRS = 500


def check_exceptions(module: ir.Module, context: Context) -> list[Diagnostic]:
    if context.core is None:
        return []
    program = context.core
    diagnostics = []
    dates = core_dates(context)
    for rule in program.main.definitions:
        if not isinstance(rule, c.Rule):
            continue
        article = f" [{rule.source.reference}]" if rule.source.reference else ""
        # Only terms of one priority can conflict: with `uitzonderingen in volgorde` each has its
        # own, so thousands of them are no thousands squared of pairs.
        same: dict[int, list[tuple[int, c.Term]]] = {}
        for index, term in enumerate(rule.body.terms):
            same.setdefault(term.priority, []).append((index, term))
        count = sum(len(group) * (len(group) - 1) // 2 for group in same.values())
        if count > MAX_PAIRS:
            diagnostics.append(warning(
                "RW311", f"de controle kan niet vaststellen of uitzonderingen op regel {rule.name}"
                f"{article} tegelijk kunnen gelden: {count} paren, meer dan de {MAX_PAIRS} die ze "
                "nagaat", rule.span, "schrijf 'uitzonderingen in volgorde' onder de regel als de "
                "eerste voorgaat, of verdeel de uitzonderingen over meer regels; gelden er toch twee "
                "samen, dan stopt de berekening met een fout"))
            continue
        pairs = sorted((first, second) for group in same.values()
                       for i, first in enumerate(group) for second in group[i + 1:])
        for (_, first), (_, second) in pairs:
            both = f"de uitzonderingen {_name(first)} en {_name(second)} op regel " \
                   f"{rule.name}{article}"
            example, why = _both(program, rule, dates, first, second)
            if example is not None:
                conflict = error(
                    "RW310", f"{both} kunnen tegelijk gelden, bijvoorbeeld bij {example}",
                    second.span, "maak de voorwaarden uitsluitend, of schrijf "
                    "'uitzonderingen in volgorde' onder de regel als de eerste voorgaat")
                diagnostics.append(attrs.evolve(
                    conflict, notes=((f"de andere uitzondering: {_name(first)}", first.span),)))
            elif why is not None:
                diagnostics.append(warning(
                    "RW311", f"de controle kan niet vaststellen of {both} tegelijk kunnen "
                    f"gelden: {why}", second.span, "schrijf de voorwaarden zo dat ze elkaar "
                    "zichtbaar uitsluiten, of 'uitzonderingen in volgorde' onder de regel als "
                    "de eerste voorgaat; gelden ze toch samen, dan stopt de berekening met een "
                    "fout"))
    return diagnostics


def _both(program: c.Program, rule: c.Rule, dates: list[datetime.date | None], first: c.Term,
          second: c.Term) -> tuple[str | None, str | None]:
    """An example where both apply (on some date), or else why that cannot be decided, if so."""
    why = None
    for date in dates:
        translator = Z3Translator(program, date)
        translator.enter_rule(rule)
        answer = ask(translator, [(first.condition, True), (second.condition, True)])
        if answer.example is not None:
            when = f" (op {date.isoformat()})" if date is not None and len(dates) > 1 else ""
            return answer.example + when, None
        if why is None and answer.why is not None:
            when = f" (op {date.isoformat()})" if date is not None and len(dates) > 1 else ""
            why = answer.why + when
    return None, why


def _name(term: c.Term) -> str:
    return f"[{term.reference}]" if term.reference else f"op regel {term.span.line}"
