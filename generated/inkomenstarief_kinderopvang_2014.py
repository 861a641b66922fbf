"""Inkomenstarief kinderopvang baby's en peuters (regels van 1 januari 2014): de berekening van de regeling
inkomenstarief_kinderopvang_2014 (versie 2014.1).

Gegenereerd door regelwerk 0.1.0 uit inkomenstarief_kinderopvang_2014.rw; niet met de hand wijzigen, maar de
regels aanpassen en `regelwerk build` uitvoeren. Gebruik: bereken(invoer, peildatum), bereken_deel(invoer,
peildatum, uitvoer), bereken_gedeeltelijk(invoer, peildatum) of bereken_json(verzoek); zie
docs/ontwikkelaars/inbedden.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final, TypeAlias, TypedDict

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

REGELING: Final = 'inkomenstarief_kinderopvang_2014'
TITEL: Final[str | None] = "Inkomenstarief kinderopvang baby's en peuters (regels van 1 januari 2014)"
VERSIE: Final[str | None] = '2014.1'
GELDIG_VANAF: Final[datetime.date | None] = datetime.date(2014, 1, 1)
GELDIG_TOT: Final[datetime.date | None] = datetime.date(2016, 1, 1)  # tot: exclusief
BRON: Final[str | None] = (
    'Subsidiebesluit van 22 november 2013 en ministerieel besluit van 23 april 2014 (Bepaling inkomenstarief), '
    'volgens Knack Moneytalk / Belga'
)
COMPILER_VERSIE: Final = '0.1.0'


class Invoer(TypedDict):
    """De invoer van inkomenstarief_kinderopvang_2014, zoals een dienst die aanlevert (bedragen als tekst, bijv.
    "1450.50").
    """
    heeft_belgisch_aanslagbiljet: rt.JaNeeInvoer
    gezamenlijk_belastbaar_inkomen: rt.GetalInvoer
    maandinkomen: rt.GetalInvoer
    kinderen_ten_laste: rt.GetalInvoer
    meerling_ten_laste: rt.JaNeeInvoer
    uren_aanwezig: rt.GetalInvoer


class Uitvoer(TypedDict):
    """De uitvoer van inkomenstarief_kinderopvang_2014: exacte waarden."""
    gezinsinkomen: Decimal
    tarief_volgens_inkomen: Decimal
    dagtarief: Decimal
    prijs_voor_de_dag: Decimal


class _Gelezen(TypedDict):
    """De invoer na controle: exacte waarden."""
    heeft_belgisch_aanslagbiljet: bool
    gezamenlijk_belastbaar_inkomen: Decimal
    maandinkomen: Decimal
    kinderen_ten_laste: Decimal
    meerling_ten_laste: bool
    uren_aanwezig: Decimal


_Rekening: TypeAlias = rt.Rekening[_Gelezen]

_EUR_41774_97: Final = Decimal('41774.97')
_GETAL_0_000385: Final = Decimal('0.000385')
_EUR_15_88: Final = Decimal('15.88')
_EUR_59722_14: Final = Decimal('59722.14')
_GETAL_0_000380: Final = Decimal('0.000380')
_EUR_20_95: Final = Decimal('20.95')
_EUR_63472_14: Final = Decimal('63472.14')
_EUR_21_55: Final = Decimal('21.55')
_EUR_67172_14: Final = Decimal('67172.14')
_EUR_22_15: Final = Decimal('22.15')
_EUR_100472_15: Final = Decimal('100472.15')
_EUR_27_71: Final = Decimal('27.71')
_2014_01_01: Final = datetime.date(2014, 1, 1)
_EUR_1_56: Final = Decimal('1.56')
_EUR_3_14: Final = Decimal('3.14')
_GETAL_11_54: Final = Decimal('11.54')
_AANTAL_3: Final = Decimal('3')
_AANTAL_5: Final = Decimal('5')
_AANTAL_12: Final = Decimal('12')
_PROCENT_40: Final = Decimal('0.40')
_PROCENT_60: Final = Decimal('0.60')
_PROCENT_100: Final = Decimal('1.00')
_PROCENT_120: Final = Decimal('1.20')
_AANTAL_1: Final = Decimal('1')
_AANTAL_0: Final = Decimal('0')
_AANTAL_24: Final = Decimal('24')
_GETAL: Final = rt.Soort('getal', 'getal')
_JA_NEE: Final = rt.Soort('ja/nee', 'ja/nee')
_BEDRAG: Final = rt.Soort('bedrag', 'bedrag')
_AANTAL: Final = rt.Soort('aantal', 'getal', geheel=True)
_BEDRAG_PER_DAG: Final = rt.Soort('bedrag per dag', 'bedrag', 'dag')
_PERCENTAGE: Final = rt.Soort('percentage', 'procent')
_AANDEEL_VOLGENS_VERBLIJFSDUUR: Final = rt.Tabel('aandeel_volgens_verblijfsduur', (('uren', _GETAL),), _PERCENTAGE)
_INVOER: Final = rt.Invoervelden(
    (
        ('heeft_belgisch_aanslagbiljet', _JA_NEE),
        ('gezamenlijk_belastbaar_inkomen', _BEDRAG),
        ('maandinkomen', _BEDRAG),
        ('kinderen_ten_laste', _AANTAL),
        ('meerling_ten_laste', _JA_NEE),
        ('uren_aanwezig', _GETAL),
    ),
)
_UITVOER: Final[dict[str, rt.Soort]] = {
    'gezinsinkomen': _BEDRAG,
    'tarief_volgens_inkomen': _BEDRAG_PER_DAG,
    'dagtarief': _BEDRAG_PER_DAG,
    'prijs_voor_de_dag': _BEDRAG_PER_DAG,
}

INVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Invoer van inkomenstarief_kinderopvang_2014',
    'type': 'object',
    'properties': {
        'heeft_belgisch_aanslagbiljet': {'title': 'ja/nee', 'type': 'boolean'},
        'gezamenlijk_belastbaar_inkomen': {
            'title': 'bedrag',
            'description': 'Het gezamenlijk belastbaar inkomen van het gezin, per jaar.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'maandinkomen': {
            'title': 'bedrag',
            'description': (
                'Zonder Belgisch aanslagbiljet: het inkomen per maand, dat met de coëfficiënt wordt omgezet in '
                'een jaarinkomen.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'kinderen_ten_laste': {
            'title': 'aantal',
            'description': 'Het aantal kinderen ten laste, dit kind inbegrepen.',
            'type': 'integer',
        },
        'meerling_ten_laste': {'title': 'ja/nee', 'type': 'boolean'},
        'uren_aanwezig': {'title': 'getal', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
    },
    'required': [
        'heeft_belgisch_aanslagbiljet',
        'gezamenlijk_belastbaar_inkomen',
        'maandinkomen',
        'kinderen_ten_laste',
        'meerling_ten_laste',
        'uren_aanwezig',
    ],
    'additionalProperties': False,
}

UITVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Uitvoer van inkomenstarief_kinderopvang_2014',
    'type': 'object',
    'properties': {
        'gezinsinkomen': {'title': 'bedrag', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'tarief_volgens_inkomen': {
            'title': 'bedrag per dag',
            'description': 'Het basisbedrag (100 %) volgens het gezinsinkomen, vóór de kindkorting.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'dagtarief': {
            'title': 'bedrag per dag',
            'description': 'Het basisbedrag min de kindkortingen, tussen het minimum- en het maximumtarief.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'prijs_voor_de_dag': {'title': 'bedrag per dag', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
    },
    'required': ['gezinsinkomen', 'tarief_volgens_inkomen', 'dagtarief', 'prijs_voor_de_dag'],
    'additionalProperties': False,
}


def bereken(invoer: Mapping[str, object], peildatum: datetime.date | str) -> rt.Resultaat[Uitvoer]:
    """Bereken de uitvoer van inkomenstarief_kinderopvang_2014 voor één invoer op de peildatum.

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
        'tarief_volgens_inkomen': tarief_volgens_inkomen(r),
        'dagtarief': dagtarief(r),
        'prijs_voor_de_dag': prijs_voor_de_dag(r),
    }


