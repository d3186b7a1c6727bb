"""English: every word list the stages use, once.

Shared tables first, then each stage's words in the order the pipeline runs.  Regex fragments
are written as the stages had them; a stage compiles them once per lexicon."""

from __future__ import annotations

from . import Lexicon, Month, VagueAmount, VictimClasses, Weekday
from .groups import (
    AttributionWords,
    ClaimWords,
    EventWords,
    GroupWords,
    MeasureWords,
    MentionWords,
    NlpWords,
    NumberWords,
    QuantityWords,
)
from .en_common import ARTICLES, CAPITALS, COMPOUND_UNITS, SCALES, TENS, UNITS, COUNTRIES, COUNTRY_NAMES, ACTING_COUNTRIES, HOME, THE
from .en_read import FURNITURE
from .en_resolve import ACTORS, DATELINE, PLACES, TIME

# =========================================================================== shared tables

#: News agencies and broadcasters that bylines, photo credits, datelines and relays name: one
#: list for all of them (regex alternatives, as written; a long name before its short form).
AGENCIES = (
    r"AFP", r"Agence France[- ]Presse", r"AP", r"Associated Press", r"Reuters", r"Thomson Reuters",
    r"ITAR-TASS", r"TASS", r"RIA\s+Novosti", r"RIA", r"Sputnik", r"Interfax", r"Xinhua", r"Anadolu Agency",
    r"Anadolu", r"AA", r"dpa", r"DPA", r"EFE", r"UPI", r"SANA", r"IRNA", r"Fars", r"Tasnim", r"Mehr", r"ANSA",
    r"Kyodo", r"Yonhap", r"PTI", r"ANI", r"KUNA", r"WAM", r"MENA", r"NNA", r"Bloomberg", r"Press\s+TV",
    r"Al\s+Jazeera", r"BBC", r"CNN",
)

MONTHS = (
    Month(1, "january", ("jan",)), Month(2, "february", ("feb",)), Month(3, "march", ("mar",)),
    Month(4, "april", ("apr",)), Month(5, "may", ()), Month(6, "june", ("jun",)),
    Month(7, "july", ("jul",)), Month(8, "august", ("aug",)), Month(9, "september", ("sept", "sep")),
    Month(10, "october", ("oct",)), Month(11, "november", ("nov",)), Month(12, "december", ("dec",)),
)
WEEKDAYS = (
    Weekday(0, "monday", ("mon",)), Weekday(1, "tuesday", ("tues", "tue")), Weekday(2, "wednesday", ("wed",)),
    Weekday(3, "thursday", ("thurs", "thur", "thu")), Weekday(4, "friday", ("fri",)),
    Weekday(5, "saturday", ("sat",)), Weekday(6, "sunday", ("sun",)),
)

#: Vague amounts, read two ways.  ``vague_low``: the smallest amount the words literally allow
#: ("dozens" is at least two dozen).  ``acled_figure``: ACLED's figure.  ACLED, "Fatalities"
#: (Knowledge base, "Uses and limitations of ACLED data", 27 Feb 2023, updated 7 May 2024): "If
#: source reports differ or a vague estimate is provided, ACLED uses the most conservative
#: estimate available ... ACLED codes 10 for 'tens', 12 for 'dozens', 100 for 'hundreds', and so
#: on"; the Codebook (2019, "Reported fatalities") codes "several", "many" and plural fatalities
#: as 10.  "a few"/"a handful" are not in the codebook: 3 here (10 would be more than the words
#: allow).  "scores" is 20.
VAGUE = {
    "a handful": VagueAmount(2.0, 3),
    "a few": VagueAmount(2.0, 3),
    "several": VagueAmount(3.0, 10),
    "many": VagueAmount(None, 10),
    "tens": VagueAmount(None, 10),
    "dozens": VagueAmount(24.0, 12),
    "scores": VagueAmount(40.0, 20),
    "hundreds": VagueAmount(200.0, 100),
    "thousands": VagueAmount(2000.0, 1_000),
    "millions": VagueAmount(2_000_000.0, 1_000_000),
    "tens of thousands": VagueAmount(20_000.0, 10_000),
    "hundreds of thousands": VagueAmount(200_000.0, 100_000),
    "tens of millions": VagueAmount(20_000_000.0, None),
    "hundreds of millions": VagueAmount(200_000_000.0, None),
}


