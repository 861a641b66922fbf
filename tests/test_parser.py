"""Syntax: the sketches of LANGUAGE.md parse; layout and notation behave as documented."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from regelwerk.ir import nodes as ir
from regelwerk.syntax.builder import build
from regelwerk.syntax.parser import decode, parse

from .conftest import codes

SKETCHES = sorted((Path(__file__).parent / "fixtures" / "sketches").glob("*.rw"))


def module_of(text: str) -> ir.Module:
    tree, problems = parse(text, "t.rw")
    assert tree is not None, problems
    module, problems = build(tree, "t.rw")
    assert not problems
    return module


@pytest.mark.parametrize("path", SKETCHES, ids=[p.stem for p in SKETCHES])
def test_language_sketches_parse(path: Path) -> None:
    module_of(path.read_text(encoding="utf-8"))


def test_header_fields() -> None:
    module = module_of('regeling r\n  titel "T"\n  versie 2026.1\n  geldig vanaf 2026-01-01\n'
                       '  geldig tot en met 2026-12-31\n  bron "B"\n')
    assert (module.name, module.title, module.version, module.source) == ("r", "T", "2026.1", "B")
    assert str(module.valid_until) == "2027-01-01"


def test_decimal_comma_is_never_a_separator() -> None:
    module = module_of("module m\n\nparameter p: getal = 1,5 [a]\n")
    parameter = module.definitions[0]
    assert isinstance(parameter, ir.ParameterDef)
    value = parameter.values[0].value
    assert isinstance(value, ir.Literal) and value.value == Decimal("1.5")


def test_dot_as_decimal_point_is_an_error_with_a_hint() -> None:
    tree, problems = parse("module m\n\nparameter p: getal = 1.5 [a]\n", "t.rw")
    assert tree is None and problems[0].code in ("RW001", "RW002")
    assert "komma" in problems[0].hint


def test_line_continuation_after_operator_and_before_anders() -> None:
    module = module_of(
        "module m\n\nregel r: getal [a]\n  = 1 +\n      2\n    + 3\n\nregel s: getal [b]\n"
        "  = als ja dan 1\n    anders als nee dan 2\n    anders 3\n"
    )
    rule = module.definitions[1]
    assert isinstance(rule, ir.RuleDef) and isinstance(rule.value, ir.Conditional)
    assert len(rule.value.cases) == 2 and rule.value.otherwise is not None


def test_comments_crlf_and_bom_are_accepted() -> None:
    data = "\ufeff# kop\r\nmodule m  # achter\r\n\r\n# tussen\r\nparameter p: getal = 1 [a]\r\n"
    text, problems = decode(data.encode("utf-8"), "t.rw")
    assert text is not None and not problems
    assert module_of(text).definitions[0].name == "p"


def test_binary_and_wrong_encoding_are_diagnostics() -> None:
    assert decode(b"module m\x00", "t.rw")[1][0].code == "RW005"
    assert decode("module café".encode("latin-1"), "t.rw")[1][0].code == "RW005"


def test_huge_file_is_refused() -> None:
    assert decode(b"#" * 6_000_000, "t.rw")[1][0].code == "RW008"


def test_syntax_error_position_and_caret() -> None:
    tree, problems = parse("module m\n\nparameter p: getal = 1 1 [a]\n", "t.rw")
    assert tree is None
    problem = problems[0]
    assert (problem.code, problem.span.line, problem.span.column) == ("RW002", 3, 24)


def test_end_given_twice_is_an_error() -> None:
    assert "RW010" in codes("regeling r\n  geldig tot 2027-01-01\n  geldig tot en met 2026-12-31\n",
                            header=False)


def test_truncated_file() -> None:
    assert codes("regel x: getal [a]\n  = (1 +\n") == ["RW003"]


def test_table_cells() -> None:
    module = module_of(
        "module m\n\nkeuze k: a, b, c [x]\n\ntabel t [x]\n  eerste treffer\n"
        "  | i (bedrag) | j (k) | uit (getal) |\n"
        "  | vanaf € 1,00 tot en met € 2,00 | a of b | 1 |\n"
        "  | meer dan € 2,00 | n.v.t. | 2 |\n"
        "  | < € 1,00 | c | 3 |\n"
    )
    table = module.definitions[1]
    assert isinstance(table, ir.TableDef) and table.first_hit
    first, second, third = (row.cells for row in table.versions[0].rows)
    assert isinstance(first[0], ir.RangeCell) and first[0].upper_inclusive
    assert isinstance(second[0], ir.RangeCell) and not second[0].lower_inclusive
    assert isinstance(second[1], ir.AnyCell)
    assert isinstance(third[0], ir.CompareCell) and third[0].op == "<"


def test_deep_nesting_is_a_diagnostic_not_a_crash() -> None:
    body = "regel y: getal [a]\n  = " + " + ".join(["1"] * 20000) + "\n"
    assert codes(body) == ["RW009"]