def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:
    """De functie van elke uitvoer, voor bereken_deel."""
    return {
        'gezinsinkomen': gezinsinkomen,
        'tarief_volgens_inkomen': tarief_volgens_inkomen,
        'dagtarief': dagtarief,
        'prijs_voor_de_dag': prijs_voor_de_dag,
    }


@rt.invoer('heeft_belgisch_aanslagbiljet', _JA_NEE, 'MB 23 april 2014, Bepaling inkomenstarief', None)
def heeft_belgisch_aanslagbiljet(r: _Rekening) -> bool:
    """Invoer heeft_belgisch_aanslagbiljet: ja/nee [MB 23 april 2014, Bepaling inkomenstarief]."""
    return r.invoer['heeft_belgisch_aanslagbiljet']


@rt.invoer(
    'gezamenlijk_belastbaar_inkomen',
    _BEDRAG,
    'Knack Moneytalk 2014',
    'Het gezamenlijk belastbaar inkomen van het gezin, per jaar.',
)
def gezamenlijk_belastbaar_inkomen(r: _Rekening) -> Decimal:
    """Invoer gezamenlijk_belastbaar_inkomen: bedrag [Knack Moneytalk 2014]."""
    return r.invoer['gezamenlijk_belastbaar_inkomen']


@rt.invoer(
    'maandinkomen',
    _BEDRAG,
    'Knack Moneytalk 2014',
    (
        'Zonder Belgisch aanslagbiljet: het inkomen per maand, dat met de coëfficiënt wordt omgezet in een '
        'jaarinkomen.'
    ),
)
def maandinkomen(r: _Rekening) -> Decimal:
    """Invoer maandinkomen: bedrag [Knack Moneytalk 2014]."""
    return r.invoer['maandinkomen']


