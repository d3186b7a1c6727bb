"""Where claimants disagree about an incident, and where they agree.

Given the claims of one incident (and the denials whose scope covers it), this module finds the
four kinds of contradiction the contract names and the corroborations:

``denial``
    one claimant denies what another asserts.  A denial that names a governorate or a town meets
    only assertions that name their place themselves (not the article's lead place); one that
    names only a country, or no place, meets only the assertions near it in its article
    (:data:`NEARBY_CHARS`), which are what it answers.  The denial must be able to reach the assertion:
    compatible event types; if the denial names who did not strike (or, naming nobody, its
    claimant's own side), the assertion's perpetrator is unknown or includes that side; a denial
    about civilians ("does not strike populated areas") meets only assertions about civilians; a
    denial about a weapon ("not using cluster bombs") meets only assertions naming that weapon.
``count``
    figures of the same measure about the same kind of victim or object whose ranges do not
    overlap ("12 killed" and "30 killed"; not "at least 12" and "30").  "About" gives the
    figure a 10% margin for this comparison only.
``perpetrator``
    two assertions crediting the strike to actors of different sides (a side is a state, or an
    armed group with the groups under it), neither naming several possible actors.
``target``
    the same dead described as militants by one claimant and as including civilians by another.

A claim whose claimant is a bare pronoun that coreference did not resolve ("it says hundreds
were killed") is compared with nothing: a contradiction needs two claimants.

Across articles, only claims firmly tied to one happening are compared (:func:`_firm_pair`,
and the gates in ``_denial``): a claim whose place is the article's lead, or that gives no time
of its own, may be grouped with an incident, but it is not set against another article's claim.

A claimant contradicting itself is flagged with ``same_claimant``: the same claimant (a
spokesman and his ministry are one), or two bodies of the same side (the Russian government and
the Russian Ministry of Defence).  Two claims of one claimant in one article are the same
statement told twice and are not compared.  Among several findings of one kind between the same
two claimants, the most specific pair is kept (body before headline, figures, a time read from
the text, a precise place; an explicit denial before "rejected that allegation").  Denials are
folded by the denier's side: when the Russian government and its Ministry of Defence both deny
what SOHR reports, one finding is kept, preferring the one quoting the claimant's own words.

Corroboration: the same figure (same measure, same kind of victim or object, same exact value)
from independent claimants: different claimants, and not the outlet repeating, unattributed, a
figure another claimant gives in the same article.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from ..knowledge.lexicon import DEFAULT_LANGUAGE, Lexicon, lexicon_for
from .keys import INDIRECT_PLACES, MIN_TYPE, PLACE_RANK, claimant_key, claimant_name, day, type_compatibility
from ..model import Claim, Contradiction, ContradictionKind, Corroboration, Quantity, stable_id

_QUOTED = re.compile(r"[\"“”«»]")


@dataclass(frozen=True)
class _Words:
    """The victim, scope and weapon patterns of one lexicon."""

    civilian_scope: re.Pattern[str]
    weapons: dict[str, re.Pattern[str]]
    civilians: re.Pattern[str]
    militants: re.Pattern[str]
    soldiers: re.Pattern[str]
    fine: tuple[tuple[str, re.Pattern[str]], ...]


def _words_re(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.I)


@cache
def _words(lex: Lexicon) -> _Words:
    v = lex.victims
    return _Words(
        civilian_scope=re.compile(rf"\b({lex.group.civilian_scope})\b", re.I),
        weapons={name: re.compile(rx, re.I) for name, rx in lex.weapons.items()},
        civilians=_words_re(v.civilians),
        militants=_words_re(v.militants),
        soldiers=_words_re(v.soldiers),
        fine=(("children", _words_re(v.children)), ("women", _words_re(v.women))),
    )


#: the measures of a figure of people, and of a figure of the dead (older ledgers also hold the
#: measure names of earlier versions: "injured", "dead", "died", "eliminated")
PeopleMeasure = Literal["killed", "wounded", "injured", "dead", "died", "eliminated", "hospitalized", "missing"]
KilledMeasure = Literal["killed", "eliminated", "dead"]
_KILLED: frozenset[str] = frozenset(get_args(KilledMeasure))
_PEOPLE_MEASURES: frozenset[str] = frozenset(get_args(PeopleMeasure))

#: who a figure of people counts (see :func:`victim_class`)
VictimClass = Literal["civilians", "militants", "soldiers", "people"]


def victim_class(obj: str, lex: Lexicon) -> VictimClass:
    """Who a figure of people counts, by the lexicon's victim classes: ``civilians``,
    ``militants``, ``soldiers`` or ``people`` (unspecified).  The one reading of victims that
    contradictions and tolls share."""
    w = _words(lex)
    if w.civilians.search(obj):
        return "civilians"
    if w.militants.search(obj):
        return "militants"
    if w.soldiers.search(obj):
        return "soldiers"
    return "people"


def object_class(q: Quantity, lex: Lexicon) -> str:
    """What a figure counts: for victims ``civilians``, ``militants``, ``soldiers`` or ``people``
    (unspecified); for objects, the object's last word in the singular ("trucks" -> "truck")."""
    obj = q.object or ""
    if q.measure in _PEOPLE_MEASURES or not obj:
        return victim_class(obj, lex)
    head = obj.split()[-1].lower()
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def count_class(q: Quantity, lex: Lexicon) -> str:
    """What a figure counts, finely enough that two figures of one class must agree: children
    and women are counted apart from civilians ("19 civilians" and "3 children" can both hold)."""
    cls = object_class(q, lex)
    if cls == "civilians":
        for name, rx in _words(lex).fine:
            if rx.search(q.object or ""):
                return name
    return cls


