"""The one place where the stages are chained: read, parse, build, load what is used, check.

The CLI, the tests and the backends call `load`; nothing downstream sees a module with errors.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from regelwerk.check.articles import check_articles
from regelwerk.check.conditions import check_conditions
from regelwerk.check.context import Context, Target
from regelwerk.check.exceptions import check_exceptions
from regelwerk.check.extend import expand_records
from regelwerk.check.names import check_names
from regelwerk.check.provisional import check_provisional
from regelwerk.check.references import check_references
from regelwerk.check.structure import check_structure
from regelwerk.check.tables import check_tables
from regelwerk.check.types import check_types
from regelwerk.check.validity import check_validity
from regelwerk.core import nodes as c
from regelwerk.core.lower import lower_module, program_of
from regelwerk.diagnostics import Diagnostic, error, has_errors, sort_key
from regelwerk.ir import nodes as ir
from regelwerk.ir.span import Span
from regelwerk.lines import split_lines
from regelwerk.syntax.blocks import BlockCache
from regelwerk.syntax.builder import build
from regelwerk.syntax.parser import MAX_SOURCE_BYTES, decode, parse, too_deep

Pass = Callable[[ir.Module, Context], list[Diagnostic]]

# In this order: later passes read what earlier ones put in the context. The module is lowered to
# the core IR after SURFACE_PASSES; CORE_PASSES read the core (context.core).
SURFACE_PASSES: tuple[Pass, ...] = (check_names, check_types, check_structure, check_tables)
CORE_PASSES: tuple[Pass, ...] = (
    check_exceptions, check_conditions, check_validity, check_references, check_provisional,
    check_articles,
)
PASSES: tuple[Pass, ...] = SURFACE_PASSES + CORE_PASSES

# After errors in these passes the later passes would only repeat them in other words.
STOP_AFTER: tuple[Pass, ...] = (check_names, check_types)

SUFFIX = ".rw"
STDLIB_DIR = "stdlib_rules"
# compiler/src/regelwerk/pipeline.py -> the repository's stdlib_rules/ (an editable install)
BUNDLED_STDLIB = Path(__file__).resolve().parents[3] / STDLIB_DIR
REGULATIONS_DIR = "regulations"


@attrs.define
class Program:
    """Every module loaded for one run, with the tables the passes filled in."""

    modules: dict[str, ir.Module] = attrs.field(factory=dict)  # by path
    used: dict[str, dict[str, ir.Module]] = attrs.field(factory=dict)  # path -> name -> module
    targets: dict[ir.Name, Target] = attrs.field(factory=dict)
    types: dict[Any, Any] = attrs.field(factory=dict)
    sources: dict[str, str] = attrs.field(factory=dict)
    diagnostics: dict[str, list[Diagnostic]] = attrs.field(factory=dict)
    core: dict[str, c.Module] = attrs.field(factory=dict)  # by path: each module lowered once


@attrs.frozen
class CheckedModule:
    """A module that passed every check, ready for the interpreter and the backends."""

    module: ir.Module
    program: Program

    @property
    def used(self) -> Mapping[str, ir.Module]:
        return self.program.used.get(self.module.path, {})

    def target(self, name: ir.Name) -> Target:
        return self.program.targets[name]

    def type_of(self, node: object) -> Any:
        return self.program.types[node]

    def find(self, module: str, name: str) -> ir.Definition | None:
        if module == self.module.name:
            return self.module.definition(name)
        for candidate in self.program.modules.values():
            if candidate.name == module:
                return candidate.definition(name)
        return None

    def context(self) -> Context:
        return Context(self.module, self.used, targets=self.program.targets,
                       types=self.program.types)

    def core(self) -> c.Program:
        """The core IR of the regulation and every module it uses: what backends read."""
        return core_program(self.program, self.module.path)


def core_program(program: Program, path: str) -> c.Program:
    by_name: dict[str, c.Module] = {}
    stack = [path]
    while stack:
        current = stack.pop()
        for name, used in program.used.get(current, {}).items():
            if name not in by_name and used.path in program.core:
                by_name[name] = program.core[used.path]
                stack.append(used.path)
    return program_of(program.core[path], by_name)


@attrs.frozen
class LoadResult:
    checked: list[CheckedModule]
    diagnostics: list[Diagnostic]
    sources: dict[str, str]
    files: list[str]
    # Every module read, also those with errors: what an editor shows while the analyst types.
    program: Program | None = None

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def rule_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Diagnostic]]:
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(error("RW000", f"'{raw}' bestaat niet", Span(str(raw), 1, 1, 1, 1),
                                  "geef een .rw-bestand of een map met .rw-bestanden"))
    return files, problems


# Stages recurse over expressions; a long sum of hundreds of terms is legitimate.
RECURSION_LIMIT = 8000


@contextlib.contextmanager
def _quiet_collector() -> Iterator[None]:
    """Pause the cyclic garbage collector while a program is loaded.

    Loading makes a hundred thousand small, acyclic objects (syntax tree, IR), and the collector
    would rescan them over and over: a quarter of the time of a large check. Reference counting
    still frees them; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _deep_enough() -> None:
    if sys.getrecursionlimit() < RECURSION_LIMIT:
        sys.setrecursionlimit(RECURSION_LIMIT)


