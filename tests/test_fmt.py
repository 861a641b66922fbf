"""The formatter: goldens, the layout rules one by one, the command, and properties.

Properties, over every rule file in the repository and over generated programs written untidily:
- formatting twice gives what formatting once gives (idempotent);
- the formatted text has the same IR as the original, apart from spans;
- every comment of the original is in the formatted text, in the same order.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelwerk.cli import main
from regelwerk.fmt import comments_of, format_text
from regelwerk.fmt.doc import text_width
from regelwerk.fmt.numbers import money, number, percent
from regelwerk.fmt.verify import shape
from regelwerk.syntax.builder import build
from regelwerk.syntax.parser import parse, parse_with_comments

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "fixtures" / "fmt"
CORPUS = sorted([*ROOT.glob("regulations/*/*.rw"), *ROOT.glob("stdlib_rules/*.rw"),
                 *ROOT.glob("tests/fixtures/**/*.rw")])

HEADER = "regeling proef\n  geldig vanaf 2026-01-01\n\n"


def fmt(text: str) -> str:
    result = format_text(text, "proef.rw")
    assert result.text is not None, result.diagnostics
    return result.text


def ir_shape(text: str) -> Any:
    tree, problems = parse(text, "proef.rw")
    assert tree is not None, problems
    module, _ = build(tree, "proef.rw")
    return shape(module)


def assert_properties(text: str) -> str:
    """The three properties of the formatter, for one source that parses."""
    formatted = fmt(text)
    assert fmt(formatted) == formatted, "niet idempotent"
    assert ir_shape(formatted) == ir_shape(text), "de IR is veranderd"
    assert [c.text for c in comments_of(formatted)] == [c.text for c in comments_of(text)]
    return formatted


# ---------------------------------------------------------------------------------- goldens


GOLDENS = sorted(GOLDEN.glob("*.voor.rw"))


@pytest.mark.parametrize("before", GOLDENS, ids=[p.name.split(".")[0] for p in GOLDENS])
def test_golden(before: Path) -> None:
    after = before.with_name(before.name.replace(".voor.rw", ".na.rw"))
    expected = after.read_text(encoding="utf-8")
    assert fmt(before.read_text(encoding="utf-8")) == expected
    assert fmt(expected) == expected


def test_goldens_exist() -> None:
    assert len(GOLDENS) >= 3


# ---------------------------------------------------------------------------------- layout rules


def test_numbers_are_written_the_dutch_way_without_changing_value_or_decimals() -> None:
    assert money("€1,40") == "€ 1,40"
    assert money("€\t1234,5") == "€ 1.234,5"
    assert money("€ 1.234.567,891") == "€ 1.234.567,891"
    assert percent("13,6%") == "13,6 %"
    assert percent("5   %") == "5 %"
    assert number("1234") == "1.234"
    assert number("0,50") == "0,50"
    assert number("007") == "7"
    assert number("0") == "0"
    body = fmt(HEADER + "parameter p: bedrag = €1234,5\nparameter q: percentage = 13,60%\n")
    assert "= € 1.234,5\n" in body and "= 13,60 %\n" in body


def test_operators_have_one_spelling() -> None:
    text = fmt(HEADER + "regel r: ja/nee\n  = a * b ÷ c >= d en e <= f en g <> h en i − j < 2\n")
    assert "= a × b / c ≥ d en e ≤ f en g ≠ h en i - j < 2\n" in text


def test_references_share_a_column_in_a_block() -> None:
    text = fmt(HEADER + "invoer a: bedrag [art. 1]\ninvoer langere_naam: bedrag per maand [art. 2]\n"
               "  \"label\" [art. 2a]\n")
    lines = [line for line in text.splitlines() if "[" in line]
    assert {line.index("[") for line in lines} == {len("invoer langere_naam: bedrag per maand") + 2}


def test_a_free_standing_comment_starts_a_new_block_of_references() -> None:
    text = fmt(HEADER + "invoer a: bedrag [1]\n\n# ---- regels\n\ninvoer heel_lange_naam: bedrag [2]\n")
    assert "invoer a: bedrag  [1]" in text
    assert "invoer heel_lange_naam: bedrag  [2]" in text


def test_a_long_line_puts_its_reference_two_spaces_after_it() -> None:
    name = "n" * 70
    text = fmt(HEADER + f"invoer a: bedrag [1]\ninvoer {name}: bedrag [2]\n")
    assert f"invoer {name}: bedrag  [2]" in text
    assert "invoer a: bedrag  [1]" in text


def test_table_pipes_line_up_by_display_width() -> None:
    text = fmt(HEADER + "tabel t\n  | naam (getal) | uit (bedrag) |\n  | 1 | €1 |\n"
               "  | 2 | € 1.000,00 |\n  | 3 | € 2 | voorlopig \"é\" [r]\n")
    rows = [line for line in text.splitlines() if line.startswith("  |")]
    ends = {text_width(line[: line.rindex("|") + 1]) for line in rows}
    assert len(ends) == 1
    assert "  | 3            | € 2          | voorlopig \"é\"  [r]" in text


def test_accented_and_wide_characters_count_as_they_show() -> None:
    assert text_width("€ é") == 3
    assert text_width("漢字") == 4
    assert text_width("e\u0301") == 1
    text = fmt(HEADER + "tabel t\n  | a (k) | b (getal) |\n  | café | 1 |\n  | 漢字 | 2 |\n")
    rows = [line for line in text.splitlines() if line.startswith("  |")]
    assert {text_width(line) for line in rows} == {text_width(rows[0])}
    assert "  | café  | 1         |" in text
    assert "  | 漢字  | 2         |" in text


def test_blank_lines_between_definitions_and_none_inside() -> None:
    text = fmt(HEADER + "invoer a: bedrag\n\n\n\ninvoer b: bedrag\nregel c: bedrag\n\n  = a\n\n"
               "  behalve als b > a: b\n")
    assert text == (HEADER + "invoer a: bedrag\n\ninvoer b: bedrag\n\nregel c: bedrag\n  = a\n"
                    "  behalve als b > a: b\n")


def test_indentation_becomes_two_spaces() -> None:
    text = fmt("regeling proef\n\tgeldig vanaf 2026-01-01\nregel c: bedrag\n       = 1\n")
    assert text == "regeling proef\n  geldig vanaf 2026-01-01\n\nregel c: bedrag\n  = 1\n"


def test_windows_line_endings_and_trailing_spaces_go() -> None:
    text = fmt("regeling proef   \r\n  geldig vanaf 2026-01-01\r\n# opm   \r\n")
    assert text == "regeling proef\n  geldig vanaf 2026-01-01\n\n# opm\n"


def test_long_expressions_break_before_operators() -> None:
    names = [f"onderdeel_nummer_{i}" for i in range(8)]
    text = fmt(HEADER + "regel r: bedrag\n  = " + " + ".join(names) + "\n")
    assert text.endswith("  = " + names[0] + "\n" + "".join(f"    + {n}\n" for n in names[1:]))


def test_a_chain_with_a_minus_breaks_after_the_operators() -> None:
    # A line that starts with '-' would be an item of a list, so '-' cannot start a line.
    names = [f"onderdeel_nummer_{i}" for i in range(8)]
    text = fmt(HEADER + "regel r: bedrag\n  = " + " - ".join(names) + "\n")
    assert "\n    onderdeel_nummer_1 -\n" in text
    assert not any(line.lstrip().startswith("-") for line in text.splitlines())


def test_a_list_of_cases_takes_a_line_per_case() -> None:
    text = fmt(HEADER + "regel r: bedrag\n  = als a dan 1 anders als b dan 2 anders 3\n")
    assert text.endswith("  = als a dan 1\n    anders als b dan 2\n    anders 3\n")
    short = fmt(HEADER + "regel r: bedrag\n  = als a\n    dan 1\n    anders 2\n")
    assert short.endswith("  = als a dan 1 anders 2\n")


def test_parentheses_are_kept_and_break_around_their_contents() -> None:
    long = " + ".join(f"onderdeel_nummer_{i}" for i in range(6))
    text = fmt(HEADER + f"regel r: bedrag\n  = maximum van ({long}; € 0) × ((a))\n")
    # One argument a line; the continuation of an argument is indented, so that it cannot be
    # mistaken for the next argument.
    assert "  = maximum van (\n      onderdeel_nummer_0\n        + onderdeel_nummer_1\n" in text
    assert "        + onderdeel_nummer_5;\n      € 0\n    )\n    × ((a))\n" in text
    alone = fmt(HEADER + f"regel r: bedrag\n  = som van ({long}) over kinderen\n")
    assert alone.endswith("  = som van (\n      onderdeel_nummer_0\n      + onderdeel_nummer_1\n"
                          "      + onderdeel_nummer_2\n      + onderdeel_nummer_3\n"
                          "      + onderdeel_nummer_4\n      + onderdeel_nummer_5\n    )\n"
                          "    over kinderen\n")


def test_tests_keep_their_form_and_fill_lines() -> None:
    assignments = ", ".join(f"invoer_nummer_{i} = € {i},00" for i in range(6))
    text = fmt(HEADER + f'test "t"\n  gegeven {assignments}\n  verwacht\n   x = 1\n')
    assert text.endswith(
        'test "t"\n  gegeven invoer_nummer_0 = € 0,00, invoer_nummer_1 = € 1,00, '
        "invoer_nummer_2 = € 2,00,\n          invoer_nummer_3 = € 3,00, invoer_nummer_4 = € 4,00, "
        "invoer_nummer_5 = € 5,00\n  verwacht\n    x = 1\n")


def test_labels_strings_and_references_are_kept_byte_for_byte() -> None:
    source = (HEADER + 'invoer a: bedrag "  twee  spaties,\\t\\"tab\\"  "   [  art.  1 ,  lid 2 ]\n'
              'test "  naam  "\n  gegeven a = € 1\n')
    text = fmt(source)
    assert '"  twee  spaties,\\t\\"tab\\"  "' in text
    assert "[  art.  1 ,  lid 2 ]" in text
    assert 'test "  naam  "' in text


# ---------------------------------------------------------------------------------- comments


def test_comments_stay_where_they_belong() -> None:
    source = """# bovenaan