#: Who the dead are, by class (regex alternatives, matched as whole words anywhere in what a
#: figure counts).  Civilians are everyone the laws of war protect, aid workers and medics
#: included; "members" alone is nobody's class ("family members", "members of the rescue team"):
#: only "IS members" are militants.
VICTIMS = VictimClasses(
    civilians=(
        "civilians?", "child", "children", "kids", "infants?", "babies", "wom[ae]n", "famil(?:y|ies)",
        "residents?", "villagers?", "students?", "pupils", "patients?", "worshippers", "displaced",
        "refugees?", "medics", "doctors", "nurses", "journalists", "aid workers", "workers?",
    ),
    militants=(
        "militants?", "terrorists?", "fighters?", "jihadists?", "extremists?", "insurgents?", "rebels?",
        "gunm[ae]n", "mercenaries", "militiamen", "combatants?", "Daesh", "ISIS", "ISIL", "IS members", "Nusra",
    ),
    soldiers=("soldiers?", "troops?", "servicem[ae]n", "officers", "personnel", "army"),
    children=("child", "children", "kids", "infants?", "babies", "minors", "boys", "girls"),
    women=("women", "woman"),
)

#: weapon class -> the pattern that names it (a denial about one meets only assertions naming it)
WEAPONS = {
    "cluster munitions": r"\bcluster\b",
    "chemical weapons": r"\b(chemical|chlorine|sarin|toxic gas|poison gas|nerve agent|mustard gas)",
    "incendiary weapons": r"\b(incendiary|phosphorus|thermite)\b",
    "barrel bombs": r"\bbarrel[- ]bombs?\b",
    "thermobaric weapons": r"\b(thermobaric|vacuum bombs?)\b",
}

# =========================================================================== reading


# =========================================================================== extraction

#: the model's entity corrections
NLP = NlpWords(
    # only names whose misreading was seen; the gazetteer resolves every place, this fixes labels
    known_places={
        name: "GPE"
        for name in (
            "idlib", "idleb", "aleppo", "hama", "homs", "latakia", "lattakia", "tartus", "tartous",
            "raqqa", "al-raqqa", "ar-raqqa", "deir ez-zor", "deir ezzor", "deir al-zour", "dayr al-zawr",
            "dayr az-zawr", "deir ez zor", "hasakah", "al-hasakah", "hassakeh", "daraa", "deraa",
            "suwayda", "as-suwayda", "sweida", "quneitra", "damascus", "palmyra", "tadmur", "al-bab",
            "manbij", "kobani", "jarablus", "afrin", "douma", "ghouta", "eastern ghouta", "khan sheikhoun",
            "khan shaykhun", "maarat al-numan", "saraqeb", "jisr al-shughur", "qusayr", "rastan",
            "talbiseh", "al-tanf", "tanf", "abu kamal", "albukamal", "al-mayadin", "mayadin", "tabqa",
            "darayya", "zabadani", "madaya", "yarmouk", "harasta", "jobar", "al-qaryatain",
        )
    } | {name: "FAC" for name in ("hmeimim", "khmeimim", "hmeymim", "shayrat", "kuweires", "tiyas", "t4")},
    known_groups=frozenset({"daesh", "isis", "isil", "al-nusra", "nusra", "jabhat al-nusra", "hts", "ahrar al-sham"}),
    title_words=frozenset(
        """major lieutenant general colonel col. lt. gen. maj. brig. brigadier captain commander admiral
        marshal sergeant lieutenant-general major-general spokesman spokeswoman minister president
        sheikh dr. mr. ms. mrs. chief deputy ambassador envoy""".split()
    ),
    place_cue=r"town|city|village|district|neighbou?rhood|province|countryside|suburbs?",
    place_preposition=r"in|into|of|at|near|from|outside|around|toward|towards",
    toponym_heads=frozenset("tal tall tell tel kafr kfar deir dayr dair ain ayn jisr beit bayt jabal jebel".split()),
    calendar=(
        r"day|week|month|year|"
        r"ramadan|eid|spring|summer|autumn|fall|winter|today|yesterday|tomorrow|night|morning|evening|dawn|dusk"
    ),
    home_country=(HOME.names[0], HOME.names[0] + "s"),
    nationality_endings=("ian", "ish", "ese", "i", "an"),
    article=THE,
    place_articles=r"al|el|ar|as|ash|ad|at|az|an",
    place_name_joiners=("-", "al", "el", "ar", "as", "ad"),
    place_nouns_after=frozenset(
        "town city village countryside province governorate district neighbourhood neighborhood".split()
    ),
)

