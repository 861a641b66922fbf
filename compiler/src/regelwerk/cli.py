"""The `regelwerk` command: parse arguments, call the library, print, set the exit code.

Exit codes: 0 all well, 1 errors in the rules or failing tests, 2 wrong use of the command.
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click

from regelwerk import __version__, cli_dutch
from regelwerk.cli_types import DATUM
from regelwerk.diagnostics import Diagnostic, has_errors, render, to_json
from regelwerk.pipeline import LoadResult, load

F = TypeVar("F", bound=Callable[..., Any])

cli_dutch.install()


def _existing(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    paths = value if isinstance(value, tuple) else (value,)
    for path in paths:
        if not Path(path).exists():
            raise click.BadParameter(f"'{path}' bestaat niet", ctx=ctx, param=param)
    return value


def _paths(function: F) -> F:
    # A path that does not exist is RW000 from the pipeline, reported like any other finding.
    return click.argument("paths", nargs=-1, required=True, type=click.Path())(function)


def _strict(function: F) -> F:
    return click.option("--strict", is_flag=True,
                        help="Een definitie zonder wettelijke verwijzing is een fout.")(function)


def _format(function: F) -> F:
    return click.option("--format", "output_format", type=click.Choice(["tekst", "json"]),
                        default="tekst", show_default=True, help="Uitvoer voor mensen of voor "
                        "tools.")(function)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="regelwerk")
def main() -> None:
    """Regelwerk: regels voor subsidies, bijdragen en toeslagen, controleerbaar en getest."""


def _report(result: LoadResult, output_format: str, warnings_as_errors: bool = False) -> bool:
    """Print the diagnostics; True if the run may go on."""
    if output_format == "json":
        click.echo(to_json(result.diagnostics))
    else:
        for diagnostic in result.diagnostics:
            click.echo(render(diagnostic, result.sources), err=True)
            click.echo("", err=True)
    failed = has_errors(result.diagnostics) or (warnings_as_errors and bool(result.diagnostics))
    return not failed


def _summary(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    return f"{errors} fout{'en' if errors != 1 else ''}, {warnings} waarschuwing" \
           f"{'en' if warnings != 1 else ''}"


def _watch(function: F) -> F:
    return click.option("--bewaak", "watch", is_flag=True,
                        help="Blijf draaien en doe het opnieuw zodra een .rw-bestand verandert.")(
        function)


@main.command()
@_paths
@_strict
@_format
@click.option("--warnings-as-errors", is_flag=True, help="Ook een waarschuwing geeft exitcode 1.")
@_watch
def check(paths: tuple[str, ...], strict: bool, output_format: str,
          warnings_as_errors: bool, watch: bool) -> None:
    """Controleer regelbestanden (.rw) of mappen daarmee."""
    if watch:
        from regelwerk.watch import watch as watching

        watching(paths, lambda: _check(paths, strict, output_format, warnings_as_errors)[1])
        return
    ok, _ = _check(paths, strict, output_format, warnings_as_errors)
    sys.exit(0 if ok else 1)


def _check(paths: tuple[str, ...], strict: bool, output_format: str, warnings_as_errors: bool
           ) -> tuple[bool, LoadResult]:
    result = load(paths, strict=strict)
    ok = _report(result, output_format, warnings_as_errors)
    if output_format == "tekst":
        definitions = sum(len(c.module.definitions) for c in result.checked)
        tests = sum(len(c.module.tests) for c in result.checked)
        click.echo(f"{len(result.files)} bestand{'en' if len(result.files) != 1 else ''} "
                   f"gecontroleerd, {definitions} definities, {tests} tests: "
                   f"{_summary(result.diagnostics)}")
    return ok, result


@main.command(name="test")
@_paths
@_strict
@_watch
@click.option("--dekking", is_flag=True,
              help="Toon per regeling welke regels, uitzonderingen, als-takken, tabelrijen en "
              "gedateerde waarden geen enkele test raakt.")
@click.option("--dekking-json", "coverage_json", type=click.Path(dir_okay=False, allow_dash=True),
              help="Schrijf de dekking als JSON naar dit bestand (- voor standaarduitvoer).")
def test_command(paths: tuple[str, ...], strict: bool, watch: bool, dekking: bool,
                 coverage_json: str | None) -> None:
    """Voer de tests in regelbestanden uit."""
    if watch:
        from regelwerk.watch import watch as watching

        watching(paths, lambda: _test(paths, strict, dekking, coverage_json)[1])
        return
    ok, _ = _test(paths, strict, dekking, coverage_json)
    sys.exit(0 if ok else 1)


def _test(paths: tuple[str, ...], strict: bool, dekking: bool = False,
          coverage_json: str | None = None) -> tuple[bool, LoadResult]:
    from regelwerk.interpret.coverage import Report, measure, render_text
    from regelwerk.interpret.explain import render_tree
    from regelwerk.interpret.testing import run_tests

    result = load(paths, strict=strict)
    ok = _report(result, "tekst")
    passed = failed = 0
    reports: list[Report] = []
    for checked in result.checked:
        if dekking or coverage_json:
            reports.append(measure(checked))
            outcomes = list(reports[-1].results)
        else:
            outcomes = run_tests(checked)
        for outcome in outcomes:
            where = f"{outcome.span.file}:{outcome.span.line}"
            caveat = (f"  (hangt af van voorlopige waarde: {', '.join(outcome.provisional)})"
                      if outcome.provisional else "")
            if outcome.passed:
                passed += 1
                click.echo(f"ok      {checked.module.name}: {outcome.name}{caveat}")
                continue
            failed += 1
            click.echo(f"MISLUKT {checked.module.name}: {outcome.name}  ({where}){caveat}")
            if outcome.error is not None:
                location = f" ({outcome.error_span})" if outcome.error_span else ""
                what = "fout in de invoer" if outcome.error_in_input else "fout bij het rekenen"
                click.echo(f"    {what}: {outcome.error}{location}")
            for mismatch in outcome.mismatches:
                click.echo(f"    {mismatch.name}: verwacht {mismatch.expected}, berekend "
                           f"{mismatch.actual}")
                if mismatch.explanation is not None:
                    tree = render_tree([mismatch.explanation])
                    click.echo("\n".join("      " + line for line in tree.splitlines()))
    click.echo(f"{passed} geslaagd, {failed} mislukt")
    if dekking:
        for report in reports:
            if report.items:
                click.echo(render_text(report, details=report.kind == "regeling"))
    if coverage_json:
        data = json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=2) + "\n"
        if coverage_json == "-":
            click.echo(data, nl=False)
        else:
            Path(coverage_json).write_text(data, encoding="utf-8")
    return ok and failed == 0, result


@main.command()
@click.argument("path", type=click.Path(dir_okay=False), callback=_existing)
@click.option("--peildatum", "day", required=True, type=DATUM,
              help="De datum waarop gerekend wordt (jjjj-mm-dd).")
@click.option("--invoer", "input_path", required=True, type=click.Path(allow_dash=True),
              help="JSON-bestand met de invoer, of - voor standaardinvoer.")
@click.option("--uitleg", is_flag=True, help="Toon welke regels, rijen en parameters het "
              "resultaat bepalen.")
@click.option("--format", "output_format", type=click.Choice(["json", "tekst"]), default="json",
              show_default=True, help="JSON voor diensten, tekst voor mensen.")
@click.option("--uitvoer", "wanted", multiple=True, metavar="NAAM",
              help="Bereken alleen deze uitvoer (herhaal voor meer); standaard alle uitvoer.")
@click.option("--gedeeltelijk", "partial", is_flag=True,
              help="Geef alle uitvoer die berekend kan worden; uitvoer die een onbekende waarde "
                   "nodig heeft, staat onder 'onbekend' met de reden.")
def run(path: str, day: datetime.date, input_path: str, uitleg: bool, output_format: str,
        wanted: tuple[str, ...], partial: bool) -> None:
    """Reken een regeling door voor één invoer en toon de uitvoer als JSON."""
    from regelwerk import runtime
    from regelwerk.interpret.evaluator import evaluate, evaluate_partial
    from regelwerk.interpret.explain import render_tree
    from regelwerk.interpret.values import load_json, show, to_json
    from regelwerk.runtime import InvoerFout, OnbekendeWaarde, RekenFout

    try:
        raw = sys.stdin.read() if input_path == "-" else Path(input_path).read_text("utf-8")
        data = load_json(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(f"kan {input_path} niet lezen: {exc}", param_hint="--invoer") \
            from None
    except InvoerFout as exc:
        click.echo(f"fout in de invoer: {exc.veld}: {exc.melding}", err=True)
        sys.exit(1)
    result = load([path])
    if not result.ok or not result.checked:
        # Only errors: warnings belong to `check`; a calculation's caveats are in its output.
        _report(attrs.evolve(result, diagnostics=[d for d in result.diagnostics if d.is_error]),
                "tekst")
        sys.exit(1)
    checked = result.checked[0]
    try:
        names = None
        if wanted:
            names = list(runtime.uitvoer_namen(
                list(wanted), [n.text for n in checked.module.output_names]))
        evaluation = (evaluate_partial if partial else evaluate)(checked, data, day, outputs=names)
    except InvoerFout as exc:
        click.echo(f"fout in de invoer: {exc.veld}: {exc.melding}", err=True)
        sys.exit(1)
    except RekenFout as exc:
        location = f" ({exc.span})" if exc.span else ""
        click.echo(f"fout bij het rekenen: {exc.melding}{location}", err=True)
        if isinstance(exc, OnbekendeWaarde):
            click.echo("tip: met --uitvoer NAAM berekent u alleen de uitvoer die u nodig hebt; "
                       "uitvoer die deze waarde niet nodig heeft, stopt dan niet", err=True)
        sys.exit(1)
    outputs = {name: to_json(value, evaluation.types[name])
               for name, value in evaluation.uitvoer.items()}
    if output_format == "tekst":
        for name, value in evaluation.uitvoer.items():
            click.echo(f"{name} = {show(value, evaluation.types[name])}")
        for name, reason in evaluation.onbekend.items():
            click.echo(f"{name} = onbekend: {reason}")
        if uitleg:
            click.echo("")
            click.echo(render_tree(evaluation.uitleg))
        return
    document: dict[str, Any] = {"uitvoer": outputs}
    if evaluation.voorlopig:
        document["voorlopig"] = list(evaluation.voorlopig)
    if evaluation.onbekend:
        document["onbekend"] = dict(evaluation.onbekend)
    if uitleg:
        document["uitleg"] = [node.naar_json() for node in evaluation.uitleg]
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


from regelwerk.fmt.command import fmt  # noqa: E402

main.add_command(fmt)

from regelwerk.backends.annex.command import annex  # noqa: E402
from regelwerk.diff.command import diff  # noqa: E402

main.add_command(annex)
main.add_command(diff)

from regelwerk.build_command import build  # noqa: E402

main.add_command(build)

from regelwerk.backends.population.simulate_command import simuleer  # noqa: E402

main.add_command(simuleer)

from regelwerk.backends.population.synthetic_command import populatie  # noqa: E402

main.add_command(populatie)

from regelwerk.serve.command import serve  # noqa: E402

main.add_command(serve)

from regelwerk.lsp.command import lsp  # noqa: E402

main.add_command(lsp)

cli_dutch.name_metavars(main)


if __name__ == "__main__":
    main()
