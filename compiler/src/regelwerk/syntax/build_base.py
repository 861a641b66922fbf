"""What every part of the builder stands on: the walk over the Lark tree, spans, notes and dates.

The builder is split by the part of the language it builds (build_expressions.py, build_tables.py,
builder.py); they share this base so that each finds spans, diagnostics and the merged label and
reference of a definition in one place. The rules here (annotations, `voorlopig`, `onbekend`) occur
in definitions and tables alike.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
from lark import Token, Tree
from lark.tree import Meta

from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.syntax import literals


@attrs.frozen
class Annotation:
    """The label and legal reference of one line, merged per definition by `annotations`."""

    label: str | None
    reference: ir.Reference | None


def unquote(text: str) -> str:
    """The text of a quoted string, its escapes (\\n, \\t, \\") decoded."""
    body = text[1:-1]
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


class BuilderBase:
    """Bottom-up over the Lark tree: a method per rule, called with the rule's meta and its
    children already built. (Lark's own Transformer wraps every call; this is a third faster.)"""

    def __init__(self, path: str) -> None:
        self.reset(path)

    def reset(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def transform(self, tree: Tree[Token]) -> Any:
        children = [self.transform(c) if isinstance(c, Tree) else c for c in tree.children]
        method = getattr(self, str(tree.data), None)
        if method is None:
            return Tree(tree.data, children, tree.meta)
        return method(tree.meta, children)

    # ------------------------------------------------------------- helpers
    def span(self, meta: Meta) -> Span:
        if getattr(meta, "empty", True):
            return Span(self.path, 1, 1, 1, 1)
        return Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column)

    def tspan(self, token: Token) -> Span:
        line = token.line or 1
        column = token.column or 1
        return Span(self.path, line, column, token.end_line or line, token.end_column or column + 1)

    @staticmethod
    def annotations(children: list[Any]) -> Annotation:
        """Merge the label and reference from the definition line and from detail lines."""
        label: str | None = None
        reference: ir.Reference | None = None
        for child in children:
            if isinstance(child, Annotation):
                label = label if child.label is None else (child.label if label is None else
                                                           label + "\n" + child.label)
                reference = reference or child.reference
            elif isinstance(child, list):
                for item in child:
                    if isinstance(item, Annotation):
                        label = item.label if label is None else (
                            label if item.label is None else label + "\n" + item.label)
                        reference = reference or item.reference
        return Annotation(label, reference)

    # ------------------------------------------------------------- annotations
    def annotation(self, meta: Meta, children: list[Token]) -> Annotation:
        label = None
        reference = None
        for token in children:
            if token is None:
                continue
            if token.type == "STRING":
                label = unquote(token)
            elif token.type == "REF":
                reference = ir.Reference(str(token)[1:-1].strip(), self.tspan(token))
        return Annotation(label, reference)

    detail = annotation

    def details(self, meta: Meta, children: list[Annotation]) -> list[Annotation]:
        return list(children)

    def provisional(self, meta: Meta, children: list[Token | None]) -> ir.Provisional:
        reason = next((unquote(t) for t in children if t is not None), "")
        return ir.Provisional(reason, self.span(meta))

    def unknown(self, meta: Meta, children: list[Token]) -> ir.Unknown:
        return ir.Unknown(unquote(children[0]), self.span(meta))

    def date_value(self, token: Token) -> datetime.date:
        try:
            return literals.parse_date(str(token))
        except ValueError:
            self.diagnostics.append(
                error("RW006", f"de datum {token} bestaat niet", self.tspan(token),
                      "schrijf een bestaande datum als jjjj-mm-dd, bijv. 2026-01-01")
            )
            return datetime.date(1, 1, 1)