#: news media named by one word: the agencies written as one word, and outlets named in a word
_MEDIA_NAMES = frozenset(a.lower() for a in AGENCIES if a.isalpha()) | frozenset("rt ifp press aljazeera".split())

ATTRIBUTION = AttributionWords(
    report_verbs=frozenset(
        """say tell add claim report state note stress continue announce confirm accuse allege deny reject
        refute dismiss insist warn write explain tweet quote declare assert estimate record
        rebuff emphasize emphasise underline condemn blame""".split()
    ),
    denial_cues=frozenset("deny reject refute dismiss rebuff".split()),
    read_subjects=frozenset("document statement report letter text communique message".split()),
    allegation_nouns=frozenset("allegation accusation claim report charge assertion".split()),
    person_pronouns=frozenset("he she him his her".split()),
    org_pronouns=frozenset("it its they them their we".split()),
    descriptions={
        **dict.fromkeys("spokesman spokeswoman officer general minister commander official colonel".split(), "person"),
        **dict.fromkeys(
            "ministry observatory monitor group statement document report kremlin agency organization "
            "organisation army military command coalition".split(),
            "org",
        ),
    },
    definite_determiners=frozenset(("the", "this", "that", "these")),
    media_names=_MEDIA_NAMES,
    type_words=(
        ("un", frozenset("un united nations unicef ocha unhcr who opcw".split())),
        ("monitor", frozenset("observatory monitor monitoring sohr snhr airwars".split())),
        ("ngo", frozenset("watch amnesty helmets crescent msf médecins sams ngo charity".split()) | {"civil defense", "civil defence"}),
        ("media", _MEDIA_NAMES | frozenset("news agency newspaper channel television tv outlet".split())),
        (
            "armed_group",
            frozenset(
                """militants rebels rebel daesh isis isil nusra hts ahrar jaish sdf ypg fsa opposition
                hezbollah hayat tahrir jihadists insurgents""".split()
            ),
        ),
        (
            "state_military",
            frozenset(
                """defense defence army military forces force aerospace air navy general staff officer
                colonel major lieutenant commander spokesman pentagon centcom coalition troops""".split()
            ),
        ),
        (
            "government",
            frozenset(
                "kremlin government ministry president minister foreign embassy".split()
            ) | COUNTRY_NAMES | CAPITALS,
        ),
    ),
    speech_only_with_content=frozenset({"continue"}),
    publishing=frozenset("release issue publish post make deliver send distribute circulate".split()),
    statement_nouns=frozenset("statement report interview briefing conference communique".split()),
    leading=r"the|a|an|so-called|so called",
    according="according",
    according_to="to",
    relative_pronouns=frozenset(("which", "that", "who")),
    name_articles=frozenset(("the", "a")),
    articles=frozenset(ARTICLES),
    toll_verb="claim",
    toll_objects=frozenset(("life", "lives", "toll", "victim")),
    read_verb="read",
    by="by",
    complementizer="that",
    name_prefix_words=frozenset(("so", "called")),
    name_preps=frozenset(("for", "of")),
)

