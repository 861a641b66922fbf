"""The legal annex: a regulation as a bijlage bij een besluit, in Markdown and print-ready HTML.

    from regelwerk.backends.annex import write_annexes
    paths = write_annexes(load(["regulations"]).checked, Path("generated"))

Output is deterministic to the byte: no dates of generation, no absolute paths, `\\n` line ends.
A PDF (not deterministic, so never committed) is rendered from the HTML by headless Chromium.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from regelwerk.backends.annex.document import Annex, build_annex
from regelwerk.backends.annex.pdf import BrowserNotFound, PdfError, find_browser, write_pdf
from regelwerk.backends.annex.render import render_template
from regelwerk.pipeline import CheckedModule

__all__ = [
    "Annex", "BrowserNotFound", "PdfError", "build_annex", "find_browser", "render_html",
    "render_markdown", "write_annexes", "write_pdf",
]


def render_markdown(annex: Annex) -> str:
    return render_template("annex.md.j2", annex=annex)


def render_html(annex: Annex) -> str:
    return render_template("annex.html.j2", annex=annex)


def write_annexes(checked_modules: Iterable[CheckedModule], out_dir: Path,
                  pdf: bool = False) -> list[Path]:
    """Write <regeling>.md and <regeling>.html (and with `pdf`, <regeling>.pdf) for each module.

    Returns the paths written, in the order of the modules. Files are only rewritten when their
    content changes, so a build does not touch what did not change.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for checked in checked_modules:
        annex = build_annex(checked)
        for suffix, text in ((".md", render_markdown(annex)), (".html", render_html(annex))):
            path = out_dir / f"{annex.name}{suffix}"
            data = text.encode("utf-8")
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
            written.append(path)
        if pdf:
            html_path = out_dir / f"{annex.name}.html"
            pdf_path = out_dir / f"{annex.name}.pdf"
            write_pdf(html_path, pdf_path)
            written.append(pdf_path)
    return written
