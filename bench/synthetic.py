"""Synthetic claim ledgers of the Syrian air war, with the true incident of every claim.

Used by ``bench/incidents_bench.py`` to measure incident grouping at 100k and 1M claims, and to
score it against a known answer.  Nothing here is real data: the *places* are real (the
shipped gazetteer), the *actors* are the canonical names of ``counterclaim/data/actors.toml``,
the incidents and what is said about them are drawn at random.

Usage::

    from synthetic import generate          # bench/ on sys.path
    ledger = generate(100_000, seed=0)
    ledger.docs                             # dict[str, DocInfo], complete before any claim exists
    for claim in ledger.claims(): ...       # lazy; a new call yields the very same claims again
    for claim_id, incident, located_and_timed in ledger.truth(): ...   # same order as claims()

``generate`` returns a :class:`SyntheticLedger`.  It plans everything up front in compact arrays
(about 13 bytes a claim, plus the ``docs`` mapping: ~140 MB at 1M claims); :class:`~counterclaim.model.Claim` objects
are only built while :meth:`SyntheticLedger.claims` is iterated, so 1M claims never need to be
held at once.  Output depends only on ``n_claims`` and ``seed`` (not on hash randomisation, the
machine or how often ``claims()`` is called).

The distribution
================

**Incidents** (``SyntheticLedger.n_incidents`` of them; each true incident is an ``int``):

- *date* 2015-09-30 .. 2024-12-31, intensity by year (relative daily rate): 2015 0.8, 2016 1.0,
  2017 0.9, 2018 0.85, 2019 0.75, 2020 0.35, 2021 0.15, 2022-2024 0.12 -- so ~79% of incidents
  fall in 2016-2019;
- *governorate* jointly with the date: a weight per governorate for each era (2015-16 Aleppo
  heaviest; 2017 Deir ez-Zor and Raqqa; 2018 Rif Dimashq; 2019-20 Idlib; 2021-24 Idlib and
  Aleppo), boosted during campaigns (Aleppo Jul-Dec 2016 x3, Raqqa Jun-Oct 2017 x3, Deir ez-Zor
  Sep-Dec 2017 x2, Eastern Ghouta Feb-Apr 2018 x4, Idlib/Hama Apr 2019-Mar 2020 x2, the
  Aleppo/Idlib/Hama offensive of 27 Nov-8 Dec 2024 x6);
- *place*: a Syrian populated place of the shipped gazetteer (GeoNames cities500, 308 places,
  each with lat/lon, admin1, admin1_code, geonames_id) in that governorate, Zipf-weighted
  (weight ``1/rank**0.8``, rank by population, then name) so a few towns take many strikes;
- no two incidents share (day, place, event type): a town struck several times in one day is
  one incident, as the reports tell it (a taken slot draws another town, then another day).
  At 1M claims that still means ~7 incidents a day per governorate (up to ~90 on the worst
  days), so place and day alone do not identify an incident;
- *event type*: airstrike 70%, shelling 12%, explosion 6%, ground_attack 6%, territory 3%,
  weapon_use 3%;
- *perpetrator*: airstrikes by the Russian Aerospace Forces, the Syrian Arab Air Force, the
  US-led coalition (mostly Raqqa, Deir ez-Zor, Hasakah before 2020) or unknown; shelling,
  ground attacks and territory by the Syrian Arab Army or unknown; explosions unknown;
  weapon_use mostly the Syrian Arab Air Force;
- *true death toll*: 0 for 30-80% of incidents (by type), else log-normal (median 4 for
  airstrikes, 10 for weapon_use), at most 600.

**Reports**: each incident is asserted by ``k = 1 + Geometric(0.25)`` claims (mean ~4, at most
12), each in a different document of a *different outlet* (weighted: SOHR's own site 22, SANA
8, Reuters/AFP 6, AP/Al Jazeera 5, Syria Civil Defence 5, Russian agencies 10 together, ...),
published 0-3 days after the event (45/35/12/8%).  Airstrike and weapon_use incidents draw a
*denial* with probability 0.33, so ~5% of all claims are denials: ``stance="denies"``, the
claimant a state military actor of the side accused (Russian Ministry of Defence or its
Reconciliation Centre via TASS/RIA/Sputnik/RT/Interfax; Syrian Ministry of Defence or Syrian
Arab Army via SANA; US Central Command or the US-led coalition via a wire agency), published
1-3 days after, no quantities.

**Per claim**:

- *claimant* given the outlet: an outlet's own site speaks for itself (SOHR, SNHR, Syria Civil
  Defence, SANA, Airwars); Russian agencies quote the Russian Ministry of Defence (sometimes as
  "Igor Konashenkov", ``organisation`` set), its Reconciliation Centre, or state it themselves;
  wire and Arab/Turkish outlets quote SOHR (40%), Syria Civil Defence, SANA, SNHR, the Local
  Coordination Committees, the Russian MoD, or state it unattributed (``text=None``, the outlet
  as ``actor``, ``actor_type="media"``, as the contract says);
- *place precision*: 60% ``point`` (the place itself: its name as written without diacritics,
  GeoNames name, coordinates and id), 15% ``near`` (the way the resolver writes "northeast of
  X": the coordinates and id of the most populous *other* town within 3-15 km, so the point is
  a few km off the true place, with a direction as ``relation``; "on the outskirts of" the
  place itself when it has no neighbour), 20% ``admin1`` ("Idlib province": ``admin1``,
  ``admin1_code`` and, like the real resolver, the governorate's representative point with
  ``source="governorate"``, ``geonames_id=None``; ``admin1_points=False`` leaves lat/lon None),
  5% no location at all (``location=None``, ``locations=()``);
- *time precision*: 70% ``day`` (of which 3 points are off by one day, as "Monday" misread
  would be), 15% ``days`` (a 2-3 day window holding the true day), 5% ``month`` (the calendar
  month), 10% no time (``time=None``); a window never ends after the publication day except a
  ``month`` window of the current month;
- *quantities* (assertions of an incident with deaths, 80% of them): a ``killed`` quantity:
  the true toll exactly (45%), scattered log-normally around it (35%, sigma 0.35) or an early
  low count (20%, 30-90% of it); bound exact 60%, ``low`` ("at least") 30%, ``approx``
  ("about", 10%, values >= 5); object "civilians", "people" or "militants" by claimant
  (the Russian MoD and SANA say "militants" 70%); 25% add a ``wounded`` quantity;
- *perpetrator named*: the true one 55%, another air force 8%, "Syrian or Russian warplanes"
  (``several=True``, both ``actors``) 4%, none 33% (none 70% when the truth is unknown);
- ``stated_on`` (the publication day, "said on Tuesday") for 15% of attributed claims;
  ``hedged`` 10%; confidence 0.6-0.9.

**Summary claims** (3% of claims, ``truth()`` gives ``None`` as their incident; they belong to
no incident): monthly tolls ("In March 2018, SOHR said at least 1,230 civilians were killed in
airstrikes in Idlib, Hama and Aleppo"), "over the past N weeks" and "since the beginning of
2017" totals, and Russian MoD sortie counts (``event_type="sorties"``, "flew 1,100 sorties and
struck 1,650 targets").  Every window is at least 7 days long (month windows 28-31, weeks 7-42,
since-year 30-365 days); 60% name 2-4 governorates (each an ``admin1`` Location in
``locations``, ``location`` the first of them made ``precision="country"`` with a note, as the
resolver's ``best_of`` does), 30% one governorate, 10% "across Syria" (country precision).
Totals are log-normal around 150 (at most 6000).

**Documents**: claims of one outlet published on one day are cut into documents of 1-10 claims
(1 + Geometric(0.5), mean 2 when the day has enough; overall ~1.4 claims a document at 100k
claims, ~1.9 at 1M), so a document can hold claims of several incidents but never two claims of one
incident.  2% of documents have ``published=None`` (their claims keep their times, as if the
text gave full dates), 1% ``outlet=None`` (an unattributed claim there has ``actor=None``,
``actor_type="unknown"``).  ``claims()`` yields the
documents in order of publication, each document's claims together.

**Text**: every claim has a short English evidence sentence, ``Span(text, 0, len(text))``
(the document text is taken to be that sentence), and every place, time, claimant, quantity and
perpetrator span points into it at its true offset.  Location, TimeSpan, Claimant, Quantity and
Perpetrator objects are shared between claims whenever they are equal (bounded caches), so a
claim costs roughly its Claim object, id, sentence and Span.

Claim ids are ``stable_id("synthetic-claim", seed, n)``; document ids
``stable_id("synthetic-doc", seed, n)``.
"""

