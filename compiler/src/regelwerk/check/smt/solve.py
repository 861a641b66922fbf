"""Asking z3: is there an input that makes a formula true, and how does it read in Dutch."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import z3

from regelwerk.ir import types as t
from regelwerk.syntax import literals

TIMEOUT_MS = 2000
UNDECIDED = f"z3 vond binnen {TIMEOUT_MS // 1000} seconden geen antwoord"

_SOLVER: list[Any] = []


def _solver() -> Any:
    # One solver, reused with push/pop: creating one per question costs more than answering it.
    if not _SOLVER:
        solver = z3.Solver()
        solver.set("timeout", TIMEOUT_MS)
        _SOLVER.append(solver)
    return _SOLVER[0]


def example(facts: Iterable[Any], variables: dict[str, tuple[Any, t.Type]]) -> str | None | bool:
    """An input that makes every fact true, as text; False if none exists; None if z3 does not know.
    """
    solver = _solver()
    solver.push()
    try:
        solver.add(*facts)
        outcome = solver.check()
        if outcome == z3.unsat:
            return False
        if outcome != z3.sat:
            return None
        model = solver.model()
        parts = []
        for name in sorted(variables):
            var, type_ = variables[name]
            value = model.eval(var, model_completion=True)
            parts.append(f"{name} = {show(value, type_)}")
        return ", ".join(parts) if parts else "elke invoer"
    finally:
        solver.pop()


def real(value: Decimal | int) -> Any:
    fraction = Decimal(value).as_integer_ratio()
    return z3.Q(fraction[0], fraction[1])


def show(value: Any, type_: t.Type) -> str:
    if isinstance(type_, t.BooleanType):
        return "ja" if z3.is_true(value) else "nee"
    if isinstance(type_, t.ChoiceType):
        return str(type_.values[int(value.as_long())])
    if isinstance(type_, t.DateType):
        return datetime.date.fromordinal(value.as_long()).isoformat()
    fraction = value.as_fraction()
    number = Decimal(fraction.numerator) / Decimal(fraction.denominator)
    assert isinstance(type_, t.NumberType)
    if type_.is_money:
        return literals.format_money(number.quantize(Decimal("0.01")) if
                                     number == number.quantize(Decimal("0.01")) else number)
    if type_.percent:
        return literals.format_percent(number)
    return literals.format_number(number.normalize() if number != 0 else Decimal(0))


def satisfiable(facts: Iterable[Any]) -> bool | None:
    """Whether the facts can hold together; None if z3 does not know."""
    solver = _solver()
    solver.push()
    try:
        solver.add(*facts)
        outcome = solver.check()
        return None if outcome not in (z3.sat, z3.unsat) else outcome == z3.sat
    finally:
        solver.pop()
