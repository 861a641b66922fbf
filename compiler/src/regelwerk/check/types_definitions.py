"""Types of the definitions: an invoer, parameter, tabel, regel or gegevens checked against the
type it declares, and the declared type recorded for every later use of its name.
"""

from __future__ import annotations

from regelwerk.check import scope
from regelwerk.check.types_base import TypeCheckerBase, article_suffix, is_constant
from regelwerk.check.types_declared import default_value
from regelwerk.check.walk import alternatives, names_in
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.span import Span


class DefinitionTypes(TypeCheckerBase):
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
            if not is_constant(value, self.context):
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
                self.report("RW201", f"regel {rule.name}{article_suffix(rule.reference)} is ja/nee, maar "
                            "de waarde is een aantal", span,
                            "na 'waarvoor' hoort de rest van de regel bij de voorwaarde; wilt u de "
                            "telling vergelijken, zet haar dan tussen haakjes: "
                            "(aantal ... waarvoor ...) > 1")
                return declared
            self.mismatch(f"regel {rule.name}", found, declared, span, rule.reference)
        return declared

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
