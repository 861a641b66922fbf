"""`regelwerk serve` over real HTTP on loopback: every endpoint, and every error in its JSON shape."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from regelwerk.serve import Instellingen
from tests.serving import call, serving

ROOT = Path(__file__).resolve().parent.parent

AANVRAGER = {"rol": "aanvrager", "verzekerde": True, "toetsingsinkomen": "28000.00",
             "rendementsgrondslag": "10000.00"}
PARTNER = {"rol": "toeslagpartner", "verzekerde": True, "toetsingsinkomen": "12000.00",
           "rendementsgrondslag": "0"}
INVOER = {"huishouden": [AANVRAGER, PARTNER], "zelfde_toeslagpartner_hele_berekeningsjaar": True}
VERZOEK = {"peildatum": "2026-03-01", "invoer": INVOER}


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    settings = Instellingen(ROOT / "regulations", max_verzoek=200_000, max_reeks=50)
    with serving(settings) as base:
        yield base


def rule_files() -> list[Path]:
    """The regulations the service finds: every rule file with a `regeling` under regulations/."""
    import re

    return [path for path in (ROOT / "regulations").rglob("*.rw")
            if re.search(r"^regeling\s", path.read_text("utf-8"), re.MULTILINE)]


def in_process(invoer: dict[str, object], peildatum: str = "2026-03-01") -> dict[str, object]:
    import generated.zorgtoeslag as zorgtoeslag

    result: dict[str, object] = zorgtoeslag.bereken(invoer, peildatum).naar_json()["uitvoer"]
    return result


def test_gezond(url: str) -> None:
    assert call("GET", f"{url}/gezond")[:2] == (200, {"status": "ok",
                                                      "regelingen": len(rule_files())})


def test_regelingen_list_name_title_version_validity_and_source(url: str) -> None:
    status, body, headers = call("GET", f"{url}/regelingen")
    assert status == 200 and headers["content-type"] == "application/json"
    found = {r["naam"]: r for r in body}
    assert set(found) == {path.stem for path in rule_files()}
    zorg = found["zorgtoeslag"]
    assert zorg["titel"] == "Zorgtoeslag" and zorg["versie"] == "2026.1"
    assert zorg["geldig_vanaf"] == "2024-01-01" and zorg["geldig_tot"] is None
    assert "BWBR0018451" in zorg["bron"]
    assert "zorgtoeslag_per_maand" in zorg["uitvoer"]
    assert call("GET", f"{url}/regelingen/zorgtoeslag")[1] == zorg


def test_schema_gives_input_and_output_json_schema(url: str) -> None:
    status, body, _ = call("GET", f"{url}/regelingen/zorgtoeslag/schema")
    assert status == 200
    amount = body["invoer"]["properties"]["huishouden"]["items"]["properties"]["toetsingsinkomen"]
    assert amount["title"] == "bedrag per jaar"
    import re

    assert re.fullmatch(amount["pattern"].strip("^$"), "1.450,50")  # Dutch notation too
    assert re.fullmatch(amount["pattern"].strip("^$"), "1450.50")
    assert "zorgtoeslag_per_maand" in body["uitvoer"]["required"]


def test_bereken_gives_the_exact_outputs_of_the_module(url: str) -> None:
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken", VERZOEK)
    assert status == 200
    assert body["uitvoer"] == in_process(INVOER)
    assert body["regeling"] == "zorgtoeslag" and body["peildatum"] == "2026-03-01"
    assert "vermogensgrens_met_toeslagpartner" in body["voorlopig"]
    assert "uitleg" not in body
    assert isinstance(body["uitvoer"]["zorgtoeslag_per_jaar"], str)  # exact, as text


def test_bereken_with_explanation_and_chosen_outputs(url: str) -> None:
    request = {**VERZOEK, "uitleg": True, "uitvoer": ["zorgtoeslag_per_jaar"]}
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken", request)
    assert status == 200 and list(body["uitvoer"]) == ["zorgtoeslag_per_jaar"]
    root = body["uitleg"][0]
    assert root["naam"] == "zorgtoeslag_per_jaar" and root["verwijzing"].startswith("Awir")

    def walk(node: dict[str, object]) -> Iterator[dict[str, object]]:
        yield node
        for child in node.get("kinderen", []):  # type: ignore[attr-defined]
            yield from walk(child)

    notes = [n.get("toelichting", "") for n in walk(root)]
    assert any("voorlopig" in str(note) for note in notes)


def test_amounts_in_dutch_notation_are_the_same_amounts(url: str) -> None:
    dutch = {"huishouden": [{**AANVRAGER, "toetsingsinkomen": "28.000,00",
                             "rendementsgrondslag": "€ 10.000"},
                            {**PARTNER, "toetsingsinkomen": "12000,00"}],
             "zelfde_toeslagpartner_hele_berekeningsjaar": True}
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken",
                           {"peildatum": "2026-03-01", "invoer": dutch})
    assert status == 200 and body["uitvoer"] == in_process(INVOER)


def test_a_json_float_is_refused_by_name(url: str) -> None:
    raw = json.dumps(VERZOEK).replace('"28000.00"', "28000.5").encode()
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken", raw=raw)
    assert status == 422 and body["fout"] == "invoer"
    assert body["problemen"][0]["veld"] == "huishouden[0].toetsingsinkomen"
    assert "float" in body["problemen"][0]["melding"]


def test_422_lists_every_wrong_field_at_once(url: str) -> None:
    request = {"peildatum": "2023-01-01", "uitleg": "ja", "extra": 1, "invoer": {
        "huishouden": [{"rol": "baas", "verzekerde": "misschien", "toetsingsinkomen": "veel"},
                       {**PARTNER, "kleur": "rood"}],
        "onbekend": 3}}
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken", request)
    assert status == 422 and body["fout"] == "invoer"
    fields = [p["veld"] for p in body["problemen"]]
    assert fields == ["extra", "peildatum", "uitleg", "onbekend", "huishouden[0].rol",
                      "huishouden[0].verzekerde", "huishouden[0].toetsingsinkomen",
                      "huishouden[0].rendementsgrondslag", "huishouden[1].kleur",
                      "zelfde_toeslagpartner_hele_berekeningsjaar"]
    assert body["melding"] == "de invoer klopt niet (10 problemen)"
    assert all(set(p) == {"veld", "melding"} for p in body["problemen"])


def test_an_unmet_eis_is_an_input_error(url: str) -> None:
    request = {"peildatum": "2026-03-01",
               "invoer": {**INVOER, "huishouden": [PARTNER]}}
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken", request)
    assert status == 422 and body["problemen"] == [
        {"veld": "huishouden", "melding": "voldoet niet aan de eis: precies één aanvrager"}]


def test_unknown_output_and_missing_fields(url: str) -> None:
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken",
                           {"uitvoer": ["geluk"]})
    assert status == 422
    assert [p["veld"] for p in body["problemen"]] == ["peildatum", "uitvoer", "invoer"]


def test_a_value_the_rules_declare_unknown_is_a_422_with_its_name(url: str) -> None:
    """Groeipakket's sociale toeslag 2024-2025 is onbekend (the rule file's own test says so)."""
    kind = {"geboortedatum": "2020-05-10", "huisvesting": "volledig",
            "specifieke_ondersteuningsbehoefte": False, "rechtgevend_na_18_jaar": False,
            "maandbedrag_overgangsregeling": "0,00"}
    invoer = {"gezinsinkomen": "30.000,00", "voldoet_aan_ki_toets": True, "kinderen": [kind]}
    request = {"peildatum": "2024-09-01", "invoer": invoer}
    status, body, _ = call("POST", f"{url}/regelingen/groeipakket/bereken", request)
    assert status == 422 and body["fout"] == "onbekende-waarde", body
    assert body["naam"] and body["reden"] and "onbekend" in body["melding"]
    status, body, _ = call("POST", f"{url}/regelingen/groeipakket/bereken",
                           {**request, "uitvoer": ["basisbedragen"]})
    assert status == 200 and body["uitvoer"] == {"basisbedragen": "180.19"}


def test_bereken_reeks_answers_each_case_on_its_own(url: str) -> None:
    cases = [VERZOEK, {"peildatum": "2026-03-01", "invoer": {}}, {**VERZOEK, "uitvoer": ["normpremie"]}]
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken-reeks", {"gevallen": cases})
    assert status == 200
    first, second, third = body["resultaten"]
    assert first["uitvoer"] == in_process(INVOER)
    assert second["fout"] == "invoer" and len(second["problemen"]) == 2
    assert list(third["uitvoer"]) == ["normpremie"]


def test_bereken_reeks_limits_the_number_of_cases(url: str) -> None:
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken-reeks",
                           {"gevallen": [VERZOEK] * 51})
    assert status == 413 and body["fout"] == "te-groot" and "50" in body["melding"]
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken-reeks", {"geval": []})
    assert status == 422 and body["fout"] == "invoer"


def test_404_for_an_unknown_regulation_and_path(url: str) -> None:
    for path in ("/regelingen/huurtoeslag/bereken", "/regelingen/..%2F..%2Fetc%2Fpasswd/schema",
                 "/regelingen/../../etc/passwd", "/bestaat-niet"):
        method = "POST" if path.endswith("bereken") else "GET"
        status, body, _ = call(method, url + path, VERZOEK if method == "POST" else None)
        assert status == 404 and body["fout"] == "niet-gevonden", path


def test_405_413_and_400_in_the_same_shape(url: str) -> None:
    status, body, _ = call("DELETE", f"{url}/gezond")
    assert (status, body["fout"]) == (405, "methode")
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken", raw=b"x" * 200_001)
    assert (status, body["fout"]) == (413, "te-groot")
    for raw in (b'{"peildatum":', b"\xff\xfe", b"[" * 100_000, b'{"a": NaN}'):
        status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken", raw=raw)
        assert status in (400, 422) and body["fout"] in ("json", "invoer"), raw[:10]
        assert "Traceback" not in json.dumps(body)


def test_openapi_describes_every_regulation(url: str) -> None:
    status, body, _ = call("GET", f"{url}/openapi.json")
    assert status == 200 and body["openapi"].startswith("3.1")
    assert "/regelingen/zorgtoeslag/bereken" in body["paths"]
    assert "zorgtoeslag_invoer" in body["components"]["schemas"]


def test_cors_is_off_unless_configured(url: str) -> None:
    headers = {"Origin": "https://elders.example", "Access-Control-Request-Method": "POST"}
    status, _, found = call("OPTIONS", f"{url}/regelingen/zorgtoeslag/bereken", headers=headers)
    assert "access-control-allow-origin" not in {k.lower() for k in found}
    settings = Instellingen(ROOT / "regulations" / "zorgtoeslag", cors=("https://portaal.example",))
    with serving(settings) as other:
        headers["Origin"] = "https://portaal.example"
        status, _, found = call("OPTIONS", f"{other}/regelingen/zorgtoeslag/bereken",
                                headers=headers)
        assert status == 200
        assert found["access-control-allow-origin"] == "https://portaal.example"


def test_the_peildatum_defaults_nowhere_and_dates_are_checked(url: str) -> None:
    day = datetime.date(2026, 2, 30 - 2).isoformat()
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken",
                           {**VERZOEK, "peildatum": day})
    assert status == 200
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken",
                           {**VERZOEK, "peildatum": "2026-02-30"})
    assert status == 422 and body["problemen"][0]["veld"] == "peildatum"
    assert Decimal(call("POST", f"{url}/regelingen/zorgtoeslag/bereken", VERZOEK)[1]["uitvoer"][
        "zorgtoeslag_per_jaar"]) > 0


def test_a_number_beyond_exact_arithmetic_is_a_422_not_a_500(url: str) -> None:
    """Found by schemathesis: a 41-digit amount stopped the explanation with a decimal error.
    Since the runtime's documented limits (18 digits before the point) it is refused as input,
    naming the field."""
    huge = {**AANVRAGER, "toetsingsinkomen": "1" + "0" * 40}
    request = {"peildatum": "2026-03-01", "uitleg": True,
               "invoer": {**INVOER, "huishouden": [huge]}}
    status, body, _ = call("POST", f"{url}/regelingen/zorgtoeslag/bereken", request)
    assert status == 422 and body["fout"] == "invoer", body
    assert "te veel cijfers" in json.dumps(body, ensure_ascii=False)
    assert "huishouden[0].toetsingsinkomen" in json.dumps(body)
