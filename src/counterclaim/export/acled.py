"""``acled``: one row an incident, in ACLED's columns and codes.

ACLED codes events, not reports: an incident whose claims all deny is not an event and is left
out, and so is one with no date.  The fatalities follow ACLED's conservative rule
(:func:`counterclaim.group.tolls.incident_tolls`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, TextIO

from ..group.tolls import Tolls, agreed_perpetrator, civilian_victims, incident_stance, incident_tolls
from ..knowledge.actors import Registry
from ..knowledge.lexicon import DEFAULT_LANGUAGE, Lexicon, lexicon_for
from ..knowledge.resources import Resources
from ..model import Claim, Incident
from .codes import acled_geo_precision, acled_time_precision, incident_window
from .selection import ExportStats, Selection, join_names, write_incident_csv

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger.base import Ledger

#: inter codes or timestamp).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "tags",
)


#: The typed columns (``int``, ``float``; the rest is text), for readers and DataFrames.
COLUMN_TYPES: dict[str, str] = {
    **dict.fromkeys(("year", "time_precision", "geo_precision", "fatalities"), "int"),
    **dict.fromkeys(("latitude", "longitude"), "float"),
}

#: counterclaim event type -> ACLED (disorder_type, event_type, sub_event_type).
#: ``territory`` is refined by the perpetrator's actor type and ``weapon_use`` by a chemical
#: cue, see :func:`acled_event_type`.  ``sorties``, ``weapon_use`` (not chemical) and ``other``
#: are reports of activity, not of one attack at one place: ACLED's "Strategic developments /
#: Other" is the closest honest code.
ACLED_EVENT_TYPES: dict[str, tuple[str, str, str]] = {
    "airstrike": ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosion": ("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "ground_attack": ("Political violence", "Battles", "Armed clash"),
    "territory": ("Political violence", "Battles", "Armed clash"),
    "weapon_use": ("Strategic developments", "Strategic developments", "Other"),
    "sorties": ("Strategic developments", "Strategic developments", "Other"),
    "other": ("Strategic developments", "Strategic developments", "Other"),
}



@cache
def _chemical(lex: Lexicon) -> re.Pattern[str]:
    """Words naming a chemical agent: the lexicon's chemical weapons."""
    return re.compile(lex.weapons["chemical weapons"], re.IGNORECASE)


_STATE_TYPES = frozenset({"state_military", "government"})


