"""`regelwerk annex FILE... [--out DIR] [--pdf]`: write the legal annex of each regulation."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", default="generated", show_default=True,
              type=click.Path(file_okay=False), help="Map waarin de bijlagen komen.")
@click.option("--pdf", is_flag=True, help="Maak ook een PDF met headless Chromium (niet "
              "byte-gelijk: hoort niet in generated/ in git).")
@click.option("--dekking", is_flag=True, help="Voeg een hoofdstuk toe over wat de tests doorrekenen "
              "(zoals regelwerk test --dekking).")
def annex(paths: tuple[str, ...], out_dir: str, pdf: bool, dekking: bool) -> None:
    """Schrijf de bijlage (Markdown en HTML, met --pdf ook PDF) bij elke regeling."""
    from regelwerk.backends.annex import BrowserNotFound, PdfError, write_annexes
    from regelwerk.build import annex_inputs
    from regelwerk.diagnostics import render
    from regelwerk.pipeline import load

    result = load(paths)
    errors = [d for d in result.diagnostics if d.is_error]
    for diagnostic in errors:
        click.echo(render(diagnostic, result.sources), err=True)
        click.echo("", err=True)
    if errors or not result.checked:
        if not errors:
            click.echo("geen regelbestanden gevonden", err=True)
        sys.exit(1)
    try:
        written = write_annexes(result.checked, Path(out_dir), pdf=pdf,
                                extras=lambda checked: annex_inputs(checked, dekking))
    except (BrowserNotFound, PdfError) as exc:
        click.echo(f"fout: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"fout: kan niet schrijven in {out_dir}: {exc.strerror}", err=True)
        sys.exit(1)
    for path in written:
        click.echo(str(path))
