"""A small pretty-printing engine, after Wadler's "prettier printer" and Prettier's algorithm.

A document is text with possible line breaks. `Group` says: print me on one line if I fit, or else
break every `Line` directly inside me; groups inside a broken group decide again for themselves.
The formatter only puts a `Line` where the layout rules of the language allow a new line (see
`regelwerk.syntax.layout`), so any choice the engine makes parses back to the same program.

Comments are part of the document: a comment forces the groups around it to break, a trailing
comment ends its line, a comment of its own takes a line of its own.
"""

from __future__ import annotations

import unicodedata
from typing import Union

WIDTH = 100


class Line:
    """A space (or nothing, if soft) when the group is flat; a new line when it is broken."""

    __slots__ = ("soft",)

    def __init__(self, soft: bool = False) -> None:
        self.soft = soft


LINE = Line()
SOFTLINE = Line(soft=True)


class Group:
    """Flat if it fits; `broken` groups (and the groups around them) always break."""

    __slots__ = ("parts", "hard")

    def __init__(self, parts: Docs, broken: bool = False) -> None:
        self.parts = parts
        self.hard = broken or is_hard(parts)


class Nest:
    """Breaks inside are indented `indent` columns further."""

    __slots__ = ("indent", "parts", "hard")

    def __init__(self, indent: int, parts: Docs) -> None:
        self.indent = indent
        self.parts = parts
        self.hard = is_hard(parts)


class Align:
    """Breaks inside are indented to the column where the aligned part starts."""

    __slots__ = ("parts", "hard")

    def __init__(self, parts: Docs) -> None:
        self.parts = parts
        self.hard = is_hard(parts)


class Fill:
    """Items with separators (commas), as many on a line as fit: `a = 1, b = 2,` / `c = 3`."""

    __slots__ = ("items", "separators", "hard")

    def __init__(self, items: list[Docs], separators: list[Docs]) -> None:
        assert len(separators) == len(items) - 1
        self.items = items
        self.separators = separators
        self.hard = any(is_hard(p) for p in items) or any(is_hard(s) for s in separators)


class Comment:
    """A `# ...` comment: trailing (ends the current line) or on a line of its own."""

    __slots__ = ("text", "own_line")

    def __init__(self, text: str, own_line: bool) -> None:
        self.text = text
        self.own_line = own_line


class Quiet:
    """Text that does not count when deciding whether something fits (a label after a value)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _FillStep:
    __slots__ = ("fill", "index", "separated")

    def __init__(self, fill: Fill, index: int, separated: bool) -> None:
        self.fill = fill
        self.index = index
        self.separated = separated


Doc = Union[str, Line, Group, Nest, Align, Fill, Comment, Quiet]
Docs = Union[Doc, list["Docs"]]
_Command = tuple[int, bool, Union[Docs, _FillStep]]


def is_hard(docs: Docs) -> bool:
    """Does this contain a comment (or a broken group), so that it cannot be printed on one line?"""
    if isinstance(docs, list):
        for part in docs:
            if isinstance(part, (str, Line, Quiet)):
                continue
            if isinstance(part, Comment) or (isinstance(part, list) and is_hard(part)) or \
                    (isinstance(part, (Group, Nest, Align, Fill)) and part.hard):
                return True
        return False
    if isinstance(docs, (Group, Nest, Align, Fill)):
        return docs.hard
    return isinstance(docs, Comment)


def text_width(text: str) -> int:
    """Columns on screen: accented letters and € count one, wide (East Asian) characters two."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def flat(docs: Docs) -> str:
    """The document on one line, whatever its groups say (a comment still ends a line)."""
    return "\n".join(render(docs, 0, flat_mode=True))


