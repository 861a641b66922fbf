"""Worked examples and test coverage as the annex shows them: computed elsewhere (the interpreter
runs the tests, see regelwerk.worked), presented here in rich text."""

from __future__ import annotations

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.rich import Rich, ref, rich, term, value
from regelwerk.worked import CoverageSummary, WorkedExample


@attrs.frozen
class Example:
    key: str
    title: str
    anchor: str
    peildatum: str | None
    given: tuple[tuple[Rich, Rich], ...]
    outcome: tuple[tuple[Rich, Rich], ...]
    steps: tuple[Rich, ...]


@attrs.frozen
class Coverage:
    summary: str
    rows: tuple[tuple[str, int, int], ...]  # (kind in words, covered, total)
    missing: tuple[Rich, ...]


def _name(name: str, anchors: dict[str, str]) -> Rich:
    base, _, rest = name.partition(" (")
    return rich(term(dutch.humanize(base), anchors.get(base)), f" ({rest}" if rest else "")


def examples(worked: tuple[WorkedExample, ...], anchors: dict[str, str]) -> tuple[Example, ...]:
    out = []
    for index, example in enumerate(worked, start=1):
        steps = tuple(
            rich(_name(step.name, anchors), ": ", value(step.value),
                 *((" ", ref(step.reference)) if step.reference else ()))
            for step in example.steps)
        when = dutch.date(example.peildatum) if example.peildatum is not None else None
        out.append(Example(
            example.name, example.name[:1].upper() + example.name[1:], f"voorbeeld-{index}", when,
            tuple((_name(n, anchors), value(v)) for n, v in example.given),
            tuple((_name(n, anchors), value(v)) for n, v in example.outcome), steps))
    return tuple(out)


def coverage(summary: CoverageSummary | None, anchors: dict[str, str]) -> Coverage | None:
    if summary is None:
        return None
    missing = tuple(rich(_name(definition, anchors), f": {what} (regel {line})")
                    for definition, what, line in summary.missing)
    return Coverage(summary.summary, summary.counts, missing)
