"""Inkomenstarief kinderopvang baby's en peuters: de berekening van de regeling inkomenstarief_kinderopvang
(versie 2024.1).

Gegenereerd door regelwerk 0.1.0 uit inkomenstarief_kinderopvang.rw; niet met de hand wijzigen, maar de
regels aanpassen en `regelwerk build` uitvoeren. Gebruik: bereken(invoer, peildatum), bereken_deel(invoer,
peildatum, uitvoer), bereken_gedeeltelijk(invoer, peildatum) of bereken_json(verzoek); zie
docs/ontwikkelaars/inbedden.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal, TypeAlias, TypedDict

if TYPE_CHECKING or not __package__:  # beside this module, or in the same package
    import regelwerk_runtime as rt
else:
    from . import regelwerk_runtime as rt


__all__ = [
    'bereken',
    'bereken_deel',
    'bereken_gedeeltelijk',
    'bereken_json',
    'Invoer',
    'Uitvoer',
    'Ocmw_beslissing',
    'INVOER_SCHEMA',
    'UITVOER_SCHEMA',
    'REGELING',
    'TITEL',
    'VERSIE',
    'GELDIG_VANAF',
    'GELDIG_TOT',
    'BRON',
    'COMPILER_VERSIE',
    'InvoerFout',
    'RekenFout',
    'OnbekendeWaarde',
]

InvoerFout = rt.InvoerFout
RekenFout = rt.RekenFout
OnbekendeWaarde = rt.OnbekendeWaarde

REGELING: Final = 'inkomenstarief_kinderopvang'
TITEL: Final[str | None] = "Inkomenstarief kinderopvang baby's en peuters"
VERSIE: Final[str | None] = '2024.1'
GELDIG_VANAF: Final[datetime.date | None] = datetime.date(2015, 5, 1)
GELDIG_TOT: Final[datetime.date | None] = None  # tot: exclusief
BRON: Final[str | None] = (
    'Subsidiebesluit van 22 november 2013 en ministerieel besluit van 23 april 2014 (Bepaling inkomenstarief), '
    'gewijzigd bij BVR van 24 april 2015'
)
COMPILER_VERSIE: Final = '0.1.0'


Ocmw_beslissing: TypeAlias = Literal['geen_ocmw_tarief', 'helft', 'standaard_minimum', 'laagst_mogelijk']


class Invoer(TypedDict):
    """De invoer van inkomenstarief_kinderopvang, zoals een dienst die aanlevert (bedragen als tekst, bijv.
    "1450.50").
    """
    heeft_belgisch_aanslagbiljet: rt.JaNeeInvoer
    gezamenlijk_belastbaar_beroepsinkomen: rt.GetalInvoer
    bruto_maandinkomen: rt.GetalInvoer
    inkomen_bekendgemaakt: rt.JaNeeInvoer
    tarief_volgens_inkomen: rt.GetalInvoer
    kinderen_ten_laste: rt.GetalInvoer
    meerling_ten_laste: rt.JaNeeInvoer
    inkomensdaling_50_procent: rt.JaNeeInvoer
    ocmw_tarief: Ocmw_beslissing
    uren_aanwezig: rt.GetalInvoer
    schoolgaand: rt.JaNeeInvoer


class Uitvoer(TypedDict):
    """De uitvoer van inkomenstarief_kinderopvang: exacte waarden."""
    gezinsinkomen: Decimal
    berekend_tarief: Decimal
    dagtarief: Decimal
    aandeel_dagtarief: Decimal
    prijs_voor_de_dag: Decimal


class _Gelezen(TypedDict):
    """De invoer na controle: exacte waarden."""
    heeft_belgisch_aanslagbiljet: bool
    gezamenlijk_belastbaar_beroepsinkomen: Decimal
    bruto_maandinkomen: Decimal
    inkomen_bekendgemaakt: bool
    tarief_volgens_inkomen: Decimal
    kinderen_ten_laste: Decimal
    meerling_ten_laste: bool
    inkomensdaling_50_procent: bool
    ocmw_tarief: str
    uren_aanwezig: Decimal
    schoolgaand: bool


_Rekening: TypeAlias = rt.Rekening[_Gelezen]

_2015_05_01: Final = datetime.date(2015, 5, 1)
_2025_01_01: Final = datetime.date(2025, 1, 1)
_EUR_6_24: Final = Decimal('6.24')
_2024_01_01: Final = datetime.date(2024, 1, 1)
_EUR_6_00: Final = Decimal('6.00')
_2023_01_01: Final = datetime.date(2023, 1, 1)
_EUR_5_37: Final = Decimal('5.37')
_2022_01_01: Final = datetime.date(2022, 1, 1)
_2019_01_01: Final = datetime.date(2019, 1, 1)
_EUR_5_15: Final = Decimal('5.15')
_2018_01_01: Final = datetime.date(2018, 1, 1)
_EUR_5_07: Final = Decimal('5.07')
_2017_01_01: Final = datetime.date(2017, 1, 1)
_EUR_5_02: Final = Decimal('5.02')
_2016_01_01: Final = datetime.date(2016, 1, 1)
_EUR_5_00: Final = Decimal('5.00')
_EUR_34_64: Final = Decimal('34.64')
_EUR_33_31: Final = Decimal('33.31')
_EUR_28_59: Final = Decimal('28.59')
_EUR_28_13: Final = Decimal('28.13')
_EUR_1_97: Final = Decimal('1.97')
_EUR_1_69: Final = Decimal('1.69')
_EUR_1_62: Final = Decimal('1.62')
_EUR_1_59: Final = Decimal('1.59')
_EUR_1_57: Final = Decimal('1.57')
_EUR_1_56: Final = Decimal('1.56')
_EUR_3_91: Final = Decimal('3.91')
_EUR_3_18: Final = Decimal('3.18')
_EUR_3_15: Final = Decimal('3.15')
_PROCENT_25: Final = Decimal('0.25')
_PROCENT_50: Final = Decimal('0.50')
_AANTAL_3: Final = Decimal('3')
_AANTAL_5: Final = Decimal('5')
_AANTAL_11: Final = Decimal('11')
_PROCENT_40: Final = Decimal('0.40')
_PROCENT_60: Final = Decimal('0.60')
_PROCENT_100: Final = Decimal('1.00')
_PROCENT_160: Final = Decimal('1.60')
_AANTAL_1: Final = Decimal('1')
_AANTAL_0: Final = Decimal('0')
_AANTAL_24: Final = Decimal('24')
_GETAL: Final = rt.Soort('getal', 'getal')
_JA_NEE: Final = rt.Soort('ja/nee', 'ja/nee')
_BEDRAG: Final = rt.Soort('bedrag', 'bedrag')
_BEDRAG_PER_DAG: Final = rt.Soort('bedrag per dag', 'bedrag', 'dag')
_AANTAL: Final = rt.Soort('aantal', 'getal', geheel=True)
_KEUZE_OCMW_BESLISSING: Final = rt.Soort(
    'keuze ocmw_beslissing',
    'keuze',
    waarden=('geen_ocmw_tarief', 'helft', 'standaard_minimum', 'laagst_mogelijk'),
)
_PERCENTAGE: Final = rt.Soort('percentage', 'procent')
_AANDEEL_VOLGENS_VERBLIJFSDUUR: Final = rt.Tabel(
    'aandeel_volgens_verblijfsduur',
    (('uren', _GETAL), ('schoolgaand', _JA_NEE)),
    _PERCENTAGE,
)
_INVOER: Final = rt.Invoervelden(
    (
        ('heeft_belgisch_aanslagbiljet', _JA_NEE),
        ('gezamenlijk_belastbaar_beroepsinkomen', _BEDRAG),
        ('bruto_maandinkomen', _BEDRAG),
        ('inkomen_bekendgemaakt', _JA_NEE),
        ('tarief_volgens_inkomen', _BEDRAG_PER_DAG),
        ('kinderen_ten_laste', _AANTAL),
        ('meerling_ten_laste', _JA_NEE),
        ('inkomensdaling_50_procent', _JA_NEE),
        ('ocmw_tarief', _KEUZE_OCMW_BESLISSING),
        ('uren_aanwezig', _GETAL),
        ('schoolgaand', _JA_NEE),
    ),
)
_UITVOER: Final[dict[str, rt.Soort]] = {
    'gezinsinkomen': _BEDRAG,
    'berekend_tarief': _BEDRAG_PER_DAG,
    'dagtarief': _BEDRAG_PER_DAG,
    'aandeel_dagtarief': _PERCENTAGE,
    'prijs_voor_de_dag': _BEDRAG_PER_DAG,
}

INVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Invoer van inkomenstarief_kinderopvang',
    'type': 'object',
    'properties': {
        'heeft_belgisch_aanslagbiljet': {'title': 'ja/nee', 'type': 'boolean'},
        'gezamenlijk_belastbaar_beroepsinkomen': {
            'title': 'bedrag',
            'description': (
                'Het gezamenlijk belastbaar beroepsinkomen van de ouder(s) en de inwonende persoon, per jaar, '
                'volgens het laatste gekende aanslagbiljet.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'bruto_maandinkomen': {
            'title': 'bedrag',
            'description': (
                'Zonder Belgisch aanslagbiljet: het bruto loon van de maand vóór de aanvraag van het attest (0 '
                'als een formeel document aantoont dat er geen inkomen is).'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'inkomen_bekendgemaakt': {
            'title': 'ja/nee',
            'description': 'De ouders gaven hun inkomen op; zo niet, dan geldt het maximumtarief.',
            'type': 'boolean',
        },
        'tarief_volgens_inkomen': {
            'title': 'bedrag per dag',
            'description': (
                'Het dagtarief (100 %) dat de formule van het ministerieel besluit geeft voor het gezinsinkomen, '
                'vóór de kindkorting. De formule na 2014 staat in geen geraadpleegde bron: de dienst neemt het '
                'bedrag van Kind en Gezin.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'kinderen_ten_laste': {
            'title': 'aantal',
            'description': 'Het aantal kinderen ten laste, dit kind inbegrepen (sinds mei 2015 tot 12 jaar).',
            'type': 'integer',
        },
        'meerling_ten_laste': {
            'title': 'ja/nee',
            'description': 'Het gezin heeft één of meer meerlingen ten laste.',
            'type': 'boolean',
        },
        'inkomensdaling_50_procent': {
            'title': 'ja/nee',
            'description': (
                'Een van de ouders zal gedurende 12 maanden ten minste 50 procent minder verdienen, terwijl het '
                'inkomen van de andere ouder niet stijgt.'
            ),
            'type': 'boolean',
        },
        'ocmw_tarief': {
            'title': 'keuze ocmw_beslissing',
            'type': 'string',
            'enum': ['geen_ocmw_tarief', 'helft', 'standaard_minimum', 'laagst_mogelijk'],
        },
        'uren_aanwezig': {
            'title': 'getal',
            'description': (
                'De uren aanwezigheid op de kalenderdag; aanwezigheden op verschillende tijdstippen van dezelfde '
                'dag worden samengeteld.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'schoolgaand': {
            'title': 'ja/nee',
            'description': (
                'Het kind gaat naar school (alleen dan bestaat het tarief van 40 % voor minder dan 3 uur).'
            ),
            'type': 'boolean',
        },
    },
    'required': [
        'heeft_belgisch_aanslagbiljet',
        'gezamenlijk_belastbaar_beroepsinkomen',
        'bruto_maandinkomen',
        'inkomen_bekendgemaakt',
        'tarief_volgens_inkomen',
        'kinderen_ten_laste',
        'meerling_ten_laste',
        'inkomensdaling_50_procent',
        'ocmw_tarief',
        'uren_aanwezig',
        'schoolgaand',
    ],
    'additionalProperties': False,
}

UITVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Uitvoer van inkomenstarief_kinderopvang',
    'type': 'object',
    'properties': {
        'gezinsinkomen': {
            'title': 'bedrag',
            'description': (
                'Het gezamenlijk belastbaar beroepsinkomen van het laatste aanslagbiljet; zonder Belgisch '
                'aanslagbiljet het bruto maandinkomen omgezet in een jaarinkomen.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'berekend_tarief': {
            'title': 'bedrag per dag',
            'description': 'Het tarief ligt tussen het standaard minimumtarief en het maximumtarief.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'dagtarief': {
            'title': 'bedrag per dag',
            'description': 'Het tarief voor een volle dag (100 %), na een eventueel OCMW-tarief.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'aandeel_dagtarief': {'title': 'percentage', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?%$'},
        'prijs_voor_de_dag': {
            'title': 'bedrag per dag',
            'description': (
                'Wat de ouder voor deze kalenderdag betaalt (niet afgerond: de afrondingsregel is niet gevonden).'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
    },
    'required': ['gezinsinkomen', 'berekend_tarief', 'dagtarief', 'aandeel_dagtarief', 'prijs_voor_de_dag'],
    'additionalProperties': False,
}


def bereken(invoer: Mapping[str, object], peildatum: datetime.date | str) -> rt.Resultaat[Uitvoer]:
    """Bereken de uitvoer van inkomenstarief_kinderopvang voor één invoer op de peildatum.

    InvoerFout als de invoer of de peildatum niet klopt (de melding noemt het veld), RekenFout als de regels
    voor deze invoer geen uitkomst bepalen.
    """
    dag = rt.lees_peildatum(peildatum, GELDIG_VANAF, GELDIG_TOT)
    with rt.exact():
        r: _Rekening = rt.Rekening(dag, _INVOER.lees(invoer))
        _eisen(r)
        return r.resultaat(_uitvoer(r), _UITVOER, _uitvoer)


def bereken_deel(
    invoer: Mapping[str, object], peildatum: datetime.date | str, uitvoer: Sequence[str]
) -> rt.Resultaat[dict[str, object]]:
    """Bereken alleen de genoemde uitvoer (in de volgorde van de regeling). Wat daar niet voor nodig is, wordt
    niet berekend: een onbekende waarde die alleen een andere uitvoer nodig heeft, stopt deze berekening
    niet.

    InvoerFout ook als een naam geen uitvoer is (het veld heet dan 'uitvoer').
    """
    regels = rt.deel_van(uitvoer, _uitvoer_regels())
    dag = rt.lees_peildatum(peildatum, GELDIG_VANAF, GELDIG_TOT)
    with rt.exact():
        r: _Rekening = rt.Rekening(dag, _INVOER.lees(invoer))
        _eisen(r)
        return r.resultaat(regels(r), _UITVOER, regels)


def bereken_gedeeltelijk(
    invoer: Mapping[str, object], peildatum: datetime.date | str, uitvoer: Sequence[str] | None = None
) -> rt.GedeeltelijkResultaat:
    """Bereken elke uitvoer (of de genoemde) die berekend kan worden. Een uitvoer die een onbekende waarde nodig
    heeft (onbekend in de regels), ontbreekt in resultaat.uitvoer; resultaat.onbekend geeft per zo'n uitvoer
    de reden.

    InvoerFout en RekenFout zoals bij bereken.
    """
    regels = rt.Gedeeltelijk(_uitvoer_regels(), uitvoer)
    dag = rt.lees_peildatum(peildatum, GELDIG_VANAF, GELDIG_TOT)
    with rt.exact():
        r: _Rekening = rt.Rekening(dag, _INVOER.lees(invoer))
        _eisen(r)
        return rt.gedeeltelijk_resultaat(r, regels, _UITVOER)


def bereken_json(verzoek: str) -> str:
    """Reken met JSON: {"peildatum": "2026-03-01", "invoer": {...}, "uitleg": false, "uitvoer": [...]} ->
    {"uitvoer": {...}, "voorlopig": [...], "uitleg": [...]}; bedragen als tekst; zonder "uitvoer" alle
    uitvoer; met "gedeeltelijk": true alles wat berekend kan worden, en onder "onbekend" de reden van de
    rest.
    """
    return rt.bereken_json(verzoek, bereken, bereken_deel, bereken_gedeeltelijk)


def _uitvoer(r: _Rekening) -> Uitvoer:
    """Elke uitvoer, in de volgorde van de regeling; ook om ze opnieuw te berekenen voor de uitleg."""
    return {
        'gezinsinkomen': gezinsinkomen(r),
        'berekend_tarief': berekend_tarief(r),
        'dagtarief': dagtarief(r),
        'aandeel_dagtarief': aandeel_dagtarief(r),
        'prijs_voor_de_dag': prijs_voor_de_dag(r),
    }


def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:
    """De functie van elke uitvoer, voor bereken_deel."""
    return {
        'gezinsinkomen': gezinsinkomen,
        'berekend_tarief': berekend_tarief,
        'dagtarief': dagtarief,
        'aandeel_dagtarief': aandeel_dagtarief,
        'prijs_voor_de_dag': prijs_voor_de_dag,
    }


@rt.invoer('heeft_belgisch_aanslagbiljet', _JA_NEE, 'Kind en Gezin, FAQ een attest herberekenen', None)
def heeft_belgisch_aanslagbiljet(r: _Rekening) -> bool:
    """Invoer heeft_belgisch_aanslagbiljet: ja/nee [Kind en Gezin, FAQ een attest herberekenen]."""
    return r.invoer['heeft_belgisch_aanslagbiljet']


@rt.invoer(
    'gezamenlijk_belastbaar_beroepsinkomen',
    _BEDRAG,
    'gemeente Koksijde, kostprijs',
    (
        'Het gezamenlijk belastbaar beroepsinkomen van de ouder(s) en de inwonende persoon, per jaar, volgens het '
        'laatste gekende aanslagbiljet.'
    ),
)
def gezamenlijk_belastbaar_beroepsinkomen(r: _Rekening) -> Decimal:
    """Invoer gezamenlijk_belastbaar_beroepsinkomen: bedrag [gemeente Koksijde, kostprijs]."""
    return r.invoer['gezamenlijk_belastbaar_beroepsinkomen']


@rt.invoer(
    'bruto_maandinkomen',
    _BEDRAG,
    'Kind en Gezin, FAQ een attest herberekenen',
    (
        'Zonder Belgisch aanslagbiljet: het bruto loon van de maand vóór de aanvraag van het attest (0 als een '
        'formeel document aantoont dat er geen inkomen is).'
    ),
)
def bruto_maandinkomen(r: _Rekening) -> Decimal:
    """Invoer bruto_maandinkomen: bedrag [Kind en Gezin, FAQ een attest herberekenen]."""
    return r.invoer['bruto_maandinkomen']


@rt.invoer(
    'inkomen_bekendgemaakt',
    _JA_NEE,
    'Kind en Gezin, FAQ een attest herberekenen',
    'De ouders gaven hun inkomen op; zo niet, dan geldt het maximumtarief.',
)
def inkomen_bekendgemaakt(r: _Rekening) -> bool:
    """Invoer inkomen_bekendgemaakt: ja/nee [Kind en Gezin, FAQ een attest herberekenen]."""
    return r.invoer['inkomen_bekendgemaakt']


@rt.invoer(
    'tarief_volgens_inkomen',
    _BEDRAG_PER_DAG,
    'MB 23 april 2014, Bepaling inkomenstarief',
    (
        'Het dagtarief (100 %) dat de formule van het ministerieel besluit geeft voor het gezinsinkomen, vóór de '
        'kindkorting. De formule na 2014 staat in geen geraadpleegde bron: de dienst neemt het bedrag van Kind en '
        'Gezin.'
    ),
)
def tarief_volgens_inkomen(r: _Rekening) -> Decimal:
    """Invoer tarief_volgens_inkomen: bedrag per dag [MB 23 april 2014, Bepaling inkomenstarief]."""
    return r.invoer['tarief_volgens_inkomen']


@rt.invoer(
    'kinderen_ten_laste',
    _AANTAL,
    'Kind en Gezin, inkomenstarief',
    'Het aantal kinderen ten laste, dit kind inbegrepen (sinds mei 2015 tot 12 jaar).',
)
def kinderen_ten_laste(r: _Rekening) -> Decimal:
    """Invoer kinderen_ten_laste: aantal [Kind en Gezin, inkomenstarief]."""
    return r.invoer['kinderen_ten_laste']


@rt.invoer(
    'meerling_ten_laste',
    _JA_NEE,
    'Wieltjeshove, prijzen',
    'Het gezin heeft één of meer meerlingen ten laste.',
)
def meerling_ten_laste(r: _Rekening) -> bool:
    """Invoer meerling_ten_laste: ja/nee [Wieltjeshove, prijzen]."""
    return r.invoer['meerling_ten_laste']


@rt.invoer(
    'inkomensdaling_50_procent',
    _JA_NEE,
    'Vlaams Parlement, commissie, antwoord van de minister',
    (
        'Een van de ouders zal gedurende 12 maanden ten minste 50 procent minder verdienen, terwijl het inkomen '
        'van de andere ouder niet stijgt.'
    ),
)
def inkomensdaling_50_procent(r: _Rekening) -> bool:
    """Invoer inkomensdaling_50_procent: ja/nee [Vlaams Parlement, commissie, antwoord van de minister]."""
    return r.invoer['inkomensdaling_50_procent']


@rt.invoer(
    'ocmw_tarief',
    _KEUZE_OCMW_BESLISSING,
    'Decreet 20 april 2012, art. 8, §3; VVSG, OCMW-tarief kinderopvang',
    None,
)
def ocmw_tarief(r: _Rekening) -> str:
    """Invoer ocmw_tarief: keuze ocmw_beslissing [Decreet 20 april 2012, art. 8, §3; VVSG, OCMW-tarief
    kinderopvang].
    """
    return r.invoer['ocmw_tarief']


@rt.invoer(
    'uren_aanwezig',
    _GETAL,
    'Landelijke Kinderopvang, verblijfsduur',
    (
        'De uren aanwezigheid op de kalenderdag; aanwezigheden op verschillende tijdstippen van dezelfde dag '
        'worden samengeteld.'
    ),
)
def uren_aanwezig(r: _Rekening) -> Decimal:
    """Invoer uren_aanwezig: getal [Landelijke Kinderopvang, verblijfsduur]."""
    return r.invoer['uren_aanwezig']


@rt.invoer(
    'schoolgaand',
    _JA_NEE,
    'Landelijke Kinderopvang, verblijfsduur',
    'Het kind gaat naar school (alleen dan bestaat het tarief van 40 % voor minder dan 3 uur).',
)
def schoolgaand(r: _Rekening) -> bool:
    """Invoer schoolgaand: ja/nee [Landelijke Kinderopvang, verblijfsduur]."""
    return r.invoer['schoolgaand']


@rt.parameter('omzettingscoefficient', _GETAL)
def omzettingscoefficient(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter omzettingscoefficient: getal [MB 23 april 2014, Bepaling inkomenstarief]."""
    if dag >= _2015_05_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'omzettingscoefficient',
            _2015_05_01,
            (
                'de coëfficiënt voor de omzetting van het maandinkomen in een jaarinkomen is na 2014 niet '
                'gevonden (11,54 gold op 1 januari 2014)'
            ),
        )
    raise r.geen_parameterwaarde('omzettingscoefficient', dag)


