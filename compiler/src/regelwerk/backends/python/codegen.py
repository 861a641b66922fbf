"""The core IR of one regulation -> the source of its Python module.

The module's layout: docstring, imports, metadata, types (TypedDicts for input and output), the
constants that describe kinds of values and tables, the JSON Schemas, `bereken` and `bereken_json`,
and then one function per input read, parameter, table and rule, in the order of the rule files.
"""

from __future__ import annotations

import ast
import datetime
import io
import tokenize
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import PurePath

from regelwerk import __version__, runtime
from regelwerk.backends.python import kinds as k
from regelwerk.backends.python import printer
from regelwerk.backends.python.expressions import (
    AND,
    CMP,
    COND,
    OR,
    Compiler,
    Py,
    Scope,
    chain,
    column_soorten,
    is_constant,
    is_quiet,
)
from regelwerk.backends.python.model import (
    Key,
    Plan,
    member_type,
    output_definition,
    output_type,
    plan,
)
from regelwerk.backends.python.names import constant, is_plain
from regelwerk.backends.python.printer import Chain, Concat, Doc, Group, render, text
from regelwerk.core import nodes as c
from regelwerk.core.visitor import walk
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

Lines = list[str]


# What every generated module exports besides its own names: the documented exceptions.
EXCEPTIONS = ("InvoerFout", "RekenFout", "OnbekendeWaarde")


def generate(program: c.Program) -> str:
    """The source of the module for a regulation (the core IR of it and the modules it uses)."""
    assert program.main.kind == "regeling"
    return ModuleWriter(program).source()


