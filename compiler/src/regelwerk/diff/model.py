"""What a diff reports: changes per definition, the outputs they can change, the two versions."""

from __future__ import annotations

from typing import Any

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.model import Annex
from regelwerk.diff.review import Retroactive, TestChange, TextChange

ADDED = "toegevoegd"
REMOVED = "verwijderd"
CHANGED = "gewijzigd"

SELF = ""  # the module of the regulation itself, whatever its name in either version

Node = tuple[str, str]  # (module, name); SELF for the regulation's own definitions


@attrs.frozen
class Change:
    kind: str  # a stable code for tools: regel-waarde, parameter-waarde-gewijzigd, rij-toegevoegd, ...
    text: str  # one line for people
    old: str | None = None
    new: str | None = None
    details: tuple[tuple[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"soort": self.kind, "tekst": self.text}
        if self.old is not None:
            out["oud"] = self.old
        if self.new is not None:
            out["nieuw"] = self.new
        for key, value in self.details:
            out[key] = value
        return out

    def detail(self, key: str) -> Any:
        return dict(self.details).get(key)


@attrs.frozen
class DefinitionDiff:
    module: str | None  # None for the regulation itself, else the used module
    name: str
    kind: str  # Regel, Parameter, ...
    status: str  # toegevoegd | verwijderd | gewijzigd
    old_number: int | None  # the place in the file (for tools); the annex prints no numbers
    new_number: int | None
    changes: tuple[Change, ...]
    reference: str | None = None  # the article it implements, as its reference names it

    @property
    def heading(self) -> str:
        """As the annex heads it: the title and the article, never a generated number."""
        title = dutch.noun(self.name).title
        if self.module is not None:
            return f"{self.kind} {title[:1].lower()}{title[1:]} (module {self.module})"
        return f"{title} [{self.reference}]" if self.reference else title

    def to_json(self) -> dict[str, Any]:
        return {
            "naam": self.name,
            "module": self.module,
            "soort": self.kind,
            "status": self.status,
            "artikel_oud": self.old_number,
            "artikel_nieuw": self.new_number,
            "verwijzing": self.reference,
            "wijzigingen": [c.to_json() for c in self.changes],
        }


@attrs.frozen
class Affected:
    output: str
    causes: tuple[str, ...]


@attrs.frozen
class Version:
    path: str
    revision: str | None  # as the user typed it: HEAD~1, main, a tag
    name: str
    title: str
    version: str | None
    commit: str | None = None  # the commit the revision named when the diff was made

    @property
    def label(self) -> str:
        if not self.revision:
            return self.path
        if self.commit and not self.commit.startswith(self.revision):
            return f"{self.path}@{self.revision} (commit {self.commit[:12]})"
        return f"{self.path}@{self.revision}"

    def to_json(self) -> dict[str, Any]:
        return {"bestand": self.path, "revisie": self.revision, "commit": self.commit,
                "regeling": self.name, "titel": self.title, "versie": self.version}


@attrs.frozen
class Report:
    old: Version
    new: Version
    header: tuple[Change, ...]
    definitions: tuple[DefinitionDiff, ...]
    inputs_added: tuple[str, ...]
    inputs_removed: tuple[str, ...]
    outputs_added: tuple[str, ...]
    outputs_removed: tuple[str, ...]
    affected: tuple[Affected, ...]
    old_annex: Annex
    new_annex: Annex
    retroactive: tuple[Retroactive, ...] = ()
    tests: tuple[TestChange, ...] = ()
    texts: tuple[TextChange, ...] = ()

    @property
    def equal(self) -> bool:
        """The same meaning and the same law text (tests may differ: they change no outcome)."""
        return not (self.header or self.definitions or self.inputs_added or self.inputs_removed
                    or self.outputs_added or self.outputs_removed or self.texts)

    def definition(self, name: str, module: str | None = None) -> DefinitionDiff | None:
        for found in self.definitions:
            if found.name == name and found.module == module:
                return found
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "oud": self.old.to_json(),
            "nieuw": self.new.to_json(),
            "gelijk": self.equal,
            "kop": [c.to_json() for c in self.header],
            "definities": [d.to_json() for d in self.definitions],
            "invoer": {"toegevoegd": list(self.inputs_added),
                       "verwijderd": list(self.inputs_removed)},
            "uitvoer": {"toegevoegd": list(self.outputs_added),
                        "verwijderd": list(self.outputs_removed)},
            "gevolgen": [{"uitvoer": a.output, "door": list(a.causes)} for a in self.affected],
            "terugwerkend": [r.to_json() for r in self.retroactive],
            "tests": [t.to_json() for t in self.tests],
            "artikelteksten": [t.to_json() for t in self.texts],
        }

