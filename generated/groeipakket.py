"""Groeipakket: basisbedrag, startbedrag, schoolbonus en sociale toeslag: de berekening van de regeling
groeipakket (versie 2024.9).

Gegenereerd door regelwerk 0.1.0 uit groeipakket.rw; niet met de hand wijzigen, maar de regels aanpassen en
`regelwerk build` uitvoeren. Gebruik: bereken(invoer, peildatum), bereken_deel(invoer, peildatum, uitvoer) of
bereken_json(verzoek); zie docs/ontwikkelaars/inbedden.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal, NotRequired, TypeAlias, TypedDict

if TYPE_CHECKING or not __package__:  # beside this module, or in the same package
    import regelwerk_runtime as rt
else:
    from . import regelwerk_runtime as rt


__all__ = [
    'bereken',
    'bereken_deel',
    'bereken_json',
    'Invoer',
    'Uitvoer',
    'Huisvesting',
    'Kind',
    'KindInvoer',
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

REGELING: Final = 'groeipakket'
TITEL: Final[str | None] = 'Groeipakket: basisbedrag, startbedrag, schoolbonus en sociale toeslag'
VERSIE: Final[str | None] = '2024.9'
GELDIG_VANAF: Final[datetime.date | None] = datetime.date(2023, 9, 1)
GELDIG_TOT: Final[datetime.date | None] = datetime.date(2025, 9, 1)  # tot: exclusief
BRON: Final[str | None] = (
    'Decreet van 27 april 2018 tot regeling van de toelagen in het kader van het gezinsbeleid (Groeipakketdecreet)'
)
COMPILER_VERSIE: Final = '0.1.0'


Huisvesting: TypeAlias = Literal['volledig', 'gelijkmatig_verdeeld']


class Kind(TypedDict):
    """Gegevens kind: exacte waarden."""
    geboortedatum: datetime.date
    huisvesting: str
    specifieke_ondersteuningsbehoefte: bool
    rechtgevend_na_18_jaar: bool
    maandbedrag_overgangsregeling: Decimal


class KindInvoer(TypedDict):
    """Gegevens kind zoals een dienst ze aanlevert."""
    geboortedatum: rt.DatumInvoer
    huisvesting: Huisvesting
    specifieke_ondersteuningsbehoefte: rt.JaNeeInvoer
    rechtgevend_na_18_jaar: rt.JaNeeInvoer
    maandbedrag_overgangsregeling: NotRequired[rt.GetalInvoer]


class Invoer(TypedDict):
    """De invoer van groeipakket, zoals een dienst die aanlevert (bedragen als tekst, bijv. "1450.50")."""
    kinderen: Sequence[KindInvoer]
    gezinsinkomen: rt.GetalInvoer
    voldoet_aan_ki_toets: rt.JaNeeInvoer


class Uitvoer(TypedDict):
    """De uitvoer van groeipakket: exacte waarden."""
    aantal_rechtgevende_kinderen: Decimal
    basisbedragen: Decimal
    sociale_toeslagen: Decimal
    groeipakket_per_maand: Decimal
    startbedragen: Decimal
    schoolbonus: Decimal


class _Gelezen(TypedDict):
    """De invoer na controle: exacte waarden."""
    kinderen: tuple[Kind, ...]
    gezinsinkomen: Decimal
    voldoet_aan_ki_toets: bool


_Rekening: TypeAlias = rt.Rekening[_Gelezen]

_2019_01_01: Final = datetime.date(2019, 1, 1)
_18_JAAR: Final = Decimal('18')
_21_JAAR: Final = Decimal('21')
_25_JAAR: Final = Decimal('25')
_EUR_180_19: Final = Decimal('180.19')
_2024_09_01: Final = datetime.date(2024, 9, 1)
_EUR_176_66: Final = Decimal('176.66')
_2023_09_01: Final = datetime.date(2023, 9, 1)
_PROCENT_50: Final = Decimal('0.50')
_EUR_1238_78: Final = Decimal('1238.78')
_EUR_1214_49: Final = Decimal('1214.49')
_5_JAAR: Final = Decimal('5')
_12_JAAR: Final = Decimal('12')
_EUR_22_52: Final = Decimal('22.52')
_EUR_39_41: Final = Decimal('39.41')
_EUR_56_30: Final = Decimal('56.30')
_EUR_67_56: Final = Decimal('67.56')
_EUR_22_08: Final = Decimal('22.08')
_EUR_38_64: Final = Decimal('38.64')
_EUR_55_20: Final = Decimal('55.20')
_EUR_66_24: Final = Decimal('66.24')
_EUR_36325_76: Final = Decimal('36325.76')
_AANTAL_2: Final = Decimal('2')
_AANTAL_3: Final = Decimal('3')
_EUR_42380_06: Final = Decimal('42380.06')
_EUR_68329_61: Final = Decimal('68329.61')
_EUR_70_50: Final = Decimal('70.50')
_EUR_103_62: Final = Decimal('103.62')
_EUR_35_70: Final = Decimal('35.70')
_EUR_0_00: Final = Decimal('0.00')
_EUR_81_54: Final = Decimal('81.54')
_NUL: Final = Decimal('0')
_BEDRAG_PER_JAAR: Final = rt.Soort('bedrag per jaar', 'bedrag', 'jaar')
_AANTAL: Final = rt.Soort('aantal', 'getal', geheel=True)
_JA_NEE: Final = rt.Soort('ja/nee', 'ja/nee')
_JAREN: Final = rt.Soort('jaren', 'duur', 'jaar', geheel=True)
_JAREN_: Final = rt.Soort('jaren', 'duur', 'jaar')
_DATUM: Final = rt.Soort('datum', 'datum')
_KEUZE_HUISVESTING: Final = rt.Soort('keuze huisvesting', 'keuze', waarden=('volledig', 'gelijkmatig_verdeeld'))
_BEDRAG_PER_MAAND: Final = rt.Soort('bedrag per maand', 'bedrag', 'maand')
_KIND: Final = rt.Soort(
    'kind',
    'gegevens',
    velden=(
        ('geboortedatum', _DATUM),
        ('huisvesting', _KEUZE_HUISVESTING),
        ('specifieke_ondersteuningsbehoefte', _JA_NEE),
        ('rechtgevend_na_18_jaar', _JA_NEE),
        ('maandbedrag_overgangsregeling', _BEDRAG_PER_MAAND),
    ),
    standaard={'maandbedrag_overgangsregeling': Decimal('0.00')},
)
_LIJST_VAN_KIND: Final = rt.Soort('lijst van kind', 'lijst', element=_KIND)
_PERCENTAGE: Final = rt.Soort('percentage', 'procent')
_BEDRAG: Final = rt.Soort('bedrag', 'bedrag')
_SCHOOLBONUS_VOLGENS_LEEFTIJD: Final = rt.Tabel(
    'schoolbonus_volgens_leeftijd',
    (('leeftijd', _JAREN_),),
    _BEDRAG_PER_JAAR,
)
_SOCIALE_TOESLAGSCHAAL: Final = rt.Tabel(
    'sociale_toeslagschaal',
    (('gezinsinkomen', _BEDRAG_PER_JAAR), ('kinderen', _AANTAL), ('nieuw_basisbedrag', _JA_NEE)),
    _BEDRAG_PER_MAAND,
)
_INVOER: Final = rt.Invoervelden(
    (('kinderen', _LIJST_VAN_KIND), ('gezinsinkomen', _BEDRAG_PER_JAAR), ('voldoet_aan_ki_toets', _JA_NEE)),
)
_UITVOER: Final[dict[str, rt.Soort]] = {
    'aantal_rechtgevende_kinderen': _AANTAL,
    'basisbedragen': _BEDRAG_PER_MAAND,
    'sociale_toeslagen': _BEDRAG_PER_MAAND,
    'groeipakket_per_maand': _BEDRAG_PER_MAAND,
    'startbedragen': _BEDRAG,
    'schoolbonus': _BEDRAG_PER_JAAR,
}

INVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Invoer van groeipakket',
    'type': 'object',
    'properties': {
        'kinderen': {
            'title': 'lijst van kind',
            'type': 'array',
            'items': {
                'title': 'kind',
                'type': 'object',
                'properties': {
                    'geboortedatum': {
                        'title': 'datum',
                        'type': 'string',
                        'format': 'date',
                        'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
                    },
                    'huisvesting': {
                        'title': 'keuze huisvesting',
                        'type': 'string',
                        'enum': ['volledig', 'gelijkmatig_verdeeld'],
                    },
                    'specifieke_ondersteuningsbehoefte': {'title': 'ja/nee', 'type': 'boolean'},
                    'rechtgevend_na_18_jaar': {'title': 'ja/nee', 'type': 'boolean'},
                    'maandbedrag_overgangsregeling': {
                        'title': 'bedrag per maand',
                        'type': 'string',
                        'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
                        'default': '0.00',
                    },
                },
                'required': [
                    'geboortedatum',
                    'huisvesting',
                    'specifieke_ondersteuningsbehoefte',
                    'rechtgevend_na_18_jaar',
                ],
                'additionalProperties': False,
            },
        },
        'gezinsinkomen': {
            'title': 'bedrag per jaar',
            'description': 'Het bruto belastbaar gezinsinkomen volgens het laatste aanslagbiljet.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'voldoet_aan_ki_toets': {
            'title': 'ja/nee',
            'description': (
                'Het gezinsinkomen is niet te laag in verhouding tot het kadastraal inkomen van onroerende '
                'goederen die niet de eigen woning zijn (de toets zelf staat niet in de geraadpleegde bronnen).'
            ),
            'type': 'boolean',
        },
    },
    'required': ['kinderen', 'gezinsinkomen', 'voldoet_aan_ki_toets'],
    'additionalProperties': False,
}

UITVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Uitvoer van groeipakket',
    'type': 'object',
    'properties': {
        'aantal_rechtgevende_kinderen': {
            'title': 'aantal',
            'type': ['integer', 'string'],
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'basisbedragen': {
            'title': 'bedrag per maand',
            'description': (
                'Basisbedragen (en bedragen van de overgangsregeling) voor alle rechtgevende kinderen van het '
                'gezin.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'sociale_toeslagen': {'title': 'bedrag per maand', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'groeipakket_per_maand': {
            'title': 'bedrag per maand',
            'description': (
                'Wat het gezin voor de rechtsmaand krijgt, zonder zorgtoeslagen en participatietoeslagen.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'startbedragen': {
            'title': 'bedrag',
            'description': 'Het startbedrag voor de kinderen die in de rechtsmaand geboren zijn.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'schoolbonus': {
            'title': 'bedrag per jaar',
            'description': (
                'De schoolbonus, in augustus betaald voor de kinderen die in juli rechtgevend zijn (reken met de '
                'peildatum in juli).'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
    },
    'required': [
        'aantal_rechtgevende_kinderen',
        'basisbedragen',
        'sociale_toeslagen',
        'groeipakket_per_maand',
        'startbedragen',
        'schoolbonus',
    ],
    'additionalProperties': False,
}


def bereken(invoer: Mapping[str, object], peildatum: datetime.date | str) -> rt.Resultaat[Uitvoer]:
    """Bereken de uitvoer van groeipakket voor één invoer op de peildatum.

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