EVENTS = EventWords(
    triggers={
        **dict.fromkeys(
            "airstrike air-strike strike raid bomb bombing bombard bombardment airraid".split(),
            "airstrike",
        ),
        **dict.fromkeys("shell shelling mortar artillery rocket missile barrage".split(), "shelling"),
        **dict.fromkeys("attack offensive assault clash fighting storm ambush battle aggression".split(), "ground_attack"),
        **dict.fromkeys("explosion blast explode detonate ied bomber".split(), "explosion"),
        **dict.fromkeys("sortie".split(), "sorties"),
        **dict.fromkeys("liberate capture seize recapture retake siege".split(), "territory"),
        **dict.fromkeys(
            """kill killing dead death die casualty fatality wound injure injury hurt destroy destruction
            eliminate massacre execute victim body target hit pound damage surrender incident""".split(),
            "other",
        ),
    },
    weapon_words=frozenset(
        """cluster sarin chlorine phosphorus incendiary napalm nerve chemical barrel thermobaric mustard""".split()
    ),
    weapon_verbs=frozenset("use drop employ deploy fire".split()),
    ground_bombs=frozenset("car truck suicide roadside booby-trapped motorcycle".split()),
    weapon_nouns=frozenset("rocket missile mortar artillery".split()),
    fire_heads=frozenset("fire attack strike shell shelling barrage round salvo".split()),
    air_words=frozenset("jet warplane aircraft aviation bomber helicopter airstrike air drone".split()),
    military_context=frozenset(
        {"kill", "dead", "airstrike", "strike", "raid", "jet", "warplane", "aircraft", "bomber", "terrorist",
         "militant", "force", "army", "aviation", "sortie", "drone", "missile", "target", "civilian",
         "destroy", "military", "shell", "attack", "recover", "retrieve", "hospital", "rubble", "isil", "isis",
         "daesh", "facility", "position", "vehicle", "base", "depot", "rebel", "jihadist", "coalition"}
    ),
    denial_verbs=frozenset("deny reject refute dismiss rebuff disprove".split()),
    denial_words=frozenset("lie lies fake fabrication fabricated baseless unfounded false".split()),
    light_verbs=frozenset("carry deliver conduct launch make perform stage mount execute".split()),
    hedges=frozenset("reportedly allegedly purportedly apparently".split()),
    telling=frozenset("specify mention identify disclose detail name reveal clarify give provide confirm".split()),
    topic_nouns=frozenset("date footage video photo image information detail details report news time number".split()),
    going_on=frozenset("stop cease abate subside end".split()),
    acting_countries=ACTING_COUNTRIES,
    explode_phrasal={"blow": frozenset({"up"})},
    down_verbs=frozenset({"down"}),
    air_attack="attack",
    military_verbs=frozenset({"strike"}),
    military_nouns=frozenset(("body", "target", "hit", "victim", "damage", "pound", "aggression")),
    bomb_nouns=frozenset(("bomb", "bombing")),
    explosion_heads=frozenset(("explosion", "blast")),
    bomber="bomber",
    aircraft_prefixes=("su-",),
    bomber_air=frozenset(("air", "aviation")),
    topic_preps=frozenset(("of", "about", "on")),
    describing_preps=frozenset(("with", "without")),
    going_on_phrasal={"let": frozenset({"up"})},
    going_on_complements=frozenset(("unpunished", "unanswered")),
    participation_verbs=frozenset(("take", "participate", "engage", "involve")),
    participation_preps=frozenset(("in", "of")),
    agent_prep="by",
    perpetrator_pronouns=frozenset(("it", "they", "we", "its", "their")),
    patient_verbs=frozenset(("lay", "surrender", "die")),
    alternative="or",
    telling_negations=frozenset(("neither", "never")),
    negations=frozenset(("never", "no")),
    negative_determiners=frozenset(("no", "neither")),
    actor_words=frozenset(
        """regime coalition government rebel rebels opposition jihadist jihadists loyalist loyalists
        militia army hezbollah hizballah hizbollah isis isil daesh""".split()
    ),
    platforms=frozenset(
        """jet warplane plane aircraft helicopter chopper drone uav bomber gunship fighter-bomber
        missile rocket shell mortar artillery tank bomb barrel""".split()
    ),
    collective_nouns=frozenset("series wave string spate round volley number".split()),
    generic_agents=frozenset(
        """force forces side party unit source group element it individual somebody someone unknown
        attacker assailant perpetrator""".split()
    ),
    victim_nouns=frozenset(
        """civilian people person child woman man resident worker kid boy girl infant refugee body
        corpse family student patient victim pilot member staff medic volunteer journalist""".split()
    ),
    backer_words=frozenset("backed supported sponsored funded armed".split()),
    agent_participles=frozenset("lead launch fire drop".split()),
    actor_joins=frozenset(("-", "and", "or", "led")),
    belief_verbs=frozenset("believe think suspect say report thought understand".split()),
)

