"""Pass: every name refers to exactly one thing (RW1xx). Fills `context.targets`."""

from __future__ import annotations

from regelwerk.check import scope
from regelwerk.check.context import Context, Target
from regelwerk.check.dependencies import cell_expressions
from regelwerk.check.walk import rule_expressions
from regelwerk.core import functions
from regelwerk.diagnostics import Diagnostic, error
from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.syntax.parser import keywords
from regelwerk.syntax.suggestions import type_hint


def check_names(module: ir.Module, context: Context) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    diagnostics += _keywords(module)
    diagnostics += _duplicates(module)
    diagnostics += _type_names(module, context)
    for definition in module.definitions:
        if isinstance(definition, ir.RuleDef):
            members: scope.Members = {}
            if definition.per is not None:
                record = scope.resolve_type_name(context, (definition.per,))
                if record is None or not isinstance(record[1], ir.RecordDef):
                    diagnostics.append(
                        error("RW102", f"'{definition.per}' in 'regel per {definition.per}' is geen "
                              "gegevenstype", definition.span,
                              scope.suggestion(definition.per, _record_names(context))
                              or "definieer het met 'gegevens'")
                    )
                else:
                    members[definition.per] = (record[0], record[1].name)
            for argument in definition.arguments:
                members[argument.name] = (module.name, scope.ARGUMENT + definition.name)
            for expr in rule_expressions(definition):
                diagnostics += _resolve_expr(expr, members, context)
        elif isinstance(definition, ir.ParameterDef):
            for value in definition.values:
                if value.value is not None:
                    diagnostics += _resolve_expr(value.value, {}, context)
        elif isinstance(definition, ir.TableDef):
            for version in definition.versions:
                for row in version.rows:
                    for cell in row.cells:
                        for expr in cell_expressions(cell):
                            diagnostics += _resolve_expr(expr, {}, context)
        elif isinstance(definition, ir.RecordDef):
            for field in definition.fields:
                if field.default is not None:
                    diagnostics += _resolve_expr(field.default, {}, context)
        elif isinstance(definition, ir.InputDef):
            for requirement in definition.requirements:
                diagnostics += _resolve_expr(requirement.condition, {}, context)
    for name in module.output_names:
        diagnostics += _output(name, context)
    diagnostics += _tests(module, context)
    return diagnostics


def _record_names(context: Context) -> list[str]:
    return [d.name for m in context.modules() for d in m.definitions if isinstance(d, ir.RecordDef)]


def _resolve_expr(expr: ir.Expr, members: scope.Members, context: Context) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    stack: list[tuple[ir.Expr, scope.Members]] = [(expr, members)]
    from regelwerk.check.walk import children

    while stack:
        e, bound = stack.pop()
        if isinstance(e, ir.Name):
            diagnostics += _resolve_one(e, bound, context)
        elif isinstance(e, ir.Call):
            diagnostics += _resolve_one(e.callee, bound, context)
        elif isinstance(e, ir.Aggregate):
            diagnostics += _resolve_one(e.collection, bound, context)
            target = context.targets.get(e.collection)
            inner = dict(bound)
            if target is not None:
                record = scope.element_record(context, target)
                if record is None:
                    diagnostics.append(
                        error("RW212", f"'{e.collection.text}' is geen lijst", e.collection.span,
                              "tellen en optellen kan alleen over een 'lijst van ...'")
                    )
                else:
                    inner[record[1]] = record
            for sub in (e.body, e.condition):
                if sub is not None:
                    stack.append((sub, inner))
            continue
        stack.extend((child, bound) for child in children(e))
    return diagnostics


