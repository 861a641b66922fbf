"""Core expressions as short Dutch text, for messages about what the core IR holds (a check that
names the division or rounding it cannot decide, the count in a counterexample).

The annex and the diff show rules as written (core/formula.py, from the surface); this text is for
the places that only have the core IR. It covers every core expression (tests/test_core_ir.py).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from regelwerk.core import display as dutch
from regelwerk.core import nodes as c
from regelwerk.core.functions import REGISTRY
from regelwerk.core.visitor import Visitor
from regelwerk.ir import types as t
from regelwerk.syntax import literals

# Shown without parentheses where they are an operand.
_SIMPLE = (c.Const, c.InputRef, c.ParameterRef, c.RuleRef, c.Local, c.FieldOf, c.Peildatum,
           c.RuleCall, c.TableLookup, c.Extreme)


def text(expr: c.Expr) -> str:
    return CoreText().visit(expr)


class CoreText(Visitor[str]):
    def atom(self, expr: c.Expr) -> str:
        shown = self.visit(expr)
        return shown if isinstance(expr, _SIMPLE) else f"({shown})"

    def visit_Const(self, expr: c.Const) -> str:
        value = expr.value
        if isinstance(value, bool):
            return "ja" if value else "nee"
        if isinstance(value, datetime.date):
            return literals.format_date(value)
        if isinstance(value, Decimal):
            if expr.kind == "bedrag":
                return dutch.money(value)
            if expr.kind == "duur":
                return dutch.duration(value, expr.unit or "dag")
            if expr.kind == "percentage" or (isinstance(expr.type, t.NumberType)
                                              and expr.type.percent):
                return dutch.percent(value)
            return dutch.number(value)
        return str(value)

    def visit_InputRef(self, expr: c.InputRef) -> str:
        return expr.name

    def visit_ParameterRef(self, expr: c.ParameterRef) -> str:
        return expr.name

    def visit_RuleRef(self, expr: c.RuleRef) -> str:
        return expr.name

    def visit_Local(self, expr: c.Local) -> str:
        return expr.name

    def visit_FieldOf(self, expr: c.FieldOf) -> str:
        return f"{self.visit(expr.operand)}.{expr.field}"

    def visit_Peildatum(self, expr: c.Peildatum) -> str:
        return "peildatum"

    def visit_ParameterOn(self, expr: c.ParameterOn) -> str:
        return f"{expr.name} op {self.atom(expr.date)}"

    def visit_RuleCall(self, expr: c.RuleCall) -> str:
        return f"{expr.name}({'; '.join(self.visit(a) for a in expr.args)})"

    def visit_TableLookup(self, expr: c.TableLookup) -> str:
        return f"{expr.name}({'; '.join(self.visit(a) for a in expr.args)})"

    def visit_Not(self, expr: c.Not) -> str:
        return f"niet {self.atom(expr.operand)}"

    def visit_Negate(self, expr: c.Negate) -> str:
        return f"-{self.atom(expr.operand)}"

    def _binary(self, expr: c.Arithmetic | c.Compare | c.Logical) -> str:
        return f"{self.atom(expr.left)} {expr.op} {self.atom(expr.right)}"

    visit_Arithmetic = visit_Compare = visit_Logical = _binary

    def visit_Scale(self, expr: c.Scale) -> str:
        if expr.reason == "omrekening" and expr.target:
            return f"{self.visit(expr.operand)} omgerekend per {expr.target}"
        return self.visit(expr.operand)  # periods that cancel: the product as written

    def visit_Round(self, expr: c.Round) -> str:
        return f"{self.atom(expr.operand)} afgerond op {expr.target}"

    def visit_Choose(self, expr: c.Choose) -> str:
        parts = [f"{'als' if i == 0 else 'anders als'} {self.visit(case.condition)} dan "
                 f"{self.atom(case.value)}" for i, case in enumerate(expr.cases)]
        if expr.otherwise is not None:
            parts.append(f"anders {self.atom(expr.otherwise)}")
        return " ".join(parts)

    def visit_Extreme(self, expr: c.Extreme) -> str:
        return f"{expr.op} van ({'; '.join(self.visit(a) for a in expr.args)})"

    def visit_Aggregate(self, expr: c.Aggregate) -> str:
        where = f" waarvoor {self.visit(expr.condition)}" if expr.condition is not None else ""
        collection = self.visit(expr.collection)
        if expr.op == "aantal":
            return f"aantal {collection}{where}"
        if expr.op in ("enig", "alle"):
            return f"{expr.op} van {collection}{where}"
        body = self.visit(expr.body) if expr.body is not None else ""
        return f"{expr.op} van ({body}) over {collection}{where}"

    def visit_DateShift(self, expr: c.DateShift) -> str:
        sign = "+" if expr.sign > 0 else "-"
        return f"{self.atom(expr.date)} {sign} {self.atom(expr.amount)}"

    def visit_Builtin(self, expr: c.Builtin) -> str:
        return REGISTRY[expr.function].dutch(expr.options, [self.atom(a) for a in expr.args])
