"""Groeipakket: basisbedrag, startbedrag, schoolbonus, sociale toeslag en zorgtoeslagen voor wezen en
pleegkinderen: de berekening van de regeling groeipakket (versie 2026.1).

Gegenereerd door regelwerk 0.1.0 uit groeipakket.rw; niet met de hand wijzigen, maar de regels aanpassen en
`regelwerk build` uitvoeren. Gebruik: bereken(invoer, peildatum), bereken_deel(invoer, peildatum, uitvoer),
bereken_gedeeltelijk(invoer, peildatum) of bereken_json(verzoek); zie docs/ontwikkelaars/inbedden.md.
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
    'bereken_gedeeltelijk',
    'bereken_json',
    'Invoer',
    'Uitvoer',
    'Huisvesting',
    'Wezenstatus',
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
TITEL: Final[str | None] = (
    'Groeipakket: basisbedrag, startbedrag, schoolbonus, sociale toeslag en zorgtoeslagen voor wezen en '
    'pleegkinderen'
)
VERSIE: Final[str | None] = '2026.1'
GELDIG_VANAF: Final[datetime.date | None] = datetime.date(2019, 1, 1)
GELDIG_TOT: Final[datetime.date | None] = None  # tot: exclusief
BRON: Final[str | None] = (
    'Decreet van 27 april 2018 tot regeling van de toelagen in het kader van het gezinsbeleid (Groeipakketdecreet)'
)
COMPILER_VERSIE: Final = '0.1.0'


Huisvesting: TypeAlias = Literal['volledig', 'gelijkmatig_verdeeld']


Wezenstatus: TypeAlias = Literal['niet_wees', 'halfwees', 'volle_wees']


class Kind(TypedDict):
    """Gegevens kind: exacte waarden."""
    geboortedatum: datetime.date
    huisvesting: str
    specifieke_ondersteuningsbehoefte: bool
    rechtgevend_na_18_jaar: bool
    maandbedrag_overgangsregeling: Decimal
    wees: str
    wees_geworden_voor_2019: bool
    pleegkind: bool


class KindInvoer(TypedDict):
    """Gegevens kind zoals een dienst ze aanlevert."""
    geboortedatum: rt.DatumInvoer
    huisvesting: Huisvesting
    specifieke_ondersteuningsbehoefte: rt.JaNeeInvoer
    rechtgevend_na_18_jaar: rt.JaNeeInvoer
    maandbedrag_overgangsregeling: NotRequired[rt.GetalInvoer]
    wees: NotRequired[Wezenstatus]
    wees_geworden_voor_2019: NotRequired[rt.JaNeeInvoer]
    pleegkind: NotRequired[rt.JaNeeInvoer]


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
    zorgtoeslagen: Decimal
    groeipakket_per_maand: Decimal
    startbedragen: Decimal
    schoolbonus: Decimal
    betaaldatum: datetime.date
    basisbedrag_kind: tuple[Decimal, ...]
    sociale_toeslag_kind: tuple[Decimal, ...]
    zorgtoeslagen_kind: tuple[Decimal, ...]
    groeipakket_kind: tuple[Decimal, ...]
    schoolbonus_kind: tuple[Decimal, ...]


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
_2025_09_01: Final = datetime.date(2025, 9, 1)
_EUR_180_19: Final = Decimal('180.19')
_2024_09_01: Final = datetime.date(2024, 9, 1)
_EUR_176_66: Final = Decimal('176.66')
_2023_09_01: Final = datetime.date(2023, 9, 1)
_EUR_173_20: Final = Decimal('173.20')
_2022_12_01: Final = datetime.date(2022, 12, 1)
_EUR_171_49: Final = Decimal('171.49')
_2022_09_01: Final = datetime.date(2022, 9, 1)
_EUR_169_79: Final = Decimal('169.79')
_2021_09_01: Final = datetime.date(2021, 9, 1)
_EUR_166_46: Final = Decimal('166.46')
_2020_09_01: Final = datetime.date(2020, 9, 1)
_EUR_163_20: Final = Decimal('163.20')
_PROCENT_50: Final = Decimal('0.50')
_EUR_1238_78: Final = Decimal('1238.78')
_EUR_1214_49: Final = Decimal('1214.49')
_EUR_1190_68: Final = Decimal('1190.68')
_EUR_1167_33: Final = Decimal('1167.33')
_EUR_1144_44: Final = Decimal('1144.44')
_EUR_1122_00: Final = Decimal('1122.00')
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
_EUR_21_65: Final = Decimal('21.65')
_EUR_37_88: Final = Decimal('37.88')
_EUR_54_12: Final = Decimal('54.12')
_EUR_64_94: Final = Decimal('64.94')
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
_EUR_31605_89: Final = Decimal('31605.89')
_EUR_62424_00: Final = Decimal('62424.00')
_EUR_52_02: Final = Decimal('52.02')
_EUR_83_23: Final = Decimal('83.23')
_EUR_62_42: Final = Decimal('62.42')
_EUR_30984_00: Final = Decimal('30984.00')
_EUR_61200_00: Final = Decimal('61200.00')
_EUR_51_00: Final = Decimal('51.00')
_EUR_81_60: Final = Decimal('81.60')
_EUR_61_20: Final = Decimal('61.20')
_EUR_144_16: Final = Decimal('144.16')
_EUR_141_33: Final = Decimal('141.33')
_EUR_138_56: Final = Decimal('138.56')
_2023_01_01: Final = datetime.date(2023, 1, 1)
_EUR_86_60: Final = Decimal('86.60')
_EUR_180_18: Final = Decimal('180.18')
_EUR_176_65: Final = Decimal('176.65')
_EUR_63_03: Final = Decimal('63.03')
_NUL: Final = Decimal('0')
_7_DAGEN: Final = Decimal('7')
_1_MAAND: Final = Decimal('1')
_BEDRAG_PER_JAAR: Final = rt.Soort('bedrag per jaar', 'bedrag', 'jaar')
_AANTAL: Final = rt.Soort('aantal', 'getal', geheel=True)
_JAREN: Final = rt.Soort('jaren', 'duur', 'jaar', geheel=True)
_JAREN_: Final = rt.Soort('jaren', 'duur', 'jaar')
_DATUM: Final = rt.Soort('datum', 'datum')
_KEUZE_HUISVESTING: Final = rt.Soort('keuze huisvesting', 'keuze', waarden=('volledig', 'gelijkmatig_verdeeld'))
_JA_NEE: Final = rt.Soort('ja/nee', 'ja/nee')
_BEDRAG_PER_MAAND: Final = rt.Soort('bedrag per maand', 'bedrag', 'maand')
_KEUZE_WEZENSTATUS: Final = rt.Soort('keuze wezenstatus', 'keuze', waarden=('niet_wees', 'halfwees', 'volle_wees'))
_KIND: Final = rt.Soort(
    'kind',
    'gegevens',
    velden=(
        ('geboortedatum', _DATUM),
        ('huisvesting', _KEUZE_HUISVESTING),
        ('specifieke_ondersteuningsbehoefte', _JA_NEE),
        ('rechtgevend_na_18_jaar', _JA_NEE),
        ('maandbedrag_overgangsregeling', _BEDRAG_PER_MAAND),
        ('wees', _KEUZE_WEZENSTATUS),
        ('wees_geworden_voor_2019', _JA_NEE),
        ('pleegkind', _JA_NEE),
    ),
    standaard={
        'maandbedrag_overgangsregeling': Decimal('0.00'),
        'wees': 'niet_wees',
        'wees_geworden_voor_2019': False,
        'pleegkind': False,
    },
)
_LIJST_VAN_KIND: Final = rt.Soort('lijst van kind', 'lijst', element=_KIND)
_PERCENTAGE: Final = rt.Soort('percentage', 'procent')
_BEDRAG: Final = rt.Soort('bedrag', 'bedrag')
_FEESTDAGEN: Final = (
    '2019-01-01',
    '2019-04-22',
    '2019-05-01',
    '2019-05-30',
    '2019-06-10',
    '2019-07-21',
    '2019-08-15',
    '2019-11-01',
    '2019-11-11',
    '2019-12-25',
    '2020-01-01',
    '2020-04-13',
    '2020-05-01',
    '2020-05-21',
    '2020-06-01',
    '2020-07-21',
    '2020-08-15',
    '2020-11-01',
    '2020-11-11',
    '2020-12-25',
    '2021-01-01',
    '2021-04-05',
    '2021-05-01',
    '2021-05-13',
    '2021-05-24',
    '2021-07-21',
    '2021-08-15',
    '2021-11-01',
    '2021-11-11',
    '2021-12-25',
    '2022-01-01',
    '2022-04-18',
    '2022-05-01',
    '2022-05-26',
    '2022-06-06',
    '2022-07-21',
    '2022-08-15',
    '2022-11-01',
    '2022-11-11',
    '2022-12-25',
    '2023-01-01',
    '2023-04-10',
    '2023-05-01',
    '2023-05-18',
    '2023-05-29',
    '2023-07-21',
    '2023-08-15',
    '2023-11-01',
    '2023-11-11',
    '2023-12-25',
    '2024-01-01',
    '2024-04-01',
    '2024-05-01',
    '2024-05-09',
    '2024-05-20',
    '2024-07-21',
    '2024-08-15',
    '2024-11-01',
    '2024-11-11',
    '2024-12-25',
    '2025-01-01',
    '2025-04-21',
    '2025-05-01',
    '2025-05-29',
    '2025-06-09',
    '2025-07-21',
    '2025-08-15',
    '2025-11-01',
    '2025-11-11',
    '2025-12-25',
    '2026-01-01',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-25',
    '2026-07-21',
    '2026-08-15',
    '2026-11-01',
    '2026-11-11',
    '2026-12-25',
    '2027-01-01',
    '2027-03-29',
    '2027-05-01',
    '2027-05-06',
    '2027-05-17',
    '2027-07-21',
    '2027-08-15',
    '2027-11-01',
    '2027-11-11',
    '2027-12-25',
    '2028-01-01',
    '2028-04-17',
    '2028-05-01',
    '2028-05-25',
    '2028-06-05',
    '2028-07-21',
    '2028-08-15',
    '2028-11-01',
    '2028-11-11',
    '2028-12-25',
    '2029-01-01',
    '2029-04-02',
    '2029-05-01',
    '2029-05-10',
    '2029-05-21',
    '2029-07-21',
    '2029-08-15',
    '2029-11-01',
    '2029-11-11',
    '2029-12-25',
    '2030-01-01',
    '2030-04-22',
    '2030-05-01',
    '2030-05-30',
    '2030-06-10',
    '2030-07-21',
    '2030-08-15',
    '2030-11-01',
    '2030-11-11',
    '2030-12-25',
)
_BEDRAG_PER_MAAND_PER_KIND: Final = rt.Soort('bedrag per maand per kind', 'lijst', element=_BEDRAG_PER_MAAND)
_BEDRAG_PER_JAAR_PER_KIND: Final = rt.Soort('bedrag per jaar per kind', 'lijst', element=_BEDRAG_PER_JAAR)
_SCHOOLBONUS_VOLGENS_LEEFTIJD: Final = rt.Tabel(
    'schoolbonus_volgens_leeftijd',
    (('leeftijd', _JAREN_),),
    _BEDRAG_PER_JAAR,
)
_SOCIALE_TOESLAGSCHAAL: Final = rt.Tabel(
    'sociale_toeslagschaal',
    (('gezinsinkomen', _BEDRAG_PER_JAAR), ('kinderen', _AANTAL)),
    _BEDRAG_PER_MAAND,
)
_INVOER: Final = rt.Invoervelden(
    (('kinderen', _LIJST_VAN_KIND), ('gezinsinkomen', _BEDRAG_PER_JAAR), ('voldoet_aan_ki_toets', _JA_NEE)),
)
_UITVOER: Final[dict[str, rt.Soort]] = {
    'aantal_rechtgevende_kinderen': _AANTAL,
    'basisbedragen': _BEDRAG_PER_MAAND,
    'sociale_toeslagen': _BEDRAG_PER_MAAND,
    'zorgtoeslagen': _BEDRAG_PER_MAAND,
    'groeipakket_per_maand': _BEDRAG_PER_MAAND,
    'startbedragen': _BEDRAG,
    'schoolbonus': _BEDRAG_PER_JAAR,
    'betaaldatum': _DATUM,
    'basisbedrag_kind': _BEDRAG_PER_MAAND_PER_KIND,
    'sociale_toeslag_kind': _BEDRAG_PER_MAAND_PER_KIND,
    'zorgtoeslagen_kind': _BEDRAG_PER_MAAND_PER_KIND,
    'groeipakket_kind': _BEDRAG_PER_MAAND_PER_KIND,
    'schoolbonus_kind': _BEDRAG_PER_JAAR_PER_KIND,
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
                    'wees': {
                        'title': 'keuze wezenstatus',
                        'type': 'string',
                        'enum': ['niet_wees', 'halfwees', 'volle_wees'],
                        'default': 'niet_wees',
                    },
                    'wees_geworden_voor_2019': {'title': 'ja/nee', 'type': 'boolean', 'default': False},
                    'pleegkind': {'title': 'ja/nee', 'type': 'boolean', 'default': False},
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
        'zorgtoeslagen': {
            'title': 'bedrag per maand',
            'description': (
                'De zorgtoeslagen voor wezen en pleegkinderen (niet die voor een specifieke '
                'ondersteuningsbehoefte: de puntentabel is niet gevonden).'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'groeipakket_per_maand': {
            'title': 'bedrag per maand',
            'description': (
                'Wat het gezin voor de rechtsmaand krijgt, zonder participatietoeslagen en zonder de zorgtoeslag '
                'voor een specifieke ondersteuningsbehoefte.'
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
        'betaaldatum': {
            'title': 'datum',
            'description': (
                "De 8e van de maand na de rechtsmaand, of de laatste werkdag ervoor ('the April right is paid "
                "about 8 May')."
            ),
            'type': 'string',
            'format': 'date',
            'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
        },
        'basisbedrag_kind': {
            'title': 'bedrag per maand per kind',
            'type': 'array',
            'items': {'title': 'bedrag per maand', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        },
        'sociale_toeslag_kind': {
            'title': 'bedrag per maand per kind',
            'type': 'array',
            'items': {'title': 'bedrag per maand', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        },
        'zorgtoeslagen_kind': {
            'title': 'bedrag per maand per kind',
            'type': 'array',
            'items': {'title': 'bedrag per maand', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        },
        'groeipakket_kind': {
            'title': 'bedrag per maand per kind',
            'description': (
                'Wat het gezin voor dit kind krijgt voor de rechtsmaand: basisbedrag, sociale toeslag en '
                'zorgtoeslagen.'
            ),
            'type': 'array',
            'items': {'title': 'bedrag per maand', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        },
        'schoolbonus_kind': {
            'title': 'bedrag per jaar per kind',
            'type': 'array',
            'items': {'title': 'bedrag per jaar', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        },
    },
    'required': [
        'aantal_rechtgevende_kinderen',
        'basisbedragen',
        'sociale_toeslagen',
        'zorgtoeslagen',
        'groeipakket_per_maand',
        'startbedragen',
        'schoolbonus',
        'betaaldatum',
        'basisbedrag_kind',
        'sociale_toeslag_kind',
        'zorgtoeslagen_kind',
        'groeipakket_kind',
        'schoolbonus_kind',
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
        'aantal_rechtgevende_kinderen': aantal_rechtgevende_kinderen(r),
        'basisbedragen': basisbedragen(r),
        'sociale_toeslagen': sociale_toeslagen(r),
        'zorgtoeslagen': zorgtoeslagen(r),
        'groeipakket_per_maand': groeipakket_per_maand(r),
        'startbedragen': startbedragen(r),
        'schoolbonus': schoolbonus(r),
        'betaaldatum': betaaldatum(r),
        'basisbedrag_kind': uitvoer_basisbedrag_kind(r),
        'sociale_toeslag_kind': uitvoer_sociale_toeslag_kind(r),
        'zorgtoeslagen_kind': uitvoer_zorgtoeslagen_kind(r),
        'groeipakket_kind': uitvoer_groeipakket_kind(r),
        'schoolbonus_kind': uitvoer_schoolbonus_kind(r),
    }


def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:
    """De functie van elke uitvoer, voor bereken_deel."""
    return {
        'aantal_rechtgevende_kinderen': aantal_rechtgevende_kinderen,
        'basisbedragen': basisbedragen,
        'sociale_toeslagen': sociale_toeslagen,
        'zorgtoeslagen': zorgtoeslagen,
        'groeipakket_per_maand': groeipakket_per_maand,
        'startbedragen': startbedragen,
        'schoolbonus': schoolbonus,
        'betaaldatum': betaaldatum,
        'basisbedrag_kind': uitvoer_basisbedrag_kind,
        'sociale_toeslag_kind': uitvoer_sociale_toeslag_kind,
        'zorgtoeslagen_kind': uitvoer_zorgtoeslagen_kind,
        'groeipakket_kind': uitvoer_groeipakket_kind,
        'schoolbonus_kind': uitvoer_schoolbonus_kind,
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
    if dag >= _2025_09_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'basisbedrag',
            _2025_09_01,
            'het basisbedrag vanaf september 2025 is niet gevonden',
        )
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
    if dag >= _2022_12_01:
        return rt.Geldig(
            _EUR_173_20,
            'abvv-experten.be; extra indexering rechtsmaand december 2022 (+1 %)',
            vanaf='2022-12-01',
        )
    if dag >= _2022_09_01:
        return rt.Geldig(
            _EUR_171_49,
            'helan.be; zita.be; nieuwsblad 2022-09-29; indexering 1 september 2022 (+1 %)',
            vanaf='2022-09-01',
        )
    if dag >= _2021_09_01:
        return rt.Geldig(_EUR_169_79, 'gezondheid.be; infino.be; indexering 1 september 2021', vanaf='2021-09-01')
    if dag >= _2020_09_01:
        return rt.Geldig(
            _EUR_166_46,
            'begijnendijk.be; myfamily.be; indexering 1 september 2020',
            vanaf='2020-09-01',
        )
    if dag >= _2019_01_01:
        return rt.Geldig(_EUR_163_20, 'groeipakket.be; tijd.be 2019-02; metrotime.be', vanaf='2019-01-01')
    raise r.geen_parameterwaarde('basisbedrag', dag)


@rt.parameter('aandeel_gelijkmatig_verdeeld', _PERCENTAGE)
def aandeel_gelijkmatig_verdeeld(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter aandeel_gelijkmatig_verdeeld: percentage [Groeipakketdecreet art. 18]."""
    return rt.Geldig(_PROCENT_50, 'Groeipakketdecreet art. 18')


