"""The words of one language, in one place: every word list the stages consult.

A stage never keeps words of its own: it is handed a :class:`Lexicon` (through
:class:`~counterclaim.knowledge.resources.Resources`, ``resources.lexicon(document.language)``)
and builds whatever patterns it needs from it, once per lexicon (the builders are cached on the
lexicon, which hashes by identity).  :func:`lexicon_for` gives the bundled lexicon of a language;
one module per language (:mod:`.en`) holds its data.

The shared tables come first (agencies, calendar words, countries and nationalities, number
words, vague amounts, victim classes, weapons); each stage's own words follow in a group of
their own (:mod:`.groups`).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property

from ...errors import UnknownLanguage
from .groups import (
    AttributionWords,
    ClaimWords,
    EventWords,
    FurnitureWords,
    GroupWords,
    MeasureWords,
    MentionWords,
    NlpWords,
    NumberWords,
    QuantityWords,
)
from .groups_resolve import ActorWords, DatelineWords, PlaceWords, TimeWords


@dataclass(frozen=True, slots=True)
class VagueAmount:
    """A vague amount ("dozens") read two ways, side by side.

    ``vague_low`` is the smallest amount the words literally allow ("dozens": 24, two dozen),
    the low bound a quantity carries; ``acled_figure`` is the figure ACLED's codebook codes for
    it ("dozens": 12), or None where the codebook has no figure and the low bound is used."""

    vague_low: float | None
    acled_figure: int | None


@dataclass(frozen=True, slots=True)
class Month:
    number: int
    name: str
    #: short forms, as written without the full stop ("jan", "sept", "sep")
    short: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Weekday:
    number: int  # Monday is 0
    name: str
    short: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Country:
    """A country as texts name it.  Every stage that recognises a country reads this one table:
    the nationality a bare "Syrian" stands for, the owner in "Russia's Defence Ministry", the
    actor in "U.S. strikes", a claimant's type, a mention that only says "somewhere in Syria"."""

    #: as the gazetteer and the ledger write it ("United States")
    name: str
    #: as texts write it, lower case ("united states", "us", "u.s.", "usa", "america")
    names: tuple[str, ...]
    #: the words for its people or its state, lower case ("american", "us", "u.s.")
    demonyms: tuple[str, ...]
    #: the one form actor names fold its names to ("us": "America's forces" is "US forces")
    adjective: str


