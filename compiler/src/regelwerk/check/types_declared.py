"""What a written type names: `bedrag per maand`, a keuze, gegevens or a lijst of them.

The type checker, the table checks and the lowering to the core IR all read a declared type the same
way, so that meaning is decided once; a record type also carries its fields' exact defaults.
"""

from __future__ import annotations

from regelwerk.check import scope
from regelwerk.check.context import Context
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t

BASE_TYPES: dict[str, t.Type] = {
    "getal": t.NUMBER,
    "aantal": t.COUNT,
    "percentage": t.PERCENTAGE,
    "ja/nee": t.BOOLEAN,
    "datum": t.DATE,
}
QUANTITY_UNITS = {"uren": "uur", "dagen": "dag", "weken": "week", "maanden": "maand", "jaren": "jaar"}


def declared_type(context: Context, type_expr: ir.TypeExpr, _seen: frozenset[str] = frozenset()
                  ) -> t.Type | None:
    """The type a TypeExpr names; None for `duur`, whose unit the expression decides."""
    base = type_expr.base
    per = t.Unit.of({type_expr.per: -1}) if type_expr.per else t.DIMENSIONLESS
    if base == "bedrag":
        return t.NumberType(t.MONEY * per)
    if base in QUANTITY_UNITS:
        unit = QUANTITY_UNITS[base]
        return t.NumberType(t.Unit.of({unit: 1}) * per, whole=False)
    if base == "duur":
        return None
    if base in BASE_TYPES:
        found = BASE_TYPES[base]
        if type_expr.per and isinstance(found, t.NumberType):
            return t.NumberType(found.unit * per, whole=found.whole, percent=found.percent)
        return found
    resolved = scope.resolve_type_name(context, type_expr.name)
    if resolved is None:
        return t.UNKNOWN
    module, definition = resolved
    if isinstance(definition, ir.ChoiceDef):
        choice = t.ChoiceType(definition.name, tuple(o.name for o in definition.options))
        return choice
    assert isinstance(definition, ir.RecordDef)
    record = record_type(context, module, definition, _seen)
    if base == "lijst":
        return t.ListType(record)
    return record


def record_type(context: Context, module: str, definition: ir.RecordDef,
                seen: frozenset[str] = frozenset()) -> t.RecordType:
    key = f"{module}.{definition.name}"
    if key in seen:
        return t.RecordType(definition.name, ())
    fields = []
    defaults = []
    for field in definition.fields:
        field_type = declared_type(context, field.type, seen | {key})
        fields.append((field.name, field_type if field_type is not None else t.UNKNOWN))
        value = default_value(context, field.default)
        if value is not None:
            defaults.append((field.name, value))
    return t.RecordType(definition.name, tuple(fields), tuple(defaults))


def default_value(context: Context, expr: ir.Expr | None) -> object | None:
    """The exact value of a field's default: a literal or a choice value; None for anything else."""
    if isinstance(expr, ir.Literal) and expr.kind != "geen":
        return expr.value
    if isinstance(expr, ir.Name):
        target = context.targets.get(expr)
        if target is not None and target.kind == "keuzewaarde":
            return target.name
    return None