def figure_range(q: Quantity) -> tuple[float, float] | None:
    """The range a figure allows: "up to 200" is 0..200, "at least 12" is 12..∞, "about 30" is
    27..33 (a 10% margin for comparing only), "dozens" is 24..∞."""
    if q.bound == "approx" and q.value is not None:
        return (q.value * 0.9, q.value * 1.1)
    low = q.low if q.low is not None else (0.0 if q.bound == "high" else q.value)
    high = q.high if q.high is not None else (math.inf if q.bound in ("low", "vague") else q.value)
    if low is None or high is None:
        return None
    return (low, high)


@dataclass(frozen=True, slots=True)
class Party:
    """A claim as the comparisons see it."""

    claim: Claim
    key: str  # claimant key (a spokesman and his ministry are one)
    side: str  # claimant's side, for folding several claims of one side into one finding
    name: str
    sides: frozenset[str]  # perpetrator sides
    media: bool
    published: str | None


def _figure(q: Quantity) -> str:
    """"15 bodies recovered", "30 people hospitalized": the figure and what it counts, in the
    words of its note where it has one, without repeating its object."""
    label: str = q.measure or ""
    if q.note:
        label = " ".join(w for w in q.note.split() if w not in (q.object or "").split())
    return q.text + (f" {label}" if label and label not in (q.object or "") else "")


def _sum_of_others(q: Quantity, qs: Sequence[Quantity]) -> bool:
    """A derived total whose parts are listed too ("six children and three women")."""
    return q.derived and any(o is not q and q.start <= o.start and o.end <= q.end for o in qs)


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def _what(c: Claim) -> str:
    words = {
        "airstrike": "airstrikes", "shelling": "shelling", "explosion": "an explosion",
        "ground_attack": "an attack", "territory": "a capture of territory", "weapon_use": "the use of a weapon",
        "sorties": "sorties", "other": "the event",
    }
    return words.get(c.event_type, "the event")


def _where_when(c: Claim) -> str:
    parts = []
    if c.location is not None and (c.location.name or c.location.text):
        parts.append(f"in {c.location.name or c.location.text}")
    if c.time is not None and c.time.start:
        if c.time.start == c.time.end:
            parts.append(f"on {c.time.start}")
        else:
            parts.append(f"between {c.time.start} and {c.time.end}")
    return " ".join(parts)


