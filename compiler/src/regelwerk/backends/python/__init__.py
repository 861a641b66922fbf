"""Python backend: one module per regulation in generated/, and the runtime module beside them.

`build.build` loads and checks rule files and returns the files to write; `codegen.generate` writes one
regulation's module; `regelwerk/runtime.py` is copied verbatim next to the modules as `regelwerk_runtime.py`.
"""
