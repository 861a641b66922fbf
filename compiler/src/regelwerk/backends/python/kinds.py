"""Types of the rule language as the generated module writes them.

For each type: the runtime `Soort` that reads, shows and writes its values (a module constant such as
`_BEDRAG_PER_MAAND`), the Python annotation of an exact value (`Decimal`) and of what a caller may
pass (`rt.GetalInvoer`), and the JSON Schema of its input and output.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from regelwerk.backends.python import names, printer
from regelwerk.backends.python.model import Plan
from regelwerk.backends.python.printer import Doc
from regelwerk.core.soort import number_form
from regelwerk.ir import types as t

NUMBER_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
PERCENT_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$|^-?[0-9]+([.,][0-9]+)?\s*%$"
PERCENT_OUT_PATTERN = r"^-?[0-9]+(\.[0-9]+)?%$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class Kinds:
    """The `Soort` constants of one module, each written once, in the order first asked for."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.namespace = names.Namespace()
        self.constants: dict[str, tuple[str, Doc]] = {}  # code -> (name, constructor)
        # (code, readable stem) of a literal -> its module constant; the stem is part of the key,
        # so that `3 dagen` does not read `_3_MAANDEN` because `3 maanden` came first
        self.values: dict[tuple[str, str], str] = {}

    def soort(self, type_: t.Type) -> str:
        """The name of the module constant for `type_`, e.g. `_BEDRAG_PER_UUR`."""
        doc = self._constructor(type_)
        key = doc.flat()
        if key not in self.constants:
            stem = re.sub(r"\W+", "_", type_.describe()).strip("_") or "soort"
            name = self.namespace.claim(names.constant(names.base_identifier(stem)))
            self.constants[key] = (name, doc)
        return self.constants[key][0]

    def strings(self, values: tuple[str, ...], stem: str) -> str:
        """A tuple of strings (a built-in function's data, such as the public holidays) as a module
        constant, written once however many calls pass it."""
        doc = printer.tuple_of([printer.string(v) for v in values])
        key = doc.flat()
        if key not in self.constants:
            name = self.namespace.claim(names.constant(names.base_identifier(stem)))
            self.constants[key] = (name, doc)
        return self.constants[key][0]

    def date(self, value: datetime.date) -> str:
        """A date from the rules as a module constant, `_2026_01_01`: made once, at import."""
        return self._value(printer.date_literal(value), value.isoformat())

    def number(self, value: Decimal, stem: str) -> str:
        """A number from the rules as a module constant, `_EUR_1300_00`: made once, at import."""
        return self._value(printer.decimal_literal(value), stem)

    def _value(self, code: str, stem: str) -> str:
        readable = re.sub(r"[^0-9A-Za-z]+", "_", stem).strip("_")
        if (code, readable) not in self.values:
            self.values[code, readable] = self.namespace.claim(names.constant(readable))
        return self.values[code, readable]

    def _constructor(self, type_: t.Type) -> Doc:
        args: list[Doc] = [printer.string(type_.describe())]
        if isinstance(type_, t.NumberType):
            form, unit = number_form(type_)
            args += [printer.string(form)]
            if unit:
                args.append(printer.string(unit))
            if type_.whole:
                args.append(printer.text("geheel=True"))
        elif isinstance(type_, t.BooleanType):
            args.append(printer.string("ja/nee"))
        elif isinstance(type_, t.DateType):
            args.append(printer.string("datum"))
        elif isinstance(type_, t.ChoiceType):
            args += [printer.string("keuze"), _keyword("waarden", printer.tuple_of(
                [printer.string(v) for v in type_.values]))]
        elif isinstance(type_, t.RecordType):
            fields = [printer.tuple_of([printer.string(n), printer.text(self.soort(f))])
                      for n, f in type_.fields]
            args += [printer.string("gegevens"), _keyword("velden", printer.tuple_of(fields))]
            if type_.defaults:
                defaults = [printer.Concat((printer.string(n), printer.text(": "),
                                            printer.text(_python_value(v))))
                            for n, v in type_.defaults]
                args.append(_keyword("standaard", printer.Group("{", tuple(defaults), "}")))
        elif isinstance(type_, (t.ListType, t.PerMemberType)):
            args += [printer.string("lijst"), _keyword("element", printer.text(
                self.soort(type_.element)))]
        else:
            raise AssertionError(type_)
        return printer.call("rt.Soort", args)

    # ---------------------------------------------------------- annotations
    def annotation(self, type_: t.Type) -> str:
        """The type of an exact value inside the module."""
        if isinstance(type_, t.NumberType):
            return "Decimal"
        if isinstance(type_, t.BooleanType):
            return "bool"
        if isinstance(type_, t.DateType):
            return "datetime.date"
        if isinstance(type_, t.ChoiceType):
            return "str"
        if isinstance(type_, t.RecordType):
            return self.plan.records[type_]
        assert isinstance(type_, (t.ListType, t.PerMemberType)), type_
        return f"tuple[{self.annotation(type_.element)}, ...]"

    def input_annotation(self, type_: t.Type) -> str:
        """The type of what a caller may pass for a value of `type_`."""
        if isinstance(type_, t.NumberType):
            return "rt.GetalInvoer"
        if isinstance(type_, t.BooleanType):
            return "rt.JaNeeInvoer"
        if isinstance(type_, t.DateType):
            return "rt.DatumInvoer"
        if isinstance(type_, t.ChoiceType):
            return self.plan.choices[type_]
        if isinstance(type_, t.RecordType):
            return self.plan.record_inputs[type_]
        assert isinstance(type_, t.ListType), type_
        return f"Sequence[{self.input_annotation(type_.element)}]"


