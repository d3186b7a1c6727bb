"""``counterclaim serve``: a local, read-only web app over a ledger.

Pages (server-rendered, every text escaped by Jinja's autoescape):

``/``
    the map of incidents (Leaflet, vendored; the governorates and neighbours from the package,
    no tiles), the timeline, the filters, the incidents and the contradictions they show.
``/incidents/<id>``
    the claims grouped by claimant side by side, bounds as ranges, the contradictions with
    their explanation (clicking one highlights both evidence sentences), links to documents.
``/documents/<id>``
    the cleaned article with each claim's evidence highlighted, and what cleaning removed
    (comments, captions) greyed and collapsed where it stood.
``/download.csv``, ``/download.geojson``
    what the current filter shows.
``/api/...``
    the same views as JSON (see :data:`API_ROUTES` and the README).

The ledger is opened read-only for each request; there is no write endpoint; every response
carries a Content-Security-Policy that allows only this server's own scripts and styles.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from flask import Flask, Response, abort, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from ..export.geojson import geojson_feature
from ..knowledge.gazetteer import default_gazetteer
from ..group.update import covered_by
from ..model import ACTOR_TYPES, EVENT_TYPES, Claim, Contradiction, Document, Incident, quantity_summary, to_dict
from ..ledger.sqlite import Ledger
from ..export.views import INCIDENT_LIST_COLUMNS, incident_list_row

T = TypeVar("T")

HERE = Path(__file__).parent
BASEMAP = HERE.parent / "data" / "basemap"

#: Allows only this server's own scripts, styles, images and API calls.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

API_ROUTES: dict[str, str] = {
    "/api/incidents": "incidents matching the filters (query parameters as on the map page)",
    "/api/incidents/<incident_id>": "one incident with its claims, contradictions, corroborations and covering summaries",
    "/api/contradictions": "contradictions of the incidents matching the filters",
    "/api/documents/<doc_id>": "one document (cleaned text, removed spans) with its claims",
    "/api/claims/<claim_id>": "one claim and how it was grouped",
    "/api/stats": "counts of documents, claims, incidents, contradictions",
    "/api/basemap": "the governorates and neighbouring countries (GeoJSON)",
}


@dataclass(frozen=True)
class Filters:
    """The filters of the map page, read from the query string (bad values are ignored and
    reported in ``problems``, so a mistyped date never breaks the page)."""

    claimant: str | None = None
    actor_type: str | None = None
    governorate: str | None = None
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    contested: bool = False
    q: str | None = None
    problems: tuple[str, ...] = ()

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> Filters:
        problems: list[str] = []

        def text(name: str) -> str | None:
            v = (args.get(name) or "").strip()
            return v or None

        def day(name: str) -> str | None:
            v = text(name)
            if v is None:
                return None
            try:
                return date.fromisoformat(v).isoformat()
            except ValueError:
                problems.append(f"{name}: {v!r} is not a date (YYYY-MM-DD)")
                return None

        gov = text("governorate")
        admin1 = None
        if gov is not None:
            entry = default_gazetteer().admin1(gov)
            if entry is None:
                problems.append(f"governorate: {gov!r} is not a governorate")
            else:
                admin1 = entry.admin1 or entry.name
        actor_type = text("actor_type")
        if actor_type is not None and actor_type not in ACTOR_TYPES:
            problems.append(f"actor_type: {actor_type!r} is not one of {', '.join(ACTOR_TYPES)}")
            actor_type = None
        event_type = text("event_type")
        if event_type is not None and event_type not in EVENT_TYPES:
            problems.append(f"event_type: {event_type!r} is not one of {', '.join(EVENT_TYPES)}")
            event_type = None
        return cls(
            claimant=text("claimant"), actor_type=actor_type, governorate=admin1, since=day("since"),
            until=day("until"), event_type=event_type, contested=args.get("contested") in ("1", "on", "true"),
            q=text("q"), problems=tuple(problems),
        )

    def query(self) -> dict[str, str]:
        """The filters as query parameters (for links and downloads)."""
        out = {k: v for k, v in (
            ("claimant", self.claimant), ("actor_type", self.actor_type), ("governorate", self.governorate),
            ("since", self.since), ("until", self.until), ("event_type", self.event_type), ("q", self.q),
        ) if v}
        if self.contested:
            out["contested"] = "1"
        return out


class Browse:
    """The read-only queries the pages and the API share."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def incidents(self, f: Filters, limit: int = 5000) -> list[Incident]:
        found = self.ledger.incidents(
            admin1=f.governorate, since=f.since, until=f.until, claimant=f.claimant,
            event_type=f.event_type, contradicted=f.contested,
        )
        if f.q:
            hits = {g["incident_id"] for c in self.ledger.search_claims(f.q, limit=2000)
                    if (g := self.ledger.grouping_of(c.claim_id)) and g["incident_id"]}
        out = []
        for inc in found:
            if f.actor_type and not any(s.actor_type == f.actor_type for s in inc.summary):
                continue
            if f.q and inc.incident_id not in hits:
                continue
            out.append(inc)
            if len(out) >= limit:
                break
        return out

    def contradictions(self, incidents: list[Incident]) -> list[Contradiction]:
        out: list[Contradiction] = []
        for inc in incidents:
            if inc.contradictions:
                out.extend(self.ledger.contradictions(incident_id=inc.incident_id))
        return out

    def claims_of(self, inc: Incident) -> dict[str, Claim]:
        return self.ledger.claims_by_id(list(inc.claim_ids))


