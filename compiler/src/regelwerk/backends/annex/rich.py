"""Rich text: a run of segments that the templates render for HTML or Markdown.

A segment is plain text, a defined term (a name from the rules, linked to its article), a value (an
amount, a date), a choice value, or a legal reference. Text from the rules is never pre-escaped here:
the templates escape every segment for their target. A redline marks segments as deleted or inserted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Union

import attrs

TEXT = "text"
TERM = "term"
VALUE = "value"
CHOICE = "choice"
REF = "ref"
CODE = "code"

INSERTED = "ins"
DELETED = "del"


@attrs.frozen
class Seg:
    text: str
    kind: str = TEXT
    target: str | None = None  # the anchor a term links to
    change: str | None = None  # ins | del, in a redline

    def plain(self) -> str:
        if self.kind == CHOICE:
            return f"‘{self.text}’"
        if self.kind == REF:
            return f"[{self.text}]"
        return self.text


@attrs.frozen
class Rich:
    segs: tuple[Seg, ...] = ()

    def __add__(self, other: Part) -> Rich:
        return Rich(self.segs + rich(other).segs)

    def __radd__(self, other: Part) -> Rich:
        return Rich(rich(other).segs + self.segs)

    def __bool__(self) -> bool:
        return any(seg.text for seg in self.segs)

    def plain(self) -> str:
        return "".join(seg.plain() for seg in self.segs)

    def capitalized(self) -> Rich:
        """The same text with its first letter in upper case (a sentence starts with it)."""
        segs = list(self.segs)
        for index, seg in enumerate(segs):
            if seg.text:
                segs[index] = attrs.evolve(seg, text=seg.text[0].upper() + seg.text[1:])
                break
        return Rich(tuple(segs))

    def normalized(self) -> Rich:
        """Adjacent segments of the same kind merged; empty ones dropped."""
        out: list[Seg] = []
        for seg in self.segs:
            if not seg.text:
                continue
            if out and out[-1].kind == seg.kind == TEXT and out[-1].change == seg.change:
                out[-1] = attrs.evolve(out[-1], text=out[-1].text + seg.text)
            else:
                out.append(seg)
        return Rich(tuple(out))

    def with_change(self, change: str | None) -> Rich:
        return Rich(tuple(attrs.evolve(seg, change=change) for seg in self.segs))


Part = Union[Rich, Seg, str]


def rich(*parts: Part) -> Rich:
    segs: list[Seg] = []
    for part in parts:
        if isinstance(part, Rich):
            segs.extend(part.segs)
        elif isinstance(part, Seg):
            segs.append(part)
        elif part:
            segs.append(Seg(part))
    return Rich(tuple(segs))


def term(text: str, target: str | None = None) -> Rich:
    return Rich((Seg(text, TERM, target),))


def value(text: str) -> Rich:
    return Rich((Seg(text, VALUE),))


def choice(text: str, target: str | None = None) -> Rich:
    return Rich((Seg(text, CHOICE, target),))


def ref(text: str) -> Rich:
    return Rich((Seg(text, REF),))


def code(text: str) -> Rich:
    return Rich((Seg(text, CODE),))


def join(parts: Iterable[Rich], separator: str = ", ", last: str | None = None) -> Rich:
    """`a, b en c` with last=" en "."""
    items = [p for p in parts]
    if not items:
        return Rich()
    if len(items) == 1:
        return items[0]
    out = Rich()
    for index, item in enumerate(items):
        if index == len(items) - 1 and last is not None:
            out = out + last
        elif index > 0:
            out = out + separator
        out = out + item
    return out


_TOKEN = re.compile(r"\s+|[^\s]+")


def tokens(text: Rich) -> list[Seg]:
    """Word-level pieces for a redline: every word and every run of spaces its own segment."""
    out: list[Seg] = []
    for seg in text.segs:
        if seg.kind in (TERM, CHOICE, REF, CODE, VALUE):
            out.append(seg)  # a term or a value changes as a whole
            continue
        for match in _TOKEN.finditer(seg.text):
            out.append(attrs.evolve(seg, text=match.group(0)))
    return out
