"""`regelwerk simuleer REGELING --populatie FILE --peildatum D`: a regulation over a population.

Reads the households (Parquet, JSON Lines or CSV; see sources.py and io.py), computes every output for each through
an engine, writes the result table (Parquet), and shows what it comes to (summary.py): in the
terminal, as JSON or as an HTML report with charts (report.py). With `--vergelijk` or
`--vergelijk-peildatum` it runs a second version over the same households and shows the effect of
the change (impact.py).

numpy, pyarrow and matplotlib are imported inside the command only: `regelwerk check` and the other
commands work without the `populatie` extra. Exit codes as every command: 0 all well (households
with an error are part of the result, not a failure of the command), 1 errors in the rules, 2 wrong
use of the command or a population file that cannot be read.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import attrs
import click

from regelwerk.cli_types import DATUM

if TYPE_CHECKING:
    from regelwerk.backends.population.engine import Engine, Run
    from regelwerk.backends.population.io import Prepared
    from regelwerk.backends.population.sources import Source
    from regelwerk.core import nodes as c

EXTRA = ("voor simuleer zijn numpy en pyarrow nodig: installeer de extra 'populatie' "
         "(pip install 'regelwerk[populatie]', of 'make' in de repository)")
BASE_PREFIX = "basis_"  # the base run's columns in the result file of a comparison


class EngineUnavailable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def engine_for(name: str, scheduler: str | None, threads: int = 1) -> Engine:
    """`lokaal`: the vectorised engine (its parts of the population on `threads` threads);
    `dask`: the distributed one (on `scheduler`, or a local cluster)."""
    if name == "dask":
        try:
            from regelwerk.backends.population.distributed import DaskEngine
        except ModuleNotFoundError as exc:
            if exc.name == "regelwerk.backends.population.distributed":
                raise EngineUnavailable("de engine 'dask' is in deze versie van regelwerk niet "
                                        "beschikbaar; gebruik --engine lokaal") from None
            if exc.name and exc.name.split(".")[0] in ("dask", "distributed"):
                raise EngineUnavailable("voor --engine dask is dask[distributed] nodig: installeer "
                                        "de extra 'populatie'") from None
            raise
        return DaskEngine(scheduler=scheduler)  # type: ignore[no-any-return,unused-ignore]
    from regelwerk.backends.population.vector import Vectorised

    return Vectorised(threads=threads)


class Progress:
    """A small progress bar on stderr: `simuleer: 45% (4500 van 10000 huishoudens)`."""

    def __init__(self, total: int, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.shown = 0.0

    def __call__(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.shown < 0.2 and self.done < self.total:
            return
        self.shown = now
        width = 30
        filled = width * min(self.done, self.total) // self.total
        self.stream.write(f"\rsimuleer: [{'#' * filled}{'.' * (width - filled)}] "
                          f"{100 * min(self.done, self.total) // self.total:>3}% "
                          f"({self.done} van {self.total} huishoudens)")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\n")
            self.stream.flush()


@attrs.frozen
class Version:
    program: c.Program
    label: str
    peildatum: datetime.date


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"fout: {message}", err=True)
    sys.exit(code)


def _load(spec: str) -> c.Program:
    """A regulation (FILE or FILE@GITREV); exit 1 if its rules have errors, 2 if it is not there."""
    from regelwerk.diff.sources import SourceError, load_side

    folder = Path(spec)
    if folder.is_dir():  # a regulation's folder, as `check` and `populatie` take it
        named = folder / f"{folder.resolve().name}.rw"
        found = [named] if named.is_file() else sorted(folder.glob("*.rw"))
        if len(found) != 1:
            _fail(f"'{spec}' is een map met {len(found)} regelbestanden; noem het bestand van de "
                  "regeling")
        spec = str(found[0])
    try:
        side = load_side(spec)
    except SourceError as exc:
        click.echo(f"fout: {exc.message}", err=True)
        sys.exit(1 if " bevat fouten" in exc.message.split("\n")[0] else 2)
    return side.checked.core()


def _check_date(version: Version, option: str) -> None:
    from regelwerk import runtime

    main = version.program.main
    try:
        runtime.lees_peildatum(version.peildatum, main.valid_from, main.valid_until)
    except runtime.InvoerFout as exc:
        _fail(f"{option} {version.peildatum.isoformat()}: {exc.melding}")


@click.command()
@click.argument("regeling")
@click.option("--populatie", "population_path", required=True, metavar="BESTAND",
              help="De huishoudens: .parquet, .jsonl (JSON Lines) of .csv.")
@click.option("--peildatum", "day", required=True, type=DATUM,
              help="De datum waarop gerekend wordt (jjjj-mm-dd).")
@click.option("--uitvoer", "out_path", type=click.Path(dir_okay=False), metavar="UIT.parquet",
              help="Schrijf de uitkomst per huishouden (Parquet, exacte decimalen).")
@click.option("--rapport", "report_path", type=click.Path(dir_okay=False), metavar="RAPPORT.html",
              help="Schrijf een HTML-rapport met grafieken.")
@click.option("--json", "as_json", is_flag=True, help="De samenvatting als JSON.")
@click.option("--vergelijk", "compare_spec", metavar="REGELING@REV|ANDER.rw",
              help="Vergelijk met een andere versie: de basis waartegen de verandering telt.")
@click.option("--vergelijk-peildatum", "base_day", type=DATUM, metavar="DATUM",
              help="Vergelijk met dezelfde regeling op een andere peildatum (de basis).")
@click.option("--engine", "engine_name", type=click.Choice(["lokaal", "dask"]), default="lokaal",
              show_default=True, help="Reken op deze machine of op een Dask-cluster.")
@click.option("--draden", "threads", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Lokale engine: zoveel delen van de populatie tegelijk, elk op een eigen "
              "kern (de uitkomst is dezelfde).")
@click.option("--scheduler", metavar="ADRES", help="Het adres van de Dask-scheduler "
              "(alleen met --engine dask; zonder: een cluster op deze machine).")
@click.option("--sleutel", "key", metavar="KOLOM",
              help="De kolom met de sleutel van een huishouden (standaard: sleutel, als die er is).")
@click.option("--float-kolommen-afronden-op-cent", "round_floats", is_flag=True,
              help="Lees kommagetal-kolommen (float) toch: elk getal afgerond op de cent.")
@click.option("--voortgang", is_flag=True, help="Toon de voortgang, ook als stderr geen terminal "
              "is.")
def simuleer(regeling: str, population_path: str, day: datetime.date, out_path: str | None,
             report_path: str | None, as_json: bool, compare_spec: str | None,
             base_day: datetime.date | None, engine_name: str, scheduler: str | None, key: str | None,
             round_floats: bool, voortgang: bool, threads: int) -> None:
    """Reken een regeling door voor een populatie huishoudens en vat de uitkomst samen.

    Exitcode 0 als alles berekend is (huishoudens met een fout horen bij de uitkomst), 1 bij fouten
    in de regels, 2 bij verkeerd gebruik of een populatie die niet te lezen is.
    """
    if compare_spec and base_day:
        raise click.UsageError("gebruik --vergelijk of --vergelijk-peildatum, niet allebei")
    if scheduler and engine_name != "dask":
        raise click.UsageError("--scheduler hoort bij --engine dask")
    if threads > 1 and engine_name != "lokaal":
        raise click.UsageError("--draden hoort bij --engine lokaal (Dask verdeelt over zijn workers)")
    try:
        import numpy  # noqa: F401  the engines need it
        import pyarrow  # noqa: F401
    except ImportError:
        _fail(EXTRA)
    if report_path is not None:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            _fail("voor --rapport is matplotlib nodig: installeer de extra 'populatie'")
    from regelwerk.backends.population import impact as impact_
    from regelwerk.backends.population import summary as summary_
    from regelwerk.backends.population.io import prepare
    from regelwerk.backends.population.sources import PopulationError, read

    new = Version(_load(regeling), regeling, day)
    _check_date(new, "--peildatum")
    base: Version | None = None
    if compare_spec:
        base = Version(_load(compare_spec), compare_spec, day)
    elif base_day is not None:
        base = Version(new.program, regeling, base_day)
    if base is not None:
        _check_date(base, "--vergelijk-peildatum" if base_day else "--peildatum")
    try:
        engine = engine_for(engine_name, scheduler, threads)
    except EngineUnavailable as exc:
        _fail(exc.message)
    try:
        source = read(population_path, key)
        others = [base.program] if base is not None and base.program is not new.program else []
        prepared_new = prepare(source, new.program, others, round_floats)
        prepared_base = prepared_new
        if base is not None and base.program is not new.program:
            prepared_base = prepare(source, base.program, [new.program], round_floats)
    except PopulationError as exc:
        _fail(exc.message)
    progress = Progress(source.rows * (2 if base else 1), voortgang or sys.stderr.isatty())
    try:
        run_new = _compute(engine, new, prepared_new, progress)
        run_base = _compute(engine, base, prepared_base, progress) if base else None
    finally:
        progress.close()
        close = getattr(engine, "close", None)  # a Dask engine stops the cluster it started
        if close is not None:
            close()
    summary = summary_.summarize(new.program, run_new, day, new.label, prepared_new)
    base_summary = impact = None
    if base is not None and run_base is not None:
        base_summary = summary_.summarize(base.program, run_base, base.peildatum, base.label,
                                          prepared_base)
        income = summary_.income(base.program, run_base, prepared_base) or \
            summary_.income(new.program, run_new, prepared_new)
        base_label, new_label = base.label, new.label
        if base_day is not None:
            base_label = f"{base.label} op {base_day.isoformat()}"
            new_label = f"{new.label} op {day.isoformat()}"
        impact = impact_.compare(base.program, run_base, new.program, run_new, base_label,
                                 new_label, income)
    if out_path is not None:
        _write(out_path, run_new, run_base, source)
    if report_path is not None:
        from regelwerk.backends.population.report import render

        _write_text(report_path, render(summary, base_summary, impact))
    if as_json:
        document: dict[str, Any] = {"simulatie": summary_.to_json(summary)}
        if base_summary is not None and impact is not None:
            document["basis"] = summary_.to_json(base_summary)
            document["vergelijking"] = impact_.to_json(impact)
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    click.echo(summary_.render_text(summary), nl=False)
    if impact is not None:
        click.echo("")
        click.echo(impact_.render_text(impact), nl=False)
    for path, what in ((out_path, "uitkomst"), (report_path, "rapport")):
        if path is not None:
            click.echo(f"{what} geschreven: {path}")


def _compute(engine: Engine, version: Version, prepared: Prepared, progress: Progress) -> Run:
    from regelwerk import runtime
    from regelwerk.backends.population.io import complete

    try:
        run = engine.compute(version.program, prepared.table, version.peildatum, None, progress)
    except runtime.InvoerFout as exc:
        _fail(f"{exc.veld}: {exc.melding}")
    except (OSError, TimeoutError) as exc:
        _fail(f"de engine kon niet rekenen: {exc}")
    except Exception as exc:  # a fault of the engine, not of the input: no traceback for the user
        if os.environ.get("REGELWERK_TRACEBACK"):
            raise
        _fail(f"interne fout in de rekenengine ({type(exc).__name__}: {exc}); meld dit, met "
              "REGELWERK_TRACEBACK=1 voor de details")
    skipped = len(prepared.errors)
    if skipped:
        progress(skipped)
    return complete(run, prepared)


def _write(path: str, run: Run, base: Run | None, source: Source) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from regelwerk.backends.population.engine import KEY

    table = run.table
    if base is not None:
        for name in base.table.column_names:
            if name != KEY:
                table = table.append_column(BASE_PREFIX + name, base.table.column(name))
    if source.key_name is not None and source.key_name != KEY:
        table = table.rename_columns([source.key_name if n == KEY else n
                                      for n in table.column_names])
    try:
        pq.write_table(table, path)
    except (OSError, pa.ArrowException) as exc:
        _fail(f"kan {path} niet schrijven: {exc}")


def _write_text(path: str, text: str) -> None:
    from pathlib import Path

    try:
        Path(path).write_bytes(text.encode("utf-8"))
    except OSError as exc:
        _fail(f"kan {path} niet schrijven: {exc.strerror}")
