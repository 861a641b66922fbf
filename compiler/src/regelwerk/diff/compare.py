"""The structural diff of two checked versions of a regulation.

Definitions are matched by name (those of used modules by module and name) and compared field by
field: a rule's expression (with the smallest subexpressions that differ and the old and new Dutch
sentence), its exceptions (matched by condition), parameter values (matched by date), table versions
(by date) and rows (by their input cells, in order), references, labels and types. The outputs whose
value can change are found by following the dependencies of each output, in both versions, to a
changed definition.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.document import (
    KIND_NAMES,
    Annex,
    Article,
    Builder,
    Enumeration,
    Paragraph,
    type_text,
)
from regelwerk.check.walk import names_in
from regelwerk.core.formula import cell as cell_formula
from regelwerk.core.formula import formula
from regelwerk.diff.sources import Side
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.pipeline import CheckedModule

ADDED = "toegevoegd"
REMOVED = "verwijderd"
CHANGED = "gewijzigd"

SELF = ""  # the module of the regulation itself, whatever its name in either version

Node = tuple[str, str]  # (module, name); SELF for the regulation's own definitions


@attrs.frozen
class Change:
    kind: str  # a stable code for tools: regel-waarde, parameter-waarde-gewijzigd, rij-toegevoegd, ...
    text: str  # one line for people
    old: str | None = None
    new: str | None = None
    details: tuple[tuple[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"soort": self.kind, "tekst": self.text}
        if self.old is not None:
            out["oud"] = self.old
        if self.new is not None:
            out["nieuw"] = self.new
        for key, value in self.details:
            out[key] = value
        return out

    def detail(self, key: str) -> Any:
        return dict(self.details).get(key)


@attrs.frozen
class DefinitionDiff:
    module: str | None  # None for the regulation itself, else the used module
    name: str
    kind: str  # Regel, Parameter, ...
    status: str  # toegevoegd | verwijderd | gewijzigd
    old_number: int | None
    new_number: int | None
    changes: tuple[Change, ...]

    @property
    def heading(self) -> str:
        title = dutch.noun(self.name).title
        if self.module is not None:
            return f"{self.kind} {title[:1].lower()}{title[1:]} (module {self.module})"
        number = self.new_number if self.new_number is not None else self.old_number
        return f"Artikel {number}. {title}"

    @property
    def renumbered(self) -> bool:
        return (self.module is None and self.old_number is not None
                and self.new_number is not None and self.old_number != self.new_number)

    def to_json(self) -> dict[str, Any]:
        return {
            "naam": self.name,
            "module": self.module,
            "soort": self.kind,
            "status": self.status,
            "artikel_oud": self.old_number,
            "artikel_nieuw": self.new_number,
            "wijzigingen": [c.to_json() for c in self.changes],
        }


@attrs.frozen
class Affected:
    output: str
    causes: tuple[str, ...]


@attrs.frozen
class Version:
    path: str
    revision: str | None
    name: str
    title: str
    version: str | None

    @property
    def label(self) -> str:
        return f"{self.path}@{self.revision}" if self.revision else self.path

    def to_json(self) -> dict[str, Any]:
        return {"bestand": self.path, "revisie": self.revision, "regeling": self.name,
                "titel": self.title, "versie": self.version}


@attrs.frozen
class Report:
    old: Version
    new: Version
    header: tuple[Change, ...]
    definitions: tuple[DefinitionDiff, ...]
    inputs_added: tuple[str, ...]
    inputs_removed: tuple[str, ...]
    outputs_added: tuple[str, ...]
    outputs_removed: tuple[str, ...]
    affected: tuple[Affected, ...]
    old_annex: Annex
    new_annex: Annex

    @property
    def equal(self) -> bool:
        return not (self.header or self.definitions or self.inputs_added or self.inputs_removed
                    or self.outputs_added or self.outputs_removed)

    def definition(self, name: str, module: str | None = None) -> DefinitionDiff | None:
        for found in self.definitions:
            if found.name == name and found.module == module:
                return found
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "oud": self.old.to_json(),
            "nieuw": self.new.to_json(),
            "gelijk": self.equal,
            "kop": [c.to_json() for c in self.header],
            "definities": [d.to_json() for d in self.definitions],
            "invoer": {"toegevoegd": list(self.inputs_added),
                       "verwijderd": list(self.inputs_removed)},
            "uitvoer": {"toegevoegd": list(self.outputs_added),
                        "verwijderd": list(self.outputs_removed)},
            "gevolgen": [{"uitvoer": a.output, "door": list(a.causes)} for a in self.affected],
        }


# ------------------------------------------------------------------ the comparison


class _Version:
    """One side with what the comparison needs: its annex builder, numbers and texts."""

    def __init__(self, checked: CheckedModule) -> None:
        self.checked = checked
        self.module = checked.module
        self.builder = Builder(checked)
        self.annex = self.builder.build()
        self.articles = {a.key: a for a in self.annex.articles}
        self.used_articles = {(m.name, a.key): a for m in self.annex.used for a in m.articles}

    def number(self, name: str) -> int | None:
        return self.builder.numbers.get(name)

    def article(self, module: str | None, name: str) -> Article | None:
        if module is None:
            return self.articles.get(name)
        return self.used_articles.get((module, name))

    def type_of(self, node: object) -> t.Type | None:
        found = self.checked.program.types.get(node)
        return found if isinstance(found, t.Type) else None


def compare(old_side: Side, new_side: Side) -> Report:
    return compare_modules(old_side.checked, new_side.checked,
                           _version(old_side), _version(new_side))


def _version(side: Side) -> Version:
    module = side.checked.module
    return Version(side.path, side.revision, module.name,
                   module.title or dutch.noun(module.name).title, module.version)


def compare_modules(old_checked: CheckedModule, new_checked: CheckedModule,
                    old_version: Version | None = None, new_version: Version | None = None
                    ) -> Report:
    old, new = _Version(old_checked), _Version(new_checked)
    old_version = old_version or _plain_version(old_checked)
    new_version = new_version or _plain_version(new_checked)
    header = tuple(_header(old.module, new.module))
    definitions: list[DefinitionDiff] = []
    definitions += _definitions(old, new, None, old.module.definitions, new.module.definitions)
    used_names = list(dict.fromkeys([*old_checked.used, *new_checked.used]))
    for name in used_names:
        old_used = old_checked.used.get(name)
        new_used = new_checked.used.get(name)
        if (old_used is not None and old_used.kind != "module") or \
                (new_used is not None and new_used.kind != "module"):
            continue  # another regulation: it has its own annex and its own diff
        definitions += _definitions(old, new, name,
                                    old_used.definitions if old_used else (),
                                    new_used.definitions if new_used else ())
    old_inputs = _inputs(old_checked)
    new_inputs = _inputs(new_checked)
    old_outputs = [n.text for n in old.module.output_names]
    new_outputs = [n.text for n in new.module.output_names]
    changed: set[Node] = {(d.module or SELF, d.name) for d in definitions}
    affected = _affected(old_checked, new_checked, new_outputs, changed)
    return Report(
        old=old_version, new=new_version, header=header, definitions=tuple(definitions),
        inputs_added=tuple(n for n in new_inputs if n not in old_inputs),
        inputs_removed=tuple(n for n in old_inputs if n not in new_inputs),
        outputs_added=tuple(n for n in new_outputs if n not in old_outputs),
        outputs_removed=tuple(n for n in old_outputs if n not in new_outputs),
        affected=affected, old_annex=old.annex, new_annex=new.annex,
    )


def _plain_version(checked: CheckedModule) -> Version:
    module = checked.module
    return Version(module.path, None, module.name, module.title or dutch.noun(module.name).title,
                   module.version)


def _date(value: datetime.date | None) -> str:
    return dutch.date(value) if value is not None else "—"


def _validity(module: ir.Module) -> str:
    if module.valid_until is not None:
        last = module.valid_until - datetime.timedelta(days=1)
        return f"van {_date(module.valid_from)} tot en met {_date(last)}"
    return f"vanaf {_date(module.valid_from)}"


def _header(old: ir.Module, new: ir.Module) -> Iterator[Change]:
    pairs = (
        ("naam", "Naam", old.name, new.name),
        ("titel", "Titel", old.title, new.title),
        ("versie", "Versie", old.version, new.version),
        ("geldigheid", "Geldigheid", _validity(old), _validity(new)),
        ("bron", "Bron", old.source, new.source),
        ("verwijzing", "Verwijzing", _ref(old.reference), _ref(new.reference)),
        ("gebruik", "Gebruikte modules", ", ".join(u.text for use in old.uses for u in use.names),
         ", ".join(u.text for use in new.uses for u in use.names)),
    )
    for kind, label, before, after in pairs:
        if before != after:
            yield Change(kind, f"{label}: {before or '—'} → {after or '—'}", before, after)


def _ref(reference: ir.Reference | None) -> str | None:
    return reference.text if reference is not None else None


def _definitions(old: _Version, new: _Version, module: str | None,
                 old_defs: Sequence[ir.Definition], new_defs: Sequence[ir.Definition]
                 ) -> list[DefinitionDiff]:
    before = {d.name: d for d in old_defs}
    after = {d.name: d for d in new_defs}
    out: list[DefinitionDiff] = []
    for definition in new_defs:
        previous = before.get(definition.name)
        kind = KIND_NAMES[type(definition)]
        numbers = ((old.number(definition.name), new.number(definition.name)) if module is None
                   else (None, None))
        if previous is None:
            out.append(DefinitionDiff(module, definition.name, kind, ADDED, None, numbers[1],
                                      tuple(_added(new, module, definition))))
            continue
        changes = list(_compare_definition(old, new, module, previous, definition))
        if changes:
            out.append(DefinitionDiff(module, definition.name, kind, CHANGED, *numbers,
                                      tuple(changes)))
    for definition in old_defs:
        if definition.name not in after:
            kind = KIND_NAMES[type(definition)]
            number = old.number(definition.name) if module is None else None
            out.append(DefinitionDiff(module, definition.name, kind, REMOVED, number, None,
                                      (Change(f"{kind.lower()}-verwijderd",
                                              f"Geschrapt: {kind.lower()} "
                                              f"{dutch.humanize(definition.name)}",
                                              _sentence(old.article(module, definition.name),
                                                        "waarde"), None,
                                              (("naam", definition.name),)),)))
    return out


def _added(new: _Version, module: str | None, definition: ir.Definition) -> Iterator[Change]:
    kind = KIND_NAMES[type(definition)]
    article = new.article(module, definition.name)
    shown = _sentence(article, "waarde")
    if shown is None:
        shown = definition.label.replace("\n", " ") if definition.label else None
    text = f"Nieuw: {kind.lower()} {dutch.humanize(definition.name)}"
    if definition.reference is not None:
        text += f" [{definition.reference.text}]"
    yield Change(f"{kind.lower()}-toegevoegd", text, None, shown, (("naam", definition.name),))


def _sentence(article: Article | None, key: str) -> str | None:
    if article is None:
        return None
    for block in article.blocks:
        if block.key != key:
            continue
        if isinstance(block, Paragraph):
            return block.text.plain() + (f" [{block.reference}]" if block.reference else "")
        if isinstance(block, Enumeration):
            items = "; ".join(f"{i + 1}. {item.plain()}" for i, item in enumerate(block.items))
            return f"{block.intro.plain()} {items}." + (
                f" [{block.reference}]" if block.reference else "")
    return None


def _compare_definition(old: _Version, new: _Version, module: str | None,
                        before: ir.Definition, after: ir.Definition) -> Iterator[Change]:
    if type(before) is not type(after):
        yield Change("soort", f"Soort: {KIND_NAMES[type(before)]} → {KIND_NAMES[type(after)]}",
                     KIND_NAMES[type(before)], KIND_NAMES[type(after)])
    old_type = old.builder.type_description(before)
    new_type = new.builder.type_description(after)
    if old_type != new_type:
        yield Change("type", f"Type: {old_type or '—'} → {new_type or '—'}", old_type, new_type)
    if before.label != after.label:
        yield Change("omschrijving", "Omschrijving gewijzigd", before.label, after.label)
    if _ref(before.reference) != _ref(after.reference):
        yield Change("verwijzing", f"Verwijzing: [{_ref(before.reference) or '—'}] → "
                     f"[{_ref(after.reference) or '—'}]", _ref(before.reference),
                     _ref(after.reference))
    if type(before) is not type(after):
        return
    if isinstance(before, ir.RuleDef) and isinstance(after, ir.RuleDef):
        yield from _rule(old, new, module, before, after)
    elif isinstance(before, ir.ParameterDef) and isinstance(after, ir.ParameterDef):
        yield from _parameter(old, new, before, after)
    elif isinstance(before, ir.TableDef) and isinstance(after, ir.TableDef):
        yield from _table(old, new, before, after)
    elif isinstance(before, ir.ChoiceDef) and isinstance(after, ir.ChoiceDef):
        yield from _choice(before, after)
    elif isinstance(before, ir.RecordDef) and isinstance(after, ir.RecordDef):
        yield from _record(old, new, before, after)
    elif isinstance(before, ir.InputDef) and isinstance(after, ir.InputDef):
        yield from _requirements(before, after)


def _requirements(before: ir.InputDef, after: ir.InputDef) -> Iterator[Change]:
    """`eis` lines, matched by their condition."""
    def text(requirement: ir.Requirement) -> str:
        label = f"{requirement.label}: " if requirement.label else ""
        reference = f" [{requirement.reference.text}]" if requirement.reference else ""
        return label + formula(requirement.condition) + reference

    old = {formula(r.condition): text(r) for r in before.requirements}
    new = {formula(r.condition): text(r) for r in after.requirements}
    for key, shown in new.items():
        if key not in old:
            yield Change("eis-toegevoegd", f"Nieuwe eis: {shown}", None, shown)
        elif old[key] != shown:
            yield Change("eis-gewijzigd", f"Eis anders omschreven: {old[key]} → {shown}",
                         old[key], shown)
    for key, shown in old.items():
        if key not in new:
            yield Change("eis-verwijderd", f"Eis geschrapt: {shown}", shown, None)


# ------------------------------------------------------------------ rules


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


def _formula(expr: ir.Expr | None) -> str | None:
    return formula(expr) if expr is not None else None


def _rule(old: _Version, new: _Version, module: str | None, before: ir.RuleDef,
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
    if _formula(before.value) != _formula(after.value):
        changes = expression_changes(before.value, after.value)
        yield Change(
            "regel-waarde", "De algemene regel is gewijzigd",
            _sentence(old_article, "waarde"), _sentence(new_article, "waarde"),
            (("formule_oud", _formula(before.value)), ("formule_nieuw", _formula(after.value)),
             ("verschillen", [{"oud": a, "nieuw": b} for a, b in changes])),
        )
    elif _ref(before.value_reference) != _ref(after.value_reference):
        yield Change("regel-verwijzing", f"Verwijzing bij de algemene regel: "
                     f"[{_ref(before.value_reference) or '—'}] → "
                     f"[{_ref(after.value_reference) or '—'}]",
                     _ref(before.value_reference), _ref(after.value_reference))
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
                _ref(a.reference) == _ref(b.reference):
            continue
        changes = expression_changes(a.condition, b.condition) + \
            expression_changes(a.value, b.value)
        yield Change(
            "uitzondering-gewijzigd", "Uitzondering gewijzigd",
            _sentence(old_article, f"uitzondering:{old_key}"),
            _sentence(new_article, f"uitzondering:{new_key}"),
            (("voorwaarde_oud", old_key), ("voorwaarde_nieuw", new_key),
             ("formule_oud", formula(a.value)), ("formule_nieuw", formula(b.value)),
             ("verschillen", [{"oud": x, "nieuw": y} for x, y in changes])),
        )
    for key in unmatched_new:
        exception = new_exceptions[key]
        yield Change("uitzondering-toegevoegd", "Nieuwe uitzondering", None,
                     _sentence(new_article, f"uitzondering:{key}"),
                     (("voorwaarde", key), ("formule", formula(exception.value))))
    for key in unmatched_old:
        exception = old_exceptions[key]
        yield Change("uitzondering-verwijderd", "Uitzondering geschrapt",
                     _sentence(old_article, f"uitzondering:{key}"), None,
                     (("voorwaarde", key), ("formule", formula(exception.value))))


# ------------------------------------------------------------------ parameters


def _parameter(old: _Version, new: _Version, before: ir.ParameterDef, after: ir.ParameterDef
               ) -> Iterator[Change]:
    old_type, new_type = old.type_of(before), new.type_of(after)
    old_values = {v.valid_from: v for v in before.values}
    new_values = {v.valid_from: v for v in after.values}

    def shown(version: _Version, value: ir.DatedValue, type_: t.Type | None) -> str:
        if value.value is None:
            return _unknown(value.unknown) or "onbekend"
        text = version.builder.value_text(value.value, type_).plain()
        if value.provisional is not None:
            text += " (voorlopig" + (f": {value.provisional.reason}"
                                     if value.provisional.reason else "") + ")"
        return text

    dates = sorted(set(old_values) | set(new_values), key=lambda d: d or datetime.date.min)
    for date in dates:
        since = f"vanaf {dutch.date(date)}" if date else "voor de hele looptijd"
        iso = date.isoformat() if date else None
        a, b = old_values.get(date), new_values.get(date)
        if a is None and b is not None:
            previous = _previous(before.values, date)
            was = f" (daarvoor {shown(old, previous, old_type)})" if previous else ""
            yield Change("parameter-waarde-toegevoegd",
                         f"Nieuwe waarde {since}: {shown(new, b, new_type)}{was}",
                         shown(old, previous, old_type) if previous else None,
                         shown(new, b, new_type), (("vanaf", iso),))
        elif b is None and a is not None:
            yield Change("parameter-waarde-verwijderd",
                         f"Waarde {since} geschrapt: {shown(old, a, old_type)}",
                         shown(old, a, old_type), None, (("vanaf", iso),))
        elif a is not None and b is not None:
            before_text, after_text = shown(old, a, old_type), shown(new, b, new_type)
            if before_text != after_text:
                yield Change("parameter-waarde-gewijzigd",
                             f"Waarde {since}: {before_text} → {after_text}",
                             before_text, after_text, (("vanaf", iso),))
            if _ref(a.reference) != _ref(b.reference):
                yield Change("parameter-verwijzing",
                             f"Verwijzing bij de waarde {since}: [{_ref(a.reference) or '—'}] → "
                             f"[{_ref(b.reference) or '—'}]", _ref(a.reference),
                             _ref(b.reference), (("vanaf", iso),))


def _previous(values: Iterable[ir.DatedValue], date: datetime.date | None
              ) -> ir.DatedValue | None:
    found = None
    for value in sorted(values, key=lambda v: v.valid_from or datetime.date.min):
        if date is None or (value.valid_from or datetime.date.min) < date:
            found = value
    return found


# ------------------------------------------------------------------ tables


def _row_text(version: _Version, row: ir.Row) -> str:
    """`‘zaterdag’: 35 %`; input cells separated by semicolons."""
    cells = [version.builder.cell(c, i == len(row.cells) - 1).plain()
             for i, c in enumerate(row.cells)]
    text = "; ".join(cells[:-1]) + ": " + cells[-1] if len(cells) > 1 else "".join(cells)
    if row.provisional is not None:
        text += " (voorlopig" + (f": {row.provisional.reason}" if row.provisional.reason
                                 else "") + ")"
    if row.reference is not None:
        text += f" [{row.reference.text}]"
    return text


def _row_key(row: ir.Row) -> str:
    return " | ".join(cell_formula(c) for c in row.cells[:-1])


def _table(old: _Version, new: _Version, before: ir.TableDef, after: ir.TableDef
           ) -> Iterator[Change]:
    if before.first_hit != after.first_hit:
        words = {True: "eerste treffer", False: "hoogstens één rij"}
        yield Change("tabel-treffer", f"Werking: {words[before.first_hit]} → "
                     f"{words[after.first_hit]}", words[before.first_hit], words[after.first_hit])
    old_versions = {v.valid_from: v for v in before.versions}
    new_versions = {v.valid_from: v for v in after.versions}
    dates = sorted(set(old_versions) | set(new_versions), key=lambda d: d or datetime.date.min)
    for date in dates:
        a, b = old_versions.get(date), new_versions.get(date)
        since = f" vanaf {dutch.date(date)}" if date else ""
        iso = date.isoformat() if date else None
        if a is None and b is not None:
            unknown = f": {_unknown(b.unknown)}" if b.unknown is not None else ""
            yield Change("tabel-versie-toegevoegd", f"Nieuwe versie van de tabel{since}{unknown}",
                         None, _unknown(b.unknown) or "\n".join(_row_text(new, r) for r in b.rows),
                         (("vanaf", iso),))
            continue
        if b is None and a is not None:
            yield Change("tabel-versie-verwijderd", f"Versie van de tabel{since} geschrapt",
                         _unknown(a.unknown) or "\n".join(_row_text(old, r) for r in a.rows),
                         None, (("vanaf", iso),))
            continue
        assert a is not None and b is not None
        old_columns = [f"{c.name} ({type_text(c.type)})" for c in a.columns]
        new_columns = [f"{c.name} ({type_text(c.type)})" for c in b.columns]
        if old_columns != new_columns:
            yield Change("tabel-kolommen", f"Kolommen{since}: {', '.join(old_columns)} → "
                         f"{', '.join(new_columns)}", ", ".join(old_columns),
                         ", ".join(new_columns), (("vanaf", iso),))
        old_note = _provisional(a.provisional)
        new_note = _provisional(b.provisional)
        if old_note != new_note:
            yield Change("tabel-voorlopig", f"Voorlopig{since}: {old_note or 'nee'} → "
                         f"{new_note or 'nee'}", old_note, new_note, (("vanaf", iso),))
        old_unknown, new_unknown = _unknown(a.unknown), _unknown(b.unknown)
        if old_unknown != new_unknown:
            old_text = old_unknown or f"{len(a.rows)} rijen"
            new_text = new_unknown or f"{len(b.rows)} rijen"
            yield Change("tabel-onbekend", f"Versie{since}: {old_text} → {new_text}",
                         old_unknown, new_unknown, (("vanaf", iso),))
        yield from _rows(old, new, a.rows, b.rows, iso)


def _unknown(unknown: ir.Unknown | None) -> str | None:
    return None if unknown is None else f"onbekend ({unknown.reason})"


def _provisional(provisional: ir.Provisional | None) -> str | None:
    if provisional is None:
        return None
    return "voorlopig" + (f": {provisional.reason}" if provisional.reason else "")


def _rows(old: _Version, new: _Version, before: Sequence[ir.Row], after: Sequence[ir.Row],
          iso: str | None) -> Iterator[Change]:
    old_keys = [_row_key(r) for r in before]
    new_keys = [_row_key(r) for r in after]
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs = list(zip(range(i1, i2), range(j1, j2)))
        elif tag == "replace" and i2 - i1 == j2 - j1:
            pairs = list(zip(range(i1, i2), range(j1, j2)))
        else:
            pairs = []
            for i in range(i1, i2):
                text = _row_text(old, before[i])
                yield Change("rij-verwijderd", f"Rij {i + 1} geschrapt: {text}", text, None,
                             (("vanaf", iso), ("rij_oud", i + 1)))
            for j in range(j1, j2):
                text = _row_text(new, after[j])
                yield Change("rij-toegevoegd", f"Nieuwe rij {j + 1}: {text}", None, text,
                             (("vanaf", iso), ("rij_nieuw", j + 1)))
            continue
        for i, j in pairs:
            a, b = _row_text(old, before[i]), _row_text(new, after[j])
            if a != b:
                yield Change("rij-gewijzigd", f"Rij {j + 1} gewijzigd: {a} → {b}", a, b,
                             (("vanaf", iso), ("rij_oud", i + 1), ("rij_nieuw", j + 1)))


# ------------------------------------------------------------------ keuzes and gegevens


def _choice(before: ir.ChoiceDef, after: ir.ChoiceDef) -> Iterator[Change]:
    old_options = {o.name: o for o in before.options}
    new_options = {o.name: o for o in after.options}
    for option in after.options:
        previous = old_options.get(option.name)
        if previous is None:
            yield Change("keuze-waarde-toegevoegd", f"Nieuwe waarde {option.name}", None,
                         option.name)
        elif previous.label != option.label or _ref(previous.reference) != _ref(option.reference):
            yield Change("keuze-waarde-gewijzigd", f"Waarde {option.name} anders omschreven",
                         _describe(previous.label, previous.reference),
                         _describe(option.label, option.reference))
    for option in before.options:
        if option.name not in new_options:
            yield Change("keuze-waarde-verwijderd", f"Waarde {option.name} geschrapt",
                         option.name, None)


def _record(old: _Version, new: _Version, before: ir.RecordDef, after: ir.RecordDef
            ) -> Iterator[Change]:
    old_fields = {f.name: f for f in before.fields}
    new_fields = {f.name: f for f in after.fields}
    for field in after.fields:
        previous = old_fields.get(field.name)
        if previous is None:
            yield Change("gegeven-toegevoegd", f"Nieuw gegeven {field.name}", None,
                         new.builder.type_text(field.type))
            continue
        old_type, new_type = old.builder.type_text(previous.type), new.builder.type_text(field.type)
        if old_type != new_type:
            yield Change("gegeven-type", f"Type van {field.name}: {old_type} → {new_type}",
                         old_type, new_type)
        old_default, new_default = _formula(previous.default), _formula(field.default)
        if old_default != new_default:
            yield Change("gegeven-standaard", f"Standaardwaarde van {field.name}: "
                         f"{old_default or 'geen (verplicht)'} → {new_default or 'geen (verplicht)'}",
                         old_default, new_default)
        if previous.label != field.label or _ref(previous.reference) != _ref(field.reference):
            yield Change("gegeven-gewijzigd", f"Gegeven {field.name} anders omschreven",
                         _describe(previous.label, previous.reference),
                         _describe(field.label, field.reference))
    for field in before.fields:
        if field.name not in new_fields:
            yield Change("gegeven-verwijderd", f"Gegeven {field.name} geschrapt", field.name, None)


def _describe(label: str | None, reference: ir.Reference | None) -> str:
    return (label or "") + (f" [{reference.text}]" if reference else "")


# ------------------------------------------------------------------ consequences


def _inputs(checked: CheckedModule) -> list[str]:
    names: list[str] = []
    for module in (checked.module, *checked.used.values()):
        for definition in module.definitions:
            if isinstance(definition, ir.InputDef) and definition.name not in names:
                names.append(definition.name)
    return names


def dependencies(checked: CheckedModule) -> dict[Node, set[Node]]:
    """Which definitions each definition reads: rules, tables, parameters, inputs, keuzes."""
    own = checked.module.name
    targets = checked.program.targets

    def node(module: str, name: str) -> Node:
        return (SELF if module == own else module, name)

    graph: dict[Node, set[Node]] = {}
    for module in (checked.module, *checked.used.values()):
        for definition in module.definitions:
            reads: set[Node] = set()
            for expr in _expressions(definition):
                for name in names_in(expr):
                    target = targets.get(name)
                    if target is None:
                        continue
                    if target.kind == "keuzewaarde":
                        if target.choice:
                            reads.add(node(target.module, target.choice))
                    else:
                        reads.add(node(target.module, target.name))
            for type_expr in _types(definition):
                if type_expr.name:
                    found = _find_type(checked, type_expr.name)
                    if found is not None:
                        reads.add(node(*found))
            graph[node(module.name, definition.name)] = reads
    return graph


def _find_type(checked: CheckedModule, parts: tuple[str, ...]) -> tuple[str, str] | None:
    name = parts[-1]
    modules = [checked.module, *checked.used.values()]
    if len(parts) > 1:
        modules = [m for m in modules if m.name == parts[0]]
    for module in modules:
        if module.definition(name) is not None:
            return module.name, name
    return None


def _types(definition: ir.Definition) -> list[ir.TypeExpr]:
    if isinstance(definition, (ir.InputDef, ir.ParameterDef, ir.RuleDef)):
        return [definition.type]
    if isinstance(definition, ir.RecordDef):
        return [f.type for f in definition.fields]
    if isinstance(definition, ir.TableDef):
        return [c.type for v in definition.versions for c in v.columns]
    return []


def _expressions(definition: ir.Definition) -> list[ir.Expr]:
    if isinstance(definition, ir.RuleDef):
        out = [definition.value] if definition.value is not None else []
        for exception in definition.exceptions:
            out += [exception.condition, exception.value]
        return out
    if isinstance(definition, ir.ParameterDef):
        return [v.value for v in definition.values if v.value is not None]
    if isinstance(definition, ir.TableDef):
        found: list[ir.Expr] = []
        for version in definition.versions:
            for row in version.rows:
                for cell in row.cells:
                    if isinstance(cell, ir.RangeCell):
                        found += [e for e in (cell.lower, cell.upper) if e is not None]
                    elif isinstance(cell, (ir.CompareCell, ir.ValueCell)):
                        found.append(cell.value)
        return found
    return []


def _reachable(graph: dict[Node, set[Node]], start: Node) -> set[Node]:
    seen: set[Node] = set()
    stack = [start]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        stack.extend(graph.get(current, ()))
    return seen


def _affected(old: CheckedModule, new: CheckedModule, outputs: list[str], changed: set[Node]
              ) -> tuple[Affected, ...]:
    old_graph, new_graph = dependencies(old), dependencies(new)
    old_outputs = {n.text for n in old.module.output_names}
    found = []
    for output in outputs:
        if output not in old_outputs:
            continue  # a new output: listed as added
        reached = _reachable(new_graph, (SELF, output)) | _reachable(old_graph, (SELF, output))
        causes = sorted(reached & changed, key=lambda n: (n[0] != SELF, n[0], n[1]))
        if causes:
            found.append(Affected(output, tuple(
                name if module == SELF else f"{module}.{name}" for module, name in causes)))
    return tuple(found)
