"""A small printer for generated Python: safe literals, docstrings, and lines that fit.

Text from a rule file reaches the output only through `string` (Python's repr, split into pieces that
fit a line), `docstring` (plain text between triple quotes when that is certain to read back the
same, else repr) and identifiers from `names`. Everything else is fixed code of the generator.

Code is built as a small document tree (`Doc`): text that cannot break, and bracketed lists or operator
chains that break over several lines when they do not fit in `WIDTH` columns.
"""

from __future__ import annotations

import ast
import datetime
import textwrap
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

WIDTH = 115  # ruff's line-length for this repository, which also checks generated/
INDENT = "    "


def width(text: str) -> int:
    """Columns `text` takes, counting East Asian wide characters twice (as ruff does)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# ------------------------------------------------------------------ literals


def literal(text: str) -> str:
    """A Python string literal for any text: repr, checked to read back the same."""
    code = repr(text)
    assert ast.literal_eval(code) == text
    return code


def decimal_literal(value: Decimal) -> str:
    """`Decimal("0.51")`: str() keeps every digit and the exponent, so the value is the same."""
    assert value.is_finite()
    return f"Decimal({literal(str(value))})"


def date_literal(value: datetime.date) -> str:
    return f"datetime.date({value.year}, {value.month}, {value.day})"


def _is_plain_text(text: str) -> bool:
    """Text that can stand between triple quotes: printable, no backslash, no quote at the end."""
    return (
        bool(text)
        and all(c.isprintable() for c in text)
        and "\\" not in text
        and '""' not in text
        and not text.endswith('"')
        and text == text.strip()
    )


def docstring(paragraphs: Sequence[str], indent: str) -> list[str]:
    """A docstring: paragraphs wrapped to fit, or one repr'd literal when the text is not plain."""
    texts = [p for p in paragraphs if p]
    lines = _plain_docstring(texts, indent) if all(_is_plain_text(p) for p in texts) else None
    if lines is None:
        lines = render(string("\n\n".join(texts)), len(indent)).split("\n")
    read_back = ast.literal_eval("\n".join(lines).strip())
    assert isinstance(read_back, str) and read_back.split() == "\n\n".join(texts).split()
    return lines


def _plain_docstring(texts: Sequence[str], indent: str) -> list[str] | None:
    lines: list[str] = []
    for index, paragraph in enumerate(texts):
        if index:
            lines.append("")
        lines.extend(textwrap.wrap(paragraph, WIDTH - len(indent) - 6, break_long_words=False,
                                   break_on_hyphens=False))
    lines[0] = '"""' + lines[0]
    if len(lines) == 1:
        lines[0] += '"""'
    else:
        lines.append('"""')
    out = [(indent + line) if line else "" for line in lines]
    return out if all(width(line) <= WIDTH for line in out) else None


# ------------------------------------------------------------------ documents


class Doc:
    """A piece of code that is printed flat when it fits and broken over lines when not."""

    def flat(self) -> str:
        raise NotImplementedError

    def broken(self, indent: int, column: int, reserve: int = 0) -> str:
        """Over several lines, starting at `column`; `reserve` columns must stay free at the end."""
        return self.flat()


@attrs.frozen
class Text(Doc):
    text: str

    def flat(self) -> str:
        return self.text


@attrs.frozen
class Concat(Doc):
    parts: tuple[Doc, ...]

    def flat(self) -> str:
        return "".join(part.flat() for part in self.parts)

    def broken(self, indent: int, column: int, reserve: int = 0) -> str:
        out = ""
        for index, part in enumerate(self.parts):
            following = self.parts[index + 1:]
            rest = width(following[0].flat()) if following else reserve
            piece = fit(part, indent, column, reserve=rest)
            out += piece
            column = _column_after(piece, column)
        return out


@attrs.frozen
class Group(Doc):
    """`open item, item close`; broken, each item on its own line, one level deeper."""

    open: str
    items: tuple[Doc, ...]
    close: str
    separator: str = ","
    tuple_of_one: bool = False

    def flat(self) -> str:
        inner = (self.separator + " " if self.separator else " ").join(i.flat() for i in self.items)
        if self.tuple_of_one:
            inner += ","
        return self.open + inner + self.close

    def broken(self, indent: int, column: int, reserve: int = 0) -> str:
        inner = indent + len(INDENT)
        lines = [self.open]
        for item in self.items:
            lines.append(" " * inner + fit(item, inner, inner, reserve=len(self.separator))
                         + self.separator)
        lines.append(" " * indent + self.close)
        return "\n".join(lines)


