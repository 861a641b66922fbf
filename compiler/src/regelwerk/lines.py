"""What a line break is: the lexer's definition, for every stage that splits or shows text.

The grammar ends a line at `\\n` (a `\\r` right before it belongs to the break) and nowhere else, and
Lark counts lines the same way. `str.splitlines` also breaks at a lone `\\r`, VT, FF, FS, GS, RS,
U+0085, U+2028 and U+2029: a diagnostic that used it would show another line than the one it names,
and a label holding one of them would start a new line in a Markdown annex, where a line start can
make a list item, a heading or a code block. So source text is split with `split_lines` only, and
text from a rule file that lands inside one line of output goes through `one_line`.
"""

from __future__ import annotations

import functools
import re

LINE_BREAK = "\n"

# What other programs (str.splitlines, Markdown renderers, editors) take for a line break.
OTHER_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

# Control characters (except tab), surrogates and Unicode noncharacters: never valid in HTML5 text.
_UNSAFE = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef"
                     + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                               for plane in range(17)) + "]")
_BREAKS = re.compile("[\n" + "".join(sorted(OTHER_BREAKS)) + "]+")


def split_lines(text: str) -> list[str]:
    """The lines of a source as the lexer counts them (line n is `split_lines(text)[n - 1]`)."""
    lines = text.split(LINE_BREAK)
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start another
    return [line[:-1] if line.endswith("\r") else line for line in lines]


@functools.lru_cache(maxsize=16)
def source_lines(text: str) -> tuple[str, ...]:
    """`split_lines`, kept for the last sources: every diagnostic of a file reads the same text."""
    return tuple(split_lines(text))


def one_line(text: str) -> str:
    """Text that stays on one line in any output: each run of line breaks (of any program's kind)
    becomes a space, and characters that no output may hold become U+FFFD."""
    return _UNSAFE.sub("\ufffd", _BREAKS.sub(" ", text))


def safe_text(text: str) -> str:
    """Text with its `\\n` line breaks kept, but nothing else that ends a line or breaks HTML."""
    return LINE_BREAK.join(one_line(part) for part in text.split(LINE_BREAK))
