"""`regelwerk lsp`: start the language server on standard input and output."""

from __future__ import annotations

import click


@click.command()
def lsp() -> None:
    """Start de taalserver (LSP) voor editors, via standaardinvoer en -uitvoer."""
    from regelwerk.lsp.server import main

    main()


__all__ = ["lsp"]
