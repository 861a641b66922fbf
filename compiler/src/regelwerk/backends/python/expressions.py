"""Expressions of the rule language as Python expressions with the interpreter's semantics.

Evaluation order is the interpreter's, because it decides which error a calculation reports and the
order of the steps in its explanation: `en`/`of` and `als` short-circuit, every argument of `minimum
van` is evaluated, and an aggregate first tests every member and then computes over those selected.
Operands are parenthesized by precedence, so `a - (b - c)` keeps its meaning; Decimal arithmetic is
not associative once it rounds.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs

from regelwerk.backends.python import names, printer
from regelwerk.backends.python.kinds import Kinds
from regelwerk.backends.python.model import LOCALS, RESERVED, Plan, column_type
from regelwerk.backends.python.printer import Chain, Concat, Doc, Group, text
from regelwerk.check.walk import children
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t

COND, OR, AND, NOT, CMP, ADD, MUL, UNARY, ATOM = range(1, 10)

COMPARISONS = {"=": "==", "≠": "!=", "<": "<", "≤": "<=", ">": ">", "≥": ">="}
ARITHMETIC = {"+": ("+", ADD), "-": ("-", ADD), "×": ("*", MUL)}


@attrs.frozen
class Py:
    """A compiled expression and the precedence of its outermost operator."""

    doc: Doc
    prec: int = ATOM


class Scope:
    """The local names of one generated function: `r`, its parameters and comprehension variables.

    A local must not hide a module-level name the function reads, so the names a first compilation
    reads are passed to the second as `avoid`.
    """

    def __init__(self, avoid: set[str]) -> None:
        self.namespace = names.Namespace(RESERVED | LOCALS | avoid)
        self.locals: dict[str, str] = {}
        self.parameters: dict[str, str] = {}

    def local(self, name: str) -> str:
        """The variable for the members of record `name` (`kind` in `regel per kind`)."""
        if name not in self.locals:
            self.locals[name] = self.namespace.claim(names.base_identifier(name))
        return self.locals[name]

    def parameter(self, name: str) -> str:
        """The parameter for a table column `name`; never the same as a member's variable."""
        if name not in self.parameters:
            self.parameters[name] = self.namespace.claim(names.base_identifier(name))
        return self.parameters[name]


