"""Prints types and expressions: where an expression may break over lines, and how far it indents.

Expressions are the one part of a rule file that can outgrow a line, so this is where the
layout's breaking rules live (docs/taal/opmaak.md): a group breaks before an operator, `dan`,
`anders`, `over`, ... (after the operators of a chain with a minus outside parentheses, since a line
cannot start with '-'), continuation lines indented by two, and the analyst's own parentheses kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lark import Token, Tree

from regelwerk.fmt.doc import LINE, SOFTLINE, Docs, Group, Nest
from regelwerk.fmt.page import INDENT, FormatterBug, LinePrinter, children_of, is_rule

SUM_OPS = frozenset({"PLUS", "MINUS"})
TERM_OPS = frozenset({"TIMES", "DIVIDE"})


class ExpressionPrinter(LinePrinter):
    """The parts of a statement below its keywords: types, names and expressions."""

    # ------------------------------------------------------------------ types
    def type(self, tree: Tree[Token]) -> Docs:
        if tree.data == "list_type":
            return [self.words("lijst", "van"), " ", self.dotted(children_of(tree)[0])]
        base, *per = children_of(tree)
        inner = children_of(base)[0]
        parts: list[Docs] = [self.dotted(inner) if isinstance(inner, Tree) else self.take(inner)]
        for unit in per:
            parts += [" ", self.take("per"), " ", self.tokens_of(children_of(unit)[0])]
        return parts

    def dotted(self, tree: Tree[Token]) -> Docs:
        parts: list[Docs] = []
        for token in children_of(tree):
            if parts:
                parts.append(self.take("."))
            parts.append(self.take(token))
        return parts

    def tokens_of(self, tree: Tree[Token]) -> Docs:
        """A rule that keeps its tokens (`!rule` in the grammar): the words with one space."""
        parts: list[Docs] = []
        for token in children_of(tree):
            if parts:
                parts.append(" ")
            parts.append(self.take(token))
        return parts

    # ------------------------------------------------------------------ expressions
    def parentheses(self, tree: Tree[Token], syntax_before: bool, syntax_after: bool) -> int:
        """How many pairs of parentheses the analyst put around this expression."""
        meta = tree.meta
        text = self.blanked
        before = 0
        position = meta.start_pos - 1
        while position >= 0:
            char = text[position]
            if char == "(":
                before += 1
            elif char not in " \t\r\n\f":
                break
            position -= 1
        after = 0
        position = meta.end_pos
        while position < len(text):
            char = text[position]
            if char == ")":
                after += 1
            elif char not in " \t\r\n\f":
                break
            position += 1
        return max(0, min(before - syntax_before, after - syntax_after))

    def top(self, tree: Tree[Token]) -> Docs:
        """An expression that a statement starts with: its continuation lines indented by two."""
        return Nest(INDENT, self.expr(tree, bare=True))

    def expr(self, tree: Tree[Token], syntax_before: bool = False, syntax_after: bool = False,
             bare: bool = False) -> Docs:
        layers = self.parentheses(tree, syntax_before, syntax_after)
        if not layers:
            self.bare = bare
            return self.expr_body(tree)
        opening = [self.take("(") for _ in range(layers)]
        self.depth += layers
        self.bare = True
        inner = self.expr_body(tree)
        self.depth -= layers
        closing = [self.take(")") for _ in range(layers)]
        for left, right in zip(reversed(opening), closing):
            inner = Group([left, Nest(INDENT, [SOFTLINE, inner]), SOFTLINE, right])
        return inner

    def expr_body(self, tree: Tree[Token]) -> Docs:
        printer = getattr(self, f"e_{tree.data}", None)
        if printer is None:
            raise FormatterBug(f"onbekende uitdrukking: {tree.data}")
        result: Docs = printer(tree)
        return result

    def _indent(self) -> int:
        """Continuation lines are indented, unless the expression has its parentheses to itself."""
        bare, self.bare = self.bare, False
        return 0 if bare else INDENT

    def e_conditional(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        head: Docs = []
        tail: list[Docs] = []
        current = tree
        otherwise: Docs | None = None
        cases = 0
        while True:
            children = children_of(current)
            cases += 1
            case = Group([self.take("als"), " ", self.expr(children[0]),
                          Nest(INDENT, [LINE, self.take("dan"), " ", self.expr(children[1])])])
            if otherwise is None:
                head = case
            else:
                tail += [LINE, otherwise, " ", case]
            if len(children) < 3:
                break
            otherwise = self.take("anders")
            following = children[2]
            if is_rule(following, "conditional") and not self.parentheses(following, False, False):
                current = following
                continue
            tail += [LINE, otherwise, " ", self.expr(following)]
            break
        # `als ... anders als ...`: a list of cases reads best one case a line, like a table.
        return Group([head, Nest(indent, tail)], broken=cases > 1)

    def _chain(self, tree: Tree[Token], same: Callable[[Tree[Token]], bool]) -> Docs:
        """`a + b - c`, `a en b en c`: one group, broken before each operator.

        A line cannot start with '-' (outside parentheses that starts an item of a list), so a
        chain with a minus outside parentheses breaks after each of its operators instead.
        """
        indent = self._indent()
        spine = [tree]
        left = children_of(tree)[0]
        while isinstance(left, Tree) and same(left) and not self.parentheses(left, False, False):
            spine.append(left)
            left = children_of(left)[0]
        after = not self.depth and any(
            node.data == "binary" and children_of(node)[1].type == "MINUS" for node in spine)
        first = self.expr(left)
        tail: list[Docs] = []
        for node in reversed(spine):
            children = children_of(node)
            if node.data == "binary":
                op = self.take(children[1])
                right = self.expr(children[2])
            else:
                op = self.take("en" if node.data == "and_" else "of")
                right = self.expr(children[1])
            tail += [" ", op, LINE, right] if after else [LINE, op, " ", right]
        return Group([first, Nest(indent, tail)])

    def e_or_(self, tree: Tree[Token]) -> Docs:
        return self._chain(tree, lambda node: node.data == "or_")

    def e_and_(self, tree: Tree[Token]) -> Docs:
        return self._chain(tree, lambda node: node.data == "and_")

    def e_binary(self, tree: Tree[Token]) -> Docs:
        family = SUM_OPS if children_of(tree)[1].type in SUM_OPS else TERM_OPS
        return self._chain(tree, lambda node: node.data == "binary"
                           and children_of(node)[1].type in family)

    def e_not_(self, tree: Tree[Token]) -> Docs:
        return [self.take("niet"), " ", self.expr(children_of(tree)[0])]

    def e_compare(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        left, op, right = children_of(tree)
        return Group([self.expr(left), " ", self.tokens_of(op),
                      Nest(indent, [LINE, self.expr(right)])])

    def e_negate(self, tree: Tree[Token]) -> Docs:
        minus, operand = children_of(tree)
        return [self.take(minus), self.expr(operand)]

    def e_per(self, tree: Tree[Token]) -> Docs:
        operand, unit = children_of(tree)
        return [self.expr(operand), " ", self.take("per"), " ", self.tokens_of(unit)]

    def e_convert(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        operand, unit = children_of(tree)
        return Group([self.expr(operand), Nest(indent, [LINE, self.words("omgerekend", "per"), " ",
                                                          self.tokens_of(unit)])])

    def e_rounded(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        operand, rounding = children_of(tree)
        first = self.expr(operand)
        return Group([first, Nest(indent, [LINE, self.rounding_words(rounding)])])

    def rounding_words(self, rounding: Tree[Token]) -> Docs:
        """`naar beneden afgerond op hele euro's`."""
        words: list[Docs] = []
        for part in children_of(rounding):
            if words:
                words.append(" ")
            if part.data == "round_target":
                words += [self.words("afgerond", "op"), " "]
            words.append(self.tokens_of(part))
        return words

    def e_name(self, tree: Tree[Token]) -> Docs:
        return self.dotted(children_of(tree)[0])

    def _arguments(self, arguments: list[Tree[Token]], opening: Docs) -> Docs:
        self.depth += 1
        parts: list[Docs] = []
        for index, argument in enumerate(arguments):
            if index:
                parts += [self.take(";"), LINE]
            parts.append(self.expr(argument, index == 0, index == len(arguments) - 1,
                                   bare=len(arguments) == 1))
        self.depth -= 1
        closing = self.take(")")
        if not arguments:
            return [opening, closing]
        return Group([opening, Nest(INDENT, [SOFTLINE, parts]), SOFTLINE, closing])

    def e_call(self, tree: Tree[Token]) -> Docs:
        callee, *arguments = children_of(tree)
        name = self.dotted(callee)
        return [name, self._arguments(arguments, self.take("("))]

    def e_minmax(self, tree: Tree[Token]) -> Docs:
        keyword, *arguments = children_of(tree)
        words = [self.tokens_of(keyword), " ", self.take("van"), " "]
        return [words, self._arguments(arguments, self.take("("))]

    def _over(self, indent: int, words: Docs, body: Tree[Token], collection: Tree[Token],
              condition: list[Any]) -> Docs:
        inside = self._arguments([body], [words, " ", self.take("(")])
        tail: list[Docs] = [LINE, self.take("over"), " ", self.dotted(collection)]
        tail += self._filter(condition)
        return Group([inside, Nest(indent, tail)])

    def _filter(self, condition: list[Any]) -> list[Docs]:
        if not condition:
            return []
        return [LINE, self.take("waarvoor"), " ", self.expr(children_of(condition[0])[0])]

    def e_sum_over(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        body, collection, *condition = children_of(tree)
        return self._over(indent, self.words("som", "van"), body, collection, condition)

    def e_minmax_over(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        keyword, body, collection, *condition = children_of(tree)
        return self._over(indent, [self.tokens_of(keyword), " ", self.take("van")], body,
                          collection, condition)

    def _quantified(self, words: tuple[str, ...], tree: Tree[Token]) -> Docs:
        indent = self._indent()
        keyword = self.words(*words)
        collection, *condition = children_of(tree)
        return Group([keyword, " ", self.dotted(collection), Nest(indent, self._filter(condition))])

    def e_count(self, tree: Tree[Token]) -> Docs:
        return self._quantified(("aantal",), tree)

    def e_any_of(self, tree: Tree[Token]) -> Docs:
        return self._quantified(("enig", "van"), tree)

    def e_all_of(self, tree: Tree[Token]) -> Docs:
        return self._quantified(("alle", "van"), tree)

    def e_peildatum(self, tree: Tree[Token]) -> Docs:
        return self.take("peildatum")

    def e_between(self, tree: Tree[Token]) -> Docs:
        indent = self._indent()
        periods, start, end = children_of(tree)
        return Group([self.tokens_of(periods), " ", self.take("tussen"), " ", self.expr(start),
                      Nest(indent, [LINE, self.take("en"), " ", self.expr(end)])])

    def e_at_date(self, tree: Tree[Token]) -> Docs:
        parameter, date = children_of(tree)
        return [self.dotted(parameter), " ", self.take("op"), " ", self.expr(date)]

    def e_period_edge(self, tree: Tree[Token]) -> Docs:
        edge, period, operand = children_of(tree)
        return [self.tokens_of(edge), " ", self.take("dag"), " ", self.take("van"), " ",
                self.tokens_of(period), " ", self.take("van"), " ", self.expr(operand)]

    def _literal(self, tree: Tree[Token]) -> Docs:
        return self.take(children_of(tree)[0])

    e_money = e_percent = e_number = e_date = _literal

    def e_duration(self, tree: Tree[Token]) -> Docs:
        number, unit = children_of(tree)
        return [self.take(number), " ", self.tokens_of(unit)]

    def e_yes(self, tree: Tree[Token]) -> Docs:
        return self.take("ja")

    def e_no(self, tree: Tree[Token]) -> Docs:
        return self.take("nee")

    def e_empty(self, tree: Tree[Token]) -> Docs:
        return self.take("geen")