from __future__ import annotations

import datetime as _dt
import math
import random
import unicodedata
from array import array
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, replace

from counterclaim.knowledge.gazetteer import GOVERNORATE_NAMES, Entry, Gazetteer
from counterclaim.model import (
    Claim,
    Claimant,
    Location,
    Perpetrator,
    Quantity,
    Span,
    TimeSpan,
    stable_id,
)

try:
    from counterclaim.group.footprints import DocInfo
except ImportError:  # the grouping module is not there yet: the same three fields

    @dataclass(frozen=True, slots=True)
    class DocInfo:  # type: ignore[no-redef]
        doc_id: str
        published: str | None
        outlet: str | None


__all__ = ["FIRST_DAY", "LAST_DAY", "SYRIA_BBOX", "DocInfo", "SyntheticLedger", "generate"]

FIRST_DAY = _dt.date(2015, 9, 30)
LAST_DAY = _dt.date(2024, 12, 31)
#: (min lat, max lat, min lon, max lon) every generated coordinate lies in
SYRIA_BBOX = (32.3, 37.4, 35.6, 42.4)

#: day 0 of the internal day numbers (summary windows reach back to 1 January of the year before)
_BASE = _dt.date(2014, 1, 1)
_N_DAYS = (LAST_DAY - _BASE).days + 60

SUMMARY_SHARE = 0.03
P_DENIAL = 0.33  # per airstrike / weapon_use incident -> ~5% of all claims
GEOMETRIC_P = 0.25  # k = 1 + Geometric(p): mean 1 + (1-p)/p = 4
MAX_K = 12

# ------------------------------------------------------------------------------ tables

_GOVS = ("SY-HL", "SY-ID", "SY-HM", "SY-HI", "SY-LA", "SY-TA", "SY-DY", "SY-RA", "SY-HA",
         "SY-DI", "SY-RD", "SY-DR", "SY-SU", "SY-QU")
_G = {c: i for i, c in enumerate(_GOVS)}

_YEAR_RATE = {2015: 0.8, 2016: 1.0, 2017: 0.9, 2018: 0.85, 2019: 0.75, 2020: 0.35, 2021: 0.15,
              2022: 0.12, 2023: 0.12, 2024: 0.12}

# governorate weights by era, in _GOVS order: HL ID HM HI LA TA DY RA HA DI RD DR SU QU
_ERAS: tuple[tuple[_dt.date, tuple[float, ...]], ...] = (
    (_dt.date(2015, 1, 1), (30, 16, 10, 10, 7, 0.3, 7, 6, 2, 2, 12, 6, 0.5, 1)),
    (_dt.date(2017, 1, 1), (8, 14, 10, 10, 2, 0.3, 20, 16, 3, 3, 10, 7, 1, 1)),
    (_dt.date(2018, 1, 1), (6, 18, 8, 5, 2, 0.3, 12, 3, 3, 4, 25, 10, 2, 2)),
    (_dt.date(2019, 1, 1), (15, 45, 18, 2, 6, 0.3, 6, 2, 3, 1, 1, 2, 0.5, 0.5)),
    (_dt.date(2021, 1, 1), (18, 38, 8, 4, 5, 0.3, 12, 5, 5, 1, 1, 6, 1, 1)),
)
_CAMPAIGNS: tuple[tuple[_dt.date, _dt.date, str, float], ...] = (
    (_dt.date(2016, 7, 1), _dt.date(2016, 12, 22), "SY-HL", 3.0),       # Aleppo
    (_dt.date(2017, 6, 6), _dt.date(2017, 10, 20), "SY-RA", 3.0),       # Raqqa
    (_dt.date(2017, 9, 1), _dt.date(2017, 12, 31), "SY-DY", 2.0),       # Deir ez-Zor
    (_dt.date(2018, 2, 18), _dt.date(2018, 4, 14), "SY-RD", 4.0),       # Eastern Ghouta
    (_dt.date(2019, 4, 26), _dt.date(2020, 3, 5), "SY-ID", 2.0),        # Idlib offensive
    (_dt.date(2019, 4, 26), _dt.date(2020, 3, 5), "SY-HM", 2.0),
    (_dt.date(2024, 11, 27), _dt.date(2024, 12, 8), "SY-HL", 6.0),      # the final offensive
    (_dt.date(2024, 11, 27), _dt.date(2024, 12, 8), "SY-ID", 6.0),
    (_dt.date(2024, 11, 27), _dt.date(2024, 12, 8), "SY-HM", 6.0),
)
ZIPF_S = 0.8

_EVENTS = ("airstrike", "shelling", "explosion", "ground_attack", "territory", "weapon_use")
_EVENT_W = (0.70, 0.12, 0.06, 0.06, 0.03, 0.03)
_DENIABLE = frozenset({0, 5})  # airstrike, weapon_use

# perpetrators: 0 unknown, then canonical actors
_PERP_ACTORS = (None, "Russian Aerospace Forces", "Syrian Arab Air Force", "US-led coalition", "Syrian Arab Army")
_RU, _SAAF, _COAL, _SAA = 1, 2, 3, 4
_PERP_TEXTS = {
    _RU: ("Russian warplanes", "Russian jets", "Russian aircraft"),
    _SAAF: ("regime warplanes", "Syrian government aircraft", "Syrian warplanes"),
    _COAL: ("the US-led coalition", "coalition aircraft"),
    _SAA: ("government forces", "regime forces"),
}
_SEVERAL_TEXT = "Syrian or Russian warplanes"
_SEVERAL_ACTORS = ("Syrian Arab Air Force", "Russian Aerospace Forces")
_COALITION_GOVS = frozenset({_G["SY-RA"], _G["SY-DY"], _G["SY-HA"]})