@rt.parameter('startbedrag', _BEDRAG)
def startbedrag(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter startbedrag: bedrag [Groeipakketdecreet, startbedrag (memorie van toelichting)]."""
    if dag >= _2025_09_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'startbedrag',
            _2025_09_01,
            'het startbedrag vanaf september 2025 is niet gevonden',
        )
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
    if dag >= _2022_09_01:
        return rt.Geldig(
            _EUR_1190_68,
            'helan.be; zita.be; nieuwsblad 2022-09-29; indexering 1 september 2022',
            vanaf='2022-09-01',
        )
    if dag >= _2021_09_01:
        return rt.Geldig(_EUR_1167_33, 'gezondheid.be; infino.be; indexering 1 september 2021', vanaf='2021-09-01')
    if dag >= _2020_09_01:
        return rt.Geldig(
            _EUR_1144_44,
            'begijnendijk.be; myfamily.be; indexering 1 september 2020',
            vanaf='2020-09-01',
        )
    if dag >= _2019_01_01:
        return rt.Geldig(_EUR_1122_00, 'groeipakket.be; tijd.be 2019-02; metrotime.be', vanaf='2019-01-01')
    raise r.geen_parameterwaarde('startbedrag', dag)


def schoolbonus_volgens_leeftijd(
    r: _Rekening,
    leeftijd: Decimal,
    soorten: tuple[rt.Soort, ...] | None = None,
) -> Decimal:
    """Tabel schoolbonus_volgens_leeftijd [groeipakket.be, schoolbonus]."""
    if r.peildatum >= _2025_09_01:
        raise rt.OnbekendeWaarde(
            'tabel',
            'schoolbonus_volgens_leeftijd',
            _2025_09_01,
            'de schoolbonus vanaf september 2025 is niet gevonden',
        )
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
    if r.peildatum >= _2022_09_01:
        rij = r.rij(
            _SCHOOLBONUS_VOLGENS_LEEFTIJD,
            (leeftijd,),
            (
                leeftijd < _5_JAAR,
                _5_JAAR <= leeftijd < _12_JAAR,
                _12_JAAR <= leeftijd < _18_JAAR,
                leeftijd >= _18_JAAR,
            ),
            vanaf='2022-09-01',
            soorten=soorten,
        )
        if rij == 1:
            return r.uitkomst(_EUR_21_65, 'myfamily.be, school bonus; indexering 1 september 2022')
        if rij == 2:
            return r.uitkomst(_EUR_37_88, 'myfamily.be, school bonus; indexering 1 september 2022')
        if rij == 3:
            return r.uitkomst(_EUR_54_12, 'myfamily.be, school bonus; indexering 1 september 2022')
        return r.uitkomst(_EUR_64_94, 'myfamily.be, school bonus; indexering 1 september 2022')
    if r.peildatum >= _2019_01_01:
        raise rt.OnbekendeWaarde(
            'tabel',
            'schoolbonus_volgens_leeftijd',
            _2019_01_01,
            (
                'de schoolbonus per leeftijd vóór de indexering van september 2022 is niet gevonden (2019: alleen '
                'het bereik 20,40 - 61,20)'
            ),
        )
    raise r.geen_tabelversie('schoolbonus_volgens_leeftijd')


def sociale_toeslagschaal(r: _Rekening, gezinsinkomen: Decimal, kinderen: Decimal) -> Decimal:
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
            (gezinsinkomen, kinderen),
            (
                gezinsinkomen <= _EUR_36325_76 and kinderen <= _AANTAL_2,
                gezinsinkomen <= _EUR_36325_76 and kinderen >= _AANTAL_3,
                _EUR_36325_76 < gezinsinkomen <= _EUR_42380_06 and kinderen <= _AANTAL_2,
                gezinsinkomen > _EUR_42380_06 and kinderen <= _AANTAL_2,
                _EUR_36325_76 < gezinsinkomen <= _EUR_68329_61 and kinderen >= _AANTAL_3,
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
        return r.uitkomst(_EUR_0_00, 'groeipakket.be, social allowance; fons.be FAQ')
    if r.peildatum >= _2021_09_01:
        raise rt.OnbekendeWaarde(
            'tabel',
            'sociale_toeslagschaal',
            _2021_09_01,
            (
                'de sociale toeslag van september 2021 tot en met augustus 2023 is niet volledig gevonden (alleen '
                'het bereik 54,12 - 86,59 in 2022 en losse wijzigingen in december 2022, januari en april 2023)'
            ),
        )
    if r.peildatum >= _2020_09_01:
        rij = r.rij(
            _SOCIALE_TOESLAGSCHAAL,
            (gezinsinkomen, kinderen),
            (
                gezinsinkomen < _EUR_31605_89 and kinderen <= _AANTAL_2,
                gezinsinkomen < _EUR_31605_89 and kinderen >= _AANTAL_3,
                gezinsinkomen >= _EUR_31605_89 and kinderen <= _AANTAL_2,
                _EUR_31605_89 <= gezinsinkomen <= _EUR_62424_00 and kinderen >= _AANTAL_3,
                gezinsinkomen > _EUR_62424_00 and kinderen >= _AANTAL_3,
            ),
            vanaf='2020-09-01',
        )
        if rij == 1:
            return r.uitkomst(
                _EUR_52_02,
                'myfamily.be, sociale toeslag vanaf september 2020',
                versie_voorlopig='of de bovengrens € 62.424 zelf nog meetelt, zeggen de bronnen niet',
            )
        if rij == 2:
            return r.uitkomst(
                _EUR_83_23,
                'myfamily.be, sociale toeslag vanaf september 2020',
                versie_voorlopig='of de bovengrens € 62.424 zelf nog meetelt, zeggen de bronnen niet',
            )
        if rij == 3:
            return r.uitkomst(
                _EUR_0_00,
                'myfamily.be, sociale toeslag vanaf september 2020',
                versie_voorlopig='of de bovengrens € 62.424 zelf nog meetelt, zeggen de bronnen niet',
            )
        if rij == 4:
            return r.uitkomst(
                _EUR_62_42,
                'myfamily.be, sociale toeslag vanaf september 2020',
                versie_voorlopig='of de bovengrens € 62.424 zelf nog meetelt, zeggen de bronnen niet',
            )
        return r.uitkomst(
            _EUR_0_00,
            'myfamily.be, sociale toeslag vanaf september 2020',
            versie_voorlopig='of de bovengrens € 62.424 zelf nog meetelt, zeggen de bronnen niet',
        )
    if r.peildatum >= _2019_01_01:
        rij = r.rij(
            _SOCIALE_TOESLAGSCHAAL,
            (gezinsinkomen, kinderen),
            (
                gezinsinkomen < _EUR_30984_00 and kinderen <= _AANTAL_2,
                gezinsinkomen < _EUR_30984_00 and kinderen >= _AANTAL_3,
                gezinsinkomen >= _EUR_30984_00 and kinderen <= _AANTAL_2,
                _EUR_30984_00 <= gezinsinkomen <= _EUR_61200_00 and kinderen >= _AANTAL_3,
                gezinsinkomen > _EUR_61200_00 and kinderen >= _AANTAL_3,
            ),
            vanaf='2019-01-01',
        )
        if rij == 1:
            return r.uitkomst(
                _EUR_51_00,
                'myfamily.be, sociale toeslag 2019-2020',
                versie_voorlopig=(
                    'de grens staat bij myfamily.be als € 30.984 en als € 30.986,17; of de grenzen zelf nog '
                    'meetellen, zeggen de bronnen niet'
                ),
            )
        if rij == 2:
            return r.uitkomst(
                _EUR_81_60,
                'myfamily.be, sociale toeslag 2019-2020',
                versie_voorlopig=(
                    'de grens staat bij myfamily.be als € 30.984 en als € 30.986,17; of de grenzen zelf nog '
                    'meetellen, zeggen de bronnen niet'
                ),
            )
        if rij == 3:
            return r.uitkomst(
                _EUR_0_00,
                'myfamily.be, sociale toeslag 2019-2020',
                versie_voorlopig=(
                    'de grens staat bij myfamily.be als € 30.984 en als € 30.986,17; of de grenzen zelf nog '
                    'meetellen, zeggen de bronnen niet'
                ),
            )
        if rij == 4:
            return r.uitkomst(
                _EUR_61_20,
                'myfamily.be, sociale toeslag 2019-2020',
                versie_voorlopig=(
                    'de grens staat bij myfamily.be als € 30.984 en als € 30.986,17; of de grenzen zelf nog '
                    'meetellen, zeggen de bronnen niet'
                ),
            )
        return r.uitkomst(
            _EUR_0_00,
            'myfamily.be, sociale toeslag 2019-2020',
            versie_voorlopig=(
                'de grens staat bij myfamily.be als € 30.984 en als € 30.986,17; of de grenzen zelf nog '
                'meetellen, zeggen de bronnen niet'
            ),
        )
    raise r.geen_tabelversie('sociale_toeslagschaal')


@rt.parameter('wezentoeslag_halfwees', _BEDRAG_PER_MAAND)
def wezentoeslag_halfwees(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter wezentoeslag_halfwees: bedrag per maand [Groeipakketdecreet, zorgtoeslag voor wezen (memorie
    van toelichting)].
    """
    if dag >= _2025_09_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'wezentoeslag_halfwees',
            _2025_09_01,
            'de wezentoeslag vanaf september 2025 is niet gevonden',
        )
    if dag >= _2024_09_01:
        return rt.Geldig(
            _EUR_144_16,
            'parentia.be, amounts new system; indexering 1 september 2024',
            vanaf='2024-09-01',
        )
    if dag >= _2023_09_01:
        return rt.Geldig(_EUR_141_33, 'kidslife.be; indexering 1 september 2023', vanaf='2023-09-01')
    if dag >= _2023_01_01:
        return rt.Geldig(
            _EUR_138_56,
            'groeipakket.be, wijzigingen januari 2023: 80 % van het basisbedrag',
            vanaf='2023-01-01',
        )
    if dag >= _2022_12_01:
        return rt.Geldig(
            _EUR_86_60,
            'groeipakket.be, wijzigingen januari 2023',
            vanaf='2022-12-01',
            voorlopig=(
                'groeipakket.be noemt € 86,60 als het bedrag vóór januari 2023 (50 % van het basisbedrag van '
                'december 2022, € 173,20); sinds wanneer het gold, is niet gevonden'
            ),
        )
    if dag >= _2019_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'wezentoeslag_halfwees',
            _2019_01_01,
            (
                'de betaalde wezentoeslag voor een halfwees vóór december 2022 is niet gevonden (80 euro is het '
                'bedrag op basisniveau)'
            ),
        )
    raise r.geen_parameterwaarde('wezentoeslag_halfwees', dag)


