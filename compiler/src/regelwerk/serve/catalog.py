"""The regulations the service calculates with: every `regeling` in the rule files under a folder,
each with its generated module built in memory.

A regulation is found only by its name in this catalog: a name from a request never becomes a
path, so no request can reach a file outside the folder."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import attrs

from regelwerk.backends.python.loading import compiled_module
from regelwerk.diagnostics import render
from regelwerk.pipeline import CheckedModule, load


class CatalogusFout(Exception):
    """The rule files under the folder have errors: the service does not start."""


@attrs.frozen
class Regeling:
    naam: str
    module: types.ModuleType
    checked: CheckedModule
    bestand: Path  # the rule file, resolved

    @property
    def uitvoer_namen(self) -> tuple[str, ...]:
        properties: dict[str, Any] = self.module.UITVOER_SCHEMA["properties"]
        return tuple(properties)

    def beschrijving(self) -> dict[str, Any]:
        """What `GET /regelingen` says about the regulation."""
        m = self.module
        return {
            "naam": self.naam,
            "titel": m.TITEL,
            "versie": m.VERSIE,
            "geldig_vanaf": m.GELDIG_VANAF.isoformat() if m.GELDIG_VANAF else None,
            "geldig_tot": m.GELDIG_TOT.isoformat() if m.GELDIG_TOT else None,
            "bron": m.BRON,
            "invoer": list(m.INVOER_SCHEMA["properties"]),
            "uitvoer": list(self.uitvoer_namen),
        }


@attrs.frozen
class Catalogus:
    map: Path  # the folder, resolved
    regelingen: dict[str, Regeling]

    def get(self, naam: str) -> Regeling | None:
        return self.regelingen.get(naam)


def load_catalog(folder: str | Path) -> Catalogus:
    root = Path(folder).resolve()
    result = load([root])
    if not result.ok:
        shown = "\n\n".join(render(d, result.sources) for d in result.diagnostics if d.is_error)
        raise CatalogusFout(shown)
    found: dict[str, Regeling] = {}
    for checked in sorted(result.checked, key=lambda c: c.module.name):
        module = checked.module
        path = Path(module.path).resolve()
        if module.kind != "regeling" or not path.is_relative_to(root):
            continue
        if module.name in found:
            raise CatalogusFout(f"regeling {module.name} staat in {found[module.name].bestand} en "
                                f"in {path}; geef elke regeling een eigen naam")
        found[module.name] = Regeling(module.name, compiled_module(checked.core()), checked, path)
    return Catalogus(root, found)
