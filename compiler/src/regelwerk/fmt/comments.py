"""Comments and blank lines, found in the tokens of a source.

The grammar ignores comments, so the tree does not have them. A comment after code on the same line
is a `COMMENT` token; a comment on a line of its own is part of the text of the newline token `_NL`
that spans the empty and comment lines between two lines of code.
"""

from __future__ import annotations

import attrs
from lark import Token

from regelwerk.syntax.layout import TAB_WIDTH


@attrs.frozen
class Comment:
    text: str  # from `#` to the end of the line, without trailing white space
    position: int  # offset of the `#` in the source
    line: int  # 1-based
    column: int  # indentation in columns (a tab counts TAB_WIDTH), for an own-line comment
    own_line: bool  # on a line of its own (else it trails code)
    blank_before: bool  # an empty line separates it from what comes before it
    blank_after: bool  # an empty line separates it from what comes after it


def indent_width(text: str) -> int:
    return text.count(" ") + text.count("\t") * TAB_WIDTH


def collect(text: str, tokens: list[Token]) -> tuple[list[Token], list[Comment]]:
    """Split the tokens of a source into the significant ones and the comments between them."""
    significant: list[Token] = []
    comments: list[Comment] = []
    for token in tokens:
        if token.type == "COMMENT":
            start = token.start_pos or 0
            line_start = text.rfind("\n", 0, start) + 1
            before = text[line_start:start]
            own = not before.strip()
            comments.append(Comment(str(token).rstrip(), start, token.line or 1,
                                    indent_width(before), own, False, False))
        elif token.type == "_NL":
            comments.extend(_newline_comments(token))
        else:
            significant.append(token)
    _mark_blank_lines(text, comments)
    return significant, comments


def _newline_comments(token: Token) -> list[Comment]:
    found: list[Comment] = []
    offset = token.start_pos or 0
    line = token.line or 1
    segments = str(token).split("\n")
    position = offset + len(segments[0]) + 1
    for segment in segments[1:]:
        line += 1
        body = segment.lstrip(" \t")
        if body.startswith("#"):
            indent = segment[: len(segment) - len(body)]
            found.append(Comment(body.rstrip(), position + len(indent), line, indent_width(indent),
                                 True, False, False))
        position += len(segment) + 1
    return found


def _mark_blank_lines(text: str, comments: list[Comment]) -> None:
    for index, comment in enumerate(comments):
        if not comment.own_line:
            continue
        line_start = text.rfind("\n", 0, comment.position) + 1
        before = text.rfind("\n", 0, max(line_start - 1, 0))
        blank_before = line_start > 0 and not text[before + 1:line_start - 1].strip()
        line_end = text.find("\n", comment.position)
        blank_after = False
        if line_end >= 0:
            following = text.find("\n", line_end + 1)
            next_line = text[line_end + 1:following if following >= 0 else len(text)]
            blank_after = not next_line.strip() and following >= 0
        comments[index] = attrs.evolve(comment, blank_before=blank_before, blank_after=blank_after)
