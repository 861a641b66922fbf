"""Regelwerk: a Dutch rule language and compiler for subsidies, user contributions and allowances."""

__version__ = "0.1.0"
