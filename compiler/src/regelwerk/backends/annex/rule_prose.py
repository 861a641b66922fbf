"""A rule of the annex in words: the general rule, its exceptions, a property of a member."""

from __future__ import annotations

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.context import Context
from regelwerk.backends.annex.model import Block, Enumeration, Paragraph
from regelwerk.backends.annex.prose import Printer
from regelwerk.backends.annex.rich import Rich, rich, term
from regelwerk.core import nodes as c
from regelwerk.core.formula import formula
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t


class RuleProse(Context):
    def rule(self, definition: ir.RuleDef, module: str) -> list[Block]:
        p = self.printer
        rule = self.core_definition(definition, module)
        assert isinstance(rule, c.Rule)
        noun = dutch.noun(rule.name)
        link = term(noun.phrase)  # the defining occurrence: not a link to itself
        subject = rich(f"{noun.article} ", link) if noun.article else link
        be = "zijn" if noun.article is not None and noun.plural else "is"
        boolean = isinstance(rule.type, t.BooleanType)
        # "De uurbijdrage is ...", "Voor elk kind is de leeftijd van het kind ...", and for a
        # property of a member "Een kind is rechtgevend als ...".
        opening = rich(subject, f" {be}")
        exception_opening = rich(f"In afwijking hiervan {be} ", subject)
        keys = [formula(e.condition) for e in definition.exceptions]  # as written
        if rule.per is not None:
            member = dutch.noun(rule.per)
            words = noun.words
            if boolean and (noun.article is None or dutch.is_adjective(words[0])):
                owner = rich(f"een {' '.join(member.words)}")
                if words[0] in dutch.VERBS and len(words) > 1:
                    return self.property_rule(rule, keys, owner, words[0],
                                              term(" ".join(words[1:])))
                return self.property_rule(rule, keys, owner, "is", term(" ".join(words)))
            subject = rich(subject, " van ", p.member(rule.per))
            opening = rich(f"voor {member.every} {be} ", subject)
            exception_opening = rich(f"In afwijking hiervan {be} ", subject)
        blocks: list[Block] = []
        if rule.body.base is not None:
            blocks.append(self.general(rule, opening, boolean))
        for exception, key in zip(rule.body.terms, keys):
            condition = p.clause(exception.condition).positive
            verdict_value = _constant_bool(p, exception.value)
            if boolean and verdict_value is not None:
                verdict = "van toepassing" if verdict_value else "niet van toepassing"
                text = rich(exception_opening, f" {verdict} als ", condition, ".")
            else:
                text = rich(exception_opening, " ", self.copula(exception.value),
                            p.phrase(exception.value), " als ", condition, ".")
            blocks.append(Paragraph(f"uitzondering:{key}", text, exception.reference))
        return blocks

    def property_rule(self, rule: c.Rule, keys: list[str], owner: Rich, verb: str,
                      predicate: Rich) -> list[Block]:
        """`regel per kind rechtgevend: ja/nee`: "Een kind is rechtgevend als ..."."""
        p = self.printer
        blocks: list[Block] = []
        expr = rule.body.base
        if expr is not None:
            constant = _constant_bool(p, expr)
            if constant is not None:
                text = rich(owner, f" {verb} ", "altijd " if constant else "nooit ", predicate,
                            ".")
            else:
                text = rich(owner, f" {verb} ", predicate, " als ", p.clause(expr).positive,
                            ", en anders niet.")
            blocks.append(Paragraph("waarde", text.capitalized(), rule.body.base_reference))
        for exception, key in zip(rule.body.terms, keys):
            condition = p.clause(exception.condition).positive
            constant = _constant_bool(p, exception.value)
            if constant is not None:
                negation = "" if constant else "niet "
                text = rich(f"In afwijking hiervan {verb} ", owner, f" {negation}", predicate,
                            " als ", condition, ".")
            else:
                text = rich(f"In afwijking hiervan {verb} ", owner, ", als ", condition, ", ",
                            predicate, " als ", p.clause(exception.value).positive,
                            ", en anders niet.")
            blocks.append(Paragraph(f"uitzondering:{key}", text, exception.reference))
        return blocks

    def general(self, rule: c.Rule, opening: Rich, boolean: bool) -> Block:
        p = self.printer
        expr = rule.body.base
        assert expr is not None
        reference = rule.body.base_reference
        choose = expr if p.bare(expr, c.Choose) and isinstance(expr, c.Choose) else None
        if boolean and choose is None:
            constant = _constant_bool(p, expr)
            if constant is not None:
                verdict = "altijd van toepassing" if constant else "nooit van toepassing"
                text = rich(opening, f" {verdict}.")
            else:
                text = rich(opening, " van toepassing als ", p.clause(expr).positive,
                            ", en anders niet.")
            return Paragraph("waarde", text.capitalized(), reference)
        if choose is not None and len(choose.cases) > 1:
            items = [rich(p.phrase(case.value, True), ", als ", p.clause(case.condition).positive)
                     for case in choose.cases]
            if choose.otherwise is not None:
                items.append(rich(p.phrase(choose.otherwise, True), ", in alle andere gevallen"))
            return Enumeration("waarde", rich(opening, ":").capitalized(), tuple(items),
                               reference)
        if choose is not None:
            case, = choose.cases
            text = rich(opening, " ", self.copula(case.value), p.phrase(case.value, True), " als ",
                        p.clause(case.condition).positive)
            if choose.otherwise is not None:
                text = text + rich(", en anders ", self.copula(choose.otherwise),
                                   p.phrase(choose.otherwise, True))
            return Paragraph("waarde", rich(text, ".").capitalized(), reference)
        return Paragraph("waarde", rich(opening, " ", self.copula(expr), p.phrase(expr), ".")
                         .capitalized(), reference)

    def copula(self, expr: c.Expr) -> str:
        """`is gelijk aan de minimale uurbijdrage`, but `is het bedrag uit tabel ...`."""
        p = self.printer
        if isinstance(expr, (c.Round, c.Scale)):
            return self.copula(expr.operand)
        if isinstance(expr, (*SIMPLE_NAMES, c.Const, c.Peildatum, c.Choose)):
            return "gelijk aan "
        if isinstance(expr, c.DateShift):
            return ""  # "de datum 6 maanden na de startdatum"
        if isinstance(expr, c.Arithmetic):
            if not p.bare(expr.left, (*SIMPLE_NAMES, c.Const)):
                return ""
            return "gelijk aan "
        return ""


SIMPLE_NAMES = (c.InputRef, c.ParameterRef, c.RuleRef, c.Local, c.FieldOf)


def _constant_bool(printer: Printer, expr: c.Expr) -> bool | None:
    """ja or nee, when `expr` is written as that constant."""
    if printer.bare(expr, c.Const) and isinstance(expr, c.Const) and isinstance(expr.value, bool):
        return expr.value
    return None
