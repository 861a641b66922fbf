""""Bewaar als test": a calculation from the explorer written as a `test` block into its rule file.

The block gives every input and expects the outcome the interpreter (the reference semantics)
computes now; the file is printed by the formatter, checked, and the new test run, before the
analyst sees the diff. Saving writes exactly what was shown: the request carries the hash of the
file it was shown for and of the result, and a file changed in between is refused.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import attrs

from regelwerk.fmt import format_text
from regelwerk.interpret.evaluator import Interpreter, evaluate
from regelwerk.interpret.testing import run_test
from regelwerk.interpret.values import show
from regelwerk.ir import types as t
from regelwerk.pipeline import load_text
from regelwerk.runtime import OnbekendeWaarde
from regelwerk.serve.calculate import Verzoek
from regelwerk.serve.catalog import Catalogus, Regeling
from regelwerk.serve.errors import ApiFout

_NAME = re.compile(r"[^\"\\\x00-\x1f\x7f]{1,120}")


@attrs.frozen
class Voorstel:
    bestand: str  # relative to the served folder
    voor: str
    na: str

    @property
    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.voor.splitlines(keepends=True),
                                            self.na.splitlines(keepends=True),
                                            fromfile=self.bestand, tofile=self.bestand))

    def naar_json(self) -> dict[str, Any]:
        return {"bestand": self.bestand, "diff": self.diff, "basis": digest(self.voor),
                "resultaat": digest(self.na)}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rule_file(catalog: Catalogus, regeling: Regeling) -> str:
    """The regulation's rule file, only if it is a .rw file under the served folder."""
    path = regeling.bestand.resolve()
    if path.suffix != ".rw" or not path.is_relative_to(catalog.map) or not path.is_file():
        raise ApiFout(403, "schrijven-uit", "het regelbestand ligt niet onder de map van de dienst")
    return str(path)


def propose(catalog: Catalogus, regeling: Regeling, request: Verzoek, name: object) -> Voorstel:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ApiFout(422, "invoer", "de naam van de test klopt niet", problemen=[{
            "veld": "naam", "melding": "geef 1 tot 120 tekens, zonder aanhalingstekens, "
                                       "backslash of regeleinde"}])
    path = rule_file(catalog, regeling)
    with open(path, encoding="utf-8", newline="") as handle:
        before = handle.read()
    block = test_block(regeling, request, name)
    display = os.path.relpath(path, catalog.map)
    formatted = format_text(before.rstrip("\n") + "\n\n" + block, display)
    if formatted.text is None:
        raise _cannot(formatted.diagnostics[0].message if formatted.diagnostics else "")
    after = formatted.text
    _check(after, display, path, name)
    return Voorstel(display, before, after)


def save(catalog: Catalogus, regeling: Regeling, request: Verzoek, name: object,
         basis: object, resultaat: object) -> Voorstel:
    proposal = propose(catalog, regeling, request, name)
    if basis != digest(proposal.voor) or resultaat != digest(proposal.na):
        raise ApiFout(409, "gewijzigd", "het bestand is veranderd sinds het voorstel; bekijk het "
                      "verschil opnieuw")
    path = rule_file(catalog, regeling)
    folder = os.path.dirname(path)
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".rw.tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(proposal.na)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return proposal


def test_block(regeling: Regeling, request: Verzoek, name: str) -> str:
    checked = regeling.checked
    program = checked.core()
    types = {i.name: i.type for i in program.inputs()}
    lines = [f'test "{name}"', f"  peildatum {request.peildatum.isoformat()}"]
    if types:
        lines.append("  gegeven")
        values = Interpreter(program, request.peildatum).read_inputs(request.invoer)
        for input_name, type_ in types.items():
            lines.extend(_given(input_name, values[input_name], type_))
    lines.append("  verwacht")
    names = list(request.uitvoer or regeling.uitvoer_namen)
    for output in names:
        try:
            outcome = evaluate(checked, request.invoer, request.peildatum, outputs=[output])
            shown = show(outcome.uitvoer[output], outcome.types[output])
        except OnbekendeWaarde:
            shown = "onbekend"
        lines.append(f"    {output} = {shown}")
    return "\n".join(lines) + "\n"


def _given(name: str, value: Any, type_: t.Type) -> list[str]:
    if isinstance(type_, t.ListType):
        if not value:
            return [f"    {name} = geen"]
        fields = type_.element.fields
        members = []
        for member in value:
            if any(isinstance(field, t.ListType) for _, field in fields):
                raise _cannot("een lid met een lijst in zich kan niet in een test")
            members.append("      - " + ", ".join(f"{f} = {show(member[f], ft)}" for f, ft in fields))
        return [f"    {name}:", *members]
    return [f"    {name} = {show(value, type_)}"]


def _check(text: str, display: str, path: str, name: str) -> None:
    """The file with the new test must pass the checks, and the new test must pass."""
    loaded = load_text(text, display, file=Path(path))
    if not loaded.ok or not loaded.checked:
        first = next((d for d in loaded.diagnostics if d.is_error), None)
        raise _cannot(first.message if first else "het bestand klopt niet")
    checked = loaded.checked[0]
    tests = [test for test in checked.module.tests if test.name == name]
    if len(tests) != 1:
        raise _cannot(f"er is al een test met de naam \"{name}\"")
    outcome = run_test(checked, tests[0])
    if not outcome.passed:
        raise _cannot(outcome.error or "; ".join(f"{m.name}: verwacht {m.expected}, berekend "
                                                 f"{m.actual}" for m in outcome.mismatches))


def _cannot(reason: str) -> ApiFout:
    return ApiFout(422, "test-kan-niet", f"deze berekening kan niet als test worden bewaard: {reason}")
