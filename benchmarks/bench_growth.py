"""Growth when the input doubles (issue 18, item 4): each case at n and at 2n, in a fresh process.

Prints, per case, the processor time and the peak memory at both sizes and their ratios: a ratio
near 2 is linear, near 4 quadratic; a bounded analysis (RW306) stays near 1. The cases are the
inputs that blew up before: a decision table over many columns, thousands of ordered exceptions,
rendering the diagnostics of thousands of rules, generating code for a very long title, megabytes
of blank lines, and a long chain of rules.

    .venv/bin/python benchmarks/bench_growth.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = 'regeling groei\n  geldig vanaf 2026-01-01\n  bron "Benchmark"\n\n'


def table(columns: int, first_hit: bool) -> str:
    """Row i says `tot 5` in column i and n.v.t. elsewhere: crossing rows in every column."""
    inputs = "".join(f"invoer k{i}: getal   [art. 1]\n" for i in range(columns))
    header = "| " + " | ".join(f"k{i} (getal)" for i in range(columns)) + " | uit (getal) |"
    rows = ["| " + " | ".join("tot 5" if j == i else "n.v.t." for j in range(columns)) + " | 1 |"
            for i in range(columns)]
    if first_hit:
        rows.append("| " + " | ".join("n.v.t." for _ in range(columns)) + " | 2 |")
    arguments = "; ".join(f"k{i}" for i in range(columns))
    return (HEADER + inputs + "\ntabel t   [art. 2]\n" + ("  eerste treffer\n" if first_hit else "")
            + "  " + header + "\n  " + "\n  ".join(rows)
            + f"\n\nregel r: getal   [art. 3]\n  = t({arguments})\n\nuitvoer r\n")


def exceptions(count: int) -> str:
    lines = "".join(f"  behalve als x = {i}: {i}   [art. 3]\n" for i in range(count))
    return (HEADER + "invoer x: getal   [art. 1]\n\nregel r: getal   [art. 2]\n  = 0\n"
            "  uitzonderingen in volgorde\n" + lines + "\nuitvoer r\n")


def unused_rules(count: int) -> str:
    """Every rule but the first is used by no output: a warning (RW331) each, all rendered."""
    rules = "".join(f"regel r{i}: getal   [art. 2]\n  = x + 1\n\n" for i in range(count))
    return HEADER + "invoer x: getal   [art. 1]\n\n" + rules + "uitvoer r0\n"


def long_title(characters: int) -> str:
    return (HEADER.replace('  bron', f'  titel "{"a" * characters}"\n  bron')
            + "invoer x: getal   [art. 1]\n\nregel r: getal   [art. 2]\n  = x\n\nuitvoer r\n")


def blank_lines(count: int) -> str:
    return HEADER + "\n" * count + "invoer x: getal   [art. 1]\n\nregel r: getal   [art. 2]\n" \
        "  = x\n\nuitvoer r\n"


def chain(count: int) -> str:
    rules = ["regel r0: getal   [art. 2]\n  = x\n"]
    rules += [f"regel r{i}: getal   [art. 2]\n  = r{i - 1} + 1\n" for i in range(1, count)]
    return HEADER + "invoer x: getal   [art. 1]\n\n" + "\n".join(rules) + f"\nuitvoer r{count - 1}\n"


# name, what is measured, the generator, n
CASES = [
    ("tabel, kolommen, eerste treffer", "check", "table_first", 10),
    ("tabel, kolommen, uniek (RW306)", "check", "table_unique", 16),
    ("uitzonderingen in volgorde", "check", "exceptions", 2_000),
    ("meldingen tonen", "check", "unused_rules", 2_000),
    ("lange titel", "build", "long_title", 40_000),
    ("lege regels", "check", "blank_lines", 1_000_000),
    ("keten van regels", "check", "chain", 1_000),
]

GENERATORS = {
    "table_first": lambda n: table(n, True),
    "table_unique": lambda n: table(n, False),
    "exceptions": exceptions,
    "unused_rules": unused_rules,
    "long_title": long_title,
    "blank_lines": blank_lines,
    "chain": chain,
}

CHILD = """
import json, resource, sys, time
sys.path.insert(0, "benchmarks")
from bench_growth import GENERATORS
from regelwerk.diagnostics import render
from regelwerk.pipeline import load_text
text = GENERATORS[sys.argv[1]](int(sys.argv[2]))
start = time.process_time()
result = load_text(text, "groei.rw")
shown = "\\n".join(render(d, result.sources) for d in result.diagnostics)
if sys.argv[3] == "build" and result.checked:
    from regelwerk.backends.python.codegen import generate
    generate(result.checked[0].core())
seconds = time.process_time() - start
def peak_kb() -> int:
    # This process's own peak: ru_maxrss also counts what the parent held when it forked.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "kb": peak_kb(),
                  "codes": sorted({d.code for d in result.diagnostics})}))
"""


def measure(generator: str, n: int, what: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CHILD, generator, str(n), what],
                          capture_output=True, text=True, check=True, timeout=600, cwd=ROOT)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    print(f"{'geval':34} {'n':>9} {'tijd n':>9} {'tijd 2n':>9} {'factor':>7} "
          f"{'geheugen n':>11} {'2n':>9} {'factor':>7}  meldingen")
    for name, what, generator, n in CASES:
        small, large = measure(generator, n, what), measure(generator, 2 * n, what)
        time_factor = float(large["seconds"]) / max(float(small["seconds"]), 1e-6)  # type: ignore[arg-type]
        memory_factor = float(large["kb"]) / float(small["kb"])  # type: ignore[arg-type]
        codes = ",".join(str(c) for c in large["codes"][:3])  # type: ignore[index]
        print(f"{name:34} {n:>9} {float(small['seconds']):>8.2f}s {float(large['seconds']):>8.2f}s "  # type: ignore[arg-type]
              f"{time_factor:>7.2f} {int(small['kb']) // 1024:>9}MB {int(large['kb']) // 1024:>7}MB "  # type: ignore[call-overload]
              f"{memory_factor:>7.2f}  {codes}")
    print("factor 2 = lineair, 4 = kwadratisch; RW306 begrenst de tabel (factor ~1)")


if __name__ == "__main__":
    main()