def incident_json(inc: Incident) -> dict[str, Any]:
    """The short form of an incident the map, the timeline and ``/api/incidents`` use."""
    loc, t = inc.location, inc.time
    return {
        "incident_id": inc.incident_id,
        "event_type": inc.event_type,
        "location": None if loc is None else {
            "name": loc.name or loc.text, "admin1": loc.admin1, "country": loc.country,
            "lat": loc.lat, "lon": loc.lon, "precision": loc.precision,
        },
        "time": None if t is None else {"start": t.start, "end": t.end, "precision": t.precision},
        "time_basis": inc.time_basis,
        "n_claims": len(inc.claim_ids),
        "claimants": list(inc.claimants),
        "outlets": list(inc.outlets),
        "contradictions": inc.contradictions,
        "corroborations": inc.corroborations,
        "contested": inc.contradictions > 0,
    }


def figure(c: Claim) -> list[str]:
    """Each quantity with its bounds as a range: "≤200 militants killed" reads "0–200"."""
    out = []
    for q in c.quantities:
        text = quantity_summary(q)
        lo, hi = q.low, q.high
        if q.bound in ("low", "vague") and lo is not None:
            text += f" (range {lo:,.0f}–∞)"
        elif q.bound == "high" and hi is not None:
            text += f" (range 0–{hi:,.0f})"
        elif q.bound == "range" and lo is not None and hi is not None:
            text += f" (range {lo:,.0f}–{hi:,.0f})"
        out.append(text)
    return out


def highlight(doc: Document, claims: list[Claim]) -> list[dict[str, Any]]:
    """The document text cut into segments: plain text, evidence of one or more claims, and the
    spans cleaning removed (placed where they stood).  The template escapes every segment."""
    bounds = {0, len(doc.text)}
    for c in claims:
        bounds.update((c.evidence.start, c.evidence.end))
    removed_at: dict[int, list[Any]] = {}
    for r in doc.removed:
        at = min(max(r.at, 0), len(doc.text))
        bounds.add(at)
        removed_at.setdefault(at, []).append(r)
    cuts = sorted(b for b in bounds if 0 <= b <= len(doc.text))
    segments: list[dict[str, Any]] = []
    first_seen: set[str] = set()
    for a, b in zip(cuts, cuts[1:] + [None]):
        for r in removed_at.get(a, ()):
            segments.append({"kind": "removed", "text": r.text, "reason": r.reason})
        if b is None or a == b:
            continue
        ids = [c.claim_id for c in claims if c.evidence.start <= a and b <= c.evidence.end]
        anchors = [i for i in ids if i not in first_seen]
        first_seen.update(anchors)
        segments.append({"kind": "evidence" if ids else "text", "text": doc.text[a:b], "claims": ids, "anchors": anchors})
    return segments


