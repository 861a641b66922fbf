"""Data that the annex shows but does not compute: worked examples from the tests and the test
coverage. The interpreter fills them (interpret/examples.py, interpret/coverage.py); the annex
backend only presents them, so it never runs a calculation itself."""

from __future__ import annotations

import datetime

import attrs


@attrs.frozen
class Step:
    """A value the outcome of an example was computed from."""

    name: str  # the name in the rules, with the member or arguments in brackets if any
    value: str  # as the explanation shows it: `€ 1.234,56 per maand`
    reference: str | None


@attrs.frozen
class WorkedExample:
    name: str  # the test's name
    peildatum: datetime.date | None
    given: tuple[tuple[str, str], ...]  # (name, value as the test writes it)
    outcome: tuple[tuple[str, str], ...]
    steps: tuple[Step, ...]


@attrs.frozen
class CoverageSummary:
    summary: str  # one line: `zorgtoeslag: dekking 100 % (...)`
    counts: tuple[tuple[str, int, int], ...]  # (kind in words, covered, total)
    missing: tuple[tuple[str, str, int], ...]  # (definition, what, line)
