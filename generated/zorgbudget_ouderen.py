"""Zorgbudget voor ouderen met een zorgnood: de berekening van de regeling zorgbudget_ouderen (versie 2026.1).

Gegenereerd door regelwerk 0.1.0 uit zorgbudget_ouderen.rw; niet met de hand wijzigen, maar de regels
aanpassen en `regelwerk build` uitvoeren. Gebruik: bereken(invoer, peildatum), bereken_deel(invoer,
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

REGELING: Final = 'zorgbudget_ouderen'
TITEL: Final[str | None] = 'Zorgbudget voor ouderen met een zorgnood'
VERSIE: Final[str | None] = '2026.1'
GELDIG_VANAF: Final[datetime.date | None] = datetime.date(2022, 1, 1)
GELDIG_TOT: Final[datetime.date | None] = None  # tot: exclusief
BRON: Final[str | None] = (
    'Decreet van 18 mei 2018 houdende de Vlaamse sociale bescherming; BVR van 30 november 2018 (tekst niet '
    'gelezen)'
)
COMPILER_VERSIE: Final = '0.1.0'


class Invoer(TypedDict):
    """De invoer van zorgbudget_ouderen, zoals een dienst die aanlevert (bedragen als tekst, bijv. "1450.50")."""
    geboortedatum: rt.DatumInvoer
    aanvraagdatum: rt.DatumInvoer
    punten_zelfredzaamheid: rt.GetalInvoer
    verblijft_in_woonzorgcentrum: rt.JaNeeInvoer
    had_zorgcategorie_5_voor_opname: rt.JaNeeInvoer
    ontvangt_inkomensgarantie_voor_ouderen: rt.JaNeeInvoer
    aangesloten_bij_zorgkas: rt.JaNeeInvoer
    voldoet_aan_verblijfsvoorwaarde: rt.JaNeeInvoer
    ontvangt_inkomensvervangende_of_integratietegemoetkoming: rt.JaNeeInvoer
    heeft_partner: rt.JaNeeInvoer
    inkomen_aanvrager_en_partner: rt.GetalInvoer
    verkoopwaarde_onroerende_goederen_laatste_10_jaar: rt.GetalInvoer


class Uitvoer(TypedDict):
    """De uitvoer van zorgbudget_ouderen: exacte waarden."""
    voldoet_aan_voorwaarden: bool
    zorgcategorie: Decimal
    maximumbedrag: Decimal
    in_aanmerking_genomen_inkomen: Decimal
    vrijstelling: Decimal
    zorgbudget_per_jaar: Decimal
    zorgbudget_per_maand: Decimal


class _Gelezen(TypedDict):
    """De invoer na controle: exacte waarden."""
    geboortedatum: datetime.date
    aanvraagdatum: datetime.date
    punten_zelfredzaamheid: Decimal
    verblijft_in_woonzorgcentrum: bool
    had_zorgcategorie_5_voor_opname: bool
    ontvangt_inkomensgarantie_voor_ouderen: bool
    aangesloten_bij_zorgkas: bool
    voldoet_aan_verblijfsvoorwaarde: bool
    ontvangt_inkomensvervangende_of_integratietegemoetkoming: bool
    heeft_partner: bool
    inkomen_aanvrager_en_partner: Decimal
    verkoopwaarde_onroerende_goederen_laatste_10_jaar: Decimal


_Rekening: TypeAlias = rt.Rekening[_Gelezen]

_65_JAAR: Final = Decimal('65')
_2023_04_01: Final = datetime.date(2023, 4, 1)
_PROCENT_6: Final = Decimal('0.06')
_PROCENT_100: Final = Decimal('1.00')
_2022_01_01: Final = datetime.date(2022, 1, 1)
_2026_03_01: Final = datetime.date(2026, 3, 1)
_AANTAL_7: Final = Decimal('7')
_AANTAL_8: Final = Decimal('8')
_AANTAL_9: Final = Decimal('9')
_AANTAL_11: Final = Decimal('11')
_AANTAL_12: Final = Decimal('12')
_AANTAL_14: Final = Decimal('14')
_AANTAL_15: Final = Decimal('15')
_AANTAL_16: Final = Decimal('16')
_AANTAL_17: Final = Decimal('17')
_AANTAL_0: Final = Decimal('0')
_AANTAL_1: Final = Decimal('1')
_AANTAL_2: Final = Decimal('2')
_AANTAL_3: Final = Decimal('3')
_AANTAL_4: Final = Decimal('4')
_AANTAL_5: Final = Decimal('5')
_EUR_0_00: Final = Decimal('0.00')
_EUR_1150_19: Final = Decimal('1150.19')
_EUR_4390_57: Final = Decimal('4390.57')
_EUR_5338_20: Final = Decimal('5338.20')
_EUR_6285_59: Final = Decimal('6285.59')
_EUR_7720_95: Final = Decimal('7720.95')
_EUR_15622_55: Final = Decimal('15622.55')
_EUR_19521_70: Final = Decimal('19521.70')
_AANTAL_18: Final = Decimal('18')
_AANTAL: Final = rt.Soort('aantal', 'getal', geheel=True)
_DATUM: Final = rt.Soort('datum', 'datum')
_JA_NEE: Final = rt.Soort('ja/nee', 'ja/nee')
_BEDRAG_PER_JAAR: Final = rt.Soort('bedrag per jaar', 'bedrag', 'jaar')
_BEDRAG: Final = rt.Soort('bedrag', 'bedrag')
_JAREN: Final = rt.Soort('jaren', 'duur', 'jaar', geheel=True)
_PERCENTAGE: Final = rt.Soort('percentage', 'procent')
_BEDRAG_PER_MAAND: Final = rt.Soort('bedrag per maand', 'bedrag', 'maand')
_ZORGCATEGORIE_VOLGENS_PUNTEN: Final = rt.Tabel('zorgcategorie_volgens_punten', (('punten', _AANTAL),), _AANTAL)
_MAXIMUMBEDRAG_VOLGENS_CATEGORIE: Final = rt.Tabel(
    'maximumbedrag_volgens_categorie',
    (('categorie', _AANTAL),),
    _BEDRAG_PER_JAAR,
)
_INVOER: Final = rt.Invoervelden(
    (
        ('geboortedatum', _DATUM),
        ('aanvraagdatum', _DATUM),
        ('punten_zelfredzaamheid', _AANTAL),
        ('verblijft_in_woonzorgcentrum', _JA_NEE),
        ('had_zorgcategorie_5_voor_opname', _JA_NEE),
        ('ontvangt_inkomensgarantie_voor_ouderen', _JA_NEE),
        ('aangesloten_bij_zorgkas', _JA_NEE),
        ('voldoet_aan_verblijfsvoorwaarde', _JA_NEE),
        ('ontvangt_inkomensvervangende_of_integratietegemoetkoming', _JA_NEE),
        ('heeft_partner', _JA_NEE),
        ('inkomen_aanvrager_en_partner', _BEDRAG_PER_JAAR),
        ('verkoopwaarde_onroerende_goederen_laatste_10_jaar', _BEDRAG),
    ),
)
_UITVOER: Final[dict[str, rt.Soort]] = {
    'voldoet_aan_voorwaarden': _JA_NEE,
    'zorgcategorie': _AANTAL,
    'maximumbedrag': _BEDRAG_PER_JAAR,
    'in_aanmerking_genomen_inkomen': _BEDRAG_PER_JAAR,
    'vrijstelling': _BEDRAG_PER_JAAR,
    'zorgbudget_per_jaar': _BEDRAG_PER_JAAR,
    'zorgbudget_per_maand': _BEDRAG_PER_MAAND,
}

INVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Invoer van zorgbudget_ouderen',
    'type': 'object',
    'properties': {
        'geboortedatum': {
            'title': 'datum',
            'type': 'string',
            'format': 'date',
            'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
        },
        'aanvraagdatum': {
            'title': 'datum',
            'description': 'De datum van de aanvraag; ten vroegste de dag van de 65e verjaardag.',
            'type': 'string',
            'format': 'date',
            'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
        },
        'punten_zelfredzaamheid': {
            'title': 'aantal',
            'description': (
                'De punten op de schaal van zelfredzaamheid (zes activiteiten, elk 0 tot 3 punten), bepaald door '
                'artsen van de DG Personen met een Handicap.'
            ),
            'type': 'integer',
        },
        'verblijft_in_woonzorgcentrum': {
            'title': 'ja/nee',
            'description': 'De aanvrager verblijft in een woonzorgcentrum.',
            'type': 'boolean',
        },
        'had_zorgcategorie_5_voor_opname': {
            'title': 'ja/nee',
            'description': 'De aanvrager had vóór de opname in het woonzorgcentrum al zorgcategorie 5.',
            'type': 'boolean',
        },
        'ontvangt_inkomensgarantie_voor_ouderen': {
            'title': 'ja/nee',
            'description': (
                'De aanvrager ontvangt een inkomensgarantie voor ouderen (IGO) tijdens de opname in het '
                'woonzorgcentrum.'
            ),
            'type': 'boolean',
        },
        'aangesloten_bij_zorgkas': {'title': 'ja/nee', 'type': 'boolean'},
        'voldoet_aan_verblijfsvoorwaarde': {
            'title': 'ja/nee',
            'description': (
                'De afgelopen 5 jaar ononderbroken in Vlaanderen en/of Brussel gewoond, of sociaal verzekerd '
                'geweest in een lidstaat van de EU of de EER, of een combinatie van beide.'
            ),
            'type': 'boolean',
        },
        'ontvangt_inkomensvervangende_of_integratietegemoetkoming': {
            'title': 'ja/nee',
            'description': (
                'De aanvrager ontvangt een inkomensvervangende tegemoetkoming of een integratietegemoetkoming; '
                'het zorgbudget is daarmee niet te combineren.'
            ),
            'type': 'boolean',
        },
        'heeft_partner': {
            'title': 'ja/nee',
            'description': (
                'Een partner: een persoon die op hetzelfde adres ingeschreven is en geen bloed- of aanverwant is '
                'in de eerste, tweede of derde graad.'
            ),
            'type': 'boolean',
        },
        'inkomen_aanvrager_en_partner': {
            'title': 'bedrag per jaar',
            'description': (
                'Het getelde inkomen van de aanvrager en de partner per jaar (pensioen, inkomen uit arbeid, '
                'vervangingsinkomen, spaargelden, beleggingen, eigendommen), zonder de verkoop van onroerende '
                'goederen. Hoe het precies geteld wordt, staat niet in de geraadpleegde bronnen: de zorgkas stelt '
                'het vast.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'verkoopwaarde_onroerende_goederen_laatste_10_jaar': {
            'title': 'bedrag',
            'description': (
                'De verkoopwaarde van de onroerende goederen die de aanvrager in de laatste tien jaar verkocht.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
    },
    'required': [
        'geboortedatum',
        'aanvraagdatum',
        'punten_zelfredzaamheid',
        'verblijft_in_woonzorgcentrum',
        'had_zorgcategorie_5_voor_opname',
        'ontvangt_inkomensgarantie_voor_ouderen',
        'aangesloten_bij_zorgkas',
        'voldoet_aan_verblijfsvoorwaarde',
        'ontvangt_inkomensvervangende_of_integratietegemoetkoming',
        'heeft_partner',
        'inkomen_aanvrager_en_partner',
        'verkoopwaarde_onroerende_goederen_laatste_10_jaar',
    ],
    'additionalProperties': False,
}

UITVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Uitvoer van zorgbudget_ouderen',
    'type': 'object',
    'properties': {
        'voldoet_aan_voorwaarden': {
            'title': 'ja/nee',
            'description': (
                '65 jaar, minstens 7 punten (categorie 1 of hoger), aangesloten bij een zorgkas, de '
                'verblijfsvoorwaarde, en geen inkomensvervangende of integratietegemoetkoming.'
            ),
            'type': 'boolean',
        },
        'zorgcategorie': {'title': 'aantal', 'type': ['integer', 'string'], 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'maximumbedrag': {'title': 'bedrag per jaar', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'in_aanmerking_genomen_inkomen': {
            'title': 'bedrag per jaar',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'vrijstelling': {'title': 'bedrag per jaar', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'zorgbudget_per_jaar': {'title': 'bedrag per jaar', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'zorgbudget_per_maand': {
            'title': 'bedrag per maand',
            'description': (
                'Een twaalfde van het jaarbedrag (de tabel van de VSB geeft het maandbedrag als het jaarbedrag '
                'gedeeld door 12, op de cent).'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
    },
    'required': [
        'voldoet_aan_voorwaarden',
        'zorgcategorie',
        'maximumbedrag',
        'in_aanmerking_genomen_inkomen',
        'vrijstelling',
        'zorgbudget_per_jaar',
        'zorgbudget_per_maand',
    ],
    'additionalProperties': False,
}


def bereken(invoer: Mapping[str, object], peildatum: datetime.date | str) -> rt.Resultaat[Uitvoer]:
    """Bereken de uitvoer van zorgbudget_ouderen voor één invoer op de peildatum.

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
        'voldoet_aan_voorwaarden': voldoet_aan_voorwaarden(r),
        'zorgcategorie': zorgcategorie(r),
        'maximumbedrag': maximumbedrag(r),
        'in_aanmerking_genomen_inkomen': in_aanmerking_genomen_inkomen(r),
        'vrijstelling': vrijstelling(r),
        'zorgbudget_per_jaar': zorgbudget_per_jaar(r),
        'zorgbudget_per_maand': zorgbudget_per_maand(r),
    }


