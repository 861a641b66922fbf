#!/usr/bin/env bash
# Vernieuwt de uitvoer die de pagina's over populaties tonen (docs/voorbeelden/populatie/uitvoer/*.txt).
#
# Elke opdracht op die pagina's is hier echt uitgevoerd; de pagina's nemen de uitvoer letterlijk over
# met pymdownx.snippets. De populaties zelf (Parquet, CSV) worden in een tijdelijke map geschreven en
# niet bewaard: met dezelfde seed en verdeling zijn ze byte voor byte gelijk, dus opnieuw te maken.
#
#     docs/voorbeelden/populatie/vernieuw.sh
#
# en bekijk het verschil met `git diff docs/voorbeelden/populatie/uitvoer`.
set -u

HIER="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORTEL="$(cd "$HIER/../../.." && pwd)"
UITVOER="$HIER/uitvoer"
WERK="$(mktemp -d)"
trap 'rm -rf "$WERK"' EXIT
export PATH="$WORTEL/.venv/bin:$PATH"
export COLUMNS=100 LC_ALL=C.UTF-8

command -v regelwerk >/dev/null || { echo "regelwerk niet gevonden; draai eerst 'make run'" >&2; exit 2; }
regelwerk simuleer --help >/dev/null 2>&1 || { echo "regelwerk simuleer bestaat (nog) niet" >&2; exit 2; }
mkdir -p "$UITVOER"

# toon BESTAND OPDRACHT: voer OPDRACHT uit in de wortel van de repository (met de populaties in
# $WERK, dat in de uitvoer als populaties/ verschijnt) en schrijf "$ OPDRACHT" en de uitvoer naar BESTAND.
toon() {
    local bestand=$1 opdracht=$2
    { echo "\$ ${opdracht//\$WERK/populaties}"; (cd "$WORTEL" && eval "$opdracht") 2>&1 \
        | sed "s#$WERK#populaties#g"; } > "$UITVOER/$bestand"
}

# ---------------------------------------------------------------- regelwerk populatie
toon populatie-zorgtoeslag.txt \
    'regelwerk populatie regulations/zorgtoeslag --aantal 10000 --seed 1 --verdeling docs/voorbeelden/populatie/zorgtoeslag-verdeling.toml --uit $WERK/zorgtoeslag.parquet'
toon populatie-standaard.txt \
    'regelwerk populatie regulations/zorgtoeslag --aantal 1000 --seed 1 --uit $WERK/standaard.jsonl && head -c 400 $WERK/standaard.jsonl'
toon populatie-label.txt \
    'python -c "import pyarrow.parquet as pq; m = pq.read_schema(\"$WERK/zorgtoeslag.parquet\").metadata; print({k.decode(): v.decode()[:60] for k, v in m.items() if k.startswith(b\"regelwerk.\")})"'
toon populatie-onhaalbaar.txt \
    'printf "[\"huishouden\"]\nlengte = { \"0\" = 1 }\n" > $WERK/leeg.toml; regelwerk populatie regulations/zorgtoeslag --aantal 100 --seed 1 --verdeling $WERK/leeg.toml --uit $WERK/leeg.parquet; echo "exitcode $?"'

# ---------------------------------------------------------------- zorgtoeslag 2026 tegen 2025
toon zorgtoeslag-2026-tegen-2025.txt \
    'regelwerk simuleer regulations/zorgtoeslag/zorgtoeslag.rw --populatie $WERK/zorgtoeslag.parquet --peildatum 2026-06-01 --vergelijk-peildatum 2025-06-01'

# ---------------------------------------------------------------- twee ontwerpen gezinszorg
P=docs/voorbeelden/populatie
toon ontwerpen-check.txt "regelwerk check --strict $P/ontwerp_a $P/ontwerp_b 2>&1 | tail -1; regelwerk test $P/ontwerp_a $P/ontwerp_b 2>/dev/null | tail -1"
toon ontwerpen-populatie.txt \
    'regelwerk populatie docs/voorbeelden/populatie/ontwerp_a/gezinszorgbijdrage.rw --aantal 5000 --seed 1 --verdeling docs/voorbeelden/populatie/gezinszorg-verdeling.toml --uit $WERK/gezinszorg.csv && head -4 $WERK/gezinszorg.csv'
toon ontwerpen-vergelijking.txt \
    'regelwerk simuleer docs/voorbeelden/populatie/ontwerp_b/gezinszorgbijdrage.rw --populatie $WERK/gezinszorg.csv --peildatum 2027-03-01 --vergelijk docs/voorbeelden/populatie/ontwerp_a/gezinszorgbijdrage.rw'
