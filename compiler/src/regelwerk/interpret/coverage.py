"""Test coverage (`regelwerk test --dekking`): what of a regulation its tests never exercise.

The items are read from the core IR of the regulation itself (not the modules it uses): every rule,
every exception, every branch of an `als ... dan ... anders`, every row of every table version and
every dated value of a parameter. Running the tests with a set to record in (`run_tests(...,
covered)`) marks what each calculation reached; what stays unmarked is what no test looks at.
"""

from __future__ import annotations

from typing import Any

import attrs

from regelwerk.core import nodes as c
from regelwerk.core.visitor import walk
from regelwerk.interpret.testing import TestResult, run_tests
from regelwerk.ir.span import Span
from regelwerk.pipeline import CheckedModule
from regelwerk.worked import CoverageSummary

KINDS = ("regel", "uitzondering", "als", "rij", "waarde")
KIND_WORDS = {"regel": "regels", "uitzondering": "uitzonderingen", "als": "als-takken",
              "rij": "tabelrijen", "waarde": "gedateerde waarden"}


@attrs.frozen
class Item:
    kind: str  # regel | uitzondering | als | rij | waarde
    definition: str
    description: str  # where it is, in words: "rij 3", "uitzondering [art. 6]", "tak 'anders'"
    span: Span
    branch: int = 0

    @property
    def key(self) -> tuple[str, Span, int]:
        return (self.kind, self.span, self.branch)


@attrs.frozen
class Report:
    module: str
    kind: str  # regeling | module
    items: tuple[Item, ...]
    covered: frozenset[tuple[str, Span, int]]
    results: tuple[TestResult, ...]

    def missing(self, kind: str | None = None) -> list[Item]:
        return [i for i in self.items if i.key not in self.covered
                and (kind is None or i.kind == kind)]

    def counts(self, kind: str) -> tuple[int, int]:
        """(covered, total) for one kind of item."""
        items = [i for i in self.items if i.kind == kind]
        return sum(1 for i in items if i.key in self.covered), len(items)

    def percentage(self, kind: str | None = None) -> int:
        items = [i for i in self.items if kind is None or i.kind == kind]
        if not items:
            return 100
        done = sum(1 for i in items if i.key in self.covered)
        return done * 100 // len(items)

    def to_json(self) -> dict[str, object]:
        return {
            "regeling": self.module,
            "dekking": {kind: {"gedekt": self.counts(kind)[0], "totaal": self.counts(kind)[1]}
                        for kind in KINDS},
            "niet_gedekt": [
                {"soort": i.kind, "definitie": i.definition, "wat": i.description,
                 "bestand": i.span.file, "regel": i.span.line, "kolom": i.span.column}
                for i in self.missing()],
        }


def items(program: c.Program) -> list[Item]:
    """Everything of the regulation a test can exercise, in the order of the file."""
    found: list[Item] = []
    for definition in program.main.definitions:
        if isinstance(definition, c.Rule):
            found.append(Item("regel", definition.name, f"regel {definition.name}",
                              definition.span))
            for term in definition.body.terms:
                where = f"[{term.reference}]" if term.reference else f"regel {term.span.line}"
                found.append(Item("uitzondering", definition.name, f"uitzondering {where}",
                                  term.span))
            found += _branches(definition)
        elif isinstance(definition, c.Table):
            for version in definition.versions:
                since = f", versie vanaf {version.valid_from.isoformat()}" \
                    if version.valid_from else ""
                for index, row in enumerate(version.rows, start=1):
                    found.append(Item("rij", definition.name, f"rij {index}{since}", row.span))
        elif isinstance(definition, c.Parameter):
            for dated in definition.values:
                if dated.value is None:
                    continue  # an unknown value cannot be exercised, only reported (RW505)
                since = f"vanaf {dated.valid_from.isoformat()}" if dated.valid_from \
                    else "zonder datum"
                found.append(Item("waarde", definition.name, f"waarde {since}", dated.span))
    return sorted(found, key=lambda i: (i.span.line, i.span.column, i.branch))


def _branches(rule: c.Rule) -> list[Item]:
    found: list[Item] = []
    seen: set[Span] = set()
    for node in walk(rule.body):
        if isinstance(node, c.Choose) and node.span not in seen:
            seen.add(node.span)
            for index in range(len(node.cases)):
                found.append(Item("als", rule.name, f"als-tak {index + 1} (regel {node.span.line})",
                                  node.span, index))
            if node.otherwise is not None:  # without it, no case holding is an error, not a branch
                found.append(Item("als", rule.name, f"tak 'anders' (regel {node.span.line})",
                                  node.span, len(node.cases)))
    return found


def measure(checked: CheckedModule) -> Report:
    """Run the module's tests and report what they exercised."""
    covered: set[tuple[str, Any, int]] = set()
    results = run_tests(checked, covered)
    return Report(checked.module.name, checked.module.kind, tuple(items(checked.core())),
                  frozenset(covered), tuple(results))


def summary_line(report: Report) -> str:
    """`zorgtoeslag: regels 12/12, uitzonderingen 5/5, ...` for `make run`."""
    parts = []
    for kind in KINDS:
        done, total = report.counts(kind)
        parts.append(f"{KIND_WORDS[kind]} {done}/{total}")
    return f"{report.module}: dekking {report.percentage()} % ({', '.join(parts)})"


def render_text(report: Report, details: bool = True) -> str:
    """The summary line and, below it (with `details`), every item no test exercises, with its
    place. A module of stdlib_rules/ (data such as public holidays) gets its summary line only."""
    lines = [summary_line(report)]
    for item in report.missing() if details else ():
        lines.append(f"  niet gedekt: {item.definition}: {item.description} "
                     f"({item.span.file}:{item.span.line})")
    return "\n".join(lines)


def summarize(report: Report) -> CoverageSummary:
    """The report as the annex shows it (regelwerk.worked)."""
    return CoverageSummary(
        summary_line(report),
        tuple((KIND_WORDS[kind], *report.counts(kind)) for kind in KINDS),
        tuple((i.definition, i.description, i.span.line) for i in report.missing()))