class ModuleWriter:
    def __init__(self, program: c.Program) -> None:
        self.program = program
        self.module = program.main
        self.plan: Plan = plan(program)
        self.kinds = k.Kinds(self.plan)
        self.tables: dict[Key, tuple[str, Doc]] = {}  # table -> its rt.Tabel constant
        self.soorten_parameter = self._tables_called_with_other_kinds()

    def source(self) -> str:
        functions = self.functions()  # first: they decide which constants the module needs
        body = "\n".join([*self.metadata(), *self.types(), *self.constants(), *self.schemas(),
                          *self.entry_points(), *functions])
        code = "\n".join([*self.header(), *self.imports(body), body]) + "\n"
        ast.parse(code)  # a generator bug, not a user error, if this fails
        return code

    # ---------------------------------------------------------- top of the module
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

    # ---------------------------------------------------------- types
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

    def output(self, name: str) -> c.Input | c.Parameter | c.Table | c.Rule:
        found = next(o for o in self.module.outputs if o.name == name)
        return output_definition(self.program, found)

    def output_type(self, name: str) -> t.Type:
        return output_type(self.program, next(o for o in self.module.outputs if o.name == name))

    def output_annotation(self, name: str) -> str:
        return self.kinds.annotation(self.output_type(name))

    # ---------------------------------------------------------- constants and schemas
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

    def table_constant(self, module: str, name: str) -> Doc:
        table = self.plan.find(module, name)
        assert isinstance(table, c.Table)
        columns = [printer.tuple_of([printer.string(column.name), text(s)]) for column, s in
                   zip(table.inputs, column_soorten(self.kinds, table))]
        args: list[Doc] = [printer.string(table.name), printer.tuple_of(columns),
                           text(self.kinds.soort(table.type))]
        if table.first_hit:
            args.append(text("eerste_treffer=True"))
        return printer.call("rt.Tabel", args)

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

    # ---------------------------------------------------------- bereken, bereken_json
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

    # ---------------------------------------------------------- one function per definition
    def functions(self) -> Lines:
        lines: Lines = []
        for definition in self.plan.definitions:
            if isinstance(definition, c.Input):
                lines += self.input_function(definition)
            elif isinstance(definition, c.Parameter):
                lines += self.parameter_function(definition)
            elif isinstance(definition, c.Table):
                lines += self.table_function(definition)
            else:
                lines += self.rule_function(definition)
        for output in self.module.outputs:
            if output.per_member:
                lines += self.per_member_function(output)
        if self.has_requirements():
            lines += self.requirements_function()
        return lines

    def per_member_function(self, output: c.Output) -> Lines:
        """A `regel per kind` as an output: the rule for each member of the list, in order."""
        rule = self.output(output.name)
        assert isinstance(rule, c.Rule) and rule.per is not None
        (members,) = self.program.member_lists(rule)  # the checker sees to exactly one
        type_ = c.per_member_type(rule)
        name = self.plan.per_member[(rule.module, rule.name)]
        call = printer.call("rt.per_lid", [
            text("r"), printer.string(rule.name), text(self.kinds.soort(type_)),
            _optional(rule.source.reference), text(self.plan.identifier(rule.module, rule.name)),
            text(f"r.invoer[{printer.literal(members.name)}]")])
        doc = [f"Uitvoer {rule.name}: {type_.describe()}, voor elk lid van {members.name} in "
               "hun volgorde.", rule.source.label or ""]
        return _function(None, text(f"def {name}(r: _Rekening) -> "
                                    f"{self.kinds.annotation(type_)}:"),
                         [render(call, 4, "return ")], doc)

    def has_requirements(self) -> bool:
        return any(d.requirements for d in self.plan.inputs)

    def requirements_function(self) -> Lines:
        """`_eisen(r)`: every `eis` of the inputs, in the order of the rules, as the interpreter."""
        signature = text("def _eisen(r: _Rekening) -> None:")

        def build(compiler: Compiler) -> tuple[Doc, Lines]:
            # rt.eisen((lambda: condition, veld, melding), ...): every eis not met in one InvoerFout
            checks: list[Doc] = []
            for definition in self.plan.inputs:
                for requirement in definition.requirements:
                    condition = compiler.wrap(requirement.condition, {}, COND)
                    message = runtime.eis_melding(requirement.description)
                    checks.append(printer.tuple_of([Concat((text("lambda: "), condition)),
                                                    printer.string(definition.name),
                                                    printer.string(message)]))
            return signature, [render(printer.call("rt.eisen", checks), 4)]

        return _function(None, *self.compiled(build),
                         ["De eisen aan de invoer, in de volgorde van de regels: een InvoerFout "
                          "met elke eis die niet klopt."])

    def compiled(self, build: Callable[[Compiler], tuple[Doc, Lines]]) -> tuple[Doc, Lines]:
        """Build a function twice: the second time its locals avoid the module names it reads."""
        first = Compiler(self.plan, self.kinds, Scope(set()))
        build(first)
        return build(Compiler(self.plan, self.kinds, Scope(first.reads)))

    def input_function(self, definition: c.Input) -> Lines:
        name = self.plan.identifier(definition.module, definition.name)
        type_ = definition.type
        winner = next((d for d in self.plan.inputs if d.name == definition.name), None)
        annotation = self.kinds.annotation(winner.type if winner else type_)
        decorator = printer.call("rt.invoer", [
            printer.string(definition.name), text(self.kinds.soort(type_)),
            _optional(definition.source.reference), _optional(definition.source.label)])
        if winner is None:  # an input of a module used by a used module: the interpreter lacks it
            body = [render(printer.call("rt.RekenFout", [printer.string(
                f"invoer {definition.name} ontbreekt")]), 4, "raise ")]
        else:
            body = [f"    return r.invoer[{printer.literal(definition.name)}]"]
        return _function(decorator, text(f"def {name}(r: _Rekening) -> {annotation}:"), body,
                         _summary("Invoer", definition.name, type_, definition.source.reference))

    def parameter_function(self, definition: c.Parameter) -> Lines:
        name = self.plan.identifier(definition.module, definition.name)
        type_ = definition.type

        signature = text(f"def {name}(r: _Rekening, dag: datetime.date) -> "
                         f"rt.Geldig[{self.kinds.annotation(type_)}]:")

        def build(compiler: Compiler) -> tuple[Doc, Lines]:
            compiler.parameter_day = "dag"
            body: Lines = []
            for value in _in_force_order(definition.values):
                assert isinstance(value, c.DatedValue)
                if value.value is None:
                    assert value.valid_from is not None  # the grammar dates every `onbekend`
                    body.append(f"    if dag >= {self.kinds.date(value.valid_from)}:")
                    body.append(render(self.unknown("parameter", definition.name, value), 8,
                                       "raise "))
                    continue
                reference = value.reference or definition.source.reference
                args = [compiler.compile(value.value, {}).doc, _optional(reference)]
                if value.valid_from is not None:
                    args.append(printer.Concat((text("vanaf="), printer.string(
                        value.valid_from.isoformat()))))
                if value.provisional is not None:
                    args.append(Concat((text("voorlopig="), printer.string(value.provisional.reason))))
                geldig = printer.call("rt.Geldig", args)
                if value.valid_from is None:
                    body.append(render(geldig, 4, "return "))
                    return signature, body
                body.append(f"    if dag >= {self.kinds.date(value.valid_from)}:")
                body.append(render(geldig, 8, "return "))
            body.append(render(printer.call("r.geen_parameterwaarde", [
                printer.string(definition.name), text("dag")]), 4, "raise "))
            return signature, body

        decorator = printer.call("rt.parameter", [printer.string(definition.name),
                                                  text(self.kinds.soort(type_))])
        doc = _summary("Parameter", definition.name, type_, definition.source.reference,
                       definition.source.label)
        return _function(decorator, *self.compiled(build), doc)

    def unknown(self, kind: str, name: str, dated: c.DatedValue | c.TableVersion) -> Doc:
        """`rt.OnbekendeWaarde(...)`: the value is `onbekend` from this date on."""
        assert dated.unknown is not None
        when = text(self.kinds.date(dated.valid_from)) if dated.valid_from else text("None")
        return printer.call("rt.OnbekendeWaarde", [
            printer.string(kind), printer.string(name), when,
            printer.string(dated.unknown.reason)])

    def rule_function(self, rule: c.Rule) -> Lines:
        name = self.plan.identifier(rule.module, rule.name)
        type_ = rule.type
        annotation = self.kinds.annotation(type_)
        if rule.body.terms:
            annotation = f"{annotation} | rt.Uitzondering[{annotation}]"
        args: list[Doc] = [printer.string(rule.name), text(self.kinds.soort(type_)),
                           _optional(rule.body.base_reference or rule.source.reference)]
        if rule.arguments:
            args.append(Concat((text("argumenten="), printer.tuple_of([
                printer.tuple_of([printer.string(a.name), text(self.kinds.soort(a.type))])
                for a in rule.arguments]))))
        decorator = printer.call(
            "rt.regel_per" if rule.per else "rt.regel_met" if rule.arguments else "rt.regel", args)
        what = "Regel" if rule.per is None else f"Regel per {rule.per}"
        doc = _summary(what, rule.name, type_, rule.source.reference, rule.source.label)
        exceptions = [f"[{term.reference}]" for term in _by_priority(rule.body.terms)
                      if term.reference is not None]
        if exceptions:
            doc.append("Uitzonderingen: " + ", ".join(exceptions) + ".")

        def build(compiler: Compiler) -> tuple[Doc, Lines]:
            members: dict[str, str] = {}
            params = [text("r: _Rekening")]
            if rule.per is not None:
                record = member_type(rule)
                members[rule.per] = compiler.scope.local(rule.per)
                params.append(text(f"{members[rule.per]}: {self.plan.records[record]}"))
            for argument in rule.arguments:
                members[argument.name] = compiler.scope.parameter(argument.name)
                annotation_of = self.kinds.annotation(argument.type)
                params.append(text(f"{members[argument.name]}: {annotation_of}"))
            signature = Concat((text(f"def {name}"), Group("(", tuple(params), ")"),
                                text(f" -> {annotation}:")))
            return signature, self.rule_body(compiler, rule, members)

        return _function(decorator, *self.compiled(build), doc)

    def rule_body(self, compiler: Compiler, rule: c.Rule, members: dict[str, str]) -> Lines:
        """The exceptions by descending priority, then the base value. Exceptions of one priority
        apply together: two of them at once is a RekenFout."""
        base = rule.body.base
        assert base is not None, "a rule without a value is an error the checker reports"
        body: Lines = []
        exceptions = _by_priority(rule.body.terms)
        together = len(exceptions) > 1 and not rule.body.ordered
        # the lowering gives exceptions one priority each, or all the same one
        assert together or len({e.priority for e in exceptions}) == len(exceptions) or \
            len(exceptions) <= 1
        if together:
            cases = [printer.tuple_of([compiler.compile(e.condition, members).doc,
                                       printer.string(e.reference or f"regel {e.span.line}")])
                     for e in exceptions]
            body.append(render(printer.call("rt.uitzonderingen", [printer.string(rule.name),
                                                                  *cases]), 4, "gelden = "))
        for index, exception in enumerate(exceptions, start=1):
            if together:
                body.append(f"    if gelden == {index}:")
            else:
                body.append(render(compiler.compile(exception.condition, members).doc, 4, "if ", ":"))
            reference = exception.reference or rule.source.reference
            value = compiler.compile(exception.value, members).doc
            body.append(render(printer.call("rt.Uitzondering", [value, _optional(reference)]), 8,
                               "return "))
        body.append(render(compiler.compile(base, members).doc, 4, "return "))
        return body

    # ---------------------------------------------------------- tables
    def table_function(self, table: c.Table) -> Lines:
        module = table.module
        name = self.plan.identifier(module, table.name)
        result = self.kinds.annotation(table.type)
        columns = [column.type for column in table.inputs]
        doc = _summary("Tabel", table.name, None, table.source.reference, table.source.label)
        if table.first_hit:
            doc.append("Eerste treffer: van de rijen die passen, geldt de eerste.")

        def build(compiler: Compiler) -> tuple[Doc, Lines]:
            params = [compiler.scope.parameter(column.name) for column in table.inputs]
            docs = [text("r: _Rekening")] + [text(f"{p}: {self.kinds.annotation(ty)}")
                                             for p, ty in zip(params, columns)]
            soorten: list[Doc] = []
            if (module, table.name) in self.soorten_parameter:  # a call passes other kinds
                docs.append(text("soorten: tuple[rt.Soort, ...] | None = None"))
                soorten = [text("soorten=soorten")]
            signature = Concat((text(f"def {name}"), Group("(", tuple(docs), ")"),
                                text(f" -> {result}:")))
            return signature, self.table_body(compiler, table, params, soorten)

        return _function(None, *self.compiled(build), doc)

    def table_body(self, compiler: Compiler, table: c.Table, params: list[str],
                   soorten: list[Doc]) -> Lines:
        constant = self.table_constant_name(table.module, table.name)
        body: Lines = []
        for version in _in_force_order(table.versions):
            assert isinstance(version, c.TableVersion)
            indent = 4
            if version.valid_from is not None:
                body.append(f"    if r.peildatum >= {self.kinds.date(version.valid_from)}:")
                indent = 8
            if version.unknown is not None:
                body.append(render(self.unknown("tabel", table.name, version), indent, "raise "))
                if version.valid_from is None:
                    return body
                continue
            extra = list(soorten)
            if version.valid_from is not None:
                extra.insert(0, Concat((text("vanaf="), printer.string(
                    version.valid_from.isoformat()))))
            look_up = [text(constant), printer.tuple_of([text(p) for p in params])]
            body += self.rows(compiler, table, version, params, indent, look_up, extra)
            if version.valid_from is None:
                return body
        body.append(render(printer.call("r.geen_tabelversie", [printer.string(table.name)]), 4,
                           "raise "))
        return body

    def rows(self, compiler: Compiler, table: c.Table, version: c.TableVersion,
             params: list[str], indent: int, look_up: list[Doc], extra: list[Doc]) -> Lines:
        """`rij = r.rij(tabel, (argumenten), (tests per row))`, then the result of each row."""
        pad = " " * indent
        conditions = printer.tuple_of([self.row_condition(compiler, row, params)
                                       for row in version.rows])
        quiet = all(is_quiet(cell) for row in version.rows for cell in row.cells)
        lines: Lines = []
        if not quiet:  # the interpreter leaves the steps of matching rows out of the explanation
            lines.append(f"{pad}with r.apart():")
            lines.append(render(conditions, indent + 4, "treffers = "))
            conditions = text("treffers")
        found = "rij = " if len(version.rows) > 1 else ""  # one row: it must match, that is all
        lines.append(render(printer.call("r.rij", [*look_up, conditions, *extra]), indent, found))
        for number, row in enumerate(version.rows, start=1):
            last = number == len(version.rows)
            inner = indent if last else indent + 4
            if not last:
                lines.append(f"{pad}if rij == {number}:")
            value = compiler.compile(row.result, {}).doc
            if not is_quiet(row.result):
                lines.append(" " * inner + "with r.apart():")
                lines.append(render(value, inner + 4, "waarde = "))
                value = text("waarde")
            args = [value, _optional(row.reference or version.reference or table.source.reference)]
            if row.provisional is not None:
                args.append(printer.string(row.provisional.reason))
            elif version.provisional is not None:
                args.append(Concat((text("versie_voorlopig="),
                                    printer.string(version.provisional.reason))))
            lines.append(render(printer.call("r.uitkomst", args), inner, "return "))
        return lines

    def row_condition(self, compiler: Compiler, row: c.Row, params: list[str]) -> Doc:
        tests = [self.cell_test(compiler, cell, param) for cell, param in zip(row.cells, params)]
        present = [test for test in tests if test is not None]
        if not present:
            return text("True")
        combined = present[0]
        for test in present[1:]:
            combined = chain(combined, "and", _at_least(test, AND + 1), AND)
        return combined.doc

    def cell_test(self, compiler: Compiler, cell: c.Cell, param: str) -> Py | None:
        """The test of one cell on its column's argument; None for n.v.t."""
        if isinstance(cell, c.AnyCell):
            return None
        arg = text(param)
        if isinstance(cell, c.RangeCell):
            return Py(self.range_test(compiler, cell, arg), CMP)
        if isinstance(cell, c.CompareCell):
            op = {"=": "==", "≠": "!="}.get(cell.op, {"≤": "<=", "≥": ">="}.get(cell.op, cell.op))
            return Py(Chain(arg, ((op, compiler.wrap(cell.value, {}, CMP + 1)),)), CMP)
        assert isinstance(cell, c.ValueCell)
        values = cell.values
        docs = [compiler.wrap(v, {}, CMP + 1) for v in values]
        is_bool = [isinstance(v, c.Const) and isinstance(v.value, bool) for v in values]
        if len(values) > 1 and all(is_constant(v) for v in values):
            return Py(Chain(arg, (("in", printer.tuple_of(docs)),)), CMP)
        tests = [Py(Chain(arg, (("is" if b else "==", d),)), CMP) for d, b in zip(docs, is_bool)]
        combined = tests[0]
        for test in tests[1:]:
            combined = chain(combined, "or", test.doc, OR)
        return combined

    @staticmethod
    def range_test(compiler: Compiler, cell: c.RangeCell, arg: Doc) -> Doc:
        """`lower <= x < upper`: the lower bound first, the upper only if that holds."""
        lower = compiler.wrap(cell.lower, {}, CMP + 1) if cell.lower is not None else None
        upper = compiler.wrap(cell.upper, {}, CMP + 1) if cell.upper is not None else None
        below = "<=" if cell.upper_inclusive else "<"
        if lower is None:
            assert upper is not None
            return Chain(arg, ((below, upper),))
        above = "<=" if cell.lower_inclusive else "<"
        if upper is None:
            return Chain(arg, ((">=" if cell.lower_inclusive else ">", lower),))
        return Chain(lower, ((above, arg), (below, upper)))

    def table_constant_name(self, module: str, name: str) -> str:
        key = (module, name)
        if key not in self.tables:
            identifier = self.plan.identifier(module, name)
            doc = self.table_constant(module, name)  # claims the kinds it uses first
            self.tables[key] = (self.kinds.namespace.claim(constant(identifier)), doc)
        return self.tables[key][0]

    def _tables_called_with_other_kinds(self) -> set[Key]:
        """Tables some call site passes arguments of another kind than the columns (as shown)."""
        found: set[Key] = set()
        for definition in self.plan.definitions:
            for node in walk(definition):
                if not isinstance(node, c.TableLookup):
                    continue
                table = self.plan.find(node.module, node.name)
                assert isinstance(table, c.Table)
                given = tuple(self.kinds.soort(a.type)  # type: ignore[attr-defined]
                              for a in node.args)
                if given != column_soorten(self.kinds, table):
                    found.add((node.module, node.name))
        return found


