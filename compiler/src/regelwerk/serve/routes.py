"""The endpoints of the calculation service. Calculations are short and CPU-bound: they run in the
event loop, and parallelism comes from several worker processes (`uvicorn --workers`)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from regelwerk.serve.app_state import catalog, regeling_named, settings
from regelwerk.serve.calculate import calculate
from regelwerk.serve.catalog import Regeling
from regelwerk.serve.errors import ApiFout, json_response, read_json
from regelwerk.serve.openapi import input_schema, openapi


def regeling(request: Request) -> Regeling:
    return regeling_named(request, request.path_params["naam"])


async def gezond(request: Request) -> Response:
    return json_response({"status": "ok", "regelingen": len(catalog(request).regelingen)})


async def regelingen(request: Request) -> Response:
    return json_response([r.beschrijving() for r in catalog(request).regelingen.values()])


async def een_regeling(request: Request) -> Response:
    return json_response(regeling(request).beschrijving())


async def schema(request: Request) -> Response:
    found = regeling(request)
    return json_response({"invoer": input_schema(found), "uitvoer": found.module.UITVOER_SCHEMA})


async def bereken(request: Request) -> Response:
    found = regeling(request)
    document = await read_json(request, settings(request).max_verzoek)
    answer = calculate(found, document)
    return json_response(answer.document, answer.status)


async def bereken_reeks(request: Request) -> Response:
    found = regeling(request)
    limit = settings(request).max_reeks
    document = await read_json(request, settings(request).max_verzoek)
    cases = document.get("gevallen") if isinstance(document, dict) else None
    if not isinstance(cases, list) or set(document) != {"gevallen"}:
        raise ApiFout(422, "invoer", "verwacht {\"gevallen\": [...]}, een lijst van verzoeken",
                      problemen=[{"veld": "gevallen", "melding": "verwacht een lijst van "
                                  "verzoeken en verder niets"}])
    if len(cases) > limit:
        raise ApiFout(413, "te-groot", f"hoogstens {limit} gevallen per reeks, gekregen "
                      f"{len(cases)}")
    return json_response({"resultaten": [calculate(found, case).document for case in cases]})


async def openapi_json(request: Request) -> Response:
    cached = request.app.state.openapi
    if cached is None:
        cached = request.app.state.openapi = openapi(catalog(request),
                                                     settings(request).max_reeks)
    return json_response(cached)


ROUTES = [
    Route("/gezond", gezond, methods=["GET"]),
    Route("/openapi.json", openapi_json, methods=["GET"]),
    Route("/regelingen", regelingen, methods=["GET"]),
    Route("/regelingen/{naam}", een_regeling, methods=["GET"]),
    Route("/regelingen/{naam}/schema", schema, methods=["GET"]),
    Route("/regelingen/{naam}/bereken", bereken, methods=["POST"]),
    Route("/regelingen/{naam}/bereken-reeks", bereken_reeks, methods=["POST"]),
]
