"""Python identifiers for names from a rule file: valid, stable, and unable to clash or inject.

A DSL name is any run of Unicode word characters that does not start with a digit. Python accepts most
of those as identifiers, but not all, and it NFKC-normalizes what it accepts (`ﬁ` becomes `fi`). A name
is used unchanged when it is an identifier that NFKC leaves alone, is no keyword or builtin, does not
start with an underscore (reserved for the generator) and does not clash with a name the generated
code needs; otherwise it is changed in a readable, deterministic way (`class` -> `class_`). Clashes
left after that get a number (`inkomen_2`) in the order the names are claimed.
"""

from __future__ import annotations

import builtins
import keyword
import sys
import unicodedata
from collections.abc import Iterable

# Names that would read wrongly (E741) or that the generated code itself uses.
AMBIGUOUS = frozenset({"l", "O", "I"})
BUILTINS = frozenset(dir(builtins))
STDLIB_MODULES = frozenset(sys.stdlib_module_names)


def is_valid(name: str) -> bool:
    """Is `name` an identifier that Python reads back unchanged (NFKC leaves it alone)?"""
    return name.isidentifier() and unicodedata.is_normalized("NFKC", name)


def is_plain(name: str) -> bool:
    """Can `name` be written as is: a valid identifier and no keyword?"""
    return is_valid(name) and not keyword.iskeyword(name)


def base_identifier(name: str) -> str:
    """A valid identifier for a DSL name, as close to it as possible (not yet free of clashes)."""
    text = unicodedata.normalize("NFKC", name)
    if not text.isidentifier():
        text = "".join(c if ("a" + c).isidentifier() else f"_{ord(c):x}_" for c in text)
        if not text[:1].isidentifier():
            text = "n" + text
    if text.startswith("_"):
        text = "n" + text
    if not is_valid(text):  # the escapes above leave only ASCII and kept letters; be certain
        text = "n" + "".join(c if c.isascii() and (c.isalnum() or c == "_") else f"_{ord(c):x}"
                             for c in name)
    return text


def capitalized(identifier: str) -> str:
    """`huisgenoot` -> `Huisgenoot`, for the name of a type; unchanged when that would not be valid."""
    candidate = identifier[:1].upper() + identifier[1:]
    return candidate if is_plain(candidate) else identifier


def constant(identifier: str) -> str:
    """`bedrag per maand` kinds and tables as module constants: `_BEDRAG_PER_MAAND`."""
    candidate = "_" + identifier.upper()
    return candidate if is_plain(candidate) else "_" + identifier


class Namespace:
    """One scope of the generated module: claims names in order, never the same one twice."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self.taken: set[str] = set(reserved) | BUILTINS | AMBIGUOUS
        self.claimed: set[str] = set()  # what `claim` handed out (and the bases it was asked for)

    def is_free(self, name: str) -> bool:
        return name not in self.taken

    def claim(self, candidate: str) -> str:
        """Reserve `candidate`, or `candidate_` / `candidate_2`, ... when it is taken."""
        assert is_valid(candidate), candidate
        self.claimed.add(candidate)
        if keyword.iskeyword(candidate) or not self.is_free(candidate):
            candidate = candidate + "_"
        name, number = candidate, 2
        while not self.is_free(name):
            name = f"{candidate}{number}"
            number += 1
        self.taken.add(name)
        self.claimed.add(name)
        return name


def module_file_name(regeling: str, taken: Iterable[str]) -> str:
    """The file name (without .py) of a regulation's module: importable, no standard module, and
    unlike the others also on a file system that ignores case."""
    used = {name.casefold() for name in (*taken, *STDLIB_MODULES, "regelwerk_runtime", "regelwerk")}
    base = base_identifier(regeling)
    if keyword.iskeyword(base) or base.casefold() in used:
        base += "_"
    name, number = base, 2
    while name.casefold() in used:
        name = f"{base}{number}"
        number += 1
    return name
