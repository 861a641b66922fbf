"""The explanation of a result: which rules, table rows, parameter values and inputs produced it."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.define(eq=False)
class Uitleg:
    """One step of a calculation. `soort`: regel, invoer, parameter, tabel or lid."""

    soort: str
    naam: str
    waarde: str
    verwijzing: str | None = None
    toelichting: str | None = None
    kinderen: list[Uitleg] = attrs.field(factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"soort": self.soort, "naam": self.naam, "waarde": self.waarde}
        if self.verwijzing:
            out["verwijzing"] = self.verwijzing
        if self.toelichting:
            out["toelichting"] = self.toelichting
        if self.kinderen:
            out["kinderen"] = [child.to_json() for child in self.kinderen]
        return out


def render_tree(roots: list[Uitleg]) -> str:
    """As a tree, each step once; a step read again points back with '(zie boven)'."""
    lines: list[str] = []
    shown: set[int] = set()

    def line(node: Uitleg) -> str:
        text = f"{node.naam} = {node.waarde}"
        if node.toelichting:
            text += f"  ({node.toelichting})"
        text += f"  {node.soort}"
        if node.verwijzing:
            text += f" [{node.verwijzing}]"
        return text

    def walk(node: Uitleg, prefix: str, last: bool, top: bool) -> None:
        branch = "" if top else ("└─ " if last else "├─ ")
        again = id(node) in shown and node.kinderen
        lines.append(prefix + branch + line(node) + ("  (zie boven)" if again else ""))
        if again:
            return
        shown.add(id(node))
        inner = prefix + ("" if top else ("   " if last else "│  "))
        for index, child in enumerate(node.kinderen):
            walk(child, inner, index == len(node.kinderen) - 1, False)

    for root in roots:
        walk(root, "", True, True)
    return "\n".join(lines)