@rt.parameter('standaard_minimumtarief', _BEDRAG_PER_DAG)
def standaard_minimumtarief(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter standaard_minimumtarief: bedrag per dag [MB 23 april 2014, Bepaling inkomenstarief]."""
    if dag >= _2025_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'standaard_minimumtarief',
            _2025_01_01,
            (
                'het bedrag van 2025 staat alleen in een openbare repository zonder bron (€ 6,47) en is niet '
                'gebruikt; 2026 is niet gevonden'
            ),
        )
    if dag >= _2024_01_01:
        return rt.Geldig(_EUR_6_24, 'VVSG 2023-10-30, indexering inkomenstarief', vanaf='2024-01-01')
    if dag >= _2023_01_01:
        return rt.Geldig(_EUR_6_00, 'Pluchke, prijs; VRT 2022-10-28', vanaf='2023-01-01')
    if dag >= _2022_01_01:
        return rt.Geldig(
            _EUR_5_37,
            'gemeente Ravels, OCMW-tarief kinderopvang',
            vanaf='2022-01-01',
            voorlopig=(
                "gemeente Ravels, 'bedragen 2022', noemt zowel € 5,24 als € 5,37; de pagina is tegenstrijdig"
            ),
        )
    if dag >= _2019_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'standaard_minimumtarief',
            _2019_01_01,
            'de bedragen van 2019, 2020 en 2021 zijn niet gevonden',
        )
    if dag >= _2018_01_01:
        return rt.Geldig(_EUR_5_15, 'OCMW Lebbeke; Blankenberge', vanaf='2018-01-01')
    if dag >= _2017_01_01:
        return rt.Geldig(_EUR_5_07, 'De Standaard 2016-11-03; VVSG 2017', vanaf='2017-01-01')
    if dag >= _2016_01_01:
        return rt.Geldig(_EUR_5_02, 'cdenv.be; De Standaard 2016-11-03', vanaf='2016-01-01')
    if dag >= _2015_05_01:
        return rt.Geldig(_EUR_5_00, 'cdenv.be, K. Schryvers', vanaf='2015-05-01')
    raise r.geen_parameterwaarde('standaard_minimumtarief', dag)


@rt.parameter('maximumtarief', _BEDRAG_PER_DAG)
def maximumtarief(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter maximumtarief: bedrag per dag [MB 23 april 2014, Bepaling inkomenstarief]."""
    if dag >= _2025_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'maximumtarief',
            _2025_01_01,
            (
                'het bedrag van 2025 staat alleen in een openbare repository zonder bron (€ 35,89) en is niet '
                'gebruikt; 2026 is niet gevonden'
            ),
        )
    if dag >= _2024_01_01:
        return rt.Geldig(_EUR_34_64, 'VVSG 2023-10-30, indexering inkomenstarief', vanaf='2024-01-01')
    if dag >= _2023_01_01:
        return rt.Geldig(_EUR_33_31, 'Pluchke, prijs', vanaf='2023-01-01')
    if dag >= _2019_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'maximumtarief',
            _2019_01_01,
            "de bedragen van 2019 tot en met 2022 zijn niet gevonden (VRT noemt voor 2022 afgerond 'tot 30 euro')",
        )
    if dag >= _2018_01_01:
        return rt.Geldig(_EUR_28_59, 'Blankenberge', vanaf='2018-01-01')
    if dag >= _2017_01_01:
        return rt.Geldig(_EUR_28_13, 'De Standaard 2016-11-03', vanaf='2017-01-01')
    if dag >= _2015_05_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'maximumtarief',
            _2015_05_01,
            'het maximumtarief van mei 2015 en 2016 is niet gevonden',
        )
    raise r.geen_parameterwaarde('maximumtarief', dag)


