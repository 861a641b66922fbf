"""Evaluates checked IR at a peildatum. This module defines what a rule file means."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from regelwerk import runtime
from regelwerk.check.context import Target
from regelwerk.check.walk import alternatives, names_in
from regelwerk.core.formula import formula
from regelwerk.interpret.explain import Uitleg
from regelwerk.interpret.values import InvoerFout, Value, convert, show
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.dated import select_dated
from regelwerk.ir.span import Span
from regelwerk.pipeline import CheckedModule

# Exact arithmetic: 34 significant digits (IEEE decimal128) for what cannot be exact, such as 1/3;
# a division by zero or an invalid operation is an error, never a silent NaN or infinity.
DECIMAL_CONTEXT = runtime.CONTEXT


class RekenFout(Exception):
    """A calculation that the rules do not define: no table row, conflicting exceptions, ..."""

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


class OnbekendeWaarde(RekenFout):
    """The calculation needs a value that is `onbekend` on the peildatum: it stops with the reason."""


@attrs.define
class Evaluation:
    """The result of one calculation: the outputs and, on request, their explanation."""

    uitvoer: dict[str, Value]
    types: dict[str, t.Type]
    uitleg: list[Uitleg]
    voorlopig: tuple[str, ...] = ()  # provisional values the outputs depend on


def evaluate(checked: CheckedModule, inputs: Mapping[str, Any], peildatum: datetime.date,
             outputs: list[str] | None = None, raw: bool = True) -> Evaluation:
    """Validate `inputs` (JSON-like when raw, else already converted) and compute the outputs."""
    module = checked.module
    if module.valid_from is not None and peildatum < module.valid_from:
        raise InvoerFout("peildatum", f"{peildatum.isoformat()} ligt vóór het begin van de "
                         f"regeling ({module.valid_from.isoformat()})")
    if module.valid_until is not None and peildatum >= module.valid_until:
        raise InvoerFout("peildatum", f"{peildatum.isoformat()} ligt na het einde van de regeling")
    evaluator = Interpreter(checked, peildatum)
    if raw:
        evaluator.inputs = evaluator.convert_inputs(inputs)
    else:
        evaluator.inputs = dict(inputs)
    names = outputs if outputs is not None else [n.text for n in module.output_names]
    results: dict[str, Value] = {}
    types: dict[str, t.Type] = {}
    roots = []
    with decimal.localcontext(DECIMAL_CONTEXT):
        evaluator.check_requirements()
        for name in names:
            value, node, type_ = evaluator.value_of_name(name)
            results[name] = value
            types[name] = type_
            roots.append(node)
    return Evaluation(results, types, roots, tuple(sorted(evaluator.provisional)))


class Interpreter:
    def __init__(self, checked: CheckedModule, peildatum: datetime.date) -> None:
        self.checked = checked
        self.peildatum = peildatum
        self.inputs: dict[str, Value] = {}
        # (module, rule, member, arguments) -> value and its step
        self.memo: dict[tuple[str, str, int, tuple[Value, ...]], tuple[Value, Uitleg]] = {}
        self.parameter_day: datetime.date | None = None  # while a parameter's value is evaluated
        self.trace: list[list[Uitleg]] = [[]]
        self.active: set[tuple[str, str, int, tuple[Value, ...]]] = set()
        self.provisional: set[str] = set()  # provisional values this calculation used

    # ------------------------------------------------------------ inputs
    def input_definitions(self) -> list[ir.InputDef]:
        modules = [self.checked.module, *self.checked.used.values()]
        seen: dict[str, ir.InputDef] = {}
        for module in modules:
            for definition in module.definitions:
                if isinstance(definition, ir.InputDef) and definition.name not in seen:
                    seen[definition.name] = definition
        return list(seen.values())

    def convert_inputs(self, data: Mapping[str, Any]) -> dict[str, Value]:
        if not isinstance(data, Mapping):
            raise InvoerFout("invoer", "verwacht een object met de invoer per naam")
        definitions = self.input_definitions()
        known = {d.name: d for d in definitions}
        for key in data:
            if key not in known:
                raise InvoerFout(str(key), "is geen invoer van deze regeling; bekend zijn: "
                                 + ", ".join(sorted(known)))
        out = {}
        for definition in definitions:
            if definition.name not in data:
                raise InvoerFout(definition.name, "ontbreekt")
            out[definition.name] = convert(definition.name, data[definition.name],
                                           self.checked.type_of(definition))
        return out

    def check_requirements(self) -> None:
        """Every `eis` of every input, in the order of the rules: the first one not met is an
        InvoerFout. A test gives only the inputs it needs: an eis on inputs it leaves out waits."""
        for definition in self.input_definitions():
            for requirement in definition.requirements:
                read = {self.checked.target(n).name for n in names_in(requirement.condition)
                        if self.checked.target(n).kind == "invoer"}
                if not read <= set(self.inputs):
                    continue
                self.trace.append([])
                try:
                    met = self.eval(requirement.condition, {})
                finally:
                    self.trace.pop()
                if not met:
                    raise InvoerFout(definition.name, runtime.eis_melding(
                        requirement.label or formula(requirement.condition)))

    # ------------------------------------------------------------ names
    def value_of_name(self, name: str) -> tuple[Value, Uitleg, t.Type]:
        definition = self.checked.module.definition(name)
        if definition is None:
            for module in self.checked.used.values():
                definition = module.definition(name)
                if definition is not None:
                    break
        if definition is None:
            raise RekenFout(f"'{name}' is niet gedefinieerd")
        owner = self._module_of(definition)
        type_ = self.checked.type_of(definition)
        if isinstance(definition, ir.RuleDef) and definition.per is not None:
            value, node = self.per_member_output(owner, definition)
            return value, node, t.UNKNOWN
        kind = {ir.RuleDef: "regel", ir.InputDef: "invoer", ir.ParameterDef: "parameter"}[
            type(definition)]
        target = Target(kind, owner, name)
        self.trace.append([])
        value = self.target_value(target, {}, definition.span)
        node = self.trace.pop()[0]
        return value, node, type_

    def per_member_output(self, module: str, rule: ir.RuleDef) -> tuple[Value, Uitleg]:
        lists = [d for d in self.input_definitions()
                 if isinstance(self.checked.type_of(d), t.ListType)
                 and self.checked.type_of(d).element.name == rule.per]
        if len(lists) != 1:
            raise RekenFout(f"regel per {rule.per} {rule.name} kan alleen als uitvoer dienen als "
                            f"er precies één lijst van {rule.per} is", rule.span)
        values = []
        node = Uitleg("regel", rule.name, "", rule.reference.text if rule.reference else None)
        for member in self.inputs[lists[0].name]:
            self.trace.append([])
            values.append(self.rule_value(module, rule, member))
            node.kinderen.extend(self.trace.pop())
        node.waarde = f"{len(values)} waarden"
        return tuple(values), node

    def _module_of(self, definition: ir.Definition) -> str:
        for module in (self.checked.module, *self.checked.used.values()):
            if any(d is definition for d in module.definitions):
                return module.name
        return self.checked.module.name

    def record(self, node: Uitleg) -> None:
        self.trace[-1].append(node)

    def target_value(self, target: Target, members: dict[str, Any], span: Span) -> Value:
        if target.kind == "keuzewaarde":
            return target.name
        if target.kind == "element":
            assert target.element is not None
            return _fields(members[target.element], target.fields)
        if target.kind == "argument":
            return members[target.name]
        definition = self.checked.find(target.module, target.name)
        if isinstance(definition, ir.InputDef):
            if definition.name not in self.inputs:
                raise RekenFout(f"invoer {definition.name} ontbreekt", span)
            value = self.inputs[definition.name]
            type_ = self.checked.type_of(definition)
            self.record(Uitleg("invoer", definition.name, show(value, type_),
                               _ref(definition.reference), definition.label))
            return _fields(value, target.fields)
        if isinstance(definition, ir.ParameterDef):
            return _fields(self.parameter_value(definition), target.fields)
        if isinstance(definition, ir.RuleDef):
            member = members.get(target.element) if target.element else None
            return _fields(self.rule_value(target.module, definition, member), target.fields)
        raise RekenFout(f"'{target.name}' heeft geen waarde", span)

    def parameter_value(self, definition: ir.ParameterDef, on: datetime.date | None = None
                        ) -> Value:
        """The value in force at the peildatum, or `on` another date (`p op d`). A parameter's
        value may read other parameters: those are taken on the same date."""
        day = on or self.parameter_day or self.peildatum
        chosen = select_dated(definition.values, day)
        if chosen is None:
            raise RekenFout(runtime.geen_waarde_melding(definition.name, day), definition.span)
        if chosen.value is None:
            assert chosen.unknown is not None
            raise OnbekendeWaarde(runtime.onbekend_melding(
                "parameter", definition.name, chosen.valid_from, chosen.unknown.reason),
                chosen.span)
        self.trace.append([])
        outer, self.parameter_day = self.parameter_day, day
        try:
            value = self.eval(chosen.value, {})
        finally:
            self.parameter_day = outer
            self.trace.pop()
        type_ = self.checked.type_of(definition)
        if chosen.provisional is not None:
            self.provisional.add(definition.name)
        note = runtime.parameter_toelichting(
            chosen.valid_from.isoformat() if chosen.valid_from else None,
            chosen.provisional.reason if chosen.provisional is not None else None, on)
        self.record(Uitleg("parameter", definition.name, show(value, type_),
                           _ref(chosen.reference or definition.reference), note))
        return value

    def rule_value(self, module: str, rule: ir.RuleDef, member: Any,
                   arguments: tuple[Value, ...] = ()) -> Value:
        key = (module, rule.name, id(member), arguments)
        if key in self.memo:
            value, node = self.memo[key]
            self.record(node)
            return value
        if key in self.active:
            raise RekenFout(f"regel {rule.name} hangt van zichzelf af", rule.span)
        self.active.add(key)
        members = {rule.per: member} if rule.per is not None else {}
        members.update({a.name: v for a, v in zip(rule.arguments, arguments)})
        self.trace.append([])
        try:
            value, reference, note = self.rule_body(rule, members)
        finally:
            children = self.trace.pop()
            self.active.discard(key)
        type_ = self.checked.type_of(rule)
        name = rule.name if member is None else f"{rule.name} ({_member_label(member)})"
        if rule.arguments:
            label = runtime.argumenten_label(
                (a.name, show(v, self.checked.type_of(a))) for a, v in zip(rule.arguments, arguments))
            name = f"{rule.name} ({label})"
        node = Uitleg("regel", name, show(value, type_), reference, note, children)
        self.memo[key] = (value, node)
        self.record(node)
        return value

    def rule_body(self, rule: ir.RuleDef, members: dict[str, Any]
                  ) -> tuple[Value, str | None, str | None]:
        if rule.ordered_exceptions:
            first = next((e for e in rule.exceptions if self.eval(e.condition, members)), None)
            applying = [first] if first is not None else []
        else:
            applying = [e for e in rule.exceptions if self.eval(e.condition, members)]
        if len(applying) > 1:
            first, second = applying[0], applying[1]
            raise RekenFout(
                f"twee uitzonderingen op regel {rule.name} gelden tegelijk: "
                f"[{_ref(first.reference) or 'regel ' + str(first.span.line)}] en "
                f"[{_ref(second.reference) or 'regel ' + str(second.span.line)}]",
                second.span,
            )
        if applying:
            exception = applying[0]
            reference = _ref(exception.reference) or _ref(rule.reference)
            return self.eval(exception.value, members), reference, "uitzondering"
        if rule.value is None:
            raise RekenFout(f"regel {rule.name} heeft geen waarde", rule.span)
        return (self.eval(rule.value, members), _ref(rule.value_reference or rule.reference),
                None)

    # ------------------------------------------------------------ expressions
    def eval(self, expr: ir.Expr, members: dict[str, Any]) -> Value:
        if isinstance(expr, ir.Literal):
            return expr.value
        if isinstance(expr, ir.Name):
            return self.target_value(self.checked.target(expr), members, expr.span)
        if isinstance(expr, ir.Binary):
            return self.binary(expr, members)
        if isinstance(expr, ir.Unary):
            operand = self.eval(expr.operand, members)
            return (not operand) if expr.op == "niet" else -operand
        if isinstance(expr, ir.Call):
            return self.lookup(expr, members)
        if isinstance(expr, ir.Conditional):
            for condition, value in expr.cases:
                if self.eval(condition, members):
                    return self.eval(value, members)
            if expr.otherwise is None:
                raise RekenFout("geen van de gevallen van 'als ... dan ...' is van toepassing",
                                expr.span)
            return self.eval(expr.otherwise, members)
        if isinstance(expr, ir.MinMax):
            values = [self.eval(arg, members) for arg in expr.args]
            return max(values) if expr.op == "maximum" else min(values)
        if isinstance(expr, ir.Aggregate):
            return self.aggregate(expr, members)
        if isinstance(expr, ir.Rounding):
            step = expr.step
            if self.checked.type_of(expr).percent:
                step = step.scaleb(-2)  # "op 2 decimalen" means 13,46 %, not 0,13
            return runtime.afronden(self.eval(expr.operand, members), step, expr.mode)
        if isinstance(expr, ir.Per):
            return self.eval(expr.operand, members)
        if isinstance(expr, ir.Convert):
            value = self.eval(expr.operand, members)
            source = self.checked.type_of(expr.operand).unit.period()
            return runtime.omrekenen(value, source or "", expr.unit)
        if isinstance(expr, ir.Peildatum):
            return self.peildatum
        if isinstance(expr, ir.Between):
            return runtime.tussen(expr.unit, self.eval(expr.start, members),
                                  self.eval(expr.end, members))
        if isinstance(expr, ir.AtDate):
            day = self.eval(expr.date, members)
            target = self.checked.target(expr.parameter)
            definition = self.checked.find(target.module, target.name)
            assert isinstance(definition, ir.ParameterDef) and isinstance(day, datetime.date)
            return self.parameter_value(definition, on=day)
        if isinstance(expr, ir.PeriodEdge):
            day = self.eval(expr.operand, members)
            assert isinstance(day, datetime.date)
            return runtime.kalender(expr.edge, expr.period, day)
        raise AssertionError(f"unknown expression {expr!r}")

    def binary(self, expr: ir.Binary, members: dict[str, Any]) -> Value:
        op = expr.op
        if op == "en":
            return bool(self.eval(expr.left, members)) and bool(self.eval(expr.right, members))
        if op == "of":
            return bool(self.eval(expr.left, members)) or bool(self.eval(expr.right, members))
        left = self.eval(expr.left, members)
        right = self.eval(expr.right, members)
        if isinstance(left, datetime.date) and op in ("+", "-"):
            unit = self.checked.type_of(expr.right).unit.factors[0][0]
            try:
                return runtime.plus_periode(left, unit, right if op == "+" else -right)
            except runtime.RekenFout as exc:  # 1,5 maand: no whole number of periods
                raise RekenFout(exc.melding, expr.span) from None
        value = apply(op, left, right, expr.span)
        if op in ("×", "/"):
            scale = t.product_scale(self.checked.type_of(expr.left), self.checked.type_of(expr.right),
                                    op)
            if scale != 1:  # `bedrag per jaar × 3 maanden`: the periods cancel exactly
                value = runtime.schaal(value, scale.numerator, scale.denominator)
        return value

    def lookup(self, expr: ir.Call, members: dict[str, Any]) -> Value:
        target = self.checked.target(expr.callee)
        table = self.checked.find(target.module, target.name)
        if isinstance(table, ir.RuleDef):  # a rule with arguments
            values = tuple(self.eval(arg, members) for arg in expr.args)
            return self.rule_value(target.module, table, None, values)
        assert isinstance(table, ir.TableDef)
        args = [self.eval(arg, members) for arg in expr.args]
        version = select_dated(table.versions, self.peildatum)
        if version is None:
            raise RekenFout(f"tabel {table.name} heeft geen versie op {self.peildatum.isoformat()}",
                            expr.span)
        if version.unknown is not None:
            raise OnbekendeWaarde(runtime.onbekend_melding(
                "tabel", table.name, version.valid_from, version.unknown.reason), version.span)
        self.trace.append([])
        try:
            matches = [index for index, row in enumerate(version.rows)
                       if self.row_matches(row, args, members)]
        finally:
            self.trace.pop()
        input_types = [self.checked.type_of(a) for a in expr.args]
        described = ", ".join(f"{c.name} = {show(v, ty)}"
                              for c, v, ty in zip(table.inputs, args, input_types))
        if not matches:
            raise RekenFout(f"tabel {table.name} heeft geen rij voor {described}", expr.span)
        if len(matches) > 1 and not table.first_hit:
            rows = " en ".join(str(i + 1) for i in matches[:2])
            raise RekenFout(f"rijen {rows} van tabel {table.name} gelden allebei voor {described}",
                            version.rows[matches[1]].span)
        row = version.rows[matches[0]]
        self.trace.append([])
        cell = row.cells[-1]
        assert isinstance(cell, ir.ValueCell)
        value = self.eval(cell.value, members)
        self.trace.pop()
        note = f"rij {matches[0] + 1}: {described}"
        if version.valid_from is not None:
            note += f"; versie vanaf {version.valid_from.isoformat()}"
        provisional = row.provisional or version.provisional
        if provisional is not None:
            self.provisional.add(f"{table.name} rij {matches[0] + 1}" if row.provisional else
                                 f"{table.name} versie vanaf {version.valid_from}")
            note += "; voorlopig" + (f": {provisional.reason}" if provisional.reason else "")
        self.record(Uitleg("tabel", table.name, show(value, self.checked.type_of(table)),
                           _ref(row.reference or version.reference or table.reference), note))
        return value

    def row_matches(self, row: ir.Row, args: list[Value], members: dict[str, Any]) -> bool:
        for cell, arg in zip(row.cells, args):
            if not self.cell_matches(cell, arg, members):
                return False
        return True

    def cell_matches(self, cell: ir.Cell, arg: Value, members: dict[str, Any]) -> bool:
        if isinstance(cell, ir.AnyCell):
            return True
        if isinstance(cell, ir.RangeCell):
            if cell.lower is not None:
                lower = self.eval(cell.lower, members)
                if arg < lower or (arg == lower and not cell.lower_inclusive):
                    return False
            if cell.upper is not None:
                upper = self.eval(cell.upper, members)
                if arg > upper or (arg == upper and not cell.upper_inclusive):
                    return False
            return True
        if isinstance(cell, ir.CompareCell):
            return bool(apply(cell.op, arg, self.eval(cell.value, members), cell.span))
        assert isinstance(cell, ir.ValueCell)
        return any(arg == self.eval(v, members) for v in alternatives(cell.value))

    def aggregate(self, expr: ir.Aggregate, members: dict[str, Any]) -> Value:
        target = self.checked.target(expr.collection)
        collection = self.target_value(target, members, expr.collection.span)
        element = self.checked.type_of(expr.collection).element.name
        selected = []
        for item in collection:
            inner = dict(members)
            inner[element] = item
            if expr.condition is None or self.eval(expr.condition, inner):
                selected.append(inner)
        if expr.op == "aantal":
            return Decimal(len(selected))
        if expr.op == "enig":
            return bool(selected)
        if expr.op == "alle":
            return len(selected) == len(collection)
        assert expr.body is not None
        values = [self.eval(expr.body, inner) for inner in selected]
        if expr.op == "som":
            return sum(values, Decimal(0))
        if not values:
            raise RekenFout(f"het {expr.op} over een lege lijst bestaat niet", expr.span)
        return max(values) if expr.op == "maximum" else min(values)


def apply(op: str, left: Value, right: Value, span: Span | None = None) -> Value:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "×":
        return left * right
    if op == "/":
        if right == 0:
            raise RekenFout("deling door nul", span)
        return left / right
    if op == "=":
        return left == right
    if op == "≠":
        return left != right
    if op == "<":
        return left < right
    if op == "≤":
        return left <= right
    if op == ">":
        return left > right
    if op == "≥":
        return left >= right
    raise AssertionError(op)


def _fields(value: Value, fields: tuple[str, ...]) -> Value:
    for field in fields:
        value = value[field]
    return value


def _ref(reference: ir.Reference | None) -> str | None:
    return reference.text if reference is not None else None


def _member_label(member: Any) -> str:
    if isinstance(member, dict):
        first = next(iter(member.items()), None)
        if first is not None:
            return f"{first[0]} {first[1]}"
    return "lid"
