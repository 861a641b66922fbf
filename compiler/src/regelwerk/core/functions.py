"""Built-in functions: one registry entry each gives a function's name, signature and meaning for
every stage (as sqlglot's function classes do).

`check` reads the signature, the lowering makes a `Builtin` node, the interpreter and the generated
Python both call the runtime function named by `runtime` (so there is one implementation), the z3
translation uses `smt` where the function is exact in linear arithmetic, and the annex prints
`dutch`. Adding a function is adding an entry here and its implementation in `regelwerk.runtime`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from regelwerk import runtime
from regelwerk.ir import types as t

# How options read in Dutch: `jaren tussen`, `eerste dag van de maand van`.
PERIOD_ARTICLES = {"maand": "de", "kwartaal": "het", "jaar": "het"}
BETWEEN_WORDS = {"jaar": "jaren", "maand": "maanden", "dag": "dagen", "week": "weken"}


@attrs.frozen
class Function:
    """A built-in function.

    name: how the rules call it (`dag_van_de_week(x)`), or the construct's key for one with its own
      syntax (`tussen`, `kalender`);
    parameters: the types of the arguments; result: the type of the value, given the options;
    runtime: the function of `regelwerk.runtime` (and of the generated modules' runtime) that computes
      it, called as runtime(*options, *arguments);
    dutch: the formula text, given the options and the argument texts;
    smt: the z3 term, given the options and the argument terms (dates are day numbers), or None when
      the function is outside what z3 decides exactly;
    why_not_smt: for a function without `smt`, the reason a check names when it cannot decide."""

    name: str
    parameters: tuple[t.Type, ...]
    result: Callable[[tuple[str, ...]], t.Type]
    runtime: str
    dutch: Callable[[tuple[str, ...], Sequence[str]], str]
    smt: Callable[[tuple[str, ...], Sequence[Any]], Any] | None = None
    why_not_smt: str = ""
    callable_by_name: bool = True  # False for a construct with its own syntax

    def implementation(self) -> Callable[..., Any]:
        found: Callable[..., Any] = getattr(runtime, self.runtime)
        return found


REGISTRY: dict[str, Function] = {}


def register(function: Function) -> Function:
    assert function.name not in REGISTRY, function.name
    assert hasattr(runtime, function.runtime), function.runtime
    REGISTRY[function.name] = function
    return function


def lookup(name: str) -> Function | None:
    return REGISTRY.get(name)


def callable_names() -> list[str]:
    """The functions the rules can call by name, for messages and completion."""
    return sorted(name for name, f in REGISTRY.items() if f.callable_by_name)


def _smt_between(options: tuple[str, ...], args: Sequence[Any]) -> Any:
    if options[0] != "dag":
        raise ValueError("hele jaren of maanden tussen twee data")
    return args[1] - args[0]


register(Function(
    name="tussen",
    parameters=(t.DATE, t.DATE),
    result=lambda options: t.duration(options[0]),
    runtime="tussen",
    dutch=lambda options, args: f"{BETWEEN_WORDS.get(options[0], options[0])} tussen {args[0]} en "
                                f"{args[1]}",
    smt=_smt_between,
    why_not_smt="het aantal hele jaren of maanden tussen twee data",
    callable_by_name=False,
))

register(Function(
    name="kalender",
    parameters=(t.DATE,),
    result=lambda options: t.DATE,
    runtime="kalender",
    dutch=lambda options, args: f"{options[0]} dag van {PERIOD_ARTICLES[options[1]]} {options[1]} "
                                f"van {args[0]}",
    why_not_smt="een kalenderberekening (eerste of laatste dag van een periode)",
    callable_by_name=False,
))
