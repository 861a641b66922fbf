"""`regelwerk build`: every regulation to generated/<regeling>.py with its annex (.md, .html),
and the runtime beside them.

The driver sits beside the pipeline, not in a backend: it loads and checks the rule files, gives the
Python backend each regulation's core IR and the annex backend the checked regulation, and collects
what they make.

Building is all or nothing: with an error in any rule file nothing is written. The output depends
only on the rule files and the compiler version (no dates, no absolute paths, \\n line endings), so
CI can rebuild and compare byte for byte (`--check`).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import attrs

from regelwerk.backends.annex import annex_files
from regelwerk.backends.python import generate
from regelwerk.backends.python.names import module_file_name
from regelwerk.diagnostics import Diagnostic, error
from regelwerk.pipeline import CheckedModule, LoadResult, load
from regelwerk.worked import CoverageSummary, WorkedExample

RUNTIME_FILE = "regelwerk_runtime.py"
MARKER = "Gegenereerd door regelwerk"  # in every generated module's docstring and annex
GENERATED_SUFFIXES = (".py", ".md", ".html")


def runtime_source() -> str:
    """The runtime module, as it is copied beside the generated modules."""
    source = resources.files("regelwerk").joinpath("runtime.py")
    return source.read_text(encoding="utf-8").replace("\r\n", "\n")


@attrs.frozen
class Build:
    """What `build` would write: file name -> contents; or the errors that stop it."""

    loaded: LoadResult
    files: dict[str, str]
    problems: list[Diagnostic]
    modules: dict[str, str] = attrs.field(factory=dict)  # regeling -> module name (file stem)

    @property
    def ok(self) -> bool:
        return self.loaded.ok and not self.problems


def build(paths: Iterable[str | Path]) -> Build:
    loaded = load(paths)
    if not loaded.ok:
        return Build(loaded, {}, [])
    files: dict[str, str] = {}
    modules: dict[str, str] = {}
    owners: dict[str, str] = {}
    problems: list[Diagnostic] = []
    regulations = sorted((c for c in loaded.checked if c.module.kind == "regeling"),
                         key=lambda c: (c.module.name, c.module.path))
    for checked in regulations:
        module = checked.module
        if module.name in owners:
            problems.append(error("RW000", f"regeling {module.name} staat ook in "
                                  f"{owners[module.name]}", module.span,
                                  "geef elke regeling een eigen naam"))
            continue
        owners[module.name] = module.path
        modules[module.name] = module_file_name(module.name, modules.values())
        files[f"{modules[module.name]}.py"] = generate(checked.core())
        files.update(annex_files(checked, *annex_inputs(checked)))
    files[RUNTIME_FILE] = runtime_source()
    return Build(loaded, dict(sorted(files.items())), problems, modules)


def annex_inputs(checked: CheckedModule, coverage: bool = False
                 ) -> tuple[tuple[WorkedExample, ...], CoverageSummary | None]:
    """What the annex shows but does not compute: the worked examples from the tests and, when
    asked, what the tests exercise. The annex backend never runs the interpreter itself."""
    from regelwerk.interpret.coverage import measure, summarize
    from regelwerk.interpret.examples import worked_examples

    return worked_examples(checked), summarize(measure(checked)) if coverage else None


@attrs.frozen
class Difference:
    """How an output folder differs from a fresh build."""

    stale: list[str]
    missing: list[str]
    extra: list[str]

    @property
    def none(self) -> bool:
        return not (self.stale or self.missing or self.extra)


def compare(files: dict[str, str], out: Path) -> Difference:
    present = {p.name for p in out.iterdir() if p.suffix in GENERATED_SUFFIXES} \
        if out.is_dir() else set()
    stale = [n for n in files if n in present and _read(out / n) != files[n]]
    missing = [n for n in files if n not in present]
    extra = sorted(present - set(files))
    return Difference(stale, missing, extra)


def write(files: dict[str, str], out: Path) -> tuple[list[str], list[str]]:
    """Write what changed; remove generated modules no rule file makes any more.

    Returns (written, removed). A .py file that regelwerk did not make is left alone.
    """
    out.mkdir(parents=True, exist_ok=True)
    difference = compare(files, out)
    written = difference.stale + difference.missing
    for name in written:
        (out / name).write_bytes(files[name].encode("utf-8"))
    removed = [n for n in difference.extra if MARKER in _read(out / n)[:2000]]
    for name in removed:
        (out / name).unlink()
    return sorted(written), removed


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
