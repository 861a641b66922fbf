"""Types of expressions, bottom-up: literals, arithmetic with its unit algebra, comparisons,
conditions, aggregates, rounding, periods and dates. An expression that already produced an error
gets UNKNOWN, which fits everywhere, so one mistake gives one message.
"""

from __future__ import annotations

from decimal import Decimal

from regelwerk.check import scope
from regelwerk.check.types_base import TypeCheckerBase, conversion_factor, conversion_hint
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.syntax import literals

ORDERING = {"<", "≤", ">", "≥"}


class ExpressionTypes(TypeCheckerBase):
    def expect_boolean(self, expr: ir.Expr, members: scope.Members, what: str) -> None:
        found = self.infer(expr, members, t.BOOLEAN)
        if not isinstance(found, (t.BooleanType, t.UnknownType)):
            self.report("RW204", f"{what} moet ja of nee zijn, maar is {found.describe()}",
                        expr.span, "vergelijk de waarde, bijv. 'x > € 0,00' of 'gezinstype = "
                        "alleenstaand'")

    def infer(self, expr: ir.Expr, members: scope.Members, expected: t.Type | None = None
              ) -> t.Type:
        result = self._infer(expr, members, expected)
        self.context.types[expr] = result
        return result

    def _infer(self, expr: ir.Expr, members: scope.Members, expected: t.Type | None) -> t.Type:
        if isinstance(expr, ir.Literal):
            return self.literal(expr)
        if isinstance(expr, ir.Name):
            return self.name(expr, expected)
        if isinstance(expr, ir.Call):
            return self.call(expr, members)
        if isinstance(expr, ir.Unary):
            if expr.op == "niet":
                self.expect_boolean(expr.operand, members, "wat na 'niet' staat")
                return t.BOOLEAN
            operand = self.infer(expr.operand, members, expected)
            if not isinstance(operand, (t.NumberType, t.UnknownType)):
                return self.report("RW203", f"een minteken kan niet voor {operand.describe()}",
                                   expr.span)
            return operand
        if isinstance(expr, ir.Binary):
            return self.binary(expr, members, expected)
        if isinstance(expr, ir.Conditional):
            return self.conditional(expr, members, expected)
        if isinstance(expr, ir.MinMax):
            result: t.Type = t.UNKNOWN
            for arg in expr.args:
                found = self.infer(arg, members, expected)
                if not isinstance(found, (t.NumberType, t.DateType, t.UnknownType)):
                    return self.report("RW203", f"het {expr.op} van {found.describe()} bestaat niet",
                                       arg.span)
                joined = t.join(result, found)
                if joined is None:
                    return self.report("RW202", f"{expr.op} van {result.describe()} en "
                                       f"{found.describe()} kan niet: de eenheden verschillen",
                                       expr.span, conversion_hint(found, result))
                result = joined
            return result
        if isinstance(expr, ir.Aggregate):
            return self.aggregate(expr, members, expected)
        if isinstance(expr, ir.Rounding):
            return self.rounding(expr, members, expected)
        if isinstance(expr, ir.Per):
            operand = self.infer(expr.operand, members)
            if isinstance(operand, t.UnknownType):
                return operand
            if not isinstance(operand, t.NumberType):
                return self.report("RW208", f"'per {expr.unit}' past niet bij {operand.describe()}",
                                   expr.span)
            if operand.unit.period() is not None:
                return self.report("RW208", f"{operand.describe()} is al per {operand.unit.period()}",
                                   expr.span, f"reken om met 'omgerekend per {expr.unit}'")
            return t.NumberType(operand.unit / t.Unit.of({expr.unit: 1}), whole=operand.whole)
        if isinstance(expr, ir.Convert):
            return self.convert(expr, members)
        if isinstance(expr, ir.Peildatum):
            return t.DATE
        if isinstance(expr, ir.Between):
            for side in (expr.start, expr.end):
                found = self.infer(side, members, t.DATE)
                if not isinstance(found, (t.DateType, t.UnknownType)):
                    self.report("RW203", f"'tussen' heeft twee datums nodig, maar dit is "
                                f"{found.describe()}", side.span)
            return t.duration(expr.unit)
        if isinstance(expr, ir.AtDate):
            return self.at_date(expr, members)
        if isinstance(expr, ir.PeriodEdge):
            found = self.infer(expr.operand, members, t.DATE)
            if not isinstance(found, (t.DateType, t.UnknownType)):
                self.report("RW203", f"'{expr.edge} dag van {ir.PERIOD_ARTICLES[expr.period]} "
                            f"{expr.period} van' heeft een datum nodig, maar dit is "
                            f"{found.describe()}", expr.operand.span)
            return t.DATE
        raise AssertionError(f"unknown expression {expr!r}")

    def at_date(self, expr: ir.AtDate, members: scope.Members) -> t.Type:
        """`parameter op datum`: only a parameter has values on other dates."""
        found = self.infer(expr.date, members, t.DATE)
        if not isinstance(found, (t.DateType, t.UnknownType)):
            self.report("RW203", f"na 'op' staat de datum waarop de waarde geldt, maar dit is "
                        f"{found.describe()}", expr.date.span)
        target = self.context.targets.get(expr.parameter)
        if target is None:
            return t.UNKNOWN
        definition = self.context.definition_of(target)
        if not isinstance(definition, ir.ParameterDef) or target.fields:
            what = {"invoer": "een invoer", "regel": "een regel", "tabel": "een tabel"}.get(
                target.kind, f"'{expr.parameter.text}'")
            self.report("RW218", f"'{expr.parameter.text} op ...' kan niet: {what} heeft geen "
                        "waarden op andere datums", expr.parameter.span,
                        "alleen een parameter heeft waarden per datum ('vanaf ...'); een regel "
                        "rekent op de peildatum")
            return t.UNKNOWN
        return self.infer(expr.parameter, members)

    def literal(self, expr: ir.Literal) -> t.Type:
        if expr.kind == "bedrag":
            return t.NumberType(t.MONEY, flexible=True)
        if expr.kind == "getal":
            return t.NUMBER
        if expr.kind == "aantal":
            return t.COUNT
        if expr.kind == "percentage":
            return t.PERCENTAGE
        if expr.kind == "duur":
            whole = isinstance(expr.value, Decimal) and expr.value == expr.value.to_integral_value()
            unit = expr.unit or "dag"
            return t.NumberType(t.Unit.of({unit: 1}), whole=whole and unit != "uur")
        if expr.kind == "datum":
            return t.DATE
        if expr.kind == "ja/nee":
            return t.BOOLEAN
        return self.report("RW211", "'geen' staat alleen in een test, voor een lege lijst",
                           expr.span)

    def binary(self, expr: ir.Binary, members: scope.Members, expected: t.Type | None) -> t.Type:
        op = expr.op
        if op in ("en", "of"):
            self.expect_boolean(expr.left, members, f"wat voor '{op}' staat")
            self.expect_boolean(expr.right, members, f"wat na '{op}' staat")
            return t.BOOLEAN
        if op in ("=", "≠") or op in ORDERING:
            left, right = self.operands(expr, members)
            if isinstance(left, t.UnknownType) or isinstance(right, t.UnknownType):
                return t.BOOLEAN
            if op in ORDERING and not isinstance(left, (t.NumberType, t.DateType)):
                self.report("RW203", f"'{op}' kan niet bij {left.describe()}", expr.span,
                            "groter en kleiner dan bestaan voor getallen, bedragen en datums")
                return t.BOOLEAN
            if t.join(left, right) is None:
                self.report("RW202", f"{left.describe()} kan niet worden vergeleken met "
                            f"{right.describe()}", expr.span, conversion_hint(right, left))
            return t.BOOLEAN
        hint_type = expected if op in ("+", "-") else None
        left = self.infer(expr.left, members, hint_type)
        right = self.infer(expr.right, members, hint_type)
        if isinstance(left, t.UnknownType) or isinstance(right, t.UnknownType):
            return t.UNKNOWN
        if isinstance(left, t.DateType) and op in ("+", "-") and t.is_duration(right):
            assert isinstance(right, t.NumberType)
            fraction = isinstance(expr.right, ir.Literal) and isinstance(expr.right.value, Decimal) \
                and expr.right.value != expr.right.value.to_integral_value()
            if right.unit.factors[0][0] == "uur" or fraction:  # other values: checked when used
                what = (f"{literals.format_number(expr.right.value)} {right.unit.factors[0][0]}"
                        if fraction and isinstance(expr.right, ir.Literal)
                        and isinstance(expr.right.value, Decimal) else right.describe())
                return self.report("RW203", f"bij een datum kan alleen een heel aantal dagen, "
                                   f"weken, maanden of jaren worden opgeteld, niet {what}",
                                   expr.span, "schrijf bijv. 'geboortedatum + 18 jaar'")
            return t.DATE
        if not isinstance(left, t.NumberType) or not isinstance(right, t.NumberType):
            bad = left if not isinstance(left, t.NumberType) else right
            return self.report("RW203", f"met {bad.describe()} kan niet worden gerekend ('{op}')",
                               expr.span, "rekenen kan met getallen, aantallen, bedragen en "
                               "percentages")
        if op in ("+", "-"):
            joined = t.join(left, right)
            if joined is None:
                verb = "opgeteld bij" if op == "+" else "afgetrokken van"
                return self.report("RW202", f"{right.describe()} kan niet worden {verb} "
                                   f"{left.describe()}", expr.span, conversion_hint(right, left))
            return joined
        if op == "×":
            return t.multiply(left, right)
        return t.divide(left, right)

    def operands(self, expr: ir.Binary, members: scope.Members) -> tuple[t.Type, t.Type]:
        # A bare choice value takes its keuze from the other side: gezinstype = alleenstaand.
        left_is_value = self.is_choice_value(expr.left)
        if left_is_value and not self.is_choice_value(expr.right):
            right = self.infer(expr.right, members)
            left = self.infer(expr.left, members, right)
        else:
            left = self.infer(expr.left, members)
            right = self.infer(expr.right, members, left)
        return left, right

    def is_choice_value(self, expr: ir.Expr) -> bool:
        target = self.context.targets.get(expr) if isinstance(expr, ir.Name) else None
        return target is not None and target.kind == "keuzewaarde"

    def conditional(self, expr: ir.Conditional, members: scope.Members, expected: t.Type | None
                    ) -> t.Type:
        result: t.Type = t.UNKNOWN
        values = [value for _, value in expr.cases]
        if expr.otherwise is not None:
            values.append(expr.otherwise)
        for condition, _ in expr.cases:
            self.expect_boolean(condition, members, "de voorwaarde na 'als'")
        for value in values:
            found = self.infer(value, members, expected)
            joined = t.join(result, found)
            if joined is None:
                return self.report("RW202", f"de gevallen geven verschillende soorten waarden: "
                                   f"{result.describe()} en {found.describe()}", value.span,
                                   conversion_hint(found, result))
            result = joined
        return result

    def aggregate(self, expr: ir.Aggregate, members: scope.Members, expected: t.Type | None
                  ) -> t.Type:
        target = self.context.targets.get(expr.collection)
        inner = dict(members)
        if target is not None:
            record = scope.element_record(self.context, target)
            if record is not None:
                inner[record[1]] = record
        if target is not None:
            self.context.types[expr.collection] = self.name(expr.collection, None)
        if expr.condition is not None:
            self.expect_boolean(expr.condition, inner, "de voorwaarde na 'waarvoor'")
        if expr.op == "aantal":
            return t.COUNT
        if expr.op in ("enig", "alle"):
            return t.BOOLEAN
        assert expr.body is not None
        found = self.infer(expr.body, inner, expected)
        if not isinstance(found, (t.NumberType, t.UnknownType)):
            return self.report("RW203", f"de {expr.op} van {found.describe()} bestaat niet",
                               expr.body.span, "tel of tel op over getallen of bedragen")
        if isinstance(found, t.NumberType) and found.flexible:
            return t.NumberType(found.unit, whole=found.whole, percent=found.percent)
        return found

    def rounding(self, expr: ir.Rounding, members: scope.Members, expected: t.Type | None
                 ) -> t.Type:
        operand = self.infer(expr.operand, members, expected)
        if isinstance(operand, t.UnknownType):
            return operand
        if not isinstance(operand, t.NumberType):
            return self.report("RW207", f"{operand.describe()} kan niet worden afgerond",
                               expr.span, "afronden kan bij getallen en bedragen")
        if "euro" in expr.target and not operand.is_money:
            return self.report("RW207", f"afronden op {expr.target} kan alleen bij een bedrag, en "
                               f"dit is {operand.describe()}", expr.span,
                               "rond een getal af op een aantal decimalen of op hele getallen")
        whole = operand.whole or (expr.step == expr.step.to_integral_value() and
                                  operand.unit.dimensionless and not operand.percent)
        return t.NumberType(operand.unit, whole=whole, percent=operand.percent,
                            flexible=operand.flexible)

    def convert(self, expr: ir.Convert, members: scope.Members) -> t.Type:
        operand = self.infer(expr.operand, members)
        if isinstance(operand, t.UnknownType):
            return operand
        if not isinstance(operand, t.NumberType) or operand.unit.period() is None:
            return self.report("RW208", f"omrekenen kan alleen bij een bedrag of hoeveelheid per "
                               f"periode, en dit is {operand.describe()}", expr.span,
                               f"schrijf '... per {expr.unit}' voor een waarde zonder periode")
        period = operand.unit.period()
        assert period is not None
        if conversion_factor(period, expr.unit) is None:
            return self.report("RW208", f"per {period} kan niet exact worden omgerekend naar per "
                               f"{expr.unit}", expr.span, "exact omrekenen kan tussen maand, "
                               "kwartaal en jaar, en tussen dag en week; noem anders de factor "
                               "als parameter")
        return t.NumberType(operand.unit.without_period() / t.Unit.of({expr.unit: 1}),
                            whole=False)
