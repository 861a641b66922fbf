"""No input file, however broken, makes the compiler crash: random and mutated sources."""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelwerk import runtime
from regelwerk.backends.annex import build_annex, render_html, render_markdown
from regelwerk.backends.python.codegen import generate
from regelwerk.cli import main
from regelwerk.diagnostics import render
from regelwerk.fmt import format_text
from regelwerk.interpret.evaluator import evaluate
from regelwerk.lines import OTHER_BREAKS, split_lines
from regelwerk.pipeline import LoadResult, load_text
from regelwerk.runtime import InvoerFout, RekenFout
from regelwerk.syntax.parser import decode
from tests import strategies

FORBIDDEN_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

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


# ------------------------------------------------------------------ hostile input (issue 18)
# The strategies that found the defects of issue 18. `make fuzz` runs them at 10,000 examples each;
# `make test` at a dozen. A hang fails through the deadline.

hostile = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "12")),
                   deadline=datetime.timedelta(seconds=60),
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

LIMIT_CODES = {"RW009", "RW402", "RW306"}  # the documented limits

_EXAMPLES_SEEN: dict[str, int] = {}
_STARTED = time.monotonic()


def progress(name: str, example: str) -> None:
    """With FUZZ_PROGRESS=n, a line on standard error every n examples (run pytest with -s to see
    it): a run of 10,000 examples takes hours, and pytest says nothing until a test ends.
    With FUZZ_LOG=file, a line per example (strategy and a hash of the input) for counting how
    many were distinct."""
    log = os.environ.get("FUZZ_LOG")
    if log:  # one line per example: how many of a long run's examples were distinct
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{name}\t{hashlib.sha256(example.encode('utf-8', 'surrogatepass')).hexdigest()}\n")
    every = int(os.environ.get("FUZZ_PROGRESS", "0"))
    seen = _EXAMPLES_SEEN[name] = _EXAMPLES_SEEN.get(name, 0) + 1
    if every and seen % every == 0:
        print(f"{name}: {seen} voorbeelden, {time.monotonic() - _STARTED:.0f} s",
              file=sys.stderr, flush=True)


def assert_every_stage(text: str, allowed: set[str]) -> LoadResult:
    """check (no internal error, only `allowed` errors), render, fmt (idempotent, accepted by
    check), and for a file without errors: the generated module computes what the interpreter
    does, within Python's default recursion limit."""
    result = load_text(text, "fuzz.rw")
    for diagnostic in result.diagnostics:
        assert diagnostic.code != "RW999", diagnostic.message
        render(diagnostic, result.sources)
    errors = {d.code for d in result.diagnostics if d.is_error}
    assert errors <= allowed, [d.message for d in result.diagnostics if d.is_error]
    formatted = format_text(text, "fuzz.rw")
    if "RW009" not in errors:
        assert formatted.text is not None, formatted.diagnostics
    else:
        assert [d.code for d in formatted.diagnostics] == ["RW009"]
    if formatted.text is not None and formatted.text != text:
        assert format_text(formatted.text, "fuzz.rw").text == formatted.text
        again = {d.code for d in load_text(formatted.text, "fuzz.rw").diagnostics if d.is_error}
        assert again == errors
    if not errors and result.checked:
        assert_generated_agrees(result)
    return result


def assert_generated_agrees(result: LoadResult) -> None:
    checked = result.checked[0]
    if checked.module.kind != "regeling":
        return
    module = generated_module(checked)
    inputs = {name: value for name, value in (("x", "7"), ("j", True))
              if name in {i.name for i in checked.core().inputs()}}
    for field in checked.core().inputs():
        inputs.setdefault(field.name, "3")
    expected: object
    try:
        expected = evaluate(checked, inputs, datetime.date(2026, 3, 1)).uitvoer
    except (InvoerFout, RekenFout) as exc:
        expected = type(exc).__name__
    frames = _frames()
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(frames + 1000)  # as if called from the top of a service's stack
    try:
        got: object = dict(module.bereken(inputs, "2026-03-01").uitvoer)
    except (module.InvoerFout, module.RekenFout) as exc:
        got = type(exc).__name__
    finally:
        sys.setrecursionlimit(limit)
    assert got == expected


def _frames() -> int:
    frame, count = sys._getframe(), 0
    while frame is not None:
        frame, count = frame.f_back, count + 1  # type: ignore[assignment]
    return count


def generated_module(checked: Any) -> Any:
    sys.modules.setdefault("regelwerk_runtime", runtime)
    source = generate(checked.core())
    namespace = types.ModuleType("fuzz_generated")
    exec(compile(source, "fuzz_generated.py", "exec"), namespace.__dict__)  # noqa: S102
    return namespace


@hostile
@given(strategies.deep_nesting())
def test_deep_nesting(text: str) -> None:
    progress("deep_nesting", text)
    assert_every_stage(text, {"RW009", "RW402"})


@hostile
@given(strategies.long_chains())
def test_long_chains(text: str) -> None:
    progress("long_chains", text)
    assert_every_stage(text, {"RW402"})


@hostile
@given(strategies.huge_numbers())
def test_huge_numbers(text: str) -> None:
    progress("huge_numbers", text)
    assert_every_stage(text, {"RW013", "RW207", "RW202"})


@hostile
@given(strategies.line_separators())
def test_unicode_line_separators(text: str) -> None:
    progress("unicode_line_separators", text)
    result = load_text(text, "fuzz.rw")
    assert_clean(text)
    lines = split_lines(text)
    for diagnostic in result.diagnostics:
        shown = render(diagnostic, result.sources)
        if 1 <= diagnostic.span.line <= len(lines) and diagnostic.code != "RW005":
            number = f" {diagnostic.span.line} | "
            assert number in shown, shown
    if result.checked or not any(d.is_error and d.code != "RW101" for d in result.diagnostics):
        fixed = text.replace("x + onbekend", "x")
        loaded = load_text(fixed, "fuzz.rw")
        if loaded.checked:
            annex = build_annex(loaded.checked[0])
            markdown, html = render_markdown(annex), render_html(annex)
            assert not set(OTHER_BREAKS) & set(markdown + html)
            assert not FORBIDDEN_IN_HTML.search(html)


@hostile
@given(strategies.many_columns())
def test_many_columns(text: str) -> None:
    progress("many_columns", text)
    assert_every_stage(text, {"RW301", "RW302"})


@hostile
@given(strategies.many_ordered_exceptions())
def test_many_ordered_exceptions(text: str) -> None:
    progress("many_ordered_exceptions", text)
    assert_every_stage(text, {"RW304", "RW310", "RW402"})


@pytest.fixture(scope="module")
def hostile_module() -> Any:
    result = load_text(strategies.HOSTILE_HEADER + "regel r: getal   [art. 2]\n"
                       "  = als j dan x × 2 anders x afgerond op 2 decimalen\n\nuitvoer r\n",
                       "fuzz.rw")
    assert result.checked, result.diagnostics
    return generated_module(result.checked[0])


@hostile
@given(strategies.hostile_json())
def test_hostile_json(hostile_module: Any, request_text: str) -> None:
    progress("hostile_json", request_text)
    try:
        hostile_module.bereken_json(request_text)
    except hostile_module.InvoerFout as exc:
        assert exc.veld and len(str(exc)) < 1000
    except hostile_module.RekenFout:
        pass