class Compiler:
    """Compiles the expressions of one function in a scope; records the module names it reads."""

    def __init__(self, plan: Plan, kinds: Kinds, scope: Scope) -> None:
        self.plan = plan
        self.kinds = kinds
        self.scope = scope
        self.reads: set[str] = set()
        # Inside a parameter's `select(r, dag)`: the parameters its value reads, on the same day.
        self.parameter_day: str | None = None

    def compile(self, expr: ir.Expr, members: dict[str, str]) -> Py:
        method = getattr(self, "_" + type(expr).__name__.lower())
        result: Py = method(expr, members)
        return result

    def wrap(self, expr: ir.Expr, members: dict[str, str], at_least: int) -> Doc:
        """`expr` as an operand that needs precedence `at_least`, parenthesized if lower."""
        compiled = self.compile(expr, members)
        return compiled.doc if compiled.prec >= at_least else printer.parenthesized(compiled.doc)

    def global_name(self, module: str, name: str) -> str:
        identifier = self.plan.identifier(module, name)
        self.reads.add(identifier)
        return identifier

    # ---------------------------------------------------------- atoms
    def _literal(self, expr: ir.Literal, members: dict[str, str]) -> Py:
        value = expr.value
        if isinstance(value, bool):
            return Py(text(repr(value)))
        if isinstance(value, datetime.date):
            return Py(text(self.kinds.date(value)))
        assert value is not None, "'geen' only stands in tests; the checker reports it elsewhere"
        return Py(text(self.kinds.number(value, literal_stem(expr, value))))

    def _name(self, expr: ir.Name, members: dict[str, str]) -> Py:
        target = self.plan.checked.target(expr)
        if target.kind == "keuzewaarde":
            return Py(printer.string(target.name))
        if target.kind == "argument":
            return Py(text(members[target.name]))
        if target.kind == "element":
            assert target.element is not None
            base = text(members[target.element])
        elif target.kind == "regel" and target.element is not None:
            function = self.global_name(target.module, target.name)
            base = text(f"{function}(r, {members[target.element]})")
        elif target.kind == "parameter" and self.parameter_day is not None:
            base = text(f"{self.global_name(target.module, target.name)}.op(r, "
                        f"{self.parameter_day})")
        elif target.kind in ("invoer", "parameter", "regel"):
            base = text(f"{self.global_name(target.module, target.name)}(r)")
        else:
            raise AssertionError(f"{target.kind} {target.name} has no value; the checker reports it")
        return Py(subscripts(base, target.fields))

    def _peildatum(self, expr: ir.Peildatum, members: dict[str, str]) -> Py:
        return Py(text("r.peildatum"))

    def _atdate(self, expr: ir.AtDate, members: dict[str, str]) -> Py:
        target = self.plan.checked.target(expr.parameter)
        function = self.global_name(target.module, target.name)
        return Py(printer.call(f"{function}.op", [text("r"), self.compile(expr.date, members).doc]))

    def _periodedge(self, expr: ir.PeriodEdge, members: dict[str, str]) -> Py:
        if expr.edge == "eerste" and expr.period == "maand":  # the common case, read very often
            return Py(Concat((self.wrap(expr.operand, members, ATOM), text(".replace(day=1)"))))
        return Py(printer.call("rt.kalender", [printer.string(expr.edge),
                                               printer.string(expr.period),
                                               self.compile(expr.operand, members).doc]))

    def _call(self, expr: ir.Call, members: dict[str, str]) -> Py:
        target = self.plan.checked.target(expr.callee)
        table = self.plan.find(target.module, target.name)
        if isinstance(table, ir.RuleDef):  # a rule with arguments
            return Py(printer.call(self.global_name(target.module, target.name),
                                   [text("r"), *(self.compile(a, members).doc for a in expr.args)]))
        assert isinstance(table, ir.TableDef)
        args: list[Doc] = [text("r")] + [self.compile(arg, members).doc for arg in expr.args]
        given = tuple(self.kinds.soort(self.plan.type_of(arg)) for arg in expr.args)
        if given != column_soorten(self.plan, self.kinds, target.module, table):
            args.append(Concat((text("soorten="), printer.tuple_of([text(s) for s in given]))))
        return Py(printer.call(self.global_name(target.module, target.name), args))

    # ---------------------------------------------------------- operators
    def _unary(self, expr: ir.Unary, members: dict[str, str]) -> Py:
        if expr.op == "niet":
            return Py(Concat((text("not "), self.wrap(expr.operand, members, NOT))), NOT)
        return Py(Concat((text("-"), self.wrap(expr.operand, members, UNARY + 1))), UNARY)

    def _binary(self, expr: ir.Binary, members: dict[str, str]) -> Py:
        op = expr.op
        if op in ("en", "of"):
            prec = AND if op == "en" else OR
            return chain(self.compile(expr.left, members), "and" if op == "en" else "or",
                         self.wrap(expr.right, members, prec + 1), prec)
        left_type = self.plan.type_of(expr.left)
        if isinstance(left_type, t.DateType) and op in ("+", "-"):
            return self._date_plus(expr, members)
        if op in ("×", "/"):
            product = self._product(expr, members)
            right_type = self.plan.type_of(expr.right)
            assert isinstance(left_type, t.NumberType) and isinstance(right_type, t.NumberType)
            scale = t.product_scale(left_type, right_type, op)
            if scale == 1:
                return product
            return Py(printer.call("rt.schaal", [product.doc, text(str(scale.numerator)),
                                                 text(str(scale.denominator))]))
        if op in ARITHMETIC:
            python, prec = ARITHMETIC[op]
            return chain(self.compile(expr.left, members), python,
                         self.wrap(expr.right, members, prec + 1), prec)
        python = COMPARISONS[op]
        if op in ("=", "≠") and (_is_boolean_literal(expr.left) or _is_boolean_literal(expr.right)):
            python = "is" if op == "=" else "is not"  # the same for True and False, and clean (E712)
        return Py(Chain(self.wrap(expr.left, members, CMP + 1),
                        ((python, self.wrap(expr.right, members, CMP + 1)),)), CMP)

    def _product(self, expr: ir.Binary, members: dict[str, str]) -> Py:
        if expr.op == "/":
            return Py(printer.call("rt.deel", [self.compile(expr.left, members).doc,
                                               self.compile(expr.right, members).doc]))
        python, prec = ARITHMETIC[expr.op]
        return chain(self.compile(expr.left, members), python,
                     self.wrap(expr.right, members, prec + 1), prec)

    def _date_plus(self, expr: ir.Binary, members: dict[str, str]) -> Py:
        right_type = self.plan.type_of(expr.right)
        assert isinstance(right_type, t.NumberType)
        unit = right_type.unit.factors[0][0]
        amount = self.compile(expr.right, members).doc
        if expr.op == "-":
            amount = Concat((text("-"), self.wrap(expr.right, members, UNARY + 1)))
        return Py(printer.call("rt.plus_periode", [self.compile(expr.left, members).doc,
                                                   printer.string(unit), amount]))

    def _conditional(self, expr: ir.Conditional, members: dict[str, str]) -> Py:
        rest: list[tuple[str, Doc]] = []
        first: Doc | None = None
        for condition, value in expr.cases:
            compiled = self.wrap(value, members, COND + 1)
            if first is None:
                first = compiled
            else:
                rest.append(("else", compiled))
            rest.append(("if", self.wrap(condition, members, COND + 1)))
        otherwise = (self.wrap(expr.otherwise, members, COND + 1) if expr.otherwise is not None
                     else text("rt.geen_geval()"))
        rest.append(("else", otherwise))
        assert first is not None
        return Py(Chain(first, tuple(rest)), COND)

    def _minmax(self, expr: ir.MinMax, members: dict[str, str]) -> Py:
        function = "max" if expr.op == "maximum" else "min"
        return Py(printer.call(function, [self.compile(a, members).doc for a in expr.args]))

    def _rounding(self, expr: ir.Rounding, members: dict[str, str]) -> Py:
        step = expr.step
        type_ = self.plan.type_of(expr)
        if isinstance(type_, t.NumberType) and type_.percent:
            step = step.scaleb(-2)  # "op 2 decimalen" of a percentage: 13,46 %, a fraction 0.1346
        return Py(printer.call("rt.afronden", [self.compile(expr.operand, members).doc,
                                               text(self.kinds.number(step, f"stap {step:f}")),
                                               printer.string(expr.mode)]))

    def _per(self, expr: ir.Per, members: dict[str, str]) -> Py:
        return self.compile(expr.operand, members)

    def _convert(self, expr: ir.Convert, members: dict[str, str]) -> Py:
        operand_type = self.plan.type_of(expr.operand)
        assert isinstance(operand_type, t.NumberType)
        source = operand_type.unit.period()
        assert source is not None
        return Py(printer.call("rt.omrekenen", [self.compile(expr.operand, members).doc,
                                                printer.string(source), printer.string(expr.unit)]))

    def _between(self, expr: ir.Between, members: dict[str, str]) -> Py:
        return Py(printer.call("rt.tussen", [printer.string(expr.unit),
                                             self.compile(expr.start, members).doc,
                                             self.compile(expr.end, members).doc]))

    def _aggregate(self, expr: ir.Aggregate, members: dict[str, str]) -> Py:
        collection = self.compile(expr.collection, members).doc
        collection_type = self.plan.type_of(expr.collection)
        assert isinstance(collection_type, t.ListType)
        element = collection_type.element.name
        variable = self.scope.local(element)
        inner = {**members, element: variable}
        if expr.op in ("enig", "alle"):
            assert expr.condition is not None
            tests = comprehension(self.compile(expr.condition, inner).doc, variable, collection)
            return Py(printer.call("any" if expr.op == "enig" else "all", [tests]))
        selected = collection
        if expr.condition is not None:
            selected = comprehension(text(variable), variable, collection,
                                     self.wrap(expr.condition, inner, OR))
        if expr.op == "aantal":
            return Py(printer.call("Decimal", [printer.call("len", [selected])]))
        assert expr.body is not None
        body = self.compile(expr.body, inner).doc
        if expr.condition is not None and (is_pure(expr.condition, self.plan)
                                           or is_pure(expr.body, self.plan)):
            # Testing and computing member by member is then indistinguishable from testing all
            # members first, as the interpreter does: one of the two neither fails nor records.
            values = comprehension(body, variable, collection, self.wrap(expr.condition, inner, OR))
        else:
            values = comprehension(body, variable, selected)
        if expr.op == "som":
            zero = self.kinds.number(Decimal(0), "nul")  # sum's start: Decimal('0'), not the int 0
            return Py(printer.call("sum", [values, text(zero)]))
        function = "rt.max_over" if expr.op == "maximum" else "rt.min_over"
        return Py(printer.call(function, [values, printer.string(expr.op)]))


