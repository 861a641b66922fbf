"""What every part of the type checker shares: the context it fills, the diagnostics it reports
(each prefixed with the definition being checked), and the hints that name a conversion.

The checker is one class put together from mixins (definitions, tests, references, expressions) that
call each other; this base declares what each mixin gives, so every part is typed on its own.
"""

from __future__ import annotations

from decimal import Decimal

from regelwerk.check import scope
from regelwerk.check.context import Context
from regelwerk.check.types_declared import declared_type
from regelwerk.check.walk import children
from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.span import Span


class TypeCheckerBase:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.diagnostics: list[Diagnostic] = []
        self.in_progress: set[ir.RuleDef] = set()
        self.where: list[str] = []  # the definition being checked, with its article

    def report(self, code: str, message: str, span: Span, hint: str = "") -> t.Type:
        if self.where and not message.startswith(self.where[-1].split(" [")[0]):
            message = f"{self.where[-1]}: {message}"
        self.diagnostics.append(error(code, message, span, hint))
        return t.UNKNOWN

    def enter(self, kind: str, definition: ir.Definition | ir.TestDef) -> None:
        reference = getattr(definition, "reference", None)
        article = f" [{reference.text}]" if reference is not None else ""
        self.where.append(f"{kind} {definition.name}{article}")

    def declared(self, type_expr: ir.TypeExpr) -> t.Type | None:
        return declared_type(self.context, type_expr)

    def mismatch(self, what: str, found: t.Type, declared: t.Type, span: Span,
                 reference: ir.Reference | None = None) -> None:
        article = article_suffix(reference)
        hint = conversion_hint(found, declared)
        self.report("RW201", f"{what}{article} is {declared.describe()}, maar de waarde is "
                    f"{found.describe()}", span, hint)

    # What the other parts of the checker give; each is defined once, in the mixin named.
    def infer(self, expr: ir.Expr, members: scope.Members, expected: t.Type | None = None
              ) -> t.Type:
        raise NotImplementedError  # ExpressionTypes

    def expect_boolean(self, expr: ir.Expr, members: scope.Members, what: str) -> None:
        raise NotImplementedError  # ExpressionTypes

    def name(self, expr: ir.Name, expected: t.Type | None) -> t.Type:
        raise NotImplementedError  # ReferenceTypes

    def call(self, expr: ir.Call, members: scope.Members) -> t.Type:
        raise NotImplementedError  # ReferenceTypes

    def rule_type(self, rule: ir.RuleDef) -> t.Type:
        raise NotImplementedError  # DefinitionTypes

    def definition_type(self, definition: ir.Definition) -> t.Type:
        raise NotImplementedError  # DefinitionTypes


def conversion_factor(source: str, target: str) -> Decimal | None:
    """How much of `per target` one `per source` is: per maand -> per jaar is 12."""
    factor = t.conversion(source, target)
    return Decimal(factor[0]) / Decimal(factor[1]) if factor is not None else None


def conversion_hint(found: t.Type, declared: t.Type) -> str:
    if isinstance(found, t.NumberType) and isinstance(declared, t.NumberType):
        have, want = found.unit.period(), declared.unit.period()
        if have and want and have != want and found.unit.without_period() == declared.unit.without_period():
            if conversion_factor(have, want) is not None:
                return f"reken expliciet om: '... omgerekend per {want}'"
            return f"per {have} en per {want} zijn niet exact om te rekenen; gebruik een parameter"
        if want and not have and found.unit == declared.unit.without_period():
            return f"maak er {declared.describe()} van met '... per {want}'"
    return ""


def is_constant(expr: ir.Expr, context: Context) -> bool:
    if isinstance(expr, ir.Name):
        target = context.targets.get(expr)
        return target is None or target.kind in ("keuzewaarde", "parameter")
    if isinstance(expr, (ir.Call, ir.Aggregate, ir.Peildatum)):
        return False
    return all(is_constant(child, context) for child in children(expr))


def article_suffix(reference: ir.Reference | None) -> str:
    return f" [{reference.text}]" if reference else ""
