"""Zorgtoeslag: de berekening van de regeling zorgtoeslag (versie 2026.1).

Gegenereerd door regelwerk 0.1.0 uit zorgtoeslag.rw; niet met de hand wijzigen, maar de regels aanpassen en
`regelwerk build` uitvoeren. Gebruik: bereken(invoer, peildatum), bereken_deel(invoer, peildatum, uitvoer),
bereken_gedeeltelijk(invoer, peildatum) of bereken_json(verzoek); zie docs/ontwikkelaars/inbedden.md.
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
    'Rol',
    'Persoon',
    'PersoonInvoer',
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

REGELING: Final = 'zorgtoeslag'
TITEL: Final[str | None] = 'Zorgtoeslag'
VERSIE: Final[str | None] = '2026.1'
GELDIG_VANAF: Final[datetime.date | None] = datetime.date(2024, 1, 1)
GELDIG_TOT: Final[datetime.date | None] = None  # tot: exclusief
BRON: Final[str | None] = (
    'Wet op de zorgtoeslag (BWBR0018451) en Algemene wet inkomensafhankelijke regelingen (BWBR0018472)'
)
COMPILER_VERSIE: Final = '0.1.0'


Rol: TypeAlias = Literal['aanvrager', 'toeslagpartner']


class Persoon(TypedDict):
    """Gegevens persoon: exacte waarden."""
    rol: str
    verzekerde: bool
    toetsingsinkomen: Decimal
    rendementsgrondslag: Decimal


class PersoonInvoer(TypedDict):
    """Gegevens persoon zoals een dienst ze aanlevert."""
    rol: Rol
    verzekerde: rt.JaNeeInvoer
    toetsingsinkomen: rt.GetalInvoer
    rendementsgrondslag: rt.GetalInvoer


class Invoer(TypedDict):
    """De invoer van zorgtoeslag, zoals een dienst die aanlevert (bedragen als tekst, bijv. "1450.50")."""
    huishouden: Sequence[PersoonInvoer]
    zelfde_toeslagpartner_hele_berekeningsjaar: rt.JaNeeInvoer


class Uitvoer(TypedDict):
    """De uitvoer van zorgtoeslag: exacte waarden."""
    drempelinkomen: Decimal
    toetsingsinkomen: Decimal
    normpremie: Decimal
    zorgtoeslag_per_jaar: Decimal
    zorgtoeslag_per_maand: Decimal
    zorgtoeslag_per_maand_uitbetaald: Decimal
    drempelinkomen_volgens_de_wet: Decimal
    afwijking_drempelinkomen: Decimal


class _Gelezen(TypedDict):
    """De invoer na controle: exacte waarden."""
    huishouden: tuple[Persoon, ...]
    zelfde_toeslagpartner_hele_berekeningsjaar: bool


_Rekening: TypeAlias = rt.Rekening[_Gelezen]

_PROCENT_108: Final = Decimal('1.08')
_EUR_2294_40: Final = Decimal('2294.40')
_2026_01_01: Final = datetime.date(2026, 1, 1)
_EUR_2191_80: Final = Decimal('2191.80')
_2025_01_01: Final = datetime.date(2025, 1, 1)
_EUR_2069_40: Final = Decimal('2069.40')
_2024_01_01: Final = datetime.date(2024, 1, 1)
_EUR_29736_00: Final = Decimal('29736.00')
_EUR_28406_00: Final = Decimal('28406.00')
_EUR_26819_00: Final = Decimal('26819.00')
_EUR_2119_00: Final = Decimal('2119.00')
_EUR_2112_00: Final = Decimal('2112.00')
_EUR_1987_00: Final = Decimal('1987.00')
_PROCENT_1_912: Final = Decimal('0.01912')
_PROCENT_1_896: Final = Decimal('0.01896')
_PROCENT_1_879: Final = Decimal('0.01879')
_PROCENT_4_289: Final = Decimal('0.04289')
_PROCENT_4_273: Final = Decimal('0.04273')
_PROCENT_4_256: Final = Decimal('0.04256')
_PROCENT_13_730: Final = Decimal('0.13730')
_PROCENT_13_700: Final = Decimal('0.13700')
_PROCENT_13_670: Final = Decimal('0.13670')
_PROCENT_50: Final = Decimal('0.50')
_EUR_146011_00: Final = Decimal('146011.00')
_EUR_141896_00: Final = Decimal('141896.00')
_EUR_140213_00: Final = Decimal('140213.00')
_EUR_184633_00: Final = Decimal('184633.00')
_EUR_179429_00: Final = Decimal('179429.00')
_EUR_177301_00: Final = Decimal('177301.00')
_EUR_24_00: Final = Decimal('24.00')
_NUL: Final = Decimal('0')
_EUR_0_00: Final = Decimal('0.00')
_AANTAL_2: Final = Decimal('2')
_STAP_1: Final = Decimal('1')
_AANTAL_1: Final = Decimal('1')
_KEUZE_ROL: Final = rt.Soort('keuze rol', 'keuze', waarden=('aanvrager', 'toeslagpartner'))
_JA_NEE: Final = rt.Soort('ja/nee', 'ja/nee')
_BEDRAG_PER_JAAR: Final = rt.Soort('bedrag per jaar', 'bedrag', 'jaar')
_BEDRAG: Final = rt.Soort('bedrag', 'bedrag')
_PERSOON: Final = rt.Soort(
    'persoon',
    'gegevens',
    velden=(
        ('rol', _KEUZE_ROL),
        ('verzekerde', _JA_NEE),
        ('toetsingsinkomen', _BEDRAG_PER_JAAR),
        ('rendementsgrondslag', _BEDRAG),
    ),
)
_LIJST_VAN_PERSOON: Final = rt.Soort('lijst van persoon', 'lijst', element=_PERSOON)
_PERCENTAGE: Final = rt.Soort('percentage', 'procent')
_BEDRAG_PER_MAAND: Final = rt.Soort('bedrag per maand', 'bedrag', 'maand')
_INVOER: Final = rt.Invoervelden(
    (('huishouden', _LIJST_VAN_PERSOON), ('zelfde_toeslagpartner_hele_berekeningsjaar', _JA_NEE)),
)
_UITVOER: Final[dict[str, rt.Soort]] = {
    'drempelinkomen': _BEDRAG_PER_JAAR,
    'toetsingsinkomen': _BEDRAG_PER_JAAR,
    'normpremie': _BEDRAG_PER_JAAR,
    'zorgtoeslag_per_jaar': _BEDRAG_PER_JAAR,
    'zorgtoeslag_per_maand': _BEDRAG_PER_MAAND,
    'zorgtoeslag_per_maand_uitbetaald': _BEDRAG_PER_MAAND,
    'drempelinkomen_volgens_de_wet': _BEDRAG_PER_JAAR,
    'afwijking_drempelinkomen': _BEDRAG_PER_JAAR,
}

INVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Invoer van zorgtoeslag',
    'type': 'object',
    'properties': {
        'huishouden': {
            'title': 'lijst van persoon',
            'description': (
                'De aanvrager en, als die er is, de toeslagpartner: één persoon met de rol aanvrager en hoogstens '
                'één met de rol toeslagpartner.'
            ),
            'type': 'array',
            'items': {
                'title': 'persoon',
                'type': 'object',
                'properties': {
                    'rol': {'title': 'keuze rol', 'type': 'string', 'enum': ['aanvrager', 'toeslagpartner']},
                    'verzekerde': {'title': 'ja/nee', 'type': 'boolean'},
                    'toetsingsinkomen': {
                        'title': 'bedrag per jaar',
                        'type': 'string',
                        'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
                    },
                    'rendementsgrondslag': {
                        'title': 'bedrag',
                        'type': 'string',
                        'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
                    },
                },
                'required': ['rol', 'verzekerde', 'toetsingsinkomen', 'rendementsgrondslag'],
                'additionalProperties': False,
            },
        },
        'zelfde_toeslagpartner_hele_berekeningsjaar': {
            'title': 'ja/nee',
            'description': 'De aanvrager heeft gedurende het gehele berekeningsjaar dezelfde toeslagpartner.',
            'type': 'boolean',
        },
    },
    'required': ['huishouden', 'zelfde_toeslagpartner_hele_berekeningsjaar'],
    'additionalProperties': False,
}

UITVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Uitvoer van zorgtoeslag',
    'type': 'object',
    'properties': {
        'drempelinkomen': {
            'title': 'bedrag per jaar',
            'description': (
                "Het drempelinkomen waarmee gerekend wordt: het bedrag in hele euro's dat de Dienst Toeslagen "
                'vaststelt.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'toetsingsinkomen': {
            'title': 'bedrag per jaar',
            'description': (
                'Het toetsingsinkomen van de verzekerde; met een toeslagpartner het gezamenlijke toetsingsinkomen.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'normpremie': {
            'title': 'bedrag per jaar',
            'description': (
                'Een percentage van het drempelinkomen, vermeerderd met een percentage van het toetsingsinkomen '
                'voor zover dat het drempelinkomen te boven gaat.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'zorgtoeslag_per_jaar': {
            'title': 'bedrag per jaar',
            'description': 'De zorgtoeslag over het berekeningsjaar.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'zorgtoeslag_per_maand': {
            'title': 'bedrag per maand',
            'description': (
                'Een twaalfde van het jaarbedrag: de termijn waarin een voorschot in twaalf gelijke termijnen '
                'wordt betaald.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'zorgtoeslag_per_maand_uitbetaald': {
            'title': 'bedrag per maand',
            'description': (
                'Het maandbedrag zoals de Dienst Toeslagen het publiceert en betaalt: het twaalfde van het '
                "jaarbedrag, naar beneden afgerond op hele euro's."
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'drempelinkomen_volgens_de_wet': {
            'title': 'bedrag per jaar',
            'description': (
                '108 % van het twaalfvoud van het minimumloon per maand van januari van het berekeningsjaar.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'afwijking_drempelinkomen': {
            'title': 'bedrag per jaar',
            'description': (
                'Het vastgestelde drempelinkomen min de berekening van de wet: de afronding van de Dienst '
                'Toeslagen (minder dan € 1 per jaar).'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
    },
    'required': [
        'drempelinkomen',
        'toetsingsinkomen',
        'normpremie',
        'zorgtoeslag_per_jaar',
        'zorgtoeslag_per_maand',
        'zorgtoeslag_per_maand_uitbetaald',
        'drempelinkomen_volgens_de_wet',
        'afwijking_drempelinkomen',
    ],
    'additionalProperties': False,
}


def bereken(invoer: Mapping[str, object], peildatum: datetime.date | str) -> rt.Resultaat[Uitvoer]:
    """Bereken de uitvoer van zorgtoeslag voor één invoer op de peildatum.

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
        'drempelinkomen': drempelinkomen(r),
        'toetsingsinkomen': toetsingsinkomen(r),
        'normpremie': normpremie(r),
        'zorgtoeslag_per_jaar': zorgtoeslag_per_jaar(r),
        'zorgtoeslag_per_maand': zorgtoeslag_per_maand(r),
        'zorgtoeslag_per_maand_uitbetaald': zorgtoeslag_per_maand_uitbetaald(r),
        'drempelinkomen_volgens_de_wet': drempelinkomen_volgens_de_wet(r),
        'afwijking_drempelinkomen': afwijking_drempelinkomen(r),
    }


