"""The legal annex: golden files, Dutch sentences, valid and accessible HTML, escaping, PDF.

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_annex.py`
(the annexes of the regulations are the ones in generated/: `regelwerk build`)
and review the difference with `git diff tests/fixtures/annex`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner
from markupsafe import escape

from regelwerk.backends.annex import (
    build_annex,
    find_browser,
    render_html,
    render_markdown,
    write_annexes,
    write_pdf,
)
from regelwerk.backends.annex.model import Annex, Article, Enumeration, Paragraph, Table
from regelwerk.backends.annex.render import markdown_code, markdown_escape
from regelwerk.build import annex_inputs
from regelwerk.cli import main
from regelwerk.interpret.examples import worked_examples
from regelwerk.ir import nodes as ir
from regelwerk.pipeline import CheckedModule, load
from tests.conftest import ROOT, compile_ok

FIXTURES = ROOT / "tests" / "fixtures" / "annex"
REGULATIONS = sorted((ROOT / "regulations").glob("*/*.rw"))
EXAMPLES = [*REGULATIONS, FIXTURES / "alles.rw", FIXTURES / "escaping.rw"]
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
GENERATED = ROOT / "generated"


def checked(path: Path) -> CheckedModule:
    result = load([path])
    assert result.ok and result.checked, [str(d) for d in result.diagnostics if d.is_error]
    return result.checked[0]


def annex_of(path: Path) -> Annex:
    """The annex as `regelwerk build` writes it: with the worked examples from the tests."""
    item = checked(path)
    return build_annex(item, *annex_inputs(item))


def golden(path: Path, text: str) -> None:
    if UPDATE or not path.exists():
        path.write_bytes(text.encode("utf-8"))
        if not UPDATE:
            pytest.fail(f"{path.name} did not exist and was written; review and commit it")
        return
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (
        f"{path.relative_to(ROOT)} differs; if the change is intended, run "
        "UPDATE_GOLDEN=1 pytest tests/test_annex.py and review git diff"
    )


def _id(path: Path) -> str:
    return path.stem


def article(annex: Annex, name: str) -> Article:
    return next(a for a in annex.articles if a.key == name)


def sentence(annex: Annex, name: str, key: str = "waarde") -> str:
    block = next(b for b in article(annex, name).blocks if b.key == key)
    if isinstance(block, Enumeration):
        return block.intro.plain() + " " + " ".join(i.plain() for i in block.items)
    assert isinstance(block, Paragraph)
    return block.text.plain()


# ------------------------------------------------------------------ golden files


def golden_folder(rule_file: Path) -> Path:
    """A regulation's annex is committed in generated/ (CI rebuilds and compares it byte for byte);
    the test examples keep theirs beside them."""
    return GENERATED if rule_file in REGULATIONS else FIXTURES


def test_every_regulation_has_a_committed_annex() -> None:
    assert REGULATIONS, "no regulations found"
    for rule_file in REGULATIONS:
        name = checked(rule_file).module.name
        assert (GENERATED / f"{name}.md").is_file(), f"no annex for {name}: run regelwerk build"


@pytest.mark.parametrize("rule_file", EXAMPLES, ids=_id)
def test_golden_markdown(rule_file: Path) -> None:
    annex = annex_of(rule_file)
    golden(golden_folder(rule_file) / f"{annex.name}.md", render_markdown(annex))


@pytest.mark.parametrize("rule_file", EXAMPLES, ids=_id)
def test_golden_html(rule_file: Path) -> None:
    annex = annex_of(rule_file)
    golden(golden_folder(rule_file) / f"{annex.name}.html", render_html(annex))


@pytest.mark.parametrize("rule_file", EXAMPLES, ids=_id)
def test_output_is_deterministic(rule_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                 ) -> None:
    first = render_markdown(annex_of(rule_file)), render_html(annex_of(rule_file))
    monkeypatch.chdir(tmp_path)  # another working directory: no paths leak into the output
    second = render_markdown(annex_of(rule_file)), render_html(annex_of(rule_file))
    assert first == second
    for text in first:
        assert str(ROOT) not in text and "\r" not in text and text.endswith("\n")
        assert not re.search(r"\d{2}:\d{2}:\d{2}", text)


# ------------------------------------------------------------------ HTML: valid, accessible


@pytest.mark.parametrize("rule_file", EXAMPLES, ids=_id)
def test_html_is_valid_html5(rule_file: Path) -> None:
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(render_html(annex_of(rule_file)))  # raises on any parse error
    assert not parser.errors


@pytest.mark.parametrize("rule_file", EXAMPLES, ids=_id)
def test_html_is_accessible_and_print_ready(rule_file: Path) -> None:
    html = render_html(annex_of(rule_file))
    document = html5lib.parse(html, namespaceHTMLElements=False)
    assert document.get("lang") == "nl"
    levels = [int(e.tag[1]) for e in document.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading h{after} follows h{before}"
    headers = list(document.iter("th"))
    assert headers and all(th.get("scope") in ("col", "row") for th in headers)
    assert all(table.find("caption") is not None for table in document.iter("table"))
    # Stands alone: inline CSS, nothing loaded from elsewhere.
    assert not list(document.iter("link")) and not list(document.iter("script"))
    assert "@page" in html and "size: A4" in html and "counter(page)" in html
    assert "break-inside: avoid" in html
    ids = [e.get("id") for e in document.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for link in document.iter("a"):
        href = link.get("href", "")
        assert href.startswith("#") and href[1:] in ids, f"broken link {href}"


# ------------------------------------------------------------------ content


@pytest.mark.parametrize("rule_file", EXAMPLES, ids=_id)
def test_annex_is_organised_by_the_real_articles(rule_file: Path) -> None:
    module = checked(rule_file).module
    annex = annex_of(rule_file)
    # The diff still keys articles by definition, in the order of the file.
    expected = [d.name for d in module.definitions] + (["uitvoer"] if module.outputs else [])
    assert [a.key for a in annex.articles] == expected
    markdown = render_markdown(annex)
    assert not re.search(r"^#+ Artikel \d+\.", markdown, re.MULTILINE), "a generated number"
    implementing = [d.name for d in module.definitions
                    if isinstance(d, (ir.ParameterDef, ir.TableDef, ir.RuleDef))]
    placed = [name for section in annex.sections for name in section.names]
    assert sorted(placed) == sorted(implementing)  # each rule under exactly one article
    assert set(annex.dictionary) == set(expected) - set(implementing)
    for section in annex.sections:
        assert markdown.count(f"\n## {markdown_escape(section.heading)}\n") == 1, section.heading
        for name in section.names:
            if "[" not in module.definition(name).reference.text:  # type: ignore[union-attr]
                article_ = annex.article(name)
                assert f"\n### {markdown_escape(article_.label)}" in markdown
    # The table of contents numbers nothing itself: one numbering, the articles' own.
    html = render_html(annex)
    nav = html[html.index("<nav"):html.index("</nav>")]
    assert not re.search(r"<ol[\s>]", nav)
    assert all(f">{escape(s.heading)}<" in nav for s in annex.sections)


def test_article_text_is_printed_before_its_rules() -> None:
    annex = annex_of(ROOT / "regulations/zorgtoeslag/zorgtoeslag.rw")
    markdown = render_markdown(annex)
    section = next(s for s in annex.sections if s.key == "Awir art. 14")
    assert section.text is not None and section.text.valid_on == "1 januari 2025"
    start = markdown.index("\n## Awir art. 14\n")
    text = markdown.index("> 4\\. Een tegemoetkoming wordt niet toegekend indien deze minder dan "
                          "€ 24 zou bedragen.", start)
    rule = markdown.index("### Zorgtoeslag per jaar", start)
    assert start < text < rule
    assert "rekenkundig afgerond op hele euro" in render_html(annex)
    # a definition cites the article from elsewhere: the article says so
    wzt3 = next(s for s in annex.sections if s.key == "Wzt art. 3")
    assert any("persoon" in a.plain() for a in wzt3.also)


def test_choice_table_has_no_empty_columns() -> None:
    annex = annex_of(ROOT / "regulations/gebruikersbijdrage_gezinszorg/"
                     "gebruikersbijdrage_gezinszorg.rw")
    markdown = render_markdown(annex)
    for line in markdown.splitlines():
        if line.startswith("|"):
            assert "|   |" not in line and "| |" not in line, line


def test_worked_examples_come_from_the_tests_and_a_test_may_opt_out(tmp_path: Path) -> None:
    text = (FIXTURES / "alles.rw").read_text(encoding="utf-8")
    item = checked(FIXTURES / "alles.rw")
    annex = build_annex(item, worked_examples(item))
    shown = [e.key for e in annex.examples]
    tests = [t for t in item.module.tests]
    assert shown and shown == [t.name for t in tests if t.in_annex]
    assert "## Rekenvoorbeelden" in render_markdown(annex)
    first = tests[0]
    hidden = text.replace(f'test "{first.name}"\n', f'test "{first.name}"\n  niet in de bijlage\n', 1)
    path = tmp_path / "alles.rw"
    path.write_text(hidden, encoding="utf-8")
    item = checked(path)
    annex = build_annex(item, worked_examples(item))
    assert first.name not in [e.key for e in annex.examples]
    assert ("## Rekenvoorbeelden" in render_markdown(annex)) == bool(annex.examples)


def _references(module: ir.Module) -> set[str]:
    found: set[str] = set()
    for definition in module.definitions:
        candidates: list[ir.Reference | None] = [definition.reference]
        if isinstance(definition, ir.ParameterDef):
            candidates += [v.reference for v in definition.values]
        if isinstance(definition, ir.TableDef):
            candidates += [v.reference for v in definition.versions]
            candidates += [r.reference for v in definition.versions for r in v.rows]
        if isinstance(definition, ir.RuleDef):
            candidates += [definition.value_reference] + [e.reference for e in definition.exceptions]
        if isinstance(definition, ir.ChoiceDef):
            candidates += [o.reference for o in definition.options]
        if isinstance(definition, ir.RecordDef):
            candidates += [f.reference for f in definition.fields]
        found |= {c.text for c in candidates if c is not None}
    return found


@pytest.mark.parametrize("rule_file", [*REGULATIONS, FIXTURES / "alles.rw"], ids=_id)
def test_every_legal_reference_is_printed(rule_file: Path) -> None:
    item = checked(rule_file)
    annex = build_annex(item)
    markdown, html = render_markdown(annex), render_html(annex)
    references = _references(item.module)
    for used in item.used.values():
        references |= _references(used)
    assert references
    for reference in references:
        assert f"[{markdown_escape(reference)}]" in markdown, reference
        assert f"[{reference}]" in html.replace("&#39;", "'"), reference


@pytest.mark.parametrize("rule_file", [*REGULATIONS, FIXTURES / "alles.rw"], ids=_id)
def test_every_input_with_its_label(rule_file: Path) -> None:
    item = checked(rule_file)
    annex = build_annex(item)
    for definition in item.module.definitions:
        if not isinstance(definition, ir.InputDef):
            continue
        blocks = article(annex, definition.name).blocks
        texts = [b.text.plain() for b in blocks if isinstance(b, Paragraph)]
        if definition.label:
            assert definition.label.split("\n")[0] in texts


def test_heading_and_dutch_notation() -> None:
    markdown = render_markdown(annex_of(FIXTURES / "alles.rw"))
    assert "# Alle constructies" in markdown
    assert "- Versie: 1.0" in markdown
    assert "- Geldigheid: van 1 januari 2025 tot en met 31 december 2027" in markdown
    assert "- Bron: Proefbesluit van 1 december 2024 (verzonnen)" in markdown
    assert "| 1 januari 2027 | 30 juni 2027 | € 1.234,56 per maand | voorlopig: indexering " \
           "2027 nog niet bekendgemaakt |" in markdown
    assert "| 1 juli 2027 | 31 december 2027 | onbekend | het bedrag vanaf juli 2027 is niet " \
           "gevonden; [art. 13, §3] |" in markdown
    assert "| 1 januari 2025 | 31 december 2027 | 13,60 % |" in markdown
    assert "18 jaar" in markdown and "18 jaren" not in markdown


def test_gezinszorg_annex_reads_as_a_bijlage() -> None:
    annex = annex_of(ROOT / "regulations/gebruikersbijdrage_gezinszorg/gebruikersbijdrage_gezinszorg.rw")
    assert annex.title == "Gebruikersbijdrage voor gezinszorg"
    assert annex.validity == "vanaf 1 januari 2026"
    assert sentence(annex, "uurbijdrage") == "De uurbijdrage is gelijk aan de vastgestelde uurbijdrage."
    assert sentence(annex, "uurbijdrage", next(
        b.key for b in article(annex, "uurbijdrage").blocks if b.key.startswith("uitzondering"))) \
        == ("In afwijking hiervan is de uurbijdrage het minimum van de vastgestelde uurbijdrage en "
            "de maximale uurbijdrage meerlingen als de meerlingenregeling van toepassing is.")
    provisional = [p.plain() for p in annex.provisional]
    assert len(provisional) == 2 and all("vanaf 1 januari 2026" in p for p in provisional)


def test_the_example_of_the_issue() -> None:
    item = compile_ok("""
        invoer gecorrigeerd_inkomen: bedrag per maand   [art. 3]
        invoer heeft_zorgbudget: ja/nee                 [art. 6]
        parameter minimale_uurbijdrage: bedrag per uur  [art. 5]
          vanaf 2026-01-01: € 0,50
        tabel bijdrageschaal                            [tabel 1]
          | gecorrigeerd_inkomen (bedrag per maand) | uurbijdrage (bedrag per uur) |
          | vanaf € 0,00     tot € 1.300,00         | € 0,50                       |
          | vanaf € 1.300,00                        | € 1,40                       |
        regel uurbijdrage: bedrag per uur               [art. 4]
          = bijdrageschaal(gecorrigeerd_inkomen) afgerond op de eurocent
          behalve als heeft_zorgbudget: minimale_uurbijdrage   [art. 6]
        uitvoer uurbijdrage
    """)
    annex = build_annex(item)
    assert sentence(annex, "uurbijdrage") == ("De uurbijdrage is het bedrag uit tabel bijdrageschaal bij "
                                              "het gecorrigeerde inkomen, afgerond op de eurocent.")
    assert sentence(annex, "uurbijdrage", "uitzondering:heeft_zorgbudget") == (
        "In afwijking hiervan is de uurbijdrage gelijk aan de minimale uurbijdrage als heeft "
        "zorgbudget van toepassing is.")
    rows = next(b for b in article(annex, "bijdrageschaal").blocks if isinstance(b, Table)).rows
    assert [[c.plain() for c in r.cells] for r in rows] == [
        ["vanaf € 0,00 en minder dan € 1.300,00", "€ 0,50"], ["vanaf € 1.300,00", "€ 1,40"]]


# One sentence for every kind of expression: the printer from IR to Dutch.
SENTENCES = {
    "netto": "De netto is gelijk aan het inkomen verminderd met de kosten.",
    "gecorrigeerd_inkomen": "Het gecorrigeerde inkomen is het maximum van enerzijds het verschil "
                            "tussen het inkomen en het product van het aantal personen ten laste en "
                            "het basisbedrag, en anderzijds € 0,00.",
    "per_persoon": "Per persoon is gelijk aan de netto gedeeld door de som van het aantal "
                   "personen ten laste en 1.",
    "komt_in_aanmerking": "Komt in aanmerking is van toepassing als aan elk van de volgende "
                          "voorwaarden is voldaan: a) de netto niet hoger is dan € 2.500,00; b) "
                          "hetzij het gezin ‘koppel’ is, hetzij het aantal personen ten laste niet "
                          "kleiner is dan 1; c) het inkomen niet gelijk is aan € 0,00, en anders "
                          "niet.",
    "toeslag": "De toeslag is: € 200,00, als de netto lager is dan € 1.000,00 € 100,00, als de "
               "netto lager is dan € 2.000,00 € 0,00, in alle andere gevallen",
    "begrensd": "Begrensd is het minimum van enerzijds het maximum van de netto en € 0,00, en "
                "anderzijds € 3.000,00.",
    "tarief": "Het tarief is het bedrag uit tabel uurtarief bij het gecorrigeerde inkomen, "
              "vermenigvuldigd met het verschil tussen 100 % en het percentage uit tabel "
              "vermindering bij het gezin en het aantal personen ten laste, afgerond op de "
              "eurocent.",
    "forfaitair_bedrag": "Het forfaitair bedrag is het bedrag uit tabel forfait bij het aantal "
                         "personen ten laste, naar beneden afgerond op hele euro's.",
    "groep": "De groep is de categorie uit tabel categorie bij het inkomen en het aantal personen "
             "ten laste.",
    "leeftijd": "Voor elk kind is de leeftijd van het kind het aantal volledige jaren tussen de "
                "geboortedatum van het kind en de peildatum.",
    "toelage": "Voor elk kind is de toelage van het kind gelijk aan het basisbedrag als de "
               "leeftijd van het kind kleiner is dan meerderjarig, en anders gelijk aan € 0,00.",
    "totale_toelage": "De totale toelage is de som van de toelage van het kind over alle kinderen.",
    "toelage_zorgbehoevende_kinderen": "De toelage zorgbehoevende kinderen is de som van de "
                                       "toelage van het kind over alle kinderen waarvoor geldt dat "
                                       "het kind zorgbehoevend is.",
    "aantal_minderjarigen": "Het aantal minderjarigen is het aantal kinderen waarvoor geldt dat de "
                            "leeftijd van het kind kleiner is dan 18 jaar.",
    "heeft_zorgbehoevend_kind": "Heeft zorgbehoevend kind is van toepassing als voor ten minste "
                                "één kind uit de kinderen geldt dat het kind zorgbehoevend is, en "
                                "anders niet.",
    "allen_volledig": "De allen volledig zijn van toepassing als voor elk kind uit de kinderen "
                      "geldt dat de huisvesting van het kind ‘volledig’ is, en anders niet.",
    "jongste_leeftijd": "De jongste leeftijd is het minimum van de leeftijd van het kind over "
                        "alle kinderen.",
    "hoogste_toelage": "De hoogste toelage is het maximum van de toelage van het kind over alle "
                       "kinderen waarvoor geldt dat het kind niet zorgbehoevend is.",
    "maandbijdrage": "De maandbijdrage is gelijk aan de uurbijdrage vermenigvuldigd met de uren "
                     "per maand.",
    "jaarbijdrage": "De jaarbijdrage is gelijk aan de maandbijdrage omgerekend per jaar (× 12).",
    "premie_per_maand": "De premie per maand is gelijk aan het quotiënt van de eenmalige premie "
                        "en 12, uitgedrukt per maand.",
    "maandrente": "De maandrente is het product van het inkomen omgerekend per jaar (× 12) en de "
                  "rentevoet, omgerekend per maand (÷ 12).",
    "einddatum": "De einddatum is de startdatum vermeerderd met 6 maanden.",
    "herziening": "De herziening is de startdatum vermeerderd met 1 jaar, verminderd met 2 "
                  "weken.",
    "dagen_in_regeling": "De dagen in regeling zijn het aantal dagen tussen de startdatum en de "
                         "peildatum.",
    "gestart": "Gestart is van toepassing als de startdatum uiterlijk op de peildatum valt, en "
               "anders niet.",
    "factor_afgerond": "De factor afgerond is gelijk aan de factor van nul af afgerond op 2 "
                       "decimalen.",
    "op_veelvoud": "Op veelvoud is gelijk aan de netto richting nul afgerond op een veelvoud van "
                   "€ 0,05.",
    "tegengesteld": "Tegengesteld is het tegengestelde van de som van de factor en 1.",
}


def test_a_product_read_per_a_period_is_one_sentence() -> None:
    """`(percentage × bedrag) per jaar` inside a sum: the product is read per year (it used to recurse)."""
    module = compile_ok("""
