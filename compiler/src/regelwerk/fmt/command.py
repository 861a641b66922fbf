"""`regelwerk fmt`: put rule files in the canonical layout, like gofmt: no options for the style."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from regelwerk.diagnostics import Diagnostic, render
from regelwerk.fmt import Formatted, format_bytes
from regelwerk.pipeline import rule_files

STDIN = "-"


def _show(diagnostics: list[Diagnostic], path: str, source: str | None) -> None:
    sources = {path: source} if source is not None else {}
    for diagnostic in diagnostics:
        click.echo(render(diagnostic, sources), err=True)
        click.echo("", err=True)


def _diff(before: str, after: str, path: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True),
                                        after.splitlines(keepends=True),
                                        fromfile=path, tofile=f"{path} (opgemaakt)"))


def _source(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--check", is_flag=True,
              help="Wijzig niets; noem de bestanden die anders opgemaakt zouden worden (exitcode 1).")
@click.option("--diff", "show_diff", is_flag=True,
              help="Wijzig niets; toon de wijzigingen als unified diff.")
def fmt(paths: tuple[str, ...], check: bool, show_diff: bool) -> None:
    """Zet regelbestanden (.rw) in de vaste opmaak.

    Geef bestanden of mappen; '-' leest standaardinvoer en schrijft het resultaat naar
    standaarduitvoer (voor editors). Een bestand met syntaxfouten blijft ongemoeid: de fouten worden
    getoond en de exitcode is 1.
    """
    if STDIN in paths:
        if len(paths) > 1:
            raise click.UsageError("'-' kan niet samen met bestanden of mappen")
        sys.exit(_stdin(check, show_diff))
    for path in paths:
        if not Path(path).exists():
            raise click.BadParameter(f"'{path}' bestaat niet", param_hint="PATHS")
    files, problems = rule_files(paths)
    failed = bool(problems)
    for problem in problems:
        _show([problem], problem.span.file, None)
    changed = unchanged = 0
    for file in files:
        path = str(file)
        try:
            data = file.read_bytes()
        except OSError as exc:
            click.echo(f"fout: {path} kan niet worden gelezen: {exc.strerror}", err=True)
            failed = True
            continue
        result = format_bytes(data, path)
        if result.text is None:
            _show(result.diagnostics, path, _source(data))
            failed = True
            continue
        before = _source(data)
        if result.text.encode("utf-8") == data:
            unchanged += 1
            continue
        changed += 1
        if show_diff:
            click.echo(_diff(before, result.text, path), nl=False)
        if check:
            click.echo(path)
        elif not show_diff:
            file.write_bytes(result.text.encode("utf-8"))
    _summary(changed, unchanged, check or show_diff)
    sys.exit(1 if failed or (check and changed) else 0)


def _stdin(check: bool, show_diff: bool) -> int:
    data = sys.stdin.buffer.read()
    result: Formatted = format_bytes(data, "<standaardinvoer>")
    if result.text is None:
        _show(result.diagnostics, "<standaardinvoer>", _source(data))
        return 1
    changed = result.text.encode("utf-8") != data
    if show_diff:
        click.echo(_diff(_source(data), result.text, "<standaardinvoer>"), nl=False)
    elif check:
        if changed:
            click.echo(STDIN)
    else:
        click.echo(result.text, nl=False)
    return 1 if check and changed else 0


def _summary(changed: int, unchanged: int, dry_run: bool) -> None:
    def files(count: int) -> str:
        return f"{count} bestand{'en' if count != 1 else ''}"

    if dry_run:
        verb = "zou" if changed == 1 else "zouden"
        click.echo(f"{files(changed)} {verb} anders opgemaakt worden, {unchanged} al in orde",
                   err=True)
    else:
        click.echo(f"{files(changed)} opgemaakt, {unchanged} al in orde", err=True)


__all__ = ["fmt"]
