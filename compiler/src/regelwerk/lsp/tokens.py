"""Semantic tokens: the lexer's own reading of the file, with names coloured by what they define.

The tokens come from the parser (so a keyword used as a name is a name), up to the first syntax
error; a name is coloured by the kind of definition it refers to.
"""

from __future__ import annotations

from lark import Token
from lsprotocol import types as lsp

from regelwerk.fmt.comments import collect
from regelwerk.lsp.convert import units
from regelwerk.lsp.documents import Analysis
from regelwerk.lsp.index import definitions
from regelwerk.syntax.parser import MAX_SOURCE_BYTES, parse_with_comments

TOKEN_TYPES = ["keyword", "variable", "parameter", "enum", "enumMember", "struct", "property",
               "function", "namespace", "number", "string", "comment", "operator", "decorator",
               "type"]
LEGEND = lsp.SemanticTokensLegend(token_types=TOKEN_TYPES, token_modifiers=[])

BY_KIND = {"invoer": "variable", "parameter": "parameter", "keuze": "enum",
           "keuzewaarde": "enumMember", "gegevens": "struct", "veld": "property",
           "tabel": "function", "regel": "function", "module": "namespace"}
BY_TERMINAL = {"NUMBER": "number", "MONEY": "number", "PERCENT": "number", "DATE": "number",
               "VERSION": "number", "STRING": "string", "REF": "decorator", "YES_NO": "type",
               "NOT_APPLICABLE": "keyword", "EUROS": "keyword"}
OPERATORS = frozenset({"PLUS", "MINUS", "TIMES", "DIVIDE", "EQUAL", "LESSTHAN", "MORETHAN",
                       "NOT_EQUAL", "AT_MOST", "AT_LEAST"})


def semantic_tokens(analysis: Analysis) -> list[int]:
    text = analysis.text
    if len(text) > MAX_SOURCE_BYTES or "\x00" in text:
        return []
    _, tokens, _ = parse_with_comments(text, analysis.display, positions=False)
    significant, comments = collect(text, tokens)
    kinds: dict[str, str] = {}
    for (_, name), symbol in definitions(analysis.program).items():
        kinds.setdefault(name.rsplit(".", 1)[-1], symbol.kind)
    found: list[tuple[int, int, int, int]] = []  # line, column (code points, 0-based), length, type
    for token in significant:
        kind = _classify(token, kinds)
        if kind is None or token.line is None or token.column is None:
            continue
        value = str(token)
        if "\n" in value:
            continue
        found.append((token.line - 1, token.column - 1, len(value), TOKEN_TYPES.index(kind)))
    for comment in comments:
        start = comment.position - (text.rfind("\n", 0, comment.position) + 1)
        found.append((comment.line - 1, start, len(comment.text), TOKEN_TYPES.index("comment")))
    found.sort()
    return _encode(found, analysis.lines)


def _classify(token: Token, kinds: dict[str, str]) -> str | None:
    if token.type == "NAME":
        kind = kinds.get(str(token))
        return BY_KIND.get(kind, "variable") if kind else "variable"
    if token.type in BY_TERMINAL:
        return BY_TERMINAL[token.type]
    if token.type in OPERATORS:
        return "operator"
    if str(token).isalpha():
        return "keyword"
    return None


def _encode(found: list[tuple[int, int, int, int]], lines: list[str]) -> list[int]:
    """LSP's relative encoding, in the units of the position encoding."""
    data: list[int] = []
    previous_line = previous_start = 0
    for line, column, length, kind in found:
        text = lines[line] if line < len(lines) else ""
        start = units(text[:column])
        size = units(text[column:column + length])
        delta_line = line - previous_line
        delta_start = start - previous_start if delta_line == 0 else start
        data.extend((delta_line, delta_start, size, kind, 0))
        previous_line, previous_start = line, start
    return data
