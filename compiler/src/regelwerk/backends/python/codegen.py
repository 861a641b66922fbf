"""The core IR of one regulation -> the source of its Python module.

The module's layout: docstring, imports, metadata, types (TypedDicts for input and output), the
constants that describe kinds of values and tables, the JSON Schemas, `bereken` and `bereken_json`,
and then one function per input read, parameter, table and rule, in the order of the rule files.
This module puts the parts together; the writers it is made of write the interface (interface.py),
the functions of the definitions (definitions.py) and of the tables (tables.py).
"""

from __future__ import annotations

import ast

from regelwerk.backends.python.definitions import DefinitionWriter
from regelwerk.backends.python.interface import InterfaceWriter
from regelwerk.backends.python.tables import TableWriter
from regelwerk.backends.python.writer import Lines
from regelwerk.core import nodes as c


def generate(program: c.Program) -> str:
    """The source of the module for a regulation (the core IR of it and the modules it uses)."""
    assert program.main.kind == "regeling"
    return ModuleWriter(program).source()


class ModuleWriter(InterfaceWriter, DefinitionWriter, TableWriter):
    def source(self) -> str:
        functions = self.functions()  # first: they decide which constants the module needs
        body = "\n".join([*self.metadata(), *self.types(), *self.constants(), *self.schemas(),
                          *self.entry_points(), *functions])
        code = "\n".join([*self.header(), *self.imports(body), body]) + "\n"
        ast.parse(code)  # a generator bug, not a user error, if this fails
        return code

    def functions(self) -> Lines:
        lines: Lines = []
        for definition in self.plan.definitions:
            if isinstance(definition, c.Input):
                lines += self.input_function(definition)
            elif isinstance(definition, c.Parameter):
                lines += self.parameter_function(definition)
            elif isinstance(definition, c.Table):
                lines += self.table_function(definition)
            else:
                lines += self.rule_function(definition)
        for output in self.module.outputs:
            if output.per_member:
                lines += self.per_member_function(output)
        if self.has_requirements():
            lines += self.requirements_function()
        return lines