def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:
    """De functie van elke uitvoer, voor bereken_deel."""
    return {
        'voldoet_aan_voorwaarden': voldoet_aan_voorwaarden,
        'zorgcategorie': zorgcategorie,
        'maximumbedrag': maximumbedrag,
        'in_aanmerking_genomen_inkomen': in_aanmerking_genomen_inkomen,
        'vrijstelling': vrijstelling,
        'zorgbudget_per_jaar': zorgbudget_per_jaar,
        'zorgbudget_per_maand': zorgbudget_per_maand,
    }


@rt.invoer('geboortedatum', _DATUM, 'VSB, zorgbudget voor ouderen met een zorgnood', None)
def geboortedatum(r: _Rekening) -> datetime.date:
    """Invoer geboortedatum: datum [VSB, zorgbudget voor ouderen met een zorgnood]."""
    return r.invoer['geboortedatum']


@rt.invoer(
    'aanvraagdatum',
    _DATUM,
    'VSB, zorgbudget voor ouderen met een zorgnood',
    'De datum van de aanvraag; ten vroegste de dag van de 65e verjaardag.',
)
def aanvraagdatum(r: _Rekening) -> datetime.date:
    """Invoer aanvraagdatum: datum [VSB, zorgbudget voor ouderen met een zorgnood]."""
    return r.invoer['aanvraagdatum']


