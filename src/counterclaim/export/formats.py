"""Writing claims out: JSON lines (the contract), CSV (flat, one row a claim) and a terminal table.

JSONL is the lossless form (``docs/ledger.md``): one claim object a line, with ``source_path``
and ``source_id`` on every line.  CSV flattens each claim to :data:`CSV_COLUMNS`, keeping the
full quantity list as JSON in one cell.  The table is for reading, not for machines.

The ledger exports (:func:`write_export`, ``counterclaim export``) write a grouped ledger as
lossless JSON lines, a claims CSV with each claim's incident, a GeoJSON map of incidents, and
ACLED- and UCDP GED-style event tables; :func:`to_dataframe` gives the same tables to pandas.
Their readers are in :mod:`counterclaim.export.readers`.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from ..model import Claim, Incident, Quantity, TimeSpan, to_dict
from ..resolve.places import acled_geo_precision, ucdp_where_prec
from ..resolve.times import acled_time_precision, ucdp_date_prec

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from ..ledger.sqlite import Ledger

FORMATS = ("jsonl", "table", "csv")
T = TypeVar("T")

CSV_COLUMNS: tuple[str, ...] = (
    "claim_id", "doc_id", "source_path", "source_id", "claimant_text", "claimant_actor", "actor_type",
    "via", "stance", "event_type", "perpetrator", "quantities_summary", "quantities",
    "location_text", "location_relation", "location_name", "admin1", "admin1_code", "country", "latitude",
    "longitude", "geonames_id", "geo_precision", "acled_geo_precision", "ucdp_where_prec", "locations",
    "time_text", "time_start", "time_end", "time_precision", "acled_time_precision", "ucdp_date_prec",
    "stated_on_text", "evidence", "evidence_start", "evidence_end", "confidence", "section", "hedged",
    "responds_to", "context",
)

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


def flat_row(c: Claim) -> dict[str, object]:
    """One CSV row for a claim."""
    return {
        "claim_id": c.claim_id,
        "doc_id": c.doc_id,
        "source_path": c.source_path,
        "source_id": c.source_id,
        "claimant_text": c.claimant.text,
        "claimant_actor": c.claimant.actor,
        "actor_type": c.claimant.actor_type,
        "via": c.via.text if c.via else None,
        "stance": c.stance,
        "event_type": c.event_type,
        "perpetrator": c.perpetrator.text if c.perpetrator else None,
        "quantities_summary": "; ".join(quantity_summary(q) for q in c.quantities),
        "quantities": json.dumps(to_dict(c.quantities), ensure_ascii=False),
        "location_text": c.location.text if c.location else None,
        "location_relation": c.location.relation if c.location else None,
        "location_name": c.location.name if c.location else None,
        "admin1": c.location.admin1 if c.location else None,
        "admin1_code": c.location.admin1_code if c.location else None,
        "country": c.location.country if c.location else None,
        "latitude": c.location.lat if c.location else None,
        "longitude": c.location.lon if c.location else None,
        "geonames_id": c.location.geonames_id if c.location else None,
        "geo_precision": c.location.precision if c.location else None,
        "acled_geo_precision": acled_geo_precision(c.location.precision) if c.location else None,
        "ucdp_where_prec": ucdp_where_prec(c.location.precision) if c.location else None,
        "locations": "; ".join(loc.text for loc in c.locations),
        "time_text": c.time.text if c.time else None,
        "time_start": c.time.start if c.time else None,
        "time_end": c.time.end if c.time else None,
        "time_precision": c.time.precision if c.time else None,
        "acled_time_precision": acled_time_precision(c.time) if c.time else None,
        "ucdp_date_prec": ucdp_date_prec(c.time) if c.time else None,
        "stated_on_text": c.stated_on.text if c.stated_on else None,
        "evidence": c.evidence.text,
        "evidence_start": c.evidence.start,
        "evidence_end": c.evidence.end,
        "confidence": c.confidence,
        "section": c.section,
        "hedged": c.hedged,
        "responds_to": c.responds_to,
        "context": c.context.text if c.context else None,
    }


def write_records(
    items: Iterable[T], out: TextIO, fmt: str, columns: Sequence[str], row: Callable[[T], Mapping[str, object]],
    formats: Sequence[str] = FORMATS,
) -> int:
    """Model objects as JSON lines (each whole, :func:`to_dict`) or CSV (flattened by ``row``
    into ``columns``); returns how many were written."""
    n = 0
    if fmt == "jsonl":
        for x in items:
            out.write(json.dumps(to_dict(x), ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        for x in items:
            writer.writerow(row(x))
            n += 1
        return n
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(formats)}")


def write_claims(claims: Iterable[Claim], out: TextIO, fmt: str) -> int:
    """Write claims in ``fmt`` (one of :data:`FORMATS`); returns how many were written."""
    if fmt == "table":
        return write_table(claims, out)
    return write_records(claims, out, fmt, CSV_COLUMNS, flat_row)


_TABLE = (("claimant", 24), ("stance", 7), ("event", 11), ("how many", 30), ("where", 28), ("when", 18))


def write_table(claims: Iterable[Claim], out: TextIO, width: int | None = None) -> int:
    """A readable table: who, stance, event, quantities, place, time, then the evidence."""
    width = width or max(100, shutil.get_terminal_size((160, 24)).columns)
    header = "  ".join(name.ljust(w) for name, w in _TABLE) + "  evidence"
    out.write(header + "\n" + "-" * min(width, len(header) + 40) + "\n")
    fixed = sum(w + 2 for _, w in _TABLE)
    n = 0
    for c in claims:
        cells = (
            c.claimant.actor or c.claimant.text or "(outlet)",
            c.stance,
            c.event_type,
            "; ".join(quantity_summary(q) for q in c.quantities),
            _where(c),
            c.time.text if c.time else "",
        )
        row = "  ".join(_fit(v, w) for v, (_, w) in zip(cells, _TABLE, strict=True))
        out.write(row + "  " + _fit(c.evidence.text.replace("\n", " "), max(20, width - fixed)) + "\n")
        n += 1
    return n


def _where(c: Claim) -> str:
    """"northeast of Palmyra [Homs]", "the provinces of Aleppo [Syria]", "Dayr al-Zawr [?]"."""
    loc = c.location
    if loc is None:
        return ""
    words = ((loc.relation + " ") if loc.relation else "") + loc.text
    if loc.precision == "unknown":
        return words + " [?]"
    return f"{words} [{loc.admin1 or loc.country or loc.precision}]"


def _fit(value: str, w: int) -> str:
    value = value.replace("\n", " ")
    return value.ljust(w) if len(value) <= w else value[: w - 1] + "…"


# =========================================================================== ledger exports
#
# ``counterclaim export --format jsonl|csv|geojson|acled|ucdp``: the ledger (claims grouped into
# incidents, with their contradictions) written for other tools.  One function a format, each
# writing to a text stream and returning the number of records written; :func:`write_export`
# dispatches.  The readers that take each format back are in :mod:`counterclaim.export.readers`.
#
# What is decided, in one place (each writer's docstring says it again):
#
# * jsonl is the lossless ledger; csv is one row a claim; geojson, acled and ucdp are one
#   feature/row an *incident* (ACLED and UCDP code events, not reports).
# * acled and ucdp skip incidents that no member asserts (every member denies): a denial is not
#   an event; they also skip incidents with no date.  geojson keeps denied incidents (their
#   ``stance`` property says so) and skips incidents without coordinates.
# * Fatalities come only from ``killed`` quantities of asserting member claims (not from
#   "bodies recovered", "wounded" or "casualties").  See :func:`incident_tolls`.

EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson", "acled", "ucdp")

#: The claim CSV export: :data:`CSV_COLUMNS` plus where grouping put the claim.
CLAIM_EXPORT_COLUMNS: tuple[str, ...] = (
    *CSV_COLUMNS, "incident_id", "grouping_role", "link_to", "link_score", "link_reason",
)

#: ACLED-style columns, in the order of ACLED's own exports (a subset: no ISO, region, admin2/3,
#: inter codes or timestamp).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "tags",
)

#: UCDP GED-style columns (a subset of GED's, same names; ``id`` is the incident id, a string).
UCDP_COLUMNS: tuple[str, ...] = (
    "id", "year", "side_a", "side_b", "source_article", "source_office", "source_date",
    "source_original", "number_of_sources", "where_prec", "where_coordinates", "where_description",
    "adm_1", "latitude", "longitude", "country", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
)

#: GeoJSON feature properties (flat scalars only: QGIS/OGR read nested objects badly).
GEOJSON_PROPERTIES: tuple[str, ...] = (
    "incident_id", "event_type", "stance", "location", "admin1", "country", "precision",
    "geo_precision", "where_prec", "time_start", "time_end", "time_precision", "acled_time_precision", "claimants",
    "n_claims", "n_claimants", "n_contradictions", "n_corroborations", "outlets", "fatalities",
)

#: The typed columns of each tabular export, for the readers and :func:`to_dataframe`:
#: ``int``, ``float`` or ``bool``; every other column is text.  (The same name can differ by
#: format: a claim's ``geo_precision`` is a word, ACLED's a code.)
EXPORT_COLUMN_TYPES: dict[str, dict[str, str]] = {
    "csv": {
        **dict.fromkeys(("geonames_id", "acled_geo_precision", "ucdp_where_prec", "acled_time_precision",
                         "ucdp_date_prec", "evidence_start", "evidence_end"), "int"),
        **dict.fromkeys(("latitude", "longitude", "confidence", "link_score"), "float"),
        "hedged": "bool",
    },
    "acled": {
        **dict.fromkeys(("year", "time_precision", "geo_precision", "fatalities"), "int"),
        **dict.fromkeys(("latitude", "longitude"), "float"),
    },
    "ucdp": {
        **dict.fromkeys(("year", "number_of_sources", "where_prec", "event_clarity", "date_prec", "deaths_a",
                         "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low"), "int"),
        **dict.fromkeys(("latitude", "longitude"), "float"),
    },
    "incidents": {
        **dict.fromkeys(("geo_precision", "where_prec", "acled_time_precision", "n_claims", "n_claimants",
                         "n_contradictions", "n_corroborations", "fatalities", "low", "best", "high"), "int"),
        **dict.fromkeys(("latitude", "longitude"), "float"),
    },
    "contradictions": {"same_claimant": "bool"},
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

_CHEMICAL = re.compile(r"\b(chemical|chlorine|sarin|toxic gas|nerve agent|mustard gas|poison gas)\b", re.IGNORECASE)
_STATE_TYPES = frozenset({"state_military", "government"})

#: ACLED's figures for vague tolls.  ACLED, "Fatalities" (Knowledge base, "Uses and limitations
#: of ACLED data", 27 Feb 2023, updated 7 May 2024): "If source reports differ or a vague
#: estimate is provided, ACLED uses the most conservative estimate available ... ACLED codes 10
#: for 'tens', 12 for 'dozens', 100 for 'hundreds', and so on"; the Codebook (2019, "Reported
#: fatalities") codes "several", "many" and plural fatalities as 10.  "a few"/"a handful" are
#: not in the codebook: 3 here (10 would be more than the words allow).  "scores" is 20.
ACLED_VAGUE: dict[str, int] = {
    "a few": 3, "a handful": 3, "several": 10, "many": 10, "tens": 10, "dozens": 12, "scores": 20,
    "hundreds": 100, "thousands": 1_000, "tens of thousands": 10_000,
    "hundreds of thousands": 100_000, "millions": 1_000_000,
}
_SCALE = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}

_CIVILIAN_OBJECTS = frozenset({
    "civilian", "civilians", "child", "children", "woman", "women", "resident", "residents",
    "villager", "villagers", "worker", "workers", "patient", "patients", "family", "families",
    "student", "students", "refugee", "refugees",
})
_COMBATANT_OBJECTS = frozenset({
    "militant", "militants", "fighter", "fighters", "soldier", "soldiers", "terrorist", "terrorists",
    "rebel", "rebels", "troop", "troops", "jihadist", "jihadists", "serviceman", "servicemen",
    "gunman", "gunmen", "insurgent", "insurgents", "combatant", "combatants", "member", "members",
})


@dataclass
class ExportStats:
    """What an export wrote and what it left out, by reason (for the CLI to report)."""

    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        """"wrote 11 records; skipped 2 (no coordinates: 2)"."""
        n = sum(self.skipped.values())
        if not n:
            return f"wrote {self.written} records"
        why = ", ".join(f"{reason}: {k}" for reason, k in sorted(self.skipped.items()))
        return f"wrote {self.written} records; skipped {n} ({why})"


def write_export(
    ledger: Ledger,
    out: TextIO,
    fmt: str,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
) -> int:
    """Write the ledger in ``fmt`` (one of :data:`EXPORT_FORMATS`); returns the records written.

    The filters restrict the incidents (as :meth:`Ledger.incidents` does: ``since``/``until``
    keep incidents whose window overlaps them, ``claimant`` matches a claimant name) and, for
    jsonl and csv, the claims to those incidents' claims; with no filter everything is written,
    claims grouped into no incident included.  The ledger must have been grouped
    (:func:`counterclaim.group.update.update`); claims grouping has not seen yet have empty grouping
    columns.  ``stats``, if given, gets the count written and the records left out, by reason.
    """
    writers = {
        "jsonl": write_jsonl_export, "csv": write_csv_export, "geojson": write_geojson_export,
        "acled": write_acled_export, "ucdp": write_ucdp_export,
    }
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    return writers[fmt](ledger, out, admin1=admin1, since=since, until=until, claimant=claimant, stats=stats)


# --------------------------------------------------------------------------- selection


def _filtered(admin1: str | None, since: str | None, until: str | None, claimant: str | None) -> bool:
    return any(v is not None for v in (admin1, since, until, claimant))


def _incidents(
    ledger: Ledger, admin1: str | None, since: str | None, until: str | None, claimant: str | None
) -> list[Incident]:
    return list(ledger.incidents(admin1=admin1, since=since, until=until, claimant=claimant))


def _incident_claim_ids(ledger: Ledger, inc: Incident) -> list[str]:
    """Member claims, then the republished copies' claims counted under the incident."""
    return list(dict.fromkeys([*inc.claim_ids, *(cid for cid, _ in ledger.duplicates_in(inc.incident_id))]))


