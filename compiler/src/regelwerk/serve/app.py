"""The Starlette application: the service's routes, the explorer, the error handlers and limits."""

from __future__ import annotations

import ipaddress
import json
import os
from pathlib import Path

import attrs
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

from regelwerk.serve import explorer, routes
from regelwerk.serve.catalog import Catalogus, load_catalog
from regelwerk.serve.errors import ApiFout, api_fout, http_fout, interne_fout


@attrs.frozen
class Instellingen:
    map: Path
    host: str = "127.0.0.1"
    schrijven: bool = False  # "Bewaar als test" writes rule files (only on a loopback host)
    max_verzoek: int = 1_000_000  # bytes in a request body
    max_reeks: int = 1000  # cases in one bereken-reeks
    cors: tuple[str, ...] = ()  # origins allowed to call the service from a browser; none by default

    @property
    def mag_schrijven(self) -> bool:
        return self.schrijven and is_loopback(self.host)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def create_app(instellingen: Instellingen, catalogus: Catalogus | None = None) -> Starlette:
    """The application over the regulations under `instellingen.map`."""
    middleware = []
    if instellingen.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(instellingen.cors),
                                     allow_methods=["GET", "POST"],
                                     allow_headers=["Content-Type"]))
    app = Starlette(
        routes=[*routes.ROUTES, *explorer.routes()],
        middleware=middleware,
        exception_handlers={ApiFout: api_fout, HTTPException: http_fout, Exception: interne_fout},
    )
    app.state.instellingen = instellingen
    app.state.catalogus = catalogus or load_catalog(instellingen.map)
    app.state.openapi = None
    return app


ENVIRONMENT = "REGELWERK_SERVE"  # the settings as JSON, for worker processes (`--workers`)


def to_environment(instellingen: Instellingen) -> str:
    return json.dumps({**attrs.asdict(instellingen), "map": str(instellingen.map)})


def from_environment() -> Starlette:
    """The application of `regelwerk serve --workers N`: each worker process builds its own, from
    the settings the command put in the environment (uvicorn --factory calls this)."""
    found = json.loads(os.environ[ENVIRONMENT])
    found["map"] = Path(found["map"])
    found["cors"] = tuple(found["cors"])
    return create_app(Instellingen(**found))