@rt.invoer(
    'punten_zelfredzaamheid',
    _AANTAL,
    'VSB, zorgbudget voor ouderen met een zorgnood',
    (
        'De punten op de schaal van zelfredzaamheid (zes activiteiten, elk 0 tot 3 punten), bepaald door artsen '
        'van de DG Personen met een Handicap.'
    ),
)
def punten_zelfredzaamheid(r: _Rekening) -> Decimal:
    """Invoer punten_zelfredzaamheid: aantal [VSB, zorgbudget voor ouderen met een zorgnood]."""
    return r.invoer['punten_zelfredzaamheid']


@rt.invoer(
    'verblijft_in_woonzorgcentrum',
    _JA_NEE,
    'gemeente Kaprijke, zorgbudget voor ouderen met een zorgnood',
    'De aanvrager verblijft in een woonzorgcentrum.',
)
def verblijft_in_woonzorgcentrum(r: _Rekening) -> bool:
    """Invoer verblijft_in_woonzorgcentrum: ja/nee [gemeente Kaprijke, zorgbudget voor ouderen met een
    zorgnood].
    """
    return r.invoer['verblijft_in_woonzorgcentrum']


@rt.invoer(
    'had_zorgcategorie_5_voor_opname',
    _JA_NEE,
    'gemeente Kaprijke, zorgbudget voor ouderen met een zorgnood',
    'De aanvrager had vóór de opname in het woonzorgcentrum al zorgcategorie 5.',
)
def had_zorgcategorie_5_voor_opname(r: _Rekening) -> bool:
    """Invoer had_zorgcategorie_5_voor_opname: ja/nee [gemeente Kaprijke, zorgbudget voor ouderen met een
    zorgnood].
    """
    return r.invoer['had_zorgcategorie_5_voor_opname']