def bereken_json(verzoek: str) -> str:
    """Reken met JSON: {"peildatum": "2026-03-01", "invoer": {...}, "uitleg": false, "uitvoer": [...]} ->
    {"uitvoer": {...}, "voorlopig": [...], "uitleg": [...]}; bedragen als tekst; zonder "uitvoer" alle
    uitvoer.
    """
    return rt.bereken_json(verzoek, bereken, bereken_deel)


def _uitvoer(r: _Rekening) -> Uitvoer:
    """Elke uitvoer, in de volgorde van de regeling; ook om ze opnieuw te berekenen voor de uitleg."""
    return {
        'aantal_rechtgevende_kinderen': aantal_rechtgevende_kinderen(r),
        'basisbedragen': basisbedragen(r),
        'sociale_toeslagen': sociale_toeslagen(r),
        'groeipakket_per_maand': groeipakket_per_maand(r),
        'startbedragen': startbedragen(r),
        'schoolbonus': schoolbonus(r),
    }


def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:
    """De functie van elke uitvoer, voor bereken_deel."""
    return {
        'aantal_rechtgevende_kinderen': aantal_rechtgevende_kinderen,
        'basisbedragen': basisbedragen,
        'sociale_toeslagen': sociale_toeslagen,
        'groeipakket_per_maand': groeipakket_per_maand,
        'startbedragen': startbedragen,
        'schoolbonus': schoolbonus,
    }


