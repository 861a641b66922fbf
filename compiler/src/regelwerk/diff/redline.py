"""The redline annex: the new annex with deleted text struck through and new text underlined.

Articles are matched by the definition they describe, blocks by their key (the general rule, the
exception with this condition, the table version from this date), table rows by their input cells
and text word by word. Links between articles point to one anchor per definition, so a term links to
the right article in both versions.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from itertools import zip_longest

import attrs

from regelwerk.backends.annex.model import (
    Annex,
    Article,
    Block,
    Enumeration,
    Fact,
    Facts,
    Paragraph,
    Table,
    TableRow,
)
from regelwerk.backends.annex.render import render_template
from regelwerk.backends.annex.rich import DELETED, INSERTED, REF, Rich, Seg, ref, rich, tokens
from regelwerk.diff.compare import Report

UNCHANGED = "ongewijzigd"
CHANGED = "gewijzigd"
ADDED = "toegevoegd"
REMOVED = "geschrapt"


@attrs.frozen
class RedlineArticle:
    status: str
    heading: str
    anchor: str
    note: str | None
    blocks: tuple[Block, ...]


@attrs.frozen
class RedlineModule:
    name: str
    title: str
    status: str
    articles: tuple[RedlineArticle, ...]


@attrs.frozen
class Redline:
    report: Report
    articles: tuple[RedlineArticle, ...]
    used: tuple[RedlineModule, ...]

    @property
    def changed(self) -> int:
        return sum(a.status != UNCHANGED for a in self.articles) + sum(
            a.status != UNCHANGED for m in self.used for a in m.articles)


def build_redline(report: Report) -> Redline:
    old_targets = _targets(report.old_annex)
    new_targets = _targets(report.new_annex)
    old_articles = [_retarget(a, old_targets) for a in report.old_annex.articles]
    new_articles = [_retarget(a, new_targets) for a in report.new_annex.articles]
    articles = _articles(old_articles, new_articles)
    old_used = {m.name: m for m in report.old_annex.used}
    new_used = {m.name: m for m in report.new_annex.used}
    used = []
    for name in dict.fromkeys([*new_used, *old_used]):
        before, after = old_used.get(name), new_used.get(name)
        merged = _articles([_retarget(a, old_targets) for a in before.articles] if before else [],
                           [_retarget(a, new_targets) for a in after.articles] if after else [])
        status = ADDED if before is None else REMOVED if after is None else (
            UNCHANGED if all(a.status == UNCHANGED for a in merged) else CHANGED)
        module = after or before
        assert module is not None
        used.append(RedlineModule(name, module.title, status, tuple(merged)))
    return Redline(report, tuple(articles), tuple(used))


def render_redline(report: Report) -> str:
    return render_template("redline.html.j2", redline=build_redline(report), report=report)


# ------------------------------------------------------------------ anchors


def _anchor(article: Article) -> str:
    return article.anchor if article.number is None else f"art-{article.key}"


def _targets(annex: Annex) -> dict[str, str]:
    found = {a.anchor: _anchor(a) for a in annex.articles}
    for module in annex.used:
        found.update({a.anchor: _anchor(a) for a in module.articles})
    return found


def _retarget(article: Article, targets: dict[str, str]) -> Article:
    def text(value: Rich) -> Rich:
        return Rich(tuple(attrs.evolve(s, target=targets.get(s.target, s.target))
                          if s.target else s for s in value.segs))

    return attrs.evolve(article, blocks=tuple(_map(b, text) for b in article.blocks))


def _map(block: Block, f: Callable[[Rich], Rich]) -> Block:
    if isinstance(block, Paragraph):
        return attrs.evolve(block, text=f(block.text))
    if isinstance(block, Enumeration):
        return attrs.evolve(block, intro=f(block.intro), items=tuple(f(i) for i in block.items))
    if isinstance(block, Facts):
        return attrs.evolve(block, facts=tuple(attrs.evolve(x, value=f(x.value))
                                               for x in block.facts))
    return attrs.evolve(block, caption=f(block.caption), rows=tuple(
        attrs.evolve(r, cells=tuple(f(c) for c in r.cells)) for r in block.rows))


# ------------------------------------------------------------------ articles


def _heading(article: Article) -> str:
    """As the annex heads it: the title with its article, no generated number."""
    if article.number is None:
        return article.label
    if article.key == "uitvoer" and article.kind == "Uitvoer":
        return article.title
    return f"{article.title} [{article.reference}]" if article.reference else article.title


def _articles(old: Sequence[Article], new: Sequence[Article]) -> list[RedlineArticle]:
    old_by_key = {a.key: a for a in old}
    new_keys = {a.key for a in new}
    # A removed article is shown after the article that preceded it in the old version.
    removed_after: dict[str | None, list[Article]] = {}
    previous: str | None = None
    for article in old:
        if article.key not in new_keys:
            removed_after.setdefault(previous, []).append(article)
        else:
            previous = article.key
    out: list[RedlineArticle] = []

    def removed(key: str | None) -> None:
        for article in removed_after.get(key, []):
            out.append(RedlineArticle(REMOVED, _heading(article), "oud-" + _anchor(article), None,
                                      tuple(_mark(_flat(b), DELETED) for b in article.blocks)))

    removed(None)
    for article in new:
        before = old_by_key.get(article.key)
        if before is None:
            out.append(RedlineArticle(ADDED, _heading(article), _anchor(article), None,
                                      tuple(_mark(_flat(b), INSERTED) for b in article.blocks)))
            continue
        blocks = _blocks([_flat(b) for b in before.blocks], [_flat(b) for b in article.blocks])
        changed = any(_has_change(b) for b in blocks)
        note = None
        out.append(RedlineArticle(CHANGED if changed else UNCHANGED, _heading(article),
                                  _anchor(article), note, tuple(blocks)))
        removed(article.key)
    return out


# ------------------------------------------------------------------ blocks


def _flat(block: Block) -> Block:
    """The reference of a paragraph as part of its text, so a changed reference shows up."""
    if isinstance(block, Paragraph) and block.reference:
        return attrs.evolve(block, text=rich(block.text, " ", ref(block.reference)), reference=None)
    if isinstance(block, Enumeration) and block.reference:
        return attrs.evolve(block, intro=rich(block.intro, " ", ref(block.reference)),
                            reference=None)
    return block


def _mark(block: Block, change: str) -> Block:
    block = _map(block, lambda text: text.with_change(change))
    if isinstance(block, Table):
        block = attrs.evolve(block, rows=tuple(attrs.evolve(r, change=change)
                                               for r in block.rows))
    return block


def _has_change(block: Block) -> bool:
    texts: list[Rich] = []
    if isinstance(block, Paragraph):
        texts = [block.text]
    elif isinstance(block, Enumeration):
        texts = [block.intro, *block.items]
    elif isinstance(block, Facts):
        texts = [f.value for f in block.facts]
    else:
        if any(r.change for r in block.rows):
            return True
        texts = [block.caption, *(c for r in block.rows for c in r.cells)]
    return any(s.change for text in texts for s in text.segs)


def _blocks(old: Sequence[Block], new: Sequence[Block]) -> list[Block]:
    matcher = difflib.SequenceMatcher(None, [b.key for b in old], [b.key for b in new],
                                      autojunk=False)
    out: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [_block(a, b) for a, b in zip(old[i1:i2], new[j1:j2])]
            continue
        out += [_mark(b, DELETED) for b in old[i1:i2]]
        out += [_mark(b, INSERTED) for b in new[j1:j2]]
    return out


def _block(old: Block, new: Block) -> Block:
    if isinstance(old, Paragraph) and isinstance(new, Paragraph):
        return attrs.evolve(new, text=diff_text(old.text, new.text))
    if isinstance(old, Enumeration) and isinstance(new, Enumeration):
        return attrs.evolve(new, intro=diff_text(old.intro, new.intro),
                            items=tuple(_items(old.items, new.items)))
    if isinstance(old, Facts) and isinstance(new, Facts):
        return attrs.evolve(new, facts=tuple(_facts(old.facts, new.facts)))
    if isinstance(old, Table) and isinstance(new, Table):
        return attrs.evolve(new, caption=diff_text(old.caption, new.caption),
                            rows=tuple(_rows(old.rows, new.rows)))
    return new  # a block that changed kind is not compared within


def _items(old: Sequence[Rich], new: Sequence[Rich]) -> list[Rich]:
    matcher = difflib.SequenceMatcher(None, [i.plain() for i in old], [i.plain() for i in new],
                                      autojunk=False)
    out: list[Rich] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            out += [diff_text(a, b) for a, b in zip(old[i1:i2], new[j1:j2])]
            continue
        out += [i.with_change(DELETED) for i in old[i1:i2]]
        out += [i.with_change(INSERTED) for i in new[j1:j2]]
    return out


def _facts(old: Sequence[Fact], new: Sequence[Fact]) -> list[Fact]:
    before = {f.name: f for f in old}
    names = {f.name for f in new}
    out = []
    for fact in new:
        previous = before.get(fact.name)
        value = diff_text(previous.value, fact.value) if previous else \
            fact.value.with_change(INSERTED)
        out.append(attrs.evolve(fact, value=value))
    out += [attrs.evolve(f, value=f.value.with_change(DELETED)) for f in old if f.name not in names]
    return out


def _rows(old: Sequence[TableRow], new: Sequence[TableRow]) -> list[TableRow]:
    matcher = difflib.SequenceMatcher(None, [r.key for r in old], [r.key for r in new],
                                      autojunk=False)
    out: list[TableRow] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for a, b in zip(old[i1:i2], new[j1:j2]):
                cells = tuple(diff_text(x or Rich(), y or Rich())
                              for x, y in zip_longest(a.cells, b.cells))
                out.append(attrs.evolve(b, cells=cells))
            continue
        out += [attrs.evolve(r, change=DELETED, cells=tuple(c.with_change(DELETED)
                                                             for c in r.cells))
                for r in old[i1:i2]]
        out += [attrs.evolve(r, change=INSERTED, cells=tuple(c.with_change(INSERTED)
                                                              for c in r.cells))
                for r in new[j1:j2]]
    return out


# ------------------------------------------------------------------ words


def _token_key(seg: Seg) -> tuple[str, str, str | None]:
    return (seg.kind, seg.text, seg.target)


def diff_text(old: Rich, new: Rich) -> Rich:
    """Word by word: unchanged words as they are, deleted ones marked `del`, new ones `ins`."""
    if old == new:
        return new
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [_token_key(s) for s in a],
                                      [_token_key(s) for s in b], autojunk=False)
    out: list[Seg] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += b[j1:j2]
            continue
        out += [attrs.evolve(s, change=DELETED) for s in a[i1:i2]]
        if tag == "replace":
            out.append(Seg(" "))  # `<del>€ 7,58</del> <ins>€ 7,73</ins>`, not glued together
        out += [attrs.evolve(s, change=INSERTED) for s in b[j1:j2]]
    return Rich(tuple(_tidy(out))).normalized()


def _tidy(segs: list[Seg]) -> list[Seg]:
    """A lone space between two changes joins them, so `<del>a</del> <del>b</del>` reads as one."""
    out = list(segs)
    for index in range(1, len(out) - 1):
        seg = out[index]
        if seg.change is None and seg.kind != REF and not seg.text.strip():
            before, after = out[index - 1].change, out[index + 1].change
            if before is not None and before == after:
                out[index] = attrs.evolve(seg, change=before)
    return out