MENTIONS = MentionWords(
    proximity=(
        r"\b(?P<rel>(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?{dir}(?:ern)?\s+of|near(?:by)?|"
        r"(?:the\s+)?outskirts\s+of|(?:the\s+)?vicinity\s+of|close\s+to|around|outside)"
        r"(?:\s+[\w'’-]+){0,5}\s+$"
    ),
    container=(
        r"(?P<rel>(?:the\s+)?(?:countryside|province|provinces|governorate|city|town|village)\s+of|"
        r"{dir}(?:ern)?|rural)\s+(?:the\s+)?$"
    ),
    time_patterns=(
        r"\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:\d+|\w+)\s+(?:hours|days|weeks|months|years)\b",
        r"\bsince\s+(?:the\s+)?(?:beginning|start)\s+of\s+(?:\d{4}|this\s+(?:year|month|week))\b",
        r"\b{month}\s+\d{1,2}\s*[-–]\s*\d{1,2}(?:,?\s+\d{4})?\b",
        r"\b\d{1,2}\s*[-–]\s*\d{1,2}\s+{month}(?:,?\s+\d{4})?(?!\w)",  # "11-13 Dec.", "5-6 April 2016"
        r"\b{month}\s*\d{1,2}(?:st|nd|rd|th)\b",  # "Dec.14th" (the model misses a day glued to its month)
        r"\b(?:earlier|later)\s+on\s+{weekday}\b",
        r"\b(?:at\s+dawn|at\s+dusk|overnight|late|early)\s+on\s+{weekday}\b",
        r"\b(?:earlier|later)\s+this\s+(?:week|month|year)\b",
        r"\bon\s+{weekday}\b",
        # a feast day named as the day of the event ("killed in Syria on Thanksgiving Day", "on the
        # first day of Eid al-Adha"): the model labels the name an EVENT, or nothing
        r"(?<=\bon )(?:this\s+|the\s+(?:eve|(?:first|second|third|last)\s+day)\s+of\s+)?"
        r"(?:Thanksgiving|Christmas|New\s+Year'?s|Easter|Eid(?:\s+al-(?:Fitr|Adha))?|Nowruz|Ashura)"
        r"(?:\s+(?:Day|Eve))?\b",
    ),
    open_ended=("since", "until", "till"),
    acts=frozenset("strike airstrike raid bombing shelling attack offensive jet warplane force troops".split()),
    future=r"next|tomorrow|coming|upcoming",
    join=r"or|and|even|or\s+even|and\s+even",
    admin_after=r"province|governorate|countryside",
    org_head=(
        r"Observatory|Ministry|Army|Forces|Council|Coalition|Front|Committee|Organi[sz]ation|Agency|News|"
        r"Network|Command|Brigades?|Movement|Party|Union|Watch|Crescent|Helmets|State of Iraq and"
    ),
    government_nouns=frozenset(
        "government regime authorities administration request authorization authorisation permission approval consent "
        "consultation coordination".split()
    ),
    place_nouns=frozenset("countryside suburb suburbs province governorate outskirts city airport road district area".split()),
    dateline_country=HOME.name,
    country_names=COUNTRY_NAMES,
    origin_prep="from",
    of="of",
    government_preps=frozenset(("from", "of", "by")),
    fronted=(
        r"(?P<rel>near(?:by)?|outside|around|(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?{dir}(?:ern)?\s+of|"
        r"(?:the\s+)?outskirts\s+of|(?:the\s+)?vicinity\s+of|close\s+to)"
    ),
    place_cue=r"\b(?:town|city|village|hamlet|district|neighbou?rhood|suburb|camp)\s+of\s+$",
    member_verbs=frozenset(("include", "comprise")),
    site_nouns=frozenset(
        """facility building position bridge hospital clinic school market marketplace mosque church bakery
        compound station route road highway complex airfield airport base entrance tunnel site factory plant
        headquarters checkpoint tent restaurant house home neighborhood neighbourhood village district area
        depot warehouse cache fortification dam refinery infrastructure structure territory terrain camp
        shelter prison port office node""".split()
    ),
    site_preps=frozenset(("on", "at", "in", "inside", "near", "against", "into", "outside", "targeting")),
)

