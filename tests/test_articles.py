"""Article texts in a rule file: parsed verbatim, kept by the formatter, matched to references."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from regelwerk.fmt import difference, format_text
from regelwerk.fmt.comments import collect
from regelwerk.ir import articles
from regelwerk.pipeline import load_text
from regelwerk.syntax.parser import parse_with_comments

SOURCE = """regeling voorbeeld
  titel "Voorbeeld"
  geldig vanaf 2026-01-01
  bron "Voorbeeldbesluit"

artikel "Minimumbedrag"  [Awir art. 14]
  bron "Awir"
  geldend op 2025-01-01
  gedeeltelijk "alleen lid 3 en 4"
  > 1. […]
  > 3. Het bedrag # geen opmerking "en" [geen verwijzing] wordt afgerond.
  > 4. Een tegemoetkoming wordt niet toegekend indien deze minder dan € 24 zou bedragen.

invoer bedrag_in: bedrag per jaar  [Awir art. 14, vierde lid]

regel uit: bedrag per jaar  [Awir art. 14, derde en vierde lid]
  = bedrag_in

uitvoer uit
"""


def _module(text: str):  # type: ignore[no-untyped-def]
    result = load_text(text, "voorbeeld.rw")
    return result


def test_article_text_is_kept_verbatim() -> None:
    result = _module(SOURCE)
    module = result.checked[0].module
    (article,) = module.articles
    assert article.reference is not None and article.reference.text == "Awir art. 14"
    assert article.title == "Minimumbedrag"
    assert article.paragraphs[1] == '3. Het bedrag # geen opmerking "en" [geen verwijzing] wordt afgerond.'
    assert article.partial == "alleen lid 3 en 4"
    assert str(article.valid_from) == "2025-01-01"
    assert not [d for d in result.diagnostics if d.code.startswith("RW50")]


def test_formatter_keeps_the_text_and_is_idempotent() -> None:
    messy = SOURCE.replace("  > 4.", "    > 4.").replace("[Awir art. 14]\n", "[Awir art. 14]   \n")
    messy = SOURCE.replace('artikel "Minimumbedrag"  [Awir art. 14]',
                           'artikel   "Minimumbedrag"          [Awir art. 14]')
    once = format_text(messy)
    assert once.text is not None
    assert format_text(once.text).text == once.text
    assert "  > 3. Het bedrag # geen opmerking" in once.text


def test_safety_check_refuses_a_changed_article_text() -> None:
    tree, tokens, _ = parse_with_comments(SOURCE, "x.rw")
    assert tree is not None
    comments = collect(SOURCE, tokens)[1]
    changed = SOURCE.replace("wordt afgerond", "wordt  afgerond")
    assert difference(SOURCE, tree, comments, changed, "x.rw") is not None
    assert difference(SOURCE, tree, comments, SOURCE, "x.rw") is None


def test_a_part_the_text_lacks_is_reported_and_an_uncited_text_too() -> None:
    text = SOURCE.replace("[Awir art. 14, vierde lid]", "[Awir art. 14, zesde lid]")
    codes = [d.code for d in _module(text).diagnostics]
    assert "RW506" in codes
    text = SOURCE.replace("[Awir art. 14, vierde lid]", "[Awir art. 15]").replace(
        "[Awir art. 14, derde en vierde lid]", "[Awir art. 15]")
    codes = [d.code for d in _module(text).diagnostics]
    assert "RW507" in codes and "RW506" not in codes


def test_cited_parts() -> None:
    parts = articles.cited_parts("Wzt art. 1, eerste lid, onderdeel f", "Wzt art. 1")
    assert parts == articles.Parts(frozenset({1}), frozenset({"f"}), frozenset())
    parts = articles.cited_parts("Awir art. 14, derde en vierde lid", "Awir art. 14")
    assert parts is not None and parts.leden == {3, 4}
    parts = articles.cited_parts("BVR, art. 1, 2°", "BVR, art. 1")
    assert parts is not None and parts.points == {2}
    assert articles.cited_parts("Wzt art. 2, slot", "Wzt art. 2") is None
    assert articles.cites("Wzt art. 2, eerste lid", "Wzt art. 2")
    assert not articles.cites("Wzt art. 21", "Wzt art. 2")


_LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                              blacklist_characters="\u0085"), min_size=1, max_size=40).map(
    lambda s: s.strip()).filter(bool)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=4))
def test_any_text_survives_formatting(lines: list[str]) -> None:
    body = "".join(f"  > {line}\n" for line in lines)
    text = ('module m\n  bron "b"\n\nartikel [art. 1]\n' + body)
    formatted = format_text(text)
    assert formatted.text is not None, formatted.diagnostics
    result = _module(formatted.text)
    assert result.checked[0].module.articles[0].paragraphs == tuple(lines)
