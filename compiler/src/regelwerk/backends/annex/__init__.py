"""The legal annex: a regulation as a bijlage bij een besluit, in Markdown and print-ready HTML.

    from regelwerk.backends.annex import write_annexes
    paths = write_annexes(load(["regulations"]).checked, Path("generated"))

Output is deterministic to the byte: no dates of generation, no absolute paths, `\\n` line ends.
A PDF (not deterministic, so never committed) is rendered from the HTML by headless Chromium.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from regelwerk.backends.annex.document import build_annex
from regelwerk.backends.annex.model import Annex
from regelwerk.backends.annex.pdf import BrowserNotFound, PdfError, find_browser, write_pdf
from regelwerk.backends.annex.render import render_template
from regelwerk.backends.annex.sections import also_sentence
from regelwerk.pipeline import CheckedModule
from regelwerk.worked import CoverageSummary, WorkedExample

__all__ = [
    "Annex", "BrowserNotFound", "PdfError", "annex_files", "build_annex", "find_browser",
    "render_html",
    "render_markdown", "write_annexes", "write_pdf",
]


def render_markdown(annex: Annex) -> str:
    return render_template("annex.md.j2", annex=annex, also=also_sentence)


def render_html(annex: Annex) -> str:
    return render_template("annex.html.j2", annex=annex, also=also_sentence,
                           running_head=running_head)


def running_head(annex: Annex) -> str:
    """The header of every PDF page: title, version and validity."""
    parts = [annex.title, f"versie {annex.version}" if annex.version else "zonder versie"]
    if annex.validity:
        parts.append(f"geldig {annex.validity}")
    return " — ".join(parts[:1]) + " — " + ", ".join(parts[1:])


Extras = Callable[[CheckedModule], tuple[tuple[WorkedExample, ...], CoverageSummary | None]]


def annex_files(checked: CheckedModule, worked: tuple[WorkedExample, ...] = (),
                coverage: CoverageSummary | None = None) -> dict[str, str]:
    """<regeling>.md and <regeling>.html as file name -> text; `regelwerk build` writes these."""
    annex = build_annex(checked, worked, coverage)
    return {f"{annex.name}.md": render_markdown(annex), f"{annex.name}.html": render_html(annex)}


def write_annexes(checked_modules: Iterable[CheckedModule], out_dir: Path,
                  pdf: bool = False, extras: Extras | None = None) -> list[Path]:
    """Write <regeling>.md and <regeling>.html (and with `pdf`, <regeling>.pdf) for each module.

    Returns the paths written, in the order of the modules. Files are only rewritten when their
    content changes, so a build does not touch what did not change.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for checked in checked_modules:
        files = annex_files(checked, *(extras(checked) if extras is not None else ((), None)))
        for name, text in files.items():
            path = out_dir / name
            data = text.encode("utf-8")
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
            written.append(path)
        if pdf:
            name = checked.module.name
            html_path = out_dir / f"{name}.html"
            pdf_path = out_dir / f"{name}.pdf"
            write_pdf(html_path, pdf_path)
            written.append(pdf_path)
    return written
