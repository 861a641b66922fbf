"""Dutch words for names from the rules: `gecorrigeerd_inkomen` -> "het gecorrigeerde inkomen".

Names are compounds of Dutch words joined by underscores. The annex turns them into noun phrases with
a definite article, guessed from the head noun: a small lexicon of het-words (matched on the end of
a compound, so `maandinkomen` is a het-word like `inkomen`), plurals and de-words otherwise, which
is the most common gender. Adjectives before the head noun get the -e a definite article asks for
(`gecorrigeerd inkomen` -> `het gecorrigeerde inkomen`). These are heuristics for well-formed names;
a wrong article never changes the meaning, and the name as written is printed beside every article.
"""

from __future__ import annotations

import attrs

from regelwerk.core.display import PLURAL_UNITS as PLURAL_UNITS
from regelwerk.core.display import date as date
from regelwerk.core.display import duration as duration
from regelwerk.core.display import money as money
from regelwerk.core.display import number as number
from regelwerk.core.display import percent as percent

PREPOSITIONS = frozenset({
    "per", "van", "voor", "ten", "bij", "volgens", "op", "met", "in", "uit", "naar", "tot", "over",
    "zonder", "na", "om", "onder", "boven", "door", "tegen", "tijdens", "vanaf", "sinds",
})

# Het-words, matched on the end of the head noun (`maandinkomen` ends in `inkomen`).
HET_WORDS = (
    "inkomen", "bedrag", "percentage", "aantal", "maximum", "minimum", "gezin", "kind", "tarief",
    "loon", "totaal", "saldo", "forfait", "plafond", "deel", "gedeelte", "getal", "jaar", "uur",
    "budget", "kapitaal", "vermogen", "huishouden", "attest", "recht", "verschil", "resultaat",
    "product", "quotiënt", "niveau", "type", "tijdvak", "adres", "pakket", "pensioen", "krediet",
    "land", "geld", "contract", "werk", "verlof", "dossier", "document", "bewijs", "gewicht", "lid",
    "kwartaal", "semester", "traject", "statuut", "personeel", "vervoer", "onderwijs", "besluit",
    "decreet", "artikel", "verblijf", "tijdstip", "moment", "begin", "einde", "lidmaatschap",
    "aandeel", "punt", "gebied", "bedrijf", "plan", "stelsel", "systeem", "register", "nummer",
    "cijfer", "regime", "tekort", "overschot", "voordeel", "nadeel", "huis", "gebouw", "verbruik",
    "vak", "quotum", "uurloon", "attest", "geheel", "verzoek", "recht", "voorschot",
    "contingent", "krediet", "tegoed", "bezit", "stuk",
)
# De-words that end in a het-word (`duur` ends in `uur`).
DE_WORDS = ("duur", "huur", "muur", "cultuur", "natuur", "structuur", "factuur", "opdracht",
            "dienstverband", "procedure")
# Nouns in -ief, which `inflect` must not take for adjectives such as `actief`.
IEF_NOUNS = ("brief", "archief", "motief", "dief", "perspectief", "initiatief")
# Words that end in -en but are singular.
SINGULAR_EN = ("inkomen", "teken", "examen", "leven", "wapen", "laken", "verleden", "regimen",
               "vermogen", "huishouden", "volumen", "gewicht")
# Common adjectives after an article that no suffix rule recognises.
INFLECTED_ADJECTIVES = frozenset({
    "halve", "hele", "volle", "eerste", "tweede", "derde", "laatste", "vorige", "volgende",
    "huidige", "nieuwe", "oude", "hoge", "lage", "grote", "kleine", "vaste", "zelfde", "andere",
})
# Nouns that, at the end of a compound name, qualify the noun before it instead of heading it.
QUALIFIERS = frozenset({
    "kind", "werkjaar", "jaar", "maand", "kwartaal", "gezin", "persoon", "aanvrager", "partner",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
})
VERBS = frozenset({"heeft", "hebben", "is", "zijn", "komt", "woont", "krijgt", "ontvangt", "valt",
                   "behoort", "voldoet", "geldt", "wordt", "mag", "moet", "kan", "werkt", "betaalt"})


@attrs.frozen
class Noun:
    """A name as a noun phrase: its words (adjectives inflected) and its article, if any."""

    words: tuple[str, ...]  # as written, underscores split
    article: str | None  # de | het | None (a name that is not a noun, such as `komt_in_aanmerking`)
    inflected: tuple[str, ...]  # with the adjectives a definite article asks for

    @property
    def title(self) -> str:
        """For a heading: `Gecorrigeerd inkomen`."""
        text = " ".join(self.words)
        return text[:1].upper() + text[1:]

    @property
    def phrase(self) -> str:
        """After the article: `gecorrigeerde inkomen`."""
        return " ".join(self.inflected)

    @property
    def plural(self) -> bool:
        return is_plural(self.words[self.head_index()])

    def head_index(self) -> int:
        return head_index(self.words)

    @property
    def every(self) -> str:
        """`elke huisgenoot`, `elk kind`."""
        return ("elk " if self.article == "het" else "elke ") + " ".join(self.words)


def words_of(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.split("_") if w) or (name,)


def humanize(name: str) -> str:
    return " ".join(words_of(name))


