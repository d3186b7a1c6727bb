"""The words of each stage, one frozen group per stage module (see :class:`..Lexicon`).

Word sets are lower case unless a field says otherwise.  A field typed ``str`` is a regex
fragment (alternatives of words or phrases, sometimes with a ``{num}`` slot for a number); the
stage compiles it once per lexicon."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ...model import ActorType, Bound, EventType, Measure


#: what a description or a mention points to: a person or an organisation
Referent = Literal["person", "org"]


@dataclass(frozen=True, slots=True)
class NumberWords:
    """Number phrases (extraction/numbers.py)."""

    units: Mapping[str, int]
    #: units that follow a ten with a hyphen ("twenty-four")
    compound_units: tuple[str, ...]
    tens: Mapping[str, int]
    #: scale words a number word may carry ("two hundred"), in the order the pattern tries them
    scale_words: tuple[str, ...]
    #: scale words that may follow digits ("1.5 million", "2 mln")
    digit_scales: tuple[str, ...]
    #: scales that multiply what came before without closing a group ("hundred", "dozen")
    multiplying_scales: tuple[str, ...]
    #: "a"/"an" as "one" before a scale ("a hundred")
    articles: tuple[str, ...]
    #: the article as the pattern writes it before a scale word ("a dozen")
    one_article: str
    and_word: str
    of_word: str
    #: words that open a range phrase ("between")
    range_openers: tuple[str, ...]
    #: a range of two numbers, ``{num}`` standing for a number
    range: str
    #: a range split into its two numbers (groups ``a`` and ``b``)
    range_split: str
    #: vague amounts as the quantity pattern finds them
    vague: str
    #: "-odd", "+", "or more" after a number
    suffix: str
    #: what the suffix words make of the number
    suffix_bounds: Mapping[str, Bound]
    percent: str
    #: "out of" before a number (a share, not a count)
    out_of: str
    #: words that make a sentence worth scanning for numbers (besides digits and number words)
    precheck: tuple[str, ...]
    #: bound cue words, longest first within each bound
    bound_words: Mapping[Bound, tuple[str, ...]]
    #: "a few hundred": the multiplier of a vague amount before a scale
    vague_multipliers: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class QuantityWords:
    """What a count is not (extraction/quantities.py)."""

    time_nouns: frozenset[str]
    fraction_nouns: frozenset[str]
    distance_units: frozenset[str]
    #: a distance unit followed by one of these is a distance, not a count
    distance_next: frozenset[str]
    clock_words: frozenset[str]
    territory_nouns: frozenset[str]
    #: nouns counted as places taken besides the territory nouns
    settlement_nouns: frozenset[str]
    #: participles that say what happened to people, not what was counted
    casualty_words: tuple[str, ...]
    #: "square" kilometres are an area
    area_word: str
    #: "dozens of tanker trucks": the preposition between a count and what it counts
    of: str
    #: "no one", "the one": the number word that is a pronoun unless tagged a number
    one: str
    #: "in 5 Syrian provinces": prepositions before a count of places that is no toll
    territory_preps: frozenset[str]
    #: the words of a share written out ("40 percent", "40 per cent")
    percent_words: frozenset[str]
    # ------------------------------------------------------------------ tolls
    #: one victim named without a numeral ("a civilian was killed"): the nouns, and the
    #: determiners that make them one
    single_victims: frozenset[str]
    single_determiners: frozenset[str]
    #: "killing him": pronouns that are one victim
    victim_pronouns: frozenset[str]
    #: "the death toll has risen to four": verbs of an update
    update_verbs: frozenset[str]
    #: "died of wounds": the verb, its prepositions and their nouns
    die_verbs: frozenset[str]
    wound_preps: frozenset[str]
    wound_nouns: frozenset[str]
    #: notes a quantity may carry
    recovery_note: str
    wounds_note: str
    sum_note: str
    #: a sentence that counts over a wider window or area than one event (patterns, lower case)
    aggregate_cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeasureWords:
    """What happened to the counted thing (extraction/measures.py)."""

    verb_lemmas: Mapping[Measure, str]
    eliminate_verbs: frozenset[str]
    eliminate_default_killed: frozenset[str]
    patient_subject_verbs: frozenset[str]
    report_verbs: frozenset[str]
    light_verbs: frozenset[str]
    fire_objects: frozenset[str]
    noun_measure: Mapping[str, Measure]
    strike_nouns: frozenset[str]
    death_nouns: frozenset[str]
    injury_nouns: frozenset[str]
    #: "five people lost their lives": the verb that gives its subject the object "life"
    lose_verbs: frozenset[str]
    #: "the death toll has risen to four": what an update's subject is
    update_subjects: frozenset[str]
    amod_measure: Mapping[str, Measure]
    person_nouns: frozenset[str]
    materiel_nouns: frozenset[str]
    pass_preps: frozenset[str]
    # ------------------------------------------------------------------ rules of one verb or noun
    #: "shot dead", "were found dead": the word that makes a verb's complement a death
    dead: str
    #: "taken to hospital": the places, the prepositions and the verbs
    hospital_nouns: frozenset[str]
    to_hospital_preps: tuple[str, ...]
    hospital_verbs: frozenset[str]
    #: "3 remain in hospital"
    in_hospital_preps: tuple[str, ...]
    stay_verbs: frozenset[str]
    #: verb + particle that is a surrender by itself ("laid down")
    surrender_phrasal: Mapping[str, frozenset[str]]
    #: verb + particle + weapons that is a surrender ("handed over their arms")
    hand_over_verbs: frozenset[str]
    hand_over_particles: frozenset[str]
    weapon_objects: frozenset[str]
    #: verb + particle that kills a person or destroys a thing ("wiped out")
    wipe_out_verbs: frozenset[str]
    wipe_out_particle: str
    #: verb + particle that destroys ("shot down")
    shoot_down: Mapping[str, frozenset[str]]
    #: "cost more than 500 lives": the noun and the verbs taking it as object
    life: str
    life_verbs: frozenset[str]
    #: "claimed the lives of 129 loyalists": the verbs before "the lives of"
    lives_of_verbs: frozenset[str]
    #: "sustained injuries"
    injury_verbs: frozenset[str]
    injury_objects: frozenset[str]
    #: "pulled bodies from the rubble": recovered
    recover_verbs: frozenset[str]
    remains_nouns: frozenset[str]
    #: a count of bodies with nothing said of them is a count of bodies recovered
    body_nouns: frozenset[str]
    #: verbs that displace by themselves ("evacuate")
    displace_verbs: frozenset[str]
    #: "remain missing"
    become_verbs: frozenset[str]
    missing: str
    #: "the death toll rose to 45": the noun, the verbs and the prepositions of the figure
    toll: str
    toll_verbs: frozenset[str]
    toll_preps: tuple[str, ...]
    #: adjectives that are a measure on their own ("30 injured")
    adjective_measures: frozenset[str]
    #: "combat flights", "bombing missions": sorties
    flight: str
    mission: str
    #: "flown 870 missions": a mission that is flown is a sortie
    fly: str
    sortie_modifiers: frozenset[str]
    combat: str
    #: "airstrikes on 1,093 targets": prepositions between a strike noun and its targets
    strike_preps: tuple[str, ...]
    #: "launched strikes on": prepositions between a light verb and its targets
    target_preps: tuple[str, ...]
    of: str
    #: "10 children were among 48 people executed"
    copula: str
    among: str
    #: prepositions a count may stand behind and still take the verb's measure
    count_preps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GroupWords:
    """Words grouping and the exports compare (group/contradictions.py, group/tolls.py,
    export/acled.py)."""

    #: a denial about civilians or the places they live ("does not strike populated areas")
    civilian_scope: str
    #: words before a vague toll that ACLED ignores ("more than dozens")
    toll_bound_prefix: str
    #: "tens of thousands": a vague amount of two scales
    toll_scale_of_scale: str
    #: "several hundred": a vague multiplier before a scale (group 1 the scale)
    toll_multiplied_scale: str
    #: claimant words that name nobody ("it", "the statement"): such a claim has no claimant to
    #: compare (lower case, whole claimant text)
    unattributed: frozenset[str]


@dataclass(frozen=True, slots=True)
class AttributionWords:
    """Who says it (extraction/attribution.py)."""

    report_verbs: frozenset[str]
    #: claimant verbs whose content is the allegation they answer
    denial_cues: frozenset[str]
    #: "the document reads": only these subjects make "read" a reporting verb
    read_subjects: frozenset[str]
    #: nouns that carry somebody else's claim: "X's accusations that ..."
    allegation_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    org_pronouns: frozenset[str]
    #: definite descriptions that point back to a named claimant, and the kind they point to
    descriptions: Mapping[str, Referent]
    #: determiners that make a description point back ("the ministry", "this group")
    definite_determiners: frozenset[str]
    #: news media named by one word ("told AFP")
    media_names: frozenset[str]
    #: actor type guessed from words in the claimant's name, first match wins
    type_words: tuple[tuple[ActorType, frozenset[str]], ...]
    #: reporting verbs that report speech only with a clause or a quote
    speech_only_with_content: frozenset[str]
    #: verbs by which a statement comes out: they pass its day on to the statement
    publishing: frozenset[str]
    statement_nouns: frozenset[str]
    #: articles and "so-called" before a name (regex alternatives)
    leading: str
    # ------------------------------------------------------------------ rules of one word
    #: "according to X"
    according: str
    according_to: str
    #: a relative pronoun as the subject of a reporting verb ("which said"): no claimant
    relative_pronouns: frozenset[str]
    #: the article before a name the parse lost ("the Syrian Observatory ... said")
    name_articles: frozenset[str]
    #: the articles a speaker's phrase may open with
    articles: frozenset[str]
    #: "claimed the lives of 40 people": a toll, not a statement
    toll_verb: str
    toll_objects: frozenset[str]
    #: "the document reads"
    read_verb: str
    #: "an allegation by a group"
    by: str
    #: "accusations that ...": the word opening the content clause
    complementizer: str
    #: "so-called": words before a name that are no part of it (with the hyphen)
    name_prefix_words: frozenset[str]
    #: "Observatory for Human Rights", "Ministry of Defence": prepositions inside a name
    name_preps: frozenset[str]


@dataclass(frozen=True, slots=True)
class EventWords:
    """What happened, and whether it is denied (extraction/events.py)."""

    #: lemma -> event type; result words ("kill") are ``other``
    triggers: Mapping[str, EventType]
    #: weapons whose use is itself the claim ("is not using cluster bombs")
    weapon_words: frozenset[str]
    #: verbs that make a weapon mention a claim of use
    weapon_verbs: frozenset[str]
    ground_bombs: frozenset[str]
    weapon_nouns: frozenset[str]
    fire_heads: frozenset[str]
    #: words that put an attack in the air
    air_words: frozenset[str]
    #: lemmas that make "strike", "target", "hit" military
    military_context: frozenset[str]
    #: claimant verbs that are denials in themselves
    denial_verbs: frozenset[str]
    #: words inside the content that make it a denial ("well-known lies")
    denial_words: frozenset[str]
    #: verbs that carry a nominal trigger: "carry out / deliver / conduct a strike"
    light_verbs: frozenset[str]
    #: the claimant (usually the outlet) does not vouch for it
    hedges: frozenset[str]
    #: verbs of telling: negated, nothing is said to have happened
    telling: frozenset[str]
    #: "the date of the strikes": the event only named as a topic
    topic_nouns: frozenset[str]
    #: verbs whose negation says the event goes on ("has not stopped")
    going_on: frozenset[str]
    #: countries a GPE modifier names as the actor ("U.S. strikes")
    acting_countries: frozenset[str]
    # ------------------------------------------------------------------ rules of one word
    #: verb + particle that is an explosion ("the car blew up"); surrenders and "shot down" are
    #: the measure words'
    explode_phrasal: Mapping[str, frozenset[str]]
    #: "rebels downed a jet"
    down_verbs: frozenset[str]
    #: "attack" with an air word in the content is an airstrike
    air_attack: str
    #: triggers that need a military context ("strike" as a verb; "body", "target", "hit")
    military_verbs: frozenset[str]
    military_nouns: frozenset[str]
    #: "a car bomb", "a bomb explosion": bombs that explode
    bomb_nouns: frozenset[str]
    explosion_heads: frozenset[str]
    #: "bomber": an aircraft ("Su-24M bomber", with an air word) or a suicide bomber
    bomber: str
    aircraft_prefixes: tuple[str, ...]
    bomber_air: frozenset[str]
    #: "the date of the strikes": prepositions between the topic noun and the event
    topic_preps: frozenset[str]
    #: "with no visible injuries", "without damage": a trigger that describes something else
    describing_preps: frozenset[str]
    #: "won't let up", "will not go unpunished": negated, the event goes on
    going_on_phrasal: Mapping[str, frozenset[str]]
    going_on_complements: frozenset[str]
    #: "took part in strikes": participation verbs and their prepositions
    participation_verbs: frozenset[str]
    participation_preps: frozenset[str]
    #: "strikes by Daesh"
    agent_prep: str
    #: pronouns that may name a perpetrator ("they", "its")
    perpetrator_pronouns: frozenset[str]
    #: verbs whose subject suffered the act ("laid down their weapons")
    patient_verbs: frozenset[str]
    #: "Syrian or Russian jets": several perpetrators, one of them
    alternative: str
    #: negations: of a verb of telling, of a carrier, and as a determiner ("no civilians")
    telling_negations: frozenset[str]
    negations: frozenset[str]
    negative_determiners: frozenset[str]
    # ------------------------------------------------------------------ who did it
    #: words that name an actor before an attack noun or a weapon ("regime barrel bombs",
    #: "coalition missiles"); nationalities and organisations' names count without being listed
    actor_words: frozenset[str]
    #: weapons and platforms an actor word may own ("a Turkish drone", "Russian warplanes"),
    #: and that alone name no one ("a helicopter dropped ...")
    platforms: frozenset[str]
    #: "a series of U.S. airstrikes": the attacks are in the ``of`` phrase
    collective_nouns: frozenset[str]
    #: words that alone name no one ("Forces", "the side")
    generic_agents: frozenset[str]
    #: who suffers, never who strikes ("Woman killed in ...")
    victim_nouns: frozenset[str]
    #: "Turkish-backed factions": the words before it name a backer, not the attacker
    backer_words: frozenset[str]
    #: participles whose agent on an attack noun is the attacker ("airstrikes led by ...")
    agent_participles: frozenset[str]
    #: "the attack believed to have been carried out by ...": verbs between an attack and its agent
    belief_verbs: frozenset[str]
    #: words that join actor words into one phrase ("Syrian regime or Russian", "US-led")
    actor_joins: frozenset[str]


@dataclass(frozen=True, slots=True)
class MentionWords:
    """Places and times of a claim (extraction/mentions.py).  Patterns may use ``{dir}``
    (the lexicon's directions), ``{month}`` and ``{weekday}`` (the shared calendar tables)."""

    proximity: str
    container: str
    time_patterns: tuple[str, ...]
    #: "since September 2015" runs to publication
    open_ended: tuple[str, ...]
    #: nouns of attack a country name may modify as the actor ("U.S. strikes")
    acts: frozenset[str]
    future: str
    join: str
    admin_after: str
    #: head words of organisations, never of places (case-sensitive)
    org_head: str
    government_nouns: frozenset[str]
    place_nouns: frozenset[str]
    #: the country a dateline may name after the town (case-sensitive)
    dateline_country: str
    #: names that say "somewhere in this country" (or stand for its government)
    country_names: frozenset[str]
    #: "from the northern towns of Fuaa": where people or fire came from (the preposition, and
    #: the one a list of places may stand behind)
    origin_prep: str
    of: str
    #: "authorization from Damascus": prepositions between a permission and who gives it
    government_preps: frozenset[str]
    #: a place fronted at the head of a sentence, with the comma after it ("Near Raqqah, four
    #: strikes engaged ...", the form of belligerents' strike lists): its relation words
    #: (group ``rel``), each saying a place follows; may use ``{dir}``
    fronted: str
    #: "the town of", "the village of": words right before a name that say it is a place, whatever
    #: label the model gave it (regex, at the end of the text before the name)
    place_cue: str
    #: "Coalition nations ... include Australia, Canada": verbs whose objects are members of a
    #: group (actors), not places
    member_verbs: frozenset[str]
    #: nouns of the sites an attack hits ("a hospital", "an ISIL-held building", "a fighting
    #: position", "supply routes"), lemmas, lower case
    site_nouns: frozenset[str]
    #: prepositions before a site ("a strike on a market", "at a funeral tent")
    site_preps: frozenset[str]


@dataclass(frozen=True, slots=True)
class NlpWords:
    """The entity corrections (extraction/nlp.py)."""

    #: places the small model mislabels, lower case -> label
    known_places: Mapping[str, str]
    #: names of armed groups the model reads as places
    known_groups: frozenset[str]
    #: words of a title that precede a person's name
    title_words: frozenset[str]
    #: words that say the next name is a place ("the town of")
    place_cue: str
    #: a preposition of place right before a name
    place_preposition: str
    #: first words of Arabic place names that are not personal names
    toponym_heads: frozenset[str]
    #: words that make a DATE entity a date, besides month and weekday names (whose first three
    #: letters suffice)
    calendar: str
    #: the country written in front of a place ("Syria's Idlib", "Syrias Deir ezzor")
    home_country: tuple[str, ...]
    #: nationality word endings ("Syrian", "Kurdish")
    nationality_endings: tuple[str, ...]
    #: the article of a name ("the Human Rights Watch")
    article: str
    #: Arabic articles of place names as written in English ("al-", "ash-")
    place_articles: str
    #: tokens allowed inside a place name besides proper nouns ("al", "-")
    place_name_joiners: tuple[str, ...]
    #: nouns that say the name in front of them is a place ("Izraa town")
    place_nouns_after: frozenset[str]


@dataclass(frozen=True, slots=True)
class ClaimWords:
    """Claims put together (extraction/claims.py)."""

    #: "rejected that allegation": nouns by which a denial answers an earlier claim
    anaphoric_objects: frozenset[str]
    #: denial verbs that may answer an earlier claim
    answering_denials: frozenset[str]
    #: "SANA reports:": verbs of a line that hands the story over (regex alternatives)
    relay_verbs: str
    #: "the attacks": generic event nouns that point back to the event before
    anaphoric_event_nouns: frozenset[str]
    anaphoric_determiners: str
    #: prepositions that attach a place to the speaker ("activists in Alwaer")
    speaker_place_preps: frozenset[str]
    #: "its", "their": the claimant's own side as perpetrator
    own_side_possessives: frozenset[str]
    #: words besides numbers that make a sentence worth counting in
    count_words: frozenset[str]
    #: "the", "a" before a perpetrator's name (regex alternatives)
    articles: str


@dataclass(frozen=True, slots=True)
class FurnitureWords:
    """Page furniture (read/furniture.py, read/clean.py).  Every field is a regex fragment
    (alternatives of words or phrases); the stage adds the structure around it (anchors, lengths,
    separators) and its flags.  Agency lists are case as written; the rest is matched case-blind
    unless a field says otherwise."""

    #: photo agencies and credit words that only ever credit a picture
    photo_agencies: str
    #: nouns of a picture ("photo", "file photo", "handout")
    photo_words: str
    #: the nouns of a "Photo: ..." / "Photo by ..." label
    credit_labels: str
    #: "credit" after such a noun ("Photo credit: ...")
    credit: str
    #: what introduces the credited name after a label ("by", "via", "courtesy of")
    credit_by: str
    #: the same inside parentheses ("(Photo from AP)")
    credit_by_paren: str
    #: a parenthesis that is a picture and nothing else ("(file photo)", "(handout)")
    credit_alone: str
    #: lower-case words inside a credited name ("Ministry of Defence", "Omar al Haj")
    name_joiners: str
    #: words after an agency in a credit ("AFP Photo", "Getty Images pool")
    agency_credit_suffixes: str
    #: "AP Photo via Reuters"
    agency_credit_joins: str
    #: words after a wire in a line that only credits a picture ("(AFP Photo)")
    wire_photo: str
    #: a comments heading ("3 comments", "Leave a reply"), the whole line
    comments_heading: str
    #: one button of a share bar ("Share this article", "Tweet", "WhatsApp")
    share_buttons: str
    #: "Follow us on", "Like X on" (the rest of the line is the network)
    follow: str
    #: a related-links heading ("Read more", "See also"), what follows it a headline
    related: str
    #: a mirror-site notice ("alternative address")
    mirror: str
    #: a copyright notice ("©", "(c) 2017", "All rights reserved")
    copyright: str
    #: a newsletter or app call ("Sign up", "Download our app")
    newsletter: str
    #: the word that makes a short line a newsletter call
    newsletter_word: str
    #: app stores and TV apps
    apps: str
    #: reporting words: a line that holds one is prose, not a call to subscribe
    reporting: str
    #: the label of a source link ("Original URL:")
    source_labels: str
    #: a navigation line ("Home", "Latest news", "Skip to content")
    navigation: str
    #: "In this photo ...", "A handout picture taken ...": a caption's opening (``{photo}``: the
    #: photo words; braces of a repeat doubled)
    caption_opener: str
    #: "... shows", "provided by": a caption's verb
    caption_verbs: str
    #: buttons of a share bar run into the text ("Print Tweet Share"), case as written
    inline_share_buttons: str
    inline_share_more: str
    #: a view count after them ("Views 1,204"), case as written
    inline_views: str
    #: where a footer run into the text starts ("Follow us on X", "Copyright")
    inline_footer_start: str
    #: Reuters' standards line, case as written
    inline_standards: str
    #: a comment widget that closes a page, case as written ("Community standards Discussion")
    widget_end: str
    #: the blocks of page furniture before such a widget ("Topic", "Related", "Tags"), case as written
    widget_blocks: str
    widget_headline_blocks: str
    widget_tag_blocks: str
    #: "(TRT World and Agencies)": a credit naming the agencies (the first letter in either case),
    #: and the word joining the outlet to it
    agencies: str
    agencies_join: str
    #: "By" opening a byline, case as written
    byline_by: str
    #: words between a byline's name and its wire ("By Tom Perry and Reuters")
    byline_joins: str
    #: a date header before a caption ("Published June 12 2016"), case as written
    date_header: str
    #: a place noun that may close a caption before its date ("the city of Idlib June 12 2016")
    caption_place_nouns: str
