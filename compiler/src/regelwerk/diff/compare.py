"""The diff of two checked versions of a regulation: the same meaning, or what changed and which
outputs it can change.

The meaning is compared on the core IR (`diff.meaning`) of the regulation and every module it uses;
the surface (`diff.surface`) presents the changes in the words of the annex. A core difference the
surface does not describe is reported all the same, so two versions are "inhoudelijk gelijk" only
when their core IR is equal. The outputs a change can affect follow from the dependencies in the
core IR of both versions (`diff.graph`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.model import KIND_NAMES
from regelwerk.core import nodes as c
from regelwerk.core.formula import formula
from regelwerk.diff.graph import affected as affected_outputs
from regelwerk.diff.graph import dependencies
from regelwerk.diff.meaning import Same, SurfaceTexts, generic, meaning_changes
from regelwerk.diff.model import (
    ADDED,
    CHANGED,
    REMOVED,
    SELF,
    Affected,
    Change,
    DefinitionDiff,
    Node,
    Report,
    Version,
)
from regelwerk.diff.presentation import Rendered
from regelwerk.diff.review import retroactive, test_changes, text_changes
from regelwerk.diff.rules import expression_changes
from regelwerk.diff.sources import Side
from regelwerk.diff.surface import definition_diffs
from regelwerk.ir import nodes as ir
from regelwerk.pipeline import CheckedModule

__all__ = [
    "ADDED", "CHANGED", "REMOVED", "SELF", "Affected", "Change", "DefinitionDiff", "Node",
    "Report", "Version", "compare", "compare_modules", "dependencies", "expression_changes",
]

CORE_KINDS = {c.Input: ir.InputDef, c.Parameter: ir.ParameterDef, c.Table: ir.TableDef,
              c.Rule: ir.RuleDef, c.Choice: ir.ChoiceDef, c.Record: ir.RecordDef}


def compare(old_side: Side, new_side: Side, cutoff: datetime.date | None = None) -> Report:
    return compare_modules(old_side.checked, new_side.checked,
                           _version(old_side), _version(new_side), cutoff)


def _version(side: Side) -> Version:
    module = side.checked.module
    return Version(side.path, side.revision, module.name,
                   module.title or dutch.noun(module.name).title, module.version, side.commit)



def compare_modules(old_checked: CheckedModule, new_checked: CheckedModule,
                    old_version: Version | None = None, new_version: Version | None = None,
                    cutoff: datetime.date | None = None) -> Report:
    """The diff; `cutoff` is the date the new version takes effect (`--ingang`): a change to an
    outcome before it is terugwerkend (see diff.review)."""
    old, new = Rendered(old_checked), Rendered(new_checked)
    old_core, new_core = old_checked.core(), new_checked.core()
    old_version = old_version or _plain_version(old_checked)
    new_version = new_version or _plain_version(new_checked)
    header = list(_header(old.module, new.module))
    definitions: list[DefinitionDiff] = []
    definitions += definition_diffs(old, new, None, old.module.definitions,
                                    new.module.definitions)
    used_names = list(dict.fromkeys([*old_checked.used, *new_checked.used]))
    for name in used_names:
        old_used = old_checked.used.get(name)
        new_used = new_checked.used.get(name)
        if (old_used is not None and old_used.kind != "module") or \
                (new_used is not None and new_used.kind != "module"):
            continue  # another regulation: it has its own annex and its own diff
        definitions += definition_diffs(old, new, name,
                                        old_used.definitions if old_used else (),
                                        new_used.definitions if new_used else ())
    same = Same(old_core.main.name, new_core.main.name)
    definitions = _with_meaning(old, new, old_core, new_core, same, definitions)
    old_inputs = _inputs(old_checked)
    new_inputs = _inputs(new_checked)
    old_outputs = [n.text for n in old.module.output_names]
    new_outputs = [n.text for n in new.module.output_names]
    if not header and old_outputs == new_outputs and not _same_module(same, old_core.main,
                                                                       new_core.main):
        header.append(generic("de kop van de regeling (geldigheid, uitvoer of modules)"))
    changed: set[Node] = {(d.module or SELF, d.name) for d in definitions}
    return Report(
        old=old_version, new=new_version, header=tuple(header), definitions=tuple(definitions),
        inputs_added=tuple(n for n in new_inputs if n not in old_inputs),
        inputs_removed=tuple(n for n in old_inputs if n not in new_inputs),
        outputs_added=tuple(n for n in new_outputs if n not in old_outputs),
        outputs_removed=tuple(n for n in old_outputs if n not in new_outputs),
        affected=affected_outputs(old_core, new_core, changed), old_annex=old.annex,
        new_annex=new.annex,
        retroactive=retroactive(old_core, new_core, same, cutoff),
        tests=test_changes(old_checked.module, new_checked.module),
        texts=text_changes(old_checked.module, new_checked.module),
    )


def _same_module(same: Same, old: c.Module, new: c.Module) -> bool:
    """The module's own fields, apart from its definitions (compared one by one)."""
    return (old.kind == new.kind and old.valid_from == new.valid_from
            and old.valid_until == new.valid_until and old.uses == new.uses
            and same(old.outputs, new.outputs))