def acled_event_type(
    inc: Incident, claims: Mapping[str, Claim], registry: Registry, actor1: str | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[str, str, str]:
    """ACLED ``(disorder_type, event_type, sub_event_type)`` for an incident.

    By :data:`ACLED_EVENT_TYPES`, with two refinements: ``territory`` is "Government regains
    territory" when the agreed perpetrator is a state force or government, "Non-state actor
    overtakes territory" when it is an armed group, else "Armed clash"; ``weapon_use`` whose
    evidence names a chemical agent is "Explosions/Remote violence / Chemical weapon".
    """
    kind = inc.event_type
    if kind == "territory" and actor1:
        a = registry.actor(actor1)
        t = a.type if a is not None else None
        if t in _STATE_TYPES:
            return "Political violence", "Battles", "Government regains territory"
        if t == "armed_group":
            return "Political violence", "Battles", "Non-state actor overtakes territory"
    chemical = _chemical(lexicon or lexicon_for(DEFAULT_LANGUAGE))
    if kind == "weapon_use" and any(
        chemical.search(claims[c].evidence.text) for c in inc.claim_ids if c in claims
    ):
        return "Political violence", "Explosions/Remote violence", "Chemical weapon"
    return ACLED_EVENT_TYPES.get(kind, ACLED_EVENT_TYPES["other"])



def incident_notes(inc: Incident, tolls: Tolls) -> str:
    """A plain summary for ACLED's ``notes``: when and where, what each claimant says (denials
    included), how many contradictions, and how the fatalities were chosen when tolls differ."""
    when = ""
    if inc.time is not None and inc.time.start:
        when = f"On {inc.time.start}" if inc.time.start == inc.time.end else f"Between {inc.time.start} and {inc.time.end}"
    where = ""
    if inc.location is not None:
        name = inc.location.name or inc.location.text
        where = f"in {name}" + (f" ({inc.location.admin1})" if inc.location.admin1 and inc.location.admin1 != name else "")
    head = " ".join(p for p in (when, where) if p)
    says = "; ".join(f"{s.claimant} {s.says}" for s in inc.summary)
    parts = [f"{head}: {says}." if head else f"{says}."]
    if inc.contradictions:
        parts.append(f"{inc.contradictions} contradiction{'s' if inc.contradictions != 1 else ''} between the claimants.")
    if tolls.disputed:
        figures = "; ".join(f"{t.best} by {t.claimant}" for t in sorted(tolls.by_claimant, key=lambda t: t.best))
        parts.append(f"Fatalities: the lowest reported toll ({figures}).")
    return " ".join(parts)



def acled_row(ledger: Ledger, inc: Incident, claims: Mapping[str, Claim], registry: Registry) -> dict[str, object] | None:
    """One ACLED-style row for an incident, or None when ACLED would not code it (no member
    asserts it: a denial is not an event; or it has no date).

    ``event_date`` is the first day of the incident's window (ISO ``YYYY-MM-DD``) and
    ``time_precision`` says how wide the window is (1 a day, 2 up to a week, 3 longer;
    :func:`.codes.acled_time_precision`); the full window is in ``tags``.
    ``actor1`` is the agreed perpetrator (:func:`agreed_perpetrator`, else empty); ``actor2`` is
    "Civilians (<country>)" when a claimant says civilians were killed, else empty.
    ``fatalities`` by ACLED's conservative rule (:func:`incident_tolls`).  ``source`` lists the
    outlets, then the claimants; ``notes`` is :func:`incident_notes`.
    """
    if incident_stance(inc, claims) == "denied":
        return None
    window = incident_window(inc.time)
    if window is None or window.start is None:
        return None
    tolls = incident_tolls(inc, claims)
    actor1 = agreed_perpetrator(inc, claims, registry)
    disorder, event, sub_event = acled_event_type(inc, claims, registry, actor1)
    loc = inc.location
    country = loc.country if loc is not None else None
    denied_by = [s.claimant for s in inc.summary if s.stance in ("denies", "both")]
    tags = [f"counterclaim_event_type={inc.event_type}", f"window={window.start}/{window.end}"]
    if inc.time_basis != "text":
        tags.append(f"time_basis={inc.time_basis}")
    if loc is not None:
        tags.append(f"place_precision={loc.precision}")
    if inc.contradictions:
        tags.append(f"contradictions={inc.contradictions}")
    if denied_by:
        tags.append("denied_by=" + ", ".join(denied_by))
    return {
        "event_id_cnty": inc.incident_id,
        "event_date": window.start,
        "year": int(window.start[:4]),
        "time_precision": acled_time_precision(window),
        "disorder_type": disorder,
        "event_type": event,
        "sub_event_type": sub_event,
        "actor1": actor1 or "",
        "actor2": f"Civilians ({country or 'International'})" if civilian_victims(tolls) else "",
        "country": country or "",
        "admin1": loc.admin1 if loc is not None and loc.admin1 else "",
        "location": (loc.name or loc.text) if loc is not None else "",
        "latitude": loc.lat if loc is not None else None,
        "longitude": loc.lon if loc is not None else None,
        "geo_precision": acled_geo_precision(loc.precision) if loc is not None else None,
        "source": join_names(inc.outlets, inc.claimants),
        "notes": incident_notes(inc, tolls),
        "fatalities": tolls.acled,
        "tags": "; ".join(tags),
    }



def write_acled_export(
    ledger: Ledger,
    out: TextIO,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
    resources: Resources | None = None,
) -> int:
    """ACLED-style CSV, one row an incident (:data:`ACLED_COLUMNS`, see :func:`acled_row`);
    returns the rows written.  Incidents every member denies, or with no date, are skipped and
    counted in ``stats.skipped``."""
    registry = (resources or Resources.default()).registry
    return write_incident_csv(
        ledger, out, ACLED_COLUMNS, lambda lg, inc, claims: acled_row(lg, inc, claims, registry),
        Selection(admin1, since, until, claimant), stats,
    )



__all__ = ["ACLED_COLUMNS", "ACLED_EVENT_TYPES", "COLUMN_TYPES", "acled_event_type", "acled_row", "incident_notes",
           "write_acled_export"]
