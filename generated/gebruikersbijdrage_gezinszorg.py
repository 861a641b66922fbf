"""Gebruikersbijdrage voor gezinszorg: de berekening van de regeling gebruikersbijdrage_gezinszorg (versie
2026.1).

Gegenereerd door regelwerk 0.1.0 uit gebruikersbijdrage_gezinszorg.rw; niet met de hand wijzigen, maar de
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
    'Tijdvak',
    'Huisgenoot',
    'HuisgenootInvoer',
    'Prestatie',
    'PrestatieInvoer',
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

REGELING: Final = 'gebruikersbijdrage_gezinszorg'
TITEL: Final[str | None] = 'Gebruikersbijdrage voor gezinszorg'
VERSIE: Final[str | None] = '2026.1'
GELDIG_VANAF: Final[datetime.date | None] = datetime.date(2026, 1, 1)
GELDIG_TOT: Final[datetime.date | None] = None  # tot: exclusief
BRON: Final[str | None] = (
    'Ministerieel besluit van 26 juli 2001 tot vaststelling van het bijdragesysteem voor de gebruiker van '
    'gezinszorg, bijlage II'
)
COMPILER_VERSIE: Final = '0.1.0'


Tijdvak: TypeAlias = Literal['weekdag_overdag', 'weekdag_avond_of_nacht', 'zaterdag', 'zon_of_feestdag']


class Huisgenoot(TypedDict):
    """Gegevens huisgenoot: exacte waarden."""
    netto_maandinkomen: Decimal
    zelfde_generatie: bool


class HuisgenootInvoer(TypedDict):
    """Gegevens huisgenoot zoals een dienst ze aanlevert."""
    netto_maandinkomen: rt.GetalInvoer
    zelfde_generatie: rt.JaNeeInvoer


class Prestatie(TypedDict):
    """Gegevens prestatie: exacte waarden."""
    tijdvak: str
    uren: Decimal


class PrestatieInvoer(TypedDict):
    """Gegevens prestatie zoals een dienst ze aanlevert."""
    tijdvak: Tijdvak
    uren: rt.GetalInvoer


class Invoer(TypedDict):
    """De invoer van gebruikersbijdrage_gezinszorg, zoals een dienst die aanlevert (bedragen als tekst, bijv.
    "1450.50").
    """
    huisgenoten: Sequence[HuisgenootInvoer]
    uurbedrag_volgens_bijdrageschaal: rt.GetalInvoer
    toeslag_wijkwerking_van_toepassing: rt.JaNeeInvoer
    meerlingenregeling: rt.JaNeeInvoer
    prestaties: Sequence[PrestatieInvoer]


class Uitvoer(TypedDict):
    """De uitvoer van gebruikersbijdrage_gezinszorg: exacte waarden."""
    netto_maandinkomen_gezin: Decimal
    uurbijdrage: Decimal
    bijdrage_voor_prestaties: Decimal


class _Gelezen(TypedDict):
    """De invoer na controle: exacte waarden."""
    huisgenoten: tuple[Huisgenoot, ...]
    uurbedrag_volgens_bijdrageschaal: Decimal
    toeslag_wijkwerking_van_toepassing: bool
    meerlingenregeling: bool
    prestaties: tuple[Prestatie, ...]


_Rekening: TypeAlias = rt.Rekening[_Gelezen]

_EUR_0_51: Final = Decimal('0.51')
_2026_01_01: Final = datetime.date(2026, 1, 1)
_PROCENT_5: Final = Decimal('0.05')
_EUR_7_58: Final = Decimal('7.58')
_PROCENT_0: Final = Decimal('0.00')
_PROCENT_30: Final = Decimal('0.30')
_PROCENT_67: Final = Decimal('0.67')
_NUL: Final = Decimal('0')
_PROCENT_100: Final = Decimal('1.00')
_KEUZE_TIJDVAK: Final = rt.Soort(
    'keuze tijdvak',
    'keuze',
    waarden=('weekdag_overdag', 'weekdag_avond_of_nacht', 'zaterdag', 'zon_of_feestdag'),
)
_BEDRAG_PER_MAAND: Final = rt.Soort('bedrag per maand', 'bedrag', 'maand')
_JA_NEE: Final = rt.Soort('ja/nee', 'ja/nee')
_HUISGENOOT: Final = rt.Soort(
    'huisgenoot',
    'gegevens',
    velden=(('netto_maandinkomen', _BEDRAG_PER_MAAND), ('zelfde_generatie', _JA_NEE)),
)
_LIJST_VAN_HUISGENOOT: Final = rt.Soort('lijst van huisgenoot', 'lijst', element=_HUISGENOOT)
_BEDRAG_PER_UUR: Final = rt.Soort('bedrag per uur', 'bedrag', 'uur')
_UREN: Final = rt.Soort('uren', 'duur', 'uur')
_PRESTATIE: Final = rt.Soort('prestatie', 'gegevens', velden=(('tijdvak', _KEUZE_TIJDVAK), ('uren', _UREN)))
_LIJST_VAN_PRESTATIE: Final = rt.Soort('lijst van prestatie', 'lijst', element=_PRESTATIE)
_PERCENTAGE: Final = rt.Soort('percentage', 'procent')
_BEDRAG: Final = rt.Soort('bedrag', 'bedrag')
_TOESLAG_PER_TIJDVAK: Final = rt.Tabel('toeslag_per_tijdvak', (('tijdvak', _KEUZE_TIJDVAK),), _PERCENTAGE)
_INVOER: Final = rt.Invoervelden(
    (
        ('huisgenoten', _LIJST_VAN_HUISGENOOT),
        ('uurbedrag_volgens_bijdrageschaal', _BEDRAG_PER_UUR),
        ('toeslag_wijkwerking_van_toepassing', _JA_NEE),
        ('meerlingenregeling', _JA_NEE),
        ('prestaties', _LIJST_VAN_PRESTATIE),
    ),
)
_UITVOER: Final[dict[str, rt.Soort]] = {
    'netto_maandinkomen_gezin': _BEDRAG_PER_MAAND,
    'uurbijdrage': _BEDRAG_PER_UUR,
    'bijdrage_voor_prestaties': _BEDRAG,
}

INVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Invoer van gebruikersbijdrage_gezinszorg',
    'type': 'object',
    'properties': {
        'huisgenoten': {
            'title': 'lijst van huisgenoot',
            'description': 'De gebruiker en de personen die met de gebruiker in dezelfde woning samenleven.',
            'type': 'array',
            'items': {
                'title': 'huisgenoot',
                'type': 'object',
                'properties': {
                    'netto_maandinkomen': {
                        'title': 'bedrag per maand',
                        'type': 'string',
                        'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
                    },
                    'zelfde_generatie': {'title': 'ja/nee', 'type': 'boolean'},
                },
                'required': ['netto_maandinkomen', 'zelfde_generatie'],
                'additionalProperties': False,
            },
        },
        'uurbedrag_volgens_bijdrageschaal': {
            'title': 'bedrag per uur',
            'description': (
                'Het uurbedrag dat de bijdrageschaal geeft voor het getelde netto maandinkomen en de '
                'gezinssamenstelling, na de aftrekken en kortingen van bijlage II.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'toeslag_wijkwerking_van_toepassing': {
            'title': 'ja/nee',
            'description': (
                'De dienst rekent de toeslag voor wijkwerking aan (de voorwaarde staat niet in de geraadpleegde '
                'bronnen).'
            ),
            'type': 'boolean',
        },
        'meerlingenregeling': {
            'title': 'ja/nee',
            'description': (
                'Het gezin heeft recht op hulp voor meerlingen: een bevalling van een drieling, of een tweede '
                'tweeling die hoogstens 19 maanden jonger is dan de eerste.'
            ),
            'type': 'boolean',
        },
        'prestaties': {
            'title': 'lijst van prestatie',
            'description': 'De gepresteerde uren gezinszorg in de periode die wordt aangerekend, per tijdvak.',
            'type': 'array',
            'items': {
                'title': 'prestatie',
                'type': 'object',
                'properties': {
                    'tijdvak': {
                        'title': 'keuze tijdvak',
                        'type': 'string',
                        'enum': ['weekdag_overdag', 'weekdag_avond_of_nacht', 'zaterdag', 'zon_of_feestdag'],
                    },
                    'uren': {'title': 'uren', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
                },
                'required': ['tijdvak', 'uren'],
                'additionalProperties': False,
            },
        },
    },
    'required': [
        'huisgenoten',
        'uurbedrag_volgens_bijdrageschaal',
        'toeslag_wijkwerking_van_toepassing',
        'meerlingenregeling',
        'prestaties',
    ],
    'additionalProperties': False,
}

UITVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Uitvoer van gebruikersbijdrage_gezinszorg',
    'type': 'object',
    'properties': {
        'netto_maandinkomen_gezin': {
            'title': 'bedrag per maand',
            'description': (
                'Alle inkomsten van de gebruiker en van de huisgenoten van dezelfde generatie, als gemiddelde per '
                'maand.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'uurbijdrage': {'title': 'bedrag per uur', 'type': 'string', 'pattern': '^-?[0-9]+(\\.[0-9]+)?$'},
        'bijdrage_voor_prestaties': {
            'title': 'bedrag',
            'description': (
                'Wat de gebruiker betaalt voor de gepresteerde uren: per uur de uurbijdrage, verhoogd met de '
                'toeslag voor het tijdvak.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
    },
    'required': ['netto_maandinkomen_gezin', 'uurbijdrage', 'bijdrage_voor_prestaties'],
    'additionalProperties': False,
}


def bereken(invoer: Mapping[str, object], peildatum: datetime.date | str) -> rt.Resultaat[Uitvoer]:
    """Bereken de uitvoer van gebruikersbijdrage_gezinszorg voor één invoer op de peildatum.

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
        'netto_maandinkomen_gezin': netto_maandinkomen_gezin(r),
        'uurbijdrage': uurbijdrage(r),
        'bijdrage_voor_prestaties': bijdrage_voor_prestaties(r),
    }


