"""A small version of benchmarks/bench_serve.py: concurrent requests on loopback, every answer a
200 with exactly the in-process outputs (no timing is judged here)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.bench_serve import PEILDATUM, errors, households, in_process, load

from regelwerk.serve import Instellingen
from tests.serving import serving

ROOT = Path(__file__).resolve().parent.parent


def test_concurrent_requests_all_answered_exactly() -> None:
    cases = households(50)
    expected, _ = in_process(cases)
    bodies = [json.dumps({"peildatum": PEILDATUM, "invoer": c}).encode() for c in cases]
    with serving(Instellingen(ROOT / "regulations" / "zorgtoeslag")) as url:
        address = urlsplit(url)
        assert address.hostname is not None and address.port is not None
        _, latencies, answers = asyncio.run(load(address.hostname, address.port, bodies, 400, 8))
    assert len(answers) == len(latencies) == 400
    assert errors(answers, expected) == []
