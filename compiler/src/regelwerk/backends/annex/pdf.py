"""A PDF of the annex, printed from its HTML by headless Chromium.

The page size, margins and page numbers come from the CSS (@page); Chromium's own header and footer
(date, file path) are switched off. A PDF carries creation dates, so it is not byte-deterministic and
is never committed: it is written only on request (`regelwerk annex --pdf`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TIMEOUT_SECONDS = 120


class BrowserNotFound(Exception):
    """No headless Chromium on this machine."""


class PdfError(Exception):
    """Chromium ran but did not produce the PDF."""


def find_browser() -> str | None:
    """The Chromium to print with: $REGELWERK_CHROMIUM, else the first on the PATH."""
    chosen = os.environ.get("REGELWERK_CHROMIUM")
    if chosen:
        return chosen if (Path(chosen).is_file() or shutil.which(chosen)) else None
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def write_pdf(html_path: Path, pdf_path: Path, browser: str | None = None) -> Path:
    browser = browser or find_browser()
    if browser is None:
        raise BrowserNotFound(
            "geen Chromium gevonden om een PDF te maken; installeer het (bijv. 'apt-get install "
            "chromium') of wijs het aan met REGELWERK_CHROMIUM")
    pdf_path = pdf_path.resolve()
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    if pdf_path.exists():
        pdf_path.unlink()
    with tempfile.TemporaryDirectory(prefix="regelwerk-chromium-") as profile:
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-pdf-header-footer", f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True,
                                    timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"Chromium kon de PDF niet maken: {exc}") from None
    if not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise PdfError("Chromium maakte geen PDF" + (f": {detail[-1]}" if detail else ""))
    return pdf_path
