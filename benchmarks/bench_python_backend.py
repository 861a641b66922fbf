"""The generated Python modules against the reference interpreter, measured in the same run.

    .venv/bin/python benchmarks/bench_python_backend.py [--huishoudens 100000] [--vergelijk 1000]

For every regulation in generated/ (run `regelwerk build` first) it prints:
- the time per household of the generated module's `bereken` and of the interpreter's `evaluate` on
  the same households (the best of 7 rounds, the two taking turns), and their ratio (target: the
  generated module at least 10x faster); also the generated module with its explanation asked for
  (`Resultaat.uitleg()` calculates again, recording every step, as the interpreter always does);
- households per second over a batch (100,000 by default) through the generated module;
- the time to import the generated module in a fresh Python process (target: under 50 ms), the
  median of five.

Households are random but the same on every run (a fixed seed), valid for the regulation's input
types. Times are integer nanoseconds; no binary floating point is involved.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

from regelwerk.build import build
from regelwerk.interpret.evaluator import evaluate
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t
from regelwerk.pipeline import CheckedModule

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
SPEEDUP_TARGET = 10
ROUNDS = 7
IMPORT_TARGET_MS = 50


def value(type_: t.Type, rng: random.Random) -> Any:
    """A random valid input value, as JSON would bring it (amounts as text)."""
    if isinstance(type_, t.NumberType):
        if type_.percent:
            return f"{rng.randint(0, 2000) // 10}.{rng.randint(0, 9)}%"
        if type_.whole:
            return rng.randint(0, 6)
        return str(Decimal(rng.randint(0, 500_000)).scaleb(-2))
    if isinstance(type_, t.BooleanType):
        return rng.randint(0, 1) == 1
    if isinstance(type_, t.DateType):
        return (datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 24_000))).isoformat()
    if isinstance(type_, t.ChoiceType):
        return rng.choice(type_.values)
    if isinstance(type_, t.RecordType):
        return {name: value(field, rng) for name, field in type_.fields}
    assert isinstance(type_, t.ListType)
    return [value(type_.element, rng) for _ in range(rng.randint(1, 4))]


def households(checked: CheckedModule, count: int, seed: int,
               accepted: Callable[[dict[str, Any]], bool] = lambda _: True
               ) -> list[dict[str, Any]]:
    """`count` random households that `accepted` lets through (the `eis`en of the inputs)."""
    types: dict[str, t.Type] = {}
    for module in (checked.module, *checked.used.values()):
        for definition in module.definitions:
            if isinstance(definition, ir.InputDef):
                types.setdefault(definition.name, checked.type_of(definition))
    rng = random.Random(seed)
    found: list[dict[str, Any]] = []
    while len(found) < count:
        household = {name: value(type_, rng) for name, type_ in types.items()}
        if accepted(household):
            found.append(household)
    return found


def meets_requirements(module: ModuleType, day: datetime.date) -> Callable[[dict[str, Any]], bool]:
    """A household the module does not refuse as input (a RekenFout still counts as a household)."""
    def accepted(household: dict[str, Any]) -> bool:
        try:
            module.bereken(household, day)
        except module.InvoerFout:
            return False
        except module.RekenFout:
            pass
        return True
    return accepted


def elapsed(run: Callable[[dict[str, Any]], object], batch: list[dict[str, Any]]) -> int:
    """Nanoseconds for the whole batch; a RekenFout (no result for this input) counts as done."""
    start = time.perf_counter_ns()
    for household in batch:
        try:
            run(household)
        except Exception as exc:  # noqa: BLE001 - both kinds of RekenFout, whatever their class
            if "RekenFout" not in {c.__name__ for c in type(exc).__mro__}:
                raise
    return time.perf_counter_ns() - start


def import_time_ns(module: str) -> int:
    code = ("import sys, time; sys.path.insert(0, '.'); t = time.perf_counter_ns(); "
            f"import {module}; print(time.perf_counter_ns() - t)")
    runs = [int(subprocess.run([sys.executable, "-I", "-c", code], cwd=GENERATED, check=True,
                               capture_output=True, text=True).stdout) for _ in range(5)]
    return int(statistics.median(runs))


def per_item(total_ns: int, count: int) -> Decimal:
    """Microseconds per item."""
    return (Decimal(total_ns) / count / 1000).quantize(Decimal("0.1"))


def best(rounds: int, runs: list[Callable[[dict[str, Any]], object]], batch: list[dict[str, Any]]
         ) -> list[int]:
    """The fastest of several rounds for each run, the runs taking turns within a round.

    Taking turns and keeping the best round makes the ratio hold up on a busy machine.
    """
    times = [[elapsed(run, batch) for run in runs] for _ in range(rounds)]
    return [min(round_[i] for round_ in times) for i in range(len(runs))]


def bench(checked: CheckedModule, module: ModuleType, compared: int, batch_size: int) -> bool:
    day = checked.module.valid_from or datetime.date(2026, 1, 1)
    sample = households(checked, compared, seed=1, accepted=meets_requirements(module, day))
    runs: list[Callable[[dict[str, Any]], object]] = [
        lambda h: evaluate(checked, h, day),
        lambda h: module.bereken(h, day),
        lambda h: module.bereken(h, day).uitleg(),
    ]
    best(1, runs, sample[:50])  # warm up: first calls fill caches
    interpreter, generated, explained = best(ROUNDS, runs, sample)
    ratio = (Decimal(interpreter) / generated).quantize(Decimal("0.1"))
    ratio_explained = (Decimal(interpreter) / explained).quantize(Decimal("0.1"))
    batch = households(checked, batch_size, seed=2, accepted=meets_requirements(module, day))
    batch_ns = elapsed(lambda h: module.bereken(h, day), batch)
    per_second = batch_size * 1_000_000_000 // batch_ns
    imported = Decimal(import_time_ns(module.__name__)).scaleb(-6).quantize(Decimal("0.1"))
    print(f"{checked.module.name}")
    print(f"  bereken per huishouden:  {per_item(generated, compared)} µs gegenereerd, "
          f"{per_item(interpreter, compared)} µs interpreter ({compared} huishoudens)")
    print(f"  sneller dan interpreter: {ratio}x (doel: ≥ {SPEEDUP_TARGET}x); met uitleg(): "
          f"{ratio_explained}x")
    print(f"  batch van {batch_size}:  {per_second} huishoudens per seconde "
          f"({Decimal(batch_ns).scaleb(-9).quantize(Decimal('0.01'))} s)")
    print(f"  importeren:              {imported} ms in een nieuw proces (doel: < "
          f"{IMPORT_TARGET_MS} ms)")
    return ratio >= SPEEDUP_TARGET and imported < IMPORT_TARGET_MS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huishoudens", type=int, default=100_000, help="grootte van de batch")
    parser.add_argument("--vergelijk", type=int, default=1_000,
                        help="huishoudens voor de vergelijking met de interpreter")
    parser.add_argument("--regeling", help="alleen deze regeling")
    args = parser.parse_args()
    result = build([ROOT / "regulations"])
    assert result.ok, "de regels bevatten fouten"
    sys.path.insert(0, str(GENERATED))
    print(f"Python {sys.version.split()[0]}, één proces; gegenereerd/ uit een verse build vergeleken")
    all_met = True
    for checked in result.loaded.checked:
        name = checked.module.name
        if checked.module.kind != "regeling" or args.regeling not in (None, name):
            continue
        stem = result.modules[name]
        if (GENERATED / f"{stem}.py").read_text(encoding="utf-8") != result.files[f"{stem}.py"]:
            print(f"{name}: generated/{stem}.py is verouderd; voer eerst 'regelwerk build' uit")
            return 1
        module = importlib.import_module(stem)
        all_met &= bench(checked, module, args.vergelijk, args.huishoudens)
    print("alle doelen gehaald" if all_met else "NIET alle doelen gehaald")
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
