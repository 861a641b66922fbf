"""The value of a core expression: one `visit_<Class>` per class of `core.nodes.EXPRESSIONS`.

What a name refers to (an input, a parameter on a day, a rule for a member or for arguments, a
table in its version) is the `Interpreter`'s business (`interpret.evaluator`); this class computes
everything else and asks it through the hooks below. `members` binds the locals in scope: the member
of a list (`kind`), the member a rule is computed for, a rule's arguments.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from regelwerk import runtime
from regelwerk.core import nodes as c
from regelwerk.core.functions import REGISTRY
from regelwerk.core.visitor import Visitor
from regelwerk.runtime import RekenFout

Value = Any
Members = dict[str, Any]


class ExpressionEvaluator(Visitor[Value]):
    """Evaluates core expressions exactly (in the runtime's decimal context, set by the caller)."""

    peildatum: datetime.date
    # What a calculation exercised, for `regelwerk test --dekking` (interpret/coverage.py): keys
    # (kind, span, branch); None when no one asks, so a calculation pays nothing for it.
    covered: set[tuple[str, Any, int]] | None = None

    def eval(self, expr: c.Expr, members: Members) -> Value:
        return self.visit(expr, members)

    # ------------------------------------------------------------ hooks (see Interpreter)
    def input_value(self, node: c.InputRef) -> Value:
        raise NotImplementedError

    def parameter_value(self, module: str, name: str, on: datetime.date | None = None) -> Value:
        raise NotImplementedError

    def rule_value(self, module: str, name: str, member: Any,
                   arguments: tuple[Value, ...] = ()) -> Value:
        raise NotImplementedError

    def table_value(self, node: c.TableLookup, args: list[Value], members: Members) -> Value:
        raise NotImplementedError

    # ------------------------------------------------------------ atoms
    def visit_Const(self, node: c.Const, members: Members) -> Value:
        return node.value

    def visit_InputRef(self, node: c.InputRef, members: Members) -> Value:
        return self.input_value(node)

    def visit_ParameterRef(self, node: c.ParameterRef, members: Members) -> Value:
        return self.parameter_value(node.module, node.name)

    def visit_ParameterOn(self, node: c.ParameterOn, members: Members) -> Value:
        day = self.eval(node.date, members)
        assert isinstance(day, datetime.date)
        return self.parameter_value(node.module, node.name, on=day)

    def visit_RuleRef(self, node: c.RuleRef, members: Members) -> Value:
        member = members.get(node.member) if node.member is not None else None
        return self.rule_value(node.module, node.name, member)

    def visit_RuleCall(self, node: c.RuleCall, members: Members) -> Value:
        values = tuple(self.eval(arg, members) for arg in node.args)
        return self.rule_value(node.module, node.name, None, values)

    def visit_TableLookup(self, node: c.TableLookup, members: Members) -> Value:
        return self.table_value(node, [self.eval(arg, members) for arg in node.args], members)

    def visit_Local(self, node: c.Local, members: Members) -> Value:
        return members[node.name]

    def visit_FieldOf(self, node: c.FieldOf, members: Members) -> Value:
        return self.eval(node.operand, members)[node.field]

    def visit_Peildatum(self, node: c.Peildatum, members: Members) -> Value:
        return self.peildatum

    # ------------------------------------------------------------ operators
    def visit_Negate(self, node: c.Negate, members: Members) -> Value:
        return -self.eval(node.operand, members)

    def visit_Not(self, node: c.Not, members: Members) -> Value:
        return not self.eval(node.operand, members)

    def visit_Arithmetic(self, node: c.Arithmetic, members: Members) -> Value:
        return apply(node.op, self.eval(node.left, members), self.eval(node.right, members),
                     node.span)

    def visit_Compare(self, node: c.Compare, members: Members) -> Value:
        return apply(node.op, self.eval(node.left, members), self.eval(node.right, members),
                     node.span)

    def visit_Logical(self, node: c.Logical, members: Members) -> Value:
        left = bool(self.eval(node.left, members))
        if node.op == "en":
            return left and bool(self.eval(node.right, members))
        return left or bool(self.eval(node.right, members))

    def visit_Scale(self, node: c.Scale, members: Members) -> Value:
        return runtime.schaal(self.eval(node.operand, members), node.numerator, node.denominator)

    def visit_Round(self, node: c.Round, members: Members) -> Value:
        return runtime.afronden(self.eval(node.operand, members), node.step, node.mode)

    def visit_Choose(self, node: c.Choose, members: Members) -> Value:
        for index, case in enumerate(node.cases):
            if self.eval(case.condition, members):
                if self.covered is not None:
                    self.covered.add(("als", node.span, index))
                return self.eval(case.value, members)
        if self.covered is not None:
            self.covered.add(("als", node.span, len(node.cases)))
        if node.otherwise is None:
            raise RekenFout("geen van de gevallen van 'als ... dan ...' is van toepassing",
                            node.span)
        return self.eval(node.otherwise, members)

    def visit_Extreme(self, node: c.Extreme, members: Members) -> Value:
        values = [self.eval(arg, members) for arg in node.args]
        return max(values) if node.op == "maximum" else min(values)

    def visit_Aggregate(self, node: c.Aggregate, members: Members) -> Value:
        collection = self.eval(node.collection, members)
        selected = []
        for item in collection:
            inner = dict(members)
            inner[node.variable] = item
            if node.condition is None or self.eval(node.condition, inner):
                selected.append(inner)
        if node.op == "aantal":
            return Decimal(len(selected))
        if node.op == "enig":
            return bool(selected)
        if node.op == "alle":
            return len(selected) == len(collection)
        assert node.body is not None
        values = [self.eval(node.body, inner) for inner in selected]
        if node.op == "som":
            return sum(values, Decimal(0))
        if not values:
            raise RekenFout(f"het {node.op} over een lege lijst bestaat niet", node.span)
        return max(values) if node.op == "maximum" else min(values)

    def visit_DateShift(self, node: c.DateShift, members: Members) -> Value:
        day = self.eval(node.date, members)
        amount = self.eval(node.amount, members)
        try:
            return runtime.plus_periode(day, node.unit, amount if node.sign > 0 else -amount)
        except RekenFout as exc:  # 1,5 maand: no whole number of periods
            raise RekenFout(exc.melding, node.span) from None

    def visit_Builtin(self, node: c.Builtin, members: Members) -> Value:
        args = [self.eval(arg, members) for arg in node.args]
        try:
            return REGISTRY[node.function].implementation()(*node.options, *args)
        except RekenFout as exc:
            if exc.span is None:
                exc.span = node.span
            raise


def apply(op: str, left: Value, right: Value, span: object = None) -> Value:
    """An arithmetic operator or a comparison on two exact values."""
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
