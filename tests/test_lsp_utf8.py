"""Positions in UTF-8 when the client prefers it (as Neovim does): `€` is three units there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lsp"

pytestmark = pytest.mark.asyncio(loop_scope="module")

TEXT = ("regeling euro\n  geldig vanaf 2026-01-01\n  bron \"x\"\n\ninvoer inkomen: bedrag   [art. 1]\n\n"
        "regel r: bedrag   [art. 2]\n  = € 1,00 × inkomn\n\nuitvoer r\n")


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "regelwerk.cli", "lsp"]),
    scope="module", loop_scope="module",
)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    capabilities = pytest_lsp.client_capabilities("neovim")
    capabilities.general = lsp.GeneralClientCapabilities(
        position_encodings=[lsp.PositionEncodingKind.Utf8, lsp.PositionEncodingKind.Utf16])
    result = await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=capabilities, root_uri=FIXTURES.as_uri()))
    assert result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


async def test_positions_count_bytes(client: LanguageClient) -> None:
    uri = (FIXTURES / "euro.rw").as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=uri, language_id="regelwerk", version=1, text=TEXT)))
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    (unknown,) = [d for d in client.diagnostics[uri] if d.code == "RW101"]
    line = "  = € 1,00 × inkomn"
    start = len(line[: line.index("inkomn")].encode("utf-8"))
    assert unknown.range.start == lsp.Position(line=7, character=start)
    assert unknown.range.end == lsp.Position(line=7, character=start + len("inkomn"))
