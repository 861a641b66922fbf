"""The printer's bookkeeping, apart from what it prints: tokens, comments, lines and the page.

Every piece of output is taken from the source token by token (`LinePrinter.take`), so that a
comment is placed just before the first token that followed it, and a token the tree and the
source disagree about is a `FormatterBug` rather than a silently changed file. Statements become
`Out` lines here, and `LinePrinter.layout` joins them with references aligned per block; what a
line holds is decided by the subclasses (expressions.py, printer.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import attrs
from lark import Token, Tree

from regelwerk.fmt import numbers
from regelwerk.fmt.comments import Comment, indent_width
from regelwerk.fmt.doc import Comment as CommentDoc
from regelwerk.fmt.doc import Docs, Quiet, render, text_width

INDENT = 2
# A reference starts at most at this column (counted from 0): a line whose text reaches further
# puts its reference two spaces after the text, and does not push the column of its block.
REF_COLUMN_MAX = 64

# One spelling per operator, the one legal texts print.
CANONICAL = {"TIMES": "×", "DIVIDE": "/", "MINUS": "-", "NOT_EQUAL": "≠", "AT_MOST": "≤",
             "AT_LEAST": "≥"}
# Rules whose only job is to choose between alternatives: the tree keeps them as a wrapper.
WRAPPERS = frozenset({"parameter_line", "choice_line", "field_line", "table_option", "rule_line",
                      "input_line"})


class FormatterBug(Exception):
    """The printer met something it does not expect: a bug in the formatter, never in the rules."""


@attrs.define
class Out:
    """One printed line of the file (or several, for a long statement), before references align."""

    lines: list[str]
    level: int
    kind: str = "code"  # code | comment
    ref: str | None = None
    comment: str | None = None
    group: int = 0
    blank_before: bool = False
    blank_after: bool = False  # a comment with an empty line after it in the source
    cells: list[str] | None = None  # a table row, laid out when the whole table is known
    doc: Docs = ""  # what is printed before the reference


def canonical(token: Token) -> str:
    """The one spelling of a token: numbers in Dutch notation, operators as the law prints them."""
    kind = token.type
    if kind == "MONEY":
        return numbers.money(str(token))
    if kind == "PERCENT":
        return numbers.percent(str(token))
    if kind == "NUMBER":
        return numbers.number(str(token))
    return CANONICAL.get(kind, str(token))


def children_of(tree: Tree[Token]) -> list[Any]:
    return [child for child in tree.children if child is not None]


def is_rule(node: Any, *names: str) -> bool:
    return isinstance(node, Tree) and node.data in names


def unwrap(node: Any) -> Any:
    while isinstance(node, Tree) and node.data in WRAPPERS and len(children_of(node)) == 1 \
            and isinstance(children_of(node)[0], Tree):
        node = children_of(node)[0]
    return node


class LinePrinter:
    """Takes the tokens of the source in order and collects the statements as lines."""

    def __init__(self, text: str, tokens: list[Token], comments: list[Comment]) -> None:
        self.text = text
        self.tokens = tokens
        self.index = 0
        self.comments = comments
        self.comment_index = 0
        self.blanked = _blank_comments(text, comments)
        self.out: list[Out] = []
        self.level = 0
        self.stack: list[tuple[int, int]] = []  # (source column, level) of the open statements
        self.last_chain: list[tuple[int, int]] = []  # the same, up to the last statement begun
        self.groups = 0
        self.group = 0
        self.blank = False
        self.depth = 0  # parentheses around the expression being printed
        self.bare = False  # the expression fills a pair of parentheses on lines of its own
        self.last: Token | None = None

    # ------------------------------------------------------------------ tokens and comments
    def peek(self) -> Token:
        if self.index >= len(self.tokens):
            raise FormatterBug("de tekst houdt eerder op dan de boom")
        return self.tokens[self.index]

    def take(self, expected: str | Token) -> Docs:
        """The next token of the source, which must be `expected`, with the comments before it."""
        token = self.peek()
        if isinstance(expected, Token):
            if token.start_pos != expected.start_pos:
                raise FormatterBug(f"verwacht {expected!r} op {expected.start_pos}, "
                                   f"gevonden {token!r} op {token.start_pos}")
        elif str(token) != expected:
            raise FormatterBug(f"verwacht '{expected}', gevonden {token!r} op regel {token.line}")
        self.index += 1
        text = canonical(token)
        position = token.start_pos or 0
        if self.comment_index < len(self.comments) and \
                self.comments[self.comment_index].position < position:
            docs: list[Docs] = []
            while self.comment_index < len(self.comments) and \
                    self.comments[self.comment_index].position < position:
                comment = self.comments[self.comment_index]
                self.comment_index += 1
                docs.append(CommentDoc(comment.text, comment.own_line))
            docs.append(text)
            self.last = token
            return docs
        self.last = token
        return text

    def words(self, *words: str) -> Docs:
        parts: list[Docs] = []
        for word in words:
            if parts:
                parts.append(" ")
            parts.append(self.take(word))
        return parts

    def quiet(self, docs: Docs) -> Docs:
        return Quiet(docs) if isinstance(docs, str) else docs

    def _column(self, token: Token) -> int:
        start = token.start_pos or 0
        line_start = self.text.rfind("\n", 0, start) + 1
        return indent_width(self.text[line_start:start])

    def _comment_level(self, comment: Comment, next_level: int) -> int:
        """The level of an own-line comment: as deep as it is indented, between what surrounds it."""
        if not self.last_chain:
            return next_level
        level = 0
        for column, chain_level in self.last_chain:
            if column <= comment.column:
                level = chain_level
        last_column, last_level = self.last_chain[-1]
        if comment.column > last_column:
            level = last_level + 1
        return max(level, next_level)

    def flush_comments(self, position: int, next_level: int) -> None:
        while self.comment_index < len(self.comments) and \
                self.comments[self.comment_index].position < position:
            comment = self.comments[self.comment_index]
            self.comment_index += 1
            level = self._comment_level(comment, next_level)
            previous = self.out[-1] if self.out else None
            blank = False
            if level == 0 and previous is not None:
                blank = comment.blank_before or not (previous.kind == "comment"
                                                     and previous.level == 0)
            elif previous is not None and previous.kind == "comment" and previous.level == 0 \
                    and previous.blank_after:
                blank = True  # the blank line after a comment that starts a block stays, and so does the block
            self.out.append(Out([" " * (INDENT * level) + comment.text], level, kind="comment",
                                group=self.group, blank_before=blank,
                                blank_after=comment.blank_after))
            if level == 0 and comment.blank_after:
                # A comment standing on its own between definitions starts a new block.
                self.group = self.new_group()

    def new_group(self) -> int:
        self.groups += 1
        return self.groups

    # ------------------------------------------------------------------ statements (lines)
    def begin(self) -> None:
        """A statement (one logical line) starts: place the comments before it."""
        token = self.peek()
        self.flush_comments(token.start_pos or 0, self.level)
        self.last_chain = self.stack + [(self._column(token), self.level)]
        self.blank = False
        if self.level == 0 and self.out:
            previous = self.out[-1]
            attached = previous.kind == "comment" and previous.level == 0 and \
                not previous.blank_after
            self.blank = not attached

    def end(self, parts: Docs, annotation: Tree[Token] | None = None) -> Out:
        """The statement ends: its label and reference, and a comment after it on the line."""
        out = self.finish(parts, annotation, bool(parts))
        out.lines = render(out.doc, INDENT * self.level)
        return out

    def finish(self, parts: Docs, annotation: Tree[Token] | None, has_text: bool) -> Out:
        ref: str | None = None
        content: list[Docs] = [parts]
        for token in children_of(annotation) if annotation is not None else []:
            if token.type == "REF":
                self.take(token)
                ref = str(token)
            else:
                label = self.quiet(self.take(token))
                content.append([" ", label] if has_text else label)
        out = Out([], self.level, ref=ref, group=self.group, blank_before=self.blank,
                  doc=content)
        out.comment = self._trailing_comment()
        self.out.append(out)
        return out

    def _trailing_comment(self) -> str | None:
        if self.comment_index < len(self.comments):
            comment = self.comments[self.comment_index]
            if not comment.own_line and self.last is not None and \
                    comment.line == (self.last.end_line or self.last.line):
                self.comment_index += 1
                return comment.text
        return None

    @contextmanager
    def nested(self) -> Iterator[None]:
        saved = self.stack
        self.stack = list(self.last_chain)
        self.level += 1
        try:
            yield
        finally:
            self.level -= 1
            self.stack = saved

    def block(self, items: Sequence[Any], print_item: Callable[[Any], None]) -> None:
        with self.nested():
            for item in items:
                if item is not None:
                    print_item(unwrap(item))

    # ------------------------------------------------------------------ the page
    def layout(self) -> str:
        """Join the printed lines; references in the column of their block."""
        columns: dict[int, int] = {}
        for out in self.out:
            if out.ref is None or not out.lines or not out.lines[-1].strip():
                continue
            width = text_width(out.lines[-1]) + 2
            if width <= REF_COLUMN_MAX:
                columns[out.group] = max(columns.get(out.group, 0), width)
        lines: list[str] = []
        for out in self.out:
            if out.blank_before and lines:
                lines.append("")
            body = list(out.lines) or [""]
            last = body[-1]
            if out.ref is not None:
                if not last.strip():
                    last = " " * (INDENT * out.level) + out.ref
                else:
                    width = text_width(last)
                    column = columns.get(out.group, 0)
                    last += " " * (column - width if width + 2 <= column else 2) + out.ref
            if out.comment is not None:
                last = last + "  " + out.comment if last.strip() else \
                    " " * (INDENT * out.level) + out.comment
            body[-1] = last
            lines.extend(body)
        return "\n".join(lines) + "\n"


def _blank_comments(text: str, comments: list[Comment]) -> str:
    """The source with every comment replaced by spaces (same length, same positions)."""
    if not comments:
        return text
    pieces = []
    position = 0
    for comment in comments:
        end = text.find("\n", comment.position)
        end = len(text) if end < 0 else end
        pieces.append(text[position:comment.position])
        pieces.append(" " * (end - comment.position))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
