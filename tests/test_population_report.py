"""The HTML report of `regelwerk simuleer`: deterministic, escaped, self-contained, and its charts
really drawn (checked in headless Chromium)."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")
pytest.importorskip("matplotlib")

from regelwerk.backends.annex.pdf import find_browser  # noqa: E402
from regelwerk.backends.population import impact as impact_  # noqa: E402
from regelwerk.backends.population import summary as summary_  # noqa: E402
from regelwerk.backends.population.engine import PerHousehold  # noqa: E402
from regelwerk.backends.population.io import complete, prepare  # noqa: E402
from regelwerk.backends.population.report import render  # noqa: E402
from regelwerk.backends.population.sources import read  # noqa: E402
from regelwerk.pipeline import load  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ZORGTOESLAG = ROOT / "regulations" / "zorgtoeslag" / "zorgtoeslag.rw"
OUTPUTS = 8  # zorgtoeslag has eight outputs, all amounts


def population(tmp_path: Path) -> Path:
    lines = []
    for i in range(40):
        income = 1500 * i + (i % 7) * 13
        lines.append(json.dumps({
            "sleutel": f"h{i}", "zelfde_toeslagpartner_hele_berekeningsjaar": False,
            "huishouden": [{"rol": "aanvrager", "verzekerde": True,
                            "toetsingsinkomen": f"{income}.00", "rendementsgrondslag": "0"}]}))
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def report(tmp_path: Path, label: str = "zorgtoeslag.rw") -> str:
    result = load([ZORGTOESLAG])
    program = result.checked[0].core()
    source = read(str(population(tmp_path)))
    prepared = prepare(source, program)
    runs = {}
    for day in (datetime.date(2025, 1, 1), datetime.date(2026, 1, 1)):
        runs[day] = complete(PerHousehold().compute(program, prepared.table, day), prepared)
    new, base = runs[datetime.date(2026, 1, 1)], runs[datetime.date(2025, 1, 1)]
    summary = summary_.summarize(program, new, datetime.date(2026, 1, 1), label, prepared)
    base_summary = summary_.summarize(program, base, datetime.date(2025, 1, 1), label, prepared)
    income = summary_.income(program, base, prepared)
    impact = impact_.compare(program, base, program, new, f"{label} op 2025-01-01",
                             f"{label} op 2026-01-01", income)
    return render(summary, base_summary, impact)


def test_report_is_deterministic_and_self_contained(tmp_path: Path) -> None:
    first, second = report(tmp_path), report(tmp_path)
    assert first == second
    assert "<svg" in first
    assert not re.search(r"(src|href)=\"https?:", first)
    assert "<dc:date>" not in first
    assert "€ " in first and "totaal per inkomensdeciel" in first


def test_report_escapes_text_from_outside(tmp_path: Path) -> None:
    html = report(tmp_path, label="<script>alert(1)</script>.rw")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.rw" in html


def bar_ids(html: str) -> list[str]:
    return re.findall(r'<g id="([a-z]+\d+-staaf-\d+)"', html)


def test_report_charts_have_one_bar_per_decile(tmp_path: Path) -> None:
    ids = bar_ids(report(tmp_path))
    # per output: the new and the base summary (10 bars each), the impact: 3 + 10 bars
    assert len(ids) == OUTPUTS * (10 + 10 + 3 + 10)
    assert len(set(ids)) == len(ids)


def test_report_charts_render_in_chromium(tmp_path: Path) -> None:
    browser = find_browser()
    if browser is None:
        pytest.skip("geen Chromium gevonden (.ci/install-browser.sh installeert het; of zet "
                    "REGELWERK_CHROMIUM)")
    html = report(tmp_path)
    page = tmp_path / "rapport.html"
    page.write_text(html, "utf-8")
    with tempfile.TemporaryDirectory(prefix="regelwerk-chromium-") as profile:
        result = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
    dom = result.stdout
    assert "<svg" in dom, result.stderr[-2000:]
    ids = bar_ids(dom)
    assert len(ids) == OUTPUTS * (10 + 10 + 3 + 10)
    # each bar is drawn: a group holding its path
    assert len(re.findall(r'<g id="[a-z]+\d+-staaf-\d+">\s*<path', dom)) == len(ids)
    assert dom.count("<svg") == OUTPUTS * 4
