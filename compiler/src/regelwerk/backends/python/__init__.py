"""Python backend: one module per regulation in generated/, from the regulation's core IR.

`codegen.generate(program)` writes one regulation's module; `regelwerk/runtime.py` is copied verbatim
next to the modules as `regelwerk_runtime.py`. `regelwerk.build` drives this backend and the annex
for `regelwerk build`.
"""

from regelwerk.backends.python.codegen import generate

__all__ = ["generate"]
