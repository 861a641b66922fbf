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
from regelwerk.backends.python.model import LOCALS, RESERVED, Plan
from regelwerk.backends.python.printer import Chain, Concat, Doc, Group, text
from regelwerk.core import nodes as c
from regelwerk.core.functions import REGISTRY
from regelwerk.core.visitor import Visitor, walk
from regelwerk.ir import types as t

COND, OR, AND, NOT, CMP, ADD, MUL, UNARY, ATOM = range(1, 10)

INLINE_OPTIONS = 3  # a built-in's fixed words (`jaren tussen`) stay in the call; data does not

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


class Compiler(Visitor[Py]):
    """Compiles the core expressions of one function in a scope; records the module names it reads.

    `visit_<Class>(node, members)` per class of `core.nodes.EXPRESSIONS`; `members` maps the locals
    in scope (a list's member, a rule's arguments) to their Python variables."""

    def __init__(self, plan: Plan, kinds: Kinds, scope: Scope) -> None:
        self.plan = plan
        self.kinds = kinds
        self.scope = scope
        self.reads: set[str] = set()
        # Inside a parameter's `select(r, dag)`: the parameters its value reads, on the same day.
        self.parameter_day: str | None = None

    def compile(self, expr: c.Expr, members: dict[str, str]) -> Py:
        return self.visit(expr, members)

    def wrap(self, expr: c.Expr, members: dict[str, str], at_least: int) -> Doc:
        """`expr` as an operand that needs precedence `at_least`, parenthesized if lower."""
        compiled = self.compile(expr, members)
        return compiled.doc if compiled.prec >= at_least else printer.parenthesized(compiled.doc)

    def global_name(self, module: str, name: str) -> str:
        identifier = self.plan.identifier(module, name)
        self.reads.add(identifier)
        return identifier

    # ---------------------------------------------------------- atoms
    def visit_Const(self, expr: c.Const, members: dict[str, str]) -> Py:
        value = expr.value
        if isinstance(value, bool):
            return Py(text(repr(value)))
        if isinstance(value, datetime.date):
            return Py(text(self.kinds.date(value)))
        if isinstance(value, str):  # a choice value
            return Py(printer.string(value))
        return Py(text(self.kinds.number(value, literal_stem(expr, value))))

    def visit_Local(self, expr: c.Local, members: dict[str, str]) -> Py:
        return Py(text(members[expr.name]))

    def visit_InputRef(self, expr: c.InputRef, members: dict[str, str]) -> Py:
        return Py(text(f"{self.global_name(expr.module, expr.name)}(r)"))

    def visit_ParameterRef(self, expr: c.ParameterRef, members: dict[str, str]) -> Py:
        function = self.global_name(expr.module, expr.name)
        if self.parameter_day is not None:
            return Py(text(f"{function}.op(r, {self.parameter_day})"))
        return Py(text(f"{function}(r)"))

    def visit_RuleRef(self, expr: c.RuleRef, members: dict[str, str]) -> Py:
        function = self.global_name(expr.module, expr.name)
        if expr.member is not None:
            return Py(text(f"{function}(r, {members[expr.member]})"))
        return Py(text(f"{function}(r)"))

    def visit_FieldOf(self, expr: c.FieldOf, members: dict[str, str]) -> Py:
        fields: list[str] = []
        base: c.Expr = expr
        while isinstance(base, c.FieldOf):
            fields.insert(0, base.field)
            base = base.operand
        return Py(subscripts(self.wrap(base, members, ATOM), tuple(fields)))

    def visit_Peildatum(self, expr: c.Peildatum, members: dict[str, str]) -> Py:
        return Py(text("r.peildatum"))

    def visit_ParameterOn(self, expr: c.ParameterOn, members: dict[str, str]) -> Py:
        function = self.global_name(expr.module, expr.name)
        return Py(printer.call(f"{function}.op", [text("r"), self.compile(expr.date, members).doc]))

    def visit_Builtin(self, expr: c.Builtin, members: dict[str, str]) -> Py:
        """`rt.<runtime>(*options, *arguments)`, as the registry says."""
        if expr.function == "kalender" and expr.options == ("eerste", "maand"):
            # the common case, read very often
            return Py(Concat((self.wrap(expr.args[0], members, ATOM), text(".replace(day=1)"))))
        function = REGISTRY[expr.function]
        options: list[Doc] = [printer.string(option) for option in expr.options]
        if len(expr.options) > INLINE_OPTIONS:  # data (the public holidays): one module constant
            stem = function.data.module if function.data is not None else function.name
            options = [text("*" + self.kinds.strings(expr.options, stem))]
        return Py(printer.call(f"rt.{function.runtime}", [
            *options, *(self.compile(arg, members).doc for arg in expr.args)]))

    def visit_RuleCall(self, expr: c.RuleCall, members: dict[str, str]) -> Py:
        return Py(printer.call(self.global_name(expr.module, expr.name),
                               [text("r"), *(self.compile(a, members).doc for a in expr.args)]))

    def visit_TableLookup(self, expr: c.TableLookup, members: dict[str, str]) -> Py:
        table = self.plan.find(expr.module, expr.name)
        assert isinstance(table, c.Table)
        args: list[Doc] = [text("r")] + [self.compile(arg, members).doc for arg in expr.args]
        given = tuple(self.kinds.soort(arg.type) for arg in expr.args)  # type: ignore[attr-defined]
        if given != column_soorten(self.kinds, table):
            args.append(Concat((text("soorten="), printer.tuple_of([text(s) for s in given]))))
        return Py(printer.call(self.global_name(expr.module, expr.name), args))

    # ---------------------------------------------------------- operators
    def visit_Not(self, expr: c.Not, members: dict[str, str]) -> Py:
        return Py(Concat((text("not "), self.wrap(expr.operand, members, NOT))), NOT)

    def visit_Negate(self, expr: c.Negate, members: dict[str, str]) -> Py:
        return Py(Concat((text("-"), self.wrap(expr.operand, members, UNARY + 1))), UNARY)

    def visit_Logical(self, expr: c.Logical, members: dict[str, str]) -> Py:
        prec = AND if expr.op == "en" else OR
        return chain(self.compile(expr.left, members), "and" if expr.op == "en" else "or",
                     self.wrap(expr.right, members, prec + 1), prec)

    def visit_Compare(self, expr: c.Compare, members: dict[str, str]) -> Py:
        python = COMPARISONS[expr.op]
        if expr.op in ("=", "≠") and (_is_boolean(expr.left) or _is_boolean(expr.right)):
            python = "is" if expr.op == "=" else "is not"  # the same for True and False, and clean (E712)
        return Py(Chain(self.wrap(expr.left, members, CMP + 1),
                        ((python, self.wrap(expr.right, members, CMP + 1)),)), CMP)

    def visit_Arithmetic(self, expr: c.Arithmetic, members: dict[str, str]) -> Py:
        if expr.op == "/":
            return Py(printer.call("rt.deel", [self.compile(expr.left, members).doc,
                                               self.compile(expr.right, members).doc]))
        python, prec = ARITHMETIC[expr.op]
        return chain(self.compile(expr.left, members), python,
                     self.wrap(expr.right, members, prec + 1), prec)

    def visit_Scale(self, expr: c.Scale, members: dict[str, str]) -> Py:
        operand = self.compile(expr.operand, members).doc
        if expr.reason == "omrekening":  # per maand -> per jaar, by the runtime's own table
            return Py(printer.call("rt.omrekenen", [operand, printer.string(expr.source),
                                                    printer.string(expr.target)]))
        return Py(printer.call("rt.schaal", [operand, text(str(expr.numerator)),
                                             text(str(expr.denominator))]))

    def visit_DateShift(self, expr: c.DateShift, members: dict[str, str]) -> Py:
        amount = self.compile(expr.amount, members).doc
        if expr.sign < 0:
            amount = Concat((text("-"), self.wrap(expr.amount, members, UNARY + 1)))
        return Py(printer.call("rt.plus_periode", [self.compile(expr.date, members).doc,
                                                   printer.string(expr.unit), amount]))

    def visit_Choose(self, expr: c.Choose, members: dict[str, str]) -> Py:
        rest: list[tuple[str, Doc]] = []
        first: Doc | None = None
        for case in expr.cases:
            compiled = self.wrap(case.value, members, COND + 1)
            if first is None:
                first = compiled
            else:
                rest.append(("else", compiled))
            rest.append(("if", self.wrap(case.condition, members, COND + 1)))
        otherwise = (self.wrap(expr.otherwise, members, COND + 1) if expr.otherwise is not None
                     else text("rt.geen_geval()"))
        rest.append(("else", otherwise))
        assert first is not None
        return Py(Chain(first, tuple(rest)), COND)

    def visit_Extreme(self, expr: c.Extreme, members: dict[str, str]) -> Py:
        function = "max" if expr.op == "maximum" else "min"
        return Py(printer.call(function, [self.compile(a, members).doc for a in expr.args]))

    def visit_Round(self, expr: c.Round, members: dict[str, str]) -> Py:
        step = expr.step  # in the value's own scale already (a percentage's step is a fraction)
        return Py(printer.call("rt.afronden", [self.compile(expr.operand, members).doc,
                                               text(self.kinds.number(step, f"stap {step:f}")),
                                               printer.string(expr.mode)]))

    def visit_Aggregate(self, expr: c.Aggregate, members: dict[str, str]) -> Py:
        collection = self.compile(expr.collection, members).doc
        variable = self.scope.local(expr.variable)
        inner = {**members, expr.variable: variable}
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
        if expr.condition is not None and (is_pure(expr.condition) or is_pure(expr.body)):
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


