"""Parsing: source text -> Lark tree, with every syntax error turned into a Dutch diagnostic."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir.span import Span
from regelwerk.lines import source_lines
from regelwerk.syntax.layout import Layout, LayoutError
from regelwerk.syntax.suggestions import character_hint, keyword_suggestion

MAX_SOURCE_BYTES = 5_000_000

# Levels of the syntax tree, from the file down to the deepest part of an expression: a rule body
# nests two levels below the file, and each operator, function or `als` adds one. Every stage holds
# this depth (the generated Python stays far below its 200 nested brackets); see docs/fouten/RW009.md.
MAX_NESTING = 100

# What a terminal means to an analyst, for "verwacht ..." in syntax errors.
TERMINAL_WORDS = {
    "NAME": "een naam",
    "NUMBER": "een getal (bijv. 12 of 0,5)",
    "MONEY": "een bedrag (bijv. € 1.234,56)",
    "PERCENT": "een percentage (bijv. 13,60 %)",
    "DATE": "een datum (jjjj-mm-dd)",
    "STRING": "een tekst tussen aanhalingstekens",
    "REF": "een verwijzing tussen haken, bijv. [art. 3, §1]",
    "VERSION": "een versienummer (bijv. 2026.1)",
    "ARTICLE_TEXT": "een regel wettekst die met > begint",
    "_NL": "het einde van de regel",
    "_INDENT": "een ingesprongen regel",
    "_DEDENT": "het einde van het ingesprongen blok",
    "$END": "het einde van het bestand",
    "NOT_EQUAL": "'≠'",
    "AT_MOST": "'≤'",
    "AT_LEAST": "'≥'",
    "YES_NO": "'ja/nee'",
    "NOT_APPLICABLE": "'n.v.t.'",
    "EUROS": "'euro's'",
    "PLUS": "'+'",
    "MINUS": "'-'",
    "TIMES": "'×'",
    "DIVIDE": "'/'",
}


def grammar_text() -> str:
    packaged = resources.files("regelwerk").joinpath("regelwerk.lark")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # An editable install or a checkout: the grammar lives at the top of the repository.
    return (Path(__file__).resolve().parents[4] / "grammar" / "regelwerk.lark").read_text(
        encoding="utf-8"
    )


def make_lark(layout: Layout, positions: bool = True, **options: Any) -> Lark:
    """The one way the grammar is turned into a parser: LALR, contextual lexer, our layout."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        postlex=layout,
        propagate_positions=positions,
        maybe_placeholders=True,
        **options,
    )


@functools.cache
def _parser() -> tuple[Lark, Layout]:
    layout = Layout()
    return make_lark(layout), layout


@functools.cache
def keywords() -> frozenset[str]:
    """Words that cannot be names: those that can start an expression (`peildatum`, `som`, ...).

    Elsewhere the contextual lexer reads a keyword as a name where only a name fits, so a field
    may be called `uren`; but a rule called `peildatum` could never be read back. The set is asked
    of the parser itself: what it accepts right after `=` in a rule and in a test (`onbekend`).
    """
    lark, layout = _parser()
    patterns = {t.name: t.pattern for t in lark.terminals}
    found: set[str] = set()
    for text in ("module m\n\nregel r: getal\n  = x\n",
                 'module m\n\ntest "t"\n  verwacht r = x\n'):
        layout.text = text
        interactive = lark.parse_interactive(text)
        for token in interactive.lexer_thread.lex(  # type: ignore[no-untyped-call]
                interactive.parser_state):
            interactive.feed_token(token)
            if token.type == "EQUAL":
                break
        found.update(
            str(patterns[name].value) for name in interactive.accepts()  # type: ignore[no-untyped-call]
            if name in patterns and patterns[name].type == "str"
            and str(patterns[name].value).isalpha())
    return frozenset(found)


def terminal_patterns() -> dict[str, str]:
    lark, _ = _parser()
    return {t.name: str(t.pattern.value) for t in lark.terminals}


