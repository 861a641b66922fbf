"""The effect of a change on a population: two runs over the same households, compared per output.

The base run (`basis`) is the one compared with: `--vergelijk REGELING@REV`, `--vergelijk ANDER.rw`
or the date of `--vergelijk-peildatum`; the new run (`nieuw`) is the regulation and peildatum of the
command. A change is new minus base. Per output that is a number in both versions: the totals over
the households computed in both, the change of the total, the households that gain, lose or stay
equal, the change by income decile (the income of the base run, or of the new one if the base has
none) and the largest gains and losses with their keys. A household with an error in one version and
not the other is counted apart, and so is one with an error in both. Everything exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from regelwerk.backends.population.engine import ERROR_KIND, KEY, Run
from regelwerk.backends.population.summary import (
    EXACT,
    Decile,
    Income,
    decile_table,
    exact_sum,
    output_kind,
    show,
)
from regelwerk.core import nodes as c
from regelwerk.ir import types as t

LARGEST = 10  # the largest gains and losses shown


@attrs.frozen
class Change:
    key: object
    base: Decimal
    new: Decimal
    change: Decimal


@attrs.frozen
class OutputImpact:
    name: str
    type: t.Type
    households: int  # computed in both versions
    total_base: Decimal
    total_new: Decimal
    change: Decimal
    gain: int
    lose: int
    equal: int
    deciles: tuple[Decile, ...]  # of the change per household
    largest_gains: tuple[Change, ...]
    largest_losses: tuple[Change, ...]

    def show(self, value: Decimal | None) -> str:
        return show(self.type, value)


@attrs.frozen
class Impact:
    base_label: str
    new_label: str
    households: int
    both_computed: int
    error_only_base: int  # an error in the base version only: computed in the new one
    error_only_new: int
    error_both: int
    outputs: tuple[OutputImpact, ...]
    only_base: tuple[str, ...]  # outputs (numbers) only the base version has
    only_new: tuple[str, ...]
    income: str | None


def compare(base_program: c.Program, base: Run, new_program: c.Program, new: Run,
            base_label: str, new_label: str, income: Income | None) -> Impact:
    """`income`: per household in file order (see summary.income), for the deciles."""
    if base.table.num_rows != new.table.num_rows:
        raise ValueError("beide runs moeten over dezelfde huishoudens gaan")
    base_ok = [k is None for k in base.table.column(ERROR_KIND).to_pylist()]
    new_ok = [k is None for k in new.table.column(ERROR_KIND).to_pylist()]
    both = [a and b for a, b in zip(base_ok, new_ok, strict=True)]
    keys = new.table.column(KEY).to_pylist()
    numbers_base = _numbers(base_program, base)
    numbers_new = _numbers(new_program, new)
    outputs = []
    for name, type_ in numbers_new.items():
        if name not in numbers_base:
            continue
        outputs.append(_output(name, type_, base.table.column(name).to_pylist(),
                               new.table.column(name).to_pylist(), both, keys, income))
    return Impact(
        base_label=base_label, new_label=new_label, households=len(both),
        both_computed=sum(both),
        error_only_base=sum(1 for a, b in zip(base_ok, new_ok, strict=True) if not a and b),
        error_only_new=sum(1 for a, b in zip(base_ok, new_ok, strict=True) if a and not b),
        error_both=sum(1 for a, b in zip(base_ok, new_ok, strict=True) if not a and not b),
        outputs=tuple(outputs),
        only_base=tuple(n for n in numbers_base if n not in numbers_new),
        only_new=tuple(n for n in numbers_new if n not in numbers_base),
        income=income.description if income is not None else None,
    )


def _numbers(program: c.Program, run: Run) -> dict[str, t.Type]:
    return {o.name: o.type for o in program.main.outputs
            if output_kind(o) == "getal" and o.name in run.outputs}


def _output(name: str, type_: t.Type, base: list[Any], new: list[Any], both: list[bool],
            keys: list[object], income: Income | None) -> OutputImpact:
    changes: list[tuple[int, Decimal, Decimal, Decimal]] = []
    for row, (a, b, ok) in enumerate(zip(base, new, both, strict=True)):
        if ok and isinstance(a, Decimal) and isinstance(b, Decimal):
            changes.append((row, a, b, EXACT.subtract(b, a)))
    total_base = exact_sum([ch[1] for ch in changes])
    total_new = exact_sum([ch[2] for ch in changes])
    deciles: tuple[Decile, ...] = ()
    if income is not None:
        pairs = []
        for row, _, _, difference in changes:
            value = income.values[row]
            if value is not None:
                pairs.append((value, row, difference))
        deciles = decile_table(pairs)
    gains = sorted((ch for ch in changes if ch[3] > 0), key=lambda ch: (-ch[3], ch[0]))
    losses = sorted((ch for ch in changes if ch[3] < 0), key=lambda ch: (ch[3], ch[0]))
    return OutputImpact(
        name=name, type=type_, households=len(changes), total_base=total_base,
        total_new=total_new, change=EXACT.subtract(total_new, total_base),
        gain=sum(1 for ch in changes if ch[3] > 0), lose=sum(1 for ch in changes if ch[3] < 0),
        equal=sum(1 for ch in changes if ch[3] == 0), deciles=deciles,
        largest_gains=_top(gains, keys), largest_losses=_top(losses, keys))


def _top(changes: Sequence[tuple[int, Decimal, Decimal, Decimal]], keys: list[object]
         ) -> tuple[Change, ...]:
    return tuple(Change(keys[row], a, b, d) for row, a, b, d in changes[:LARGEST])


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def to_json(impact: Impact) -> dict[str, Any]:
    return {
        "basis": impact.base_label,
        "nieuw": impact.new_label,
        "huishoudens": impact.households,
        "in_beide_berekend": impact.both_computed,
        "fout_alleen_in_basis": impact.error_only_base,
        "fout_alleen_in_nieuw": impact.error_only_new,
        "fout_in_beide": impact.error_both,
        "inkomen": impact.income,
        "alleen_in_basis": list(impact.only_base),
        "alleen_in_nieuw": list(impact.only_new),
        "uitvoer": [{
            "naam": o.name, "huishoudens": o.households, "totaal_basis": _number(o.total_base),
            "totaal_nieuw": _number(o.total_new), "verandering": _number(o.change),
            "erop_vooruit": o.gain, "erop_achteruit": o.lose, "gelijk": o.equal,
            "decielen": [{"deciel": d.number, "huishoudens": d.households,
                          "inkomen_van": _number(d.income_low),
                          "inkomen_tot_en_met": _number(d.income_high),
                          "verandering": _number(d.total),
                          "gemiddelde_verandering": _number(d.mean)} for d in o.deciles],
            "grootste_winst": [_change_json(ch) for ch in o.largest_gains],
            "grootste_verlies": [_change_json(ch) for ch in o.largest_losses],
        } for o in impact.outputs],
    }


def _change_json(change: Change) -> dict[str, Any]:
    return {"sleutel": change.key, "basis": _number(change.base), "nieuw": _number(change.new),
            "verandering": _number(change.change)}


def render_text(impact: Impact) -> str:
    lines = [f"vergelijking: {impact.new_label} ten opzichte van {impact.base_label}",
             f"  {impact.both_computed} van {impact.households} huishoudens in beide berekend; "
             f"fout alleen in de basis: {impact.error_only_base}, alleen in de nieuwe: "
             f"{impact.error_only_new}, in beide: {impact.error_both}"]
    for o in impact.outputs:
        lines.append("")
        lines.append(f"{o.name}: totaal {o.show(o.total_base)} -> {o.show(o.total_new)} "
                     f"(verandering {o.show(o.change)})")
        lines.append(f"  erop vooruit {o.gain}, erop achteruit {o.lose}, gelijk {o.equal}")
        if o.deciles:
            lines.append(f"  gemiddelde verandering per inkomensdeciel ({impact.income}):")
            for d in o.deciles:
                lines.append(f"    {d.number:>2}  {d.households:>7} hh  {o.show(d.mean)}")
        for title, changes in (("grootste winst", o.largest_gains),
                               ("grootste verlies", o.largest_losses)):
            if changes:
                lines.append(f"  {title}: " + ", ".join(
                    f"{ch.key} ({o.show(ch.change)})" for ch in changes[:5]))
    if impact.only_base:
        lines.append(f"alleen in de basis: {', '.join(impact.only_base)}")
    if impact.only_new:
        lines.append(f"alleen in de nieuwe versie: {', '.join(impact.only_new)}")
    return "\n".join(lines) + "\n"