# toll: (P(no deaths), median if any)
_TOLL = {0: (0.30, 4.0), 1: (0.50, 3.0), 2: (0.30, 5.0), 3: (0.40, 6.0), 4: (0.80, 5.0), 5: (0.20, 10.0)}
_MAX_TOLL = 600

# claimants: (actor, actor_type, texts as they appear mid-sentence, organisation)
_CLAIMANTS: tuple[tuple[str | None, str, tuple[str, ...], str | None], ...] = (
    ("Syrian Observatory for Human Rights", "monitor",
     ("the Syrian Observatory for Human Rights", "the Observatory", "SOHR", "the Britain-based monitor"), None),
    ("Syria Civil Defence", "ngo", ("Syria Civil Defence", "the White Helmets"), None),
    ("Syrian Network for Human Rights", "monitor", ("the Syrian Network for Human Rights", "SNHR"), None),
    ("Local Coordination Committees", "monitor", ("the Local Coordination Committees",), None),
    ("SANA", "media", ("SANA", "state news agency SANA"), None),
    ("Russian Ministry of Defence", "state_military",
     ("the Russian Defence Ministry", "Russia's Defence Ministry", "Igor Konashenkov"), None),
    ("Russian Centre for Reconciliation of Opposing Sides in Syria", "state_military",
     ("the Russian Centre for Reconciliation",), None),
    ("Syrian Ministry of Defence", "state_military", ("the Syrian Defence Ministry",), None),
    ("US-led coalition", "state_military", ("the US-led coalition",), None),
    ("US Central Command", "state_military", ("US Central Command", "CENTCOM"), None),
    ("Airwars", "monitor", ("Airwars",), None),
    ("UN Human Rights Office", "un", ("the UN human rights office",), None),
    ("Syrian Arab Army", "state_military", ("the Syrian army",), None),
)
(_C_SOHR, _C_SCD, _C_SNHR, _C_LCC, _C_SANA, _C_RUMOD, _C_RECON, _C_SYMOD, _C_COAL, _C_CENTCOM,
 _C_AIRWARS, _C_UN, _C_SAA) = range(len(_CLAIMANTS))
_C_SELF = -1  # the outlet itself, unattributed
_PERSONS = {"Igor Konashenkov": "Russian Ministry of Defence"}

_WIRE_MIX = ((_C_SOHR, 0.40), (_C_SCD, 0.15), (_C_SELF, 0.20), (_C_SNHR, 0.05), (_C_LCC, 0.05),
             (_C_SANA, 0.10), (_C_RUMOD, 0.05))
_RU_MIX = ((_C_RUMOD, 0.60), (_C_RECON, 0.15), (_C_SELF, 0.25))
_WIRE_SUMMARY = ((_C_SOHR, 0.5), (_C_UN, 0.25), (_C_SNHR, 0.15), (_C_AIRWARS, 0.10))
# outlets: (name, weight as an incident report, weight as a summary's outlet, claimant mix,
# claimant mix for a summary)
_OUTLETS: tuple[tuple[str, float, float, tuple[tuple[int, float], ...], tuple[tuple[int, float], ...]], ...] = (
    ("Syrian Observatory for Human Rights", 22, 30, ((_C_SOHR, 1.0),), ((_C_SOHR, 1.0),)),
    ("Syria Civil Defence", 5, 5, ((_C_SCD, 1.0),), ((_C_SCD, 1.0),)),
    ("Syrian Network for Human Rights", 3, 15, ((_C_SNHR, 1.0),), ((_C_SNHR, 1.0),)),
    ("SANA", 8, 0, ((_C_SANA, 0.85), (_C_SYMOD, 0.15)), ((_C_SANA, 1.0),)),
    ("TASS", 3, 4, _RU_MIX, ((_C_RUMOD, 1.0),)),
    ("RIA Novosti", 2, 3, _RU_MIX, ((_C_RUMOD, 1.0),)),
    ("Sputnik", 2, 3, _RU_MIX, ((_C_RUMOD, 1.0),)),
    ("RT", 1.5, 3, _RU_MIX, ((_C_RUMOD, 1.0),)),
    ("Interfax", 1.5, 2, _RU_MIX, ((_C_RUMOD, 1.0),)),
    ("Reuters", 6, 6, _WIRE_MIX, _WIRE_SUMMARY),
    ("AFP", 6, 6, _WIRE_MIX, _WIRE_SUMMARY),
    ("Associated Press", 5, 5, _WIRE_MIX, _WIRE_SUMMARY),
    ("Al Jazeera", 5, 4, _WIRE_MIX, _WIRE_SUMMARY),
    ("Anadolu Agency", 3, 2, _WIRE_MIX, _WIRE_SUMMARY),
    ("The New Arab", 3, 1, _WIRE_MIX, _WIRE_SUMMARY),
    ("Asharq Al-Awsat", 3, 1, _WIRE_MIX, _WIRE_SUMMARY),
    ("dpa", 2, 1, _WIRE_MIX, _WIRE_SUMMARY),
    ("Xinhua", 2, 1, _WIRE_MIX, _WIRE_SUMMARY),
    ("Al Arabiya", 2, 1, _WIRE_MIX, _WIRE_SUMMARY),
    ("BBC", 2, 1, _WIRE_MIX, _WIRE_SUMMARY),
    ("CNN", 1, 0.5, _WIRE_MIX, _WIRE_SUMMARY),
    ("Al Mayadeen", 1, 0.5, _WIRE_MIX, _WIRE_SUMMARY),
    ("Press TV", 1, 0.5, _WIRE_MIX, _WIRE_SUMMARY),
    ("TRT World", 1, 0.5, _WIRE_MIX, _WIRE_SUMMARY),
    ("Airwars", 1, 5, ((_C_AIRWARS, 1.0),), ((_C_AIRWARS, 1.0),)),
)
_O = {o[0]: i for i, o in enumerate(_OUTLETS)}
_RU_OUTLETS = tuple(_O[n] for n in ("TASS", "RIA Novosti", "Sputnik", "RT", "Interfax"))
_WIRES = tuple(_O[n] for n in ("Reuters", "Associated Press", "AFP"))
# who denies, by the incident's perpetrator: (outlets, claimants)
_DENIERS = {
    0: (_RU_OUTLETS, ((_C_RUMOD, 0.8), (_C_RECON, 0.2))),
    _RU: (_RU_OUTLETS, ((_C_RUMOD, 0.8), (_C_RECON, 0.2))),
    _SAAF: ((_O["SANA"],), ((_C_SYMOD, 0.7), (_C_SAA, 0.3))),
    _COAL: (_WIRES, ((_C_CENTCOM, 0.6), (_C_COAL, 0.4))),
    _SAA: ((_O["SANA"],), ((_C_SAA, 1.0),)),
}

