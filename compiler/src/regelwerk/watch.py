"""`--bewaak`: run a check or the tests again whenever a rule file changes.

What is watched is what the last run read: the paths given and the folders of every module they
`gebruik`, so editing a module of stdlib_rules/ also runs the check again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import click
import watchfiles

from regelwerk.pipeline import SUFFIX, LoadResult


def _rule_file(change: watchfiles.Change, path: str) -> bool:
    return path.endswith(SUFFIX)


def watched(paths: Iterable[str], result: LoadResult | None) -> list[Path]:
    """The folders to watch: those of the paths given and of every module the run read."""
    folders: set[Path] = set()
    for raw in paths:
        path = Path(raw).resolve()
        folders.add(path if path.is_dir() else path.parent)
    if result is not None and result.program is not None:
        folders.update(Path(m).resolve().parent for m in result.program.modules)
    existing = sorted(f for f in folders if f.is_dir())
    # A folder inside another is watched through it.
    return [f for f in existing if not any(f != o and o in f.parents for o in existing)]


def watch(paths: Iterable[str], run: Callable[[], LoadResult | None]) -> None:
    """Run, then run again after every change to a .rw file, until Ctrl-C."""
    given = list(paths)
    result = run()
    try:
        while True:
            folders = watched(given, result)
            announced = False
            # An empty batch comes after a quiet interval: the watcher is running by then, so a
            # change made after the announcement is never missed.
            for changes in watchfiles.watch(*folders, watch_filter=_rule_file, debounce=200,
                                            raise_interrupt=True, yield_on_timeout=True,
                                            rust_timeout=300):
                if not changes:
                    if not announced:
                        click.echo(f"== bewaakt {len(folders)} map"
                                   f"{'pen' if len(folders) != 1 else ''}; wacht op wijzigingen "
                                   "(Ctrl-C stopt)", err=True)
                        announced = True
                    continue
                names = sorted({Path(p).name for _, p in changes})
                click.echo(f"\n== gewijzigd: {', '.join(names)}", err=True)
                break
            result = run()
    except KeyboardInterrupt:
        click.echo("== gestopt", err=True)
