"""What is known between counts and sums over the same list, and when an example is real.

The members of a list fall into regions: for the filters `c1 .. cn` used over the list, each region
is one combination of `ci` / `niet ci`. A region a member can be in gets a count of 0 or more, one no
member can be in (z3 says so) gets none; the count of the list is the sum of all regions, a filtered
count the sum of the regions inside its filter, `enig` a filtered count above 0, `alle` a filtered
count equal to the whole. Where every filter reads only the member (and constants), that is exact:
any solution is a real list. A sum of a member's own field that no filter reads is exact with it (any
amount of 0 or more, 0 over no member). Anything else over the list gets only facts that always hold
(a sum over no member is 0, a minimum is at most the maximum), and a question that needs it says
that it cannot decide.
"""

from __future__ import annotations

from itertools import product
from typing import TYPE_CHECKING, Any

import z3

from regelwerk.check.smt.solve import satisfiable
from regelwerk.core import nodes as c
from regelwerk.core.text import text as core_text
from regelwerk.core.visitor import walk

if TYPE_CHECKING:
    from regelwerk.check.smt.translate import Aggregated, Z3Translator

MAX_FILTERS = 4  # 16 regions


def list_facts(translator: Z3Translator) -> tuple[list[Any], list[str]]:
    """The facts about the aggregates over the lists the question reads, and the reasons an example
    may not be a real list."""
    groups: dict[object, list[Aggregated]] = {}
    for aggregated in translator.aggregates.values():
        groups.setdefault(aggregated.collection, []).append(aggregated)
    touched = [translator.aggregates[key] for key in translator.touched
               if key in translator.aggregates]
    facts: list[Any] = []
    inexact: list[str] = []
    for index, group in enumerate(groups.values()):
        facts += _always(group)
        regions, why = _regions(translator, group, index)
        facts += regions or []
        asked = [a for a in group if any(a is b for b in touched)]
        if asked:
            inexact += _inexact(group, why, asked)
    return facts, inexact


def _always(group: list[Aggregated]) -> list[Any]:
    """Facts that hold whatever the filters are."""
    facts: list[Any] = []
    counts = {a.condition: a.var for a in group if a.op == "aantal"}
    total = counts.get(None)
    for a in group:
        count = counts.get(a.condition)
        if a.op == "aantal" and a.condition is not None and total is not None:
            facts.append(a.var <= total)
        elif a.op == "enig":
            if count is not None:
                facts.append(a.var == (count > 0))
            if total is not None:
                facts.append(z3.Implies(a.var, total > 0))
        elif a.op == "alle":
            if count is not None and total is not None:
                facts.append(a.var == (count == total))
            if total is not None:
                facts.append(z3.Implies(total == 0, a.var))
        elif a.op == "som":
            facts += [z3.Implies(empty == 0, a.var == 0) for empty in (count, total)
                      if empty is not None]
        elif a.op == "minimum":
            facts += [a.var <= b.var for b in group if b.op == "maximum" and
                      (b.body, b.condition) == (a.body, a.condition)]
    return facts


def _regions(translator: Z3Translator, group: list[Aggregated], index: int
             ) -> tuple[list[Any] | None, str | None]:
    """The exact facts about the counts over this list, or None and why its filters do not allow
    it."""
    filters: list[c.Expr] = []
    for a in group:
        if a.condition is not None and a.condition not in filters:
            filters.append(a.condition)
    if len(filters) > MAX_FILTERS:
        return None, f"meer dan {MAX_FILTERS} voorwaarden"
    from regelwerk.check.smt.translate import Untranslatable, Z3Translator

    member = Z3Translator(translator.program, translator.peildatum)
    member.members = frozenset({group[0].variable})
    try:
        terms = [member.visit(f) for f in filters]
    except Untranslatable as exc:
        return None, exc.reason
    prefix = group[0].variable
    if member.aggregates or any(name != prefix and not name.startswith(prefix + ".")
                                for name in member.variables):
        return None, "een voorwaarde die meer leest dan het lid zelf"
    sizes: list[tuple[tuple[bool, ...], Any]] = []
    for signs in product((True, False), repeat=len(filters)):
        region = [term if sign else z3.Not(term) for term, sign in zip(terms, signs)]
        possible = satisfiable([*member.domain, *region])
        if possible is None:
            return None, "voorwaarden waarover z3 geen antwoord vond"
        if possible:
            size = z3.Int(f"#{index}.{''.join('1' if s else '0' for s in signs)}")
            sizes.append((signs, size))
    facts: list[Any] = [size >= 0 for _, size in sizes]

    def count(condition: c.Expr | None) -> Any:
        if condition is None:
            return z3.Sum([size for _, size in sizes]) if sizes else z3.IntVal(0)
        i = filters.index(condition)
        inside = [size for signs, size in sizes if signs[i]]
        return z3.Sum(inside) if inside else z3.IntVal(0)

    total = count(None)
    for a in group:
        if a.op == "aantal":
            facts.append(a.var == count(a.condition))
        elif a.op == "enig":
            facts.append(a.var == (count(a.condition) > 0))
        elif a.op == "alle":
            facts.append(a.var == (count(a.condition) == total))
        elif a.op == "som":
            facts.append(z3.Implies(count(a.condition) == 0, a.var == 0))
        elif a.op in ("minimum", "maximum"):
            facts.append(count(a.condition) > 0)  # over no member the calculation stops
    return facts, None


def _inexact(group: list[Aggregated], why: str | None, touched: list[Aggregated]) -> list[str]:
    reasons: list[str] = []
    exact_counts = why is None
    collection = group[0].collection
    list_name = core_text(collection[0]) if isinstance(collection, tuple) else "een lijst"
    if not exact_counts and any(a.condition is not None for a in group):
        reasons.append(f"tellingen over {list_name} waarvan de voorwaarden niet exact samen te "
                       f"nemen zijn ({why})")
    sums = [a for a in group if a.op == "som"]
    for a in touched:
        if a.op in ("minimum", "maximum"):
            reasons.append(f"het {a.op} over {list_name}")
        elif a.op == "som" and not (exact_counts and len(sums) == 1 and _free_field(a, group)):
            reasons.append(f"{a.name}, een som die de controle niet exact kan narekenen")
    return reasons


def _free_field(a: Aggregated, group: list[Aggregated]) -> bool:
    """The sum adds up a field of the member, 0 or more, that no filter over the list reads."""
    body = a.body
    if not (isinstance(body, c.FieldOf) and isinstance(body.operand, c.Local)
            and body.operand.name == a.variable):
        return False
    from regelwerk.check.smt.translate import non_negative

    if not non_negative(body.type):
        return False
    for other in group:
        if other.condition is not None and any(
                isinstance(node, c.FieldOf) and node == body for node in walk(other.condition)):
            return False
    return True
