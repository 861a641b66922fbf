"""Zorgbudget voor zwaar zorgbehoevenden: de berekening van de regeling zorgbudget_zwaar_zorgbehoevenden (versie
2026.1).

Gegenereerd door regelwerk 0.1.0 uit zorgbudget_zwaar_zorgbehoevenden.rw; niet met de hand wijzigen, maar de
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

REGELING: Final = 'zorgbudget_zwaar_zorgbehoevenden'
TITEL: Final[str | None] = 'Zorgbudget voor zwaar zorgbehoevenden'
VERSIE: Final[str | None] = '2026.1'
GELDIG_VANAF: Final[datetime.date | None] = datetime.date(2022, 1, 1)
GELDIG_TOT: Final[datetime.date | None] = None  # tot: exclusief
BRON: Final[str | None] = (
    'Decreet van 18 mei 2018 houdende de Vlaamse sociale bescherming; BVR van 30 november 2018 (tekst niet '
    'gelezen)'
)
COMPILER_VERSIE: Final = '0.1.0'


class Invoer(TypedDict):
    """De invoer van zorgbudget_zwaar_zorgbehoevenden, zoals een dienst die aanlevert (bedragen als tekst, bijv.
    "1450.50").
    """
    belrai_totaalscore: rt.GetalInvoer
    belrai_score_adl_iadl: rt.GetalInvoer
    zorgnood_op_andere_wijze_aangetoond: rt.JaNeeInvoer
    aanvraagdatum: rt.DatumInvoer
    jaren_gewoond_in_vlaanderen_of_brussel: rt.GetalInvoer
    ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel: rt.GetalInvoer
    voldoet_aan_inburgeringsplicht: rt.JaNeeInvoer
    voldeed_aan_verblijfsvoorwaarde_oud_dossier: rt.JaNeeInvoer


class Uitvoer(TypedDict):
    """De uitvoer van zorgbudget_zwaar_zorgbehoevenden: exacte waarden."""
    rechthebbend: bool
    zorgbudget_per_maand: Decimal


class _Gelezen(TypedDict):
    """De invoer na controle: exacte waarden."""
    belrai_totaalscore: Decimal
    belrai_score_adl_iadl: Decimal
    zorgnood_op_andere_wijze_aangetoond: bool
    aanvraagdatum: datetime.date
    jaren_gewoond_in_vlaanderen_of_brussel: Decimal
    ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel: Decimal
    voldoet_aan_inburgeringsplicht: bool
    voldeed_aan_verblijfsvoorwaarde_oud_dossier: bool


_Rekening: TypeAlias = rt.Rekening[_Gelezen]

_2026_01_01: Final = datetime.date(2026, 1, 1)
_EUR_140_00: Final = Decimal('140.00')
_2025_01_01: Final = datetime.date(2025, 1, 1)
_2024_01_01: Final = datetime.date(2024, 1, 1)
_EUR_135_00: Final = Decimal('135.00')
_2023_01_01: Final = datetime.date(2023, 1, 1)
_EUR_130_00: Final = Decimal('130.00')
_2022_01_01: Final = datetime.date(2022, 1, 1)
_AANTAL_13: Final = Decimal('13')
_GETAL_5_5: Final = Decimal('5.5')
_AANTAL_10: Final = Decimal('10')
_AANTAL_5: Final = Decimal('5')
_EUR_0_00: Final = Decimal('0.00')
_AANTAL_30: Final = Decimal('30')
_GETAL: Final = rt.Soort('getal', 'getal')
_JA_NEE: Final = rt.Soort('ja/nee', 'ja/nee')
_DATUM: Final = rt.Soort('datum', 'datum')
_BEDRAG_PER_MAAND: Final = rt.Soort('bedrag per maand', 'bedrag', 'maand')
_INVOER: Final = rt.Invoervelden(
    (
        ('belrai_totaalscore', _GETAL),
        ('belrai_score_adl_iadl', _GETAL),
        ('zorgnood_op_andere_wijze_aangetoond', _JA_NEE),
        ('aanvraagdatum', _DATUM),
        ('jaren_gewoond_in_vlaanderen_of_brussel', _GETAL),
        ('ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel', _GETAL),
        ('voldoet_aan_inburgeringsplicht', _JA_NEE),
        ('voldeed_aan_verblijfsvoorwaarde_oud_dossier', _JA_NEE),
    ),
)
_UITVOER: Final[dict[str, rt.Soort]] = {'rechthebbend': _JA_NEE, 'zorgbudget_per_maand': _BEDRAG_PER_MAAND}

INVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Invoer van zorgbudget_zwaar_zorgbehoevenden',
    'type': 'object',
    'properties': {
        'belrai_totaalscore': {
            'title': 'getal',
            'description': 'De totaalscore op de BelRAI Screener, op 30 punten.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'belrai_score_adl_iadl': {
            'title': 'getal',
            'description': 'De som van de scores op de modules ADL en IADL van de BelRAI Screener.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'zorgnood_op_andere_wijze_aangetoond': {
            'title': 'ja/nee',
            'description': (
                'De zware zorgnood blijkt op een andere manier dan de BelRAI Screener thuis (bijvoorbeeld in een '
                'woonzorgcentrum); die regels staan niet in de geraadpleegde bronnen en worden hier als gegeven '
                'aangenomen.'
            ),
            'type': 'boolean',
        },
        'aanvraagdatum': {
            'title': 'datum',
            'description': 'De datum waarop het dossier werd ingediend.',
            'type': 'string',
            'format': 'date',
            'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
        },
        'jaren_gewoond_in_vlaanderen_of_brussel': {
            'title': 'getal',
            'description': 'Het aantal jaren dat de aanvrager in Vlaanderen of Brussel woonde.',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel': {
            'title': 'getal',
            'description': (
                'Het langste aantal opeenvolgende jaren dat de aanvrager in Vlaanderen of Brussel woonde.'
            ),
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
        'voldoet_aan_inburgeringsplicht': {
            'title': 'ja/nee',
            'description': (
                'Is de aanvrager inburgeraar, dan voldoet hij aan de inburgeringsplicht; wie geen inburgeraar is, '
                'voldoet.'
            ),
            'type': 'boolean',
        },
        'voldeed_aan_verblijfsvoorwaarde_oud_dossier': {
            'title': 'ja/nee',
            'description': (
                'Voor een dossier van vóór 1 januari 2022: de aanvrager voldeed aan de verblijfsvoorwaarde van '
                'toen (die staat niet in de geraadpleegde bronnen). Voor een nieuwer dossier heeft het geen '
                'betekenis.'
            ),
            'type': 'boolean',
        },
    },
    'required': [
        'belrai_totaalscore',
        'belrai_score_adl_iadl',
        'zorgnood_op_andere_wijze_aangetoond',
        'aanvraagdatum',
        'jaren_gewoond_in_vlaanderen_of_brussel',
        'ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel',
        'voldoet_aan_inburgeringsplicht',
        'voldeed_aan_verblijfsvoorwaarde_oud_dossier',
    ],
    'additionalProperties': False,
}

UITVOER_SCHEMA: Final[dict[str, object]] = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'Uitvoer van zorgbudget_zwaar_zorgbehoevenden',
    'type': 'object',
    'properties': {
        'rechthebbend': {
            'title': 'ja/nee',
            'description': (
                'Zware zorgnood, de verblijfsvoorwaarde en de inburgeringsplicht; er is geen leeftijdsgrens.'
            ),
            'type': 'boolean',
        },
        'zorgbudget_per_maand': {
            'title': 'bedrag per maand',
            'type': 'string',
            'pattern': '^-?[0-9]+(\\.[0-9]+)?$',
        },
    },
    'required': ['rechthebbend', 'zorgbudget_per_maand'],
    'additionalProperties': False,
}


def bereken(invoer: Mapping[str, object], peildatum: datetime.date | str) -> rt.Resultaat[Uitvoer]:
    """Bereken de uitvoer van zorgbudget_zwaar_zorgbehoevenden voor één invoer op de peildatum.

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
    return {'rechthebbend': rechthebbend(r), 'zorgbudget_per_maand': zorgbudget_per_maand(r)}


