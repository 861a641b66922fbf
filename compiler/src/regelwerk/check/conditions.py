"""Pass: `als ... dan ...` without `anders` covers every case it can meet (RW304, RW305).

Only the inputs that reach the condition count: an `als` inside an exception is checked under that
exception's condition (and, with `uitzonderingen in volgorde`, under the negation of the ones before
it), the general value under the negation of all exceptions, the value of a count or sum over a
list for any member that passes its `waarvoor`. Decided with z3 over the core IR; where the
conditions are outside what z3 decides exactly, the check says so (RW305, a warning with the
reason): the calculation then stops with an error if no case applies.
"""

from __future__ import annotations

import bisect
import datetime
import functools
from collections.abc import Callable, Iterator

import attrs

from regelwerk.check.context import Context
from regelwerk.check.logic import Answer, Fact, Z3Translator, ask, core_dates
from regelwerk.core import nodes as c
from regelwerk.core.visitor import children, walk
from regelwerk.diagnostics import Diagnostic, error, warning
from regelwerk.ir import nodes as ir

Path = tuple[Fact, ...]  # conditions that hold (True) or not (False) on the way

# The conditions z3 is given, summed over the `als` without `anders` of one rule: under thousands of
# ordered exceptions each has all the earlier ones on its way. Past this the check says it did not
# look (RW305) rather than take minutes.
MAX_FACTS = 20_000


@attrs.frozen
class _Open:
    """An `als` without `anders`, the way to it, and the list members bound on the way."""

    choose: c.Choose
    path: Path
    members: frozenset[str]
    where: str  # the exception it is in, or "" in the general value
    blocked: str | None = None  # why the way to it cannot be put into logic
    caveat: str | None = None  # why an example found is not necessarily a real one


def check_conditions(module: ir.Module, context: Context) -> list[Diagnostic]:
    if context.core is None:
        return []
    program = context.core
    diagnostics: list[Diagnostic] = []
    dates = core_dates(context)
    for rule in program.main.definitions:
        if not isinstance(rule, c.Rule):
            continue
        found: list[_Open] = []
        size = 0
        for expr, path, where in _branches(rule):
            if not _has_open(expr):
                continue
            more = _open_conditionals(expr, path(), _members(rule), where)
            found += more
            size += sum(len(open_.path) + 1 for open_ in more)
            if size > MAX_FACTS:
                break
        if size > MAX_FACTS:
            diagnostics.append(warning(
                "RW305", f"regel {rule.name}{_article(rule)}: de controle kan niet vaststellen of "
                f"elke 'als' zonder 'anders' elk geval dekt: meer dan {MAX_FACTS} voorwaarden op de "
                "weg erheen", rule.span, "sluit af met 'anders ...', of verdeel de uitzonderingen "
                "over meer regels; anders stopt de berekening met een fout als geen geval geldt"))
            continue
        if not found:
            continue
        translators: dict[datetime.date | None, Z3Translator] = {}
        for open_ in found:
            diagnostic = _check(program, rule, dates, translators, open_)
            if diagnostic is not None:
                diagnostics.append(diagnostic)
    return diagnostics


def _check(program: c.Program, rule: c.Rule, dates: list[datetime.date | None],
           translators: dict[datetime.date | None, Z3Translator], open_: _Open
           ) -> Diagnostic | None:
    why = None
    for date in dates:
        translator = translators.get(date)
        if translator is None:
            translator = translators[date] = Z3Translator(program, date)
            translator.enter_rule(rule)
        answer = _uncovered(translator, open_)
        when = f" (op {date.isoformat()})" if date is not None and len(dates) > 1 else ""
        if answer.example is not None:
            return error(
                "RW304", f"regel {rule.name}{_article(rule)}: 'als' zonder 'anders' heeft geen "
                f"geval voor bijvoorbeeld {answer.example}{when}", open_.choose.span,
                "voeg een geval toe, of sluit af met 'anders ...'")
        if why is None and answer.why is not None:
            why = answer.why + when
    if why is None:
        return None
    return warning(
        "RW305", f"regel {rule.name}{_article(rule)}{open_.where}: de controle kan niet vaststellen "
        f"of 'als' zonder 'anders' elk geval dekt: {why}", open_.choose.span,
        "sluit af met 'anders ...', of ga na dat elk geval een uitkomst heeft: anders stopt de "
        "berekening met een fout")


