"""Conditions as logic: the part of the language that an SMT solver (z3) decides exactly.

The translation reads the core IR (`check.smt.translate`); this module asks the questions the
checks need. A part of a condition outside the exact fragment stands for an unknown value of its
own (the same part the same value), which only widens the question: "no such input" stays a proof,
but an example found with such a part is not one, and the answer is then "cannot say", with the
reason.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs
import z3

from regelwerk.check.context import Context
from regelwerk.check.smt.solve import UNDECIDED
from regelwerk.check.smt.translate import Untranslatable, Z3Translator
from regelwerk.core import nodes as c
from regelwerk.ir import nodes as ir

__all__ = ["Answer", "Untranslatable", "Z3Translator", "ask", "core_dates", "dates_to_check"]

Fact = tuple[c.Expr, bool]  # a condition that holds (True) or does not (False)


@attrs.frozen
class Answer:
    """`example`: an input for which every fact holds; `why`: why it cannot be decided; both None:
    no such input exists."""

    example: str | None = None
    why: str | None = None


def ask(translator: Z3Translator, facts: Sequence[Fact]) -> Answer:
    """Is there an input for which every fact holds?

    A part outside the exact fragment stands for a value of its own: if even then no input exists,
    none does; an example found is only an example when no such part was needed."""
    translator.opaque, translator.used, translator.touched = True, [], set()
    try:
        terms = [translator.visit(condition) if holds else z3.Not(translator.visit(condition))
                 for condition, holds in facts]
    except Untranslatable as exc:  # a condition that is not even a value of its own
        return Answer(why="de voorwaarden bevatten " + exc.reason)
    finally:
        translator.opaque = False
    found = translator.example(terms)
    if found is False:
        return Answer()
    if found is None:
        return Answer(why=UNDECIDED)
    if translator.used:
        return Answer(why="de voorwaarden bevatten " + " en ".join(translator.used))
    assert isinstance(found, str)
    return Answer(example=found)


def core_dates(context: Context) -> list[datetime.date | None]:
    """The start of the regulation and every later date on which a parameter changes, read from
    the core IR: the module and the modules it uses directly."""
    assert context.core is not None
    main = context.core.main
    start, end = main.valid_from, main.valid_until
    if start is None:
        return [None]
    dates = {start}
    modules = [main, *(context.core.modules[n] for n in main.uses if n in context.core.modules)]
    for module in modules:
        for definition in module.definitions:
            if isinstance(definition, c.Parameter):
                dates.update(v.valid_from for v in definition.values
                             if v.valid_from is not None and v.valid_from > start
                             and (end is None or v.valid_from < end))
    return [*sorted(dates)]


def dates_to_check(context: Context) -> list[datetime.date | None]:
    """The same dates from the surface IR, for the passes before the lowering (tables)."""
    module = context.module
    start, end = module.valid_from, module.valid_until
    if start is None:
        return [None]
    dates = {start}
    for m in context.modules():
        for definition in m.definitions:
            if isinstance(definition, ir.ParameterDef):
                dates.update(v.valid_from for v in definition.values
                             if v.valid_from is not None and v.valid_from > start
                             and (end is None or v.valid_from < end))
    return [*sorted(dates)]
