"""``ucdp``: one row an incident, in UCDP GED's columns, with low/best/high deaths."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

from ..group.tolls import agreed_perpetrator, civilian_victims, incident_stance, incident_tolls
from ..knowledge.actors import Registry
from ..knowledge.resources import Resources
from ..model import Claim, Incident
from .codes import incident_window, ucdp_date_prec, ucdp_where_prec
from .selection import ExportStats, Selection, join_names, write_incident_csv

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger.base import Ledger

#: UCDP GED-style columns (a subset of GED's, same names; ``id`` is the incident id, a string).
UCDP_COLUMNS: tuple[str, ...] = (
    "id", "year", "side_a", "side_b", "source_article", "source_office", "source_date",
    "source_original", "number_of_sources", "where_prec", "where_coordinates", "where_description",
    "adm_1", "latitude", "longitude", "country", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
)


#: The typed columns (``int``, ``float``; the rest is text), for readers and DataFrames.
COLUMN_TYPES: dict[str, str] = {
    **dict.fromkeys(("year", "number_of_sources", "where_prec", "event_clarity", "date_prec", "deaths_a",
                     "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low"), "int"),
    **dict.fromkeys(("latitude", "longitude"), "float"),
}


def ucdp_row(ledger: Ledger, inc: Incident, claims: Mapping[str, Claim], registry: Registry) -> dict[str, object] | None:
    """One UCDP GED-style row for an incident, or None (no member asserts it, or no date).

    ``low``/``best``/``high`` as :func:`incident_tolls` decides; ``deaths_civilians`` is the
    civilians in the best figure and ``deaths_unknown`` the rest (counterclaim does not tell the
    sides' dead apart: ``deaths_a``/``deaths_b`` are 0), so ``best`` is their sum as in GED.
    GED codes only events with a death; rows with ``best`` 0 are kept (filter ``best > 0`` for
    GED's scope).  ``event_clarity`` is 1, or 2 when the claimants contradict each other or a
    member denies it.  ``date_prec``/``where_prec`` from :func:`.codes.ucdp_date_prec`
    and :func:`.codes.ucdp_where_prec`.  ``side_a`` is the agreed perpetrator,
    ``side_b`` "Civilians" when civilians are said to be killed.  ``source_article`` cites each
    document (outlet, date, title), ``source_office`` the outlets, ``source_original`` the
    claimants.
    """
    stance = incident_stance(inc, claims)
    if stance == "denied":
        return None
    window = incident_window(inc.time)
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
        "side_a": agreed_perpetrator(inc, claims, registry) or "",
        "side_b": "Civilians" if civilian_victims(tolls) else "",
        "source_article": "; ".join(articles),
        "source_office": join_names(inc.outlets, (d.outlet for d in docs)),
        "source_date": "; ".join(dict.fromkeys(d.published for d in docs if d.published)),
        "source_original": join_names(inc.claimants),
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
    resources: Resources | None = None,
) -> int:
    """UCDP GED-style CSV, one row an incident (:data:`UCDP_COLUMNS`, see :func:`ucdp_row`);
    returns the rows written.  Incidents every member denies, or with no date, are skipped and
    counted in ``stats.skipped``."""
    registry = (resources or Resources.default()).registry
    return write_incident_csv(
        ledger, out, UCDP_COLUMNS, lambda lg, inc, claims: ucdp_row(lg, inc, claims, registry),
        Selection(admin1, since, until, claimant), stats,
    )



__all__ = ["COLUMN_TYPES", "UCDP_COLUMNS", "ucdp_row", "write_ucdp_export"]
