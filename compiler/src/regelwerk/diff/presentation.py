"""One side of a diff as people read it: the annex of the version, its article numbers and sentences.

The meaning is compared on the core IR (`diff.meaning`); this is where the surface serves presentation.
"""

from __future__ import annotations

from regelwerk.backends.annex.document import Builder
from regelwerk.backends.annex.model import Article, Enumeration, Paragraph
from regelwerk.core.formula import formula
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.pipeline import CheckedModule
from regelwerk.runtime import voorlopig_tekst


class Rendered:
    """One side with what the comparison needs: its annex builder, numbers and texts."""

    def __init__(self, checked: CheckedModule) -> None:
        self.checked = checked
        self.module = checked.module
        self.builder = Builder(checked)
        self.annex = self.builder.build()
        self.articles = {a.key: a for a in self.annex.articles}
        self.used_articles = {(m.name, a.key): a for m in self.annex.used for a in m.articles}

    def number(self, name: str) -> int | None:
        return self.builder.numbers.get(name)

    def article(self, module: str | None, name: str) -> Article | None:
        if module is None:
            return self.articles.get(name)
        return self.used_articles.get((module, name))

    def type_of(self, node: object) -> t.Type | None:
        found = self.checked.program.types.get(node)
        return found if isinstance(found, t.Type) else None



def ref(reference: ir.Reference | None) -> str | None:
    return reference.text if reference is not None else None


def formula_of(expr: ir.Expr | None) -> str | None:
    return formula(expr) if expr is not None else None


def describe(label: str | None, reference: ir.Reference | None) -> str:
    return (label or "") + (f" [{reference.text}]" if reference else "")


def unknown_text(unknown: ir.Unknown | None) -> str | None:
    return None if unknown is None else f"onbekend ({unknown.reason})"


def provisional_text(provisional: ir.Provisional | None) -> str | None:
    if provisional is None:
        return None
    return voorlopig_tekst(provisional.reason)


def sentence(article: Article | None, key: str) -> str | None:
    if article is None:
        return None
    for block in article.blocks:
        if block.key != key:
            continue
        if isinstance(block, Paragraph):
            return block.text.plain() + (f" [{block.reference}]" if block.reference else "")
        if isinstance(block, Enumeration):
            items = "; ".join(f"{i + 1}. {item.plain()}" for i, item in enumerate(block.items))
            return f"{block.intro.plain()} {items}." + (
                f" [{block.reference}]" if block.reference else "")
    return None

