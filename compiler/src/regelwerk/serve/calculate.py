"""One calculation request -> the answer, or the refusal with every problem at once.

A request is `{"peildatum": "2026-03-01", "invoer": {...}, "uitleg": false, "uitvoer": [...]}`.
The request's own fields are checked here; the input is read by the regulation's generated module
(which collects every wrong field into one InvoerFout). When the peildatum is wrong too, the input
is still read (on the first day of the regulation) so that the answer names every problem."""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any

import attrs

from regelwerk import runtime
from regelwerk.runtime import InvoerFout
from regelwerk.serve.catalog import Regeling
from regelwerk.serve.errors import invoer_fout, onbekend_fout, reken_fout
from regelwerk.serve.notation import normalise

VELDEN = ("peildatum", "invoer", "uitleg", "uitvoer")


@attrs.frozen
class Verzoek:
    """A request whose own fields are right (the input is still the module's to judge)."""

    peildatum: datetime.date
    invoer: Any
    uitleg: bool
    uitvoer: tuple[str, ...] | None


@attrs.frozen
class Antwoord:
    status: int
    document: dict[str, Any]


def read_request(regeling: Regeling, document: object) -> Verzoek | Antwoord:
    """The request, or the 422 answer that lists every problem (of the request and the input)."""
    module = regeling.module
    if not isinstance(document, Mapping):
        return _refused([InvoerFout("verzoek", "verwacht een object met peildatum en invoer")])
    problems: list[InvoerFout] = []
    for key in document:
        if key not in VELDEN:
            problems.append(InvoerFout(str(key), "hoort niet in het verzoek; bekend zijn: "
                                       + ", ".join(VELDEN)))
    day: datetime.date | None = None
    if "peildatum" not in document:
        problems.append(InvoerFout("peildatum", "ontbreekt"))
    else:
        day = _collect(problems, lambda: runtime.lees_peildatum(
            document["peildatum"], module.GELDIG_VANAF, module.GELDIG_TOT))
    explain = document.get("uitleg", False)
    if not isinstance(explain, bool):
        shown = json.dumps(explain, default=str)[:60]
        problems.append(InvoerFout("uitleg", f"verwacht true of false, gekregen {shown}"))
    wanted: tuple[str, ...] | None = None
    if "uitvoer" in document:
        wanted = _collect(problems, lambda: runtime.uitvoer_namen(document["uitvoer"],
                                                                  regeling.uitvoer_namen))
    invoer = normalise(module.INVOER_SCHEMA, document.get("invoer"))
    if "invoer" not in document:
        problems.append(InvoerFout("invoer", "ontbreekt"))
    elif problems:
        try:  # read (and check the eisen of) the input too, on a valid day if need be
            module.bereken_deel(invoer, day or _first_day(regeling), regeling.uitvoer_namen[:1])
        except module.InvoerFout as exc:
            problems.append(exc)
        except module.RekenFout:
            pass  # the input is right
    if problems or day is None:
        return _refused(problems)
    return Verzoek(day, invoer, explain is True, wanted)


def calculate(regeling: Regeling, document: object) -> Antwoord:
    """The answer to one request: 200 with the outputs, or 422 with the refusal."""
    request = read_request(regeling, document)
    if isinstance(request, Antwoord):
        return request
    module = regeling.module
    try:
        if request.uitvoer is None:
            result = module.bereken(request.invoer, request.peildatum)
        else:
            result = module.bereken_deel(request.invoer, request.peildatum, request.uitvoer)
        answer: dict[str, Any] = {"regeling": regeling.naam,
                                  "peildatum": request.peildatum.isoformat()}
        answer.update(result.naar_json(request.uitleg))
    # The module's own error classes: its runtime may be a copy beside it, not this package's.
    except module.InvoerFout as exc:
        return _refused([exc])
    except module.OnbekendeWaarde as exc:
        return Antwoord(422, onbekend_fout(exc))
    except module.RekenFout as exc:
        return Antwoord(422, reken_fout(exc))
    except ArithmeticError:
        # A number beyond the 34 significant digits of exact arithmetic (`1e40` written out): the
        # input's fault, so a 422, never a 500.
        return Antwoord(422, {"fout": "reken", "melding": "een getal in de invoer of de "
                              "berekening is te groot om exact mee te rekenen (34 cijfers)"})
    answer.setdefault("voorlopig", [])
    return Antwoord(200, answer)


def _collect(problems: list[InvoerFout], read: Any) -> Any:
    try:
        return read()
    except InvoerFout as exc:
        problems.append(exc)
        return None


def _first_day(regeling: Regeling) -> datetime.date:
    first: datetime.date | None = regeling.module.GELDIG_VANAF
    return first or datetime.date(2000, 1, 1)


def _refused(problems: list[InvoerFout]) -> Antwoord:
    return Antwoord(422, invoer_fout(InvoerFout.samen(problems)))
