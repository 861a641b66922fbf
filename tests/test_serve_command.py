"""The command `regelwerk serve` itself: it starts uvicorn on the port it is given, and it does not
start over rule files with errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.bench_serve import free_port
from click.testing import CliRunner

from regelwerk.cli import main
from tests.serving import call

FIXTURE = Path(__file__).parent / "fixtures" / "serve" / "vijandig"


def test_the_command_serves_the_folder(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "vijandig")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "regelwerk.cli", "serve", str(tmp_path),
                               "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body, _ = call("GET", f"http://127.0.0.1:{port}/regelingen")
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.1)
        assert status == 200 and [r["naam"] for r in body] == ["vijandig"]
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
    assert f"verkenner: http://127.0.0.1:{port}/verkenner" in errors


def test_rule_files_with_errors_do_not_start(tmp_path: Path) -> None:
    (tmp_path / "kapot.rw").write_text("regeling kapot\n  titel \"x\"\n\nregel a: bedrag = b\n",
                                       "utf-8")
    result = CliRunner().invoke(main, ["serve", str(tmp_path)])
    assert result.exit_code == 1
    assert "de dienst start niet" in result.output


def test_workers_build_the_same_application_from_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from regelwerk.serve.app import ENVIRONMENT, Instellingen, from_environment, to_environment

    shutil.copytree(FIXTURE, tmp_path / "vijandig")
    settings = Instellingen(tmp_path, max_reeks=7, cors=("https://portaal.example",))
    monkeypatch.setenv(ENVIRONMENT, to_environment(settings))
    app = from_environment()
    assert app.state.instellingen == settings
    assert list(app.state.catalogus.regelingen) == ["vijandig"]