# --------------------------------------------------------------------------- jsonl


def write_jsonl_export(
    ledger: Ledger,
    out: TextIO,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
) -> int:
    """The lossless ledger, one JSON object a line; returns the lines written.

    Every object has a ``"record"`` key — ``document``, ``sighting``, ``claim``, ``incident``,
    ``contradiction`` or ``corroboration`` — and otherwise is exactly ``to_dict(obj)`` (documents
    keep their full text: every offset in the ledger points into it; a sighting is the dict of
    :meth:`Ledger.sightings`).  Records come in that order, so a reader meets a claim's document
    before the claim.  With no filter everything is written; with filters, the incidents kept,
    the claims they hold (members and republished copies) or that their contradictions and
    corroborations cite, those claims' documents and sightings, and those contradictions and
    corroborations.  Read back with :func:`counterclaim.export.readers.read_jsonl_export`.
    """
    stats = stats if stats is not None else ExportStats()
    n = 0

    def put(kind: str, data: dict[str, Any]) -> None:
        nonlocal n
        out.write(json.dumps({"record": kind, **data}, ensure_ascii=False) + "\n")
        n += 1

    if not _filtered(admin1, since, until, claimant):
        for d in ledger.documents():
            put("document", to_dict(d))
        for s in ledger.sightings():
            put("sighting", dict(s))
        for c in ledger.claims():
            put("claim", to_dict(c))
        for inc in ledger.incidents():
            put("incident", to_dict(inc))
        for x in ledger.contradictions():
            put("contradiction", to_dict(x))
        for k in ledger.corroborations():
            put("corroboration", to_dict(k))
    else:
        incidents = _incidents(ledger, admin1, since, until, claimant)
        contradictions = [x for inc in incidents for x in ledger.contradictions(incident_id=inc.incident_id)]
        corroborations = [k for inc in incidents for k in ledger.corroborations(incident_id=inc.incident_id)]
        ids: list[str] = []
        for inc in incidents:
            ids += _incident_claim_ids(ledger, inc)
        for cited in (*(x.claim_ids for x in contradictions), *(k.claim_ids for k in corroborations)):
            ids += cited
        ids = list(dict.fromkeys(ids))
        found = ledger.claims_by_id(ids)
        claims = [found[i] for i in ids if i in found]
        doc_ids = list(dict.fromkeys([c.doc_id for c in claims] + [d for inc in incidents for d in inc.doc_ids]))
        for doc_id in doc_ids:
            doc = ledger.document(doc_id)
            if doc is not None:
                put("document", to_dict(doc))
        for doc_id in doc_ids:
            for s in ledger.sightings(doc_id):
                put("sighting", dict(s))
        for c in claims:
            put("claim", to_dict(c))
        for inc in incidents:
            put("incident", to_dict(inc))
        for x in contradictions:
            put("contradiction", to_dict(x))
        for k in corroborations:
            put("corroboration", to_dict(k))
    stats.written += n
    return n