def chain(left: Py, op: str, right: Doc, prec: int) -> Py:
    """`left op right`, continuing `left` when it is a chain of the same operators' level."""
    if left.prec == prec and isinstance(left.doc, Chain):
        return Py(Chain(left.doc.first, left.doc.rest + ((op, right),)), prec)
    first = left.doc if left.prec >= prec else printer.parenthesized(left.doc)
    return Py(Chain(first, ((op, right),)), prec)


def comprehension(body: Doc, variable: str, source: Doc, condition: Doc | None = None) -> Doc:
    """`[body for variable in source if condition]`: a list, so every element is evaluated."""
    rest: list[tuple[str, Doc]] = [("for", Concat((text(f"{variable} in "), source)))]
    if condition is not None:
        rest.append(("if", condition))
    return Group("[", (Chain(body, tuple(rest)),), "]", separator="")


def subscripts(base: Doc, fields: tuple[str, ...]) -> Doc:
    if not fields:
        return base
    return Concat((base, *(text(f"[{printer.literal(field)}]") for field in fields)))


def literal_stem(expr: ir.Literal, value: Decimal) -> str:
    """How a number's constant is named: `€ 1.300,00` EUR_1300_00, `13,6 %` PROCENT_13_6."""
    if expr.kind == "bedrag":
        return f"eur {value:f}"
    if expr.kind == "percentage":
        return f"procent {value.scaleb(2):f}"
    if expr.kind == "duur":
        unit = expr.unit or "dag"
        return f"{value:f} {t.count_word(unit, value)}"
    return f"{expr.kind} {value:f}"


