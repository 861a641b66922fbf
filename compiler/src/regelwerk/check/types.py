"""Pass: every expression has a type and a unit, and they fit (RW2xx). Fills `context.types`.

Types are inferred bottom-up; a declared type is checked against the inferred one. An expression that
already produced an error gets UNKNOWN, which fits everywhere, so one mistake gives one message.
This module runs the pass over a module's definitions, outputs and tests; the mixins it is made of
check each kind of thing.
"""

from __future__ import annotations

from regelwerk.check.context import Context
from regelwerk.check.types_definitions import DefinitionTypes
from regelwerk.check.types_expressions import ExpressionTypes
from regelwerk.check.types_references import ReferenceTypes
from regelwerk.check.types_tests import TypesInTests
from regelwerk.diagnostics import Diagnostic
from regelwerk.ir import nodes as ir


def check_types(module: ir.Module, context: Context) -> list[Diagnostic]:
    return TypeChecker(context).check_module(module)


class TypeChecker(DefinitionTypes, TypesInTests, ReferenceTypes, ExpressionTypes):
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
