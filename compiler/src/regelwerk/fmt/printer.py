"""Prints the syntax tree of a rule file in the one canonical layout.

The printer walks the Lark tree in source order and takes every token of the source as it goes
(keywords and punctuation too, which the tree leaves out), so each piece of output knows where it
came from. That is how comments find their place: a comment is printed just before the first token
that followed it in the source. Checking every token against the source on the way also means the
printer cannot silently drop or invent one: a mismatch is a `FormatterBug`.

The layout, in short (docs/taal/opmaak.md explains it for analysts):
- two spaces per level of indentation; one empty line between top-level definitions, none inside;
- legal references `[...]` in one column per block (see `REF_COLUMN_MAX`);
- table columns padded so that the pipes line up (display width: € and é count one);
- numbers as `€ 1.234,56` and `13,6 %`, operators as × ≠ ≤ ≥;
- expressions longer than `WIDTH` broken before an operator, `dan`, `anders`, `over`, ... (or after
  one where the layout rules require it), continuation lines indented by two.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import attrs
from lark import Token, Tree

from regelwerk.fmt import numbers
from regelwerk.fmt.comments import Comment, indent_width
from regelwerk.fmt.doc import (
    LINE,
    SOFTLINE,
    WIDTH,
    Align,
    Docs,
    Fill,
    Group,
    Nest,
    Quiet,
    render,
    text_width,
)
from regelwerk.fmt.doc import Comment as CommentDoc
from regelwerk.fmt.doc import flat as flat_text

INDENT = 2
# A reference starts at most at this column (counted from 0): a line whose text reaches further
# puts its reference two spaces after the text, and does not push the column of its block.
REF_COLUMN_MAX = 64

# One spelling per operator, the one legal texts print.
CANONICAL = {"TIMES": "×", "DIVIDE": "/", "MINUS": "-", "NOT_EQUAL": "≠", "AT_MOST": "≤",
             "AT_LEAST": "≥"}
SUM_OPS = frozenset({"PLUS", "MINUS"})
TERM_OPS = frozenset({"TIMES", "DIVIDE"})
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
    kind = token.type
    if kind == "MONEY":
        return numbers.money(str(token))
    if kind == "PERCENT":
        return numbers.percent(str(token))
    if kind == "NUMBER":
        return numbers.number(str(token))
    return CANONICAL.get(kind, str(token))


def _children(tree: Tree[Token]) -> list[Any]:
    return [child for child in tree.children if child is not None]


def _is(node: Any, *names: str) -> bool:
    return isinstance(node, Tree) and node.data in names


def _unwrap(node: Any) -> Any:
    while isinstance(node, Tree) and node.data in WRAPPERS and len(_children(node)) == 1 \
            and isinstance(_children(node)[0], Tree):
        node = _children(node)[0]
    return node


class Printer:
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
                self.group = self._new_group()

    def _new_group(self) -> int:
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
        out = self._finish(parts, annotation, bool(parts))
        out.lines = render(out.doc, INDENT * self.level)
        return out

    def _finish(self, parts: Docs, annotation: Tree[Token] | None, has_text: bool) -> Out:
        ref: str | None = None
        content: list[Docs] = [parts]
        for token in _children(annotation) if annotation is not None else []:
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
                    print_item(_unwrap(item))

    # ------------------------------------------------------------------ the file
    def module(self, tree: Tree[Token]) -> str:
        children = _children(tree)
        self.header(children[0])
        for definition in children[1:]:
            self.definition(_unwrap(definition))
        self.flush_comments(len(self.text) + 1, 0)
        if self.index != len(self.tokens):
            raise FormatterBug(f"niet alle tekst is afgedrukt: {self.tokens[self.index]!r}")
        return self.layout()

    def header(self, tree: Tree[Token]) -> None:
        kind, name, annotation, *items = _children(tree)
        self.begin()
        self.end([self.take(kind.children[0]), " ", self.take(name)], annotation)
        self.block(items, self.header_item)

    def header_item(self, tree: Tree[Token]) -> None:
        self.begin()
        value = _children(tree)[0]
        keywords = {"titel": ("titel",), "versie": ("versie",), "geldig_vanaf": ("geldig", "vanaf"),
                    "geldig_tot": ("geldig", "tot"), "geldig_tot_en_met": ("geldig", "tot", "en", "met"),
                    "bron": ("bron",), "omschrijving": ()}
        if tree.data not in keywords:
            raise FormatterBug(f"onbekend onderdeel van de kop: {tree.data}")
        words = keywords[tree.data]
        parts: list[Docs] = [self.words(*words), " "] if words else []
        parts.append(self.take(value))
        self.end(parts)

    def definition(self, tree: Tree[Token]) -> None:
        printer = getattr(self, f"d_{tree.data}", None)
        if printer is None:
            raise FormatterBug(f"onbekende definitie: {tree.data}")
        printer(tree)

    def d_gebruik(self, tree: Tree[Token]) -> None:
        self.begin()
        keyword = self.take("gebruik")
        self.end([keyword, " ", Align(self.names(_children(tree)))])

    def d_uitvoer(self, tree: Tree[Token]) -> None:
        self.begin()
        keyword = self.take("uitvoer")
        self.end([keyword, " ", Align(self.names(_children(tree)))])

    def names(self, tokens: list[Token]) -> Fill:
        items: list[Docs] = [self.take(tokens[0])]
        separators: list[Docs] = []
        for token in tokens[1:]:
            separators.append(self.take(","))
            items.append(self.take(token))
        return Fill(items, separators)

    def d_invoer(self, tree: Tree[Token]) -> None:
        name, type_, annotation, *lines = _children(tree)
        self.begin()
        parts = [self.take("invoer"), " ", self.take(name), self.take(":"), " ", self.type(type_)]
        self.end(parts, annotation)
        self.block(lines, self.input_line)

    def input_line(self, tree: Tree[Token]) -> None:
        if _is(tree, "detail"):
            self.detail(tree)
            return
        if not _is(tree, "requirement"):
            raise FormatterBug(f"onbekende regel bij een invoer: {tree.data}")
        condition, annotation = _children(tree)
        self.begin()
        self.end([self.take("eis"), " ", self.top(condition)], annotation)

    def details(self, details: list[Any]) -> None:
        for tree in details:
            if tree is not None:
                self.block(_children(tree), self.detail)

    def detail(self, tree: Tree[Token]) -> None:
        if not _is(tree, "detail"):
            raise FormatterBug(f"verwacht een detailregel, gevonden {tree!r}")
        self.begin()
        self.end([], tree)

    def d_parameter(self, tree: Tree[Token]) -> None:
        name, type_, *rest = _children(tree)
        self.begin()
        parts: list[Docs] = [self.take("parameter"), " ", self.take(name), self.take(":"), " ",
                             self.type(type_)]
        if _is(rest[0], "annotation"):
            self.end(parts, rest[0])
            self.block(rest[1:], self.parameter_line)
            return
        parts += [" ", self.take("="), " ", self.top(rest[0])]
        rest = rest[1:]
        if _is(rest[0], "provisional"):
            parts.append(self.provisional(rest.pop(0)))
        self.end(parts, rest[0])
        self.details(rest[1:])

    def parameter_line(self, tree: Tree[Token]) -> None:
        if _is(tree, "detail"):
            self.detail(tree)
            return
        if not _is(tree, "dated_value"):
            raise FormatterBug(f"onbekende regel in een parameter: {tree.data}")
        date, expr, *rest = _children(tree)
        self.begin()
        parts: list[Docs] = [self.take("vanaf"), " ", self.take(date), self.take(":"), " "]
        parts.append(self.unknown(expr) if _is(expr, "unknown") else self.top(expr))
        if _is(rest[0], "provisional"):
            parts.append(self.provisional(rest.pop(0)))
        self.end(parts, rest[0])

    def unknown(self, tree: Tree[Token]) -> Docs:
        (reason,) = _children(tree)
        return [self.take("onbekend"), " ", self.quiet(self.take(reason))]

    def provisional(self, tree: Tree[Token]) -> Docs:
        parts: list[Docs] = [" ", self.quiet(self.take("voorlopig"))]
        for token in _children(tree):
            parts += [" ", self.quiet(self.take(token))]
        return parts

    def d_keuze(self, tree: Tree[Token]) -> None:
        name, *rest = _children(tree)
        self.begin()
        parts: list[Docs] = [self.take("keuze"), " ", self.take(name)]
        if rest and isinstance(rest[0], Token):
            colon = self.take(":")
            options = [t for t in rest if isinstance(t, Token)]
            trees = [t for t in rest if isinstance(t, Tree)]
            parts += [colon, " ", Align(self.names(options))]
            self.end(parts, trees[0])
            self.details(trees[1:])
            return
        self.end(parts, rest[0])
        self.block(rest[1:], self.choice_line)

    def choice_line(self, tree: Tree[Token]) -> None:
        if _is(tree, "detail"):
            self.detail(tree)
            return
        name, annotation, *details = _children(tree)
        self.begin()
        self.end([self.take(name)], annotation)
        self.details(details)

    def d_gegevens(self, tree: Tree[Token]) -> None:
        name, *rest = _children(tree)
        self.begin()
        parts: list[Docs] = [self.take("gegevens"), " ", self.take(name)]
        if _is(rest[0], "dotted_name"):  # `zoals periodes.prestatie`
            parts += [" ", self.take("zoals"), " ", self.dotted(rest.pop(0))]
        self.end(parts, rest[0])
        self.block(rest[1:], self.field_line)

    def field_line(self, tree: Tree[Token]) -> None:
        if _is(tree, "detail"):
            self.detail(tree)
            return
        name, type_, *rest = _children(tree)
        self.begin()
        parts: list[Docs] = [self.take(name), self.take(":"), " ", self.type(type_)]
        if not _is(rest[0], "annotation"):  # `= € 0,00`: the default
            parts += [" ", self.take("="), " ", self.top(rest.pop(0))]
        self.end(parts, rest[0])
        self.details(rest[1:])

    # ------------------------------------------------------------------ article texts
    def d_artikel(self, tree: Tree[Token]) -> None:
        annotation, *lines = _children(tree)
        self.begin()
        self.end([self.take("artikel")], annotation)
        self.block(lines, self.article_line)

    def article_line(self, tree: Tree[Token]) -> None:
        """An article line; a text line is printed as written: it is the law, never re-wrapped."""
        words = {"article_source": ("bron",), "article_date": ("geldend", "op"),
                 "article_partial": ("gedeeltelijk",), "article_text": ()}
        if tree.data not in words:
            raise FormatterBug(f"onbekende regel bij een artikel: {tree.data}")
        self.begin()
        value = _children(tree)[0]
        parts: list[Docs] = [self.words(*words[tree.data]), " "] if words[tree.data] else []
        parts.append(self.quiet(self.take(value)))
        self.end(parts)

    # ------------------------------------------------------------------ tables
    def d_tabel(self, tree: Tree[Token]) -> None:
        name, annotation, *rest = _children(tree)
        self.begin()
        self.end([self.take("tabel"), " ", self.take(name)], annotation)
        self.block(rest, self.table_part)

    def table_part(self, tree: Tree[Token]) -> None:
        if _is(tree, "detail"):
            self.detail(tree)
        elif _is(tree, "first_hit"):
            self.begin()
            self.end(self.words("eerste", "treffer"))
        elif _is(tree, "table_rows"):
            self.table_rows(tree)
        elif _is(tree, "table_version"):
            date, *rest = _children(tree)
            self.begin()
            parts: list[Docs] = [self.take("vanaf"), " ", self.take(date), self.take(":")]
            if _is(rest[0], "unknown"):
                parts += [" ", self.unknown(rest.pop(0))]
            if _is(rest[0], "provisional"):
                parts.append(self.provisional(rest.pop(0)))
            self.end(parts, rest[0])
            self.block(rest[1:], self.table_part)
        else:
            raise FormatterBug(f"onbekend onderdeel van een tabel: {tree.data}")

    def table_rows(self, tree: Tree[Token]) -> None:
        saved = self.group
        self.group = self._new_group()
        rows: list[Out] = []
        for row in _children(tree):
            self.begin()
            if _is(row, "header_row"):
                cells = [self.column(column) for column in _children(row)]
                annotation = None
            elif _is(row, "row"):
                children = _children(row)
                cells = [self.cell(_unwrap(c)) for c in children
                         if not _is(c, "provisional", "annotation")]
                annotation = next(c for c in children if _is(c, "annotation"))
            else:
                raise FormatterBug(f"onbekende tabelregel: {row.data}")
            closing = self.take("|")
            provisional = [c for c in _children(row) if _is(c, "provisional")]
            suffix = self.provisional(provisional[0]) if provisional else []
            out = self._finish(suffix, annotation, True)
            out.cells = [flat_text(cell) for cell in cells] + [flat_text(closing)]
            rows.append(out)
        self._align_table(rows)
        self.group = saved

    def column(self, tree: Tree[Token]) -> Docs:
        name, type_ = _children(tree)
        bar = self.take("|")
        return [bar, " ", self.take(name), " ", self.take("("), self.type(type_), self.take(")")]

    def cell(self, tree: Tree[Token]) -> Docs:
        bar = self.take("|")
        return [bar, " ", self.cell_body(tree)]

    def cell_body(self, tree: Tree[Token]) -> Docs:
        kind = tree.data
        children = _children(tree)
        if kind == "any_cell":
            return self.take(children[0])
        if kind == "range_from":
            return [self.take("vanaf"), " ", self.expr(children[0]), self.upper(children[1:])]
        if kind == "range_above":
            return [self.words("meer", "dan"), " ", self.expr(children[0]),
                    self.upper(children[1:])]
        if kind == "range_upto":
            return self.upper(children)[1:]
        if kind == "compare_cell":
            return [self.tokens_of(children[0]), " ", self.expr(children[1])]
        if kind == "expr_cell":
            return self.expr(children[0])
        raise FormatterBug(f"onbekende cel: {kind}")

    def upper(self, children: list[Any]) -> list[Docs]:
        if not children:
            return []
        upper = children[0]
        words = ("tot",) if upper.data == "upper_exclusive" else ("tot", "en", "met")
        return [" ", self.words(*words), " ", self.expr(_children(upper)[0])]

    def _align_table(self, rows: list[Out]) -> None:
        """Pad every cell to the widest in its column, so the pipes line up."""
        widths: dict[int, int] = {}
        for row in rows:
            assert row.cells is not None
            if any("\n" in cell for cell in row.cells):
                continue
            for index, cell in enumerate(row.cells[:-1]):
                widths[index] = max(widths.get(index, 0), text_width(cell))
        for row in rows:
            assert row.cells is not None
            pieces = []
            for index, cell in enumerate(row.cells[:-1]):
                pieces.append(cell + " " * (widths.get(index, 0) - text_width(cell)) + " ")
            text = "".join(pieces) + row.cells[-1]
            suffix = flat_text(row.doc)
            lines = (" " * (INDENT * row.level) + text + suffix).split("\n")
            row.lines = [line.rstrip() for line in lines]

    # ------------------------------------------------------------------ rules
    def d_regel(self, tree: Tree[Token]) -> None:
        children = _children(tree)
        self.begin()
        parts: list[Docs] = [self.take("regel"), " "]
        if _is(children[0], "per_member"):
            member = children.pop(0)
            parts += [self.take("per"), " ", self.take(_children(member)[0]), " "]
        name = children.pop(0)
        parts.append(self.take(name))
        if _is(children[0], "arguments"):  # `(dag: datum; bedrag: bedrag)`
            items: list[Docs] = [self.take("(")]
            for index, argument in enumerate(_children(children.pop(0))):
                if index:
                    items += [self.take(";"), " "]
                argument_name, argument_type = _children(argument)
                items += [self.take(argument_name), self.take(":"), " ", self.type(argument_type)]
            parts += [items, self.take(")")]
        type_, annotation, *lines = children
        parts += [self.take(":"), " ", self.type(type_)]
        self.end(parts, annotation)
        self.block(lines, self.rule_line)

    def rule_line(self, tree: Tree[Token]) -> None:
        kind = tree.data
        children = _children(tree)
        if kind == "detail":
            self.detail(tree)
            return
        self.begin()
        if kind == "rule_value":
            self.end([self.take("="), " ", self.top(children[0])], children[1])
        elif kind == "rule_exception":
            condition, value, annotation = children
            self.end([self.words("behalve", "als"), " ", self.top(condition), self.take(":"), " ",
                      self.top(value)], annotation)
        elif kind == "rule_exception_block":
            condition, first, value, second = children
            self.end([self.words("behalve", "als"), " ", self.top(condition), self.take(":")],
                     first)
            with self.nested():
                self.begin()
                self.end(self.top(value), second)
        elif kind == "ordered_exceptions":
            self.end(self.words("uitzonderingen", "in", "volgorde"))
        else:
            raise FormatterBug(f"onbekende regel in een regel: {kind}")

    # ------------------------------------------------------------------ tests
    def d_test(self, tree: Tree[Token]) -> None:
        name, annotation, *lines = _children(tree)
        self.begin()
        self.end([self.take("test"), " ", self.take(name)], annotation)
        self.block(lines, self.test_line)

    def test_line(self, tree: Tree[Token]) -> None:
        kind = tree.data
        children = _children(tree)
        self.begin()
        if kind == "test_date":
            self.end([self.take("peildatum"), " ", self.take(children[0])])
            return
        if kind == "test_hidden":
            self.end(self.words("niet", "in", "de", "bijlage"))
            return
        if kind not in ("test_given", "test_expected"):
            raise FormatterBug(f"onbekende regel in een test: {kind}")
        keyword = self.take("gegeven" if kind == "test_given" else "verwacht")
        assert self.last is not None
        if self.peek().line == self.last.line:
            # `gegeven a = 1, b = 2` on the line itself, continued under the first assignment.
            self.end([keyword, " ", Align(self.assignments(children[0]))])
            return
        self.end(keyword)
        self.block(children, self.given_item)

    def given_item(self, tree: Tree[Token]) -> None:
        self.begin()
        if _is(tree, "assignments"):
            self.end(Nest(INDENT, self.assignments(tree)))
            return
        if not _is(tree, "list_value"):
            raise FormatterBug(f"onbekende invoer in een test: {tree.data}")
        name, *items = _children(tree)
        self.end([self.take(name), self.take(":")])
        with self.nested():
            for item in items:
                minus, assignments = _children(item)
                self.begin()
                self.end([self.take(minus), " ", Align(self.assignments(assignments))])

    def assignments(self, tree: Tree[Token]) -> Fill:
        items: list[Docs] = []
        separators: list[Docs] = []
        for assignment in _children(tree):
            if items:
                separators.append(self.take(","))
            if _is(assignment, "unknown_assignment"):
                (name,) = _children(assignment)
                items.append([self.take(name), " ", self.take("="), " ", self.take("onbekend")])
                continue
            name, *rounding, value = _children(assignment)
            parts: list[Docs] = [self.take(name)]  # tokens are taken in the order of the source
            parts += [[" ", self.rounding_words(r)] for r in rounding]
            items.append([parts, " ", self.take("="), " ", self.expr(value)])
        return Fill(items, separators)

    # ------------------------------------------------------------------ types
    def type(self, tree: Tree[Token]) -> Docs:
        if tree.data == "list_type":
            return [self.words("lijst", "van"), " ", self.dotted(_children(tree)[0])]
        base, *per = _children(tree)
        inner = _children(base)[0]
        parts: list[Docs] = [self.dotted(inner) if isinstance(inner, Tree) else self.take(inner)]
        for unit in per:
            parts += [" ", self.take("per"), " ", self.tokens_of(_children(unit)[0])]
        return parts

    def dotted(self, tree: Tree[Token]) -> Docs:
        parts: list[Docs] = []
        for token in _children(tree):
            if parts:
                parts.append(self.take("."))
            parts.append(self.take(token))
        return parts

    def tokens_of(self, tree: Tree[Token]) -> Docs:
        """A rule that keeps its tokens (`!rule` in the grammar): the words with one space."""
        parts: list[Docs] = []
        for token in _children(tree):
            if parts:
                parts.append(" ")
            parts.append(self.take(token))
        return parts

    # ------------------------------------------------------------------ expressions
    def parentheses(self, tree: Tree[Token], syntax_before: bool, syntax_after: bool) -> int:
        """How many pairs of parentheses the analyst put around this expression."""
        meta = tree.meta
        text = self.blanked
        before = 0
        position = meta.start_pos - 1
        while position >= 0:
            char = text[position]
            if char == "(":
                before += 1
            elif char not in " \t\r\n\f":
                break
            position -= 1
        after = 0
        position = meta.end_pos
        while position < len(text):
            char = text[position]
            if char == ")":
                after += 1
            elif char not in " \t\r\n\f":
                break
            position += 1
        return max(0, min(before - syntax_before, after - syntax_after))

    def top(self, tree: Tree[Token]) -> Docs:
        """An expression that a statement starts with: its continuation lines indented by two."""
        return Nest(INDENT, self.expr(tree, bare=True))

    def expr(self, tree: Tree[Token], syntax_before: bool = False, syntax_after: bool = False,
             bare: bool = False) -> Docs:
        layers = self.parentheses(tree, syntax_before, syntax_after)
        if not layers:
            self.bare = bare
            return self.expr_body(tree)
        opening = [self.take("(") for _ in range(layers)]
        self.depth += layers
        self.bare = True
        inner = self.expr_body(tree)
        self.depth -= layers
        closing = [self.take(")") for _ in range(layers)]
        for left, right in zip(reversed(opening), closing):
            inner = Group([left, Nest(INDENT, [SOFTLINE, inner]), SOFTLINE, right])
        return inner

    def expr_body(self, tree: Tree[Token]) -> Docs:
        printer = getattr(self, f"e_{tree.data}", None)
        if printer is None:
            raise FormatterBug(f"onbekende uitdrukking: {tree.data}")
        result: Docs = printer(tree)
        return result

    def _indent(self) -> int:
        """Continuation lines are indented, unless the expression has its parentheses to itself."""
        bare, self.bare = self.bare, False
        return 0 if bare else INDENT

    def e_conditional(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        head: Docs = []
        tail: list[Docs] = []
        current = tree
        otherwise: Docs | None = None
        cases = 0
        while True:
            children = _children(current)
            cases += 1
            case = Group([self.take("als"), " ", self.expr(children[0]),
                          Nest(INDENT, [LINE, self.take("dan"), " ", self.expr(children[1])])])
            if otherwise is None:
                head = case
            else:
                tail += [LINE, otherwise, " ", case]
            if len(children) < 3:
                break
            otherwise = self.take("anders")
            following = children[2]
            if _is(following, "conditional") and not self.parentheses(following, False, False):
                current = following
                continue
            tail += [LINE, otherwise, " ", self.expr(following)]
            break
        # `als ... anders als ...`: a list of cases reads best one case a line, like a table.
        return Group([head, Nest(indent, tail)], broken=cases > 1)

    def _chain(self, tree: Tree[Token], same: Callable[[Tree[Token]], bool]) -> Docs:
        """`a + b - c`, `a en b en c`: one group, broken before each operator.

        A line cannot start with '-' (outside parentheses that starts an item of a list), so a
        chain with a minus outside parentheses breaks after each of its operators instead.
        """
        indent = self._indent()
        spine = [tree]
        left = _children(tree)[0]
        while isinstance(left, Tree) and same(left) and not self.parentheses(left, False, False):
            spine.append(left)
            left = _children(left)[0]
        after = not self.depth and any(
            node.data == "binary" and _children(node)[1].type == "MINUS" for node in spine)
        first = self.expr(left)
        tail: list[Docs] = []
        for node in reversed(spine):
            children = _children(node)
            if node.data == "binary":
                op = self.take(children[1])
                right = self.expr(children[2])
            else:
                op = self.take("en" if node.data == "and_" else "of")
                right = self.expr(children[1])
            tail += [" ", op, LINE, right] if after else [LINE, op, " ", right]
        return Group([first, Nest(indent, tail)])

    def e_or_(self, tree: Tree[Token]) -> Docs:
        return self._chain(tree, lambda node: node.data == "or_")

    def e_and_(self, tree: Tree[Token]) -> Docs:
        return self._chain(tree, lambda node: node.data == "and_")

    def e_binary(self, tree: Tree[Token]) -> Docs:
        family = SUM_OPS if _children(tree)[1].type in SUM_OPS else TERM_OPS
        return self._chain(tree, lambda node: node.data == "binary"
                           and _children(node)[1].type in family)

    def e_not_(self, tree: Tree[Token]) -> Docs:
        return [self.take("niet"), " ", self.expr(_children(tree)[0])]

    def e_compare(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        left, op, right = _children(tree)
        return Group([self.expr(left), " ", self.tokens_of(op),
                      Nest(indent, [LINE, self.expr(right)])])

    def e_negate(self, tree: Tree[Token]) -> Docs:
        minus, operand = _children(tree)
        return [self.take(minus), self.expr(operand)]

    def e_per(self, tree: Tree[Token]) -> Docs:
        operand, unit = _children(tree)
        return [self.expr(operand), " ", self.take("per"), " ", self.tokens_of(unit)]

    def e_convert(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        operand, unit = _children(tree)
        return Group([self.expr(operand), Nest(indent, [LINE, self.words("omgerekend", "per"), " ",
                                                          self.tokens_of(unit)])])

    def e_rounded(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        operand, rounding = _children(tree)
        first = self.expr(operand)
        return Group([first, Nest(indent, [LINE, self.rounding_words(rounding)])])

    def rounding_words(self, rounding: Tree[Token]) -> Docs:
        """`naar beneden afgerond op hele euro's`."""
        words: list[Docs] = []
        for part in _children(rounding):
            if words:
                words.append(" ")
            if part.data == "round_target":
                words += [self.words("afgerond", "op"), " "]
            words.append(self.tokens_of(part))
        return words

    def e_name(self, tree: Tree[Token]) -> Docs:
        return self.dotted(_children(tree)[0])

    def _arguments(self, arguments: list[Tree[Token]], opening: Docs) -> Docs:
        self.depth += 1
        parts: list[Docs] = []
        for index, argument in enumerate(arguments):
            if index:
                parts += [self.take(";"), LINE]
            parts.append(self.expr(argument, index == 0, index == len(arguments) - 1,
                                   bare=len(arguments) == 1))
        self.depth -= 1
        closing = self.take(")")
        if not arguments:
            return [opening, closing]
        return Group([opening, Nest(INDENT, [SOFTLINE, parts]), SOFTLINE, closing])

    def e_call(self, tree: Tree[Token]) -> Docs:
        callee, *arguments = _children(tree)
        name = self.dotted(callee)
        return [name, self._arguments(arguments, self.take("("))]

    def e_minmax(self, tree: Tree[Token]) -> Docs:
        keyword, *arguments = _children(tree)
        words = [self.tokens_of(keyword), " ", self.take("van"), " "]
        return [words, self._arguments(arguments, self.take("("))]

    def _over(self, indent: int, words: Docs, body: Tree[Token], collection: Tree[Token],
              condition: list[Any]) -> Docs:
        inside = self._arguments([body], [words, " ", self.take("(")])
        tail: list[Docs] = [LINE, self.take("over"), " ", self.dotted(collection)]
        tail += self._filter(condition)
        return Group([inside, Nest(indent, tail)])

    def _filter(self, condition: list[Any]) -> list[Docs]:
        if not condition:
            return []
        return [LINE, self.take("waarvoor"), " ", self.expr(_children(condition[0])[0])]

    def e_sum_over(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        body, collection, *condition = _children(tree)
        return self._over(indent, self.words("som", "van"), body, collection, condition)

    def e_minmax_over(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        keyword, body, collection, *condition = _children(tree)
        return self._over(indent, [self.tokens_of(keyword), " ", self.take("van")], body,
                          collection, condition)

    def _quantified(self, words: tuple[str, ...], tree: Tree[Token]) -> Docs:
        indent = self._indent()
        keyword = self.words(*words)
        collection, *condition = _children(tree)
        return Group([keyword, " ", self.dotted(collection), Nest(indent, self._filter(condition))])

    def e_count(self, tree: Tree[Token]) -> Docs:
        return self._quantified(("aantal",), tree)

    def e_any_of(self, tree: Tree[Token]) -> Docs:
        return self._quantified(("enig", "van"), tree)

    def e_all_of(self, tree: Tree[Token]) -> Docs:
        return self._quantified(("alle", "van"), tree)

    def e_peildatum(self, tree: Tree[Token]) -> Docs:
        return self.take("peildatum")

    def e_between(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        periods, start, end = _children(tree)
        return Group([self.tokens_of(periods), " ", self.take("tussen"), " ", self.expr(start),
                      Nest(indent, [LINE, self.take("en"), " ", self.expr(end)])])

    def e_at_date(self, tree: Tree[Token]) -> Docs:
        parameter, date = _children(tree)
        return [self.dotted(parameter), " ", self.take("op"), " ", self.expr(date)]

    def e_period_edge(self, tree: Tree[Token]) -> Docs:
        edge, period, operand = _children(tree)
        return [self.tokens_of(edge), " ", self.take("dag"), " ", self.take("van"), " ",
                self.tokens_of(period), " ", self.take("van"), " ", self.expr(operand)]

    def _literal(self, tree: Tree[Token]) -> Docs:
        return self.take(_children(tree)[0])

    e_money = e_percent = e_number = e_date = _literal

    def e_duration(self, tree: Tree[Token]) -> Docs:
        number, unit = _children(tree)
        return [self.take(number), " ", self.tokens_of(unit)]

    def e_yes(self, tree: Tree[Token]) -> Docs:
        return self.take("ja")

    def e_no(self, tree: Tree[Token]) -> Docs:
        return self.take("nee")

    def e_empty(self, tree: Tree[Token]) -> Docs:
        return self.take("geen")

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


def print_tree(text: str, tree: Tree[Token], tokens: list[Token], comments: list[Comment]) -> str:
    return Printer(text, tokens, comments).module(tree)


__all__ = ["FormatterBug", "Printer", "print_tree", "WIDTH"]
