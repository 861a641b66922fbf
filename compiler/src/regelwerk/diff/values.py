"""Parameters, tables, keuzes and gegevens on the surface: values by date, rows by their cells."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Iterator, Sequence

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.context import type_text
from regelwerk.core.formula import cell as cell_formula
from regelwerk.diff.model import Change
from regelwerk.diff.presentation import (
    Rendered,
    describe,
    formula_of,
    provisional_text,
    ref,
    unknown_text,
)
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.runtime import voorlopig_tekst


def parameter_changes(old: Rendered, new: Rendered, before: ir.ParameterDef, after: ir.ParameterDef
               ) -> Iterator[Change]:
    old_type, new_type = old.type_of(before), new.type_of(after)
    old_values = {v.valid_from: v for v in before.values}
    new_values = {v.valid_from: v for v in after.values}

    def shown(version: Rendered, value: ir.DatedValue, type_: t.Type | None) -> str:
        if value.value is None:
            return unknown_text(value.unknown) or "onbekend"
        text = version.builder.value_text(value.value, type_).plain()
        if value.provisional is not None:
            text += f" ({voorlopig_tekst(value.provisional.reason)})"
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
            if ref(a.reference) != ref(b.reference):
                yield Change("parameter-verwijzing",
                             f"Verwijzing bij de waarde {since}: [{ref(a.reference) or '—'}] → "
                             f"[{ref(b.reference) or '—'}]", ref(a.reference),
                             ref(b.reference), (("vanaf", iso),))


def _previous(values: Iterable[ir.DatedValue], date: datetime.date | None
              ) -> ir.DatedValue | None:
    found = None
    for value in sorted(values, key=lambda v: v.valid_from or datetime.date.min):
        if date is None or (value.valid_from or datetime.date.min) < date:
            found = value
    return found


# ------------------------------------------------------------------ tables


def _row_text(version: Rendered, row: ir.Row) -> str:
    """`‘zaterdag’: 35 %`; input cells separated by semicolons."""
    cells = [version.builder.cell(c, i == len(row.cells) - 1).plain()
             for i, c in enumerate(row.cells)]
    text = "; ".join(cells[:-1]) + ": " + cells[-1] if len(cells) > 1 else "".join(cells)
    if row.provisional is not None:
        text += f" ({voorlopig_tekst(row.provisional.reason)})"
    if row.reference is not None:
        text += f" [{row.reference.text}]"
    return text


def _row_key(row: ir.Row) -> str:
    return " | ".join(cell_formula(c) for c in row.cells[:-1])


def table_changes(old: Rendered, new: Rendered, before: ir.TableDef, after: ir.TableDef
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
            unknown = f": {unknown_text(b.unknown)}" if b.unknown is not None else ""
            yield Change("tabel-versie-toegevoegd", f"Nieuwe versie van de tabel{since}{unknown}",
                         None, unknown_text(b.unknown) or "\n".join(_row_text(new, r) for r in b.rows),
                         (("vanaf", iso),))
            continue
        if b is None and a is not None:
            yield Change("tabel-versie-verwijderd", f"Versie van de tabel{since} geschrapt",
                         unknown_text(a.unknown) or "\n".join(_row_text(old, r) for r in a.rows),
                         None, (("vanaf", iso),))
            continue
        assert a is not None and b is not None
        old_columns = [f"{c.name} ({type_text(c.type)})" for c in a.columns]
        new_columns = [f"{c.name} ({type_text(c.type)})" for c in b.columns]
        if old_columns != new_columns:
            yield Change("tabel-kolommen", f"Kolommen{since}: {', '.join(old_columns)} → "
                         f"{', '.join(new_columns)}", ", ".join(old_columns),
                         ", ".join(new_columns), (("vanaf", iso),))
        old_note = provisional_text(a.provisional)
        new_note = provisional_text(b.provisional)
        if old_note != new_note:
            yield Change("tabel-voorlopig", f"Voorlopig{since}: {old_note or 'nee'} → "
                         f"{new_note or 'nee'}", old_note, new_note, (("vanaf", iso),))
        old_unknown, new_unknown = unknown_text(a.unknown), unknown_text(b.unknown)
        if old_unknown != new_unknown:
            old_text = old_unknown or f"{len(a.rows)} rijen"
            new_text = new_unknown or f"{len(b.rows)} rijen"
            yield Change("tabel-onbekend", f"Versie{since}: {old_text} → {new_text}",
                         old_unknown, new_unknown, (("vanaf", iso),))
        yield from _rows(old, new, a.rows, b.rows, iso)



def _rows(old: Rendered, new: Rendered, before: Sequence[ir.Row], after: Sequence[ir.Row],
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


def choice_changes(before: ir.ChoiceDef, after: ir.ChoiceDef) -> Iterator[Change]:
    old_options = {o.name: o for o in before.options}
    new_options = {o.name: o for o in after.options}
    for option in after.options:
        previous = old_options.get(option.name)
        if previous is None:
            yield Change("keuze-waarde-toegevoegd", f"Nieuwe waarde {option.name}", None,
                         option.name)
        elif previous.label != option.label or ref(previous.reference) != ref(option.reference):
            yield Change("keuze-waarde-gewijzigd", f"Waarde {option.name} anders omschreven",
                         describe(previous.label, previous.reference),
                         describe(option.label, option.reference))
    for option in before.options:
        if option.name not in new_options:
            yield Change("keuze-waarde-verwijderd", f"Waarde {option.name} geschrapt",
                         option.name, None)


def record_changes(old: Rendered, new: Rendered, before: ir.RecordDef, after: ir.RecordDef
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
        old_default, new_default = formula_of(previous.default), formula_of(field.default)
        if old_default != new_default:
            yield Change("gegeven-standaard", f"Standaardwaarde van {field.name}: "
                         f"{old_default or 'geen (verplicht)'} → {new_default or 'geen (verplicht)'}",
                         old_default, new_default)
        if previous.label != field.label or ref(previous.reference) != ref(field.reference):
            yield Change("gegeven-gewijzigd", f"Gegeven {field.name} anders omschreven",
                         describe(previous.label, previous.reference),
                         describe(field.label, field.reference))
    for field in before.fields:
        if field.name not in new_fields:
            yield Change("gegeven-verwijderd", f"Gegeven {field.name} geschrapt", field.name, None)

