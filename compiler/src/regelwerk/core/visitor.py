"""Walking the core IR: children from attrs fields, and a visitor base that refuses what it does
not know.

A backend subclasses `Visitor` with a `visit_<Class>` method per node class it handles; visiting
any other class raises `Unhandled`, so a new node fails loudly (and `tests/test_core_visitors.py`
fails in CI) instead of being given a default meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Generic, TypeVar

import attrs

from regelwerk.core import nodes as c

R = TypeVar("R")


class Unhandled(Exception):
    """A visitor met a node class it has no method for: a compiler bug."""


def _node_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls) if f.eq and not f.name.startswith("_"))


_FIELDS: dict[type, tuple[str, ...]] = {}


def children(node: c.Node) -> Iterator[c.Node]:
    """The nodes held by `node`'s fields, in field order (tuples flattened)."""
    cls = type(node)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = _node_fields(cls)
    for name in names:
        yield from _nodes_in(getattr(node, name))


def _nodes_in(value: object) -> Iterator[c.Node]:
    if isinstance(value, c.Node):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _nodes_in(item)


def walk(node: c.Node) -> Iterator[c.Node]:
    """`node` and every node below it, parents before children."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(list(children(current))))


class Visitor(Generic[R]):
    """Dispatch on the node's class to `visit_<ClassName>`; raise `Unhandled` for any other.

    `handles` lists the node classes a subclass must cover (the coverage test reads it)."""

    handles: ClassVar[tuple[type[c.Node], ...]] = c.EXPRESSIONS
    _dispatch: ClassVar[dict[type, str]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._dispatch = {}

    def visit(self, node: c.Node, *args: Any) -> R:
        cls = type(node)
        name = type(self)._dispatch.get(cls)
        if name is None:
            name = "visit_" + cls.__name__
            if not callable(getattr(self, name, None)):
                raise Unhandled(f"{type(self).__name__} handles no {cls.__name__}")
            type(self)._dispatch[cls] = name
        method: Callable[..., R] = getattr(self, name)
        return method(node, *args)


def missing(visitor: type[Visitor[Any]]) -> list[str]:
    """The node classes of `visitor.handles` it has no method for (empty when complete)."""
    return [cls.__name__ for cls in visitor.handles
            if not callable(getattr(visitor, "visit_" + cls.__name__, None))]