def _output(name: ir.Name, context: Context) -> list[Diagnostic]:
    """An output; a `regel per kind` is one when the input has exactly one list of kind: its value
    is then the rule's value for each member of that list, in their order."""
    found = scope.lookup_qualified(context, name.parts)
    rule = found[1] if found is not None and found[2] == len(name.parts) else None
    if found is None or not isinstance(rule, ir.RuleDef) or rule.per is None:
        return _resolve_expr(name, {}, context)
    module = found[0]
    lists = per_member_lists(context, rule)
    if len(lists) == 1:
        context.targets[name] = Target("regel", module, rule.name, element=rule.per)
        return []
    if lists:
        message = (f"'{name.text}' is een regel per {rule.per}, maar de invoer heeft meer lijsten van "
                   f"{rule.per} ({', '.join(lists)}): als uitvoer is niet duidelijk voor welke")
        hint = (f"noem als uitvoer een regel die over één lijst optelt of telt, of geef de invoer "
                f"één 'lijst van {rule.per}'")
    else:
        message = (f"'{name.text}' is een regel per {rule.per}, maar de invoer heeft geen lijst van "
                   f"{rule.per}: als uitvoer is er geen {rule.per} om voor te rekenen")
        hint = (f"geef de regeling een invoer 'lijst van {rule.per}', of noem als uitvoer een regel "
                "die over de lijst optelt of telt")
    return [error("RW104", message, name.span, hint)]


def per_member_lists(context: Context, rule: ir.RuleDef) -> list[str]:
    """The inputs of the calculation (the regulation's own and those of the modules it uses) that
    are a list of the record `rule` is computed per, each name once."""
    assert rule.per is not None
    record = scope.resolve_type_name(context, (rule.per,))
    direct = [context.module, *(context.used[n.text] for use in context.module.uses
                                for n in use.names if n.text in context.used)]
    found: list[str] = []
    for source in direct:
        for definition in source.definitions:
            if not isinstance(definition, ir.InputDef) or definition.name in found \
                    or definition.type.base != "lijst":
                continue
            element = scope.resolve_type_name(context, definition.type.name)
            if element is not None and record is not None and element[1] is record[1]:
                found.append(definition.name)
    return found


def _resolve_one(name: ir.Name, members: scope.Members, context: Context) -> list[Diagnostic]:
    result = scope.resolve(context, name, members)
    if isinstance(result, scope.Unresolved):
        code = "RW104" if "regel per" in result.message else (
            "RW110" if "in de modules" in result.message else "RW101")
        hint = result.hint
        if name.text == "onbekend":  # `= onbekend "reden"` is written on a dated line only
            hint = ("een onbekende waarde staat op een eigen regel met de datum vanaf wanneer ze "
                    "onbekend is: 'vanaf jjjj-mm-dd: onbekend \"reden\"'")
        return [error(code, result.message, name.span, hint)]
    context.targets[name] = result
    if result.kind == "functie":
        return _function_data(name, context)
    return []


def _function_data(name: ir.Name, context: Context) -> list[Diagnostic]:
    """A function that reads data from a module (the public holidays) needs that module read in."""
    function = functions.lookup(name.text)
    data = function.data if function is not None else None
    if data is None or data.module in context.used or data.module == context.module.name:
        return []
    if any(used.text == data.module for use in context.module.uses for used in use.names):
        return []  # used, but it did not load: that has its own message
    return [error("RW106", f"{name.text} rekent met {data.description} uit module {data.module}, "
                  "maar die module is niet ingelezen", name.span,
                  f"schrijf 'gebruik {data.module}' bovenaan het bestand")]


def _keywords(module: ir.Module) -> list[Diagnostic]:
    """A keyword such as `peildatum` or `som` cannot name a definition: it would be shadowed."""
    reserved = keywords()
    named: list[tuple[str, Span]] = []
    for definition in module.definitions:
        named.append((definition.name, definition.span))
        if isinstance(definition, ir.ChoiceDef):
            named += [(o.name, o.span) for o in definition.options]
        elif isinstance(definition, ir.RecordDef):
            named += [(f.name, f.span) for f in definition.fields]
        elif isinstance(definition, ir.TableDef):
            named += [(c.name, c.span) for c in definition.columns]
        elif isinstance(definition, ir.RuleDef):
            named += [(a.name, a.span) for a in definition.arguments]
    return [
        error("RW014", f"'{name}' is een sleutelwoord van de taal en kan geen naam zijn", span,
              f"kies een andere naam, bijv. '{name}_'")
        for name, span in named if name in reserved
    ]


