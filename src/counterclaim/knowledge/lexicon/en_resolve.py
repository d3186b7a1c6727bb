"""English: the words of the resolve stage (time phrases, datelines, place relations) and of the
actor registry.  Part of :mod:`.en`."""

from __future__ import annotations

from .en_common import ACTOR_COUNTRIES, ARTICLES, COMPOUND_UNITS, SCALES, TENS, THE, UNITS
from .groups_resolve import ActorWords, DatelineWords, PlaceWords, TimeWords

# =========================================================================== time phrases

TIME = TimeWords(
    numbers={
        "a couple of": 2, "couple of": 2,
        **{f"{t}-{u}": TENS[t] + UNITS[u] for t in TENS for u in COMPOUND_UNITS},
        **dict.fromkeys(sorted(ARTICLES[1:], key=len, reverse=True), 1),  # "an hour", "a day"
        **UNITS, **TENS, "hundred": SCALES["hundred"],
    },
    few=("a few", "few", "several", "a number of"),
    ordinals=("st", "nd", "rd", "th"),
    the=THE,
    of="of",
    ago="ago",
    long="long",
    length_units=("year", "month", "week", "day", "hour", "minute"),
    units={
        "minute": "minute", "minutes": "minute", "hour": "hour", "hours": "hour", "day": "day", "days": "day",
        "week": "week", "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
        "month": "month", "months": "month", "year": "year", "years": "year",
    },
    calendar_units=("year", "month", "week"),
    year="year",
    ago_units=r"days?|weeks?|fortnights?|months?|years?",
    rolling_units=r"hours?|days?|weeks?|fortnight|months?|years?",
    count_units=r"hours?|days?|weeks?|months?|years?",
    meridiem=r"a\.?m\b\.?|p\.?m\b\.?",
    zones=r"gmt|utc|hrs|local\s+time",
    at="at",
    clock_approx=("shortly", "just", "soon"),
    before_after=("after", "before"),
    day_marks=("midnight", "dawn", "noon", "midday", "sunrise", "sunset", "dusk", "daybreak"),
    since="since",
    very="very",
    since_starts=("beginning", "start"),
    period_points=("beginning", "start", "middle", "end"),
    range_openers=("from", "between"),
    range_joins=("to", "until", "till", "through", "and"),
    anchor_mods=("last", "this", "past"),
    anchor_days=("yesterday", "today"),
    this_last=("this", "last"),
    day_before_yesterday=r"(?:the\s+)?day\s+before\s+yesterday",
    context=(
        r"\bthe\s+same\s+(?:day|night|week|month|year|time|morning|evening|afternoon)\b"
        r"|\b(?:that|the\s+(?:following|next|previous|preceding))\s+(?:day|night|week|month|year|morning|evening|afternoon|weekend|{weekday})\b"
        r"|\bthe\s+(?:day|night|week|month|year)\s+(?:before|after|earlier|later)\b"
        r"|\b(?:{num}|{few})\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|after|before|afterwards|on)\b"
        r"|\b(?:earlier|later)\s+(?:in|that)\s+the\s+(?:day|week|month|year)\b|\bat\s+the\s+time\b|\bthat\s+time\b"
        r"|\b(?:earlier|later)\s+(?:that|the\s+same)\s+(?:day|week|month|year)\b"
    ),
    future=(
        r"\b(?:next|tomorrow|upcoming|coming|forthcoming|later\s+(?:this|in\s+the)\s+(?:week|month|year)|from\s+now|"
        r"in\s+the\s+(?:coming|next)|in\s+(?:{num}|{few})\s+(?:days|weeks|months|years)(?!\s+ago))\b"
    ),
    overnight_weekday=r"overnight\s+(?:on\s+|into\s+)?",
    relative_day=r"(?:earlier\s+|later\s+)?(?:yesterday|today|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))",
    relative_day_kinds=(
        ("before yesterday", "two_days_before"), ("yesterday", "day_before"), ("last night", "last_night"),
        ("overnight", "overnight"),
    ),
    dayparts=("morning", "afternoon", "evening", "night"),
    week="week",
    weekend="weekend",
    weekend_preps=("over", "at", "during", "on"),
    weekend_mods=("this", "last", "past"),
    rolling_preps=("over", "in", "during", "within", "for", "throughout", "across"),
    rolling_mods=("past", "last", "previous", "preceding"),
    recent="recent",
    earlier="earlier",
    weekday_mods=("last", "this", "past", "previous"),
    previous=frozenset({"last"}),
    current=frozenset({"this"}),
    strictly_before=frozenset({"last", "past", "previous"}),
    shift=("before", "after", "ago", "following", "prior", "until", "till", "since", "preceding", "next", "previous", "onwards?"),
    narrowing=(
        "early", "mid", "late", "end", "beginning", "start", "middle", "first", "second", "third", "last", "half",
        "quarter", "summer", "winter", "spring", "autumn", "fall",
    ),
    dateish=("ago", "yesterday", "today"),
    verb_months=("may", "march"),
)

