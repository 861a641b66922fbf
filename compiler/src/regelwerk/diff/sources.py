"""The two sides of a diff: a rule file on disk, or `FILE@GITREV` read from git with `git show`.

A file from a git revision is checked together with the modules it uses as they were in that
revision: the .rw files beside it, in stdlib_rules/ and in regulations/ are read from the same
revision into a temporary copy of the repository layout.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

import attrs

from regelwerk.diagnostics import render
from regelwerk.pipeline import REGULATIONS_DIR, STDLIB_DIR, SUFFIX, CheckedModule, load


class SourceError(Exception):
    """A side that cannot be read or does not check: the message says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@attrs.frozen
class Side:
    spec: str  # as given: `regels.rw` or `regels.rw@HEAD~1`
    path: str
    revision: str | None
    checked: CheckedModule
    commit: str | None = None  # the full hash `revision` resolved to

    @property
    def label(self) -> str:
        return f"{self.path} ({self.revision})" if self.revision else self.path


def split_spec(spec: str) -> tuple[str, str | None]:
    """`a.rw@HEAD~1` -> ('a.rw', 'HEAD~1'); a path that exists as given is never split."""
    if "@" not in spec or Path(spec).exists():
        return spec, None
    path, _, revision = spec.rpartition("@")
    if not path or not revision:
        raise SourceError(f"'{spec}': schrijf BESTAND of BESTAND@REVISIE, bijv. "
                          f"regels.rw@HEAD~1")
    return path, revision


def load_side(spec: str) -> Side:
    path, revision = split_spec(spec)
    if revision is None:
        if not Path(path).is_file():
            raise SourceError(f"'{path}' bestaat niet of is geen bestand")
        return Side(spec, path, None, _check(Path(path), spec))
    return _load_revision(spec, path, revision)


def _check(file: Path, spec: str, replace: tuple[tuple[str, str], ...] = ()) -> CheckedModule:
    result = load([file])
    errors = [d for d in result.diagnostics if d.is_error]
    if errors or not result.checked:
        shown = "\n\n".join(render(d, result.sources) for d in errors)
        for old, new in replace:
            shown = shown.replace(old, new)
        raise SourceError(f"'{spec}' bevat fouten; los die eerst op:\n\n{shown}")
    return result.checked[0]


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise SourceError(f"git kan niet worden gestart: {exc.strerror}") from None


def _git_error(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1] if lines else f"git stopte met code {result.returncode}"


def _load_revision(spec: str, path: str, revision: str) -> Side:
    start = Path.cwd()
    top = _git(["rev-parse", "--show-toplevel"], start)
    if top.returncode != 0:
        raise SourceError(f"'{spec}': de map {start} hoort niet bij een git-repository "
                          f"({_git_error(top)})")
    root = Path(top.stdout.decode("utf-8").strip())
    absolute = Path(os.path.abspath(path))
    try:
        relative = PurePosixPath(absolute.relative_to(root.resolve()).as_posix())
    except ValueError:
        try:
            relative = PurePosixPath(absolute.relative_to(root).as_posix())
        except ValueError:
            raise SourceError(f"'{path}' ligt niet in de git-repository {root}") from None
    verified = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
    if verified.returncode != 0:
        raise SourceError(f"'{revision}' is geen bekende git-revisie")
    shown = _git(["show", f"{revision}:{relative}"], root)
    if shown.returncode != 0:
        raise SourceError(f"'{relative}' bestaat niet in revisie {revision} ({_git_error(shown)})")
    folders = sorted({str(relative.parent), STDLIB_DIR, REGULATIONS_DIR} - {"."})
    listed = _git(["ls-tree", "-r", "--name-only", revision, "--", *folders], root)
    names = [n for n in listed.stdout.decode("utf-8").splitlines() if n.endswith(SUFFIX)] \
        if listed.returncode == 0 else []
    with tempfile.TemporaryDirectory(prefix="regelwerk-diff-") as temporary:
        base = Path(temporary)
        for name in names:
            if name == str(relative):
                continue
            content = _git(["show", f"{revision}:{name}"], root)
            if content.returncode == 0:
                target = base / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content.stdout)
        target = base / str(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(shown.stdout)
        prefixes = ((str(base.resolve()) + os.sep, f"{revision}:"), (str(base) + os.sep, f"{revision}:"))
        checked = _check(target, spec, prefixes)
    commit = verified.stdout.decode("utf-8").strip() or None
    return Side(spec, str(relative), revision, checked, commit)
