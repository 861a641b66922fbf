"""Pass: every expression has a type and a unit, and they fit (RW2xx). Fills `context.types`.

Types are inferred bottom-up; a declared type is checked against the inferred one. An expression that
already produced an error gets UNKNOWN, which fits everywhere, so one mistake gives one message.
"""

from __future__ import annotations

from decimal import Decimal

from regelwerk.check import scope
from regelwerk.check.context import Context, Target
from regelwerk.check.walk import alternatives, names_in
from regelwerk.core import functions
from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.span import Span
from regelwerk.syntax import literals

BASE_TYPES: dict[str, t.Type] = {
    "getal": t.NUMBER,
    "aantal": t.COUNT,
    "percentage": t.PERCENTAGE,
    "ja/nee": t.BOOLEAN,
    "datum": t.DATE,
}
QUANTITY_UNITS = {"uren": "uur", "dagen": "dag", "weken": "week", "maanden": "maand", "jaren": "jaar"}
ORDERING = {"<", "≤", ">", "≥"}


def check_types(module: ir.Module, context: Context) -> list[Diagnostic]:
    return TypeChecker(context).check_module(module)


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


class TypeChecker:
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

    # ------------------------------------------------------------ definitions
    def check_module(self, module: ir.Module) -> list[Diagnostic]:
        for definition in module.definitions:
            if isinstance(definition, ir.ParameterDef):
                self.enter("parameter", definition)
                self.check_parameter(definition)
            elif isinstance(definition, ir.TableDef):
                self.enter("tabel", definition)
                self.check_table(definition)
            elif isinstance(definition, ir.RuleDef):
                self.enter("regel", definition)
                self.check_arguments(definition)
                self.rule_type(definition)
            elif isinstance(definition, ir.InputDef):
                self.enter("invoer", definition)
                self.check_input(definition)
            elif isinstance(definition, ir.RecordDef):
                self.enter("gegevens", definition)
                self.check_defaults(definition)
            self.where.clear()
        for name in module.output_names:
            target = self.context.targets.get(name)
            if target is not None and target.kind not in ("regel", "invoer", "parameter"):
                self.report("RW215", f"'{name.text}' is een {target.kind} en kan geen uitvoer zijn",
                            name.span, "als uitvoer noemt u een regel")
            output = self.context.definition_of(target) if target is not None else None
            if isinstance(output, ir.RuleDef) and output.arguments:
                self.report("RW215", f"regel {output.name} heeft argumenten en kan geen "
                            "uitvoer zijn", name.span, "noem als uitvoer een regel die de regel "
                            "met argumenten gebruikt")
        for test in module.tests:
            self.where = [f"test \"{test.name}\""]
            self.check_test(test)
        return self.diagnostics

    def check_defaults(self, record: ir.RecordDef) -> None:
        for field in record.fields:
            if field.default is None:
                continue
            if default_value(self.context, field.default) is None:
                self.report("RW217", f"de standaardwaarde van {field.name} moet een vaste waarde "
                            "zijn", field.default.span, "schrijf een getal, bedrag, percentage, "
                            "datum, ja/nee of keuzewaarde; de invoer kan het gegeven dan weglaten")
                continue
            declared = self.declared(field.type)
            if declared is None:  # `duur`: the default gives the unit, as for a parameter
                continue
            found = self.infer(field.default, {}, declared)
            if not t.assignable(found, declared):
                self.mismatch(f"de standaardwaarde van {field.name}", found, declared,
                              field.default.span)

    def declared(self, type_expr: ir.TypeExpr) -> t.Type | None:
        return declared_type(self.context, type_expr)

    def check_input(self, definition: ir.InputDef) -> None:
        declared = self.declared(definition.type)
        if declared is None:
            self.report("RW216", f"invoer {definition.name} heeft als type 'duur' zonder eenheid",
                        definition.type.span, "schrijf 'jaren', 'maanden' of 'dagen'")
            declared = t.UNKNOWN
        self.context.types[definition] = declared
        for requirement in definition.requirements:
            self.expect_boolean(requirement.condition, {}, "een eis")
            for name in names_in(requirement.condition):
                target = self.context.targets.get(name)
                if target is not None and target.kind not in (
                        "invoer", "parameter", "keuzewaarde", "element"):
                    self.report("RW219", f"een eis aan de invoer kan {target.kind} {target.name} "
                                "niet lezen", name.span, "een eis leest alleen invoer, parameters "
                                "en keuzewaarden: ze wordt getoetst voordat er iets berekend wordt")

    def definition_type(self, definition: ir.Definition) -> t.Type:
        known = self.context.types.get(definition)
        if known is not None:
            return known
        if isinstance(definition, ir.RuleDef):
            return self.rule_type(definition)
        if isinstance(definition, (ir.InputDef, ir.ParameterDef)):
            declared = self.declared(definition.type)
            if declared is None and isinstance(definition, ir.ParameterDef):
                first = next((v.value for v in definition.values if v.value is not None), None)
                declared = self.infer(first, {}) if first is not None else None
            result = declared if declared is not None else t.UNKNOWN
            self.context.types[definition] = result
            return result
        return t.UNKNOWN

    def check_parameter(self, definition: ir.ParameterDef) -> None:
        declared = self.declared(definition.type)
        for dated in definition.values:
            value = dated.value
            if value is None:  # onbekend: no value to check
                continue
            found = self.infer(value, {}, declared)
            if not _constant(value, self.context):
                self.report("RW217", f"de waarde van parameter {definition.name} moet een vaste "
                            "waarde zijn", value.span,
                            "een parameter krijgt een getal, bedrag of datum; rekenen doet u in een "
                            "'regel'")
            if declared is None:
                if not t.is_duration(found) and not isinstance(found, t.UnknownType):
                    self.report("RW201", f"parameter {definition.name} is een duur, maar de waarde "
                                f"is {found.describe()}", value.span,
                                "schrijf bijv. '18 jaar'")
                declared = found
            elif not t.assignable(found, declared):
                self.mismatch(f"parameter {definition.name}", found, declared, value.span)
        if declared is None and definition.values:
            self.report("RW216", f"parameter {definition.name} heeft als type 'duur' zonder "
                        "eenheid, en geen bekende waarde om de eenheid uit af te leiden",
                        definition.type.span, "schrijf 'jaren', 'maanden' of 'dagen'")
        self.context.types[definition] = declared if declared is not None else t.UNKNOWN

    def check_table(self, table: ir.TableDef) -> None:
        first = table.versions[0].columns if table.versions else ()
        column_types = [self.declared(c.type) or t.UNKNOWN for c in first]
        if table.versions and all(v.unknown is not None for v in table.versions):
            self.report("RW209", f"tabel {table.name} heeft geen enkele bekende versie, dus ook "
                        "geen kolommen", table.span,
                        "geef de kolommen en rijen van minstens één versie; de andere versies "
                        "mogen 'onbekend' zijn")
        elif len(first) < 2:
            self.report("RW209", f"tabel {table.name} heeft minstens twee kolommen nodig: de "
                        "invoer en het resultaat", table.span,
                        "de laatste kolom is het resultaat, de kolommen ervoor de invoer")
        for version in table.versions:
            if [(c.name, c.type.base, c.type.per, c.type.name) for c in version.columns] != [
                (c.name, c.type.base, c.type.per, c.type.name) for c in first
            ]:
                self.report("RW209", f"de kolommen van tabel {table.name} verschillen tussen de "
                            "versies", version.span,
                            "elke versie van een tabel heeft dezelfde kolommen met dezelfde types")
                continue
            for row in version.rows:
                if len(row.cells) != len(first):
                    self.report("RW209", f"deze rij van tabel {table.name} heeft {len(row.cells)} "
                                f"cellen, de kop {len(first)}", row.span,
                                "geef elke kolom een cel; schrijf 'n.v.t.' waar elke waarde past")
                    continue
                for index, (cell, column_type) in enumerate(zip(row.cells, column_types)):
                    is_output = index == len(first) - 1
                    self.check_cell(table, first[index], cell, column_type, is_output)
        self.context.types[table] = column_types[-1] if column_types else t.UNKNOWN

    def check_cell(self, table: ir.TableDef, column: ir.Column, cell: ir.Cell,
                   column_type: t.Type, is_output: bool) -> None:
        where = f"kolom {column.name} van tabel {table.name}"
        if is_output:
            if not isinstance(cell, ir.ValueCell):
                self.report("RW209", f"de resultaatkolom {column.name} heeft een waarde nodig",
                            cell.span, "de laatste kolom geeft het resultaat van de rij")
                return
            found = self.infer(cell.value, {}, column_type)
            if not t.assignable(found, column_type):
                self.mismatch(where, found, column_type, cell.value.span)
            return
        if isinstance(cell, ir.AnyCell):
            return
        if isinstance(cell, ir.RangeCell) or isinstance(cell, ir.CompareCell):
            if not isinstance(column_type, (t.NumberType, t.DateType, t.UnknownType)):
                self.report("RW203", f"een bereik past niet bij {where}, want die is "
                            f"{column_type.describe()}", cell.span,
                            "een bereik (vanaf ... tot ...) kan alleen bij getallen, bedragen en "
                            "datums")
                return
            bounds = ([cell.lower, cell.upper] if isinstance(cell, ir.RangeCell) else [cell.value])
            for bound in bounds:
                if bound is None:
                    continue
                found = self.infer(bound, {}, column_type)
                if not t.assignable(found, column_type):
                    self.mismatch(where, found, column_type, bound.span)
            return
        assert isinstance(cell, ir.ValueCell)
        for value in alternatives(cell.value):
            found = self.infer(value, {}, column_type)
            if not t.assignable(found, column_type):
                self.mismatch(where, found, column_type, value.span)

    def rule_type(self, rule: ir.RuleDef) -> t.Type:
        known = self.context.types.get(rule)
        if known is not None:
            return known
        if rule in self.in_progress:
            declared = self.declared(rule.type)
            return declared if declared is not None else t.UNKNOWN
        self.in_progress.add(rule)
        self.enter("regel", rule)
        declared = self.declared(rule.type)
        members: scope.Members = {}
        if rule.per is not None:
            record = scope.resolve_type_name(self.context, (rule.per,))
            if record is not None:
                members[rule.per] = (record[0], record[1].name)
        result = declared
        if rule.value is None:
            self.report("RW220", f"regel {rule.name} heeft geen algemene waarde", rule.span,
                        "geef de waarde op een regel die begint met '='")
        else:
            found = self.infer(rule.value, members, declared)
            result = self.fit_rule(rule, found, declared, rule.value.span)
        for exception in rule.exceptions:
            self.expect_boolean(exception.condition, members, "de voorwaarde na 'behalve als'")
            found = self.infer(exception.value, members, result)
            self.fit_rule(rule, found, result, exception.value.span)
        final = result if result is not None else t.UNKNOWN
        self.context.types[rule] = final
        self.in_progress.discard(rule)
        self.where.pop()
        return final

    def fit_rule(self, rule: ir.RuleDef, found: t.Type, declared: t.Type | None, span: Span
                 ) -> t.Type:
        if declared is None:
            if not t.is_duration(found) and not isinstance(found, t.UnknownType):
                self.report("RW201", f"regel {rule.name} is een duur, maar de waarde is "
                            f"{found.describe()}", span,
                            "een duur komt uit bijv. 'jaren tussen ... en ...' of '18 jaar'")
                return t.UNKNOWN
            return found
        if not t.assignable(found, declared):
            value = rule.value if rule.value is not None and span == rule.value.span else None
            if isinstance(value, ir.Aggregate) and value.op == "aantal" and value.condition \
                    and isinstance(declared, t.BooleanType) and isinstance(found, t.NumberType):
                # `aantal x waarvoor y > 1`: the comparison belongs to the filter, not the count
                self.report("RW201", f"regel {rule.name}{_article(rule.reference)} is ja/nee, maar "
                            "de waarde is een aantal", span,
                            "na 'waarvoor' hoort de rest van de regel bij de voorwaarde; wilt u de "
                            "telling vergelijken, zet haar dan tussen haakjes: "
                            "(aantal ... waarvoor ...) > 1")
                return declared
            self.mismatch(f"regel {rule.name}", found, declared, span, rule.reference)
        return declared

    def mismatch(self, what: str, found: t.Type, declared: t.Type, span: Span,
                 reference: ir.Reference | None = None) -> None:
        article = _article(reference)
        hint = _conversion_hint(found, declared)
        self.report("RW201", f"{what}{article} is {declared.describe()}, maar de waarde is "
                    f"{found.describe()}", span, hint)

    # ------------------------------------------------------------ tests
    def check_test(self, test: ir.TestDef) -> None:
        if test.peildatum is None and self.context.module.valid_from is None:
            self.report("RW601", f"test \"{test.name}\" heeft geen peildatum", test.span,
                        "schrijf 'peildatum jjjj-mm-dd' in de test")
        if not test.expected:
            self.report("RW602", f"test \"{test.name}\" verwacht niets", test.span,
                        "schrijf 'verwacht naam = waarde'")
        for assignment in test.given:
            if assignment.rounding is not None:
                self.report("RW207", f"'{assignment.name}' wordt gegeven, niet berekend: er valt "
                            "niets af te ronden", assignment.span, "afronden kan alleen bij wat "
                            "een test verwacht: 'verwacht x afgerond op hele euro's = € 131,00'")
            if isinstance(assignment.value, ir.Unknown):
                self.unknown_given(assignment.name, assignment.value)
                continue
            found = scope.lookup(self.context, assignment.name)
            if found is None or not isinstance(found[1], ir.InputDef):
                continue
            self.check_test_value(test, assignment, self.definition_type(found[1]))
        for assignment in test.expected:
            found = scope.lookup(self.context, assignment.name)
            if found is None:
                continue
            definition = found[1]
            if isinstance(definition, ir.RuleDef) and definition.per is not None:
                self.report("RW603", f"'{assignment.name}' is een regel per {definition.per}; een "
                            "test kan die niet als geheel verwachten", assignment.span,
                            "verwacht een regel die over de lijst optelt of telt")
                continue
            if isinstance(definition, ir.RuleDef) and definition.arguments:
                self.report("RW603", f"'{assignment.name}' is een regel met argumenten; een test "
                            "kan die niet zonder argumenten verwachten", assignment.span,
                            "verwacht een regel die hem met zijn argumenten gebruikt")
                continue
            expected = self.definition_type(definition)
            if assignment.rounding is not None and not isinstance(
                    expected, (t.NumberType, t.UnknownType)):
                self.report("RW207", f"'{assignment.name}' is {expected.describe()} en kan niet "
                            "worden afgerond", assignment.span,
                            "afronden kan alleen bij getallen, bedragen en percentages")
            self.check_test_value(test, assignment, expected)

    def unknown_given(self, name: str, value: ir.Unknown) -> None:
        self.report("RW217", f"'{name}' kan niet 'onbekend' gegeven worden", value.span,
                    "een test geeft elke invoer een vaste waarde; 'onbekend' staat alleen na "
                    "'verwacht', voor een berekening die op een onbekende waarde moet stoppen")

    def check_test_value(self, test: ir.TestDef, assignment: ir.Assignment, expected: t.Type
                         ) -> None:
        value = assignment.value
        if isinstance(value, ir.Unknown):  # `verwacht x = onbekend`: any type can stop
            return
        if isinstance(value, ir.ListValue):
            if not isinstance(expected, t.ListType):
                self.report("RW201", f"'{assignment.name}' is {expected.describe()}, geen lijst",
                            value.span)
                return
            for item in value.items:
                self.check_record_value(assignment.name, item, expected.element, value.span)
            return
        if isinstance(value, ir.Literal) and value.kind == "geen":
            if not isinstance(expected, (t.ListType, t.UnknownType)):
                self.report("RW201", f"'geen' past alleen bij een lijst, en '{assignment.name}' is "
                            f"{expected.describe()}", value.span)
            return
        if not _constant(value, self.context):
            self.report("RW217", f"in test \"{test.name}\" moet '{assignment.name}' een vaste "
                        "waarde krijgen", value.span, "schrijf een getal, bedrag, datum, ja/nee of "
                        "keuzewaarde")
            return
        found = self.infer(value, {}, expected)
        if not t.assignable(found, expected):
            self.mismatch(f"'{assignment.name}'", found, expected, value.span)

    def check_record_value(self, name: str, item: tuple[ir.Assignment, ...],
                           record: t.RecordType, span: Span) -> None:
        given = {a.name for a in item}
        for field in item:
            field_type = record.field(field.name)
            if field_type is None:
                names = [n for n, _ in record.fields]
                self.report("RW105", f"{record.name} heeft geen gegeven '{field.name}'", field.span,
                            scope.suggestion(field.name, names) or
                            f"de gegevens van {record.name} zijn: {', '.join(names)}")
                continue
            value = field.value
            if isinstance(value, ir.Unknown):
                self.unknown_given(field.name, value)
                continue
            if isinstance(value, ir.ListValue):
                if isinstance(field_type, t.ListType):
                    for sub in value.items:
                        self.check_record_value(field.name, sub, field_type.element, value.span)
                continue
            found = self.infer(value, {}, field_type)
            if not t.assignable(found, field_type):
                self.mismatch(f"'{name}.{field.name}'", found, field_type, value.span)
        defaults = dict(record.defaults)
        missing = [n for n, _ in record.fields if n not in given and n not in defaults]
        if missing and item:
            self.report("RW604", f"een {record.name} in '{name}' mist {', '.join(missing)}",
                        item[0].span, "geef elk gegeven van het lid een waarde")

    # ------------------------------------------------------------ expressions
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
                                       expr.span, _conversion_hint(found, result))
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

    def name(self, expr: ir.Name, expected: t.Type | None) -> t.Type:
        target = self.context.targets.get(expr)
        if target is None:
            return t.UNKNOWN
        if target.kind == "keuzewaarde":
            return self.choice_value(expr, target, expected)
        if target.kind == "element":
            record = self.context.find(target.module, target.name, ir.RecordDef)
            if not isinstance(record, ir.RecordDef):
                return t.UNKNOWN
            base: t.Type = record_type(self.context, target.module, record)
            return self.fields(expr, base, target.fields)
        if target.kind == "argument":
            return self.argument_type(target)
        if target.kind == "functie":
            function = functions.lookup(target.name)
            arguments = function.arguments if function is not None else ()
            return self.report("RW206", f"{target.name} is een functie en heeft argumenten nodig",
                               expr.span, f"schrijf {target.name}(" + "; ".join(arguments) + ")")
        definition = self.context.definition_of(target)
        if definition is None:
            return t.UNKNOWN
        if isinstance(definition, ir.RuleDef) and definition.arguments:
            return self.report("RW206", f"regel {definition.name} heeft argumenten nodig",
                               expr.span, f"schrijf {definition.name}("
                               + "; ".join(a.name for a in definition.arguments) + ")")
        if isinstance(definition, ir.TableDef):
            return self.report("RW206", f"tabel {definition.name} heeft argumenten nodig",
                               expr.span, f"schrijf {definition.name}("
                               + "; ".join(c.name for c in definition.inputs) + ")")
        if isinstance(definition, (ir.ChoiceDef, ir.RecordDef)):
            return self.report("RW206", f"'{expr.text}' is een type, geen waarde", expr.span)
        base = self.definition_type(definition)
        return self.fields(expr, base, target.fields)

    def fields(self, expr: ir.Name, base: t.Type, fields: tuple[str, ...]) -> t.Type:
        current = base
        for field in fields:
            if isinstance(current, t.UnknownType):
                return current
            if not isinstance(current, t.RecordType):
                return self.report("RW105", f"'{expr.text}': {current.describe()} heeft geen "
                                   f"gegeven '{field}'", expr.span)
            found = current.field(field)
            if found is None:
                names = [n for n, _ in current.fields]
                return self.report("RW105", f"{current.name} heeft geen gegeven '{field}'",
                                   expr.span, scope.suggestion(field, names)
                                   or f"de gegevens van {current.name} zijn: {', '.join(names)}")
            current = found
        return current

    def choice_value(self, expr: ir.Name, target: Target, expected: t.Type | None) -> t.Type:
        value = target.name
        if isinstance(expected, t.ChoiceType):
            if value in expected.values:
                self.context.targets[expr] = Target("keuzewaarde", target.module, value,
                                                    choice=expected.name)
                return expected
            return self.report("RW201", f"'{value}' is geen waarde van {expected.describe()}",
                               expr.span, scope.suggestion(value, list(expected.values))
                               or f"mogelijke waarden: {', '.join(expected.values)}")
        owners = scope.choice_values(self.context, value)
        if len(owners) != 1:
            return self.report("RW109", f"'{value}' is een waarde van meer dan één keuze",
                               expr.span, "vergelijk het met een invoer van de juiste keuze, of "
                               "schrijf keuze.waarde")
        module, name = owners[0]
        definition = self.context.find(module, name, ir.ChoiceDef)
        if not isinstance(definition, ir.ChoiceDef):
            return t.UNKNOWN
        return t.ChoiceType(definition.name, tuple(o.name for o in definition.options))

    def argument_type(self, target: Target) -> t.Type:
        rule = self.context.find(target.module, target.element or "", ir.RuleDef)
        assert isinstance(rule, ir.RuleDef)
        argument = next(a for a in rule.arguments if a.name == target.name)
        return self.declared(argument.type) or t.UNKNOWN

    def check_arguments(self, rule: ir.RuleDef) -> None:
        if rule.arguments and rule.per is not None:
            self.report("RW206", f"regel per {rule.per} {rule.name} kan geen argumenten hebben",
                        rule.span, "een regel rekent per lid, of voor de argumenten waarmee hij "
                        "gebruikt wordt, niet allebei")
        for argument in rule.arguments:
            declared = self.declared(argument.type)
            self.context.types[argument] = declared if declared is not None else t.UNKNOWN
            if declared is None or isinstance(declared, (t.RecordType, t.ListType)):
                self.report("RW206", f"argument {argument.name} van regel {rule.name} moet een "
                            "enkele waarde zijn", argument.type.span, "een argument is een getal, "
                            "bedrag, percentage, datum, ja/nee of keuzewaarde, geen duur zonder "
                            "eenheid, lijst of gegevens")

    def rule_call(self, expr: ir.Call, rule: ir.RuleDef, members: scope.Members) -> t.Type:
        """`omkadering_vanaf(begin_2e_kwartaal)`: a rule computed for these arguments."""
        if not rule.arguments:
            for arg in expr.args:
                self.infer(arg, members)
            return self.report("RW206", f"regel {rule.name} heeft geen argumenten", expr.span,
                               f"schrijf {rule.name} zonder haakjes")
        if len(expr.args) != len(rule.arguments):
            self.report("RW205", f"regel {rule.name} heeft {len(rule.arguments)} argument"
                        f"{'en' if len(rule.arguments) != 1 else ''}, maar krijgt "
                        f"{len(expr.args)}", expr.span,
                        "geef in volgorde: " + "; ".join(a.name for a in rule.arguments))
        for arg, argument in zip(expr.args, rule.arguments):
            declared = self.declared(argument.type) or t.UNKNOWN
            found = self.infer(arg, members, declared)
            if not t.assignable(found, declared):
                self.mismatch(f"argument {argument.name} van regel {rule.name}", found, declared,
                              arg.span, rule.reference)
        for arg in expr.args[len(rule.arguments):]:
            self.infer(arg, members)
        return self.rule_type(rule)

    def function_call(self, expr: ir.Call, members: scope.Members) -> t.Type:
        """`dag_van_de_week(geboortedatum)`: a built-in function, typed by its registry entry."""
        name = expr.callee.text
        function = functions.lookup(name)
        assert function is not None, name
        wanted = function.parameters
        names = function.arguments or tuple(f"argument {i + 1}" for i in range(len(wanted)))
        if len(expr.args) != len(wanted):
            self.report("RW205", f"functie {name} heeft {len(wanted)} argument"
                        f"{'en' if len(wanted) != 1 else ''}, maar krijgt {len(expr.args)}",
                        expr.span, "de functie krijgt in volgorde: "
                        + "; ".join(f"{n} ({p.describe()})" for n, p in zip(names, wanted)))
        for arg, parameter, argument in zip(expr.args, wanted, names):
            found = self.infer(arg, members, parameter)
            if not t.assignable(found, parameter):
                self.report("RW201", f"argument {argument} van functie {name} is "
                            f"{parameter.describe()}, maar de waarde is {found.describe()}",
                            arg.span, _function_hint(parameter, found))
        for arg in expr.args[len(wanted):]:
            self.infer(arg, members)
        return function.result(())

    def call(self, expr: ir.Call, members: scope.Members) -> t.Type:
        target = self.context.targets.get(expr.callee)
        if target is None:
            for arg in expr.args:
                self.infer(arg, members)
            return t.UNKNOWN
        if target.kind == "functie":
            return self.function_call(expr, members)
        callee = self.context.definition_of(target)
        if isinstance(callee, ir.RuleDef) and not target.fields:
            return self.rule_call(expr, callee, members)
        table = self.context.definition_of(target)
        if not isinstance(table, ir.TableDef) or target.fields:
            return self.report("RW206", f"'{expr.callee.text}' is geen tabel en kan niet worden "
                               "opgezocht", expr.callee.span, "alleen een tabel krijgt argumenten "
                               "tussen haakjes")
        inputs = table.inputs
        if len(expr.args) != len(inputs):
            self.report("RW205", f"tabel {table.name} heeft {len(inputs)} invoerkolom"
                        f"{'men' if len(inputs) != 1 else ''}, maar krijgt {len(expr.args)} "
                        "argument" + ("en" if len(expr.args) != 1 else ""), expr.span,
                        "geef in volgorde: " + "; ".join(c.name for c in inputs))
        for arg, column in zip(expr.args, inputs):
            column_type = self.declared(column.type) or t.UNKNOWN
            found = self.infer(arg, members, column_type)
            if not t.assignable(found, column_type):
                self.mismatch(f"kolom {column.name} van tabel {table.name}", found, column_type,
                              arg.span, table.reference)
        for arg in expr.args[len(inputs):]:
            self.infer(arg, members)
        return self.declared(table.output.type) or t.UNKNOWN if table.columns else t.UNKNOWN

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
                            f"{right.describe()}", expr.span, _conversion_hint(right, left))
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
                                   f"{left.describe()}", expr.span, _conversion_hint(right, left))
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
                                   _conversion_hint(found, result))
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


