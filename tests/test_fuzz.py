"""No input file, however broken, makes the compiler crash: random and mutated sources."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelwerk.cli import main
from regelwerk.diagnostics import render
from regelwerk.pipeline import load_text
from regelwerk.syntax.parser import decode

ROOT = Path(__file__).resolve().parents[1]
FILES = [*ROOT.glob("regulations/*/*.rw"), *ROOT.glob("stdlib_rules/*.rw"),
         *ROOT.glob("tests/fixtures/sketches/*.rw")]
CORPUS = [p.read_text(encoding="utf-8") for p in sorted(FILES)]

TOKENS = [
    "regeling r\n", "module m\n", "  ", "\n", "invoer", "parameter", "regel", "tabel", "keuze",
    "gegevens", "uitvoer", "test", "gebruik", "per kind", "x", "kind.y", ":", "=", "€ 1.234,56",
    "13,60 %", "0,5", "2026-01-01", "2026-02-30", "bedrag per maand", "aantal", "ja/nee",
    "lijst van kind", "[art. 1]", '"label"', "| a (getal) |", "| vanaf 1 tot 2 |", "n.v.t.",
    "als", "dan", "anders", "behalve als", "maximum van (", ";", ")", "(", "som van (", "over",
    "waarvoor", "afgerond op de eurocent", "naar beneden", "vanaf", "voorlopig", "gegeven",
    "verwacht", "peildatum", "- ", "+", "×", "/", "#", "\t", "\r\n", "\x00", "é", "€", "%",
]


def assert_clean(text: str) -> None:
    result = load_text(text, "fuzz.rw")
    for diagnostic in result.diagnostics:
        assert diagnostic.code.startswith("RW") and len(diagnostic.code) == 5
        assert diagnostic.code != "RW999", diagnostic.message  # an internal error is a bug
        assert diagnostic.span.line >= 1 and diagnostic.message
        render(diagnostic, result.sources)


# FUZZ_EXAMPLES=5000 for a long run; CI uses the default.
fuzz = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join))
def test_token_soup(text: str) -> None:
    assert_clean(text)


@fuzz
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    assert_clean(text)


@fuzz
@given(st.sampled_from(CORPUS), st.data())
def test_mutated_real_files(text: str, data: st.DataObject) -> None:
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            break
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start, min(len(text), start + 40)))
        action = data.draw(st.sampled_from(["delete", "duplicate", "insert", "truncate", "swap"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        elif action == "insert":
            text = text[:start] + data.draw(st.sampled_from(TOKENS)) + text[start:]
        elif action == "truncate":
            text = text[:start]
        else:
            lines = text.splitlines(keepends=True)
            i = data.draw(st.integers(0, len(lines) - 1))
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
    assert_clean(text)


@fuzz
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    text, problems = decode(data, "fuzz.rw")
    if text is not None:
        assert_clean(text)
    else:
        assert problems and problems[0].code == "RW005"


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300) | st.sampled_from(CORPUS).map(lambda s: s.encode("utf-8")[:200]))
def test_cli_never_prints_a_traceback(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kapot.rw"
        path.write_bytes(data)
        result = CliRunner().invoke(main, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
