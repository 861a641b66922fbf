"""Prints the syntax tree of a rule file in the one canonical layout.

The printer walks the Lark tree in source order and takes every token of the source as it goes
(keywords and punctuation too, which the tree leaves out), so each piece of output knows where it
came from. That is how comments find their place: a comment is printed just before the first token
that followed it in the source. Checking every token against the source on the way also means the
printer cannot silently drop or invent one: a mismatch is a `FormatterBug`.

The layout, in short (docs/taal/opmaak.md explains it for analysts):
- two spaces per level of indentation; one empty line between top-level definitions, none inside;
- legal references `[...]` in one column per block (see `lines.REF_COLUMN_MAX`);
- table columns padded so that the pipes line up (display width: € and é count one);
- numbers as `€ 1.234,56` and `13,6 %`, operators as × ≠ ≤ ≥;
- expressions longer than `doc.WIDTH` broken before an operator, `dan`, `anders`, `over`, ... (or
  after one where the layout rules require it), continuation lines indented by two.

This module prints the definitions line by line; taking tokens, placing comments and laying out the
page is lines.py's job, breaking expressions expressions.py's.
"""

from __future__ import annotations

from typing import Any

from lark import Token, Tree

from regelwerk.fmt.comments import Comment
from regelwerk.fmt.doc import Align, Docs, Fill, Nest, text_width
from regelwerk.fmt.doc import flat as flat_text
from regelwerk.fmt.expressions import ExpressionPrinter
from regelwerk.fmt.page import INDENT, FormatterBug, Out, children_of, is_rule, unwrap