invoer inkomen: bedrag per jaar  [art. 1]
invoer verkoopwaarde: bedrag  [art. 1]
parameter aandeel: percentage = 6 %  [art. 2]
parameter factor: getal = 2  [art. 2]
regel geteld_inkomen: bedrag per jaar  [art. 3]
  = inkomen + (aandeel × verkoopwaarde) per jaar
regel dubbel: bedrag per jaar  [art. 3]
  = inkomen + (factor × verkoopwaarde) per jaar
uitvoer geteld_inkomen, dubbel
""")
    annex = build_annex(module)
    assert sentence(annex, "geteld_inkomen") == (
        "Het getelde inkomen is gelijk aan het inkomen vermeerderd met het product van het aandeel "
        "en de verkoopwaarde, uitgedrukt per jaar.")
    assert "verkoopwaarde" in sentence(annex, "dubbel")


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_dutch_sentence_for_every_expression(name: str) -> None:
    assert sentence(annex_of(FIXTURES / "alles.rw"), name) == SENTENCES[name]


def test_exceptions_tables_and_values() -> None:
    annex = annex_of(FIXTURES / "alles.rw")
    exceptions = [b.text.plain() for b in article(annex, "tarief").blocks
                  if isinstance(b, Paragraph) and b.key.startswith("uitzondering")]
    assert exceptions == [
        "In afwijking hiervan is het tarief gelijk aan € 0,50 als heeft zorgbudget van toepassing "
        "is.",
        "In afwijking hiervan is het tarief gelijk aan € 0,00 als heeft zorgbudget niet van toepassing "
        "is, komt in aanmerking van toepassing is en het inkomen lager is dan € 500,00.",
    ]
    tables = [b for b in article(annex, "forfait").blocks if isinstance(b, Table)]
    assert [t.caption.plain() for t in tables] == [
        "Tabel forfait, geldig vanaf 1 januari 2025 tot en met 31 december 2025",
        "Tabel forfait, geldig vanaf 1 januari 2026 tot en met 31 december 2026 (voorlopig: "
        "bedragen 2026 nog niet bekendgemaakt)",
    ]
    unknown = [b for b in article(annex, "forfait").blocks
               if isinstance(b, Paragraph) and b.key == "rijen:2027-01-01"]
    assert [p.text.plain() for p in unknown] == [
        "Tabel forfait, geldig vanaf 1 januari 2027 (onbekend) [bijlage 2, 2027]: de rijen zijn "
        "onbekend (bedragen 2027 niet gevonden). Een berekening die deze tabel op een datum in "
        "deze periode nodig heeft, stopt."]
    assert [[c.plain() for c in r.cells] for r in tables[1].rows] == [
        ["minder dan 3", "€ 102,00", "—"],
        ["ten minste 3", "€ 153,00", "voorlopig: afronding nog te bevestigen"]]
    vermindering = next(b for b in article(annex, "vermindering").blocks if isinstance(b, Table))
    assert vermindering.columns == ("Gezin (keuze gezinstype)", "Ten laste (aantal)",
                                    "Vermindering (percentage)", "Opmerking")
    assert [c.plain() for c in vermindering.rows[0].cells] == [
        "‘alleenstaand’ of ‘koppel’", "0", "0 %", "—"]
    assert [c.plain() for c in vermindering.rows[2].cells] == [
        "‘eenoudergezin’", "n.v.t.", "20 %", "[bijlage 1, tabel 2, noot 1]"]
    categorie = [b.text.plain() for b in article(annex, "categorie").blocks
                 if isinstance(b, Paragraph)]
    assert "Passen meer rijen, dan geldt de eerste daarvan." in categorie


# ------------------------------------------------------------------ escaping


def test_escaping_in_html() -> None:
    html = render_html(annex_of(FIXTURES / "escaping.rw"))
    document = html5lib.parse(html, namespaceHTMLElements=False)
    assert not list(document.iter("script")) and not list(document.iter("img"))
    assert not list(document.iter("b")) and not list(document.iter("i"))
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt; &amp; &#34;co&#34;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    text = "".join(document.find("body").itertext())  # type: ignore[union-attr]
    assert "<script>alert(1)</script> & 'enkel' \"dubbel\"" in text
    assert "<td> & co" in text


def test_escaping_in_markdown() -> None:
    markdown = render_markdown(annex_of(FIXTURES / "escaping.rw"))
    assert "<script" not in markdown and "<img" not in markdown and "<b>" not in markdown
    assert "# Titel &lt;script&gt;alert('titel')&lt;/script&gt; &amp; \"co\" \\*ster\\* " \
           "\\_liggend\\_" in markdown
    assert "\\[a\\](b) \\| pijp \\~\\~weg\\~\\~" in markdown
    assert "_\\# geen kop_" in markdown
    assert "| ‘bijzonder’ | `bijzonder` | optie \\* met \\| pijp |" in markdown
    markdown_lib = pytest.importorskip("markdown")
    rendered = markdown_lib.markdown(markdown, extensions=["tables"])
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert "<h1>Titel &lt;script&gt;" in rendered
    assert rendered.count("<h1>") == 1
    assert "<blockquote>" not in rendered


@pytest.mark.parametrize(("text", "expected"), [
    ("a_b *c* <d> & e", "a\\_b \\*c\\* &lt;d&gt; &amp; e"),
    ("[x](y) | `z` ~~s~~", "\\[x\\](y) \\| \\`z\\` \\~\\~s\\~\\~"),
    ("# kop", "\\# kop"),
    ("- punt", "\\- punt"),
    ("+ punt", "\\+ punt"),
    ("12. punt", "12\\. punt"),
    ("> citaat", "&gt; citaat"),
    ("===", "\\==="),
    ("netto-inkomen € 1.450,00", "netto-inkomen € 1.450,00"),
    ("1.450,00", "1.450,00"),
    ("twee\nregels", "twee regels"),
    ("back\\slash", "back\\\\slash"),
])
def test_markdown_escape(text: str, expected: str) -> None:
    assert markdown_escape(text) == expected


def test_markdown_code_span_holds_backticks() -> None:
    assert markdown_code("naam") == "`naam`"
    assert markdown_code("a`b") == "`` a`b ``"


# ------------------------------------------------------------------ writing, the command


def test_write_annexes(tmp_path: Path) -> None:
    modules = load([ROOT / "regulations"]).checked
    written = write_annexes(modules, tmp_path / "uit", extras=annex_inputs)
    names = sorted(p.name for p in written)
    expected = sorted(f"{c.module.name}{s}" for c in modules for s in (".md", ".html"))
    assert names == expected
    stamps = {p: p.stat().st_mtime_ns for p in written}
    assert write_annexes(modules, tmp_path / "uit", extras=annex_inputs) == written
    assert {p: p.stat().st_mtime_ns for p in written} == stamps  # unchanged files not rewritten
    for path in written:
        golden_file = GENERATED / path.name
        assert path.read_bytes() == golden_file.read_bytes()


def test_cli_annex(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["annex", "regulations", "--out", str(tmp_path)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "gebruikersbijdrage_gezinszorg.md").is_file()
    assert (tmp_path / "gebruikersbijdrage_gezinszorg.html").is_file()
    assert not list(tmp_path.glob("*.pdf"))
    # the annex command writes what `regelwerk build` commits: with the worked examples
    assert (tmp_path / "zorgtoeslag.md").read_bytes() == (GENERATED / "zorgtoeslag.md").read_bytes()


def test_cli_annex_with_coverage(tmp_path: Path) -> None:
    from regelwerk.interpret.coverage import measure

    folder = "regulations/inkomenstarief_kinderopvang"
    result = CliRunner().invoke(main, ["annex", "--dekking", folder, "--out", str(tmp_path)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "inkomenstarief_kinderopvang.md").read_text(encoding="utf-8")
    assert "## Dekking door de tests" in markdown
    loaded = load([folder])
    report = next(measure(c) for c in loaded.checked
                  if c.module.name == "inkomenstarief_kinderopvang")
    covered, total = report.counts("waarde")
    assert covered < total  # the 2016 kindkorting: no test reaches it (see docs/cli.md)
    assert f"| gedateerde waarden | {covered} | {total} |" in markdown
    assert "*kindkorting*" in markdown.split("## Dekking door de tests")[1]
    html = (tmp_path / "inkomenstarief_kinderopvang.html").read_text(encoding="utf-8")
    assert 'id="dekking"' in html and html5lib.HTMLParser(strict=True).parse(html) is not None


def test_cli_annex_errors_and_usage(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["annex", "tests/fixtures/diagnostics/RW202.rw", "--out",
                                  str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 1 and "RW202" in result.output
    assert not list(tmp_path.iterdir())
    assert runner.invoke(main, ["annex"]).exit_code == 2


def test_cli_annex_pdf_without_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGELWERK_CHROMIUM", str(tmp_path / "geen-chromium"))
    result = CliRunner().invoke(main, ["annex", "regulations", "--out", str(tmp_path), "--pdf"],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert "geen Chromium gevonden" in result.output
    assert "Traceback" not in result.output


def _table_headers(annex: Annex) -> set[str]:
    """The header rows (and captions) of every table, as pdftotext prints them on one line."""
    tables: list[Table] = [b for a in annex.articles for b in a.blocks if isinstance(b, Table)]
    tables += [b for m in annex.used for a in m.articles for b in a.blocks if isinstance(b, Table)]
    if annex.terms is not None:
        tables.append(annex.terms)
    headers = {" ".join(" ".join(t.columns).split()) for t in tables}
    headers |= {" ".join(t.caption.plain().split()) for t in tables}
    headers |= {"Gegeven of uitkomst Waarde", "Gegevens en uitkomst", "Verwijzing Staat bij"}
    return headers


def _pdf_tools() -> tuple[str, str]:
    browser = find_browser()
    if browser is None:
        pytest.skip("headless Chromium is not installed (CI installs it with "
                    ".ci/install-browser.sh)")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed (CI installs it with "
                    ".ci/install-browser.sh)")
    return browser, pdftotext


@pytest.mark.parametrize("rule_file", [*REGULATIONS, FIXTURES / "alles.rw"], ids=_id)
def test_pdf_has_every_article(rule_file: Path, tmp_path: Path) -> None:
    browser, pdftotext = _pdf_tools()
    annex = annex_of(rule_file)
    html_path = tmp_path / f"{annex.name}.html"
    html_path.write_text(render_html(annex), encoding="utf-8")
    pdf_path = write_pdf(html_path, tmp_path / f"{annex.name}.pdf", browser)
    assert pdf_path.read_bytes().startswith(b"%PDF")
    text = subprocess.run([pdftotext, "-layout", str(pdf_path), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    for section in annex.sections:  # in the table of contents and as a heading
        assert flat.count(" ".join(section.heading.split())) >= 2, section.heading
    pages = [page for page in text.split("\f") if page.strip()]
    headers = _table_headers(annex)
    for number, page in enumerate(pages, start=1):
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        head = " ".join(lines[:3])  # the running header, wrapped on a narrow page
        assert annex.title in head and f"versie {annex.version}" in head, (number, head)
        assert annex.validity is None or f"geldig {annex.validity}" in head, (number, head)
        assert lines[-1].startswith("Pagina "), (number, lines[-1])
        last = lines[-2]  # the last line of the page's own content
        assert not any(header.startswith(last) or last == header for header in headers), \
            f"page {number} ends with a table header: {last!r}"
    assert "Pagina 1 van" in text  # page numbers from the CSS counters
    assert annex.title in " ".join(text.split())


def test_page_header_text_cannot_leave_its_css_string() -> None:
    from regelwerk.backends.annex.render import css_string

    escaped = str(css_string('Titel "a" } </style><script>x</script> \\ é'))
    assert '"' not in escaped and "}" not in escaped and "<" not in escaped
    assert escaped.startswith("Titel \\000022 a\\000022 ")
    html = render_html(annex_of(FIXTURES / "escaping.rw"))
    style = html[html.index("<style>"):html.index("</style>")]
    assert "<script" not in style and "alert" in style  # the title, escaped, in the page header


@pytest.mark.parametrize(("name", "phrase"), [
    ("aandeel_halve_dag", "het aandeel halve dag"),  # the issue: not "de aandeel halve dag"
    ("sociale_tarief", "het sociale tarief"),  # not "de sociale tarief"
    ("huishouden", "het huishouden"),
    ("sociale_toeslag_kind", "de sociale toeslag kind"),  # the toeslag of the kind
    ("subsidie_werkjaar", "de subsidie werkjaar"),
    ("minimumloon_januari", "het minimumloon januari"),
    ("gesubsidieerde_uren_vorig_jaar", "de gesubsidieerde uren vorig jaar"),
    ("basisbedrag_kind", "het basisbedrag kind"),
    ("gecorrigeerd_inkomen", "het gecorrigeerde inkomen"),
    ("maximale_uurbijdrage_meerlingen", "de maximale uurbijdrage meerlingen"),
    ("tarief_schijf_3", "het tarief schijf 3"),  # not "de tarieve schijf 3"
    ("grens_schijf_1", "de grens schijf 1"),
    ("actief_inkomen", "het actieve inkomen"),  # an adjective in -ief is inflected
])
def test_dutch_article_of_a_name(name: str, phrase: str) -> None:
    from regelwerk.backends.annex import dutch

    noun = dutch.noun(name)
    assert f"{noun.article} {noun.phrase}" == phrase


def test_a_list_named_by_a_singular_noun_keeps_its_article() -> None:
    markdown = (GENERATED / "zorgtoeslag.md").read_text(encoding="utf-8")
    assert "uit het *huishouden*" in markdown and "van de *huishouden*" not in markdown
