"""Core expressions as z3 terms: exactly, or not at all.

Inputs become variables (amounts, counts, hours, percentages and durations are 0 or more, counts
whole), parameters their value on the date checked, rules are inlined (a rule with arguments with
the argument values it is called with); numbers are exact rationals, dates day numbers. A count,
sum, `enig` or `alle` over a list becomes a variable of its own: the same aggregate is the same
variable, and what is known between them holds (a filtered count is at most the count of the whole
list; `enig` is a count above 0; over an empty list a sum is 0 and `alle` holds). A node outside
what z3 decides exactly raises `Untranslatable` with the reason in Dutch, which the check that asked
shows in its warning.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
import z3

from regelwerk.check.smt.solve import example, real
from regelwerk.core import nodes as c
from regelwerk.core.functions import lookup
from regelwerk.core.text import text as core_text
from regelwerk.core.visitor import Visitor
from regelwerk.ir import types as t


class Untranslatable(Exception):
    """The expression is outside the decidable fragment; `reason` says what it contains."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@attrs.frozen
class Aggregated:
    op: str
    collection: object  # key of the list: the collection node and the bound locals it reads
    condition: c.Expr | None
    body: c.Expr | None
    var: Any
    variable: str  # the member's local name
    name: str


def non_negative(type_: t.Type) -> bool:
    """Amounts, counts, hours, durations and percentages are 0 or more (the input convention)."""
    return isinstance(type_, t.NumberType) and (not type_.unit.dimensionless or type_.whole
                                                or type_.percent)


