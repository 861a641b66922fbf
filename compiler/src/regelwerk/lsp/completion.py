"""Completion: what may be typed at the cursor.

- after `per `: the periods;
- after `naam.`: the fields of that `gegevens` (or of the list's members), or the definitions of
  a used module;
- after `naam = ` (or `≠`) where `naam` is a choice: its values first;
- elsewhere: the names in scope with their kind and type, and the keywords.
"""

from __future__ import annotations

import re

from lsprotocol import types as lsp

from regelwerk.ir import nodes as ir
from regelwerk.lsp.documents import Analysis
from regelwerk.lsp.index import Symbol, definitions, type_text
from regelwerk.syntax.parser import keywords, terminal_patterns

PERIODS = ("uur", "dag", "week", "maand", "kwartaal", "jaar")
ITEM_KINDS = {
    "invoer": lsp.CompletionItemKind.Variable, "parameter": lsp.CompletionItemKind.Constant,
    "keuze": lsp.CompletionItemKind.Enum, "keuzewaarde": lsp.CompletionItemKind.EnumMember,
    "gegevens": lsp.CompletionItemKind.Struct, "veld": lsp.CompletionItemKind.Field,
    "tabel": lsp.CompletionItemKind.Function, "regel": lsp.CompletionItemKind.Function,
    "module": lsp.CompletionItemKind.Module,
}

_PER = re.compile(r"\bper\s+\w*$")
_DOT = re.compile(r"([^\W\d]\w*)\.(\w*)$")
_CHOICE = re.compile(r"([^\W\d]\w*)\s*(?:=|≠|<>)\s*\w*$")


def complete(analysis: Analysis, lines: list[str], line: int, column: int
             ) -> list[lsp.CompletionItem]:
    """`analysis` is the last one whose module could be read; `lines` are the text as it is now."""
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    before = current[: column - 1]
    symbols = _in_scope(analysis)
    if _PER.search(before):
        return [lsp.CompletionItem(label=p, kind=lsp.CompletionItemKind.Unit, detail="periode")
                for p in PERIODS]
    dot = _DOT.search(before)
    if dot is not None:
        return _after_dot(analysis, dot.group(1), symbols)
    choice = _CHOICE.search(before)
    if choice is not None:
        values = _choice_values(analysis, choice.group(1), symbols)
        if values:
            return values
    items = [_item(s) for s in symbols.values()]
    items.extend(lsp.CompletionItem(label=k, kind=lsp.CompletionItemKind.Keyword,
                                    detail="sleutelwoord") for k in sorted(all_keywords()))
    return items


def all_keywords() -> set[str]:
    words = {str(p) for p in terminal_patterns().values() if str(p).isalpha()}
    return words | set(keywords())


def _in_scope(analysis: Analysis) -> dict[str, Symbol]:
    """Definitions of this module and of the modules it uses, by the name they are used with."""
    program = analysis.program
    module = program.modules.get(analysis.display)
    if module is None:
        return {}
    allowed = {module.name, *program.used.get(module.path, {})}
    every = definitions(program)
    found: dict[str, Symbol] = {}
    for (owner, name), symbol in every.items():
        if owner in allowed and symbol.kind not in ("veld", "module"):
            found.setdefault(name, symbol)
    for used in program.used.get(module.path, {}):
        if (used, "module") in every:
            found.setdefault(used, every[(used, "module")])
    return found


def _item(symbol: Symbol) -> lsp.CompletionItem:
    detail = symbol.kind
    type_expr = getattr(symbol.node, "type", None)
    if isinstance(type_expr, ir.TypeExpr):
        detail += ": " + type_text(type_expr)
    label = getattr(symbol.node, "label", None)
    return lsp.CompletionItem(label=symbol.key[1] if symbol.kind != "module" else symbol.key[0],
                              kind=ITEM_KINDS[symbol.kind], detail=detail,
                              documentation=label if isinstance(label, str) else None)


def _after_dot(analysis: Analysis, word: str, symbols: dict[str, Symbol]) -> list[lsp.CompletionItem]:
    program = analysis.program
    all_symbols = definitions(program)
    if (word, "module") in all_symbols:
        return [_item(s) for (owner, name), s in all_symbols.items()
                if owner == word and s.kind not in ("veld", "module")]
    record = _record_of(word, symbols, analysis)
    if record is None:
        return []
    return [lsp.CompletionItem(label=f.name, kind=lsp.CompletionItemKind.Field,
                               detail=f"veld: {type_text(f.type)}",
                               documentation=f.label) for f in record.fields]


def _record_of(word: str, symbols: dict[str, Symbol], analysis: Analysis) -> ir.RecordDef | None:
    """The `gegevens` behind a name: itself, the type of an input or field, a list's members, or
    the member of a `regel per ...`."""
    records = {s.key[1]: s.node for s in symbols.values() if isinstance(s.node, ir.RecordDef)}
    if word in records:
        node = records[word]
        return node if isinstance(node, ir.RecordDef) else None
    symbol = symbols.get(word)
    type_expr = getattr(symbol.node, "type", None) if symbol is not None else None
    if isinstance(type_expr, ir.TypeExpr) and type_expr.name:
        found = records.get(type_expr.name[-1])
        return found if isinstance(found, ir.RecordDef) else None
    return None


def _choice_values(analysis: Analysis, word: str, symbols: dict[str, Symbol]
                   ) -> list[lsp.CompletionItem]:
    symbol = symbols.get(word)
    type_expr = getattr(symbol.node, "type", None) if symbol is not None else None
    if not isinstance(type_expr, ir.TypeExpr) or not type_expr.name:
        return []
    choice = symbols.get(type_expr.name[-1])
    if choice is None or not isinstance(choice.node, ir.ChoiceDef):
        return []
    return [lsp.CompletionItem(label=o.name, kind=lsp.CompletionItemKind.EnumMember,
                               detail=f"waarde van {choice.key[1]}", documentation=o.label,
                               sort_text=f"0{o.name}") for o in choice.node.options]

