"""The annex by the regulation's own articles: each article (as the references name it) with its
text where the file holds it, then the parameters, tables and rules that implement it.

A definition belongs to the article its own reference names: `[Wzt art. 2, derde lid]` to
`Wzt art. 2`, `[MB 26.07.2001, bijlage II, hoofdstuk V, stap 5]` to that step (the longest article
text it cites, else the reference up to `art. N`, else without its trailing leden and onderdelen).
Inputs, choices, records and the outputs are not articles: they go to the data dictionary. An
article that a definition cites from another article (an exception, an input) says so.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import attrs

from regelwerk.backends.annex.rich import Rich, join, rich, term
from regelwerk.ir import articles as law
from regelwerk.ir import nodes as ir

IMPLEMENTING = (ir.ParameterDef, ir.TableDef, ir.RuleDef)
WITHOUT_REFERENCE = "Zonder verwijzing"
_ARTICLE_PIECE = re.compile(r"\bart(?:ikel)?\.?\s*\d", re.IGNORECASE)


@attrs.frozen
class LawText:
    """The text of the article as the rule file holds it, verbatim."""

    paragraphs: tuple[str, ...]
    source: str | None
    valid_on: str | None  # "1 januari 2025": the date on which this text was in force
    partial: str | None


@attrs.frozen
class Section:
    key: str  # the article as the references name it: "Wzt art. 2"
    heading: str  # the key, with the article's title when the file gives one
    anchor: str
    text: LawText | None
    names: tuple[str, ...]  # the definitions that implement the article, in the order of the file
    also: tuple[Rich, ...]  # definitions under another heading that cite this article too


def article_key(reference: str, texts: tuple[ir.ArticleText, ...]) -> str:
    """The article a reference belongs to."""
    cited = law.article_of(reference, texts)
    if cited is not None and cited.reference is not None:
        return cited.reference.text
    pieces = [piece.strip() for piece in reference.split(",")]
    for index, piece in enumerate(pieces):
        if _ARTICLE_PIECE.search(piece):
            return ", ".join(pieces[:index + 1])
    while len(pieces) > 1 and _is_part(pieces[-1]):
        pieces.pop()
    return ", ".join(pieces)


def _is_part(piece: str) -> bool:
    parts = law.cited_parts(f"x, {piece}", "x")
    return parts is not None and bool(parts.leden or parts.items or parts.points)


def _anchor(key: str, taken: set[str]) -> str:
    base = "art-" + (re.sub(r"[^0-9a-z]+", "-", key.casefold()).strip("-") or "zonder")
    anchor, number = base, 2
    while anchor in taken:
        anchor, number = f"{base}-{number}", number + 1
    taken.add(anchor)
    return anchor


def sections(module: ir.Module, date: Callable[[datetime.date], str], anchors: dict[str, str]
             ) -> tuple[Section, ...]:
    """The articles of `module` in the order the file first names them: its article texts first
    (they stand at the top of a file), then as the implementing definitions cite them.

    `date` formats a date in Dutch; `anchors` maps a definition's name to the anchor of its text."""
    texts = module.articles
    order: list[str] = []
    members: dict[str, list[str]] = {}
    for article in texts:
        if article.reference is not None and article.reference.text not in members:
            order.append(article.reference.text)
            members[article.reference.text] = []
    home: dict[str, str] = {}
    for definition in module.definitions:
        if not isinstance(definition, IMPLEMENTING):
            continue
        key = (article_key(definition.reference.text, texts) if definition.reference is not None
               else WITHOUT_REFERENCE)
        if key not in members:
            order.append(key)
            members[key] = []
        members[key].append(definition.name)
        home[definition.name] = key
    also: dict[str, list[Rich]] = {key: [] for key in order}
    for definition in module.definitions:
        keys = dict.fromkeys(article_key(r.text, texts) for r in law.references_of(definition))
        for key in keys:
            if key in also and home.get(definition.name) != key:
                also[key].append(rich(term(" ".join(definition.name.split("_")),
                                           anchors.get(definition.name))))
    by_reference = {a.reference.text: a for a in texts if a.reference is not None}
    taken: set[str] = set()
    out = []
    for key in order:
        found = by_reference.get(key)
        text = None
        heading = key
        if found is not None:
            when = date(found.valid_from) if found.valid_from is not None else None
            text = LawText(found.paragraphs, found.source, when, found.partial)
            if found.title:
                heading = f"{key}. {found.title}"
        out.append(Section(key, heading, _anchor(key, taken), text, tuple(members[key]),
                           tuple(also[key])))
    return tuple(out)


def also_sentence(section: Section) -> Rich:
    return rich("Ook genoemd bij: ", join(list(section.also), ", ", " en "), ".")
