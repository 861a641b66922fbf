"""The annex as a document: articles made of blocks (paragraphs, enumerations, tables, facts).

Built from checked IR only; rendered to Markdown and HTML by the templates, and compared block by
block by the diff for its redline. Every block has a key that stays the same across versions of a
regulation when it describes the same thing (the general rule, the exception with this condition, the
table version from this date, the row for these input values).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import PurePath
from typing import Union

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.prose import Printer
from regelwerk.backends.annex.rich import Rich, choice, code, join, ref, rich, term, value
from regelwerk.check.types import declared_type
from regelwerk.check.walk import alternatives
from regelwerk.core.formula import cell as cell_formula
from regelwerk.core.formula import formula
from regelwerk.interpret.values import show
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.pipeline import CheckedModule

KIND_NAMES = {
    ir.InputDef: "Invoer",
    ir.ParameterDef: "Parameter",
    ir.TableDef: "Tabel",
    ir.RuleDef: "Regel",
    ir.ChoiceDef: "Keuze",
    ir.RecordDef: "Gegevens",
}


@attrs.frozen
class Paragraph:
    key: str
    text: Rich
    reference: str | None = None
    role: str = "tekst"  # tekst | omschrijving | opmerking


@attrs.frozen
class Enumeration:
    key: str
    intro: Rich
    items: tuple[Rich, ...]
    reference: str | None = None


@attrs.frozen
class Fact:
    name: str
    value: Rich


@attrs.frozen
class Facts:
    key: str
    facts: tuple[Fact, ...]


@attrs.frozen
class TableRow:
    key: str
    cells: tuple[Rich, ...]
    provisional: bool = False
    change: str | None = None  # ins | del, in a redline
    unknown: bool = False


@attrs.frozen
class Table:
    key: str
    caption: Rich
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    row_headers: bool = True  # the first cell of each row heads the row


Block = Union[Paragraph, Enumeration, Facts, Table]


@attrs.frozen
class Article:
    key: str  # the definition's name, the same across versions
    kind: str  # Invoer | Parameter | Tabel | Regel | Keuze | Gegevens | Uitvoer
    number: int | None  # None for a definition from a used module
    anchor: str
    title: str
    blocks: tuple[Block, ...]

    @property
    def heading(self) -> str:
        if self.number is None:
            return f"{self.kind} {self.title[:1].lower()}{self.title[1:]}"
        return f"Artikel {self.number}. {self.title}"


@attrs.frozen
class UsedModule:
    name: str
    title: str
    kind: str
    note: Rich
    articles: tuple[Article, ...]


@attrs.frozen
class ReferenceEntry:
    text: str
    articles: tuple[tuple[str, str], ...]  # (heading, anchor)


@attrs.frozen
class Annex:
    name: str
    kind: str  # regeling | module
    title: str
    version: str | None
    validity: str | None  # "vanaf 1 januari 2026", "van ... tot en met ..."
    source: str | None
    reference: str | None
    file_name: str
    uses: tuple[Rich, ...]
    provisional: tuple[Rich, ...]
    unknown: tuple[Rich, ...]
    articles: tuple[Article, ...]
    used: tuple[UsedModule, ...]
    references: tuple[ReferenceEntry, ...]
    notes: tuple[str, ...]


READING_NOTES = (
    "De artikelen geven de rekenregels van de regeling in woorden weer, in de volgorde van het "
    "regelbestand. Een begrip in cursief is een gegeven, parameter, tabel of regel met een eigen "
    "artikel.",
    "Er wordt exact gerekend, zonder tussentijdse afronding; afgerond wordt alleen waar een artikel "
    "dat bepaalt. ‘Afgerond op’ zonder meer betekent rekenkundig afgerond: een half wordt van nul af "
    "afgerond.",
    "Een waarde die als voorlopig is gemarkeerd, wordt toegepast, maar wacht nog op een beslissing of "
    "een bekendmaking; de reden staat erbij.",
    "De verwijzing tussen vierkante haken noemt de bepaling die een artikel, een waarde of een rij "
    "omzet.",
)


def _ref(reference: ir.Reference | None) -> str | None:
    return reference.text if reference is not None else None


def _label_paragraphs(key: str, label: str | None) -> list[Paragraph]:
    if not label:
        return []
    return [Paragraph(f"{key}:{index}", rich(line.strip()), role="omschrijving")
            for index, line in enumerate(label.split("\n")) if line.strip()]


def type_text(type_expr: ir.TypeExpr) -> str:
    """A type as written in the rules: `bedrag per maand`, `lijst van huisgenoot`."""
    if type_expr.base == "lijst":
        return f"lijst van {dutch.humanize(type_expr.name[-1])}"
    if type_expr.base == "naam":
        return dutch.humanize(type_expr.name[-1])
    return type_expr.base + (f" per {type_expr.per}" if type_expr.per else "")


class Builder:
    def __init__(self, checked: CheckedModule) -> None:
        self.checked = checked
        self.module = checked.module
        self.numbers: dict[str, int] = {}
        number = 0
        for item in self.ordered():
            number += 1
            key = item.name if not isinstance(item, ir.OutputDecl) else "uitvoer"
            self.numbers.setdefault(key, number)
        self.used_anchors: dict[tuple[str, str], str] = {}
        for used in self.checked.used.values():
            if used.kind == "module":
                for definition in used.definitions:
                    self.used_anchors[(used.name, definition.name)] = \
                        f"{used.name}-{definition.name}"
        self.printer = Printer(checked, self.anchor)
        self.references: dict[str, list[tuple[str, str]]] = {}
        self.provisional: list[Rich] = []
        self.unknown: list[Rich] = []  # values `onbekend` from a date on

    def ordered(self) -> list[ir.Definition | ir.OutputDecl]:
        """Definitions in the order of the file; the outputs once, where they are first declared."""
        items: list[ir.Definition | ir.OutputDecl] = list(self.module.definitions)
        if self.module.outputs:
            items.append(self.module.outputs[0])
        return sorted(items, key=lambda item: (item.span.line, item.span.column))

    def anchor(self, module: str, name: str) -> str | None:
        if module == self.module.name and name in self.numbers:
            return f"artikel-{self.numbers[name]}"
        return self.used_anchors.get((module, name))

    # ------------------------------------------------------------ document
    def build(self) -> Annex:
        module = self.module
        articles = []
        for item in self.ordered():
            if isinstance(item, ir.OutputDecl):
                articles.append(self.outputs())
            else:
                articles.append(self.article(item, self.numbers[item.name], self.module.name))
        used = tuple(self.used_module(m) for m in self.checked.used.values())
        uses = tuple(
            rich(code(m.name), f" ({m.title})" if m.title else "",
                 "" if m.kind == "module" else ", een andere regeling")
            for m in self.checked.used.values()
        )
        validity = None
        if module.valid_from is not None and module.valid_until is not None:
            last = module.valid_until - datetime.timedelta(days=1)
            validity = f"van {dutch.date(module.valid_from)} tot en met {dutch.date(last)}"
        elif module.valid_from is not None:
            validity = f"vanaf {dutch.date(module.valid_from)}"
        elif module.valid_until is not None:
            last = module.valid_until - datetime.timedelta(days=1)
            validity = f"tot en met {dutch.date(last)}"
        if module.reference is not None:
            self.note_reference(module.reference.text, "Kop", "kop")
        return Annex(
            name=module.name,
            kind=module.kind,
            title=module.title or dutch.noun(module.name).title,
            version=module.version,
            validity=validity,
            source=module.source,
            reference=_ref(module.reference),
            file_name=PurePath(module.path).name,
            uses=uses,
            provisional=tuple(self.provisional),
            unknown=tuple(self.unknown),
            articles=tuple(articles),
            used=used,
            references=tuple(ReferenceEntry(text, tuple(places))
                             for text, places in self.references.items()),
            notes=READING_NOTES,
        )

    def note_reference(self, text: str, heading: str, anchor: str) -> None:
        places = self.references.setdefault(text, [])
        if (heading, anchor) not in places:
            places.append((heading, anchor))

    def used_module(self, used: ir.Module) -> UsedModule:
        title = used.title or dutch.noun(used.name).title
        if used.kind != "module":
            note = rich("Deze regeling gebruikt begrippen uit de regeling ", code(used.name),
                        f" ({title}" + (f", versie {used.version}" if used.version else "") + "). "
                        "Zie de bijlage bij die regeling.")
            return UsedModule(used.name, title, used.kind, note, ())
        note = rich("Begrippen uit de module ", code(used.name),
                    ", die deze regeling gebruikt.")
        articles = tuple(self.article(d, None, used.name) for d in used.definitions)
        return UsedModule(used.name, title, used.kind, note, articles)

    # ------------------------------------------------------------ articles
    def article(self, definition: ir.Definition, number: int | None, module: str) -> Article:
        anchor = (f"artikel-{number}" if number is not None else f"{module}-{definition.name}")
        kind = KIND_NAMES[type(definition)]
        title = dutch.noun(definition.name).title
        heading = f"Artikel {number}" if number is not None else f"{kind} {title.lower()}"
        where = heading[:1].lower() + heading[1:]
        own = number is not None
        blocks: list[Block] = [self.facts(definition)]
        blocks += _label_paragraphs("omschrijving", definition.label)
        if isinstance(definition, ir.ParameterDef):
            blocks += self.parameter(definition, where if own else None)
        elif isinstance(definition, ir.TableDef):
            blocks += self.table(definition, anchor, where if own else None)
        elif isinstance(definition, ir.RuleDef):
            blocks += self.rule(definition, module)
        elif isinstance(definition, ir.ChoiceDef):
            blocks.append(self.choice(definition))
        elif isinstance(definition, ir.InputDef) and definition.requirements:
            blocks.append(Enumeration("eisen", rich(
                "De invoer moet voldoen aan deze eisen; anders wordt er niet gerekend:"), tuple(
                rich(*((r.label, ": ") if r.label else ()), code(formula(r.condition)),
                     *((" ", ref(r.reference.text)) if r.reference else ()))
                for r in definition.requirements)))
        elif isinstance(definition, ir.RecordDef):
            if definition.base is not None:
                added = [term(dutch.humanize(f.name))
                         for f in definition.fields[definition.inherited:]]
                blocks.append(Paragraph("zoals", rich(
                    "Dezelfde gegevens als ", term(dutch.humanize(definition.base.parts[-1])),
                    f" ({definition.base.text})",
                    *((", aangevuld met ", join(added, ", ", " en ")) if added else ()), ".")))
            blocks.append(self.record(definition))
        for text in _references_of(definition):
            self.note_reference(text, heading, anchor)
        return Article(definition.name, kind, number, anchor, title, tuple(blocks))

    def facts(self, definition: ir.Definition) -> Facts:
        kind = KIND_NAMES[type(definition)]
        if isinstance(definition, ir.RuleDef) and definition.per is not None:
            kind = f"Regel per {dutch.humanize(definition.per)}"
        facts = [Fact("Soort", rich(kind)), Fact("Naam in de regels", code(definition.name))]
        type_ = self.type_description(definition)
        if type_:
            facts.append(Fact("Type", rich(type_)))
        if isinstance(definition, ir.RuleDef) and definition.arguments:
            facts.append(Fact("Berekend voor", join(
                [rich(term(dutch.humanize(a.name)), f" ({self.type_text(a.type)})")
                 for a in definition.arguments], ", ", " en ")))
        if definition.reference is not None:
            facts.append(Fact("Verwijzing", ref(definition.reference.text)))
        return Facts("kenmerken", tuple(facts))

    def type_text(self, type_expr: ir.TypeExpr) -> str:
        """`keuze tijdvak` for a type that names a keuze, `gegevens kind` for a record."""
        if type_expr.base != "naam" or not type_expr.name:
            return type_text(type_expr)
        name = type_expr.name[-1]
        found: ir.Definition | None = None
        if len(type_expr.name) > 1:
            found = self.checked.find(type_expr.name[0], name)
        else:
            for module in (self.module, *self.checked.used.values()):
                found = found or module.definition(name)
        kind = "keuze" if isinstance(found, ir.ChoiceDef) else "gegevens"
        return f"{kind} {dutch.humanize(name)}"

    def type_description(self, definition: ir.Definition) -> str | None:
        if isinstance(definition, (ir.InputDef, ir.ParameterDef)):
            return self.type_text(definition.type)
        if isinstance(definition, ir.RuleDef):
            if definition.type.base == "duur":
                found = self.checked.program.types.get(definition)
                return found.describe() if isinstance(found, t.Type) else "duur"
            return self.type_text(definition.type)
        if isinstance(definition, ir.TableDef) and definition.versions:
            return self.type_text(definition.output.type)
        return None

    def value_text(self, expr: ir.Expr, type_: t.Type | None) -> Rich:
        if isinstance(expr, ir.Literal) and isinstance(expr.value, Decimal) \
                and isinstance(type_, t.NumberType):
            if type_.is_money:
                period = type_.unit.period()
                return value(dutch.money(expr.value) + (f" per {period}" if period else ""))
            if type_.percent:
                return value(dutch.percent(expr.value))
            if t.is_duration(type_):
                return value(dutch.duration(expr.value, type_.unit.factors[0][0]))
            return value(show(expr.value, type_))
        return self.printer.phrase(expr)

    def parameter(self, definition: ir.ParameterDef, where: str | None) -> list[Block]:
        type_ = self.checked.program.types.get(definition)
        type_ = type_ if isinstance(type_, t.Type) else None
        noun = dutch.noun(definition.name)
        subject = rich(f"{noun.article} " if noun.article else "", term(noun.phrase))
        values = sorted(definition.values, key=lambda v: v.valid_from or datetime.date.min)
        rows = []
        for index, dated in enumerate(values):
            start = dated.valid_from or self.module.valid_from
            nxt = values[index + 1].valid_from if index + 1 < len(values) else None
            end = (nxt - datetime.timedelta(days=1)) if nxt is not None else (
                self.module.valid_until - datetime.timedelta(days=1)
                if self.module.valid_until is not None else None)
            notes = []
            if dated.provisional is not None:
                notes.append(rich("voorlopig" + (f": {dated.provisional.reason}"
                                                 if dated.provisional.reason else "")))
            if dated.unknown is not None:
                notes.append(rich(dated.unknown.reason))
            if dated.reference is not None:
                notes.append(ref(dated.reference.text))
            key = dated.valid_from.isoformat() if dated.valid_from else "altijd"
            shown = (self.value_text(dated.value, type_) if dated.value is not None
                     else rich("onbekend"))
            since = value(dutch.date(start)) if start else rich("het begin")
            rows.append(TableRow(key, (
                since,
                value(dutch.date(end)) if end else rich("—"),
                shown,
                join(notes, "; ") if notes else rich(""),
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

    def table(self, definition: ir.TableDef, anchor: str, where: str | None) -> list[Block]:
        blocks: list[Block] = []
        inputs = join([rich(self._column_noun(c)) for c in definition.inputs], ", ", " en ")
        output = self._column_noun(definition.output)
        blocks.append(Paragraph("werking", rich(
            "Deze tabel geeft ", output, " bij ", inputs,
            ": de rij waarvan de invoerkolommen passen, geeft het resultaat in de laatste kolom.")))
        if definition.first_hit:
            blocks.append(Paragraph("eerste-treffer", rich(
                "Passen meer rijen, dan geldt de eerste daarvan.")))
        else:
            blocks.append(Paragraph("eerste-treffer", rich(
                "Voor elke combinatie van waarden past hoogstens één rij.")))
        versions = sorted(definition.versions, key=lambda v: v.valid_from or datetime.date.min)
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
                    caption = caption + " " + ref(version.reference.text)
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
                caption = caption + " (voorlopig" + (
                    f": {version.provisional.reason}" if version.provisional.reason else "") + ")"
            if version.reference is not None:
                caption = caption + " " + ref(version.reference.text)
            columns = tuple(f"{dutch.noun(c.name).title} ({self.type_text(c.type)})"
                            for c in version.columns)
            remarks = any(r.provisional is not None or r.reference is not None for r in version.rows)
            rows = []
            for row in version.rows:
                cells = [self.cell(c, i == len(row.cells) - 1) for i, c in enumerate(row.cells)]
                if remarks:
                    notes = []
                    if row.provisional is not None:
                        notes.append(rich("voorlopig" + (f": {row.provisional.reason}"
                                                         if row.provisional.reason else "")))
                    if row.reference is not None:
                        notes.append(ref(row.reference.text))
                    cells.append(join(notes, "; ") if notes else rich(""))
                row_key = " | ".join(cell_formula(c) for c in row.cells[:-1])
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

    def _column_noun(self, column: ir.Column) -> str:
        noun = dutch.noun(column.name)
        if noun.article is not None:
            return f"{noun.article} {noun.phrase}"
        head = {"bedrag": "het bedrag", "percentage": "het percentage"}.get(column.type.base,
                                                                         "de waarde")
        return f"{head} {noun.phrase}"

    def cell(self, cell: ir.Cell, output: bool) -> Rich:
        if isinstance(cell, ir.AnyCell):
            return rich("n.v.t.")
        if isinstance(cell, ir.ValueCell):
            parts = alternatives(cell.value) if not output else [cell.value]
            return join([self._cell_value(e) for e in parts], ", ", " of ")
        if isinstance(cell, ir.CompareCell):
            words = {"<": "minder dan", "≤": "ten hoogste", ">": "meer dan", "≥": "ten minste",
                     "=": "gelijk aan", "≠": "niet gelijk aan"}
            return rich(words.get(cell.op, cell.op) + " ", self._cell_value(cell.value))
        lower = self._cell_value(cell.lower) if cell.lower is not None else None
        upper = self._cell_value(cell.upper) if cell.upper is not None else None
        if lower is not None and upper is not None:
            start = "vanaf " if cell.lower_inclusive else "meer dan "
            end = " tot en met " if cell.upper_inclusive else " en minder dan "
            return rich(start, lower, end, upper)
        if lower is not None:
            return rich("vanaf " if cell.lower_inclusive else "meer dan ", lower)
        if upper is not None:
            return rich("ten hoogste " if cell.upper_inclusive else "minder dan ", upper)
        return rich("n.v.t.")

    def _cell_value(self, expr: ir.Expr) -> Rich:
        return self.printer.phrase(expr, True)

    def rule(self, rule: ir.RuleDef, module: str) -> list[Block]:
        p = self.printer
        noun = dutch.noun(rule.name)
        link = term(noun.phrase)  # the defining occurrence: not a link to itself
        subject = rich(f"{noun.article} ", link) if noun.article else link
        be = "zijn" if noun.article is not None and noun.plural else "is"
        rule_type = self.checked.program.types.get(rule)
        boolean = isinstance(rule_type, t.BooleanType)
        # "De uurbijdrage is ...", "Voor elk kind is de leeftijd van het kind ...", and for a
        # property of a member "Een kind is rechtgevend als ...".
        opening = rich(subject, f" {be}")
        exception_opening = rich(f"In afwijking hiervan {be} ", subject)
        if rule.per is not None:
            member = dutch.noun(rule.per)
            words = noun.words
            if boolean and (noun.article is None or dutch.is_adjective(words[0])):
                owner = rich(f"een {' '.join(member.words)}")
                if words[0] in dutch.VERBS and len(words) > 1:
                    return self.property_rule(rule, owner, words[0], term(" ".join(words[1:])))
                return self.property_rule(rule, owner, "is", term(" ".join(words)))
            subject = rich(subject, " van ", p.member(rule.per))
            opening = rich(f"voor {member.every} {be} ", subject)
            exception_opening = rich(f"In afwijking hiervan {be} ", subject)
        blocks: list[Block] = []
        if rule.value is not None:
            blocks.append(self.general(rule, opening, boolean))
        for exception in rule.exceptions:
            condition = p.clause(exception.condition).positive
            if boolean and isinstance(exception.value, ir.Literal) and \
                    isinstance(exception.value.value, bool):
                verdict = "van toepassing" if exception.value.value else "niet van toepassing"
                text = rich(exception_opening, f" {verdict} als ", condition, ".")
            else:
                text = rich(exception_opening, " ", self.copula(exception.value),
                            p.phrase(exception.value), " als ", condition, ".")
            blocks.append(Paragraph(f"uitzondering:{formula(exception.condition)}", text,
                                    _ref(exception.reference)))
        return blocks

    def property_rule(self, rule: ir.RuleDef, owner: Rich, verb: str, predicate: Rich
                      ) -> list[Block]:
        """`regel per kind rechtgevend: ja/nee`: "Een kind is rechtgevend als ..."."""
        p = self.printer
        blocks: list[Block] = []
        expr = rule.value
        if expr is not None:
            if isinstance(expr, ir.Literal) and isinstance(expr.value, bool):
                text = rich(owner, f" {verb} ", "altijd " if expr.value else "nooit ", predicate,
                            ".")
            else:
                text = rich(owner, f" {verb} ", predicate, " als ", p.clause(expr).positive,
                            ", en anders niet.")
            blocks.append(Paragraph("waarde", text.capitalized(), _ref(rule.value_reference)))
        for exception in rule.exceptions:
            condition = p.clause(exception.condition).positive
            value_ = exception.value
            if isinstance(value_, ir.Literal) and isinstance(value_.value, bool):
                negation = "" if value_.value else "niet "
                text = rich(f"In afwijking hiervan {verb} ", owner, f" {negation}", predicate,
                            " als ", condition, ".")
            else:
                text = rich(f"In afwijking hiervan {verb} ", owner, ", als ", condition, ", ",
                            predicate, " als ", p.clause(value_).positive, ", en anders niet.")
            blocks.append(Paragraph(f"uitzondering:{formula(exception.condition)}", text,
                                    _ref(exception.reference)))
        return blocks

    def general(self, rule: ir.RuleDef, opening: Rich, boolean: bool) -> Block:
        p = self.printer
        assert rule.value is not None
        reference = _ref(rule.value_reference)
        expr = rule.value
        if boolean and not isinstance(expr, ir.Conditional):
            if isinstance(expr, ir.Literal) and isinstance(expr.value, bool):
                verdict = "altijd van toepassing" if expr.value else "nooit van toepassing"
                text = rich(opening, f" {verdict}.")
            else:
                text = rich(opening, " van toepassing als ", p.clause(expr).positive,
                            ", en anders niet.")
            return Paragraph("waarde", text.capitalized(), reference)
        if isinstance(expr, ir.Conditional) and (len(expr.cases) > 1):
            items = [rich(p.phrase(then, True), ", als ", p.clause(cond).positive)
                     for cond, then in expr.cases]
            if expr.otherwise is not None:
                items.append(rich(p.phrase(expr.otherwise, True), ", in alle andere gevallen"))
            return Enumeration("waarde", rich(opening, ":").capitalized(), tuple(items),
                               reference)
        if isinstance(expr, ir.Conditional):
            (cond, then), = expr.cases
            text = rich(opening, " ", self.copula(then), p.phrase(then, True), " als ",
                        p.clause(cond).positive)
            if expr.otherwise is not None:
                text = text + rich(", en anders ", self.copula(expr.otherwise),
                                   p.phrase(expr.otherwise, True))
            return Paragraph("waarde", rich(text, ".").capitalized(), reference)
        return Paragraph("waarde", rich(opening, " ", self.copula(expr), p.phrase(expr), ".")
                         .capitalized(), reference)

    def copula(self, expr: ir.Expr) -> str:
        """`is gelijk aan de minimale uurbijdrage`, but `is het bedrag uit tabel ...`."""
        if isinstance(expr, (ir.Rounding, ir.Per, ir.Convert)):
            return self.copula(expr.operand)
        if isinstance(expr, (ir.Name, ir.Literal, ir.Peildatum, ir.Conditional)):
            return "gelijk aan "
        if isinstance(expr, ir.Binary) and expr.op in ("+", "-", "×", "/"):
            if isinstance(self.printer.type_of(expr.left), t.DateType):
                return ""  # "de datum 6 maanden na de startdatum"
            if not isinstance(expr.left, (ir.Name, ir.Literal)):
                return ""
            return "gelijk aan "
        return ""

    def choice(self, definition: ir.ChoiceDef) -> Table:
        rows = tuple(
            TableRow(option.name, (choice(dutch.humanize(option.name)),
                                   code(option.name),
                                   rich(option.label.replace("\n", " ")) if option.label else rich(""),
                                   ref(option.reference.text) if option.reference else rich("")))
            for option in definition.options
        )
        return Table("waarden", rich("Mogelijke waarden van ", term(dutch.humanize(definition.name))),
                     ("Waarde", "Naam in de regels", "Omschrijving", "Verwijzing"), rows)

    def record(self, definition: ir.RecordDef) -> Table:
        defaults = any(field.default is not None for field in definition.fields)
        rows = tuple(
            TableRow(field.name, (
                term(dutch.humanize(field.name)), rich(self.type_text(field.type)),
                *((self.default_text(field),) if defaults else ()),
                rich(field.label.replace("\n", " ")) if field.label else rich(""),
                ref(field.reference.text) if field.reference else rich("")))
            for field in definition.fields
        )
        columns = ("Gegeven", "Type", *(("Als het ontbreekt",) if defaults else ()),
                   "Omschrijving", "Verwijzing")
        return Table("velden", rich("Gegevens van ", term(dutch.humanize(definition.name))),
                     columns, rows)

    def default_text(self, field: ir.FieldDef) -> Rich:
        """What a field is when the input leaves it out; empty when it must be given."""
        if field.default is None:
            return rich("")
        return self.value_text(field.default, declared_type(self.checked.context(), field.type))

    def outputs(self) -> Article:
        number = self.numbers["uitvoer"]
        items = []
        for name in self.module.output_names:
            items.append(self.printer.name(name))
        block = Enumeration("uitvoer", rich("Deze regeling berekent:"), tuple(items))
        return Article("uitvoer", "Uitvoer", number, f"artikel-{number}", "Uitkomsten", (block,))


def _references_of(definition: ir.Definition) -> list[str]:
    found: list[ir.Reference | None] = [definition.reference]
    if isinstance(definition, ir.ParameterDef):
        found += [v.reference for v in definition.values]
    elif isinstance(definition, ir.TableDef):
        for version in definition.versions:
            found.append(version.reference)
            found += [row.reference for row in version.rows]
    elif isinstance(definition, ir.RuleDef):
        found.append(definition.value_reference)
        found += [e.reference for e in definition.exceptions]
    elif isinstance(definition, ir.ChoiceDef):
        found += [o.reference for o in definition.options]
    elif isinstance(definition, ir.RecordDef):
        found += [f.reference for f in definition.fields]
    elif isinstance(definition, ir.InputDef):
        found += [r.reference for r in definition.requirements]
    out: list[str] = []
    for reference in found:
        if reference is not None and reference.text not in out:
            out.append(reference.text)
    return out


def build_annex(checked: CheckedModule) -> Annex:
    return Builder(checked).build()