@rt.parameter('wezentoeslag_volle_wees', _BEDRAG_PER_MAAND)
def wezentoeslag_volle_wees(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter wezentoeslag_volle_wees: bedrag per maand [Groeipakketdecreet, zorgtoeslag voor wezen (memorie
    van toelichting)].
    """
    if dag >= _2025_09_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'wezentoeslag_volle_wees',
            _2025_09_01,
            'de wezentoeslag vanaf september 2025 is niet gevonden',
        )
    if dag >= _2024_09_01:
        return rt.Geldig(
            _EUR_180_18,
            'parentia.be, amounts new system; indexering 1 september 2024',
            vanaf='2024-09-01',
        )
    if dag >= _2023_09_01:
        return rt.Geldig(_EUR_176_65, 'kidslife.be; indexering 1 september 2023', vanaf='2023-09-01')
    if dag >= _2019_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'wezentoeslag_volle_wees',
            _2019_01_01,
            (
                'de betaalde wezentoeslag voor een volle wees vóór september 2023 is niet gevonden (160 euro is '
                'het bedrag op basisniveau)'
            ),
        )
    raise r.geen_parameterwaarde('wezentoeslag_volle_wees', dag)


@rt.parameter('pleegzorgtoeslag', _BEDRAG_PER_MAAND)
def pleegzorgtoeslag(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter pleegzorgtoeslag: bedrag per maand [Groeipakketdecreet, zorgtoeslag voor pleegkinderen]."""
    if dag >= _2025_09_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'pleegzorgtoeslag',
            _2025_09_01,
            'de pleegzorgtoeslag vanaf september 2025 is niet gevonden',
        )
    if dag >= _2023_09_01:
        return rt.Geldig(
            _EUR_63_03,
            'fons.be, zorgtoeslag',
            vanaf='2023-09-01',
            voorlopig=(
                'fons.be noemt € 63,03 zonder datum; het is het bedrag van september 2023 of van september 2024'
            ),
        )
    if dag >= _2019_01_01:
        raise rt.OnbekendeWaarde(
            'parameter',
            'pleegzorgtoeslag',
            _2019_01_01,
            (
                'de betaalde pleegzorgtoeslag vóór september 2023 is niet gevonden (61 euro is het bedrag op '
                'basisniveau)'
            ),
        )
    raise r.geen_parameterwaarde('pleegzorgtoeslag', dag)


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
        sociale_toeslagschaal(r, gezinsinkomen(r), aantal_rechtgevende_kinderen(r))
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


