#!/usr/bin/env bash
# Installs headless Chromium and pdftotext (poppler-utils) for the PDF test of the legal annex
# (tests/test_annex.py::test_pdf_has_every_article).
#
# Runs apt-get only in CI (CI=true) or when one of the tools is missing. A failure is a warning, not
# an error: without a browser the PDF test skips and says why, and everything else still runs.
set -u

have_browser() {
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
        || command -v google-chrome >/dev/null 2>&1
}
have_pdftotext() {
    command -v pdftotext >/dev/null 2>&1
}

if [ "${CI:-}" != "true" ] && have_browser && have_pdftotext; then
    echo "install-browser: chromium en pdftotext zijn al geïnstalleerd"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: waarschuwing: geen apt-get; installeer chromium en poppler-utils zelf," \
         "anders slaat de PDF-test over" >&2
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "install-browser: waarschuwing: geen root en geen sudo; de PDF-test slaat over" >&2
        exit 0
    fi
fi

export DEBIAN_FRONTEND=noninteractive
if $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium poppler-utils; then
    echo "install-browser: chromium en poppler-utils geïnstalleerd"
else
    echo "install-browser: waarschuwing: installeren van chromium en poppler-utils mislukte;" \
         "de PDF-test slaat over" >&2
fi
exit 0
