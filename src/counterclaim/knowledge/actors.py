"""The actor registry: canonical names, types and people for the claimants and perpetrators.

The registry is data (``data/actors.toml``): organisations with their aliases, a type from the
ledger's list, an optional country and parent organisation, and the people who speak for them.
:meth:`Registry.match` maps a mention as the text writes it ("Russia’s Defense Ministry",
"Defense Ministry spokesman Major General Igor Konashenkov", "the so-called Syria Civil
Defense in Idlib") to a canonical actor, or returns None so the caller keeps the words verbatim.

Matching works on normalised tokens, never on raw strings:

* case, accents, curly/straight apostrophes, hyphens vs spaces, dots in acronyms ("U.S.") and
  the Arabic article ("al-Nusra" = "Nusra", "Ahrar ash-Sham" = "Ahrar al-Sham") are folded;
* "the", "a", a leading "so-called", a possessive "'s", square brackets and a parenthetical
  ("(SOHR)") are dropped; the parenthetical is tried on its own when the rest matches nothing;
* spelling variants (Defense/Defence, Organization/Organisation, Center/Centre) are folded, and
  "United Nations" is "UN";
* "Ministry of Defence" becomes "Defence Ministry", "Ministry of Foreign Affairs" "Foreign
  Ministry"; "Russia's X" and "X of the Russian Federation" become "Russian X";
* a possessive printed without its apostrophe ("SANAs", "Peoples Protection Units", as in
  FA-KES) loses its "s" when no alias has the word with the "s".

Then, in order:

1. the whole mention is an alias (of an actor or a person);
2. a person's alias occurs inside the mention: the person named is the speaker ("the chief of
   ... the Russian Armed Forces, Lieutenant General Sergei Rudskoi" is Rudskoi; the longest
   name, of equal ones the last).  A bare surname counts only at the start or after a title
   ("spokesman Konashenkov"), not after a first name the registry does not know ("Maher
   al-Assad"), and not inside a longer actor alias ("the Assad regime").  A person in the
   possessive stands for their organisation ("Putin's spokesman" is the Kremlin);
3. the longest actor alias occurring inside the mention as whole words ("the so-called Syria
   Civil Defense in Idlib", "Russian Defense Ministry Spokesman"); of equal ones the first.
   When the mention adds a role word ("spokesman"), :attr:`Match.role` says so.

In steps 2 and 3 a name that only qualifies another ("US-backed rebels", "an al-Qaeda-linked
group", "pro-Turkey fighters") does not count, unless the alias says so itself ("US-led
coalition").

Aliases listed under ``exact`` match only in step 1 ("the Observatory", "the coalition");
aliases under ``cased`` match only in capitals ("IS", "WHO", "US").
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from ..errors import BadRegistry
from .actor_names import Tok, tokens
from .lexicon import DEFAULT_LANGUAGE, Lexicon, lexicon_for
from ..model import ACTOR_TYPES, ActorType

__all__ = ["Actor", "Match", "Person", "Registry", "default_registry"]


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    type: ActorType
    aliases: tuple[str, ...]
    country: str | None = None
    parent: str | None = None
    #: aliases that match only as the whole mention (also listed in ``aliases``)
    exact: tuple[str, ...] = ()
    #: aliases that match only as written, in capitals (also listed in ``aliases``)
    cased: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    organisation: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """What a mention names: the canonical actor (for a person, the person's name), its type
    (for a person, the type of their organisation) and, for a person, the organisation."""

    actor: str
    actor_type: ActorType
    organisation: str | None
    kind: Literal["actor", "person"]
    #: the registry alias that matched, as the registry writes it
    matched: str
    #: offsets of the matched words in the text given to :meth:`Registry.match`
    start: int = 0
    end: int = 0
    #: for an organisation, a role word the mention adds ("Russian Defense Ministry Spokesman"
    #: -> "spokesman"): the speaker is somebody of that organisation, whom coreference may name
    role: str | None = None


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True, slots=True)
class _Entry:
    alias: str
    name: str  # canonical actor or person name
    kind: Literal["actor", "person"]
    exact_only: bool = False
    #: a person's alias shorter than the name ("Konashenkov"): inside a longer mention it counts
    #: only at the start or after a title
    surname: bool = False


@functools.cache
def _indefinite(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{lex.actors.indefinite})\s", re.I)


class Registry:
    """Canonical actors and people, with an index of their normalised aliases.  Aliases and
    mentions are folded with the actor words of ``lexicon`` (the language the aliases are
    written in; the default language's when None)."""

    def __init__(
        self, actors: list[Actor], people: list[Person], source: str = "<registry>", lexicon: Lexicon | None = None
    ) -> None:
        self.source = source
        self.lexicon = lexicon or lexicon_for(DEFAULT_LANGUAGE)
        self._words_of = self.lexicon.actors
        self._actors: dict[str, Actor] = {}
        self._people: dict[str, Person] = {}
        for a in actors:
            if a.name in self._actors:
                raise BadRegistry(f"{source}: actor {a.name!r} listed twice")
            if a.type not in ACTOR_TYPES:
                raise BadRegistry(f"{source}: actor {a.name!r} has type {a.type!r}, not one of {ACTOR_TYPES}")
            self._actors[a.name] = a
        for a in actors:
            if a.parent is not None and a.parent not in self._actors:
                raise BadRegistry(f"{source}: actor {a.name!r} has unknown parent {a.parent!r}")
        for a in actors:  # no cycles
            seen = {a.name}
            parent = a.parent
            while parent is not None:
                if parent in seen:
                    raise BadRegistry(f"{source}: parent cycle through {a.name!r}")
                seen.add(parent)
                parent = self._actors[parent].parent
        for p in people:
            if p.name in self._people or p.name in self._actors:
                raise BadRegistry(f"{source}: person {p.name!r} listed twice")
            if p.organisation not in self._actors:
                raise BadRegistry(f"{source}: person {p.name!r} has unknown organisation {p.organisation!r}")
            self._people[p.name] = p
        #: whole-mention keys; keys that may occur inside a mention; capitals-only keys
        self._exact: dict[tuple[str, ...], _Entry] = {}
        self._inside: dict[tuple[str, ...], _Entry] = {}
        self._cased: dict[tuple[str, ...], _Entry] = {}
        self._cased_folded: dict[tuple[str, ...], _Entry] = {}
        #: first token -> lengths of the inside (or cased) keys starting with it, longest first
        self._lengths: dict[str, tuple[int, ...]] = {}
        self._cased_lengths: dict[str, tuple[int, ...]] = {}
        self._vocab: set[str] = set()  # tokens of actor aliases: fine right before a surname
        self._person_vocab: dict[str, frozenset[str]] = {}
        for a in actors:
            for alias in a.aliases:
                self._add(_Entry(alias, a.name, "actor", exact_only=alias in a.exact), cased=alias in a.cased)
        for p in people:
            name_key = self._key(p.name)
            vocab: set[str] = set()
            for alias in p.aliases:
                k = self._key(alias)
                vocab |= set(k)
                short = len(k) == 1 or (len(k) < len(name_key) and name_key[-len(k) :] == k)
                self._add(_Entry(alias, p.name, "person", surname=short), cased=False)
            self._person_vocab[p.name] = frozenset(vocab)
        lengths: dict[str, set[int]] = {}
        for k in self._inside:
            lengths.setdefault(k[0], set()).add(len(k))
        self._lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}
        clengths: dict[str, set[int]] = {}
        for k, e in self._cased.items():
            if not e.exact_only:
                clengths.setdefault(k[0], set()).add(len(k))
        self._cased_lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in clengths.items()}
        words = {w for k in self._exact for w in k} | {w for k in self._cased_folded for w in k}
        # country names too, so that "Syrias Defence Ministry" finds "Syria"
        self._words = frozenset(words | {w for k in self._words_of.countries for w in k})

    def _key(self, alias: str) -> tuple[str, ...]:
        return tuple(t.norm for t in tokens(alias, self._words_of)[0])

    def _add(self, entry: _Entry, *, cased: bool) -> None:
        toks, _ = tokens(entry.alias, self._words_of)
        if not toks:
            raise BadRegistry(f"{self.source}: alias {entry.alias!r} of {entry.name!r} is empty once normalised")
        norms, raws = tuple(t.norm for t in toks), tuple(t.raw for t in toks)
        # one key, one owner: in either index, and a cased acronym against its folded form
        for prev in (self._exact.get(norms), self._cased.get(raws) if cased else None):
            if prev is not None and prev.name != entry.name:
                raise BadRegistry(
                    f"{self.source}: alias {entry.alias!r} of {entry.name!r} is also {prev.alias!r} of {prev.name!r}"
                )
        if cased:
            self._cased.setdefault(raws, entry)
            self._cased_folded[norms] = entry
            return
        prev = self._cased_folded.get(norms)
        if prev is not None and prev.name != entry.name:
            raise BadRegistry(
                f"{self.source}: alias {entry.alias!r} of {entry.name!r} is also {prev.alias!r} of {prev.name!r}"
            )
        old = self._exact.get(norms)
        if old is None or (old.exact_only and not entry.exact_only):
            self._exact[norms] = entry  # listed both ways: the looser one wins
        if not self._exact[norms].exact_only:
            self._inside[norms] = self._exact[norms]
            if entry.kind == "actor":
                self._vocab |= set(norms)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: str | Path | None = None, lexicon: Lexicon | None = None) -> Registry:
        """Read a registry file (the bundled ``data/actors.toml`` when ``path`` is None), its
        aliases written in the language of ``lexicon`` (the default language when None)."""
        if path is None:
            res = importlib.resources.files("counterclaim.data") / "actors.toml"
            data, source = res.read_bytes(), "actors.toml"
        else:
            data, source = Path(path).read_bytes(), str(path)
        try:
            doc = tomllib.loads(data.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise BadRegistry(f"{source}: {e}") from e
        return cls.from_dict(doc, source=source, lexicon=lexicon)

    @classmethod
    def from_dict(cls, doc: dict[str, Any], source: str = "<registry>", lexicon: Lexicon | None = None) -> Registry:
        actors: list[Actor] = []
        people: list[Person] = []
        for i, a in enumerate(doc.get("actor", [])):
            try:
                name = a["name"]
                aliases = _aliases(name, a.get("aliases", []), a.get("exact", []), a.get("cased", []))
                actors.append(
                    Actor(
                        name=name, type=a["type"], aliases=aliases, country=a.get("country"),
                        parent=a.get("parent"), exact=tuple(a.get("exact", ())), cased=tuple(a.get("cased", ())),
                    )
                )
            except (KeyError, TypeError) as e:
                raise BadRegistry(f"{source}: actor #{i + 1} ({a.get('name', '?')}): missing or bad {e}") from e
        for i, p in enumerate(doc.get("person", [])):
            try:
                people.append(
                    Person(
                        name=p["name"], aliases=_aliases(p["name"], p.get("aliases", []), [], []),
                        organisation=p["organisation"], role=p.get("role"),
                    )
                )
            except (KeyError, TypeError) as e:
                raise BadRegistry(f"{source}: person #{i + 1} ({p.get('name', '?')}): missing or bad {e}") from e
        return cls(actors, people, source, lexicon)

    # ------------------------------------------------------------------ look-ups

    @property
    def actors(self) -> tuple[Actor, ...]:
        return tuple(self._actors.values())

    @property
    def people(self) -> tuple[Person, ...]:
        return tuple(self._people.values())

    def actor(self, name: str) -> Actor | None:
        """The actor of this canonical name (case-insensitive), else None."""
        a = self._actors.get(name)
        if a is None:
            low = name.casefold()
            a = next((x for x in self._actors.values() if x.name.casefold() == low), None)
        return a

    def person(self, name: str) -> Person | None:
        return self._people.get(name)

    def lineage(self, name: str) -> tuple[str, ...]:
        """The actor and the organisations above it, nearest first ("Russian Aerospace Forces",
        "Russian Ministry of Defence", "Russian government"); empty for an unknown name."""
        out: list[str] = []
        a = self.actor(name)
        while a is not None:
            out.append(a.name)
            a = self._actors.get(a.parent) if a.parent else None
        return tuple(out)

    def side(self, name: str) -> str:
        """The side an actor (or a person's organisation) is on, for telling apart who is
        credited with a strike: the state for state bodies and forces (``state:RU``), else the
        topmost organisation above the actor; an unknown name is its own side."""
        a = self.actor(name)
        if a is None:
            p = self.person(name)
            if p is not None and p.organisation != name:
                return self.side(p.organisation)
            return name.casefold()
        if a.type in ("state_military", "government") and a.country:
            return f"state:{a.country}"
        top = self.lineage(a.name)[-1]
        # the US-led coalition is under CENTCOM and so the US government: the US's side
        return self.side(top) if top != a.name else top

    def match(self, text: str) -> Match | None:
        """The actor or person a mention names, or None when the registry does not know it."""
        toks, parens = tokens(text, self._words_of, self._words)
        found = self._match_tokens(toks)
        for p in parens:
            if found is not None:
                break
            found = self._match_tokens(p)
        the = self._words_of.definite_article + " "
        if found is not None and _indefinite(self.lexicon).match(text) and found.matched.lower().startswith(the):
            return None  # "the monitoring group" names one actor; "a monitoring group" does not
        return found

    def find_all(self, text: str) -> list[Match]:
        """Every actor and person named in ``text``, left to right, without overlaps (longest
        first): "Syrian, Russian or the US-led coalition" -> one match; "Russian and Syrian
        warplanes" -> Syrian Arab Air Force only."""
        toks, parens = tokens(text, self._words_of, self._words)
        out: list[tuple[int, Match]] = []
        for group in [toks, *parens]:
            cands = self._candidates(group)
            cands.sort(key=lambda c: (-c[1], c[0]))
            taken: set[int] = set()
            for i, n, e in cands:
                if taken.isdisjoint(range(i, i + n)):
                    taken |= set(range(i, i + n))
                    out.append((group[i].start, self._result(e, group[i : i + n])))
        return [m for _, m in sorted(out, key=lambda x: x[0])]

    # ------------------------------------------------------------------ matching

    def _match_tokens(self, toks: list[Tok]) -> Match | None:
        if not toks:
            return None
        e = self._exact.get(tuple(t.norm for t in toks)) or self._cased.get(tuple(t.raw for t in toks))
        if e is not None:
            return self._result(e, toks)
        cands = self._candidates(toks)
        if not cands:
            return None
        people = [c for c in cands if c[2].kind == "person"]
        if people:  # the longest name; of equal ones the last ("X's envoy, Y"), the speaker
            i, n, e = max(people, key=lambda c: (c[1], c[0]))
        else:  # the longest name; of equal ones the first (the head of "X of Y")
            i, n, e = max(cands, key=lambda c: (c[1], -c[0]))
        found = self._result(e, toks[i : i + n])
        if found.kind == "actor":
            role = next((t.norm for j, t in enumerate(toks) if not i <= j < i + n and t.norm in self._words_of.roles), None)
            if role is not None:
                found = replace(found, role=role)
        return found

    def _candidates(self, toks: list[Tok]) -> list[tuple[int, int, _Entry]]:
        """Every alias occurring in the tokens as (start, length, entry), the checks on bare
        surnames applied."""
        norms = [t.norm for t in toks]
        raws = [t.raw for t in toks]
        out: list[tuple[int, int, _Entry]] = []
        for i, w in enumerate(norms):
            for n in self._lengths.get(w, ()):
                e = self._inside.get(tuple(norms[i : i + n])) if i + n <= len(norms) else None
                if e is not None:
                    out.append((i, n, e))
            for n in self._cased_lengths.get(raws[i], ()):
                e = self._cased.get(tuple(raws[i : i + n])) if i + n <= len(raws) else None
                if e is not None and not e.exact_only:
                    out.append((i, n, e))
        # "US-backed rebels", "al-Qaeda-linked group", "pro-Turkey fighters": the name only
        # qualifies somebody else (unless the alias itself says so: "US-led coalition")
        out = [
            (i, n, e) for i, n, e in out
            if not (i + n < len(norms) and norms[i + n] in self._words_of.qualifiers)
            and not (i > 0 and norms[i - 1] in self._words_of.pro)
        ]
        actors = [(i, n) for i, n, e in out if e.kind == "actor"]
        kept = []
        for i, n, e in out:
            if e.kind == "person":
                if any(a <= i and i + n <= a + m and m > n for a, m in actors):
                    continue  # "the Assad regime": inside an actor's name
                if e.surname and i > 0 and not self._may_precede(norms[i - 1], e.name):
                    continue  # "Maher al-Assad": somebody else of that name
                if toks[i + n - 1].possessive and i + n < len(toks):
                    # "Putin's spokesman": not the person but somebody of their organisation
                    e = _Entry(e.alias, self._people[e.name].organisation, "actor")
            kept.append((i, n, e))
        return kept

    def _may_precede(self, word: str, person: str) -> bool:
        return word == "," or word in self._words_of.titles or word in self._vocab or word in self._person_vocab[person]

    def _result(self, e: _Entry, toks: list[Tok]) -> Match:
        start, end = min(t.start for t in toks), max(t.end for t in toks)
        if e.kind == "person":
            p = self._people[e.name]
            org = self._actors[p.organisation]
            return Match(p.name, org.type, org.name, "person", e.alias, start, end)
        a = self._actors[e.name]
        return Match(a.name, a.type, None, "actor", e.alias, start, end)


def _aliases(name: str, aliases: list[str], exact: list[str], cased: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for x in [name, *aliases, *exact, *cased]:
        if not isinstance(x, str):
            raise TypeError(f"alias {x!r}")
        if x not in out:
            out.append(x)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The bundled registry, loaded once."""
    return Registry.load()
