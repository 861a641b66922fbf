"""Expressions as Dutch a lawyer reads: noun phrases for values, subordinate clauses for conditions.

`bijdrageschaal(gecorrigeerd_inkomen) afgerond op de eurocent` becomes "het bedrag uit tabel
bijdrageschaal bij het gecorrigeerde inkomen, afgerond op de eurocent"; `maandhuur > maximale_huur`
in a condition becomes "de maandhuur hoger is dan de maximale huur" (after "als").

Nested arithmetic is written with unambiguous noun phrases ("de som van A en B", "het product van A
en B"); only the outermost operation reads as a verb ("A, vermenigvuldigd met B"). Every name is a
defined term that links to its article.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.rich import Rich, choice, join, rich, term, value
from regelwerk.check.context import Target
from regelwerk.check.types import conversion_factor
from regelwerk.core.formula import rounding_target
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.pipeline import CheckedModule

# (module, name) -> anchor of the article that defines it, or None when it is not in the document.
Anchors = Callable[[str, str], str | None]

ROUNDING_WORDS = {
    "rekenkundig": "afgerond op",
    "naar beneden": "naar beneden afgerond op",
    "naar boven": "naar boven afgerond op",
    "richting nul": "richting nul afgerond op",
    "weg van nul": "van nul af afgerond op",
}
INFIX = {"+": "vermeerderd met", "-": "verminderd met", "×": "vermenigvuldigd met",
         "/": "gedeeld door"}
NOUN_FORM = {"+": "de som van", "-": "het verschil tussen", "×": "het product van",
             "/": "het quotiënt van"}
COMPLEMENT = {"<": "≥", "≥": "<", ">": "≤", "≤": ">", "=": "≠", "≠": "="}
BETWEEN_NOUNS = {"jaar": "volledige jaren", "maand": "volledige maanden", "dag": "dagen"}


@attrs.frozen
class Clause:
    """A condition in subordinate word order ("het inkomen lager is dan € 1.000,00")."""

    positive: Rich
    negative: Rich | None = None  # None: "het niet zo is dat ..."
    joiner: str | None = None  # en | of for a compound condition
    parts: tuple[Rich, ...] = ()  # the conditions an `en` or `of` joins

    def negated(self) -> Clause:
        if self.negative is not None:
            return Clause(self.negative, self.positive)
        return Clause(rich("het niet zo is dat ", self.positive), self.positive)


class Printer:
    def __init__(self, checked: CheckedModule, anchors: Anchors) -> None:
        self.checked = checked
        self.anchors = anchors

    # ------------------------------------------------------------ names
    def type_of(self, expr: object) -> t.Type | None:
        found = self.checked.program.types.get(expr)
        return found if isinstance(found, t.Type) else None

    def target(self, name: ir.Name) -> Target | None:
        return self.checked.program.targets.get(name)

    def anchor(self, module: str, name: str) -> str | None:
        return self.anchors(module, name)

    def defined(self, name: str, module: str, with_article: bool = True,
                type_: t.Type | None = None) -> Rich:
        """`het gecorrigeerde inkomen`, linked to the article of `gecorrigeerd_inkomen`."""
        noun = dutch.noun(name)
        link = term(noun.phrase, self.anchor(module, name))
        if isinstance(type_, t.NumberType) and type_.whole and type_.unit.dimensionless \
                and noun.plural and noun.words[0] != "aantal":
            return rich("het aantal ", link)
        if not with_article or noun.article is None:
            return link
        return rich(noun.article + " ", link)

    def member(self, record: str) -> Rich:
        """The member an aggregate or a `regel per` ranges over: `de huisgenoot`, `het kind`."""
        noun = dutch.noun(record)
        return rich(f"{noun.article or 'de'} {noun.phrase}")

    def name(self, expr: ir.Name) -> Rich:
        target = self.target(expr)
        if target is None:
            return term(dutch.humanize(expr.text))
        if target.kind == "keuzewaarde":
            anchor = self.anchor(target.module, target.choice) if target.choice else None
            return choice(dutch.humanize(target.name), anchor)
        if target.kind == "element":
            assert target.element is not None
            return self.fields(self.member(target.element), target, target.module, target.name)
        base = self.defined(target.name, target.module, type_=self.type_of(expr)
                            if not target.fields else None)
        if target.kind == "regel" and target.element is not None:
            base = rich(base, " van ", self.member(target.element))
        if target.fields:
            definition = self.checked.find(target.module, target.name)
            record = _record_name(definition)
            return self.fields(base, target, target.module, record)
        return base

    def fields(self, base: Rich, target: Target, module: str, record: str | None) -> Rich:
        """`de geboortedatum van het kind` for `kind.geboortedatum`."""
        out = base
        for field in target.fields:
            noun = dutch.noun(field)
            anchor = self.anchor(module, record) if record else None
            out = rich(f"{noun.article or 'de'} ", term(noun.phrase, anchor), " van ", out)
        return out

    # ------------------------------------------------------------ values
    def literal(self, expr: ir.Literal) -> Rich:
        v = expr.value
        if isinstance(v, bool):
            return value("ja" if v else "nee")
        if v is None:
            return rich("geen")
        if isinstance(v, Decimal):
            if expr.kind == "bedrag":
                return value(dutch.money(v))
            if expr.kind == "percentage":
                return value(dutch.percent(v))
            if expr.kind == "duur":
                return value(dutch.duration(v, expr.unit or "dag"))
            return value(dutch.number(v))
        return value(dutch.date(v))

    def phrase(self, expr: ir.Expr, nested: bool = False) -> Rich:
        """A noun phrase for the value of `expr`. `nested`: inside another operation."""
        if isinstance(expr, ir.Literal):
            return self.literal(expr)
        if isinstance(expr, ir.Name):
            return self.name(expr)
        if isinstance(expr, ir.Peildatum):
            return rich("de peildatum")
        if isinstance(expr, ir.Call):
            return self.lookup(expr)
        if isinstance(expr, ir.Unary):
            if expr.op == "niet":
                clause = self.clause(expr.operand).negated()
                return rich("ja als ", clause.positive, ", en anders nee")
            return rich("het tegengestelde van ", self.phrase(expr.operand, True))
        if isinstance(expr, ir.Binary):
            return self.binary(expr, nested)
        if isinstance(expr, ir.Conditional):
            return self.conditional(expr, nested)
        if isinstance(expr, ir.MinMax):
            return self.listing(f"het {expr.op} van", expr.args)
        if isinstance(expr, ir.Aggregate):
            return self.aggregate(expr)
        if isinstance(expr, ir.Rounding):
            words = ROUNDING_WORDS.get(expr.mode, f"{expr.mode} afgerond op")
            operand = self.phrase(expr.operand, nested)
            comma = ", " if not _simple(expr.operand) else " "
            return rich(operand, f"{comma}{words} {rounding_target(expr)}")
        if isinstance(expr, ir.Per):
            comma = ", " if not _simple(expr.operand) else " "
            return rich(self.phrase(expr.operand, True), f"{comma}uitgedrukt per {expr.unit}")
        if isinstance(expr, ir.Convert):
            return self.convert(expr)
        if isinstance(expr, ir.Between):
            words = BETWEEN_NOUNS.get(expr.unit, expr.unit)
            return rich(f"het aantal {words} tussen ", self.phrase(expr.start, True), " en ",
                        self.phrase(expr.end, True))
        if isinstance(expr, ir.AtDate):
            return rich(self.name(expr.parameter), ", geldend op ",
                        self.phrase(expr.date, True))
        if isinstance(expr, ir.PeriodEdge):
            return rich(f"de {expr.edge} dag van {ir.PERIOD_ARTICLES[expr.period]} {expr.period} van ",
                        self.phrase(expr.operand, True))
        raise AssertionError(f"unknown expression {expr!r}")

    def listing(self, head: str, args: tuple[ir.Expr, ...]) -> Rich:
        items = [self.phrase(a, True) for a in args]
        if len(items) == 2 and not _has_and(items[0]):
            return rich(head + " ", items[0], " en ", items[1])
        if len(items) == 2:
            return rich(head + " enerzijds ", items[0], ", en anderzijds ", items[1])
        if all(_simple(a) for a in args):
            return rich(head + " ", join(items, ", ", " en "))
        return rich(head + " de volgende waarden: ", join(items, "; ", "; en "))

    def lookup(self, expr: ir.Call) -> Rich:
        target = self.target(expr.callee)
        table = self.checked.find(target.module, target.name) if target else None
        if isinstance(table, ir.RuleDef) and target is not None:  # a rule with arguments
            link = term(dutch.humanize(table.name), self.anchor(target.module, table.name))
            given = [rich(f"als {dutch.humanize(a.name)} ", self.phrase(v, True))
                     for a, v in zip(table.arguments, expr.args)]
            noun = dutch.noun(table.name)
            return rich(f"{noun.article or 'de'} ", link, " met ", join(given, ", ", " en "))
        module = target.module if target else self.checked.module.name
        name = target.name if target else expr.callee.text
        result: Rich
        output_type = self.type_of(table) if table is not None else None
        if isinstance(output_type, t.NumberType) and output_type.is_money:
            result = rich("het bedrag")
        elif isinstance(output_type, t.NumberType) and output_type.percent:
            result = rich("het percentage")
        elif isinstance(table, ir.TableDef):
            noun = dutch.noun(table.output.name)
            result = rich(f"{noun.article or 'de'} {noun.phrase}")
        else:
            result = rich("de waarde")
        link = term(dutch.humanize(name), self.anchor(module, name))
        args = join([self.phrase(a, True) for a in expr.args], ", ", " en ")
        return rich(result, " uit tabel ", link, " bij ", args)

    def binary(self, expr: ir.Binary, nested: bool) -> Rich:
        op = expr.op
        if op in ("en", "of") or op in COMPLEMENT:
            return rich("ja als ", self.clause(expr).positive, ", en anders nee")
        left_type = self.type_of(expr.left)
        if isinstance(left_type, t.DateType) and op in ("+", "-"):
            # Read in order: "de startdatum, vermeerderd met 1 jaar, verminderd met 2 weken".
            left = self.phrase(expr.left, isinstance(expr.left, ir.Binary))
            comma = "," if isinstance(expr.left, ir.Binary) else ""
            return rich(left, f"{comma} {INFIX[op]} ", self.phrase(expr.right, True))
        if op == "×":
            for pct, other in ((expr.left, expr.right), (expr.right, expr.left)):
                if _percent_literal(pct) and not _percent_literal(other):
                    return rich(self.phrase(pct, True), " van ", self.phrase(other, True))
        chain = _chain(expr, op) if op in ("+", "×") else [expr.left, expr.right]
        if nested or len(chain) > 2:
            return self.listing(NOUN_FORM[op], tuple(chain))
        left = self.phrase(expr.left, True)
        right = self.phrase(expr.right, True)
        if op in ("+", "×") and _has_list(left) and not _has_list(right):
            # "het product van X en de som van de volgende waarden: a; b; en c": the list last,
            # so it is clear where it ends.
            return self.listing(NOUN_FORM[op], (expr.right, expr.left))
        comma = "" if _simple(expr.left) else ","
        return rich(left, f"{comma} {INFIX[op]} ", right)

    def convert(self, expr: ir.Convert) -> Rich:
        operand_type = self.type_of(expr.operand)
        source = operand_type.unit.period() if isinstance(operand_type, t.NumberType) else None
        factor = conversion_factor(source, expr.unit) if source else None
        shown = ""
        if factor is not None and factor >= 1:
            shown = f" (× {dutch.number(factor.normalize())})"
        elif factor is not None and factor > 0:
            shown = f" (÷ {dutch.number((1 / factor).normalize())})"
        comma = ", " if not _simple(expr.operand) else " "
        # The operand is always a noun phrase: the conversion applies to all of it.
        return rich(self.phrase(expr.operand, True), f"{comma}omgerekend per {expr.unit}{shown}")

    def conditional(self, expr: ir.Conditional, nested: bool) -> Rich:
        parts = [rich(self.phrase(then, True), " als ", self.clause(condition).positive)
                 for condition, then in expr.cases]
        if expr.otherwise is not None:
            parts.append(rich("anders ", self.phrase(expr.otherwise, True)))
        text = join(parts, ", ", ", en ")
        return rich("(", text, ")") if nested else text

    def aggregate(self, expr: ir.Aggregate) -> Rich:
        collection = self.collection(expr.collection)
        where = Rich()
        if expr.condition is not None:
            where = rich(" waarvoor geldt dat ", self.clause(expr.condition).positive)
        if expr.op == "aantal":
            return rich("het aantal ", collection, where)
        if expr.op in ("enig", "alle"):
            return rich("ja als ", self.aggregate_clause(expr).positive, ", en anders nee")
        head = {"som": "de som", "minimum": "het minimum", "maximum": "het maximum"}[expr.op]
        if expr.body is None:
            return rich(head, " over alle ", collection, where)
        body = self.phrase(expr.body, True)
        if _simple(expr.body) or (isinstance(expr.body, ir.Call) and len(expr.body.args) == 1
                                  and _simple(expr.body.args[0])):
            return rich(f"{head} van ", body, " over alle ", collection, where)
        return rich(f"{head}, over alle ", collection, where, ", van ", body)

    def collection(self, name: ir.Name) -> Rich:
        """The list without an article: `huisgenoten`, `kinderen van de aanvrager`."""
        target = self.target(name)
        if target is None:
            return term(dutch.humanize(name.text))
        if target.fields:
            last = target.fields[-1]
            base = self.name(attrs.evolve(name, parts=name.parts[:-1])) if len(name.parts) > 1 \
                else Rich()
            return rich(term(dutch.humanize(last)), " van ", base) if base else \
                term(dutch.humanize(last))
        return self.defined(target.name, target.module, with_article=False)

    def element_noun(self, expr: ir.Aggregate) -> dutch.Noun:
        list_type = self.type_of(expr.collection)
        if isinstance(list_type, t.ListType):
            return dutch.noun(list_type.element.name)
        return dutch.noun(expr.collection.parts[-1])

    def aggregate_clause(self, expr: ir.Aggregate) -> Clause:
        noun = self.element_noun(expr)
        collection = self.collection(expr.collection)
        condition = self.clause(expr.condition) if expr.condition is not None else None
        if condition is None:
            return Clause(rich("de lijst ", collection, " niet leeg is"),
                          rich("de lijst ", collection, " leeg is"))
        if expr.op == "enig":
            return Clause(rich("voor ten minste één van de ", collection, " geldt dat ",
                               condition.positive),
                          rich("voor geen enkel", "" if noun.article == "het" else "e",
                               f" {' '.join(noun.words)} uit de ", collection, " geldt dat ",
                               condition.positive))
        return Clause(rich("voor ", noun.every, " uit de ", collection, " geldt dat ",
                           condition.positive),
                      rich("niet voor ", noun.every, " uit de ", collection, " geldt dat ",
                           condition.positive))

    # ------------------------------------------------------------ conditions
    def clause(self, expr: ir.Expr) -> Clause:
        if isinstance(expr, ir.Unary) and expr.op == "niet":
            return self.clause(expr.operand).negated()
        if isinstance(expr, ir.Binary) and expr.op in ("en", "of"):
            items = [self.clause(e) for e in _chain(expr, expr.op)]
            texts = []
            for item in items:
                if item.joiner is not None and item.joiner != expr.op:
                    texts.append(_grouped(item))
                else:
                    texts.append(item.positive)
            grouped = any(item.joiner is not None and item.joiner != expr.op for item in items)
            if grouped and len(texts) > 2:
                which = "elk" if expr.op == "en" else "ten minste één"
                numbered = [rich(f"{chr(ord('a') + i)}) ", text) for i, text in enumerate(texts)]
                text = rich(f"aan {which} van de volgende voorwaarden is voldaan: ",
                            join(numbered, "; "))
                return Clause(text, None, expr.op, tuple(texts))
            return Clause(join(texts, ", ", f" {expr.op} "), None, expr.op, tuple(texts))
        if isinstance(expr, ir.Binary) and expr.op in COMPLEMENT:
            return self.comparison(expr)
        if isinstance(expr, ir.Aggregate) and expr.op in ("enig", "alle"):
            return self.aggregate_clause(expr)
        if isinstance(expr, ir.Literal) and isinstance(expr.value, bool):
            yes = rich("dit altijd geldt")
            no = rich("dit nooit geldt")
            return Clause(yes, no) if expr.value else Clause(no, yes)
        if isinstance(expr, ir.Name):
            return self.boolean_name(expr)
        return Clause(rich(self.phrase(expr, True), " ja is"), rich(self.phrase(expr, True), " nee is"))

    def boolean_name(self, expr: ir.Name) -> Clause:
        target = self.target(expr)
        last = expr.parts[-1] if target is None or not target.fields else target.fields[-1]
        words = dutch.words_of(last)
        if target is not None and target.kind == "regel" and target.element is not None \
                and not target.fields and (words[0] in dutch.VERBS or dutch.is_adjective(words[0])
                                           or (words[0].startswith("ge") and words[0].endswith("en"))):
            # A rule per member that says something of it: `het kind rechtgevend is`.
            owner = self.member(target.element)
            link_to = self.anchor(target.module, target.name)
            if words[0] in dutch.VERBS:
                rest = term(" ".join(words[1:]), link_to)
                return Clause(rich(owner, " ", rest, f" {words[0]}"), None)
            predicate = term(" ".join(words), link_to)
            return Clause(rich(owner, " ", predicate, " is"), rich(owner, " niet ", predicate, " is"))
        if target is not None and target.fields:
            # A field of a member: `het kind zorgbehoevend is`, `de huisgenoot inkomen heeft`.
            owner_target = attrs.evolve(target, fields=target.fields[:-1])
            owner = self._owner(owner_target)
            definition = self.checked.find(target.module, target.name)
            record = _record_name(definition) if target.kind != "element" else target.name
            link_to = self.anchor(target.module, record) if record else None
            if words[0] in dutch.VERBS:
                rest = term(" ".join(words[1:]), link_to)
                return Clause(rich(owner, " ", rest, f" {words[0]}"), None)
            predicate = term(" ".join(words), link_to)
            return Clause(rich(owner, " ", predicate, " is"), rich(owner, " niet ", predicate, " is"))
        if len(words) > 2 and words[-2:] == ("van", "toepassing") and target is not None:
            noun = dutch.noun("_".join(words[:-2]))
            link = term(noun.phrase, self.anchor(target.module, target.name))
            subject = rich(noun.article + " ", link) if noun.article else link
            if target.kind == "regel" and target.element is not None:
                subject = rich(subject, " voor ", self.member(target.element))
            return Clause(rich(subject, " van toepassing is"),
                          rich(subject, " niet van toepassing is"))
        subject = self.name(expr)
        return Clause(rich(subject, " van toepassing is"), rich(subject, " niet van toepassing is"))

    def _owner(self, target: Target) -> Rich:
        if target.kind == "element":
            assert target.element is not None
            return self.fields(self.member(target.element), target, target.module, target.name)
        base = self.defined(target.name, target.module)
        if target.kind == "regel" and target.element is not None:
            base = rich(base, " van ", self.member(target.element))
        if not target.fields:
            return base
        definition = self.checked.find(target.module, target.name)
        return self.fields(base, target, target.module, _record_name(definition))

    def comparison(self, expr: ir.Binary) -> Clause:
        return Clause(self._compare(expr.op, expr), self._compare(COMPLEMENT[expr.op], expr))

    def _compare(self, op: str, expr: ir.Binary) -> Rich:
        left_type = self.type_of(expr.left)
        right = expr.right
        if isinstance(right, ir.Literal) and isinstance(right.value, bool) and op in ("=", "≠"):
            clause = self.clause(expr.left)
            positive = (op == "=") == right.value
            return clause.positive if positive else clause.negated().positive
        left = self.phrase(expr.left, True)
        other = self.phrase(right, True)
        if isinstance(left_type, t.DateType):
            words = {"<": ("vóór ", " valt"), "≤": ("uiterlijk op ", " valt"),
                     ">": ("na ", " valt"), "≥": ("op of na ", " valt"),
                     "=": ("op ", " valt"), "≠": ("niet op ", " valt")}[op]
            return rich(left, " ", words[0], other, words[1])
        target = self.target(right) if isinstance(right, ir.Name) else None
        if target is not None and target.kind == "keuzewaarde":
            return rich(left, " " if op == "=" else " niet ", other, " is")
        money = isinstance(left_type, t.NumberType) and left_type.is_money
        lower, higher = ("lager", "hoger") if money else ("kleiner", "groter")
        if op == "<":
            return rich(left, f" {lower} is dan ", other)
        if op == ">":
            return rich(left, f" {higher} is dan ", other)
        if op == "≤":
            return rich(left, f" niet {higher} is dan ", other)
        if op == "≥":
            return rich(left, f" niet {lower} is dan ", other)
        if op == "=":
            return rich(left, " gelijk is aan ", other)
        return rich(left, " niet gelijk is aan ", other)


def _grouped(item: Clause) -> Rich:
    """A condition of the other kind inside an `en` or `of`: `hetzij A, hetzij B`, `zowel A als B`."""
    parts = list(item.parts)
    if item.joiner == "of":
        return join([rich("hetzij ", p) for p in parts], ", ")
    if len(parts) == 2:
        return rich("zowel ", parts[0], " als ", parts[1])
    return rich("elk van de volgende: ", join(parts, "; "))


def _has_list(text: Rich) -> bool:
    return any(";" in seg.text for seg in text.segs if seg.kind == "text")


def _has_and(text: Rich) -> bool:
    return any(" en " in seg.text for seg in text.segs if seg.kind == "text")


def _chain(expr: ir.Expr, op: str) -> list[ir.Expr]:
    if isinstance(expr, ir.Binary) and expr.op == op:
        return _chain(expr.left, op) + _chain(expr.right, op)
    return [expr]


def _simple(expr: ir.Expr) -> bool:
    return isinstance(expr, (ir.Literal, ir.Name, ir.Peildatum))


def _percent_literal(expr: ir.Expr) -> bool:
    return isinstance(expr, ir.Literal) and expr.kind == "percentage"


def _record_name(definition: ir.Definition | None) -> str | None:
    if isinstance(definition, ir.InputDef) and definition.type.name:
        return definition.type.name[-1]
    return None
