"""The HTML report of a population run: the summary, and the effect of a change, with charts.

One self-contained file: the styles inline, each chart an inline SVG drawn by matplotlib, nothing
loaded from the network. Rendered through a jinja2 template with autoescaping on; the charts are the
only markup not escaped, and matplotlib escapes the text in them. Deterministic: a fixed hash salt
and no date in the SVG, text kept as text (no font paths), so the same run gives the same bytes.

The numbers in the tables are exact (the runtime's Dutch notation); only the drawing converts them
to float. Every bar of a chart is an SVG group with an id `<chart>-staaf-<n>`, so a test (or a
reader's tool) can find them.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from regelwerk.backends.population.impact import Impact, OutputImpact
from regelwerk.backends.population.summary import Decile, OutputSummary, Summary

_SVG_START = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_RC: dict[str, Any] = {
    "svg.hashsalt": "regelwerk",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_COLOUR = "#1f5f8b"
_GAIN = "#2e7d32"
_LOSS = "#c62828"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("regelwerk.backends.population", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True)


def bar_chart(chart: str, labels: list[str], values: list[Decimal], title: str,
              colours: list[str] | None = None) -> Markup:
    """A bar chart as inline SVG; the bars are groups with ids `{chart}-staaf-1..n`."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type,unused-ignore]
        figure = Figure(figsize=(6.4, 2.6))
        axes = figure.subplots()
        bars = axes.bar(range(len(values)), [float(v) for v in values],  # drawing only
                        color=colours or _COLOUR)
        for number, bar in enumerate(bars, start=1):
            bar.set_gid(f"{chart}-staaf-{number}")
        axes.set_xticks(range(len(labels)), labels)
        axes.set_title(title)
        axes.axhline(0, color="#555555", linewidth=0.6)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "regelwerk"})
    svg = _SVG_START.sub("", buffer.getvalue(), count=1)
    return Markup(svg.strip())  # noqa: S704  matplotlib's own SVG; its text is escaped by it


def _decile_labels(deciles: tuple[Decile, ...]) -> list[str]:
    return [str(d.number) for d in deciles]


def _summary_charts(prefix: str, summary: Summary) -> dict[str, Markup]:
    charts: dict[str, Markup] = {}
    for number, output in enumerate(summary.outputs, start=1):
        if output.deciles:
            charts[output.name] = bar_chart(
                f"{prefix}{number}", _decile_labels(output.deciles),
                [d.total for d in output.deciles],
                f"{output.name}: totaal per inkomensdeciel")
    return charts


def _impact_charts(impact: Impact) -> dict[str, list[Markup]]:
    charts: dict[str, list[Markup]] = {}
    for number, output in enumerate(impact.outputs, start=1):
        shown = [bar_chart(f"verschil{number}", ["erop vooruit", "gelijk", "erop achteruit"],
                           [Decimal(output.gain), Decimal(output.equal), Decimal(output.lose)],
                           f"{output.name}: huishoudens", [_GAIN, "#9e9e9e", _LOSS])]
        if output.deciles:
            shown.append(bar_chart(
                f"deciel{number}", _decile_labels(output.deciles),
                [d.mean if d.mean is not None else Decimal(0) for d in output.deciles],
                f"{output.name}: gemiddelde verandering per inkomensdeciel",
                [_GAIN if (d.mean or 0) >= 0 else _LOSS for d in output.deciles]))
        charts[output.name] = shown
    return charts


def render(summary: Summary, base: Summary | None = None, impact: Impact | None = None) -> str:
    """The report as HTML text."""
    context: dict[str, Any] = {
        "summary": summary, "base": base, "impact": impact,
        "charts": _summary_charts("uitvoer", summary),
        "base_charts": _summary_charts("basis", base) if base is not None else {},
        "impact_charts": _impact_charts(impact) if impact is not None else {},
        "show": _show, "number": _plain, "money": _money,
    }
    return environment().get_template("rapport.html.j2").render(context)


def _show(output: OutputSummary | OutputImpact, value: Decimal | None) -> str:
    return output.show(value)


def _money(value: Decimal | None) -> str:
    """An income boundary in Dutch notation: € 9.886,21."""
    from regelwerk.core.display import money

    return money(value) if value is not None else "-"


def _plain(value: object) -> str:
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)
