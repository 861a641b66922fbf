"""The OpenFisca parameter tree, read from the rule file: every dated value of every parameter.

Nothing is typed in by hand. Each `parameter` of regulations/zorgtoeslag/zorgtoeslag.rw becomes an
OpenFisca parameter `zorgtoeslag.<name>` with the same values from the same dates, as the core IR
holds them (`regelwerk.pipeline.load(...).checked[..].core()`). A percentage is a fraction (1,896 %
is 0.01896), an amount is in euros; an amount per month stays per month (the formula converts it,
as the rule file does with `omgerekend per jaar`).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from openfisca_core.parameters import ParameterNode

from regelwerk import pipeline
from regelwerk.core import nodes as c

RULES = Path(__file__).resolve().parents[2] / "regulations" / "zorgtoeslag" / "zorgtoeslag.rw"
START = datetime.date(1900, 1, 1)  # a value without a date holds from the start


def rule_parameters(path: Path = RULES) -> dict[str, list[tuple[datetime.date, Decimal]]]:
    """Each parameter of the regulation: its values as (from, value), in date order."""
    loaded = pipeline.load([path])
    checked = [m for m in loaded.checked if m.module.kind == "regeling"]
    assert len(checked) == 1, f"{path}: geen (of meer dan één) gecontroleerde regeling"
    program = checked[0].core()
    found: dict[str, list[tuple[datetime.date, Decimal]]] = {}
    for definition in program.main.definitions:
        if not isinstance(definition, c.Parameter):
            continue
        values = []
        for dated in definition.values:
            assert isinstance(dated.value, c.Const), f"{definition.name}: geen vaste waarde"
            values.append((dated.valid_from or START, Decimal(dated.value.value)))
        found[definition.name] = sorted(values)
    return found


def value_on(values: list[tuple[datetime.date, Decimal]], day: datetime.date) -> Decimal:
    """The value in force on `day`: the last one from on or before it."""
    current = [value for start, value in values if start <= day]
    assert current, f"geen waarde op {day}"
    return current[-1]


def parameter_tree(path: Path = RULES) -> ParameterNode:
    data = {name: {"values": {start.isoformat(): {"value": float(value)} for start, value in values}}
            for name, values in rule_parameters(path).items()}
    return ParameterNode("", data={"zorgtoeslag": data})