@rt.regel_per(
    'wezentoeslag_kind',
    _BEDRAG_PER_MAAND,
    'Groeipakketdecreet, zorgtoeslag voor wezen (memorie van toelichting)',
)
def wezentoeslag_kind(r: _Rekening, kind: Kind) -> Decimal:
    """Regel per kind wezentoeslag_kind: bedrag per maand [Groeipakketdecreet, zorgtoeslag voor wezen (memorie
    van toelichting)].

    Voor een rechtgevend kind van het nieuwe stelsel dat vanaf 2019 wees werd.
    """
    return (
        wezentoeslag_halfwees(r)
        if rechtgevend(r, kind)
        and nieuw_stelsel(r, kind)
        and not kind['wees_geworden_voor_2019']
        and kind['wees'] == 'halfwees'
        else wezentoeslag_volle_wees(r)
        if rechtgevend(r, kind)
        and nieuw_stelsel(r, kind)
        and not kind['wees_geworden_voor_2019']
        and kind['wees'] == 'volle_wees'
        else _EUR_0_00
    )


@rt.regel_per('pleegzorgtoeslag_kind', _BEDRAG_PER_MAAND, 'Groeipakketdecreet, zorgtoeslag voor pleegkinderen')
def pleegzorgtoeslag_kind(r: _Rekening, kind: Kind) -> Decimal:
    """Regel per kind pleegzorgtoeslag_kind: bedrag per maand [Groeipakketdecreet, zorgtoeslag voor
    pleegkinderen].
    """
    return pleegzorgtoeslag(r) if rechtgevend(r, kind) and kind['pleegkind'] else _EUR_0_00


