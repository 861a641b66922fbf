"""Expressions as Dutch a lawyer reads: noun phrases for values, subordinate clauses for conditions.

`bijdrageschaal(gecorrigeerd_inkomen) afgerond op de eurocent` becomes "het bedrag uit tabel
bijdrageschaal bij het gecorrigeerde inkomen, afgerond op de eurocent"; `maandhuur > maximale_huur`
in a condition becomes "de maandhuur hoger is dan de maximale huur" (after "als").

Nested arithmetic is written with unambiguous noun phrases ("de som van A en B", "het product van A
en B"); only the outermost operation reads as a verb ("A, vermenigvuldigd met B"). Every name is a
defined term that links to its article.

The printer reads the core IR for meaning: what a name refers to, every type, the factor of a
conversion, the step and mode of a rounding, a built-in function's Dutch text from the registry. The
surface IR serves only presentation: where the rules wrote `per maand` after a value (a reading of
the value that the core does not keep), and a list's name as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.names import Names
from regelwerk.backends.annex.rich import Rich, choice, join, rich, term, value
from regelwerk.core import nodes as c
from regelwerk.core.formula import round_target
from regelwerk.core.functions import REGISTRY
from regelwerk.ir import types as t

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
# A value read as it stands: a constant, a name, the peildatum.
SIMPLE = (c.Const, c.InputRef, c.ParameterRef, c.RuleRef, c.Local, c.FieldOf, c.Peildatum)
NAMES = (c.InputRef, c.ParameterRef, c.RuleRef, c.Local, c.FieldOf)
ARTICLES = ("de ", "het ", "een ")
DAYS = ("dag", "uur")
_ARGUMENT = re.compile(r"\x00(\d+)\x00")


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


class Printer(Names):
    """Core expressions as Dutch noun phrases (`visit`, `phrase`) and conditions (`clause`).

    `visit_<Class>(node, nested)` for every class of `core.nodes.EXPRESSIONS`; `nested` is true
    inside another operation."""

    def owner(self, root: c.Expr) -> Rich:
        """What fields are read of: `het kind`, `de aanvrager`, `de leeftijd van het kind`."""
        if isinstance(root, c.Local) and self.is_member(root):
            return self.member(root.name)
        if isinstance(root, (c.InputRef, c.ParameterRef)):
            return self.defined(root.name, root.module)
        if isinstance(root, c.RuleRef):
            base = self.defined(root.name, root.module)
            return rich(base, " van ", self.member(root.member)) if root.member else base
        return self.phrase(root, True)

    def field_chain(self, root: c.Expr, fields: tuple[str, ...]) -> Rich:
        """`de geboortedatum van het kind` for `kind.geboortedatum`."""
        out = self.owner(root)
        anchor = self.record_anchor(root)
        for field in fields:
            noun = dutch.noun(field)
            out = rich(f"{noun.article or 'de'} ", term(noun.phrase, anchor), " van ", out)
        return out

    # ------------------------------------------------------------ values
    def phrase(self, expr: c.Expr, nested: bool = False) -> Rich:
        """A noun phrase for the value of `expr`. `nested`: inside another operation."""
        unit = self.per.get(id(expr))
        if unit is not None:
            comma = ", " if not isinstance(expr, SIMPLE) else " "
            return rich(self.visit(expr, True), f"{comma}uitgedrukt per {unit}")
        return self.visit(expr, nested)

    def simple(self, expr: c.Expr) -> bool:
        return isinstance(expr, SIMPLE) and id(expr) not in self.per

    def bare(self, expr: c.Expr, kind: type[c.Expr] | tuple[type[c.Expr], ...]) -> bool:
        """`expr` is a `kind`, as written (not read `per` a period)."""
        return isinstance(expr, kind) and id(expr) not in self.per

    def visit_Const(self, node: c.Const, nested: bool = False) -> Rich:
        v = node.value
        if isinstance(v, bool):
            return value("ja" if v else "nee")
        if isinstance(v, Decimal):
            if node.kind == "bedrag":
                return value(dutch.money(v))
            if node.kind == "percentage":
                return value(dutch.percent(v))
            if node.kind == "duur":
                return value(dutch.duration(v, node.unit or "dag"))
            return value(dutch.number(v))
        if isinstance(v, str):  # a choice value
            anchor = None
            if isinstance(node.type, t.ChoiceType):
                module = self.home(c.Choice, node.type.name)
                anchor = self.anchor(module, node.type.name) if module is not None else None
            return choice(dutch.humanize(v), anchor)
        return value(dutch.date(v))

    def visit_InputRef(self, node: c.InputRef, nested: bool = False) -> Rich:
        return self.defined(node.name, node.module, type_=node.type)

    def visit_ParameterRef(self, node: c.ParameterRef, nested: bool = False) -> Rich:
        return self.defined(node.name, node.module, type_=node.type)

    def visit_ParameterOn(self, node: c.ParameterOn, nested: bool = False) -> Rich:
        return rich(self.defined(node.name, node.module, type_=node.type), ", geldend op ",
                    self.phrase(node.date, True))

    def visit_RuleRef(self, node: c.RuleRef, nested: bool = False) -> Rich:
        base = self.defined(node.name, node.module, type_=node.type)
        if node.member is not None:
            base = rich(base, " van ", self.member(node.member))
        return base

    def visit_Local(self, node: c.Local, nested: bool = False) -> Rich:
        if self.is_member(node):
            return self.member(node.name)
        return self.defined(node.name, self.module, type_=node.type)

    def visit_FieldOf(self, node: c.FieldOf, nested: bool = False) -> Rich:
        return self.field_chain(*self.root(node))

    def visit_Peildatum(self, node: c.Peildatum, nested: bool = False) -> Rich:
        return rich("de peildatum")

    def visit_RuleCall(self, node: c.RuleCall, nested: bool = False) -> Rich:
        rule = self.program.find(node.module, node.name)
        assert isinstance(rule, c.Rule)
        link = term(dutch.humanize(node.name), self.anchor(node.module, node.name))
        given = [rich(f"als {dutch.humanize(a.name)} ", self.phrase(v, True))
                 for a, v in zip(rule.arguments, node.args)]
        noun = dutch.noun(node.name)
        return rich(f"{noun.article or 'de'} ", link, " met ", join(given, ", ", " en "))

    def visit_TableLookup(self, node: c.TableLookup, nested: bool = False) -> Rich:
        table = self.program.find(node.module, node.name)
        assert isinstance(table, c.Table)
        result: Rich
        if isinstance(table.type, t.NumberType) and table.type.is_money:
            result = rich("het bedrag")
        elif isinstance(table.type, t.NumberType) and table.type.percent:
            result = rich("het percentage")
        else:
            noun = dutch.noun(table.columns[-1].name)
            result = rich(f"{noun.article or 'de'} {noun.phrase}")
        link = term(dutch.humanize(node.name), self.anchor(node.module, node.name))
        args = join([self.phrase(a, True) for a in node.args], ", ", " en ")
        return rich(result, " uit tabel ", link, " bij ", args)

    def builtin(self, node: c.Builtin) -> Rich:
        """The registry's Dutch text of the function, with each argument as a noun phrase."""
        function = REGISTRY[node.function]
        text = function.dutch(node.options, [f"\x00{i}\x00" for i in range(len(node.args))])
        parts: list[Rich] = []
        for index, piece in enumerate(_ARGUMENT.split(text)):
            parts.append(self.phrase(node.args[int(piece)], True) if index % 2 else rich(piece))
        return rich(*parts)

    def visit_Builtin(self, node: c.Builtin, nested: bool = False) -> Rich:
        """A text that is a noun phrase stands as it is; otherwise a count or a duration reads
        `het aantal ...` (of whole periods longer than a day: `het aantal volledige ...`), any other
        value `de ...`, and a condition `ja als ..., en anders nee`."""
        text = self.builtin(node)
        type_ = node.type
        if isinstance(type_, t.BooleanType):
            return rich("ja als ", text, ", en anders nee")
        if text.plain().startswith(ARTICLES):
            return text
        if not isinstance(type_, t.NumberType):
            return rich("de ", text)
        if t.is_duration(type_) and type_.whole and type_.unit.factors[0][0] not in DAYS:
            # A whole number of periods longer than a day counts only the completed ones.
            return rich("het aantal volledige ", text)
        if t.is_duration(type_) or (type_.whole and type_.unit.dimensionless):
            return rich("het aantal ", text)
        return rich("de ", text)

    def visit_Negate(self, node: c.Negate, nested: bool = False) -> Rich:
        return rich("het tegengestelde van ", self.phrase(node.operand, True))

    def visit_Not(self, node: c.Not, nested: bool = False) -> Rich:
        clause = self.clause(node.operand).negated()
        return rich("ja als ", clause.positive, ", en anders nee")

    def visit_Compare(self, node: c.Compare, nested: bool = False) -> Rich:
        return rich("ja als ", self.clause(node).positive, ", en anders nee")

    def visit_Logical(self, node: c.Logical, nested: bool = False) -> Rich:
        return rich("ja als ", self.clause(node).positive, ", en anders nee")

    def listing(self, head: str, args: Sequence[c.Expr]) -> Rich:
        items = [self.phrase(a, True) for a in args]
        if len(items) == 2 and not _has_and(items[0]):
            return rich(head + " ", items[0], " en ", items[1])
        if len(items) == 2:
            return rich(head + " enerzijds ", items[0], ", en anderzijds ", items[1])
        if all(self.simple(a) for a in args):
            return rich(head + " ", join(items, ", ", " en "))
        return rich(head + " de volgende waarden: ", join(items, "; ", "; en "))

    def chain(self, expr: c.Expr, op: str) -> list[c.Expr]:
        """The operands of a run of the same operation: `a + b + c` -> [a, b, c]."""
        if id(expr) in self.per:
            return [expr]
        if isinstance(expr, c.Scale) and expr.reason == "periodes" \
                and isinstance(expr.operand, c.Arithmetic) and expr.operand.op == op:
            return self.chain(expr.operand, op)
        if isinstance(expr, c.Arithmetic) and expr.op == op:
            return self.chain(expr.left, op) + self.chain(expr.right, op)
        return [expr]

    def visit_Arithmetic(self, node: c.Arithmetic, nested: bool = False) -> Rich:
        op = node.op
        if op == "×":
            for pct, other in ((node.left, node.right), (node.right, node.left)):
                if self.percent_constant(pct) and not self.percent_constant(other):
                    return rich(self.phrase(pct, True), " van ", self.phrase(other, True))
        # The operands' chains, not the node's own: a node read `per` a period is one operand for
        # whoever contains it, but its own operands are still a chain (else it recurses into itself).
        chain = self.chain(node.left, op) + self.chain(node.right, op) if op in ("+", "×") \
            else [node.left, node.right]
        if nested or len(chain) > 2:
            return self.listing(NOUN_FORM[op], chain)
        left = self.phrase(node.left, True)
        right = self.phrase(node.right, True)
        if op in ("+", "×") and _has_list(left) and not _has_list(right):
            # "het product van X en de som van de volgende waarden: a; b; en c": the list last,
            # so it is clear where it ends.
            return self.listing(NOUN_FORM[op], (node.right, node.left))
        comma = "" if self.simple(node.left) else ","
        return rich(left, f"{comma} {INFIX[op]} ", right)

    def percent_constant(self, expr: c.Expr) -> bool:
        return self.bare(expr, c.Const) and isinstance(expr, c.Const) and expr.kind == "percentage"

    def visit_DateShift(self, node: c.DateShift, nested: bool = False) -> Rich:
        # Read in order: "de startdatum, vermeerderd met 1 jaar, verminderd met 2 weken".
        operation = self.bare(node.date, (c.DateShift, c.Arithmetic, c.Compare, c.Logical))
        left = self.phrase(node.date, operation)
        comma = "," if operation else ""
        return rich(left, f"{comma} {INFIX['+' if node.sign > 0 else '-']} ",
                    self.phrase(node.amount, True))

    def visit_Scale(self, node: c.Scale, nested: bool = False) -> Rich:
        if node.reason == "periodes":  # `bedrag per jaar × 3 maanden`: read as the product
            return self.phrase(node.operand, nested)
        factor = Decimal(node.numerator) / Decimal(node.denominator)
        shown = ""
        if factor >= 1:
            shown = f" (× {dutch.number(factor.normalize())})"
        elif factor > 0:
            shown = f" (÷ {dutch.number((1 / factor).normalize())})"
        comma = ", " if not self.simple(node.operand) else " "
        # The operand is always a noun phrase: the conversion applies to all of it.
        return rich(self.phrase(node.operand, True),
                    f"{comma}omgerekend per {node.target}{shown}")

    def visit_Round(self, node: c.Round, nested: bool = False) -> Rich:
        words = ROUNDING_WORDS.get(node.mode, f"{node.mode} afgerond op")
        operand = self.phrase(node.operand, nested)
        comma = ", " if not self.simple(node.operand) else " "
        return rich(operand, f"{comma}{words} {round_target(node)}")

    def visit_Choose(self, node: c.Choose, nested: bool = False) -> Rich:
        parts = [rich(self.phrase(case.value, True), " als ", self.clause(case.condition).positive)
                 for case in node.cases]
        if node.otherwise is not None:
            parts.append(rich("anders ", self.phrase(node.otherwise, True)))
        text = join(parts, ", ", ", en ")
        return rich("(", text, ")") if nested else text

    def visit_Extreme(self, node: c.Extreme, nested: bool = False) -> Rich:
        return self.listing(f"het {node.op} van", node.args)

    def visit_Aggregate(self, node: c.Aggregate, nested: bool = False) -> Rich:
        collection = self.collection(node)
        where = Rich()
        if node.condition is not None:
            where = rich(" waarvoor geldt dat ", self.clause(node.condition).positive)
        if node.op == "aantal":
            return rich("het aantal ", collection, where)
        if node.op in ("enig", "alle"):
            return rich("ja als ", self.aggregate_clause(node).positive, ", en anders nee")
        head = {"som": "de som", "minimum": "het minimum", "maximum": "het maximum"}[node.op]
        if node.body is None:
            return rich(head, " over alle ", collection, where)
        body = self.phrase(node.body, True)
        if self.simple(node.body) or (
                self.bare(node.body, (c.RuleCall, c.TableLookup, c.Builtin))
                and len(node.body.args) == 1  # type: ignore[attr-defined]
                and self.simple(node.body.args[0])):  # type: ignore[attr-defined]
            return rich(f"{head} van ", body, " over alle ", collection, where)
        return rich(f"{head}, over alle ", collection, where, ", van ", body)

    def collection(self, node: c.Aggregate) -> Rich:
        """The list without an article: `huisgenoten`, `kinderen van aanvrager`."""
        root, fields = self.root(node.collection)
        if fields:
            written = self.collections.get(node.span)
            owner = (written.parts[:-1] if written is not None
                     else (*self.name_of(root)[1:], *fields[:-1]))
            last = term(dutch.humanize(fields[-1]))
            return rich(last, " van ", term(dutch.humanize(".".join(owner)))) if owner else last
        module, name = self.name_of(root)
        return self.defined(name, module, with_article=False)

    def element_noun(self, node: c.Aggregate) -> dutch.Noun:
        list_type = node.collection.type  # type: ignore[attr-defined]
        if isinstance(list_type, t.ListType):
            return dutch.noun(list_type.element.name)
        root, fields = self.root(node.collection)
        return dutch.noun(fields[-1] if fields else self.name_of(root)[1])

    def aggregate_clause(self, node: c.Aggregate) -> Clause:
        noun = self.element_noun(node)
        collection = self.collection(node)
        condition = self.clause(node.condition) if node.condition is not None else None
        if condition is None:
            return Clause(rich("de lijst ", collection, " niet leeg is"),
                          rich("de lijst ", collection, " leeg is"))
        the = self.collection_article(node)  # `uit de huisgenoten`, `uit het huishouden`
        if node.op == "enig":
            return Clause(rich(f"voor ten minste één {' '.join(noun.words)} uit {the} ",
                               collection, " geldt dat ", condition.positive),
                          rich("voor geen enkel", "" if noun.article == "het" else "e",
                               f" {' '.join(noun.words)} uit {the} ", collection, " geldt dat ",
                               condition.positive))
        return Clause(rich("voor ", noun.every, f" uit {the} ", collection, " geldt dat ",
                           condition.positive),
                      rich("niet voor ", noun.every, f" uit {the} ", collection, " geldt dat ",
                           condition.positive))

    def collection_article(self, node: c.Aggregate) -> str:
        """The article of the list's own name: a plural takes `de`, a singular collective such
        as `huishouden` its own (`het`)."""
        root, fields = self.root(node.collection)
        name = fields[-1] if fields else self.name_of(root)[1]
        return dutch.noun(name).article or "de"

    # ------------------------------------------------------------ conditions
    def clause(self, expr: c.Expr) -> Clause:
        if id(expr) in self.per:
            pass
        elif isinstance(expr, c.Not):
            return self.clause(expr.operand).negated()
        elif isinstance(expr, c.Logical):
            items = [self.clause(e) for e in self.logical_chain(expr, expr.op)]
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
        elif isinstance(expr, c.Compare):
            return Clause(self.compare(expr.op, expr), self.compare(COMPLEMENT[expr.op], expr))
        elif isinstance(expr, c.Aggregate) and expr.op in ("enig", "alle"):
            return self.aggregate_clause(expr)
        elif isinstance(expr, c.Const) and isinstance(expr.value, bool):
            yes = rich("dit altijd geldt")
            no = rich("dit nooit geldt")
            return Clause(yes, no) if expr.value else Clause(no, yes)
        elif isinstance(expr, NAMES):
            return self.boolean_name(expr)
        elif isinstance(expr, c.Builtin) and isinstance(expr.type, t.BooleanType):
            return Clause(self.builtin(expr))
        return Clause(rich(self.phrase(expr, True), " ja is"),
                      rich(self.phrase(expr, True), " nee is"))

    def logical_chain(self, expr: c.Expr, op: str) -> list[c.Expr]:
        if isinstance(expr, c.Logical) and expr.op == op and id(expr) not in self.per:
            return self.logical_chain(expr.left, op) + self.logical_chain(expr.right, op)
        return [expr]

    def boolean_name(self, expr: c.Expr) -> Clause:
        root, fields = self.root(expr)
        module, name = self.name_of(root)
        last = fields[-1] if fields else (root.name if isinstance(root, c.Local) else name)
        words = dutch.words_of(last)
        if isinstance(root, c.RuleRef) and root.member is not None and not fields \
                and (words[0] in dutch.VERBS or dutch.is_adjective(words[0])
                     or (words[0].startswith("ge") and words[0].endswith("en"))):
            # A rule per member that says something of it: `het kind rechtgevend is`.
            owner = self.member(root.member)
            link_to = self.anchor(module, name)
            if words[0] in dutch.VERBS:
                rest = term(" ".join(words[1:]), link_to)
                return Clause(rich(owner, " ", rest, f" {words[0]}"), None)
            predicate = term(" ".join(words), link_to)
            return Clause(rich(owner, " ", predicate, " is"), rich(owner, " niet ", predicate, " is"))
        if fields:
            # A field of a member: `het kind zorgbehoevend is`, `de huisgenoot inkomen heeft`.
            owner = self.field_chain(root, fields[:-1])
            link_to = self.record_anchor(root)
            if words[0] in dutch.VERBS:
                rest = term(" ".join(words[1:]), link_to)
                return Clause(rich(owner, " ", rest, f" {words[0]}"), None)
            predicate = term(" ".join(words), link_to)
            return Clause(rich(owner, " ", predicate, " is"), rich(owner, " niet ", predicate, " is"))
        if len(words) > 2 and words[-2:] == ("van", "toepassing"):
            noun = dutch.noun("_".join(words[:-2]))
            link = term(noun.phrase, self.anchor(module, name))
            subject = rich(noun.article + " ", link) if noun.article else link
            if isinstance(root, c.RuleRef) and root.member is not None:
                subject = rich(subject, " voor ", self.member(root.member))
            return Clause(rich(subject, " van toepassing is"),
                          rich(subject, " niet van toepassing is"))
        subject = self.visit(expr, False)
        return Clause(rich(subject, " van toepassing is"), rich(subject, " niet van toepassing is"))

    def compare(self, op: str, expr: c.Compare) -> Rich:
        left_type = expr.left.type  # type: ignore[attr-defined]
        right = expr.right
        if self.bare(right, c.Const) and isinstance(right, c.Const) \
                and isinstance(right.value, bool) and op in ("=", "≠"):
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
        if self.bare(right, c.Const) and isinstance(right.type, t.ChoiceType):  # type: ignore[attr-defined]
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