def literal_stem(expr: c.Const, value: Decimal) -> str:
    """How a number's constant is named: `€ 1.300,00` EUR_1300_00, `13,6 %` PROCENT_13_6."""
    if expr.kind == "bedrag":
        return f"eur {value:f}"
    if expr.kind == "percentage":
        return f"procent {value.scaleb(2):f}"
    if expr.kind == "duur":
        unit = expr.unit or "dag"
        return f"{value:f} {t.count_word(unit, value)}"
    return f"{expr.kind} {value:f}"


def column_soorten(kinds: Kinds, table: c.Table) -> tuple[str, ...]:
    return tuple(kinds.soort(column.type) for column in table.inputs)


def _is_boolean(expr: c.Expr) -> bool:
    return isinstance(expr, c.Const) and isinstance(expr.value, bool)


# Nodes that read a value the explanation records as a step.
RECORDED = (c.InputRef, c.ParameterRef, c.ParameterOn, c.RuleRef, c.RuleCall, c.TableLookup,
            c.Aggregate)


def is_quiet(expr: c.Node) -> bool:
    """Does evaluating `expr` leave no step in the explanation (no input, rule, parameter, table)?"""
    return not any(isinstance(node, RECORDED) for node in walk(expr))


def is_pure(expr: c.Expr) -> bool:
    """Can evaluating `expr` neither fail nor record a step? Constants, the member and its fields,
    and comparisons and `en`/`of`/`niet` of those (arithmetic could overflow)."""
    if isinstance(expr, (c.Const, c.Local)):
        return True
    if isinstance(expr, (c.FieldOf, c.Not)):
        return is_pure(expr.operand)
    if isinstance(expr, (c.Compare, c.Logical)):
        return is_pure(expr.left) and is_pure(expr.right)
    return False


def is_constant(expr: c.Expr) -> bool:
    """A literal or a choice value: evaluating it can neither fail nor leave a step."""
    return isinstance(expr, c.Const)
