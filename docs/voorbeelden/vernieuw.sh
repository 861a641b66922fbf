#!/usr/bin/env bash
# Vernieuwt de uitvoer die de documentatie toont (docs/voorbeelden/uitvoer/*.txt).
#
# Elke opdracht in de handleiding en de taalreferentie is hier echt uitgevoerd; de pagina's nemen de
# uitvoer letterlijk over met pymdownx.snippets. Verandert een melding van de compiler, draai dan:
#
#     docs/voorbeelden/vernieuw.sh
#
# en bekijk het verschil met `git diff docs/voorbeelden/uitvoer`.
#
# De bestanden in huurtoelage/ en taal/ zijn correct (regelwerk check --strict slaagt, de tests ook);
# die in fout/ bevatten met opzet een fout.
set -u

HIER="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORTEL="$(cd "$HIER/../.." && pwd)"
UITVOER="$HIER/uitvoer"
export PATH="$WORTEL/.venv/bin:$PATH"
# Vaste kolombreedte en taal, zodat de uitvoer niet van de terminal afhangt.
export COLUMNS=100 LC_ALL=C.UTF-8

command -v regelwerk >/dev/null || { echo "regelwerk niet gevonden; draai eerst 'make run'" >&2; exit 2; }
mkdir -p "$UITVOER"

# toon BESTAND MAP OPDRACHT: voer OPDRACHT uit in MAP en schrijf "$ OPDRACHT" en de uitvoer naar BESTAND.
toon() {
    local bestand=$1 map=$2 opdracht=$3
    { echo "\$ $opdracht"; (cd "$map" && eval "$opdracht") 2>&1; } > "$UITVOER/$bestand"
}

# variant BESTAND SED OPDRACHT: als toon, maar op een kopie van huurtoelage.rw waarin SED één ding wijzigt.
variant() {
    local bestand=$1 wijziging=$2 opdracht=$3 tmp
    tmp="$(mktemp -d)"
    cp "$HIER/huurtoelage/huurtoelage.rw" "$HIER/huurtoelage/invoer.json" "$tmp/"
    sed -i "$wijziging" "$tmp/huurtoelage.rw"
    if cmp -s "$tmp/huurtoelage.rw" "$HIER/huurtoelage/huurtoelage.rw"; then
        echo "variant $bestand: de wijziging '$wijziging' veranderde niets" >&2
        rm -rf "$tmp"
        exit 1
    fi
    toon "$bestand" "$tmp" "$opdracht"
    rm -rf "$tmp"
}

# ---------------------------------------------------------------- aan de slag (huurtoelage)
H="$HIER/huurtoelage"
toon huurtoelage-check.txt "$H" "regelwerk check huurtoelage.rw"
toon huurtoelage-check-strict.txt "$H" "regelwerk check --strict huurtoelage.rw"
toon huurtoelage-test.txt "$H" "regelwerk test huurtoelage.rw"
toon huurtoelage-run.txt "$H" "regelwerk run huurtoelage.rw --peildatum 2026-03-01 --invoer invoer.json"
toon huurtoelage-run-uitleg.txt "$H" \
    "regelwerk run huurtoelage.rw --peildatum 2026-03-01 --invoer invoer.json --uitleg --format tekst"
toon huurtoelage-run-2025.txt "$H" "regelwerk run huurtoelage.rw --peildatum 2025-06-01 --invoer invoer.json"
toon huurtoelage-run-json-uitleg.txt "$H" \
    "regelwerk run huurtoelage.rw --peildatum 2025-06-01 --invoer invoer.json --uitleg"
variant huurtoelage-tikfout.txt \
    's/personen_ten_laste × verhoging_per_persoon_ten_laste/personen_ten_laste × verhoging_per_persoon_tenlaste/' \
    "regelwerk check huurtoelage.rw"
variant huurtoelage-eenheid.txt \
    's/^invoer inkomen: bedrag per maand /invoer inkomen: bedrag per jaar   /' \
    "regelwerk check huurtoelage.rw"
variant huurtoelage-zonder-verwijzing.txt \
    's/^invoer personen_ten_laste: aantal  *\[art. 4\]$/invoer personen_ten_laste: aantal/' \
    "regelwerk check huurtoelage.rw; regelwerk check --strict huurtoelage.rw"
variant huurtoelage-test-mislukt.txt \
    's/verwacht huurtoelage = € 120,00/verwacht huurtoelage = € 125,00/' \
    "regelwerk test huurtoelage.rw"

# ---------------------------------------------------------------- taalreferentie
T="$HIER/taal"
toon taal-check.txt "$T" "regelwerk check --strict ."
toon taal-test.txt "$T" "regelwerk test ."
toon afronding-run.txt "$T" \
    "echo '{\"bedrag\": \"12.50\", \"factor\": \"2.675\"}' | regelwerk run afronding.rw --peildatum 2026-03-01 --invoer -"
toon gegevens-run.txt "$T" "regelwerk run gegevens.rw --peildatum 2026-03-01 --invoer kinderen.json"

F="$HIER/fout"
for naam in optellen omrekenen minteken decimaalpunt; do
    toon "fout-$naam.txt" "$F" "regelwerk check $naam.rw"
done
toon fout-dubbele_rij.txt "$F" "regelwerk check dubbele_rij.rw"
toon fout-twee_uitzonderingen.txt "$F" "regelwerk check twee_uitzonderingen.rw"

# ---------------------------------------------------------------- opdrachtregel
toon cli-check-json.txt "$F" "regelwerk check --format json optellen.rw"
toon cli-run-float.txt "$H" \
    "echo '{\"maandhuur\": 600.5, \"inkomen\": \"1800\", \"personen_ten_laste\": 2}' | regelwerk run huurtoelage.rw --peildatum 2026-03-01 --invoer -"
toon cli-run-ontbreekt.txt "$H" \
    "echo '{\"maandhuur\": \"600\", \"inkomen\": \"1800\"}' | regelwerk run huurtoelage.rw --peildatum 2026-03-01 --invoer -"
toon cli-run-peildatum.txt "$H" \
    "regelwerk run huurtoelage.rw --peildatum 2024-12-31 --invoer invoer.json"

# ---------------------------------------------------------------- de regeling gezinszorg
toon gezinszorg-test.txt "$WORTEL" "regelwerk test regulations/gebruikersbijdrage_gezinszorg"

echo "uitvoer vernieuwd in ${UITVOER#"$WORTEL"/}"