def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:
    """De functie van elke uitvoer, voor bereken_deel."""
    return {
        'netto_maandinkomen_gezin': netto_maandinkomen_gezin,
        'uurbijdrage': uurbijdrage,
        'bijdrage_voor_prestaties': bijdrage_voor_prestaties,
    }


@rt.invoer(
    'huisgenoten',
    _LIJST_VAN_HUISGENOOT,
    'MB 26.07.2001, bijlage II',
    'De gebruiker en de personen die met de gebruiker in dezelfde woning samenleven.',
)
def huisgenoten(r: _Rekening) -> tuple[Huisgenoot, ...]:
    """Invoer huisgenoten: lijst van huisgenoot [MB 26.07.2001, bijlage II]."""
    return r.invoer['huisgenoten']


@rt.invoer(
    'uurbedrag_volgens_bijdrageschaal',
    _BEDRAG_PER_UUR,
    'MB 26.07.2001, bijlage I',
    (
        'Het uurbedrag dat de bijdrageschaal geeft voor het getelde netto maandinkomen en de gezinssamenstelling, '
        'na de aftrekken en kortingen van bijlage II.'
    ),
)
def uurbedrag_volgens_bijdrageschaal(r: _Rekening) -> Decimal:
    """Invoer uurbedrag_volgens_bijdrageschaal: bedrag per uur [MB 26.07.2001, bijlage I]."""
    return r.invoer['uurbedrag_volgens_bijdrageschaal']


