"""The formatter: one canonical layout for every rule file (`regelwerk fmt`).

`format_text` parses a source, prints its tree in the canonical layout and, as a safety net, parses
the result again: the program (the IR without source positions) and the comments must be the same,
or the formatter refuses (an internal error, RW999) and the file stays as it is.
"""

from __future__ import annotations

import sys

import attrs
from lark import Token, Tree

from regelwerk.diagnostics import Diagnostic, error
from regelwerk.fmt.comments import Comment, collect
from regelwerk.fmt.page import FormatterBug
from regelwerk.fmt.printer import print_tree
from regelwerk.fmt.verify import signature
from regelwerk.ir.span import Span
from regelwerk.pipeline import RECURSION_LIMIT
from regelwerk.syntax.parser import MAX_SOURCE_BYTES, decode, parse_with_comments, too_deep
from regelwerk.syntax.suggestions import repair_typography


@attrs.frozen
class Formatted:
    text: str | None  # None when the source cannot be formatted
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return self.text is not None


def format_bytes(data: bytes, path: str, verify: bool = True) -> Formatted:
    text, problems = decode(data, path)
    if text is None:
        return Formatted(None, problems)
    return format_text(text, path, verify)


def format_text(text: str, path: str = "<invoer>", verify: bool = True) -> Formatted:
    """The source in the canonical layout, or the syntax errors that stand in the way."""
    text = repair_typography(text)  # curly quotes and hard spaces from a word processor
    tree, tokens, problems = parse_with_comments(text, path)
    if tree is None:
        return Formatted(None, problems)
    significant, comments = collect(text, tokens)
    if sys.getrecursionlimit() < RECURSION_LIMIT:
        sys.setrecursionlimit(RECURSION_LIMIT)  # the printer recurses over nested expressions
    try:
        formatted = print_tree(text, tree, significant, comments)
    except FormatterBug as exc:
        return Formatted(None, [_internal(path, str(exc))])
    except RecursionError:
        return Formatted(None, [too_deep(Span(path, 1, 1, 1, 2))])
    size = len(formatted.encode("utf-8"))
    if size > MAX_SOURCE_BYTES:  # never write what `check` would refuse
        return Formatted(None, [error(
            "RW008", f"opgemaakt zou het bestand te groot worden ({size} bytes; hoogstens "
            f"{MAX_SOURCE_BYTES})", Span(path, 1, 1, 1, 2),
            "splits de regeling op in modules die elkaar met `gebruik` inlezen")])
    if verify:
        problem = difference(text, tree, comments, formatted, path)
        if problem is not None:
            return Formatted(None, [_internal(path, problem)])
    return Formatted(formatted, [])


def comments_of(text: str, path: str = "<invoer>") -> list[Comment]:
    """The comments of a source that parses (for tests and the safety net)."""
    tree, tokens, _ = parse_with_comments(text, path)
    return collect(text, tokens)[1] if tree is not None else []


def difference(text: str, tree: Tree[Token], comments: list[Comment], formatted: str, path: str
               ) -> str | None:
    """What the formatted text lost or changed, if anything.

    The formatted text must parse to the same tree, token for token (up to the spelling of numbers
    and operators, which the formatter normalises), and have the same comments in the same order.
    The same tree means the same IR; the tests check that too, on the IR itself (see `verify.shape`).
    """
    new_tree, new_tokens, problems = parse_with_comments(formatted, path, positions=False)
    if new_tree is None:
        detail = problems[0].message if problems else ""
        return f"de opgemaakte tekst is niet meer te lezen: {detail}"
    new_comments = collect(formatted, new_tokens)[1]
    if [c.text for c in comments] != [c.text for c in new_comments]:
        return "de opmerkingen zijn niet dezelfde gebleven"
    if list(signature(tree)) != list(signature(new_tree)):
        return "de opgemaakte tekst betekent iets anders dan het origineel"
    return None


def _internal(path: str, detail: str) -> Diagnostic:
    return error("RW999", f"interne fout in de formatter: {detail}", Span(path, 1, 1, 1, 2),
                 "dit is een fout in Regelwerk, niet in uw regels; het bestand is niet gewijzigd; "
                 "meld de fout met dit bestand")


__all__ = ["Formatted", "FormatterBug", "comments_of", "format_bytes", "format_text"]
