"""Place resolution: turn a place mention into a point, a province or a country, honestly.

For each mention the gazetteer gives candidates (every entry whose name or a generated spelling
variant matches).  The pick uses the article's context:

1. **Country**: only candidates in a country the article is about (countries it names, and the
   countries of places that have a single candidate).  A name whose only candidates are
   elsewhere stays unresolved: a far-away namesake is never picked.  **Namesakes**: when the
   text says which country the place is in ("Sinjar, Iraq", "Iraq's Sinjar", "the Iraqi town
   of Sinjar", or a heading line "Iraq" above a strike list), that country's candidates are
   kept; otherwise, in an article about the home country (Syria), a home place beats a foreign
   namesake.
2. **Kind**: "Idlib Province", "the provinces of ...", "the countryside of Idlib", "southern
   Idlib" ask for the governorate; a bare name prefers the town, then the governorate.
3. **Governorates**: among several towns, one in a governorate the article names wins.
4. **Nearby places**: then the one closest to the article's other unambiguous places, then
   the most populous.

Precision follows the relation words: a town is ``point``; "northeast of", "near",
"outskirts of" a town is ``near``; a governorate, its countryside or a direction inside it is
``admin1``; a country or "eastern Syria" is ``country``; nothing found is ``unknown`` and keeps
only its text.  Every pick with a choice carries a ``note``.

:func:`acled_geo_precision` and :func:`ucdp_where_prec` map precision to the codes of ACLED and
UCDP GED.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..knowledge.gazetteer import Entry, Gazetteer
from ..knowledge.lexicon import Lexicon
from ..model import CLAIMANT_PLACE, DATELINE, LEAD_RELATION, Location, ORIGIN, PlacePrecision

@dataclass(frozen=True)
class _Patterns:
    """The relation words of one lexicon, compiled."""

    #: relation words that mean "somewhere around the named place"
    near: re.Pattern[str]
    #: words that make a governorate of a name: "Idlib province", "the countryside of Idlib"
    admin_words: re.Pattern[str]
    direction_adjective: re.Pattern[str]
    trailing: re.Pattern[str]
    leading: re.Pattern[str]
    #: "Syria's Idlib", "Syrias Idlib": the country in front of the place
    home_possessive: re.Pattern[str]
    #: a direction in front of a name ("Eastern Homs")
    direction_word: re.Pattern[str]
    #: words around a name that make a mention longer without making it another place
    generic: re.Pattern[str]
    #: a name of at least four letters with a lower-case direction word glued to its end
    glued_direction: re.Pattern[str]
    #: "the town of", "the provinces of": naming words, not "near"
    container: re.Pattern[str]


@functools.cache
def _patterns(lex: Lexicon) -> _Patterns:
    w = lex.places
    directions, adjective = lex.direction_pattern, w.direction_adjective
    return _Patterns(
        near=re.compile(rf"\b(?:{w.near})\b|{lex.cardinal_pattern}", re.I),
        admin_words=re.compile(rf"\b(?:{w.admin_words})\b", re.I),
        direction_adjective=re.compile(rf"^{directions}{adjective}$", re.I),
        trailing=re.compile(rf"\s+(?:{w.trailing})$", re.I),
        leading=re.compile(rf"^(?:{w.article}\s+)", re.I),
        home_possessive=re.compile(rf"^(?:{re.escape(lex.nlp.home_country[0])}['’]?s)\s+", re.I),
        direction_word=re.compile(rf"^{directions}(?:{adjective})?\s+(?=\S)", re.I),
        generic=re.compile(rf"\s+(?:{w.generic})$", re.I),
        glued_direction=re.compile(rf"^([A-Z][\w'’-]{{3,}}?){lex.cardinal_pattern}(?:{adjective})?$"),
        container=re.compile(rf"\b(?:{w.container})\s+{w.of}$", re.I),
    )


@functools.lru_cache(maxsize=4)
def _country_names(gaz: Gazetteer) -> dict[str, str]:
    return {c.country: c.name for c in gaz.countries() if c.country}


def _country_name(code: str | None, gaz: Gazetteer) -> str | None:
    """``Location.country`` is the country's name ("Syria"), from the country entries of the
    gazetteer the place was resolved against."""
    return _country_names(gaz).get(code, code) if code else None
#: how far (km) a candidate may be from the article's other places to count as "nearby"
NEARBY_KM = 150.0


@dataclass(frozen=True, slots=True)
class Context:
    """What the article says about where it is: countries and governorates it names, and the
    points of its unambiguous places."""

    countries: frozenset[str]
    admin1: frozenset[str]
    anchors: tuple[tuple[float, float], ...]
    #: the lexicon of the article's language (its relation words)
    lex: Lexicon
    #: the article's text (what it says around a mention: "Sinjar, Iraq")
    text: str = ""
    #: the gazetteer code of each country name and nationality word the lexicon knows, lower case
    country_codes: tuple[tuple[str, str], ...] = ()


def build_context(mentions: Iterable[Location], gaz: Gazetteer, lex: Lexicon, text: str = "") -> Context:
    countries: set[str] = set()
    admin1: set[str] = set()
    anchors: list[tuple[float, float]] = []
    for m in mentions:
        cands = gaz.lookup(_core_name(m.text, lex))
        if not cands:
            continue
        kinds = {c.kind for c in cands}
        if kinds == {"country"}:
            _add(countries, cands[0].country)
            continue
        places = [c for c in cands if c.kind != "country"]
        if len({(c.country, c.admin1) for c in places}) == 1:
            c = places[0]
            _add(countries, c.country)
            _add(admin1, c.admin1)
            if c.kind != "admin1":
                anchors.append((c.lat, c.lon))
        elif all(c.kind == "admin1" for c in places[:1]):
            _add(admin1, places[0].admin1 or places[0].name)
            _add(countries, places[0].country)
    return Context(frozenset(countries), frozenset(admin1), tuple(anchors), lex, text, _country_codes(gaz, lex))


@functools.lru_cache(maxsize=8)
def _country_codes(gaz: Gazetteer, lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """Every name and nationality word of the lexicon's countries, with the gazetteer's code."""
    code_of = {c.name: c.country for c in gaz.countries() if c.country}
    out = [(w, code_of[c.name]) for c in lex.countries if c.name in code_of for w in (*c.names, *c.demonyms)]
    return tuple(sorted(out, key=lambda x: -len(x[0])))


def _add(bucket: set[str], value: str | None) -> None:
    if value:
        bucket.add(value)


def resolve_location(loc: Location, gaz: Gazetteer, ctx: Context) -> Location:
    """The mention geocoded (or left ``unknown`` with a note saying why)."""
    pats = _patterns(ctx.lex)
    name = _core_name(loc.text, ctx.lex)
    cands = gaz.lookup(name)
    if not cands and name.endswith("s") and len(name) > 5:
        cands = gaz.lookup(name[:-1])  # "Talbissehs": a possessive whose apostrophe was lost
    inner: str | None = None
    if not cands:
        cands, inner = _inner_place(name, gaz, pats)
    if not cands:
        return replace(loc, precision="unknown", note="not in the gazetteer")
    if inner is not None:
        found = resolve_location(replace(loc, text=inner), gaz, ctx)
        return replace(found, text=loc.text, note=_join(found.note, f"read {inner!r} inside {loc.text!r}"))
    wants_admin = bool(pats.admin_words.search(loc.text) or (loc.relation and pats.admin_words.search(loc.relation)))
    direction = bool(loc.relation and pats.direction_adjective.match(loc.relation)) or _direction_of(loc.text, pats)
    countries = [c for c in cands if c.kind == "country"]
    if countries and len(countries) == len(cands):
        c = countries[0]
        return _located(loc, c, "country", "a part of the country" if direction else None, gaz)
    in_scope = [c for c in cands if not ctx.countries or c.country in ctx.countries]
    in_scope = _namesakes(in_scope, loc, ctx)
    if not in_scope:
        where = ", ".join(sorted({c.country or "?" for c in cands}))
        return replace(loc, precision="unknown", note=f"only namesakes outside the article's countries ({where})")
    admins = [c for c in in_scope if c.kind == "admin1"]
    points = [c for c in in_scope if c.kind in ("city", "facility", "user")]
    exact = [m.entry for m in gaz.match(name) if m.exact]
    if any(p in exact for p in points) and not all(p in exact for p in points):
        # a place of exactly that name beats a spelling variant of another ("Adra" is not "Adraa")
        points = [p for p in points if p in exact]
    note = None
    if admins and (wants_admin or direction or not points):
        pick = admins[0]
        if len({a.name for a in admins}) > 1:
            note = f"{len(admins)} governorates match; took {pick.name}"
        return _located(loc, pick, "admin1", note, gaz)
    if not points:
        return replace(loc, precision="unknown", note="no town or province of that name in scope")
    pick, note = _choose_point(points, ctx)
    if admins and admins[0].name == pick.admin1:
        note = _join(note, f"{pick.name} is also the name of its governorate; read as the town")
    precision: PlacePrecision = (
        "near" if loc.relation and pats.near.search(loc.relation) and not pats.container.search(loc.relation) else "point"
    )
    if pick.feature == "region":
        precision, note = "near", _join(note, f"{pick.name} is a region, not a single place")
    elif pick.feature in ("neighbourhood", "road", "nearby"):
        # curated at the point of the city it belongs to or lies beside: near that point
        precision, note = "near", _join(note, f"{pick.name}: {pick.reference}")
    return _located(loc, pick, precision, note, gaz)


#: a line of a list: a bullet first
_LIST_ITEM = re.compile(r"^[.•·*–—-]")


def _namesakes(cands: list[Entry], loc: Location, ctx: Context) -> list[Entry]:
    """Candidates in several countries: those of the country the text puts the place in, else,
    in an article about the home country, the home country's (a Syrian place beats a foreign
    namesake)."""
    countries = {c.country for c in cands if c.kind != "country"}
    if len(countries) < 2:
        return cands
    said = _country_said(loc, ctx)
    if said is not None and said in countries:
        return [c for c in cands if c.country == said or c.kind == "country"]
    home = dict(ctx.country_codes).get(ctx.lex.countries[0].names[0]) if ctx.lex.countries else None
    if home is not None and home in ctx.countries and home in countries:
        return [c for c in cands if c.country == home or c.kind == "country"]
    return cands


def _country_said(loc: Location, ctx: Context) -> str | None:
    """The country the text puts a mention in: right after it ("Sinjar, Iraq"), right before it
    ("Iraq's Sinjar", "the Iraqi town of Sinjar"), or a heading line of only a country's name
    above it in the same list ("Iraq" over ". Near Sinjar, two strikes ...")."""
    text, s, e = ctx.text, loc.text_start, loc.text_end
    if not text or e <= s:
        return None
    words = ctx.lex.places
    container = rf"(?:\w+\s+)?(?:{words.container})\s+{words.of}\s+"
    after = text[e : e + 40].lower()
    before = text[max(0, s - 40) : s].lower()
    for word, code in ctx.country_codes:
        w = re.escape(word)
        if re.match(rf"\s*,\s*{w}\b", after) or re.search(rf"\b{w}['’]s\s+$|\b{w}\s+{container}$", before):
            return code
    # a heading of only a country's name above a list: the lines between are list items
    for line in reversed(text[:s].split("\n")[-40:-1]):
        bare = line.strip().lower()
        hit = next((code for word, code in ctx.country_codes if bare == word), None)
        if hit is not None:
            return hit
        if bare and not _LIST_ITEM.match(bare):
            break
    return None


def _choose_point(points: list[Entry], ctx: Context) -> tuple[Entry, str | None]:
    if len(points) == 1:
        return points[0], None
    ranked = list(points)
    reason = "most populous of"
    if ctx.admin1:
        inside = [p for p in ranked if p.admin1 in ctx.admin1]
        if inside and len(inside) < len(ranked):
            ranked, reason = inside, "in a governorate the article names, of"
    if ctx.anchors and len(ranked) > 1:
        def dist(p: Entry) -> float:
            return min(_km(p.lat, p.lon, a, b) for a, b in ctx.anchors)

        near = [p for p in ranked if dist(p) <= NEARBY_KM]
        if near:
            ranked = sorted(near, key=dist)
            reason = "closest to the article's other places, of"
            return ranked[0], f"{reason} {len(points)} candidates"
    ranked.sort(key=lambda p: (-(p.population or 0), p.name))
    return ranked[0], f"{reason} {len(points)} candidates"


def _inner_place(name: str, gaz: Gazetteer, pats: _Patterns) -> tuple[list[Entry], str | None]:
    """A known place inside a longer mention the model made: "Qalamoun Barrens" (a generic word
    after the name), "Aleppo Syrian" (words glued on where punctuation was lost).  Only a
    governorate or a town of at least five letters counts, the longest first."""
    bare = pats.generic.sub("", name)
    if bare != name:
        hit = gaz.lookup(bare)
        if hit:
            return hit, bare
    words = name.split()
    for w in words:  # "Kobaninorth Syria": a direction word glued on where a space was lost
        m = pats.glued_direction.match(w)
        if m is not None:
            hit = [e for e in gaz.lookup(m.group(1)) if e.kind in ("admin1", "city", "facility")]
            if hit:
                return hit, m.group(1)
    if len(words) < 2:
        return [], None
    spans = sorted(
        (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1) if (i, j) != (0, len(words))),
        key=len, reverse=True,
    )
    for part in spans:
        if len(part) < 5 or not part[:1].isupper():
            continue
        hit = [e for e in gaz.lookup(part) if e.kind in ("admin1", "city", "facility")]
        if hit:
            return hit, part
    return [], None


def _located(loc: Location, e: Entry, precision: PlacePrecision, note: str | None, gaz: Gazetteer) -> Location:
    return replace(
        loc,
        name=e.name,
        admin1=e.admin1 if precision != "country" else None,
        admin1_code=e.admin1_code if precision != "country" else None,
        country=_country_name(e.country, gaz),
        lat=e.lat,
        lon=e.lon,
        geonames_id=e.geonames_id,
        precision=precision,
        source=e.source,
        note=note,
    )


def _core_name(text: str, lex: Lexicon) -> str:
    """The name inside a mention: without "the", "province"/"city", a possessive, "Syria's" in
    front ("Syria's Idlib", or "Syrias Idlib" where the apostrophe was lost), or a direction
    ("Eastern Homs": the direction is relation, read by :func:`_direction_of`)."""
    pats = _patterns(lex)
    name = pats.leading.sub("", text.strip())
    name = pats.home_possessive.sub("", name)
    name = pats.direction_word.sub("", name)
    name = pats.trailing.sub("", name)
    return re.sub(r"['’]s$", "", name).strip()


def _direction_of(text: str, pats: _Patterns) -> bool:
    return bool(pats.direction_word.match(pats.leading.sub("", text.strip())))


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def best_of(locations: tuple[Location, ...]) -> Location | None:
    """The place a claim is about: the most precise resolved mention, not one that people or fire
    came from when there is another; when it names several governorates and no town, the country
    that holds them (``locations`` lists them all)."""
    order = {"point": 0, "near": 1, "admin1": 2, "country": 3, "unknown": 4}
    locations = tuple(m for m in locations if m.relation != DATELINE)  # where it was filed, not where it happened
    resolved = [m for m in locations if m.precision != "unknown"]
    # "evacuees from Fuaa ... at a transit point west of Aleppo": where they came from is not
    # where it happened, when the claim names another place
    resolved = [m for m in resolved if m.relation != ORIGIN] or resolved
    if not resolved:
        return locations[0] if locations else None
    points = [m for m in resolved if m.precision in ("point", "near")]
    provinces = {m.admin1 for m in resolved if m.precision == "admin1"}
    if not points and len(provinces) > 1:
        first = next(m for m in resolved if m.precision == "admin1")
        country = next((m for m in resolved if m.precision == "country"), None)
        base = country or first
        return replace(
            base, admin1=None, admin1_code=None, precision="country",
            note=f"covers {len(provinces)} governorates ({', '.join(sorted(p for p in provinces if p))}): see locations",
        )
    best = min(resolved, key=lambda m: order[m.precision])
    if best.relation == ORIGIN:
        return replace(best, note=_join(best.note, "where people or fire came from: the claim names no other place"))
    return best


#: how far into the text the lead runs: the headline (when the text repeats it), a dateline and
#: the first sentence of a wire story
LEAD_CHARS = 300


def lead_place(claims: Iterable[object]) -> Location | None:
    """The place the article's lead is about.  A Syrian dateline ("QAMISHLI, Syria -", "Aleppo,
    SANA -") is; otherwise the place, with a governorate, of the first claim in the lead that
    names one.  A lead claim naming places in several governorates ("blasts hit Tartous, Homs
    and Hasakeh") means the lead is about no one place: None.  The lead runs
    :data:`LEAD_CHARS` characters from the dateline, or from the start of the text when there is
    none (what comes before a dateline is a caption or a header).  None when it names no place."""
    claims = list(claims)
    datelines = [m for c in claims for m in c.locations if m.relation == DATELINE]  # type: ignore[attr-defined]
    start = min((m.text_start for m in datelines), default=0)
    for m in datelines:
        if m.admin1 and m.precision in ("point", "near", "admin1"):
            return m
    for c in claims:
        if c.evidence.end <= start:  # type: ignore[attr-defined]
            continue
        if c.evidence.start >= start + LEAD_CHARS:  # type: ignore[attr-defined]
            break
        loc = c.location  # type: ignore[attr-defined]
        named = {m.admin1 for m in c.locations if m.admin1 and m.relation not in (DATELINE, CLAIMANT_PLACE)}  # type: ignore[attr-defined]
        if len(named) > 1:
            return None  # "blasts hit Tartous, Homs and Hasakeh": the lead is about no one place
        if loc is not None and loc.admin1 and loc.precision in ("point", "near", "admin1") and loc.text_start >= start:
            return loc
    return None


#: how much a date header ("December 19 2016", "Sun 22 Feb 2015") may put before the headline
_HEADER_CHARS = 40


def lead_governorate(text: str, title: str | None, gaz: Gazetteer) -> Location | None:
    """The governorate the headline names by name, when the text opens with the headline and no
    claim of the lead names a place ("Kurd-led forces press Islamic State near Syria's Raqqa" is
    a headline, but no claim): the one governorate whose name (any spelling) the headline holds,
    or None when it names none or several."""
    if not title or not title.strip():
        return None
    start = text.find(title.strip(), 0, _HEADER_CHARS + len(title))
    if start < 0 or "." in text[:start]:
        return None  # the headline must open the text (after a date header at most)
    end = start + len(title.strip())
    found: dict[str, re.Match[str]] = {}
    for name, pattern in governorate_patterns(gaz):
        m = pattern.search(text, start, end)
        if m is not None:
            found[name] = m
    if len(found) != 1:
        return None
    ((name, m),) = found.items()
    gov = gaz.admin1(name)
    if gov is None:
        return None
    return _located(Location(text=m.group(0), text_start=m.start(), text_end=m.end()), gov, "admin1", None, gaz)


@functools.lru_cache(maxsize=4)
def governorate_patterns(gaz: Gazetteer) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled pattern per governorate, over all its spellings (built once per gazetteer)."""
    out = []
    for g in gaz.governorates():
        names = sorted({g.name, *g.alternates}, key=len, reverse=True)
        body = "|".join(re.escape(n) for n in names)
        out.append((g.name, re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.I)))
    return tuple(out)


def from_lead(lead: Location, gaz: Gazetteer) -> Location:
    """The place a claim whose sentence names no place takes from the lead: the lead place's
    governorate only (``admin1`` precision, the governorate's point), since the lead sets the
    scene but does not say the claim happened in that very town.  ``text`` and the offsets are
    the lead mention's; ``relation`` is :data:`LEAD_RELATION` and ``note`` says so."""
    gov = gaz.admin1(lead.admin1) if lead.admin1 else None
    where = lead.admin1 if lead.name == lead.admin1 else f"{lead.name}, {lead.admin1}"
    return replace(
        lead,
        name=gov.name if gov else lead.admin1,
        lat=gov.lat if gov else lead.lat,
        lon=gov.lon if gov else lead.lon,
        geonames_id=None,
        precision="admin1",
        relation=LEAD_RELATION,
        source="governorate",
        note=f"the sentence names no place; the article's lead names {lead.text!r} ({where}): governorate only",
    )