@rt.invoer(
    'toeslag_wijkwerking_van_toepassing',
    _JA_NEE,
    'MB 26.07.2001, bijlage II',
    'De dienst rekent de toeslag voor wijkwerking aan (de voorwaarde staat niet in de geraadpleegde bronnen).',
)
def toeslag_wijkwerking_van_toepassing(r: _Rekening) -> bool:
    """Invoer toeslag_wijkwerking_van_toepassing: ja/nee [MB 26.07.2001, bijlage II]."""
    return r.invoer['toeslag_wijkwerking_van_toepassing']


@rt.invoer(
    'meerlingenregeling',
    _JA_NEE,
    'zorg-en-gezondheid.be, hulp voor gezinnen met drielingen',
    (
        'Het gezin heeft recht op hulp voor meerlingen: een bevalling van een drieling, of een tweede tweeling '
        'die hoogstens 19 maanden jonger is dan de eerste.'
    ),
)
def meerlingenregeling(r: _Rekening) -> bool:
    """Invoer meerlingenregeling: ja/nee [zorg-en-gezondheid.be, hulp voor gezinnen met drielingen]."""
    return r.invoer['meerlingenregeling']


@rt.invoer(
    'prestaties',
    _LIJST_VAN_PRESTATIE,
    'MB 26.07.2001, bijlage II, hoofdstuk V',
    'De gepresteerde uren gezinszorg in de periode die wordt aangerekend, per tijdvak.',
)
def prestaties(r: _Rekening) -> tuple[Prestatie, ...]:
    """Invoer prestaties: lijst van prestatie [MB 26.07.2001, bijlage II, hoofdstuk V]."""
    return r.invoer['prestaties']


