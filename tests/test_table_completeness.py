"""Gaps and overlaps are exactly those that a brute-force evaluation finds."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from regelwerk.check.tables import ColumnSpec, Interval, analyse
from regelwerk.ir import types as t

from .conftest import codes

AMOUNT = ColumnSpec("inkomen", t.money("maand"), numeric=True)
KIND = ColumnSpec("gezinstype", t.ChoiceType("gezinstype", ("a", "b")), numeric=False,
                  values=("a", "b"))


@st.composite
def range_rows(draw: st.DrawFn) -> list[Interval]:
    points = sorted(set(draw(st.lists(st.integers(0, 40), min_size=1, max_size=6))))
    bounds = [Decimal(p) / 2 for p in points]
    rows = [Interval(None, False, bounds[0], draw(st.booleans()))]
    for low, high in zip(bounds, bounds[1:]):
        rows.append(Interval(low, draw(st.booleans()), high, draw(st.booleans())))
    rows.append(Interval(bounds[-1], draw(st.booleans()), None, False))
    for _ in range(draw(st.integers(0, 2))):  # delete rows
        if len(rows) > 1:
            rows.pop(draw(st.integers(0, len(rows) - 1)))
    for _ in range(draw(st.integers(0, 2))):  # duplicate rows
        rows.insert(draw(st.integers(0, len(rows))), rows[draw(st.integers(0, len(rows) - 1))])
    return rows


def samples(rows: list[Interval]) -> list[Decimal]:
    """Every boundary and every midpoint, over the domain: 0 or more, unless a row reaches lower."""
    bounds = sorted({b for r in rows for b in (r.low, r.high) if b is not None} | {Decimal(0)})
    points = list(bounds)
    points += [(a + b) / 2 for a, b in zip(bounds, bounds[1:])]
    points.append(bounds[-1] + 1)
    if any(r.low is None for r in rows):
        return [*points, bounds[0] - 1]
    return [p for p in points if p >= 0]


def inside(region: Interval, x: Decimal) -> bool:
    return region.contains(x)


@settings(max_examples=300, deadline=None)
@given(range_rows())
def test_one_column_matches_brute_force(rows: list[Interval]) -> None:
    analysis = analyse([AMOUNT], [[(r,)] for r in rows])
    for x in samples(rows):
        covering = tuple(i for i, r in enumerate(rows) if r.contains(x))
        gaps = [f for f in analysis.findings if f.kind == "gap" and inside(f.region[0], x)]
        overlaps = [f for f in analysis.findings if f.kind == "overlap" and
                    inside(f.region[0], x)]
        assert bool(gaps) == (len(covering) == 0), x
        assert [f.rows for f in overlaps] == ([covering] if len(covering) > 1 else []), x


@settings(max_examples=200, deadline=None)
@given(range_rows(), range_rows())
def test_two_columns_matches_brute_force(first: list[Interval], second: list[Interval]) -> None:
    rows = [[(r,), frozenset({"a"})] for r in first] + [[(r,), frozenset({"b"})] for r in second]
    analysis = analyse([AMOUNT, KIND], rows)
    for kind in ("a", "b"):
        for x in samples(first + second):
            covering = tuple(i for i, row in enumerate(rows)
                             if row[0][0].contains(x) and kind in row[1])
            found = [f for f in analysis.findings
                     if inside(f.region[0], x) and kind in f.region[1]]
            assert any(f.kind == "gap" for f in found) == (not covering)
            assert [f.rows for f in found if f.kind == "overlap"] == \
                ([covering] if len(covering) > 1 else [])


@settings(max_examples=60, deadline=None)
@given(range_rows())
def test_checker_reports_a_gap_or_overlap_exactly_when_there_is_one(rows: list[Interval]) -> None:
    def cell(r: Interval) -> str:
        low = "" if r.low is None else f"{'vanaf' if r.low_in else 'meer dan'} {_n(r.low)} "
        high = "" if r.high is None else f"{'tot en met' if r.high_in else 'tot'} {_n(r.high)}"
        return (low + high).strip()

    lines = "".join(f"  | {cell(r)} | 1 |\n" for r in rows)
    body = f"invoer x: getal [a]\ntabel t [b]\n  | x (getal) | y (getal) |\n{lines}"
    found = set(codes(body))
    counts = [sum(r.contains(x) for r in rows) for x in samples(rows)]
    assert ("RW301" in found) == any(c == 0 for c in counts)
    assert ("RW302" in found) == any(c > 1 for c in counts)


def _n(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def test_a_parameter_bound_is_checked_at_each_date() -> None:
    body = """
    invoer x: bedrag [a]
    parameter grens: bedrag [a]
      vanaf 2026-01-01: € 100,00
      vanaf 2026-07-01: € 120,00
    tabel t [b]
      | x (bedrag)     | y (getal) |
      | tot grens      | 1         |
      | vanaf € 110,00 | 2         |
    """
    assert sorted(codes(body)) == ["RW301", "RW302", "RW330", "RW331", "RW332"] or \
        {"RW301", "RW302"} <= set(codes(body))