def _keyword(name: str, value: Doc) -> Doc:
    return printer.Concat((printer.text(f"{name}="), value))


# ------------------------------------------------------------------ JSON Schema


def input_schema(type_: t.Type, label: str | None = None) -> dict[str, Any]:
    """What `bereken_json` accepts for a value of `type_`, in its canonical form."""
    schema: dict[str, Any]
    if isinstance(type_, t.NumberType):
        if type_.whole:
            schema = {"type": "integer"}
        else:
            pattern = PERCENT_PATTERN if number_form(type_)[0] == "procent" else NUMBER_PATTERN
            schema = {"type": "string", "pattern": pattern}
    elif isinstance(type_, t.RecordType):
        defaults = dict(type_.defaults)
        schema = _object({n: {**input_schema(f), "default": to_json(defaults[n], f)}
                          if n in defaults else input_schema(f) for n, f in type_.fields},
                         optional=defaults)
    elif isinstance(type_, t.ListType):
        schema = {"type": "array", "items": input_schema(type_.element)}
    else:
        schema = _plain_schema(type_)
    return _described(schema, type_, label)


def output_schema(type_: t.Type, label: str | None = None) -> dict[str, Any]:
    """What `Resultaat.naar_json` writes for a value of `type_`."""
    schema: dict[str, Any]
    if isinstance(type_, t.NumberType):
        if type_.whole:
            schema = {"type": ["integer", "string"], "pattern": NUMBER_PATTERN}
        elif number_form(type_)[0] == "procent":
            schema = {"type": "string", "pattern": PERCENT_OUT_PATTERN}
        else:
            schema = {"type": "string", "pattern": NUMBER_PATTERN}
    elif isinstance(type_, t.RecordType):
        schema = _object({n: output_schema(f) for n, f in type_.fields})
    elif isinstance(type_, (t.ListType, t.PerMemberType)):
        schema = {"type": "array", "items": output_schema(type_.element)}
    else:
        schema = _plain_schema(type_)
    return _described(schema, type_, label)


def _plain_schema(type_: t.Type) -> dict[str, Any]:
    if isinstance(type_, t.BooleanType):
        return {"type": "boolean"}
    if isinstance(type_, t.DateType):
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    if isinstance(type_, t.ChoiceType):
        return {"type": "string", "enum": list(type_.values)}
    return {}


def _object(properties: dict[str, dict[str, Any]], optional: Iterable[str] = ()
            ) -> dict[str, Any]:
    left_out = set(optional)
    return {"type": "object", "properties": properties,
            "required": [name for name in properties if name not in left_out],
            "additionalProperties": False}


def to_json(value: object, type_: t.Type) -> Any:
    """A field's default in the JSON a service sends: amounts and fractions as strings, whole
    numbers as integers, a percentage as "13.6%"."""
    if isinstance(value, Decimal):
        if isinstance(type_, t.NumberType) and type_.whole and value == value.to_integral_value():
            return int(value)
        if isinstance(type_, t.NumberType) and type_.percent:
            return format(value.scaleb(2), "f") + "%"
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _python_value(value: object) -> str:
    """A field's default as Python source: Decimal('0.00'), True, datetime.date(...), 'volledig'."""
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, Decimal):
        return printer.decimal_literal(value)
    if isinstance(value, datetime.date):
        return printer.date_literal(value)
    assert isinstance(value, str)
    return printer.literal(value)


def _described(schema: dict[str, Any], type_: t.Type, label: str | None) -> dict[str, Any]:
    out = {"title": type_.describe()}
    if label:
        out["description"] = label
    return {**out, **schema}


def data(value: Any) -> Doc:
    """A Python literal for JSON-like data (dicts, lists, text, numbers, booleans)."""
    if isinstance(value, dict):
        return printer.Group("{", tuple(printer.Concat((printer.string(k), printer.text(": "),
                                                        data(v))) for k, v in value.items()), "}")
    if isinstance(value, list):
        return printer.Group("[", tuple(data(v) for v in value), "]")
    if isinstance(value, str):
        return printer.string(value)
    if isinstance(value, bool) or value is None:
        return printer.text(repr(value))
    if isinstance(value, int):
        return printer.text(str(value))
    raise AssertionError(value)
