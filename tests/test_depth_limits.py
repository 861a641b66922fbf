"""Depth (issue 18, item 1 and 5): every stage holds what `check` accepts, and refuses the rest alike.

At the limits (RW009: a syntax tree of 100 levels; RW402: a calculation 1,000 levels deep or
a chain of 200 definitions) the file
checks, formats, builds, and computes the same in the interpreter, the generated module (in a fresh
Python with the default recursion limit of 1,000) and `regelwerk run`; one level more and `check`,
`fmt` and `build` refuse it with the same code. The reproducers of the issue are in
tests/fixtures/hardening/.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from regelwerk.build import build
from regelwerk.check.depth import MAX_CALL_CHAIN, MAX_EVALUATION_DEPTH
from regelwerk.cli import main
from regelwerk.fmt import format_text
from regelwerk.pipeline import load_text
from regelwerk.syntax.parser import MAX_NESTING
from tests.conftest import ROOT

HARDENING = ROOT / "tests" / "fixtures" / "hardening"
HEADER = 'regeling diep\n  geldig vanaf 2026-01-01\n  bron "Proef"\n\ninvoer x: getal   [art. 1]\n\n'


def rule(body: str) -> str:
    return HEADER + f"regel r: getal   [art. 2]\n  = {body}\n\nuitvoer r\n"


def chain(count: int, step: str = "") -> str:
    rules = ["regel r0: getal   [art. 2]\n  = x\n"]
    rules += [f"regel r{i}: getal   [art. 2]\n  = r{i - 1}{step}\n" for i in range(1, count)]
    return HEADER + "\n".join(rules) + f"\nuitvoer r{count - 1}\n"


def deep_chain(count: int, terms: int) -> str:
    """Rules that each read the previous one at the bottom of a long sum: levels and calls both."""
    rules = ["regel r0: getal   [art. 2]\n  = x\n"]
    rules += [f"regel r{i}: getal   [art. 2]\n  = " + " + ".join([f"r{i - 1}"] + ["x"] * terms) + "\n"
              for i in range(1, count)]
    return HEADER + "\n".join(rules) + f"\nuitvoer r{count - 1}\n"


# Each at the limit: (source, the value of the output for x = 1). The syntax tree holds the file,
# the rule and its `=` line above the expression, and a name two levels below its last operator.
LEVELS = MAX_NESTING - 5
AT_THE_LIMIT = {
    "minteken": (rule("-" * LEVELS + "x"), "-1"),
    "maximum": (rule("maximum van (" * LEVELS + "x" + "; 1)" * LEVELS), "1"),
    "als": (rule("als x > 0 dan " * (LEVELS - 1) + "x" + " anders 0" * (LEVELS - 1)), "1"),
    "som": (rule(" + ".join(["x"] * (LEVELS + 1))), str(LEVELS + 1)),
    "keten": (chain(MAX_CALL_CHAIN), "1"),
    "keten_plus": (chain(MAX_CALL_CHAIN, " + 1"), str(MAX_CALL_CHAIN)),
    "diep_en_keten": (deep_chain(11, 93), "931"),  # about 950 of MAX_EVALUATION_DEPTH levels
}
ONE_TOO_DEEP = {
    "minteken": (rule("-" * (LEVELS + 1) + "x"), "RW009"),
    "maximum": (rule("maximum van (" * (LEVELS + 1) + "x" + "; 1)" * (LEVELS + 1)), "RW009"),
    "som": (rule(" + ".join(["x"] * (LEVELS + 2))), "RW009"),
    "keten": (chain(MAX_CALL_CHAIN + 1), "RW402"),
    "keten_plus": (chain(MAX_CALL_CHAIN + 1, " + 1"), "RW402"),
    "diep_en_keten": (deep_chain(12, 93), "RW402"),
}


def test_deep_and_long_is_over_the_level_limit() -> None:
    message = load_text(ONE_TOO_DEEP["diep_en_keten"][0], "diep.rw").diagnostics[0].message
    assert f"(hoogstens {MAX_EVALUATION_DEPTH})" in message


def output_of(folder: Path, text: str) -> str:
    """Build `text` into `folder` and compute it there in a fresh Python (default recursion limit),
    with the explanation too: its steps nest as deep as the rules."""
    path = folder / "diep.rw"
    path.write_text(text, encoding="utf-8")
    result = build([path])
    assert result.ok, result.loaded.diagnostics
    for name, content in result.files.items():
        (folder / name).write_text(content, encoding="utf-8")
    request = json.dumps({"peildatum": "2026-03-01", "invoer": {"x": "1"}, "uitleg": True})
    script = ("import sys, json, diep\nassert sys.getrecursionlimit() == 1000\n"
              f"print(json.dumps(json.loads(diep.bereken_json({request!r}))['uitvoer']))")
    done = subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return str(json.loads(done.stdout).popitem()[1])


@pytest.mark.parametrize("name", sorted(AT_THE_LIMIT))
def test_every_stage_holds_the_limit(name: str, tmp_path: Path) -> None:
    text, expected = AT_THE_LIMIT[name]
    result = load_text(text, "diep.rw")
    assert not result.diagnostics, result.diagnostics
    formatted = format_text(text, "diep.rw")
    assert formatted.text is not None, formatted.diagnostics
    assert not load_text(formatted.text, "diep.rw").diagnostics
    assert output_of(tmp_path, text) == expected
    (tmp_path / "invoer.json").write_text('{"x": "1"}', encoding="utf-8")
    run = CliRunner().invoke(main, ["run", str(tmp_path / "diep.rw"), "--peildatum", "2026-03-01",
                                    "--invoer", str(tmp_path / "invoer.json")])
    assert run.exit_code == 0, run.output
    assert f'"{expected}"' in run.output


@pytest.mark.parametrize("name", sorted(ONE_TOO_DEEP))
def test_one_level_more_is_refused_alike(name: str, tmp_path: Path) -> None:
    text, code = ONE_TOO_DEEP[name]
    assert [d.code for d in load_text(text, "diep.rw").diagnostics] == [code]
    path = tmp_path / "diep.rw"
    path.write_text(text, encoding="utf-8")
    assert not build([path]).ok
    if code == "RW009":  # a syntax limit: fmt refuses it too (RW402 is about meaning, as RW401)
        assert [d.code for d in format_text(text, "diep.rw").diagnostics] == ["RW009"]


@pytest.mark.parametrize("path", sorted(HARDENING.glob("*.rw")), ids=lambda p: p.stem)
def test_the_reproducers_of_issue_18(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    codes = [d.code for d in load_text(text, path.name).diagnostics]
    formatted = format_text(text, path.name)
    if path.stem.startswith(("minteken", "maximum")):
        assert codes == ["RW009"]
        assert [d.code for d in formatted.diagnostics] == ["RW009"]  # fmt refuses what check does
    elif path.stem.startswith("keten"):
        assert codes == ["RW402"]
        assert not build([path]).ok
    else:
        assert formatted.text is not None
        assert format_text(formatted.text, path.name).text == formatted.text  # idempotent
        assert "# ---- parameters\n\n  # ingesprongen opmerking\n" in formatted.text


def test_fmt_never_writes_a_file_that_check_refuses() -> None:
    # 95 levels of `maximum van (` print as an indented staircase: still far below 5 MB.
    text, _ = AT_THE_LIMIT["maximum"]
    formatted = format_text(text, "diep.rw").text
    assert formatted is not None and len(formatted.encode("utf-8")) < 200_000
