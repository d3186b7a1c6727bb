"""English words that several groups of :mod:`.en` share, written once here."""

from __future__ import annotations

from . import Country

#: the articles, the definite one first
ARTICLES = ("the", "a", "an")
THE = ARTICLES[0]

#: number words, one table for counts and for time phrases
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "mln": 1_000_000,
    "billion": 1_000_000_000, "bln": 1_000_000_000, "dozen": 12,
}
#: units that follow a ten with a hyphen ("twenty-four")
COMPOUND_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

#: The countries texts name, the home country first.  One table: nationalities, actor folding
#: ("Russia's X" -> "russian X"), the actor of "U.S. strikes", a claimant's type and "somewhere
#: in this country" are all read from it (each stage's field below is derived, never written).
COUNTRIES = (
    Country("Syria", ("syria", "syrian arab republic", "the syrian arab republic"), ("syrian",), "syrian"),
    Country("Russia", ("russia", "russian federation", "the russian federation"), ("russian",), "russian"),
    Country("Turkey", ("turkey", "turkiye"), ("turkish",), "turkish"),
    Country("Iran", ("iran",), ("iranian",), "iranian"),
    Country("Iraq", ("iraq",), ("iraqi",), "iraqi"),
    Country("Israel", ("israel",), ("israeli",), "israeli"),
    Country("Lebanon", ("lebanon",), ("lebanese",), "lebanese"),
    Country("Jordan", ("jordan",), ("jordanian",), "jordanian"),
    Country(
        "United States", ("united states", "the united states", "us", "u.s.", "usa", "america"), ("american", "us", "u.s."), "us"
    ),
    Country("United Kingdom", ("united kingdom", "the united kingdom", "uk", "britain", "great britain"), ("british",), "british"),
    Country("France", ("france",), ("french",), "french"),
)
HOME = COUNTRIES[0]
#: capitals that news uses for their governments ("Damascus promises", "Moscow condemned")
CAPITALS = frozenset("damascus moscow washington ankara tehran riyadh doha paris london".split())
#: the home country's capital is also a place things happen in; the others stand for governments
HOME_CAPITAL = "damascus"
#: every way a text names a country, or a foreign government by its capital: a mention that
#: says no more than "somewhere in this country"
COUNTRY_NAMES = frozenset({n for c in COUNTRIES for n in c.names} | (CAPITALS - {HOME_CAPITAL}))
#: the foreign countries' names of one word, as a GPE token reads without its dots ("u.s" for
#: "U.S."): "U.S. strikes" names who struck; "Syria strikes" (the home country) where
ACTING_COUNTRIES = frozenset(n.strip(".") for c in COUNTRIES if c is not HOME for n in c.names if " " not in n)
#: country names as actor names tokenise them (dots dropped, no article), each folded to the adjective
ACTOR_COUNTRIES = {
    tuple(n.replace(".", "").split()): c.adjective for c in COUNTRIES for n in c.names if not n.startswith(THE + " ")
}