class Finder:
    """Finds contradictions and corroborations among the claims of one incident."""

    def __init__(
        self,
        sides_of: Callable[[Claim], frozenset[str]],
        side_of_claimant: Callable[[Claim], str],
        published: Mapping[str, str | None] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        """``lexicon`` holds the words claims are compared with (claims do not record their
        language: the default language's lexicon unless one is given)."""
        self.lexicon = lexicon or lexicon_for(DEFAULT_LANGUAGE)
        self.sides_of = sides_of
        self.side_of_claimant = side_of_claimant
        self.published = published or {}

    def party(self, c: Claim) -> Party:
        return Party(
            claim=c, key=claimant_key(c), side=self.side_of_claimant(c), name=claimant_name(c),
            sides=self.sides_of(c), media=c.claimant.actor_type == "media",
            published=self.published.get(c.doc_id),
        )

    def find(
        self, incident_id: str, members: Sequence[Claim], covering_denials: Iterable[Claim] = ()
    ) -> tuple[list[Contradiction], list[Corroboration]]:
        parties = [self.party(c) for c in members if not unattributed(c, self.lexicon)]
        covering_denials = [c for c in covering_denials if not unattributed(c, self.lexicon)]
        asserts = [p for p in parties if p.claim.stance == "asserts"]
        denials = [p for p in parties if p.claim.stance == "denies"]
        denials += [self.party(c) for c in covering_denials if c.claim_id not in {p.claim.claim_id for p in parties}]
        found: dict[tuple[str, ...], tuple[float, Contradiction]] = {}

        def keep(key: tuple[str, ...], rank: float, c: Contradiction) -> None:
            if key not in found or rank > found[key][0]:
                found[key] = (rank, c)

        for d in denials:
            for a in asserts:
                if not self._comparable(d, a):
                    continue
                c = self._denial(incident_id, d, a)
                if c is not None:
                    # an explicit denial ranks above "rejected that allegation"
                    rank = _specificity(d.claim) + _specificity(a.claim) - (1.0 if d.claim.responds_to else 0.0)
                    rank += 0.3 if _QUOTED.search(d.claim.evidence.text) else 0.0
                    keep(("denial", d.side, a.key), rank, c)
        for i, a in enumerate(asserts):
            for b in asserts[i + 1:]:
                if not self._comparable(a, b) or not _firm_pair(a.claim, b.claim):
                    continue
                for c in self._counts(incident_id, a, b):
                    keep(("count", *sorted((a.claim.claim_id, b.claim.claim_id)), c.explanation), 0, c)
                p = self._perpetrator(incident_id, a, b)
                if p is not None:
                    keep(("perpetrator", *sorted((a.key, b.key))), _specificity(a.claim) + _specificity(b.claim), p)
                for x, y in ((a, b), (b, a)):
                    t = self._target(incident_id, x, y)
                    if t is not None:
                        keep(("target", x.key, y.key), _specificity(x.claim) + _specificity(y.claim), t)
        contradictions = sorted((c for _, c in found.values()), key=lambda c: (c.same_claimant, c.kind, c.contradiction_id))
        return contradictions, self._corroborations(incident_id, asserts)

    # ------------------------------------------------------------------ the kinds

    @staticmethod
    def _comparable(a: Party, b: Party) -> bool:
        """Two claims of one claimant in one article are one statement told twice."""
        return not (a.key == b.key and a.claim.doc_id == b.claim.doc_id)

    def _denial(self, incident_id: str, d: Party, a: Party) -> Contradiction | None:
        dc, ac = d.claim, a.claim
        if type_compatibility(dc.event_type, ac.event_type) < MIN_TYPE and dc.event_type != "weapon_use":
            return None
        if _own_place(dc) and PLACE_RANK.get(dc.location.precision, 4) <= 2 and not _own_place(ac):  # type: ignore[union-attr]
            return None  # a denial about Idlib meets only assertions that name a place themselves
        denied = d.sides or frozenset({d.side})
        if a.sides and not (a.sides & denied):
            return None  # the assertion blames somebody the denial does not speak for
        broad = not (_own_place(dc) and PLACE_RANK.get(dc.location.precision, 4) <= 2)  # type: ignore[union-attr]
        if dc.doc_id == ac.doc_id and broad and abs(dc.evidence.start - ac.evidence.start) > NEARBY_CHARS:
            return None  # a denial about "Syria" answers what the article says near it, not all of it
        if dc.doc_id != ac.doc_id:
            # across articles, only a denial precise enough to be checked: its own governorate
            # or town, its own window of at most two months; against an assertion with its own
            # place and a window of at most three days.  A denial over more than two weeks
            # meets only assertions that name the denied side as the perpetrator.
            if not (_own_place(dc) and PLACE_RANK.get(dc.location.precision, 4) <= 2  # type: ignore[union-attr]
                    and _own_days(dc, MAX_DENIAL_DAYS) and _own_place(ac) and _own_days(ac, FIRM_DAYS)):
                return None
            if not _own_days(dc, 14) and not (a.sides & denied):
                return None
        d_text = dc.evidence.text
        a_text = ac.evidence.text + " " + " ".join(q.object or "" for q in ac.quantities)
        # a denial about civilians meets an assertion that civilians were hit or killed (not one
        # that says the targets were "far away from residential areas")
        words = _words(self.lexicon)
        if words.civilian_scope.search(_denied_part(dc)) and not words.civilians.search(a_text):
            return None
        weapons = [w for w, rx in words.weapons.items() if rx.search(d_text)]
        if weapons and not any(words.weapons[w].search(a_text) for w in weapons):
            return None
        if not weapons and dc.event_type == "weapon_use" and ac.event_type != "weapon_use":
            return None
        figures = ", ".join(_figure(q) for q in ac.quantities if not _sum_of_others(q, ac.quantities))
        what = f"the use of {weapons[0]}" if weapons else _what(dc)
        scope = " on civilians" if not weapons and words.civilian_scope.search(_denied_part(dc)) else ""
        where = _where_when(ac)
        explanation = (
            f"{d.name} denies {what}{scope}"
            + (f" {_where_when(dc)}" if _where_when(dc) else "")
            + f", which {a.name} reports"
            + (f" {where}" if where else "")
            + (f" ({figures})" if figures else "")
            + "."
        )
        return self._make(incident_id, "denial", d, a, explanation)

    def _counts(self, incident_id: str, a: Party, b: Party) -> list[Contradiction]:
        out = []
        for qa in a.claim.quantities:
            for qb in b.claim.quantities:
                if qa.measure is None or qa.measure != qb.measure or count_class(qa, self.lexicon) != count_class(qb, self.lexicon):
                    continue
                if qa.aggregate or qb.aggregate:
                    continue  # a total since the start of the war is not against one event's toll
                if qa.derived or qb.derived:
                    continue  # "a woman and a child were killed" names victims, it gives no total
                if _points_apart(a.claim, b.claim):
                    continue  # "9 killed in Qaterji" is part of "16 killed in Aleppo", not against it
                ra, rb = figure_range(qa), figure_range(qb)
                if ra is None or rb is None or not (ra[1] < rb[0] or rb[1] < ra[0]):
                    continue
                what = count_class(qa, self.lexicon)
                explanation = (
                    f"{a.name} reports {qa.text} {qa.measure}, {b.name} {qb.text} {qb.measure}: "
                    f"the two figures for {what} {qa.measure} cannot both hold."
                )
                note = None
                if a.published and b.published and a.published != b.published:
                    later, lower = (a, b) if a.published > b.published else (b, a)
                    later_q = qa if later is a else qb
                    other_q = qb if later is a else qa
                    lr, orr = figure_range(later_q), figure_range(other_q)
                    if lr and orr and lr[0] > orr[1]:
                        note = (
                            f"the higher figure was published later ({later.published}, against "
                            f"{lower.published}); tolls often rise as the dead are counted"
                        )
                out.append(self._make(incident_id, "count", a, b, explanation, note))
        return out

    def _perpetrator(self, incident_id: str, a: Party, b: Party) -> Contradiction | None:
        pa, pb = a.claim.perpetrator, b.claim.perpetrator
        if pa is None or pb is None or pa.several or pb.several or not a.sides or not b.sides:
            return None
        if a.sides & b.sides:
            return None
        explanation = (
            f"{a.name} says {pa.text} carried out the {_noun(a.claim)}; "
            f"{b.name} says {pb.text} did."
        )
        return self._make(incident_id, "perpetrator", a, b, explanation)

    def _target(self, incident_id: str, x: Party, y: Party) -> Contradiction | None:
        killed_x = [q for q in x.claim.quantities if q.measure in _KILLED]
        killed_y = [q for q in y.claim.quantities if q.measure in _KILLED]
        if not killed_x or not killed_y:
            return None
        if not all(object_class(q, self.lexicon) == "militants" for q in killed_x):
            return None
        civ = [q for q in killed_y if object_class(q, self.lexicon) == "civilians" and (q.value or q.low or q.high or 0) > 0]
        if not civ:
            return None
        explanation = (
            f"{x.name} describes the dead as militants ({killed_x[0].text}); "
            f"{y.name} says civilians were among them ({civ[0].text})."
        )
        return self._make(incident_id, "target", x, y, explanation)

    def _corroborations(self, incident_id: str, asserts: Sequence[Party]) -> list[Corroboration]:
        groups: dict[tuple[str, str, float], list[tuple[Party, Quantity]]] = {}
        for p in asserts:
            for q in p.claim.quantities:
                if q.measure is None or q.value is None or q.bound != "exact":
                    continue
                groups.setdefault((q.measure, count_class(q, self.lexicon), q.value), []).append((p, q))
        out = []
        for (measure, obj, value), items in sorted(groups.items()):
            chosen: dict[str, tuple[Party, Quantity]] = {}
            for p, q in items:
                chosen.setdefault(p.key, (p, q))
            independent = _independent(list(chosen.values()))
            if independent:  # across articles, only claims firmly tied to the same happening
                first = independent[0][0].claim
                independent = [(p, q) for p, q in independent if p.claim is first or _firm_pair(first, p.claim)]
            if len(independent) < 2:
                continue
            names = tuple(p.name for p, _ in independent)
            ids = tuple(p.claim.claim_id for p, _ in independent)
            out.append(Corroboration(
                corroboration_id=stable_id("corroboration", incident_id, measure, obj, value, *sorted(ids)),
                incident_id=incident_id, claim_ids=ids, measure=measure, object=obj, value=value,
                claimants=names,
                explanation=f"{_join_names(names)} each give {_fmt(value)} {obj} {measure}.",
                evidence=tuple(p.claim.evidence for p, _ in independent),
            ))
        return out

    @staticmethod
    def _make(incident_id: str, kind: ContradictionKind, a: Party, b: Party, explanation: str, note: str | None = None) -> Contradiction:
        ids = (a.claim.claim_id, b.claim.claim_id)
        return Contradiction(
            contradiction_id=stable_id("contradiction", kind, incident_id, *ids, explanation),
            incident_id=incident_id, kind=kind, claim_ids=ids, explanation=explanation,
            claimants=(a.name, b.name), evidence=(a.claim.evidence, b.claim.evidence),
            same_claimant=a.key == b.key or a.side == b.side, note=note,
        )


#: Across articles, figures and perpetrators are compared only between claims with windows this
#: short (days) ...
FIRM_DAYS = 3
#: ... and denials only when their window is at most this long.
MAX_DENIAL_DAYS = 62
#: In one article, a denial naming no place finer than a country meets the assertions this
#: close to it (characters between the two sentences' starts): what it answers.
NEARBY_CHARS = 1000


def unattributed(c: Claim, lex: Lexicon) -> bool:
    """Whether nobody can be named as the claimant: a bare pronoun ("it", "he") or a word for
    the statement itself that coreference did not lead anywhere.  Such a claim is not set
    against another: a contradiction needs two claimants."""
    cl = c.claimant
    if cl.actor and cl.actor != cl.text:
        return False
    return cl.refers_to is None and (cl.text or "").strip().casefold() in lex.group.unattributed


def _own_days(c: Claim, days: int) -> bool:
    """Whether the claim's text gives its own time window, of at most ``days`` days."""
    t = c.time
    if t is None or not t.start or not t.end:
        return False
    start, end = day(t.start), day(t.end)
    return start is not None and end is not None and end - start + 1 <= days


def _firm_pair(a: Claim, b: Claim) -> bool:
    """Whether two assertions are tied firmly enough to one happening for their figures,
    perpetrators and victims to be compared: each with its own place and its own window of at
    most :data:`FIRM_DAYS` days, at least one of them a town or a point near one (two "Aleppo,
    Tuesday" claims may be two strikes); or, in one article, two claimants giving no time about
    the same place.  Round-up articles that list several strikes are why one article is not
    enough."""
    if a.doc_id == b.doc_id and a.time is None and b.time is None and _same_place(a, b):
        return True  # two claimants quoted in one article about the place it reports on
    if not (_own_place(a) and _own_place(b) and _own_days(a, FIRM_DAYS) and _own_days(b, FIRM_DAYS)):
        return False
    return any(c.location is not None and c.location.precision in ("point", "near") for c in (a, b))


def _points_apart(a: Claim, b: Claim) -> bool:
    """Whether the two claims name different places, at least one of them a town or a
    neighbourhood: their figures may count different parts of one day's toll."""
    la, lb = a.location, b.location
    if la is None or lb is None:
        return False
    if la.precision not in ("point", "near") and lb.precision not in ("point", "near"):
        return False
    return (la.name or la.text) != (lb.name or lb.text)


def _same_place(a: Claim, b: Claim) -> bool:
    la, lb = a.location, b.location
    return la is not None and lb is not None and (la.name or la.text) == (lb.name or lb.text)


def _own_place(c: Claim) -> bool:
    """Whether the claim's sentence (or the one before it) names its place, rather than the
    place being the article's lead, where people or fire came from, or unknown."""
    loc = c.location
    return loc is not None and loc.relation not in INDIRECT_PLACES and loc.precision != "unknown"


def _denied_part(c: Claim) -> str:
    """The words a denial is about: the evidence from the denial cue on, else all of it."""
    text = c.evidence.text
    if c.stance_cue is not None:
        at = c.stance_cue.start - c.evidence.start
        if 0 <= at < len(text):
            return text[max(0, at - 60):]
    return text


def _noun(c: Claim) -> str:
    return {"airstrike": "strike", "shelling": "shelling", "explosion": "explosion",
            "ground_attack": "attack"}.get(c.event_type, "attack")


def _specificity(c: Claim) -> float:
    """Rank for picking one finding among several of the same sides: body sentences with
    figures, a time read from the text and a precise place first."""
    score = 0.0
    score += 1.0 if c.section == "body" else 0.0
    score += 0.5 * min(len(c.quantities), 2)
    score += 0.5 if c.time is not None and c.time.start else 0.0
    if c.location is not None:
        score += {"point": 0.5, "near": 0.4, "admin1": 0.3, "country": 0.0}.get(c.location.precision, 0.0)
    return score


def _independent(items: list[tuple[Party, Quantity]]) -> list[tuple[Party, Quantity]]:
    """Drop the outlet's unattributed repetition of a figure another claimant gives in the
    same article: it is relaying, not confirming."""
    docs_with_sources = {p.claim.doc_id for p, _ in items if not p.media}
    return [(p, q) for p, q in items if not (p.media and p.claim.doc_id in docs_with_sources)]


def _join_names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


__all__ = ["FIRM_DAYS", "MAX_DENIAL_DAYS", "NEARBY_CHARS", "unattributed", "Finder", "Party", "count_class", "figure_range", "object_class", "victim_class"]
