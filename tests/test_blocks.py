"""Parsing block by block (what the language server does while the analyst types) gives exactly
the module and diagnostics of parsing the whole file, for every rule file of the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from regelwerk.diagnostics import sort_key
from regelwerk.pipeline import ParseCache, _parse_and_build
from regelwerk.syntax.blocks import BlockCache

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted([*ROOT.glob("regulations/*/*.rw"), *ROOT.glob("stdlib_rules/*.rw"),
                *ROOT.glob("tests/fixtures/**/*.rw"), *ROOT.glob("docs/voorbeelden/**/*.rw")])


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_blocks_give_the_same_module(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    whole, problems = _parse_and_build(text, "x.rw")
    by_blocks = BlockCache().parse(text, "x.rw")
    if by_blocks is None:
        return  # parsed whole, as `regelwerk check` does
    assert by_blocks[0] == whole
    assert sorted(by_blocks[1], key=sort_key) == sorted(problems, key=sort_key)


def test_an_edit_parses_only_its_block_and_gives_the_same_module() -> None:
    text = (ROOT / "regulations" / "zorgtoeslag" / "zorgtoeslag.rw").read_text(encoding="utf-8")
    cache = ParseCache()
    cache.parse_and_build(text, "z.rw")
    blocks = dict(cache.blocks["z.rw"].blocks)
    edited = text.replace("€ 0,00", "€ 0,01", 1)
    module, problems = cache.parse_and_build(edited, "z.rw")
    assert (module, problems) == _parse_and_build(edited, "z.rw")
    after = cache.blocks["z.rw"].blocks
    new = [key for key in after if key not in blocks]
    assert len(new) == 1 and "€ 0,01" in new[0][1]
    assert all(after[key] is blocks[key] for key in after if key in blocks)


def test_a_broken_block_falls_back_to_the_whole_file() -> None:
    text = "regeling r\n  geldig vanaf 2026-01-01\n\ninvoer a: bedrag [x]\n\nregel b: bedrag\n  = a +\n"
    assert BlockCache().parse(text, "r.rw") is None
    module, problems = ParseCache().parse_and_build(text, "r.rw")
    assert module is None and problems[0].code in ("RW002", "RW003")
