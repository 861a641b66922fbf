"""What must not change when a file is formatted: the program, and the comments.

`shape` is the IR of a module without its source positions: two sources that differ only in layout
have the same shape. Only the spelling of literals may differ (`€1,40` and `€ 1,40`), so the text of
a literal is compared without spaces and thousands separators; the values are compared exactly,
decimals included (`Decimal("1.40")` is not `Decimal("1.4")` here).

`signature` is the same idea for the syntax tree, and cheaper: the formatter checks every result
with it before it writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
from lark import Token, Tree

from regelwerk.fmt.page import canonical
from regelwerk.ir import nodes as ir

_SPACES = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d)\.(?=\d{3})")
_LEADING_ZEROS = re.compile(r"(?<![\d,])0+(?=\d)")


def spelling(text: str) -> str:
    """`€ 1.234,50` and `€1234,50` are one spelling."""
    return _LEADING_ZEROS.sub("", _THOUSANDS.sub("", _SPACES.sub("", text)))


def shape(value: Any) -> Any:
    """A comparable copy of an IR node without spans, recursively."""
    if attrs.has(type(value)):
        fields = []
        for field in attrs.fields(type(value)):
            if field.name == "span":
                continue
            item = getattr(value, field.name)
            if (isinstance(value, ir.Literal) and field.name == "text") or \
                    (isinstance(value, ir.Rounding) and field.name == "target"):
                item = spelling(item)
            fields.append((field.name, shape(item)))
        return (type(value).__name__, tuple(fields))
    if isinstance(value, Decimal):
        return ("Decimal", value.as_tuple())
    if isinstance(value, (tuple, list)):
        return tuple(shape(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((repr(key), shape(item)) for key, item in value.items()))
    return value


def signature(tree: Tree[Token]) -> Iterator[str]:
    """The tree without positions: rule names and tokens (in their canonical spelling), in order."""
    stack: list[Any] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Tree):
            yield f"({node.data}/{len(node.children)}"
            stack.extend(reversed(node.children))
        elif isinstance(node, Token):
            yield f"{node.type}:{canonical(node)}"
        else:
            yield repr(node)