@rt.invoer('kinderen', _LIJST_VAN_KIND, 'Groeipakketdecreet art. 13', None)
def kinderen(r: _Rekening) -> tuple[Kind, ...]:
    """Invoer kinderen: lijst van kind [Groeipakketdecreet art. 13]."""
    return r.invoer['kinderen']


@rt.invoer(
    'gezinsinkomen',
    _BEDRAG_PER_JAAR,
    'Groeipakketdecreet art. 18',
    'Het bruto belastbaar gezinsinkomen volgens het laatste aanslagbiljet.',
)
def gezinsinkomen(r: _Rekening) -> Decimal:
    """Invoer gezinsinkomen: bedrag per jaar [Groeipakketdecreet art. 18]."""
    return r.invoer['gezinsinkomen']


@rt.invoer(
    'voldoet_aan_ki_toets',
    _JA_NEE,
    'Groeipakketdecreet art. 18',
    (
        'Het gezinsinkomen is niet te laag in verhouding tot het kadastraal inkomen van onroerende goederen die '
        'niet de eigen woning zijn (de toets zelf staat niet in de geraadpleegde bronnen).'
    ),
)
def voldoet_aan_ki_toets(r: _Rekening) -> bool:
    """Invoer voldoet_aan_ki_toets: ja/nee [Groeipakketdecreet art. 18]."""
    return r.invoer['voldoet_aan_ki_toets']