regeling proef   # na de kop
  geldig vanaf 2026-01-01
# vóór a
invoer a: bedrag   # na a
  "label"
  # aan het einde van a
regel r: bedrag
  # vóór de waarde
  = a +   # na de plus
    # in de uitdrukking
    1
# onderaan
"""
    assert assert_properties(source) == """# bovenaan
regeling proef  # na de kop
  geldig vanaf 2026-01-01

# vóór a
invoer a: bedrag  # na a
  "label"
  # aan het einde van a

regel r: bedrag
  # vóór de waarde
  = a
    +  # na de plus
    # in de uitdrukking
    1

# onderaan
"""


def test_a_comment_in_a_table_and_after_a_row() -> None:
    source = HEADER + "tabel t\n  | a (getal) | b (getal) |\n  # eerste rij\n  | 1 | 2 |  # staart\n"
    assert assert_properties(source).endswith(
        "tabel t\n  | a (getal) | b (getal) |\n  # eerste rij\n  | 1         | 2         |  # staart\n")


def test_comments_in_a_list_of_assignments() -> None:
    source = HEADER + 'test "t"\n  gegeven a = 1,  # eerste\n      b = 2\n  verwacht c = 3\n'
    assert assert_properties(source).endswith(
        'test "t"\n  gegeven a = 1,  # eerste\n          b = 2\n  verwacht c = 3\n')


# ---------------------------------------------------------------------------------- errors


def test_a_file_with_syntax_errors_is_not_formatted() -> None:
    result = format_text(HEADER + "invoer a: bedrag [art. 1\n", "kapot.rw")
    assert result.text is None
    assert [d.code for d in result.diagnostics] == ["RW001"]


# ---------------------------------------------------------------------------------- the command


UNTIDY = "regeling proef\n  geldig vanaf 2026-01-01\ninvoer a:bedrag   [art. 1]\n"
TIDY = "regeling proef\n  geldig vanaf 2026-01-01\n\ninvoer a: bedrag  [art. 1]\n"


def invoke(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(main, ["fmt", *args], input=input, catch_exceptions=False)


def test_command_rewrites_files_in_place(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    untidy = tmp_path / "sub" / "a.rw"
    tidy = tmp_path / "b.rw"
    untidy.write_text(UNTIDY, encoding="utf-8")
    tidy.write_text(TIDY, encoding="utf-8")
    result = invoke(str(tmp_path))
    assert result.exit_code == 0
    assert untidy.read_text(encoding="utf-8") == TIDY
    assert "1 bestand opgemaakt, 1 al in orde" in result.output


def test_check_lists_what_would_change_and_changes_nothing(tmp_path: Path) -> None:
    untidy = tmp_path / "a.rw"
    untidy.write_text(UNTIDY, encoding="utf-8")
    (tmp_path / "b.rw").write_text(TIDY, encoding="utf-8")
    result = invoke("--check", str(tmp_path))
    assert result.exit_code == 1
    assert str(untidy) in result.output.splitlines()
    assert str(tmp_path / "b.rw") not in result.output
    assert untidy.read_text(encoding="utf-8") == UNTIDY
    assert invoke("--check", str(tmp_path / "b.rw")).exit_code == 0


def test_diff_shows_the_change(tmp_path: Path) -> None:
    untidy = tmp_path / "a.rw"
    untidy.write_text(UNTIDY, encoding="utf-8")
    result = invoke("--diff", str(untidy))
    assert result.exit_code == 0
    assert "-invoer a:bedrag   [art. 1]\n+\n+invoer a: bedrag  [art. 1]\n" in result.output
    assert untidy.read_text(encoding="utf-8") == UNTIDY


def test_stdin_to_stdout() -> None:
    result = invoke("-", input=UNTIDY)
    assert result.exit_code == 0
    assert result.stdout == TIDY


def test_syntax_errors_leave_the_file_alone_and_fail(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.rw"
    source = "regeling proef\ninvoer a: bedrag [art. 1\n"
    broken.write_text(source, encoding="utf-8")
    result = invoke(str(broken))
    assert result.exit_code == 1
    assert "fout[RW001]" in result.output and "^" in result.output
    assert broken.read_text(encoding="utf-8") == source
    assert invoke("-", input=source).exit_code == 1


def test_repository_rules_are_formatted() -> None:
    """What CI runs: `regelwerk fmt --check regulations stdlib_rules`."""
    result = invoke("--check", str(ROOT / "regulations"), str(ROOT / "stdlib_rules"))
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------------------------- properties


def parses(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return parse(text, str(path))[0] is not None


FORMATTABLE = [p for p in CORPUS if parses(p)]


@pytest.mark.parametrize("path", FORMATTABLE, ids=[str(p.relative_to(ROOT)) for p in FORMATTABLE])
def test_every_rule_file_in_the_repository(path: Path) -> None:
    assert_properties(path.read_text(encoding="utf-8"))


def test_the_corpus_is_not_empty() -> None:
    assert len(FORMATTABLE) >= 20
    assert any("regulations" in str(p) for p in FORMATTABLE)


PROPERTY = settings(max_examples=int(os.environ.get("FMT_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SPACES = st.sampled_from([" ", " ", " ", "  ", "   ", "\t"])


def untidy(text: str, data: st.DataObject) -> str:
    """The same file with other spaces between the tokens of its lines."""
    _, tokens, _ = parse_with_comments(text, "proef.rw")
    pieces: list[str] = []
    position = 0
    previous = None
    for token in tokens:
        start = token.start_pos or 0
        if previous is not None and previous.type not in ("_NL", "COMMENT") \
                and token.type not in ("_NL",) and start > position:
            pieces.append(data.draw(SPACES))
        else:
            pieces.append(text[position:start])
        pieces.append(str(token))
        position = token.end_pos or start
        previous = token
    pieces.append(text[position:])
    return "".join(pieces)


SOURCES = [p.read_text(encoding="utf-8") for p in FORMATTABLE]


@PROPERTY
@given(st.sampled_from(SOURCES), st.data())
def test_repository_files_with_other_spacing(text: str, data: st.DataObject) -> None:
    changed = untidy(text, data)
    assert parse(changed, "proef.rw")[0] is not None
    formatted = assert_properties(changed)
    assert formatted == fmt(text)


# Generated programs: every construct of the grammar, written with random spacing, line breaks,
# number spellings, comments and blank lines.

NAMES = ["a", "b", "inkomen", "toeslag_2", "kind.leeftijd", "gezin.type", "café", "x"]
LIST = st.sampled_from(["kinderen", "huisgenoten"])


@st.composite
def numbers(draw: st.DrawFn) -> str:
    whole = draw(st.integers(0, 9_999_999))
    if draw(st.booleans()) and whole >= 1000:
        digits = f"{whole:,}".replace(",", ".")
    else:
        digits = str(whole).zfill(draw(st.integers(1, 3)) if whole < 10 else 1)
    decimals = draw(st.sampled_from(["", "", ",5", ",50", ",05", ",125"]))
    return digits + decimals


def gap(draw: st.DrawFn) -> str:
    return draw(SPACES)


def comment(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["", "", "", "  # opmerking", " #x", "\t# € é ; ( [ \"", " #"]))


def breaks(draw: st.DrawFn) -> str:
    """Somewhere a line may end: a space, or a new line (with maybe a comment)."""
    if draw(st.integers(0, 5)):
        return gap(draw)
    own = draw(st.sampled_from(["", "\n      # eigen regel", "\n\n"]))
    return comment(draw) + own + "\n" + draw(st.sampled_from(["  ", "    ", "\t", " "]))


@st.composite
def expressions(draw: st.DrawFn, level: int = 0, depth: int = 0) -> str:
    """An expression whose precedence is at least `level` (0 = any, 10 = an atom)."""
    kind = draw(st.integers(0, 19 if depth < 3 else 3))
    text, own = _expression(draw, kind, depth)
    if own < level:
        text, own = "(" + text + ")", 10
    return text


def _expression(draw: st.DrawFn, kind: int, depth: int) -> tuple[str, int]:
    sub = depth + 1
    if kind == 0:
        return draw(st.sampled_from(NAMES)), 10
    if kind == 1:
        return draw(numbers()), 10
    if kind == 2:
        return "€" + draw(st.sampled_from(["", " ", "\t"])) + draw(numbers()), 10
    if kind == 3:
        choices = ["ja", "nee", "geen", "peildatum", "2026-01-01", "3 jaar", "13,6%", "5 %"]
        return draw(st.sampled_from(choices)), 10
    if kind == 4:
        op = draw(st.sampled_from(["+", "-", "−"]))
        left, right = draw(expressions(6, sub)), draw(expressions(7, sub))
        return left + gap(draw) + op + breaks(draw) + right, 6
    if kind == 5:
        op = draw(st.sampled_from(["×", "*", "/", "·", "÷"]))
        return draw(expressions(7, sub)) + breaks(draw) + op + gap(draw) + \
            draw(expressions(8, sub)), 7
    if kind == 6:
        op = draw(st.sampled_from(["=", "≠", "<>", "<", "<=", "≤", ">", ">=", "≥"]))
        return draw(expressions(6, sub)) + gap(draw) + op + breaks(draw) + \
            draw(expressions(6, sub)), 5
    if kind == 7:
        op = draw(st.sampled_from(["en", "of"]))
        levels = (3, 4) if op == "en" else (2, 3)
        return draw(expressions(levels[0], sub)) + breaks(draw) + op + gap(draw) + \
            draw(expressions(levels[1], sub)), levels[0]
    if kind == 8:
        return "niet " + draw(expressions(4, sub)), 4
    if kind == 9:
        return "-" + draw(expressions(8, sub)), 8
    if kind == 10:
        text = "als " + draw(expressions(0, sub)) + breaks(draw) + "dan " + draw(expressions(0, sub))
        if draw(st.booleans()):
            text += breaks(draw) + "anders " + draw(expressions(0, sub))
        return text, 0
    if kind == 11:
        mode = draw(st.sampled_from(["", "naar beneden ", "rekenkundig "]))
        target = draw(st.sampled_from(["de eurocent", "hele euro's", "2 decimalen",
                                       "een veelvoud van €0,05", "de euro"]))
        after = draw(st.sampled_from(["", " richting nul"])) if not mode else ""
        return draw(expressions(2, sub)) + breaks(draw) + mode + "afgerond op " + target + \
            after, 1
    if kind == 12:
        count = draw(st.integers(0, 3))
        arguments = [draw(expressions(0, sub)) for _ in range(count)]
        separator = ";" + draw(st.sampled_from([" ", "", "\n   ", "  # c\n "]))
        return draw(st.sampled_from(["schaal", "t.tabel"])) + "(" + separator.join(arguments) + \
            ")", 10
    if kind == 13:
        arguments = [draw(expressions(0, sub)) for _ in range(draw(st.integers(2, 3)))]
        return draw(st.sampled_from(["minimum", "maximum"])) + " van (" + "; ".join(arguments) + \
            ")", 10
    if kind == 14:
        words = draw(st.sampled_from(["som van", "minimum van", "maximum van"]))
        text = f"{words} ({draw(expressions(0, sub))})" + breaks(draw) + "over " + draw(LIST)
        if draw(st.booleans()):
            # `waarvoor` takes what follows, as far as it goes: like a condition, not an atom.
            return text + breaks(draw) + "waarvoor " + draw(expressions(2, sub)), 2
        return text, 10
    if kind == 15:
        words = draw(st.sampled_from(["aantal", "enig van", "alle van"]))
        text = f"{words} {draw(LIST)}"
        if words != "aantal" or draw(st.booleans()):
            return text + breaks(draw) + "waarvoor " + draw(expressions(2, sub)), 2
        return text, 10
    if kind == 18:
        return draw(st.sampled_from(NAMES)) + " op" + gap(draw) + draw(expressions(10, sub)), 10
    if kind == 19:
        edge = draw(st.sampled_from(["eerste", "laatste"]))
        period = draw(st.sampled_from(["de maand", "het kwartaal", "het jaar"]))
        return f"{edge} dag van {period} van" + gap(draw) + draw(expressions(10, sub)), 10
    if kind == 16:
        periods = draw(st.sampled_from(["jaren", "maanden", "dagen"]))
        return f"{periods} tussen {draw(expressions(6, sub))}" + breaks(draw) + "en " + \
            draw(expressions(6, sub)), 10
    words = draw(st.sampled_from([" per maand", " omgerekend per jaar", " per uur"]))
    return draw(expressions(9, sub)) + words, 9


def annotation(draw: st.DrawFn) -> str:
    label = draw(st.sampled_from(["", "", ' "een label"', ' "é\\"€"']))
    ref = draw(st.sampled_from(["", "", " [art. 1]", "   [ art. 2, §3 ]", " [bijlage 11, tabel 1]"]))
    return label + ref


def details(draw: st.DrawFn, indent: str) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(0, 2))):
        lines.append(indent + draw(st.sampled_from(['"meer uitleg"', '"uitleg" [art. 9]',
                                                   "[art. 10]"])))
    return lines


def types(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["bedrag", "bedrag per maand", "getal", "aantal", "ja/nee",
                                 "percentage", "datum", "duur", "uren per maand", "gezin.type",
                                 "lijst van kind"]))


def provisional(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["", "", " voorlopig", ' voorlopig "nog niet bekend"']))


@st.composite
def definitions(draw: st.DrawFn, unit: str) -> list[str]:
    """The lines of one top-level definition, indented by `unit` per level."""
    i1, i2, i3 = unit, unit * 2, unit * 3
    name = draw(st.sampled_from(["a", "b", "inkomen", "r_1", "toeslag"]))
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return [f"invoer {name}:{gap(draw)}{types(draw)}{annotation(draw)}", *details(draw, i1)]
    if kind == 1:
        lines = [f"parameter {name}: {types(draw)}{annotation(draw)}"]
        for _ in range(draw(st.integers(1, 3))):
            if draw(st.integers(0, 4)) == 0:
                lines.append(f'{i1}vanaf 2027-01-01:{gap(draw)}onbekend{gap(draw)}"niet gevonden"'
                             f"{annotation(draw)}")
                continue
            lines.append(f"{i1}vanaf 2026-01-01:{gap(draw)}{draw(expressions())}"
                         f"{provisional(draw)}{annotation(draw)}")
        return lines
    if kind == 2:
        return [f"parameter {name}: {types(draw)} = {draw(expressions())}{provisional(draw)}"
                f"{annotation(draw)}", *details(draw, i1)]
    if kind == 3:
        options = draw(st.lists(st.sampled_from(["een", "twee", "drie_3", "vier"]), min_size=1,
                                max_size=4))
        return [f"keuze {name}:{gap(draw)}" + ("," + gap(draw)).join(options) + annotation(draw),
                *details(draw, i1)]
    if kind == 4:
        lines = [f"keuze {name}{annotation(draw)}"]
        for option in draw(st.lists(st.sampled_from(["een", "twee", "drie"]), min_size=1,
                                    max_size=3)):
            lines += [f"{i1}{option}{annotation(draw)}", *details(draw, i2)]
        return lines
    if kind == 5:
        lines = [f"gegevens {name}{annotation(draw)}"]
        for field in draw(st.lists(st.sampled_from(["x", "y", "z"]), min_size=1, max_size=3)):
            lines += [f"{i1}{field}: {types(draw)}{annotation(draw)}", *details(draw, i2)]
        return lines
    if kind == 6:
        lines = [f"tabel {name}{annotation(draw)}", *details(draw, i1)]
        if draw(st.booleans()):
            lines.append(f"{i1}eerste treffer")
        columns = draw(st.integers(1, 3))
        cells = st.sampled_from(["n.v.t.", "vanaf €1 tot € 2", "tot en met 5", "meer dan 3,5",
                                 "≥ 3", "< 2", "alleen of samen", "€1,40", "13,6%", "ja", "café",
                                 "漢字", "vanaf 2 tot en met 3"])

        def rows(indent: str) -> list[str]:
            header = "|" + "|".join(f" kolom_{c} (getal) " for c in range(columns)) + "|"
            body = [indent + header]
            for _ in range(draw(st.integers(1, 3))):
                row = "|" + "|".join(gap(draw) + draw(cells) + gap(draw) for _ in range(columns))
                body.append(indent + row + "|" + provisional(draw) + annotation(draw))
            return body

        if draw(st.booleans()):
            return lines + rows(i1)
        for _ in range(draw(st.integers(1, 2))):
            lines.append(f"{i1}vanaf 2026-01-01:{provisional(draw)}{annotation(draw)}")
            lines += rows(i2)
        if draw(st.booleans()):
            lines.append(f'{i1}vanaf 2027-01-01: onbekend "nog niet bekendgemaakt"'
                         f"{annotation(draw)}")
        return lines
    if kind == 7:
        per = draw(st.sampled_from(["", "per kind "]))
        lines = [f"regel {per}{name}: {types(draw)}{annotation(draw)}", *details(draw, i1)]
        if draw(st.booleans()):
            lines.append(f"{i1}={gap(draw)}{draw(expressions())}{annotation(draw)}")
        if draw(st.booleans()):
            lines.append(f"{i1}uitzonderingen in volgorde")
        for _ in range(draw(st.integers(0, 2))):
            if draw(st.booleans()):
                lines.append(f"{i1}behalve als {draw(expressions())}: {draw(expressions())}"
                             f"{annotation(draw)}")
            else:
                lines.append(f"{i1}behalve als {draw(expressions())}:{annotation(draw)}")
                lines.append(f"{i2}{draw(expressions())}{annotation(draw)}")
        if len(lines) == 1:
            lines.append(f"{i1}= 1")
        return lines
    if kind == 8:
        word = draw(st.sampled_from(["uitvoer", "gebruik"]))
        names = draw(st.lists(st.sampled_from(["a", "b", "c_1", "d"]), min_size=1, max_size=4))
        return [f"{word} " + ("," + breaks(draw)).join(names)]
    lines = [f'test "{name} {draw(st.integers(0, 99))}"{annotation(draw)}']
    if draw(st.booleans()):
        lines.append(f"{i1}peildatum 2026-03-01")

    def assignments() -> str:
        values = st.one_of(expressions(), st.just("onbekend"))
        rounded = st.sampled_from(["", "", " afgerond op de euro", " naar beneden afgerond op hele euro's",
                                   "  afgerond  op 2 decimalen naar boven"])
        items = [f"{n}{draw(rounded)} ={gap(draw)}{draw(values)}" for n in
                 draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3))]
        return ("," + breaks(draw)).join(items)

    for word in draw(st.lists(st.sampled_from(["gegeven", "verwacht"]), min_size=1, max_size=2)):
        if draw(st.booleans()):
            lines.append(f"{i1}{word} {assignments()}")
            continue
        lines.append(f"{i1}{word}")
        for _ in range(draw(st.integers(1, 2))):
            if draw(st.booleans()):
                lines.append(f"{i2}{assignments()}")
            else:
                lines.append(f"{i2}kinderen:")
                for _ in range(draw(st.integers(1, 2))):
                    lines.append(f"{i3}- {assignments()}")
    return lines


def section_comments(draw: st.DrawFn, unit: str) -> list[str]:
    """A section comment between definitions, and maybe indented comments after it (issue 18)."""
    lines = ["", "# ---- " + draw(st.sampled_from(["parameters", "regels"]))]
    for _ in range(draw(st.integers(0, 2))):
        lines += draw(st.sampled_from([[], [""]]))
        lines.append(draw(st.sampled_from([unit, unit * 2, " "])) + "# ingesprongen opmerking")
    return lines + draw(st.sampled_from([[], [""]]))


@st.composite
def programs(draw: st.DrawFn) -> str:
    unit = draw(st.sampled_from(["  ", "  ", "    ", " ", "\t"]))
    lines = [draw(st.sampled_from(["", "# bovenaan\n", "  # ingesprongen bovenaan\n\n"])) +
             draw(st.sampled_from(["regeling", "module"])) + " proef" + annotation(draw)]
    for item in draw(st.lists(st.sampled_from(['titel "T"', "versie 2026.1",
                                               "geldig vanaf 2026-01-01",
                                               "geldig tot en met 2026-12-31", '"omschrijving"']),
                              max_size=3)):
        lines.append(unit + item)
    for block in draw(st.lists(definitions(unit), max_size=6)):
        if draw(st.integers(0, 3)) == 0:
            lines += section_comments(draw, unit)
        for line in block:
            lines.append(line + comment(draw))
            if draw(st.integers(0, 6)) == 0:
                indent = draw(st.sampled_from(["", unit, unit * 2, " "]))
                lines.append(draw(st.sampled_from(["", f"{indent}# los"])))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n", "\n# einde\n"]))


@PROPERTY
@given(programs())
def test_generated_programs(text: str) -> None:
    tree, problems = parse(text, "proef.rw")
    assert tree is not None, (problems, text)
    assert_properties(text)
