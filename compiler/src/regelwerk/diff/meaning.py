"""The meaning of two versions compared on the core IR.

Two definitions mean the same when their core nodes are equal (`core.nodes`: spans, labels,
references and literal text are not part of `==`), with three refinements:

- exceptions of the same priority are a set: without `uitzonderingen in volgorde` their source
  order does not change the outcome, so the terms of a rule compare as groups by priority, highest
  first, each group as a multiset;
- a keuze or gegevens type inside another definition compares by name: its values, fields and
  defaults are compared (and reported) at the keuze or gegevens itself, and the dependency graph
  carries the change to every output that reads such a value;
- the regulation's own module name is left out (a renamed regulation is reported in the header).

`meaning_changes` lists, for one definition, the core differences that the surface comparison did
not describe: a changed exception order or priority, a rounding (step, mode) or conversion factor
behind the same text, and as a last resort "betekenis gewijzigd" naming the part. A surface change
that does describe a difference in rounding or conversion gets the core details added.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from regelwerk.core import display
from regelwerk.core import nodes as c
from regelwerk.core.visitor import Visitor, children
from regelwerk.diff.model import SELF, Change
from regelwerk.ir import types as t

Pairs = list[tuple[c.Node, c.Node]]

_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in attrs.fields(cls)
                                     if f.eq and not f.name.startswith("_"))
    return names


class Same:
    """Equality of meaning between a node of the old version and one of the new."""

    def __init__(self, old_main: str, new_main: str) -> None:
        self.old_main, self.new_main = old_main, new_main

    def module(self, old: str, new: str) -> bool:
        return (SELF if old == self.old_main else old) == (SELF if new == self.new_main else new)

    def __call__(self, a: Any, b: Any, field: str = "") -> bool:
        if isinstance(a, c.Node) or isinstance(b, c.Node):
            return self.node(a, b)
        if isinstance(a, tuple) and isinstance(b, tuple):
            return len(a) == len(b) and all(self(x, y, field) for x, y in zip(a, b))
        if field == "module" and isinstance(a, str) and isinstance(b, str):
            return self.module(a, b)
        if isinstance(a, t.Type) and isinstance(b, t.Type):
            return bool(nominal(a) == nominal(b))
        return type(a) is type(b) and bool(a == b)

    def node(self, a: Any, b: Any) -> bool:
        if type(a) is not type(b):
            return False
        if a is b:
            return True
        if isinstance(a, c.RuleBody):
            return self(a.base, b.base) and self.groups(term_groups(a), term_groups(b))
        if isinstance(a, c.Record):
            return a.name == b.name and self.module(a.module, b.module) and \
                record_meaning(a.type) == record_meaning(b.type)
        if isinstance(a, c.Input):
            return (a.name == b.name and self.module(a.module, b.module) and self(a.type, b.type)
                    and self.multiset(a.requirements, b.requirements))
        return all(self(getattr(a, name), getattr(b, name), name) for name in _fields(type(a)))

    def multiset(self, a: Sequence[Any], b: Sequence[Any]) -> bool:
        if len(a) != len(b):
            return False
        left = list(b)
        for item in a:
            for index, other in enumerate(left):
                if self(item, other):
                    del left[index]
                    break
            else:
                return False
        return True

    def groups(self, a: list[list[tuple[c.Expr, c.Expr]]],
               b: list[list[tuple[c.Expr, c.Expr]]]) -> bool:
        return len(a) == len(b) and all(self.multiset(x, y) for x, y in zip(a, b))


def nominal(type_: t.Type) -> Any:
    """A keuze or gegevens type by name; every other type as it is."""
    if isinstance(type_, t.ChoiceType):
        return ("keuze", type_.name)
    if isinstance(type_, t.RecordType):
        return ("gegevens", type_.name)
    if isinstance(type_, t.ListType):
        return ("lijst", type_.element.name)
    return type_


def record_meaning(type_: t.RecordType) -> Any:
    return (type_.name, tuple((n, nominal(f)) for n, f in type_.fields),
            tuple(sorted((n, repr(v)) for n, v in type_.defaults)))


def term_groups(body: c.RuleBody) -> list[list[tuple[c.Expr, c.Expr]]]:
    """The exceptions by priority, highest first; within a priority their order means nothing."""
    priorities = sorted({term.priority for term in body.terms}, reverse=True)
    return [[(term.condition, term.value) for term in body.terms if term.priority == p]
            for p in priorities]


# ------------------------------------------------------------------ the smallest differences


class ExpressionDifferences(Visitor[Pairs]):
    """The smallest pairs of core nodes that differ between two expressions (an old one, visited,
    and a new one, the argument): a node whose own fields differ, or whose children cannot be
    paired, is a difference as a whole; otherwise its children are compared pairwise."""

    def __init__(self, same: Same) -> None:
        self.same = same

    def compare(self, old: c.Node | None, new: c.Node | None) -> Pairs:
        if old is None or new is None:
            return [] if old is None and new is None else [(old or c.Node(), new or c.Node())]
        if self.same(old, new):
            return []
        if type(old) is not type(new):
            return [(old, new)]
        return self.visit(old, new)

    def _own_fields_differ(self, old: c.Node, new: c.Node) -> bool:
        for name in _fields(type(old)):
            a, b = getattr(old, name), getattr(new, name)
            if isinstance(a, (c.Node, type(None))) and isinstance(b, (c.Node, type(None))):
                continue  # a child (or an absent one)
            if isinstance(a, tuple) and isinstance(b, tuple) and \
                    all(isinstance(x, c.Node) for x in (*a, *b)):
                if len(a) != len(b):
                    return True
                continue
            if not self.same(a, b, name):
                return True
        return False

    def _pairwise(self, old: c.Node, new: c.Node) -> Pairs:
        if self._own_fields_differ(old, new):
            return [(old, new)]
        old_children, new_children = list(children(old)), list(children(new))
        if len(old_children) != len(new_children) or \
                [type(x) for x in old_children] != [type(y) for y in new_children]:
            return [(old, new)]
        found: Pairs = []
        for a, b in zip(old_children, new_children):
            found += self.compare(a, b)
        return found or [(old, new)]

    def _leaf(self, old: c.Node, new: c.Node) -> Pairs:
        return [(old, new)]

    visit_Const = visit_InputRef = visit_ParameterRef = visit_RuleRef = visit_Local = _leaf
    visit_Peildatum = _leaf
    visit_ParameterOn = visit_RuleCall = visit_TableLookup = visit_FieldOf = _pairwise
    visit_Negate = visit_Not = visit_Arithmetic = visit_Compare = visit_Logical = _pairwise
    visit_Scale = visit_Round = visit_Choose = visit_Case = visit_Extreme = _pairwise
    visit_Aggregate = visit_DateShift = visit_Builtin = _pairwise


def _step(step: Decimal) -> str:
    return display.number(step)


def describe(pairs: Pairs, where: str) -> list[Change]:
    """One change per differing pair: rounding and conversion by name, anything else generically."""
    out: list[Change] = []
    for a, b in pairs:
        if isinstance(a, c.Round) and isinstance(b, c.Round):
            old, new = f"op {_step(a.step)}, {a.mode}", f"op {_step(b.step)}, {b.mode}"
            out.append(Change("afronding", f"Afronding in {where}: {old} → {new}", old, new))
        elif isinstance(a, c.Scale) and isinstance(b, c.Scale):
            old, new = scale_text(a), scale_text(b)
            out.append(Change("omrekening", f"Omrekening in {where}: {old} → {new}", old, new))
        else:
            out.append(generic(where))
    return out


def scale_text(node: c.Scale) -> str:
    ratio = Fraction(node.numerator, node.denominator)
    factor = f"× {ratio.numerator}" + (f"/{ratio.denominator}" if ratio.denominator != 1 else "")
    return f"{factor} ({node.source} → {node.target})" if node.source else factor


def generic(where: str) -> Change:
    return Change("betekenis-gewijzigd", f"Betekenis van {where} gewijzigd", None, None,
                  (("onderdeel", where),))


# ------------------------------------------------------------------ per definition


SurfaceTexts = Callable[[int], str]  # the condition of the old (or new) rule's i-th exception


@attrs.frozen
class Found:
    """What the core comparison adds for one definition: new changes, and details for surface
    changes (by index in the surface list)."""

    changes: tuple[Change, ...]
    details: tuple[tuple[int, tuple[tuple[str, Any], ...]], ...] = ()


def meaning_changes(same: Same, before: c.Definition, after: c.Definition,
                    surface: Sequence[Change], old_condition: SurfaceTexts,
                    new_condition: SurfaceTexts) -> Found:
    """The core differences of one definition that `surface` does not describe."""
    if same(before, after):
        return Found(())
    kinds = {change.kind for change in surface}
    if type(before) is not type(after):
        return Found(() if "soort" in kinds else (generic("de definitie"),))
    finder = ExpressionDifferences(same)
    if isinstance(before, c.Rule) and isinstance(after, c.Rule):
        found = _rule(same, finder, before, after, surface, old_condition, new_condition)
    elif isinstance(before, c.Parameter) and isinstance(after, c.Parameter):
        found = _dated(same, finder, before, after, surface)
    elif isinstance(before, c.Table) and isinstance(after, c.Table):
        found = _table(same, before, after, surface)
    elif isinstance(before, c.Choice) and isinstance(after, c.Choice):
        found = Found(_choice(before, after, kinds))
    else:  # Input, Record: their surface changes name every field that can differ
        found = Found(())
    if not found.changes and not surface:
        return Found((generic("de definitie"),))
    return found


def _covered(surface: Sequence[Change], kinds: tuple[str, ...],
             since: str | None | tuple[()] = ()) -> list[int]:
    return [i for i, change in enumerate(surface) if change.kind in kinds
            and (since == () or change.detail("vanaf") == since)]


def _with_details(pairs: Pairs, covering: list[int], where: str) -> tuple[
        list[Change], list[tuple[int, tuple[tuple[str, Any], ...]]]]:
    """Rounding and conversion details for the first covering surface change, or new changes."""
    described = describe(pairs, where)
    if not covering:
        return described, []
    extra = tuple((change.kind, {"oud": change.old, "nieuw": change.new})
                  for change in described if change.kind in ("afronding", "omrekening"))
    return [], ([(covering[0], extra)] if extra else [])


def _rule(same: Same, finder: ExpressionDifferences, before: c.Rule, after: c.Rule,
          surface: Sequence[Change], old_condition: SurfaceTexts, new_condition: SurfaceTexts
          ) -> Found:
    changes: list[Change] = []
    details: list[tuple[int, tuple[tuple[str, Any], ...]]] = []
    signature = ("type", "per", "arguments")
    if not all(same(getattr(before, n), getattr(after, n), n) for n in signature) and \
            not _covered(surface, ("type", "regel-per", "regel-argumenten")):
        changes.append(generic("het type of de argumenten van de regel"))
    if not same(before.body.base, after.body.base):
        found, extra = _with_details(finder.compare(before.body.base, after.body.base),
                                     _covered(surface, ("regel-waarde",)), "de algemene regel")
        changes += found
        details += extra
    old_terms, new_terms = before.body.terms, after.body.terms
    pairs = [(a.condition, a.value) for a in old_terms]
    new_pairs = [(b.condition, b.value) for b in new_terms]
    exceptions = ("uitzondering-gewijzigd", "uitzondering-toegevoegd", "uitzondering-verwijderd")
    if not same.multiset(pairs, new_pairs):
        covering = _covered(surface, exceptions)
        if len(pairs) == len(new_pairs):
            for (a, b) in zip(pairs, new_pairs):
                differences = finder.compare(a[0], b[0]) + finder.compare(a[1], b[1])
                if differences:
                    found, extra = _with_details(differences, covering, "een uitzondering")
                    changes += found
                    details += extra
        elif not covering:
            changes.append(generic("de uitzonderingen"))
    order = _order_change(same, before.body, after.body, old_condition, new_condition)
    if order is not None:
        changes.append(order)
    return Found(tuple(changes), tuple(details))


def _order_text(body: c.RuleBody, condition: SurfaceTexts) -> str:
    if not body.ordered:
        return "gelijkwaardig (" + "; ".join(condition(i) for i in range(len(body.terms))) + ")"
    return "in volgorde: " + "; ".join(
        f"{n + 1}. {condition(i)}" for n, i in enumerate(
            sorted(range(len(body.terms)), key=lambda i: -body.terms[i].priority)))


def _order_change(same: Same, before: c.RuleBody, after: c.RuleBody, old_condition: SurfaceTexts,
                  new_condition: SurfaceTexts) -> Change | None:
    """A change of which exception wins: the groups by priority differ while the exceptions are
    the same, `uitzonderingen in volgorde` came or went, or exceptions on both sides are in
    another relative order."""
    if len(before.terms) < 2 and len(after.terms) < 2:
        return None
    old_pairs = [(x.condition, x.value) for x in before.terms]
    new_pairs = [(x.condition, x.value) for x in after.terms]
    changed = False
    if same.multiset(old_pairs, new_pairs):
        changed = not same.groups(term_groups(before), term_groups(after))
    elif before.ordered != after.ordered and min(len(before.terms), len(after.terms)) > 1:
        changed = True
    elif before.ordered and after.ordered:
        changed = _relative_order(same, before, after)
    if not changed:
        return None
    old, new = _order_text(before, old_condition), _order_text(after, new_condition)
    return Change("uitzondering-volgorde", "Voorrang van de uitzonderingen gewijzigd", old, new,
                  (("voorrang_oud", old), ("voorrang_nieuw", new)))


def _relative_order(same: Same, before: c.RuleBody, after: c.RuleBody) -> bool:
    """Whether the exceptions found on both sides (by condition and value) rank differently."""
    ranks: list[tuple[int, int]] = []
    used: set[int] = set()
    for a in before.terms:
        for j, b in enumerate(after.terms):
            if j not in used and same(a.condition, b.condition) and same(a.value, b.value):
                used.add(j)
                ranks.append((a.priority, b.priority))
                break
    return any((x[0] > y[0]) != (x[1] > y[1]) or (x[0] == y[0]) != (x[1] == y[1])
               for x in ranks for y in ranks)


def _dated(same: Same, finder: ExpressionDifferences, before: c.Parameter, after: c.Parameter,
           surface: Sequence[Change]) -> Found:
    changes: list[Change] = []
    details: list[tuple[int, tuple[tuple[str, Any], ...]]] = []
    if not same(before.type, after.type) and not _covered(surface, ("type",)):
        changes.append(generic("het type"))
    old_values = {v.valid_from: v for v in before.values}
    new_values = {v.valid_from: v for v in after.values}
    for date in sorted(set(old_values) | set(new_values), key=lambda d: (d is not None, d)):
        a, b = old_values.get(date), new_values.get(date)
        if a is not None and b is not None and same(a, b):
            continue
        iso = date.isoformat() if date else None
        where = f"de waarde vanaf {display.date(date)}" if date else "de waarde"
        covering = _covered(surface, ("parameter-waarde-gewijzigd", "parameter-waarde-toegevoegd",
                                      "parameter-waarde-verwijderd"), iso)
        if a is None or b is None:
            if not covering:
                changes.append(generic(where))
            continue
        if not same(a.value, b.value):
            found, extra = _with_details(finder.compare(a.value, b.value), covering, where)
            changes += found
            details += extra
        if not (same(a.unknown, b.unknown) and same(a.provisional, b.provisional)) and not covering:
            changes.append(generic(where + " (onbekend of voorlopig)"))
    return Found(tuple(changes), tuple(details))


def _table(same: Same, before: c.Table, after: c.Table, surface: Sequence[Change]) -> Found:
    changes: list[Change] = []
    if not (same(before.type, after.type) and same(before.columns, after.columns)) and \
            not _covered(surface, ("type", "tabel-kolommen")):
        changes.append(generic("de kolommen van de tabel"))
    if before.first_hit != after.first_hit and not _covered(surface, ("tabel-treffer",)):
        changes.append(generic("de werking van de tabel"))
    old_versions = {v.valid_from: v for v in before.versions}
    new_versions = {v.valid_from: v for v in after.versions}
    for date in sorted(set(old_versions) | set(new_versions), key=lambda d: (d is not None, d)):
        a, b = old_versions.get(date), new_versions.get(date)
        if a is not None and b is not None and same(a, b):
            continue
        iso = date.isoformat() if date else None
        if not [change for change in surface if change.detail("vanaf") == iso]:
            changes.append(generic(f"de versie vanaf {display.date(date)}" if date
                                   else "de tabel"))
    return Found(tuple(changes))


def _choice(before: c.Choice, after: c.Choice, kinds: set[str]) -> tuple[Change, ...]:
    if before.values == after.values or kinds & {"keuze-waarde-toegevoegd",
                                                 "keuze-waarde-verwijderd"}:
        return ()
    if sorted(before.values) == sorted(after.values):
        return (Change("keuze-volgorde", "Volgorde van de waarden gewijzigd",
                       ", ".join(before.values), ", ".join(after.values)),)
    return (generic("de waarden"),)