@rt.parameter('minimale_uurbijdrage', _BEDRAG_PER_UUR)
def minimale_uurbijdrage(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter minimale_uurbijdrage: bedrag per uur [MB 26.07.2001, bijlage I]."""
    if dag >= _2026_01_01:
        return rt.Geldig(
            _EUR_0_51,
            'MB 26.07.2001, bijlage I',
            vanaf='2026-01-01',
            voorlopig=(
                'bron: gemeente Ternat (www.ternat.be/gezinszorg), zonder datum; geen officiële bron gevonden'
            ),
        )
    raise r.geen_parameterwaarde('minimale_uurbijdrage', dag)


@rt.parameter('toeslag_wijkwerking', _PERCENTAGE)
def toeslag_wijkwerking(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter toeslag_wijkwerking: percentage [MB 26.07.2001, bijlage II]."""
    if dag >= _2026_01_01:
        return rt.Geldig(_PROCENT_5, 'MB 26.07.2001, bijlage II', vanaf='2026-01-01')
    raise r.geen_parameterwaarde('toeslag_wijkwerking', dag)


@rt.parameter('maximale_uurbijdrage_meerlingen', _BEDRAG_PER_UUR)
def maximale_uurbijdrage_meerlingen(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter maximale_uurbijdrage_meerlingen: bedrag per uur [zorg-en-gezondheid.be, hulp voor gezinnen met
    drielingen].
    """
    if dag >= _2026_01_01:
        return rt.Geldig(
            _EUR_7_58,
            'zorg-en-gezondheid.be, hulp voor gezinnen met drielingen',
            vanaf='2026-01-01',
            voorlopig='bron: zorg-en-gezondheid.be, pagina zonder datum',
        )
    raise r.geen_parameterwaarde('maximale_uurbijdrage_meerlingen', dag)


def toeslag_per_tijdvak(r: _Rekening, tijdvak: str) -> Decimal:
    """Tabel toeslag_per_tijdvak [MB 26.07.2001, bijlage II, hoofdstuk V, stap 5].

    De diensten verhogen de vastgestelde bijdrage met een toeslag voor uren buiten de weekdagen overdag.
    """
    rij = r.rij(
        _TOESLAG_PER_TIJDVAK,
        (tijdvak,),
        (
            tijdvak == 'weekdag_overdag',
            tijdvak in ('weekdag_avond_of_nacht', 'zaterdag'),
            tijdvak == 'zon_of_feestdag',
        ),
    )
    if rij == 1:
        return r.uitkomst(_PROCENT_0, 'MB 26.07.2001, bijlage II, hoofdstuk V, stap 5')
    if rij == 2:
        return r.uitkomst(_PROCENT_30, 'MB 26.07.2001, bijlage II, hoofdstuk V, stap 5')
    return r.uitkomst(_PROCENT_67, 'MB 26.07.2001, bijlage II, hoofdstuk V, stap 5')


@rt.regel('netto_maandinkomen_gezin', _BEDRAG_PER_MAAND, 'MB 26.07.2001, bijlage II')
def netto_maandinkomen_gezin(r: _Rekening) -> Decimal:
    """Regel netto_maandinkomen_gezin: bedrag per maand [MB 26.07.2001, bijlage II].

    Alle inkomsten van de gebruiker en van de huisgenoten van dezelfde generatie, als gemiddelde per maand.
    """
    return sum(
        [huisgenoot['netto_maandinkomen'] for huisgenoot in huisgenoten(r) if huisgenoot['zelfde_generatie']],
        _NUL,
    )


@rt.regel('vastgestelde_uurbijdrage', _BEDRAG_PER_UUR, 'MB 26.07.2001, bijlage II')
def vastgestelde_uurbijdrage(r: _Rekening) -> Decimal:
    """Regel vastgestelde_uurbijdrage: bedrag per uur [MB 26.07.2001, bijlage II]."""
    return (
        max(uurbedrag_volgens_bijdrageschaal(r), minimale_uurbijdrage(r))
        * (_PROCENT_100 + toeslag_wijkwerking_percentage(r))
    )


@rt.regel('toeslag_wijkwerking_percentage', _PERCENTAGE, 'MB 26.07.2001, bijlage II')
def toeslag_wijkwerking_percentage(r: _Rekening) -> Decimal:
    """Regel toeslag_wijkwerking_percentage: percentage [MB 26.07.2001, bijlage II]."""
    return toeslag_wijkwerking(r) if toeslag_wijkwerking_van_toepassing(r) else _PROCENT_0


@rt.regel('uurbijdrage', _BEDRAG_PER_UUR, 'MB 26.07.2001, bijlage II')
def uurbijdrage(r: _Rekening) -> Decimal | rt.Uitzondering[Decimal]:
    """Regel uurbijdrage: bedrag per uur [MB 26.07.2001, bijlage II].

    Uitzonderingen: [zorg-en-gezondheid.be, hulp voor gezinnen met drielingen].
    """
    if meerlingenregeling(r):
        return rt.Uitzondering(
            min(vastgestelde_uurbijdrage(r), maximale_uurbijdrage_meerlingen(r)),
            'zorg-en-gezondheid.be, hulp voor gezinnen met drielingen',
        )
    return vastgestelde_uurbijdrage(r)


@rt.regel('bijdrage_voor_prestaties', _BEDRAG, 'MB 26.07.2001, bijlage II, hoofdstuk V')
def bijdrage_voor_prestaties(r: _Rekening) -> Decimal:
    """Regel bijdrage_voor_prestaties: bedrag [MB 26.07.2001, bijlage II, hoofdstuk V].

    Wat de gebruiker betaalt voor de gepresteerde uren: per uur de uurbijdrage, verhoogd met de toeslag voor
    het tijdvak.
    """
    return sum(
        [
            uurbijdrage(r) * (_PROCENT_100 + toeslag_per_tijdvak(r, prestatie['tijdvak'])) * prestatie['uren']
            for prestatie in prestaties(r)
        ],
        _NUL,
    )
