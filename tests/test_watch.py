"""`check --bewaak` and `test --bewaak`: a real process that runs again when a file changes."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

GOOD = """regeling bewaakt
  geldig vanaf 2026-01-01
  bron "Voorbeeldbesluit"

invoer inkomen: bedrag per maand   [art. 1]

regel toeslag: bedrag per maand    [art. 2]
  = inkomen

uitvoer toeslag

test "gelijk"
  peildatum 2026-01-01
  gegeven inkomen = € 10,00
  verwacht toeslag = € 10,00
"""

TIMEOUT = 30.0


class Running:
    """A `regelwerk ... --bewaak` process whose output lines are read as they come."""

    def __init__(self, *args: str, cwd: Path) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "regelwerk.cli", *args], cwd=cwd, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding="utf-8")
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, text: str) -> list[str]:
        seen = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            seen.append(line)
            if text in line:
                return seen
        raise AssertionError(f"'{text}' niet gezien in {''.join(seen)!r}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.mark.parametrize("command, first, after", [
    ("check", "0 fouten", "1 fout,"),
    ("test", "1 geslaagd, 0 mislukt", "0 geslaagd, 1 mislukt"),
])
def test_runs_again_on_change(tmp_path: Path, command: str, first: str, after: str) -> None:
    rules = tmp_path / "bewaakt.rw"
    rules.write_text(GOOD, encoding="utf-8")
    running = Running(command, "--bewaak", "bewaakt.rw", cwd=tmp_path)
    try:
        running.wait_for(first)
        running.wait_for("wacht op wijzigingen")
        broken = GOOD.replace("= inkomen\n", "= inkomn\n") if command == "check" else \
            GOOD.replace("verwacht toeslag = € 10,00", "verwacht toeslag = € 11,00")
        rules.write_text(broken, encoding="utf-8")
        seen = running.wait_for(after)
        assert any("gewijzigd: bewaakt.rw" in line for line in seen)
        assert running.process.poll() is None  # still watching
    finally:
        running.stop()
