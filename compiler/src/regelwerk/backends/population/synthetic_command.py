"""`regelwerk populatie`: draw a synthetic population of valid households for a regulation.

Thin: parse the arguments, call `synthetic`, print what was written. numpy and pyarrow (the populatie
extra) are imported only when the command runs, so `regelwerk check` works without them.
"""

from __future__ import annotations

import datetime
import sys
import time

import click

from regelwerk.cli_types import DATUM


@click.command(name="populatie")
@click.argument("regeling", type=click.Path(exists=True))
@click.option("--aantal", type=click.IntRange(min=0), required=True,
              help="Het aantal huishoudens.")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True,
              help="Startwaarde van de toevalsgenerator: dezelfde seed geeft hetzelfde bestand.")
@click.option("--uit", "target", required=True, type=click.Path(dir_okay=False),
              help="Het bestand: .parquet, .jsonl of .csv.")
@click.option("--verdeling", type=click.Path(exists=True, dir_okay=False),
              help="TOML- of JSON-bestand met de verdeling per invoer of gegeven; zonder: de "
              "standaardverdeling.")
@click.option("--tijd", "verbose", is_flag=True, help="Toon hoe lang trekken en schrijven duurden.")
@click.option("--peildatum", "day", type=DATUM, help="De datum waarop de eisen gecontroleerd worden (jjjj-mm-dd); "
              "standaard de eerste dag dat de regeling geldt.")
def populatie(regeling: str, aantal: int, seed: int, target: str, verdeling: str | None,
              verbose: bool, day: datetime.date | None) -> None:
    """Trek een synthetische populatie van geldige huishoudens voor een regeling."""
    try:
        from regelwerk.backends.population import synthetic
    except ImportError as exc:  # numpy or pyarrow missing
        click.echo(f"regelwerk populatie heeft numpy en pyarrow nodig ({exc}); installeer "
                   "'regelwerk[populatie]'", err=True)
        sys.exit(2)

    try:
        distribution = synthetic.read_distribution(verdeling) if verdeling else None
        program = synthetic.regulation([regeling])
        synthetic.check_target(program, target)
    except synthetic.PopulatieFout as exc:
        click.echo(f"fout: {exc}", err=True)
        sys.exit(2 if isinstance(exc, synthetic.VerdelingFout) else 1)
    started = time.perf_counter()
    try:
        population = synthetic.draw(program, aantal, seed, distribution, day)
        drawn = time.perf_counter() - started
        written = synthetic.write(population, target)
        total = time.perf_counter() - started
    except synthetic.PopulatieFout as exc:
        click.echo(f"fout: {exc}", err=True)
        sys.exit(2 if isinstance(exc, synthetic.VerdelingFout) else 1)
    refused = population.drawn - aantal
    click.echo(f"{aantal} synthetische huishoudens van {program.main.name} (seed {seed}); "
               f"{refused} geweigerd door de eisen en opnieuw getrokken", err=True)
    if verbose:
        click.echo(f"getrokken in {drawn:.2f} s, geschreven in {total - drawn:.2f} s; "
                   f"{population.checks} keer de eisen per huishouden gecontroleerd", err=True)
    for path in written:
        click.echo(str(path))
