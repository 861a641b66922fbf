"""The `regelwerk build` command: generate the Python modules, or check that they are current.

Exit codes as for every command: 0 all well, 1 errors in the rules or (with --check) generated files
that differ from a fresh build, 2 wrong use of the command.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from regelwerk.build import Build, compare, write
from regelwerk.build import build as build_files
from regelwerk.diagnostics import render


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", "out_dir", default="generated", show_default=True,
              type=click.Path(file_okay=False), help="De map voor de gegenereerde modules.")
@click.option("--check", is_flag=True, help="Schrijf niets; exitcode 1 en de namen van de bestanden "
              "als de map niet gelijk is aan een nieuwe build.")
def build(paths: tuple[str, ...], out_dir: str, check: bool) -> None:
    """Genereer per regeling een Python-module en de bijlage (standaard: regulations/ naar
    generated/)."""
    result = build_files(paths or ("regulations",))
    if not result.ok:
        _errors(result)
        sys.exit(1)
    out = Path(out_dir)
    modules = sum(name.endswith(".py") for name in result.files) - 1
    if check:
        difference = compare(result.files, out)
        for label, names in (("verouderd", difference.stale), ("ontbreekt", difference.missing),
                             ("overbodig", difference.extra)):
            for name in names:
                click.echo(f"{label}: {out / name}")
        if not difference.none:
            click.echo(f"{out} is niet actueel; voer 'regelwerk build' uit")
            sys.exit(1)
        click.echo(f"{out} is actueel: {modules} module{'s' if modules != 1 else ''} met bijlage, "
                   "en de runtime")
        return
    written, removed = write(result.files, out)
    for name in written:
        click.echo(f"geschreven: {out / name}")
    for name in removed:
        click.echo(f"verwijderd: {out / name}")
    click.echo(f"{modules} module{'s' if modules != 1 else ''} met bijlage, en de runtime in {out}"
               f"{'' if written or removed else ' (ongewijzigd)'}")


def _errors(result: Build) -> None:
    sources = result.loaded.sources
    for diagnostic in [*result.loaded.diagnostics, *result.problems]:
        if diagnostic.is_error:
            click.echo(render(diagnostic, sources), err=True)
            click.echo("", err=True)
    click.echo("niets gegenereerd: eerst de fouten herstellen", err=True)