_LAG_W = (0.45, 0.35, 0.12, 0.08)
_LOC_W = (0.60, 0.15, 0.20, 0.05)  # point, near, admin1, none
_LOC_POINT, _LOC_NEAR, _LOC_ADMIN1, _LOC_NONE = range(4)
_TIME_W = (0.67, 0.03, 0.15, 0.05, 0.10)  # day, day off by one, days, month, none
_T_DAY, _T_DAY_OFF, _T_DAYS, _T_MONTH, _T_NONE = range(5)
_ROLE_ASSERT, _ROLE_DENY, _ROLE_SUMMARY = range(3)
_P_DOC_NO_DATE = 0.02
_P_DOC_NO_OUTLET = 0.01

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six")
_DIRECTIONS = ("east of", "northeast of", "north of", "northwest of", "west of", "southwest of",
               "south of", "southeast of")
_CONFIDENCES = (0.6, 0.7, 0.8, 0.9)
_CONF_W = (0.15, 0.3, 0.35, 0.2)


def _cum(weights: tuple[float, ...] | list[float]) -> list[float]:
    out, s = [], 0.0
    for w in weights:
        s += w
        out.append(s)
    return out


def _pick(rng: random.Random, cum: list[float]) -> int:
    return bisect(cum, rng.random() * cum[-1])


