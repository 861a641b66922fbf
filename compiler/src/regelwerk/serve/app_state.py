"""What every endpoint reads from the application: its settings and its regulations."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from regelwerk.serve.catalog import Catalogus, Regeling
from regelwerk.serve.errors import ApiFout


def settings(request: Request) -> Any:
    return request.app.state.instellingen


def catalog(request: Request) -> Catalogus:
    found: Catalogus = request.app.state.catalogus
    return found


def regeling_named(request: Request, naam: object) -> Regeling:
    """The regulation by its name in the catalog (a name never becomes a path), or 404."""
    found = catalog(request).get(naam) if isinstance(naam, str) else None
    if found is None:
        known = ", ".join(catalog(request).regelingen) or "geen"
        shown = naam[:100] if isinstance(naam, str) else "(geen naam)"
        raise ApiFout(404, "niet-gevonden", f"er is geen regeling '{shown}'; bekend zijn: {known}")
    return found
