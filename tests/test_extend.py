"""`gegevens b zoals a`: b has the fields of a first, then its own; a change to a shows in b."""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from regelwerk.backends.annex import build_annex, render_markdown
from regelwerk.diff import compare_modules, render_summary
from regelwerk.interpret.evaluator import evaluate
from regelwerk.ir import nodes as ir
from regelwerk.pipeline import load
from tests.conftest import ROOT, check, compile_ok

LOCAL = """
keuze tijdvak: overdag, avond                          [a]

gegevens prestatie                                     [b]
  tijdvak: tijdvak                                     [b]
  uren: uren                                           [b]

gegevens maandprestatie zoals prestatie                [c]
  maand: datum                                         [c]

invoer prestaties: lijst van maandprestatie            [d]

regel avonduren: uren                                  [e]
  = som van (maandprestatie.uren) over prestaties waarvoor maandprestatie.tijdvak = avond

uitvoer avonduren
"""


def test_the_fields_of_the_base_come_first() -> None:
    checked = compile_ok(LOCAL)
    record = checked.module.definition("maandprestatie")
    assert isinstance(record, ir.RecordDef)
    assert [f.name for f in record.fields] == ["tijdvak", "uren", "maand"]
    assert record.inherited == 2
    data = {"prestaties": [{"tijdvak": "avond", "uren": "3", "maand": "2026-01-01"},
                           {"tijdvak": "overdag", "uren": "5", "maand": "2026-02-01"}]}
    result = evaluate(checked, data, datetime.date(2026, 3, 1))
    assert result.uitvoer == {"avonduren": Decimal(3)}


@pytest.mark.parametrize(("old", "new", "message"), [
    ("zoals prestatie ", "zoals onbekend ", "'onbekend' na 'zoals' is niet gedefinieerd"),
    ("zoals prestatie ", "zoals tijdvak   ", "'tijdvak' na 'zoals' is geen gegevenstype"),
    ("  maand: datum ", "  uren: datum  ", "'uren' staat twee keer in maandprestatie"),
])
def test_what_cannot_be_extended(old: str, new: str, message: str) -> None:
    text = LOCAL.replace(old, new)
    assert text != LOCAL
    found = [d for d in check(text).diagnostics if d.is_error]
    assert found and message in found[0].message, found


def test_a_cycle_of_extensions() -> None:
    text = LOCAL.replace("gegevens prestatie                                     [b]",
                         "gegevens prestatie zoals maandprestatie               [b]")
    found = [d for d in check(text).diagnostics if d.is_error]
    assert [d.code for d in found] == ["RW111"]


def test_the_annex_says_where_the_fields_come_from() -> None:
    markdown = render_markdown(build_annex(compile_ok(LOCAL)))
    assert "Dezelfde gegevens als *prestatie* (prestatie), aangevuld met *maand*." in markdown


def test_a_change_in_a_used_module_shows_in_the_regulation_that_extends_it(tmp_path: Path
                                                                             ) -> None:
    """The subsidy extends periodes.prestatie: changing that module changes the subsidy's record."""
    source = ROOT / "regulations" / "subsidie_gezinszorg" / "subsidie_gezinszorg.rw"
    versions = []
    for name, reference in (("oud", "[MB 26.07.2001, bijlage II, hoofdstuk V]"),
                            ("nieuw", "[MB 26.07.2001, bijlage II, hoofdstuk VI]")):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(source, folder / source.name)
        periodes = (ROOT / "stdlib_rules" / "periodes.rw").read_text(encoding="utf-8")
        periodes = periodes.replace(
            "  uren: uren                                                  "
            "[MB 26.07.2001, bijlage II, hoofdstuk V]",
            f"  uren: uren                                                  {reference}")
        (folder / "periodes.rw").write_text(periodes, encoding="utf-8")
        result = load([folder / source.name])
        assert result.ok, [str(d) for d in result.diagnostics if d.is_error]
        versions.append(next(c for c in result.checked if c.module.kind == "regeling"))
    summary = render_summary(compare_modules(*versions))
    assert "Maandprestatie \\[BVR 24.07.2009, bijlage I, art. 1\\] (gewijzigd)" in summary
    assert "Gegeven uren anders omschreven" in summary


def test_a_copied_regulation_still_finds_the_standard_modules(tmp_path: Path) -> None:
    """`gebruik feestdagen` in a regulation copied outside the project: the installation's
    stdlib_rules/ is the last place looked (the service and tests serve copies)."""
    from regelwerk.pipeline import BUNDLED_STDLIB, find_module

    rules = tmp_path / "elders" / "r.rw"
    rules.parent.mkdir()
    assert find_module("feestdagen", rules) == BUNDLED_STDLIB / "feestdagen.rw"
    assert find_module("bestaat_niet", rules) is None
