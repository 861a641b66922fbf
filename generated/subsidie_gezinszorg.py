"""Subsidie voor gezinszorg geboden door verzorgend personeel: de berekening van de regeling subsidie_gezinszorg
(versie 2011.1).

Gegenereerd door regelwerk 0.1.0 uit subsidie_gezinszorg.rw; niet met de hand wijzigen, maar de regels
aanpassen en `regelwerk build` uitvoeren. Gebruik: bereken(invoer, peildatum), bereken_deel(invoer,
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
    'Tijdvak',
    'Maandprestatie',
    'MaandprestatieInvoer',
    'Bijscholing',
    'BijscholingInvoer',
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

REGELING: Final = 'subsidie_gezinszorg'
TITEL: Final[str | None] = 'Subsidie voor gezinszorg geboden door verzorgend personeel'
VERSIE: Final[str | None] = '2011.1'
GELDIG_VANAF: Final[datetime.date | None] = datetime.date(2006, 1, 1)
GELDIG_TOT: Final[datetime.date | None] = datetime.date(2012, 1, 1)  # tot: exclusief
BRON: Final[str | None] = (
    'Agentschap Zorg en Gezondheid, subsidiëring van gezinszorg; subsidiebedragen en toeslagen voor gezinszorg, '
    'werkjaren 2006-2011'
)
COMPILER_VERSIE: Final = '0.1.0'


Tijdvak: TypeAlias = Literal['weekdag_overdag', 'weekdag_avond_of_nacht', 'zaterdag', 'zon_of_feestdag']


class Maandprestatie(TypedDict):
    """Gegevens maandprestatie: exacte waarden."""
    tijdvak: str
    uren: Decimal
    prestatiemaand: datetime.date


class MaandprestatieInvoer(TypedDict):
    """Gegevens maandprestatie zoals een dienst ze aanlevert."""
    tijdvak: Tijdvak
    uren: rt.GetalInvoer
    prestatiemaand: rt.DatumInvoer


class Bijscholing(TypedDict):
    """Gegevens bijscholing: exacte waarden."""
    prestatiemaand: datetime.date
    uren: Decimal


class BijscholingInvoer(TypedDict):
    """Gegevens bijscholing zoals een dienst ze aanlevert."""
    prestatiemaand: rt.DatumInvoer
    uren: rt.GetalInvoer


class Invoer(TypedDict):
    """De invoer van subsidie_gezinszorg, zoals een dienst die aanlevert (bedragen als tekst, bijv. "1450.50")."""
    prestaties: Sequence[MaandprestatieInvoer]
    bijscholingen: Sequence[BijscholingInvoer]
    urencontingent: rt.GetalInvoer
    vte_begeleidend_personeel: rt.GetalInvoer
    vte_leidinggevend_personeel: rt.GetalInvoer
    eenheden_administratie_en_coordinatie: rt.GetalInvoer
    gesubsidieerde_uren_vorig_jaar: rt.GetalInvoer
    eerste_werkjaar_van_de_erkenning: rt.JaNeeInvoer


class Uitvoer(TypedDict):
    """De uitvoer van subsidie_gezinszorg: exacte waarden."""
    subsidiabele_uren: Decimal
    subsidie_gepresteerde_uren: Decimal
    subsidie_bijscholing: Decimal
    subsidie_omkadering: Decimal
    subsidie_werkjaar: Decimal
    voorschot_1e_kwartaal: Decimal
    voorschot_2e_kwartaal: Decimal
    voorschot_3e_kwartaal: Decimal
    voorschot_4e_kwartaal: Decimal
    saldo: Decimal


class _Gelezen(TypedDict):
    """De invoer na controle: exacte waarden."""
    prestaties: tuple[Maandprestatie, ...]
    bijscholingen: tuple[Bijscholing, ...]
    urencontingent: Decimal
    vte_begeleidend_personeel: Decimal
    vte_leidinggevend_personeel: Decimal
    eenheden_administratie_en_coordinatie: Decimal
    gesubsidieerde_uren_vorig_jaar: Decimal
    eerste_werkjaar_van_de_erkenning: bool


_Rekening: TypeAlias = rt.Rekening[_Gelezen]

_EUR_24_7922: Final = Decimal('24.7922')
_2011_06_01: Final = datetime.date(2011, 6, 1)
_EUR_24_3061: Final = Decimal('24.3061')
_2010_10_01: Final = datetime.date(2010, 10, 1)
_EUR_23_8295: Final = Decimal('23.8295')
_2010_01_01: Final = datetime.date(2010, 1, 1)
_EUR_23_6633: Final = Decimal('23.6633')
_2009_01_01: Final = datetime.date(2009, 1, 1)
_EUR_23_4981: Final = Decimal('23.4981')
_2008_10_01: Final = datetime.date(2008, 10, 1)
_EUR_23_0373: Final = Decimal('23.0373')
_2008_07_01: Final = datetime.date(2008, 7, 1)
_EUR_22_7362: Final = Decimal('22.7362')
_2008_04_01: Final = datetime.date(2008, 4, 1)
_EUR_22_4380: Final = Decimal('22.4380')
_2008_01_01: Final = datetime.date(2008, 1, 1)
_EUR_21_9860: Final = Decimal('21.9860')
_2007_10_01: Final = datetime.date(2007, 10, 1)
_EUR_21_9689: Final = Decimal('21.9689')
_2007_07_01: Final = datetime.date(2007, 7, 1)
_EUR_21_9604: Final = Decimal('21.9604')
_2007_01_01: Final = datetime.date(2007, 1, 1)
_EUR_21_6611: Final = Decimal('21.6611')
_2006_10_01: Final = datetime.date(2006, 10, 1)
_EUR_21_3761: Final = Decimal('21.3761')
_2006_01_01: Final = datetime.date(2006, 1, 1)
_EUR_35895_00: Final = Decimal('35895.00')
_2011_01_01: Final = datetime.date(2011, 1, 1)
_EUR_34959_00: Final = Decimal('34959.00')
_EUR_34785_00: Final = Decimal('34785.00')
_EUR_34103_00: Final = Decimal('34103.00')
_EUR_33657_00: Final = Decimal('33657.00')
_EUR_33216_00: Final = Decimal('33216.00')
_EUR_32779_00: Final = Decimal('32779.00')
_EUR_32564_00: Final = Decimal('32564.00')
_EUR_32136_00: Final = Decimal('32136.00')
_EUR_19631_00: Final = Decimal('19631.00')
_EUR_19119_00: Final = Decimal('19119.00')
_EUR_19024_00: Final = Decimal('19024.00')
_EUR_18651_00: Final = Decimal('18651.00')
_EUR_18407_00: Final = Decimal('18407.00')
_EUR_18166_00: Final = Decimal('18166.00')
_EUR_17927_00: Final = Decimal('17927.00')
_EUR_17809_00: Final = Decimal('17809.00')
_EUR_17575_00: Final = Decimal('17575.00')
_EUR_26750_00: Final = Decimal('26750.00')
_EUR_26441_00: Final = Decimal('26441.00')
_EUR_25922_00: Final = Decimal('25922.00')
_EUR_25583_00: Final = Decimal('25583.00')
_EUR_25248_00: Final = Decimal('25248.00')
_EUR_24916_00: Final = Decimal('24916.00')
_EUR_24753_00: Final = Decimal('24753.00')
_EUR_24427_00: Final = Decimal('24427.00')
_3_MAANDEN: Final = Decimal('3')
_AANTAL_4: Final = Decimal('4')
_PROCENT_75: Final = Decimal('0.75')
_6_MAANDEN: Final = Decimal('6')
_9_MAANDEN: Final = Decimal('9')
_1_JAAR: Final = Decimal('1')
_NUL: Final = Decimal('0')
_KEUZE_TIJDVAK: Final = rt.Soort(
    'keuze tijdvak',
    'keuze',
    waarden=('weekdag_overdag', 'weekdag_avond_of_nacht', 'zaterdag', 'zon_of_feestdag'),
)
_UREN: Final = rt.Soort('uren', 'duur', 'uur')
_DATUM: Final = rt.Soort('datum', 'datum')
_MAANDPRESTATIE: Final = rt.Soort(
    'maandprestatie',
    'gegevens',
    velden=(('tijdvak', _KEUZE_TIJDVAK), ('uren', _UREN), ('prestatiemaand', _DATUM)),
)
_LIJST_VAN_MAANDPRESTATIE: Final = rt.Soort('lijst van maandprestatie', 'lijst', element=_MAANDPRESTATIE)
_BIJSCHOLING: Final = rt.Soort('bijscholing', 'gegevens', velden=(('prestatiemaand', _DATUM), ('uren', _UREN)))
_LIJST_VAN_BIJSCHOLING: Final = rt.Soort('lijst van bijscholing', 'lijst', element=_BIJSCHOLING)
_GETAL: Final = rt.Soort('getal', 'getal')
_JA_NEE: Final = rt.Soort('ja/nee', 'ja/nee')
_BEDRAG_PER_UUR: Final = rt.Soort('bedrag per uur', 'bedrag', 'uur')
_BEDRAG_PER_JAAR: Final = rt.Soort('bedrag per jaar', 'bedrag', 'jaar')
_MAANDEN: Final = rt.Soort('maanden', 'duur', 'maand', geheel=True)
_AANTAL: Final = rt.Soort('aantal', 'getal', geheel=True)
_PERCENTAGE: Final = rt.Soort('percentage', 'procent')
_BEDRAG: Final = rt.Soort('bedrag', 'bedrag')
_INVOER: Final = rt.Invoervelden(
    (
        ('prestaties', _LIJST_VAN_MAANDPRESTATIE),
        ('bijscholingen', _LIJST_VAN_BIJSCHOLING),
        ('urencontingent', _UREN),
        ('vte_begeleidend_personeel', _GETAL),
        ('vte_leidinggevend_personeel', _GETAL),
        ('eenheden_administratie_en_coordinatie', _GETAL),
        ('gesubsidieerde_uren_vorig_jaar', _UREN),
        ('eerste_werkjaar_van_de_erkenning', _JA_NEE),
    ),
)
_UITVOER: Final[dict[str, rt.Soort]] = {
    'subsidiabele_uren': _UREN,
    'subsidie_gepresteerde_uren': _BEDRAG,
    'subsidie_bijscholing': _BEDRAG,
    'subsidie_omkadering': _BEDRAG,
    'subsidie_werkjaar': _BEDRAG,
    'voorschot_1e_kwartaal': _BEDRAG,
    'voorschot_2e_kwartaal': _BEDRAG,
    'voorschot_3e_kwartaal': _BEDRAG,
    'voorschot_4e_kwartaal': _BEDRAG,
    'saldo': _BEDRAG,
}

INVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Invoer van subsidie_gezinszorg',
    'type': 'object',
    'properties': {
        'prestaties': {
            'title': 'lijst van maandprestatie',
            'description': 'De gevalideerde prestaties van de dienst in het werkjaar.',
            'type': 'array',
            'items': {
                'title': 'maandprestatie',
                'type': 'object',
                'properties': {
                    'tijdvak': {
                        'title': 'keuze tijdvak',
                        'type': 'string',
                        'enum': ['weekdag_overdag', 'weekdag_avond_of_nacht', 'zaterdag', 'zon_of_feestdag'],
                    },
                    'uren': {'title': 'uren', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
                    'prestatiemaand': {
                        'title': 'datum',
                        'type': 'string',
                        'format': 'date',
                        'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
                    },
                },
                'required': ['tijdvak', 'uren', 'prestatiemaand'],
                'additionalProperties': False,
            },
        },
        'bijscholingen': {
            'title': 'lijst van bijscholing',
            'type': 'array',
            'items': {
                'title': 'bijscholing',
                'type': 'object',
                'properties': {
                    'prestatiemaand': {
                        'title': 'datum',
                        'type': 'string',
                        'format': 'date',
                        'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
                    },
                    'uren': {'title': 'uren', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
                },
                'required': ['prestatiemaand', 'uren'],
                'additionalProperties': False,
            },
        },
        'urencontingent': {
            'title': 'uren',
            'description': (
                'Het aantal subsidiabele uren gezinszorg dat de minister de dienst voor het werkjaar toekende.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'vte_begeleidend_personeel': {
            'title': 'getal',
            'description': (
                'Het aantal gesubsidieerde voltijdse equivalenten begeleidend personeel (de norm staat niet in de '
                'bronnen).'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'vte_leidinggevend_personeel': {
            'title': 'getal',
            'description': (
                'Het aantal gesubsidieerde voltijdse equivalenten leidinggevend personeel; alleen bij grote '
                'diensten, anders 0.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'eenheden_administratie_en_coordinatie': {
            'title': 'getal',
            'description': (
                'Het aantal eenheden waarvoor de dienst de toelage voor administratie- en coördinatiekosten '
                'krijgt (de maatstaf staat niet in de bronnen).'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'gesubsidieerde_uren_vorig_jaar': {
            'title': 'uren',
            'description': (
                'De gesubsidieerde uren (gepresteerde en gelijkgestelde uren) van het voorafgaande werkjaar.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'eerste_werkjaar_van_de_erkenning': {
            'title': 'ja/nee',
            'description': 'Het werkjaar is het eerste jaar dat de dienst erkend is.',
            'type': 'boolean',
        },
    },
    'required': [
        'prestaties',
        'bijscholingen',
        'urencontingent',
        'vte_begeleidend_personeel',
        'vte_leidinggevend_personeel',
        'eenheden_administratie_en_coordinatie',
        'gesubsidieerde_uren_vorig_jaar',
        'eerste_werkjaar_van_de_erkenning',
    ],
    'additionalProperties': False,
}

UITVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Uitvoer van subsidie_gezinszorg',
    'type': 'object',
    'properties': {
        'subsidiabele_uren': {
            'title': 'uren',
            'description': 'Hoogstens het urencontingent van de dienst.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'subsidie_gepresteerde_uren': {
            'title': 'bedrag',
            'description': (
                'Boven het urencontingent worden alle uren in dezelfde verhouding verminderd (interpretatie).'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'subsidie_bijscholing': {'title': 'bedrag', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'subsidie_omkadering': {
            'title': 'bedrag',
            'description': (
                'Begeleidend en leidinggevend personeel en de toelage voor administratie- en coördinatiekosten '
                'over het werkjaar.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'subsidie_werkjaar': {
            'title': 'bedrag',
            'description': 'De subsidie-enveloppe van de dienst voor het werkjaar (zonder de toeslagen).',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'voorschot_1e_kwartaal': {'title': 'bedrag', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'voorschot_2e_kwartaal': {'title': 'bedrag', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'voorschot_3e_kwartaal': {'title': 'bedrag', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'voorschot_4e_kwartaal': {'title': 'bedrag', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'saldo': {
            'title': 'bedrag',
            'description': (
                'Wat na de verwerking van de Vesta-gegevens nog wordt uitbetaald; een negatief saldo wordt '
                'teruggevorderd.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
    },
    'required': [
        'subsidiabele_uren',
        'subsidie_gepresteerde_uren',
        'subsidie_bijscholing',
        'subsidie_omkadering',
        'subsidie_werkjaar',
        'voorschot_1e_kwartaal',
        'voorschot_2e_kwartaal',
        'voorschot_3e_kwartaal',
        'voorschot_4e_kwartaal',
        'saldo',
    ],
    'additionalProperties': False,
}


def bereken(invoer: Mapping[str, object], peildatum: datetime.date | str) -> rt.Resultaat[Uitvoer]:
    """Bereken de uitvoer van subsidie_gezinszorg voor één invoer op de peildatum.

    InvoerFout als de invoer of de peildatum niet klopt (de melding noemt het veld), RekenFout als de regels
    voor deze invoer geen uitkomst bepalen.
    """
    dag = rt.lees_peildatum(peildatum, GELDIG_VANAF, GELDIG_TOT)
    with rt.exact():
        r: _Rekening = rt.Rekening(dag, _INVOER.lees(invoer))
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
        'subsidiabele_uren': subsidiabele_uren(r),
        'subsidie_gepresteerde_uren': subsidie_gepresteerde_uren(r),
        'subsidie_bijscholing': subsidie_bijscholing(r),
        'subsidie_omkadering': subsidie_omkadering(r),
        'subsidie_werkjaar': subsidie_werkjaar(r),
        'voorschot_1e_kwartaal': voorschot_1e_kwartaal(r),
        'voorschot_2e_kwartaal': voorschot_2e_kwartaal(r),
        'voorschot_3e_kwartaal': voorschot_3e_kwartaal(r),
        'voorschot_4e_kwartaal': voorschot_4e_kwartaal(r),
        'saldo': saldo(r),
    }


def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:
    """De functie van elke uitvoer, voor bereken_deel."""
    return {
        'subsidiabele_uren': subsidiabele_uren,
        'subsidie_gepresteerde_uren': subsidie_gepresteerde_uren,
        'subsidie_bijscholing': subsidie_bijscholing,
        'subsidie_omkadering': subsidie_omkadering,
        'subsidie_werkjaar': subsidie_werkjaar,
        'voorschot_1e_kwartaal': voorschot_1e_kwartaal,
        'voorschot_2e_kwartaal': voorschot_2e_kwartaal,
        'voorschot_3e_kwartaal': voorschot_3e_kwartaal,
        'voorschot_4e_kwartaal': voorschot_4e_kwartaal,
        'saldo': saldo,
    }


@rt.invoer(
    'prestaties',
    _LIJST_VAN_MAANDPRESTATIE,
    'zorg-en-gezondheid.be, subsidiering gezinszorg',
    'De gevalideerde prestaties van de dienst in het werkjaar.',
)
def prestaties(r: _Rekening) -> tuple[Maandprestatie, ...]:
    """Invoer prestaties: lijst van maandprestatie [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return r.invoer['prestaties']


@rt.invoer('bijscholingen', _LIJST_VAN_BIJSCHOLING, 'zorg-en-gezondheid.be, subsidiering gezinszorg', None)
def bijscholingen(r: _Rekening) -> tuple[Bijscholing, ...]:
    """Invoer bijscholingen: lijst van bijscholing [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return r.invoer['bijscholingen']


@rt.invoer(
    'urencontingent',
    _UREN,
    'zorg-en-gezondheid.be, urencontingent gezinszorg',
    'Het aantal subsidiabele uren gezinszorg dat de minister de dienst voor het werkjaar toekende.',
)
def urencontingent(r: _Rekening) -> Decimal:
    """Invoer urencontingent: uren [zorg-en-gezondheid.be, urencontingent gezinszorg]."""
    return r.invoer['urencontingent']


@rt.invoer(
    'vte_begeleidend_personeel',
    _GETAL,
    'zorg-en-gezondheid.be, subsidiering gezinszorg',
    'Het aantal gesubsidieerde voltijdse equivalenten begeleidend personeel (de norm staat niet in de bronnen).',
)
def vte_begeleidend_personeel(r: _Rekening) -> Decimal:
    """Invoer vte_begeleidend_personeel: getal [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return r.invoer['vte_begeleidend_personeel']


@rt.invoer(
    'vte_leidinggevend_personeel',
    _GETAL,
    'zorg-en-gezondheid.be, subsidiering gezinszorg',
    (
        'Het aantal gesubsidieerde voltijdse equivalenten leidinggevend personeel; alleen bij grote diensten, '
        'anders 0.'
    ),
)
def vte_leidinggevend_personeel(r: _Rekening) -> Decimal:
    """Invoer vte_leidinggevend_personeel: getal [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return r.invoer['vte_leidinggevend_personeel']


@rt.invoer(
    'eenheden_administratie_en_coordinatie',
    _GETAL,
    'zorg-en-gezondheid.be, subsidiering gezinszorg',
    (
        'Het aantal eenheden waarvoor de dienst de toelage voor administratie- en coördinatiekosten krijgt (de '
        'maatstaf staat niet in de bronnen).'
    ),
)
def eenheden_administratie_en_coordinatie(r: _Rekening) -> Decimal:
    """Invoer eenheden_administratie_en_coordinatie: getal [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return r.invoer['eenheden_administratie_en_coordinatie']


@rt.invoer(
    'gesubsidieerde_uren_vorig_jaar',
    _UREN,
    'zorg-en-gezondheid.be, subsidiering gezinszorg',
    'De gesubsidieerde uren (gepresteerde en gelijkgestelde uren) van het voorafgaande werkjaar.',
)
def gesubsidieerde_uren_vorig_jaar(r: _Rekening) -> Decimal:
    """Invoer gesubsidieerde_uren_vorig_jaar: uren [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return r.invoer['gesubsidieerde_uren_vorig_jaar']


@rt.invoer(
    'eerste_werkjaar_van_de_erkenning',
    _JA_NEE,
    'zorg-en-gezondheid.be, subsidiering gezinszorg',
    'Het werkjaar is het eerste jaar dat de dienst erkend is.',
)
def eerste_werkjaar_van_de_erkenning(r: _Rekening) -> bool:
    """Invoer eerste_werkjaar_van_de_erkenning: ja/nee [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return r.invoer['eerste_werkjaar_van_de_erkenning']


@rt.parameter('uursubsidie', _BEDRAG_PER_UUR)
def uursubsidie(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter uursubsidie: bedrag per uur [zorg-en-gezondheid.be, subsidiebedragen vorige jaren].

    Prestaties en bijscholing verzorgend personeel, per uur.
    """
    if dag >= _2011_06_01:
        return rt.Geldig(_EUR_24_7922, 'werkjaar 2011, juni tot en met december', vanaf='2011-06-01')
    if dag >= _2010_10_01:
        return rt.Geldig(
            _EUR_24_3061,
            'werkjaar 2010, 4e kwartaal; werkjaar 2011, januari tot en met mei',
            vanaf='2010-10-01',
        )
    if dag >= _2010_01_01:
        return rt.Geldig(_EUR_23_8295, 'werkjaar 2010, 1e tot 3e kwartaal', vanaf='2010-01-01')
    if dag >= _2009_01_01:
        return rt.Geldig(_EUR_23_6633, 'werkjaar 2009, volledig jaar', vanaf='2009-01-01')
    if dag >= _2008_10_01:
        return rt.Geldig(_EUR_23_4981, 'werkjaar 2008, 4e kwartaal', vanaf='2008-10-01')
    if dag >= _2008_07_01:
        return rt.Geldig(_EUR_23_0373, 'werkjaar 2008, 3e kwartaal', vanaf='2008-07-01')
    if dag >= _2008_04_01:
        return rt.Geldig(_EUR_22_7362, 'werkjaar 2008, 2e kwartaal', vanaf='2008-04-01')
    if dag >= _2008_01_01:
        return rt.Geldig(_EUR_22_4380, 'werkjaar 2008, 1e kwartaal', vanaf='2008-01-01')
    if dag >= _2007_10_01:
        return rt.Geldig(_EUR_21_9860, 'werkjaar 2007, 4e kwartaal', vanaf='2007-10-01')
    if dag >= _2007_07_01:
        return rt.Geldig(_EUR_21_9689, 'werkjaar 2007, 3e kwartaal', vanaf='2007-07-01')
    if dag >= _2007_01_01:
        return rt.Geldig(_EUR_21_9604, 'werkjaar 2007, 1e semester', vanaf='2007-01-01')
    if dag >= _2006_10_01:
        return rt.Geldig(_EUR_21_6611, 'werkjaar 2006, 4e kwartaal', vanaf='2006-10-01')
    if dag >= _2006_01_01:
        return rt.Geldig(_EUR_21_3761, 'werkjaar 2006, 1e tot 3e kwartaal', vanaf='2006-01-01')
    raise r.geen_parameterwaarde('uursubsidie', dag)


@rt.parameter('begeleidend_personeel_per_vte', _BEDRAG_PER_JAAR)
def begeleidend_personeel_per_vte(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter begeleidend_personeel_per_vte: bedrag per jaar [zorg-en-gezondheid.be, subsidiebedragen vorige
    jaren].

    Begeleidend personeel, per VTE per jaar (eenheid niet vermeld in de bron).
    """
    if dag >= _2011_01_01:
        return rt.Geldig(_EUR_35895_00, 'werkjaar 2011', vanaf='2011-01-01')
    if dag >= _2010_01_01:
        return rt.Geldig(_EUR_34959_00, 'werkjaar 2010', vanaf='2010-01-01')
    if dag >= _2008_10_01:
        return rt.Geldig(_EUR_34785_00, 'werkjaar 2008, 4e kwartaal; werkjaar 2009', vanaf='2008-10-01')
    if dag >= _2008_07_01:
        return rt.Geldig(_EUR_34103_00, 'werkjaar 2008, 3e kwartaal', vanaf='2008-07-01')
    if dag >= _2008_04_01:
        return rt.Geldig(_EUR_33657_00, 'werkjaar 2008, 2e kwartaal', vanaf='2008-04-01')
    if dag >= _2008_01_01:
        return rt.Geldig(_EUR_33216_00, 'werkjaar 2008, 1e kwartaal', vanaf='2008-01-01')
    if dag >= _2007_01_01:
        return rt.Geldig(_EUR_32779_00, 'werkjaar 2007', vanaf='2007-01-01')
    if dag >= _2006_10_01:
        return rt.Geldig(_EUR_32564_00, 'werkjaar 2006, 4e kwartaal', vanaf='2006-10-01')
    if dag >= _2006_01_01:
        return rt.Geldig(_EUR_32136_00, 'werkjaar 2006, 1e tot 3e kwartaal', vanaf='2006-01-01')
    raise r.geen_parameterwaarde('begeleidend_personeel_per_vte', dag)


@rt.parameter('leidinggevend_personeel_per_vte', _BEDRAG_PER_JAAR)
def leidinggevend_personeel_per_vte(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter leidinggevend_personeel_per_vte: bedrag per jaar [zorg-en-gezondheid.be, subsidiebedragen
    vorige jaren].

    Leidinggevend personeel, per VTE per jaar (eenheid niet vermeld in de bron).
    """
    if dag >= _2011_01_01:
        return rt.Geldig(_EUR_19631_00, 'werkjaar 2011', vanaf='2011-01-01')
    if dag >= _2010_01_01:
        return rt.Geldig(_EUR_19119_00, 'werkjaar 2010', vanaf='2010-01-01')
    if dag >= _2008_10_01:
        return rt.Geldig(_EUR_19024_00, 'werkjaar 2008, 4e kwartaal; werkjaar 2009', vanaf='2008-10-01')
    if dag >= _2008_07_01:
        return rt.Geldig(_EUR_18651_00, 'werkjaar 2008, 3e kwartaal', vanaf='2008-07-01')
    if dag >= _2008_04_01:
        return rt.Geldig(_EUR_18407_00, 'werkjaar 2008, 2e kwartaal', vanaf='2008-04-01')
    if dag >= _2008_01_01:
        return rt.Geldig(_EUR_18166_00, 'werkjaar 2008, 1e kwartaal', vanaf='2008-01-01')
    if dag >= _2007_01_01:
        return rt.Geldig(_EUR_17927_00, 'werkjaar 2007', vanaf='2007-01-01')
    if dag >= _2006_10_01:
        return rt.Geldig(_EUR_17809_00, 'werkjaar 2006, 4e kwartaal', vanaf='2006-10-01')
    if dag >= _2006_01_01:
        return rt.Geldig(_EUR_17575_00, 'werkjaar 2006, 1e tot 3e kwartaal', vanaf='2006-01-01')
    raise r.geen_parameterwaarde('leidinggevend_personeel_per_vte', dag)


@rt.parameter('administratie_en_coordinatie_per_eenheid', _BEDRAG_PER_JAAR)
def administratie_en_coordinatie_per_eenheid(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter administratie_en_coordinatie_per_eenheid: bedrag per jaar [zorg-en-gezondheid.be,
    subsidiebedragen vorige jaren].

    Administratie- en coördinatiekosten, per eenheid per jaar (eenheid niet vermeld in de bron).
    """
    if dag >= _2011_01_01:
        return rt.Geldig(_EUR_26750_00, 'werkjaar 2011', vanaf='2011-01-01')
    if dag >= _2008_10_01:
        return rt.Geldig(_EUR_26441_00, 'werkjaar 2008, 4e kwartaal; werkjaren 2009 en 2010', vanaf='2008-10-01')
    if dag >= _2008_07_01:
        return rt.Geldig(_EUR_25922_00, 'werkjaar 2008, 3e kwartaal', vanaf='2008-07-01')
    if dag >= _2008_04_01:
        return rt.Geldig(_EUR_25583_00, 'werkjaar 2008, 2e kwartaal', vanaf='2008-04-01')
    if dag >= _2008_01_01:
        return rt.Geldig(_EUR_25248_00, 'werkjaar 2008, 1e kwartaal', vanaf='2008-01-01')
    if dag >= _2007_01_01:
        return rt.Geldig(_EUR_24916_00, 'werkjaar 2007', vanaf='2007-01-01')
    if dag >= _2006_10_01:
        return rt.Geldig(_EUR_24753_00, 'werkjaar 2006, 4e kwartaal', vanaf='2006-10-01')
    if dag >= _2006_01_01:
        return rt.Geldig(_EUR_24427_00, 'werkjaar 2006, 1e tot 3e kwartaal', vanaf='2006-01-01')
    raise r.geen_parameterwaarde('administratie_en_coordinatie_per_eenheid', dag)


@rt.parameter('duur_van_een_kwartaal', _MAANDEN)
def duur_van_een_kwartaal(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter duur_van_een_kwartaal: maanden [zorg-en-gezondheid.be, subsidiering gezinszorg].

    Een bedrag per jaar maal 3 maanden is een vierde van dat bedrag.
    """
    return rt.Geldig(_3_MAANDEN, 'zorg-en-gezondheid.be, subsidiering gezinszorg')


@rt.parameter('aantal_voorschotten', _AANTAL)
def aantal_voorschotten(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter aantal_voorschotten: aantal [zorg-en-gezondheid.be, subsidiering gezinszorg].

    Elk kwartaal een voorschot.
    """
    return rt.Geldig(_AANTAL_4, 'zorg-en-gezondheid.be, subsidiering gezinszorg')


@rt.parameter('voorschotbasis_nieuwe_dienst', _PERCENTAGE)
def voorschotbasis_nieuwe_dienst(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter voorschotbasis_nieuwe_dienst: percentage [zorg-en-gezondheid.be, subsidiering gezinszorg].

    Een nieuwe dienst krijgt in zijn eerste erkenningsjaar voorschotten op basis van maximaal 75 % van zijn
    urencontingent.
    """
    return rt.Geldig(_PROCENT_75, 'zorg-en-gezondheid.be, subsidiering gezinszorg')


@rt.regel('begin_werkjaar', _DATUM, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def begin_werkjaar(r: _Rekening) -> datetime.date:
    """Regel begin_werkjaar: datum [zorg-en-gezondheid.be, subsidiering gezinszorg].

    1 januari van het werkjaar waarin de peildatum ligt.
    """
    return rt.kalender('eerste', 'jaar', r.peildatum)


@rt.regel('begin_2e_kwartaal', _DATUM, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def begin_2e_kwartaal(r: _Rekening) -> datetime.date:
    """Regel begin_2e_kwartaal: datum [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return rt.plus_periode(begin_werkjaar(r), 'maand', _3_MAANDEN)


@rt.regel('begin_3e_kwartaal', _DATUM, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def begin_3e_kwartaal(r: _Rekening) -> datetime.date:
    """Regel begin_3e_kwartaal: datum [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return rt.plus_periode(begin_werkjaar(r), 'maand', _6_MAANDEN)


@rt.regel('begin_4e_kwartaal', _DATUM, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def begin_4e_kwartaal(r: _Rekening) -> datetime.date:
    """Regel begin_4e_kwartaal: datum [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return rt.plus_periode(begin_werkjaar(r), 'maand', _9_MAANDEN)


@rt.regel_per('in_het_werkjaar', _JA_NEE, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def in_het_werkjaar(r: _Rekening, maandprestatie: Maandprestatie) -> bool:
    """Regel per maandprestatie in_het_werkjaar: ja/nee [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return (
        maandprestatie['prestatiemaand'] >= begin_werkjaar(r)
        and maandprestatie['prestatiemaand'] < rt.plus_periode(begin_werkjaar(r), 'jaar', _1_JAAR)
    )


@rt.regel_per('bijscholing_in_het_werkjaar', _JA_NEE, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def bijscholing_in_het_werkjaar(r: _Rekening, bijscholing: Bijscholing) -> bool:
    """Regel per bijscholing bijscholing_in_het_werkjaar: ja/nee [zorg-en-gezondheid.be, subsidiering
    gezinszorg].
    """
    return (
        bijscholing['prestatiemaand'] >= begin_werkjaar(r)
        and bijscholing['prestatiemaand'] < rt.plus_periode(begin_werkjaar(r), 'jaar', _1_JAAR)
    )


@rt.regel('gepresteerde_uren', _UREN, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def gepresteerde_uren(r: _Rekening) -> Decimal:
    """Regel gepresteerde_uren: uren [zorg-en-gezondheid.be, subsidiering gezinszorg].

    De gevalideerde gepresteerde en gelijkgestelde uren van het werkjaar.
    """
    return sum(
        [maandprestatie['uren'] for maandprestatie in prestaties(r) if in_het_werkjaar(r, maandprestatie)],
        _NUL,
    )


@rt.regel('subsidiabele_uren', _UREN, 'zorg-en-gezondheid.be, urencontingent gezinszorg')
def subsidiabele_uren(r: _Rekening) -> Decimal:
    """Regel subsidiabele_uren: uren [zorg-en-gezondheid.be, urencontingent gezinszorg].

    Hoogstens het urencontingent van de dienst.
    """
    return min(gepresteerde_uren(r), urencontingent(r))


@rt.regel('bedrag_volgens_uursubsidie', _BEDRAG, 'zorg-en-gezondheid.be, subsidiebedragen vorige jaren')
def bedrag_volgens_uursubsidie(r: _Rekening) -> Decimal:
    """Regel bedrag_volgens_uursubsidie: bedrag [zorg-en-gezondheid.be, subsidiebedragen vorige jaren].

    Elk gepresteerd uur tegen de uursubsidie van de maand waarin het gepresteerd is.
    """
    return sum(
        [
            maandprestatie['uren'] * uursubsidie.op(r, maandprestatie['prestatiemaand'])
            for maandprestatie in [
                maandprestatie for maandprestatie in prestaties(r) if in_het_werkjaar(r, maandprestatie)
            ]
        ],
        _NUL,
    )


@rt.regel('subsidie_gepresteerde_uren', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def subsidie_gepresteerde_uren(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel subsidie_gepresteerde_uren: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg].

    Boven het urencontingent worden alle uren in dezelfde verhouding verminderd (interpretatie).

    Uitzonderingen: [zorg-en-gezondheid.be, urencontingent gezinszorg].
    """
    if gepresteerde_uren(r) > urencontingent(r):
        return rt.Uitzondering(
            bedrag_volgens_uursubsidie(r) * rt.deel(urencontingent(r), gepresteerde_uren(r)),
            'zorg-en-gezondheid.be, urencontingent gezinszorg',
        )
    return bedrag_volgens_uursubsidie(r)


@rt.regel('subsidie_bijscholing', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def subsidie_bijscholing(r: _Rekening) -> Decimal:
    """Regel subsidie_bijscholing: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return sum(
        [
            bijscholing['uren'] * uursubsidie.op(r, bijscholing['prestatiemaand'])
            for bijscholing in [
                bijscholing for bijscholing in bijscholingen(r) if bijscholing_in_het_werkjaar(r, bijscholing)
            ]
        ],
        _NUL,
    )


@rt.regel_met(
    'omkadering_van_het_kwartaal',
    _BEDRAG,
    'zorg-en-gezondheid.be, subsidiering gezinszorg',
    argumenten=(('begin_kwartaal', _DATUM),),
)
def omkadering_van_het_kwartaal(r: _Rekening, begin_kwartaal: datetime.date) -> Decimal:
    """Regel omkadering_van_het_kwartaal: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg].

    Een vierde van de bedragen per jaar die op de eerste dag van het kwartaal gelden.
    """
    return rt.schaal(
        (
            vte_begeleidend_personeel(r) * begeleidend_personeel_per_vte.op(r, begin_kwartaal)
            + vte_leidinggevend_personeel(r) * leidinggevend_personeel_per_vte.op(r, begin_kwartaal)
            + eenheden_administratie_en_coordinatie(r)
            * administratie_en_coordinatie_per_eenheid.op(r, begin_kwartaal)
        )
        * duur_van_een_kwartaal(r),
        1,
        12,
    )


@rt.regel('subsidie_omkadering', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def subsidie_omkadering(r: _Rekening) -> Decimal:
    """Regel subsidie_omkadering: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg].

    Begeleidend en leidinggevend personeel en de toelage voor administratie- en coördinatiekosten over het
    werkjaar.
    """
    return (
        omkadering_van_het_kwartaal(r, begin_werkjaar(r))
        + omkadering_van_het_kwartaal(r, begin_2e_kwartaal(r))
        + omkadering_van_het_kwartaal(r, begin_3e_kwartaal(r))
        + omkadering_van_het_kwartaal(r, begin_4e_kwartaal(r))
    )


@rt.regel('subsidie_werkjaar', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def subsidie_werkjaar(r: _Rekening) -> Decimal:
    """Regel subsidie_werkjaar: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg].

    De subsidie-enveloppe van de dienst voor het werkjaar (zonder de toeslagen).
    """
    return subsidie_gepresteerde_uren(r) + subsidie_bijscholing(r) + subsidie_omkadering(r)


@rt.regel('voorschotbasis_uren', _UREN, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def voorschotbasis_uren(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel voorschotbasis_uren: uren [zorg-en-gezondheid.be, subsidiering gezinszorg].

    De gesubsidieerde uren van het voorafgaande jaar.

    Uitzonderingen: [zorg-en-gezondheid.be, subsidiering gezinszorg].
    """
    if eerste_werkjaar_van_de_erkenning(r):
        return rt.Uitzondering(
            urencontingent(r) * voorschotbasis_nieuwe_dienst(r),
            'zorg-en-gezondheid.be, subsidiering gezinszorg',
        )
    return gesubsidieerde_uren_vorig_jaar(r)


@rt.regel('voorschot_1e_kwartaal', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def voorschot_1e_kwartaal(r: _Rekening) -> Decimal:
    """Regel voorschot_1e_kwartaal: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return (
        rt.deel(voorschotbasis_uren(r), aantal_voorschotten(r)) * uursubsidie.op(r, begin_werkjaar(r))
        + omkadering_van_het_kwartaal(r, begin_werkjaar(r))
    )


@rt.regel('voorschot_2e_kwartaal', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def voorschot_2e_kwartaal(r: _Rekening) -> Decimal:
    """Regel voorschot_2e_kwartaal: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return (
        rt.deel(voorschotbasis_uren(r), aantal_voorschotten(r)) * uursubsidie.op(r, begin_2e_kwartaal(r))
        + omkadering_van_het_kwartaal(r, begin_2e_kwartaal(r))
    )


@rt.regel('voorschot_3e_kwartaal', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def voorschot_3e_kwartaal(r: _Rekening) -> Decimal:
    """Regel voorschot_3e_kwartaal: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return (
        rt.deel(voorschotbasis_uren(r), aantal_voorschotten(r)) * uursubsidie.op(r, begin_3e_kwartaal(r))
        + omkadering_van_het_kwartaal(r, begin_3e_kwartaal(r))
    )


@rt.regel('voorschot_4e_kwartaal', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def voorschot_4e_kwartaal(r: _Rekening) -> Decimal:
    """Regel voorschot_4e_kwartaal: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return (
        rt.deel(voorschotbasis_uren(r), aantal_voorschotten(r)) * uursubsidie.op(r, begin_4e_kwartaal(r))
        + omkadering_van_het_kwartaal(r, begin_4e_kwartaal(r))
    )


@rt.regel('voorschotten', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def voorschotten(r: _Rekening) -> Decimal:
    """Regel voorschotten: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg]."""
    return (
        voorschot_1e_kwartaal(r) + voorschot_2e_kwartaal(r) + voorschot_3e_kwartaal(r) + voorschot_4e_kwartaal(r)
    )


@rt.regel('saldo', _BEDRAG, 'zorg-en-gezondheid.be, subsidiering gezinszorg')
def saldo(r: _Rekening) -> Decimal:
    """Regel saldo: bedrag [zorg-en-gezondheid.be, subsidiering gezinszorg].

    Wat na de verwerking van de Vesta-gegevens nog wordt uitbetaald; een negatief saldo wordt teruggevorderd.
    """
    return subsidie_werkjaar(r) - voorschotten(r)
