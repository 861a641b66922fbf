"""What the passes share: the module, the modules it uses, and the tables they fill in."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from regelwerk.core import nodes as c
from regelwerk.ir import nodes as ir
from regelwerk.ir.types import Type


@attrs.frozen
class Target:
    """What a name refers to.

    kind: invoer | parameter | regel | tabel | keuze | gegevens | keuzewaarde | element
    module: the module that defines it; name: the definition (or the choice value);
    element: the bound member (`kind`) for a field of a member or a `regel per kind`;
    fields: record fields read after it (`partner.inkomen`).
    """

    kind: str
    module: str
    name: str
    element: str | None = None
    fields: tuple[str, ...] = ()
    choice: str | None = None  # for a keuzewaarde: the keuze it belongs to


@attrs.define
class Context:
    module: ir.Module
    used: Mapping[str, ir.Module] = attrs.field(factory=dict)
    strict: bool = False
    targets: dict[ir.Name, Target] = attrs.field(factory=dict)
    types: dict[Any, Type] = attrs.field(factory=dict)  # expression or definition -> type
    element_types: dict[str, str] = attrs.field(factory=dict)  # rule per x -> record name x
    # The module and what it uses in core IR, for the passes that run after the lowering.
    core: c.Program | None = None

    def modules(self) -> Iterator[ir.Module]:
        yield self.module
        yield from self.used.values()

    def find(self, module: str, name: str, kind: type | None = None) -> ir.Definition | None:
        """The definition `name` of `module`; with `kind`, the first of that class."""
        source = self.module if module == self.module.name else self.used.get(module)
        if source is None:
            return None
        if kind is None:
            return source.definition(name)
        return next((d for d in source.definitions if d.name == name and isinstance(d, kind)),
                    None)

    def definition_of(self, target: Target) -> ir.Definition | None:
        return self.find(target.module, target.name)