class Z3Translator(Visitor[Any]):
    """Translates core expressions of one program, on one date, into z3 terms."""

    def __init__(self, program: c.Program, peildatum: datetime.date | None) -> None:
        self.program = program
        self.peildatum = peildatum
        self.day: datetime.date | None = None  # inside a parameter's value read `op` a day
        self.variables: dict[str, tuple[Any, t.Type]] = {}
        self.domain: list[Any] = []
        self.inlining: set[tuple[str, str]] = set()
        self.bound: dict[str, Any] = {}  # rule arguments: local name -> term
        self.members: frozenset[str] = frozenset()  # locals that are any member of a list
        self.aggregates: dict[object, Aggregated] = {}
        self.touched: set[object] = set()  # the aggregates of the question being asked
        # With `opaque`, an expression outside the fragment becomes a value of its own (the same
        # expression the same value) and its reason is noted in `used`: a proof that no input
        # exists still holds, an example found is not one.
        self.opaque = False
        self.used: list[str] = []
        self._opaque: dict[object, tuple[Any, str]] = {}

    def visit(self, node: c.Node, *args: Any) -> Any:
        try:
            return super().visit(node, *args)
        except Untranslatable as exc:
            if not self.opaque or not isinstance(node, c.Expr):
                raise
            return self._unknown_value(node, exc.reason)

    def _unknown_value(self, e: c.Expr, reason: str) -> Any:
        reads = tuple(sorted((name, str(self.bound[name]) if name in self.bound else name)
                             for name in set(_free_locals(e, frozenset()))))
        key = (e, reads, self.day)
        found = self._opaque.get(key)
        if found is None:
            type_ = getattr(e, "type", None)
            name = f"?{len(self._opaque)}"
            var: Any
            if isinstance(type_, t.BooleanType):
                var = z3.Bool(name)
            elif isinstance(type_, t.NumberType):
                var = z3.Real(name)
            elif isinstance(type_, t.ChoiceType):
                var = z3.Int(name)
                self.domain.extend([var >= 0, var < len(type_.values)])
            elif isinstance(type_, t.DateType):
                var = z3.Int(name)
            else:
                raise Untranslatable(reason)
            found = self._opaque[key] = (var, reason)
        if found[1] not in self.used:
            self.used.append(found[1])
        return found[0]

    # ------------------------------------------------------------ scope
    def enter_rule(self, rule: c.Rule) -> None:
        """Check `rule` itself: its arguments may have any value, its member is any member."""
        self.bound = {a.name: self.variable(f"{rule.name}({a.name})", a.type)
                      for a in rule.arguments}
        self.members = frozenset({rule.per}) if rule.per is not None else frozenset()

    # ------------------------------------------------------------ variables
    def variable(self, name: str, type_: t.Type) -> Any:
        if name in self.variables:
            return self.variables[name][0]
        var: Any
        if isinstance(type_, t.BooleanType):
            var = z3.Bool(name)
        elif isinstance(type_, t.NumberType):
            var = z3.Real(name)
            if non_negative(type_):
                self.domain.append(var >= 0)
            if type_.whole:
                self.domain.append(z3.IsInt(var))
        elif isinstance(type_, t.ChoiceType):
            var = z3.Int(name)
            self.domain.extend([var >= 0, var < len(type_.values)])
        elif isinstance(type_, t.DateType):
            var = z3.Int(name)
            self.domain.extend([var >= 1, var <= datetime.date.max.toordinal()])
        else:
            raise Untranslatable(f"{name}, een lijst of gegevens als geheel")
        self.variables[name] = (var, type_)
        return var

    def example(self, facts: list[Any]) -> str | None | bool:
        """An input that makes every fact true, as text; False if none; None if z3 does not know."""
        from regelwerk.check.smt.lists import list_facts

        known, inexact = list_facts(self)
        self.used.extend(reason for reason in inexact if reason not in self.used)
        return example([*self.domain, *known, *facts], self.variables)

    # ------------------------------------------------------------ atoms
    def visit_Const(self, e: c.Const) -> Any:
        value = e.value
        if isinstance(value, bool):
            return z3.BoolVal(value)
        if isinstance(value, Decimal):
            return real(value)
        if isinstance(value, datetime.date):
            return z3.IntVal(value.toordinal())
        if isinstance(e.type, t.ChoiceType) and value in e.type.values:
            return z3.IntVal(e.type.values.index(value))
        raise Untranslatable(f"de waarde {value}")

    def visit_InputRef(self, e: c.InputRef) -> Any:
        return self.variable(self._qualified(e.module, e.name), e.type)

    def _qualified(self, module: str, name: str) -> str:
        return name if module == self.program.main.name else f"{module}.{name}"

    def visit_Local(self, e: c.Local) -> Any:
        if e.name in self.bound:
            return self.bound[e.name]
        if e.name in self.members:
            return self.variable(e.name, e.type)
        raise Untranslatable(f"{e.name}, een waarde die hier niet vast ligt")

    def visit_FieldOf(self, e: c.FieldOf) -> Any:
        path = [e.field]
        base = e.operand
        while isinstance(base, c.FieldOf):
            path.insert(0, base.field)
            base = base.operand
        if isinstance(base, c.InputRef):
            return self.variable(".".join((self._qualified(base.module, base.name), *path)),
                                 e.type)
        if isinstance(base, c.Local) and base.name in self.members:
            return self.variable(".".join((base.name, *path)), e.type)
        raise Untranslatable(f"{core_text(e)}, een veld van een berekende waarde")

    def visit_Peildatum(self, e: c.Peildatum) -> Any:
        if self.peildatum is None:
            raise Untranslatable("de peildatum, terwijl de regeling geen begindatum heeft")
        return z3.IntVal(self.peildatum.toordinal())

    # ------------------------------------------------------------ parameters
    def visit_ParameterRef(self, e: c.ParameterRef) -> Any:
        day = self.day if self.day is not None else self.peildatum
        if day is None:
            raise Untranslatable(f"parameter {e.name}, terwijl de regeling geen begindatum heeft")
        return self._parameter(e.module, e.name, day)

    def visit_ParameterOn(self, e: c.ParameterOn) -> Any:
        date = z3.simplify(self.visit(e.date))
        if not z3.is_int_value(date):
            raise Untranslatable(f"{e.name} op een datum die niet vast ligt")
        return self._parameter(e.module, e.name, datetime.date.fromordinal(date.as_long()))

    def _parameter(self, module: str, name: str, day: datetime.date) -> Any:
        parameter = self.program.find(module, name)
        assert isinstance(parameter, c.Parameter)
        chosen = None
        for dated in sorted(parameter.values, key=lambda v: v.valid_from or datetime.date.min):
            if dated.valid_from is None or dated.valid_from <= day:
                chosen = dated
        if chosen is None or chosen.value is None:
            raise Untranslatable(f"parameter {name}, die op {day.isoformat()} geen bekende "
                                 "waarde heeft")
        key = (module, "parameter " + name)
        if key in self.inlining:
            raise Untranslatable(f"parameter {name}, die zichzelf leest")
        outer = self.day
        self.inlining.add(key)
        self.day = day
        try:
            return self.visit(chosen.value)
        finally:
            self.day = outer
            self.inlining.discard(key)

    # ------------------------------------------------------------ rules
    def visit_RuleRef(self, e: c.RuleRef) -> Any:
        rule = self.program.find(e.module, e.name)
        assert isinstance(rule, c.Rule)
        if rule.per is not None:
            if e.member is None or e.member != rule.per or e.member not in self.members:
                raise Untranslatable(f"regel {e.name}, berekend per lid van een lijst")
            return self._inline(rule, {}, frozenset({rule.per}))
        return self._inline(rule, {}, frozenset())

    def visit_RuleCall(self, e: c.RuleCall) -> Any:
        rule = self.program.find(e.module, e.name)
        assert isinstance(rule, c.Rule)
        if rule.per is not None:
            raise Untranslatable(f"regel {e.name}, berekend per lid van een lijst")
        args = {a.name: self.visit(value) for a, value in zip(rule.arguments, e.args)}
        return self._inline(rule, args, frozenset())

    def _inline(self, rule: c.Rule, bound: dict[str, Any], members: frozenset[str]) -> Any:
        key = (rule.module, rule.name)
        if key in self.inlining:
            raise Untranslatable(f"regel {rule.name}, die zichzelf gebruikt")
        if rule.body.base is None:
            raise Untranslatable(f"regel {rule.name}, die alleen uitzonderingen heeft")
        outer = self.bound, self.members, self.day
        self.inlining.add(key)
        self.bound, self.members, self.day = bound, members, None
        try:
            result = self.visit(rule.body.base)
            # The term that wins is outermost: highest priority, then as written.
            winning = sorted(rule.body.terms, key=lambda term: -term.priority)
            for term in reversed(winning):
                result = z3.If(self.visit(term.condition), self.visit(term.value), result)
            return result
        finally:
            self.inlining.discard(key)
            self.bound, self.members, self.day = outer

    def visit_TableLookup(self, e: c.TableLookup) -> Any:
        raise Untranslatable(f"een opzoeking in tabel {e.name}")

    # ------------------------------------------------------------ operators
    def visit_Negate(self, e: c.Negate) -> Any:
        return -self.visit(e.operand)

    def visit_Not(self, e: c.Not) -> Any:
        return z3.Not(self.visit(e.operand))

    def visit_Arithmetic(self, e: c.Arithmetic) -> Any:
        left, right = self.visit(e.left), self.visit(e.right)
        if e.op == "+":
            return left + right
        if e.op == "-":
            return left - right
        if e.op == "×":
            return left * right
        right = z3.simplify(right)
        if not z3.is_rational_value(right) and not z3.is_int_value(right):
            raise Untranslatable(f"een deling door {core_text(e.right)}, een waarde die niet "
                                 "vast ligt")
        if z3.is_true(z3.simplify(right == 0)):
            raise Untranslatable("een deling door nul")
        return (z3.ToReal(left) if z3.is_int(left) else left) / right

    def visit_Compare(self, e: c.Compare) -> Any:
        left, right = self.visit(e.left), self.visit(e.right)
        return {"=": lambda: left == right, "≠": lambda: left != right,
                "<": lambda: left < right, "≤": lambda: left <= right,
                ">": lambda: left > right, "≥": lambda: left >= right}[e.op]()

    def visit_Logical(self, e: c.Logical) -> Any:
        left, right = self.visit(e.left), self.visit(e.right)
        return z3.And(left, right) if e.op == "en" else z3.Or(left, right)

    def visit_Scale(self, e: c.Scale) -> Any:
        return self.visit(e.operand) * z3.Q(e.numerator, e.denominator)

    def visit_Round(self, e: c.Round) -> Any:
        raise Untranslatable(f"een afronding ({core_text(e)})")

    def visit_Choose(self, e: c.Choose) -> Any:
        if e.otherwise is None:
            raise Untranslatable("een 'als' zonder 'anders' (die de berekening kan stoppen)")
        result = self.visit(e.otherwise)
        for case in reversed(e.cases):
            result = z3.If(self.visit(case.condition), self.visit(case.value), result)
        return result

    def visit_Extreme(self, e: c.Extreme) -> Any:
        values = [self.visit(a) for a in e.args]
        result = values[0]
        for value in values[1:]:
            result = z3.If(value > result if e.op == "maximum" else value < result, value, result)
        return result

    def visit_DateShift(self, e: c.DateShift) -> Any:
        factor = {"dag": 1, "week": 7}.get(e.unit)
        amount_type = getattr(e.amount, "type", None)
        if factor is None:
            raise Untranslatable(f"een datum plus of min een aantal {e.unit}en "
                                 "(een kalenderberekening)")
        if not (isinstance(amount_type, t.NumberType) and amount_type.whole):
            raise Untranslatable("een datum plus of min een deel van een dag")
        return self.visit(e.date) + e.sign * factor * self.visit(e.amount)

    def visit_Builtin(self, e: c.Builtin) -> Any:
        function = lookup(e.function)
        if function is None or function.smt is None:
            raise Untranslatable(function.why_not_smt if function is not None and
                                 function.why_not_smt else f"de functie {e.function}")
        args = [self.visit(a) for a in e.args]
        try:
            return function.smt(e.options, args)
        except ValueError:
            raise Untranslatable(function.why_not_smt or f"de functie {e.function}") from None

    # ------------------------------------------------------------ lists
    def visit_Aggregate(self, e: c.Aggregate) -> Any:
        reads = tuple(sorted((name, str(self._free_local(name)))
                             for name in set(_free_locals(e, frozenset()))))
        key = (e, reads)
        found = self.aggregates.get(key)
        if found is not None:
            self.touched.add(key)
            return found.var
        name = core_text(e)
        while name in self.variables:
            name += "'"
        var: Any
        if e.op in ("enig", "alle"):
            var = z3.Bool(name)
        elif isinstance(e.type, t.DateType):
            var = z3.Int(name)
            self.domain.extend([var >= 1, var <= datetime.date.max.toordinal()])
        elif isinstance(e.type, t.NumberType):
            var = z3.Real(name)
            if e.op == "aantal" or (e.body is not None and self._non_negative(e.body)):
                self.domain.append(var >= 0)
            if e.type.whole:
                self.domain.append(z3.IsInt(var))
        else:
            raise Untranslatable(f"{name}, een waarde die geen getal is")
        self.variables[name] = (var, e.type if e.op not in ("enig", "alle") else t.BOOLEAN)
        collection = (e.collection, tuple((n, v) for n, v in reads
                                          if _reads(e.collection, n)))
        self.aggregates[key] = Aggregated(e.op, collection, e.condition, e.body, var, e.variable,
                                           name)
        self.touched.add(key)
        return var

    def _free_local(self, name: str) -> Any:
        if name in self.bound:
            term = self.bound[name]
            if not z3.is_const(term) or z3.is_int_value(term) or z3.is_rational_value(term) \
                    or str(term) not in self.variables:
                raise Untranslatable("een telling over een lijst die een argument van een "
                                     "aangeroepen regel leest")
            return term
        if name in self.members:
            return name
        raise Untranslatable(f"{name}, een waarde die hier niet vast ligt")

    def _non_negative(self, e: c.Expr) -> bool:
        """Whether `e` is 0 or more for every input (inputs follow the convention above)."""
        if isinstance(e, c.Const):
            return isinstance(e.value, Decimal) and e.value >= 0
        if isinstance(e, (c.InputRef, c.FieldOf, c.Local)):
            return non_negative(e.type)
        if isinstance(e, c.Arithmetic):
            return e.op in ("+", "×", "/") and self._non_negative(e.left) and \
                self._non_negative(e.right)
        if isinstance(e, c.Scale):
            return e.numerator * e.denominator > 0 and self._non_negative(e.operand)
        if isinstance(e, c.Round):
            return self._non_negative(e.operand)
        if isinstance(e, c.Extreme):
            checks = [self._non_negative(a) for a in e.args]
            return any(checks) if e.op == "maximum" else all(checks)
        if isinstance(e, c.Choose):
            return e.otherwise is not None and self._non_negative(e.otherwise) and \
                all(self._non_negative(case.value) for case in e.cases)
        if isinstance(e, c.Aggregate):
            return e.op == "aantal" or (e.op in ("som", "minimum", "maximum") and
                                        e.body is not None and self._non_negative(e.body))
        if isinstance(e, (c.RuleRef, c.RuleCall)):
            rule = self.program.find(e.module, e.name)
            key = (e.module, e.name)
            if not isinstance(rule, c.Rule) or key in self.inlining or rule.body.base is None:
                return False
            self.inlining.add(key)
            try:
                return self._non_negative(rule.body.base) and \
                    all(self._non_negative(term.value) for term in rule.body.terms)
            finally:
                self.inlining.discard(key)
        return False


def _free_locals(e: c.Node, bound: frozenset[str]) -> Iterator[str]:
    """The locals `e` reads that it does not bind itself."""
    if isinstance(e, c.Local):
        if e.name not in bound:
            yield e.name
        return
    if isinstance(e, c.Aggregate):
        yield from _free_locals(e.collection, bound)
        inner = bound | {e.variable}
        for part in (e.body, e.condition):
            if part is not None:
                yield from _free_locals(part, inner)
        return
    from regelwerk.core.visitor import children

    for child in children(e):
        yield from _free_locals(child, bound)


def _reads(e: c.Node, name: str) -> bool:
    return name in set(_free_locals(e, frozenset()))