# --------------------------------------------------------------------------- csv (claims)


def claim_export_row(c: Claim, grouping: dict[str, Any] | None) -> dict[str, object]:
    """:func:`flat_row` plus ``incident_id``, ``grouping_role`` (member, duplicate, summary,
    unplaced; empty before grouping), and the link that placed it: ``link_to`` (the claim it was
    matched with), ``link_score`` and ``link_reason``."""
    row = flat_row(c)
    link = (grouping or {}).get("link") or {}
    row.update(
        incident_id=(grouping or {}).get("incident_id"),
        grouping_role=(grouping or {}).get("role"),
        link_to=link.get("to_claim_id"),
        link_score=link.get("score"),
        link_reason=link.get("reason") or (grouping or {}).get("why"),
    )
    return row


def _claim_rows(
    ledger: Ledger, admin1: str | None, since: str | None, until: str | None, claimant: str | None
) -> Iterator[dict[str, object]]:
    if not _filtered(admin1, since, until, claimant):
        for c in ledger.claims():
            yield claim_export_row(c, ledger.grouping_of(c.claim_id))
        return
    for inc in _incidents(ledger, admin1, since, until, claimant):
        ids = _incident_claim_ids(ledger, inc)
        found = ledger.claims_by_id(ids)
        for cid in ids:
            if cid in found:
                yield claim_export_row(found[cid], ledger.grouping_of(cid))


