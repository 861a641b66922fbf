"""Lark tree -> IR. Literals are decoded here; everything else keeps the analyst's words."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
from lark import Token, Tree
from lark.tree import Meta

from regelwerk.diagnostics import Diagnostic, error, warning
from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.ir.types import SINGULAR
from regelwerk.syntax import literals
from regelwerk.syntax.suggestions import english_separator

ROUND_MODES = {
    "rekenkundig": "rekenkundig",
    "naar beneden": "naar beneden",
    "naar boven": "naar boven",
    "richting nul": "richting nul",
    "weg van nul": "weg van nul",
}
COMPARE_OPS = {"=": "=", "≠": "≠", "<>": "≠", "<": "<", "≤": "≤", "<=": "≤", ">": ">", "≥": "≥",
               ">=": "≥"}
ARITHMETIC_OPS = {"+": "+", "-": "-", "−": "-", "×": "×", "*": "×", "·": "×", "/": "/", "÷": "/"}


@attrs.frozen
class _Annotation:
    label: str | None
    reference: ir.Reference | None


@attrs.frozen
class _Header:
    field: str
    value: Any
    span: Span


@attrs.frozen
class _FirstHit:
    pass


@attrs.frozen
class _Rows:
    columns: tuple[ir.Column, ...]
    rows: tuple[ir.Row, ...]
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
class _Upper:
    value: ir.Expr
    inclusive: bool


@attrs.frozen
class _Ordered:
    pass


@attrs.frozen
class _Filter:
    condition: ir.Expr


def unquote(text: str) -> str:
    body = text[1:-1]
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _kw(tree_or_token: Any) -> str:
    if isinstance(tree_or_token, Token):
        return str(tree_or_token)
    return " ".join(str(t) for t in tree_or_token)


class Builder:
    """Bottom-up over the Lark tree: a method per rule, called with the rule's meta and its
    children already built. (Lark's own Transformer wraps every call; this is a third faster.)"""

    def __init__(self, path: str) -> None:
        self.reset(path)

    def reset(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def transform(self, tree: Tree[Token]) -> Any:
        children = [self.transform(c) if isinstance(c, Tree) else c for c in tree.children]
        method = getattr(self, str(tree.data), None)
        if method is None:
            return Tree(tree.data, children, tree.meta)
        return method(tree.meta, children)

    # ------------------------------------------------------------- helpers
    def span(self, meta: Meta) -> Span:
        if getattr(meta, "empty", True):
            return Span(self.path, 1, 1, 1, 1)
        return Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column)

    def tspan(self, token: Token) -> Span:
        line = token.line or 1
        column = token.column or 1
        return Span(self.path, line, column, token.end_line or line, token.end_column or column + 1)

    @staticmethod
    def annotations(children: list[Any]) -> _Annotation:
        """Merge the label and reference from the definition line and from detail lines."""
        label: str | None = None
        reference: ir.Reference | None = None
        for child in children:
            if isinstance(child, _Annotation):
                label = label if child.label is None else (child.label if label is None else
                                                           label + "\n" + child.label)
                reference = reference or child.reference
            elif isinstance(child, list):
                for item in child:
                    if isinstance(item, _Annotation):
                        label = item.label if label is None else (
                            label if item.label is None else label + "\n" + item.label)
                        reference = reference or item.reference
        return _Annotation(label, reference)

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

    # ------------------------------------------------------------- annotations
    def annotation(self, meta: Meta, children: list[Token]) -> _Annotation:
        label = None
        reference = None
        for token in children:
            if token is None:
                continue
            if token.type == "STRING":
                label = unquote(token)
            elif token.type == "REF":
                reference = ir.Reference(str(token)[1:-1].strip(), self.tspan(token))
        return _Annotation(label, reference)

    detail = annotation

    def details(self, meta: Meta, children: list[_Annotation]) -> list[_Annotation]:
        return list(children)

    def provisional(self, meta: Meta, children: list[Token | None]) -> ir.Provisional:
        reason = next((unquote(t) for t in children if t is not None), "")
        return ir.Provisional(reason, self.span(meta))

    def unknown(self, meta: Meta, children: list[Token]) -> ir.Unknown:
        return ir.Unknown(unquote(children[0]), self.span(meta))

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
        if not values and len(children) > 2 and not isinstance(children[2], _Annotation):
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
        default = rest.pop(0) if rest and not isinstance(rest[0], (_Annotation, list)) \
            and rest[0] is not None else None
        note = self.annotations(rest)
        return ir.FieldDef(str(name), type_, note.label, note.reference, self.tspan(name), default)

    def field_line(self, meta: Meta, children: list[Any]) -> Any:
        return children[0]

    # ------------------------------------------------------------- tables
    def tabel(self, meta: Meta, children: list[Any]) -> ir.TableDef:
        name = children[0]
        first_hit = any(isinstance(c, _FirstHit) for c in children)
        note = self.annotations(children[1:])
        versions = [c for c in children if isinstance(c, ir.TableVersion)]
        for rows in (c for c in children if isinstance(c, _Rows)):
            versions.append(ir.TableVersion(None, rows.columns, rows.rows, None, None, rows.span))
        known = next((v.columns for v in versions if v.unknown is None), ())
        versions = [attrs.evolve(v, columns=known) if v.unknown is not None else v
                    for v in versions]
        return ir.TableDef(str(name), tuple(versions), first_hit, note.label, note.reference,
                           self.tspan(name))

    def first_hit(self, meta: Meta, children: list[Any]) -> _FirstHit:
        return _FirstHit()

    def table_option(self, meta: Meta, children: list[Any]) -> Any:
        return children[0]

    def table_version(self, meta: Meta, children: list[Any]) -> ir.TableVersion:
        date = self.date_value(children[0])
        unknown = next((c for c in children if isinstance(c, ir.Unknown)), None)
        if unknown is not None:
            note = self.annotations(children[1:])
            return ir.TableVersion(date, (), (), None, note.reference, self.span(meta), unknown)
        provisional = next((c for c in children if isinstance(c, ir.Provisional)), None)
        note = self.annotations(children[1:])
        rows = next(c for c in children if isinstance(c, _Rows))
        return ir.TableVersion(date, rows.columns, rows.rows, provisional, note.reference,
                               self.span(meta))

    def table_rows(self, meta: Meta, children: list[Any]) -> _Rows:
        return _Rows(tuple(children[0]), tuple(children[1:]), self.span(meta))

    def header_row(self, meta: Meta, children: list[ir.Column]) -> list[ir.Column]:
        return list(children)

    def column(self, meta: Meta, children: list[Any]) -> ir.Column:
        return ir.Column(str(children[0]), children[1], self.span(meta))

    def row(self, meta: Meta, children: list[Any]) -> ir.Row:
        cells = [c for c in children if not isinstance(c, (ir.Provisional, _Annotation))]
        provisional = next((c for c in children if isinstance(c, ir.Provisional)), None)
        note = self.annotations(children)
        return ir.Row(tuple(cells), provisional, note.reference, self.span(meta))

    def any_cell(self, meta: Meta, children: list[Any]) -> ir.AnyCell:
        return ir.AnyCell(self.span(meta))

    def range_from(self, meta: Meta, children: list[Any]) -> ir.RangeCell:
        upper = children[1] if len(children) > 1 else None
        return ir.RangeCell(children[0], True, upper.value if upper else None,
                            upper.inclusive if upper else False, self.span(meta))

    def range_above(self, meta: Meta, children: list[Any]) -> ir.RangeCell:
        upper = children[1] if len(children) > 1 else None
        return ir.RangeCell(children[0], False, upper.value if upper else None,
                            upper.inclusive if upper else False, self.span(meta))

    def range_upto(self, meta: Meta, children: list[Any]) -> ir.RangeCell:
        upper = children[0]
        return ir.RangeCell(None, False, upper.value, upper.inclusive, self.span(meta))

    def upper_exclusive(self, meta: Meta, children: list[Any]) -> _Upper:
        return _Upper(children[0], False)

    def upper_inclusive(self, meta: Meta, children: list[Any]) -> _Upper:
        return _Upper(children[0], True)

    def compare_cell(self, meta: Meta, children: list[Any]) -> ir.CompareCell:
        return ir.CompareCell(children[0], children[1], self.span(meta))

    def expr_cell(self, meta: Meta, children: list[Any]) -> ir.ValueCell:
        return ir.ValueCell(children[0], self.span(meta))

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

    # ------------------------------------------------------------- types
    def type(self, meta: Meta, children: list[Any]) -> ir.TypeExpr:
        base = children[0]
        per = children[1] if len(children) > 1 else None
        if isinstance(base, ir.Name):
            return ir.TypeExpr("naam", self.span(meta), per, base.parts)
        return ir.TypeExpr(base, self.span(meta), per)

    def list_type(self, meta: Meta, children: list[Any]) -> ir.TypeExpr:
        return ir.TypeExpr("lijst", self.span(meta), None, children[0].parts)

    def base_type(self, meta: Meta, children: list[Any]) -> Any:
        child = children[0]
        return child if isinstance(child, ir.Name) else str(child)

    def per_unit(self, meta: Meta, children: list[str]) -> str:
        return children[0]

    def unit(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def duration_unit(self, meta: Meta, children: list[Token]) -> str:
        word = str(children[0])
        return SINGULAR.get(word, word)

    def periods(self, meta: Meta, children: list[Token]) -> str:
        return SINGULAR[str(children[0])]

    # ------------------------------------------------------------- expressions
    def conditional(self, meta: Meta, children: list[Any]) -> ir.Conditional:
        condition, then = children[0], children[1]
        otherwise = children[2] if len(children) > 2 else None
        if isinstance(otherwise, ir.Conditional):
            # `anders als ...` continues the same list of cases.
            return ir.Conditional(((condition, then),) + otherwise.cases, otherwise.otherwise,
                                  self.span(meta))
        return ir.Conditional(((condition, then),), otherwise, self.span(meta))

    def rounded(self, meta: Meta, children: list[Any]) -> ir.Rounding:
        operand, (mode, step, target) = children
        return ir.Rounding(operand, mode, step, target, self.span(meta))

    def rounding(self, meta: Meta, children: list[Any]) -> tuple[str, Decimal, str]:
        modes = [c for c in children if isinstance(c, str) and c in ROUND_MODES]
        target = next(c for c in children if isinstance(c, tuple))
        if len(modes) > 1:
            self.diagnostics.append(
                error("RW012", "de afronding noemt twee afrondingswijzen", self.span(meta),
                      "noem de wijze één keer, vóór of na 'afgerond op ...'")
            )
        return (modes[0] if modes else "rekenkundig", target[0], target[1])

    def round_mode(self, meta: Meta, children: list[Token]) -> str:
        return " ".join(str(t) for t in children)

    def round_target(self, meta: Meta, children: list[Token]) -> tuple[Decimal, str]:
        words = [str(t) for t in children]
        text = " ".join(words)
        if words[:2] == ["de", "eurocent"]:
            return Decimal("0.01"), text
        if words[-1] == "decimalen":
            count = literals.parse_number(words[0])
            return Decimal(1).scaleb(-int(count)), text
        if words[0] == "een":
            token = children[-1]
            value = (literals.parse_money(token) if token.type == "MONEY"
                     else literals.parse_number(token))
            if value <= 0:
                self.diagnostics.append(
                    error("RW013", "afronden op een veelvoud van nul of minder kan niet",
                          self.tspan(token), "noem een positief veelvoud, bijv. € 0,05")
                )
                value = Decimal(1)
            return value, text
        return Decimal(1), text

    def or_(self, meta: Meta, children: list[Any]) -> ir.Binary:
        return ir.Binary("of", children[0], children[1], self.span(meta))

    def and_(self, meta: Meta, children: list[Any]) -> ir.Binary:
        return ir.Binary("en", children[0], children[1], self.span(meta))

    def not_(self, meta: Meta, children: list[Any]) -> ir.Unary:
        return ir.Unary("niet", children[0], self.span(meta))

    def compare(self, meta: Meta, children: list[Any]) -> ir.Binary:
        return ir.Binary(children[1], children[0], children[2], self.span(meta))

    def compare_op(self, meta: Meta, children: list[Token]) -> str:
        return COMPARE_OPS[str(children[0])]

    def binary(self, meta: Meta, children: list[Any]) -> ir.Binary:
        return ir.Binary(ARITHMETIC_OPS[str(children[1])], children[0], children[2], self.span(meta))

    def negate(self, meta: Meta, children: list[Any]) -> ir.Expr:
        operand = children[1]
        if isinstance(operand, ir.Literal) and isinstance(operand.value, Decimal):
            return attrs.evolve(operand, value=-operand.value, span=self.span(meta),
                                text="-" + operand.text)
        return ir.Unary("-", operand, self.span(meta))

    def per(self, meta: Meta, children: list[Any]) -> ir.Per:
        return ir.Per(children[0], children[1], self.span(meta))

    def convert(self, meta: Meta, children: list[Any]) -> ir.Convert:
        return ir.Convert(children[0], children[1], self.span(meta))

    def name(self, meta: Meta, children: list[ir.Name]) -> ir.Name:
        return children[0]

    def dotted_name(self, meta: Meta, children: list[Token]) -> ir.Name:
        return ir.Name(tuple(str(t) for t in children), self.span(meta))

    def call(self, meta: Meta, children: list[Any]) -> ir.Call:
        args = tuple(c for c in children[1:] if c is not None)
        return ir.Call(children[0], args, self.span(meta))

    def minmax(self, meta: Meta, children: list[Any]) -> ir.MinMax:
        return ir.MinMax(children[0], tuple(children[1:]), self.span(meta))

    def minmax_over(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        condition = children[3].condition if len(children) > 3 else None
        return ir.Aggregate(children[0], children[2], children[1], condition, self.span(meta))

    def sum_over(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        condition = children[2].condition if len(children) > 2 else None
        return ir.Aggregate("som", children[1], children[0], condition, self.span(meta))

    def count(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        condition = children[1].condition if len(children) > 1 else None
        return ir.Aggregate("aantal", children[0], None, condition, self.span(meta))

    def any_of(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        return ir.Aggregate("enig", children[0], None, children[1].condition, self.span(meta))

    def all_of(self, meta: Meta, children: list[Any]) -> ir.Aggregate:
        return ir.Aggregate("alle", children[0], None, children[1].condition, self.span(meta))

    def filter(self, meta: Meta, children: list[Any]) -> _Filter:
        return _Filter(children[0])

    def minmax_kw(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def peildatum(self, meta: Meta, children: list[Any]) -> ir.Peildatum:
        return ir.Peildatum(self.span(meta))

    def between(self, meta: Meta, children: list[Any]) -> ir.Between:
        return ir.Between(children[0], children[1], children[2], self.span(meta))

    def at_date(self, meta: Meta, children: list[Any]) -> ir.AtDate:
        return ir.AtDate(children[0], children[1], self.span(meta))

    def period_edge(self, meta: Meta, children: list[Any]) -> ir.PeriodEdge:
        return ir.PeriodEdge(children[0], children[1], children[2], self.span(meta))

    def edge(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def calendar_period(self, meta: Meta, children: list[Token]) -> str:
        return str(children[-1])

    # ------------------------------------------------------------- literals
    def money(self, meta: Meta, children: list[Token]) -> ir.Literal:
        t = children[0]
        meant = english_separator(str(t))
        if meant is not None:
            self.diagnostics.append(
                warning("RW015", f"'{t}' leest Regelwerk als {literals.format_money(literals.parse_money(t))}"
                        f"; bedoelde u {meant}?", self.tspan(t),
                        f"een punt scheidt duizendtallen, een komma de centen: schrijf {meant} als u "
                        "duizendtallen bedoelde, of twee cijfers na de komma voor centen"))
        return ir.Literal(literals.parse_money(t), "bedrag", self.tspan(t), text=str(t))

    def percent(self, meta: Meta, children: list[Token]) -> ir.Literal:
        t = children[0]
        return ir.Literal(literals.parse_percent(t), "percentage", self.tspan(t), text=str(t))

    def number(self, meta: Meta, children: list[Token]) -> ir.Literal:
        t = children[0]
        value = literals.parse_number(t)
        kind = "aantal" if "," not in t else "getal"
        return ir.Literal(value, kind, self.tspan(t), text=str(t))

    def duration(self, meta: Meta, children: list[Any]) -> ir.Literal:
        t, unit = children
        return ir.Literal(literals.parse_number(t), "duur", self.span(meta), unit=unit,
                          text=f"{t} {unit}")

    def date(self, meta: Meta, children: list[Token]) -> ir.Literal:
        t = children[0]
        return ir.Literal(self.date_value(t), "datum", self.tspan(t), text=str(t))

    def yes(self, meta: Meta, children: list[Any]) -> ir.Literal:
        return ir.Literal(True, "ja/nee", self.span(meta), text="ja")

    def no(self, meta: Meta, children: list[Any]) -> ir.Literal:
        return ir.Literal(False, "ja/nee", self.span(meta), text="nee")

    def empty(self, meta: Meta, children: list[Any]) -> ir.Literal:
        return ir.Literal(None, "geen", self.span(meta), text="geen")

    def date_value(self, token: Token) -> datetime.date:
        try:
            return literals.parse_date(str(token))
        except ValueError:
            self.diagnostics.append(
                error("RW006", f"de datum {token} bestaat niet", self.tspan(token),
                      "schrijf een bestaande datum als jjjj-mm-dd, bijv. 2026-01-01")
            )
            return datetime.date(1, 1, 1)


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
