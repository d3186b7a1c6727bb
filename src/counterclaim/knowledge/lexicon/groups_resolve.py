"""The words of the resolve stage and of the actor registry (see :class:`..Lexicon`).

A field typed ``tuple[str, ...]`` lists words or phrases (a space in a phrase stands for any run
of blanks when the stage builds a pattern of them); a field typed ``str`` is a regex fragment,
and a template may hold the slots ``{num}`` (a count: digits or a number word), ``{few}`` (a
vague count), ``{weekday}`` and ``{month}``, which the stage fills in.  Meanings the stages act
on (a unit of time, "the one before") are the Literal values below, whatever the language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

#: a unit of time a phrase counts in
TimeUnit = Literal["minute", "hour", "day", "week", "fortnight", "month", "year"]
#: a day named relative to publication ("yesterday" is ``day_before``)
RelativeDay = Literal["two_days_before", "day_before", "last_night", "overnight"]


@dataclass(frozen=True, slots=True)
class TimeWords:
    """Time phrases turned into calendar windows (resolve/dates.py, times.py, dateparse.py)."""

    #: count words and their values, in the order the pattern tries them (a phrase before the
    #: words it starts with: "a couple of" before "an", "twenty-four" before "twenty")
    numbers: Mapping[str, int]
    #: vague counts ("a few days ago")
    few: tuple[str, ...]
    #: ordinal endings after a day's number ("23rd")
    ordinals: tuple[str, ...]
    the: str
    of: str
    ago: str
    #: "a three-year-long siege": the word after a length of time
    long: str
    #: the units of a length ("24-hour ceasefire"), singular
    length_units: tuple[str, ...]
    #: every written form of a unit and the unit it is
    units: Mapping[str, TimeUnit]
    #: the calendar units a phrase may name as "this/last X", "the beginning of the X"
    calendar_units: tuple[str, ...]
    #: "since the beginning of the year 2015"
    year: str
    #: the units a count of them may go back ("three days ago"), as regex alternatives
    ago_units: str
    #: the units of a rolling window ("the past five days"), as regex alternatives
    rolling_units: str
    #: the units of a bare count ("three days"), as regex alternatives
    count_units: str
    # ------------------------------------------------------------------ clock times (no date)
    #: "a.m.", "pm" after an hour (regex alternatives)
    meridiem: str
    #: time zones and "hrs" after a four-digit time (regex alternatives)
    zones: str
    #: "at 0430"
    at: str
    #: "shortly after", "just before"
    clock_approx: tuple[str, ...]
    before_after: tuple[str, ...]
    #: moments of a day that are clock times ("after midnight")
    day_marks: tuple[str, ...]
    # ------------------------------------------------------------------ ranges and "since"
    since: str
    very: str
    #: "since the beginning of the year"
    since_starts: tuple[str, ...]
    #: "since the middle of 2015"
    period_points: tuple[str, ...]
    #: "from X to Y", "between X and Y"
    range_openers: tuple[str, ...]
    #: the words between the two ends of a range
    range_joins: tuple[str, ...]
    #: "last Monday", "this Friday" inside a "since"/"from" phrase
    anchor_mods: tuple[str, ...]
    #: days named relative to publication inside a "since"/"from" phrase
    anchor_days: tuple[str, ...]
    #: "this week", "last year"
    this_last: tuple[str, ...]
    # ------------------------------------------------------------------ relative to publication
    #: "the day before yesterday" (regex fragment)
    day_before_yesterday: str
    #: relative to another time of the text: "the same day", "two days later" (template: {num},
    #: {few}, {weekday})
    context: str
    #: the future: "next month", "in two weeks" (template: {num}, {few})
    future: str
    #: "overnight into Saturday" (the words before {weekday})
    overnight_weekday: str
    #: days relative to publication ("yesterday", "last night", "this morning"), regex fragment
    relative_day: str
    #: what a relative-day phrase means, the first phrase it contains deciding; none: the day itself
    relative_day_kinds: tuple[tuple[str, RelativeDay], ...]
    #: parts of a day after a weekday ("Monday morning")
    dayparts: tuple[str, ...]
    week: str
    weekend: str
    #: "over the weekend", "during the weekend"
    weekend_preps: tuple[str, ...]
    weekend_mods: tuple[str, ...]
    #: "over the past five days"
    rolling_preps: tuple[str, ...]
    rolling_mods: tuple[str, ...]
    recent: str
    #: "earlier this month"
    earlier: str
    weekday_mods: tuple[str, ...]
    # ------------------------------------------------------------------ what a modifier means
    #: the unit before the current one ("last week")
    previous: frozenset[str]
    #: the current unit ("this week")
    current: frozenset[str]
    #: a weekday strictly before publication ("last Monday", "past Friday")
    strictly_before: frozenset[str]
    # ------------------------------------------------------------------ words left over
    #: words that move a time away from what was matched ("three days before Monday")
    shift: tuple[str, ...]
    #: words that narrow a coarser window ("mid-2016", "the end of last year")
    narrowing: tuple[str, ...]
    #: words besides digits, months and weekdays that make a phrase look like a date
    dateish: tuple[str, ...]
    #: month names that are verbs unless capitalised ("may", "march")
    verb_months: tuple[str, ...]


@dataclass(frozen=True, slots=True, eq=False)
class ActorWords:
    """How actor mentions are folded before the registry compares them (knowledge/actor_names.py,
    knowledge/actors.py), and how a list of actors is split (resolve/stage.py).  Lower case.
    Hashes by identity (the tokenizer caches on it)."""

    #: spelling variants folded to one ("defense" -> "defence")
    spelling: Mapping[str, str]
    articles: frozenset[str]
    definite_article: str
    #: the Arabic article as English writes it: always ("al-Nusra", "Al Jazeera") ...
    arabic_articles: frozenset[str]
    #: ... and its assimilated forms, only with a hyphen ("ash-Sham", "as-Suwayda")
    arabic_articles_hyphen: frozenset[str]
    #: words before a name that are no part of it ("so-called", "self-styled"), as token runs
    leading: tuple[tuple[str, ...], ...]
    #: country names (as token runs) and their demonym, for "Russia's X" and "X of the Russian
    #: Federation"
    countries: Mapping[tuple[str, ...], str]
    #: heads that take the country after "of": "Ministry of Defence of Russia"
    institutions: frozenset[str]
    #: "Ministry of X" -> "X Ministry"
    reorder_heads: frozenset[str]
    of: str
    #: fixed phrases folded to one form ("foreign affairs ministry" -> "foreign ministry")
    phrases: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    #: "X-backed Y": X qualifies Y, it is not the one named
    qualifiers: frozenset[str]
    #: "pro-Turkey fighters"
    pro: frozenset[str]
    #: words that make a mention a person speaking for the organisation it names
    roles: frozenset[str]
    #: words that may stand right before a bare surname ("spokesman Konashenkov")
    titles: frozenset[str]
    #: a mention that opens with one of these names nobody in particular ("a monitoring group")
    indefinite: str
    #: the article a claimant's name may follow ("the monitoring group"; regex alternatives)
    claimant_article: str
    #: "Syrian, Russian or the US-led coalition": the words joining a list of actors
    list_joins: str
    #: words before an item of such a list that are no part of it ("possibly", "both")
    list_hedges: str


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """Relation words around a place name (resolve/places.py); regex fragments, case-blind.
    Directions are the lexicon's shared table."""

    #: "somewhere around the named place" ("near", "the outskirts of")
    near: str
    #: words that make a governorate of a name ("Idlib province", "the countryside of Idlib")
    admin_words: str
    #: a naming noun after the name ("Idlib province", "Raqqa city"), left out of the name
    trailing: str
    #: generic words after a name that make a mention longer without making it another place
    generic: str
    #: "the town of", "the provinces of": naming words, not "near" (ending in ``of``)
    container: str
    article: str
    of: str
    #: the ending that makes an adjective of a direction ("northern")
    direction_adjective: str


@dataclass(frozen=True, slots=True)
class DatelineWords:
    """The publication date at the top of a text (resolve/dateline.py)."""

    #: words that introduce the publication date ("Published", "Last updated on")
    markers: tuple[str, ...]
    #: "on", "at" after a marker
    marker_preps: tuple[str, ...]
    #: what may follow a date on its own line: a clock time and zone ("at 10:30 am GMT"), an
    #: "(updated ...)" note; regex fragments
    at: str
    meridiem: str
    zones: str
    updated: str
    #: words right before a date that make it part of prose, not a dateline ("on", "since")
    prose_before: tuple[str, ...]
    #: words after a four-digit number that make it no year ("2000 people", "1500 km")
    not_year_after: str
    #: "By" opening a byline
    by: str
    #: marker words that make the date an upper bound of publication ("Last updated", "modified")
    upper_bound_markers: tuple[str, ...]