@rt.regel_per('zorgtoeslagen_kind', _BEDRAG_PER_MAAND, 'Groeipakketdecreet, zorgtoeslagen')
def zorgtoeslagen_kind(r: _Rekening, kind: Kind) -> Decimal:
    """Regel per kind zorgtoeslagen_kind: bedrag per maand [Groeipakketdecreet, zorgtoeslagen]."""
    return wezentoeslag_kind(r, kind) + pleegzorgtoeslag_kind(r, kind)


@rt.regel_per('groeipakket_kind', _BEDRAG_PER_MAAND, 'Groeipakketdecreet art. 13 en 18; zorgtoeslagen')
def groeipakket_kind(r: _Rekening, kind: Kind) -> Decimal:
    """Regel per kind groeipakket_kind: bedrag per maand [Groeipakketdecreet art. 13 en 18; zorgtoeslagen].

    Wat het gezin voor dit kind krijgt voor de rechtsmaand: basisbedrag, sociale toeslag en zorgtoeslagen.
    """
    return basisbedrag_kind(r, kind) + sociale_toeslag_kind(r, kind) + zorgtoeslagen_kind(r, kind)


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


@rt.regel('zorgtoeslagen', _BEDRAG_PER_MAAND, 'Groeipakketdecreet, zorgtoeslagen')
def zorgtoeslagen(r: _Rekening) -> Decimal:
    """Regel zorgtoeslagen: bedrag per maand [Groeipakketdecreet, zorgtoeslagen].

    De zorgtoeslagen voor wezen en pleegkinderen (niet die voor een specifieke ondersteuningsbehoefte: de
    puntentabel is niet gevonden).
    """
    return sum([zorgtoeslagen_kind(r, kind) for kind in kinderen(r)], _NUL)


