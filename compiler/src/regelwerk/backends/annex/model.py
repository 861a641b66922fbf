"""The annex as a document: articles made of blocks (paragraphs, enumerations, tables, facts).

Rendered to Markdown and HTML by the templates, and compared block by block by the diff for its
redline. Every block has a key that stays the same across versions of a regulation when it
describes the same thing (the general rule, the exception with this condition, the table version
from this date, the row for these input values).
"""

from __future__ import annotations

from typing import Union

import attrs

from regelwerk.backends.annex.examples import Coverage, Example
from regelwerk.backends.annex.rich import Rich
from regelwerk.backends.annex.sections import Section
from regelwerk.ir import nodes as ir

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
