"""What an analyst probably meant: English or common wrong words, pasted typography, English notation.

The parser and the name check ask here for a "bedoelde u ..." before they fall back on listing what
the grammar accepts; the formatter and the editor's quick fixes use the same tables to repair.
"""

from __future__ import annotations

import re

# Words from other languages (or other rule tools) that have one Dutch keyword.
WRONG_KEYWORDS: dict[str, str] = {
    "rule": "regel",
    "rules": "regel",
    "input": "invoer",
    "inputs": "invoer",
    "output": "uitvoer",
    "outputs": "uitvoer",
    "table": "tabel",
    "choice": "keuze",
    "enum": "keuze",
    "record": "gegevens",
    "struct": "gegevens",
    "use": "gebruik",
    "import": "gebruik",
    "uses": "gebruik",
    "regulation": "regeling",
    "unless": "behalve als",
    "except": "behalve als",
    "behalve": "behalve als",
    "expect": "verwacht",
    "expected": "verwacht",
    "given": "gegeven",
    "from": "vanaf",
    "since": "vanaf",
    "if": "als",
    "when": "als",
    "then": "dan",
    "else": "anders",
    "otherwise": "anders",
    "and": "en",
    "or": "of",
    "not": "niet",
    "true": "ja",
    "false": "nee",
    "yes": "ja",
    "no": "nee",
    "date": "peildatum",
    "until": "tot",
    "to": "tot",
    "min": "minimum van",
    "max": "maximum van",
    "sum": "som van",
    "count": "aantal",
}

# Type names of programming languages and their Dutch type.
WRONG_TYPES: dict[str, str] = {
    "boolean": "ja/nee",
    "bool": "ja/nee",
    "booleaans": "ja/nee",
    "integer": "aantal",
    "int": "aantal",
    "geheel": "aantal",
    "decimal": "getal",
    "float": "getal",
    "double": "getal",
    "number": "getal",
    "numeric": "getal",
    "money": "bedrag",
    "amount": "bedrag",
    "currency": "bedrag",
    "euro": "bedrag",
    "percent": "percentage",
    "date": "datum",
    "duration": "duur",
    "list": "lijst van ...",
}

# Regelwerk has no text type: a value from a fixed set is a choice.
TEXT_TYPES = frozenset({"string", "str", "text", "tekst"})

# Typography a word processor puts in, and what Regelwerk reads instead.
CURLY_QUOTES = frozenset("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb")
ODD_SPACES = frozenset("\u00a0\u202f\u2007\u2009")


def keyword_suggestion(word: str, accepted: set[str] | frozenset[str] | None = None) -> str | None:
    """The Dutch keyword for `word`, if it is a known wrong one (and, given `accepted`, fits)."""
    dutch = WRONG_KEYWORDS.get(word.lower())
    if dutch is None:
        return None
    if accepted is not None and dutch.split()[0] not in accepted:
        return None
    return dutch


def type_hint(word: str) -> str | None:
    """A hint for a type name from a programming language: `boolean` -> use ja/nee."""
    lowered = word.lower()
    if lowered in WRONG_TYPES:
        return f"bedoelde u '{WRONG_TYPES[lowered]}'? De types van Regelwerk zijn Nederlands"
    if lowered in TEXT_TYPES:
        return ("Regelwerk kent geen teksttype; een waarde uit een vaste reeks is een keuze "
                "('keuze soort: a, b')")
    return None


def character_hint(char: str) -> str | None:
    if char in CURLY_QUOTES:
        return ("dit is een gekruld aanhalingsteken (uit een tekstverwerker); vervang het door een "
                "recht \" (regelwerk fmt en de snelle reparatie in de editor doen dat)")
    if char in ODD_SPACES:
        return ("dit is een vaste of smalle spatie (uit een tekstverwerker); vervang ze door een "
                "gewone spatie (regelwerk fmt en de snelle reparatie in de editor doen dat)")
    return None


_TYPOGRAPHY = re.compile("[" + "".join(sorted(CURLY_QUOTES | ODD_SPACES)) + "]")


def repair_typography(text: str) -> str:
    """Curly quotes -> straight quotes and odd spaces -> spaces, outside texts, references,
    comments and the verbatim lines of an article text (`> ...`, the law as published, hard spaces
    included): what the formatter and the quick fix do before anything else."""
    if _TYPOGRAPHY.search(text) is None:
        return text
    out: list[str] = []
    state = "code"  # code | string | curly | reference | comment | verbatim
    blank = True  # only spaces so far on this line
    for char in text:
        if char == "\n":
            state = "code"
            blank = True
            out.append(char)
            continue
        if state == "code" and blank and char == ">":
            state = "verbatim"
        blank = blank and char == " "
        if state == "code":
            if char in CURLY_QUOTES:
                state = "curly"
                out.append('"')
                continue
            if char in ODD_SPACES:
                out.append(" ")
                continue
            if char == '"':
                state = "string"
            elif char == "[":
                state = "reference"
            elif char == "#":
                state = "comment"
        elif state == "curly":
            if char in CURLY_QUOTES:
                state = "code"
                out.append('"')
                continue
            if char == '"':
                out.append('\\"')
                continue
        elif state == "string" and char == '"' and not _escaped(out):
            state = "code"
        elif state == "reference" and char == "]":
            state = "code"
        out.append(char)
    return "".join(out)


def _escaped(out: list[str]) -> bool:
    count = 0
    for char in reversed(out):
        if char != "\\":
            break
        count += 1
    return count % 2 == 1


_ENGLISH_MONEY = re.compile(r"€\s*([0-9]{1,3}),(000)$")


def english_separator(money: str) -> str | None:
    """For `€ 32,000`: the amount the analyst probably meant (`€ 32.000`), else None.

    A comma followed by three zeros is a thousands separator in English notation: nobody writes
    thirty-two euros as `€ 32,000`. Other amounts with three decimals (a tariff of `€ 946,532`, or
    `€ 26.819,424` grouped with a point) are Dutch notation on purpose and are left alone.
    """
    match = _ENGLISH_MONEY.match(money.strip())
    if match is None:
        return None
    return f"€ {match.group(1)}.{match.group(2)}"
