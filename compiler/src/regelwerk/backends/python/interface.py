"""The part of a generated module a service sees: its docstring and imports, the metadata, the
TypedDicts of input and output, the constants that describe kinds of values, the JSON Schemas, and
the entry points `bereken`, `bereken_deel`, `bereken_gedeeltelijk` and `bereken_json`.
"""

from __future__ import annotations

import datetime
import io
import tokenize
from collections.abc import Mapping
from pathlib import PurePath

from regelwerk import __version__
from regelwerk.backends.python import kinds as k
from regelwerk.backends.python import printer
from regelwerk.backends.python.model import output_type
from regelwerk.backends.python.names import is_plain
from regelwerk.backends.python.printer import Concat, Doc, Group, render, text
from regelwerk.backends.python.writer import Lines, WriterBase
from regelwerk.ir import types as t

RUNTIME = "regelwerk_runtime"
DOCS = "docs/ontwikkelaars/inbedden.md"

IMPORTS = (
    ("datetime", "import datetime"),
    ("Callable", "from collections.abc import Callable"),
    ("Mapping", "from collections.abc import Mapping"),
    ("Sequence", "from collections.abc import Sequence"),
    ("Decimal", "from decimal import Decimal"),
    ("TYPE_CHECKING", "from typing import TYPE_CHECKING"),
    ("Final", "from typing import Final"),
    ("Literal", "from typing import Literal"),
    ("NotRequired", "from typing import NotRequired"),
    ("TypeAlias", "from typing import TypeAlias"),
    ("TypedDict", "from typing import TypedDict"),
)

# What every generated module exports besides its own names: the documented exceptions.
EXCEPTIONS = ("InvoerFout", "RekenFout", "OnbekendeWaarde")


