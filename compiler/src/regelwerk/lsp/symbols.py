"""The outline of a regulation (document symbols) and the folding of its blocks."""

from __future__ import annotations

from lsprotocol import types as lsp

from regelwerk.ir import nodes as ir
from regelwerk.lsp.convert import end_of, span_range
from regelwerk.lsp.documents import Analysis
from regelwerk.lsp.index import KINDS, type_text
from regelwerk.lsp.text import Block, blocks

SYMBOL_KINDS = {
    "invoer": lsp.SymbolKind.Variable, "parameter": lsp.SymbolKind.Constant,
    "keuze": lsp.SymbolKind.Enum, "gegevens": lsp.SymbolKind.Struct,
    "tabel": lsp.SymbolKind.Array, "regel": lsp.SymbolKind.Function,
}


def document_symbols(analysis: Analysis) -> list[lsp.DocumentSymbol]:
    module = analysis.program.modules.get(analysis.display)
    if module is None:
        return []
    lines = analysis.lines
    by_line = {b.start: b for b in blocks(lines)}
    symbols = []
    for definition in module.definitions:
        kind = KINDS[type(definition)]
        selection = span_range(definition.span, lines)
        whole = _block_range(by_line, selection, lines)
        detail = type_text(definition.type) if hasattr(definition, "type") else ""
        children = []
        if isinstance(definition, ir.ChoiceDef):
            children = [_leaf(o.name, lsp.SymbolKind.EnumMember, span_range(o.span, lines), "")
                        for o in definition.options]
        elif isinstance(definition, ir.RecordDef):
            children = [_leaf(f.name, lsp.SymbolKind.Field, span_range(f.span, lines),
                              type_text(f.type)) for f in definition.fields]
        symbols.append(lsp.DocumentSymbol(
            name=definition.name, kind=SYMBOL_KINDS[kind], range=whole, selection_range=selection,
            detail=f"{kind} {detail}".strip(), children=children))
    for test in module.tests:
        selection = span_range(test.span, lines)
        selection = lsp.Range(start=selection.start, end=selection.start)
        symbols.append(lsp.DocumentSymbol(
            name=f"test \"{test.name}\"", kind=lsp.SymbolKind.Event,
            range=_block_range(by_line, selection, lines), selection_range=selection))
    return symbols


def _leaf(name: str, kind: lsp.SymbolKind, where: lsp.Range, detail: str) -> lsp.DocumentSymbol:
    return lsp.DocumentSymbol(name=name, kind=kind, range=where, selection_range=where,
                              detail=detail)


def _block_range(by_line: dict[int, Block], selection: lsp.Range, lines: list[str]) -> lsp.Range:
    block = by_line.get(selection.start.line)
    if block is None:
        return selection
    end = end_of(lines, block.end)
    start = lsp.Position(line=block.start, character=0)
    # The selection must lie inside the range.
    if (selection.end.line, selection.end.character) > (end.line, end.character):
        end = selection.end
    return lsp.Range(start=start, end=end)


def folding_ranges(lines: list[str]) -> list[lsp.FoldingRange]:
    ranges = [lsp.FoldingRange(start_line=b.start, end_line=b.end, kind=lsp.FoldingRangeKind.Region)
              for b in blocks(lines) if b.end > b.start]
    ranges.extend(_comment_runs(lines))
    return ranges


def _comment_runs(lines: list[str]) -> list[lsp.FoldingRange]:
    runs = []
    start = None
    for number, line in enumerate([*lines, ""]):
        if line.strip().startswith("#"):
            start = number if start is None else start
            continue
        if start is not None and number - 1 > start:
            runs.append(lsp.FoldingRange(start_line=start, end_line=number - 1,
                                         kind=lsp.FoldingRangeKind.Comment))
        start = None
    return runs
