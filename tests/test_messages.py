"""The messages that guide a new user (issue 14, item 3): each fixture's rendering is a golden file.

Regenerate after an intended change of wording: UPDATE_GOLDEN=1 pytest tests/test_messages.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from regelwerk.cli import main
from regelwerk.diagnostics import render
from regelwerk.fmt import format_text
from regelwerk.pipeline import load
from regelwerk.syntax.suggestions import english_separator, repair_typography

FIXTURES = Path(__file__).parent / "fixtures" / "messages"
FILES = sorted(FIXTURES.glob("*.rw"))

# What each fixture must say, beyond matching its golden file.
EXPECTED = {
    "engels_rule": ("RW002", "bedoelde u 'regel'?"),
    "engels_input": ("RW002", "bedoelde u 'invoer'?"),
    "engels_unless": ("RW002", "bedoelde u 'behalve als'?"),
    "engels_expect": ("RW002", "bedoelde u 'verwacht'?"),
    "engels_from": ("RW002", "bedoelde u 'vanaf'?"),
    "engels_if": ("RW002", "bedoelde u 'als'?"),
    "engels_then": ("RW002", "bedoelde u 'dan'?"),
    "engels_types": ("RW102", "bedoelde u 'ja/nee'?"),
    "gekrulde_aanhalingstekens": ("RW001", "gekruld aanhalingsteken"),
    "vaste_spatie": ("RW001", "vaste of smalle spatie"),
    "tab": ("RW004", "de inspringing bevat een tab"),
    "drie_spaties": ("RW004", "inspringing van 3 spaties"),
}


def rendered(path: Path) -> str:
    result = load([path.relative_to(Path.cwd())])
    return "\n\n".join(render(d, result.sources) for d in result.diagnostics) + "\n"


def test_every_fixture_has_an_expectation() -> None:
    assert {p.stem for p in FILES} == set(EXPECTED)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_message_matches_golden(path: Path) -> None:
    code, words = EXPECTED[path.stem]
    text = rendered(path)
    assert f"[{code}]" in text and words in text
    golden = path.with_suffix(".txt")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_wrong_type_is_named() -> None:
    text = rendered(FIXTURES / "engels_types.rw")
    for meant in ("'ja/nee'", "'aantal'", "'getal'", "geen teksttype"):
        assert meant in text


def test_tab_is_reported_at_its_own_line() -> None:
    (diagnostic,) = load([(FIXTURES / "tab.rw").relative_to(Path.cwd())]).diagnostics
    assert diagnostic.span.line == 9 and diagnostic.span.column == 1


def test_formatter_repairs_typography() -> None:
    for name in ("gekrulde_aanhalingstekens", "vaste_spatie"):
        source = (FIXTURES / f"{name}.rw").read_text(encoding="utf-8")
        formatted = format_text(source)
        assert formatted.text is not None, formatted.diagnostics
        assert "\u201c" not in formatted.text and "\u00a0" not in formatted.text


def test_repair_leaves_texts_comments_and_references_alone() -> None:
    source = 'x “a” "b “c”" [art. “1”] # “d”\u00a0\n'
    assert repair_typography(source) == 'x "a" "b “c”" [art. “1”] # “d”\u00a0\n'
    assert repair_typography('“zei "ja"”') == '"zei \\"ja\\""'


def test_english_separator() -> None:
    assert english_separator("€ 32,000") == "€ 32.000"
    assert english_separator("€ 1.032,000") is None  # Dutch grouping: three decimals on purpose
    assert english_separator("€ 32,00") is None
    assert english_separator("€ 32,0000") is None
    assert english_separator("€ 946,532") is None  # a tariff in tenths of a cent


def test_missing_file_is_rw000() -> None:
    result = CliRunner().invoke(main, ["check", "bestaat/niet.rw"])
    assert result.exit_code == 1
    assert "fout[RW000]: 'bestaat/niet.rw' bestaat niet" in result.output


def test_usage_errors_are_dutch() -> None:
    regulation = "regulations/gebruikersbijdrage_gezinszorg/gebruikersbijdrage_gezinszorg.rw"
    result = CliRunner().invoke(main, ["run", regulation], prog_name="regelwerk")
    assert result.exit_code == 2
    assert "Gebruik: regelwerk run [OPTIES] PAD" in result.output
    assert "Fout: Optie ontbreekt: '--peildatum'." in result.output
    assert "Usage" not in result.output and "Missing" not in result.output
    result = CliRunner().invoke(main, ["chek"], prog_name="regelwerk")
    assert "Onbekende opdracht 'chek'. Bedoelde u 'check'?" in result.output


def test_typography_repair_leaves_article_text_verbatim() -> None:
    """A `> ...` line is the law as published: its hard spaces and curly quotes stay."""
    text = 'artikel "Titel" [art. 1]\n  > art.\u00a03 \u201ceen\u201d\nparameter\u00a0p: bedrag\n'
    assert repair_typography(text) == ('artikel "Titel" [art. 1]\n  > art.\u00a03 \u201ceen\u201d\n'
                                       'parameter p: bedrag\n')