def column_soorten(plan: Plan, kinds: Kinds, module: str, table: ir.TableDef) -> tuple[str, ...]:
    return tuple(kinds.soort(column_type(plan.checked, module, c)) for c in table.inputs)


def _is_boolean_literal(expr: ir.Expr) -> bool:
    return isinstance(expr, ir.Literal) and isinstance(expr.value, bool)


def is_quiet(expr: ir.Expr, plan: Plan) -> bool:
    """Does evaluating `expr` leave no step in the explanation (no input, rule, parameter, table)?"""
    if isinstance(expr, (ir.Call, ir.Aggregate)):
        return False
    if isinstance(expr, ir.Name):
        return plan.checked.target(expr).kind in ("keuzewaarde", "element", "argument")
    return all(is_quiet(child, plan) for child in children(expr))


def is_pure(expr: ir.Expr, plan: Plan) -> bool:
    """Can evaluating `expr` neither fail nor record a step? Literals, choice values, fields of the
    member, and comparisons and `en`/`of`/`niet` of those (arithmetic could overflow)."""
    if isinstance(expr, ir.Literal):
        return True
    if isinstance(expr, ir.Name):
        return plan.checked.target(expr).kind in ("keuzewaarde", "element", "argument")
    if isinstance(expr, ir.Unary):
        return expr.op == "niet" and is_pure(expr.operand, plan)
    if isinstance(expr, ir.Binary):
        return expr.op not in ARITHMETIC and expr.op != "/" and all(
            is_pure(side, plan) for side in (expr.left, expr.right))
    return False


def is_constant(expr: ir.Expr, plan: Plan) -> bool:
    """A literal or a choice value: evaluating it can neither fail nor leave a step."""
    if isinstance(expr, ir.Literal):
        return True
    return isinstance(expr, ir.Name) and plan.checked.target(expr).kind == "keuzewaarde"
