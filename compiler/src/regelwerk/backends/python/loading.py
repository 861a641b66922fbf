"""A regulation's generated module built in memory, for the services that calculate with it
(population runs, `regelwerk serve`) without writing generated/ first."""

from __future__ import annotations

import sys
import types

from regelwerk import runtime
from regelwerk.backends.python.codegen import generate
from regelwerk.core import nodes as c


def compiled_module(program: c.Program) -> types.ModuleType:
    """The generated module of the regulation, built in memory (not written); it imports the
    compiler's own runtime under the name the generated modules use, also when a copy of the
    runtime (generated/regelwerk_runtime.py) was imported under that name before: its FloatText
    and errors must be the ones the caller uses."""
    previous = sys.modules.get("regelwerk_runtime")
    sys.modules["regelwerk_runtime"] = runtime
    try:
        module = types.ModuleType(f"regelwerk_gegenereerd_{program.main.name}")
        exec(compile(generate(program), f"<{program.main.name}>", "exec"), module.__dict__)  # noqa: S102
    finally:
        if previous is not None:
            sys.modules["regelwerk_runtime"] = previous
    return module
