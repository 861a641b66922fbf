"""Built-in functions: one registry entry each gives a function's name, signature and meaning for
every stage (as sqlglot's function classes do).

`check` reads the signature, the lowering makes a `Builtin` node, the interpreter and the generated
Python both call the runtime function named by `runtime` (so there is one implementation), the z3
translation uses `smt` where the function is exact in linear arithmetic, and the annex prints
`dutch`. Adding a function is adding an entry here and its implementation in `regelwerk.runtime`
(see docs/ontwikkelaars/ingebouwde-functies.md).

A function that needs data the law publishes (the public holidays) names a table of a module in
stdlib_rules/ (`Data`); the lowering puts that table's dates into the `Builtin` node's options as ISO
dates, so the interpreter and the generated modules get the same list the same way, and a change in
the list is a change in the core IR of every rule that uses the function.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from regelwerk import runtime
from regelwerk.ir import nodes as ir
from regelwerk.ir import types as t

# How options read in Dutch: `jaren tussen`, `eerste dag van de maand van`.
PERIOD_ARTICLES = {"maand": "de", "kwartaal": "het", "jaar": "het"}
BETWEEN_WORDS = {"jaar": "jaren", "maand": "maanden", "dag": "dagen", "week": "weken"}


@attrs.frozen
class Data:
    """Dates a function reads from a table of a module: the dates in the first column of the rows
    whose result is `ja` (`| 2026-04-06 | ja |`). A regulation that calls the function reads the
    module with `gebruik`; the check says so when it does not (RW106)."""

    module: str
    table: str
    description: str  # for messages: "de wettelijke feestdagen"

    def dates(self, module: ir.Module) -> tuple[str, ...]:
        """The dates, sorted, as ISO text: the options of the `Builtin` node."""
        table = module.definition(self.table)
        if not isinstance(table, ir.TableDef):
            raise LookupError(f"module {self.module} heeft geen tabel {self.table}")
        found: set[str] = set()
        for version in table.versions:
            for row in version.rows:
                if len(row.cells) < 2 or not _is_yes(row.cells[-1]):
                    continue
                first = row.cells[0]
                if isinstance(first, ir.ValueCell):
                    for value in _alternatives(first.value):
                        if isinstance(value, ir.Literal) and isinstance(value.value, datetime.date):
                            found.add(value.value.isoformat())
        return tuple(sorted(found))


def _is_yes(cell: ir.Cell) -> bool:
    return isinstance(cell, ir.ValueCell) and isinstance(cell.value, ir.Literal) \
        and cell.value.value is True


def _alternatives(expr: ir.Expr) -> list[ir.Expr]:
    if isinstance(expr, ir.Binary) and expr.op == "of":
        return _alternatives(expr.left) + _alternatives(expr.right)
    return [expr]


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
    why_not_smt: for a function without `smt`, the reason a check names when it cannot decide;
    callable_by_name: False for a construct with its own syntax;
    arguments: the names of the parameters, for messages and the docs (`dag`);
    data: the table the function takes its options from (the public holidays), or None."""

    name: str
    parameters: tuple[t.Type, ...]
    result: Callable[[tuple[str, ...]], t.Type]
    runtime: str
    dutch: Callable[[tuple[str, ...], Sequence[str]], str]
    smt: Callable[[tuple[str, ...], Sequence[Any]], Any] | None = None
    why_not_smt: str = ""
    callable_by_name: bool = True
    arguments: tuple[str, ...] = ()
    data: Data | None = None

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


# ------------------------------------------------------------------ callable by name: dates

# The public holidays the working-day functions know: stdlib_rules/feestdagen.rw.
HOLIDAYS = Data("feestdagen", "feestdag", "de wettelijke feestdagen")


def _smt_weekday(options: tuple[str, ...], args: Sequence[Any]) -> Any:
    # Day number 1 (0001-01-01) is a Monday: the ISO weekday is (n - 1) mod 7 + 1.
    return (args[0] - 1) % 7 + 1


register(Function(
    name="dag_van_de_week",
    parameters=(t.DATE,),
    arguments=("dag",),
    result=lambda options: t.COUNT,
    runtime="dag_van_de_week",
    dutch=lambda options, args: f"de dag van de week van {args[0]} (1 = maandag, 7 = zondag)",
    smt=_smt_weekday,
))

register(Function(
    name="is_werkdag",
    parameters=(t.DATE,),
    arguments=("dag",),
    result=lambda options: t.BOOLEAN,
    runtime="is_werkdag",
    dutch=lambda options, args: f"{args[0]} een werkdag is (maandag tot vrijdag, geen wettelijke "
                                "feestdag)",
    why_not_smt="een werkdagberekening (die hangt af van de lijst van feestdagen)",
    data=HOLIDAYS,
))

register(Function(
    name="laatste_werkdag_op_of_voor",
    parameters=(t.DATE,),
    arguments=("dag",),
    result=lambda options: t.DATE,
    runtime="laatste_werkdag_op_of_voor",
    dutch=lambda options, args: f"de laatste werkdag op of vóór {args[0]}",
    why_not_smt="een werkdagberekening (die hangt af van de lijst van feestdagen)",
    data=HOLIDAYS,
))

register(Function(
    name="eerste_werkdag_op_of_na",
    parameters=(t.DATE,),
    arguments=("dag",),
    result=lambda options: t.DATE,
    runtime="eerste_werkdag_op_of_na",
    dutch=lambda options, args: f"de eerste werkdag op of na {args[0]}",
    why_not_smt="een werkdagberekening (die hangt af van de lijst van feestdagen)",
    data=HOLIDAYS,
))