def _function_hint(parameter: t.Type, found: t.Type) -> str:
    if isinstance(parameter, t.DateType):
        return "geef een datum, bijv. 2026-03-01, peildatum of een invoer van het type datum"
    return _conversion_hint(found, parameter)


def conversion_factor(source: str, target: str) -> Decimal | None:
    """How much of `per target` one `per source` is: per maand -> per jaar is 12."""
    factor = t.conversion(source, target)
    return Decimal(factor[0]) / Decimal(factor[1]) if factor is not None else None


def _conversion_hint(found: t.Type, declared: t.Type) -> str:
    if isinstance(found, t.NumberType) and isinstance(declared, t.NumberType):
        have, want = found.unit.period(), declared.unit.period()
        if have and want and have != want and found.unit.without_period() == declared.unit.without_period():
            if conversion_factor(have, want) is not None:
                return f"reken expliciet om: '... omgerekend per {want}'"
            return f"per {have} en per {want} zijn niet exact om te rekenen; gebruik een parameter"
        if want and not have and found.unit == declared.unit.without_period():
            return f"maak er {declared.describe()} van met '... per {want}'"
    return ""


def _constant(expr: ir.Expr, context: Context) -> bool:
    from regelwerk.check.walk import children

    if isinstance(expr, ir.Name):
        target = context.targets.get(expr)
        return target is None or target.kind in ("keuzewaarde", "parameter")
    if isinstance(expr, (ir.Call, ir.Aggregate, ir.Peildatum)):
        return False
    return all(_constant(child, context) for child in children(expr))


def _article(reference: ir.Reference | None) -> str:
    return f" [{reference.text}]" if reference else ""
