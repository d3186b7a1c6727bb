"""The JSON API under ``/api/``: the same views as the pages, as JSON."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from flask import Flask, Response

from ..group.update import covered_by
from ..model import to_dict
from .browse import Browse, Filters, basemap, incident_json
from .found import found as _found, json_response as _json

API_ROUTES: dict[str, str] = {
    "/api/incidents": "incidents matching the filters (query parameters as on the map page)",
    "/api/incidents/<incident_id>": "one incident with its claims, contradictions, corroborations and covering summaries",
    "/api/contradictions": "contradictions of the incidents matching the filters",
    "/api/documents/<doc_id>": "one document (cleaned text, removed spans) with its claims",
    "/api/claims/<claim_id>": "one claim and how it was grouped",
    "/api/stats": "counts of documents, claims, incidents, contradictions",
    "/api/basemap": "the governorates and neighbouring countries (GeoJSON)",
}


def add_api(app: Flask, browse: Callable[[], AbstractContextManager[Browse]], filters: Callable[[], Filters]) -> None:
    """Register the API routes on ``app``; ``browse`` opens the ledger for one request."""

    @app.get("/api/")
    def api_index() -> Response:
        return _json({"routes": API_ROUTES})

    @app.get("/api/incidents")
    def api_incidents() -> Response:
        f = filters()
        with browse() as b:
            incidents = b.incidents(f)
        return _json({"filters": f.query(), "problems": [*f.problems, *b.problems],
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
        return _json({"filters": f.query(), "problems": [*f.problems, *b.problems],
                      "contradictions": [to_dict(x) for x in found]})

    @app.get("/api/documents/<doc_id>")
    def api_document(doc_id: str) -> Response:
        with browse() as b:
            doc = _found(b.ledger.document, doc_id, "document")
            return _json({"document": to_dict(doc), "claims": [to_dict(c) for c in b.ledger.claims(doc_id=doc.doc_id)]})

    @app.get("/api/claims/<claim_id>")
    def api_claim(claim_id: str) -> Response:
        with browse() as b:
            c = _found(b.ledger.claim, claim_id, "claim")
            return _json({"claim": to_dict(c), "grouping": to_dict(b.ledger.grouping_of(c.claim_id))})

    @app.get("/api/stats")
    def api_stats() -> Response:
        with browse() as b:
            return _json(to_dict(b.ledger.stats()))

    @app.get("/api/basemap")
    def api_basemap() -> Response:
        return _json(basemap())



__all__ = ["API_ROUTES", "add_api"]