@rt.invoer(
    'ontvangt_inkomensgarantie_voor_ouderen',
    _JA_NEE,
    'gemeente Kaprijke, zorgbudget voor ouderen met een zorgnood',
    'De aanvrager ontvangt een inkomensgarantie voor ouderen (IGO) tijdens de opname in het woonzorgcentrum.',
)
def ontvangt_inkomensgarantie_voor_ouderen(r: _Rekening) -> bool:
    """Invoer ontvangt_inkomensgarantie_voor_ouderen: ja/nee [gemeente Kaprijke, zorgbudget voor ouderen met een
    zorgnood].
    """
    return r.invoer['ontvangt_inkomensgarantie_voor_ouderen']


@rt.invoer('aangesloten_bij_zorgkas', _JA_NEE, 'OZ, zorgbudget voor ouderen met een zorgnood', None)
def aangesloten_bij_zorgkas(r: _Rekening) -> bool:
    """Invoer aangesloten_bij_zorgkas: ja/nee [OZ, zorgbudget voor ouderen met een zorgnood]."""
    return r.invoer['aangesloten_bij_zorgkas']


@rt.invoer(
    'voldoet_aan_verblijfsvoorwaarde',
    _JA_NEE,
    'OZ, zorgbudget voor ouderen met een zorgnood',
    (
        'De afgelopen 5 jaar ononderbroken in Vlaanderen en/of Brussel gewoond, of sociaal verzekerd geweest in '
        'een lidstaat van de EU of de EER, of een combinatie van beide.'
    ),
)
def voldoet_aan_verblijfsvoorwaarde(r: _Rekening) -> bool:
    """Invoer voldoet_aan_verblijfsvoorwaarde: ja/nee [OZ, zorgbudget voor ouderen met een zorgnood]."""
    return r.invoer['voldoet_aan_verblijfsvoorwaarde']


@rt.invoer(
    'ontvangt_inkomensvervangende_of_integratietegemoetkoming',
    _JA_NEE,
    'Dito vzw, zorgbudget voor ouderen met een zorgnood',
    (
        'De aanvrager ontvangt een inkomensvervangende tegemoetkoming of een integratietegemoetkoming; het '
        'zorgbudget is daarmee niet te combineren.'
    ),
)
def ontvangt_inkomensvervangende_of_integratietegemoetkoming(r: _Rekening) -> bool:
    """Invoer ontvangt_inkomensvervangende_of_integratietegemoetkoming: ja/nee [Dito vzw, zorgbudget voor
    ouderen met een zorgnood].
    """
    return r.invoer['ontvangt_inkomensvervangende_of_integratietegemoetkoming']