NUMBERS = NumberWords(
    units=UNITS,
    compound_units=COMPOUND_UNITS,
    tens=TENS,
    scale_words=("hundred", "thousand", "million", "billion", "dozen"),
    digit_scales=("hundred", "thousand", "million", "billion", "mln", "bln"),
    multiplying_scales=("hundred", "dozen"),
    articles=("a", "an"),
    one_article="a",
    and_word="and",
    of_word="of",
    range_openers=("between",),
    range=(
        r"(?:between\s+{num}\s+and\s+{num}"
        r"|{num}\s*[-–—]\s*{num}"
        r"|{num}\s+(?:to|or)\s+(?!(?:more|less|fewer|so)\b){num})"
    ),
    range_split=r"(?:between\s+)?(?P<a>{num})(?:\s*[-–—]\s*|\s+(?:to|or|and)\s+)(?P<b>{num})",
    vague=(
        r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
        r"|hundreds|thousands|millions|dozens|scores(?=\s+of\b)"
        r"|(?:several|a\s+few)(?:\s+(?:dozen|hundred|thousand|million))?"
        r"|a\s+handful)"
    ),
    suffix=r"(?:\s*-\s*(?:odd|plus)\b|\+|\s+or\s+(?:more|so|less|fewer)\b)",
    suffix_bounds={
        "odd": "approx", "or so": "approx", "plus": "low", "+": "low", "or more": "low",
        "or less": "high", "or fewer": "high",
    },
    percent=r"(?:\s*%|\s+(?:percent|per\s+cent)\b)",
    out_of=r"out\s+of",
    precheck=(
        "hundred", "thousand", "million", "dozen", "dozens", "hundreds", "thousands", "millions",
        "scores", "several", "few", "handful",
    ),
    bound_words={
        "low": (
            "no fewer than", "no less than", "not less than", "in excess of", "a minimum of",
            "upwards of", "well over", "just over", "more than", "at least", "over", "above",
            "exceeding", "greater than",
        ),
        "high": (
            "no more than", "not more than", "a maximum of", "as many as", "fewer than",
            "less than", "just under", "close to", "up to", "almost", "nearly", "under",
            "at most", "below", "as much as",
        ),
        "approx": (
            "approximately", "an estimated", "roughly", "around", "about", "circa", "approx.",
            "estimated", "some", "c.",
        ),
    },
    vague_multipliers={"a few": 2.0, "several": 3.0},
)

QUANTITIES = QuantityWords(
    time_nouns=frozenset(
        "second minute hour day night week weekend month year decade century morning evening time".split()
    ),
    fraction_nouns=frozenset("half quarter third fifth sixth tenth".split()),
    distance_units=frozenset("km kilometer kilometre mile meter metre yard foot feet m".split()),
    distance_next=frozenset("from away outside inside beyond short off ( ) [ ] , . long wide deep".split()),
    clock_words=frozenset("am a.m. pm p.m. gmt utc hrs o'clock".split()),
    territory_nouns=frozenset("territory land area country province region city town district governorate".split()),
    settlement_nouns=frozenset({"village", "settlement", "location", "place"}),
    casualty_words=("dead", "wounded", "injured", "killed", "missing"),
    area_word="square",
    of="of",
    one="one",
    territory_preps=frozenset(("in", "across", "throughout", "from", "over")),
    percent_words=frozenset(("percent", "cent")),
    single_victims=frozenset(
        """civilian child man woman boy girl person fighter soldier member militant rebel officer
        resident worker journalist activist doctor nurse paramedic medic volunteer teenager youth
        baby infant pilot policeman commander farmer shepherd student father mother""".split()
    ),
    single_determiners=frozenset(("a", "an")),
    victim_pronouns=frozenset(("him", "her")),
    update_verbs=frozenset("rise climb increase reach jump mount soar grow".split()),
    die_verbs=frozenset(("die", "succumb")),
    wound_preps=frozenset(("of", "from", "to")),
    wound_nouns=frozenset(("wound", "injury", "wounds", "injuries")),
    recovery_note="bodies recovered",
    wounds_note="died of wounds",
    sum_note="sum of the parts",
    aggregate_cues=(
        r"\bsince the (?:start|beginning|outbreak|onset) of\b",
        r"\b(?:across|throughout|all over) (?:syria|the country|the governorates|syrian territory)\b",
        r"\bnationwide\b",
        r"\bso far (?:this|in) (?:year|month)\b",
        r"\b(?:during|in|over|throughout) the (?:past|last|previous|whole) (?:month|year|months|years)\b",
        r"\b(?:monthly|annual|yearly)\b",
        r"\bsince (?:19|20)\d\d\b",
    ),
)

