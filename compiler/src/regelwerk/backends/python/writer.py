"""What every part of the module writer shares: the plan of the module (its names and kinds), the
table constants the functions claim, and how a function of the module is put together (decorator,
signature, docstring, body; compiled twice so its locals avoid the module names it reads).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence

from regelwerk.backends.python import kinds as k
from regelwerk.backends.python import printer
from regelwerk.backends.python.expressions import Compiler, Scope, column_soorten
from regelwerk.backends.python.model import Key, Plan, output_definition, plan
from regelwerk.backends.python.printer import Doc, render, text
from regelwerk.core import nodes as c
from regelwerk.core.visitor import walk
from regelwerk.ir import types as t

Lines = list[str]


class WriterBase:
    def __init__(self, program: c.Program) -> None:
        self.program = program
        self.module = program.main
        self.plan: Plan = plan(program)
        self.kinds = k.Kinds(self.plan)
        self.tables: dict[Key, tuple[str, Doc]] = {}  # table -> its rt.Tabel constant
        self.soorten_parameter = tables_called_with_other_kinds(self.plan, self.kinds)

    def output(self, name: str) -> c.Input | c.Parameter | c.Table | c.Rule:
        found = next(o for o in self.module.outputs if o.name == name)
        return output_definition(self.program, found)

    def has_requirements(self) -> bool:
        return any(d.requirements for d in self.plan.inputs)

    def compiled(self, build: Callable[[Compiler], tuple[Doc, Lines]]) -> tuple[Doc, Lines]:
        """Build a function twice: the second time its locals avoid the module names it reads."""
        first = Compiler(self.plan, self.kinds, Scope(set()))
        build(first)
        return build(Compiler(self.plan, self.kinds, Scope(first.reads)))

    def unknown(self, kind: str, name: str, dated: c.DatedValue | c.TableVersion) -> Doc:
        """`rt.OnbekendeWaarde(...)`: the value is `onbekend` from this date on."""
        assert dated.unknown is not None
        when = text(self.kinds.date(dated.valid_from)) if dated.valid_from else text("None")
        return printer.call("rt.OnbekendeWaarde", [
            printer.string(kind), printer.string(name), when,
            printer.string(dated.unknown.reason)])


def tables_called_with_other_kinds(plan: Plan, kinds: k.Kinds) -> set[Key]:
    """Tables some call site passes arguments of another kind than the columns (as shown)."""
    found: set[Key] = set()
    for definition in plan.definitions:
        for node in walk(definition):
            if not isinstance(node, c.TableLookup):
                continue
            table = plan.find(node.module, node.name)
            assert isinstance(table, c.Table)
            given = tuple(kinds.soort(a.type)  # type: ignore[attr-defined]
                          for a in node.args)
            if given != column_soorten(kinds, table):
                found.add((node.module, node.name))
    return found


def define(decorator: Doc | None, signature: Doc, body: Lines, doc: list[str]) -> Lines:
    lines = ["", ""]
    if decorator is not None:
        lines.append(render(decorator, 0, "@"))
    lines.append(render(signature, 0))
    lines += printer.docstring(doc, "    ")
    return lines + body


def summary(what: str, name: str, type_: t.Type | None, reference: str | None,
            label: str | None = None) -> list[str]:
    described = f": {type_.describe()}" if type_ is not None else ""
    article = f" [{reference}]" if reference is not None else ""
    return [f"{what} {name}{described}{article}.", label or ""]


def optional(value: str | None) -> Doc:
    return printer.string(value) if value is not None else text("None")


def in_force_order(items: Sequence[c.DatedValue | c.TableVersion]
                   ) -> Iterator[c.DatedValue | c.TableVersion]:
    """Latest first, as the peildatum selects them; a value no peildatum can select is left out."""
    ordered = sorted(items, key=lambda i: i.valid_from or datetime.date.min)
    seen: set[datetime.date | None] = set()
    for item in reversed(ordered):
        if item.valid_from in seen:
            continue
        seen.add(item.valid_from)
        yield item
        if item.valid_from is None:
            return
