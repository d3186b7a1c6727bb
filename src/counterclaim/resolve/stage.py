"""Resolve stage: put every claim on the map and the calendar, and name who is speaking.

Takes a document and the claims read from it; gives both back with

* ``published`` read from the text (header, dateline, an embedded post) or the address when no
  metadata gave it (:mod:`.published`), marked ``text`` or ``text-guess`` in
  ``published_from``, with where it was found in ``published_basis`` and the span it came from;
* each place mention geocoded against the gazetteer in the article's context (:mod:`.places`),
  and ``location`` the place the claim is about;
* ``time``, ``stated_on`` and every time of ``times`` turned into inclusive calendar windows
  with their precision (:mod:`.times`);
* the claimant and perpetrator matched against the actor registry (:mod:`.actors`): canonical
  name, type and, for a person, the organisation.  A name the registry lacks stays verbatim
  with its guessed type.

The heavy resources (gazetteer, registry) are loaded once and passed in as :class:`Resources`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from ..knowledge.actors import Match, Registry
from ..knowledge.lexicon import Lexicon
from ..knowledge.resources import Resources
from ..knowledge.gazetteer import Gazetteer
from ..model import DATELINE, Claim, Claimant, Document, Location, Perpetrator, TimeSpan
from .places import Context, best_of, build_context, from_lead, lead_governorate, lead_place, resolve_location
from .published import find_published
from .times import resolve_time


def resolve_document(document: Document, lex: Lexicon) -> Document:
    """The document with ``published`` read from its text or address (with ``lex``, the lexicon
    of its language) when metadata did not give it, and ``published_basis`` saying where it was
    found."""
    if document.published is not None:
        return replace(document, published_basis=document.published_basis or "metadata")
    found = find_published(document, lex)
    if found is None:
        return document
    return replace(
        document,
        published=found.date.isoformat(),
        published_from="text-guess" if found.guess else "text",
        published_span=found.span,
        published_basis=found.basis,
    )


def resolve_claims(document: Document, claims: list[Claim], res: Resources) -> list[Claim]:
    """Every claim of the document with its places, times and actors resolved, read with the
    lexicon of the document's language."""
    lex = res.lexicon(document.language)
    published = _date(document.published)
    ctx = build_context((m for c in claims for m in c.locations), res.gazetteer, lex, document.text)
    cache: dict[tuple[str, str | None], Location] = {}
    out: list[Claim] = []
    for c in claims:
        locations = tuple(_place(m, res.gazetteer, ctx, cache) for m in c.locations)
        location = best_of(locations) if locations else None
        out.append(
            replace(
                c,
                claimant=(claimant := _claimant(c.claimant, res.registry, document.text, lex)),
                perpetrator=_perpetrator(c.perpetrator, res.registry, lex, (c.claimant.text, claimant.actor)),
                locations=locations,
                location=location,
                time=_time(c.time, published, lex),
                stated_on=_time(c.stated_on, published, lex),
                times=tuple(resolve_time(t, published, lex) for t in c.times),
            )
        )
    return _lead_context(out, res.gazetteer, document.text, document.title)


def _lead_context(claims: list[Claim], gaz: Gazetteer, text: str = "", title: str | None = None) -> list[Claim]:
    """A body claim whose sentence names no place at all (a dateline does not count) takes the governorate of the place the
    article's lead names (:func:`.places.lead_place`, or else the governorate the headline names,
    :func:`.places.lead_governorate`, when no claim of the lead names a place), marked as such.  A claim that names only a country or a
    region ("in northern Syria") keeps it: that is all it says."""
    lead = lead_place(claims) or lead_governorate(text, title, gaz)
    if lead is None:
        return claims
    place = from_lead(lead, gaz)
    return [
        replace(c, location=place)
        if c.location is None and all(m.relation == DATELINE for m in c.locations) and c.section == "body"
        else c
        for c in claims
    ]


def _place(m: Location, gaz: Gazetteer, ctx: Context, cache: dict[tuple[str, str | None], Location]) -> Location:
    key = (m.text, m.relation)
    hit = cache.get(key)
    if hit is None:
        hit = resolve_location(m, gaz, ctx)
        cache[key] = hit
    # the same words resolve the same way; the offsets stay this mention's own
    return replace(hit, text=m.text, text_start=m.text_start, text_end=m.text_end)


def _time(span: TimeSpan | None, published: dt.date | None, lex: Lexicon) -> TimeSpan | None:
    return None if span is None else resolve_time(span, published, lex)


