"""Input at the extremes (issue 18, item 2): refused with InvoerFout naming the field, never another
exception and never a silently changed value; a DecimalException while computing is a RekenFout.

Each request goes to a generated module (bereken_json, and bereken for Python values) and to
`regelwerk run` (the interpreter): both read input with the runtime, so they refuse alike.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from regelwerk import runtime
from regelwerk.cli import main
from tests.conftest import import_generated, source

RULES = """
gegevens kind                                      [art. 1]
  geboortedatum: datum

invoer bedrag: bedrag per maand                    [art. 1]
invoer actief: ja/nee                              [art. 1]
invoer kinderen: lijst van kind                    [art. 1]
invoer factor: getal                               [art. 1]

regel uitkomst: bedrag per maand                   [art. 2]
  = als actief dan bedrag × 2 anders bedrag

regel afgerond: getal                              [art. 3]
  = factor × factor × factor afgerond op 2 decimalen

uitvoer uitkomst, afgerond
"""

GOOD = {"bedrag": "10.00", "actief": True, "kinderen": [{"geboortedatum": "2020-01-01"}],
        "factor": "2"}
DEEP = "[" * 1000 + "]" * 1000
HUGE = "1" + "0" * 4300  # 4,301 digits: int() of it is refused since Python 3.11


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return import_generated(tmp_path_factory.mktemp("grenzen"), RULES)


def request(invoer: str) -> str:
    return '{"peildatum": "2026-03-01", "invoer": ' + invoer + "}"


def with_field(field: str, raw_json: str) -> str:
    fields = {k: json.dumps(v) for k, v in GOOD.items()}
    fields[field] = raw_json
    return "{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}"


# (name, the invoer as JSON text, the field InvoerFout must name)
REFUSED = [
    ("diep genest verzoek", DEEP, "verzoek"),
    ("diep genest in een veld", with_field("bedrag", DEEP), "verzoek"),
    ("4.301 cijfers als bedrag", with_field("bedrag", HUGE), "bedrag"),
    ("4.301 cijfers als ja/nee", with_field("actief", HUGE), "actief"),
    ("4.301 cijfers in een lijst", with_field("kinderen", f"[{HUGE}]"), "kinderen[0]"),
    ("miljoen cijfers als tekst", with_field("bedrag", '"' + "9" * 1_000_000 + '"'), "bedrag"),
    ("35 cijfers met centen", with_field("bedrag", '"10000000000000000000000000000000000.01"'),
     "bedrag"),
    ("te veel decimalen", with_field("bedrag", '"1.0000000000001"'), "bedrag"),
    ("datum zonder streepjes", with_field("kinderen", '[{"geboortedatum": "20200101"}]'),
     "kinderen[0].geboortedatum"),
    ("weekdatum", with_field("kinderen", '[{"geboortedatum": "2020-W10-1"}]'),
     "kinderen[0].geboortedatum"),
    ("sleutel twee keer", '{"bedrag": "1.00", "bedrag": "2.00", "actief": true, "kinderen": [], "factor": "1"}',
     "bedrag"),
    ("te lange lijst", with_field("kinderen", json.dumps(
        [{"geboortedatum": "2020-01-01"}] * (runtime.MAX_LIST_LENGTH + 1))), "kinderen"),
]


@pytest.mark.parametrize(("invoer", "field"), [(i, f) for _, i, f in REFUSED],
                         ids=[n for n, _, _ in REFUSED])
def test_generated_module_refuses_with_the_field(module: Any, invoer: str, field: str) -> None:
    with pytest.raises(module.InvoerFout) as caught:
        module.bereken_json(request(invoer))
    assert caught.value.veld == field


@pytest.mark.parametrize(("invoer", "field"), [(i, f) for n, i, f in REFUSED if "lijst" not in n
                                                 or "lange" not in n],
                         ids=[n for n, _, _ in REFUSED if "lijst" not in n or "lange" not in n])
def test_regelwerk_run_refuses_with_the_field(tmp_path: Path, invoer: str, field: str) -> None:
    path = tmp_path / "proef.rw"
    path.write_text(source(RULES), encoding="utf-8")
    (tmp_path / "invoer.json").write_text(invoer, encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(path), "--peildatum", "2026-03-01",
                                       "--invoer", str(tmp_path / "invoer.json")])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    expected = "invoer" if field == "verzoek" else field
    assert f"fout in de invoer: {expected}:" in result.output


@pytest.mark.parametrize("raw", [Decimal("1E+999999"), Decimal("-1E+999999"), 10 ** 5000,
                                 Decimal("1E-50"), "9" * 1_000_000, Decimal("NaN"), Decimal("Inf")],
                         ids=["1E+999999", "-1E+999999", "10**5000", "1E-50", "miljoen", "NaN", "Inf"])
def test_python_values_beyond_the_limits_are_refused(module: Any, raw: object) -> None:
    with pytest.raises(module.InvoerFout) as caught:
        module.bereken({**GOOD, "bedrag": raw}, "2026-03-01")
    assert caught.value.veld == "bedrag"
    assert len(str(caught.value)) < 400


def test_a_huge_integer_for_ja_nee_is_named_not_printed(module: Any) -> None:
    with pytest.raises(module.InvoerFout) as caught:
        module.bereken({**GOOD, "actief": 10 ** 5000}, "2026-03-01")
    assert caught.value.veld == "actief" and "cijfers" in caught.value.melding


def test_the_largest_amount_keeps_its_cents(module: Any) -> None:
    largest = "9" * runtime.MAX_INTEGER_DIGITS + ".01"
    result = module.bereken({**GOOD, "bedrag": largest, "actief": False}, "2026-03-01")
    assert result.uitvoer["uitkomst"] == Decimal(largest)


def test_an_overflow_while_computing_is_a_rekenfout(module: Any, tmp_path: Path) -> None:
    # 10^17 cubed is 10^51: rounding it to the cent needs 53 digits, more than the context's 34.
    big = {**GOOD, "factor": "1" + "0" * 17}
    with pytest.raises(module.RekenFout):
        module.bereken(big, "2026-03-01")
    path = tmp_path / "proef.rw"
    path.write_text(source(RULES), encoding="utf-8")
    (tmp_path / "invoer.json").write_text(json.dumps(big), encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(path), "--peildatum", "2026-03-01",
                                       "--invoer", str(tmp_path / "invoer.json")])
    assert result.exit_code == 1 and "fout bij het rekenen" in result.output


def test_peildatum_only_as_jjjj_mm_dd(module: Any) -> None:
    for day in ("20260301", "2026-W10-1", "2026-03-01T00:00"):
        with pytest.raises(module.InvoerFout) as caught:
            module.bereken(GOOD, day)
        assert caught.value.veld == "peildatum"
    assert module.bereken(GOOD, datetime.date(2026, 3, 1)).uitvoer["uitkomst"] == Decimal("20.00")


def test_limits_are_documented() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "ontwikkelaars" / "inbedden.md").read_text(
        encoding="utf-8")
    for limit in (runtime.MAX_INTEGER_DIGITS, runtime.MAX_FRACTION_DIGITS, runtime.MAX_JSON_DEPTH):
        assert f"{limit}" in page
    assert f"{runtime.MAX_LIST_LENGTH:_}".replace("_", ".") in page