def _ascii(name: str) -> str:
    """A place name as an English text would print it: no diacritics or ayn/hamza marks."""
    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return s.translate(str.maketrans("", "", "‘’ʿʾ`´")).replace("'", "")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _direction(frm: Entry, to: Entry) -> str:
    """ "northeast of" when ``to`` lies northeast of ``frm``."""
    dy = to.lat - frm.lat
    dx = (to.lon - frm.lon) * math.cos(math.radians(frm.lat))
    angle = math.degrees(math.atan2(dy, dx)) % 360  # 0 = east, counter-clockwise
    return _DIRECTIONS[int(((angle + 22.5) % 360) // 45)]


# ------------------------------------------------------------------------------ world


@dataclass(frozen=True)
class _World:
    """The static tables a ledger is drawn from: places, governorates, days."""

    places: tuple[Entry, ...]
    place_text: tuple[str, ...]
    gov_of_place: tuple[int, ...]
    place_cum: tuple[list[float], ...]  # per governorate: cumulative Zipf weights
    place_ids: tuple[tuple[int, ...], ...]  # per governorate: place indices by rank
    near_ref: tuple[int, ...]  # the reference town of a "near" mention, or the place itself
    near_rel: tuple[str, ...]
    govs: tuple[Entry, ...]
    country: Entry
    cell_cum: list[float]  # over (day, governorate) cells of the incident period
    day0: int  # internal day number of FIRST_DAY
    iso: tuple[str, ...]
    dates: tuple[_dt.date, ...]


_WORLD: _World | None = None


def _world() -> _World:
    global _WORLD
    if _WORLD is not None:
        return _WORLD
    gaz = Gazetteer.load(user=False)
    places = tuple(e for e in gaz.entries
                   if e.kind == "city" and e.country == "SY" and e.admin1_code in _G and e.geonames_id)
    by_gov: list[list[int]] = [[] for _ in _GOVS]
    for i, e in enumerate(places):
        by_gov[_G[e.admin1_code]].append(i)  # type: ignore[index]
    place_ids, place_cum = [], []
    for ids in by_gov:
        ids.sort(key=lambda i: (-(places[i].population or 0), places[i].name))
        place_ids.append(tuple(ids))
        place_cum.append(_cum([1.0 / (r + 1) ** ZIPF_S for r in range(len(ids))]))
    near_ref, near_rel = [], []
    for i, e in enumerate(places):
        best, best_key = i, None
        for j, f in enumerate(places):
            if j != i and 3.0 <= _km(e.lat, e.lon, f.lat, f.lon) <= 15.0:
                key = (f.population or 0, f.name)
                if best_key is None or key > best_key:
                    best, best_key = j, key
        near_ref.append(best)
        near_rel.append("on the outskirts of" if best == i else _direction(places[best], e))
    govs = {e.admin1_code: e for e in gaz.governorates()}
    country = next(c for c in gaz.countries() if c.country == "SY")

    day0 = (FIRST_DAY - _BASE).days
    n_inc_days = (LAST_DAY - FIRST_DAY).days + 1
    dates = tuple(_BASE + _dt.timedelta(days=d) for d in range(_N_DAYS))
    cells: list[float] = []
    for d in range(n_inc_days):
        date = dates[day0 + d]
        era = next(ws for start, ws in reversed(_ERAS) if date >= start)
        weights = list(era)
        busy = 1.0
        for start, end, gov, boost in _CAMPAIGNS:
            if start <= date <= end:
                weights[_G[gov]] *= boost
                busy = max(busy, 1.0 + (boost - 1.0) / 4)
        # era weights are normalised per day: the year's rate sets the density, a campaign
        # moves weight to its governorate and makes the day a little busier overall
        scale = _YEAR_RATE[date.year] * busy / sum(weights)
        cells.extend(x * scale for x in weights)
    _WORLD = _World(
        places=places, place_text=tuple(_ascii(e.name) for e in places),
        gov_of_place=tuple(_G[e.admin1_code] for e in places),  # type: ignore[index]
        place_cum=tuple(place_cum), place_ids=tuple(place_ids),
        near_ref=tuple(near_ref), near_rel=tuple(near_rel),
        govs=tuple(govs[c] for c in _GOVS), country=country, cell_cum=_cum(cells), day0=day0,
        iso=tuple(d.isoformat() for d in dates), dates=dates,
    )
    return _WORLD


# ------------------------------------------------------------------------------ the ledger


class SyntheticLedger:
    """A planned synthetic ledger: documents now, claims lazily.  See the module docstring.

    ``docs``: every document, ``doc_id -> DocInfo``.  ``n_claims``, ``n_incidents`` (true
    incidents), ``n_summary`` (summary claims), ``n_denials``: counts.  :meth:`claims` yields the
    claims; :meth:`truth` the true incident of each, in the same order.
    """

    def __init__(self, n_claims: int, seed: int, *, admin1_points: bool = True) -> None:
        if n_claims < 0:
            raise ValueError("n_claims must be >= 0")
        self.n_claims = n_claims
        self.seed = seed
        self.admin1_points = admin1_points
        self._w = _world()
        self._plan()

    # ------------------------------------------------------------------ planning (eager)

    def _plan(self) -> None:
        w, n = self._w, self.n_claims
        rng = random.Random(seed_mix(self.seed, 1))
        n_summary = round(n * SUMMARY_SHARE)
        n_inc = n - n_summary
        ng = len(_GOVS)
        ev_cum, lag_cum = _cum(_EVENT_W), _cum(_LAG_W)
        loc_cum, time_cum = _cum(_LOC_W), _cum(_TIME_W)
        out_cum = _cum([o[1] for o in _OUTLETS])
        sum_cum = _cum([o[2] for o in _OUTLETS])
        log1p = math.log(1.0 - GEOMETRIC_P)
        n_inc_days = (LAST_DAY - FIRST_DAY).days + 1

        inc_day, inc_place, inc_type = array("H"), array("H"), array("B")
        inc_perp, inc_toll = array("B"), array("H")
        c_inc = array("i", bytes(4 * n))
        c_outlet = array("B", bytes(n))
        c_pub = array("H", bytes(2 * n))
        c_role = array("B", bytes(n))
        c_mode = array("B", bytes(n))  # loc mode * 8 + time mode
        seq = 0
        denials = 0
        taken: set[int] = set()
        n_places = len(w.places)
        while seq < n_inc:
            ev = _pick(rng, ev_cum)
            # one incident per (day, place, event type): a town struck several times in a day
            # is one incident, as reports tell it; a taken slot draws another town (up to 8
            # times), then another day
            for _ in range(64):
                cell = _pick(rng, w.cell_cum)
                d, g = divmod(cell, ng)
                d = min(d, n_inc_days - 1)
                for _ in range(8):
                    place = w.place_ids[g][_pick(rng, w.place_cum[g])]
                    slot = ((d * n_places) + place) * 8 + ev
                    if slot not in taken:
                        break
                else:
                    continue
                break
            taken.add(slot)
            year = w.dates[w.day0 + d].year
            perp = self._perp(rng, ev, g, year)
            p0, median = _TOLL[ev]
            toll = 0 if rng.random() < p0 else min(_MAX_TOLL, max(1, round(median * math.exp(rng.gauss(0.0, 1.0)))))
            k = 1 + int(math.log(1.0 - rng.random()) / log1p)
            k = min(k, MAX_K, n_inc - seq)
            inc = len(inc_day)
            day = w.day0 + d
            inc_day.append(day)
            inc_place.append(place)
            inc_type.append(ev)
            inc_perp.append(perp)
            inc_toll.append(toll)
            used: list[int] = []
            for _ in range(k):
                o = _pick(rng, out_cum)
                tries = 0
                while o in used and tries < 20:
                    o = _pick(rng, out_cum)
                    tries += 1
                if o in used:
                    o = next(i for i in range(len(_OUTLETS)) if i not in used)
                used.append(o)
                c_inc[seq] = inc
                c_outlet[seq] = o
                c_pub[seq] = day + _pick(rng, lag_cum)
                c_role[seq] = _ROLE_ASSERT
                c_mode[seq] = _pick(rng, loc_cum) * 8 + _pick(rng, time_cum)
                seq += 1
            if ev in _DENIABLE and seq < n_inc and rng.random() < P_DENIAL:
                outs, _ = _DENIERS[perp]
                free = [o for o in outs if o not in used]
                if free:
                    c_inc[seq] = inc
                    c_outlet[seq] = free[rng.randrange(len(free))]
                    c_pub[seq] = day + 1 + rng.randrange(3)
                    c_role[seq] = _ROLE_DENY
                    c_mode[seq] = _pick(rng, loc_cum) * 8 + _pick(rng, time_cum)
                    seq += 1
                    denials += 1
        del taken
        for s in range(n_inc, n):
            cell = _pick(rng, w.cell_cum)
            c_inc[s] = -1
            c_outlet[s] = _pick(rng, sum_cum)
            c_pub[s] = w.day0 + min(cell // ng, n_inc_days - 1) + rng.randrange(11)
            c_role[s] = _ROLE_SUMMARY
        self.n_incidents = len(inc_day)
        self.n_summary = n_summary
        self.n_denials = denials
        self._inc = (inc_day, inc_place, inc_type, inc_perp, inc_toll)
        self._c = (c_inc, c_outlet, c_pub, c_role, c_mode)

        # documents: counting sort of the claims by (publication day, outlet), then cut each
        # (day, outlet) run into documents of 1..10 claims
        no = len(_OUTLETS)
        n_keys = _N_DAYS * no
        counts = array("i", bytes(4 * (n_keys + 1)))
        for s in range(n):
            counts[c_pub[s] * no + c_outlet[s] + 1] += 1
        for i in range(1, n_keys + 1):
            counts[i] += counts[i - 1]
        order = array("i", bytes(4 * n))
        for s in range(n):
            kk = c_pub[s] * no + c_outlet[s]
            order[counts[kk]] = s
            counts[kk] += 1
        del counts
        doc_start = array("i")
        doc_ids: list[str] = []
        docs: dict[str, DocInfo] = {}
        i = 0
        while i < n:
            s = order[i]
            pub, o = c_pub[s], c_outlet[s]
            run_end = i + 1
            while run_end < n and c_pub[order[run_end]] == pub and c_outlet[order[run_end]] == o:
                run_end += 1
            while i < run_end:
                size = min(10, 1 + int(math.log(1.0 - rng.random()) / math.log(0.5)), run_end - i)
                doc_id = stable_id("synthetic-doc", self.seed, len(doc_ids))
                published = None if rng.random() < _P_DOC_NO_DATE else w.iso[pub]
                outlet = None if rng.random() < _P_DOC_NO_OUTLET else _OUTLETS[o][0]
                docs[doc_id] = DocInfo(doc_id, published, outlet)
                doc_ids.append(doc_id)
                doc_start.append(i)
                i += size
        doc_start.append(n)
        self.docs = docs
        self._order = order
        self._doc_start = doc_start
        self._doc_ids = doc_ids

    @staticmethod
    def _perp(rng: random.Random, ev: int, g: int, year: int) -> int:
        r = rng.random()
        if ev == 0:  # airstrike
            if g in _COALITION_GOVS and year <= 2019:
                return 0 if r < 0.10 else _RU if r < 0.35 else _SAAF if r < 0.55 else _COAL
            if g in _COALITION_GOVS:
                return 0 if r < 0.15 else _RU if r < 0.55 else _SAAF if r < 0.80 else _COAL
            return 0 if r < 0.12 else _RU if r < 0.57 else _SAAF if r < 0.97 else _COAL
        if ev in (1, 3, 4):  # shelling, ground_attack, territory
            return 0 if r < 0.4 else _SAA
        if ev == 5:  # weapon_use
            return 0 if r < 0.2 else _RU if r < 0.3 else _SAAF
        return 0

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return self.n_claims

    def __iter__(self) -> Iterator[Claim]:
        return self.claims()

    def _claim_ids(self) -> Iterator[tuple[int, str, int]]:
        """(claim number, claim id, document index) in output order."""
        order, starts, seed = self._order, self._doc_start, self.seed
        for j in range(len(self._doc_ids)):
            for i in range(starts[j], starts[j + 1]):
                s = order[i]
                yield s, stable_id("synthetic-claim", seed, s), j

    def truth(self) -> Iterator[tuple[str, int | None, bool]]:
        """``(claim_id, true incident or None for a summary claim, located_and_timed)`` for every
        claim, in the order of :meth:`claims`.  ``located_and_timed``: the claim has both a
        location and a time (the claims a grouper can be expected to place)."""
        c_inc, c_mode = self._c[0], self._c[4]
        for s, cid, _ in self._claim_ids():
            inc = c_inc[s]
            if inc < 0:
                yield cid, None, True
            else:
                m = c_mode[s]
                yield cid, inc, (m >> 3) != _LOC_NONE and (m & 7) != _T_NONE

    def truth_dict(self) -> dict[str, int | None]:
        """``claim_id -> true incident`` (None for summary claims); for small ledgers."""
        return {cid: inc for cid, inc, _ in self.truth()}

    def claims(self) -> Iterator[Claim]:
        """Every claim, document by document in order of publication.  Lazy and repeatable."""
        b = _Builder(self)
        docs, doc_ids = self.docs, self._doc_ids
        for s, cid, j in self._claim_ids():
            doc_id = doc_ids[j]
            yield b.claim(s, cid, doc_id, docs[doc_id].outlet)


def seed_mix(seed: int, stream: int) -> int:
    """An integer seed for one random stream of a ledger (planning 1, claims 2)."""
    return (seed * 1_000_003 + stream * 7_919) & 0xFFFFFFFFFFFF


def generate(n_claims: int, *, seed: int = 0, admin1_points: bool = True) -> SyntheticLedger:
    """A synthetic ledger of exactly ``n_claims`` claims (see the module docstring).

    ``admin1_points``: give ``admin1`` locations the governorate's representative point, as the
    real resolver does (default); False leaves their lat/lon None."""
    return SyntheticLedger(n_claims, seed, admin1_points=admin1_points)


# ------------------------------------------------------------------------------ claim building


class _Builder:
    """Builds the Claim objects of one pass over a ledger, sharing equal sub-objects."""

    def __init__(self, ledger: SyntheticLedger) -> None:
        self.l = ledger
        self.w = ledger._w
        self.rng = random.Random(seed_mix(ledger.seed, 2))
        self.cache: dict[tuple, object] = {}
        self.conf_cum = _cum(_CONF_W)
        self.mix_cum: dict[int, tuple[tuple[int, ...], list[float]]] = {}

    # shared objects -----------------------------------------------------------

    def _cached(self, key: tuple, make):  # type: ignore[no-untyped-def]
        v = self.cache.get(key)
        if v is None:
            v = self.cache[key] = make()
        return v

    def _choose(self, mix: tuple[tuple[int, float], ...]) -> int:
        got = self.mix_cum.get(id(mix))
        if got is None:
            got = self.mix_cum[id(mix)] = (tuple(c for c, _ in mix), _cum([p for _, p in mix]))
        return got[0][_pick(self.rng, got[1])]

    def _claimant(self, c: int, outlet: str | None, pos: int, first: bool) -> tuple[Claimant, str]:
        """The claimant and its text in the sentence (empty for the unattributed outlet)."""
        if c == _C_SELF:
            # unattributed: the outlet speaks (an unknown outlet: nobody known)
            return self._cached(("self", outlet), lambda: Claimant(
                None, outlet, "media" if outlet else "unknown", None, None)), ""
        actor, atype, texts, _ = _CLAIMANTS[c]
        t = texts[self.rng.randrange(len(texts))]
        if first:
            t = t[:1].upper() + t[1:]
        org = _PERSONS.get(t)
        return self._cached(("c", c, t, pos),
                            lambda: Claimant(t, actor, atype, pos, pos + len(t), None, org)), t

    def _time_day(self, day: int, pub: int, first: bool) -> TimeSpan:
        w = self.w
        rng = self.rng
        if 0 <= pub - day < 7 and rng.random() < 0.6:
            t = f"on {_WEEKDAYS[w.dates[day].weekday()]}"
        else:
            dt = w.dates[day]
            t = f"on {dt.day} {_MONTHS[dt.month - 1]}"
        if first:
            t = t[:1].upper() + t[1:]
        return self._cached(("t", t, day), lambda: TimeSpan(t, w.iso[day], w.iso[day], "day", 0, len(t)))

    def _time_window(self, a: int, b: int, precision: str, text: str) -> TimeSpan:
        w = self.w
        return self._cached(("tw", text, a, b), lambda: TimeSpan(text, w.iso[a], w.iso[b], precision, 0, len(text)))

    def _quantity(self, text: str, value: float, bound: str, measure: str, obj: str | None, pos: int) -> Quantity:
        def make() -> Quantity:
            low = value if bound in ("exact", "low") else None
            high = value if bound == "exact" else None
            return Quantity(text, value, low, high, bound, measure, obj, pos, pos + len(text))
        return self._cached(("q", text, measure, pos), make)

    def _perpetrator(self, who: int, pos: int, *, neutral: bool = False) -> tuple[Perpetrator, str]:
        if who == -2:
            t = _SEVERAL_TEXT
            return self._cached(("p", t, pos), lambda: Perpetrator(
                t, "; ".join(_SEVERAL_ACTORS), pos, pos + len(t), True, _SEVERAL_ACTORS)), t
        texts = _PERP_TEXTS[who]
        if neutral:  # a denial: no "regime" in a government's mouth
            texts = tuple(t for t in texts if "regime" not in t)
        t = texts[self.rng.randrange(len(texts))]
        return self._cached(("p", t, pos), lambda: Perpetrator(t, _PERP_ACTORS[who], pos, pos + len(t))), t

    def _place_loc(self, place: int, mode: int, pos: int, on: bool = False) -> tuple[Location, str]:
        """The location mention for an incident at ``place``, and the phrase (with its
        preposition) that puts it in the sentence; ``pos`` is where the phrase starts."""
        w = self.w
        if mode == _LOC_POINT:
            name = w.place_text[place]
            prep = " on " if on and self.rng.random() < 0.5 else " in "
            at = pos + len(prep)
            e = w.places[place]
            loc = self._cached(("lp", place, at), lambda: Location(
                name, e.name, e.admin1, "Syria", e.lat, e.lon, e.geonames_id, "point", None, at,
                at + len(name), e.admin1_code, "geonames", None))
            return loc, prep + name
        if mode == _LOC_NEAR:
            ref = w.near_ref[place]
            rel = w.near_rel[place] if ref != place else ("on the outskirts of" if self.rng.random() < 0.5 else "near")
            name = w.place_text[ref]
            prep = f" {rel} "
            at = pos + len(prep)
            e = w.places[ref]
            loc = self._cached(("ln", ref, rel, at), lambda: Location(
                name, e.name, e.admin1, "Syria", e.lat, e.lon, e.geonames_id, "near", rel, at,
                at + len(name), e.admin1_code, "geonames", None))
            return loc, prep + name
        # admin1
        return self._gov_loc(w.gov_of_place[place], pos)

    def _gov_loc(self, g: int, pos: int, *, bare: bool = False) -> tuple[Location, str]:
        e = self.w.govs[g]
        gname = GOVERNORATE_NAMES[_GOVS[g]]
        if bare:
            prep, text = "", gname
        else:
            r = self.rng.random()
            prep, text = ((" in ", f"{gname} province") if r < 0.6 else
                          (" in the ", f"{gname} countryside") if r < 0.8 else (" in rural ", gname))
            if text == gname:
                text = f"rural {gname}"
                prep = " in "
        at = pos + len(prep)
        pts = self.l.admin1_points
        loc = self._cached(("lg", g, text, at, pts), lambda: Location(
            text, gname, gname, "Syria", e.lat if pts else None, e.lon if pts else None, None,
            "admin1", None, at, at + len(text), _GOVS[g], "governorate", None))
        return loc, prep + text

    # claims --------------------------------------------------------------------

    def claim(self, s: int, cid: str, doc_id: str, outlet: str | None) -> Claim:
        c_inc, c_outlet, c_pub, c_role, c_mode = self.l._c
        role = c_role[s]
        if role == _ROLE_SUMMARY:
            return self._summary(s, cid, doc_id, c_outlet[s], c_pub[s], outlet)
        rng, w = self.rng, self.w
        inc = c_inc[s]
        day, place, ev, perp, toll = (a[inc] for a in self.l._inc)
        pub = c_pub[s]
        outlet_i = c_outlet[s]
        mode = c_mode[s]
        loc_mode, time_mode = mode >> 3, mode & 7

        # time, first in the sentence
        parts: list[str] = []
        pos = 0
        time: TimeSpan | None = None
        if time_mode in (_T_DAY, _T_DAY_OFF):
            d = day
            if time_mode == _T_DAY_OFF:
                d = day - 1 if (rng.random() < 0.5 or day + 1 > pub) else day + 1
            time = self._time_day(d, pub, True)
        elif time_mode == _T_DAYS:
            length = 2 + rng.randrange(2)
            a = day - rng.randrange(length)  # the window [a, a + length - 1] holds the day
            b = a + length - 1
            if b > pub:  # it cannot end after publication (still holds the day: pub >= day)
                a, b = pub - length + 1, pub
            da, db = w.dates[a], w.dates[b]
            text = (f"Between {da.day} and {db.day} {_MONTHS[db.month - 1]}" if da.month == db.month
                    else f"Between {da.day} {_MONTHS[da.month - 1]} and {db.day} {_MONTHS[db.month - 1]}")
            time = self._time_window(a, b, "days", text)
        elif time_mode == _T_MONTH:
            dt = w.dates[day]
            a = day - (dt.day - 1)
            nxt = _dt.date(dt.year + (dt.month == 12), dt.month % 12 + 1, 1)
            b = a + (nxt - _dt.date(dt.year, dt.month, 1)).days - 1
            time = self._time_window(a, b, "month", f"In {_MONTHS[dt.month - 1]} {dt.year}")
        if time is not None:
            parts.append(time.text)
            parts.append(", ")
            pos = len(time.text) + 2
        first = time is None

        # claimant and stance
        denies = role == _ROLE_DENY
        if denies:
            c = self._choose(_DENIERS[perp][1])
        else:
            c = self._choose(_OUTLETS[outlet_i][3])
        claimant, ctext = self._claimant(c, outlet, pos, first)
        stated_on = None
        stance_cue = None
        if ctext:
            parts.append(ctext)
            pos += len(ctext)
            verb = " denied" if denies else " said"
            if denies:
                stance_cue = self._cached(("sc", pos + 1), lambda: Span("denied", pos + 1, pos + 7))
            parts.append(verb)
            pos += len(verb)
            if rng.random() < 0.15:
                t = f"on {_WEEKDAYS[w.dates[pub].weekday()]}"
                p0 = pos + 1
                stated_on = self._cached(("so", t, pub, p0), lambda: TimeSpan(t, w.iso[pub], w.iso[pub], "day", p0, p0 + len(t)))
                parts.append(" " + t)
                pos += 1 + len(t)
            parts.append(" that " if denies else " ")
            pos += 6 if denies else 1
            first = False

        quantities: tuple[Quantity, ...] = ()
        perpetrator: Perpetrator | None = None
        killed = False
        if denies:
            who = perp if perp else _RU
            perpetrator, ptext = self._perpetrator(who, pos, neutral=True)
            parts.append(ptext)
            pos += len(ptext)
            tail = " had carried out strikes" if ev == 0 else " had used chemical weapons"
            parts.append(tail)
            pos += len(tail)
        else:
            # who is named as the perpetrator
            r = rng.random()
            if perp:
                who = perp if r < 0.55 else (-2 if r < 0.59 else (_pick_other(rng, perp) if r < 0.67 else 0))
            else:
                who = 0 if r < 0.70 else (-2 if r < 0.80 else (_RU, _SAAF)[rng.randrange(2)])
            if ev not in (0, 5) and who in (-2, _RU, _SAAF, _COAL) and perp == 0:
                who = 0
            killed = toll > 0 and rng.random() < 0.8
            if killed:
                q, qtext, wtext, qw = self._toll_quantity(toll, c, pos, first)
                parts.append(qtext)
                pos += len(qtext)
                verb = " was killed" if q.value == 1 else " were killed"
                parts.append(verb)
                pos += len(verb)
                if qw is not None:
                    parts.append(" and ")
                    pos += 5
                    q2 = self._quantity(wtext, qw, "exact", "wounded", None, pos)
                    parts.append(wtext)
                    pos += len(wtext)
                    parts.append(" injured")
                    pos += 8
                    quantities = (q, q2)
                else:
                    quantities = (q,)
                parts.append(" in ")
                pos += 4
                first = False
            # event phrase
            pos, perpetrator = self._event_phrase(ev, who, parts, pos, first)
            if not killed:
                parts.append(" took place")
                pos += 11
        location: Location | None = None
        locations: tuple[Location, ...] = ()
        if loc_mode != _LOC_NONE:
            location, phrase = self._place_loc(place, loc_mode, pos, on=denies or (ev == 0 and killed))
            parts.append(phrase)
            pos += len(phrase)
            locations = self._cached(("ls", id(location)), lambda: (location,))
        parts.append(".")
        text = "".join(parts)
        return Claim(
            claim_id=cid, doc_id=doc_id, claimant=claimant, via=None,
            stance="denies" if denies else "asserts", event_type=_EVENTS[ev], perpetrator=perpetrator,
            quantities=quantities, location=location, locations=locations, time=time,
            stated_on=stated_on, evidence=Span(text, 0, len(text)),
            confidence=_CONFIDENCES[_pick(rng, self.conf_cum)], stance_cue=stance_cue,
            hedged=rng.random() < 0.10,
        )

    def _event_phrase(self, ev: int, who: int, parts: list[str], pos: int, first: bool) -> tuple[int, Perpetrator | None]:
        """Append the event phrase ("airstrikes by Russian warplanes") and return the new
        position and the perpetrator named in it."""
        bare, with_perp = _EVENT_HEADS[ev]
        if ev == 2 and self.rng.random() < 0.5:
            bare = "an explosion"
        if who == 0 or with_perp is None:
            t = bare[:1].upper() + bare[1:] if first else bare
            parts.append(t)
            return pos + len(t), None
        head = with_perp[:1].upper() + with_perp[1:] if first else with_perp
        parts.append(head)
        pos += len(head)
        perpetrator, ptext = self._perpetrator(who, pos)
        parts.append(ptext)
        return pos + len(ptext), perpetrator

    def _toll_quantity(self, toll: int, c: int, pos: int, first: bool) -> tuple[Quantity, str, str, int | None]:
        rng = self.rng
        r = rng.random()
        if r < 0.45:
            v = toll
        elif r < 0.80:
            v = max(1, round(toll * math.exp(rng.gauss(0.0, 0.35))))
        else:
            v = max(1, round(toll * (0.3 + 0.6 * rng.random())))
        r = rng.random()
        bound = "exact" if r < 0.6 else ("low" if r < 0.9 else "approx")
        if bound == "approx" and v < 5:
            bound = "exact"
        r = rng.random()
        if c in (_C_RUMOD, _C_RECON, _C_SANA, _C_SYMOD, _C_SAA):
            obj = "militants" if r < 0.7 else "people"
        elif c == _C_SELF:
            obj = "people" if r < 0.6 else "civilians"
        else:
            obj = "civilians" if r < 0.55 else ("people" if r < 0.9 else "militants")
        # the object is the plural whatever the text says ("one civilian" -> "civilians")
        written = ({"militants": "militant", "people": "person", "civilians": "civilian"}[obj]
                   if v == 1 else obj)
        number = "one" if v == 1 else f"{v:,}"
        prefix = {"exact": "", "low": "at least ", "approx": "about "}[bound]
        text = f"{prefix}{number} {written}"
        if first:
            text = text[:1].upper() + text[1:]
        q = self._quantity(text, float(v), bound, "killed", obj, pos)
        wounded = None
        wtext = ""
        if rng.random() < 0.25:
            wounded = max(1, round(toll * (1.0 + 2.0 * rng.random())))
            wtext = f"{wounded:,}"
        return q, text, wtext, wounded

    def _summary(self, s: int, cid: str, doc_id: str, outlet_i: int, pub: int, outlet: str | None) -> Claim:
        rng, w = self.rng, self.w
        c = self._choose(_OUTLETS[outlet_i][4])
        # the window
        r = rng.random()
        dpub = w.dates[pub]
        if r < 0.40:
            first_this = pub - (dpub.day - 1)
            b = first_this - 1
            db = w.dates[b]
            a = b - (db.day - 1)
            text = f"In {_MONTHS[db.month - 1]} {db.year}"
            precision = "month"
        elif r < 0.75:
            weeks = 1 + rng.randrange(6)
            b = pub
            a = b - 7 * weeks + 1
            text = "Over the past week" if weeks == 1 else f"Over the past {_NUMBER_WORDS[weeks] if weeks < 7 else weeks} weeks"
            precision = "days"
        else:
            year = dpub.year if (dpub - _dt.date(dpub.year, 1, 1)).days >= 29 else dpub.year - 1
            a = (_dt.date(year, 1, 1) - _BASE).days
            b = pub
            text = f"Since the beginning of {year}"
            precision = "days"
        time = self._time_window(a, b, precision, text)
        parts = [text, ", "]
        pos = len(text) + 2
        claimant, ctext = self._claimant(c, outlet, pos, False)
        if ctext:
            parts.append(ctext + " said ")
            pos += len(ctext) + 6
        # the places
        r = rng.random()
        if r < 0.6:
            ngov = 2 + rng.randrange(3)
            gs: list[int] = []
            while len(gs) < ngov:
                g = _pick(rng, _SUMMARY_GOV_CUM)
                if g not in gs:
                    gs.append(g)
        elif r < 0.9:
            gs = [_pick(rng, _SUMMARY_GOV_CUM)]
        else:
            gs = []
        sorties = c == _C_RUMOD
        if sorties:
            n_sorties = max(20, round(300 * math.exp(rng.gauss(0.0, 0.8))))
            n_targets = round(n_sorties * (1.2 + rng.random()))
            perpetrator, ptext = self._perpetrator(_RU, pos)
            parts.append(ptext)
            pos += len(ptext)
            t1 = f"{n_sorties:,} sorties"
            parts.append(" flew ")
            pos += 6
            q1 = self._quantity(t1, float(n_sorties), "exact", "sorties", None, pos)
            parts.append(t1)
            pos += len(t1)
            parts.append(" and struck ")
            pos += 12
            t2 = f"{n_targets:,} targets"
            q2 = self._quantity(t2, float(n_targets), "exact", "struck", "targets", pos)
            parts.append(t2)
            pos += len(t2)
            quantities: tuple[Quantity, ...] = (q1, q2)
            event = "sorties"
        else:
            v = min(6000, max(10, round(150 * math.exp(rng.gauss(0.0, 1.0)))))
            bound = "low" if rng.random() < 0.5 else "exact"
            obj = "civilians" if rng.random() < 0.7 else "people"
            text_q = ("at least " if bound == "low" else "") + f"{v:,} {obj}"
            q = self._quantity(text_q, float(v), bound, "killed", obj, pos)
            parts.append(text_q + " were killed in ")
            pos += len(text_q) + 16
            quantities = (q,)
            r = rng.random()
            who = _RU if r < 0.4 else (_SAAF if r < 0.7 else (_COAL if r < 0.8 else 0))
            pos, perpetrator = self._event_phrase(0, who, parts, pos, False)
            event = "airstrike"
        # locations
        if not gs:
            parts.append(" across Syria")
            pos += 8
            e = w.country
            location = self._cached(("lc", pos), lambda: Location(
                "Syria", "Syria", None, "Syria", e.lat, e.lon, e.geonames_id, "country", None, pos, pos + 5,
                None, "country", None))
            locations: tuple[Location, ...] = (location,)
        else:
            parts.append(" in ")
            pos += 4
            locs = []
            for i, g in enumerate(gs):
                if i:
                    sep = " and " if i == len(gs) - 1 else ", "
                    parts.append(sep)
                    pos += len(sep)
                loc, phrase = self._gov_loc(g, pos, bare=True)
                parts.append(phrase)
                pos += len(phrase)
                locs.append(loc)
            locations = tuple(locs)
            if len(locs) == 1:
                location = locs[0]
            else:
                names = ", ".join(sorted(GOVERNORATE_NAMES[_GOVS[g]] for g in gs))
                location = replace(locs[0], admin1=None, admin1_code=None, precision="country",
                                   note=f"covers {len(locs)} governorates ({names}): see locations")
        parts.append(".")
        text = "".join(parts)
        return Claim(
            claim_id=cid, doc_id=doc_id, claimant=claimant, via=None, stance="asserts",
            event_type=event, perpetrator=perpetrator, quantities=quantities, location=location,
            locations=locations, time=time, stated_on=None, evidence=Span(text, 0, len(text)),
            confidence=_CONFIDENCES[_pick(rng, self.conf_cum)],
        )


#: the event phrase by event type: (without perpetrator, before a perpetrator)
_EVENT_HEADS: dict[int, tuple[str, str | None]] = {
    0: ("airstrikes", "airstrikes by "), 1: ("artillery shelling", "shelling by "),
    2: ("a car bomb explosion", None), 3: ("clashes", "an attack by "),
    4: ("fighting", "an advance by "), 5: ("a suspected chemical attack", "a chlorine attack by "),
}

#: governorates of summary reports (Idlib and Aleppo most)
_SUMMARY_GOV_CUM = _cum([14, 20, 10, 6, 4, 1, 8, 6, 3, 2, 8, 5, 1, 1])


def _pick_other(rng: random.Random, perp: int) -> int:
    """Another actor than the true one, of the same kind: another air force (the other of
    Russia and Syria 70%, else the coalition), none for the army."""
    if perp == _SAA:
        return 0
    if perp == _COAL:
        return (_RU, _SAAF)[rng.randrange(2)]
    if rng.random() < 0.3:
        return _COAL
    return _SAAF if perp == _RU else _RU