def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:
    """De functie van elke uitvoer, voor bereken_deel."""
    return {
        'drempelinkomen': drempelinkomen,
        'toetsingsinkomen': toetsingsinkomen,
        'normpremie': normpremie,
        'zorgtoeslag_per_jaar': zorgtoeslag_per_jaar,
        'zorgtoeslag_per_maand': zorgtoeslag_per_maand,
        'zorgtoeslag_per_maand_uitbetaald': zorgtoeslag_per_maand_uitbetaald,
        'drempelinkomen_volgens_de_wet': drempelinkomen_volgens_de_wet,
        'afwijking_drempelinkomen': afwijking_drempelinkomen,
    }


@rt.invoer(
    'huishouden',
    _LIJST_VAN_PERSOON,
    'Wzt art. 2, eerste lid',
    (
        'De aanvrager en, als die er is, de toeslagpartner: één persoon met de rol aanvrager en hoogstens één met '
        'de rol toeslagpartner.'
    ),
)
def huishouden(r: _Rekening) -> tuple[Persoon, ...]:
    """Invoer huishouden: lijst van persoon [Wzt art. 2, eerste lid]."""
    return r.invoer['huishouden']


@rt.invoer(
    'zelfde_toeslagpartner_hele_berekeningsjaar',
    _JA_NEE,
    'Wzt art. 3, tweede lid',
    'De aanvrager heeft gedurende het gehele berekeningsjaar dezelfde toeslagpartner.',
)
def zelfde_toeslagpartner_hele_berekeningsjaar(r: _Rekening) -> bool:
    """Invoer zelfde_toeslagpartner_hele_berekeningsjaar: ja/nee [Wzt art. 3, tweede lid]."""
    return r.invoer['zelfde_toeslagpartner_hele_berekeningsjaar']


