"""What a population run comes to: per output the total, mean, median, how many are not zero and the
distribution by income decile; the errors by kind with their most common reasons; the path each
household took; the provisional and unknown values the run depended on.

Every statistic is exact. Totals and the median are computed without rounding (the midpoint of an
even count is exact: half of a finite decimal is finite); a mean is the total divided by the count in
the runtime's decimal context (34 digits, half to even), as any division in a calculation.

The income of a household, for the deciles (deterministic per regulation, the first that applies;
what the household brings in, as the input gives it, before the rules use it):
1. the first input (in the order of the rules) that is an amount and whose name contains "inkomen"
   (groeipakket: `gezinsinkomen`);
2. else the sum over the members of the first list input of its first amount field whose name
   contains "inkomen" (zorgtoeslag: `toetsingsinkomen` over `huishouden`; gebruikersbijdrage
   gezinszorg: `netto_maandinkomen` over `huisgenoten`);
3. else the first output (in the order of the `uitvoer` line) that is an amount and whose name
   contains "inkomen";
4. else none: no deciles.
Households with an income are sorted by it (ties in file order) and cut into ten groups of (nearly)
equal size: decile d (1..10) holds the households from position floor(n*(d-1)/10) up to floor(n*d/10).
"""

from __future__ import annotations

import datetime
import decimal
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from regelwerk import runtime
from regelwerk.backends.population.engine import (
    ERROR_FIELD,
    ERROR_KIND,
    ERROR_MESSAGE,
    PATH,
    Run,
)
from regelwerk.backends.population.io import Prepared, parse_exact
from regelwerk.core import nodes as c
from regelwerk.core.soort import soort
from regelwerk.ir import types as t

DECILES = 10
REASONS = 5  # the most common reasons shown per error kind
# Sums and midpoints: as many digits as they need, never rounded.
EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN,
                         traps=[decimal.InvalidOperation, decimal.Inexact])
_SHOW = decimal.Context(prec=100_000, rounding=decimal.ROUND_HALF_EVEN)


def exact_sum(values: Sequence[Decimal]) -> Decimal:
    total = Decimal(0)
    for value in values:
        total = EXACT.add(total, value)
    return total


