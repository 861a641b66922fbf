"""What the printer of Dutch phrases knows before it writes a word: the core expression lowered
from each surface expression, what the surface wrote for presentation only (`per maand` after a
value, a list's name as written), and where every name is defined and described."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.rich import Rich, rich, term
from regelwerk.core import nodes as c
from regelwerk.core.visitor import Visitor, walk
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.span import Span

# (module, name) -> anchor of the article that defines it, or None when it is not in the document.
Anchors = Callable[[str, str], str | None]


def surface_nodes(node: object) -> Iterator[object]:
    """Every surface IR node in `node` (its attrs fields, tuples flattened), parents first."""
    if isinstance(node, tuple):
        for item in node:
            yield from surface_nodes(item)
        return
    cls = type(node)
    if isinstance(node, Span) or not attrs.has(cls):
        return
    yield node
    for field in attrs.fields(cls):
        yield from surface_nodes(getattr(node, field.name))


class Names(Visitor[Rich]):
    """The names and the lowered expressions of a program, for the printer."""

    def __init__(self, program: c.Program, anchors: Anchors,
                 surface: Iterable[ir.Module] = ()) -> None:
        self.program = program
        self.anchors = anchors
        self.module = program.main.name  # the module of the article being written
        self.arguments: frozenset[str] = frozenset()  # the arguments of the rule being written
        self.exprs: dict[Span, c.Expr] = {}  # the outermost core expression at a span
        self.cells: dict[Span, c.Node] = {}
        for module in program.all_modules():
            for definition in module.definitions:
                for node in walk(definition):
                    span = getattr(node, "span", c.NOWHERE)
                    if span == c.NOWHERE:
                        continue
                    if isinstance(node, c.Expr):
                        self.exprs.setdefault(span, node)
                    elif isinstance(node, c.CELLS):
                        self.cells.setdefault(span, node)
        # Presentation from the surface: `x per maand` (the core keeps x) and lists as written.
        self.per: dict[int, str] = {}
        self.collections: dict[Span, ir.Name] = {}
        for module_ in surface:
            for node_ in surface_nodes(module_.definitions):
                if isinstance(node_, ir.Per):
                    operand = self.exprs.get(without_per(node_.operand).span)
                    if operand is not None:
                        self.per[id(operand)] = node_.unit
                elif isinstance(node_, ir.Aggregate):
                    self.collections[node_.span] = node_.collection

    # ------------------------------------------------------------ the core of surface nodes
    def core(self, expr: ir.Expr) -> c.Expr:
        """The core expression lowered from a surface expression of the regulation."""
        found = self.exprs.get(without_per(expr).span)
        if found is None:
            raise KeyError(f"no core expression at {expr.span}")
        return found

    def core_cell(self, cell: ir.Cell) -> c.Node:
        found = self.cells.get(cell.span)
        if found is None:
            raise KeyError(f"no core cell at {cell.span}")
        return found

    # ------------------------------------------------------------ names
    def anchor(self, module: str, name: str) -> str | None:
        return self.anchors(module, name)

    def home(self, kind: type[c.Node], name: str) -> str | None:
        """The module that defines `name` as a `kind` (the regulation's own first)."""
        for module in self.program.all_modules():
            if isinstance(module.definition(name), kind):
                return module.name
        return None

    def defined(self, name: str, module: str, with_article: bool = True,
                type_: t.Type | None = None) -> Rich:
        """`het gecorrigeerde inkomen`, linked to the article of `gecorrigeerd_inkomen`."""
        noun = dutch.noun(name)
        link = term(noun.phrase, self.anchor(module, name))
        if isinstance(type_, t.NumberType) and type_.whole and type_.unit.dimensionless \
                and noun.plural and noun.words[0] != "aantal":
            return rich("het aantal ", link)
        if not with_article or noun.article is None:
            return link
        return rich(noun.article + " ", link)

    def member(self, record: str) -> Rich:
        """The member an aggregate or a `regel per` ranges over: `de huisgenoot`, `het kind`."""
        noun = dutch.noun(record)
        return rich(f"{noun.article or 'de'} {noun.phrase}")

    def is_member(self, node: c.Local) -> bool:
        return node.name not in self.arguments and isinstance(node.type, t.RecordType)

    def root(self, node: c.Expr) -> tuple[c.Expr, tuple[str, ...]]:
        """`kind.partner.inkomen` -> (the local kind, ("partner", "inkomen"))."""
        fields: list[str] = []
        while isinstance(node, c.FieldOf):
            fields.insert(0, node.field)
            node = node.operand
        return node, tuple(fields)

    def record_anchor(self, root: c.Expr) -> str | None:
        """Where the fields of a record read from `root` are described."""
        if isinstance(root, c.Local) and self.is_member(root):
            assert isinstance(root.type, t.RecordType)
            module = self.home(c.Record, root.type.name)
            return self.anchor(module, root.type.name) if module is not None else None
        if isinstance(root, c.InputRef):
            type_ = root.type
            if isinstance(type_, t.ListType):
                type_ = type_.element
            if isinstance(type_, (t.RecordType, t.ChoiceType)):
                return self.anchor(root.module, type_.name)
        return None

    def name_of(self, node: c.Expr) -> tuple[str, str]:
        """(module, name) of the definition a name refers to (a member: its record)."""
        if isinstance(node, (c.InputRef, c.ParameterRef, c.RuleRef)):
            return node.module, node.name
        if isinstance(node, c.Local) and self.is_member(node):
            assert isinstance(node.type, t.RecordType)
            return self.home(c.Record, node.type.name) or self.module, node.type.name
        if isinstance(node, c.Local):
            return self.module, node.name
        raise TypeError(f"{type(node).__name__} is not a name")


def without_per(expr: ir.Expr) -> ir.Expr:
    """A value read `per` a period is the value itself in the core."""
    while isinstance(expr, ir.Per):
        expr = expr.operand
    return expr
