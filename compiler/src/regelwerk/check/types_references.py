"""Types of what a name refers to: a definition, a gegeven of a lid, a keuzewaarde (which takes its
keuze from the other side), an argument, and calls of rules with arguments, built-in functions and
tables, whose arguments are checked against what they declare.
"""

from __future__ import annotations

from regelwerk.check import scope
from regelwerk.check.context import Target
from regelwerk.check.types_base import TypeCheckerBase, conversion_hint
from regelwerk.check.types_declared import record_type
from regelwerk.core import functions
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t


class ReferenceTypes(TypeCheckerBase):
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


def _function_hint(parameter: t.Type, found: t.Type) -> str:
    if isinstance(parameter, t.DateType):
        return "geef een datum, bijv. 2026-03-01, peildatum of een invoer van het type datum"
    return conversion_hint(found, parameter)
