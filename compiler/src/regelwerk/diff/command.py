"""`regelwerk diff OLD NEW`: what changed between two versions, article by article.

Exit codes as diff(1): 0 equal, 1 different, 2 trouble (a side that cannot be read or checked).
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import click

from regelwerk.cli_types import DATUM


@click.command()
@click.argument("old")
@click.argument("new")
@click.option("--format", "output_format", type=click.Choice(["markdown", "json"]),
              default="markdown", show_default=True,
              help="Een korte samenvatting in Markdown, of JSON voor tools.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Schrijf ook de bijlage met wijzigingen (doorgehaald/onderstreept) als HTML.")
@click.option("--ingang", "cutoff", type=DATUM, metavar="JJJJ-MM-DD",
              help="De datum waarop de nieuwe versie ingaat: een wijziging van een uitkomst "
              "vóór die datum is terugwerkend. Zonder: de laatste 'vanaf' die de oude versie al had.")
def diff(old: str, new: str, output_format: str, html_path: str | None,
         cutoff: datetime.date | None) -> None:
    """Vergelijk twee versies van een regeling: BESTAND of BESTAND@GITREVISIE.

    Exitcode 0 als ze gelijk zijn, 1 als ze verschillen, 2 bij een fout.
    """
    from regelwerk.diff import SourceError, diff_files, render_json, render_redline, render_summary

    try:
        report = diff_files(old, new, cutoff)
    except SourceError as exc:
        click.echo(f"fout: {exc.message}", err=True)
        sys.exit(2)
    if html_path is not None:
        try:
            Path(html_path).write_bytes(render_redline(report).encode("utf-8"))
        except OSError as exc:
            click.echo(f"fout: kan {html_path} niet schrijven: {exc.strerror}", err=True)
            sys.exit(2)
    text = render_json(report) if output_format == "json" else render_summary(report)
    click.echo(text, nl=False)
    sys.exit(0 if report.equal else 1)
