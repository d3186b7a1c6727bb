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
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from ..errors import BadRegistry
from ..model import ACTOR_TYPES

__all__ = ["Actor", "BadRegistry", "Match", "Person", "Registry", "default_registry", "normalise"]


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    type: str
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
    actor_type: str
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


# --------------------------------------------------------------------------- normalisation

_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼʻ`´′"})
#: a word, with inner apostrophes or dots ("Hay'at", "U.S.") and a possessive ("Russia's",
#: "Workers'"); or a comma, kept so that a surname after a comma still counts as a name start
_TOKEN = re.compile(r"[^\W_]+(?:['.][^\W_]+)*\.?(?:'s?)?|,", re.I)
_PAREN = re.compile(r"\(([^()]*)\)")
_HYPHENS = "-‐‑"

_SPELLING = {
    "defense": "defence", "defenses": "defences", "organization": "organisation",
    "organizations": "organisations", "center": "centre", "centers": "centres",
}
_ARTICLES = frozenset({"the", "a", "an"})
#: the Arabic article: "al"/"el" anywhere ("Al Jazeera", "al-Nusra"), the assimilated forms
#: only when written with a hyphen ("ash-Sham", "as-Suwayda", "an-Nusra")
_ARABIC_ALWAYS = frozenset({"al", "el"})
_ARABIC_HYPHEN = frozenset({"an", "ash", "as", "ad", "ar", "at", "az", "ath", "ul"})
_LEADING = (("so", "called"), ("socalled",), ("self", "styled"), ("self", "proclaimed"))

#: country names and their demonym, for "Russia's X" and "X of the Russian Federation"
_COUNTRIES: dict[tuple[str, ...], str] = {
    ("russia",): "russian", ("russian", "federation"): "russian",
    ("syria",): "syrian", ("syrian", "arab", "republic"): "syrian",
    ("turkey",): "turkish", ("turkiye",): "turkish",
    ("iran",): "iranian", ("israel",): "israeli", ("iraq",): "iraqi", ("lebanon",): "lebanese",
    ("us",): "us", ("usa",): "us", ("united", "states"): "us", ("america",): "american",
    ("uk",): "british", ("britain",): "british", ("great", "britain"): "british",
    ("united", "kingdom"): "british", ("france",): "french",
}
_COUNTRY_LENGTHS = sorted({len(k) for k in _COUNTRIES}, reverse=True)
#: heads that take the country after "of": "Ministry of Defence of Russia", "Armed Forces of
#: the Russian Federation", "Government of Syria"
_INSTITUTIONS = frozenset(
    """ministry forces force army government authorities navy military department president
    presidency embassy parliament staff command officials""".split()
)
#: "Ministry of X" -> "X Ministry"
_REORDER_HEADS = frozenset({"ministry", "department"})
_PHRASES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("foreign", "affairs", "ministry"), ("foreign", "ministry")),
    (("united", "nations"), ("un",)),  # not "United States" -> "us": that is a pronoun
)

#: "X-backed Y": X qualifies Y, it is not the one named
_QUALIFIERS = frozenset(
    """backed led based supported allied affiliated linked funded trained run armed sponsored
    aligned held controlled occupied made style inspired loyal""".split()
)
_PRO = frozenset({"pro", "anti"})
#: words that make a mention a person speaking for the organisation it names
_ROLES = frozenset(
    """spokesman spokeswoman spokesperson minister official chief head commander officer general
    colonel director representative envoy ambassador secretary deputy""".split()
)
#: words that may stand right before a bare surname ("spokesman Konashenkov")
_TITLES = frozenset(
    """major minor lieutenant general colonel col lt gen maj brig brigadier captain capt commander
    admiral marshal sergeant spokesman spokeswoman spokesperson minister president sheikh sayyed
    dr mr ms mrs chief deputy ambassador envoy official secretary press director head leader
    founder chairman chair premier prime emir king foreign defence by from said says""".split()
)


@dataclass(slots=True)
class _Tok:
    norm: str  # folded: casefold, no accents, spelling unified
    raw: str  # as written, minus possessive, dots and apostrophes (for cased aliases)
    start: int
    end: int
    possessive: bool = False


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold()


def _words(text: str, start: int, end: int, vocab: frozenset[str] = frozenset()) -> list[_Tok]:
    out: list[_Tok] = []
    article: int | None = None
    for m in _TOKEN.finditer(text, start, end):
        w = m.group()
        if w == ",":
            out.append(_Tok(",", ",", m.start(), m.end()))
            continue
        possessive = False
        low = w.lower()
        if low.endswith("'s") and len(w) > 2:
            w, possessive = w[:-2], True
        elif w.endswith("'"):
            w, possessive = w[:-1], True
        raw = w.replace("'", "").replace(".", "")
        if not raw:
            continue
        norm = _fold(raw)
        norm = _SPELLING.get(norm, norm)
        if vocab and norm.endswith("s") and norm not in vocab and norm[:-1] in vocab:
            # a possessive whose apostrophe was lost ("SANAs", "Assads", "Peoples Protection
            # Units", as in FA-KES): only when no alias has the word with its "s"
            norm, raw, possessive = norm[:-1], raw[:-1], True
        hyphen = m.end() < len(text) and text[m.end()] in _HYPHENS
        if norm in _ARTICLES:
            continue
        if norm in _ARABIC_ALWAYS or (hyphen and norm in _ARABIC_HYPHEN):
            article = m.start() if article is None else article  # part of the next word's span
            continue
        out.append(_Tok(norm, raw, m.start() if article is None else article, m.end(), possessive))
        article = None
    return out


def _rewrite(toks: list[_Tok]) -> list[_Tok]:
    """Leading "so-called", country possessives and "of"-phrases, fixed phrases."""
    while toks and toks[0].norm == ",":
        toks = toks[1:]
    changed = True
    while changed:
        changed = False
        for lead in _LEADING:
            if tuple(t.norm for t in toks[: len(lead)]) == lead and len(toks) > len(lead):
                toks, changed = toks[len(lead) :], True
    while toks and toks[-1].norm == ",":
        toks = toks[:-1]
    toks = _country_possessive(toks)
    toks = _reorder_of(toks)
    toks = _country_suffix(toks)
    for old, new in _PHRASES:
        toks = _replace_phrase(toks, old, new)
    return toks


def _country_at(toks: list[_Tok], i: int, *, ending: bool) -> int:
    """Length of a country name ending (or starting) at ``i``, 0 if none."""
    for n in _COUNTRY_LENGTHS:
        seg = toks[i - n + 1 : i + 1] if ending else toks[i : i + n]
        if len(seg) == n and tuple(t.norm for t in seg) in _COUNTRIES:
            return n
    return 0


def _merged(seg: list[_Tok], norm: str) -> _Tok:
    return _Tok(norm, norm, min(t.start for t in seg), max(t.end for t in seg))


def _country_possessive(toks: list[_Tok]) -> list[_Tok]:
    """"Russia's Defense Ministry" -> "russian defence ministry" (not a final "Russia's")."""
    i = 0
    while i < len(toks) - 1:
        if toks[i].possessive and toks[i + 1].norm != ",":
            n = _country_at(toks, i, ending=True)
            if n:
                seg = toks[i - n + 1 : i + 1]
                demonym = _COUNTRIES[tuple(t.norm for t in seg)]
                toks = toks[: i - n + 1] + [_merged(seg, demonym)] + toks[i + 1 :]
                i -= n - 1
        i += 1
    return toks


def _reorder_of(toks: list[_Tok]) -> list[_Tok]:
    """"ministry of defence of russia" -> "defence ministry of russia"."""
    i = 0
    while i < len(toks) - 2:
        if toks[i].norm in _REORDER_HEADS and toks[i + 1].norm == "of":
            j = k = i + 2
            while k < len(toks) and toks[k].norm not in ("of", ","):
                k += 1
            if k > j and _country_at(toks, j, ending=False) != k - j:  # not "Ministry of Russia"
                toks = toks[:i] + toks[j:k] + [toks[i]] + toks[k:]
                i += k - j  # the head's new place
        i += 1
    return toks


def _country_suffix(toks: list[_Tok]) -> list[_Tok]:
    """"defence ministry of russia" -> "russian defence ministry", "armed forces of the Russian
    Federation" -> "russian armed forces": the demonym goes before the words since the last
    "of" or comma."""
    i = 1
    while i < len(toks) - 1:
        if toks[i].norm == "of" and toks[i - 1].norm in _INSTITUTIONS:
            n = _country_at(toks, i + 1, ending=False)
            end = i + 1 + n
            if n and (end == len(toks) or toks[end].norm in (",", "of")):
                seg = toks[i + 1 : end]
                demonym = _merged(seg, _COUNTRIES[tuple(t.norm for t in seg)])
                s = i - 1
                while s > 0 and toks[s - 1].norm not in ("of", ","):
                    s -= 1
                toks = toks[:s] + [demonym] + toks[s:i] + toks[end:]
        i += 1
    return toks


def _replace_phrase(toks: list[_Tok], old: tuple[str, ...], new: tuple[str, ...]) -> list[_Tok]:
    n = len(old)
    i = 0
    while i <= len(toks) - n:
        if tuple(t.norm for t in toks[i : i + n]) == old:
            seg = toks[i : i + n]
            toks = toks[:i] + [_merged(seg, w) for w in new] + toks[i + n :]
            i += len(new)
        else:
            i += 1
    return toks


def _tokens(text: str, vocab: frozenset[str] = frozenset()) -> tuple[list[_Tok], list[list[_Tok]]]:
    """The mention's tokens without its parentheticals, and each parenthetical's tokens.
    ``vocab``: the words of the registry's aliases (see :func:`_words`)."""
    text = text.translate(_APOSTROPHES)
    parens = [(m.start(1), m.end(1)) for m in _PAREN.finditer(text)]
    main: list[_Tok] = []
    pos = 0
    for s, e in parens:
        main += _words(text, pos, s - 1, vocab)
        pos = e + 1
    main += _words(text, pos, len(text), vocab)
    return _rewrite(main), [_rewrite(_words(text, s, e, vocab)) for s, e in parens]


def normalise(text: str) -> str:
    """The folded form the registry compares ("Russia’s Defense Ministry" -> "russian defence
    ministry"); for tests and debugging."""
    return " ".join(t.norm for t in _tokens(text)[0])


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


def _key(alias: str) -> tuple[str, ...]:
    return tuple(t.norm for t in _tokens(alias)[0])


_INDEFINITE = re.compile(r"^\s*(?:an?|another|one)\s", re.I)


class Registry:
    """Canonical actors and people, with an index of their normalised aliases."""

    def __init__(self, actors: list[Actor], people: list[Person], source: str = "<registry>") -> None:
        self.source = source
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
            name_key = _key(p.name)
            vocab: set[str] = set()
            for alias in p.aliases:
                k = _key(alias)
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
        self._words = frozenset(words | {w for k in _COUNTRIES for w in k})

    def _add(self, entry: _Entry, *, cased: bool) -> None:
        toks, _ = _tokens(entry.alias)
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
    def load(cls, path: str | Path | None = None) -> Registry:
        """Read a registry file (the bundled ``data/actors.toml`` when ``path`` is None)."""
        if path is None:
            res = importlib.resources.files("counterclaim.data") / "actors.toml"
            data, source = res.read_bytes(), "actors.toml"
        else:
            data, source = Path(path).read_bytes(), str(path)
        try:
            doc = tomllib.loads(data.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise BadRegistry(f"{source}: {e}") from e
        return cls.from_dict(doc, source=source)

    @classmethod
    def from_dict(cls, doc: dict[str, Any], source: str = "<registry>") -> Registry:
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
        return cls(actors, people, source)

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
        return self.lineage(a.name)[-1]

    def match(self, text: str) -> Match | None:
        """The actor or person a mention names, or None when the registry does not know it."""
        toks, parens = _tokens(text, self._words)
        found = self._match_tokens(toks)
        for p in parens:
            if found is not None:
                break
            found = self._match_tokens(p)
        if found is not None and _INDEFINITE.match(text) and found.matched.lower().startswith("the "):
            return None  # "the monitoring group" names one actor; "a monitoring group" does not
        return found

    def find_all(self, text: str) -> list[Match]:
        """Every actor and person named in ``text``, left to right, without overlaps (longest
        first): "Syrian, Russian or the US-led coalition" -> one match; "Russian and Syrian
        warplanes" -> Syrian Arab Air Force only."""
        toks, parens = _tokens(text, self._words)
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

    def _match_tokens(self, toks: list[_Tok]) -> Match | None:
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
            role = next((t.norm for j, t in enumerate(toks) if not i <= j < i + n and t.norm in _ROLES), None)
            if role is not None:
                found = replace(found, role=role)
        return found

    def _candidates(self, toks: list[_Tok]) -> list[tuple[int, int, _Entry]]:
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
            if not (i + n < len(norms) and norms[i + n] in _QUALIFIERS) and not (i > 0 and norms[i - 1] in _PRO)
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
        return word == "," or word in _TITLES or word in self._vocab or word in self._person_vocab[person]

    def _result(self, e: _Entry, toks: list[_Tok]) -> Match:
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
