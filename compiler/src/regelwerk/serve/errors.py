"""Every error the service gives has one JSON shape, and no error shows a traceback:

    {"fout": "invoer", "melding": "...", "problemen": [{"veld": "...", "melding": "..."}, ...]}

`fout` is a stable code: invoer (422: every wrong field in `problemen`), reken (422: the rules
define no result), onbekende-waarde (422: a value the regulation declares unknown), json (400),
niet-gevonden (404), methode (405), te-groot (413), schrijven-uit (403); for "Bewaar als test"
also test-kan-niet (422) and gewijzigd (409); intern (500, never caused by input). `problemen`
is there only for invoer."""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from regelwerk.runtime import FloatText, InvoerFout, OnbekendeWaarde, RekenFout

MAX_PROBLEMS = 200  # a list of a thousand wrong members is told by its first 200 problems

_HTTP_CODES = {404: "niet-gevonden", 405: "methode", 413: "te-groot", 403: "schrijven-uit",
               400: "json", 422: "invoer"}


class ApiFout(Exception):
    """An error answer: the HTTP status and the JSON document."""

    def __init__(self, status: int, fout: str, melding: str, **extra: Any) -> None:
        super().__init__(melding)
        self.status = status
        self.document: dict[str, Any] = {"fout": fout, "melding": melding, **extra}


def invoer_fout(exc: InvoerFout) -> dict[str, Any]:
    problems = [{"veld": veld, "melding": melding} for veld, melding in exc.problemen]
    count = len(problems)
    melding = "de invoer klopt niet" + (f" ({count} problemen)" if count > 1 else "")
    return {"fout": "invoer", "melding": melding, "problemen": problems[:MAX_PROBLEMS]}


def reken_fout(exc: RekenFout) -> dict[str, Any]:
    return {"fout": "reken", "melding": exc.melding}


def onbekend_fout(exc: OnbekendeWaarde) -> dict[str, Any]:
    return {"fout": "onbekende-waarde", "melding": exc.melding, "soort": exc.soort,
            "naam": exc.naam, "vanaf": exc.vanaf.isoformat() if exc.vanaf else None,
            "reden": exc.reden}


def loads(body: bytes) -> Any:
    """JSON with every number that has a fraction kept as text: a float never comes to be, and
    the reader refuses it by name."""
    try:
        return json.loads(body.decode("utf-8"), parse_float=FloatText, parse_constant=FloatText)
    except UnicodeDecodeError:
        raise ApiFout(400, "json", "het verzoek is geen UTF-8-tekst") from None
    except json.JSONDecodeError as exc:
        raise ApiFout(400, "json", f"geen geldige JSON: {exc.msg} (regel {exc.lineno}, kolom "
                      f"{exc.colno})") from None
    except RecursionError:
        raise ApiFout(400, "json", "de JSON is te diep genest") from None


async def read_json(request: Request, limit: int) -> Any:
    """The request body as JSON, read no further than `limit` bytes (413 beyond)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return loads(b"".join(chunks))


def _too_large(limit: int) -> ApiFout:
    return ApiFout(413, "te-groot", f"het verzoek is groter dan {limit} bytes")


def json_response(document: Any, status: int = 200) -> Response:
    return JSONResponse(document, status_code=status)


async def api_fout(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiFout)
    return json_response(exc.document, exc.status)


async def http_fout(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http")
    melding = {404: "deze pagina of regeling bestaat niet",
               405: "deze methode kan hier niet"}.get(exc.status_code, str(exc.detail))
    return JSONResponse({"fout": code, "melding": melding}, status_code=exc.status_code,
                        headers=exc.headers)


async def interne_fout(request: Request, exc: Exception) -> Response:
    """A bug in Regelwerk, never in the input: said without a traceback."""
    return json_response({"fout": "intern", "melding": "interne fout in Regelwerk; de invoer is "
                          "niet de oorzaak, meld dit met het verzoek"}, 500)
