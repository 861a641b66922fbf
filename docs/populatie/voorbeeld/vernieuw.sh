#!/usr/bin/env bash
# Vernieuwt de uitvoer die docs/populatie/simuleer.md toont: elke opdracht is hier echt uitgevoerd.
#
#     docs/populatie/voorbeeld/vernieuw.sh
set -u
HIER="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORTEL="$(cd "$HIER/../../.." && pwd)"
export PATH="$WORTEL/.venv/bin:$PATH" COLUMNS=100 LC_ALL=C.UTF-8
cd "$WORTEL"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

toon() {
    local bestand=$1 opdracht=$2
    { echo "\$ $opdracht"; eval "$opdracht" 2>&1; echo "(exitcode $?)"; } > "$HIER/$bestand"
}

toon simuleer.txt "regelwerk simuleer regulations/zorgtoeslag/zorgtoeslag.rw --populatie docs/populatie/voorbeeld/huishoudens.jsonl --peildatum 2026-01-01 --uitvoer $TMP/uitkomst.parquet"
sed -i "s#$TMP#/tmp#g" "$HIER/simuleer.txt"
toon vergelijk.txt "regelwerk simuleer regulations/zorgtoeslag/zorgtoeslag.rw --populatie docs/populatie/voorbeeld/huishoudens.jsonl --peildatum 2026-01-01 --vergelijk-peildatum 2025-01-01"
toon float.txt "regelwerk simuleer regulations/zorgtoeslag/zorgtoeslag.rw --populatie docs/populatie/voorbeeld/met-floats.parquet --peildatum 2026-01-01"
