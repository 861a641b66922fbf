"""Properties of the interpreter over random valid input for every regulation."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelwerk.interpret.evaluator import RekenFout, evaluate
from regelwerk.interpret.values import InvoerFout, to_json
from regelwerk.ir import nodes as ir
from regelwerk.pipeline import CheckedModule, load

from .strategies import inputs_for

ROOT = Path(__file__).resolve().parents[1]
REGULATIONS = sorted(ROOT.glob("regulations/*/*.rw"))


def checked(path: Path) -> CheckedModule:
    result = load([path])
    assert result.ok, result.diagnostics
    return result.checked[0]


def input_types(module: CheckedModule) -> dict[str, Any]:
    definitions = [d for m in (module.module, *module.used.values()) for d in m.definitions
                   if isinstance(d, ir.InputDef)]
    return {d.name: module.type_of(d) for d in definitions}


def no_float(value: Any) -> bool:
    if isinstance(value, float):
        return False
    if isinstance(value, (tuple, list)):
        return all(no_float(v) for v in value)
    if isinstance(value, dict):
        return all(no_float(v) for v in value.values())
    return True


@pytest.mark.parametrize("path", REGULATIONS, ids=[p.parent.name for p in REGULATIONS])
def test_outputs_are_exact_and_never_float(path: Path) -> None:
    module = checked(path)
    start = module.module.valid_from or datetime.date(2026, 1, 1)
    program = module.core()
    # an output per member (`regel per kind`) -> the list of its members
    per_member = {o.name: program.member_lists(program.find(o.module, o.name))[0].name
                  for o in program.main.outputs if o.per_member}

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(inputs_for(input_types(module)), st.integers(0, 364))
    def prop(data: dict[str, Any], offset: int) -> None:
        try:
            result = evaluate(module, data, start + datetime.timedelta(days=offset))
        except RekenFout:
            return  # the rules leave this input undefined; that is reported, not a crash
        except InvoerFout as refused:  # an `eis` of the rules refuses it: no output to look at
            if not refused.message.startswith("voldoet niet aan de eis"):
                raise
            return
        assert no_float(result.uitvoer)
        for name, value in result.uitvoer.items():
            if isinstance(value, Decimal):
                assert value.is_finite()
            assert no_float(to_json(value, result.types[name]))
        for name, members in per_member.items():  # a value for each member, in a JSON array
            assert len(result.uitvoer[name]) == len(data[members])
            assert to_json(result.uitvoer[name], result.types[name]) == [
                to_json(v, result.types[name].element) for v in result.uitvoer[name]]

    prop()
