"""The reproducers of issue 18, item 4, each held to a bound that does not depend on the machine.

Before the fixes a decision table over 22 `n.v.t.` columns took 26 s to check (the gap and overlap
analysis was exponential in the columns), 10,000 ordered exceptions took 3.6 GB, showing the
diagnostics of 20,000 rules split the source once per diagnostic, generating code for an 80 KB title
measured every prefix of it, and 4 MB of blank lines took 1.6 GB. These tests count work and memory,
not seconds: `make bench-groei` prints the growth factors.
"""

from __future__ import annotations

from typing import Any

import pytest
from benchmarks.bench_growth import exceptions, long_title, measure, table, unused_rules

from regelwerk import lines
from regelwerk.backends.python import printer
from regelwerk.backends.python.codegen import generate
from regelwerk.diagnostics import render
from regelwerk.pipeline import load_text

MB = 1024  # the peak is in KiB


@pytest.mark.parametrize("columns", [22, 25])
def test_a_table_over_many_open_columns_is_bounded(columns: int) -> None:
    """Every row fixes one column and leaves the others open: 2^n pieces to compare. The analysis
    stops at its bound with RW306 instead of running for minutes."""
    text = table(columns, first_hit=False)
    result = load_text(text, "kolommen.rw")
    codes = [d.code for d in result.diagnostics]
    assert "RW306" in codes and not any(d.is_error for d in result.diagnostics), codes


def test_a_table_with_first_hit_is_not_analysed_for_overlap() -> None:
    result = load_text(table(25, first_hit=True), "kolommen.rw")
    assert not [d for d in result.diagnostics if d.is_error or d.code == "RW306"]


def test_ten_thousand_ordered_exceptions_fit_in_little_memory() -> None:
    found = measure("exceptions", 10_000, "check")  # in a fresh process: its peak memory
    assert found["codes"] == []
    assert int(found["kb"]) < 512 * MB, f"{int(found['kb']) // MB} MB (was 3.6 GB)"


def test_four_megabytes_of_blank_lines_fit_in_little_memory() -> None:
    found = measure("blank_lines", 4_000_000, "check")
    assert found["codes"] == []
    assert int(found["kb"]) < 256 * MB, f"{int(found['kb']) // MB} MB (was 1.6 GB)"


def test_ordered_exceptions_are_checked_and_computed() -> None:
    result = load_text(exceptions(300), "volgorde.rw")
    assert result.checked and not result.diagnostics


def test_diagnostics_split_their_source_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = unused_rules(2_000)
    result = load_text(text, "ongebruikt.rw")
    assert len(result.diagnostics) >= 1_999
    calls: list[int] = []
    split = lines.split_lines

    def counting(source: str) -> list[str]:
        calls.append(len(source))
        return split(source)

    monkeypatch.setattr(lines, "split_lines", counting)
    lines.source_lines.cache_clear()
    for diagnostic in result.diagnostics:
        assert f"{diagnostic.span.line} |" in render(diagnostic, result.sources)
    assert calls == [len(text)]


def test_code_for_a_long_title_measures_each_character_a_bounded_number_of_times(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The printer cuts a long text into literals that fit a line; it measured the literal of
    every prefix (80,000 characters: 3.2 * 10^9 characters measured, 8.5 s)."""
    characters = 80_000
    result = load_text(long_title(characters), "titel.rw")
    assert result.checked, result.diagnostics
    measured: list[int] = []
    literal = printer.literal

    def counting(text: str) -> Any:
        measured.append(len(text))
        return literal(text)

    monkeypatch.setattr(printer, "literal", counting)
    source = generate(result.checked[0].core())
    assert "a" * 60 in source
    assert sum(measured) < 40 * characters, sum(measured)  # about 14 per character today
