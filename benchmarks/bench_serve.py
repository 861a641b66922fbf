"""`regelwerk serve` under load on loopback, against calling `bereken` in-process, in one run.

    .venv/bin/python benchmarks/bench_serve.py [--verzoeken 20000] [--tegelijk 32] [--workers 1]

Starts `regelwerk serve regulations/zorgtoeslag` on a free port (one process, or --workers), sends
zorgtoeslag requests (households with and without a partner, amounts in JSON and Dutch notation)
over 32 keep-alive connections at a time, and prints:
- throughput (requests per second) and the p50 and p99 latency of a request;
- the time of one in-process `bereken(...).naar_json()` on the same households (best of 5 rounds),
  and the ratios: p50 and p99 latency per in-process call, and in-process calls per second per
  request per second;
- the errors: every answer must be a 200 with exactly the in-process outputs (the script fails
  otherwise).

The client is a small asyncio HTTP/1.1 client in this file, so the measurement is of the service,
not of a client library. Times are integer nanoseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PEILDATUM = "2026-03-01"


def households(count: int) -> list[dict[str, Any]]:
    """Varied but fixed zorgtoeslag households: incomes and assets in both notations."""
    out = []
    for i in range(count):
        income = 12_000 + (i * 7_919) % 45_000
        person = {"rol": "aanvrager", "verzekerde": True,
                  "toetsingsinkomen": f"{income}.{i % 100:02d}",
                  "rendementsgrondslag": f"{(i * 3_001) % 160_000}"}
        members = [person]
        if i % 2:
            members.append({"rol": "toeslagpartner", "verzekerde": i % 5 != 0,
                            "toetsingsinkomen": f"{(i * 4_177) % 30_000:,}".replace(",", ".") + ",50",
                            "rendementsgrondslag": "0"})
        out.append({"huishouden": members, "zelfde_toeslagpartner_hele_berekeningsjaar": i % 3 != 0})
    return out


def in_process(cases: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The expected outputs, and the best time (ns) of one in-process call over 5 rounds."""
    sys.path.insert(0, str(ROOT / "compiler" / "src"))
    from regelwerk.backends.python.loading import compiled_module
    from regelwerk.pipeline import load
    from regelwerk.serve.notation import normalise

    checked = load([ROOT / "regulations" / "zorgtoeslag"]).checked[0]
    module = compiled_module(checked.core())
    inputs = [normalise(module.INVOER_SCHEMA, case) for case in cases]
    expected = [module.bereken(case, PEILDATUM).naar_json() for case in inputs]
    best = None
    for _ in range(5):
        start = time.perf_counter_ns()
        for case in inputs:
            module.bereken(case, PEILDATUM).naar_json()
        elapsed = (time.perf_counter_ns() - start) // len(inputs)
        best = elapsed if best is None else min(best, elapsed)
    assert best is not None
    return expected, best


async def _worker(host: str, port: int, bodies: list[bytes], queue: asyncio.Queue[int],
                  latencies: list[int], answers: list[tuple[int, bytes]]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while True:
            try:
                index = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            body = bodies[index % len(bodies)]
            request = (f"POST /regelingen/zorgtoeslag/bereken HTTP/1.1\r\nHost: {host}:{port}\r\n"
                       f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                       ).encode() + body
            start = time.perf_counter_ns()
            writer.write(request)
            await writer.drain()
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            payload = await reader.readexactly(length)
            latencies.append(time.perf_counter_ns() - start)
            answers.append((index, status_line.split()[1] + b" " + payload))
    finally:
        writer.close()


async def load(host: str, port: int, bodies: list[bytes], total: int, concurrency: int
               ) -> tuple[int, list[int], list[tuple[int, bytes]]]:
    """(elapsed ns, latencies, answers) of `total` requests over `concurrency` connections."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(total):
        queue.put_nowait(index)
    latencies: list[int] = []
    answers: list[tuple[int, bytes]] = []
    start = time.perf_counter_ns()
    await asyncio.gather(*(_worker(host, port, bodies, queue, latencies, answers)
                           for _ in range(concurrency)))
    return time.perf_counter_ns() - start, latencies, answers


def errors(answers: list[tuple[int, bytes]], expected: list[dict[str, Any]]) -> list[str]:
    found = []
    for index, answer in answers:
        status, _, payload = answer.partition(b" ")
        document = json.loads(payload) if status == b"200" else None
        want = expected[index % len(expected)]
        if document is None or document["uitvoer"] != want["uitvoer"]:
            found.append(f"verzoek {index}: {status.decode()} {payload[:200]!r}")
    return found


def percentile(values: list[int], fraction_per_100: int) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, len(ordered) * fraction_per_100 // 100)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "regelwerk.cli", "serve", str(ROOT / "regulations" / "zorgtoeslag"),
               "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "PYTHONPATH": str(ROOT / "compiler" / "src")})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/gezond", timeout=1):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("de dienst start niet")


def ms(nanoseconds: int) -> str:
    return f"{nanoseconds // 1000 / 1000:.3f} ms".replace(".", ",")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verzoeken", type=int, default=20_000)
    parser.add_argument("--tegelijk", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--huishoudens", type=int, default=500)
    options = parser.parse_args()
    cases = households(options.huishoudens)
    expected, per_call = in_process(cases)
    bodies = [json.dumps({"peildatum": PEILDATUM, "invoer": c}).encode() for c in cases]
    port = free_port()
    server = start_server(port, options.workers)
    try:
        asyncio.run(load("127.0.0.1", port, bodies, min(1000, options.verzoeken), options.tegelijk))
        elapsed, latencies, answers = asyncio.run(
            load("127.0.0.1", port, bodies, options.verzoeken, options.tegelijk))
    finally:
        server.terminate()
        server.wait(10)
    wrong = errors(answers, expected)
    throughput = len(answers) * 1_000_000_000 // elapsed
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    in_process_rate = 1_000_000_000 // per_call
    print(f"zorgtoeslag over HTTP: {len(answers)} verzoeken, {options.tegelijk} tegelijk, "
          f"{options.workers} worker(s)")
    print(f"  doorvoer     {throughput} verzoeken/s   (in-process: {in_process_rate} berekeningen/s; "
          f"verhouding 1 : {in_process_rate / throughput:.1f})")
    print(f"  latentie p50 {ms(p50)}   ({p50 / per_call:.1f}x één berekening in-process, "
          f"{ms(per_call)})")
    print(f"  latentie p99 {ms(p99)}   ({p99 / per_call:.1f}x)")
    print(f"  fouten       {len(wrong)}")
    for line in wrong[:10]:
        print("   ", line)
    return 1 if wrong or len(answers) != options.verzoeken else 0


if __name__ == "__main__":
    sys.exit(main())