def _claimant(c: Claimant, registry: Registry, text: str, lex: Lexicon) -> Claimant:
    """The registry's name for the claimant.  The words as written decide, except when
    coreference already led them to a person: "he", "the spokesman", "Russian Defense Ministry
    Spokesman" after "spokesman Igor Konashenkov" stay Konashenkov, not the ministry."""
    written = c.text
    if c.text and c.start is not None:
        article = _actor_patterns(lex).article_before.search(text[max(0, c.start - 5) : c.start])
        if article:  # the registry tells "a monitoring group" from "the monitoring group"
            written = article.group(0) + c.text
    by_text = registry.match(written) if written else None
    by_actor = registry.match(c.actor) if c.actor and c.actor != c.text else None
    match: Match | None
    if by_actor is not None and by_actor.kind == "person" and (by_text is None or by_text.kind != "person"):
        match = by_actor
    else:
        match = by_text or by_actor
    if match is None:
        return c
    return replace(c, actor=match.actor, actor_type=match.actor_type, organisation=match.organisation)


def _perpetrator(
    p: Perpetrator | None, registry: Registry, lex: Lexicon, own: tuple[str | None, str | None] = (None, None)
) -> Perpetrator | None:
    """The perpetrator's actor; ``own`` is the claimant's (words, resolved actor): a pronoun the
    extraction read as the claimant's own side ("it had struck") takes the claimant's actor."""
    if p is None:
        return None
    if own[0] is not None and own[1] is not None and p.actor == own[0] and p.text.split()[0].lower() in lex.events.perpetrator_pronouns:
        return replace(p, actor=own[1])
    if p.backer_span is not None:
        backer = actor_of(p.backer_span.text, registry, lex)
        p = replace(p, backer=backer.actor if backer is not None else p.backer_span.text)
    if p.several:
        names = several_actors(p.text, registry, lex)
        return replace(p, actor="; ".join(names), actors=tuple(names)) if names else p
    match = actor_of(p.actor or p.text, registry, lex)
    return replace(p, actor=match.actor) if match is not None else p


def actor_of(text: str, registry: Registry, lex: Lexicon) -> Match | None:
    """The registry's actor for a perpetrator's words: as written ("Russian jets"); else without
    the weapon or platform they own ("Israeli drone" -> "Israeli", "International coalition
    planes" -> "International coalition"); a bare nationality stands for its country's state
    ("Russian" -> Russia)."""
    match = registry.match(text)
    if match is not None:
        return match
    words = _actor_patterns(lex).article_first.sub("", text.strip()).split()
    w = lex.events
    if len(words) > 1 and words[-1].lower() in w.platforms:
        match = registry.match(text + "s")  # "a Turkish drone": the registry lists "Turkish drones"
        if match is not None:
            return match
    while len(words) > 1 and (
        words[-1].lower().rstrip("s") in w.platforms | w.weapon_nouns or any(ch.isdigit() for ch in words[-1])
    ):
        words = words[:-1]  # "Russia's Su-34 bombers" -> "Russia's"
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    owner = " ".join(words)
    if owner != text:
        match = registry.match(owner)
        if match is not None:
            return match
    country = lex.nationalities.get(owner.lower())
    return registry.match(country) if country is not None else None


@dataclass(frozen=True)
class _ActorPatterns:
    """The patterns of one lexicon's actor words."""

    #: "the" or "a" right before a claimant's name
    article_before: re.Pattern[str]
    #: "the" or "a" opening an item of a list
    article_first: re.Pattern[str]
    #: commas and "and"/"or" between the items of a list
    list_split: re.Pattern[str]
    #: "possibly", "both" before an item
    list_hedges: re.Pattern[str]


@cache
def _actor_patterns(lex: Lexicon) -> _ActorPatterns:
    w = lex.actors
    joins = w.list_joins
    return _ActorPatterns(
        article_before=re.compile(rf"\b({w.claimant_article})\s+$", re.I),
        article_first=re.compile(r"^(?:" + "|".join(sorted(w.articles)) + r")\s+", re.I),
        list_split=re.compile(rf"\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+", re.I),
        list_hedges=re.compile(rf"^(?:{w.list_hedges})\s+", re.I),
    )


def several_actors(text: str, registry: Registry, lex: Lexicon) -> list[str]:
    """The canonical actors of a list ("Syrian, Russian or the US-led coalition", "Russian and
    Syrian government warplanes").  A bare nationality word shares the last item's head noun
    when that item starts with a nationality too ("Russian" -> "Russian warplanes"); alone, it
    stands for its country's state ("Syrian" -> the Syrian government).  Unknown items are left
    out."""
    pats, nationalities = _actor_patterns(lex), lex.nationalities
    parts = [pats.list_hedges.sub("", p.strip()) for p in pats.list_split.split(text) if p.strip()]
    if len(parts) < 2:
        return []
    last_words = pats.article_first.sub("", parts[-1]).split()
    shares = len(last_words) >= 2 and (last_words[0].lower() in nationalities or last_words[0].lower() in lex.events.actor_words)
    head = last_words[-1] if shares else ""
    names: list[str] = []
    for part in parts:
        bare = part.lower() in nationalities
        if bare and head:
            probe = f"{part} {head}"
        elif bare:
            probe = nationalities[part.lower()]
        else:
            probe = part
        match = registry.match(probe) or registry.match(part)
        if match is not None and match.actor not in names:
            names.append(match.actor)
    return names

def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