@rt.parameter('begin_groeipakket', _DATUM)
def begin_groeipakket(r: _Rekening, dag: datetime.date) -> rt.Geldig[datetime.date]:
    """Parameter begin_groeipakket: datum [Groeipakketdecreet art. 13].

    Kinderen geboren vanaf deze datum krijgen het nieuwe basisbedrag; oudere kinderen houden de bedragen van
    de oude kinderbijslag.
    """
    return rt.Geldig(_2019_01_01, 'Groeipakketdecreet art. 13')


@rt.parameter('leeftijd_onvoorwaardelijk', _JAREN)
def leeftijd_onvoorwaardelijk(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter leeftijd_onvoorwaardelijk: jaren [Groeipakketdecreet art. 13]."""
    return rt.Geldig(_18_JAAR, 'Groeipakketdecreet art. 13')


@rt.parameter('leeftijd_ondersteuningsbehoefte', _JAREN)
def leeftijd_ondersteuningsbehoefte(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter leeftijd_ondersteuningsbehoefte: jaren [Groeipakketdecreet art. 13]."""
    return rt.Geldig(_21_JAAR, 'Groeipakketdecreet art. 13')


@rt.parameter('leeftijd_hoogstens', _JAREN)
def leeftijd_hoogstens(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter leeftijd_hoogstens: jaren [Groeipakketdecreet art. 13]."""
    return rt.Geldig(_25_JAAR, 'Groeipakketdecreet art. 13')


@rt.parameter('basisbedrag', _BEDRAG_PER_MAAND)
def basisbedrag(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter basisbedrag: bedrag per maand [Groeipakketdecreet art. 13]."""
    if dag >= _2024_09_01:
        return rt.Geldig(
            _EUR_180_19,
            'parentia.be, amounts new system; indexering 1 september 2024',
            vanaf='2024-09-01',
        )
    if dag >= _2023_09_01:
        return rt.Geldig(
            _EUR_176_66,
            'groeipakket.be, Basisbedrag; indexering 1 september 2023',
            vanaf='2023-09-01',
        )
    raise r.geen_parameterwaarde('basisbedrag', dag)


@rt.parameter('aandeel_gelijkmatig_verdeeld', _PERCENTAGE)
def aandeel_gelijkmatig_verdeeld(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter aandeel_gelijkmatig_verdeeld: percentage [Groeipakketdecreet art. 18]."""
    return rt.Geldig(_PROCENT_50, 'Groeipakketdecreet art. 18')


@rt.parameter('startbedrag', _BEDRAG)
def startbedrag(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter startbedrag: bedrag [Groeipakketdecreet, startbedrag (memorie van toelichting)]."""
    if dag >= _2024_09_01:
        return rt.Geldig(
            _EUR_1238_78,
            'parentia.be, amounts new system; indexering 1 september 2024',
            vanaf='2024-09-01',
        )
    if dag >= _2023_09_01:
        return rt.Geldig(
            _EUR_1214_49,
            'groeipakket.be, Basisbedrag; indexering 1 september 2023',
            vanaf='2023-09-01',
        )
    raise r.geen_parameterwaarde('startbedrag', dag)


def schoolbonus_volgens_leeftijd(
    r: _Rekening,
    leeftijd: Decimal,
    soorten: tuple[rt.Soort, ...] | None = None,
) -> Decimal:
    """Tabel schoolbonus_volgens_leeftijd [groeipakket.be, schoolbonus]."""
    if r.peildatum >= _2024_09_01:
        rij = r.rij(
            _SCHOOLBONUS_VOLGENS_LEEFTIJD,
            (leeftijd,),
            (
                leeftijd < _5_JAAR,
                _5_JAAR <= leeftijd < _12_JAAR,
                _12_JAAR <= leeftijd < _18_JAAR,
                leeftijd >= _18_JAAR,
            ),
            vanaf='2024-09-01',
            soorten=soorten,
        )
        if rij == 1:
            return r.uitkomst(_EUR_22_52, 'parentia.be, amounts new system; indexering 1 september 2024')
        if rij == 2:
            return r.uitkomst(_EUR_39_41, 'parentia.be, amounts new system; indexering 1 september 2024')
        if rij == 3:
            return r.uitkomst(_EUR_56_30, 'parentia.be, amounts new system; indexering 1 september 2024')
        return r.uitkomst(_EUR_67_56, 'parentia.be, amounts new system; indexering 1 september 2024')
    if r.peildatum >= _2023_09_01:
        rij = r.rij(
            _SCHOOLBONUS_VOLGENS_LEEFTIJD,
            (leeftijd,),
            (
                leeftijd < _5_JAAR,
                _5_JAAR <= leeftijd < _12_JAAR,
                _12_JAAR <= leeftijd < _18_JAAR,
                leeftijd >= _18_JAAR,
            ),
            vanaf='2023-09-01',
            soorten=soorten,
        )
        if rij == 1:
            return r.uitkomst(_EUR_22_08, 'groeipakket.be, school bonus; indexering 1 september 2023')
        if rij == 2:
            return r.uitkomst(_EUR_38_64, 'groeipakket.be, school bonus; indexering 1 september 2023')
        if rij == 3:
            return r.uitkomst(_EUR_55_20, 'groeipakket.be, school bonus; indexering 1 september 2023')
        return r.uitkomst(_EUR_66_24, 'groeipakket.be, school bonus; indexering 1 september 2023')
    raise r.geen_tabelversie('schoolbonus_volgens_leeftijd')


def sociale_toeslagschaal(
    r: _Rekening,
    gezinsinkomen: Decimal,
    kinderen: Decimal,
    nieuw_basisbedrag: bool,
) -> Decimal:
    """Tabel sociale_toeslagschaal [Groeipakketdecreet art. 18].

    Sociale toeslag per kind per maand, volgens het gezinsinkomen en het aantal rechtgevende kinderen.
    """
    if r.peildatum >= _2024_09_01:
        raise rt.OnbekendeWaarde(
            'tabel',
            'sociale_toeslagschaal',
            _2024_09_01,
            (
                'de bedragen en inkomensgrenzen van de sociale toeslag vanaf september 2024 zijn niet gevonden; '
                'de pagina van parentia.be is afgebroken'
            ),
        )
    if r.peildatum >= _2023_09_01:
        rij = r.rij(
            _SOCIALE_TOESLAGSCHAAL,
            (gezinsinkomen, kinderen, nieuw_basisbedrag),
            (
                gezinsinkomen <= _EUR_36325_76 and kinderen <= _AANTAL_2,
                gezinsinkomen <= _EUR_36325_76 and kinderen >= _AANTAL_3,
                _EUR_36325_76 < gezinsinkomen <= _EUR_42380_06 and kinderen <= _AANTAL_2,
                gezinsinkomen > _EUR_42380_06 and kinderen <= _AANTAL_2,
                _EUR_36325_76 < gezinsinkomen <= _EUR_68329_61
                and kinderen >= _AANTAL_3
                and nieuw_basisbedrag is True,
                _EUR_36325_76 < gezinsinkomen <= _EUR_68329_61
                and kinderen >= _AANTAL_3
                and nieuw_basisbedrag is False,
                gezinsinkomen > _EUR_68329_61 and kinderen >= _AANTAL_3,
            ),
            vanaf='2023-09-01',
        )
        if rij == 1:
            return r.uitkomst(_EUR_70_50, 'groeipakket.be, social allowance; fons.be FAQ')
        if rij == 2:
            return r.uitkomst(_EUR_103_62, 'groeipakket.be, social allowance; fons.be FAQ')
        if rij == 3:
            return r.uitkomst(_EUR_35_70, 'groeipakket.be, social allowance; fons.be FAQ')
        if rij == 4:
            return r.uitkomst(_EUR_0_00, 'groeipakket.be, social allowance; fons.be FAQ')
        if rij == 5:
            return r.uitkomst(_EUR_81_54, 'groeipakket.be, social allowance; fons.be FAQ')
        if rij == 6:
            return r.uitkomst(_EUR_0_00, 'groeipakket.be, social allowance; fons.be FAQ')
        return r.uitkomst(_EUR_0_00, 'groeipakket.be, social allowance; fons.be FAQ')
    raise r.geen_tabelversie('sociale_toeslagschaal')


@rt.regel('rechtsmaand', _DATUM, 'Groeipakketdecreet art. 13')
def rechtsmaand(r: _Rekening) -> datetime.date:
    """Regel rechtsmaand: datum [Groeipakketdecreet art. 13].

    De eerste dag van de maand waarvoor het Groeipakket berekend wordt: de maand van de peildatum.
    """
    return r.peildatum.replace(day=1)


@rt.regel_per('leeftijd', _JAREN, 'Groeipakketdecreet art. 13')
def leeftijd(r: _Rekening, kind: Kind) -> Decimal:
    """Regel per kind leeftijd: jaren [Groeipakketdecreet art. 13]."""
    return rt.tussen('jaar', kind['geboortedatum'], r.peildatum)


@rt.regel_per('nieuw_stelsel', _JA_NEE, 'Groeipakketdecreet art. 13')
def nieuw_stelsel(r: _Rekening, kind: Kind) -> bool:
    """Regel per kind nieuw_stelsel: ja/nee [Groeipakketdecreet art. 13].

    Het kind is geboren vanaf 1 januari 2019.
    """
    return kind['geboortedatum'] >= begin_groeipakket(r)


@rt.regel_per('rechtgevend', _JA_NEE, 'Groeipakketdecreet art. 13')
def rechtgevend(r: _Rekening, kind: Kind) -> bool:
    """Regel per kind rechtgevend: ja/nee [Groeipakketdecreet art. 13].

    Onvoorwaardelijk tot en met de maand van de 18e verjaardag; met een specifieke ondersteuningsbehoefte tot
    en met de maand van de 21e; onder voorwaarden tot 25 jaar.
    """
    return (
        kind['geboortedatum'].replace(day=1) <= rechtsmaand(r)
        and (
            rechtsmaand(r) <= rt.plus_periode(kind['geboortedatum'], 'jaar', leeftijd_onvoorwaardelijk(r))
            or kind['specifieke_ondersteuningsbehoefte']
            and rechtsmaand(r)
            <= rt.plus_periode(kind['geboortedatum'], 'jaar', leeftijd_ondersteuningsbehoefte(r))
            or kind['rechtgevend_na_18_jaar']
            and rechtsmaand(r) < rt.plus_periode(kind['geboortedatum'], 'jaar', leeftijd_hoogstens(r))
        )
    )


@rt.regel('aantal_rechtgevende_kinderen', _AANTAL, 'Groeipakketdecreet art. 18')
def aantal_rechtgevende_kinderen(r: _Rekening) -> Decimal:
    """Regel aantal_rechtgevende_kinderen: aantal [Groeipakketdecreet art. 18]."""
    return Decimal(len([kind for kind in kinderen(r) if rechtgevend(r, kind)]))


@rt.regel('minstens_een_kind_met_nieuw_basisbedrag', _JA_NEE, 'Groeipakketdecreet art. 18')
def minstens_een_kind_met_nieuw_basisbedrag(r: _Rekening) -> bool:
    """Regel minstens_een_kind_met_nieuw_basisbedrag: ja/nee [Groeipakketdecreet art. 18]."""
    return any([rechtgevend(r, kind) and nieuw_stelsel(r, kind) for kind in kinderen(r)])


@rt.regel_per('basisbedrag_kind', _BEDRAG_PER_MAAND, 'Groeipakketdecreet art. 13')
def basisbedrag_kind(r: _Rekening, kind: Kind) -> Decimal:
    """Regel per kind basisbedrag_kind: bedrag per maand [Groeipakketdecreet art. 13]."""
    return (
        basisbedrag(r)
        if rechtgevend(r, kind) and nieuw_stelsel(r, kind)
        else kind['maandbedrag_overgangsregeling']
        if rechtgevend(r, kind)
        else _EUR_0_00
    )


@rt.regel_per('volle_sociale_toeslag_kind', _BEDRAG_PER_MAAND, 'Groeipakketdecreet art. 18')
def volle_sociale_toeslag_kind(r: _Rekening, kind: Kind) -> Decimal:
    """Regel per kind volle_sociale_toeslag_kind: bedrag per maand [Groeipakketdecreet art. 18].

    De sociale toeslag volgens de schaal, voor een rechtgevend kind geboren vanaf 2019.
    """
    return (
        sociale_toeslagschaal(
            r,
            gezinsinkomen(r),
            aantal_rechtgevende_kinderen(r),
            minstens_een_kind_met_nieuw_basisbedrag(r),
        )
        if rechtgevend(r, kind) and nieuw_stelsel(r, kind) and voldoet_aan_ki_toets(r)
        else _EUR_0_00
    )


@rt.regel_per('sociale_toeslag_kind', _BEDRAG_PER_MAAND, 'Groeipakketdecreet art. 18')
def sociale_toeslag_kind(r: _Rekening, kind: Kind) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel per kind sociale_toeslag_kind: bedrag per maand [Groeipakketdecreet art. 18].

    Uitzonderingen: [Groeipakketdecreet art. 18].
    """
    if kind['huisvesting'] == 'gelijkmatig_verdeeld':
        return rt.Uitzondering(
            volle_sociale_toeslag_kind(r, kind) * aandeel_gelijkmatig_verdeeld(r),
            'Groeipakketdecreet art. 18',
        )
    return volle_sociale_toeslag_kind(r, kind)


@rt.regel_per('geboren_in_de_rechtsmaand', _JA_NEE, 'Groeipakketdecreet, startbedrag (memorie van toelichting)')
def geboren_in_de_rechtsmaand(r: _Rekening, kind: Kind) -> bool:
    """Regel per kind geboren_in_de_rechtsmaand: ja/nee [Groeipakketdecreet, startbedrag (memorie van
    toelichting)].
    """
    return kind['geboortedatum'].replace(day=1) == rechtsmaand(r)


@rt.regel_per('schoolbonus_kind', _BEDRAG_PER_JAAR, 'groeipakket.be, schoolbonus')
def schoolbonus_kind(r: _Rekening, kind: Kind) -> Decimal:
    """Regel per kind schoolbonus_kind: bedrag per jaar [groeipakket.be, schoolbonus]."""
    return (
        schoolbonus_volgens_leeftijd(r, leeftijd(r, kind), soorten=(_JAREN,))
        if rechtgevend(r, kind)
        else _EUR_0_00
    )


@rt.regel('basisbedragen', _BEDRAG_PER_MAAND, 'Groeipakketdecreet art. 13')
def basisbedragen(r: _Rekening) -> Decimal:
    """Regel basisbedragen: bedrag per maand [Groeipakketdecreet art. 13].

    Basisbedragen (en bedragen van de overgangsregeling) voor alle rechtgevende kinderen van het gezin.
    """
    return sum([basisbedrag_kind(r, kind) for kind in kinderen(r)], _NUL)


@rt.regel('sociale_toeslagen', _BEDRAG_PER_MAAND, 'Groeipakketdecreet art. 18')
def sociale_toeslagen(r: _Rekening) -> Decimal:
    """Regel sociale_toeslagen: bedrag per maand [Groeipakketdecreet art. 18]."""
    return sum([sociale_toeslag_kind(r, kind) for kind in kinderen(r)], _NUL)


@rt.regel('groeipakket_per_maand', _BEDRAG_PER_MAAND, 'Groeipakketdecreet art. 13 en 18')
def groeipakket_per_maand(r: _Rekening) -> Decimal:
    """Regel groeipakket_per_maand: bedrag per maand [Groeipakketdecreet art. 13 en 18].

    Wat het gezin voor de rechtsmaand krijgt, zonder zorgtoeslagen en participatietoeslagen.
    """
    return basisbedragen(r) + sociale_toeslagen(r)


@rt.regel('startbedragen', _BEDRAG, 'Groeipakketdecreet, startbedrag (memorie van toelichting)')
def startbedragen(r: _Rekening) -> Decimal:
    """Regel startbedragen: bedrag [Groeipakketdecreet, startbedrag (memorie van toelichting)].

    Het startbedrag voor de kinderen die in de rechtsmaand geboren zijn.
    """
    return startbedrag(r) * Decimal(len([kind for kind in kinderen(r) if geboren_in_de_rechtsmaand(r, kind)]))


@rt.regel('schoolbonus', _BEDRAG_PER_JAAR, 'groeipakket.be, schoolbonus')
def schoolbonus(r: _Rekening) -> Decimal:
    """Regel schoolbonus: bedrag per jaar [groeipakket.be, schoolbonus].

    De schoolbonus, in augustus betaald voor de kinderen die in juli rechtgevend zijn (reken met de peildatum
    in juli).
    """
    return sum([schoolbonus_kind(r, kind) for kind in kinderen(r)], _NUL)
