"""Backends: code and documents generated from checked IR."""
