"""The scenario explorer (/verkenner): one HTML page, its script and style from the package, and
the two write endpoints of "Bewaar als test".

The page builds its form from the input schema in the browser, with text nodes only: a label from
a rule file is never markup. Its Content-Security-Policy allows no inline script or style.

Writing exists only with --schrijven on a loopback host. A web page elsewhere cannot make the
browser write for it: a write needs a JSON body and the header X-Regelwerk (both need a CORS
preflight, which the service does not grant unless configured), and its Origin and Host must be
the service's own loopback address (no DNS rebinding)."""

from __future__ import annotations

from urllib.parse import urlsplit

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from regelwerk import __version__
from regelwerk.serve import testblock
from regelwerk.serve.app_state import catalog, regeling_named, settings
from regelwerk.serve.calculate import Antwoord, Verzoek, calculate, read_request
from regelwerk.serve.errors import ApiFout, json_response, read_json

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self'; form-action 'none'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

_templates = jinja2.Environment(loader=jinja2.PackageLoader("regelwerk.serve", "templates"),
                                autoescape=True, undefined=jinja2.StrictUndefined)


async def page(request: Request) -> Response:
    html = _templates.get_template("verkenner.html.j2").render(
        schrijven=settings(request).mag_schrijven, versie=__version__)
    return HTMLResponse(html, headers=SECURITY_HEADERS)


def _may_write(request: Request) -> None:
    if not settings(request).mag_schrijven:
        raise ApiFout(403, "schrijven-uit", "bewaren als test kan alleen met regelwerk serve "
                      "--schrijven op een loopback-adres")
    host = request.headers.get("host", "")
    hostname = urlsplit(f"//{host}").hostname or ""
    origin = request.headers.get("origin")
    if (request.headers.get("x-regelwerk") != "verkenner"
            or not request.headers.get("content-type", "").startswith("application/json")
            or hostname not in ("127.0.0.1", "localhost", "::1")
            or (origin is not None and urlsplit(origin).netloc != host)):
        raise ApiFout(403, "schrijven-uit", "alleen de verkenner op dit adres mag bewaren")


async def _request(request: Request) -> tuple[dict[str, object], Verzoek]:
    document = await read_json(request, settings(request).max_verzoek)
    if not isinstance(document, dict):
        raise ApiFout(422, "invoer", "verwacht een object", problemen=[
            {"veld": "verzoek", "melding": "verwacht een object"}])
    found = regeling_named(request, document.get("regeling"))
    calculation = {k: document[k] for k in ("peildatum", "invoer", "uitvoer") if k in document}
    answer = calculate(found, calculation)  # only a case the service answers can be a test
    if answer.status != 200:
        raise ApiFout(answer.status, **answer.document)
    read = read_request(found, calculation)
    assert not isinstance(read, Antwoord)
    return document, read


async def voorstel(request: Request) -> Response:
    _may_write(request)
    document, read = await _request(request)
    found = regeling_named(request, document.get("regeling"))
    proposal = testblock.propose(catalog(request), found, read, document.get("naam"))
    return json_response(proposal.naar_json())


async def bewaar(request: Request) -> Response:
    _may_write(request)
    document, read = await _request(request)
    found = regeling_named(request, document.get("regeling"))
    saved = testblock.save(catalog(request), found, read, document.get("naam"),
                           document.get("basis"), document.get("resultaat"))
    return json_response({"bestand": saved.bestand, "bewaard": True})


def routes() -> list[BaseRoute]:
    return [
        Route("/verkenner", page, methods=["GET"]),
        Route("/verkenner/test/voorstel", voorstel, methods=["POST"]),
        Route("/verkenner/test/bewaar", bewaar, methods=["POST"]),
        Mount("/verkenner/static", StaticFiles(packages=[("regelwerk.serve", "static")]),
              name="static"),
    ]