def _uitvoer_regels() -> dict[str, Callable[[_Rekening], object]]:
    """De functie van elke uitvoer, voor bereken_deel."""
    return {'rechthebbend': rechthebbend, 'zorgbudget_per_maand': zorgbudget_per_maand}


@rt.invoer(
    'belrai_totaalscore',
    _GETAL,
    'VSB, zorgbudget voor zwaar zorgbehoevenden; BelRAI Screener',
    'De totaalscore op de BelRAI Screener, op 30 punten.',
)
def belrai_totaalscore(r: _Rekening) -> Decimal:
    """Invoer belrai_totaalscore: getal [VSB, zorgbudget voor zwaar zorgbehoevenden; BelRAI Screener]."""
    return r.invoer['belrai_totaalscore']


@rt.invoer(
    'belrai_score_adl_iadl',
    _GETAL,
    'VSB, zorgbudget voor zwaar zorgbehoevenden; BelRAI Screener',
    'De som van de scores op de modules ADL en IADL van de BelRAI Screener.',
)
def belrai_score_adl_iadl(r: _Rekening) -> Decimal:
    """Invoer belrai_score_adl_iadl: getal [VSB, zorgbudget voor zwaar zorgbehoevenden; BelRAI Screener]."""
    return r.invoer['belrai_score_adl_iadl']