def _duplicates(module: ir.Module) -> list[Diagnostic]:
    diagnostics = []
    seen: dict[str, ir.Definition] = {}
    for definition in module.definitions:
        first = seen.get(definition.name)
        if first is not None:
            diagnostics.append(
                error("RW103", f"'{definition.name}' is twee keer gedefinieerd (eerst op regel "
                      f"{first.span.line})", definition.span,
                      "geef elke definitie een eigen naam, of voeg de twee samen")
            )
        else:
            seen[definition.name] = definition
        members: list[tuple[str, Span]] = []
        if isinstance(definition, ir.ChoiceDef):
            members = [(o.name, o.span) for o in definition.options]
        elif isinstance(definition, ir.RecordDef):
            members = [(f.name, f.span) for f in definition.fields]
        elif isinstance(definition, ir.TableDef):
            members = [(c.name, c.span) for c in definition.columns]
        names: set[str] = set()
        for name, span in members:
            if name in names:
                diagnostics.append(
                    error("RW103", f"'{name}' staat twee keer in {definition.name}", span,
                          "laat de dubbele naam weg")
                )
            names.add(name)
    return diagnostics


def _type_names(module: ir.Module, context: Context) -> list[Diagnostic]:
    diagnostics = []
    type_exprs: list[ir.TypeExpr] = []
    for definition in module.definitions:
        if isinstance(definition, (ir.InputDef, ir.ParameterDef, ir.RuleDef)):
            type_exprs.append(definition.type)
        if isinstance(definition, ir.RuleDef):
            type_exprs.extend(a.type for a in definition.arguments)
        elif isinstance(definition, ir.RecordDef):
            type_exprs.extend(f.type for f in definition.fields)
        elif isinstance(definition, ir.TableDef):
            type_exprs.extend(c.type for v in definition.versions for c in v.columns)
    for type_expr in type_exprs:
        if not type_expr.name:
            continue
        resolved = scope.resolve_type_name(context, type_expr.name)
        text = ".".join(type_expr.name)
        if resolved is None:
            candidates = [d.name for m in context.modules() for d in m.definitions
                          if isinstance(d, (ir.ChoiceDef, ir.RecordDef))]
            diagnostics.append(
                error("RW102", f"het type '{text}' is niet gedefinieerd", type_expr.span,
                      scope.suggestion(type_expr.name[-1], candidates)
                      or (type_hint(text) if len(type_expr.name) == 1 else None)
                      or "definieer het met 'keuze' of 'gegevens', of lees de module in met 'gebruik'")
            )
        elif type_expr.base == "lijst" and not isinstance(resolved[1], ir.RecordDef):
            diagnostics.append(
                error("RW210", f"'lijst van {text}' kan niet: {text} is een keuze", type_expr.span,
                      "een lijst bevat gegevens, zoals 'lijst van kind'")
            )
    return diagnostics


def _tests(module: ir.Module, context: Context) -> list[Diagnostic]:
    diagnostics = []
    inputs = [d.name for m in context.modules() for d in m.definitions if isinstance(d, ir.InputDef)]
    computable = [d.name for m in context.modules() for d in m.definitions
                  if isinstance(d, (ir.InputDef, ir.RuleDef, ir.ParameterDef))]
    for test in module.tests:
        for assignment in (*test.given, *test.expected):
            for value in _assignment_values(assignment):
                diagnostics += _resolve_expr(value, {}, context)
        for assignment in test.given:
            if assignment.name not in inputs:
                diagnostics.append(
                    error("RW107", f"test \"{test.name}\" geeft een waarde aan '{assignment.name}', "
                          "maar dat is geen invoer", assignment.span,
                          scope.suggestion(assignment.name, inputs)
                          or "na 'gegeven' staan alleen namen die met 'invoer' zijn gedefinieerd")
                )
        for assignment in test.expected:
            if assignment.name not in computable:
                diagnostics.append(
                    error("RW107", f"test \"{test.name}\" verwacht een waarde voor "
                          f"'{assignment.name}', maar die naam is niet gedefinieerd",
                          assignment.span,
                          scope.suggestion(assignment.name, computable)
                          or "na 'verwacht' staat een regel, parameter of invoer")
                )
    return diagnostics


def _assignment_values(assignment: ir.Assignment) -> list[ir.Expr]:
    if isinstance(assignment.value, ir.ListValue):
        return [v for item in assignment.value.items for a in item for v in _assignment_values(a)]
    if isinstance(assignment.value, ir.Unknown):
        return []
    return [assignment.value]