@rt.invoer(
    'kinderen_ten_laste',
    _AANTAL,
    'Knack Moneytalk 2014',
    'Het aantal kinderen ten laste, dit kind inbegrepen.',
)
def kinderen_ten_laste(r: _Rekening) -> Decimal:
    """Invoer kinderen_ten_laste: aantal [Knack Moneytalk 2014]."""
    return r.invoer['kinderen_ten_laste']


@rt.invoer('meerling_ten_laste', _JA_NEE, 'Knack Moneytalk 2014', None)
def meerling_ten_laste(r: _Rekening) -> bool:
    """Invoer meerling_ten_laste: ja/nee [Knack Moneytalk 2014]."""
    return r.invoer['meerling_ten_laste']


@rt.invoer('uren_aanwezig', _GETAL, 'Knack Moneytalk 2014', None)
def uren_aanwezig(r: _Rekening) -> Decimal:
    """Invoer uren_aanwezig: getal [Knack Moneytalk 2014]."""
    return r.invoer['uren_aanwezig']


@rt.parameter('grens_schijf_1', _BEDRAG)
def grens_schijf_1(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter grens_schijf_1: bedrag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_41774_97, 'Knack Moneytalk 2014')


@rt.parameter('factor_schijf_1', _GETAL)
def factor_schijf_1(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter factor_schijf_1: getal [Knack Moneytalk 2014]."""
    return rt.Geldig(_GETAL_0_000385, 'Knack Moneytalk 2014')


@rt.parameter('maximum_schijf_1', _BEDRAG_PER_DAG)
def maximum_schijf_1(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter maximum_schijf_1: bedrag per dag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_15_88, 'Knack Moneytalk 2014')


@rt.parameter('grens_schijf_2', _BEDRAG)
def grens_schijf_2(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter grens_schijf_2: bedrag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_59722_14, 'Knack Moneytalk 2014')


@rt.parameter('factor_schijf_2', _GETAL)
def factor_schijf_2(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter factor_schijf_2: getal [Knack Moneytalk 2014]."""
    return rt.Geldig(_GETAL_0_000380, 'Knack Moneytalk 2014')


@rt.parameter('maximum_schijf_2', _BEDRAG_PER_DAG)
def maximum_schijf_2(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter maximum_schijf_2: bedrag per dag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_20_95, 'Knack Moneytalk 2014')


@rt.parameter('grens_schijf_3', _BEDRAG)
def grens_schijf_3(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter grens_schijf_3: bedrag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_63472_14, 'Knack Moneytalk 2014')


@rt.parameter('tarief_schijf_3', _BEDRAG_PER_DAG)
def tarief_schijf_3(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter tarief_schijf_3: bedrag per dag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_21_55, 'Knack Moneytalk 2014')


@rt.parameter('grens_schijf_4', _BEDRAG)
def grens_schijf_4(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter grens_schijf_4: bedrag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_67172_14, 'Knack Moneytalk 2014')


@rt.parameter('tarief_schijf_4', _BEDRAG_PER_DAG)
def tarief_schijf_4(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter tarief_schijf_4: bedrag per dag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_22_15, 'Knack Moneytalk 2014')


@rt.parameter('grens_maximumtarief', _BEDRAG)
def grens_maximumtarief(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter grens_maximumtarief: bedrag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_100472_15, 'Knack Moneytalk 2014')


@rt.parameter('maximumtarief', _BEDRAG_PER_DAG)
def maximumtarief(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter maximumtarief: bedrag per dag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_27_71, 'Knack Moneytalk 2014')


@rt.parameter('tarief_tussen_schijf_4_en_maximum', _BEDRAG_PER_DAG)
def tarief_tussen_schijf_4_en_maximum(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter tarief_tussen_schijf_4_en_maximum: bedrag per dag [Knack Moneytalk 2014]."""
    if dag >= _2014_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'tarief_tussen_schijf_4_en_maximum',
            _2014_01_01,
            (
                "de vaste bedragen tussen € 67.172,15 en € 100.472,15 staan niet in de bron ('enz.'); de "
                'stapregel van 0,60 per schijf is niet bevestigd'
            ),
        )
    raise r.geen_parameterwaarde('tarief_tussen_schijf_4_en_maximum', dag)


@rt.parameter('minimumtarief', _BEDRAG_PER_DAG)
def minimumtarief(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter minimumtarief: bedrag per dag [kdv Het Steentje, kostprijs]."""
    return rt.Geldig(_EUR_1_56, 'kdv Het Steentje, kostprijs')


@rt.parameter('kindkorting', _BEDRAG_PER_DAG)
def kindkorting(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter kindkorting: bedrag per dag [Knack Moneytalk 2014]."""
    return rt.Geldig(_EUR_3_14, 'Knack Moneytalk 2014')


@rt.parameter('omzettingscoefficient', _GETAL)
def omzettingscoefficient(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter omzettingscoefficient: getal [Knack Moneytalk 2014]."""
    return rt.Geldig(_GETAL_11_54, 'Knack Moneytalk 2014')


def aandeel_volgens_verblijfsduur(r: _Rekening, uren: Decimal) -> Decimal:
    """Tabel aandeel_volgens_verblijfsduur [Knack Moneytalk 2014]."""
    rij = r.rij(
        _AANDEEL_VOLGENS_VERBLIJFSDUUR,
        (uren,),
        (uren < _AANTAL_3, _AANTAL_3 <= uren < _AANTAL_5, _AANTAL_5 <= uren <= _AANTAL_12, uren > _AANTAL_12),
    )
    if rij == 1:
        return r.uitkomst(_PROCENT_40, 'Knack Moneytalk 2014')
    if rij == 2:
        return r.uitkomst(_PROCENT_60, 'Knack Moneytalk 2014')
    if rij == 3:
        return r.uitkomst(_PROCENT_100, 'Knack Moneytalk 2014')
    return r.uitkomst(_PROCENT_120, 'Knack Moneytalk 2014')


@rt.regel('gezinsinkomen', _BEDRAG, 'Knack Moneytalk 2014')
def gezinsinkomen(r: _Rekening) -> Decimal:
    """Regel gezinsinkomen: bedrag [Knack Moneytalk 2014]."""
    return (
        gezamenlijk_belastbaar_inkomen(r)
        if heeft_belgisch_aanslagbiljet(r)
        else maandinkomen(r) * omzettingscoefficient(r)
    )


@rt.regel('tarief_volgens_inkomen', _BEDRAG_PER_DAG, 'Knack Moneytalk 2014')
def tarief_volgens_inkomen(r: _Rekening) -> Decimal:
    """Regel tarief_volgens_inkomen: bedrag per dag [Knack Moneytalk 2014].

    Het basisbedrag (100 %) volgens het gezinsinkomen, vóór de kindkorting.
    """
    return (
        min(gezinsinkomen(r) * factor_schijf_1(r), maximum_schijf_1(r))
        if gezinsinkomen(r) <= grens_schijf_1(r)
        else min(gezinsinkomen(r) * factor_schijf_2(r), maximum_schijf_2(r))
        if gezinsinkomen(r) <= grens_schijf_2(r)
        else tarief_schijf_3(r)
        if gezinsinkomen(r) <= grens_schijf_3(r)
        else tarief_schijf_4(r)
        if gezinsinkomen(r) <= grens_schijf_4(r)
        else tarief_tussen_schijf_4_en_maximum(r)
        if gezinsinkomen(r) <= grens_maximumtarief(r)
        else maximumtarief(r)
    )


@rt.regel('aantal_kindkortingen', _AANTAL, 'Knack Moneytalk 2014')
def aantal_kindkortingen(r: _Rekening) -> Decimal:
    """Regel aantal_kindkortingen: aantal [Knack Moneytalk 2014]."""
    return kinderen_ten_laste(r) - _AANTAL_1 + (_AANTAL_1 if meerling_ten_laste(r) else _AANTAL_0)


@rt.regel('dagtarief', _BEDRAG_PER_DAG, 'Knack Moneytalk 2014; kdv Het Steentje, kostprijs')
def dagtarief(r: _Rekening) -> Decimal:
    """Regel dagtarief: bedrag per dag [Knack Moneytalk 2014; kdv Het Steentje, kostprijs].

    Het basisbedrag min de kindkortingen, tussen het minimum- en het maximumtarief.
    """
    return min(
        max(tarief_volgens_inkomen(r) - aantal_kindkortingen(r) * kindkorting(r), minimumtarief(r)),
        maximumtarief(r),
    )


@rt.regel('prijs_voor_de_dag', _BEDRAG_PER_DAG, 'Knack Moneytalk 2014')
def prijs_voor_de_dag(r: _Rekening) -> Decimal:
    """Regel prijs_voor_de_dag: bedrag per dag [Knack Moneytalk 2014]."""
    return dagtarief(r) * aandeel_volgens_verblijfsduur(r, uren_aanwezig(r))


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