def decode(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes of a rule file -> text, or a diagnostic for what cannot be a rule file."""
    if len(data) > MAX_SOURCE_BYTES:
        return None, [
            error(
                "RW008",
                f"het bestand is te groot ({len(data)} bytes; hoogstens {MAX_SOURCE_BYTES})",
                Span(path, 1, 1, 1, 1),
                "splits de regeling op in modules die elkaar met `gebruik` inlezen",
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            error(
                "RW005",
                "het bestand is geen geldige UTF-8-tekst",
                Span(path, line, column, line, column + 1),
                "sla het bestand op als UTF-8 (zonder andere codering zoals Windows-1252)",
            )
        ]
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return None, [
            error(
                "RW005",
                "het bestand bevat binaire gegevens (een NUL-teken)",
                Span(path, line, column, line, column + 1),
                "een regelbestand is platte tekst; controleer of u het juiste bestand opgeeft",
            )
        ]
    return text, []


def parse(text: str, path: str) -> tuple[Tree[Token] | None, list[Diagnostic]]:
    lark, layout = _parser()
    return _parse_with(lark, layout, text, path)


class _RecordingLayout(Layout):
    """The layout post-lexer that also keeps every token the lexer produces, in source order."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: list[Token] = []

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return super().process(self._record(stream))

    def _record(self, stream: Iterator[Token]) -> Iterator[Token]:
        for token in stream:
            self.tokens.append(token)
            yield token

    def comment(self, token: Token) -> Token:
        self.tokens.append(token)
        return token


@functools.cache
def _recording_parser(positions: bool) -> tuple[Lark, _RecordingLayout]:
    layout = _RecordingLayout()
    return make_lark(layout, positions, lexer_callbacks={"COMMENT": layout.comment}), layout


def parse_with_comments(
    text: str, path: str, positions: bool = True
) -> tuple[Tree[Token] | None, list[Token], list[Diagnostic]]:
    """Like `parse`, plus every token of the source in order, for the formatter.

    The tokens include what the tree leaves out: keywords and punctuation, the newlines (`_NL`,
    whose text holds the comments on lines of their own) and the trailing `COMMENT`s the grammar
    ignores. The synthetic `_INDENT`/`_DEDENT` tokens of the layout are not among them.
    With `positions=False` the tree has no positions (tokens still do), which parses about twice
    as fast: enough to check a result.
    """
    lark, layout = _recording_parser(positions)
    layout.tokens = []
    tree, diagnostics = _parse_with(lark, layout, text, path)
    tokens, layout.tokens = layout.tokens, []
    return tree, tokens, diagnostics


def _parse_with(lark: Lark, layout: Layout, text: str, path: str
                ) -> tuple[Tree[Token] | None, list[Diagnostic]]:
    layout.text = text
    try:
        tree = lark.parse(text)
    except LayoutError as exc:
        if exc.tab:
            return None, [_tab_error(path, exc.line, exc.column)]
        return None, [
            error(
                "RW004",
                f"onverwachte inspringing: {exc}",
                Span(path, exc.line, 1, exc.line, max(exc.column, 2)),
                "laat de regel even ver inspringen als een regel in hetzelfde blok erboven",
            )
        ]
    except UnexpectedInput as exc:
        return None, [_syntax_error(exc, text, path)]
    except RecursionError:
        return None, [too_deep(Span(path, 1, 1, 1, 2))]
    deepest = too_deeply_nested(tree)
    if deepest is not None:
        line = getattr(deepest.meta, "line", 1)
        column = getattr(deepest.meta, "column", 1)
        return None, [too_deep(Span(path, line, column, line, column + 1))]
    return tree, []


def too_deeply_nested(tree: Tree[Token]) -> Tree[Token] | None:
    """The first node nested deeper than MAX_NESTING, if any (without recursion: any depth)."""
    stack: list[tuple[Tree[Token], int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            return node
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))
    return None


def too_deep(span: Span) -> Diagnostic:
    """RW009: the one refusal of nesting that is too deep, by every stage that reads a source."""
    return error("RW009", f"de uitdrukking is te diep genest (hoogstens {MAX_NESTING} niveaus)",
                 span, "splits de uitdrukking op in kleinere regels, elk met een eigen naam")


def _syntax_error(exc: UnexpectedInput, text: str, path: str) -> Diagnostic:
    if isinstance(exc, UnexpectedCharacters):
        line, column = exc.line, exc.column
        pos = exc.pos_in_stream or 0
        char = text[pos] if pos < len(text) else ""
        span = Span(path, line, column, line, column + 1)
        hint = _character_hint(char, text, pos, exc.allowed)
        shown = repr(char)[1:-1] if not char.isprintable() else char
        return error("RW001", f"onverwacht teken '{shown}'", span, hint)
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        # `accepts` simulates the parser and is exact; `expected` over-approximates (LALR).
        expected = _describe_expected(getattr(exc, "accepts", None) or exc.expected)
        if token.type == "$END" or (
            token.type in ("_NL", "_DEDENT") and not text[token.end_pos or 0:].strip()
        ):
            line, column = _end_position(text)
            return error(
                "RW003",
                "het bestand houdt onverwacht op",
                Span(path, line, column, line, column + 1),
                f"verwacht: {expected}",
            )
        line = token.line or 1
        column = token.column or 1
        end_column = token.end_column if token.end_line == line and token.end_column else column + 1
        if token.type in ("_NL", "_DEDENT", "_INDENT"):
            message = _layout_message(token.type)
            if token.type == "_NL":
                line, column = _end_of_line(text, token)
                end_column = column + 1
            elif token.type == "_INDENT":
                line = (token.end_line or line)
                tab = _tab_column(text, line)
                if tab is not None:
                    return _tab_error(path, line, tab)
                column = len(str(token.value)) + 1
                end_column = _line_length(text, line) + 1
        else:
            message = f"'{token.value}' staat hier niet op zijn plaats"
        hint = f"verwacht: {expected}"
        position = token.start_pos or 0
        if token.value == "." and 0 < position < len(text) - 1 and text[position - 1].isdigit() \
                and text[position + 1].isdigit():
            hint = _character_hint(".", text, position, None)
        if token.type == "NAME" and "NAME" not in exc.expected and str(token.value) in _KEYWORD_LIKE:
            hint += f"; '{token.value}' is hier geen sleutelwoord"
        span = Span(path, line, column, line, max(end_column, column + 1))
        meant = _meant_keyword(text, token, span)
        if meant is not None:
            word, dutch, span = meant
            message = f"'{word}' is geen sleutelwoord van Regelwerk"
            hint = f"bedoelde u '{dutch}'? ({hint})"
        return error("RW002", message, span, hint)
    if isinstance(exc, UnexpectedEOF):
        line, column = _end_position(text)
        return error(
            "RW003",
            "het bestand houdt onverwacht op",
            Span(path, line, column, line, column + 1),
            f"verwacht: {_describe_expected(exc.expected)}",
        )
    line = getattr(exc, "line", 1) or 1
    column = getattr(exc, "column", 1) or 1
    return error("RW002", "de tekst kan hier niet worden gelezen", Span(path, line, column, line, column + 1))


def _tab_column(text: str, line: int) -> int | None:
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    current = lines[line - 1]
    indent = current[:len(current) - len(current.lstrip(" \t"))]
    return indent.index("\t") + 1 if "\t" in indent else None


def _tab_error(path: str, line: int, column: int) -> Diagnostic:
    return error("RW004", "onverwachte inspringing: de inspringing bevat een tab",
                 Span(path, line, column, line, column + 1),
                 "spring in met spaties, niet met een tab: een tab is in de ene editor 4 spaties "
                 "breed en in de andere 8")


_KEYWORD_LIKE = frozenset({"is", "dan", "anders", "als", "en", "of"})

_WORD_BEFORE = re.compile(r"([^\W\d]\w*)[ \t]+$")


def _meant_keyword(text: str, token: Token, span: Span) -> tuple[str, str, Span] | None:
    """An English or common wrong keyword at or just before the unexpected token (`rule`,
    `unless`; `if` in `= if a then b`, where `if` was read as a name and `a` is unexpected)."""
    if token.type == "NAME":
        dutch = keyword_suggestion(str(token.value))
        if dutch is not None:
            return str(token.value), dutch, span
    start = token.start_pos or 0
    line_start = text.rfind("\n", 0, start) + 1
    before = _WORD_BEFORE.search(text, line_start, start)
    if before is None:
        return None
    dutch = keyword_suggestion(before.group(1))
    if dutch is None:
        return None
    column = before.start(1) - line_start + 1
    word = before.group(1)
    return word, dutch, Span(span.file, span.line, column, span.line, column + len(word))


def _layout_message(token_type: str) -> str:
    if token_type == "_NL":
        return "de regel houdt hier onverwacht op"
    if token_type == "_INDENT":
        return "deze regel springt onverwacht in"
    return "het ingesprongen blok houdt hier onverwacht op"


def _end_of_line(text: str, token: Token) -> tuple[int, int]:
    start = token.start_pos or 0
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, column


def _line_length(text: str, line: int) -> int:
    lines = source_lines(text)
    return len(lines[line - 1]) if 0 < line <= len(lines) else 0


def _end_position(text: str) -> tuple[int, int]:
    stripped = text.rstrip()
    line = stripped.count("\n") + 1
    column = len(stripped) - (stripped.rfind("\n") + 1) + 1
    return line, max(column, 1)


_OPERATORS = frozenset({"PLUS", "MINUS", "TIMES", "DIVIDE", "EQUAL", "LESSTHAN", "MORETHAN",
                        "NOT_EQUAL", "AT_MOST", "AT_LEAST"})

# Terminals that can start an expression: listed one by one they drown the message.
_EXPRESSION_START = frozenset({"NAME", "NUMBER", "MONEY", "PERCENT", "DATE", "LPAR"})


def _describe_expected(names: Iterable[str] | None) -> str:
    if not names:
        return "iets anders"
    patterns = terminal_patterns()
    wanted = set(names)
    words = []
    for first in ("_NL", "$END", "_DEDENT"):
        if first in wanted:
            words.append(TERMINAL_WORDS[first])
            wanted.discard(first)
    if _EXPRESSION_START <= wanted:
        words.append("een waarde of uitdrukking (naam, getal, bedrag, ...)")
        wanted = {n for n in wanted if n in ("REF", "STRING")}
    if len(_OPERATORS & wanted) >= 3:
        words.append("een rekenteken of vergelijking (+, -, ×, /, =, <, >)")
        wanted -= _OPERATORS
    for name in sorted(wanted, key=lambda n: (n not in ("REF", "STRING"), n)):
        if name in TERMINAL_WORDS:
            words.append(TERMINAL_WORDS[name])
        elif name in patterns and patterns[name].replace("_", "").isalpha():
            words.append(f"'{patterns[name]}'")
        elif name in patterns and len(patterns[name]) <= 3:
            words.append(f"'{patterns[name]}'")
        else:
            words.append(name.lower())
    words = list(dict.fromkeys(words))
    if len(words) > 8:
        words = words[:8] + ["..."]
    return ", ".join(words)


def _character_hint(char: str, text: str, pos: int, allowed: set[str] | None) -> str:
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    if char == "." and before.isdigit() and after.isdigit():
        return (
            "gebruik een komma als decimaalteken (0,5); een punt scheidt alleen groepen van "
            "drie cijfers (1.234,56)"
        )
    if char == "," and before.isdigit() and after.isdigit():
        return "een decimaalkomma staat direct tussen cijfers; zet een spatie na een scheidingskomma"
    if char == '"':
        return "een tekst begint en eindigt met \" op dezelfde regel"
    if char == "[":
        return "een verwijzing staat tussen [ en ] op één regel"
    if char == "\t":
        return "gebruik spaties om in te springen"
    typography = character_hint(char)
    if typography is not None:
        return typography
    if char == "€":
        return "een bedrag schrijft u als € gevolgd door een getal, bijv. € 1.234,56"
    if allowed:
        return f"verwacht: {_describe_expected(allowed)}"
    return "verwijder of vervang dit teken"
