"""`regelwerk serve [PAD]`: the calculation service and the scenario explorer over the regulations
under PAD, served by uvicorn."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from regelwerk.pipeline import REGULATIONS_DIR


@click.command()
@click.argument("pad", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Het adres waarop de dienst luistert.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="De poort.")
@click.option("--schrijven", is_flag=True,
              help="De verkenner mag berekeningen als test in de .rw-bestanden onder PAD bewaren "
                   "(alleen op een loopback-adres).")
@click.option("--cors", multiple=True, metavar="ORIGIN",
              help="Sta aanroepen vanuit een browser op deze origin toe (herhaal voor meer); "
                   "standaard geen.")
@click.option("--max-verzoek", default=1_000_000, show_default=True, type=click.IntRange(1),
              help="Hoogstens zoveel bytes per verzoek.")
@click.option("--max-reeks", default=1000, show_default=True, type=click.IntRange(1),
              help="Hoogstens zoveel gevallen per bereken-reeks.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Zoveel processen rekenen naast elkaar (elk met de regelingen geladen).")
def serve(pad: str | None, host: str, port: int, schrijven: bool, cors: tuple[str, ...],
          max_verzoek: int, max_reeks: int, workers: int) -> None:
    """Reken via HTTP met de regelingen onder PAD, met de scenarioverkenner op /verkenner.

    Zonder PAD: de map regulations/ als die er is, anders de huidige map."""
    if pad is None:
        pad = REGULATIONS_DIR if Path(REGULATIONS_DIR).is_dir() else "."
    try:
        import uvicorn

        from regelwerk.serve.app import ENVIRONMENT, Instellingen, create_app, is_loopback, to_environment
        from regelwerk.serve.catalog import CatalogusFout
    except ImportError:
        click.echo("regelwerk serve heeft starlette en uvicorn nodig: pip install "
                   "'regelwerk[serve]'", err=True)
        sys.exit(2)
    if schrijven and not is_loopback(host):
        raise click.BadParameter("--schrijven kan alleen op een loopback-adres (127.0.0.1, ::1, "
                                 "localhost)", param_hint="--schrijven")
    settings = Instellingen(Path(pad), host, schrijven, max_verzoek, max_reeks, cors)
    try:
        app = create_app(settings)
    except CatalogusFout as exc:
        click.echo(str(exc), err=True)
        click.echo("de regels bevatten fouten; de dienst start niet", err=True)
        sys.exit(1)
    regelingen = ", ".join(app.state.catalogus.regelingen) or "geen"
    click.echo(f"regelingen: {regelingen}", err=True)
    click.echo(f"verkenner: http://{host}:{port}/verkenner", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[ENVIRONMENT] = to_environment(settings)  # each worker loads the rules itself
    uvicorn.run("regelwerk.serve.app:from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning")