class InterfaceWriter(WriterBase):
    def header(self) -> Lines:
        title = self.module.title or self.module.name
        version = f" (versie {self.module.version})" if self.module.version else ""
        lines = printer.docstring([
            f"{title}: de berekening van de regeling {self.module.name}{version}.",
            f"Gegenereerd door regelwerk {__version__} uit {PurePath(self.module.path).name}; "
            "niet met de hand wijzigen, maar de regels aanpassen en `regelwerk build` uitvoeren. "
            f"Gebruik: bereken(invoer, peildatum), bereken_deel(invoer, peildatum, uitvoer), "
            f"bereken_gedeeltelijk(invoer, peildatum) of bereken_json(verzoek); zie {DOCS}.",
        ], "")
        return [*lines, "", "from __future__ import annotations", ""]

    def imports(self, body: str) -> Lines:
        used = _names_in_code(body) | {"TYPE_CHECKING"}
        lines = sorted({line for name, line in IMPORTS if name in used})
        straight = [line for line in lines if line.startswith("import ")]
        merged: dict[str, list[str]] = {}
        for line in lines:
            if line.startswith("from "):
                module, _, name = line[5:].partition(" import ")
                merged.setdefault(module, []).append(name)
        froms = [f"from {m} import {', '.join(sorted(ns, key=_isort_key))}"
                 for m, ns in sorted(merged.items())]
        return [*straight, *froms, "",
                "if TYPE_CHECKING or not __package__:  # beside this module, or in the same package",
                f"    import {RUNTIME} as rt",
                "else:",
                f"    from . import {RUNTIME} as rt"]

    def metadata(self) -> Lines:
        module = self.module
        lines = ["", "",
                 render(Group("[", tuple(printer.string(n) for n in self.exported()), "]"), 0,
                        "__all__ = "),
                 "",
                 *(f"{name} = rt.{name}" for name in EXCEPTIONS),
                 "",
                 render(printer.string(module.name), 0, "REGELING: Final = "),
                 self._optional_text("TITEL", module.title),
                 self._optional_text("VERSIE", module.version),
                 self._optional_date("GELDIG_VANAF", module.valid_from),
                 self._optional_date("GELDIG_TOT", module.valid_until) + "  # tot: exclusief",
                 self._optional_text("BRON", module.bron),
                 render(printer.string(__version__), 0, "COMPILER_VERSIE: Final = ")]
        return lines

    def exported(self) -> list[str]:
        """The module's public names: what a service calls, types its data with and catches."""
        types = [name for record in self.plan.records
                 for name in (self.plan.records[record], self.plan.record_inputs[record])]
        return ["bereken", "bereken_deel", "bereken_gedeeltelijk", "bereken_json", "Invoer", "Uitvoer",
                *self.plan.choices.values(), *types, "INVOER_SCHEMA", "UITVOER_SCHEMA", "REGELING",
                "TITEL", "VERSIE", "GELDIG_VANAF", "GELDIG_TOT", "BRON", "COMPILER_VERSIE",
                *EXCEPTIONS]

    @staticmethod
    def _optional_text(name: str, value: str | None) -> str:
        if value is None:
            return f"{name}: Final[str | None] = None"
        return render(printer.string(value), 0, f"{name}: Final[str | None] = ")

    @staticmethod
    def _optional_date(name: str, value: datetime.date | None) -> str:
        code = printer.date_literal(value) if value is not None else "None"
        return f"{name}: Final[datetime.date | None] = {code}"

    def types(self) -> Lines:
        lines: Lines = []
        for choice, alias in self.plan.choices.items():
            values = Group("[", tuple(printer.string(v) for v in choice.values), "]")
            lines += ["", "", render(Concat((text("Literal"), values)), 0, f"{alias}: TypeAlias = ")]
        for record, name in self.plan.records.items():
            label = f"Gegevens {record.name}: exacte waarden."
            lines += self.typed_dict(name, label, [(n, self.kinds.annotation(f)) for n, f in
                                                   record.fields])
            defaults = dict(record.defaults)  # a field with a default may be left out
            lines += self.typed_dict(self.plan.record_inputs[record],
                                     f"Gegevens {record.name} zoals een dienst ze aanlevert.",
                                     [(n, f"NotRequired[{self.kinds.input_annotation(f)}]"
                                       if n in defaults else self.kinds.input_annotation(f))
                                      for n, f in record.fields])
        inputs = [(d.name, d.type) for d in self.plan.inputs]
        lines += self.typed_dict("Invoer", f"De invoer van {self.module.name}, zoals een dienst "
                                 "die aanlevert (bedragen als tekst, bijv. \"1450.50\").",
                                 [(n, self.kinds.input_annotation(ty)) for n, ty in inputs])
        lines += self.typed_dict("Uitvoer", f"De uitvoer van {self.module.name}: exacte waarden.",
                                 [(n, self.output_annotation(n)) for n in self.output_names()])
        lines += self.typed_dict("_Gelezen", "De invoer na controle: exacte waarden.",
                                 [(n, self.kinds.annotation(ty)) for n, ty in inputs])
        lines += ["", "", "_Rekening: TypeAlias = rt.Rekening[_Gelezen]"]
        return lines

    def typed_dict(self, name: str, doc: str, fields: list[tuple[str, str]]) -> Lines:
        if all(is_plain(n) and not n.startswith("__") for n, _ in fields):
            lines = ["", "", f"class {name}(TypedDict):", *printer.docstring([doc], "    ")]
            return lines + [f"    {n}: {annotation}" for n, annotation in fields]
        items = tuple(Concat((printer.string(n), text(f": {a}"))) for n, a in fields)
        call = printer.call("TypedDict", [printer.string(name), Group("{", items, "}")])
        return ["", "", render(call, 0, f"{name} = ")]

    def output_names(self) -> list[str]:
        return [output.name for output in self.module.outputs]

    def output_type(self, name: str) -> t.Type:
        return output_type(self.program, next(o for o in self.module.outputs if o.name == name))

    def output_annotation(self, name: str) -> str:
        return self.kinds.annotation(self.output_type(name))

    def constants(self) -> Lines:
        inputs = [printer.tuple_of([printer.string(d.name),
                                      text(self.kinds.soort(d.type))])
                  for d in self.plan.inputs]
        outputs = [Concat((printer.string(n), text(": "), text(self.output_soort(n))))
                   for n in self.output_names()]
        lines: Lines = [""]
        for (code, _), name in self.kinds.values.items():
            lines.append(f"{name}: Final = {code}")
        for name, doc in self.kinds.constants.values():
            lines.append(render(doc, 0, f"{name}: Final = "))
        for name, doc in self.tables.values():
            lines.append(render(doc, 0, f"{name}: Final = "))
        lines.append(render(printer.call("rt.Invoervelden", [printer.tuple_of(inputs)]), 0,
                            "_INVOER: Final = "))
        lines.append(render(Group("{", tuple(outputs), "}"), 0,
                            "_UITVOER: Final[dict[str, rt.Soort]] = "))
        return lines

    def output_soort(self, name: str) -> str:
        return self.kinds.soort(self.output_type(name))

    def schemas(self) -> Lines:
        inputs = {d.name: k.input_schema(d.type, d.source.label) for d in self.plan.inputs}
        outputs = {}
        for name in self.output_names():
            definition = self.output(name)
            outputs[name] = k.output_schema(self.output_type(name), definition.source.label)
        return [
            "", render(k.data(self.schema(f"Invoer van {self.module.name}", inputs)), 0,
                       "INVOER_SCHEMA: Final[dict[str, object]] = "),
            "", render(k.data(self.schema(f"Uitvoer van {self.module.name}", outputs)), 0,
                       "UITVOER_SCHEMA: Final[dict[str, object]] = "),
        ]

    @staticmethod
    def schema(title: str, properties: Mapping[str, object]) -> dict[str, object]:
        return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title,
                "type": "object", "properties": properties, "required": list(properties),
                "additionalProperties": False}

    def entry_points(self) -> Lines:
        name = self.module.name
        lines = ["", "", "def bereken(invoer: Mapping[str, object], peildatum: datetime.date | str"
                 ") -> rt.Resultaat[Uitvoer]:",
                 *printer.docstring([
                     f"Bereken de uitvoer van {name} voor één invoer op de peildatum.",
                     "InvoerFout als de invoer of de peildatum niet klopt (de melding noemt het veld), "
                     "RekenFout als de regels voor deze invoer geen uitkomst bepalen.",
                 ], "    "),
                 "    dag = rt.lees_peildatum(peildatum, GELDIG_VANAF, GELDIG_TOT)",
                 "    with rt.exact():",
                 "        r: _Rekening = rt.Rekening(dag, _INVOER.lees(invoer))",
                 *(["        _eisen(r)"] if self.has_requirements() else []),
                 "        return r.resultaat(_uitvoer(r), _UITVOER, _uitvoer)"]
        lines += ["", "", "def bereken_deel(",
                  "    invoer: Mapping[str, object], peildatum: datetime.date | str, uitvoer: Sequence[str]",
                  ") -> rt.Resultaat[dict[str, object]]:",
                  *printer.docstring([
                      "Bereken alleen de genoemde uitvoer (in de volgorde van de regeling). Wat daar "
                      "niet voor nodig is, wordt niet berekend: een onbekende waarde die alleen een "
                      "andere uitvoer nodig heeft, stopt deze berekening niet.",
                      "InvoerFout ook als een naam geen uitvoer is (het veld heet dan 'uitvoer').",
                  ], "    "),
                  "    regels = rt.deel_van(uitvoer, _uitvoer_regels())",
                  "    dag = rt.lees_peildatum(peildatum, GELDIG_VANAF, GELDIG_TOT)",
                  "    with rt.exact():",
                  "        r: _Rekening = rt.Rekening(dag, _INVOER.lees(invoer))",
                  *(["        _eisen(r)"] if self.has_requirements() else []),
                  "        return r.resultaat(regels(r), _UITVOER, regels)"]
        lines += self.partial_entry_point()
        lines += ["", "", "def bereken_json(verzoek: str) -> str:",
                  *printer.docstring([
                      "Reken met JSON: {\"peildatum\": \"2026-03-01\", \"invoer\": {...}, \"uitleg\": "
                      "false, \"uitvoer\": [...]} -> {\"uitvoer\": {...}, \"voorlopig\": [...], "
                      "\"uitleg\": [...]}; bedragen als tekst; zonder \"uitvoer\" alle uitvoer; met "
                      "\"gedeeltelijk\": true alles wat berekend kan worden, en onder \"onbekend\" de "
                      "reden van de rest.",
                  ], "    "),
                  "    return rt.bereken_json(verzoek, bereken, bereken_deel, bereken_gedeeltelijk)"]
        items = tuple(Concat((printer.string(n), text(": "), self.output_value(n)))
                      for n in self.output_names())
        lines += ["", "", "def _uitvoer(r: _Rekening) -> Uitvoer:",
                  *printer.docstring(["Elke uitvoer, in de volgorde van de regeling; ook om ze "
                                      "opnieuw te berekenen voor de uitleg."], "    "),
                  render(Group("{", items, "}"), 4, "return ")]
        functions = tuple(Concat((printer.string(n), text(": "), self.output_function(n)))
                          for n in self.output_names())
        lines += ["", "", "def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:",
                  *printer.docstring(["De functie van elke uitvoer, voor bereken_deel."], "    "),
                  render(Group("{", functions, "}"), 4, "return ")]
        return lines

    def partial_entry_point(self) -> Lines:
        """`bereken_gedeeltelijk`: every output that does not need an unknown value."""
        return ["", "", "def bereken_gedeeltelijk(",
                "    invoer: Mapping[str, object], peildatum: datetime.date | str, "
                "uitvoer: Sequence[str] | None = None",
                ") -> rt.GedeeltelijkResultaat:",
                *printer.docstring([
                    "Bereken elke uitvoer (of de genoemde) die berekend kan worden. Een uitvoer die "
                    "een onbekende waarde nodig heeft (onbekend in de regels), ontbreekt in "
                    "resultaat.uitvoer; resultaat.onbekend geeft per zo'n uitvoer de reden.",
                    "InvoerFout en RekenFout zoals bij bereken.",
                ], "    "),
                "    regels = rt.Gedeeltelijk(_uitvoer_regels(), uitvoer)",
                "    dag = rt.lees_peildatum(peildatum, GELDIG_VANAF, GELDIG_TOT)",
                "    with rt.exact():",
                "        r: _Rekening = rt.Rekening(dag, _INVOER.lees(invoer))",
                *(["        _eisen(r)"] if self.has_requirements() else []),
                "        return rt.gedeeltelijk_resultaat(r, regels, _UITVOER)"]

    def output_function(self, name: str) -> Doc:
        definition = self.output(name)
        key = (definition.module, definition.name)
        return text(self.plan.per_member.get(key) or self.plan.identifier(*key))

    def output_value(self, name: str) -> Doc:
        return Concat((self.output_function(name), text("(r)")))


def _isort_key(name: str) -> tuple[int, str]:
    """As isort orders names: CONSTANTS, then Classes, then the rest."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def _names_in_code(code: str) -> set[str]:
    """The names a piece of Python code uses (strings and comments left out)."""
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    return {token.string for token in tokens if token.type == tokenize.NAME}
