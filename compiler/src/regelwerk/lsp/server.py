"""The language server: pygls wiring of the features, debounced checking, and no crash on any
document (a failing feature logs the error and answers nothing)."""

from __future__ import annotations

import asyncio
import datetime
import functools
import logging
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from lsprotocol import types as lsp
from pygls.capabilities import ServerCapabilitiesBuilder
from pygls.lsp.server import LanguageServer

from regelwerk import __version__
from regelwerk.lsp import actions, completion, formatting, hover, navigation, symbols, tokens
from regelwerk.lsp.convert import column_of, path_of, use_encoding
from regelwerk.lsp.documents import Analysis, Documents
from regelwerk.lsp.publish import lsp_diagnostics

DEBOUNCE_SECONDS = 0.15

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("regelwerk.lsp")


class RegelwerkServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("regelwerk", __version__)
        self.documents = Documents()
        self.debounce = DEBOUNCE_SECONDS
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.last_good: dict[str, Analysis] = {}

    def analyse(self, uri: str) -> Analysis:
        text = self.workspace.get_text_document(uri).source
        analysis = self.documents.update(uri, text)
        if analysis.display in analysis.program.modules:
            self.last_good[uri] = analysis
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=lsp_diagnostics(analysis)))
        return analysis

    def current(self, uri: str) -> Analysis:
        """The analysis of the text as it is now (checking it if a change is still pending)."""
        analysis = self.documents.get(uri)
        text = self.workspace.get_text_document(uri).source
        if analysis is None or analysis.text != text:
            analysis = self.analyse(uri)
        return analysis

    def usable(self, uri: str, line: int | None = None) -> Analysis:
        """An analysis in which the document's own module could be read: the current one, else
        (when `line` is given) the document without the block being typed there, else the last
        one that could be read."""
        analysis = self.current(uri)
        if analysis.display in analysis.program.modules:
            return analysis
        if line is not None:
            partial = self.documents.without_block(analysis, line)
            if partial.display in partial.program.modules:
                return partial
        return self.last_good.get(uri, analysis)


server = RegelwerkServer()


def safe(default: Any) -> Callable[[F], F]:
    """A feature that fails answers `default` and logs why: the server never goes down."""
    def wrap(function: F) -> F:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except Exception:  # noqa: BLE001 - one bad document must not stop the server
                log.error("fout in %s:\n%s", function.__name__, traceback.format_exc())
                server.window_log_message(lsp.LogMessageParams(
                    type=lsp.MessageType.Error,
                    message=f"regelwerk: interne fout in {function.__name__}"))
                return default
        return run  # type: ignore[return-value]
    return wrap


@server.feature(lsp.INITIALIZE)
def initialize(ls: RegelwerkServer, params: lsp.InitializeParams) -> None:
    # The same choice pygls makes for its own document positions.
    encoding = ServerCapabilitiesBuilder.choose_position_encoding(params.capabilities)
    use_encoding(encoding.value if isinstance(encoding, lsp.PositionEncodingKind) else encoding)
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("vertraging_ms"), (int, float)):
        # a delay in seconds for the event loop's timer: a time, never an amount
        ls.debounce = max(float(options["vertraging_ms"]), 0.0) / 1000
    roots = [path_of(f.uri) for f in params.workspace_folders or []]
    if not roots and params.root_uri:
        roots = [path_of(params.root_uri)]
    ls.documents.roots = roots


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
@safe(None)
def did_open(ls: RegelwerkServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.analyse(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: RegelwerkServer, params: lsp.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    previous = ls.pending.pop(uri, None)
    if previous is not None:
        previous.cancel()
    ls.pending[uri] = asyncio.ensure_future(_analyse_later(ls, uri))


async def _analyse_later(ls: RegelwerkServer, uri: str) -> None:
    await asyncio.sleep(ls.debounce)
    ls.pending.pop(uri, None)
    safe(None)(ls.analyse)(uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
@safe(None)
def did_save(ls: RegelwerkServer, params: lsp.DidSaveTextDocumentParams) -> None:
    # A module on disk changed: documents that use it are checked again.
    for uri in list(ls.documents.analyses):
        ls.analyse(uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
@safe(None)
def did_close(ls: RegelwerkServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.documents.close(uri)
    ls.last_good.pop(uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
@safe(None)
def on_hover(ls: RegelwerkServer, params: lsp.HoverParams) -> lsp.Hover | None:
    analysis = ls.usable(params.text_document.uri)
    line, column = column_of(analysis.lines, params.position)
    text = hover.hover_text(analysis, line, column, datetime.date.today())
    if text is None:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text))


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
@safe(None)
def on_definition(ls: RegelwerkServer, params: lsp.DefinitionParams) -> lsp.Location | None:
    analysis = ls.usable(params.text_document.uri)
    line, column = column_of(analysis.lines, params.position)
    return navigation.definition(analysis, line, column)


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
@safe([])
def on_references(ls: RegelwerkServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
    analysis = ls.usable(params.text_document.uri)
    line, column = column_of(analysis.lines, params.position)
    return navigation.references_to(analysis, ls.documents, line, column,
                                    params.context.include_declaration)


@server.feature(lsp.TEXT_DOCUMENT_RENAME)
@safe(None)
def on_rename(ls: RegelwerkServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
    analysis = ls.usable(params.text_document.uri)
    line, column = column_of(analysis.lines, params.position)
    return navigation.rename(analysis, ls.documents, line, column, params.new_name)


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION,
                lsp.CompletionOptions(trigger_characters=[".", " "]))
@safe([])
def on_completion(ls: RegelwerkServer, params: lsp.CompletionParams) -> list[lsp.CompletionItem]:
    uri = params.text_document.uri
    lines = ls.workspace.get_text_document(uri).source.split("\n")
    line, column = column_of(lines, params.position)
    return completion.complete(ls.usable(uri, line), lines, line, column)


@server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@safe([])
def on_symbols(ls: RegelwerkServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
    analysis = ls.current(params.text_document.uri)
    if analysis.display not in analysis.program.modules:
        return []
    return symbols.document_symbols(analysis)


@server.feature(lsp.TEXT_DOCUMENT_FOLDING_RANGE)
@safe([])
def on_folding(ls: RegelwerkServer, params: lsp.FoldingRangeParams) -> list[lsp.FoldingRange]:
    lines = ls.workspace.get_text_document(params.text_document.uri).source.split("\n")
    return symbols.folding_ranges(lines)


@server.feature(lsp.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, tokens.LEGEND)
@safe(lsp.SemanticTokens(data=[]))
def on_tokens(ls: RegelwerkServer, params: lsp.SemanticTokensParams) -> lsp.SemanticTokens:
    analysis = ls.current(params.text_document.uri)
    return lsp.SemanticTokens(data=tokens.semantic_tokens(analysis))


@server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
@safe(None)
def on_formatting(ls: RegelwerkServer, params: lsp.DocumentFormattingParams
                  ) -> list[lsp.TextEdit] | None:
    analysis = ls.current(params.text_document.uri)
    edits, refusal = formatting.format_document(analysis)
    if refusal is not None:
        ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Warning,
                                                     message=refusal))
        return None
    return edits


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix,
                                                         lsp.CodeActionKind.Refactor]))
@safe([])
def on_code_action(ls: RegelwerkServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    return actions.code_actions(ls.current(uri), ls.usable(uri), params.range)


def main() -> None:
    server.start_io()
