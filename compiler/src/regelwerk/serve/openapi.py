"""The OpenAPI 3.1 description of the service, generated from the regulations' schemas: one path
per regulation, so that a client (or schemathesis) sees the exact input each one takes."""

from __future__ import annotations

import copy
from typing import Any

from regelwerk import __version__
from regelwerk.serve.catalog import Catalogus, Regeling
from regelwerk.serve.notation import widened

FOUT: dict[str, Any] = {
    "type": "object",
    "required": ["fout", "melding"],
    "properties": {
        "fout": {"type": "string", "enum": ["invoer", "reken", "onbekende-waarde", "json",
                                            "niet-gevonden", "methode", "te-groot",
                                            "schrijven-uit", "test-kan-niet", "gewijzigd",
                                            "intern"]},
        "melding": {"type": "string"},
        "problemen": {"type": "array", "items": {
            "type": "object", "required": ["veld", "melding"],
            "properties": {"veld": {"type": "string"}, "melding": {"type": "string"}}}},
    },
}

UITLEG: dict[str, Any] = {
    "type": "object",
    "required": ["soort", "naam", "waarde"],
    "properties": {
        "soort": {"type": "string", "enum": ["regel", "invoer", "parameter", "tabel"]},
        "naam": {"type": "string"},
        "waarde": {"type": "string"},
        "verwijzing": {"type": "string"},
        "toelichting": {"type": "string"},
        "kinderen": {"type": "array", "items": {"$ref": "#/components/schemas/Uitleg"}},
    },
}

REGELING: dict[str, Any] = {
    "type": "object",
    "required": ["naam", "titel", "versie", "geldig_vanaf", "geldig_tot", "bron", "invoer",
                 "uitvoer"],
    "properties": {
        "naam": {"type": "string"},
        "titel": {"type": ["string", "null"]},
        "versie": {"type": ["string", "null"]},
        "geldig_vanaf": {"type": ["string", "null"], "format": "date"},
        "geldig_tot": {"type": ["string", "null"], "format": "date"},
        "bron": {"type": ["string", "null"]},
        "invoer": {"type": "array", "items": {"type": "string"}},
        "uitvoer": {"type": "array", "items": {"type": "string"}},
    },
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    words = {400: "Geen geldige JSON", 404: "Onbekende regeling", 413: "Verzoek te groot",
             422: "De invoer klopt niet, of de regels bepalen geen uitkomst"}
    return {str(code): _json(_ref("Fout"), words[code]) for code in codes}


def input_schema(regeling: Regeling) -> dict[str, Any]:
    """The regulation's input schema, amounts also in Dutch notation; without `$schema`."""
    schema: dict[str, Any] = widened(regeling.module.INVOER_SCHEMA)
    schema.pop("$schema", None)
    return schema


def output_schema(regeling: Regeling) -> dict[str, Any]:
    """The outputs; a request may ask for some of them (`uitvoer`), so none is required."""
    schema = copy.deepcopy(regeling.module.UITVOER_SCHEMA)
    schema.pop("$schema", None)
    schema.pop("required", None)
    return dict(schema)


def request_schema(naam: str, regeling: Regeling) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["peildatum", "invoer"],
        "additionalProperties": False,
        "properties": {
            "peildatum": {"type": "string", "format": "date"},
            "invoer": _ref(f"{naam}_invoer"),
            "uitleg": {"type": "boolean", "default": False},
            "uitvoer": {"type": "array", "minItems": 1,
                        "items": {"type": "string", "enum": list(regeling.uitvoer_namen)}},
        },
    }


def answer_schema(naam: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["regeling", "peildatum", "uitvoer", "voorlopig"],
        "properties": {
            "regeling": {"type": "string"},
            "peildatum": {"type": "string", "format": "date"},
            "uitvoer": _ref(f"{naam}_uitvoer"),
            "voorlopig": {"type": "array", "items": {"type": "string"}},
            "uitleg": {"type": "array", "items": _ref("Uitleg")},
        },
    }


def openapi(catalog: Catalogus, max_reeks: int) -> dict[str, Any]:
    schemas: dict[str, Any] = {"Fout": FOUT, "Uitleg": UITLEG, "Regeling": REGELING}
    paths: dict[str, Any] = {
        "/gezond": {"get": {"summary": "Of de dienst draait", "operationId": "gezond",
                            "responses": {"200": _json({"type": "object"}, "De dienst draait")}}},
        "/regelingen": {"get": {
            "summary": "De regelingen waarmee de dienst rekent", "operationId": "regelingen",
            "responses": {"200": _json({"type": "array", "items": _ref("Regeling")},
                                       "Naam, titel, versie, geldigheid en bron")}}},
    }
    for naam, regeling in catalog.regelingen.items():
        schemas[f"{naam}_invoer"] = input_schema(regeling)
        schemas[f"{naam}_uitvoer"] = output_schema(regeling)
        schemas[f"{naam}_verzoek"] = request_schema(naam, regeling)
        schemas[f"{naam}_antwoord"] = answer_schema(naam)
        base = f"/regelingen/{naam}"
        paths[base] = {"get": {
            "summary": f"Naam, titel, versie, geldigheid en bron van {naam}",
            "operationId": f"{naam}_regeling",
            "responses": {"200": _json(_ref("Regeling"), "De regeling")}}}
        paths[f"{base}/schema"] = {"get": {
            "summary": f"Invoer- en uitvoerschema van {naam}", "operationId": f"{naam}_schema",
            "responses": {"200": _json({"type": "object", "required": ["invoer", "uitvoer"]},
                                       "JSON Schema van de invoer en de uitvoer")}}}
        paths[f"{base}/bereken"] = {"post": {
            "summary": f"Bereken {naam} voor één invoer", "operationId": f"{naam}_bereken",
            "requestBody": {"required": True,
                            "content": {"application/json": {"schema": _ref(f"{naam}_verzoek")}}},
            "responses": {"200": _json(_ref(f"{naam}_antwoord"), "De exacte uitvoer"),
                          **_errors(400, 413, 422)}}}
        paths[f"{base}/bereken-reeks"] = {"post": {
            "summary": f"Bereken {naam} voor een reeks gevallen (elk apart beantwoord)",
            "operationId": f"{naam}_bereken_reeks",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["gevallen"], "additionalProperties": False,
                "properties": {"gevallen": {"type": "array", "maxItems": max_reeks,
                                            "items": _ref(f"{naam}_verzoek")}}}}}},
            "responses": {"200": _json({"type": "object", "required": ["resultaten"],
                                        "properties": {"resultaten": {"type": "array", "items": {
                                            "anyOf": [_ref(f"{naam}_antwoord"), _ref("Fout")]}}}},
                                       "Per geval de uitvoer of de fout"),
                          **_errors(400, 413, 422)}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Regelwerk rekendienst", "version": __version__,
                 "description": "Exacte berekeningen met de regelingen onder de map van "
                                "`regelwerk serve`; bedragen als tekst."},
        "paths": paths,
        "components": {"schemas": schemas},
    }
