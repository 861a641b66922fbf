"""The service's modules use the compiler's runtime even when a copy of it was imported under the
generated modules' name first (a service that also imports generated/ directly)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from regelwerk import runtime
from regelwerk.backends.python.loading import compiled_module
from regelwerk.pipeline import load

ROOT = Path(__file__).resolve().parent.parent


def test_a_float_is_refused_with_a_copy_of_the_runtime_imported_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("regelwerk_runtime",
                                                  ROOT / "generated" / "regelwerk_runtime.py")
    assert spec is not None and spec.loader is not None
    copy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(copy)
    monkeypatch.setitem(sys.modules, "regelwerk_runtime", copy)
    checked = load([ROOT / "regulations" / "zorgtoeslag"]).checked[0]
    module = compiled_module(checked.core())
    assert module.rt is runtime and sys.modules["regelwerk_runtime"] is copy
    person = {"rol": "aanvrager", "verzekerde": True, "toetsingsinkomen": runtime.FloatText("1.5"),
              "rendementsgrondslag": "0"}
    with pytest.raises(runtime.InvoerFout) as caught:
        module.bereken({"huishouden": [person], "zelfde_toeslagpartner_hele_berekeningsjaar": False},
                       "2026-03-01")
    assert "float" in caught.value.melding
