"""What every part of the annex builder shares: the regulation, its core IR, the printer of
phrases, the anchors of definitions, and what the articles collect for the front matter (the
references, the provisional and unknown values)."""

from __future__ import annotations

from decimal import Decimal

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.prose import Printer
from regelwerk.backends.annex.rich import Rich, value
from regelwerk.core import nodes as c
from regelwerk.core.display import show
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.pipeline import CheckedModule
from regelwerk.worked import CoverageSummary, WorkedExample


def type_text(type_expr: ir.TypeExpr) -> str:
    """A type as written in the rules: `bedrag per maand`, `lijst van huisgenoot`."""
    if type_expr.base == "lijst":
        return f"lijst van {dutch.humanize(type_expr.name[-1])}"
    if type_expr.base == "naam":
        return dutch.humanize(type_expr.name[-1])
    return type_expr.base + (f" per {type_expr.per}" if type_expr.per else "")


class Context:
    def __init__(self, checked: CheckedModule, worked: tuple[WorkedExample, ...] = (),
                 coverage: CoverageSummary | None = None) -> None:
        self.checked = checked
        self.worked = worked
        self.coverage = coverage
        self.module = checked.module
        self.numbers: dict[str, int] = {}
        number = 0
        for item in self.ordered():
            number += 1
            key = item.name if not isinstance(item, ir.OutputDecl) else "uitvoer"
            self.numbers.setdefault(key, number)
        self.used_anchors: dict[tuple[str, str], str] = {}
        for used in self.checked.used.values():
            if used.kind == "module":
                for definition in used.definitions:
                    self.used_anchors[(used.name, definition.name)] = \
                        f"{used.name}-{definition.name}"
        self.program = checked.core()
        self.printer = Printer(self.program, self.anchor,
                               (self.module, *self.checked.used.values()))
        self.references: dict[str, list[tuple[str, str]]] = {}
        self.provisional: list[Rich] = []
        self.unknown: list[Rich] = []  # values `onbekend` from a date on

    def ordered(self) -> list[ir.Definition | ir.OutputDecl]:
        """Definitions in the order of the file; the outputs once, where they are first declared."""
        items: list[ir.Definition | ir.OutputDecl] = list(self.module.definitions)
        if self.module.outputs:
            items.append(self.module.outputs[0])
        return sorted(items, key=lambda item: (item.span.line, item.span.column))

    def anchor(self, module: str, name: str) -> str | None:
        if module == self.module.name and name in self.numbers:
            return "uitkomsten" if name == "uitvoer" else f"def-{name}"
        return self.used_anchors.get((module, name))

    def note_reference(self, text: str, heading: str, anchor: str) -> None:
        places = self.references.setdefault(text, [])
        if (heading, anchor) not in places:
            places.append((heading, anchor))

    # ------------------------------------------------------------ the core IR
    def core_definition(self, definition: ir.Definition, module: str | None = None
                        ) -> c.Definition | None:
        """The core definition of a surface definition (of the regulation or a module it uses)."""
        names = [module] if module is not None else [
            m.name for m in self.program.all_modules()]
        for name in names:
            try:
                found = self.program.module(name).definition(definition.name)
            except KeyError:
                continue
            if found is not None and found.span == definition.span:
                return found
        return None

    def core_rule(self, definition: ir.RuleDef) -> c.Rule | None:
        found = self.core_definition(definition)
        return found if isinstance(found, c.Rule) else None

    def type_of(self, definition: ir.Definition) -> t.Type | None:
        found = self.core_definition(definition)
        type_ = getattr(found, "type", None)
        return type_ if isinstance(type_, t.Type) else None

    def type_text(self, type_expr: ir.TypeExpr, type_: t.Type | None = None) -> str:
        """`keuze tijdvak` for a type that names a keuze, `gegevens kind` for a record."""
        if type_expr.base != "naam" or not type_expr.name:
            return type_text(type_expr)
        name = type_expr.name[-1]
        if type_ is None:
            modules = self.program.all_modules()
            if len(type_expr.name) > 1:
                modules = tuple(m for m in modules if m.name == type_expr.name[0])
            for module in modules:
                found = module.definition(name)
                if isinstance(found, c.Choice):
                    type_ = t.ChoiceType(found.name, found.values)
                    break
                if isinstance(found, c.Record):
                    type_ = found.type
                    break
        kind = "keuze" if isinstance(type_, t.ChoiceType) else "gegevens"
        return f"{kind} {dutch.humanize(name)}"

    def type_description(self, definition: ir.Definition) -> str | None:
        type_ = self.type_of(definition)
        if isinstance(definition, (ir.InputDef, ir.ParameterDef)):
            return self.type_text(definition.type, type_)
        if isinstance(definition, ir.RuleDef):
            if definition.type.base == "duur":
                return type_.describe() if type_ is not None else "duur"
            return self.type_text(definition.type, type_)
        if isinstance(definition, ir.TableDef) and definition.versions:
            return self.type_text(definition.output.type, type_)
        return None

    def value_text(self, expr: ir.Expr | c.Expr, type_: t.Type | None) -> Rich:
        """A value as it stands in a table of values: `€ 1.450,00 per maand`, `13,60 %`."""
        node = expr if isinstance(expr, c.Expr) else self.printer.core(expr)
        if self.printer.bare(node, c.Const) and isinstance(node, c.Const) \
                and isinstance(node.value, Decimal) and isinstance(type_, t.NumberType):
            if type_.is_money:
                period = type_.unit.period()
                return value(dutch.money(node.value) + (f" per {period}" if period else ""))
            if type_.percent:
                return value(dutch.percent(node.value))
            if t.is_duration(type_):
                return value(dutch.duration(node.value, type_.unit.factors[0][0]))
            return value(show(node.value, type_))
        return self.printer.phrase(node)
