"""Which article text a legal reference cites, and which parts (leden, onderdelen) it names.

A reference cites an article text when it is the article's reference or starts with it followed by
a comma: `[Wzt art. 2, eerste lid]` cites `artikel [Wzt art. 2]`. What follows the comma names
parts: `eerste lid`, `derde en vierde lid`, `lid 3`, `§2`, `onderdeel f`, `onder c`, `4°`. An
article text shows its parts at the start of its paragraphs: `1.` or `§ 1` opens a lid, `a.` an
onderdeel and `4°` a punt of the lid above it. The check pass (check/articles.py) and the annex
(which groups the rules under the article they cite) read references through this one module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from regelwerk.ir import nodes as ir

ORDINALS = {
    word: number for number, word in enumerate(
        ("eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde "
         "dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende twintigste"
         ).split(), start=1)
}
_LID_WORDS = re.compile(r"^((?:\w+)(?:(?:,\s*|\s+en\s+)\w+)*)\s+(?:lid|leden)$")
_LID_NUMBERS = re.compile(r"^(?:lid|leden)\s+(\d+(?:(?:,\s*|\s+en\s+)\d+)*)$")
_SECTION = re.compile(r"^§\s*(\d+)$")
_ITEM = re.compile(r"^(?:onderdeel|onderdelen|onder|sub)\s+([a-z](?:(?:,\s*|\s+en\s+)[a-z])*)$")
_POINT = re.compile(r"^(\d+)°$")

_PARAGRAPH_LID = re.compile(r"^(?:§\s*(\d+)\.?|(\d+)\.)\s")
_PARAGRAPH_ITEM = re.compile(r"^([a-z])\.\s")
_PARAGRAPH_POINT = re.compile(r"^(\d+)°")


@attrs.frozen
class Parts:
    """The parts a reference names: leden, onderdelen (letters) and punten (`4°`)."""

    leden: frozenset[int] = frozenset()
    items: frozenset[str] = frozenset()
    points: frozenset[int] = frozenset()


def normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def cites(citation: str, article: str) -> bool:
    """Whether the reference `citation` names the article `article` (or a part of it)."""
    cited, own = normal(citation), normal(article)
    return cited == own or cited.startswith(own + ",")


def cited_parts(citation: str, article: str) -> Parts | None:
    """The parts of `article` that `citation` names; None when a part is written in a way this
    module does not read (then nothing is claimed about it)."""
    rest = normal(citation)[len(normal(article)):].lstrip(",").strip()
    leden: set[int] = set()
    items: set[str] = set()
    points: set[int] = set()
    for piece in (p.strip() for p in rest.split(",") if p.strip()):
        if match := _LID_WORDS.match(piece):
            words = re.split(r",\s*|\s+en\s+", match.group(1))
            if any(word not in ORDINALS for word in words):
                return None
            leden.update(ORDINALS[word] for word in words)
        elif match := _LID_NUMBERS.match(piece):
            leden.update(int(n) for n in re.split(r",\s*|\s+en\s+", match.group(1)))
        elif match := _SECTION.match(piece):
            leden.add(int(match.group(1)))
        elif match := _ITEM.match(piece):
            items.update(re.split(r",\s*|\s+en\s+", match.group(1)))
        elif match := _POINT.match(piece):
            points.add(int(match.group(1)))
        else:
            return None
    return Parts(frozenset(leden), frozenset(items), frozenset(points))


@attrs.frozen
class Structure:
    """The parts an article text shows: its leden, and the onderdelen and punten (of any lid)."""

    leden: frozenset[int]
    items: frozenset[str]
    points: frozenset[int]


def structure(article: ir.ArticleText) -> Structure:
    leden: set[int] = set()
    items: set[str] = set()
    points: set[int] = set()
    for paragraph in article.paragraphs:
        if match := _PARAGRAPH_LID.match(paragraph):
            leden.add(int(match.group(1) or match.group(2)))
        elif match := _PARAGRAPH_ITEM.match(paragraph):
            items.add(match.group(1))
        elif match := _PARAGRAPH_POINT.match(paragraph):
            points.add(int(match.group(1)))
    return Structure(frozenset(leden), frozenset(items), frozenset(points))


def missing_parts(parts: Parts, shown: Structure, partial: bool) -> list[str]:
    """The parts a reference names that the text does not have, in words.

    A kind of part the text shows none of is missing only when the text is complete: a partial
    text may leave a whole kind out."""
    missing: list[str] = []
    words = {number: word for word, number in ORDINALS.items()}
    if parts.leden and (shown.leden or not partial):
        # An article of one lid shows no number: its "eerste lid" is the whole text.
        single = not shown.leden and parts.leden == {1}
        if not single:
            missing += [f"{words.get(n, str(n))} lid" for n in sorted(parts.leden - shown.leden)]
    if parts.items and (shown.items or not partial):
        missing += [f"onderdeel {x}" for x in sorted(parts.items - shown.items)]
    if parts.points and (shown.points or not partial):
        missing += [f"{n}°" for n in sorted(parts.points - shown.points)]
    return missing


def references_of(definition: ir.Definition) -> Iterator[ir.Reference]:
    """Every reference a definition carries: its own, and those of its values, rows, exceptions,
    options, fields and requirements, in the order written."""
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
    yield from (reference for reference in found if reference is not None)


def article_of(citation: str, articles: tuple[ir.ArticleText, ...]) -> ir.ArticleText | None:
    """The article text a reference cites; the longest matching reference wins (`art. 1` and
    `art. 1, bijlage` are two articles)."""
    best: ir.ArticleText | None = None
    for article in articles:
        if article.reference is not None and cites(citation, article.reference.text):
            if best is None or best.reference is None or \
                    len(article.reference.text) > len(best.reference.text):
                best = article
    return best
