"""Diagnostics after one keystroke in the language server versus a full check, in the same run.

    .venv/bin/python benchmarks/bench_lsp.py [--bestand regulations/zorgtoeslag/zorgtoeslag.rw]
                                             [--herhaal 20]

A keystroke is one digit of a parameter's amount typed over: the file stays valid, so every check
runs again (z3 included); only the block of that parameter is parsed again, the other blocks and
the modules the file uses come from the parse cache. Measured two ways:
- in the server's own code (`Documents.update` and the conversion to LSP diagnostics);
- end to end: a real LSP client sends `didChange` to `regelwerk lsp` over stdio (debounce 0) and
  waits for `publishDiagnostics`.
The baseline is a full check of the same file (`pipeline.load`, as `regelwerk check` does).
The target: diagnostics after one keystroke within 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types as lsp

from regelwerk.lsp.convert import uri_of
from regelwerk.lsp.documents import Documents
from regelwerk.lsp.publish import lsp_diagnostics
from regelwerk.pipeline import load

TARGET_MS = 100.0
DEFAULT = Path("regulations/zorgtoeslag/zorgtoeslag.rw")


def keystrokes(text: str, count: int) -> list[str]:
    """`count` versions of the text, each one character different from the one before: the last
    digit of the first amount of a parameter typed over (5, 6, 5, ...). The file stays valid, so
    every check runs, the z3 checks included."""
    match = re.search(r"\nparameter [^\n]*\n(?:[^\n]*\n)*?[^\n]*€ [0-9.]+,[0-9]*([0-9])", text)
    assert match is not None, "geen parameter met een bedrag"
    at = match.start(1)
    return [text[:at] + ("5" if i % 2 == 0 else "6") + text[at + 1:] for i in range(count)]


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def in_process(path: Path, repeat: int) -> list[float]:
    documents = Documents()
    uri = uri_of(path)
    text = path.read_text(encoding="utf-8")
    documents.update(uri, text)
    times = []
    for version in keystrokes(text, repeat):
        start = time.perf_counter()
        lsp_diagnostics(documents.update(uri, version))
        times.append((time.perf_counter() - start) * 1000)
    return times


async def over_stdio(path: Path, repeat: int) -> list[float]:
    from pytest_lsp import LanguageClient, client_capabilities

    client = LanguageClient()
    await client.start_io(sys.executable, "-m", "regelwerk.cli", "lsp")
    await client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=uri_of(path.parent), initialization_options={"vertraging_ms": 0}))
    uri = uri_of(path)
    text = path.read_text(encoding="utf-8")
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=uri, language_id="regelwerk", version=1, text=text)))
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    times = []
    for number, version in enumerate(keystrokes(text, repeat), start=2):
        start = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=number),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=version)]))
        await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        times.append((time.perf_counter() - start) * 1000)
    await client.shutdown_session()
    return times


def show(label: str, times: list[float], baseline: float) -> None:
    median = statistics.median(times)
    print(f"{label:<46} mediaan {median:7.1f} ms, beste {min(times):7.1f} ms, "
          f"slechtste {max(times):7.1f} ms  ({median / baseline:.2f}x de volledige controle)")


def main() -> int:
    logging.disable(logging.WARNING)  # the bare client logs every notification it ignores
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bestand", type=Path, default=DEFAULT)
    parser.add_argument("--herhaal", type=int, default=20)
    args = parser.parse_args()
    path: Path = args.bestand
    lines = path.read_text(encoding="utf-8").count("\n")
    print(f"{path} ({lines} regels), {args.herhaal} keer")
    load([path])  # warm: the grammar is compiled once per process
    full = timed(lambda: load([path]), args.herhaal)
    baseline = statistics.median(full)
    print(f"{'volledige controle (regelwerk check)':<46} mediaan {baseline:7.1f} ms, "
          f"beste {min(full):7.1f} ms")
    local = in_process(path, args.herhaal)
    show("na één toetsaanslag, in de server", local, baseline)
    remote = asyncio.run(over_stdio(path, args.herhaal))
    show("na één toetsaanslag, via LSP over stdio", remote, baseline)
    worst = statistics.median(remote)
    verdict = "gehaald" if worst <= TARGET_MS else "NIET gehaald"
    print(f"doel: hoogstens {TARGET_MS:.0f} ms na één toetsaanslag (mediaan via stdio): {verdict}")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
