"""Evaluates the core IR at a peildatum. This module defines what a rule file means.

The interpreter reads only the core IR (`CheckedModule.core()`): inputs are read with the runtime's
own readers, values shown with the runtime's notation, and errors are the runtime's `InvoerFout`,
`RekenFout` and `OnbekendeWaarde`, so a generated module and the interpreter behave the same.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from regelwerk import runtime
from regelwerk.core import nodes as c
from regelwerk.core.soort import soort
from regelwerk.interpret.explain import Uitleg
from regelwerk.interpret.expressions import ExpressionEvaluator, Members, Value, apply
from regelwerk.interpret.values import show
from regelwerk.ir import types as t
from regelwerk.ir.dated import select_dated
from regelwerk.runtime import InvoerFout, OnbekendeWaarde, RekenFout

if TYPE_CHECKING:
    from regelwerk.pipeline import CheckedModule

__all__ = ["DECIMAL_CONTEXT", "Evaluation", "ExpressionEvaluator", "InvoerFout", "Interpreter",
           "OnbekendeWaarde", "RekenFout", "evaluate", "evaluate_partial"]

# Exact arithmetic: 34 significant digits (IEEE decimal128) for what cannot be exact, such as 1/3;
# a division by zero or an invalid operation is an error, never a silent NaN or infinity.
DECIMAL_CONTEXT = runtime.CONTEXT

Definition = TypeVar("Definition", c.Input, c.Parameter, c.Rule, c.Table)


@attrs.define
class Evaluation:
    """The result of one calculation: the outputs and, on request, their explanation."""

    uitvoer: dict[str, Value]
    types: dict[str, t.Type]
    uitleg: list[Uitleg]
    voorlopig: tuple[str, ...] = ()  # provisional values the outputs depend on
    onbekend: dict[str, str] = attrs.field(factory=dict)  # evaluate_partial: output -> reason


def evaluate(checked: CheckedModule, inputs: Mapping[str, Any], peildatum: datetime.date,
             outputs: list[str] | None = None, raw: bool = True,
             covered: set[tuple[str, Any, int]] | None = None) -> Evaluation:
    """Validate `inputs` (JSON-like when raw, else already converted) and compute the outputs."""
    return _evaluate(checked, inputs, peildatum, outputs, raw, partial=False, covered=covered)


def evaluate_partial(checked: CheckedModule, inputs: Mapping[str, Any], peildatum: datetime.date,
                     outputs: list[str] | None = None, raw: bool = True) -> Evaluation:
    """As `evaluate`, but an output that needs a value the regulation declares `onbekend` is left
    out, with the message in `onbekend`; every other output is computed. Any other error still
    stops the calculation (the semantics of generated modules' `bereken_gedeeltelijk`)."""
    return _evaluate(checked, inputs, peildatum, outputs, raw, partial=True)


def _evaluate(checked: CheckedModule, inputs: Mapping[str, Any], peildatum: datetime.date,
              outputs: list[str] | None, raw: bool, partial: bool,
              covered: set[tuple[str, Any, int]] | None = None) -> Evaluation:
    program = checked.core()
    main = program.main
    day = runtime.lees_peildatum(peildatum, main.valid_from, main.valid_until)
    evaluator = Interpreter(program, day)
    evaluator.covered = covered
    names = outputs if outputs is not None else [o.name for o in main.outputs]
    results: dict[str, Value] = {}
    types: dict[str, t.Type] = {}
    unknown: dict[str, str] = {}
    roots = []
    with runtime.exact():  # an overflow is a RekenFout, as in a generated module
        evaluator.inputs = evaluator.read_inputs(inputs) if raw else dict(inputs)
        evaluator.check_requirements()
        for name in names:
            depth = len(evaluator.trace)
            try:
                value, node, type_ = evaluator.value_of_name(name)
            except OnbekendeWaarde as exc:
                if not partial:
                    raise
                del evaluator.trace[depth:]  # the steps of the output that stopped
                unknown[name] = exc.melding
                continue
            results[name] = value
            types[name] = type_
            roots.append(node)
    return Evaluation(results, types, roots, tuple(sorted(evaluator.provisional)), unknown)


class Interpreter(ExpressionEvaluator):
    """One calculation: the peildatum, the input, and the values and steps computed so far."""

    def __init__(self, program: c.Program, peildatum: datetime.date) -> None:
        self.program = program
        self.peildatum = peildatum
        self.inputs: dict[str, Value] = {}
        # (module, rule, member, arguments) -> value and its step
        self.memo: dict[tuple[str, str, int, tuple[Value, ...]], tuple[Value, Uitleg]] = {}
        self.parameter_day: datetime.date | None = None  # while a parameter's value is evaluated
        self.trace: list[list[Uitleg]] = [[]]
        self.active: set[tuple[str, str, int, tuple[Value, ...]]] = set()
        self.provisional: set[str] = set()  # provisional values this calculation used

    # ------------------------------------------------------------ inputs
    def read_inputs(self, data: object) -> dict[str, Value]:
        """The runtime's reading of a regulation's input, exactly as a generated module reads it."""
        fields = runtime.Invoervelden(tuple((i.name, soort(i.type)) for i in self.program.inputs()))
        found: dict[str, Value] = fields.lees(data)
        return found

    def check_requirements(self) -> None:
        """Every `eis` of every input, in the order of the rules, as `runtime.eisen` checks them
        in a generated module: those not met in one InvoerFout. A test gives only the inputs it
        needs: an eis on inputs it leaves out waits."""
        runtime.eisen(*((functools.partial(self._met, requirement), definition.name,
                         runtime.eis_melding(requirement.description))
                        for definition in self.program.inputs()
                        for requirement in definition.requirements
                        if set(requirement.reads) <= set(self.inputs)))

    def _met(self, requirement: c.Requirement) -> bool:
        self.trace.append([])
        try:
            met: bool = self.eval(requirement.condition, {})
        finally:
            self.trace.pop()
        return met

    # ------------------------------------------------------------ names
    def definition(self, name: str) -> c.Definition | None:
        """A definition by name: the regulation's own, then those of the modules it uses."""
        main = self.program.main
        for module in (main, *(self.program.modules[n] for n in main.uses
                               if n in self.program.modules), *self.program.modules.values()):
            found = module.definition(name)
            if found is not None:
                return found
        return None

    def value_of_name(self, name: str) -> tuple[Value, Uitleg, t.Type]:
        definition = self.definition(name)
        if definition is None:
            raise RekenFout(f"'{name}' is niet gedefinieerd")
        if isinstance(definition, c.Rule) and definition.per is not None:
            value, node = self.per_member_output(definition)
            return value, node, c.per_member_type(definition)
        self.trace.append([])
        if isinstance(definition, c.Input):
            value = self.input_value(c.InputRef(definition.module, definition.name,
                                                definition.type, span=definition.span))
        elif isinstance(definition, c.Parameter):
            value = self.parameter_value(definition.module, definition.name)
        elif isinstance(definition, c.Rule):
            value = self.rule_value(definition.module, definition.name, None)
        else:
            self.trace.pop()
            raise RekenFout(f"'{name}' heeft geen waarde", definition.span)
        node = self.trace.pop()[0]
        return value, node, definition.type

    def per_member_output(self, rule: c.Rule) -> tuple[Value, Uitleg]:
        lists = self.program.member_lists(rule)
        if len(lists) != 1:
            raise RekenFout(f"regel per {rule.per} {rule.name} kan alleen als uitvoer dienen als "
                            f"er precies één lijst van {rule.per} is", rule.span)
        values = []
        node = Uitleg("regel", rule.name, "", rule.source.reference)
        for member in self.inputs[lists[0].name]:
            self.trace.append([])
            values.append(self.rule_value(rule.module, rule.name, member))
            node.kinderen.extend(self.trace.pop())
        node.waarde = show(tuple(values), c.per_member_type(rule))
        return tuple(values), node

    def record(self, node: Uitleg) -> None:
        self.trace[-1].append(node)

    def find(self, module: str, name: str, kind: type[Definition]) -> Definition:
        found = self.program.find(module, name)
        assert isinstance(found, kind), (module, name, kind)
        return found

    # ------------------------------------------------------------ inputs, parameters, rules
    def input_value(self, node: c.InputRef) -> Value:
        definition = self.find(node.module, node.name, c.Input)
        if definition.name not in self.inputs:
            raise RekenFout(f"invoer {definition.name} ontbreekt", node.span)
        value = self.inputs[definition.name]
        self.record(Uitleg("invoer", definition.name, show(value, definition.type),
                           definition.source.reference, definition.source.label))
        return value

    def parameter_value(self, module: str, name: str, on: datetime.date | None = None) -> Value:
        """The value in force at the peildatum, or `on` another date (`p op d`). A parameter's
        value may read other parameters: those are taken on the same date."""
        definition = self.find(module, name, c.Parameter)
        day = on or self.parameter_day or self.peildatum
        chosen = select_dated(definition.values, day)
        if chosen is None:
            raise RekenFout(runtime.geen_waarde_melding(definition.name, day), definition.span)
        if chosen.value is None:
            assert chosen.unknown is not None
            raise OnbekendeWaarde("parameter", definition.name, chosen.valid_from,
                                  chosen.unknown.reason, chosen.span)
        self.trace.append([])
        outer, self.parameter_day = self.parameter_day, day
        try:
            value = self.eval(chosen.value, {})
        finally:
            self.parameter_day = outer
            self.trace.pop()
        if self.covered is not None:
            self.covered.add(("waarde", chosen.span, 0))
        if chosen.provisional is not None:
            self.provisional.add(definition.name)
        note = runtime.parameter_toelichting(
            chosen.valid_from.isoformat() if chosen.valid_from else None,
            chosen.provisional.reason if chosen.provisional is not None else None, on)
        self.record(Uitleg("parameter", definition.name, show(value, definition.type),
                           chosen.reference or definition.source.reference, note))
        return value

    def rule_value(self, module: str, name: str, member: Any,
                   arguments: tuple[Value, ...] = ()) -> Value:
        rule = self.find(module, name, c.Rule)
        if self.covered is not None:
            self.covered.add(("regel", rule.span, 0))
        key = (module, rule.name, id(member), arguments)
        if key in self.memo:
            value, node = self.memo[key]
            self.record(node)
            return value
        if key in self.active:
            raise RekenFout(f"regel {rule.name} hangt van zichzelf af", rule.span)
        self.active.add(key)
        members: Members = {rule.per: member} if rule.per is not None else {}
        members.update({a.name: v for a, v in zip(rule.arguments, arguments)})
        self.trace.append([])
        try:
            value, reference, note = self.rule_body(rule, members)
        finally:
            children = self.trace.pop()
            self.active.discard(key)
        label = rule.name if member is None else f"{rule.name} ({_member_label(member)})"
        if rule.arguments:
            shown = runtime.argumenten_label(
                (a.name, show(v, a.type)) for a, v in zip(rule.arguments, arguments))
            label = f"{rule.name} ({shown})"
        node = Uitleg("regel", label, show(value, rule.type), reference, note, children)
        self.memo[key] = (value, node)
        self.record(node)
        return value

    def rule_body(self, rule: c.Rule, members: Members) -> tuple[Value, str | None, str | None]:
        """The term of the highest priority that applies, else the base value. Terms of one
        priority are all tested: two that apply at once are an error."""
        body = rule.body
        for group in _by_priority(body):
            applying = [term for term in group if self.eval(term.condition, members)]
            if len(applying) > 1:
                first, second = applying[0], applying[1]
                raise RekenFout(
                    f"twee uitzonderingen op regel {rule.name} gelden tegelijk: "
                    f"[{first.reference or 'regel ' + str(first.span.line)}] en "
                    f"[{second.reference or 'regel ' + str(second.span.line)}]",
                    second.span,
                )
            if applying:
                term = applying[0]
                if self.covered is not None:
                    self.covered.add(("uitzondering", term.span, 0))
                reference = term.reference or rule.source.reference
                return self.eval(term.value, members), reference, "uitzondering"
        if body.base is None:
            raise RekenFout(f"regel {rule.name} heeft geen waarde", rule.span)
        return self.eval(body.base, members), body.base_reference or rule.source.reference, None

    # ------------------------------------------------------------ tables
    def table_value(self, node: c.TableLookup, args: list[Value], members: Members) -> Value:
        table = self.find(node.module, node.name, c.Table)
        version = select_dated(table.versions, self.peildatum)
        if version is None:
            raise RekenFout(f"tabel {table.name} heeft geen versie op {self.peildatum.isoformat()}",
                            node.span)
        if version.unknown is not None:
            raise OnbekendeWaarde("tabel", table.name, version.valid_from, version.unknown.reason,
                                  version.span)
        self.trace.append([])
        try:
            matches = [index for index, row in enumerate(version.rows)
                       if self.row_matches(row, args, members)]
        finally:
            self.trace.pop()
        described = ", ".join(f"{column.name} = {show(value, _type(arg))}"
                              for column, value, arg in zip(table.inputs, args, node.args))
        if not matches:
            raise RekenFout(f"tabel {table.name} heeft geen rij voor {described}", node.span)
        if len(matches) > 1 and not table.first_hit:
            rows = " en ".join(str(i + 1) for i in matches[:2])
            raise RekenFout(f"rijen {rows} van tabel {table.name} gelden allebei voor {described}",
                            version.rows[matches[1]].span)
        row = version.rows[matches[0]]
        if self.covered is not None:
            self.covered.add(("rij", row.span, 0))
        self.trace.append([])
        try:
            value = self.eval(row.result, members)
        finally:
            self.trace.pop()
        note = f"rij {matches[0] + 1}: {described}"
        if version.valid_from is not None:
            note += f"; versie vanaf {version.valid_from.isoformat()}"
        provisional = row.provisional or version.provisional
        if provisional is not None:
            self.provisional.add(f"{table.name} rij {matches[0] + 1}" if row.provisional else
                                 f"{table.name} versie vanaf {version.valid_from}")
            note += "; " + runtime.voorlopig_tekst(provisional.reason)
        self.record(Uitleg("tabel", table.name, show(value, table.type),
                           row.reference or version.reference or table.source.reference, note))
        return value

    def row_matches(self, row: c.Row, args: list[Value], members: Members) -> bool:
        return all(self.cell_matches(cell, arg, members) for cell, arg in zip(row.cells, args))

    def cell_matches(self, cell: c.Cell, arg: Value, members: Members) -> bool:
        if isinstance(cell, c.AnyCell):
            return True
        if isinstance(cell, c.RangeCell):
            if cell.lower is not None:
                lower = self.eval(cell.lower, members)
                if arg < lower or (arg == lower and not cell.lower_inclusive):
                    return False
            if cell.upper is not None:
                upper = self.eval(cell.upper, members)
                if arg > upper or (arg == upper and not cell.upper_inclusive):
                    return False
            return True
        if isinstance(cell, c.CompareCell):
            return bool(apply(cell.op, arg, self.eval(cell.value, members), cell.span))
        return any(arg == self.eval(v, members) for v in cell.values)


def _member_label(member: Any) -> str:
    if isinstance(member, dict):
        first = next(iter(member.items()), None)
        if first is not None:
            return f"{first[0]} {first[1]}"
    return "lid"


def _type(expr: c.Expr) -> t.Type:
    """The type of an expression (every expression class has the field)."""
    found: t.Type = expr.type  # type: ignore[attr-defined]
    return found


@functools.lru_cache(maxsize=1024)
def _by_priority(body: c.RuleBody) -> tuple[tuple[c.Term, ...], ...]:
    """The terms of a rule grouped by priority, highest first, each group in the rule's order:
    sorted once, not per calculation (thousands of ordered exceptions are thousands of groups)."""
    groups: dict[int, list[c.Term]] = {}
    for term in body.terms:
        groups.setdefault(term.priority, []).append(term)
    return tuple(tuple(groups[p]) for p in sorted(groups, reverse=True))
