"""Checking a large regulation: 200 rules and a 5-column decision table of 1,000 rows.

Every rule has two exceptions whose conditions exclude each other, so the z3 conflict check runs
200 times. Prints the time of a full check (all passes) and of plain parsing of the same file, measured in the
same run, and their ratio. Target (issue 4): the check takes under 1 second on a 2-core machine.

    .venv/bin/python benchmarks/bench_check.py
"""

from __future__ import annotations

import gc
import time

from regelwerk.pipeline import load_text
from regelwerk.syntax.parser import parse

RULES = 200
BANDS, KINDS, AGES, HOURS = 10, 5, 5, 4  # 10 × 5 × 5 × 4 = 1,000 rows


def money(cents: int) -> str:
    euros, rest = divmod(cents, 100)
    return f"€ {euros:,}".replace(",", ".") + f",{rest:02d}"


def regulation() -> str:
    kinds = [f"soort_{i}" for i in range(KINDS)]
    lines = [
        "regeling groot", "  geldig vanaf 2026-01-01", '  bron "Benchmark"', "",
        f"keuze soort: {', '.join(kinds)}   [art. 1]", "",
        "invoer inkomen: bedrag per maand   [art. 2]",
        "invoer type: soort   [art. 2]",
        "invoer leeftijd: aantal   [art. 2]",
        "invoer uren: getal   [art. 2]",
        "invoer zorgbudget: ja/nee   [art. 2]", "",
        "tabel schaal   [bijlage 1]",
        "  | inkomen (bedrag per maand) | type (soort) | leeftijd (aantal) | uren (getal) "
        "| uurbedrag (bedrag per uur) |",
    ]
    for band in range(BANDS):
        low, high = band * 50_000, (band + 1) * 50_000
        income = f"vanaf {money(low)} tot {money(high)}" if band < BANDS - 1 else \
            f"vanaf {money(low)}"
        for kind in kinds:
            for age in range(AGES):
                ages = f"vanaf {age * 20} tot {(age + 1) * 20}" if age < AGES - 1 else \
                    f"vanaf {age * 20}"
                for hour in range(HOURS):
                    hours = f"vanaf {hour * 10} tot {(hour + 1) * 10}" if hour < HOURS - 1 \
                        else f"vanaf {hour * 10}"
                    amount = money(50 + band * 10 + age + hour)
                    lines.append(f"  | {income} | {kind} | {ages} | {hours} | {amount} |")
    lines += ["", "regel r0: bedrag per uur   [art. 3]",
              "  = schaal(inkomen; type; leeftijd; uren)", ""]
    for i in range(1, RULES):
        # r100 starts again from r0: a chain of 200 rules and the table would pass RW402's limit
        previous = f"r{i - 1}" if i % 100 else "r0"
        lines += [f"regel r{i}: bedrag per uur   [art. {i + 3}]",
                  f"  = maximum van ({previous} × 101 %; € 0,50)",
                  f"  behalve als zorgbudget en inkomen < {money(100_000 + i)}: "
                  f"{previous}   [art. {i + 3}, §2]",
                  f"  behalve als niet zorgbudget en inkomen > {money(200_000 + i)}: "
                  f"€ 9,00   [art. {i + 3}, §3]",
                  ""]
    lines.append(f"uitvoer r{RULES - 1}")
    return "\n".join(lines) + "\n"


def best_of(runs: int, action: object) -> float:
    """Best CPU time of a few runs: other processes on the machine barely change it."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    text = regulation()
    rows = BANDS * KINDS * AGES * HOURS
    result = load_text(text, "groot.rw")
    assert result.ok, [d.message for d in result.diagnostics if d.is_error][:3]
    # The check pauses the garbage collector while loading; parse under the same conditions.
    gc.disable()
    parse_time = best_of(5, lambda: parse(text, "groot.rw"))
    gc.enable()
    check_time = best_of(5, lambda: load_text(text, "groot.rw"))
    print(f"regeling: {RULES} regels, tabel van 5 kolommen en {rows} rijen, "
          f"{text.count(chr(10))} regels tekst")
    print(f"alleen parsen:        {parse_time * 1000:8.1f} ms processortijd")
    print(f"volledige controle:   {check_time * 1000:8.1f} ms processortijd (doel: < 1000 ms)")
    print(f"verhouding controle/parsen: {check_time / parse_time:.2f}")


if __name__ == "__main__":
    main()