@rt.parameter('percentage_drempelinkomen', _PERCENTAGE)
def percentage_drempelinkomen(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter percentage_drempelinkomen: percentage [Wzt art. 1, eerste lid, onderdeel f]."""
    return rt.Geldig(_PROCENT_108, 'Wzt art. 1, eerste lid, onderdeel f')


@rt.parameter('minimumloon_januari', _BEDRAG_PER_MAAND)
def minimumloon_januari(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter minimumloon_januari: bedrag per maand [Wzt art. 1, eerste lid, onderdeel f].

    Het bedrag per maand van artikel 8, eerste lid, onderdeel b, van de Wet minimumloon en
    minimumvakantiebijslag, geldend in januari van het berekeningsjaar.
    """
    if dag >= _2026_01_01:
        return rt.Geldig(
            _EUR_2294_40,
            'WML art. 8, eerste lid, onderdeel b; Stcrt. 2025, 34131',
            vanaf='2026-01-01',
        )
    if dag >= _2025_01_01:
        return rt.Geldig(_EUR_2191_80, 'WML art. 8, eerste lid, onderdeel b', vanaf='2025-01-01')
    if dag >= _2024_01_01:
        return rt.Geldig(_EUR_2069_40, 'WML art. 8, eerste lid, onderdeel b', vanaf='2024-01-01')
    raise r.geen_parameterwaarde('minimumloon_januari', dag)


@rt.parameter('drempelinkomen_vastgesteld', _BEDRAG_PER_JAAR)
def drempelinkomen_vastgesteld(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter drempelinkomen_vastgesteld: bedrag per jaar [Wzt art. 1, eerste lid, onderdeel f; Dienst
    Toeslagen, Berekening zorgtoeslag].

    Het drempelinkomen van het berekeningsjaar, zoals de Dienst Toeslagen het vaststelt en toepast.
    """
    if dag >= _2026_01_01:
        return rt.Geldig(
            _EUR_29736_00,
            'Dienst Toeslagen, Berekening zorgtoeslag 2026 (TG 082 1Z61FD)',
            vanaf='2026-01-01',
            voorlopig=(
                "Dienst Toeslagen, Berekening zorgtoeslag 2026 (TG 082 1Z61FD): 'vastgesteld op € 29.736'; "
                'gelezen via een transcriptie (TheAndries/toeslagrecht), de folder zelf is niet geopend'
            ),
        )
    if dag >= _2025_01_01:
        return rt.Geldig(
            _EUR_28406_00,
            'Dienst Toeslagen, Berekening zorgtoeslag 2025 (TG 082 1Z51FD)',
            vanaf='2025-01-01',
            voorlopig=(
                'Dienst Toeslagen, Berekening zorgtoeslag 2025 (TG 082 1Z51FD); gelezen via een transcriptie '
                '(TheAndries/toeslagrecht), de folder zelf is niet geopend'
            ),
        )
    if dag >= _2024_01_01:
        return rt.Geldig(
            _EUR_26819_00,
            'Dienst Toeslagen, Berekening zorgtoeslag 2024 (TG 082 1Z41FD)',
            vanaf='2024-01-01',
            voorlopig=(
                "Dienst Toeslagen, Berekening zorgtoeslag 2024 (TG 082 1Z41FD): 'vastgesteld op € 26.819'; "
                'gelezen via een transcriptie (TheAndries/toeslagrecht), de folder zelf is niet geopend'
            ),
        )
    raise r.geen_parameterwaarde('drempelinkomen_vastgesteld', dag)


@rt.parameter('standaardpremie', _BEDRAG_PER_JAAR)
def standaardpremie(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter standaardpremie: bedrag per jaar [Wzt art. 4]."""
    if dag >= _2026_01_01:
        return rt.Geldig(
            _EUR_2119_00,
            'Regeling standaardpremie 2026, art. 1; Stcrt. 2025, 40022',
            vanaf='2026-01-01',
        )
    if dag >= _2025_01_01:
        return rt.Geldig(
            _EUR_2112_00,
            'Regeling standaardpremie 2025, art. 1; Stcrt. 2024, 38887',
            vanaf='2025-01-01',
        )
    if dag >= _2024_01_01:
        return rt.Geldig(
            _EUR_1987_00,
            'Regeling standaardpremie 2024, art. 1; Stcrt. 2023, 32413',
            vanaf='2024-01-01',
        )
    raise r.geen_parameterwaarde('standaardpremie', dag)


@rt.parameter('normpercentage_zonder_toeslagpartner', _PERCENTAGE)
def normpercentage_zonder_toeslagpartner(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter normpercentage_zonder_toeslagpartner: percentage [Wzt art. 2, derde lid].

    Percentage van het drempelinkomen voor een verzekerde zonder toeslagpartner.
    """
    if dag >= _2026_01_01:
        return rt.Geldig(
            _PROCENT_1_912,
            'Wzt art. 2, derde lid; Stb. 2025, 412',
            vanaf='2026-01-01',
            voorlopig=(
                'Stb. 2025, 412 (Besluit van 4 december 2025, Besluit percentages drempel- en toetsingsinkomen '
                'zorgtoeslag); gelezen via de transcriptie in TheAndries/toeslagrecht (corpus § 6), de primaire '
                'tekst zelf is niet geopend; geeft de gepubliceerde maximale zorgtoeslag en inkomensgrenzen 2026'
            ),
        )
    if dag >= _2025_01_01:
        return rt.Geldig(_PROCENT_1_896, 'Wzt art. 2, derde lid', vanaf='2025-01-01')
    if dag >= _2024_01_01:
        return rt.Geldig(_PROCENT_1_879, 'Wzt art. 2, derde lid', vanaf='2024-01-01')
    raise r.geen_parameterwaarde('normpercentage_zonder_toeslagpartner', dag)


@rt.parameter('normpercentage_met_toeslagpartner', _PERCENTAGE)
def normpercentage_met_toeslagpartner(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter normpercentage_met_toeslagpartner: percentage [Wzt art. 2, derde lid].

    Percentage van het drempelinkomen voor een verzekerde met een toeslagpartner.
    """
    if dag >= _2026_01_01:
        return rt.Geldig(
            _PROCENT_4_289,
            'Wzt art. 2, derde lid; Stb. 2025, 412',
            vanaf='2026-01-01',
            voorlopig=(
                'Stb. 2025, 412; gelezen via de transcriptie in TheAndries/toeslagrecht (corpus § 6), de primaire '
                'tekst zelf is niet geopend; geeft de gepubliceerde maximale zorgtoeslag en inkomensgrenzen 2026'
            ),
        )
    if dag >= _2025_01_01:
        return rt.Geldig(_PROCENT_4_273, 'Wzt art. 2, derde lid', vanaf='2025-01-01')
    if dag >= _2024_01_01:
        return rt.Geldig(_PROCENT_4_256, 'Wzt art. 2, derde lid', vanaf='2024-01-01')
    raise r.geen_parameterwaarde('normpercentage_met_toeslagpartner', dag)


@rt.parameter('percentage_boven_drempelinkomen', _PERCENTAGE)
def percentage_boven_drempelinkomen(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter percentage_boven_drempelinkomen: percentage [Wzt art. 2, derde lid].

    Percentage van het toetsingsinkomen voor zover dat het drempelinkomen te boven gaat, met en zonder
    toeslagpartner.
    """
    if dag >= _2026_01_01:
        return rt.Geldig(
            _PROCENT_13_730,
            'Wzt art. 2, derde lid; Stb. 2025, 412',
            vanaf='2026-01-01',
            voorlopig=(
                'Stb. 2025, 412; gelezen via de transcriptie in TheAndries/toeslagrecht (corpus § 6), de primaire '
                'tekst zelf is niet geopend; geeft de gepubliceerde inkomensgrenzen 2026'
            ),
        )
    if dag >= _2025_01_01:
        return rt.Geldig(_PROCENT_13_700, 'Wzt art. 2, derde lid', vanaf='2025-01-01')
    if dag >= _2024_01_01:
        return rt.Geldig(_PROCENT_13_670, 'Wzt art. 2, derde lid', vanaf='2024-01-01')
    raise r.geen_parameterwaarde('percentage_boven_drempelinkomen', dag)


@rt.parameter('aandeel_bij_partner_zonder_verzekering', _PERCENTAGE)
def aandeel_bij_partner_zonder_verzekering(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter aandeel_bij_partner_zonder_verzekering: percentage [Wzt art. 2, vierde lid]."""
    return rt.Geldig(_PROCENT_50, 'Wzt art. 2, vierde lid')


@rt.parameter('vermogensgrens_zonder_toeslagpartner', _BEDRAG)
def vermogensgrens_zonder_toeslagpartner(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter vermogensgrens_zonder_toeslagpartner: bedrag [Wzt art. 3, eerste lid]."""
    if dag >= _2026_01_01:
        return rt.Geldig(
            _EUR_146011_00,
            'Wzt art. 3, eerste lid; Stcrt. 2025, 38110',
            vanaf='2026-01-01',
            voorlopig=(
                'Stcrt. 2025, 38110 (Regeling wijziging bedrag vermogenstoets zorgtoeslag per 1 januari 2026); '
                'gelezen via de transcriptie in TheAndries/toeslagrecht (corpus § 6), de primaire tekst zelf is '
                "niet geopend; skipr.nl (2026-01-30): '146 duizend euro'; degeldheld.com, met de pagina 'maximaal "
                "vermogen zorgtoeslag' van de Belastingdienst als bron: € 146.011"
            ),
        )
    if dag >= _2025_01_01:
        return rt.Geldig(_EUR_141896_00, 'Wzt art. 3, eerste lid', vanaf='2025-01-01')
    if dag >= _2024_01_01:
        return rt.Geldig(
            _EUR_140213_00,
            'Wzt art. 2a, eerste lid (2024); Stcrt. 2023, 29706',
            vanaf='2024-01-01',
            voorlopig=(
                'Stcrt. 2023, 29706 (Regeling wijziging bedragen vermogenstoets zorgtoeslag per 1 januari 2024); '
                'gelezen via de transcriptie in TheAndries/toeslagrecht (corpus § 6), de primaire tekst zelf is '
                'niet geopend; × 1,012 geeft de wettelijke grens van 2025 (€ 141.896)'
            ),
        )
    raise r.geen_parameterwaarde('vermogensgrens_zonder_toeslagpartner', dag)


@rt.parameter('vermogensgrens_met_toeslagpartner', _BEDRAG)
def vermogensgrens_met_toeslagpartner(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter vermogensgrens_met_toeslagpartner: bedrag [Wzt art. 3, tweede lid]."""
    if dag >= _2026_01_01:
        return rt.Geldig(
            _EUR_184633_00,
            'Wzt art. 3, tweede lid; Stcrt. 2025, 38110',
            vanaf='2026-01-01',
            voorlopig=(
                'Stcrt. 2025, 38110; gelezen via de transcriptie in TheAndries/toeslagrecht (corpus § 6), de '
                "primaire tekst zelf is niet geopend; skipr.nl (2026-01-30): 'ruim 184 duizend euro'; "
                'degeldheld.com, met de Belastingdienst als bron: € 184.633'
            ),
        )
    if dag >= _2025_01_01:
        return rt.Geldig(_EUR_179429_00, 'Wzt art. 3, tweede lid', vanaf='2025-01-01')
    if dag >= _2024_01_01:
        return rt.Geldig(
            _EUR_177301_00,
            'Wzt art. 2a, eerste lid (2024); Stcrt. 2023, 29706',
            vanaf='2024-01-01',
            voorlopig=(
                'Stcrt. 2023, 29706; gelezen via de transcriptie in TheAndries/toeslagrecht (corpus § 6), de '
                'primaire tekst zelf is niet geopend; × 1,012 geeft de wettelijke grens van 2025 (€ 179.429)'
            ),
        )
    raise r.geen_parameterwaarde('vermogensgrens_met_toeslagpartner', dag)


@rt.parameter('minimale_tegemoetkoming', _BEDRAG_PER_JAAR)
def minimale_tegemoetkoming(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter minimale_tegemoetkoming: bedrag per jaar [Awir art. 14, vierde lid]."""
    return rt.Geldig(_EUR_24_00, 'Awir art. 14, vierde lid')


@rt.regel('drempelinkomen_volgens_de_wet', _BEDRAG_PER_JAAR, 'Wzt art. 1, eerste lid, onderdeel f')
def drempelinkomen_volgens_de_wet(r: _Rekening) -> Decimal:
    """Regel drempelinkomen_volgens_de_wet: bedrag per jaar [Wzt art. 1, eerste lid, onderdeel f].

    108 % van het twaalfvoud van het minimumloon per maand van januari van het berekeningsjaar.
    """
    return percentage_drempelinkomen(r) * rt.omrekenen(minimumloon_januari(r), 'maand', 'jaar')


@rt.regel(
    'drempelinkomen',
    _BEDRAG_PER_JAAR,
    'Wzt art. 1, eerste lid, onderdeel f; Dienst Toeslagen, Berekening zorgtoeslag',
)
def drempelinkomen(r: _Rekening) -> Decimal:
    """Regel drempelinkomen: bedrag per jaar [Wzt art. 1, eerste lid, onderdeel f; Dienst Toeslagen, Berekening
    zorgtoeslag].

    Het drempelinkomen waarmee gerekend wordt: het bedrag in hele euro's dat de Dienst Toeslagen vaststelt.
    """
    return drempelinkomen_vastgesteld(r)


@rt.regel(
    'afwijking_drempelinkomen',
    _BEDRAG_PER_JAAR,
    'Wzt art. 1, eerste lid, onderdeel f; Dienst Toeslagen, Berekening zorgtoeslag',
)
def afwijking_drempelinkomen(r: _Rekening) -> Decimal:
    """Regel afwijking_drempelinkomen: bedrag per jaar [Wzt art. 1, eerste lid, onderdeel f; Dienst Toeslagen,
    Berekening zorgtoeslag].

    Het vastgestelde drempelinkomen min de berekening van de wet: de afronding van de Dienst Toeslagen
    (minder dan € 1 per jaar).
    """
    return drempelinkomen(r) - drempelinkomen_volgens_de_wet(r)


@rt.regel('heeft_toeslagpartner', _JA_NEE, 'Wzt art. 2, eerste lid')
def heeft_toeslagpartner(r: _Rekening) -> bool:
    """Regel heeft_toeslagpartner: ja/nee [Wzt art. 2, eerste lid]."""
    return any([persoon['rol'] == 'toeslagpartner' for persoon in huishouden(r)])


@rt.regel('aanvrager_is_verzekerde', _JA_NEE, 'Wzt art. 2, eerste lid')
def aanvrager_is_verzekerde(r: _Rekening) -> bool:
    """Regel aanvrager_is_verzekerde: ja/nee [Wzt art. 2, eerste lid]."""
    return any([persoon['rol'] == 'aanvrager' and persoon['verzekerde'] for persoon in huishouden(r)])


@rt.regel('partner_is_geen_verzekerde', _JA_NEE, 'Wzt art. 2, vierde lid')
def partner_is_geen_verzekerde(r: _Rekening) -> bool:
    """Regel partner_is_geen_verzekerde: ja/nee [Wzt art. 2, vierde lid]."""
    return any([persoon['rol'] == 'toeslagpartner' and not persoon['verzekerde'] for persoon in huishouden(r)])


@rt.regel('toetsingsinkomen', _BEDRAG_PER_JAAR, 'Wzt art. 2, tweede lid')
def toetsingsinkomen(r: _Rekening) -> Decimal:
    """Regel toetsingsinkomen: bedrag per jaar [Wzt art. 2, tweede lid].

    Het toetsingsinkomen van de verzekerde; met een toeslagpartner het gezamenlijke toetsingsinkomen.
    """
    return sum([persoon['toetsingsinkomen'] for persoon in huishouden(r)], _NUL)


@rt.regel('normpercentage', _PERCENTAGE, 'Wzt art. 2, derde lid')
def normpercentage(r: _Rekening) -> Decimal:
    """Regel normpercentage: percentage [Wzt art. 2, derde lid]."""
    return (
        normpercentage_met_toeslagpartner(r)
        if heeft_toeslagpartner(r)
        else normpercentage_zonder_toeslagpartner(r)
    )


@rt.regel('normpremie', _BEDRAG_PER_JAAR, 'Wzt art. 2, tweede en derde lid')
def normpremie(r: _Rekening) -> Decimal:
    """Regel normpremie: bedrag per jaar [Wzt art. 2, tweede en derde lid].

    Een percentage van het drempelinkomen, vermeerderd met een percentage van het toetsingsinkomen voor zover
    dat het drempelinkomen te boven gaat.
    """
    return (
        normpercentage(r) * drempelinkomen(r)
        + percentage_boven_drempelinkomen(r) * max(toetsingsinkomen(r) - drempelinkomen(r), _EUR_0_00)
    )


@rt.regel('standaardpremie_voor_aanvrager', _BEDRAG_PER_JAAR, 'Wzt art. 2, eerste lid')
def standaardpremie_voor_aanvrager(r: _Rekening) -> Decimal:
    """Regel standaardpremie_voor_aanvrager: bedrag per jaar [Wzt art. 2, eerste lid].

    Voor een verzekerde met een toeslagpartner geldt het dubbele van de standaardpremie.
    """
    return _AANTAL_2 * standaardpremie(r) if heeft_toeslagpartner(r) else standaardpremie(r)


@rt.regel('aanspraak_volgens_het_eerste_lid', _BEDRAG_PER_JAAR, 'Wzt art. 2, eerste lid')
def aanspraak_volgens_het_eerste_lid(r: _Rekening) -> Decimal:
    """Regel aanspraak_volgens_het_eerste_lid: bedrag per jaar [Wzt art. 2, eerste lid].

    Het verschil tussen de standaardpremie en de normpremie, als de normpremie lager is.
    """
    return max(standaardpremie_voor_aanvrager(r) - normpremie(r), _EUR_0_00)


@rt.regel('aanspraak', _BEDRAG_PER_JAAR, 'Wzt art. 2, eerste en vierde lid')
def aanspraak(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel aanspraak: bedrag per jaar [Wzt art. 2, eerste en vierde lid].

    Uitzonderingen: [Wzt art. 2, vierde lid].
    """
    if partner_is_geen_verzekerde(r):
        return rt.Uitzondering(
            aanspraak_volgens_het_eerste_lid(r) * aandeel_bij_partner_zonder_verzekering(r),
            'Wzt art. 2, vierde lid',
        )
    return aanspraak_volgens_het_eerste_lid(r)


@rt.regel('rendementsgrondslag_voor_toets', _BEDRAG, 'Wzt art. 3')
def rendementsgrondslag_voor_toets(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel rendementsgrondslag_voor_toets: bedrag [Wzt art. 3].

    De rendementsgrondslag van de verzekerde; bij het hele jaar dezelfde toeslagpartner de gezamenlijke
    rendementsgrondslag.

    Uitzonderingen: [Wzt art. 3, tweede lid].
    """
    if heeft_toeslagpartner(r) and zelfde_toeslagpartner_hele_berekeningsjaar(r):
        return rt.Uitzondering(
            sum([persoon['rendementsgrondslag'] for persoon in huishouden(r)], _NUL),
            'Wzt art. 3, tweede lid',
        )
    return sum(
        [persoon['rendementsgrondslag'] for persoon in huishouden(r) if persoon['rol'] == 'aanvrager'],
        _NUL,
    )


@rt.regel('vermogensgrens', _BEDRAG, 'Wzt art. 3')
def vermogensgrens(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel vermogensgrens: bedrag [Wzt art. 3].

    Uitzonderingen: [Wzt art. 3, tweede lid].
    """
    if heeft_toeslagpartner(r) and zelfde_toeslagpartner_hele_berekeningsjaar(r):
        return rt.Uitzondering(vermogensgrens_met_toeslagpartner(r), 'Wzt art. 3, tweede lid')
    return vermogensgrens_zonder_toeslagpartner(r)


@rt.regel('vermogen_te_hoog', _JA_NEE, 'Wzt art. 3, eerste lid')
def vermogen_te_hoog(r: _Rekening) -> bool:
    """Regel vermogen_te_hoog: ja/nee [Wzt art. 3, eerste lid]."""
    return rendementsgrondslag_voor_toets(r) > vermogensgrens(r)


@rt.regel('berekende_zorgtoeslag', _BEDRAG_PER_JAAR, 'Wzt art. 2, eerste lid')
def berekende_zorgtoeslag(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel berekende_zorgtoeslag: bedrag per jaar [Wzt art. 2, eerste lid].

    De aanspraak over het berekeningsjaar, vóór de afronding van de Awir.

    Uitzonderingen: [Wzt art. 1, eerste lid, onderdeel c], [Wzt art. 3, eerste lid].
    """
    if not aanvrager_is_verzekerde(r):
        return rt.Uitzondering(_EUR_0_00, 'Wzt art. 1, eerste lid, onderdeel c')
    if vermogen_te_hoog(r):
        return rt.Uitzondering(_EUR_0_00, 'Wzt art. 3, eerste lid')
    return aanspraak(r)


@rt.regel('afgeronde_zorgtoeslag', _BEDRAG_PER_JAAR, 'Awir art. 14, derde lid')
def afgeronde_zorgtoeslag(r: _Rekening) -> Decimal:
    """Regel afgeronde_zorgtoeslag: bedrag per jaar [Awir art. 14, derde lid].

    Het bedrag van de tegemoetkoming wordt rekenkundig afgerond op hele euro's.
    """
    return rt.afronden(berekende_zorgtoeslag(r), _STAP_1, 'rekenkundig')


@rt.regel('zorgtoeslag_per_jaar', _BEDRAG_PER_JAAR, 'Awir art. 14, derde en vierde lid')
def zorgtoeslag_per_jaar(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel zorgtoeslag_per_jaar: bedrag per jaar [Awir art. 14, derde en vierde lid].

    De zorgtoeslag over het berekeningsjaar.

    Uitzonderingen: [Awir art. 14, vierde lid].
    """
    if afgeronde_zorgtoeslag(r) < minimale_tegemoetkoming(r):
        return rt.Uitzondering(_EUR_0_00, 'Awir art. 14, vierde lid')
    return afgeronde_zorgtoeslag(r)


@rt.regel('zorgtoeslag_per_maand', _BEDRAG_PER_MAAND, 'Awir art. 22, eerste lid')
def zorgtoeslag_per_maand(r: _Rekening) -> Decimal:
    """Regel zorgtoeslag_per_maand: bedrag per maand [Awir art. 22, eerste lid].

    Een twaalfde van het jaarbedrag: de termijn waarin een voorschot in twaalf gelijke termijnen wordt
    betaald.
    """
    return rt.omrekenen(zorgtoeslag_per_jaar(r), 'jaar', 'maand')


@rt.regel(
    'zorgtoeslag_per_maand_uitbetaald',
    _BEDRAG_PER_MAAND,
    'Awir art. 22, eerste lid; Dienst Toeslagen, gepubliceerde maandbedragen',
)
def zorgtoeslag_per_maand_uitbetaald(r: _Rekening) -> Decimal:
    """Regel zorgtoeslag_per_maand_uitbetaald: bedrag per maand [Awir art. 22, eerste lid; Dienst Toeslagen,
    gepubliceerde maandbedragen].

    Het maandbedrag zoals de Dienst Toeslagen het publiceert en betaalt: het twaalfde van het jaarbedrag,
    naar beneden afgerond op hele euro's.
    """
    return rt.afronden(zorgtoeslag_per_maand(r), _STAP_1, 'naar beneden')


def _eisen(r: _Rekening) -> None:
    """De eisen aan de invoer, in de volgorde van de regels: een InvoerFout met elke eis die niet klopt."""
    rt.eisen(
        (
            lambda: Decimal(len([persoon for persoon in huishouden(r) if persoon['rol'] == 'aanvrager']))
            == _AANTAL_1,
            'huishouden',
            'voldoet niet aan de eis: precies één aanvrager',
        ),
        (
            lambda: Decimal(len([persoon for persoon in huishouden(r) if persoon['rol'] == 'toeslagpartner']))
            <= _AANTAL_1,
            'huishouden',
            'voldoet niet aan de eis: hoogstens één toeslagpartner',
        ),
    )