@rt.invoer(
    'heeft_partner',
    _JA_NEE,
    'VSB, je inkomen en het inkomen van je partner',
    (
        'Een partner: een persoon die op hetzelfde adres ingeschreven is en geen bloed- of aanverwant is in de '
        'eerste, tweede of derde graad.'
    ),
)
def heeft_partner(r: _Rekening) -> bool:
    """Invoer heeft_partner: ja/nee [VSB, je inkomen en het inkomen van je partner]."""
    return r.invoer['heeft_partner']


@rt.invoer(
    'inkomen_aanvrager_en_partner',
    _BEDRAG_PER_JAAR,
    'VSB, je inkomen en het inkomen van je partner',
    (
        'Het getelde inkomen van de aanvrager en de partner per jaar (pensioen, inkomen uit arbeid, '
        'vervangingsinkomen, spaargelden, beleggingen, eigendommen), zonder de verkoop van onroerende goederen. '
        'Hoe het precies geteld wordt, staat niet in de geraadpleegde bronnen: de zorgkas stelt het vast.'
    ),
)
def inkomen_aanvrager_en_partner(r: _Rekening) -> Decimal:
    """Invoer inkomen_aanvrager_en_partner: bedrag per jaar [VSB, je inkomen en het inkomen van je partner]."""
    return r.invoer['inkomen_aanvrager_en_partner']


@rt.invoer(
    'verkoopwaarde_onroerende_goederen_laatste_10_jaar',
    _BEDRAG,
    'Nieuwsblad 2021-07-07, Rekenhof',
    'De verkoopwaarde van de onroerende goederen die de aanvrager in de laatste tien jaar verkocht.',
)
def verkoopwaarde_onroerende_goederen_laatste_10_jaar(r: _Rekening) -> Decimal:
    """Invoer verkoopwaarde_onroerende_goederen_laatste_10_jaar: bedrag [Nieuwsblad 2021-07-07, Rekenhof]."""
    return r.invoer['verkoopwaarde_onroerende_goederen_laatste_10_jaar']


