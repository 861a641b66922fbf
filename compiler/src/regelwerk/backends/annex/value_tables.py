"""The tables of the annex: a parameter's dated values, a decision table's versions and rows,
a keuze's values and the fields of gegevens."""

from __future__ import annotations

import datetime
from decimal import Decimal

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.context import Context
from regelwerk.backends.annex.model import Block, Paragraph, Table, TableRow
from regelwerk.backends.annex.rich import Rich, choice, code, join, ref, rich, term, value
from regelwerk.core import nodes as c
from regelwerk.core.formula import cell as cell_formula
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t


class ValueTables(Context):
    def parameter(self, definition: ir.ParameterDef, module: str, where: str | None
                  ) -> list[Block]:
        parameter = self.core_definition(definition, module)
        assert isinstance(parameter, c.Parameter)
        type_ = parameter.type
        noun = dutch.noun(definition.name)
        subject = rich(f"{noun.article} " if noun.article else "", term(noun.phrase))
        values = sorted(parameter.values, key=lambda v: v.valid_from or datetime.date.min)
        rows = []
        for index, dated in enumerate(values):
            start = dated.valid_from or self.module.valid_from
            nxt = values[index + 1].valid_from if index + 1 < len(values) else None
            end = (nxt - datetime.timedelta(days=1)) if nxt is not None else (
                self.module.valid_until - datetime.timedelta(days=1)
                if self.module.valid_until is not None else None)
            notes = []
            if dated.provisional is not None:
                notes.append(rich(dated.provisional.text))
            if dated.unknown is not None:
                notes.append(rich(dated.unknown.reason))
            if dated.reference is not None:
                notes.append(ref(dated.reference))
            key = dated.valid_from.isoformat() if dated.valid_from else "altijd"
            shown = (self.value_text(dated.value, type_) if dated.value is not None
                     else rich("onbekend"))
            since = value(dutch.date(start)) if start else rich("het begin")
            rows.append(TableRow(key, (
                since,
                value(dutch.date(end)) if end else rich("—"),
                shown,
                join(notes, "; ") if notes else rich("—"),
            ), provisional=dated.provisional is not None, unknown=dated.unknown is not None))
            if dated.unknown is not None and where is not None:
                self.unknown.append(rich(
                    term(noun.phrase, self.anchor(self.module.name, definition.name)),
                    f" ({where}), vanaf ", since, f": {dated.unknown.reason}"))
            if dated.provisional is not None and where is not None:
                self.provisional.append(rich(
                    term(noun.phrase, self.anchor(self.module.name, definition.name)),
                    f" ({where}): ", shown, " vanaf ", since,
                    f"; {dated.provisional.reason}" if dated.provisional.reason else ""))
        table = Table("waarden", rich("Waarden van ", subject),
                      ("Geldig vanaf", "Tot en met", "Waarde", "Opmerking"), tuple(rows))
        return [table]

    def table(self, definition: ir.TableDef, module: str, anchor: str, where: str | None
              ) -> list[Block]:
        table = self.core_definition(definition, module)
        assert isinstance(table, c.Table)
        blocks: list[Block] = []
        inputs = join([rich(self._column_noun(c_)) for c_ in table.inputs], ", ", " en ")
        output = self._column_noun(table.columns[-1])
        blocks.append(Paragraph("werking", rich(
            "Deze tabel geeft ", output, " bij ", inputs,
            ": de rij waarvan de invoerkolommen passen, geeft het resultaat in de laatste kolom.")))
        if table.first_hit:
            blocks.append(Paragraph("eerste-treffer", rich(
                "Passen meer rijen, dan geldt de eerste daarvan.")))
        else:
            blocks.append(Paragraph("eerste-treffer", rich(
                "Voor elke combinatie van waarden past hoogstens één rij.")))
        written = {v.span: v for v in definition.versions}  # the columns and cells as written
        versions = sorted(table.versions, key=lambda v: v.valid_from or datetime.date.min)
        for index, version in enumerate(versions):
            caption = rich("Tabel ", term(dutch.humanize(definition.name), anchor))
            key = "rijen"
            if version.valid_from is not None:
                caption = caption + f", geldig vanaf {dutch.date(version.valid_from)}"
                key = f"rijen:{version.valid_from.isoformat()}"
                following = versions[index + 1].valid_from if index + 1 < len(versions) else None
                if following is not None:
                    end = following - datetime.timedelta(days=1)
                    caption = caption + f" tot en met {dutch.date(end)}"
            if version.unknown is not None:
                caption = caption + " (onbekend)"
                if version.reference is not None:
                    caption = caption + " " + ref(version.reference)
                blocks.append(Paragraph(key, rich(
                    caption, f": de rijen zijn onbekend ({version.unknown.reason}). Een "
                    "berekening die deze tabel op een datum in deze periode nodig heeft, stopt.")))
                if where is not None:
                    self.unknown.append(rich(
                        term(dutch.humanize(definition.name), anchor), f" ({where}), ",
                        "alle rijen" + (f" vanaf {dutch.date(version.valid_from)}"
                                        if version.valid_from else ""),
                        f": {version.unknown.reason}"))
                continue
            if version.provisional is not None:
                caption = caption + f" ({version.provisional.text})"
            if version.reference is not None:
                caption = caption + " " + ref(version.reference)
            surface = written[version.span]
            columns = tuple(f"{dutch.noun(col.name).title} ({self.type_text(col.type, core.type)})"
                            for col, core in zip(surface.columns, table.columns))
            remarks = any(r.provisional is not None or r.reference is not None for r in version.rows)
            rows = []
            for row, surface_row in zip(version.rows, surface.rows):
                cells = [*(self.cell(c_, False) for c_ in row.cells), self._cell_value(row.result)]
                if remarks:
                    notes = []
                    if row.provisional is not None:
                        notes.append(rich(row.provisional.text))
                    if row.reference is not None:
                        notes.append(ref(row.reference))
                    cells.append(join(notes, "; ") if notes else rich("—"))
                row_key = " | ".join(cell_formula(c_) for c_ in surface_row.cells[:-1])
                rows.append(TableRow(row_key, tuple(cells), row.provisional is not None
                                     or version.provisional is not None))
                if row.provisional is not None and where is not None:
                    self.provisional.append(rich(
                        term(dutch.humanize(definition.name), anchor), f" ({where}), rij ",
                        join(cells[:-2] if remarks else cells[:-1], ", "), ": ",
                        cells[-2] if remarks else cells[-1],
                        f"; {row.provisional.reason}" if row.provisional.reason else ""))
            if version.provisional is not None and where is not None:
                self.provisional.append(rich(
                    term(dutch.humanize(definition.name), anchor), f" ({where}), ",
                    "alle rijen" + (f" vanaf {dutch.date(version.valid_from)}"
                                    if version.valid_from else ""),
                    f"; {version.provisional.reason}" if version.provisional.reason else ""))
            if remarks:
                columns = columns + ("Opmerking",)
            blocks.append(Table(key, caption, columns, tuple(rows)))
        return blocks

    def _column_noun(self, column: c.Column) -> str:
        noun = dutch.noun(column.name)
        if noun.article is not None:
            return f"{noun.article} {noun.phrase}"
        type_ = column.type
        head = "de waarde"
        if isinstance(type_, t.NumberType) and type_.is_money:
            head = "het bedrag"
        elif isinstance(type_, t.NumberType) and type_.percent:
            head = "het percentage"
        return f"{head} {noun.phrase}"

    def cell(self, cell: ir.Cell | c.Node, output: bool) -> Rich:
        """A table cell in words; a surface cell is read through the core cell lowered from it."""
        if isinstance(cell, ir.ValueCell) and output:
            return self._cell_value(self.printer.core(cell.value))
        node = cell if isinstance(cell, c.Node) else self.printer.core_cell(cell)
        if isinstance(node, c.Expr):
            return self._cell_value(node)
        if isinstance(node, c.AnyCell):
            return rich("n.v.t.")
        if isinstance(node, c.ValueCell):
            return join([self._cell_value(e) for e in node.values], ", ", " of ")
        if isinstance(node, c.CompareCell):
            words = {"<": "minder dan", "≤": "ten hoogste", ">": "meer dan", "≥": "ten minste",
                     "=": "gelijk aan", "≠": "niet gelijk aan"}
            return rich(words.get(node.op, node.op) + " ", self._cell_value(node.value))
        assert isinstance(node, c.RangeCell), node
        lower = self._cell_value(node.lower) if node.lower is not None else None
        upper = self._cell_value(node.upper) if node.upper is not None else None
        if lower is not None and upper is not None:
            start = "vanaf " if node.lower_inclusive else "meer dan "
            end = " tot en met " if node.upper_inclusive else " en minder dan "
            return rich(start, lower, end, upper)
        if lower is not None:
            return rich("vanaf " if node.lower_inclusive else "meer dan ", lower)
        if upper is not None:
            return rich("ten hoogste " if node.upper_inclusive else "minder dan ", upper)
        return rich("n.v.t.")

    def _cell_value(self, expr: c.Expr) -> Rich:
        return self.printer.phrase(expr, True)

    def choice(self, definition: ir.ChoiceDef) -> Table:
        labels = any(option.label for option in definition.options)
        references = any(option.reference for option in definition.options)
        rows = tuple(
            TableRow(option.name, (
                choice(dutch.humanize(option.name)), code(option.name),
                *((rich(option.label.replace("\n", " ")) if option.label else rich("—"),)
                  if labels else ()),
                *((ref(option.reference.text) if option.reference else rich("—"),)
                  if references else ())))
            for option in definition.options
        )
        columns = ("Waarde", "Naam in de regels", *(("Omschrijving",) if labels else ()),
                   *(("Verwijzing",) if references else ()))
        return Table("waarden", rich("Mogelijke waarden van ", term(dutch.humanize(definition.name))),
                     columns, rows)

    def record(self, definition: ir.RecordDef, module: str) -> Table:
        record = self.core_definition(definition, module)
        assert isinstance(record, c.Record)
        defaults = any(field.default is not None for field in definition.fields)
        labels = any(field.label for field in definition.fields)
        references = any(field.reference for field in definition.fields)
        rows = tuple(
            TableRow(field.name, (
                term(dutch.humanize(field.name)),
                rich(self.type_text(field.type, record.type.field(field.name))),
                *((self.default_text(field, record.type),) if defaults else ()),
                *((rich(field.label.replace("\n", " ")) if field.label else rich("—"),)
                  if labels else ()),
                *((ref(field.reference.text) if field.reference else rich("—"),)
                  if references else ())))
            for field in definition.fields
        )
        columns = ("Gegeven", "Type", *(("Als het ontbreekt",) if defaults else ()),
                   *(("Omschrijving",) if labels else ()), *(("Verwijzing",) if references else ()))
        return Table("velden", rich("Gegevens van ", term(dutch.humanize(definition.name))),
                     columns, rows)

    def default_text(self, field: ir.FieldDef, record: t.RecordType) -> Rich:
        """What a field is when the input leaves it out; empty when it must be given."""
        defaults = dict(record.defaults)
        type_ = record.field(field.name)
        if field.default is None or field.name not in defaults or type_ is None:
            return rich("")
        default = defaults[field.name]
        written = field.default  # how the rules write the value: € 0,00, 3 maanden
        kind, unit = (written.kind, written.unit) if isinstance(written, ir.Literal) else ("", None)
        if not isinstance(default, (Decimal, bool, datetime.date, str)):
            return rich("")
        return self.value_text(c.Const(default, type_, kind, unit), type_)
