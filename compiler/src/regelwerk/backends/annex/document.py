"""The annex of a regulation, built from the core IR for meaning (what names refer to, types,
dated values and table versions, rules and their exceptions) and from the surface IR for
presentation only (article order, labels, references, the formula text as written for keys).
The document model is in `model`; the prose of rules in `rule_prose`; the tables of values in
`value_tables`.
"""

from __future__ import annotations

import datetime
from pathlib import PurePath

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.examples import coverage, examples
from regelwerk.backends.annex.model import (
    KIND_NAMES,
    Annex,
    Article,
    Block,
    Enumeration,
    Fact,
    Facts,
    Paragraph,
    ReferenceEntry,
    Table,
    TableRow,
    UsedModule,
)
from regelwerk.backends.annex.rich import code, join, ref, rich, term
from regelwerk.backends.annex.rule_prose import RuleProse
from regelwerk.backends.annex.sections import Section, article_key, sections
from regelwerk.backends.annex.value_tables import ValueTables
from regelwerk.core import nodes as c
from regelwerk.core.formula import formula
from regelwerk.ir import articles as law
from regelwerk.ir import nodes as ir
from regelwerk.pipeline import CheckedModule
from regelwerk.worked import CoverageSummary, WorkedExample

__all__ = ["Builder", "build_annex"]

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


class Builder(RuleProse, ValueTables):
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


def _references_of(definition: ir.Definition) -> list[str]:
    return list(dict.fromkeys(r.text for r in law.references_of(definition)))


def build_annex(checked: CheckedModule, worked: tuple[WorkedExample, ...] = (),
                coverage: CoverageSummary | None = None) -> Annex:
    """The annex of a regulation; with `worked`, its worked examples (computed by the caller from
    the tests: regelwerk.interpret.examples), with `coverage` a section on what they exercise."""
    return Builder(checked, worked, coverage).build()