def mean(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    return runtime.CONTEXT.divide(exact_sum(values), Decimal(len(values)))


def median(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return EXACT.multiply(EXACT.add(ordered[middle - 1], ordered[middle]), Decimal("0.5"))


def decile_bounds(count: int) -> list[tuple[int, int]]:
    """[start, end) of each decile of `count` sorted households."""
    return [(count * d // DECILES, count * (d + 1) // DECILES) for d in range(DECILES)]


@attrs.frozen
class Income:
    description: str  # how it was found: "uitvoer toetsingsinkomen"
    type: t.Type
    values: tuple[Decimal | None, ...]  # per household in file order; None: unknown


@attrs.frozen
class Decile:
    number: int  # 1..10
    households: int
    income_low: Decimal | None
    income_high: Decimal | None
    total: Decimal
    mean: Decimal | None


@attrs.frozen
class OutputSummary:
    name: str
    type: t.Type
    kind: str  # getal | ja/nee | keuze | datum | per lid
    computed: int
    total: Decimal | None = None
    mean: Decimal | None = None
    median: Decimal | None = None
    nonzero: int | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    counts: tuple[tuple[str, int], ...] = ()  # ja/nee and keuze: households per value
    deciles: tuple[Decile, ...] = ()

    def show(self, value: Decimal | None) -> str:
        return show(self.type, value)


def show(type_: t.Type, value: Decimal | None) -> str:
    """A value in Dutch notation (€ 1.450,00 per jaar), however many digits it has."""
    if value is None:
        return "-"
    with decimal.localcontext(_SHOW):
        return soort(type_).toon(value)


@attrs.frozen
class Reason:
    field: str | None
    message: str
    households: int


@attrs.frozen
class ErrorGroup:
    kind: str
    households: int
    reasons: tuple[Reason, ...]


@attrs.frozen
class Summary:
    regulation: str
    label: str  # the regulation as given (a file, FILE@REV)
    peildatum: datetime.date
    households: int
    computed: int
    outputs: tuple[OutputSummary, ...]
    errors: tuple[ErrorGroup, ...]
    paths: tuple[tuple[str, int], ...]
    provisional: tuple[str, ...]
    unknown: tuple[tuple[str, int], ...]  # the unknown values calculations stopped at: message, count
    income: str | None  # how the income for the deciles was found


def output_kind(output: c.Output) -> str:
    if output.per_member:
        return "per lid"
    if isinstance(output.type, t.NumberType):
        return "getal"
    if isinstance(output.type, t.BooleanType):
        return "ja/nee"
    if isinstance(output.type, t.ChoiceType):
        return "keuze"
    if isinstance(output.type, t.DateType):
        return "datum"
    return "anders"


def _is_money(type_: t.Type) -> bool:
    return isinstance(type_, t.NumberType) and type_.is_money


def income(program: c.Program, run: Run, prepared: Prepared | None) -> Income | None:
    """The household income for the deciles, by the rule in the module docstring."""
    inputs = program.inputs() if prepared is not None else []
    for input_ in inputs:
        if "inkomen" in input_.name and _is_money(input_.type):
            assert prepared is not None
            cells = prepared.table.column(input_.name).to_pylist()
            return Income(f"invoer {input_.name}", input_.type,
                          _in_file_order(prepared, [parse_exact(v) for v in cells], run))
    for input_ in inputs:
        if isinstance(input_.type, t.ListType):
            for name, field in input_.type.element.fields:
                if "inkomen" in name and _is_money(field):
                    assert prepared is not None
                    sums: list[Decimal | None] = []
                    for members in prepared.table.column(input_.name).to_pylist():
                        amounts = [parse_exact(m.get(name)) if isinstance(m, dict) else None
                                   for m in members or []]
                        sums.append(None if any(a is None for a in amounts)
                                    else exact_sum([a for a in amounts if a is not None]))
                    return Income(f"som van {name} over {input_.name}", field,
                                  _in_file_order(prepared, sums, run))
            break
    for output in program.main.outputs:
        if "inkomen" in output.name and not output.per_member and _is_money(output.type) \
                and output.name in run.table.column_names:
            values = tuple(v if isinstance(v, Decimal) else None
                           for v in run.table.column(output.name).to_pylist())
            return Income(f"uitvoer {output.name}", output.type, values)
    return None


def _in_file_order(prepared: Prepared, values: list[Decimal | None], run: Run
                   ) -> tuple[Decimal | None, ...]:
    out: list[Decimal | None] = [None] * run.table.num_rows
    for row, value in zip(prepared.rows.to_pylist(), values, strict=True):
        out[row] = value
    return tuple(out)


def summarize(program: c.Program, run: Run, peildatum: datetime.date, label: str,
              prepared: Prepared | None = None, income_of: Income | None = None) -> Summary:
    table = run.table
    kinds = table.column(ERROR_KIND).to_pylist()
    ok = [kind is None for kind in kinds]
    computed = sum(ok)
    found = income_of if income_of is not None else income(program, run, prepared)
    types = c.output_types(program)  # a per-member output is described as such
    outputs = tuple(_output(attrs.evolve(o, type=types[o.name]), table.column(o.name).to_pylist(),
                            ok, found)
                    for o in program.main.outputs if o.name in run.outputs)
    return Summary(
        regulation=program.main.name, label=label, peildatum=peildatum,
        households=table.num_rows, computed=computed, outputs=outputs,
        errors=_errors(kinds, table.column(ERROR_FIELD).to_pylist(),
                       table.column(ERROR_MESSAGE).to_pylist()),
        paths=_ranked(Counter(table.column(PATH).to_pylist())),
        provisional=tuple(run.provisional),
        unknown=_ranked(Counter(m for k, m in zip(kinds, table.column(ERROR_MESSAGE).to_pylist(),
                                                  strict=True) if k == "OnbekendeWaarde")),
        income=found.description if found is not None else None,
    )


def _ranked(counter: Counter[Any]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(((str(k), n) for k, n in counter.items()), key=lambda kv: (-kv[1], kv[0])))


def _errors(kinds: list[str | None], fields: list[str | None], messages: list[str | None]
            ) -> tuple[ErrorGroup, ...]:
    by_kind: dict[str, Counter[tuple[str | None, str]]] = {}
    for kind, field, message in zip(kinds, fields, messages, strict=True):
        if kind is not None:
            by_kind.setdefault(kind, Counter())[(field, message or "")] += 1
    groups = []
    for kind, reasons in by_kind.items():
        ranked = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1]))
        groups.append(ErrorGroup(kind, sum(reasons.values()),
                                 tuple(Reason(f, m, n) for (f, m), n in ranked[:REASONS])))
    return tuple(sorted(groups, key=lambda g: (-g.households, g.kind)))


def _output(output: c.Output, values: list[Any], ok: list[bool], found: Income | None
            ) -> OutputSummary:
    kind = output_kind(output)
    present = [v for v, good in zip(values, ok, strict=True) if good and v is not None]
    if kind == "getal":
        numbers = [v for v in present if isinstance(v, Decimal)]
        deciles: tuple[Decile, ...] = ()
        if found is not None:
            pairs = [(inc, row, v) for row, (inc, v, good)
                     in enumerate(zip(found.values, values, ok, strict=True))
                     if good and inc is not None and isinstance(v, Decimal)]
            deciles = decile_table(pairs)
        return OutputSummary(
            output.name, output.type, kind, len(numbers), total=exact_sum(numbers),
            mean=mean(numbers), median=median(numbers),
            nonzero=sum(1 for v in numbers if v != 0),
            minimum=min(numbers, default=None), maximum=max(numbers, default=None),
            deciles=deciles)
    if kind == "ja/nee":
        return OutputSummary(output.name, output.type, kind, len(present),
                             counts=(("ja", sum(1 for v in present if v is True)),
                                     ("nee", sum(1 for v in present if v is False))))
    if kind == "keuze":
        return OutputSummary(output.name, output.type, kind, len(present),
                             counts=_ranked(Counter(present)))
    return OutputSummary(output.name, output.type, kind, len(present))


def decile_table(pairs: list[tuple[Decimal, int, Decimal]]) -> tuple[Decile, ...]:
    """(income, row, value) -> ten deciles of the values by income (ties by row)."""
    if not pairs:
        return ()
    ordered = sorted(pairs, key=lambda p: (p[0], p[1]))
    out = []
    for number, (start, end) in enumerate(decile_bounds(len(ordered)), start=1):
        group = ordered[start:end]
        values = [p[2] for p in group]
        out.append(Decile(number, len(group), group[0][0] if group else None,
                          group[-1][0] if group else None, exact_sum(values), mean(values)))
    return tuple(out)


# ------------------------------------------------------------------ presentation


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def to_json(summary: Summary) -> dict[str, Any]:
    """The summary as JSON: numbers as exact text."""
    return {
        "regeling": summary.regulation,
        "bron": summary.label,
        "peildatum": summary.peildatum.isoformat(),
        "huishoudens": summary.households,
        "berekend": summary.computed,
        "inkomen": summary.income,
        "uitvoer": [_output_json(o) for o in summary.outputs],
        "fouten": [{"soort": g.kind, "huishoudens": g.households,
                    "redenen": [{"veld": r.field, "melding": r.message, "huishoudens": r.households}
                                for r in g.reasons]} for g in summary.errors],
        "rekenpad": [{"pad": p, "huishoudens": n} for p, n in summary.paths],
        "voorlopig": list(summary.provisional),
        "onbekend": [{"melding": m, "huishoudens": n} for m, n in summary.unknown],
    }


def _output_json(output: OutputSummary) -> dict[str, Any]:
    document: dict[str, Any] = {"naam": output.name, "soort": output.kind,
                                "type": output.type.describe(), "berekend": output.computed}
    if output.kind == "getal":
        document.update({
            "totaal": _number(output.total), "gemiddelde": _number(output.mean),
            "mediaan": _number(output.median), "niet_nul": output.nonzero,
            "minimum": _number(output.minimum), "maximum": _number(output.maximum),
            "decielen": [{"deciel": d.number, "huishoudens": d.households,
                          "inkomen_van": _number(d.income_low), "inkomen_tot_en_met":
                          _number(d.income_high), "totaal": _number(d.total),
                          "gemiddelde": _number(d.mean)} for d in output.deciles],
        })
    if output.counts:
        document["aantallen"] = dict(output.counts)
    return document


def render_text(summary: Summary) -> str:
    """The summary for the terminal, in Dutch."""
    lines = [f"{summary.label}, peildatum {summary.peildatum.isoformat()}: "
             f"{summary.households} huishoudens, {summary.computed} berekend, "
             f"{summary.households - summary.computed} met een fout"]
    for output in summary.outputs:
        lines.append("")
        lines.append(f"{output.name} ({output.type.describe()}), {output.computed} berekend")
        if output.kind == "getal":
            lines.append(f"  totaal     {output.show(output.total)}")
            lines.append(f"  gemiddelde {output.show(output.mean)}")
            lines.append(f"  mediaan    {output.show(output.median)}")
            lines.append(f"  niet nul   {output.nonzero} huishoudens")
            if output.deciles:
                lines.append(f"  per inkomensdeciel ({summary.income}): gemiddelde")
                for d in output.deciles:
                    lines.append(f"    {d.number:>2}  {d.households:>7} hh  {output.show(d.mean)}")
        for value, count in output.counts:
            lines.append(f"  {value}: {count} huishoudens")
    if summary.errors:
        lines.append("")
        lines.append("fouten:")
        for group in summary.errors:
            lines.append(f"  {group.kind}: {group.households} huishoudens")
            for reason in group.reasons:
                where = f"{reason.field}: " if reason.field else ""
                lines.append(f"    {reason.households:>7} x {where}{reason.message}")
    lines.append("")
    lines.append("rekenpad: " + ", ".join(f"{p} {n}" for p, n in summary.paths))
    if summary.provisional:
        lines.append("voorlopige waarden: " + "; ".join(summary.provisional))
    if summary.unknown:
        lines.append("onbekende waarden: " + "; ".join(f"{m} ({n}x)" for m, n in summary.unknown))
    return "\n".join(lines) + "\n"