# ------------------------------------------------------------------ the meaning, on the core IR


def _with_meaning(old: Rendered, new: Rendered, old_core: c.Program, new_core: c.Program,
                  same: Same, surface: list[DefinitionDiff]) -> list[DefinitionDiff]:
    """The surface diffs, completed with every core difference they do not describe."""
    found = {(d.module, d.name): d for d in surface}
    order = {(d.module, d.name): i for i, d in enumerate(surface)}
    modules: list[tuple[str | None, c.Module | None, c.Module | None]] = [
        (None, old_core.main, new_core.main)]
    for name in sorted(set(old_core.modules) | set(new_core.modules)):
        modules.append((name, old_core.modules.get(name), new_core.modules.get(name)))
    for rank, (label, before, after) in enumerate(modules):
        old_defs = before.definitions if before is not None else ()
        new_defs = after.definitions if after is not None else ()
        old_by_name = {d.name: d for d in old_defs}
        new_by_name = {d.name: d for d in new_defs}
        for position, definition in enumerate(new_defs):
            key = (label, definition.name)
            order.setdefault(key, 10_000 * (rank + 1) + position)
            previous = old_by_name.get(definition.name)
            diff = found.get(key)
            if previous is None:
                if diff is None:
                    found[key] = _whole(new, label, definition, ADDED)
                continue
            extra = meaning_changes(
                same, previous, definition, diff.changes if diff else (),
                _conditions(old.checked, label, definition.name),
                _conditions(new.checked, label, definition.name))
            if not extra.changes and not extra.details:
                continue
            if diff is None:
                numbers = ((old.number(definition.name), new.number(definition.name))
                           if label is None else (None, None))
                diff = DefinitionDiff(label, definition.name, _kind(definition), CHANGED,
                                      *numbers, (), definition.source.reference)
            found[key] = attrs.evolve(diff, changes=_merged(diff.changes, extra.details)
                                      + extra.changes)
        for position, definition in enumerate(old_defs):
            key = (label, definition.name)
            if definition.name not in new_by_name and key not in found:
                order.setdefault(key, 10_000 * (rank + 1) + 5_000 + position)
                found[key] = _whole(old, label, definition, REMOVED)
    return sorted(found.values(), key=lambda d: order[(d.module, d.name)])


def _merged(changes: Sequence[Change], details: Sequence[tuple[int, tuple[tuple[str, object],
                                                                            ...]]]
            ) -> tuple[Change, ...]:
    out = list(changes)
    for index, extra in details:
        out[index] = attrs.evolve(out[index], details=out[index].details + extra)
    return tuple(out)


def _kind(definition: c.Definition) -> str:
    return KIND_NAMES[CORE_KINDS[type(definition)]]


def _whole(version: Rendered, module: str | None, definition: c.Definition, status: str
           ) -> DefinitionDiff:
    """A definition of a used regulation that came or went (its own diff shows the details)."""
    kind = _kind(definition)
    number = version.number(definition.name) if module is None else None
    word = "Nieuw" if status == ADDED else "Geschrapt"
    change = Change(f"{kind.lower()}-{status}",
                    f"{word}: {kind.lower()} {dutch.humanize(definition.name)}", None, None,
                    (("naam", definition.name),))
    return DefinitionDiff(module, definition.name, kind, status,
                          None if status == ADDED else number,
                          number if status == ADDED else None, (change,),
                          definition.source.reference)


def _conditions(checked: CheckedModule, module: str | None, name: str) -> SurfaceTexts:
    """The i-th exception of a rule as written, for the order of the exceptions."""
    found = checked.find(module or checked.module.name, name)
    exceptions = found.exceptions if isinstance(found, ir.RuleDef) else ()

    def condition(index: int) -> str:
        return formula(exceptions[index].condition) if index < len(exceptions) else str(index + 1)
    return condition


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


def _inputs(checked: CheckedModule) -> list[str]:
    names: list[str] = []
    for module in (checked.module, *checked.used.values()):
        for definition in module.definitions:
            if isinstance(definition, ir.InputDef) and definition.name not in names:
                names.append(definition.name)
    return names
