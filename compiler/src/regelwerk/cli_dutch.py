"""Click's own words (usage, errors, help headings) in Dutch.

Click translates through gettext and binds `_`/`ngettext` per module at import. Shipping a compiled
catalogue would need a locale set by the user; instead `install()` rebinds those two names in
click's modules to a table lookup, once, before the command runs. A message missing from the table
stays English, so a newer click degrades gracefully.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import click

MESSAGES: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Missing argument": "Argument ontbreekt:",
    "Missing option": "Optie ontbreekt:",
    "Missing parameter": "Parameter ontbreekt:",
    "Missing {param_type}": "Ontbreekt: {param_type}",
    "Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "Missing command.": "Geen opdracht gegeven.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Aborted!": "Afgebroken.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan niet worden gelezen.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan niet worden geschreven.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
}

PLURALS: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})", "Onverwachte extra argumenten ({args})"),
    "Option {name!r} requires an argument.": (
        "Optie {name!r} vraagt een waarde.", "Optie {name!r} vraagt {nargs} waarden."),
    "{value!r} is not {choice}.": ("{value!r} is niet {choice}.", "{value!r} is niet een van {choices}."),
    "Did you mean {possibility}?": ("Bedoelde u {possibility}?", "(Bedoelde u een van: {possibilities}?)"),
    "Takes {nargs} values but 1 was given.": (
        "Neemt {nargs} waarden, maar er is 1 gegeven.", "Neemt {nargs} waarden, maar er zijn {len} gegeven."),
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    dutch = PLURALS.get(singular)
    if dutch is None:
        return singular if count == 1 else plural
    return dutch[0] if count == 1 else dutch[1]


def name_metavars(group: click.Group) -> None:
    """`Gebruik: regelwerk check [OPTIES] PADEN...` instead of click's English placeholders."""
    group.options_metavar = "[OPTIES]"
    group.subcommand_metavar = "OPDRACHT [ARGUMENTEN]..."
    for command in group.commands.values():
        command.options_metavar = "[OPTIES]"
        for param in command.params:
            if isinstance(param, click.Argument) and param.metavar is None:
                param.metavar = METAVARS.get(param.name or "", None)


# Argument names as the usage line shows them.
METAVARS = {"paths": "PADEN...", "path": "PAD", "old": "OUD", "new": "NIEUW"}


def install() -> None:
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        replacements: dict[str, Callable[..., str]] = {"_": gettext, "ngettext": ngettext}
        for attribute, function in replacements.items():
            if hasattr(module, attribute):
                setattr(module, attribute, function)
