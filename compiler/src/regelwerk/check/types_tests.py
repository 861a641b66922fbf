"""Types in the tests: what a test gives and expects must fit the invoer and regels it names,
member by member for a lijst of gegevens (RW6xx and the RW2xx of a test's values).
"""

from __future__ import annotations

from regelwerk.check import scope
from regelwerk.check.types_base import TypeCheckerBase, is_constant
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.span import Span


class TypesInTests(TypeCheckerBase):
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
        if not is_constant(value, self.context):
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
