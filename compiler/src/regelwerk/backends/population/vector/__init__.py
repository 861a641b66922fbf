"""The exact vectorised population engine: the core IR compiled to a column program (numpy int64
fixed point), with every household it does not compute handed to the per-household path."""

from regelwerk.backends.population.vector.engine import Vectorised

__all__ = ["Vectorised"]