@rt.parameter('laagst_mogelijke_tarief', _BEDRAG_PER_DAG)
def laagst_mogelijke_tarief(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter laagst_mogelijke_tarief: bedrag per dag [Decreet 20 april 2012, art. 8, §3; VVSG, OCMW-tarief
    kinderopvang].
    """
    if dag >= _2025_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'laagst_mogelijke_tarief',
            _2025_01_01,
            'de bedragen van 2025 en 2026 zijn niet gevonden',
        )
    if dag >= _2024_01_01:
        return rt.Geldig(_EUR_1_97, 'VVSG 2023-10-30; VVSG, OCMW-tarief', vanaf='2024-01-01')
    if dag >= _2023_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'laagst_mogelijke_tarief',
            _2023_01_01,
            'het bedrag van 2023 is niet gevonden',
        )
    if dag >= _2022_01_01:
        return rt.Geldig(_EUR_1_69, 'gemeente Ravels, OCMW-tarief kinderopvang', vanaf='2022-01-01')
    if dag >= _2019_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'laagst_mogelijke_tarief',
            _2019_01_01,
            'de bedragen van 2019, 2020 en 2021 zijn niet gevonden',
        )
    if dag >= _2018_01_01:
        return rt.Geldig(_EUR_1_62, 'OCMW Lebbeke', vanaf='2018-01-01')
    if dag >= _2017_01_01:
        return rt.Geldig(_EUR_1_59, 'VVSG 2017', vanaf='2017-01-01')
    if dag >= _2016_01_01:
        return rt.Geldig(_EUR_1_57, 'cdenv.be; De Standaard', vanaf='2016-01-01')
    if dag >= _2015_05_01:
        return rt.Geldig(_EUR_1_56, 'OCMW Londerzeel, reglement', vanaf='2015-05-01')
    raise r.geen_parameterwaarde('laagst_mogelijke_tarief', dag)


@rt.parameter('kindkorting', _BEDRAG_PER_DAG)
def kindkorting(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter kindkorting: bedrag per dag [MB 23 april 2014, Bepaling inkomenstarief].

    De vermindering van het dagtarief per kind ten laste vanaf het tweede, en één keer extra voor een gezin
    met een meerling.
    """
    if dag >= _2025_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'kindkorting',
            _2025_01_01,
            'de kindkorting van 2025 en 2026 is niet gevonden',
        )
    if dag >= _2024_01_01:
        return rt.Geldig(_EUR_3_91, 'VVSG 2023-10-30, indexering inkomenstarief', vanaf='2024-01-01')
    if dag >= _2018_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'kindkorting',
            _2018_01_01,
            'de kindkorting van 2018 tot en met 2023 is niet gevonden',
        )
    if dag >= _2017_01_01:
        return rt.Geldig(_EUR_3_18, 'De Standaard 2016-11-03', vanaf='2017-01-01')
    if dag >= _2016_01_01:
        return rt.Geldig(
            _EUR_3_15,
            'Trends/Knack, opvang betalen of minder werken',
            vanaf='2016-01-01',
            voorlopig='Trends/Knack, artikel zonder datum, naar de inhoud eind 2016',
        )
    if dag >= _2015_05_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'kindkorting',
            _2015_05_01,
            'de kindkorting van mei 2015 is niet gevonden',
        )
    raise r.geen_parameterwaarde('kindkorting', dag)


