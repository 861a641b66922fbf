"""Structural diff of two versions of a regulation: a review summary, JSON and a redline annex.

    report = diff_files("regels.rw@HEAD~1", "regels.rw")
    print(render_summary(report))
    Path("wijzigingen.html").write_text(render_redline(report))
"""

from __future__ import annotations

import datetime
import json

from regelwerk.backends.annex.render import render_template
from regelwerk.diff.compare import Affected, Change, DefinitionDiff, Report, compare, compare_modules
from regelwerk.diff.redline import render_redline
from regelwerk.diff.sources import Side, SourceError, load_side

__all__ = [
    "Affected", "Change", "DefinitionDiff", "Report", "Side", "SourceError", "compare",
    "compare_modules", "diff_files", "load_side", "render_json", "render_redline",
    "render_summary",
]

# Changes whose old and new values are Dutch sentences; the summary prints them in full.
SENTENCES = ("regel-waarde", "uitzondering-gewijzigd", "uitzondering-toegevoegd",
             "uitzondering-verwijderd", "regel-toegevoegd", "regel-verwijderd",
             "invoer-toegevoegd", "omschrijving", "uitzondering-volgorde", "keuze-volgorde")


def diff_files(old: str, new: str, cutoff: datetime.date | None = None) -> Report:
    """Compare two sides, each a file or FILE@GITREV; SourceError when one cannot be used.
    `cutoff`: the date the new version takes effect, for what is terugwerkend."""
    return compare(load_side(old), load_side(new), cutoff)


def render_summary(report: Report) -> str:
    return render_template("summary.md.j2", report=report, sentences=SENTENCES)


def render_json(report: Report) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