@rt.regel('groeipakket_per_maand', _BEDRAG_PER_MAAND, 'Groeipakketdecreet art. 13 en 18; zorgtoeslagen')
def groeipakket_per_maand(r: _Rekening) -> Decimal:
    """Regel groeipakket_per_maand: bedrag per maand [Groeipakketdecreet art. 13 en 18; zorgtoeslagen].

    Wat het gezin voor de rechtsmaand krijgt, zonder participatietoeslagen en zonder de zorgtoeslag voor een
    specifieke ondersteuningsbehoefte.
    """
    return sum([groeipakket_kind(r, kind) for kind in kinderen(r)], _NUL)


@rt.regel('betaaldatum', _DATUM, 'groeipakket.be, Basisbedrag')
def betaaldatum(r: _Rekening) -> datetime.date:
    """Regel betaaldatum: datum [groeipakket.be, Basisbedrag].

    De 8e van de maand na de rechtsmaand, of de laatste werkdag ervoor ('the April right is paid about 8
    May').
    """
    return rt.laatste_werkdag_op_of_voor(
        *_FEESTDAGEN,
        rt.plus_periode(rt.plus_periode(rechtsmaand(r), 'maand', _1_MAAND), 'dag', _7_DAGEN),
    )


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


def uitvoer_basisbedrag_kind(r: _Rekening) -> tuple[Decimal, ...]:
    """Uitvoer basisbedrag_kind: bedrag per maand per kind, voor elk lid van kinderen in hun volgorde."""
    return rt.per_lid(
        r,
        'basisbedrag_kind',
        _BEDRAG_PER_MAAND_PER_KIND,
        'Groeipakketdecreet art. 13',
        basisbedrag_kind,
        r.invoer['kinderen'],
    )


