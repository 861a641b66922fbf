"""One function of the generated module per input read, parameter and rule, with the function that
tests the inputs' requirements (`_eisen`) and one per `regel per` that is an output.
"""

from __future__ import annotations

from collections.abc import Sequence

from regelwerk import runtime
from regelwerk.backends.python import printer
from regelwerk.backends.python.expressions import COND, Compiler
from regelwerk.backends.python.model import member_type
from regelwerk.backends.python.printer import Concat, Doc, Group, render, text
from regelwerk.backends.python.writer import (
    Lines,
    WriterBase,
    define,
    in_force_order,
    optional,
    summary,
)
from regelwerk.core import nodes as c


class DefinitionWriter(WriterBase):
    def per_member_function(self, output: c.Output) -> Lines:
        """A `regel per kind` as an output: the rule for each member of the list, in order."""
        rule = self.output(output.name)
        assert isinstance(rule, c.Rule) and rule.per is not None
        (members,) = self.program.member_lists(rule)  # the checker sees to exactly one
        type_ = c.per_member_type(rule)
        name = self.plan.per_member[(rule.module, rule.name)]
        call = printer.call("rt.per_lid", [
            text("r"), printer.string(rule.name), text(self.kinds.soort(type_)),
            optional(rule.source.reference), text(self.plan.identifier(rule.module, rule.name)),
            text(f"r.invoer[{printer.literal(members.name)}]")])
        doc = [f"Uitvoer {rule.name}: {type_.describe()}, voor elk lid van {members.name} in "
               "hun volgorde.", rule.source.label or ""]
        return define(None, text(f"def {name}(r: _Rekening) -> "
                                 f"{self.kinds.annotation(type_)}:"),
                      [render(call, 4, "return ")], doc)

    def requirements_function(self) -> Lines:
        """`_eisen(r)`: every `eis` of the inputs, in the order of the rules, as the interpreter."""
        signature = text("def _eisen(r: _Rekening) -> None:")

        def build(compiler: Compiler) -> tuple[Doc, Lines]:
            # rt.eisen((lambda: condition, veld, melding), ...): every eis not met in one InvoerFout
            checks: list[Doc] = []
            for definition in self.plan.inputs:
                for requirement in definition.requirements:
                    condition = compiler.wrap(requirement.condition, {}, COND)
                    message = runtime.eis_melding(requirement.description)
                    checks.append(printer.tuple_of([Concat((text("lambda: "), condition)),
                                                    printer.string(definition.name),
                                                    printer.string(message)]))
            return signature, [render(printer.call("rt.eisen", checks), 4)]

        return define(None, *self.compiled(build),
                      ["De eisen aan de invoer, in de volgorde van de regels: een InvoerFout "
                       "met elke eis die niet klopt."])

    def input_function(self, definition: c.Input) -> Lines:
        name = self.plan.identifier(definition.module, definition.name)
        type_ = definition.type
        winner = next((d for d in self.plan.inputs if d.name == definition.name), None)
        annotation = self.kinds.annotation(winner.type if winner else type_)
        decorator = printer.call("rt.invoer", [
            printer.string(definition.name), text(self.kinds.soort(type_)),
            optional(definition.source.reference), optional(definition.source.label)])
        if winner is None:  # an input of a module used by a used module: the interpreter lacks it
            body = [render(printer.call("rt.RekenFout", [printer.string(
                f"invoer {definition.name} ontbreekt")]), 4, "raise ")]
        else:
            body = [f"    return r.invoer[{printer.literal(definition.name)}]"]
        return define(decorator, text(f"def {name}(r: _Rekening) -> {annotation}:"), body,
                      summary("Invoer", definition.name, type_, definition.source.reference))

    def parameter_function(self, definition: c.Parameter) -> Lines:
        name = self.plan.identifier(definition.module, definition.name)
        type_ = definition.type

        signature = text(f"def {name}(r: _Rekening, dag: datetime.date) -> "
                         f"rt.Geldig[{self.kinds.annotation(type_)}]:")

        def build(compiler: Compiler) -> tuple[Doc, Lines]:
            compiler.parameter_day = "dag"
            body: Lines = []
            for value in in_force_order(definition.values):
                assert isinstance(value, c.DatedValue)
                if value.value is None:
                    assert value.valid_from is not None  # the grammar dates every `onbekend`
                    body.append(f"    if dag >= {self.kinds.date(value.valid_from)}:")
                    body.append(render(self.unknown("parameter", definition.name, value), 8,
                                       "raise "))
                    continue
                reference = value.reference or definition.source.reference
                args = [compiler.compile(value.value, {}).doc, optional(reference)]
                if value.valid_from is not None:
                    args.append(printer.Concat((text("vanaf="), printer.string(
                        value.valid_from.isoformat()))))
                if value.provisional is not None:
                    args.append(Concat((text("voorlopig="), printer.string(value.provisional.reason))))
                geldig = printer.call("rt.Geldig", args)
                if value.valid_from is None:
                    body.append(render(geldig, 4, "return "))
                    return signature, body
                body.append(f"    if dag >= {self.kinds.date(value.valid_from)}:")
                body.append(render(geldig, 8, "return "))
            body.append(render(printer.call("r.geen_parameterwaarde", [
                printer.string(definition.name), text("dag")]), 4, "raise "))
            return signature, body

        decorator = printer.call("rt.parameter", [printer.string(definition.name),
                                                  text(self.kinds.soort(type_))])
        doc = summary("Parameter", definition.name, type_, definition.source.reference,
                      definition.source.label)
        return define(decorator, *self.compiled(build), doc)

    def rule_function(self, rule: c.Rule) -> Lines:
        name = self.plan.identifier(rule.module, rule.name)
        type_ = rule.type
        annotation = self.kinds.annotation(type_)
        if rule.body.terms:
            annotation = f"{annotation} | rt.Uitzondering[{annotation}]"
        args: list[Doc] = [printer.string(rule.name), text(self.kinds.soort(type_)),
                           optional(rule.body.base_reference or rule.source.reference)]
        if rule.arguments:
            args.append(Concat((text("argumenten="), printer.tuple_of([
                printer.tuple_of([printer.string(a.name), text(self.kinds.soort(a.type))])
                for a in rule.arguments]))))
        decorator = printer.call(
            "rt.regel_per" if rule.per else "rt.regel_met" if rule.arguments else "rt.regel", args)
        what = "Regel" if rule.per is None else f"Regel per {rule.per}"
        doc = summary(what, rule.name, type_, rule.source.reference, rule.source.label)
        exceptions = [f"[{term.reference}]" for term in _by_priority(rule.body.terms)
                      if term.reference is not None]
        if exceptions:
            doc.append("Uitzonderingen: " + ", ".join(exceptions) + ".")

        def build(compiler: Compiler) -> tuple[Doc, Lines]:
            members: dict[str, str] = {}
            params = [text("r: _Rekening")]
            if rule.per is not None:
                record = member_type(rule)
                members[rule.per] = compiler.scope.local(rule.per)
                params.append(text(f"{members[rule.per]}: {self.plan.records[record]}"))
            for argument in rule.arguments:
                members[argument.name] = compiler.scope.parameter(argument.name)
                annotation_of = self.kinds.annotation(argument.type)
                params.append(text(f"{members[argument.name]}: {annotation_of}"))
            signature = Concat((text(f"def {name}"), Group("(", tuple(params), ")"),
                                text(f" -> {annotation}:")))
            return signature, self.rule_body(compiler, rule, members)

        return define(decorator, *self.compiled(build), doc)

    def rule_body(self, compiler: Compiler, rule: c.Rule, members: dict[str, str]) -> Lines:
        """The exceptions by descending priority, then the base value. Exceptions of one priority
        apply together: two of them at once is a RekenFout."""
        base = rule.body.base
        assert base is not None, "a rule without a value is an error the checker reports"
        body: Lines = []
        exceptions = _by_priority(rule.body.terms)
        together = len(exceptions) > 1 and not rule.body.ordered
        # the lowering gives exceptions one priority each, or all the same one
        assert together or len({e.priority for e in exceptions}) == len(exceptions) or \
            len(exceptions) <= 1
        if together:
            cases = [printer.tuple_of([compiler.compile(e.condition, members).doc,
                                       printer.string(e.reference or f"regel {e.span.line}")])
                     for e in exceptions]
            body.append(render(printer.call("rt.uitzonderingen", [printer.string(rule.name),
                                                                  *cases]), 4, "gelden = "))
        for index, exception in enumerate(exceptions, start=1):
            if together:
                body.append(f"    if gelden == {index}:")
            else:
                body.append(render(compiler.compile(exception.condition, members).doc, 4, "if ", ":"))
            reference = exception.reference or rule.source.reference
            value = compiler.compile(exception.value, members).doc
            body.append(render(printer.call("rt.Uitzondering", [value, optional(reference)]), 8,
                               "return "))
        body.append(render(compiler.compile(base, members).doc, 4, "return "))
        return body


def _by_priority(terms: Sequence[c.Term]) -> list[c.Term]:
    """Exceptions by descending priority; of one priority, in the order of the rule."""
    return sorted(terms, key=lambda term: -term.priority)
