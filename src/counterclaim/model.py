"""The frozen data model shared by every stage.

One module, one set of types: readers produce :class:`RawRecord`, cleaning produces a
:class:`Document`, extraction produces :class:`Claim` objects, the store keeps them and the
exporters write them.  Field names follow the public contract (``docs/ledger.md``); fields the
contract does not name are additions, never renames.

Every value read from a text carries the character offsets of the span it came from, and those
offsets always point into :attr:`Document.text`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Any, Literal, TypeVar, get_args

Stance = Literal["asserts", "denies"]
EventType = Literal[
    "airstrike", "shelling", "ground_attack", "explosion", "sorties", "territory", "weapon_use", "other"
]
ActorType = Literal["state_military", "government", "monitor", "ngo", "un", "media", "armed_group", "unknown"]
Bound = Literal["exact", "approx", "low", "high", "range", "vague"]
PlacePrecision = Literal["point", "near", "admin1", "country", "unknown"]
TimePrecision = Literal["day", "days", "month", "year", "unknown"]
PublishedBasis = Literal["metadata", "header", "updated", "dateline", "url", "embedded post"]
#: What happened to the counted thing.
Measure = Literal[
    "killed",        # kill, die, eliminate/destroy + person, "dead", "deaths", "death toll"
    "wounded",       # wound, injure, hurt, "injuries"
    "casualties",    # "casualties" (killed and wounded together)
    "missing",       # "remain missing"
    "destroyed",     # destroy, eliminate/neutralize + thing, demolish, raze, shoot down
    "damaged",       # damage
    "struck",        # hit, strike, target, bomb, shell, attack (as patient), airstrikes on N targets
    "strikes",       # N airstrikes / strikes / air raids / bombings
    "attacks",       # N attacks
    "sorties",       # N sorties, N combat flights / missions
    "fired",         # N missiles / rockets / shells fired, launched, dropped
    "liberated",     # liberate, free, retake, recapture, regain
    "captured",      # capture, seize, overrun
    "surrendered",   # surrender, defect, lay down / give up / hand over (arms)
    "recovered",     # recover, retrieve, exhume, find / pull out (bodies)
    "hospitalized",  # hospitalize, admit / take / rush to hospital
    "displaced",     # displace, flee, evacuate (people), uproot
    "detained",      # detain, arrest, abduct, kidnap
    "controlled",    # control (territory)
]
ContradictionKind = Literal["denial", "count", "perpetrator", "target"]

STANCES: tuple[str, ...] = get_args(Stance)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)
BOUNDS: tuple[str, ...] = get_args(Bound)
PLACE_PRECISIONS: tuple[str, ...] = get_args(PlacePrecision)
TIME_PRECISIONS: tuple[str, ...] = get_args(TimePrecision)
PUBLISHED_BASES: tuple[str, ...] = get_args(PublishedBasis)
#: The measures a quantity can carry, in the order above.
MEASURES: tuple[str, ...] = get_args(Measure)

#: Bumped whenever extraction changes what it produces for the same input.
EXTRACTOR_VERSION = "0.1.0"


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id derived only from ``parts``: the same input always gives the same id."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def doc_id_for(text: str) -> str:
    """The document id: a hash of the cleaned text, so one article ingested twice is one document."""
    return stable_id("doc", text)


@dataclass(frozen=True, slots=True)
class Span:
    """A verbatim slice of the document text: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A span that cleaning dropped from the raw input, with the reason.

    ``start``/``end`` are offsets into the *raw* input (the cleaned text no longer holds it);
    ``at`` is the offset in the cleaned text where it used to stand.
    """

    text: str
    reason: str
    start: int
    end: int
    at: int


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One article as a reader found it, before cleaning."""

    raw: str
    source_path: str | None = None
    source_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    #: "text" for plain text whose boilerplate cleaning must remove, "extracted" for text that a
    #: structured reader (HTML extraction, CSV/JSONL field) already isolated.
    kind: Literal["text", "html", "extracted"] = "text"
    #: problems a reader noticed but recovered from, e.g. invalid UTF-8 decoded with replacement
    warnings: tuple[str, ...] = ()
    #: the language of the text as its metadata gives it (an ISO 639-1 code such as "en", "ar",
    #: "ru"), or None when the metadata says nothing
    language: str | None = None

    @property
    def label(self) -> str:
        """How error messages name this record: path, plus the record id inside it if any."""
        where = self.source_path or "<stdin>"
        return f"{where}#{self.source_id}" if self.source_id is not None else where


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    text: str
    source_path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    removed: tuple[Removed, ...] = ()
    source_id: str | None = None
    #: how sure ``published`` is: "metadata", "text" (a full date in a dateline or header),
    #: "text-guess" (a date in the text missing its year or otherwise uncertain) or None.  Where
    #: in the input it was found is :attr:`published_basis`.
    published_from: str | None = None
    #: the span of the text the publication date was read from, when it came from the text
    published_span: Span | None = None
    #: a wire agency or relay named in the byline ("By AFP", "TASS reports"), as a span
    byline: Span | None = None
    warnings: tuple[str, ...] = ()
    #: the language the text was read in (ISO 639-1: "en", "ar", "ru"); every claim of the
    #: document was read with that language's lexicon
    language: str = "en"
    #: where ``published`` was found (:data:`PUBLISHED_BASES`): "metadata", "header" (a byline or
    #: header date near the top, "Posted on ..."), "updated" (a "Last updated ..." date: an upper
    #: bound, the article may be older), "dateline" (a wire dateline), "url" (a date in the
    #: address, ``/2021/04/20/``), "embedded post" (the date line under a quoted social-media
    #: post); None when there is no publication date
    published_basis: PublishedBasis | None = None
    #: the claim the headline and lead report: the one a reader would code, so that one answer
    #: per article can be taken (the other claims are context); None for a document without claims
    main_event: str | None = None


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who makes the statement: as written (``text``) and normalised (``actor``)."""

    text: str | None
    actor: str | None
    actor_type: ActorType
    start: int | None
    end: int | None
    #: when ``text`` is a pronoun, surname or "the ministry", the earlier mention it stands for
    refers_to: Span | None = None
    #: the organisation a person speaks for (Konashenkov -> Russian Ministry of Defence), if known
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class Perpetrator:
    text: str
    actor: str | None
    start: int
    end: int
    #: True when the text names several possible actors ("Syrian, Russian or the US-led coalition")
    several: bool = False
    #: every canonical actor the text names, when several ("Syrian Arab Air Force", "Russian
    #: Aerospace Forces", ...); ``actor`` then joins them with "; "
    actors: tuple[str, ...] = ()
    #: who backs the attacker, not the attacker ("Turkish-backed factions shelled": Turkey):
    #: the registry's name (else the words as written), and the words
    backer: str | None = None
    backer_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    value: float | None
    low: float | None
    high: float | None
    bound: Bound
    measure: Measure | None
    object: str | None
    start: int
    end: int
    #: how the text says it, where that qualifies the count ("bodies recovered": at least that
    #: many dead; "died of wounds")
    note: str | None = None
    #: an update ("the death toll has risen to four"): it replaces the claimant's earlier figures
    #: of the same measure in the article
    supersedes: bool = False
    #: not written as a figure in the text: the sum of its parts ("six children and three women":
    #: 9), or one victim named without a numeral ("a civilian was killed": 1)
    derived: bool = False
    #: a total over a wider window or area than one event ("In March, 224 civilians were killed
    #: across Syria", "since the start of the war"): its own claim, never an event's toll
    aggregate: bool = False


@dataclass(frozen=True, slots=True)
class Location:
    """A place mention.  Until resolution (gazetteer) only ``text`` and the offsets are set.

    ``relation`` says how the place relates to the event ("northeast of", "near", "the outskirts
    of"), or where it came from when the sentence names none: "(claimant) in" (where the claimant
    is), "(article) lead" (the place the article's lead names), "dateline" (where the report was
    filed; never a claim's own place), "from" (where people or fire came from: "evacuees from
    Fuaa", "rockets fired from Idlib"; the claim's place only when it names no other), "site"
    (the kind of site an attack hit: "a hospital", "a fighting position"; never geocoded, never
    the claim's own place).
    """

    text: str
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: PlacePrecision = "unknown"
    relation: str | None = None
    text_start: int = 0
    text_end: int = 0
    #: ISO 3166-2 code of ``admin1`` ("SY-ID")
    admin1_code: str | None = None
    #: where the coordinates come from: "geonames", "governorate", "curated", "country", "user"
    source: str | None = None
    #: why this place was picked (or left unknown) when there was a choice
    note: str | None = None


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time mention; ``start``/``end`` are ISO dates (inclusive) once resolved, else None."""

    text: str
    start: str | None = None
    end: str | None = None
    precision: TimePrecision = "unknown"
    text_start: int = 0
    text_end: int = 0
    #: how the window was worked out ("weekday before publication", "year taken so the date is
    #: not after publication"), or why it stayed unknown
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    claim_id: str
    doc_id: str
    claimant: Claimant
    via: Span | None
    stance: Stance
    event_type: EventType
    perpetrator: Perpetrator | None
    quantities: tuple[Quantity, ...]
    location: Location | None
    locations: tuple[Location, ...]
    time: TimeSpan | None
    stated_on: TimeSpan | None
    evidence: Span
    confidence: float
    #: the words that decided the event type and the stance (None for a plain assertion)
    event_cue: Span | None = None
    stance_cue: Span | None = None
    #: "reportedly", "allegedly": the claimant hedges
    hedged: bool = False
    #: "headline" or "body"
    section: str = "body"
    #: for a denial of an allegation stated earlier in the document, the id of that claim
    responds_to: str | None = None
    #: when place, time or event type were carried over from the preceding claim's sentence
    #: (the sentence says "26 people were killed" right after "airstrikes hit Idlib on Tuesday"),
    #: that sentence; the carried values keep their own offsets into it
    context: Span | None = None
    source_path: str | None = None
    source_id: str | None = None
    #: every time mention of the claim's content, in text order: ``time`` is the one nearest the
    #: event word, the others are kept (the event and the statement: "said on Tuesday that the
    #: strike on Sunday ...")
    times: tuple[TimeSpan, ...] = ()
    #: the sites the claim says were hit, named by their kind ("a hospital", "an ISIL-held
    #: building", "a fighting position", "supply routes"): what was hit, not a named place, so
    #: never geocoded (``relation`` "site", ``precision`` "unknown") and never ``location``
    sites: tuple[Location, ...] = ()


# --------------------------------------------------------------------------- plain words

_BOUND_SIGN = {"exact": "", "approx": "~", "low": "≥", "high": "≤", "vague": ""}


def quantity_summary(q: Quantity) -> str:
    """"≤200 fighters killed", "26 people killed", "dozens of tanker trucks destroyed"."""
    measure = "" if (q.measure and q.object and q.object.lower().endswith(q.measure)) else (q.measure or "")
    if q.bound == "range":
        num = f"{_num(q.low)}–{_num(q.high)}"
    elif q.bound == "vague":
        num = q.text.split(" of ")[0] if " of " in q.text else q.text
        obj = f" of {q.object}" if q.object and " of " in q.text else ""
        return f"{num}{obj} {measure}".strip()
    else:
        num = _BOUND_SIGN.get(q.bound, "") + _num(q.value if q.value is not None else q.low if q.low is not None else q.high)
    parts = [num, q.object or "", measure]
    return " ".join(p for p in parts if p)


def _num(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"



# --------------------------------------------------------------------------- place relations

#: ``relation`` of a place read from the claimant's own phrase ("Activists in Homs said")
CLAIMANT_PLACE = "(claimant) in"
#: ``relation`` of a dateline place ("BEIRUT -", "Aleppo, SANA -", "MOSCOW (Sputnik)"): where the
#: report was filed, not where the claim says something happened
DATELINE = "dateline"
#: ``relation`` of a place that people or fire came from ("evacuees from the towns of Fuaa and
#: Kafraya", "shells fired from Idlib"): not where the event happened when the claim names another
ORIGIN = "from"
#: ``relation`` of a place a claim takes from the article's lead (its own sentence names none)
LEAD_RELATION = "(article) lead"
#: ``relation`` of the site an attack hit, named by its kind (:attr:`Claim.sites`)
SITE = "site"


# --------------------------------------------------------------------------- incidents

#: The four kinds of contradiction the contract names.
CONTRADICTION_KINDS: tuple[str, ...] = get_args(ContradictionKind)


@dataclass(frozen=True, slots=True)
class Link:
    """Why a claim is where it is in an incident: the claim it was matched with and the scores.

    ``role`` is ``member`` (the claim speaks of this happening), ``duplicate`` (the same claim in
    a republished copy of the same wire story: it counts once, under ``to_claim_id``) or
    ``founder`` (the first claim of the incident; it was matched with nothing).  Scores are 0..1:
    ``time`` is how tightly the two time windows overlap, ``place`` how close the places are
    (``distance_km`` when both have coordinates), ``type`` how compatible the event types are and
    ``actor`` whether the perpetrators agree (0.5 when one of them names none).
    """

    claim_id: str
    to_claim_id: str | None
    role: str
    score: float
    time: float
    place: float
    type: float
    actor: float
    distance_km: float | None
    #: how many incidents this claim could have joined (more than 1: its place or time is coarse)
    candidates: int
    reason: str


@dataclass(frozen=True, slots=True)
class ClaimantSummary:
    """What one claimant says about an incident, in a line."""

    claimant: str
    actor_type: str
    stance: str
    claim_ids: tuple[str, ...]
    says: str


@dataclass(frozen=True, slots=True)
class Incident:
    """Claims, across documents and outlets, that speak of the same happening.

    ``location`` and ``time`` are those of the member with the most precise place and the
    narrowest time window (``location_from`` / ``time_from`` name it), so they keep their
    evidence.  ``event_type`` is the most common type among the members that assert.
    """

    incident_id: str
    claim_ids: tuple[str, ...]
    event_type: str
    location: Location | None
    time: TimeSpan | None
    claimants: tuple[str, ...]
    summary: tuple[ClaimantSummary, ...] = ()
    links: tuple[Link, ...] = ()
    doc_ids: tuple[str, ...] = ()
    #: every outlet that carried a member claim, republished copies included
    outlets: tuple[str, ...] = ()
    location_from: str | None = None
    time_from: str | None = None
    #: "text" when the window was read from a member's text, "published" when no member gives a
    #: time and the window is the week before publication
    time_basis: str = "text"
    contradictions: int = 0
    corroborations: int = 0


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims about the same incident that cannot both hold.

    ``claim_ids`` and ``evidence`` are in the same order: for ``denial`` the denial first.
    ``same_claimant`` flags a claimant contradicting itself (listed apart).
    """

    contradiction_id: str
    incident_id: str
    kind: ContradictionKind
    claim_ids: tuple[str, ...]
    explanation: str
    claimants: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()
    same_claimant: bool = False
    #: a caveat a reader should weigh ("the higher toll was reported later")
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Independent claimants giving the same figure for the same incident."""

    corroboration_id: str
    incident_id: str
    claim_ids: tuple[str, ...]
    measure: str
    object: str | None
    value: float
    claimants: tuple[str, ...]
    explanation: str
    evidence: tuple[Span, ...] = ()


# --------------------------------------------------------------------------- grouping, as stored

@dataclass(frozen=True, slots=True)
class DocInfo:
    """What grouping needs to know of a claim's document."""

    doc_id: str
    published: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class Footprint:
    """A claim reduced to what grouping compares (see :func:`counterclaim.group.footprints.footprint`)."""

    claim_id: str
    doc_id: str
    role: str  # "event", "summary" or "unplaced"
    why: str  # for a summary or an unplaced claim, why in a few words
    areas: tuple[str, ...]  # governorate names, or ("country:<name>",)
    country: str | None
    lat: float | None
    lon: float | None
    prec: int  # place precision rank: 0 point, 1 near, 2 admin1, 3 country, 4 unknown
    start: int | None  # proleptic ordinal days, inclusive
    end: int | None
    time_basis: str  # "text", "published" or "none"
    event_type: str
    stance: str
    claimant: str
    sides: frozenset[str]
    outlet: str | None = None
    #: the claimant is an outlet (background the outlet states, or a relay), not a party
    media: bool = False


@dataclass(frozen=True, slots=True)
class IncidentSnapshot:
    """An incident's grouping state as the ledger keeps it between runs: the frozen form of
    :class:`counterclaim.group.states.IncidentState` (its sets sorted, its type counts as
    ``(event type, count)`` pairs in the order they were first counted)."""

    incident_id: str
    area: str
    lat: float | None
    lon: float | None
    prec: int
    start: int
    end: int
    place_from: str
    time_from: str
    time_basis: str
    location: Location | None
    time: TimeSpan | None
    types: tuple[tuple[str, int], ...] = ()
    sides: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()


# --------------------------------------------------------------------------- serialisation

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready dicts/lists for any model object (tuples become lists)."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, (list, tuple)):
        return [to_dict(o) for o in obj]
    return obj


def to_json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=False)


def _build(cls: type[T], data: Any) -> T | None:
    if data is None:
        return None
    kwargs = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            continue
        v = data[f.name]
        kwargs[f.name] = _NESTED.get((cls, f.name), lambda x: x)(v)
    return cls(**kwargs)


def _tuple_of(cls: type[T]) -> Any:
    return lambda xs: tuple(_build(cls, x) for x in (xs or ()))


def _one(cls: type[T]) -> Any:
    return lambda x: _build(cls, x)


_NESTED: dict[tuple[type, str], Any] = {
    (Document, "removed"): _tuple_of(Removed),
    (Document, "byline"): _one(Span),
    (Document, "published_span"): _one(Span),
    (Document, "warnings"): lambda xs: tuple(xs or ()),
    (Claimant, "refers_to"): _one(Span),
    (Perpetrator, "actors"): lambda xs: tuple(xs or ()),
    (Perpetrator, "backer_span"): _one(Span),
    (Claim, "claimant"): _one(Claimant),
    (Claim, "via"): _one(Span),
    (Claim, "perpetrator"): _one(Perpetrator),
    (Claim, "quantities"): _tuple_of(Quantity),
    (Claim, "location"): _one(Location),
    (Claim, "locations"): _tuple_of(Location),
    (Claim, "time"): _one(TimeSpan),
    (Claim, "stated_on"): _one(TimeSpan),
    (Claim, "evidence"): _one(Span),
    (Claim, "event_cue"): _one(Span),
    (Claim, "stance_cue"): _one(Span),
    (Claim, "context"): _one(Span),
    (Claim, "times"): _tuple_of(TimeSpan),
    (Claim, "sites"): _tuple_of(Location),
    (ClaimantSummary, "claim_ids"): lambda xs: tuple(xs or ()),
    (Incident, "claim_ids"): lambda xs: tuple(xs or ()),
    (Incident, "location"): _one(Location),
    (Incident, "time"): _one(TimeSpan),
    (Incident, "claimants"): lambda xs: tuple(xs or ()),
    (Incident, "summary"): _tuple_of(ClaimantSummary),
    (Incident, "links"): _tuple_of(Link),
    (Incident, "doc_ids"): lambda xs: tuple(xs or ()),
    (Incident, "outlets"): lambda xs: tuple(xs or ()),
    (Contradiction, "claim_ids"): lambda xs: tuple(xs or ()),
    (Contradiction, "claimants"): lambda xs: tuple(xs or ()),
    (Contradiction, "evidence"): _tuple_of(Span),
    (Corroboration, "claim_ids"): lambda xs: tuple(xs or ()),
    (Corroboration, "claimants"): lambda xs: tuple(xs or ()),
    (Corroboration, "evidence"): _tuple_of(Span),
}


def _from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Inverse of :func:`to_dict` for one model class (unknown keys are ignored)."""
    obj = _build(cls, data)
    assert obj is not None
    return obj


def claim_from_dict(data: dict[str, Any]) -> Claim:
    """Inverse of :func:`to_dict` for a claim (unknown keys are ignored)."""
    return _from_dict(Claim, data)


def document_from_dict(data: dict[str, Any]) -> Document:
    return _from_dict(Document, data)


def incident_from_dict(data: dict[str, Any]) -> Incident:
    return _from_dict(Incident, data)


def link_from_dict(data: dict[str, Any]) -> Link:
    return _from_dict(Link, data)


def contradiction_from_dict(data: dict[str, Any]) -> Contradiction:
    return _from_dict(Contradiction, data)


def corroboration_from_dict(data: dict[str, Any]) -> Corroboration:
    return _from_dict(Corroboration, data)


__all__ = [
    "ACTOR_TYPES", "BOUNDS", "CONTRADICTION_KINDS", "EVENT_TYPES", "EXTRACTOR_VERSION", "PUBLISHED_BASES", "STANCES",
    "SITE", "Claim", "Claimant", "ClaimantSummary", "Contradiction", "Corroboration", "DocInfo", "Document",
    "Footprint", "Incident", "IncidentSnapshot", "Link", "Location", "Perpetrator",
    "Quantity", "RawRecord", "Removed", "Span", "TimeSpan", "claim_from_dict", "contradiction_from_dict",
    "corroboration_from_dict", "doc_id_for", "document_from_dict", "quantity_summary",
    "incident_from_dict", "link_from_dict", "stable_id", "to_dict", "to_json",
]
