"""The scenario explorer in real headless Chromium (Playwright with the system's Chromium): the
zorgtoeslag form with a partner, its result, "Bewaar als test", and `regelwerk test` on the file;
and a regulation whose labels are markup, which must stay text.

REGELWERK_SCHERMAFDRUK=pad.png also saves a screenshot of the explorer (the one in the docs)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from regelwerk.serve import Instellingen
from tests.serving import serving

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="geen Chromium op dit systeem")

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "serve" / "vijandig"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--lang=nl-NL"])
        yield chromium
        chromium.close()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "regulations" / "zorgtoeslag", tmp_path / "zorgtoeslag")
    shutil.copytree(FIXTURE, tmp_path / "vijandig")
    return tmp_path


def fill_person(page: object, index: int, rol: str, inkomen: str, vermogen: str) -> None:
    page.click("[data-scenario=A] button.toevoegen")  # type: ignore[attr-defined]
    field = f"[data-scenario=A] [data-veld='huishouden[{index}].{{}}']"
    page.select_option(field.format("rol"), rol)  # type: ignore[attr-defined]
    page.select_option(field.format("verzekerde"), "ja")  # type: ignore[attr-defined]
    page.fill(field.format("toetsingsinkomen"), inkomen)  # type: ignore[attr-defined]
    page.fill(field.format("rendementsgrondslag"), vermogen)  # type: ignore[attr-defined]


def test_zorgtoeslag_with_a_partner_saved_as_a_test(browser: object, folder: Path) -> None:
    import generated.zorgtoeslag as zorgtoeslag

    errors: list[str] = []
    with serving(Instellingen(folder, schrijven=True)) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1500}, locale="nl-NL")  # type: ignore[attr-defined]
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{url}/verkenner?regeling=zorgtoeslag")
        page.wait_for_selector("body[data-klaar=ja]")
        page.fill("[data-scenario=A] input[aria-label=peildatum]", "2026-03-01")
        fill_person(page, 0, "aanvrager", "28.000,00", "10.000")
        fill_person(page, 1, "toeslagpartner", "12.000,00", "0")
        page.select_option("[data-scenario=A] [data-veld=zelfde_toeslagpartner_hele_berekeningsjaar]",
                           "ja")
        cell = page.wait_for_selector("[data-scenario=A] td[data-uitvoer=zorgtoeslag_per_jaar]")
        expected = zorgtoeslag.bereken({"huishouden": [
            {"rol": "aanvrager", "verzekerde": True, "toetsingsinkomen": "28000",
             "rendementsgrondslag": "10000"},
            {"rol": "toeslagpartner", "verzekerde": True, "toetsingsinkomen": "12000",
             "rendementsgrondslag": "0"}], "zelfde_toeslagpartner_hele_berekeningsjaar": True},
            "2026-03-01").uitvoer["zorgtoeslag_per_jaar"]
        assert cell.get_attribute("data-waarde") == str(expected)
        assert cell.inner_text() == f"€ {expected:,}".replace(",", ".") + ",00 per jaar"
        # the explanation: collapsible, with articles, provisional values marked
        tree = page.locator("[data-scenario=A] .uitleg")
        assert tree.locator("details").count() > 3
        assert "[Awir art. 14, derde en vierde lid]" in tree.inner_text()
        assert tree.locator(".merk.voorlopig").count() >= 1
        # a second scenario on another peildatum, side by side
        page.click("#vergelijk")
        page.fill("[data-scenario=B] input[aria-label=peildatum]", "2025-03-01")
        page.wait_for_selector("[data-scenario=B] td[data-uitvoer=drempelinkomen]"
                               "[data-waarde='28406.00']")  # as Dienst Toeslagen fixed it
        if os.environ.get("REGELWERK_SCHERMAFDRUK"):
            page.click("h1")
            page.screenshot(path=os.environ["REGELWERK_SCHERMAFDRUK"])
        # Bewaar als test: the diff first, then the file
        page.fill("[data-scenario=A] input[aria-label='naam van de test']", "met partner, uit de verkenner")
        page.click("[data-scenario=A] .bewaar-knop")
        page.wait_for_selector("#voorstel[open]")
        diff = page.inner_text("#voorstel-diff")
        assert '+test "met partner, uit de verkenner"' in diff
        assert "+      - rol = toeslagpartner, verzekerde = ja, toetsingsinkomen = € 12.000,00" in diff
        page.click("#voorstel-bewaar")
        page.wait_for_selector(".bewaard")
        assert errors == []
    rule_file = folder / "zorgtoeslag" / "zorgtoeslag.rw"
    assert 'test "met partner, uit de verkenner"' in rule_file.read_text("utf-8")
    done = subprocess.run([sys.executable, "-m", "regelwerk.cli", "test", str(rule_file)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok      zorgtoeslag: met partner, uit de verkenner" in done.stdout


def test_hostile_labels_stay_text(browser: object, folder: Path) -> None:
    with serving(Instellingen(folder)) as url:
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(f"{url}/verkenner?regeling=vijandig")
        page.wait_for_selector("body[data-klaar=ja]")
        page.click("[data-scenario=A] button.toevoegen")
        # an empty member: every missing field is marked at once, with its message under it
        page.wait_for_selector("[data-scenario=A] .veld.fout [data-veld='leden[0].bedrag_van_lid']")
        problems = page.locator("[data-scenario=A] .problemen li").all_inner_texts()
        assert problems == ["leden[0].bedrag_van_lid: ontbreekt", "leden[0].soort_van_lid: ontbreekt",
                            "basis: ontbreekt"]
        assert page.locator("[data-scenario=A] .veld.fout").count() == 3
        page.fill("[data-scenario=A] [data-veld='leden[0].bedrag_van_lid']", "2")
        page.select_option("[data-scenario=A] [data-veld='leden[0].soort_van_lid']", "gewoon")
        page.fill("[data-scenario=A] [data-veld=basis]", "1")
        page.wait_for_selector("[data-scenario=A] td[data-uitvoer=totaal]")
        for details in page.locator("details").all():
            details.evaluate("node => node.open = true")
        text = page.inner_text("body")
        assert "<script>window.geraakt = 'titel'</script>Vijandig" in text
        assert "<img src=x onerror=" in text and "[art. 4 <i>" in text
        assert "<svg onload=" in text
        assert page.evaluate("window.geraakt") is None
        counts = page.evaluate("['img', 'svg', 'iframe', 'b', 'i', 'script'].map("
                               "t => document.getElementsByTagName(t).length)")
        assert counts == [0, 0, 0, 0, 0, 1]  # only the explorer's own script
        page.hover("[data-veld=basis]")
        assert page.evaluate("window.geraakt") is None


PER_MEMBER = """regeling per_lid
  geldig vanaf 2026-01-01
  bron "Proefbesluit"

