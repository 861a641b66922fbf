"""The language server through a real LSP client over stdio (pytest-lsp): `regelwerk lsp` as an
editor starts it. One server for the module; each test opens its own document."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "lsp"
REGELING = FIXTURES / "regeling.rw"
MODULE = FIXTURES / "gebruik_lsp.rw"

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "regelwerk.cli", "lsp"]),
    scope="module", loop_scope="module",
)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
        root_uri=FIXTURES.as_uri(),
        initialization_options={"vertraging_ms": 20},
    ))
    yield
    await lsp_client.shutdown_session()


_counter = 0


async def open_document(client: LanguageClient, text: str, name: str | None = None) -> str:
    """Open `text` as a document beside the fixtures and wait for its diagnostics."""
    global _counter
    _counter += 1
    uri = (FIXTURES / (name or f"open_{_counter}.rw")).as_uri()
    before = client.diagnostics.get(uri)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="regelwerk", version=1, text=text)))
    await diagnostics_after(client, uri, before)
    return uri


async def diagnostics_after(client: LanguageClient, uri: str, before: object) -> None:
    """Wait for new diagnostics of `uri` (a late one of another document does not count)."""
    while client.diagnostics.get(uri) is before:
        await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


def position_of(text: str, needle: str, offset: int = 0) -> lsp.Position:
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return lsp.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))


REGELING_TEXT = REGELING.read_text(encoding="utf-8")


async def test_diagnostic_appears_and_clears(client: LanguageClient) -> None:
    broken = REGELING_TEXT.replace("= als inkomen", "= als inkomn")
    uri = await open_document(client, broken, "regeling.rw")
    (found,) = [d for d in client.diagnostics[uri] if d.code == "RW101"]
    assert "inkomn" in found.message and "tip: bedoelde u 'inkomen'?" in found.message
    assert found.severity == lsp.DiagnosticSeverity.Error and found.source == "regelwerk"
    assert found.range.start == position_of(broken, "inkomn")
    before = client.diagnostics[uri]
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=REGELING_TEXT)]))
    await diagnostics_after(client, uri, before)
    assert [d for d in client.diagnostics[uri] if d.severity == lsp.DiagnosticSeverity.Error] == []
    before = client.diagnostics[uri]
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri)))
    await diagnostics_after(client, uri, before)


async def test_related_locations_of_an_overlap(client: LanguageClient) -> None:
    text = REGELING_TEXT.replace("| tot € 1.000,00  ", "| tot € 1.500,00  ")
    uri = await open_document(client, text)
    (overlap,) = [d for d in client.diagnostics[uri] if d.code == "RW302"]
    (related,) = overlap.related_information or []
    assert related.location.uri == uri and related.message == "rij 1 geldt ook"
    assert related.location.range.start.line == position_of(text, "| tot € 1.500,00").line


async def test_hover_parameter_from_a_used_module(client: LanguageClient) -> None:
    uri = await open_document(client, REGELING_TEXT)
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        position=position_of(REGELING_TEXT, "grens dan", 1)))
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    value = hover.contents.value
    assert "parameter grens" in value and "gebruik_lsp" in value
    assert "bedrag per maand" in value and "[art. 2]" in value
    assert "€ 1.100,00" in value and "voorlopig: nog niet bekendgemaakt" in value
    assert "geldt vandaag" in value and "onbekend: wordt in 2026 vastgesteld" in value


async def test_unsaved_module_counts(client: LanguageClient) -> None:
    """A module open in the editor is read as it is there, not as it is on disk."""
    module_text = MODULE.read_text(encoding="utf-8")
    module_uri = await open_document(client, module_text.replace("grens:", "bovengrens:"),
                                     "gebruik_lsp.rw")
    uri = await open_document(client, REGELING_TEXT, "regeling.rw")
    assert any(d.code == "RW101" and "'grens'" in d.message for d in client.diagnostics[uri])
    for opened in (uri, module_uri):
        before = client.diagnostics[opened]
        client.text_document_did_close(lsp.DidCloseTextDocumentParams(
            text_document=lsp.TextDocumentIdentifier(uri=opened)))
        await diagnostics_after(client, opened, before)


async def test_hover_table_shows_columns(client: LanguageClient) -> None:
    uri = await open_document(client, REGELING_TEXT)
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        position=position_of(REGELING_TEXT, "schaal(inkomen)", 2)))
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "`inkomen` (bedrag per maand) — invoer" in hover.contents.value
    assert "`bijdrage` (bedrag per maand) — uitkomst" in hover.contents.value


async def test_definition_across_modules(client: LanguageClient) -> None:
    uri = await open_document(client, REGELING_TEXT)
    found = await client.text_document_definition_async(lsp.DefinitionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        position=position_of(REGELING_TEXT, "grens dan")))
    assert isinstance(found, lsp.Location)
    assert found.uri == MODULE.as_uri()
    module_text = MODULE.read_text(encoding="utf-8")
    assert found.range.start == position_of(module_text, "grens:")


async def test_definition_in_stdlib(client: LanguageClient) -> None:
    text = REGELING_TEXT.replace("gebruik gebruik_lsp", "gebruik gebruik_lsp, gezin")
    uri = await open_document(client, text)
    found = await client.text_document_definition_async(lsp.DefinitionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        position=position_of(text, "gezin", 1)))
    assert isinstance(found, lsp.Location)
    assert found.uri == (ROOT / "stdlib_rules" / "gezin.rw").as_uri()


async def test_references_across_files(client: LanguageClient) -> None:
    module_text = MODULE.read_text(encoding="utf-8")
    uri = await open_document(client, module_text, "gebruik_lsp.rw")
    found = await client.text_document_references_async(lsp.ReferenceParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        position=position_of(module_text, "grens:"),
        context=lsp.ReferenceContext(include_declaration=True)))
    assert {location.uri for location in found or []} == {MODULE.as_uri(), REGELING.as_uri()}
    in_regeling = [f for f in found or [] if f.uri == REGELING.as_uri()]
    assert in_regeling[0].range.start == position_of(REGELING_TEXT, "grens dan")


async def test_rename_across_files(client: LanguageClient) -> None:
    module_text = MODULE.read_text(encoding="utf-8")
    uri = await open_document(client, module_text, "gebruik_lsp.rw")
    edit = await client.text_document_rename_async(lsp.RenameParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        position=position_of(module_text, "grens:"), new_name="inkomensgrens"))
    assert edit is not None and edit.changes is not None
    assert set(edit.changes) == {MODULE.as_uri(), REGELING.as_uri()}
    assert all(e.new_text == "inkomensgrens" for edits in edit.changes.values() for e in edits)
    (in_regeling,) = edit.changes[REGELING.as_uri()]
    start = position_of(REGELING_TEXT, "grens dan")
    assert in_regeling.range == lsp.Range(start=start, end=lsp.Position(
        line=start.line, character=start.character + len("grens")))


async def test_completion(client: LanguageClient) -> None:
    text = REGELING_TEXT + "\nregel extra: bedrag per maand   [art. 7]\n  = \n"
    uri = await open_document(client, text)
    lines = text.split("\n")
    line = len(lines) - 2

    async def labels(character: int, edit: str | None = None) -> dict[str, str | None]:
        nonlocal text
        if edit is not None:
            lines[line] = edit
            text = "\n".join(lines)
            client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))
        result = await client.text_document_completion_async(lsp.CompletionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            position=lsp.Position(line=line, character=character)))
        items = result.items if isinstance(result, lsp.CompletionList) else result or []
        return {item.label: item.detail for item in items}

    found = await labels(4)
    assert found["inkomen"] == "invoer: bedrag per maand"
    assert found["grens"] == "parameter: bedrag per maand"
    assert found["schaal"] == "tabel"
    assert found["als"] == "sleutelwoord" and found["maximum"] == "sleutelwoord"
    found = await labels(len("  = inkomen per "), "  = inkomen per ")
    assert set(found) == {"uur", "dag", "week", "maand", "kwartaal", "jaar"}
    found = await labels(len("  = als situatie = "), "  = als situatie = ")
    assert list(found)[:2] == ["alleen", "samen"]
    found = await labels(len("  = gebruik_lsp."), "  = gebruik_lsp.")
    assert "grens" in found and "woonsituatie" in found


async def test_record_fields_after_a_dot(client: LanguageClient) -> None:
    text = ("module velden\n  geldig vanaf 2026-01-01\n\ngegevens kind   [art. 1]\n"
            "  leeftijd: aantal\n  inkomen: bedrag per jaar\n\ninvoer oudste: kind   [art. 2]\n\n"
            "regel r: aantal   [art. 3]\n  = oudste.leeftijd\n")
    uri = await open_document(client, text)
    text2 = text.replace("= oudste.leeftijd", "= oudste.")
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text2)]))
    position = position_of(text2, "oudste.", len("oudste."))
    result = await client.text_document_completion_async(lsp.CompletionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=position))
    items = result.items if isinstance(result, lsp.CompletionList) else result or []
    assert {i.label: i.detail for i in items} == {"leeftijd": "veld: aantal",
                                                  "inkomen": "veld: bedrag per jaar"}


async def test_document_symbols_and_folding(client: LanguageClient) -> None:
    uri = await open_document(client, REGELING_TEXT)
    found = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri)))
    names = [(s.name, s.detail) for s in found or [] if isinstance(s, lsp.DocumentSymbol)]
    assert names == [("inkomen", "invoer bedrag per maand"), ("situatie", "invoer woonsituatie"),
                     ("schaal", "tabel"), ("bijdrage", "regel bedrag per maand")]
    table = [s for s in found or [] if s.name == "schaal"][0]
    assert isinstance(table, lsp.DocumentSymbol) and table.range.end.line - table.range.start.line == 3
    folds = await client.text_document_folding_range_async(lsp.FoldingRangeParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri)))
    starts = {f.start_line: f.end_line for f in folds or []}
    header = position_of(REGELING_TEXT, "tabel schaal").line
    assert starts[0] == 3 and starts[header] == header + 3


async def test_semantic_tokens(client: LanguageClient) -> None:
    uri = await open_document(client, REGELING_TEXT)
    result = await client.text_document_semantic_tokens_full_async(lsp.SemanticTokensParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri)))
    assert result is not None
    data = result.data
    legend = ["keyword", "variable", "parameter", "enum", "enumMember", "struct", "property",
              "function", "namespace", "number", "string", "comment", "operator", "decorator", "type"]
    line = column = 0
    tokens = {}
    lines = REGELING_TEXT.split("\n")
    for index in range(0, len(data), 5):
        line += data[index]
        column = data[index + 1] if data[index] else column + data[index + 1]
        tokens[lines[line][column:column + data[index + 2]]] = legend[data[index + 3]]
    assert tokens["regeling"] == "keyword" and tokens["tabel"] == "keyword"
    assert tokens["grens"] == "parameter" and tokens["schaal"] == "function"
    assert tokens["inkomen"] == "variable" and tokens["woonsituatie"] == "enum"
    assert tokens["€ 0,00"] == "number" and tokens["[art. 3]"] == "decorator"
    assert tokens['"Voorbeeldbesluit"'] == "string"


async def test_formatting_and_refusal(client: LanguageClient) -> None:
    messy = REGELING_TEXT.replace("invoer inkomen: bedrag per maand            [art. 3]",
                                  "invoer   inkomen :bedrag per maand [art. 3]")
    uri = await open_document(client, messy)
    edits = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert edits is not None and len(edits) == 1
    assert "invoer inkomen: bedrag per maand" in edits[0].new_text
    broken = await open_document(client, "regeling x\n  geldig vanaf 2026-01-01\n\nregel = 1\n")
    refused = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=lsp.TextDocumentIdentifier(uri=broken),
        options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert not refused
    assert any("maakt dit bestand niet op" in m.message for m in client.messages)


async def actions_for(client: LanguageClient, uri: str, line: int) -> list[lsp.CodeAction]:
    result = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        range=lsp.Range(start=lsp.Position(line=line, character=0),
                        end=lsp.Position(line=line, character=0)),
        context=lsp.CodeActionContext(diagnostics=client.diagnostics.get(uri, []))))
    return [a for a in result or [] if isinstance(a, lsp.CodeAction)]


def applied(text: str, action: lsp.CodeAction, uri: str) -> str:
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes[uri]
    lines = text.split("\n")
    start, end = edit.range.start, edit.range.end
    before = "\n".join(lines[:start.line] + [lines[start.line][:start.character]]) \
        if start.line < len(lines) else text
    after_line = lines[end.line][end.character:] if end.line < len(lines) else ""
    after = "\n".join([after_line] + lines[end.line + 1:])
    return before + edit.new_text + after


@pytest.mark.parametrize("broken, at, title", [
    (("regel bijdrage", "rule bijdrage"), "rule bijdrage", "'regel'"),
    (("= als inkomen", "= als inkomn"), "= als", "'inkomen'"),
    (('bron "Voorbeeldbesluit"', "bron \u201cVoorbeeldbesluit\u201d"), "bron", "aanhalingstekens"),
    ((" anders € 0,00", ""), "= als", "anders"),
], ids=["bedoelde-u-sleutelwoord", "bedoelde-u-naam", "aanhalingstekens", "anders"])
async def test_action_repairs(client: LanguageClient, broken: tuple[str, str], at: str,
                              title: str) -> None:
    """Each quick fix turns the broken text back into the original."""
    text = REGELING_TEXT.replace(*broken)
    uri = await open_document(client, text)
    assert any(d.severity == lsp.DiagnosticSeverity.Error for d in client.diagnostics[uri])
    line = position_of(text, at).line
    (action,) = [a for a in await actions_for(client, uri, line) if title in a.title]
    assert applied(text, action, uri) == REGELING_TEXT


async def test_action_table_gap(client: LanguageClient) -> None:
    text = REGELING_TEXT.replace("| vanaf € 1.000,00   ", "| vanaf € 1.200,00   ")
    uri = await open_document(client, text)
    (gap,) = [d for d in client.diagnostics[uri] if d.code == "RW301"]
    (action,) = [a for a in await actions_for(client, uri, gap.range.start.line)
                 if "rij" in a.title]
    fixed = applied(text, action, uri)
    assert "  | vanaf € 1.000,00 tot € 1.200,00 | … |\n" in fixed


async def test_action_test_skeleton(client: LanguageClient) -> None:
    uri = await open_document(client, REGELING_TEXT)
    line = position_of(REGELING_TEXT, "regel bijdrage").line
    (action,) = [a for a in await actions_for(client, uri, line) if "test" in a.title]
    fixed = applied(REGELING_TEXT, action, uri)
    assert fixed.endswith('test "bijdrage"\n  peildatum 2026-01-01\n  gegeven inkomen = € 0,00\n'
                          "  verwacht bijdrage = € 0,00\n")


@pytest.mark.parametrize("name, text", [
    ("binair", "regeling x\n\x00\x01\x02\xff\ufffd" * 200),
    ("groot", "# " + "x" * 5_300_000 + "\n"),
    ("haakjes", "regeling x\n  geldig vanaf 2026-01-01\n\nregel r: getal   [a]\n  = "
     + "(" * 5000 + "1" + ")" * 5000 + "\n"),
])
async def test_hostile_documents_do_not_crash(client: LanguageClient, name: str, text: str) -> None:
    uri = await open_document(client, text)
    assert client.diagnostics[uri], name
    await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=1, character=1)))
    await client.text_document_semantic_tokens_full_async(lsp.SemanticTokensParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri)))
    await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri)))
    await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    # Still answering: the server is alive.
    ok = await open_document(client, REGELING_TEXT)
    assert not [d for d in client.diagnostics[ok] if d.severity == lsp.DiagnosticSeverity.Error]


async def test_related_locations_of_a_cycle_and_a_conflict(client: LanguageClient) -> None:
    text = ("regeling kring\n  geldig vanaf 2026-01-01\n  bron \"x\"\n\ninvoer x: getal   [art. 1]\n\n"
            "regel a: getal   [art. 2]\n  = b + 1\n\nregel b: getal   [art. 3]\n  = a + 1\n\n"
            "regel c: getal   [art. 4]\n  = x\n  behalve als x > 1: 1   [art. 5]\n"
            "  behalve als x > 2: 2   [art. 6]\n\nuitvoer a, c\n")
    uri = await open_document(client, text)
    by_code = {d.code: d for d in client.diagnostics[uri]}
    cycle = by_code["RW401"].related_information or []
    assert cycle and all(r.location.uri == uri for r in cycle)
    assert {r.location.range.start.line for r in cycle} <= {position_of(text, "= b").line,
                                                            position_of(text, "= a").line}
    (other,) = by_code["RW310"].related_information or []
    assert other.location.range.start == position_of(text, "behalve als x > 1")
