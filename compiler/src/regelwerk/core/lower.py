"""Checked surface IR -> core IR, once per module, right after the type and unit pass.

What the checker learned in side tables (what each name refers to, each expression's type) becomes
part of the nodes; what backends used to work out for themselves (the factor of a conversion, the
scale of a rounding step for a percentage, the priority of an exception, which date a parameter is
read on) becomes explicit here, so no backend decides it again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from regelwerk.check.context import Context, Target
from regelwerk.check.scope import resolve_type_name
from regelwerk.check.types_declared import declared_type, record_type
from regelwerk.check.walk import alternatives, names_in
from regelwerk.core import nodes as c
from regelwerk.core.formula import formula
from regelwerk.core.functions import REGISTRY
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t


class LoweringError(Exception):
    """The checked module is not what the checker promises: a compiler bug."""


def lower_module(module: ir.Module, context: Context) -> c.Module:
    """The core of one checked module (its used modules are lowered on their own)."""
    return _Lowering(module, context).module()


def lower_expression(module: ir.Module, context: Context, expr: ir.Expr) -> c.Expr:
    """One checked expression of `module` outside a definition (a value a test gives or expects)."""
    return _Lowering(module, context).expr(expr)


def conversion(source: str, target: str) -> tuple[int, int]:
    """The exact factor of `per source -> per target`: per maand -> per jaar is (12, 1)."""
    factor = t.conversion(source, target)
    if factor is None:
        raise LoweringError(f"geen omrekening van {source} naar {target}")
    return factor


def _ref(reference: ir.Reference | None) -> str | None:
    return reference.text if reference is not None else None


def _provisional(provisional: ir.Provisional | None) -> c.Provisional | None:
    return c.Provisional(provisional.reason) if provisional is not None else None


def _unknown(unknown: ir.Unknown | None) -> c.Unknown | None:
    return c.Unknown(unknown.reason) if unknown is not None else None


class _Lowering:
    def __init__(self, module: ir.Module, context: Context) -> None:
        self.source = module
        self.context = context
        self.name = module.name
        self.scope: dict[str, t.Type] = {}  # locals: list members and rule arguments

    # ---------------------------------------------------------- helpers
    def type_of(self, node: Any) -> t.Type:
        found = self.context.types.get(node)
        if found is None:
            raise LoweringError(f"no type for {node!r}")
        return found

    def target(self, name: ir.Name) -> Target:
        found = self.context.targets.get(name)
        if found is None:
            raise LoweringError(f"unresolved name {name.text}")
        return found

    def declared(self, type_expr: ir.TypeExpr) -> t.Type:
        found = declared_type(self.context, type_expr)
        return found if found is not None else t.UNKNOWN

    def record(self, name: str) -> t.RecordType:
        resolved = resolve_type_name(self.context, (name,))
        if resolved is None or not isinstance(resolved[1], ir.RecordDef):
            raise LoweringError(f"no record {name}")
        module = resolved[0]
        context = self.context
        if module != self.name and module in self.context.used:
            used = self.context.used[module]
            context = Context(used, {}, targets=self.context.targets, types=self.context.types)
        return record_type(context, module, resolved[1])

    # ---------------------------------------------------------- the module
    def module(self) -> c.Module:
        definitions = [self.definition(d) for d in self.source.definitions]
        outputs = tuple(self.output(name) for name in self.source.output_names)
        return c.Module(
            name=self.name, kind=self.source.kind, valid_from=self.source.valid_from,
            valid_until=self.source.valid_until, definitions=tuple(definitions), outputs=outputs,
            uses=tuple(n.text for use in self.source.uses for n in use.names),
            title=self.source.title, version=self.source.version, bron=self.source.source,
            path=self.source.path,
            span=self.source.span,
        )

    def output(self, name: ir.Name) -> c.Output:
        for module in (self.source, *self.context.used.values()):
            definition = module.definition(name.text)
            if definition is not None:
                # a `regel per kind`: its type is that of one member's value
                per = isinstance(definition, ir.RuleDef) and definition.per is not None
                return c.Output(module.name, definition.name, self.type_of(definition), per)
        raise LoweringError(f"output {name.text} is not defined")

    def definition(self, definition: ir.Definition) -> c.Definition:
        source = c.Source(definition.label, _ref(definition.reference))
        if isinstance(definition, ir.InputDef):
            return c.Input(self.name, definition.name, self.type_of(definition),
                           tuple(self.requirement(r) for r in definition.requirements),
                           source, span=definition.span)
        if isinstance(definition, ir.ParameterDef):
            return c.Parameter(self.name, definition.name, self.type_of(definition),
                               tuple(self.dated(v) for v in definition.values), source,
                               span=definition.span)
        if isinstance(definition, ir.TableDef):
            return self.table(definition, source)
        if isinstance(definition, ir.RuleDef):
            return self.rule(definition, source)
        if isinstance(definition, ir.ChoiceDef):
            return c.Choice(self.name, definition.name, tuple(o.name for o in definition.options),
                            source, span=definition.span)
        if isinstance(definition, ir.RecordDef):
            return c.Record(self.name, definition.name,
                            record_type(self.context, self.name, definition), source,
                            span=definition.span)
        raise LoweringError(f"unknown definition {definition!r}")

    def requirement(self, requirement: ir.Requirement) -> c.Requirement:
        reads = sorted({self.target(n).name for n in names_in(requirement.condition)
                        if self.target(n).kind == "invoer"})
        return c.Requirement(self.expr(requirement.condition),
                             requirement.label or formula(requirement.condition), tuple(reads),
                             _ref(requirement.reference), span=requirement.span)

    def dated(self, value: ir.DatedValue) -> c.DatedValue:
        return c.DatedValue(value.valid_from,
                            self.expr(value.value) if value.value is not None else None,
                            _unknown(value.unknown), _provisional(value.provisional),
                            _ref(value.reference), span=value.span)

    def table(self, table: ir.TableDef, source: c.Source) -> c.Table:
        columns = tuple(c.Column(col.name, self.declared(col.type)) for col in table.columns)
        versions = tuple(
            c.TableVersion(version.valid_from, tuple(self.row(row) for row in version.rows),
                           _unknown(version.unknown), _provisional(version.provisional),
                           _ref(version.reference), span=version.span)
            for version in table.versions)
        return c.Table(self.name, table.name, columns, versions, table.first_hit,
                       self.type_of(table), source, span=table.span)

    def row(self, row: ir.Row) -> c.Row:
        *inputs, result = row.cells
        if not isinstance(result, ir.ValueCell):
            raise LoweringError("the result cell of a row holds a value")
        return c.Row(tuple(self.cell(cell) for cell in inputs), self.expr(result.value),
                     _provisional(row.provisional), _ref(row.reference), span=row.span)

    def cell(self, cell: ir.Cell) -> c.Cell:
        if isinstance(cell, ir.AnyCell):
            return c.AnyCell(span=cell.span)
        if isinstance(cell, ir.RangeCell):
            return c.RangeCell(self.optional(cell.lower), cell.lower_inclusive,
                               self.optional(cell.upper), cell.upper_inclusive, span=cell.span)
        if isinstance(cell, ir.CompareCell):
            return c.CompareCell(cell.op, self.expr(cell.value), span=cell.span)
        if isinstance(cell, ir.ValueCell):
            return c.ValueCell(tuple(self.expr(v) for v in alternatives(cell.value)),
                               span=cell.span)
        raise LoweringError(f"unknown cell {cell!r}")

    def rule(self, rule: ir.RuleDef, source: c.Source) -> c.Rule:
        outer = dict(self.scope)
        per_type = self.record(rule.per) if rule.per is not None else None
        if rule.per is not None and per_type is not None:
            self.scope[rule.per] = per_type
        arguments = tuple(c.Argument(a.name, self.type_of(a)) for a in rule.arguments)
        for argument in arguments:
            self.scope[argument.name] = argument.type
        count = len(rule.exceptions)
        terms = tuple(
            c.Term(self.expr(e.condition), self.expr(e.value),
                   count - index if rule.ordered_exceptions else 0, _ref(e.reference),
                   span=e.span)
            for index, e in enumerate(rule.exceptions))
        body = c.RuleBody(terms, self.optional(rule.value), _ref(rule.value_reference))
        self.scope = outer
        return c.Rule(self.name, rule.name, self.type_of(rule), body, rule.per, arguments, source,
                      span=rule.span, per_type=per_type)

    # ---------------------------------------------------------- expressions
    def optional(self, expr: ir.Expr | None) -> c.Expr | None:
        return self.expr(expr) if expr is not None else None

    def expr(self, expr: ir.Expr) -> c.Expr:
        method = getattr(self, "_" + type(expr).__name__.lower(), None)
        if method is None:
            raise LoweringError(f"no lowering for {type(expr).__name__}")
        result: c.Expr = method(expr)
        return result

    def _literal(self, expr: ir.Literal) -> c.Expr:
        if expr.value is None:
            raise LoweringError("'geen' only stands in tests")
        return c.Const(expr.value, self.type_of(expr), expr.kind, expr.unit, expr.text,
                       span=expr.span)

    def _name(self, expr: ir.Name) -> c.Expr:
        target = self.target(expr)
        type_ = self.type_of(expr)
        span = expr.span
        if target.kind == "keuzewaarde":
            return c.Const(target.name, type_, "keuze", text=expr.text, span=span)
        if target.kind == "argument":
            return c.Local(target.name, type_, span=span)
        base: c.Expr
        if target.kind == "element":
            assert target.element is not None
            base = c.Local(target.element, self.local_type(target.element), span=span)
        elif target.kind == "invoer":
            base = c.InputRef(target.module, target.name, self.definition_type(target), span=span)
        elif target.kind == "parameter":
            base = c.ParameterRef(target.module, target.name, self.definition_type(target),
                                  span=span)
        elif target.kind == "regel":
            base = c.RuleRef(target.module, target.name, self.definition_type(target),
                             target.element, span=span)
        else:
            raise LoweringError(f"{target.kind} {target.name} has no value")
        return self.fields(base, target.fields, type_)

    def local_type(self, name: str) -> t.Type:
        found = self.scope.get(name)
        if found is None:
            raise LoweringError(f"local {name} is not bound")
        return found

    def definition_type(self, target: Target) -> t.Type:
        definition = self.context.find(target.module, target.name)
        if definition is None:
            definition = self._find_anywhere(target)
        return self.type_of(definition)

    def _find_anywhere(self, target: Target) -> ir.Definition:
        for module in self.context.used.values():
            if module.name == target.module:
                found = module.definition(target.name)
                if found is not None:
                    return found
        raise LoweringError(f"{target.module}.{target.name} is not defined")

    def fields(self, base: c.Expr, fields: tuple[str, ...], final: t.Type) -> c.Expr:
        for index, field in enumerate(fields):
            record = base.type  # type: ignore[attr-defined]
            if index == len(fields) - 1:
                field_type = final
            elif isinstance(record, t.RecordType) and record.field(field) is not None:
                field_type = record.field(field)  # type: ignore[assignment]
            else:
                raise LoweringError(f"no field {field} in {record!r}")
            base = c.FieldOf(base, field, field_type, span=base.span)  # type: ignore[attr-defined]
        return base

    def _call(self, expr: ir.Call) -> c.Expr:
        target = self.target(expr.callee)
        args = tuple(self.expr(a) for a in expr.args)
        if target.kind == "regel":
            return c.RuleCall(target.module, target.name, args, self.type_of(expr), span=expr.span)
        if target.kind == "tabel":
            return c.TableLookup(target.module, target.name, args, self.type_of(expr),
                                 span=expr.span)
        if target.kind == "functie":
            return c.Builtin(target.name, args, self.type_of(expr), self.options(target.name),
                             span=expr.span)
        raise LoweringError(f"{target.kind} {target.name} cannot be called")

    def options(self, name: str) -> tuple[str, ...]:
        """The options of a function called by name: the dates of its data table, if it has one
        (the public holidays), so they are part of the core IR."""
        data = REGISTRY[name].data
        if data is None:
            return ()
        module = self.source if data.module == self.name else self.context.used.get(data.module)
        if module is None:
            raise LoweringError(f"{name} needs module {data.module}, which is not used")
        return data.dates(module)

    def _unary(self, expr: ir.Unary) -> c.Expr:
        operand = self.expr(expr.operand)
        if expr.op == "niet":
            return c.Not(operand, span=expr.span)
        return c.Negate(operand, self.type_of(expr), span=expr.span)

    def _binary(self, expr: ir.Binary) -> c.Expr:
        op = expr.op
        left, right = self.expr(expr.left), self.expr(expr.right)
        span = expr.span
        if op in c.LOGICAL:
            return c.Logical(op, left, right, span=span)
        if op in c.COMPARISONS:
            return c.Compare(op, left, right, span=span)
        left_type, right_type = self.type_of(expr.left), self.type_of(expr.right)
        if isinstance(left_type, t.DateType) and op in ("+", "-"):
            assert isinstance(right_type, t.NumberType)
            unit = right_type.unit.factors[0][0]
            return c.DateShift(left, right, unit, 1 if op == "+" else -1, span=span)
        if op in ("×", "/"):
            assert isinstance(left_type, t.NumberType) and isinstance(right_type, t.NumberType)
            scale = t.product_scale(left_type, right_type, op)
            if scale != 1:  # `bedrag per jaar × 3 maanden`: the periods cancel exactly
                product = c.Arithmetic(op, left, right, self.unscaled(expr), span=span)
                return c.Scale(product, scale.numerator, scale.denominator, "periodes",
                               self.type_of(expr), span=span)
        return c.Arithmetic(op, left, right, self.type_of(expr), span=span)

    def unscaled(self, expr: ir.Binary) -> t.Type:
        """The type of a product before its periods cancel: the unit algebra's own product."""
        left, right = self.type_of(expr.left), self.type_of(expr.right)
        assert isinstance(left, t.NumberType) and isinstance(right, t.NumberType)
        return t.NumberType(left.unit * right.unit if expr.op == "×" else left.unit / right.unit)

    def _conditional(self, expr: ir.Conditional) -> c.Expr:
        cases = tuple(c.Case(self.expr(cond), self.expr(value), span=cond.span)
                      for cond, value in expr.cases)
        return c.Choose(cases, self.optional(expr.otherwise), self.type_of(expr), span=expr.span)

    def _minmax(self, expr: ir.MinMax) -> c.Expr:
        return c.Extreme(expr.op, tuple(self.expr(a) for a in expr.args), self.type_of(expr),
                         span=expr.span)

    def _aggregate(self, expr: ir.Aggregate) -> c.Expr:
        collection = self.expr(expr.collection)
        collection_type = self.type_of(expr.collection)
        if not isinstance(collection_type, t.ListType):
            raise LoweringError(f"{expr.collection.text} is not a list")
        variable = collection_type.element.name
        outer = dict(self.scope)
        self.scope[variable] = collection_type.element
        try:
            body, condition = self.optional(expr.body), self.optional(expr.condition)
        finally:
            self.scope = outer
        return c.Aggregate(expr.op, collection, variable, body, condition, self.type_of(expr),
                           span=expr.span)

    def _rounding(self, expr: ir.Rounding) -> c.Expr:
        step = expr.step
        type_ = self.type_of(expr)
        if isinstance(type_, t.NumberType) and type_.percent:
            step = step.scaleb(-2)  # "op 2 decimalen" of a percentage: 13,46 %, a fraction 0.1346
        return c.Round(self.expr(expr.operand), step, expr.mode, type_, expr.target, span=expr.span)

    def _per(self, expr: ir.Per) -> c.Expr:
        return self.expr(expr.operand)  # a quantity read as a rate: the value does not change

    def _convert(self, expr: ir.Convert) -> c.Expr:
        operand_type = self.type_of(expr.operand)
        assert isinstance(operand_type, t.NumberType)
        source = operand_type.unit.period()
        if source is None:
            raise LoweringError("conversion of a value without a period")
        numerator, denominator = conversion(source, expr.unit)
        return c.Scale(self.expr(expr.operand), numerator, denominator, "omrekening",
                       self.type_of(expr), source, expr.unit, span=expr.span)

    def _peildatum(self, expr: ir.Peildatum) -> c.Expr:
        return c.Peildatum(span=expr.span)

    def _between(self, expr: ir.Between) -> c.Expr:
        return self.builtin("tussen", (expr.start, expr.end), (expr.unit,), expr)

    def _periodedge(self, expr: ir.PeriodEdge) -> c.Expr:
        return self.builtin("kalender", (expr.operand,), (expr.edge, expr.period), expr)

    def builtin(self, name: str, args: tuple[ir.Expr, ...], options: tuple[str, ...],
                expr: ir.Expr) -> c.Expr:
        assert name in REGISTRY, name
        return c.Builtin(name, tuple(self.expr(a) for a in args), self.type_of(expr), options,
                         span=expr.span)

    def _atdate(self, expr: ir.AtDate) -> c.Expr:
        target = self.target(expr.parameter)
        return c.ParameterOn(target.module, target.name, self.expr(expr.date),
                             self.type_of(expr), span=expr.span)


def lowered_names(module: c.Module) -> Iterator[str]:
    yield from (d.name for d in module.definitions)


def program_of(main: c.Module, lowered: Mapping[str, c.Module]) -> c.Program:
    """The regulation with every module it uses, directly or through another."""
    modules: dict[str, c.Module] = {}
    stack = list(main.uses)
    while stack:
        name = stack.pop(0)
        if name in modules or name not in lowered:
            continue
        modules[name] = lowered[name]
        stack.extend(lowered[name].uses)
    return c.Program(main, modules)