# ------------------------------------------------------------------ helpers


def _function(decorator: Doc | None, signature: Doc, body: Lines, doc: list[str]) -> Lines:
    lines = ["", ""]
    if decorator is not None:
        lines.append(render(decorator, 0, "@"))
    lines.append(render(signature, 0))
    lines += printer.docstring(doc, "    ")
    return lines + body


def _summary(what: str, name: str, type_: t.Type | None, reference: str | None,
             label: str | None = None) -> list[str]:
    described = f": {type_.describe()}" if type_ is not None else ""
    article = f" [{reference}]" if reference is not None else ""
    return [f"{what} {name}{described}{article}.", label or ""]


def _optional(value: str | None) -> Doc:
    return printer.string(value) if value is not None else text("None")


def _by_priority(terms: Sequence[c.Term]) -> list[c.Term]:
    """Exceptions by descending priority; of one priority, in the order of the rule."""
    return sorted(terms, key=lambda term: -term.priority)


def _at_least(py: Py, prec: int) -> Doc:
    return py.doc if py.prec >= prec else printer.parenthesized(py.doc)


def _in_force_order(items: Sequence[c.DatedValue | c.TableVersion]
                    ) -> Iterator[c.DatedValue | c.TableVersion]:
    """Latest first, as the peildatum selects them; a value no peildatum can select is left out."""
    ordered = sorted(items, key=lambda i: i.valid_from or datetime.date.min)
    seen: set[datetime.date | None] = set()
    for item in reversed(ordered):
        if item.valid_from in seen:
            continue
        seen.add(item.valid_from)
        yield item
        if item.valid_from is None:
            return


def _isort_key(name: str) -> tuple[int, str]:
    """As isort orders names: CONSTANTS, then Classes, then the rest."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def _names_in_code(code: str) -> set[str]:
    """The names a piece of Python code uses (strings and comments left out)."""
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    return {token.string for token in tokens if token.type == tokenize.NAME}