MEASURES = MeasureWords(
    verb_lemmas={
        "killed": "kill die massacre slaughter execute murder slay behead assassinate perish martyr",
        "wounded": "wound injure hurt maim",
        "destroyed": "demolish raze flatten obliterate torch",
        "damaged": "damage",
        "struck": "hit strike target bomb shell pound bombard raid attack engage",
        "liberated": "liberate free retake recapture regain reclaim",
        "captured": "capture seize overrun",
        "surrendered": "surrender defect",
        "recovered": "recover retrieve exhume unearth",
        "hospitalized": "hospitalize hospitalise",
        "displaced": "displace flee uproot",
        "detained": "detain arrest abduct kidnap",
        "controlled": "control",
        "fired": "fire launch drop shoot lob",
    },
    eliminate_verbs=frozenset("eliminate neutralize neutralise liquidate annihilate exterminate destroy".split()),
    eliminate_default_killed=frozenset("eliminate neutralize neutralise liquidate exterminate".split()),
    patient_subject_verbs=frozenset("die perish flee surrender defect remain be".split()),
    report_verbs=frozenset("report confirm fear believe say presume think declare list count leave estimate".split()),
    light_verbs=frozenset("deliver carry conduct launch make perform fly stage mount execute inflict".split()),
    fire_objects=frozenset("missile rocket shell bomb munition projectile mortar grenade barrel".split()),
    noun_measure={
        "sortie": "sorties",
        "airstrike": "strikes", "strike": "strikes", "raid": "strikes", "bombing": "strikes",
        "bombardment": "strikes", "airstrikes": "strikes",
        "attack": "attacks",
        "death": "killed", "fatality": "killed", "dead": "killed",
        "casualty": "casualties", "casualties": "casualties",
        "injury": "wounded", "injured": "wounded", "wounded": "wounded",
        "missing": "missing",
    },
    strike_nouns=frozenset("airstrike strike raid bombing bombardment shelling attack sortie".split()),
    death_nouns=frozenset("death killing massacre execution martyrdom".split()),
    injury_nouns=frozenset("injury wounding".split()),
    lose_verbs=frozenset(("lose",)),
    update_subjects=frozenset(("toll", "number", "tally", "count")),
    amod_measure={
        "dead": "killed", "killed": "killed", "injured": "wounded", "wounded": "wounded",
        "damaged": "damaged", "destroyed": "destroyed", "displaced": "displaced",
        "detained": "detained", "missing": "missing",
    },
    person_nouns=frozenset(
        """militant fighter civilian people person terrorist extremist soldier troop child woman man
        insurgent jihadist rebel member gunman mercenary serviceman servicemen officer commander
        resident worker militiaman militia recruit instructor combatant islamist policeman guard
        personnel bandit radical separatist operative sniper kid boy girl infant pilot crew
        crewman marine paratrooper conscript volunteer refugee body corpse jihadi
        """.split()
    ),
    materiel_nouns=frozenset(
        """vehicle tank truck car pickup suv launcher gun cannon artillery depot cache post base
        position facility building house plant rig store warehouse bridge tunnel aircraft plane
        helicopter jet drone boat ship bunker hideout camp checkpoint weapon ammunition target""".split()
    ),
    pass_preps=frozenset("including among at on against of to into upon toward towards".split()),
    dead="dead",
    hospital_nouns=frozenset(("hospital", "clinic", "infirmary")),
    to_hospital_preps=("to", "into"),
    hospital_verbs=frozenset("take rush transport evacuate bring admit send transfer carry move".split()),
    in_hospital_preps=("in",),
    stay_verbs=frozenset(("remain", "stay", "be", "lie")),
    surrender_phrasal={"lay": frozenset({"down"})},
    hand_over_verbs=frozenset(("give", "hand", "put")),
    hand_over_particles=frozenset(("down", "up", "over")),
    weapon_objects=frozenset(("weapon", "arm")),
    wipe_out_verbs=frozenset(("wipe", "take")),
    wipe_out_particle="out",
    shoot_down={"shoot": frozenset({"down"})},
    life="life",
    life_verbs=frozenset(("claim", "cost", "take", "lose", "end")),
    lives_of_verbs=frozenset(("claim", "take", "cost", "end")),
    injury_verbs=frozenset(("sustain", "suffer", "receive")),
    injury_objects=frozenset(("injury", "wound")),
    recover_verbs=frozenset(("find", "pull", "dig")),
    remains_nouns=frozenset(("body", "corpse", "remains")),
    body_nouns=frozenset(("body", "corpse")),
    displace_verbs=frozenset(("evacuate",)),
    become_verbs=frozenset(("be", "remain", "stay", "go", "become")),
    missing="missing",
    toll="toll",
    toll_verbs=frozenset(("rise", "reach", "climb", "stand", "be", "hit", "jump", "increase")),
    toll_preps=("to", "at"),
    adjective_measures=frozenset(("dead", "wounded", "injured", "missing")),
    flight="flight",
    mission="mission",
    fly="fly",
    sortie_modifiers=frozenset(("combat", "bombing", "strike")),
    combat="combat",
    strike_preps=("on", "at", "against", "of"),
    target_preps=("on", "at", "against"),
    of="of",
    copula="be",
    among="among",
    count_preps=("including", "among", "of"),
)

