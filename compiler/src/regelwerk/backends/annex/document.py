"""The annex as a document: articles made of blocks (paragraphs, enumerations, tables, facts).

Built from the core IR for meaning (what names refer to, types, dated values and table versions,
rules and their exceptions) and from the surface IR for presentation only (article order, labels,
references, the formula text as written for keys); rendered to Markdown and HTML by the
templates, and compared block by block by the diff for its redline. Every block has a key that
stays the same across versions of a regulation when it describes the same thing (the general
rule, the exception with this condition, the table version from this date, the row for these
input values).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import PurePath
from typing import Union

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.examples import Coverage, Example, coverage, examples
from regelwerk.backends.annex.prose import Printer
from regelwerk.backends.annex.rich import Rich, choice, code, join, ref, rich, term, value
from regelwerk.backends.annex.sections import Section, article_key, sections
from regelwerk.core import nodes as c
from regelwerk.core.display import show
from regelwerk.core.formula import cell as cell_formula
from regelwerk.core.formula import formula
from regelwerk.ir import articles as law
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.pipeline import CheckedModule
from regelwerk.worked import CoverageSummary, WorkedExample

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
# The facts of a definition that the data dictionary of the annex shows in its own columns.
DICTIONARY_FACTS = frozenset({"Soort", "Naam in de regels", "Type", "Verwijzing"})


@attrs.frozen
class Article:
    key: str  # the definition's name, the same across versions
    kind: str  # Invoer | Parameter | Tabel | Regel | Keuze | Gegevens | Uitvoer
    number: int | None  # None for a definition from a used module
    anchor: str
    title: str
    blocks: tuple[Block, ...]
    reference: str | None = None  # the definition's own reference, beside its title

    @property
    def label(self) -> str:
        """How the annex heads it: the title, with the kind for a definition of a used module."""
        if self.number is None:
            return f"{self.kind} {self.title[:1].lower()}{self.title[1:]}"
        return self.title

    @property
    def dictionary_label(self) -> str:
        """The heading in the data dictionary: `Invoer huisgenoten`, `Keuze rol`."""
        if self.key == "uitvoer" and self.kind == "Uitvoer":
            return self.title
        return f"{self.kind} {self.title[:1].lower()}{self.title[1:]}"

    @property
    def body(self) -> tuple[Block, ...]:
        """The blocks without the facts the data dictionary lists (kind, name, type, reference);
        a fact it does not list (what a rule is computed for) stays."""
        out: list[Block] = []
        for block in self.blocks:
            if isinstance(block, Facts):
                rest = tuple(f for f in block.facts if f.name not in DICTIONARY_FACTS)
                if rest:
                    out.append(Facts(block.key, rest))
                continue
            out.append(block)
        return tuple(out)

    @property
    def heading(self) -> str:
        """The heading the diff uses: numbered by the order of the file."""
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
    terms: Table | None = None  # the data dictionary: every definition, its kind, type, article
    sections: tuple[Section, ...] = ()  # the articles of the regulation, each with its rules
    dictionary: tuple[str, ...] = ()  # keys of the articles for inputs, choices, records, outputs
    examples: tuple[Example, ...] = ()
    coverage: Coverage | None = None  # with `regelwerk annex --dekking`

    def article(self, key: str) -> Article:
        return next(a for a in self.articles if a.key == key)

    def section_articles(self, section: Section) -> tuple[Article, ...]:
        return tuple(self.article(name) for name in section.names)

    @property
    def dictionary_articles(self) -> tuple[Article, ...]:
        return tuple(self.article(name) for name in self.dictionary)


READING_NOTES = (
    "De bijlage volgt de artikelen van de regeling: bij elk artikel staat de tekst, waar het "
    "regelbestand die letterlijk bevat, en daarna de rekenregels die het artikel uitvoeren, in "
    "woorden. Een begrip in cursief is een gegeven, parameter, tabel of regel; de gegevens, de "
    "uitkomsten en hun soort staan in het aanhangsel met de begrippen.",
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
    def __init__(self, checked: CheckedModule, worked: tuple[WorkedExample, ...] = (),
                 coverage: CoverageSummary | None = None) -> None:
        self.checked = checked
        self.worked = worked
        self.coverage = coverage
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
        self.program = checked.core()
        self.printer = Printer(self.program, self.anchor,
                               (self.module, *self.checked.used.values()))
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
            return "uitkomsten" if name == "uitvoer" else f"def-{name}"
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
        anchors = {name: f"def-{name}" for name in self.numbers if name != "uitvoer"}
        own_sections = sections(module, dutch.date, anchors)
        in_sections = {name for s in own_sections for name in s.names}
        dictionary = tuple(a.key for a in articles if a.key not in in_sections)
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
            terms=self.terms(articles, own_sections),
            sections=own_sections,
            dictionary=dictionary,
            examples=examples(self.worked, anchors),
            coverage=coverage(self.coverage, anchors),
        )

    def terms(self, articles: list[Article], own: tuple[Section, ...]) -> Table:
        """One row per definition of the regulation: the data dictionary."""
        home = {name: section for section in own for name in section.names}
        rows = []
        for article in articles:
            if article.key == "uitvoer" and article.kind == "Uitvoer":
                continue
            facts = next((b for b in article.blocks if isinstance(b, Facts)), None)
            found = {fact.name: fact.value for fact in facts.facts} if facts is not None else {}
            section = home.get(article.key)
            where = rich(term(section.heading, section.anchor)) if section is not None else \
                rich(term(article.dictionary_label, article.anchor))
            rows.append(TableRow(article.key, (
                term(article.title, article.anchor), found.get("Naam in de regels", rich("")),
                found.get("Soort", rich(article.kind)), found.get("Type", rich("—")),
                found.get("Verwijzing", rich("—")), where)))
        return Table("begrippen", rich("Elk begrip uit de regels, met zijn soort en type"),
                     ("Begrip", "Naam in de regels", "Soort", "Type", "Verwijzing", "Staat bij"),
                     tuple(rows))

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
        anchor = (f"def-{definition.name}" if number is not None
                  else f"{module}-{definition.name}")
        kind = KIND_NAMES[type(definition)]
        title = dutch.noun(definition.name).title
        heading = title if number is not None else f"{kind} {title.lower()}"
        where = (article_key(definition.reference.text, self.module.articles)
                 if definition.reference is not None else heading)
        own = number is not None
        self.printer.module = module
        self.printer.arguments = frozenset(
            a.name for a in definition.arguments) if isinstance(definition, ir.RuleDef) else frozenset()
        blocks: list[Block] = [self.facts(definition)]
        blocks += _label_paragraphs("omschrijving", definition.label)
        if isinstance(definition, ir.ParameterDef):
            blocks += self.parameter(definition, module, where if own else None)
        elif isinstance(definition, ir.TableDef):
            blocks += self.table(definition, module, anchor, where if own else None)
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
            blocks.append(self.record(definition, module))
        for text in _references_of(definition):
            self.note_reference(text, heading, anchor)
        return Article(definition.name, kind, number, anchor, title, tuple(blocks),
                       _ref(definition.reference))

    def facts(self, definition: ir.Definition) -> Facts:
        kind = KIND_NAMES[type(definition)]
        if isinstance(definition, ir.RuleDef) and definition.per is not None:
            kind = f"Regel per {dutch.humanize(definition.per)}"
        facts = [Fact("Soort", rich(kind)), Fact("Naam in de regels", code(definition.name))]
        type_ = self.type_description(definition)
        if type_:
            facts.append(Fact("Type", rich(type_)))
        if isinstance(definition, ir.RuleDef) and definition.arguments:
            rule = self.core_rule(definition)
            types = [a.type for a in rule.arguments] if rule is not None else \
                [None] * len(definition.arguments)
            facts.append(Fact("Berekend voor", join(
                [rich(term(dutch.humanize(a.name)), f" ({self.type_text(a.type, type_)})")
                 for a, type_ in zip(definition.arguments, types)], ", ", " en ")))
        if definition.reference is not None:
            facts.append(Fact("Verwijzing", ref(definition.reference.text)))
        return Facts("kenmerken", tuple(facts))

    # ------------------------------------------------------------ the core IR
    def core_definition(self, definition: ir.Definition, module: str | None = None
                        ) -> c.Definition | None:
        """The core definition of a surface definition (of the regulation or a module it uses)."""
        names = [module] if module is not None else [
            m.name for m in self.program.all_modules()]
        for name in names:
            try:
                found = self.program.module(name).definition(definition.name)
            except KeyError:
                continue
            if found is not None and found.span == definition.span:
                return found
        return None

    def core_rule(self, definition: ir.RuleDef) -> c.Rule | None:
        found = self.core_definition(definition)
        return found if isinstance(found, c.Rule) else None

    def type_of(self, definition: ir.Definition) -> t.Type | None:
        found = self.core_definition(definition)
        type_ = getattr(found, "type", None)
        return type_ if isinstance(type_, t.Type) else None

    def type_text(self, type_expr: ir.TypeExpr, type_: t.Type | None = None) -> str:
        """`keuze tijdvak` for a type that names a keuze, `gegevens kind` for a record."""
        if type_expr.base != "naam" or not type_expr.name:
            return type_text(type_expr)
        name = type_expr.name[-1]
        if type_ is None:
            modules = self.program.all_modules()
            if len(type_expr.name) > 1:
                modules = tuple(m for m in modules if m.name == type_expr.name[0])
            for module in modules:
                found = module.definition(name)
                if isinstance(found, c.Choice):
                    type_ = t.ChoiceType(found.name, found.values)
                    break
                if isinstance(found, c.Record):
                    type_ = found.type
                    break
        kind = "keuze" if isinstance(type_, t.ChoiceType) else "gegevens"
        return f"{kind} {dutch.humanize(name)}"

    def type_description(self, definition: ir.Definition) -> str | None:
        type_ = self.type_of(definition)
        if isinstance(definition, (ir.InputDef, ir.ParameterDef)):
            return self.type_text(definition.type, type_)
        if isinstance(definition, ir.RuleDef):
            if definition.type.base == "duur":
                return type_.describe() if type_ is not None else "duur"
            return self.type_text(definition.type, type_)
        if isinstance(definition, ir.TableDef) and definition.versions:
            return self.type_text(definition.output.type, type_)
        return None

    def value_text(self, expr: ir.Expr | c.Expr, type_: t.Type | None) -> Rich:
        """A value as it stands in a table of values: `€ 1.450,00 per maand`, `13,60 %`."""
        node = expr if isinstance(expr, c.Expr) else self.printer.core(expr)
        if self.printer.bare(node, c.Const) and isinstance(node, c.Const) \
                and isinstance(node.value, Decimal) and isinstance(type_, t.NumberType):
            if type_.is_money:
                period = type_.unit.period()
                return value(dutch.money(node.value) + (f" per {period}" if period else ""))
            if type_.percent:
                return value(dutch.percent(node.value))
            if t.is_duration(type_):
                return value(dutch.duration(node.value, type_.unit.factors[0][0]))
            return value(show(node.value, type_))
        return self.printer.phrase(node)

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

    def rule(self, definition: ir.RuleDef, module: str) -> list[Block]:
        p = self.printer
        rule = self.core_definition(definition, module)
        assert isinstance(rule, c.Rule)
        noun = dutch.noun(rule.name)
        link = term(noun.phrase)  # the defining occurrence: not a link to itself
        subject = rich(f"{noun.article} ", link) if noun.article else link
        be = "zijn" if noun.article is not None and noun.plural else "is"
        boolean = isinstance(rule.type, t.BooleanType)
        # "De uurbijdrage is ...", "Voor elk kind is de leeftijd van het kind ...", and for a
        # property of a member "Een kind is rechtgevend als ...".
        opening = rich(subject, f" {be}")
        exception_opening = rich(f"In afwijking hiervan {be} ", subject)
        keys = [formula(e.condition) for e in definition.exceptions]  # as written
        if rule.per is not None:
            member = dutch.noun(rule.per)
            words = noun.words
            if boolean and (noun.article is None or dutch.is_adjective(words[0])):
                owner = rich(f"een {' '.join(member.words)}")
                if words[0] in dutch.VERBS and len(words) > 1:
                    return self.property_rule(rule, keys, owner, words[0],
                                              term(" ".join(words[1:])))
                return self.property_rule(rule, keys, owner, "is", term(" ".join(words)))
            subject = rich(subject, " van ", p.member(rule.per))
            opening = rich(f"voor {member.every} {be} ", subject)
            exception_opening = rich(f"In afwijking hiervan {be} ", subject)
        blocks: list[Block] = []
        if rule.body.base is not None:
            blocks.append(self.general(rule, opening, boolean))
        for exception, key in zip(rule.body.terms, keys):
            condition = p.clause(exception.condition).positive
            verdict_value = _constant_bool(p, exception.value)
            if boolean and verdict_value is not None:
                verdict = "van toepassing" if verdict_value else "niet van toepassing"
                text = rich(exception_opening, f" {verdict} als ", condition, ".")
            else:
                text = rich(exception_opening, " ", self.copula(exception.value),
                            p.phrase(exception.value), " als ", condition, ".")
            blocks.append(Paragraph(f"uitzondering:{key}", text, exception.reference))
        return blocks

    def property_rule(self, rule: c.Rule, keys: list[str], owner: Rich, verb: str,
                      predicate: Rich) -> list[Block]:
        """`regel per kind rechtgevend: ja/nee`: "Een kind is rechtgevend als ..."."""
        p = self.printer
        blocks: list[Block] = []
        expr = rule.body.base
        if expr is not None:
            constant = _constant_bool(p, expr)
            if constant is not None:
                text = rich(owner, f" {verb} ", "altijd " if constant else "nooit ", predicate,
                            ".")
            else:
                text = rich(owner, f" {verb} ", predicate, " als ", p.clause(expr).positive,
                            ", en anders niet.")
            blocks.append(Paragraph("waarde", text.capitalized(), rule.body.base_reference))
        for exception, key in zip(rule.body.terms, keys):
            condition = p.clause(exception.condition).positive
            constant = _constant_bool(p, exception.value)
            if constant is not None:
                negation = "" if constant else "niet "
                text = rich(f"In afwijking hiervan {verb} ", owner, f" {negation}", predicate,
                            " als ", condition, ".")
            else:
                text = rich(f"In afwijking hiervan {verb} ", owner, ", als ", condition, ", ",
                            predicate, " als ", p.clause(exception.value).positive,
                            ", en anders niet.")
            blocks.append(Paragraph(f"uitzondering:{key}", text, exception.reference))
        return blocks

    def general(self, rule: c.Rule, opening: Rich, boolean: bool) -> Block:
        p = self.printer
        expr = rule.body.base
        assert expr is not None
        reference = rule.body.base_reference
        choose = expr if p.bare(expr, c.Choose) and isinstance(expr, c.Choose) else None
        if boolean and choose is None:
            constant = _constant_bool(p, expr)
            if constant is not None:
                verdict = "altijd van toepassing" if constant else "nooit van toepassing"
                text = rich(opening, f" {verdict}.")
            else:
                text = rich(opening, " van toepassing als ", p.clause(expr).positive,
                            ", en anders niet.")
            return Paragraph("waarde", text.capitalized(), reference)
        if choose is not None and len(choose.cases) > 1:
            items = [rich(p.phrase(case.value, True), ", als ", p.clause(case.condition).positive)
                     for case in choose.cases]
            if choose.otherwise is not None:
                items.append(rich(p.phrase(choose.otherwise, True), ", in alle andere gevallen"))
            return Enumeration("waarde", rich(opening, ":").capitalized(), tuple(items),
                               reference)
        if choose is not None:
            case, = choose.cases
            text = rich(opening, " ", self.copula(case.value), p.phrase(case.value, True), " als ",
                        p.clause(case.condition).positive)
            if choose.otherwise is not None:
                text = text + rich(", en anders ", self.copula(choose.otherwise),
                                   p.phrase(choose.otherwise, True))
            return Paragraph("waarde", rich(text, ".").capitalized(), reference)
        return Paragraph("waarde", rich(opening, " ", self.copula(expr), p.phrase(expr), ".")
                         .capitalized(), reference)

    def copula(self, expr: c.Expr) -> str:
        """`is gelijk aan de minimale uurbijdrage`, but `is het bedrag uit tabel ...`."""
        p = self.printer
        if isinstance(expr, (c.Round, c.Scale)):
            return self.copula(expr.operand)
        if isinstance(expr, (*SIMPLE_NAMES, c.Const, c.Peildatum, c.Choose)):
            return "gelijk aan "
        if isinstance(expr, c.DateShift):
            return ""  # "de datum 6 maanden na de startdatum"
        if isinstance(expr, c.Arithmetic):
            if not p.bare(expr.left, (*SIMPLE_NAMES, c.Const)):
                return ""
            return "gelijk aan "
        return ""

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

    def outputs(self) -> Article:
        number = self.numbers["uitvoer"]
        items = []
        for output in self.program.main.outputs:
            item = self.printer.defined(output.name, output.module, type_=output.type)
            rule = self.program.find(output.module, output.name)
            if output.per_member and isinstance(rule, c.Rule) and rule.per is not None:
                member = dutch.noun(rule.per)
                each = "elk" if member.article == "het" else "elke"
                item = rich(item, f", voor {each} {member.phrase} apart")
            items.append(item)
        block = Enumeration("uitvoer", rich("Deze regeling berekent:"), tuple(items))
        return Article("uitvoer", "Uitvoer", number, "uitkomsten", "Uitkomsten", (block,))


SIMPLE_NAMES = (c.InputRef, c.ParameterRef, c.RuleRef, c.Local, c.FieldOf)


def _constant_bool(printer: Printer, expr: c.Expr) -> bool | None:
    """ja or nee, when `expr` is written as that constant."""
    if printer.bare(expr, c.Const) and isinstance(expr, c.Const) and isinstance(expr.value, bool):
        return expr.value
    return None


def _references_of(definition: ir.Definition) -> list[str]:
    return list(dict.fromkeys(r.text for r in law.references_of(definition)))


def build_annex(checked: CheckedModule, worked: tuple[WorkedExample, ...] = (),
                coverage: CoverageSummary | None = None) -> Annex:
    """The annex of a regulation; with `worked`, its worked examples (computed by the caller from
    the tests: regelwerk.interpret.examples), with `coverage` a section on what they exercise."""
    return Builder(checked, worked, coverage).build()
