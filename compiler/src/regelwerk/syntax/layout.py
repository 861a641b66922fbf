"""Turns newlines and indentation into _NL, _INDENT and _DEDENT tokens for the LALR parser.

A rule often does not fit on one line. Like Python inside brackets, a line is joined to the previous
one (its newline and indentation are dropped) when:
- it is inside parentheses;
- the previous line ends in an operator, a comma, a semicolon or a word such as `dan` or `en`;
- the next line starts with an operator or a continuing word (`anders`, `en`, `of`, `afgerond`, ...).
A leading minus does not join lines: `- ` starts an item of a list in a test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token
from lark.lark import PostLex


class LayoutError(Exception):
    """Indentation that matches no enclosing block."""

    def __init__(self, message: str, line: int, column: int, tab: bool = False) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.tab = tab


TAB_WIDTH = 8

# Terminals after which a line break never ends a statement. Names are Lark's names for the
# anonymous keyword terminals plus the named operator terminals of grammar/regelwerk.lark.
CONTINUE_AFTER = frozenset(
    {
        "COMMA", "SEMICOLON", "PLUS", "MINUS", "TIMES", "DIVIDE", "EN", "OF", "DAN", "ANDERS",
        "ALS", "EQUAL", "LESSTHAN", "MORETHAN", "WAARVOOR", "OVER", "TUSSEN", "AFGEROND", "OP",
        "NOT_EQUAL", "AT_MOST", "AT_LEAST",
    }
)

# Words and symbols that, at the start of a line, continue the previous line.
_CONTINUE_BEFORE = re.compile(
    r"(?:(?:anders|en|of|dan|afgerond|waarvoor|over|omgerekend)\b|naar\s+(?:beneden|boven)\b"
    r"|rekenkundig\b|richting\s+nul\b|weg\s+van\s+nul\b|[+×*·/÷])"
)


class Layout(PostLex):
    """Post-lexer: indentation blocks plus implicit line joining."""

    always_accept = ("_NL",)

    def __init__(self) -> None:
        self.text = ""

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        indents = [0]
        depth = 0
        previous: Token | None = None
        last: Token | None = None
        continue_after = CONTINUE_AFTER
        for token in stream:
            last = token
            if token.type == "_NL":
                if depth > 0 or (previous is not None and previous.type in continue_after):
                    continue
                if previous is None:
                    continue
                end = token.end_pos if token.end_pos is not None else 0
                if _CONTINUE_BEFORE.match(self.text, end):
                    continue
                yield token
                indent_text = token.value.rsplit("\n", 1)[1]
                indent = _width(indent_text)
                if end >= len(self.text):
                    indent = 0
                if indent > indents[-1]:
                    indents.append(indent)
                    yield Token.new_borrow_pos("_INDENT", indent_text, token)
                else:
                    while indent < indents[-1]:
                        indents.pop()
                        yield Token.new_borrow_pos("_DEDENT", indent_text, token)
                    if indent != indents[-1]:
                        line = (token.end_line or 1)
                        if "\t" in indent_text:
                            # Named at its own line: a tab's width differs from editor to editor.
                            raise LayoutError("de inspringing bevat een tab", line,
                                              indent_text.index("\t") + 1, tab=True)
                        raise LayoutError(
                            f"inspringing van {indent} spaties past bij geen enkel blok erboven",
                            line,
                            indent + 1,
                        )
                continue
            if token.type in ("LPAR",):
                depth += 1
            elif token.type in ("RPAR",) and depth > 0:
                depth -= 1
            previous = token
            yield token
        if previous is not None and last is not None:
            if last.type != "_NL":
                yield Token.new_borrow_pos("_NL", "\n", last)
            while len(indents) > 1:
                indents.pop()
                yield Token.new_borrow_pos("_DEDENT", "", last)


def _width(indent: str) -> int:
    return indent.count(" ") + indent.count("\t") * TAB_WIDTH
