"""The open documents and what the pipeline found in them.

Every text the editor sends is checked with `pipeline.load_document`, as if it were the file on
disk: what it `gebruik`s is found beside it, open documents win over the disk, and modules that
did not change come from one parse cache shared by all documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs

from regelwerk.lsp.convert import path_of
from regelwerk.lsp.text import block_at
from regelwerk.pipeline import SUFFIX, LoadResult, ParseCache, Program, load, load_document

# Folders under a workspace root that never hold the analyst's rules.
SKIPPED = frozenset({".git", ".venv", "node_modules", "build", "site", "__pycache__"})


@attrs.define
class Analysis:
    uri: str
    path: Path
    display: str
    text: str
    lines: list[str]
    result: LoadResult

    @property
    def program(self) -> Program:
        assert self.result.program is not None
        return self.result.program

    def source_lines(self, file: str) -> list[str]:
        """The lines of a file the program read (this document or one it uses)."""
        if file == self.display:
            return self.lines
        return self.program.sources.get(file, "").split("\n")


@attrs.define
class Documents:
    cache: ParseCache = attrs.field(factory=ParseCache)
    analyses: dict[str, Analysis] = attrs.field(factory=dict)
    roots: list[Path] = attrs.field(factory=list)

    def update(self, uri: str, text: str, store: bool = True) -> Analysis:
        """Check `text` as the document `uri`; with store=False only to look at (not kept)."""
        path = path_of(uri)
        if store:
            self.cache.overlay[str(path.resolve())] = text
        result = load_document(text, path, self.cache if store else ParseCache(
            built=dict(self.cache.built), overlay=self.cache.overlay))
        display = result.files[0]
        analysis = Analysis(uri, path, display, text, text.split("\n"), result)
        if store:
            self.analyses[uri] = analysis
        return analysis

    def without_block(self, analysis: Analysis, line: int) -> Analysis:
        """The document checked without the block being typed at `line` (1-based): while a
        definition is half written, the rest of the file still tells what is in scope."""
        block = block_at(analysis.lines, line)
        if block is None:
            return analysis
        lines = list(analysis.lines)
        lines[block.start: block.end + 1] = [""] * (block.end + 1 - block.start)
        return self.update(analysis.uri, "\n".join(lines), store=False)

    def close(self, uri: str) -> None:
        self.analyses.pop(uri, None)
        self.cache.overlay.pop(str(path_of(uri).resolve()), None)

    def get(self, uri: str) -> Analysis | None:
        return self.analyses.get(uri)

    def rule_files(self) -> list[Path]:
        """Every rule file under the workspace roots, for references and renames across files."""
        found: list[Path] = []
        for root in self.roots:
            found.extend(_walk(root))
        for analysis in self.analyses.values():
            if analysis.path not in found:
                found.append(analysis.path)
        return found

    def workspace(self) -> Program | None:
        """One program of every rule file in the workspace: each module read once."""
        result = load(self.rule_files(), cache=self.cache)
        return result.program


def _walk(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for entry in sorted(root.iterdir()):
        if entry.name in SKIPPED or entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.suffix == SUFFIX and entry.is_file():
            yield entry
