"""Formatting versus parsing a rule file of about 5,000 lines, measured in the same run.

    .venv/bin/python benchmarks/bench_fmt.py [--lines 5000] [--repeat 5]

Prints the best time of several runs for parsing (`regelwerk.syntax.parser.parse`) and for
formatting (`regelwerk.fmt.format_text`, which parses, prints and, as `regelwerk fmt` does, checks its
result by parsing it again), and their ratio. The target: formatting takes less than 3x parsing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from regelwerk.fmt import format_text
from regelwerk.syntax.parser import parse, parse_with_comments

TARGET = 3.0


def definition(i: int) -> str:
    """One block of definitions (about 50 lines), written untidily as an analyst might."""
    lookup = f"schaal_{i}(correctie_{i}; type_{i})"
    cases = (f"als type_{i} = alleen dan {lookup} anders als type_{i} = samen dan {lookup} × 2 "
             f"anders {lookup} afgerond op de eurocent")
    return f"""# ---------------------------------------------------------------- blok {i}

invoer inkomen_{i}: bedrag per maand   [art. {i}, lid 1]
  "Het netto-inkomen per maand van blok {i}."
invoer kinderen_{i}: aantal [art. {i}, lid 2]
invoer type_{i}: soort_{i}     [art. {i}, lid 3]
keuze soort_{i}: alleen,samen, met_kinderen   [art. {i}, lid 4]
# Bedragen uit de regeling van {i}.
parameter grens_{i}: bedrag per maand      [art. {i}, lid 5]
  vanaf 2025-01-01: €1234,5
  vanaf 2026-01-01: € 1.300,00 voorlopig "nog niet gepubliceerd"  # bijgewerkt
parameter tarief_{i}: percentage = 13,6%   [art. {i}, lid 6]
tabel schaal_{i}   [art. {i}, bijlage]
  | inkomen (bedrag per maand) | soort (soort_{i}) | bijdrage (bedrag per uur) |
  | tot €1000 | n.v.t. | €0,50 |
  | vanaf €1000 tot €2000 | alleen | € 1,40 |
  | vanaf €1000 tot €2000 | samen of met_kinderen | € 1,20 |
  | vanaf € 2000 | n.v.t. | € 2,90 |
regel correctie_{i}: bedrag per maand   [art. {i}, lid 7]
  = maximum van (inkomen_{i} - kinderen_{i} × grens_{i} × tarief_{i} ; € 0)
regel uurbijdrage_{i}: bedrag per uur [art. {i}, lid 8]
  = {cases}
  behalve als kinderen_{i} > 3 en inkomen_{i} < grens_{i}:
    € 0,50   [art. {i}, lid 9]
regel totaal_{i}: bedrag per maand  [art. {i}, lid 10]
  = (correctie_{i} + inkomen_{i}
     - grens_{i})   # verschil
    × tarief_{i}
    + minimum van (correctie_{i}; inkomen_{i}; grens_{i}) + maximum van (inkomen_{i}; grens_{i})
uitvoer uurbijdrage_{i},totaal_{i}
test "blok {i}: alleenstaande"
  peildatum 2026-03-01
  gegeven inkomen_{i} = €1450, kinderen_{i} = 0, type_{i} = alleen,
     aantal_{i} = 3
  verwacht uurbijdrage_{i} = € 1,40
test "blok {i}: samen"
  peildatum 2026-03-01
  gegeven
    inkomen_{i} = € 2.450,00
    kinderen_{i} = 2
    type_{i} = samen
  verwacht uurbijdrage_{i} = € 2,90
"""


def source(lines: int) -> str:
    header = ('regeling bank\n  titel "Een grote regeling"\n  versie 2026.1\n'
              '  geldig vanaf 2026-01-01\n\n')
    blocks = [header]
    count = header.count("\n")
    i = 0
    while count < lines:
        block = definition(i)
        blocks.append(block)
        count += block.count("\n")
        i += 1
    return "".join(blocks)


def best(functions: list[Callable[[], object]], repeat: int) -> list[float]:
    """The best time of each function over `repeat` rounds; one round runs each once, in turn, so
    that a busy machine slows them alike."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(repeat):
        for function, measured in zip(functions, times):
            start = time.perf_counter()
            function()
            measured.append(time.perf_counter() - start)
    return [min(measured) for measured in times]


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--lines", type=int, default=5000)
    arguments.add_argument("--repeat", type=int, default=5)
    options = arguments.parse_args()
    text = source(options.lines)
    tree, problems = parse(text, "bank.rw")
    assert tree is not None, problems
    parse_with_comments(text, "bank.rw")  # build both parsers before measuring
    formatted = format_text(text, "bank.rw")
    assert formatted.text is not None, formatted.diagnostics
    assert format_text(formatted.text, "bank.rw").text == formatted.text

    parsing, formatting, unchecked = best([
        lambda: parse(text, "bank.rw"),
        lambda: format_text(text, "bank.rw"),
        lambda: format_text(text, "bank.rw", verify=False),
    ], options.repeat)
    ratio = formatting / parsing
    characters = f"{len(text):,}".replace(",", ".")
    print(f"bestand: {text.count(chr(10))} regels, {characters} tekens")
    print(f"parsen:                      {parsing * 1000:8.1f} ms (beste van {options.repeat})")
    print(f"opmaken (regelwerk fmt):     {formatting * 1000:8.1f} ms  = {ratio:.2f} x parsen")
    print(f"opmaken zonder controle:     {unchecked * 1000:8.1f} ms  = "
          f"{unchecked / parsing:.2f} x parsen")
    print(f"doel: opmaken < {TARGET:.0f} x parsen: {'gehaald' if ratio < TARGET else 'NIET gehaald'}")
    return 0 if ratio < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