def _uncovered(translator: Z3Translator, open_: _Open) -> Answer:
    outer = translator.members
    if open_.blocked is not None:
        return Answer(why=open_.blocked)
    translator.members = outer | open_.members
    try:
        facts = open_.path + tuple((case.condition, False) for case in open_.choose.cases)
        answer = ask(translator, facts)
        if answer.example is not None and open_.caveat is not None:
            return Answer(why=open_.caveat)
        return answer
    finally:
        translator.members = outer


def _article(rule: c.Rule) -> str:
    return f" [{rule.source.reference}]" if rule.source.reference else ""


def _members(rule: c.Rule) -> frozenset[str]:
    return frozenset({rule.per}) if rule.per is not None else frozenset()


def _branches(rule: c.Rule) -> Iterator[tuple[c.Expr, Callable[[], Path], str]]:
    """Each value of the rule with the conditions under which it is the rule's value. The
    conditions are made only when asked for: with thousands of `uitzonderingen in volgorde`, all
    of them at once would take memory quadratic in their number."""
    terms = rule.body.terms
    ranked = sorted(terms, key=lambda term: -term.priority)
    negations: list[Fact] = [(term.condition, False) for term in ranked]
    descending = [-term.priority for term in ranked]
    for term in terms:
        higher = bisect.bisect_left(descending, -term.priority)  # terms of a higher priority
        name = f"[{term.reference}]" if term.reference else f"op regel {term.span.line}"
        yield (term.value, functools.partial(_path, negations, higher, term.condition),
               f", uitzondering {name}")
    if rule.body.base is not None:
        yield rule.body.base, functools.partial(_path, negations, len(negations), None), ""


def _path(negations: list[Fact], higher: int, condition: c.Expr | None) -> Path:
    """The first `higher` negations, and `condition` holding (if given)."""
    return (*negations[:higher], *([(condition, True)] if condition is not None else []))


def _has_open(expr: c.Expr) -> bool:
    """Whether an `als` without `anders` is anywhere in `expr`."""
    return any(isinstance(node, c.Choose) and node.otherwise is None for node in walk(expr))


def _caveat(path: Path, members: frozenset[str]) -> str | None:
    """Inside a count or sum over a list, conditions over whole lists on the way are not tied to
    the member considered: an example could have a member that such a condition rules out."""
    if members and any(isinstance(node, c.Aggregate)
                       for condition, _ in path for node in walk(condition)):
        return "voorwaarden over een hele lijst op de weg naar een lid ervan"
    return None


def _open_conditionals(expr: c.Node, path: Path, members: frozenset[str], where: str,
                       blocked: str | None = None) -> list[_Open]:
    found: list[_Open] = []
    if isinstance(expr, c.Choose):
        if expr.otherwise is None:
            found.append(_Open(expr, path, members, where, blocked, _caveat(path, members)))
        taken: Path = path
        for case in expr.cases:
            found += _open_conditionals(case.condition, taken, members, where, blocked)
            found += _open_conditionals(case.value, taken + ((case.condition, True),), members,
                                        where, blocked)
            taken = taken + ((case.condition, False),)
        if expr.otherwise is not None:
            found += _open_conditionals(expr.otherwise, taken, members, where, blocked)
        return found
    if isinstance(expr, c.Aggregate):
        found += _open_conditionals(expr.collection, path, members, where, blocked)
        if expr.variable in members:
            # A member of an inner list named like the one outside: the logic would mix them up.
            blocked = blocked or f"een lijst van {expr.variable} binnen een {expr.variable}"
        inner_members = members | {expr.variable}
        if expr.condition is not None:
            found += _open_conditionals(expr.condition, path, inner_members, where, blocked)
        if expr.body is not None:
            condition: Path = ((expr.condition, True),) if expr.condition is not None else ()
            found += _open_conditionals(expr.body, path + condition, inner_members, where,
                                        blocked)
        return found
    for child in children(expr):
        found += _open_conditionals(child, path, members, where, blocked)
    return found