def create_app(db: str | os.PathLike[str]) -> Flask:
    """The web app over the ledger at ``db`` (opened read-only on every request)."""
    path = os.fspath(db)
    with Ledger(path, readonly=True) as probe:  # fail now, with one clear line, if it is no ledger
        probe.stats()
    app = Flask(__name__, static_folder=str(HERE / "static"), template_folder=str(HERE / "templates"))
    app.config.update(JSON_SORT_KEYS=False, MAX_CONTENT_LENGTH=1024)

    @contextmanager
    def browse() -> Iterator[Browse]:
        with Ledger(path, readonly=True) as ledger:
            yield Browse(ledger)

    @app.after_request
    def headers(resp: Response) -> Response:
        resp.headers["Content-Security-Policy"] = CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["X-Frame-Options"] = "DENY"
        return resp

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[str | Response, int]:
        code = exc.code or 500
        if request.path.startswith("/api/"):
            return Response(json.dumps({"error": exc.name, "status": code}), mimetype="application/json"), code
        return render_template("error.html", code=code, name=exc.name, description=exc.description), code

    @app.errorhandler(Exception)
    def server_error(exc: Exception) -> tuple[str | Response, int]:  # never a traceback to the browser
        app.logger.error("error on %s: %r", request.path, exc)
        if request.path.startswith("/api/"):
            return Response(json.dumps({"error": "Internal Server Error", "status": 500}), mimetype="application/json"), 500
        return render_template("error.html", code=500, name="Internal Server Error",
                               description="Something went wrong reading the ledger."), 500

    def filters() -> Filters:
        return Filters.from_args(request.args)

    @app.get("/")
    def index() -> str:
        f = filters()
        with browse() as b:
            incidents = b.incidents(f)
            contradictions = b.contradictions(incidents)
            stats = b.ledger.stats()
        data = {"incidents": [incident_json(i) for i in incidents],
                "incident_url": url_for("incident", incident_id="ID"), "basemap": url_for("api_basemap")}
        return render_template(
            "index.html", f=f, incidents=incidents, contradictions=contradictions, stats=stats, data=data,
            actor_types=ACTOR_TYPES, event_types=EVENT_TYPES,
            governorates=[g.name for g in default_gazetteer().governorates()], query=f.query(),
        )

    @app.get("/incidents/<incident_id>")
    def incident(incident_id: str) -> str:
        with browse() as b:
            inc = _found(b.ledger.incident, incident_id, "incident")
            claims = b.claims_of(inc)
            contradictions = list(b.ledger.contradictions(incident_id=inc.incident_id))
            corroborations = b.ledger.corroborations(incident_id=inc.incident_id)
            covering = covered_by(b.ledger, inc.incident_id)
            # a denial whose scope covers the incident is no member, but it is one side of a
            # contradiction: it stands in its claimant's column too
            outside = [cid for x in contradictions for cid in x.claim_ids if cid not in claims]
            claims.update(b.ledger.claims_by_id(outside))
            docs = {d: b.ledger.document(d) for d in {c.doc_id for c in (*claims.values(), *covering)}}
        columns: dict[str, list[Claim]] = {}
        for cid in (*inc.claim_ids, *dict.fromkeys(outside)):
            c = claims.get(cid)
            if c is not None:
                columns.setdefault(c.claimant.actor or c.claimant.text or "(unnamed outlet)", []).append(c)
        contested = {cid for x in contradictions for cid in x.claim_ids}
        return render_template(
            "incident.html", inc=inc, columns=columns, contradictions=contradictions,
            corroborations=corroborations, covering=covering, docs=docs, figure=figure,
            contested=contested, data={"incident": incident_json(inc), "basemap": url_for("api_basemap")},
        )

    @app.get("/documents/<doc_id>")
    def document(doc_id: str) -> str:
        with browse() as b:
            doc = _found(b.ledger.document, doc_id, "document")
            claims = list(b.ledger.claims(doc_id=doc.doc_id))
            grouping = {c.claim_id: b.ledger.grouping_of(c.claim_id) for c in claims}
        return render_template("document.html", doc=doc, segments=highlight(doc, claims), claims=claims,
                               grouping=grouping, figure=figure)

    @app.get("/download.csv")
    def download_csv() -> Response:
        f = filters()
        out = io.StringIO()
        w = csv.DictWriter(out, fieldnames=list(INCIDENT_LIST_COLUMNS), lineterminator="\n")
        w.writeheader()
        with browse() as b:
            for inc in b.incidents(f):
                w.writerow(incident_list_row(inc))
        return Response(out.getvalue(), mimetype="text/csv",
                        headers={"Content-Disposition": "attachment; filename=incidents.csv"})

    @app.get("/download.geojson")
    def download_geojson() -> Response:
        f = filters()
        with browse() as b:
            features = []
            for inc in b.incidents(f):
                feat = geojson_feature(inc, b.claims_of(inc))
                if feat is not None:
                    features.append(feat)
        body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
        return Response(body, mimetype="application/geo+json",
                        headers={"Content-Disposition": "attachment; filename=incidents.geojson"})

    # ------------------------------------------------------------------ API

    @app.get("/api/")
    def api_index() -> Response:
        return _json({"routes": API_ROUTES})

    @app.get("/api/incidents")
    def api_incidents() -> Response:
        f = filters()
        with browse() as b:
            incidents = b.incidents(f)
        return _json({"filters": f.query(), "problems": list(f.problems),
                      "incidents": [incident_json(i) for i in incidents]})

    @app.get("/api/incidents/<incident_id>")
    def api_incident(incident_id: str) -> Response:
        with browse() as b:
            inc = _found(b.ledger.incident, incident_id, "incident")
            claims = b.claims_of(inc)
            return _json({
                "incident": to_dict(inc),
                "claims": [to_dict(claims[c]) for c in inc.claim_ids if c in claims],
                "contradictions": [to_dict(x) for x in b.ledger.contradictions(incident_id=inc.incident_id)],
                "corroborations": [to_dict(x) for x in b.ledger.corroborations(incident_id=inc.incident_id)],
                "covered_by": [c.claim_id for c in covered_by(b.ledger, inc.incident_id)],
            })

    @app.get("/api/contradictions")
    def api_contradictions() -> Response:
        f = filters()
        with browse() as b:
            found = b.contradictions(b.incidents(f))
        return _json({"filters": f.query(), "problems": list(f.problems), "contradictions": [to_dict(x) for x in found]})

    @app.get("/api/documents/<doc_id>")
    def api_document(doc_id: str) -> Response:
        with browse() as b:
            doc = _found(b.ledger.document, doc_id, "document")
            return _json({"document": to_dict(doc), "claims": [to_dict(c) for c in b.ledger.claims(doc_id=doc.doc_id)]})

    @app.get("/api/claims/<claim_id>")
    def api_claim(claim_id: str) -> Response:
        with browse() as b:
            c = _found(b.ledger.claim, claim_id, "claim")
            return _json({"claim": to_dict(c), "grouping": b.ledger.grouping_of(c.claim_id)})

    @app.get("/api/stats")
    def api_stats() -> Response:
        with browse() as b:
            return _json(b.ledger.stats())

    @app.get("/api/basemap")
    def api_basemap() -> Response:
        return _json(basemap())

    return app


def basemap() -> dict[str, Any]:
    """The governorates and the neighbouring countries, one FeatureCollection each."""
    return {
        "governorates": json.loads((BASEMAP / "syria_admin1.geojson").read_text(encoding="utf-8")),
        "countries": json.loads((BASEMAP / "syria_neighbours_admin0.geojson").read_text(encoding="utf-8")),
    }


def _found(get: Callable[[str], T | None], ident: str, what: str) -> T:
    """The object of that id, or a 404 page (the API answers its JSON error instead)."""
    obj = get(ident) if _safe_id(ident) else None
    if obj is None:
        abort(404, description=f"No {what} {ident!r} in this ledger.")
    return obj


def _safe_id(value: str) -> bool:
    """Ids are lowercase hex; anything else is a bad URL (a 404, never a query)."""
    return 6 <= len(value) <= 64 and all(ch in "0123456789abcdef" for ch in value)


def _json(obj: Any) -> Response:
    return Response(json.dumps(obj, ensure_ascii=False), mimetype="application/json")


__all__ = ["API_ROUTES", "CSP", "Browse", "Filters", "basemap", "create_app", "figure", "highlight", "incident_json"]