def write_csv_export(
    ledger: Ledger,
    out: TextIO,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
) -> int:
    """One CSV row a claim, :data:`CLAIM_EXPORT_COLUMNS`; returns the rows written.

    Unfiltered: every claim in ledger order (summaries and unplaced claims too, with their
    ``grouping_role`` and the reason in ``link_reason``).  Filtered: the member and duplicate
    claims of the incidents kept, incident by incident.  Empty cells are nulls.
    """
    stats = stats if stats is not None else ExportStats()
    writer = csv.DictWriter(out, fieldnames=list(CLAIM_EXPORT_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in _claim_rows(ledger, admin1, since, until, claimant):
        writer.writerow(row)
        n += 1
    stats.written += n
    return n


# --------------------------------------------------------------------------- fatalities


@dataclass(frozen=True, slots=True)
class Toll:
    """One claimant's killed figure for an incident: ``low``/``best``/``high`` readings, the
    civilians among them, and the claims it came from."""

    claimant: str
    low: int
    best: int
    high: int
    civilians: int
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tolls:
    """The killed figures of an incident's asserting claimants and what ACLED and UCDP make of
    them (see :func:`incident_tolls`)."""

    by_claimant: tuple[Toll, ...]
    acled: int
    low: int
    best: int
    high: int
    civilians: int

    @property
    def disputed(self) -> bool:
        return len({t.best for t in self.by_claimant}) > 1


def acled_vague_count(text: str) -> int | None:
    """ACLED's figure for a vague amount: "dozens" 12, "hundreds" 100, "several" 10, "several
    hundred" 100, "tens of thousands" 10,000; None when ``text`` is not one (see
    :data:`ACLED_VAGUE`).  A bound word in front ("more than dozens") is ignored."""
    t = " ".join(text.casefold().split())
    t = re.sub(r"^(?:more than|over|at least|nearly|almost|up to|about|around|some)\s+", "", t)
    m = re.match(r"^(?:tens|hundreds) of (?:thousands|millions)\b", t)
    if m:
        return ACLED_VAGUE[m.group(0)]
    m = re.match(r"^(?:several|a few|a handful of|many) (dozen|hundred|thousand|million)s?\b", t)
    if m:
        return _SCALE[m.group(1)]
    for phrase in sorted(ACLED_VAGUE, key=len, reverse=True):
        if t == phrase or t.startswith(phrase + " "):
            return ACLED_VAGUE[phrase]
    return None


def quantity_reading(q: Quantity) -> tuple[int, int, int] | None:
    """``(low, best, high)`` for a killed quantity, or None when it gives no figure.

    exact/approx N: (N, N, N); a bound word keeps the figure ("more than 26", "up to 200": the
    claimant's number is the only number there is); a range "12-30": (12, 12, 30), the best
    being the conservative end; a vague amount: ACLED's conventional figure for all three
    (:func:`acled_vague_count`, falling back on the quantity's own ``low``).
    """
    if q.bound == "vague":
        n = acled_vague_count(q.text)
        if n is None and q.low is not None:
            n = int(q.low)
        return None if n is None else (n, n, n)
    if q.bound == "range" and q.low is not None and q.high is not None:
        return int(q.low), int(q.low), int(q.high)
    v = q.value if q.value is not None else q.low if q.low is not None else q.high
    if v is None:
        return None
    return int(v), int(v), int(v)


def _object_kind(obj: str | None) -> str:
    words = (obj or "").casefold().split()
    head = words[-1] if words else ""
    if head in _CIVILIAN_OBJECTS:
        return "civilian"
    if head in _COMBATANT_OBJECTS:
        return "combatant"
    return "any"


def claim_toll(c: Claim) -> tuple[int, int, int, int] | None:
    """``(low, best, high, civilians)`` killed, by one claim; None if it gives no killed figure.

    Figures in one claim are not simply added: "26 people were killed, including 10 civilians"
    is 26.  Civilians and combatants (militants, soldiers, ...) are disjoint, so those two add
    up; a figure for people in general stands for the whole.  Within each group the largest
    figure is taken ("10 civilians, including 4 children" is 10).
    """
    groups: dict[str, list[tuple[int, int, int]]] = {"civilian": [], "combatant": [], "any": []}
    for q in c.quantities:
        if q.measure != "killed":
            continue
        r = quantity_reading(q)
        if r is not None:
            groups[_object_kind(q.object)].append(r)
    if not any(groups.values()):
        return None

    def top(rs: list[tuple[int, int, int]], i: int) -> int:
        return max((r[i] for r in rs), default=0)

    out = []
    for i in range(3):
        split = top(groups["civilian"], i) + top(groups["combatant"], i)
        out.append(max(top(groups["any"], i), split))
    civilians = min(top(groups["civilian"], 1), out[1])
    return out[0], out[1], out[2], civilians


def incident_tolls(incident: Incident, claims: Mapping[str, Claim]) -> Tolls:
    """The killed figures of an incident and the ACLED/UCDP estimates from them.

    Only member claims that *assert* count (a denial gives no toll), and only ``killed``
    quantities.  Per claimant (as grouped in the incident's summary), the claim with the largest
    figure stands for it: a claimant repeating or updating its toll is one report, not several.
    Across claimants:

    * ``acled``: the lowest claimant figure (its ``low`` reading) — ACLED's conservative rule:
      "If source reports differ or a vague estimate is provided, ACLED uses the most
      conservative estimate available" (ACLED Knowledge base, "Fatalities", 2023; Codebook 2019,
      "Reported fatalities").  0 when no claimant gives a killed figure.
    * ``low``/``high``: UCDP GED's lowest and highest reasonable estimates: the lowest ``low``
      and highest ``high`` of the claimants (UCDP GED Codebook, "low", "high").
    * ``best``: UCDP's most likely figure.  Decided here: the figure most claimants give, when
      two or more independent claimants agree on it and no other figure has as many; otherwise
      the median of the claimants' figures, the lower middle one for an even count, so that
      ``best`` is always a figure someone reported and leans conservative, as GED does.
    * ``civilians``: the civilians killed in the claim(s) giving ``best``, at most ``best``.
    """
    owner: dict[str, str] = {}
    for s in incident.summary:
        for cid in s.claim_ids:
            owner[cid] = s.claimant
    per: dict[str, list[tuple[tuple[int, int, int, int], str]]] = {}
    for cid in incident.claim_ids:
        c = claims.get(cid)
        if c is None or c.stance != "asserts":
            continue
        t = claim_toll(c)
        if t is None:
            continue
        name = owner.get(cid) or c.claimant.actor or c.claimant.text or "(unnamed outlet)"
        per.setdefault(name, []).append((t, cid))
    tolls = []
    for name, found in per.items():
        (lo, mid, hi, civ), _ = max(found, key=lambda x: (x[0][1], x[0][2]))
        tolls.append(Toll(name, lo, mid, hi, civ, tuple(cid for _, cid in found)))
    if not tolls:
        return Tolls((), 0, 0, 0, 0, 0)
    bests: list[int] = sorted(t.best for t in tolls)
    (top, k), *rest = Counter(bests).most_common()
    best: int = top if k >= 2 and all(k2 < k for _, k2 in rest) else bests[(len(bests) - 1) // 2]
    low = min(t.low for t in tolls)
    high = max(t.high for t in tolls)
    best = min(max(best, low), high)
    civilians = min(max((t.civilians for t in tolls if t.best == best), default=0), best)
    return Tolls(tuple(tolls), low, low, best, high, civilians)


# --------------------------------------------------------------------------- incident helpers


def _members(ledger: Ledger, inc: Incident) -> dict[str, Claim]:
    return ledger.claims_by_id(list(inc.claim_ids))


def incident_stance(inc: Incident, claims: Mapping[str, Claim]) -> str:
    """``asserted`` (no member denies), ``denied`` (every member denies) or ``contested``."""
    stances = {claims[c].stance for c in inc.claim_ids if c in claims}
    if "asserts" not in stances:
        return "denied"
    return "contested" if "denies" in stances else "asserted"


def agreed_perpetrator(inc: Incident, claims: Mapping[str, Claim]) -> str | None:
    """The canonical perpetrator when every asserting member that names one names the same
    single actor; None when none names one, when they differ, or when one names several
    ("Syrian, Russian or the US-led coalition": the claimant itself does not know).  Only
    names the actor registry knows count: an unresolved perpetrator ("it", "the jets") names
    no one."""
    named: set[str] = set()
    for cid in inc.claim_ids:
        c = claims.get(cid)
        if c is None or c.stance != "asserts" or c.perpetrator is None:
            continue
        p = c.perpetrator
        if p.several or len(p.actors) > 1:
            return None
        if p.actor and _actor_type(p.actor) is not None:
            named.add(p.actor)
    return named.pop() if len(named) == 1 else None


def _actor_type(name: str) -> str | None:
    """The registry's type for a canonical actor name, None when the registry does not know it."""
    from ..knowledge.actors import default_registry

    a = default_registry().actor(name)
    return a.type if a is not None else None


def acled_event_type(inc: Incident, claims: Mapping[str, Claim], actor1: str | None = None) -> tuple[str, str, str]:
    """ACLED ``(disorder_type, event_type, sub_event_type)`` for an incident.

    By :data:`ACLED_EVENT_TYPES`, with two refinements: ``territory`` is "Government regains
    territory" when the agreed perpetrator is a state force or government, "Non-state actor
    overtakes territory" when it is an armed group, else "Armed clash"; ``weapon_use`` whose
    evidence names a chemical agent is "Explosions/Remote violence / Chemical weapon".
    """
    kind = inc.event_type
    if kind == "territory" and actor1:
        t = _actor_type(actor1)
        if t in _STATE_TYPES:
            return "Political violence", "Battles", "Government regains territory"
        if t == "armed_group":
            return "Political violence", "Battles", "Non-state actor overtakes territory"
    if kind == "weapon_use" and any(
        _CHEMICAL.search(claims[c].evidence.text) for c in inc.claim_ids if c in claims
    ):
        return "Political violence", "Explosions/Remote violence", "Chemical weapon"
    return ACLED_EVENT_TYPES.get(kind, ACLED_EVENT_TYPES["other"])


def _window(span: TimeSpan | None) -> TimeSpan | None:
    """The incident window as the precision functions should see it: a window whose precision
    is ``unknown`` but whose dates are set (no member gives a time: the days before publication)
    is read as a plain window of its length — that length is all that is known."""
    if span is None or span.start is None or span.end is None:
        return None
    if span.precision == "unknown":
        return dataclasses.replace(span, precision="days")
    return span


def _civilian_victims(tolls: Tolls) -> bool:
    return any(t.civilians for t in tolls.by_claimant)


def _join_names(*groups: Iterable[str | None]) -> str:
    return "; ".join(dict.fromkeys(n for g in groups for n in g if n and n != "(unnamed outlet)"))


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


# --------------------------------------------------------------------------- acled


def acled_row(ledger: Ledger, inc: Incident, claims: Mapping[str, Claim] | None = None) -> dict[str, object] | None:
    """One ACLED-style row for an incident, or None when ACLED would not code it (no member
    asserts it: a denial is not an event; or it has no date).

    ``event_date`` is the first day of the incident's window (ISO ``YYYY-MM-DD``) and
    ``time_precision`` says how wide the window is (1 a day, 2 up to a week, 3 longer;
    :func:`counterclaim.resolve.times.acled_time_precision`); the full window is in ``tags``.
    ``actor1`` is the agreed perpetrator (:func:`agreed_perpetrator`, else empty); ``actor2`` is
    "Civilians (<country>)" when a claimant says civilians were killed, else empty.
    ``fatalities`` by ACLED's conservative rule (:func:`incident_tolls`).  ``source`` lists the
    outlets, then the claimants; ``notes`` is :func:`incident_notes`.
    """
    claims = claims if claims is not None else _members(ledger, inc)
    if incident_stance(inc, claims) == "denied":
        return None
    window = _window(inc.time)
    if window is None or window.start is None:
        return None
    tolls = incident_tolls(inc, claims)
    actor1 = agreed_perpetrator(inc, claims)
    disorder, event, sub_event = acled_event_type(inc, claims, actor1)
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
        "actor2": f"Civilians ({country or 'International'})" if _civilian_victims(tolls) else "",
        "country": country or "",
        "admin1": loc.admin1 if loc is not None and loc.admin1 else "",
        "location": (loc.name or loc.text) if loc is not None else "",
        "latitude": loc.lat if loc is not None else None,
        "longitude": loc.lon if loc is not None else None,
        "geo_precision": acled_geo_precision(loc.precision) if loc is not None else None,
        "source": _join_names(inc.outlets, inc.claimants),
        "notes": incident_notes(inc, tolls),
        "fatalities": tolls.acled,
        "tags": "; ".join(tags),
    }


def _incident_rows(
    ledger: Ledger,
    row: Any,
    admin1: str | None, since: str | None, until: str | None, claimant: str | None,
    stats: ExportStats,
) -> Iterator[dict[str, object]]:
    for inc in _incidents(ledger, admin1, since, until, claimant):
        claims = _members(ledger, inc)
        r = row(ledger, inc, claims)
        if r is None:
            reason = "denied by every member" if incident_stance(inc, claims) == "denied" else "no date"
            stats.skipped[reason] += 1
            continue
        yield r


def _write_incident_csv(
    ledger: Ledger,
    out: TextIO,
    columns: tuple[str, ...],
    row: Any,
    admin1: str | None,
    since: str | None,
    until: str | None,
    claimant: str | None,
    stats: ExportStats | None,
) -> int:
    """One CSV row an incident, built by ``row``; returns the rows written."""
    stats = stats if stats is not None else ExportStats()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    n = 0
    for r in _incident_rows(ledger, row, admin1, since, until, claimant, stats):
        writer.writerow(r)
        n += 1
    stats.written += n
    return n


def write_acled_export(
    ledger: Ledger,
    out: TextIO,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
) -> int:
    """ACLED-style CSV, one row an incident (:data:`ACLED_COLUMNS`, see :func:`acled_row`);
    returns the rows written.  Incidents every member denies, or with no date, are skipped and
    counted in ``stats.skipped``."""
    return _write_incident_csv(ledger, out, ACLED_COLUMNS, acled_row, admin1, since, until, claimant, stats)


# --------------------------------------------------------------------------- ucdp


def ucdp_row(ledger: Ledger, inc: Incident, claims: Mapping[str, Claim] | None = None) -> dict[str, object] | None:
    """One UCDP GED-style row for an incident, or None (no member asserts it, or no date).

    ``low``/``best``/``high`` as :func:`incident_tolls` decides; ``deaths_civilians`` is the
    civilians in the best figure and ``deaths_unknown`` the rest (counterclaim does not tell the
    sides' dead apart: ``deaths_a``/``deaths_b`` are 0), so ``best`` is their sum as in GED.
    GED codes only events with a death; rows with ``best`` 0 are kept (filter ``best > 0`` for
    GED's scope).  ``event_clarity`` is 1, or 2 when the claimants contradict each other or a
    member denies it.  ``date_prec``/``where_prec`` from :func:`counterclaim.resolve.times.ucdp_date_prec`
    and :func:`counterclaim.resolve.places.ucdp_where_prec`.  ``side_a`` is the agreed perpetrator,
    ``side_b`` "Civilians" when civilians are said to be killed.  ``source_article`` cites each
    document (outlet, date, title), ``source_office`` the outlets, ``source_original`` the
    claimants.
    """
    claims = claims if claims is not None else _members(ledger, inc)
    stance = incident_stance(inc, claims)
    if stance == "denied":
        return None
    window = _window(inc.time)
    if window is None or window.start is None:
        return None
    tolls = incident_tolls(inc, claims)
    loc = inc.location
    docs = [d for d in (ledger.document(i) for i in inc.doc_ids) if d is not None]
    articles = []
    for d in docs:
        bits = [d.outlet, d.published, f'"{d.title}"' if d.title else None, d.url or d.source_path]
        articles.append(", ".join(b for b in bits if b))
    where = ""
    if loc is not None:  # "northeast of Palmyra"; a relation in brackets is a note, not words
        relation = loc.relation if loc.relation and not loc.relation.startswith("(") else None
        where = ((relation + " ") if relation else "") + loc.text
    return {
        "id": inc.incident_id,
        "year": int(window.start[:4]),
        "side_a": agreed_perpetrator(inc, claims) or "",
        "side_b": "Civilians" if _civilian_victims(tolls) else "",
        "source_article": "; ".join(articles),
        "source_office": _join_names(inc.outlets, (d.outlet for d in docs)),
        "source_date": "; ".join(dict.fromkeys(d.published for d in docs if d.published)),
        "source_original": _join_names(inc.claimants),
        "number_of_sources": len(docs),
        "where_prec": ucdp_where_prec(loc.precision) if loc is not None else None,
        "where_coordinates": ", ".join(x for x in ((loc.name, loc.admin1, loc.country) if loc else ()) if x),
        "where_description": where,
        "adm_1": loc.admin1 if loc is not None and loc.admin1 else "",
        "latitude": loc.lat if loc is not None else None,
        "longitude": loc.lon if loc is not None else None,
        "country": loc.country if loc is not None and loc.country else "",
        "event_clarity": 2 if inc.contradictions or stance == "contested" else 1,
        "date_prec": ucdp_date_prec(window),
        "date_start": window.start,
        "date_end": window.end,
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": tolls.civilians,
        "deaths_unknown": tolls.best - tolls.civilians,
        "best": tolls.best,
        "high": tolls.high,
        "low": tolls.low,
    }


def write_ucdp_export(
    ledger: Ledger,
    out: TextIO,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
) -> int:
    """UCDP GED-style CSV, one row an incident (:data:`UCDP_COLUMNS`, see :func:`ucdp_row`);
    returns the rows written.  Incidents every member denies, or with no date, are skipped and
    counted in ``stats.skipped``."""
    return _write_incident_csv(ledger, out, UCDP_COLUMNS, ucdp_row, admin1, since, until, claimant, stats)


# --------------------------------------------------------------------------- geojson


def incident_properties(inc: Incident, claims: Mapping[str, Claim]) -> dict[str, object]:
    """The flat properties of an incident (:data:`GEOJSON_PROPERTIES`): strings, numbers or
    null, lists joined with "; "."""
    loc = inc.location
    t = inc.time
    window = _window(t)
    return {
        "incident_id": inc.incident_id,
        "event_type": inc.event_type,
        "stance": incident_stance(inc, claims),
        "location": (loc.name or loc.text) if loc is not None else None,
        "admin1": loc.admin1 if loc is not None else None,
        "country": loc.country if loc is not None else None,
        "precision": loc.precision if loc is not None else None,
        "geo_precision": acled_geo_precision(loc.precision) if loc is not None else None,
        "where_prec": ucdp_where_prec(loc.precision) if loc is not None else None,
        "time_start": t.start if t is not None else None,
        "time_end": t.end if t is not None else None,
        "time_precision": t.precision if t is not None else None,
        "acled_time_precision": acled_time_precision(window) if window is not None else None,
        "claimants": "; ".join(inc.claimants),
        "n_claims": len(inc.claim_ids),
        "n_claimants": len(inc.claimants),
        "n_contradictions": inc.contradictions,
        "n_corroborations": inc.corroborations,
        "outlets": "; ".join(inc.outlets),
        "fatalities": incident_tolls(inc, claims).acled,
    }


def geojson_feature(inc: Incident, claims: Mapping[str, Claim]) -> dict[str, Any] | None:
    """An RFC 7946 Point feature for an incident, or None when its location has no valid
    coordinates.  ``geometry.coordinates`` is ``[longitude, latitude]`` (WGS 84)."""
    loc = inc.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    lat, lon = float(loc.lat), float(loc.lon)
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return {
        "type": "Feature",
        "id": inc.incident_id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": incident_properties(inc, claims),
    }


def write_geojson_export(
    ledger: Ledger,
    out: TextIO,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
) -> int:
    """An RFC 7946 GeoJSON FeatureCollection of incidents (opens in QGIS as a point layer);
    returns the features written.

    One Point feature an incident at its location's coordinates, ``[lon, lat]`` in WGS 84, no
    ``crs`` member (RFC 7946 forbids other systems).  Incidents placed only at governorate (or
    country) level keep the coordinates the gazetteer gave that area (its centre or capital),
    and say so in ``precision`` / ``geo_precision`` (3) / ``where_prec``, so a map can filter
    them; incidents whose location has no coordinates are skipped ("no coordinates" in
    ``stats.skipped``).  Denied incidents are kept, with ``stance`` "denied".  Properties are
    flat scalars (:data:`GEOJSON_PROPERTIES`).  The collection is written feature by feature.
    """
    stats = stats if stats is not None else ExportStats()
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for inc in _incidents(ledger, admin1, since, until, claimant):
        feature = geojson_feature(inc, _members(ledger, inc))
        if feature is None:
            stats.skipped["no coordinates"] += 1
            continue
        out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    stats.written += n
    return n


# --------------------------------------------------------------------------- pandas

DATAFRAME_KINDS: tuple[str, ...] = ("claims", "incidents", "contradictions", "acled", "ucdp")

CONTRADICTION_COLUMNS: tuple[str, ...] = (
    "contradiction_id", "incident_id", "kind", "claim_ids", "claimants", "explanation", "same_claimant", "note",
)
INCIDENT_COLUMNS: tuple[str, ...] = (
    *GEOJSON_PROPERTIES[:9], "latitude", "longitude", *GEOJSON_PROPERTIES[9:], "low", "best", "high",
)


def incident_row(inc: Incident, claims: Mapping[str, Claim]) -> dict[str, object]:
    """One flat row an incident: the GeoJSON properties, coordinates, and the UCDP estimates."""
    row = incident_properties(inc, claims)
    tolls = incident_tolls(inc, claims)
    loc = inc.location
    row.update(latitude=loc.lat if loc else None, longitude=loc.lon if loc else None,
               low=tolls.low, best=tolls.best, high=tolls.high)
    return {c: row[c] for c in INCIDENT_COLUMNS}


def to_dataframe(
    ledger: Ledger,
    what: str = "claims",
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
) -> pandas.DataFrame:
    """The ledger as a pandas DataFrame: ``what`` is ``claims`` (the CSV export's rows,
    :data:`CLAIM_EXPORT_COLUMNS`), ``incidents`` (:data:`INCIDENT_COLUMNS`), ``contradictions``
    (:data:`CONTRADICTION_COLUMNS`), ``acled`` or ``ucdp`` (those exports' rows).  Filters as for
    :func:`write_export`.  Integer columns are pandas' nullable ``Int64``, floats ``float64``,
    flags ``boolean``; lists are joined with "; ".  Needs pandas (``pip install
    'counterclaim[pandas]'``).
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_dataframe needs pandas, which is not installed: pip install 'counterclaim[pandas]'"
        ) from exc
    if what not in DATAFRAME_KINDS:
        raise ValueError(f"unknown table {what!r}; choose one of {', '.join(DATAFRAME_KINDS)}")
    filters = {"admin1": admin1, "since": since, "until": until, "claimant": claimant}
    rows: list[dict[str, object]]
    if what == "claims":
        columns = CLAIM_EXPORT_COLUMNS
        rows = list(_claim_rows(ledger, **filters))
    elif what == "contradictions":
        columns = CONTRADICTION_COLUMNS
        if _filtered(**filters):
            found = [x for inc in _incidents(ledger, **filters) for x in ledger.contradictions(incident_id=inc.incident_id)]
        else:
            found = list(ledger.contradictions())
        rows = [{
            "contradiction_id": x.contradiction_id, "incident_id": x.incident_id, "kind": x.kind,
            "claim_ids": "; ".join(x.claim_ids), "claimants": "; ".join(x.claimants),
            "explanation": x.explanation, "same_claimant": x.same_claimant, "note": x.note,
        } for x in found]
    elif what == "incidents":
        columns = INCIDENT_COLUMNS
        rows = [incident_row(inc, _members(ledger, inc)) for inc in _incidents(ledger, **filters)]
    else:
        columns = ACLED_COLUMNS if what == "acled" else UCDP_COLUMNS
        rows = list(_incident_rows(ledger, acled_row if what == "acled" else ucdp_row, **filters, stats=ExportStats()))
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    types = EXPORT_COLUMN_TYPES["csv" if what == "claims" else what]
    dtypes = {"int": "Int64", "float": "float64", "bool": "boolean"}
    for col, kind in types.items():
        if col in frame.columns:
            frame[col] = frame[col].astype(dtypes[kind])
    return frame