CLAIMS = ClaimWords(
    anaphoric_objects=frozenset("allegation accusation claim report charge".split()),
    answering_denials=frozenset(("reject", "deny", "refute", "dismiss")),
    relay_verbs=r"reports|reported|writes|wrote",
    anaphoric_event_nouns=frozenset(("attack", "attacks", "operation", "operations", "assault")),
    anaphoric_determiners=r"the|these|those|this",
    speaker_place_preps=frozenset(("in", "of", "from")),
    own_side_possessives=frozenset(("its", "their")),
    count_words=frozenset(("dozens", "hundreds", "thousands", "scores", "several", "dozen")),
    articles="|".join(ARTICLES),
)

# =========================================================================== resolving


# =========================================================================== grouping and exports

GROUP = GroupWords(
    civilian_scope=(
        r"civilian|civilians|populated|residential|inhabited|hospitals?|schools?|markets?|homes|"
        r"neighbou?rhoods?|mosques?|bakery|bakeries|children|women"
    ),
    toll_bound_prefix=r"more than|over|at least|nearly|almost|up to|about|around|some",
    toll_scale_of_scale=r"(?:tens|hundreds) of (?:thousands|millions)",
    toll_multiplied_scale=r"(?:several|a few|a handful of|many) (dozen|hundred|thousand|million)s?",
    unattributed=frozenset(
        {"he", "she", "it", "they", "we", "i", "statement", "the statement", "claim", "the claim", "report", "the report"}
    ),
)

LEXICON = Lexicon(
    language="en",
    agencies=AGENCIES,
    months=MONTHS,
    weekdays=WEEKDAYS,
    number_words={**UNITS, **TENS},
    scales=SCALES,
    vague=VAGUE,
    countries=COUNTRIES,
    capitals=CAPITALS,
    victims=VICTIMS,
    directions=("north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west"),
    weapons=WEAPONS,
    furniture=FURNITURE,
    nlp=NLP,
    attribution=ATTRIBUTION,
    events=EVENTS,
    mentions=MENTIONS,
    claims=CLAIMS,
    numbers=NUMBERS,
    quantities=QUANTITIES,
    measures=MEASURES,
    time=TIME,
    places=PLACES,
    actors=ACTORS,
    dateline=DATELINE,
    group=GROUP,
)