PLACES = PlaceWords(
    near=r"near|nearby|outskirts|vicinity|around|outside|close to|of",
    admin_words=r"province|provinces|governorate|governorates|countryside|rural|region",
    trailing=r"province|governorate|countryside|city|town|village|region|district|suburbs?",
    generic=(
        r"barrens|mountains?|plains?|desert|district|neighbou?rhood|quarter|area|road|highway|front|"
        r"camp|river|valley|hills?|countryside|suburbs?|outskirts|old city"
    ),
    container=r"town|city|village|province|provinces|governorate",
    article=THE,
    of="of",
    direction_adjective="ern",
)

DATELINE = DatelineWords(
    markers=(
        "published", "posted", "date of publication", "last updated", "updated", "last modified", "modified",
        "first published", "date", "dated",
    ),
    marker_preps=("on", "at"),
    at="at",
    meridiem=r"am|pm|a\.m\.|p\.m\.",
    zones=r"gmt|utc",
    updated="updated",
    prose_before=(
        "on", "in", "since", "from", "until", "till", "to", "by", "of", "before", "after", "between", "and", "during",
        "at", "through", "around", "as", "than", "dated", "taken", "photo", "picture", "file",
    ),
    not_year_after=r"utc|gmt|hrs|hours|local|people|km|kg|tons?",
    by="by",
    upper_bound_markers=("updated", "modified"),
)

# =========================================================================== actors

ACTORS = ActorWords(
    spelling={
        "defense": "defence", "defenses": "defences", "organization": "organisation",
        "organizations": "organisations", "center": "centre", "centers": "centres",
    },
    articles=frozenset(ARTICLES),
    definite_article=THE,
    arabic_articles=frozenset({"al", "el"}),
    arabic_articles_hyphen=frozenset({"an", "ash", "as", "ad", "ar", "at", "az", "ath", "ul"}),
    leading=(("so", "called"), ("socalled",), ("self", "styled"), ("self", "proclaimed")),
    countries=ACTOR_COUNTRIES,
    institutions=frozenset(
        """ministry forces force army government authorities navy military department president
        presidency embassy parliament staff command officials""".split()
    ),
    reorder_heads=frozenset({"ministry", "department"}),
    of="of",
    phrases=(
        (("foreign", "affairs", "ministry"), ("foreign", "ministry")),
        (("united", "nations"), ("un",)),  # not "United States" -> "us": that is a pronoun
    ),
    qualifiers=frozenset(
        """backed led based supported allied affiliated linked funded trained run armed sponsored
        aligned held controlled occupied made style inspired loyal""".split()
    ),
    pro=frozenset({"pro", "anti"}),
    roles=frozenset(
        """spokesman spokeswoman spokesperson minister official chief head commander officer general
        colonel director representative envoy ambassador secretary deputy""".split()
    ),
    titles=frozenset(
        """major minor lieutenant general colonel col lt gen maj brig brigadier captain capt commander
        admiral marshal sergeant spokesman spokeswoman spokesperson minister president sheikh sayyed
        dr mr ms mrs chief deputy ambassador envoy official secretary press director head leader
        founder chairman chair premier prime emir king foreign defence by from said says""".split()
    ),
    indefinite=r"an?|another|one",
    claimant_article=r"an?|the",
    list_joins=r"and|or",
    list_hedges=r"separately|also|possibly|either|both|even",
)