def render(docs: Docs, indent: int, width: int = WIDTH, flat_mode: bool = False) -> list[str]:
    """Lay the document out from column `indent`; the lines, the first one indented too."""
    if not flat_mode and not is_hard(docs):
        # Most statements fit on their line: then there is nothing to decide.
        pieces: list[str] = []
        if _flat(docs, pieces) + indent <= width:
            return [(" " * indent + "".join(pieces)).rstrip()]
    lines: list[str] = []
    current: list[str] = [" " * indent]
    column = indent
    pending: int | None = None  # a new line is due, at this indentation, before the next text
    stack: list[_Command] = [(indent, flat_mode, docs)]
    while stack:
        ind, is_flat, doc = stack.pop()
        if isinstance(doc, str) or isinstance(doc, Quiet):
            text = doc if isinstance(doc, str) else doc.text
            if not text:
                continue
            if pending is not None:
                lines.append("".join(current).rstrip())
                current = [" " * pending]
                column = pending
                pending = None
            current.append(text)
            column += text_width(text)
        elif isinstance(doc, list):
            for part in reversed(doc):
                stack.append((ind, is_flat, part))
        elif isinstance(doc, Line):
            if not is_flat:
                pending = ind
            elif not doc.soft and pending is None:
                current.append(" ")
                column += 1
        elif isinstance(doc, Group):
            at = column if pending is None else pending
            if is_flat or (not doc.hard and _fits(doc.parts, width - at, stack)):
                stack.append((ind, True, doc.parts))
            else:
                stack.append((ind, False, doc.parts))
        elif isinstance(doc, Nest):
            stack.append((ind + doc.indent, is_flat, doc.parts))
        elif isinstance(doc, Align):
            stack.append((column if pending is None else pending, is_flat, doc.parts))
        elif isinstance(doc, Fill):
            stack.append((ind, is_flat, _FillStep(doc, 0, True)))
        elif isinstance(doc, _FillStep):
            fill, index = doc.fill, doc.index
            if index >= len(fill.items):
                continue
            if not doc.separated:
                # First the comma, then decide whether the next item still fits on this line.
                stack.append((ind, is_flat, _FillStep(fill, index, True)))
                stack.append((ind, is_flat, fill.separators[index - 1]))
                continue
            item = fill.items[index]
            after: Docs = [item, fill.separators[index]] if index < len(fill.separators) else item
            at = column if pending is None else pending
            fits = is_flat or _fits(after, width - at - (1 if index and pending is None else 0),
                                    None)
            stack.append((ind, is_flat, _FillStep(fill, index + 1, False)))
            stack.append((ind, fits and not is_hard(item), item))
            if index:
                if fits:
                    if pending is None:
                        current.append(" ")
                        column += 1
                else:
                    pending = ind
        elif isinstance(doc, Comment):
            if doc.own_line:
                target = pending if pending is not None else ind
                if "".join(current).strip():
                    lines.append("".join(current).rstrip())
                current = [" " * target, doc.text]
                column = target + text_width(doc.text)
                pending = target
            else:
                line = "".join(current).rstrip()
                current = [line, "  ", doc.text]
                column = text_width(line) + 2 + text_width(doc.text)
                if pending is None:
                    pending = ind
    last = "".join(current).rstrip()
    if last or not lines:
        lines.append(last)
    return lines


def _flat(docs: Docs, pieces: list[str]) -> int:
    """Append the flat text of a document without comments to `pieces`; its measured width."""
    if isinstance(docs, str):
        pieces.append(docs)
        return text_width(docs)
    if isinstance(docs, list):
        width = 0
        for part in docs:
            width += _flat(part, pieces)
        return width
    if isinstance(docs, Line):
        if docs.soft:
            return 0
        pieces.append(" ")
        return 1
    if isinstance(docs, Quiet):
        pieces.append(docs.text)
        return 0
    if isinstance(docs, Fill):
        width = _flat(docs.items[0], pieces)
        for separator, item in zip(docs.separators, docs.items[1:]):
            width += _flat(separator, pieces)
            pieces.append(" ")
            width += 1 + _flat(item, pieces)
        return width
    if isinstance(docs, (Group, Nest, Align)):
        return _flat(docs.parts, pieces)
    raise AssertionError(f"no flat text for {docs!r}")


def _fits(docs: Docs, remaining: int, rest: list[_Command] | None) -> bool:
    """Does `docs`, flat, fit in `remaining` columns, up to the next possible line break after it?"""
    commands: list[tuple[bool, Docs]] = [(True, docs)]
    rest_index = len(rest) if rest is not None else 0
    while remaining >= 0:
        if not commands:
            if rest is None or rest_index == 0:
                return True
            rest_index -= 1
            _, mode, next_doc = rest[rest_index]
            if isinstance(next_doc, _FillStep):
                return True
            commands.append((mode, next_doc))
            continue
        is_flat, doc = commands.pop()
        if isinstance(doc, str):
            remaining -= text_width(doc)
        elif isinstance(doc, list):
            for part in reversed(doc):
                commands.append((is_flat, part))
        elif isinstance(doc, Line):
            if not is_flat:
                return True
            remaining -= 0 if doc.soft else 1
        elif isinstance(doc, Group):
            commands.append((is_flat and not doc.hard, doc.parts))
        elif isinstance(doc, (Nest, Align)):
            commands.append((is_flat, doc.parts))
        elif isinstance(doc, Fill):
            parts: list[Docs] = [doc.items[0]]
            for separator, item in zip(doc.separators, doc.items[1:]):
                parts.extend((separator, LINE, item))
            commands.append((is_flat, parts))
        elif isinstance(doc, Comment):
            return True
    return False
