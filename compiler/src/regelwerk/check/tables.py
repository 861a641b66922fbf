"""Pass: decision tables have exactly one row for every input (RW301 gap, RW302 overlap, RW303;
RW306 when a table is too complex to analyse in bounded time).

The input space is split column by column into elementary pieces (each boundary value is a piece of
its own, so a boundary that two rows both include, or both exclude, is found). Pieces whose rows
lead to the same findings in the remaining columns are merged again, so a gap is reported as the
analyst would write it: "gecorrigeerd_inkomen van € 1.700,00 tot € 1.800,00 bij gezinstype =
alleenstaand". Numbers are taken to be 0 or more, unless a row of the table reaches below 0.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Union

import attrs

from regelwerk.check.context import Context
from regelwerk.check.dependencies import cell_expressions
from regelwerk.check.logic import dates_to_check
from regelwerk.check.table_rows import gap_row_fix
from regelwerk.check.types_declared import declared_type
from regelwerk.check.walk import alternatives, names_in
from regelwerk.diagnostics import Diagnostic, error, warning
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.ir.dated import select_dated
from regelwerk.syntax import literals

MAX_REPORTED = 5


@attrs.frozen
class Interval:
    """An interval of numbers; None is minus or plus infinity."""

    low: Decimal | None
    low_in: bool
    high: Decimal | None
    high_in: bool

    def contains(self, x: Decimal) -> bool:
        if self.low is not None and (x < self.low or (x == self.low and not self.low_in)):
            return False
        if self.high is not None and (x > self.high or (x == self.high and not self.high_in)):
            return False
        return True


FULL = Interval(None, False, None, False)

# A cell as a set: a union of intervals for a numeric column, a set of values for a choice.
CellSet = Union[tuple[Interval, ...], frozenset[object]]
Piece = Union[Interval, frozenset[object]]


@attrs.frozen
class ColumnSpec:
    name: str
    type: t.Type
    numeric: bool
    whole: bool = False
    values: tuple[object, ...] = ()  # for a choice or ja/nee column


@attrs.frozen
class Finding:
    kind: str  # gap | overlap
    region: tuple[Piece, ...]
    rows: tuple[int, ...] = ()


@attrs.frozen
class Analysis:
    findings: list[Finding]
    reachable: set[int]


# The analysis splits column by column, so its work can grow with the product of the pieces of every
# column. Two things keep ordinary tables near-linear: a sub-analysis is done once per (column, rows
# still in play), and with `eerste treffer` the rows after one that holds every remaining value drop
# out (they can never be first). A table that still needs more than this many regions (a piece of a
# column, with the rows that hold it) is not analysed but reported (RW306): a bounded check with a
# clear message instead of a hang. A table of 5 columns and 1,000 rows needs about 10,000.
MAX_STEPS = 50_000


class TooComplex(Exception):
    """The analysis would take more than MAX_STEPS."""


def analyse(columns: Sequence[ColumnSpec], rows: Sequence[Sequence[CellSet]],
            first_hit: bool = False) -> Analysis:
    """All gaps and overlaps of a table; row numbers are indexes into `rows`. TooComplex when that
    takes more than MAX_STEPS."""
    domains = [_domain(c, [r[i] for r in rows]) for i, c in enumerate(columns)]
    full = [_full_cell(c) for c in columns]
    # open_from[m]: from which column on row m holds every value (n.v.t. in each later column)
    open_from = []
    for row in rows:
        start = len(columns)
        while start > 0 and row[start - 1] == full[start - 1]:
            start -= 1
        open_from.append(start)
    reachable: set[int] = set()
    done: dict[tuple[int, tuple[int, ...]], list[Finding]] = {}
    steps = 0

    def walk(members: list[int], col: int) -> list[Finding]:
        nonlocal steps
        if first_hit:
            first_open = next((i for i, m in enumerate(members) if open_from[m] <= col), None)
            if first_open is not None:
                members = members[:first_open + 1]
        key = (col, tuple(members))
        known = done.get(key)
        if known is not None:
            return known
        if col == len(columns):
            if not members:
                return [Finding("gap", ())]
            reachable.add(members[0])
            if len(members) > 1 and not first_hit:
                return [Finding("overlap", (), tuple(members))]
            return []
        column = columns[col]
        pieces = _pieces(column, domains[col], [rows[m][col] for m in members])
        steps += len(pieces)
        if steps > MAX_STEPS:
            raise TooComplex
        results = []
        for piece in pieces:
            covering = _covering(piece, [(m, rows[m][col]) for m in members])
            results.append((piece, walk(covering, col + 1)))
        found = done[key] = _merge(column, results)
        return found

    return Analysis(walk(list(range(len(rows))), 0), reachable)


def _full_cell(column: ColumnSpec) -> CellSet:
    """The cell `n.v.t.` of a column."""
    return (FULL,) if column.numeric else frozenset(column.values)


def _domain(column: ColumnSpec, cells: list[CellSet]) -> Piece:
    if not column.numeric:
        return frozenset(column.values)
    for cell in cells:
        assert isinstance(cell, tuple)
        for interval in cell:
            if interval.low is None and interval != FULL:
                return FULL
            if any(b is not None and b < 0 for b in (interval.low, interval.high)):
                return FULL
    if column.type == t.DATE:
        return FULL
    return Interval(Decimal(0), True, None, False)


def _pieces(column: ColumnSpec, domain: Piece, cells: list[CellSet]) -> list[Piece]:
    if not column.numeric:
        assert isinstance(domain, frozenset)
        return [frozenset([v]) for v in column.values if v in domain]
    assert isinstance(domain, Interval)
    points: set[Decimal] = set()
    for cell in cells:
        assert isinstance(cell, tuple)
        for interval in cell:
            points.update(b for b in (interval.low, interval.high) if b is not None)
    if domain.low is not None:
        points.add(domain.low)
    ordered = sorted(p for p in points if domain.contains(p) or p == domain.low)
    pieces: list[Piece] = []
    if domain.low is None:
        pieces.append(Interval(None, False, ordered[0], False) if ordered else FULL)
    for index, point in enumerate(ordered):
        pieces.append(Interval(point, True, point, True))
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        pieces.append(Interval(point, False, following, False))
    return [p for p in pieces if not _empty(column, p)]


def _empty(column: ColumnSpec, piece: Piece) -> bool:
    if not column.whole or not isinstance(piece, Interval):
        return False
    if piece.low_in and piece.high_in:  # a point
        return piece.low is not None and piece.low != piece.low.to_integral_value()
    first = Decimal(0) if piece.low is None else (piece.low // 1) + 1
    if piece.low is not None and piece.low < 0 and piece.low != piece.low.to_integral_value():
        first = piece.low.to_integral_value(rounding="ROUND_CEILING")
    return piece.high is not None and first >= piece.high


def _sample(piece: Interval) -> Decimal:
    if piece.low is not None and piece.high is not None:
        return (piece.low + piece.high) / 2 if piece.low != piece.high else piece.low
    if piece.low is not None:
        return piece.low + 1
    if piece.high is not None:
        return piece.high - 1
    return Decimal(0)


def _covering(piece: Piece, cells: list[tuple[int, CellSet]]) -> list[int]:
    """The rows whose cell holds the whole piece (a piece is never cut by a boundary)."""
    if isinstance(piece, frozenset):
        return [m for m, cell in cells if piece <= cell]  # type: ignore[operator]
    point = _sample(piece)
    return [m for m, cell in cells
            if any(isinstance(i, Interval) and i.contains(point) for i in cell)]


def _merge(column: ColumnSpec, results: list[tuple[Piece, list[Finding]]]) -> list[Finding]:
    """Join pieces with the same findings: neighbouring intervals, or values of a choice."""
    groups: list[tuple[Piece, list[Finding]]] = []
    previous: list[Finding] = []
    for piece, findings in results:
        if findings and isinstance(piece, Interval) and groups and previous == findings:
            last = groups[-1][0]
            assert isinstance(last, Interval)
            groups[-1] = (Interval(last.low, last.low_in, piece.high, piece.high_in), findings)
        elif findings and isinstance(piece, frozenset):
            match = next((i for i, group in enumerate(groups) if group[1] == findings), None)
            if match is None:
                groups.append((piece, findings))
            else:
                merged = groups[match][0]
                assert isinstance(merged, frozenset)
                groups[match] = (merged | piece, findings)
        elif findings:
            groups.append((piece, findings))
        previous = findings
    return [Finding(f.kind, (piece,) + f.region, f.rows) for piece, findings in groups
            for f in findings]


# ------------------------------------------------------------------ the pass


def check_tables(module: ir.Module, context: Context) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    dates = dates_to_check(context)
    for definition in module.definitions:
        if isinstance(definition, ir.TableDef) and len(definition.columns) >= 2:
            for version in definition.versions:
                if version.unknown is not None:  # no rows to check: a lookup stops instead
                    continue
                # A bound may be a parameter: check the table at every date a parameter changes.
                for date in dates if _reads_parameters(version, context) else [None]:
                    if version.valid_from is not None and date is not None and \
                            date < version.valid_from:
                        continue
                    for found in _check_version(definition, version, context, date):
                        if all(found.message != d.message for d in diagnostics):
                            diagnostics.append(found)
    return diagnostics


def _reads_parameters(version: ir.TableVersion, context: Context) -> bool:
    for row in version.rows:
        for cell in row.cells[:-1]:
            for expr in cell_expressions(cell):
                for name in names_in(expr):
                    target = context.targets.get(name)
                    if target is not None and target.kind == "parameter":
                        return True
    return False


def _check_version(table: ir.TableDef, version: ir.TableVersion, context: Context,
                   date: datetime.date | None) -> list[Diagnostic]:
    columns = []
    for column in version.columns[:-1]:
        spec = column_spec(column, context)
        if spec is None:
            return []
        columns.append(spec)
    rows = []
    for row in version.rows:
        if len(row.cells) != len(version.columns):
            return []
        cells = []
        for spec, cell in zip(columns, row.cells[:-1]):
            as_set = cell_set(spec, cell, context, date)
            if as_set is None:
                return []  # a bound that is not a fixed value: checked at run time instead
            cells.append(as_set)
        rows.append(cells)
    where = f"tabel {table.name}" + (f" [{table.reference.text}]" if table.reference else "")
    if version.valid_from is not None and len(table.versions) > 1:
        where += f" (versie vanaf {version.valid_from.isoformat()})"
    if date is not None:
        where += f" op {date.isoformat()}"
    try:
        analysis = analyse(columns, rows, table.first_hit)
    except TooComplex:
        return [warning(
            "RW306", f"{where} is te ingewikkeld om na te gaan op gaten en overlappingen "
            f"({len(columns)} kolommen, {len(rows)} rijen; meer dan {MAX_STEPS:_} stappen)".replace("_", "."),
            table.span, "splits de tabel op in kleinere tabellen, of voeg kolommen samen; "
            "ontbreekt er een rij, dan stopt de berekening met een RekenFout")]
    diagnostics = []
    gaps = [f for f in analysis.findings if f.kind == "gap"]
    overlaps = [f for f in analysis.findings if f.kind == "overlap"]
    for finding in gaps[:MAX_REPORTED]:
        gap = error(
            "RW301", f"{where} heeft geen rij voor {describe(columns, finding.region)}",
            table.span,
            "voeg een rij toe voor deze waarden, of verbreed een bestaande rij")
        fix = gap_row_fix(version, columns, finding.region, _show_value)
        diagnostics.append(attrs.evolve(gap, fixes=(fix,)) if fix is not None else gap)
    for finding in overlaps[:MAX_REPORTED]:
        numbers = [str(r + 1) for r in finding.rows]
        which = " en ".join([", ".join(numbers[:-1]), numbers[-1]]) if len(numbers) > 1 else numbers[0]
        overlap = error(
            "RW302", f"rijen {which} van {where} gelden allebei voor "
            f"{describe(columns, finding.region)}", version.rows[finding.rows[1]].span,
            "maak de rijen uitsluitend (let op 'tot' en 'tot en met'), of schrijf 'eerste treffer' "
            "als de eerste rij voorgaat")
        others = tuple((f"rij {r + 1} geldt ook", version.rows[r].span)
                       for r in finding.rows if r != finding.rows[1])
        diagnostics.append(attrs.evolve(overlap, notes=others))
    hidden = len(gaps) + len(overlaps) - len(diagnostics)
    if hidden > 0 and diagnostics:
        last = diagnostics[-1]
        diagnostics[-1] = attrs.evolve(last, message=last.message + f" (en nog {hidden} andere)")
    if table.first_hit:
        for index, row in enumerate(version.rows):
            if index not in analysis.reachable:
                diagnostics.append(warning(
                    "RW303", f"rij {index + 1} van {where} wordt nooit gebruikt: de rijen erboven "
                    "dekken alles wat zij dekt", row.span, "schrap de rij of zet ze hoger"))
    return diagnostics


def column_spec(column: ir.Column, context: Context) -> ColumnSpec | None:
    type_ = declared_type(context, column.type)
    if isinstance(type_, t.NumberType):
        return ColumnSpec(column.name, type_, True, type_.whole)
    if isinstance(type_, t.DateType):
        return ColumnSpec(column.name, type_, True, True)
    if isinstance(type_, t.ChoiceType):
        return ColumnSpec(column.name, type_, False, values=type_.values)
    if isinstance(type_, t.BooleanType):
        return ColumnSpec(column.name, type_, False, values=(True, False))
    return None


def cell_set(spec: ColumnSpec, cell: ir.Cell, context: Context,
             date: datetime.date | None = None) -> CellSet | None:
    def constant(expr: ir.Expr | None) -> object:
        return _constant(expr, context, date)

    if isinstance(cell, ir.AnyCell):
        return (FULL,) if spec.numeric else frozenset(spec.values)
    if isinstance(cell, ir.RangeCell):
        low, high = constant(cell.lower), constant(cell.upper)
        if (cell.lower is not None and low is None) or (cell.upper is not None and high is None):
            return None
        assert isinstance(low, (Decimal, type(None))) and isinstance(high, (Decimal, type(None)))
        return (Interval(low, cell.lower_inclusive, high, cell.upper_inclusive),)
    if isinstance(cell, ir.CompareCell):
        value = constant(cell.value)
        if value is None:
            return None
        if not spec.numeric:
            return frozenset([value]) if cell.op == "=" else frozenset(spec.values) - {value}
        assert isinstance(value, Decimal)
        return {
            "<": (Interval(None, False, value, False),),
            "≤": (Interval(None, False, value, True),),
            ">": (Interval(value, False, None, False),),
            "≥": (Interval(value, True, None, False),),
            "=": (Interval(value, True, value, True),),
            "≠": (Interval(None, False, value, False), Interval(value, False, None, False)),
        }[cell.op]
    assert isinstance(cell, ir.ValueCell)
    values = [constant(v) for v in alternatives(cell.value)]
    if any(v is None for v in values):
        return None
    if spec.numeric:
        return tuple(Interval(v, True, v, True) for v in values  # type: ignore[arg-type]
                     )
    return frozenset(values)


def _constant(expr: ir.Expr | None, context: Context, date: datetime.date | None = None
              ) -> object:
    """The fixed value of a cell bound: a number (a date as its day number), ja/nee or a choice;
    a parameter counts with its value at `date`."""
    if expr is None:
        return None
    if isinstance(expr, ir.Literal):
        if isinstance(expr.value, datetime.date):
            return Decimal(expr.value.toordinal())
        return expr.value
    if isinstance(expr, ir.Name):
        target = context.targets.get(expr)
        if target is not None and target.kind == "keuzewaarde":
            return target.name
        definition = context.definition_of(target) if target is not None else None
        if isinstance(definition, ir.ParameterDef) and date is not None and target is not None \
                and not target.fields:
            chosen = select_dated(definition.values, date)
            return _constant(chosen.value, context) if chosen is not None else None
    return None


def describe(columns: Sequence[ColumnSpec], region: Sequence[Piece]) -> str:
    parts = []
    for column, piece in zip(columns, region):
        text = _describe_piece(column, piece)
        if text:
            parts.append(text)
    if not parts:
        return "elke invoer"
    return parts[0] + ("" if len(parts) == 1 else " bij " + " en ".join(parts[1:]))


def _describe_piece(column: ColumnSpec, piece: Piece) -> str:
    if isinstance(piece, frozenset):
        if set(piece) == set(column.values):
            return ""
        values = [v for v in column.values if v in piece]
        shown = [("ja" if v else "nee") if isinstance(v, bool) else str(v) for v in values]
        return f"{column.name} = {' of '.join(shown)}"
    if piece == FULL:
        return ""
    low, high, low_in, high_in = piece.low, piece.high, piece.low_in, piece.high_in
    if column.whole and column.type != t.DATE:
        if low is not None and not low_in:
            low, low_in = (low // 1) + 1, True
        if high is not None and not high_in:
            high, high_in = -((-high) // 1) - 1, True
    def value(v: Decimal) -> str:
        return _show_value(column.type, v)

    if low is not None and high is not None and low == high:
        return f"{column.name} = {value(low)}"
    words = [column.name]
    if low is not None:
        start = ("van" if high is not None else "vanaf") if low_in else "meer dan"
        words.append(f"{start} {value(low)}")
    if high is not None:
        words.append(f"{'tot en met' if high_in else 'tot'} {value(high)}")
    return " ".join(words)


def _show_value(type_: t.Type, value: Decimal) -> str:
    if type_ == t.DATE:
        return datetime.date.fromordinal(int(value)).isoformat()
    if isinstance(type_, t.NumberType) and type_.is_money:
        return literals.format_money(value)
    if isinstance(type_, t.NumberType) and type_.percent:
        return literals.format_percent(value)
    return literals.format_number(value)