def load(paths: Iterable[str | Path], strict: bool = False, cache: ParseCache | None = None
         ) -> LoadResult:
    with _quiet_collector():
        return _load(paths, strict, cache)


def _load(paths: Iterable[str | Path], strict: bool, cache: ParseCache | None) -> LoadResult:
    _deep_enough()
    files, problems = rule_files(paths)
    program = Program()
    loader = _Loader(program, strict, cache)
    checked: list[CheckedModule] = []
    for file in files:
        module = loader.load(file, ())
        if module is not None and not _fails(program, module.path):
            checked.append(CheckedModule(module, program))
    shown = {_display(f) for f in files}
    diagnostics = list(problems)
    for path, found in program.diagnostics.items():
        if path in shown or has_errors(found):
            diagnostics.extend(found)
    diagnostics.sort(key=sort_key)
    return LoadResult(checked, diagnostics, program.sources, [_display(f) for f in files], program)


def load_text(text: str, path: str = "<invoer>.rw", file: Path | None = None) -> LoadResult:
    """Check source text that is not in a file (editors, tests); `file`: where it would be, to find
    the modules it uses beside it."""
    with _quiet_collector():
        return _load_text(text, path, file)


def _load_text(text: str, path: str, file: Path | None = None) -> LoadResult:
    _deep_enough()
    program = Program()
    module = _Loader(program, False).load_source(text, path, file, ())
    checked = []
    if module is not None and not _fails(program, path):
        checked.append(CheckedModule(module, program))
    diagnostics = sorted((d for ds in program.diagnostics.values() for d in ds), key=sort_key)
    return LoadResult(checked, diagnostics, program.sources, [path])


def internal_error(check: Callable[..., Any], exc: Exception, module: ir.Module) -> Diagnostic:
    return error(
        "RW999", f"interne fout in Regelwerk bij {check.__name__}: {type(exc).__name__}: {exc}",
        module.span, "dit is een fout in de compiler, niet in uw regels; meld ze met dit bestand",
    )


def _fails(program: Program, path: str) -> bool:
    if has_errors(program.diagnostics.get(path, [])):
        return True
    return any(_fails(program, m.path) for m in program.used.get(path, {}).values())


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@attrs.define
class ParseCache:
    """The last parsed and built module of each path, by its text.

    An editor checks again on every keystroke; the modules a regulation uses did not change, so
    their syntax trees and IR are taken from here instead of being parsed again. IR nodes are
    immutable, so one module can serve many programs. `overlay` holds the texts of files open in
    the editor, which win over what is on disk.
    """

    built: dict[str, tuple[str, ir.Module | None, list[Diagnostic]]] = attrs.field(factory=dict)
    overlay: dict[str, str] = attrs.field(factory=dict)  # resolved path -> text
    # Within a file being edited, the blocks (definitions) that did not change.
    blocks: dict[str, BlockCache] = attrs.field(factory=dict)

    def parse_and_build(self, text: str, display: str) -> tuple[ir.Module | None, list[Diagnostic]]:
        cached = self.built.get(display)
        if cached is not None and cached[0] == text:
            return cached[1], list(cached[2])
        by_block = self.blocks.setdefault(display, BlockCache()).parse(text, display)
        module, problems = by_block if by_block is not None else _parse_and_build(text, display)
        self.built[display] = (text, module, list(problems))
        return module, problems