gegevens kind   [art. 1]
  leeftijd: jaren   [art. 1]

invoer kinderen: lijst van kind   [art. 1]

regel per kind toeslag: bedrag per maand   [art. 2]
  = als kind.leeftijd < 12 jaar dan € 10,00 anders € 20,50

regel totaal: bedrag per maand   [art. 3]
  = som van (toeslag) over kinderen

uitvoer totaal, toeslag
"""


def test_an_output_per_member_shows_each_value(browser: object, tmp_path: Path) -> None:
    """A `regel per kind` as an output: the explorer shows the value of each child, in order."""
    (tmp_path / "per_lid").mkdir()
    (tmp_path / "per_lid" / "per_lid.rw").write_text(PER_MEMBER, encoding="utf-8")
    with serving(Instellingen(tmp_path)) as url:
        page = browser.new_page(locale="nl-NL")  # type: ignore[attr-defined]
        page.goto(f"{url}/verkenner?regeling=per_lid")
        page.wait_for_selector("body[data-klaar=ja]")
        page.fill("[data-scenario=A] input[aria-label=peildatum]", "2026-03-01")
        for index, age in enumerate(["3", "15"]):
            page.click("[data-scenario=A] button.toevoegen")
            page.fill(f"[data-scenario=A] [data-veld='kinderen[{index}].leeftijd']", age)
        cell = page.wait_for_selector("[data-scenario=A] td[data-uitvoer=toeslag]"
                                      "[data-waarde='10.00,20.50']")
        assert cell.inner_text() == "€ 10,00 per maand; € 20,50 per maand"
        total = page.inner_text("[data-scenario=A] td[data-uitvoer=totaal]")
        assert total == "€ 30,50 per maand"
        page.close()