def uitvoer_sociale_toeslag_kind(r: _Rekening) -> tuple[Decimal, ...]:
    """Uitvoer sociale_toeslag_kind: bedrag per maand per kind, voor elk lid van kinderen in hun volgorde."""
    return rt.per_lid(
        r,
        'sociale_toeslag_kind',
        _BEDRAG_PER_MAAND_PER_KIND,
        'Groeipakketdecreet art. 18',
        sociale_toeslag_kind,
        r.invoer['kinderen'],
    )


def uitvoer_zorgtoeslagen_kind(r: _Rekening) -> tuple[Decimal, ...]:
    """Uitvoer zorgtoeslagen_kind: bedrag per maand per kind, voor elk lid van kinderen in hun volgorde."""
    return rt.per_lid(
        r,
        'zorgtoeslagen_kind',
        _BEDRAG_PER_MAAND_PER_KIND,
        'Groeipakketdecreet, zorgtoeslagen',
        zorgtoeslagen_kind,
        r.invoer['kinderen'],
    )


def uitvoer_groeipakket_kind(r: _Rekening) -> tuple[Decimal, ...]:
    """Uitvoer groeipakket_kind: bedrag per maand per kind, voor elk lid van kinderen in hun volgorde.

    Wat het gezin voor dit kind krijgt voor de rechtsmaand: basisbedrag, sociale toeslag en zorgtoeslagen.
    """
    return rt.per_lid(
        r,
        'groeipakket_kind',
        _BEDRAG_PER_MAAND_PER_KIND,
        'Groeipakketdecreet art. 13 en 18; zorgtoeslagen',
        groeipakket_kind,
        r.invoer['kinderen'],
    )


def uitvoer_schoolbonus_kind(r: _Rekening) -> tuple[Decimal, ...]:
    """Uitvoer schoolbonus_kind: bedrag per jaar per kind, voor elk lid van kinderen in hun volgorde."""
    return rt.per_lid(
        r,
        'schoolbonus_kind',
        _BEDRAG_PER_JAAR_PER_KIND,
        'groeipakket.be, schoolbonus',
        schoolbonus_kind,
        r.invoer['kinderen'],
    )
