"""Pass: every parameter and table has a value on every day the regulation is in force (RW32x)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from regelwerk.check.context import Context
from regelwerk.diagnostics import Diagnostic, error, warning
from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.syntax.literals import format_date_long

DAY = datetime.timedelta(days=1)


def check_validity(module: ir.Module, context: Context) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for definition in module.definitions:
        if isinstance(definition, ir.ParameterDef):
            dated = [(v.valid_from, v.span) for v in definition.values]
            diagnostics += _check(module, f"parameter {definition.name}", definition, dated)
        elif isinstance(definition, ir.TableDef):
            dated = [(v.valid_from, v.span) for v in definition.versions]
            diagnostics += _check(module, f"tabel {definition.name}", definition, dated)
    return diagnostics


def _check(module: ir.Module, what: str, definition: ir.ParameterDef | ir.TableDef,
           dated: Sequence[tuple[datetime.date | None, Span]]) -> list[Diagnostic]:
    diagnostics = []
    article = f" [{definition.reference.text}]" if definition.reference else ""
    if not dated:
        return [error("RW320", f"{what}{article} heeft geen enkele waarde", definition.span,
                      "geef een waarde: '= waarde' achter het type, of een regel "
                      "'vanaf jjjj-mm-dd: waarde' (of 'onbekend \"reden\"') eronder")]
    seen: dict[datetime.date | None, Span] = {}
    for date, span in dated:
        if date in seen:
            when = f"vanaf {date.isoformat()}" if date else "zonder datum"
            diagnostics.append(error(
                "RW322", f"{what}{article} heeft twee waarden {when}", span,
                "een datum komt één keer voor; schrap of verander een van beide"))
        seen[date] = span
    dates = sorted(d for d in seen if d is not None)
    undated = None in seen
    start, end = module.valid_from, module.valid_until
    if start is not None and not undated and dates and dates[0] > start:
        diagnostics.append(error(
            "RW320", f"{what}{article} heeft geen waarde van {format_date_long(start)} tot en met "
            f"{format_date_long(dates[0] - DAY)}, terwijl de regeling dan al geldt",
            definition.span, f"geef een waarde 'vanaf {start.isoformat()}', of laat de regeling "
            "later ingaan"))
    for date in dates:
        if end is not None and date >= end:
            diagnostics.append(warning(
                "RW321", f"{what}{article} heeft een waarde vanaf {format_date_long(date)}, na het "
                "einde van de regeling", seen[date], "die waarde wordt nooit gebruikt; hoort ze in "
                "een nieuwe versie van de regeling?"))
        elif start is not None and undated is False and date < start and \
                any(later <= start for later in dates if later > date):
            diagnostics.append(warning(
                "RW321", f"{what}{article} heeft een waarde vanaf {format_date_long(date)} die "
                "nooit geldt: een latere waarde begint vóór of op de begindatum van de regeling",
                seen[date], "schrap de oude waarde, of bewaar ze in de vorige versie"))
    return diagnostics