def is_plural(word: str) -> bool:
    lower = word.lower()
    if lower.endswith(SINGULAR_EN):
        return False
    if lower.endswith("en") and len(lower) >= 4:
        return True
    return lower.endswith(("'s", "ers", "els", "ies", "aars"))


def head_index(words: tuple[str, ...]) -> int:
    """The head noun: the word before the first preposition, else the last word, unless that is a
    plural that qualifies the noun before it (`maximale_uurbijdrage_meerlingen`)."""
    for index, word in enumerate(words):
        if index > 0 and word in PREPOSITIONS:
            return index - 1
    last = len(words) - 1
    if words[0] == "aantal":
        return 0
    # `aandeel_halve_dag`: a noun, then an adjective with its own noun that qualifies it.
    if len(words) >= 3 and not looks_adjective(words[0]) and looks_adjective(words[1]):
        return 0
    # A trailing number names which one (`tarief_schijf_3`: the tarief of schijf 3): the noun
    # before "schijf 3" heads the name.
    if last >= 2 and words[last].isdigit() and not looks_adjective(words[last - 2]):
        return last - 2
    # A trailing word that says whose or when (`sociale_toeslag_kind`, `subsidie_werkjaar`,
    # `minimumloon_januari`, `uren_vorige_jaar`) qualifies the noun before it.
    qualifier = last
    if qualifier > 0 and words[qualifier] in QUALIFIERS:
        qualifier -= 1
        if qualifier > 0 and words[qualifier] in ("vorig", "vorige", "volgend", "volgende",
                                                  "huidige", "eerste", "laatste"):
            qualifier -= 1
        if not looks_adjective(words[qualifier]):
            return qualifier
    while last > 0 and is_adjective(words[last]):
        last -= 1  # `aandeel_gelijkmatig_verdeeld`: the noun before the participles
    if last < len(words) - 1:
        return last
    if last > 0 and is_plural(words[last]):
        # `toelage_zorgbehoevende_kinderen`: the noun before the qualifying plural is the head.
        before = last - 1
        while before >= 0 and looks_adjective(words[before]):
            before -= 1
        if before >= 0 and words[before] not in PREPOSITIONS and not is_plural(words[before]):
            return before
    return last


def article_of(words: tuple[str, ...]) -> str | None:
    if words[0] in VERBS or words[0] in PREPOSITIONS:
        return None
    if len(words) == 1 and is_adjective(words[0]):
        return None  # an adjective or participle such as `gestart`, `meerderjarig`
    head = words[head_index(words)].lower()
    if is_plural(head):
        return "de"
    if head.endswith(DE_WORDS):
        return "de"
    if head.endswith(("je", "ment", "isme")) or head.endswith(HET_WORDS):
        return "het"
    return "de"


def is_adjective(word: str) -> bool:
    """A participle (`gestart`, `begrensd`) or an adjective in -ig, -isch, -lijk (`meerderjarig`)."""
    lower = word.lower()
    if lower.endswith(("heid", "tijd", "iteit", "eid", "aad", "ood", "ngst", "ienst", "inst", "unst")):
        return False
    if lower.startswith(("ge", "be", "ver", "ont")) and lower.endswith(("d", "t")) and len(lower) > 5:
        return True
    return lower.endswith(("eerd", "esteld", "ekend", "ig", "isch", "lijk", "lijks", "end")) \
        and len(lower) > 4 and lower not in ("weekend",)


def looks_adjective(word: str) -> bool:
    """An adjective, inflected or not: `gepresteerde`, `minimale`, `vast`."""
    lower = word.lower()
    if lower in INFLECTED_ADJECTIVES:
        return True
    if is_adjective(lower) or (lower.endswith("e") and is_adjective(lower[:-1])):
        return True
    return lower.endswith(("ale", "ele", "ieve", "ische", "lijke", "ige"))


def inflect(word: str) -> str:
    """The attributive form after a definite article: gecorrigeerd -> gecorrigeerde."""
    lower = word.lower()
    if lower.endswith(("heid", "tijd", "iteit", "eid", "aad", "ood", "ngst", "ienst", "inst", "unst")):
        return word
    if lower.endswith(("eerd", "esteld", "ekend")) or (
        lower.startswith(("ge", "be", "ver", "ont")) and lower.endswith(("d", "t")) and len(lower) > 5
    ):
        return word + "e"
    if lower.endswith("aal") and len(lower) > 4:
        return word[:-2] + "le"
    if lower.endswith("ief") and not lower.endswith(HET_WORDS + IEF_NOUNS):
        return word[:-1] + "ve"  # actief -> actieve, but not tarief -> tarieve
    if lower.endswith(("ijk", "ijks", "isch", "ig")) and len(lower) > 4:
        return word + "e"
    irregular = {"hoog": "hoge", "laag": "lage", "vast": "vaste", "nieuw": "nieuwe", "oud": "oude",
                 "groot": "grote", "klein": "kleine", "maximaal": "maximale",
                 "minimaal": "minimale"}
    return irregular.get(lower, word)


def noun(name: str) -> Noun:
    words = words_of(name)
    article = article_of(words)
    head = head_index(words)
    inflected = tuple(inflect(w) if i < head and article is not None else w
                      for i, w in enumerate(words))
    return Noun(words, article, inflected)


# ------------------------------------------------------------------ values


