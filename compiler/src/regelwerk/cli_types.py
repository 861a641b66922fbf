"""Option types the commands share: a date option reads exactly as the runtime reads a date."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import click

from regelwerk import runtime

if TYPE_CHECKING:  # click 8.2 made ParamType generic; 8.1 (which pyproject allows) is not
    _ParamType = click.ParamType[datetime.date, Any]
else:
    _ParamType = click.ParamType


class DateType(_ParamType):
    """jjjj-mm-dd, as `runtime.lees_datum` reads it; anything else is a Dutch usage error."""

    name = "jjjj-mm-dd"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> datetime.date:
        if isinstance(value, datetime.date):
            return value
        try:
            return runtime.lees_datum(param.name or "datum" if param else "datum", value)
        except runtime.InvoerFout:
            self.fail(f"'{value}' is geen datum als jjjj-mm-dd", param, ctx)


DATUM = DateType()