@rt.parameter('vermindering_bij_inkomensdaling', _PERCENTAGE)
def vermindering_bij_inkomensdaling(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter vermindering_bij_inkomensdaling: percentage [Vlaams Parlement, commissie, antwoord van de
    minister].
    """
    return rt.Geldig(_PROCENT_25, 'Vlaams Parlement, commissie, antwoord van de minister')


@rt.parameter('aandeel_ocmw_helft', _PERCENTAGE)
def aandeel_ocmw_helft(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter aandeel_ocmw_helft: percentage [VVSG, OCMW-tarief kinderopvang]."""
    return rt.Geldig(_PROCENT_50, 'VVSG, OCMW-tarief kinderopvang')


def aandeel_volgens_verblijfsduur(r: _Rekening, uren: Decimal, schoolgaand: bool) -> Decimal:
    """Tabel aandeel_volgens_verblijfsduur [Landelijke Kinderopvang, verblijfsduur]."""
    rij = r.rij(
        _AANDEEL_VOLGENS_VERBLIJFSDUUR,
        (uren, schoolgaand),
        (
            uren < _AANTAL_3 and schoolgaand is True,
            uren < _AANTAL_3 and schoolgaand is False,
            _AANTAL_3 <= uren < _AANTAL_5,
            _AANTAL_5 <= uren < _AANTAL_11,
            uren >= _AANTAL_11,
        ),
    )
    if rij == 1:
        return r.uitkomst(_PROCENT_40, 'Landelijke Kinderopvang, verblijfsduur')
    if rij == 2:
        return r.uitkomst(_PROCENT_60, 'Landelijke Kinderopvang, verblijfsduur')
    if rij == 3:
        return r.uitkomst(_PROCENT_60, 'Landelijke Kinderopvang, verblijfsduur')
    if rij == 4:
        return r.uitkomst(_PROCENT_100, 'Landelijke Kinderopvang, verblijfsduur')
    return r.uitkomst(_PROCENT_160, 'Landelijke Kinderopvang, verblijfsduur')


@rt.regel('gezinsinkomen', _BEDRAG, 'gemeente Koksijde, kostprijs; Kind en Gezin, FAQ een attest herberekenen')
def gezinsinkomen(r: _Rekening) -> Decimal:
    """Regel gezinsinkomen: bedrag [gemeente Koksijde, kostprijs; Kind en Gezin, FAQ een attest herberekenen].

    Het gezamenlijk belastbaar beroepsinkomen van het laatste aanslagbiljet; zonder Belgisch aanslagbiljet
    het bruto maandinkomen omgezet in een jaarinkomen.
    """
    return (
        gezamenlijk_belastbaar_beroepsinkomen(r)
        if heeft_belgisch_aanslagbiljet(r)
        else bruto_maandinkomen(r) * omzettingscoefficient(r)
    )


@rt.regel('basistarief', _BEDRAG_PER_DAG, 'Kind en Gezin, FAQ een attest herberekenen')
def basistarief(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel basistarief: bedrag per dag [Kind en Gezin, FAQ een attest herberekenen].

    Uitzonderingen: [Kind en Gezin, FAQ een attest herberekenen].
    """
    if not inkomen_bekendgemaakt(r):
        return rt.Uitzondering(maximumtarief(r), 'Kind en Gezin, FAQ een attest herberekenen')
    return tarief_volgens_inkomen(r)


@rt.regel('aantal_kindkortingen', _AANTAL, 'Wieltjeshove, prijzen; Kind en Gezin, inkomenstarief')
def aantal_kindkortingen(r: _Rekening) -> Decimal:
    """Regel aantal_kindkortingen: aantal [Wieltjeshove, prijzen; Kind en Gezin, inkomenstarief].

    Een per kind ten laste vanaf het tweede, en één extra voor een gezin met een meerling.
    """
    return kinderen_ten_laste(r) - _AANTAL_1 + (_AANTAL_1 if meerling_ten_laste(r) else _AANTAL_0)


@rt.regel('tarief_na_kindkorting', _BEDRAG_PER_DAG, 'Wieltjeshove, prijzen')
def tarief_na_kindkorting(r: _Rekening) -> Decimal:
    """Regel tarief_na_kindkorting: bedrag per dag [Wieltjeshove, prijzen]."""
    return (
        basistarief(r)
        if aantal_kindkortingen(r) == _AANTAL_0
        else basistarief(r) - aantal_kindkortingen(r) * kindkorting(r)
    )


@rt.regel('berekend_tarief', _BEDRAG_PER_DAG, 'Pluchke, prijs; Blankenberge')
def berekend_tarief(r: _Rekening) -> Decimal:
    """Regel berekend_tarief: bedrag per dag [Pluchke, prijs; Blankenberge].

    Het tarief ligt tussen het standaard minimumtarief en het maximumtarief.
    """
    return min(max(tarief_na_kindkorting(r), standaard_minimumtarief(r)), maximumtarief(r))


@rt.regel('tarief_na_vermindering', _BEDRAG_PER_DAG, 'Vlaams Parlement, commissie, antwoord van de minister')
def tarief_na_vermindering(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel tarief_na_vermindering: bedrag per dag [Vlaams Parlement, commissie, antwoord van de minister].

    Uitzonderingen: [Vlaams Parlement, commissie, antwoord van de minister].
    """
    if inkomensdaling_50_procent(r):
        return rt.Uitzondering(
            berekend_tarief(r) * (_PROCENT_100 - vermindering_bij_inkomensdaling(r)),
            'Vlaams Parlement, commissie, antwoord van de minister',
        )
    return berekend_tarief(r)


@rt.regel('dagtarief', _BEDRAG_PER_DAG, 'Decreet 20 april 2012, art. 8, §3; VVSG, OCMW-tarief kinderopvang')
def dagtarief(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel dagtarief: bedrag per dag [Decreet 20 april 2012, art. 8, §3; VVSG, OCMW-tarief kinderopvang].

    Het tarief voor een volle dag (100 %), na een eventueel OCMW-tarief.

    Uitzonderingen: [VVSG, OCMW-tarief kinderopvang], [VVSG, OCMW-tarief kinderopvang], [VVSG, OCMW-tarief
    kinderopvang].
    """
    if ocmw_tarief(r) == 'helft':
        return rt.Uitzondering(
            max(tarief_na_vermindering(r) * aandeel_ocmw_helft(r), standaard_minimumtarief(r)),
            'VVSG, OCMW-tarief kinderopvang',
        )
    if ocmw_tarief(r) == 'standaard_minimum':
        return rt.Uitzondering(standaard_minimumtarief(r), 'VVSG, OCMW-tarief kinderopvang')
    if ocmw_tarief(r) == 'laagst_mogelijk':
        return rt.Uitzondering(laagst_mogelijke_tarief(r), 'VVSG, OCMW-tarief kinderopvang')
    return tarief_na_vermindering(r)


@rt.regel('aandeel_dagtarief', _PERCENTAGE, 'Landelijke Kinderopvang, verblijfsduur')
def aandeel_dagtarief(r: _Rekening) -> Decimal:
    """Regel aandeel_dagtarief: percentage [Landelijke Kinderopvang, verblijfsduur]."""
    return aandeel_volgens_verblijfsduur(r, uren_aanwezig(r), schoolgaand(r))


@rt.regel('prijs_voor_de_dag', _BEDRAG_PER_DAG, 'Landelijke Kinderopvang, verblijfsduur')
def prijs_voor_de_dag(r: _Rekening) -> Decimal:
    """Regel prijs_voor_de_dag: bedrag per dag [Landelijke Kinderopvang, verblijfsduur].

    Wat de ouder voor deze kalenderdag betaalt (niet afgerond: de afrondingsregel is niet gevonden).
    """
    return dagtarief(r) * aandeel_dagtarief(r)


def _eisen(r: _Rekening) -> None:
    """De eisen aan de invoer, in de volgorde van de regels: een InvoerFout met elke eis die niet klopt."""
    rt.eisen(
        (
            lambda: kinderen_ten_laste(r) >= _AANTAL_1,
            'kinderen_ten_laste',
            'voldoet niet aan de eis: minstens het kind zelf',
        ),
        (
            lambda: uren_aanwezig(r) <= _AANTAL_24,
            'uren_aanwezig',
            'voldoet niet aan de eis: hoogstens 24 uur op een kalenderdag',
        ),
    )
