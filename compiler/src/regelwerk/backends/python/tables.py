"""A table of the rules as a function of the generated module: per version in force, the tests of
each row's cells (`r.rij`) and the result of the row that matches, with the table's constant.
"""

from __future__ import annotations

from regelwerk.backends.python import printer
from regelwerk.backends.python.expressions import (
    AND,
    CMP,
    OR,
    Compiler,
    Py,
    chain,
    column_soorten,
    is_constant,
    is_quiet,
)
from regelwerk.backends.python.names import constant
from regelwerk.backends.python.printer import Chain, Concat, Doc, Group, render, text
from regelwerk.backends.python.writer import Lines, WriterBase, define, in_force_order, optional, summary
from regelwerk.core import nodes as c


class TableWriter(WriterBase):
    def table_function(self, table: c.Table) -> Lines:
        module = table.module
        name = self.plan.identifier(module, table.name)
        result = self.kinds.annotation(table.type)
        columns = [column.type for column in table.inputs]
        doc = summary("Tabel", table.name, None, table.source.reference, table.source.label)
        if table.first_hit:
            doc.append("Eerste treffer: van de rijen die passen, geldt de eerste.")

        def build(compiler: Compiler) -> tuple[Doc, Lines]:
            params = [compiler.scope.parameter(column.name) for column in table.inputs]
            docs = [text("r: _Rekening")] + [text(f"{p}: {self.kinds.annotation(ty)}")
                                             for p, ty in zip(params, columns)]
            soorten: list[Doc] = []
            if (module, table.name) in self.soorten_parameter:  # a call passes other kinds
                docs.append(text("soorten: tuple[rt.Soort, ...] | None = None"))
                soorten = [text("soorten=soorten")]
            signature = Concat((text(f"def {name}"), Group("(", tuple(docs), ")"),
                                text(f" -> {result}:")))
            return signature, self.table_body(compiler, table, params, soorten)

        return define(None, *self.compiled(build), doc)

    def table_body(self, compiler: Compiler, table: c.Table, params: list[str],
                   soorten: list[Doc]) -> Lines:
        constant = self.table_constant_name(table.module, table.name)
        body: Lines = []
        for version in in_force_order(table.versions):
            assert isinstance(version, c.TableVersion)
            indent = 4
            if version.valid_from is not None:
                body.append(f"    if r.peildatum >= {self.kinds.date(version.valid_from)}:")
                indent = 8
            if version.unknown is not None:
                body.append(render(self.unknown("tabel", table.name, version), indent, "raise "))
                if version.valid_from is None:
                    return body
                continue
            extra = list(soorten)
            if version.valid_from is not None:
                extra.insert(0, Concat((text("vanaf="), printer.string(
                    version.valid_from.isoformat()))))
            look_up = [text(constant), printer.tuple_of([text(p) for p in params])]
            body += self.rows(compiler, table, version, params, indent, look_up, extra)
            if version.valid_from is None:
                return body
        body.append(render(printer.call("r.geen_tabelversie", [printer.string(table.name)]), 4,
                           "raise "))
        return body

    def rows(self, compiler: Compiler, table: c.Table, version: c.TableVersion,
             params: list[str], indent: int, look_up: list[Doc], extra: list[Doc]) -> Lines:
        """`rij = r.rij(tabel, (argumenten), (tests per row))`, then the result of each row."""
        pad = " " * indent
        conditions = printer.tuple_of([self.row_condition(compiler, row, params)
                                       for row in version.rows])
        quiet = all(is_quiet(cell) for row in version.rows for cell in row.cells)
        lines: Lines = []
        if not quiet:  # the interpreter leaves the steps of matching rows out of the explanation
            lines.append(f"{pad}with r.apart():")
            lines.append(render(conditions, indent + 4, "treffers = "))
            conditions = text("treffers")
        found = "rij = " if len(version.rows) > 1 else ""  # one row: it must match, that is all
        lines.append(render(printer.call("r.rij", [*look_up, conditions, *extra]), indent, found))
        for number, row in enumerate(version.rows, start=1):
            last = number == len(version.rows)
            inner = indent if last else indent + 4
            if not last:
                lines.append(f"{pad}if rij == {number}:")
            value = compiler.compile(row.result, {}).doc
            if not is_quiet(row.result):
                lines.append(" " * inner + "with r.apart():")
                lines.append(render(value, inner + 4, "waarde = "))
                value = text("waarde")
            args = [value, optional(row.reference or version.reference or table.source.reference)]
            if row.provisional is not None:
                args.append(printer.string(row.provisional.reason))
            elif version.provisional is not None:
                args.append(Concat((text("versie_voorlopig="),
                                    printer.string(version.provisional.reason))))
            lines.append(render(printer.call("r.uitkomst", args), inner, "return "))
        return lines

    def row_condition(self, compiler: Compiler, row: c.Row, params: list[str]) -> Doc:
        tests = [self.cell_test(compiler, cell, param) for cell, param in zip(row.cells, params)]
        present = [test for test in tests if test is not None]
        if not present:
            return text("True")
        combined = present[0]
        for test in present[1:]:
            combined = chain(combined, "and", _at_least(test, AND + 1), AND)
        return combined.doc

    def cell_test(self, compiler: Compiler, cell: c.Cell, param: str) -> Py | None:
        """The test of one cell on its column's argument; None for n.v.t."""
        if isinstance(cell, c.AnyCell):
            return None
        arg = text(param)
        if isinstance(cell, c.RangeCell):
            return Py(self.range_test(compiler, cell, arg), CMP)
        if isinstance(cell, c.CompareCell):
            op = {"=": "==", "≠": "!="}.get(cell.op, {"≤": "<=", "≥": ">="}.get(cell.op, cell.op))
            return Py(Chain(arg, ((op, compiler.wrap(cell.value, {}, CMP + 1)),)), CMP)
        assert isinstance(cell, c.ValueCell)
        values = cell.values
        docs = [compiler.wrap(v, {}, CMP + 1) for v in values]
        is_bool = [isinstance(v, c.Const) and isinstance(v.value, bool) for v in values]
        if len(values) > 1 and all(is_constant(v) for v in values):
            return Py(Chain(arg, (("in", printer.tuple_of(docs)),)), CMP)
        tests = [Py(Chain(arg, (("is" if b else "==", d),)), CMP) for d, b in zip(docs, is_bool)]
        combined = tests[0]
        for test in tests[1:]:
            combined = chain(combined, "or", test.doc, OR)
        return combined

    @staticmethod
    def range_test(compiler: Compiler, cell: c.RangeCell, arg: Doc) -> Doc:
        """`lower <= x < upper`: the lower bound first, the upper only if that holds."""
        lower = compiler.wrap(cell.lower, {}, CMP + 1) if cell.lower is not None else None
        upper = compiler.wrap(cell.upper, {}, CMP + 1) if cell.upper is not None else None
        below = "<=" if cell.upper_inclusive else "<"
        if lower is None:
            assert upper is not None
            return Chain(arg, ((below, upper),))
        above = "<=" if cell.lower_inclusive else "<"
        if upper is None:
            return Chain(arg, ((">=" if cell.lower_inclusive else ">", lower),))
        return Chain(lower, ((above, arg), (below, upper)))

    def table_constant_name(self, module: str, name: str) -> str:
        key = (module, name)
        if key not in self.tables:
            identifier = self.plan.identifier(module, name)
            doc = self.table_constant(module, name)  # claims the kinds it uses first
            self.tables[key] = (self.kinds.namespace.claim(constant(identifier)), doc)
        return self.tables[key][0]

    def table_constant(self, module: str, name: str) -> Doc:
        table = self.plan.find(module, name)
        assert isinstance(table, c.Table)
        columns = [printer.tuple_of([printer.string(column.name), text(s)]) for column, s in
                   zip(table.inputs, column_soorten(self.kinds, table))]
        args: list[Doc] = [printer.string(table.name), printer.tuple_of(columns),
                           text(self.kinds.soort(table.type))]
        if table.first_hit:
            args.append(text("eerste_treffer=True"))
        return printer.call("rt.Tabel", args)


def _at_least(py: Py, prec: int) -> Doc:
    return py.doc if py.prec >= prec else printer.parenthesized(py.doc)
