"""Lark tree -> IR. Literals are decoded here; everything else keeps the analyst's words.

`Builder` is the whole builder: this module builds the file itself (header, article texts) and its
definitions (inputs, parameters, choices, records, rules, tests); tables, expressions and the walk
over the tree come from build_tables.py, build_expressions.py and build_base.py.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
from lark import Token, Tree
from lark.tree import Meta

from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.syntax.build_base import Annotation, unquote
from regelwerk.syntax.build_expressions import ExpressionBuilder
from regelwerk.syntax.build_tables import TableBuilder


@attrs.frozen
class _Header:
    field: str
    value: Any
    span: Span


@attrs.frozen
class _RuleValue:
    value: ir.Expr
    reference: ir.Reference | None


@attrs.frozen
class _TestLine:
    kind: str
    value: Any


@attrs.frozen
class _Ordered:
    pass


class Builder(TableBuilder, ExpressionBuilder):
    """Bottom-up over the Lark tree: a method per grammar rule (see `BuilderBase.transform`)."""

    # ------------------------------------------------------------- module
    def start(self, meta: Meta, children: list[Any]) -> ir.Module:
        header = children[0]
        uses: list[ir.Use] = []
        outputs: list[ir.OutputDecl] = []
        tests: list[ir.TestDef] = []
        definitions: list[ir.Definition] = []
        articles: list[ir.ArticleText] = []
        for child in children[1:]:
            if isinstance(child, ir.ArticleText):
                articles.append(child)
            elif isinstance(child, ir.Use):
                uses.append(child)
            elif isinstance(child, ir.OutputDecl):
                outputs.append(child)
            elif isinstance(child, ir.TestDef):
                tests.append(child)
            else:
                definitions.append(child)
        fields: dict[str, Any] = {}
        for item in header["items"]:
            clash = {"geldig_tot": "geldig_tot_en_met", "geldig_tot_en_met": "geldig_tot"}
            if clash.get(item.field) in fields:
                self.diagnostics.append(
                    error("RW010", "de kop noemt zowel 'geldig tot' als 'geldig tot en met'",
                          item.span, "noem het einde één keer")
                )
            if item.field in fields and item.field != "omschrijving":
                self.diagnostics.append(
                    error("RW010", f"'{item.field.replace('_', ' ')}' staat twee keer in de kop",
                          item.span, "laat één van beide weg")
                )
            fields[item.field] = item.value
        valid_until = fields.get("geldig_tot")
        if "geldig_tot_en_met" in fields:
            valid_until = fields["geldig_tot_en_met"] + datetime.timedelta(days=1)
        return ir.Module(
            name=header["name"],
            kind=header["kind"],
            path=self.path,
            title=fields.get("titel"),
            version=fields.get("versie"),
            valid_from=fields.get("geldig_vanaf"),
            valid_until=valid_until,
            source=fields.get("bron"),
            reference=header["annotation"].reference,
            uses=tuple(uses),
            definitions=tuple(definitions),
            outputs=tuple(outputs),
            tests=tuple(tests),
            span=header["span"],
            articles=tuple(articles),
        )

    def header(self, meta: Meta, children: list[Any]) -> dict[str, Any]:
        kind, name, annotation = children[0], children[1], children[2]
        items = [c for c in children[3:] if isinstance(c, _Header)]
        return {
            "kind": kind,
            "name": str(name),
            "annotation": annotation,
            "items": items,
            "span": self.tspan(name),
        }

    def kind(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def titel(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("titel", unquote(children[0]), self.span(meta))

    def versie(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("versie", str(children[0]), self.span(meta))

    def geldig_vanaf(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("geldig_vanaf", self.date_value(children[0]), self.span(meta))

    def geldig_tot(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("geldig_tot", self.date_value(children[0]), self.span(meta))

    def geldig_tot_en_met(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("geldig_tot_en_met", self.date_value(children[0]), self.span(meta))

    def bron(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("bron", unquote(children[0]), self.span(meta))

    def omschrijving(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("omschrijving", unquote(children[0]), self.span(meta))

    # ------------------------------------------------------------- article texts
    def artikel(self, meta: Meta, children: list[Any]) -> ir.ArticleText:
        note = children[0]
        fields: dict[str, Any] = {}
        paragraphs: list[str] = []
        for item in children[1:]:
            if isinstance(item, str):
                paragraphs.append(item)
                continue
            if item.field in fields:
                word = {"article_source": "bron", "article_date": "geldend op",
                        "article_partial": "gedeeltelijk"}[item.field]
                self.diagnostics.append(error(
                    "RW010", f"'{word}' staat twee keer bij dit artikel", item.span,
                    "laat één van beide weg"))
            fields[item.field] = item.value
        span = note.reference.span if note.reference is not None else self.span(meta)
        if note.reference is None:
            self.diagnostics.append(error(
                "RW016", "een artikeltekst heeft geen verwijzing", self.span(meta),
                "zet achter `artikel` de verwijzing waarmee de regels het artikel noemen, "
                "bijv. artikel \"Zorgtoeslag\" [Wzt art. 2]"))
        if not paragraphs:
            self.diagnostics.append(error(
                "RW016", "een artikeltekst zonder tekst", span,
                "schrijf de tekst van het artikel letterlijk op regels die met > beginnen"))
        return ir.ArticleText(note.reference, note.label, fields.get("article_source"),
                              fields.get("article_date"), fields.get("article_partial"),
                              tuple(paragraphs), span)

    def article_source(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("article_source", unquote(children[0]), self.span(meta))

    def article_date(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("article_date", self.date_value(children[0]), self.span(meta))

    def article_partial(self, meta: Meta, children: list[Token]) -> _Header:
        return _Header("article_partial", unquote(children[0]), self.span(meta))

    def article_text(self, meta: Meta, children: list[Token]) -> str:
        text = str(children[0])[1:]
        return text[1:] if text.startswith(" ") else text

    # ------------------------------------------------------------- definitions
    def gebruik(self, meta: Meta, children: list[Token]) -> ir.Use:
        return ir.Use(tuple(ir.Name((str(t),), self.tspan(t)) for t in children), self.span(meta))

    def uitvoer(self, meta: Meta, children: list[Token]) -> ir.OutputDecl:
        return ir.OutputDecl(
            tuple(ir.Name((str(t),), self.tspan(t)) for t in children), self.span(meta)
        )

    def invoer(self, meta: Meta, children: list[Any]) -> ir.InputDef:
        name, type_ = children[0], children[1]
        requirements = tuple(c for c in children[2:] if isinstance(c, ir.Requirement))
        note = self.annotations([c for c in children[2:] if not isinstance(c, ir.Requirement)])
        return ir.InputDef(str(name), type_, note.label, note.reference, self.tspan(name),
                           requirements)

    def input_line(self, meta: Meta, children: list[Any]) -> Any:
        return children[0]

    def requirement(self, meta: Meta, children: list[Any]) -> ir.Requirement:
        note = self.annotations(children[1:])
        return ir.Requirement(children[0], note.label, note.reference, self.span(meta))

    def parameter(self, meta: Meta, children: list[Any]) -> ir.ParameterDef:
        name, type_ = children[0], children[1]
        values = [c for c in children[2:] if isinstance(c, ir.DatedValue)]
        note = self.annotations(children[2:])
        if not values and len(children) > 2 and not isinstance(children[2], Annotation):
            # `parameter x: type = value`: one value for the whole validity window.
            expr = children[2]
            provisional = next((c for c in children[3:] if isinstance(c, ir.Provisional)), None)
            values = [ir.DatedValue(None, expr, provisional, None, self.span(meta))]
        return ir.ParameterDef(str(name), type_, tuple(values), note.label, note.reference,
                               self.tspan(name))

    def dated_value(self, meta: Meta, children: list[Any]) -> ir.DatedValue:
        date = self.date_value(children[0])
        note = self.annotations(children[2:])
        if isinstance(children[1], ir.Unknown):
            return ir.DatedValue(date, None, None, note.reference, self.span(meta), children[1])
        provisional = next((c for c in children[2:] if isinstance(c, ir.Provisional)), None)
        return ir.DatedValue(date, children[1], provisional, note.reference, self.span(meta))

    def parameter_line(self, meta: Meta, children: list[Any]) -> Any:
        return children[0]

    def keuze(self, meta: Meta, children: list[Any]) -> ir.ChoiceDef:
        name = children[0]
        options = [
            ir.ChoiceOption(str(t), None, None, self.tspan(t))
            for t in children[1:]
            if isinstance(t, Token) and t.type == "NAME"
        ]
        options += [c for c in children[1:] if isinstance(c, ir.ChoiceOption)]
        note = self.annotations(children[1:])
        return ir.ChoiceDef(str(name), tuple(options), note.label, note.reference, self.tspan(name))

    def choice_option(self, meta: Meta, children: list[Any]) -> ir.ChoiceOption:
        name, note = children[0], self.annotations(children[1:])
        return ir.ChoiceOption(str(name), note.label, note.reference, self.tspan(name))

    def choice_line(self, meta: Meta, children: list[Any]) -> Any:
        return children[0]

    def gegevens(self, meta: Meta, children: list[Any]) -> ir.RecordDef:
        name = children[0]
        base = next((c for c in children[1:] if isinstance(c, ir.Name)), None)
        fields = [c for c in children[1:] if isinstance(c, ir.FieldDef)]
        note = self.annotations(children[1:])
        return ir.RecordDef(str(name), tuple(fields), note.label, note.reference, self.tspan(name),
                            base)

    def field(self, meta: Meta, children: list[Any]) -> ir.FieldDef:
        name, type_ = children[0], children[1]
        rest = children[2:]
        default = rest.pop(0) if rest and not isinstance(rest[0], (Annotation, list)) \
            and rest[0] is not None else None
        note = self.annotations(rest)
        return ir.FieldDef(str(name), type_, note.label, note.reference, self.tspan(name), default)

    def field_line(self, meta: Meta, children: list[Any]) -> Any:
        return children[0]

    # ------------------------------------------------------------- rules
    def regel(self, meta: Meta, children: list[Any]) -> ir.RuleDef:
        per = None
        rest = list(children)
        if isinstance(rest[0], Tree) and rest[0].data == "per_member":
            per = str(rest.pop(0).children[0])
        elif rest[0] is None:
            rest.pop(0)
        arguments: tuple[ir.Argument, ...] = ()
        if isinstance(rest[1], tuple):
            arguments = rest.pop(1)
        elif rest[1] is None:
            rest.pop(1)
        name, type_ = rest[0], rest[1]
        value = next((c for c in rest if isinstance(c, _RuleValue)), None)
        if sum(isinstance(c, _RuleValue) for c in rest) > 1:
            second = [c for c in rest if isinstance(c, _RuleValue)][1]
            self.diagnostics.append(
                error("RW011", f"regel {name} heeft meer dan één '='-regel",
                      getattr(second.value, "span", self.tspan(name)),
                      "een regel heeft één algemene waarde; uitzonderingen schrijft u met "
                      "'behalve als'")
            )
        exceptions = tuple(c for c in rest if isinstance(c, ir.RuleException))
        note = self.annotations(rest[2:])
        return ir.RuleDef(
            name=str(name), type=type_, per=per,
            value=value.value if value else None,
            value_reference=value.reference if value else None,
            exceptions=exceptions, label=note.label, reference=note.reference,
            span=self.tspan(name),
            ordered_exceptions=any(isinstance(c, _Ordered) for c in rest),
            arguments=arguments,
        )

    def arguments(self, meta: Meta, children: list[ir.Argument]) -> tuple[ir.Argument, ...]:
        return tuple(children)

    def argument(self, meta: Meta, children: list[Any]) -> ir.Argument:
        return ir.Argument(str(children[0]), children[1], self.tspan(children[0]))

    def per_member(self, meta: Meta, children: list[Token]) -> Tree[Token]:
        return Tree("per_member", list(children))

    def rule_line(self, meta: Meta, children: list[Any]) -> Any:
        return children[0]

    def rule_value(self, meta: Meta, children: list[Any]) -> _RuleValue:
        return _RuleValue(children[0], children[1].reference)

    def ordered_exceptions(self, meta: Meta, children: list[Any]) -> _Ordered:
        return _Ordered()

    def rule_exception(self, meta: Meta, children: list[Any]) -> ir.RuleException:
        note = self.annotations(children[2:])
        return ir.RuleException(children[0], children[1], note.reference, self.span(meta))

    def rule_exception_block(self, meta: Meta, children: list[Any]) -> ir.RuleException:
        condition, first_note, value, second_note = children
        reference = second_note.reference or first_note.reference
        return ir.RuleException(condition, value, reference, self.span(meta))

    # ------------------------------------------------------------- tests
    def test(self, meta: Meta, children: list[Any]) -> ir.TestDef:
        name = unquote(children[0])
        peildatum = None
        given: list[ir.Assignment] = []
        expected: list[ir.Assignment] = []
        in_annex = True
        for line in children[2:]:
            if not isinstance(line, _TestLine):
                continue
            if line.kind == "verborgen":
                in_annex = False
            elif line.kind == "peildatum":
                peildatum = line.value
            elif line.kind == "gegeven":
                given.extend(line.value)
            else:
                expected.extend(line.value)
        return ir.TestDef(name, peildatum, tuple(given), tuple(expected), self.tspan(children[0]),
                          in_annex)

    def test_date(self, meta: Meta, children: list[Token]) -> _TestLine:
        return _TestLine("peildatum", self.date_value(children[0]))

    def test_hidden(self, meta: Meta, children: list[Any]) -> _TestLine:
        return _TestLine("verborgen", None)

    def test_given(self, meta: Meta, children: list[Any]) -> _TestLine:
        return _TestLine("gegeven", _flatten(children))

    def test_expected(self, meta: Meta, children: list[Any]) -> _TestLine:
        return _TestLine("verwacht", _flatten(children))

    def test_line(self, meta: Meta, children: list[Any]) -> Any:
        return children[0]

    def assignments(self, meta: Meta, children: list[ir.Assignment]) -> list[ir.Assignment]:
        return list(children)

    def assignment(self, meta: Meta, children: list[Any]) -> ir.Assignment:
        rounding = children[1] if len(children) == 3 else None
        return ir.Assignment(str(children[0]), children[-1], self.span(meta), rounding)

    def unknown_assignment(self, meta: Meta, children: list[Any]) -> ir.Assignment:
        return ir.Assignment(str(children[0]), ir.Unknown("", self.span(meta)), self.span(meta))

    def list_value(self, meta: Meta, children: list[Any]) -> ir.Assignment:
        items = tuple(tuple(item) for item in children[1:])
        return ir.Assignment(str(children[0]), ir.ListValue(items, self.span(meta)), self.span(meta))

    def list_item(self, meta: Meta, children: list[Any]) -> list[ir.Assignment]:
        return list(children[1])


def _flatten(children: list[Any]) -> list[ir.Assignment]:
    out: list[ir.Assignment] = []
    for child in children:
        if isinstance(child, ir.Assignment):
            out.append(child)
        elif isinstance(child, list):
            out.extend(_flatten(child))
    return out


def build(tree: Tree[Token], path: str) -> tuple[ir.Module, list[Diagnostic]]:
    builder = Builder(path)
    module = builder.transform(tree)
    return module, builder.diagnostics
