"""The surface comparison of two versions, definition by definition, for people: what the article
says before and after (the Dutch sentences), matched by name.

Definitions are compared field by field: a rule's expression (with the smallest subexpressions that
differ and the old and new Dutch sentence), its exceptions (matched by condition), parameter values
(matched by date), table versions (by date) and rows (by their input cells, in order), references,
labels and types. Whether two versions mean the same is decided on the core IR (`diff.meaning`),
which adds what this comparison does not describe.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.model import KIND_NAMES
from regelwerk.core.formula import formula
from regelwerk.diff.model import ADDED, CHANGED, REMOVED, Change, DefinitionDiff
from regelwerk.diff.presentation import Rendered, ref, sentence
from regelwerk.diff.rules import rule_changes
from regelwerk.diff.values import choice_changes, parameter_changes, record_changes, table_changes
from regelwerk.ir import nodes as ir


def definition_diffs(old: Rendered, new: Rendered, module: str | None,
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
                                      tuple(_added(new, module, definition)),
                                      _reference(definition)))
            continue
        changes = list(_compare_definition(old, new, module, previous, definition))
        if changes:
            out.append(DefinitionDiff(module, definition.name, kind, CHANGED, *numbers,
                                      tuple(changes), _reference(definition)))
    for definition in old_defs:
        if definition.name not in after:
            kind = KIND_NAMES[type(definition)]
            number = old.number(definition.name) if module is None else None
            out.append(DefinitionDiff(module, definition.name, kind, REMOVED, number, None,
                                      (Change(f"{kind.lower()}-verwijderd",
                                              f"Geschrapt: {kind.lower()} "
                                              f"{dutch.humanize(definition.name)}",
                                              sentence(old.article(module, definition.name),
                                                        "waarde"), None,
                                              (("naam", definition.name),)),),
                                      _reference(definition)))
    return out


def _reference(definition: ir.Definition) -> str | None:
    return definition.reference.text if definition.reference is not None else None


def _added(new: Rendered, module: str | None, definition: ir.Definition) -> Iterator[Change]:
    kind = KIND_NAMES[type(definition)]
    article = new.article(module, definition.name)
    shown = sentence(article, "waarde")
    if shown is None:
        shown = definition.label.replace("\n", " ") if definition.label else None
    text = f"Nieuw: {kind.lower()} {dutch.humanize(definition.name)}"
    if definition.reference is not None:
        text += f" [{definition.reference.text}]"
    yield Change(f"{kind.lower()}-toegevoegd", text, None, shown, (("naam", definition.name),))



def _compare_definition(old: Rendered, new: Rendered, module: str | None,
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
    if ref(before.reference) != ref(after.reference):
        yield Change("verwijzing", f"Verwijzing: [{ref(before.reference) or '—'}] → "
                     f"[{ref(after.reference) or '—'}]", ref(before.reference),
                     ref(after.reference))
    if type(before) is not type(after):
        return
    if isinstance(before, ir.RuleDef) and isinstance(after, ir.RuleDef):
        yield from rule_changes(old, new, module, before, after)
    elif isinstance(before, ir.ParameterDef) and isinstance(after, ir.ParameterDef):
        yield from parameter_changes(old, new, before, after)
    elif isinstance(before, ir.TableDef) and isinstance(after, ir.TableDef):
        yield from table_changes(old, new, before, after)
    elif isinstance(before, ir.ChoiceDef) and isinstance(after, ir.ChoiceDef):
        yield from choice_changes(before, after)
    elif isinstance(before, ir.RecordDef) and isinstance(after, ir.RecordDef):
        yield from record_changes(old, new, before, after)
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

