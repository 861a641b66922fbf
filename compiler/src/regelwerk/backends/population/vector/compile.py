"""The core IR as a column program: `ColumnCompiler` computes each core expression for every row
of a domain at once (see `columns`). What it does not vectorise raises `Unsupported` (the whole
population then goes per household); what fails on some rows is a "!" note on those rows."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import numpy as np

from regelwerk import runtime
from regelwerk.backends.population.vector import dates, lists, numbers, tables
from regelwerk.backends.population.vector.columns import (
    EPOCH,
    Col,
    Domain,
    Notes,
    Unsupported,
    align,
    const,
    merge,
    number_from_decimals,
    restrict,
)
from regelwerk.core import nodes as c
from regelwerk.core.functions import REGISTRY
from regelwerk.core.visitor import Visitor
from regelwerk.ir import types as t

Array = Any


@attrs.frozen
class Ctx:
    """Where an expression is computed: its domain, the locals in scope, the day parameters are
    read on."""

    dom: Domain
    locals: dict[str, Col]
    day: datetime.date


def dummy(type_: t.Type) -> Col:
    """A value of the type for rows that go per household anyway."""
    if isinstance(type_, t.BooleanType):
        return const(False, "bool")
    if isinstance(type_, t.DateType):
        return const(EPOCH, "date")
    if isinstance(type_, t.ChoiceType):
        return const(type_.values[0], "choice", type_.values)
    if isinstance(type_, t.NumberType):
        return const(Decimal(0), "num")
    raise Unsupported(f"een waarde van het type {type_.describe()}")


def select_dated(items: Any, day: datetime.date) -> Any:
    chosen = None
    for item in sorted(items, key=lambda i: i.valid_from or datetime.date.min):
        if item.valid_from is None or item.valid_from <= day:
            chosen = item
    return chosen


class ColumnCompiler(Visitor[Col]):
    """Computes core expressions column-wise over a population (see the module docstring)."""

    def __init__(self, program: c.Program, peildatum: datetime.date, inputs: dict[str, Col],
                 households: Domain) -> None:
        self.program = program
        self.peildatum = peildatum
        self.inputs = inputs
        self.households = households
        self.memo: dict[tuple[Any, ...], Col] = {}
        self.active: set[tuple[Any, ...]] = set()

    def top(self) -> Ctx:
        return Ctx(self.households, {}, self.peildatum)

    def value(self, expr: c.Expr, ctx: Ctx) -> Col:
        return self.visit(expr, ctx)

    def find(self, module: str, name: str) -> Any:
        return self.program.find(module, name)

    # ------------------------------------------------------------ atoms
    def visit_Const(self, node: c.Const, ctx: Ctx) -> Col:
        if isinstance(node.type, t.ChoiceType):
            return const(node.value, "choice", node.type.values)
        return const(node.value, "value")

    def visit_InputRef(self, node: c.InputRef, ctx: Ctx) -> Col:
        if node.name not in self.inputs:
            raise Unsupported(f"invoer {node.name} ontbreekt")
        return self.inputs[node.name]

    def visit_ParameterRef(self, node: c.ParameterRef, ctx: Ctx) -> Col:
        return self.parameter(node.module, node.name, ctx.day)

    def parameter(self, module: str, name: str, day: datetime.date) -> Col:
        key = ("parameter", module, name, day)
        if key in self.memo:
            return self.memo[key]
        definition = self.find(module, name)
        chosen = select_dated(definition.values, day)
        if chosen is None:
            found = dummy(definition.type).with_notes(
                {"!" + runtime.geen_waarde_melding(name, day): None})
        elif chosen.value is None:
            found = dummy(definition.type).with_notes(
                {"!" + runtime.onbekend_melding("parameter", name, chosen.valid_from,
                                                chosen.unknown.reason): None})
        else:
            found = self.value(chosen.value, Ctx(self.households, {}, day))
            if chosen.provisional is not None:
                found = found.with_notes(merge(found.notes, {name: None}))
        self.memo[key] = found
        return found

    def visit_ParameterOn(self, node: c.ParameterOn, ctx: Ctx) -> Col:
        day = self.value(node.date, ctx)
        if day.dom is None:
            return self.parameter(node.module, node.name,
                                  EPOCH + datetime.timedelta(days=int(day.data[0])))
        definition = self.find(node.module, node.name)
        versions = sorted(definition.values, key=lambda i: i.valid_from or datetime.date.min)
        if any(v.value is not None and not isinstance(v.value, c.Const) for v in versions):
            raise Unsupported(f"parameter {node.name} op een datum per huishouden")
        starts = np.array([(v.valid_from - EPOCH).days if v.valid_from else -10 ** 9
                           for v in versions], dtype=np.int64)
        index = np.searchsorted(starts, day.data, side="right") - 1
        notes: Notes = dict(day.notes)
        none = index < 0
        if none.any():
            notes["!parameter " + node.name + " heeft geen waarde op die dag"] = none
        safe = np.maximum(index, 0)
        values: list[Any] = []
        for k, version in enumerate(versions):
            if version.value is None:
                hit = index == k
                if hit.any():
                    notes["!" + runtime.onbekend_melding(
                        "parameter", node.name, version.valid_from, version.unknown.reason)] = hit
                values.append(dummy(definition.type))
            else:
                values.append(self.value(version.value, ctx))
            if version.provisional is not None and version.value is not None:
                hit = index == k
                if hit.any():
                    notes = merge(notes, {node.name: hit})
        if all(v.kind == "num" and v.dom is None and np.size(v.data) == 1 for v in values):
            # every version one fixed number: each row's version's value, by its index
            same = numbers.same_scale(values)
            if all(v.kind == "num" for v in same):
                table = np.array([int(np.ravel(v.data)[0]) for v in same], dtype=np.int64)
                exps = [v.exp for v in same]
                exp: Any = exps[0]
                if not (all(isinstance(e, int) for e in exps) and len(set(exps)) == 1):
                    exp = np.array([int(np.ravel(e)[0]) for e in exps], dtype=np.int64)[safe]
                return Col("num", table[safe], day.dom, same[0].scale, exp, notes)
        masks = [safe == k for k in range(len(versions) - 1)]
        return numbers.select(masks, values[:-1], values[-1], day.dom, notes)

    def visit_RuleRef(self, node: c.RuleRef, ctx: Ctx) -> Col:
        rule = self.find(node.module, node.name)
        if rule.per is None:
            return self.rule(rule, Ctx(self.households, {}, self.peildatum), ())
        member = ctx.locals.get(node.member or "")
        if member is None or member.dom is None:
            raise Unsupported(f"regel per {rule.per} {rule.name} buiten een lijst")
        inner = Ctx(member.dom, {rule.per: member}, self.peildatum)
        return self.rule(rule, inner, (id(member.dom),))

    def visit_RuleCall(self, node: c.RuleCall, ctx: Ctx) -> Col:
        rule = self.find(node.module, node.name)
        args = [self.value(arg, ctx) for arg in node.args]
        aligned, dom = align(*args)
        bound = {a.name: v for a, v in zip(rule.arguments, aligned)}
        inner = Ctx(dom or self.households, bound, self.peildatum)
        return self.rule(rule, inner, None)

    def rule(self, rule: c.Rule, ctx: Ctx, key_extra: tuple[Any, ...] | None) -> Col:
        key = ("rule", rule.module, rule.name, key_extra)
        if key_extra is not None and key in self.memo:
            return self.memo[key]
        if key in self.active:
            raise Unsupported(f"regel {rule.name} hangt van zichzelf af")
        self.active.add(key)
        try:
            found = self.body(rule, ctx)
        finally:
            self.active.discard(key)
        if key_extra is not None:
            self.memo[key] = found
        return found

    def body(self, rule: c.Rule, ctx: Ctx) -> Col:
        body = rule.body
        dom = ctx.dom
        reach = np.ones(dom.size, dtype=bool)
        masks: list[Array] = []
        values: list[Col] = []
        notes: Notes = {}
        for priority in sorted({term.priority for term in body.terms}, reverse=True):
            level = [term for term in body.terms if term.priority == priority]
            conditions = [self.expand(self.value(term.condition, ctx), dom) for term in level]
            applying = np.zeros(dom.size, dtype=np.int64)
            for cond in conditions:
                notes = merge(notes, restrict(cond.notes, reach))
                holds = numbers.full(cond.data, dom) & reach
                applying += holds
            conflict = applying > 1
            if conflict.any():
                notes = merge(notes, {f"!twee uitzonderingen op regel {rule.name}": conflict})
            for term, cond in zip(level, conditions):
                holds = numbers.full(cond.data, dom) & reach
                value = self.expand(self.value(term.value, ctx), dom)
                notes = merge(notes, restrict(value.notes, holds))
                masks.append(holds)
                values.append(value)
                reach = reach & ~holds
        if body.base is None:
            if reach.any():
                notes = merge(notes, {f"!regel {rule.name} heeft geen waarde": reach})
            default = dummy(rule.type)
        else:
            default = self.expand(self.value(body.base, ctx), dom)
            notes = merge(notes, restrict(default.notes, reach))
        return numbers.select(masks, values, default, dom, notes)

    def expand(self, col: Col, dom: Domain) -> Col:
        (found, _), _ = align(col, Col("bool", None, dom))
        if found.dom is None and found.kind not in ("list", "record"):
            size = dom.size
            exp = found.exp if isinstance(found.exp, int) else np.broadcast_to(found.exp, (size,))
            found = attrs.evolve(found, data=np.broadcast_to(found.data, (size,)), dom=dom,
                                 exp=exp)
        return found

    def visit_TableLookup(self, node: c.TableLookup, ctx: Ctx) -> Col:
        return tables.lookup(self, node, ctx)

    def visit_Local(self, node: c.Local, ctx: Ctx) -> Col:
        if node.name not in ctx.locals:
            raise Unsupported(f"{node.name} buiten zijn lijst")
        return ctx.locals[node.name]

    def visit_FieldOf(self, node: c.FieldOf, ctx: Ctx) -> Col:
        record = self.value(node.operand, ctx)
        if record.kind != "record" or record.fields is None:
            raise Unsupported("een gegeven van iets anders dan een lid van een lijst")
        return record.fields[node.field]

    def visit_Peildatum(self, node: c.Peildatum, ctx: Ctx) -> Col:
        return const(self.peildatum, "date")

    # ------------------------------------------------------------ operators
    def visit_Negate(self, node: c.Negate, ctx: Ctx) -> Col:
        return numbers.negate(self.value(node.operand, ctx))

    def visit_Not(self, node: c.Not, ctx: Ctx) -> Col:
        operand = self.value(node.operand, ctx)
        return attrs.evolve(operand, data=~operand.data)

    def visit_Arithmetic(self, node: c.Arithmetic, ctx: Ctx) -> Col:
        return numbers.arithmetic(node.op, self.value(node.left, ctx), self.value(node.right, ctx))

    def visit_Compare(self, node: c.Compare, ctx: Ctx) -> Col:
        left, right = self.value(node.left, ctx), self.value(node.right, ctx)
        if left.kind != right.kind and not {left.kind, right.kind} <= {"num", "dec", "wide"}:
            raise Unsupported(f"vergelijking van {left.kind} met {right.kind}")
        return numbers.compare(node.op, left, right)

    def visit_Logical(self, node: c.Logical, ctx: Ctx) -> Col:
        left = self.value(node.left, ctx)
        right = self.value(node.right, ctx)
        (a, b), dom = align(left, right)
        decided = a.data if node.op == "of" else ~a.data
        reach = ~numbers.full(decided, dom)
        notes = merge(a.notes, restrict(b.notes, reach))
        data = (a.data & b.data) if node.op == "en" else (a.data | b.data)
        return Col("bool", data, dom, notes=notes)

    def visit_Scale(self, node: c.Scale, ctx: Ctx) -> Col:
        return numbers.scale(self.value(node.operand, ctx), node.numerator, node.denominator)

    def visit_Round(self, node: c.Round, ctx: Ctx) -> Col:
        return numbers.round_number(self.value(node.operand, ctx), node.step, node.mode)

    def visit_Choose(self, node: c.Choose, ctx: Ctx) -> Col:
        conditions = [self.value(case.condition, ctx) for case in node.cases]
        values = [self.value(case.value, ctx) for case in node.cases]
        otherwise = self.value(node.otherwise, ctx) if node.otherwise is not None \
            else dummy(node.type)
        every = [*conditions, *values, otherwise]
        _, dom = align(*every)
        if dom is None:  # every part constant
            dom = ctx.dom
        conditions = [self.expand(x, dom) for x in conditions]
        values = [self.expand(x, dom) for x in values]
        otherwise = self.expand(otherwise, dom)
        reach = np.ones(dom.size, dtype=bool)
        notes: Notes = {}
        masks = []
        for cond, value in zip(conditions, values):
            notes = merge(notes, restrict(cond.notes, reach))
            holds = numbers.full(cond.data, dom) & reach
            notes = merge(notes, restrict(value.notes, holds))
            masks.append(holds)
            reach = reach & ~holds
        if node.otherwise is None:
            if reach.any():
                notes = merge(notes, {"!geen van de gevallen van 'als' is van toepassing": reach})
        else:
            notes = merge(notes, restrict(otherwise.notes, reach))
        return numbers.select(masks, values, otherwise, dom, notes)

    def visit_Extreme(self, node: c.Extreme, ctx: Ctx) -> Col:
        return numbers.extreme(node.op, [self.value(arg, ctx) for arg in node.args])

    def visit_Aggregate(self, node: c.Aggregate, ctx: Ctx) -> Col:
        return lists.aggregate(self, node, ctx)

    def visit_DateShift(self, node: c.DateShift, ctx: Ctx) -> Col:
        day = self.value(node.date, ctx)
        amount = self.value(node.amount, ctx)
        (day, amount), dom = align(day, amount)
        if amount.kind != "num":
            raise Unsupported("een duur die niet in 64 bits past")
        unit = 10 ** amount.scale
        whole = amount.data % unit == 0
        notes = merge(day.notes, amount.notes)
        if not np.all(whole):
            notes = merge(notes, {"!bij een datum tellen alleen hele periodes":
                                  numbers.full(~whole, dom).copy()})
        count = node.sign * (amount.data // unit)
        if node.unit in ("dag", "week"):
            data = day.data + count * (7 if node.unit == "week" else 1)
        else:
            months = count * {"maand": 1, "kwartaal": 3, "jaar": 12}[node.unit]
            if np.any(np.abs(months) > 120000):
                raise Unsupported("een datum ver buiten de jaartelling")
            data = dates.plus_months(day.data, months)
        return self.date_result(data, dom, notes)

    def date_result(self, data: Array, dom: Domain | None, notes: Notes) -> Col:
        ok = dates.in_range(data)
        if not np.all(ok):
            raise Unsupported("een datum buiten de jaren 1 tot 9999")
        return Col("date", data, dom, notes=notes)

    def visit_Builtin(self, node: c.Builtin, ctx: Ctx) -> Col:
        args = [self.value(arg, ctx) for arg in node.args]
        cols, dom = align(*args)
        notes = merge(*(a.notes for a in cols))
        if node.function == "tussen":
            begin, end = cols[0].data, cols[1].data
            unit = node.options[0]
            if unit == "dag":
                data = end - begin
            else:
                sign, months = dates.months_between(begin, end)
                data = sign * (months // 12 if unit == "jaar" else months)
            return Col("num", np.asarray(data, dtype=np.int64), dom, 0, 0, notes)
        if node.function == "kalender":
            return self.date_result(dates.calendar(node.options[0], node.options[1],
                                                   cols[0].data), dom, notes)
        if node.function == "dag_van_de_week":
            return Col("num", (cols[0].data + 3) % 7 + 1, dom, 0, 0, notes)
        return self.elementwise(node, cols, dom, notes)

    def elementwise(self, node: c.Builtin, cols: list[Col], dom: Domain | None,
                    notes: Notes) -> Col:
        """A built-in the column program has no numpy form of: the runtime's function on each
        distinct argument (dates only)."""
        if any(col.kind != "date" for col in cols) or len(cols) != 1:
            raise Unsupported(f"de functie {node.function}")
        function = REGISTRY[node.function].implementation()
        distinct, inverse = np.unique(cols[0].data, return_inverse=True)
        results: list[Any] = []
        failed = np.zeros(len(distinct), dtype=bool)
        for k, day in enumerate(distinct):
            try:
                results.append(function(*node.options,
                                        EPOCH + datetime.timedelta(days=int(day))))
            except runtime.RekenFout:
                failed[k] = True
                results.append(None)
        if failed.any():
            notes = merge(notes, {f"!{node.function}": failed[inverse]})
        sample = next((r for r in results if r is not None), None)
        if isinstance(sample, bool) or sample is None:
            data = np.array([bool(r) for r in results], dtype=bool)[inverse]
            return Col("bool", data, dom, notes=notes)
        if isinstance(sample, datetime.date):
            data = np.array([(r - EPOCH).days if r is not None else 0 for r in results],
                            dtype=np.int64)[inverse]
            return Col("date", data, dom, notes=notes)
        numbers_ = number_from_decimals([r if r is not None else Decimal(0) for r in results],
                                        None)
        return attrs.evolve(numbers_, data=numbers_.data[inverse], dom=dom, notes=notes,
                            exp=numbers_.exp if isinstance(numbers_.exp, int)
                            else numbers_.exp[inverse])