@rt.invoer(
    'zorgnood_op_andere_wijze_aangetoond',
    _JA_NEE,
    'VSB, zorgbudget voor zwaar zorgbehoevenden',
    (
        'De zware zorgnood blijkt op een andere manier dan de BelRAI Screener thuis (bijvoorbeeld in een '
        'woonzorgcentrum); die regels staan niet in de geraadpleegde bronnen en worden hier als gegeven '
        'aangenomen.'
    ),
)
def zorgnood_op_andere_wijze_aangetoond(r: _Rekening) -> bool:
    """Invoer zorgnood_op_andere_wijze_aangetoond: ja/nee [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return r.invoer['zorgnood_op_andere_wijze_aangetoond']


@rt.invoer(
    'aanvraagdatum',
    _DATUM,
    'VSB, zorgbudget voor zwaar zorgbehoevenden',
    'De datum waarop het dossier werd ingediend.',
)
def aanvraagdatum(r: _Rekening) -> datetime.date:
    """Invoer aanvraagdatum: datum [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return r.invoer['aanvraagdatum']


@rt.invoer(
    'jaren_gewoond_in_vlaanderen_of_brussel',
    _GETAL,
    'VSB, zorgbudget voor zwaar zorgbehoevenden',
    'Het aantal jaren dat de aanvrager in Vlaanderen of Brussel woonde.',
)
def jaren_gewoond_in_vlaanderen_of_brussel(r: _Rekening) -> Decimal:
    """Invoer jaren_gewoond_in_vlaanderen_of_brussel: getal [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return r.invoer['jaren_gewoond_in_vlaanderen_of_brussel']


@rt.invoer(
    'ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel',
    _GETAL,
    'VSB, zorgbudget voor zwaar zorgbehoevenden',
    'Het langste aantal opeenvolgende jaren dat de aanvrager in Vlaanderen of Brussel woonde.',
)
def ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel(r: _Rekening) -> Decimal:
    """Invoer ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel: getal [VSB, zorgbudget voor zwaar
    zorgbehoevenden].
    """
    return r.invoer['ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel']


@rt.invoer(
    'voldoet_aan_inburgeringsplicht',
    _JA_NEE,
    'VSB, zorgbudget voor zwaar zorgbehoevenden',
    'Is de aanvrager inburgeraar, dan voldoet hij aan de inburgeringsplicht; wie geen inburgeraar is, voldoet.',
)
def voldoet_aan_inburgeringsplicht(r: _Rekening) -> bool:
    """Invoer voldoet_aan_inburgeringsplicht: ja/nee [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return r.invoer['voldoet_aan_inburgeringsplicht']


@rt.invoer(
    'voldeed_aan_verblijfsvoorwaarde_oud_dossier',
    _JA_NEE,
    'VSB, zorgbudget voor zwaar zorgbehoevenden',
    (
        'Voor een dossier van vóór 1 januari 2022: de aanvrager voldeed aan de verblijfsvoorwaarde van toen (die '
        'staat niet in de geraadpleegde bronnen). Voor een nieuwer dossier heeft het geen betekenis.'
    ),
)
def voldeed_aan_verblijfsvoorwaarde_oud_dossier(r: _Rekening) -> bool:
    """Invoer voldeed_aan_verblijfsvoorwaarde_oud_dossier: ja/nee [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return r.invoer['voldeed_aan_verblijfsvoorwaarde_oud_dossier']


@rt.parameter('zorgbudget', _BEDRAG_PER_MAAND)
def zorgbudget(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter zorgbudget: bedrag per maand [VSB, zorgbudget voor zwaar zorgbehoevenden].

    Het zorgbudget voor zwaar zorgbehoevenden per maand.
    """
    if dag >= _2026_01_01:
        raise rt.OnbekendeWaarde('parameter', 'zorgbudget', _2026_01_01, 'het bedrag van 2026 is niet gevonden')
    if dag >= _2025_01_01:
        return rt.Geldig(
            _EUR_140_00,
            'document in een openbare repository',
            vanaf='2025-01-01',
            voorlopig='voor 2025 alleen in een document in een openbare repository, geen officiële bron',
        )
    if dag >= _2024_01_01:
        return rt.Geldig(
            _EUR_140_00,
            'OKRA, zorgbudget zwaar zorgbehoevenden stijgt van 135 naar 140 euro',
            vanaf='2024-01-01',
        )
    if dag >= _2023_01_01:
        return rt.Geldig(
            _EUR_135_00,
            'pagina van de minister, 2023; OKRA',
            vanaf='2023-01-01',
            voorlopig=(
                "de bronnen zeggen 'sinds begin dit jaar' en 'begin 2023', niet de datum; 1 januari 2023 is "
                'daaruit afgeleid'
            ),
        )
    if dag >= _2022_01_01:
        return rt.Geldig(
            _EUR_130_00,
            'vlaamsesocialebescherming.be, zorgbudget voor zwaar zorgbehoevenden',
            vanaf='2022-01-01',
        )
    raise r.geen_parameterwaarde('zorgbudget', dag)


@rt.parameter('minimale_totaalscore', _GETAL)
def minimale_totaalscore(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter minimale_totaalscore: getal [zorg-en-gezondheid.be, FAQ BelRAI]."""
    return rt.Geldig(_AANTAL_13, 'zorg-en-gezondheid.be, FAQ BelRAI')


@rt.parameter('minimale_score_adl_iadl', _GETAL)
def minimale_score_adl_iadl(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter minimale_score_adl_iadl: getal [zorg-en-gezondheid.be, FAQ BelRAI; VVSG]."""
    return rt.Geldig(_GETAL_5_5, 'zorg-en-gezondheid.be, FAQ BelRAI; VVSG')


@rt.parameter('minimale_jaren_gewoond', _GETAL)
def minimale_jaren_gewoond(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter minimale_jaren_gewoond: getal [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return rt.Geldig(_AANTAL_10, 'VSB, zorgbudget voor zwaar zorgbehoevenden')


@rt.parameter('minimale_ononderbroken_jaren_gewoond', _GETAL)
def minimale_ononderbroken_jaren_gewoond(r: _Rekening, dag: datetime.date) -> rt.Geldig[Decimal]:
    """Parameter minimale_ononderbroken_jaren_gewoond: getal [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return rt.Geldig(_AANTAL_5, 'VSB, zorgbudget voor zwaar zorgbehoevenden')


@rt.parameter('begin_nieuwe_verblijfsvoorwaarde', _DATUM)
def begin_nieuwe_verblijfsvoorwaarde(r: _Rekening, dag: datetime.date) -> rt.Geldig[datetime.date]:
    """Parameter begin_nieuwe_verblijfsvoorwaarde: datum [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return rt.Geldig(_2022_01_01, 'VSB, zorgbudget voor zwaar zorgbehoevenden')


@rt.regel('zware_zorgnood', _JA_NEE, 'zorg-en-gezondheid.be, FAQ BelRAI')
def zware_zorgnood(r: _Rekening) -> bool:
    """Regel zware_zorgnood: ja/nee [zorg-en-gezondheid.be, FAQ BelRAI].

    Minstens 13 op 30 op de BelRAI Screener en/of minstens 5,5 op ADL + IADL, of een zorgnood die op een
    andere manier is aangetoond.
    """
    return (
        belrai_totaalscore(r) >= minimale_totaalscore(r)
        or belrai_score_adl_iadl(r) >= minimale_score_adl_iadl(r)
        or zorgnood_op_andere_wijze_aangetoond(r)
    )


@rt.regel('voldoet_aan_verblijfsvoorwaarde', _JA_NEE, 'VSB, zorgbudget voor zwaar zorgbehoevenden')
def voldoet_aan_verblijfsvoorwaarde(r: _Rekening) -> bool:
    """Regel voldoet_aan_verblijfsvoorwaarde: ja/nee [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return (
        jaren_gewoond_in_vlaanderen_of_brussel(r) >= minimale_jaren_gewoond(r)
        and ononderbroken_jaren_gewoond_in_vlaanderen_of_brussel(r) >= minimale_ononderbroken_jaren_gewoond(r)
        if aanvraagdatum(r) >= begin_nieuwe_verblijfsvoorwaarde(r)
        else voldeed_aan_verblijfsvoorwaarde_oud_dossier(r)
    )


@rt.regel('rechthebbend', _JA_NEE, 'VSB, zorgbudget voor zwaar zorgbehoevenden')
def rechthebbend(r: _Rekening) -> bool:
    """Regel rechthebbend: ja/nee [VSB, zorgbudget voor zwaar zorgbehoevenden].

    Zware zorgnood, de verblijfsvoorwaarde en de inburgeringsplicht; er is geen leeftijdsgrens.
    """
    return zware_zorgnood(r) and voldoet_aan_verblijfsvoorwaarde(r) and voldoet_aan_inburgeringsplicht(r)


@rt.regel('zorgbudget_per_maand', _BEDRAG_PER_MAAND, 'VSB, zorgbudget voor zwaar zorgbehoevenden')
def zorgbudget_per_maand(r: _Rekening) -> Decimal:
    """Regel zorgbudget_per_maand: bedrag per maand [VSB, zorgbudget voor zwaar zorgbehoevenden]."""
    return zorgbudget(r) if rechthebbend(r) else _EUR_0_00


def _eisen(r: _Rekening) -> None:
    """De eisen aan de invoer, in de volgorde van de regels: een InvoerFout met elke eis die niet klopt."""
    rt.eisen(
        (
            lambda: belrai_totaalscore(r) <= _AANTAL_30,
            'belrai_totaalscore',
            'voldoet niet aan de eis: de totaalscore is hoogstens 30',
        ),
    )