@dataclass(frozen=True, slots=True)
class VictimClasses:
    """Words naming the people a figure counts, by class (lower case; several words allowed).

    A figure about ``civilians`` is about non-combatants; ``militants`` are armed-group fighters,
    ``soldiers`` state forces; combatants are both.  ``children`` and ``women`` are counted
    apart from other civilians."""

    civilians: tuple[str, ...]
    militants: tuple[str, ...]
    soldiers: tuple[str, ...]
    children: tuple[str, ...]
    women: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Every word list of one language.  Hashes by identity: builders cache on it."""

    language: str
    # ------------------------------------------------------------------ shared tables
    #: news agencies and broadcasters as a wire credit, a byline or a dateline names them
    #: (regex alternatives, longest spelling before its short form)
    agencies: tuple[str, ...]
    months: tuple[Month, ...]
    weekdays: tuple[Weekday, ...]
    #: number words and their values ("twenty" -> 20), scales ("thousand" -> 1000) apart
    number_words: Mapping[str, int]
    scales: Mapping[str, int]
    #: vague amounts with both readings (see :class:`VagueAmount`)
    vague: Mapping[str, VagueAmount]
    #: the countries texts name, the home country (the one the corpus is about) first
    countries: tuple[Country, ...]
    #: capitals that news uses for their governments ("Damascus promises", "Moscow condemned")
    capitals: frozenset[str]
    victims: VictimClasses
    #: the four cardinal directions, then the four between them, as written with a hyphen
    directions: tuple[str, ...]
    #: weapon classes a claim may name, each with the pattern (case-blind) that names it
    weapons: Mapping[str, str]
    # ------------------------------------------------------------------ each stage's words
    furniture: FurnitureWords
    nlp: NlpWords
    attribution: AttributionWords
    events: EventWords
    mentions: MentionWords
    claims: ClaimWords
    numbers: NumberWords
    quantities: QuantityWords
    measures: MeasureWords
    time: TimeWords
    places: PlaceWords
    actors: ActorWords
    dateline: DatelineWords
    group: GroupWords

    @cached_property
    def agency_pattern(self) -> str:
        """The agencies as one group of regex alternatives."""
        return "(?:" + "|".join(self.agencies) + ")"

    @cached_property
    def direction_pattern(self) -> str:
        """Every direction as regex alternatives, the hyphen optional ("north-?east")."""
        return "(?:" + "|".join(d.replace("-", "-?") for d in self.directions) + ")"

    @cached_property
    def cardinal_pattern(self) -> str:
        """The cardinal directions (written without a hyphen) as regex alternatives."""
        return "(?:" + "|".join(d for d in self.directions if "-" not in d) + ")"

    @cached_property
    def direction_words(self) -> frozenset[str]:
        """Every direction as a word, with and without its hyphen ("north-east", "northeast")."""
        return frozenset(self.directions) | frozenset(d.replace("-", "") for d in self.directions)

    @cached_property
    def nationalities(self) -> Mapping[str, str]:
        """Nationality words and the country whose state they stand for when nothing follows
        them ("syrian" -> "Syria")."""
        return {d: c.name for c in self.countries for d in c.demonyms}

    @cached_property
    def vague_lows(self) -> Mapping[str, float]:
        """The vague amounts that have a low bound, and that bound."""
        return {w: v.vague_low for w, v in self.vague.items() if v.vague_low is not None}

    @cached_property
    def acled_figures(self) -> Mapping[str, int]:
        """The vague amounts ACLED gives a figure for, and that figure."""
        return {w: v.acled_figure for w, v in self.vague.items() if v.acled_figure is not None}

    @cached_property
    def weekday_words(self) -> frozenset[str]:
        """Every weekday name and short form, lower case."""
        return frozenset(f for d in self.weekdays for f in (d.name, *d.short))

    @cached_property
    def month_words(self) -> frozenset[str]:
        """Every month name and short form, lower case."""
        return frozenset(f for m in self.months for f in (m.name, *m.short))

    def month_pattern(self, short: bool = True) -> str:
        """Month names as regex alternatives (lower case, for a case-blind pattern): full names
        in calendar order, then the short forms."""
        names = [m.name for m in self.months]
        if short:
            names += [f for m in self.months for f in m.short]
        return "(?:" + "|".join(names) + ")"

    def weekday_pattern(self, short: bool = False) -> str:
        """Weekday names as regex alternatives (lower case), then their short forms."""
        names = [d.name for d in self.weekdays]
        if short:
            names += [f for d in self.weekdays for f in d.short]
        return "(?:" + "|".join(names) + ")"


#: the languages with a bundled lexicon, each a module of this package
LANGUAGES: tuple[str, ...] = ("en",)
#: the language of a text whose metadata names none
DEFAULT_LANGUAGE = "en"


@cache
def lexicon_for(language: str) -> Lexicon:
    """The bundled lexicon of ``language`` (an ISO 639-1 code such as "en"), built once.

    Raises :class:`~counterclaim.errors.UnknownLanguage` for a language without one."""
    code = (language or "").strip().lower()
    if code not in LANGUAGES:
        raise UnknownLanguage(f"{language!r} (known: {', '.join(LANGUAGES)})")
    module = importlib.import_module(f"{__name__}.{code}")
    lexicon: Lexicon = module.LEXICON
    return lexicon


__all__ = ["Country", "DEFAULT_LANGUAGE", "LANGUAGES", "Lexicon", "Month", "VagueAmount", "VictimClasses", "Weekday", "lexicon_for"]