def _parse_and_build(text: str, display: str) -> tuple[ir.Module | None, list[Diagnostic]]:
    tree, problems = parse(text, display)
    if tree is None:
        return None, problems
    return build(tree, display)


def load_document(text: str, file: Path, cache: ParseCache, strict: bool = False) -> LoadResult:
    """Check the text of an open editor document as if it were `file`: what it `gebruik`s is
    found beside that file, and parsed modules that did not change come from `cache`."""
    with _quiet_collector():
        _deep_enough()
        program = Program()
        display = _display(file)
        if len(text.encode("utf-8", errors="replace")) > MAX_SOURCE_BYTES:
            _, problems = decode(text.encode("utf-8", errors="replace"), display)
            program.diagnostics[display] = problems
            program.sources[display] = text
            module = None
        else:
            module = _Loader(program, strict, cache).load_source(text, display, file, ())
        checked = []
        if module is not None and not _fails(program, display):
            checked.append(CheckedModule(module, program))
        diagnostics = sorted(program.diagnostics.get(display, []), key=sort_key)
        return LoadResult(checked, diagnostics, program.sources, [display], program)


class _Loader:
    def __init__(self, program: Program, strict: bool, cache: ParseCache | None = None) -> None:
        self.program = program
        self.strict = strict
        self.cache = cache

    def load(self, file: Path, chain: tuple[str, ...]) -> ir.Module | None:
        display = _display(file)
        if display in self.program.modules:
            return self.program.modules[display]
        if display in self.program.diagnostics:
            return None
        overlay = self.cache.overlay.get(str(file.resolve())) if self.cache is not None else None
        if overlay is not None:
            return self.load_source(overlay, display, file, chain)
        try:
            data = file.read_bytes()
        except OSError as exc:
            self.program.diagnostics[display] = [
                error("RW000", f"'{display}' kan niet worden gelezen: {exc.strerror}",
                      Span(display, 1, 1, 1, 1))
            ]
            return None
        text, problems = decode(data, display)
        if text is None:
            self.program.diagnostics[display] = problems
            # Shown with replacement characters, so the caret points at the bad bytes.
            self.program.sources[display] = data.decode("utf-8", errors="replace")
            return None
        return self.load_source(text, display, file, chain)

    def load_source(self, text: str, display: str, file: Path | None, chain: tuple[str, ...]
                    ) -> ir.Module | None:
        try:
            return self._load_source(text, display, file, chain)
        except RecursionError:
            # Only absurdly deep nesting gets here; the stages are recursive over expressions.
            self.program.modules.pop(display, None)
            lines = split_lines(text) or [""]
            longest = max(range(len(lines)), key=lambda i: len(lines[i]))
            self.program.diagnostics[display] = [
                too_deep(Span(display, longest + 1, 1, longest + 1, len(lines[longest]) + 1))]
            return None

    def _load_source(self, text: str, display: str, file: Path | None, chain: tuple[str, ...]
                     ) -> ir.Module | None:
        self.program.sources[display] = text
        if self.cache is not None:
            built, problems = self.cache.parse_and_build(text, display)
        else:
            built, problems = _parse_and_build(text, display)
        if built is None:
            self.program.diagnostics[display] = problems
            return None
        module = built
        self.program.diagnostics[display] = list(problems)
        self.program.modules[display] = module
        used = self.load_uses(module, file, chain + (module.name,))
        self.program.used[display] = used
        if has_errors(problems):
            return module
        module, problems = expand_records(module, used)
        self.program.modules[display] = module
        self.program.diagnostics[display].extend(problems)
        if has_errors(problems):
            return module
        context = Context(module, used, self.strict, self.program.targets, self.program.types)
        if not self.run(SURFACE_PASSES, module, context):
            return module
        core = self.lower(module, context)
        if core is None:
            return module
        self.program.core[display] = core
        context.core = core_program(self.program, display)
        self.run(CORE_PASSES, module, context)
        return module

    def run(self, passes: tuple[Pass, ...], module: ir.Module, context: Context) -> bool:
        """Run `passes` in order; False when one in STOP_AFTER found an error."""
        for check in passes:
            try:
                found = check(module, context)
            except RecursionError:
                raise
            except Exception as exc:  # noqa: BLE001 - a compiler bug must not become a traceback
                found = [internal_error(check, exc, module)]
            self.program.diagnostics[module.path].extend(found)
            if has_errors(found) and check in STOP_AFTER:
                return False
        return True

    def lower(self, module: ir.Module, context: Context) -> c.Module | None:
        """The core IR of the module; None (and, if the checks found nothing, RW999) when the
        checked module breaks the contract the lowering relies on."""
        try:
            return lower_module(module, context)
        except RecursionError:
            raise
        except Exception as exc:  # noqa: BLE001 - a compiler bug must not become a traceback
            if not has_errors(self.program.diagnostics[module.path]):
                self.program.diagnostics[module.path].append(internal_error(lower_module, exc, module))
            return None

    def load_uses(self, module: ir.Module, file: Path | None, chain: tuple[str, ...]
                  ) -> dict[str, ir.Module]:
        used: dict[str, ir.Module] = {}
        diagnostics = self.program.diagnostics[module.path]
        for use in module.uses:
            for name in use.names:
                if name.text in chain:
                    cycle = " -> ".join(chain + (name.text,))
                    diagnostics.append(error("RW108", f"modules lezen elkaar in een kring in: "
                                             f"{cycle}", name.span,
                                             "haal de gedeelde definities naar een eigen module"))
                    continue
                found = find_module(name.text, file)
                if found is None:
                    diagnostics.append(error("RW106", f"module '{name.text}' is niet gevonden",
                                             name.span, f"verwacht {name.text}{SUFFIX} naast dit "
                                             f"bestand, in {STDLIB_DIR}/ of in {REGULATIONS_DIR}/"
                                             f"{name.text}/"))
                    continue
                loaded = self.load(found, chain)
                if loaded is None:
                    diagnostics.append(error("RW106", f"module '{name.text}' bevat fouten",
                                             name.span, f"controleer {_display(found)}"))
                    continue
                if loaded.name != name.text:
                    diagnostics.append(error("RW106", f"{_display(found)} heet '{loaded.name}', "
                                             f"niet '{name.text}'", name.span,
                                             "de naam in de kop moet gelijk zijn aan de "
                                             "bestandsnaam"))
                    continue
                used[name.text] = loaded
        return used


def find_module(name: str, file: Path | None) -> Path | None:
    """Where `gebruik name` looks: beside the file, then stdlib_rules/ and regulations/ above it,
    and last the stdlib_rules/ of this Regelwerk (so a regulation copied elsewhere, a served copy
    or a test's temporary folder, still finds `feestdagen`)."""
    start = (file.resolve().parent if file is not None else Path.cwd().resolve())
    # Beside the file, in a sibling regulation's folder, then up the tree.
    candidates = [start / f"{name}{SUFFIX}", start.parent / name / f"{name}{SUFFIX}"]
    for folder in (start, *start.parents):
        candidates.append(folder / STDLIB_DIR / f"{name}{SUFFIX}")
        candidates.append(folder / REGULATIONS_DIR / name / f"{name}{SUFFIX}")
    candidates.append(BUNDLED_STDLIB / f"{name}{SUFFIX}")
    return next((c for c in candidates if c.is_file()), None)
