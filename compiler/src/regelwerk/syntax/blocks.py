"""Parsing a rule file block by block, so an edit parses only the block it touched.

A rule file is a header followed by top-level blocks, each starting at the first column with a
definition keyword and holding its indented lines. Blocks are independent in the grammar, so a
block can be parsed on its own: behind a stand-in header, with its spans moved to its own lines,
its IR is the IR the whole file would give it. The header and the blocks are put
together into the module. An editor re-parses only the blocks whose text changed.

Whenever a block does not parse on its own (a syntax error, or a line that joins onto the one
before it), the whole file is parsed as usual, so errors read exactly as `regelwerk check` gives them.
"""

from __future__ import annotations

import re

import attrs
from lark import Token
from lark.tree import Meta

from regelwerk.diagnostics import Diagnostic
from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.syntax.builder import Builder, build
from regelwerk.syntax.parser import parse

TOP = re.compile(
    r"(?:regeling|module|gebruik|invoer|parameter|keuze|gegevens|tabel|regel|uitvoer|test)\b")
DEFINITION = re.compile(
    r"(?:gebruik|invoer|parameter|keuze|gegevens|tabel|regel|uitvoer|test)\b")

Built = tuple[ir.Module | None, list[Diagnostic]]


@attrs.frozen
class Block:
    first_line: int  # 1-based
    text: str


def split(text: str) -> list[Block] | None:
    """The header and the top-level definition blocks; None when the file has no clear blocks."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if i > 0 and DEFINITION.match(line)]
    if not lines or not TOP.match(_first_code_line(lines)):
        return None
    blocks = []
    bounds = [0, *starts, len(lines)]
    for begin, end in zip(bounds, bounds[1:]):
        chunk = "\n".join(lines[begin:end])
        if end < len(lines):
            chunk += "\n"
        blocks.append(Block(begin + 1, chunk))
    return blocks


def _first_code_line(lines: list[str]) -> str:
    return next((line for line in lines if line.strip() and not line.lstrip().startswith("#")), "")


_STAND_IN = "module blok\n"


class _Shifted(Builder):
    """The builder, with every span moved down to where the block stands in its file."""

    def __init__(self, path: str, offset: int) -> None:
        super().__init__(path)
        self.offset = offset

    def span(self, meta: Meta) -> Span:
        found = super().span(meta)
        return found if getattr(meta, "empty", True) else self._moved(found)

    def tspan(self, token: Token) -> Span:
        return self._moved(super().tspan(token))

    def _moved(self, span: Span) -> Span:
        return Span(span.file, span.line + self.offset, span.column, span.end_line + self.offset,
                    span.end_column)


def parse_block(block: Block, path: str) -> Built:
    """One definition block behind the stand-in header (line 1), its spans moved to its lines."""
    tree, problems = parse(_STAND_IN + block.text, path)
    if tree is None:
        return None, problems
    builder = _Shifted(path, block.first_line - 2)
    module = builder.transform(tree)
    return module, builder.diagnostics


def parse_header(block: Block, path: str) -> Built:
    tree, problems = parse(block.text, path)
    if tree is None:
        return None, problems
    return build(tree, path)


def combine(header: ir.Module, parts: list[ir.Module]) -> ir.Module:
    return attrs.evolve(
        header,
        uses=header.uses + tuple(u for p in parts for u in p.uses),
        definitions=header.definitions + tuple(d for p in parts for d in p.definitions),
        outputs=header.outputs + tuple(o for p in parts for o in p.outputs),
        tests=header.tests + tuple(t for p in parts for t in p.tests),
        articles=header.articles + tuple(a for p in parts for a in p.articles),
    )


@attrs.define
class BlockCache:
    """The blocks of one file as last parsed, by their text and first line."""

    blocks: dict[tuple[int, str], Built] = attrs.field(factory=dict)

    def parse(self, text: str, path: str) -> Built | None:
        """The module of `text` from its blocks, reusing unchanged ones; None when the file must
        be parsed whole (the caller then does so)."""
        blocks = split(text)
        if blocks is None:
            return None
        fresh: dict[tuple[int, str], Built] = {}
        results: list[Built] = []
        for index, block in enumerate(blocks):
            key = (block.first_line, block.text)
            built = self.blocks.get(key)
            if built is None:
                built = (parse_header if index == 0 else parse_block)(block, path)
            if built[0] is None:
                return None
            fresh[key] = built
            results.append(built)
        self.blocks = fresh
        header = results[0][0]
        assert header is not None
        parts = [module for module, _ in results[1:] if module is not None]
        problems = [p for _, found in results for p in found]
        return combine(header, parts), problems