@rt.parameter('minimumleeftijd', _JAREN)
def minimumleeftijd(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter minimumleeftijd: jaren [VSB, zorgbudget voor ouderen met een zorgnood]."""
    return rt.Geldig(_65_JAAR, 'VSB, zorgbudget voor ouderen met een zorgnood')


@rt.parameter('begin_automatische_categorie_woonzorgcentrum', _DATUM)
def begin_automatische_categorie_woonzorgcentrum(r: _Rekening, dag: datetime.date) -> rt.Geldig[datetime.date]:
    """Parameter begin_automatische_categorie_woonzorgcentrum: datum [gemeente Kaprijke; hbvl 2023-03-25]."""
    return rt.Geldig(_2023_04_01, 'gemeente Kaprijke; hbvl 2023-03-25')


@rt.parameter('aandeel_verkoopwaarde', _PERCENTAGE)
def aandeel_verkoopwaarde(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter aandeel_verkoopwaarde: percentage [Nieuwsblad 2021-07-07, Rekenhof].

    Bij de verkoop van een onroerend goed telt 6 procent van de verkoopwaarde tien jaar lang bij het
    jaarlijkse inkomen.
    """
    return rt.Geldig(_PROCENT_6, 'Nieuwsblad 2021-07-07, Rekenhof')


@rt.parameter('aandeel_inkomen_boven_vrijstelling', _PERCENTAGE)
def aandeel_inkomen_boven_vrijstelling(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter aandeel_inkomen_boven_vrijstelling: percentage [VSB, je inkomen en het inkomen van je partner].

    Welk deel van het inkomen boven de vrijstelling van het maximumbedrag wordt afgetrokken.
    """
    if dag >= _2022_01_01:
        return rt.Geldig(
            _PROCENT_100,
            'VSB, je inkomen en het inkomen van je partner',
            vanaf='2022-01-01',
            voorlopig=(
                "'hoe hoger je inkomen en dat van je partner, hoe meer er wordt afgetrokken van dat "
                "maximumbedrag' (VSB); dat de aftrek één op één is, is een lezing, de regel zelf staat niet in de "
                'geraadpleegde bronnen'
            ),
        )
    raise r.geen_parameterwaarde('aandeel_inkomen_boven_vrijstelling', dag)


def zorgcategorie_volgens_punten(r: _Rekening, punten: Decimal) -> Decimal:
    """Tabel zorgcategorie_volgens_punten [VSB, zorgbudget voor ouderen met een zorgnood]."""
    if r.peildatum >= _2026_03_01:
        raise rt.OnbekendeWaarde(
            'tabel',
            'zorgcategorie_volgens_punten',
            _2026_03_01,
            (
                'vanaf maart 2026 (1 of 2 maart) bepaalt de BelRAI Screener de zorgcategorie; hoe de scores in '
                'categorieën worden ingedeeld, is niet gevonden'
            ),
        )
    if r.peildatum >= _2022_01_01:
        rij = r.rij(
            _ZORGCATEGORIE_VOLGENS_PUNTEN,
            (punten,),
            (
                punten < _AANTAL_7,
                _AANTAL_7 <= punten <= _AANTAL_8,
                _AANTAL_9 <= punten <= _AANTAL_11,
                _AANTAL_12 <= punten <= _AANTAL_14,
                _AANTAL_15 <= punten <= _AANTAL_16,
                punten >= _AANTAL_17,
            ),
            vanaf='2022-01-01',
        )
        if rij == 1:
            return r.uitkomst(
                _AANTAL_0,
                'gemeente Boutersem, tegemoetkomingen',
                versie_voorlopig=(
                    'de indeling komt van een gemeentelijke pagina over de federale tegemoetkoming; dat '
                    'Vlaanderen ze ongewijzigd overnam, staat in geen officiële bron (de bedragen per categorie '
                    'volgen wel dezelfde verhoudingen)'
                ),
            )
        if rij == 2:
            return r.uitkomst(
                _AANTAL_1,
                'gemeente Boutersem, tegemoetkomingen',
                versie_voorlopig=(
                    'de indeling komt van een gemeentelijke pagina over de federale tegemoetkoming; dat '
                    'Vlaanderen ze ongewijzigd overnam, staat in geen officiële bron (de bedragen per categorie '
                    'volgen wel dezelfde verhoudingen)'
                ),
            )
        if rij == 3:
            return r.uitkomst(
                _AANTAL_2,
                'gemeente Boutersem, tegemoetkomingen',
                versie_voorlopig=(
                    'de indeling komt van een gemeentelijke pagina over de federale tegemoetkoming; dat '
                    'Vlaanderen ze ongewijzigd overnam, staat in geen officiële bron (de bedragen per categorie '
                    'volgen wel dezelfde verhoudingen)'
                ),
            )
        if rij == 4:
            return r.uitkomst(
                _AANTAL_3,
                'gemeente Boutersem, tegemoetkomingen',
                versie_voorlopig=(
                    'de indeling komt van een gemeentelijke pagina over de federale tegemoetkoming; dat '
                    'Vlaanderen ze ongewijzigd overnam, staat in geen officiële bron (de bedragen per categorie '
                    'volgen wel dezelfde verhoudingen)'
                ),
            )
        if rij == 5:
            return r.uitkomst(
                _AANTAL_4,
                'gemeente Boutersem, tegemoetkomingen',
                versie_voorlopig=(
                    'de indeling komt van een gemeentelijke pagina over de federale tegemoetkoming; dat '
                    'Vlaanderen ze ongewijzigd overnam, staat in geen officiële bron (de bedragen per categorie '
                    'volgen wel dezelfde verhoudingen)'
                ),
            )
        return r.uitkomst(
            _AANTAL_5,
            'gemeente Boutersem, tegemoetkomingen',
            versie_voorlopig=(
                'de indeling komt van een gemeentelijke pagina over de federale tegemoetkoming; dat Vlaanderen ze '
                'ongewijzigd overnam, staat in geen officiële bron (de bedragen per categorie volgen wel dezelfde '
                'verhoudingen)'
            ),
        )
    raise r.geen_tabelversie('zorgcategorie_volgens_punten')


def maximumbedrag_volgens_categorie(r: _Rekening, categorie: Decimal) -> Decimal:
    """Tabel maximumbedrag_volgens_categorie [VSB, zorgbudget voor ouderen met een zorgnood]."""
    if r.peildatum >= _2023_04_01:
        raise rt.OnbekendeWaarde(
            'tabel',
            'maximumbedrag_volgens_categorie',
            _2023_04_01,
            (
                'vanaf 1 april 2023 zijn de maxima hoger (hbvl: categorie 4 tot 556, categorie 5 maximaal 683 '
                'euro per maand, afgerond); de volledige tabel en de tabellen van 2024-2026 zijn niet gevonden'
            ),
        )
    if r.peildatum >= _2022_01_01:
        rij = r.rij(
            _MAXIMUMBEDRAG_VOLGENS_CATEGORIE,
            (categorie,),
            (
                categorie == _AANTAL_0,
                categorie == _AANTAL_1,
                categorie == _AANTAL_2,
                categorie == _AANTAL_3,
                categorie == _AANTAL_4,
                categorie >= _AANTAL_5,
            ),
            vanaf='2022-01-01',
        )
        if rij == 1:
            return r.uitkomst(
                _EUR_0_00,
                'vlaamsesocialebescherming.be, maximumbedragen per maand en jaar',
                versie_voorlopig=(
                    'tabel zonder datum; 643,41 voor categorie 5 ligt tussen de gedateerde maxima van juli 2021 '
                    '(594) en april 2023 (683): vermoedelijk 2022; de datum van de indexsprong is niet gevonden'
                ),
            )
        if rij == 2:
            return r.uitkomst(
                _EUR_1150_19,
                'vlaamsesocialebescherming.be, maximumbedragen per maand en jaar',
                versie_voorlopig=(
                    'tabel zonder datum; 643,41 voor categorie 5 ligt tussen de gedateerde maxima van juli 2021 '
                    '(594) en april 2023 (683): vermoedelijk 2022; de datum van de indexsprong is niet gevonden'
                ),
            )
        if rij == 3:
            return r.uitkomst(
                _EUR_4390_57,
                'vlaamsesocialebescherming.be, maximumbedragen per maand en jaar',
                versie_voorlopig=(
                    'tabel zonder datum; 643,41 voor categorie 5 ligt tussen de gedateerde maxima van juli 2021 '
                    '(594) en april 2023 (683): vermoedelijk 2022; de datum van de indexsprong is niet gevonden'
                ),
            )
        if rij == 4:
            return r.uitkomst(
                _EUR_5338_20,
                'vlaamsesocialebescherming.be, maximumbedragen per maand en jaar',
                versie_voorlopig=(
                    'tabel zonder datum; 643,41 voor categorie 5 ligt tussen de gedateerde maxima van juli 2021 '
                    '(594) en april 2023 (683): vermoedelijk 2022; de datum van de indexsprong is niet gevonden'
                ),
            )
        if rij == 5:
            return r.uitkomst(
                _EUR_6285_59,
                'vlaamsesocialebescherming.be, maximumbedragen per maand en jaar',
                versie_voorlopig=(
                    'tabel zonder datum; 643,41 voor categorie 5 ligt tussen de gedateerde maxima van juli 2021 '
                    '(594) en april 2023 (683): vermoedelijk 2022; de datum van de indexsprong is niet gevonden'
                ),
            )
        return r.uitkomst(
            _EUR_7720_95,
            'vlaamsesocialebescherming.be, maximumbedragen per maand en jaar',
            versie_voorlopig=(
                'tabel zonder datum; 643,41 voor categorie 5 ligt tussen de gedateerde maxima van juli 2021 (594) '
                'en april 2023 (683): vermoedelijk 2022; de datum van de indexsprong is niet gevonden'
            ),
        )
    raise r.geen_tabelversie('maximumbedrag_volgens_categorie')


@rt.parameter('vrijstelling_alleenstaande', _BEDRAG_PER_JAAR)
def vrijstelling_alleenstaande(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter vrijstelling_alleenstaande: bedrag per jaar [VSB, je inkomen en het inkomen van je partner]."""
    if dag >= _2023_04_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'vrijstelling_alleenstaande',
            _2023_04_01,
            (
                'de vrijstellingen vanaf april 2023 zijn niet gedateerd gevonden (departementzorg.be noemt € '
                '17.248,56 zonder datum)'
            ),
        )
    if dag >= _2022_01_01:
        return rt.Geldig(
            _EUR_15622_55,
            'vlaamsesocialebescherming.be, je inkomen en het inkomen van je partner',
            vanaf='2022-01-01',
            voorlopig='bedrag zonder datum; dat het bij de tabel met maximumbedragen hoort, is een afleiding',
        )
    raise r.geen_parameterwaarde('vrijstelling_alleenstaande', dag)


@rt.parameter('vrijstelling_samenwonend', _BEDRAG_PER_JAAR)
def vrijstelling_samenwonend(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter vrijstelling_samenwonend: bedrag per jaar [VSB, je inkomen en het inkomen van je partner]."""
    if dag >= _2023_04_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'vrijstelling_samenwonend',
            _2023_04_01,
            (
                'de vrijstellingen vanaf april 2023 zijn niet gedateerd gevonden (departementzorg.be noemt € '
                '21.553,53 zonder datum)'
            ),
        )
    if dag >= _2022_01_01:
        return rt.Geldig(
            _EUR_19521_70,
            'vlaamsesocialebescherming.be, je inkomen en het inkomen van je partner',
            vanaf='2022-01-01',
            voorlopig='bedrag zonder datum; dat het bij de tabel met maximumbedragen hoort, is een afleiding',
        )
    raise r.geen_parameterwaarde('vrijstelling_samenwonend', dag)


@rt.regel('oud_genoeg', _JA_NEE, 'VSB, zorgbudget voor ouderen met een zorgnood')
def oud_genoeg(r: _Rekening) -> bool:
    """Regel oud_genoeg: ja/nee [VSB, zorgbudget voor ouderen met een zorgnood].

    Ten vroegste aan te vragen op de dag van de 65e verjaardag.
    """
    return aanvraagdatum(r) >= rt.plus_periode(geboortedatum(r), 'jaar', minimumleeftijd(r))


@rt.regel('zorgcategorie', _AANTAL, 'VSB, zorgbudget voor ouderen met een zorgnood')
def zorgcategorie(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel zorgcategorie: aantal [VSB, zorgbudget voor ouderen met een zorgnood].

    Uitzonderingen: [gemeente Kaprijke; hbvl 2023-03-25].
    """
    if verblijft_in_woonzorgcentrum(r) and aanvraagdatum(r) >= begin_automatische_categorie_woonzorgcentrum(r):
        return rt.Uitzondering(
            _AANTAL_5
            if had_zorgcategorie_5_voor_opname(r) or ontvangt_inkomensgarantie_voor_ouderen(r)
            else _AANTAL_4,
            'gemeente Kaprijke; hbvl 2023-03-25',
        )
    return zorgcategorie_volgens_punten(r, punten_zelfredzaamheid(r))


@rt.regel('voldoet_aan_voorwaarden', _JA_NEE, 'VSB, zorgbudget voor ouderen met een zorgnood')
def voldoet_aan_voorwaarden(r: _Rekening) -> bool:
    """Regel voldoet_aan_voorwaarden: ja/nee [VSB, zorgbudget voor ouderen met een zorgnood].

    65 jaar, minstens 7 punten (categorie 1 of hoger), aangesloten bij een zorgkas, de verblijfsvoorwaarde,
    en geen inkomensvervangende of integratietegemoetkoming.
    """
    return (
        oud_genoeg(r)
        and zorgcategorie(r) >= _AANTAL_1
        and aangesloten_bij_zorgkas(r)
        and voldoet_aan_verblijfsvoorwaarde(r)
        and not ontvangt_inkomensvervangende_of_integratietegemoetkoming(r)
    )


@rt.regel('maximumbedrag', _BEDRAG_PER_JAAR, 'VSB, zorgbudget voor ouderen met een zorgnood')
def maximumbedrag(r: _Rekening) -> Decimal:
    """Regel maximumbedrag: bedrag per jaar [VSB, zorgbudget voor ouderen met een zorgnood]."""
    return maximumbedrag_volgens_categorie(r, zorgcategorie(r))


@rt.regel('in_aanmerking_genomen_inkomen', _BEDRAG_PER_JAAR, 'VSB, je inkomen en het inkomen van je partner')
def in_aanmerking_genomen_inkomen(r: _Rekening) -> Decimal:
    """Regel in_aanmerking_genomen_inkomen: bedrag per jaar [VSB, je inkomen en het inkomen van je partner]."""
    return (
        inkomen_aanvrager_en_partner(r)
        + aandeel_verkoopwaarde(r) * verkoopwaarde_onroerende_goederen_laatste_10_jaar(r)
    )


@rt.regel('vrijstelling', _BEDRAG_PER_JAAR, 'VSB, je inkomen en het inkomen van je partner')
def vrijstelling(r: _Rekening) -> Decimal:
    """Regel vrijstelling: bedrag per jaar [VSB, je inkomen en het inkomen van je partner]."""
    return vrijstelling_samenwonend(r) if heeft_partner(r) else vrijstelling_alleenstaande(r)


@rt.regel('vermindering', _BEDRAG_PER_JAAR, 'VSB, je inkomen en het inkomen van je partner')
def vermindering(r: _Rekening) -> Decimal:
    """Regel vermindering: bedrag per jaar [VSB, je inkomen en het inkomen van je partner].

    Het deel van het inkomen boven de vrijstelling, dat van het maximumbedrag wordt afgetrokken.
    """
    return (
        aandeel_inkomen_boven_vrijstelling(r) * max(in_aanmerking_genomen_inkomen(r) - vrijstelling(r), _EUR_0_00)
    )


@rt.regel('zorgbudget_per_jaar', _BEDRAG_PER_JAAR, 'VSB, zorgbudget voor ouderen met een zorgnood')
def zorgbudget_per_jaar(r: _Rekening) -> Decimal:
    """Regel zorgbudget_per_jaar: bedrag per jaar [VSB, zorgbudget voor ouderen met een zorgnood]."""
    return max(maximumbedrag(r) - vermindering(r), _EUR_0_00) if voldoet_aan_voorwaarden(r) else _EUR_0_00


@rt.regel('zorgbudget_per_maand', _BEDRAG_PER_MAAND, 'VSB, zorgbudget voor ouderen met een zorgnood')
def zorgbudget_per_maand(r: _Rekening) -> Decimal:
    """Regel zorgbudget_per_maand: bedrag per maand [VSB, zorgbudget voor ouderen met een zorgnood].

    Een twaalfde van het jaarbedrag (de tabel van de VSB geeft het maandbedrag als het jaarbedrag gedeeld
    door 12, op de cent).
    """
    return rt.omrekenen(zorgbudget_per_jaar(r), 'jaar', 'maand')


def _eisen(r: _Rekening) -> None:
    """De eisen aan de invoer, in de volgorde van de regels: een InvoerFout met elke eis die niet klopt."""
    rt.eisen(
        (
            lambda: punten_zelfredzaamheid(r) <= _AANTAL_18,
            'punten_zelfredzaamheid',
            'voldoet niet aan de eis: hoogstens 18 punten (zes activiteiten van 0 tot 3 punten)',
        ),
    )