class Printer(ExpressionPrinter):
    """The file and its definitions, one statement (line) at a time, in the order of the source."""

    # ------------------------------------------------------------------ the file
    def module(self, tree: Tree[Token]) -> str:
        children = children_of(tree)
        self.header(children[0])
        for definition in children[1:]:
            self.definition(unwrap(definition))
        self.flush_comments(len(self.text) + 1, 0)
        if self.index != len(self.tokens):
            raise FormatterBug(f"niet alle tekst is afgedrukt: {self.tokens[self.index]!r}")
        return self.layout()

    def header(self, tree: Tree[Token]) -> None:
        kind, name, annotation, *items = children_of(tree)
        self.begin()
        self.end([self.take(kind.children[0]), " ", self.take(name)], annotation)
        self.block(items, self.header_item)

    def header_item(self, tree: Tree[Token]) -> None:
        self.begin()
        value = children_of(tree)[0]
        keywords = {"titel": ("titel",), "versie": ("versie",), "geldig_vanaf": ("geldig", "vanaf"),
                    "geldig_tot": ("geldig", "tot"), "geldig_tot_en_met": ("geldig", "tot", "en", "met"),
                    "bron": ("bron",), "omschrijving": ()}
        if tree.data not in keywords:
            raise FormatterBug(f"onbekend onderdeel van de kop: {tree.data}")
        words = keywords[tree.data]
        parts: list[Docs] = [self.words(*words), " "] if words else []
        parts.append(self.take(value))
        self.end(parts)

    def definition(self, tree: Tree[Token]) -> None:
        printer = getattr(self, f"d_{tree.data}", None)
        if printer is None:
            raise FormatterBug(f"onbekende definitie: {tree.data}")
        printer(tree)

    def d_gebruik(self, tree: Tree[Token]) -> None:
        self.begin()
        keyword = self.take("gebruik")
        self.end([keyword, " ", Align(self.names(children_of(tree)))])

    def d_uitvoer(self, tree: Tree[Token]) -> None:
        self.begin()
        keyword = self.take("uitvoer")
        self.end([keyword, " ", Align(self.names(children_of(tree)))])

    def names(self, tokens: list[Token]) -> Fill:
        items: list[Docs] = [self.take(tokens[0])]
        separators: list[Docs] = []
        for token in tokens[1:]:
            separators.append(self.take(","))
            items.append(self.take(token))
        return Fill(items, separators)

    def d_invoer(self, tree: Tree[Token]) -> None:
        name, type_, annotation, *lines = children_of(tree)
        self.begin()
        parts = [self.take("invoer"), " ", self.take(name), self.take(":"), " ", self.type(type_)]
        self.end(parts, annotation)
        self.block(lines, self.input_line)

    def input_line(self, tree: Tree[Token]) -> None:
        if is_rule(tree, "detail"):
            self.detail(tree)
            return
        if not is_rule(tree, "requirement"):
            raise FormatterBug(f"onbekende regel bij een invoer: {tree.data}")
        condition, annotation = children_of(tree)
        self.begin()
        self.end([self.take("eis"), " ", self.top(condition)], annotation)

    def details(self, details: list[Any]) -> None:
        for tree in details:
            if tree is not None:
                self.block(children_of(tree), self.detail)

    def detail(self, tree: Tree[Token]) -> None:
        if not is_rule(tree, "detail"):
            raise FormatterBug(f"verwacht een detailregel, gevonden {tree!r}")
        self.begin()
        self.end([], tree)

    def d_parameter(self, tree: Tree[Token]) -> None:
        name, type_, *rest = children_of(tree)
        self.begin()
        parts: list[Docs] = [self.take("parameter"), " ", self.take(name), self.take(":"), " ",
                             self.type(type_)]
        if is_rule(rest[0], "annotation"):
            self.end(parts, rest[0])
            self.block(rest[1:], self.parameter_line)
            return
        parts += [" ", self.take("="), " ", self.top(rest[0])]
        rest = rest[1:]
        if is_rule(rest[0], "provisional"):
            parts.append(self.provisional(rest.pop(0)))
        self.end(parts, rest[0])
        self.details(rest[1:])

    def parameter_line(self, tree: Tree[Token]) -> None:
        if is_rule(tree, "detail"):
            self.detail(tree)
            return
        if not is_rule(tree, "dated_value"):
            raise FormatterBug(f"onbekende regel in een parameter: {tree.data}")
        date, expr, *rest = children_of(tree)
        self.begin()
        parts: list[Docs] = [self.take("vanaf"), " ", self.take(date), self.take(":"), " "]
        parts.append(self.unknown(expr) if is_rule(expr, "unknown") else self.top(expr))
        if is_rule(rest[0], "provisional"):
            parts.append(self.provisional(rest.pop(0)))
        self.end(parts, rest[0])

    def unknown(self, tree: Tree[Token]) -> Docs:
        (reason,) = children_of(tree)
        return [self.take("onbekend"), " ", self.quiet(self.take(reason))]

    def provisional(self, tree: Tree[Token]) -> Docs:
        parts: list[Docs] = [" ", self.quiet(self.take("voorlopig"))]
        for token in children_of(tree):
            parts += [" ", self.quiet(self.take(token))]
        return parts

    def d_keuze(self, tree: Tree[Token]) -> None:
        name, *rest = children_of(tree)
        self.begin()
        parts: list[Docs] = [self.take("keuze"), " ", self.take(name)]
        if rest and isinstance(rest[0], Token):
            colon = self.take(":")
            options = [t for t in rest if isinstance(t, Token)]
            trees = [t for t in rest if isinstance(t, Tree)]
            parts += [colon, " ", Align(self.names(options))]
            self.end(parts, trees[0])
            self.details(trees[1:])
            return
        self.end(parts, rest[0])
        self.block(rest[1:], self.choice_line)

    def choice_line(self, tree: Tree[Token]) -> None:
        if is_rule(tree, "detail"):
            self.detail(tree)
            return
        name, annotation, *details = children_of(tree)
        self.begin()
        self.end([self.take(name)], annotation)
        self.details(details)

    def d_gegevens(self, tree: Tree[Token]) -> None:
        name, *rest = children_of(tree)
        self.begin()
        parts: list[Docs] = [self.take("gegevens"), " ", self.take(name)]
        if is_rule(rest[0], "dotted_name"):  # `zoals periodes.prestatie`
            parts += [" ", self.take("zoals"), " ", self.dotted(rest.pop(0))]
        self.end(parts, rest[0])
        self.block(rest[1:], self.field_line)

    def field_line(self, tree: Tree[Token]) -> None:
        if is_rule(tree, "detail"):
            self.detail(tree)
            return
        name, type_, *rest = children_of(tree)
        self.begin()
        parts: list[Docs] = [self.take(name), self.take(":"), " ", self.type(type_)]
        if not is_rule(rest[0], "annotation"):  # `= € 0,00`: the default
            parts += [" ", self.take("="), " ", self.top(rest.pop(0))]
        self.end(parts, rest[0])
        self.details(rest[1:])

    # ------------------------------------------------------------------ article texts
    def d_artikel(self, tree: Tree[Token]) -> None:
        annotation, *lines = children_of(tree)
        self.begin()
        self.end([self.take("artikel")], annotation)
        self.block(lines, self.article_line)

    def article_line(self, tree: Tree[Token]) -> None:
        """An article line; a text line is printed as written: it is the law, never re-wrapped."""
        words = {"article_source": ("bron",), "article_date": ("geldend", "op"),
                 "article_partial": ("gedeeltelijk",), "article_text": ()}
        if tree.data not in words:
            raise FormatterBug(f"onbekende regel bij een artikel: {tree.data}")
        self.begin()
        value = children_of(tree)[0]
        parts: list[Docs] = [self.words(*words[tree.data]), " "] if words[tree.data] else []
        parts.append(self.quiet(self.take(value)))
        self.end(parts)

    # ------------------------------------------------------------------ tables
    def d_tabel(self, tree: Tree[Token]) -> None:
        name, annotation, *rest = children_of(tree)
        self.begin()
        self.end([self.take("tabel"), " ", self.take(name)], annotation)
        self.block(rest, self.table_part)

    def table_part(self, tree: Tree[Token]) -> None:
        if is_rule(tree, "detail"):
            self.detail(tree)
        elif is_rule(tree, "first_hit"):
            self.begin()
            self.end(self.words("eerste", "treffer"))
        elif is_rule(tree, "table_rows"):
            self.table_rows(tree)
        elif is_rule(tree, "table_version"):
            date, *rest = children_of(tree)
            self.begin()
            parts: list[Docs] = [self.take("vanaf"), " ", self.take(date), self.take(":")]
            if is_rule(rest[0], "unknown"):
                parts += [" ", self.unknown(rest.pop(0))]
            if is_rule(rest[0], "provisional"):
                parts.append(self.provisional(rest.pop(0)))
            self.end(parts, rest[0])
            self.block(rest[1:], self.table_part)
        else:
            raise FormatterBug(f"onbekend onderdeel van een tabel: {tree.data}")

    def table_rows(self, tree: Tree[Token]) -> None:
        saved = self.group
        self.group = self.new_group()
        rows: list[Out] = []
        for row in children_of(tree):
            self.begin()
            if is_rule(row, "header_row"):
                cells = [self.column(column) for column in children_of(row)]
                annotation = None
            elif is_rule(row, "row"):
                children = children_of(row)
                cells = [self.cell(unwrap(c)) for c in children
                         if not is_rule(c, "provisional", "annotation")]
                annotation = next(c for c in children if is_rule(c, "annotation"))
            else:
                raise FormatterBug(f"onbekende tabelregel: {row.data}")
            closing = self.take("|")
            provisional = [c for c in children_of(row) if is_rule(c, "provisional")]
            suffix = self.provisional(provisional[0]) if provisional else []
            out = self.finish(suffix, annotation, True)
            out.cells = [flat_text(cell) for cell in cells] + [flat_text(closing)]
            rows.append(out)
        self._align_table(rows)
        self.group = saved

    def column(self, tree: Tree[Token]) -> Docs:
        name, type_ = children_of(tree)
        bar = self.take("|")
        return [bar, " ", self.take(name), " ", self.take("("), self.type(type_), self.take(")")]

    def cell(self, tree: Tree[Token]) -> Docs:
        bar = self.take("|")
        return [bar, " ", self.cell_body(tree)]

    def cell_body(self, tree: Tree[Token]) -> Docs:
        kind = tree.data
        children = children_of(tree)
        if kind == "any_cell":
            return self.take(children[0])
        if kind == "range_from":
            return [self.take("vanaf"), " ", self.expr(children[0]), self.upper(children[1:])]
        if kind == "range_above":
            return [self.words("meer", "dan"), " ", self.expr(children[0]),
                    self.upper(children[1:])]
        if kind == "range_upto":
            return self.upper(children)[1:]
        if kind == "compare_cell":
            return [self.tokens_of(children[0]), " ", self.expr(children[1])]
        if kind == "expr_cell":
            return self.expr(children[0])
        raise FormatterBug(f"onbekende cel: {kind}")

    def upper(self, children: list[Any]) -> list[Docs]:
        if not children:
            return []
        upper = children[0]
        words = ("tot",) if upper.data == "upper_exclusive" else ("tot", "en", "met")
        return [" ", self.words(*words), " ", self.expr(children_of(upper)[0])]

    def _align_table(self, rows: list[Out]) -> None:
        """Pad every cell to the widest in its column, so the pipes line up."""
        widths: dict[int, int] = {}
        for row in rows:
            assert row.cells is not None
            if any("\n" in cell for cell in row.cells):
                continue
            for index, cell in enumerate(row.cells[:-1]):
                widths[index] = max(widths.get(index, 0), text_width(cell))
        for row in rows:
            assert row.cells is not None
            pieces = []
            for index, cell in enumerate(row.cells[:-1]):
                pieces.append(cell + " " * (widths.get(index, 0) - text_width(cell)) + " ")
            text = "".join(pieces) + row.cells[-1]
            suffix = flat_text(row.doc)
            lines = (" " * (INDENT * row.level) + text + suffix).split("\n")
            row.lines = [line.rstrip() for line in lines]

    # ------------------------------------------------------------------ rules
    def d_regel(self, tree: Tree[Token]) -> None:
        children = children_of(tree)
        self.begin()
        parts: list[Docs] = [self.take("regel"), " "]
        if is_rule(children[0], "per_member"):
            member = children.pop(0)
            parts += [self.take("per"), " ", self.take(children_of(member)[0]), " "]
        name = children.pop(0)
        parts.append(self.take(name))
        if is_rule(children[0], "arguments"):  # `(dag: datum; bedrag: bedrag)`
            items: list[Docs] = [self.take("(")]
            for index, argument in enumerate(children_of(children.pop(0))):
                if index:
                    items += [self.take(";"), " "]
                argument_name, argument_type = children_of(argument)
                items += [self.take(argument_name), self.take(":"), " ", self.type(argument_type)]
            parts += [items, self.take(")")]
        type_, annotation, *lines = children
        parts += [self.take(":"), " ", self.type(type_)]
        self.end(parts, annotation)
        self.block(lines, self.rule_line)

    def rule_line(self, tree: Tree[Token]) -> None:
        kind = tree.data
        children = children_of(tree)
        if kind == "detail":
            self.detail(tree)
            return
        self.begin()
        if kind == "rule_value":
            self.end([self.take("="), " ", self.top(children[0])], children[1])
        elif kind == "rule_exception":
            condition, value, annotation = children
            self.end([self.words("behalve", "als"), " ", self.top(condition), self.take(":"), " ",
                      self.top(value)], annotation)
        elif kind == "rule_exception_block":
            condition, first, value, second = children
            self.end([self.words("behalve", "als"), " ", self.top(condition), self.take(":")],
                     first)
            with self.nested():
                self.begin()
                self.end(self.top(value), second)
        elif kind == "ordered_exceptions":
            self.end(self.words("uitzonderingen", "in", "volgorde"))
        else:
            raise FormatterBug(f"onbekende regel in een regel: {kind}")

    # ------------------------------------------------------------------ tests
    def d_test(self, tree: Tree[Token]) -> None:
        name, annotation, *lines = children_of(tree)
        self.begin()
        self.end([self.take("test"), " ", self.take(name)], annotation)
        self.block(lines, self.test_line)

    def test_line(self, tree: Tree[Token]) -> None:
        kind = tree.data
        children = children_of(tree)
        self.begin()
        if kind == "test_date":
            self.end([self.take("peildatum"), " ", self.take(children[0])])
            return
        if kind == "test_hidden":
            self.end(self.words("niet", "in", "de", "bijlage"))
            return
        if kind not in ("test_given", "test_expected"):
            raise FormatterBug(f"onbekende regel in een test: {kind}")
        keyword = self.take("gegeven" if kind == "test_given" else "verwacht")
        assert self.last is not None
        if self.peek().line == self.last.line:
            # `gegeven a = 1, b = 2` on the line itself, continued under the first assignment.
            self.end([keyword, " ", Align(self.assignments(children[0]))])
            return
        self.end(keyword)
        self.block(children, self.given_item)

    def given_item(self, tree: Tree[Token]) -> None:
        self.begin()
        if is_rule(tree, "assignments"):
            self.end(Nest(INDENT, self.assignments(tree)))
            return
        if not is_rule(tree, "list_value"):
            raise FormatterBug(f"onbekende invoer in een test: {tree.data}")
        name, *items = children_of(tree)
        self.end([self.take(name), self.take(":")])
        with self.nested():
            for item in items:
                minus, assignments = children_of(item)
                self.begin()
                self.end([self.take(minus), " ", Align(self.assignments(assignments))])

    def assignments(self, tree: Tree[Token]) -> Fill:
        items: list[Docs] = []
        separators: list[Docs] = []
        for assignment in children_of(tree):
            if items:
                separators.append(self.take(","))
            if is_rule(assignment, "unknown_assignment"):
                (name,) = children_of(assignment)
                items.append([self.take(name), " ", self.take("="), " ", self.take("onbekend")])
                continue
            name, *rounding, value = children_of(assignment)
            parts: list[Docs] = [self.take(name)]  # tokens are taken in the order of the source
            parts += [[" ", self.rounding_words(r)] for r in rounding]
            items.append([parts, " ", self.take("="), " ", self.expr(value)])
        return Fill(items, separators)


def print_tree(text: str, tree: Tree[Token], tokens: list[Token], comments: list[Comment]) -> str:
    return Printer(text, tokens, comments).module(tree)


__all__ = ["Printer", "print_tree"]