@attrs.frozen
class Chain(Doc):
    """`a + b - c` or `x if c else y`; broken (only inside brackets), each operator starts a line."""

    first: Doc
    rest: tuple[tuple[str, Doc], ...]

    def flat(self) -> str:
        return self.first.flat() + "".join(f" {op} {operand.flat()}" for op, operand in self.rest)

    def broken(self, indent: int, column: int, reserve: int = 0) -> str:
        out = fit(self.first, indent, column)
        for index, (op, operand) in enumerate(self.rest):
            last = index == len(self.rest) - 1
            out += "\n" + " " * indent + op + " " + fit(operand, indent, indent + len(op) + 1,
                                                         reserve if last else 0)
        return out


@attrs.frozen
class String(Doc):
    """A string literal; broken, implicitly concatenated pieces between parentheses."""

    text: str

    def flat(self) -> str:
        return literal(self.text)

    def broken(self, indent: int, column: int, reserve: int = 0) -> str:
        inner = indent + len(INDENT)
        pieces = _pieces(self.text, WIDTH - inner)
        lines = ["("] + [" " * inner + literal(piece) for piece in pieces] + [" " * indent + ")"]
        return "\n".join(lines)


def string(text: str) -> Doc:
    return String(text)


def text(code: str) -> Doc:
    return Text(code)


def call(function: str, args: Sequence[Doc]) -> Doc:
    return Concat((Text(function), Group("(", tuple(args), ")")))


def tuple_of(items: Sequence[Doc]) -> Doc:
    return Group("(", tuple(items), ")", tuple_of_one=len(items) == 1)


def parenthesized(doc: Doc) -> Doc:
    return Group("(", (doc,), ")", separator="")


def fit(doc: Doc, indent: int, column: int, reserve: int = 0) -> str:
    """`doc` starting at `column`, flat when it fits, else broken at `indent`."""
    flat = doc.flat()
    if column + width(flat) + reserve <= WIDTH and "\n" not in flat:
        return flat
    return doc.broken(indent, column, reserve)


def render(doc: Doc, indent: int, prefix: str = "", suffix: str = "") -> str:
    """A statement `prefix doc suffix` at `indent`; a doc that does not fit is put in brackets."""
    column = indent + width(prefix)
    flat = doc.flat()
    if column + width(flat) + width(suffix) <= WIDTH:
        return " " * indent + prefix + flat + suffix
    if isinstance(doc, Chain):
        doc = parenthesized(doc)
    return " " * indent + prefix + doc.broken(indent, column, width(suffix)) + suffix


def _column_after(piece: str, column: int) -> int:
    if "\n" in piece:
        return width(piece.rsplit("\n", 1)[1])
    return column + width(piece)


def _pieces(text: str, room: int) -> Iterator[str]:
    """Cut `text` into pieces whose literals fit in `room` columns, preferably after a space."""
    room = max(room, 20)
    piece = ""
    for word in _words(text):
        candidate = piece + word
        if piece and not _fits(candidate, room):
            yield piece
            piece = ""
            candidate = word
        while not _fits(candidate, room):  # one word longer than a line
            cut = _longest_prefix(candidate, room)
            yield candidate[:cut]
            candidate = candidate[cut:]
        piece = candidate
    if piece or not text:
        yield piece


def _words(text: str) -> Iterator[str]:
    word = ""
    for c in text:
        word += c
        if c in " \n":
            yield word
            word = ""
    if word:
        yield word


def _fits(text: str, room: int) -> bool:
    """Whether the literal of `text` fits in `room` columns; it is at least two columns (the
    quotes) wider than the text is long, so a long text is not measured (linear, not quadratic,
    on a title of 80,000 characters)."""
    return len(text) + 2 <= room and width(literal(text)) <= room


def _longest_prefix(text: str, room: int) -> int:
    """The longest prefix (at least one character) whose literal fits: a binary search, as the
    width of a prefix's literal grows with its length."""
    low, high = 1, min(len(text), room)
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(text[:middle], room):
            low = middle
        else:
            high = middle - 1
    return low
