"""One definition of a line break (the lexer's, `regelwerk.lines`) in diagnostics and the annex (issue 18).

A label may hold characters that other programs read as a line break (U+2028, U+2029, U+0085, VT, FF,
FS, GS, RS, a lone CR): in the Markdown annex they must not start a line (where `# `, `- ` or four
spaces make structure), and a diagnostic after them must show the line it names. Control characters
and noncharacters never reach the HTML.
"""

from __future__ import annotations

import re

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regelwerk.backends.annex import build_annex, render_html, render_markdown
from regelwerk.backends.annex.render import markdown_code, markdown_escape
from regelwerk.diagnostics import render
from regelwerk.lines import OTHER_BREAKS, one_line, split_lines
from regelwerk.pipeline import load, load_text
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "annex" / "regeleinden.rw"
FORBIDDEN_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def annex_markdown_and_html() -> tuple[str, str]:
    result = load([FIXTURE])
    assert result.ok and result.checked, result.diagnostics
    annex = build_annex(result.checked[0])
    return render_markdown(annex), render_html(annex)


def test_the_fixture_holds_every_other_line_break() -> None:
    text = FIXTURE.read_bytes().decode("utf-8")
    assert set(OTHER_BREAKS) <= set(text)


def test_markdown_annex_gets_no_structure_from_a_label() -> None:
    markdown, _ = annex_markdown_and_html()
    assert not set(OTHER_BREAKS) & set(markdown)
    markdown_lib = pytest.importorskip("markdown")
    rendered = markdown_lib.markdown(markdown, extensions=["tables"])
    assert rendered.count("<h1>") == 1
    assert not re.search(r"<(h\d|li|p)>\s*(nep|[-*+#>=])", rendered)
    assert "<pre>" not in rendered and "<hr" not in rendered and "<blockquote>" not in rendered
    assert "nep kop" in rendered and "nep lijst" in rendered and "nep code" in rendered


def test_html_annex_is_valid_html5_text() -> None:
    _, html = annex_markdown_and_html()
    assert not FORBIDDEN_IN_HTML.search(html)
    assert not set(OTHER_BREAKS) & set(html)  # a label stays on its line
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(html)
    assert "Besturing \ufffd bel" in html


@pytest.mark.parametrize("char", sorted(OTHER_BREAKS))
def test_markdown_escape_keeps_a_label_on_one_line(char: str) -> None:
    assert markdown_escape(f"a{char}# kop") == "a \\# kop"
    assert char not in markdown_code(f"a{char}b")


def test_split_lines_counts_as_the_lexer_does() -> None:
    text = "een\u2028twee\r\ndrie\x0cvier\rvijf\n"
    assert split_lines(text) == ["een\u2028twee", "drie\x0cvier\rvijf"]
    assert split_lines("") == [] and split_lines("a") == ["a"] and split_lines("a\n\n") == ["a", ""]


@pytest.mark.parametrize("char", sorted(OTHER_BREAKS))
def test_a_diagnostic_after_a_label_with_a_line_break_shows_its_own_line(char: str) -> None:
    text = (f'module m\n\ninvoer a: getal  "een{char}label"  [art. 1]\n\n'
            "regel r: getal  [art. 2]\n  = onbekende_naam\n")
    result = load_text(text, "m.rw")
    diagnostic = next(d for d in result.diagnostics if d.code == "RW101")
    assert diagnostic.span.line == 6
    shown = render(diagnostic, result.sources)
    assert " 6 |   = onbekende_naam" in shown


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_one_line_is_one_line_and_valid_html(text: str) -> None:
    flat = one_line(text)
    assert len(flat.splitlines()) <= 1
    assert not FORBIDDEN_IN_HTML.search(flat)
