"""Conditions as logic: the part of the language that an SMT solver (z3) decides exactly.

Inputs become variables, parameters their value at a date, rules are inlined; numbers are exact
rationals. What cannot be expressed exactly (tables, sums over lists, rounding, durations between
dates) raises Untranslatable, and the check that asked stays silent: the interpreter then catches
the problem at run time. Amounts, counts and hours are taken to be 0 or more.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import z3

from regelwerk.check.context import Context, Target
from regelwerk.check.types import conversion_factor
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.dated import select_dated
from regelwerk.syntax import literals

TIMEOUT_MS = 2000


class Untranslatable(Exception):
    """The expression is outside the decidable fragment."""


class Translator:
    def __init__(self, context: Context, peildatum: datetime.date | None) -> None:
        self.context = context
        self.peildatum = peildatum
        self.variables: dict[str, tuple[Any, t.Type]] = {}
        self.domain: list[Any] = []
        self.inlining: set[tuple[str, str]] = set()

    # ------------------------------------------------------------ variables
    def variable(self, name: str, type_: t.Type) -> Any:
        if name in self.variables:
            return self.variables[name][0]
        if isinstance(type_, t.BooleanType):
            var = z3.Bool(name)
        elif isinstance(type_, t.NumberType):
            var = z3.Real(name)
            if not type_.unit.dimensionless or type_.whole or type_.percent:
                self.domain.append(var >= 0)
            if type_.whole:
                self.domain.append(z3.IsInt(var))
        elif isinstance(type_, t.ChoiceType):
            var = z3.Int(name)
            self.domain.extend([var >= 0, var < len(type_.values)])
        elif isinstance(type_, t.DateType):
            var = z3.Int(name)
        else:
            raise Untranslatable(name)
        self.variables[name] = (var, type_)
        return var

    # ------------------------------------------------------------ expressions
    def expr(self, e: ir.Expr) -> Any:
        if isinstance(e, ir.Literal):
            return self.literal(e)
        if isinstance(e, ir.Name):
            return self.name(e)
        if isinstance(e, ir.Unary):
            inner = self.expr(e.operand)
            return z3.Not(inner) if e.op == "niet" else -inner
        if isinstance(e, ir.Binary):
            return self.binary(e)
        if isinstance(e, ir.Conditional):
            if e.otherwise is None:
                raise Untranslatable("als zonder anders")
            result = self.expr(e.otherwise)
            for condition, value in reversed(e.cases):
                result = z3.If(self.expr(condition), self.expr(value), result)
            return result
        if isinstance(e, ir.MinMax):
            values = [self.expr(a) for a in e.args]
            result = values[0]
            for value in values[1:]:
                result = z3.If(value > result if e.op == "maximum" else value < result, value,
                               result)
            return result
        if isinstance(e, ir.Per):
            return self.expr(e.operand)
        if isinstance(e, ir.Convert):
            operand_type = self.context.types[e.operand]
            if not isinstance(operand_type, t.NumberType):
                raise Untranslatable("omrekening")
            factor = conversion_factor(operand_type.unit.period() or "", e.unit)
            if factor is None:
                raise Untranslatable("omrekening")
            return self.expr(e.operand) * _real(factor)
        if isinstance(e, ir.Peildatum):
            if self.peildatum is None:
                raise Untranslatable("peildatum")
            return z3.IntVal(self.peildatum.toordinal())
        raise Untranslatable(type(e).__name__)

    def literal(self, e: ir.Literal) -> Any:
        if isinstance(e.value, bool):
            return z3.BoolVal(e.value)
        if isinstance(e.value, Decimal):
            return _real(e.value)
        if isinstance(e.value, datetime.date):
            return z3.IntVal(e.value.toordinal())
        raise Untranslatable("geen")

    def name(self, e: ir.Name) -> Any:
        target = self.context.targets.get(e)
        if target is None:
            raise Untranslatable(e.text)
        type_ = self.context.types.get(e)
        if target.kind == "keuzewaarde":
            if not isinstance(type_, t.ChoiceType) or target.name not in type_.values:
                raise Untranslatable(e.text)
            return z3.IntVal(type_.values.index(target.name))
        if target.kind == "argument":  # any value the rule may be computed for
            if type_ is None:
                raise Untranslatable(e.text)
            return self.variable(f"{target.element}({target.name})", type_)
        if target.kind == "element" or (target.kind == "invoer"):
            if type_ is None:
                raise Untranslatable(e.text)
            return self.variable(e.text if target.kind == "element" else
                                 ".".join((target.name, *target.fields)), type_)
        if target.fields:
            raise Untranslatable(e.text)
        definition = self.context.definition_of(target)
        if isinstance(definition, ir.ParameterDef):
            return self.parameter(definition)
        if isinstance(definition, ir.RuleDef) and definition.per is None:
            return self.rule(target, definition)
        raise Untranslatable(e.text)

    def parameter(self, definition: ir.ParameterDef) -> Any:
        if self.peildatum is None:
            raise Untranslatable(definition.name)
        chosen = select_dated(definition.values, self.peildatum)
        if chosen is None or chosen.value is None:
            raise Untranslatable(definition.name)
        return self.expr(chosen.value)

    def rule(self, target: Target, rule: ir.RuleDef) -> Any:
        key = (target.module, rule.name)
        if key in self.inlining or rule.value is None:
            raise Untranslatable(rule.name)
        self.inlining.add(key)
        try:
            result = self.expr(rule.value)
            for exception in reversed(rule.exceptions):
                result = z3.If(self.expr(exception.condition), self.expr(exception.value), result)
        finally:
            self.inlining.discard(key)
        return result

    def binary(self, e: ir.Binary) -> Any:
        left, right = self.expr(e.left), self.expr(e.right)
        op = e.op
        if op == "en":
            return z3.And(left, right)
        if op == "of":
            return z3.Or(left, right)
        if op == "+":
            return left + right
        if op == "-":
            return left - right
        if op in ("×", "/"):
            if op == "/" and (not z3.is_rational_value(right) or z3.simplify(right == 0)):
                raise Untranslatable("deling")
            product = left * right if op == "×" else left / right
            left_type, right_type = self.context.types.get(e.left), self.context.types.get(e.right)
            if isinstance(left_type, t.NumberType) and isinstance(right_type, t.NumberType):
                scale = t.product_scale(left_type, right_type, op)
                if scale != 1:  # periods that cancel: `per jaar × maanden` is times 1/12
                    product = product * z3.RealVal(f"{scale.numerator}/{scale.denominator}")
            return product
        return {"=": left == right, "≠": left != right, "<": left < right, "≤": left <= right,
                ">": left > right, "≥": left >= right}[op]

    # ------------------------------------------------------------ solving
    def example(self, formula: Any) -> str | None | bool:
        """An input that makes `formula` true, as text; False if none exists; None if unknown."""
        solver = _solver()
        solver.push()
        try:
            solver.add(*self.domain, formula)
            return self._example(solver)
        finally:
            solver.pop()

    def _example(self, solver: Any) -> str | None | bool:
        outcome = solver.check()
        if outcome == z3.unsat:
            return False
        if outcome != z3.sat:
            return None
        model = solver.model()
        parts = []
        for name in sorted(self.variables):
            var, type_ = self.variables[name]
            value = model.eval(var, model_completion=True)
            parts.append(f"{name} = {_show(value, type_)}")
        return ", ".join(parts) if parts else "elke invoer"


_SOLVER: list[Any] = []


def _solver() -> Any:
    # One solver, reused with push/pop: creating one per question costs more than answering it.
    if not _SOLVER:
        solver = z3.Solver()
        solver.set("timeout", TIMEOUT_MS)
        _SOLVER.append(solver)
    return _SOLVER[0]


def _real(value: Decimal) -> Any:
    fraction = Fraction(value)
    return z3.Q(fraction.numerator, fraction.denominator)


def _show(value: Any, type_: t.Type) -> str:
    if isinstance(type_, t.BooleanType):
        return "ja" if z3.is_true(value) else "nee"
    if isinstance(type_, t.ChoiceType):
        return str(type_.values[int(value.as_long())])
    if isinstance(type_, t.DateType):
        return datetime.date.fromordinal(value.as_long()).isoformat()
    fraction = value.as_fraction()
    number = Decimal(fraction.numerator) / Decimal(fraction.denominator)
    assert isinstance(type_, t.NumberType)
    if type_.is_money:
        return literals.format_money(number.quantize(Decimal("0.01")) if
                                     number == number.quantize(Decimal("0.01")) else number)
    if type_.percent:
        return literals.format_percent(number)
    return literals.format_number(number.normalize() if number != 0 else Decimal(0))


def dates_to_check(context: Context) -> list[datetime.date | None]:
    """The start of the regulation and every later date on which a parameter changes."""
    module = context.module
    start, end = module.valid_from, module.valid_until
    if start is None:
        return [None]
    dates = {start}
    for m in context.modules():
        for definition in m.definitions:
            if isinstance(definition, ir.ParameterDef):
                dates.update(v.valid_from for v in definition.values
                             if v.valid_from is not None and v.valid_from > start
                             and (end is None or v.valid_from < end))
    return [*sorted(dates)]
