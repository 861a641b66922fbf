"""Builds types, expressions and literals: where the analyst's notation is decoded into values.

Expressions are the recursive part of the language, and literals the one place where text becomes
a value (money, percentages, dates), with the warnings about notation that only show here (RW012,
RW013, RW015). Operators are brought to one spelling each, so later passes never see `*` or `<=`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
from lark import Token
from lark.tree import Meta

from regelwerk.diagnostics import error, warning
from regelwerk.ir import nodes as ir
from regelwerk.ir.types import SINGULAR
from regelwerk.syntax import literals
from regelwerk.syntax.build_base import BuilderBase
from regelwerk.syntax.suggestions import english_separator

ROUND_MODES = {
    "rekenkundig": "rekenkundig",
    "naar beneden": "naar beneden",
    "naar boven": "naar boven",
    "richting nul": "richting nul",
    "weg van nul": "weg van nul",
}
COMPARE_OPS = {"=": "=", "≠": "≠", "<>": "≠", "<": "<", "≤": "≤", "<=": "≤", ">": ">", "≥": "≥",
               ">=": "≥"}
ARITHMETIC_OPS = {"+": "+", "-": "-", "−": "-", "×": "×", "*": "×", "·": "×", "/": "/", "÷": "/"}


@attrs.frozen
class _Filter:
    condition: ir.Expr


class ExpressionBuilder(BuilderBase):
    """The rules below a statement's keywords: types, expressions and literals."""

    # ------------------------------------------------------------- types
    def type(self, meta: Meta, children: list[Any]) -> ir.TypeExpr:
        base = children[0]
        per = children[1] if len(children) > 1 else None
        if isinstance(base, ir.Name):
            return ir.TypeExpr("naam", self.span(meta), per, base.parts)
        return ir.TypeExpr(base, self.span(meta), per)

    def list_type(self, meta: Meta, children: list[Any]) -> ir.TypeExpr:
        return ir.TypeExpr("lijst", self.span(meta), None, children[0].parts)

    def base_type(self, meta: Meta, children: list[Any]) -> Any:
        child = children[0]
        return child if isinstance(child, ir.Name) else str(child)

    def per_unit(self, meta: Meta, children: list[str]) -> str:
        return children[0]

    def unit(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def duration_unit(self, meta: Meta, children: list[Token]) -> str:
        word = str(children[0])
        return SINGULAR.get(word, word)

    def periods(self, meta: Meta, children: list[Token]) -> str:
        return SINGULAR[str(children[0])]

    # ------------------------------------------------------------- expressions
    def conditional(self, meta: Meta, children: list[Any]) -> ir.Conditional:
        condition, then = children[0], children[1]
        otherwise = children[2] if len(children) > 2 else None
        if isinstance(otherwise, ir.Conditional):
            # `anders als ...` continues the same list of cases.
            return ir.Conditional(((condition, then),) + otherwise.cases, otherwise.otherwise,
                                  self.span(meta))
        return ir.Conditional(((condition, then),), otherwise, self.span(meta))

    def rounded(self, meta: Meta, children: list[Any]) -> ir.Rounding:
        operand, (mode, step, target) = children
        return ir.Rounding(operand, mode, step, target, self.span(meta))

    def rounding(self, meta: Meta, children: list[Any]) -> tuple[str, Decimal, str]:
        modes = [c for c in children if isinstance(c, str) and c in ROUND_MODES]
        target = next(c for c in children if isinstance(c, tuple))
        if len(modes) > 1:
            self.diagnostics.append(
                error("RW012", "de afronding noemt twee afrondingswijzen", self.span(meta),
                      "noem de wijze één keer, vóór of na 'afgerond op ...'")
            )
        return (modes[0] if modes else "rekenkundig", target[0], target[1])

    def round_mode(self, meta: Meta, children: list[Token]) -> str:
        return " ".join(str(t) for t in children)

    def round_target(self, meta: Meta, children: list[Token]) -> tuple[Decimal, str]:
        words = [str(t) for t in children]
        text = " ".join(words)
        if words[:2] == ["de", "eurocent"]:
            return Decimal("0.01"), text
        if words[-1] == "decimalen":
            count = literals.parse_number(words[0])
            return Decimal(1).scaleb(-int(count)), text
        if words[0] == "een":
            token = children[-1]
            value = (literals.parse_money(token) if token.type == "MONEY"
                     else literals.parse_number(token))
            if value <= 0:
                self.diagnostics.append(
                    error("RW013", "afronden op een veelvoud van nul of minder kan niet",
                          self.tspan(token), "noem een positief veelvoud, bijv. € 0,05")
                )
                value = Decimal(1)
            return value, text
        return Decimal(1), text

    def or_(self, meta: Meta, children: list[Any]) -> ir.Binary:
        return ir.Binary("of", children[0], children[1], self.span(meta))

    def and_(self, meta: Meta, children: list[Any]) -> ir.Binary:
        return ir.Binary("en", children[0], children[1], self.span(meta))

    def not_(self, meta: Meta, children: list[Any]) -> ir.Unary:
        return ir.Unary("niet", children[0], self.span(meta))

    def compare(self, meta: Meta, children: list[Any]) -> ir.Binary:
        return ir.Binary(children[1], children[0], children[2], self.span(meta))

    def compare_op(self, meta: Meta, children: list[Token]) -> str:
        return COMPARE_OPS[str(children[0])]

    def binary(self, meta: Meta, children: list[Any]) -> ir.Binary:
        return ir.Binary(ARITHMETIC_OPS[str(children[1])], children[0], children[2], self.span(meta))

    def negate(self, meta: Meta, children: list[Any]) -> ir.Expr:
        operand = children[1]
        if isinstance(operand, ir.Literal) and isinstance(operand.value, Decimal):
            return attrs.evolve(operand, value=-operand.value, span=self.span(meta),
                                text="-" + operand.text)
        return ir.Unary("-", operand, self.span(meta))

    def per(self, meta: Meta, children: list[Any]) -> ir.Per:
        return ir.Per(children[0], children[1], self.span(meta))

    def convert(self, meta: Meta, children: list[Any]) -> ir.Convert:
        return ir.Convert(children[0], children[1], self.span(meta))

    def name(self, meta: Meta, children: list[ir.Name]) -> ir.Name:
        return children[0]

    def dotted_name(self, meta: Meta, children: list[Token]) -> ir.Name:
        return ir.Name(tuple(str(t) for t in children), self.span(meta))

    def call(self, meta: Meta, children: list[Any]) -> ir.Call:
        args = tuple(c for c in children[1:] if c is not None)
        return ir.Call(children[0], args, self.span(meta))

    def minmax(self, meta: Meta, children: list[Any]) -> ir.MinMax:
        return ir.MinMax(children[0], tuple(children[1:]), self.span(meta))

    def minmax_over(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        condition = children[3].condition if len(children) > 3 else None
        return ir.Aggregate(children[0], children[2], children[1], condition, self.span(meta))

    def sum_over(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        condition = children[2].condition if len(children) > 2 else None
        return ir.Aggregate("som", children[1], children[0], condition, self.span(meta))

    def count(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        condition = children[1].condition if len(children) > 1 else None
        return ir.Aggregate("aantal", children[0], None, condition, self.span(meta))

    def any_of(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        return ir.Aggregate("enig", children[0], None, children[1].condition, self.span(meta))

    def all_of(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        return ir.Aggregate("alle", children[0], None, children[1].condition, self.span(meta))

    def filter(self, meta: Meta, children: list[Any]) -> _Filter:
        return _Filter(children[0])

    def minmax_kw(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def peildatum(self, meta: Meta, children: list[Any]) -> ir.Peildatum:
        return ir.Peildatum(self.span(meta))

    def between(self, meta: Meta, children: list[Any]) -> ir.Between:
        return ir.Between(children[0], children[1], children[2], self.span(meta))

    def at_date(self, meta: Meta, children: list[Any]) -> ir.AtDate:
        return ir.AtDate(children[0], children[1], self.span(meta))

    def period_edge(self, meta: Meta, children: list[Any]) -> ir.PeriodEdge:
        return ir.PeriodEdge(children[0], children[1], children[2], self.span(meta))

    def edge(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def calendar_period(self, meta: Meta, children: list[Token]) -> str:
        return str(children[-1])

    # ------------------------------------------------------------- literals
    def money(self, meta: Meta, children: list[Token]) -> ir.Literal:
        t = children[0]
        meant = english_separator(str(t))
        if meant is not None:
            self.diagnostics.append(
                warning("RW015", f"'{t}' leest Regelwerk als {literals.format_money(literals.parse_money(t))}"
                        f"; bedoelde u {meant}?", self.tspan(t),
                        f"een punt scheidt duizendtallen, een komma de centen: schrijf {meant} als u "
                        "duizendtallen bedoelde, of twee cijfers na de komma voor centen"))
        return ir.Literal(literals.parse_money(t), "bedrag", self.tspan(t), text=str(t))

    def percent(self, meta: Meta, children: list[Token]) -> ir.Literal:
        t = children[0]
        return ir.Literal(literals.parse_percent(t), "percentage", self.tspan(t), text=str(t))

    def number(self, meta: Meta, children: list[Token]) -> ir.Literal:
        t = children[0]
        value = literals.parse_number(t)
        kind = "aantal" if "," not in t else "getal"
        return ir.Literal(value, kind, self.tspan(t), text=str(t))

    def duration(self, meta: Meta, children: list[Any]) -> ir.Literal:
        t, unit = children
        return ir.Literal(literals.parse_number(t), "duur", self.span(meta), unit=unit,
                          text=f"{t} {unit}")

    def date(self, meta: Meta, children: list[Token]) -> ir.Literal:
        t = children[0]
        return ir.Literal(self.date_value(t), "datum", self.tspan(t), text=str(t))

    def yes(self, meta: Meta, children: list[Any]) -> ir.Literal:
        return ir.Literal(True, "ja/nee", self.span(meta), text="ja")

    def no(self, meta: Meta, children: list[Any]) -> ir.Literal:
        return ir.Literal(False, "ja/nee", self.span(meta), text="nee")

    def empty(self, meta: Meta, children: list[Any]) -> ir.Literal:
        return ir.Literal(None, "geen", self.span(meta), text="geen")
