""""Bewaar als test" and the service's safety: writing only with --schrijven on loopback, only the
explorer's own requests, only .rw files under the folder, exactly what the analyst was shown."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from regelwerk.cli import main
from regelwerk.serve import Instellingen
from regelwerk.serve.catalog import load_catalog
from tests.serving import call, serving

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "serve" / "vijandig"
HEADERS = {"X-Regelwerk": "verkenner", "Content-Type": "application/json"}
CASE = {"regeling": "vijandig", "naam": "basis met één lid", "peildatum": "2026-03-01",
        "invoer": {"basis": "2,50", "leden": [{"bedrag_van_lid": "1.000,25", "soort_van_lid": "gewoon"}]}}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "vijandig")
    return tmp_path


@pytest.fixture()
def url(folder: Path) -> Iterator[str]:
    with serving(Instellingen(folder, schrijven=True)) as base:
        yield base


def test_a_case_is_proposed_as_a_diff_then_saved_and_the_test_passes(url: str, folder: Path) -> None:
    rule_file = folder / "vijandig" / "vijandig.rw"
    before = rule_file.read_text("utf-8")
    status, proposal, _ = call("POST", f"{url}/verkenner/test/voorstel", CASE, headers=HEADERS)
    assert status == 200, proposal
    assert proposal["bestand"] == os.path.join("vijandig", "vijandig.rw")
    added = [line[1:] for line in proposal["diff"].splitlines() if line.startswith("+")][1:]
    assert 'test "basis met één lid"' in added
    assert "    totaal = € 1.002,75" in added
    assert rule_file.read_text("utf-8") == before  # a proposal writes nothing
    request = {**CASE, "basis": proposal["basis"], "resultaat": proposal["resultaat"]}
    status, saved, _ = call("POST", f"{url}/verkenner/test/bewaar", request, headers=HEADERS)
    assert status == 200 and saved["bewaard"] is True
    assert rule_file.read_text("utf-8").startswith(before.rstrip("\n"))
    done = subprocess.run([sys.executable, "-m", "regelwerk.cli", "test", str(rule_file)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 geslaagd, 0 mislukt" in done.stdout
    # a proposal for a file that changes before it is saved is refused: it was not what was shown
    case = {**CASE, "naam": "nog een"}
    status, proposal, _ = call("POST", f"{url}/verkenner/test/voorstel", case, headers=HEADERS)
    assert status == 200
    rule_file.write_text(rule_file.read_text("utf-8") + "# een wijziging in de editor\n", "utf-8")
    request = {**case, "basis": proposal["basis"], "resultaat": proposal["resultaat"]}
    status, body, _ = call("POST", f"{url}/verkenner/test/bewaar", request, headers=HEADERS)
    assert (status, body["fout"]) == (409, "gewijzigd")


def test_a_proposal_with_wrong_input_names_every_problem(url: str) -> None:
    case = {**CASE, "invoer": {"basis": "veel", "leden": [{"soort_van_lid": "raar"}]}}
    status, body, _ = call("POST", f"{url}/verkenner/test/voorstel", case, headers=HEADERS)
    assert status == 422 and [p["veld"] for p in body["problemen"]] == [
        "leden[0].bedrag_van_lid", "leden[0].soort_van_lid", "basis"]


@pytest.mark.parametrize("name", ['a "quote"', "twee\nregels", "", "x" * 121, 3])
def test_a_test_name_that_cannot_be_written_is_refused(url: str, name: object) -> None:
    status, body, _ = call("POST", f"{url}/verkenner/test/voorstel", {**CASE, "naam": name},
                           headers=HEADERS)
    assert status == 422 and body["problemen"][0]["veld"] == "naam"


def test_a_name_already_used_is_refused(url: str) -> None:
    case = {**CASE, "naam": "<script>window.geraakt='test'</script>"}
    status, body, _ = call("POST", f"{url}/verkenner/test/voorstel", case, headers=HEADERS)
    assert status == 422 and body["fout"] == "test-kan-niet"


@pytest.mark.parametrize("headers", [
    {"Content-Type": "application/json"},  # no X-Regelwerk: not the explorer
    {"X-Regelwerk": "verkenner", "Content-Type": "text/plain"},  # a "simple" cross-site request
    {**HEADERS, "Origin": "https://elders.example"},
    {**HEADERS, "Host": "regelwerk.example"},  # DNS rebinding
])
def test_only_the_explorer_itself_may_write(url: str, headers: dict[str, str]) -> None:
    status, body, _ = call("POST", f"{url}/verkenner/test/voorstel", CASE, headers=headers)
    assert (status, body["fout"]) == (403, "schrijven-uit")


@pytest.mark.parametrize("settings", [{}, {"host": "0.0.0.0", "schrijven": True}])
def test_without_schrijven_on_loopback_nothing_is_written(folder: Path, settings: dict[str, object]
                                                         ) -> None:
    with serving(Instellingen(folder, **settings)) as base:  # type: ignore[arg-type]
        for path in ("voorstel", "bewaar"):
            status, body, _ = call("POST", f"{base}/verkenner/test/{path}", CASE, headers=HEADERS)
            assert (status, body["fout"]) == (403, "schrijven-uit")
        status, page, headers = call("GET", f"{base}/verkenner")
        assert 'data-schrijven="nee"' in page


def test_the_command_refuses_schrijven_on_an_open_address(folder: Path) -> None:
    result = CliRunner().invoke(main, ["serve", str(folder), "--host", "0.0.0.0", "--schrijven"])
    assert result.exit_code == 2 and "loopback" in result.output


def test_a_rule_file_outside_the_folder_is_not_served(tmp_path: Path) -> None:
    served = tmp_path / "map"
    served.mkdir()
    (served / "binnen").symlink_to(ROOT / "regulations" / "zorgtoeslag")
    assert load_catalog(served).regelingen == {}
    shutil.copytree(FIXTURE, served / "vijandig")
    assert list(load_catalog(served).regelingen) == ["vijandig"]


def test_the_page_forbids_inline_script(url: str) -> None:
    status, page, headers = call("GET", f"{url}/verkenner")
    assert status == 200 and 'data-schrijven="ja"' in page
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    status, script, headers = call("GET", f"{url}/verkenner/static/verkenner.js")
    assert status == 200 and "innerHTML" not in script and "insertAdjacentHTML" not in script
    status, _, _ = call("GET", f"{url}/verkenner/static/../../catalog.py")
    assert status == 404
