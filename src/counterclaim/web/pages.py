"""The web app's pages: the map (``/``), an incident, a document, and the downloads of what the
map's filters show."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from contextlib import AbstractContextManager

from flask import Flask, Response, render_template, url_for

from ..export.cells import spreadsheet_writer
from ..export.geojson import geojson_feature
from ..export.views import INCIDENT_LIST_COLUMNS, incident_list_row
from ..group.update import covered_by
from ..knowledge.resources import Resources
from ..model import ACTOR_TYPES, EVENT_TYPES, Claim
from .browse import Browse, Filters, figure, highlight, incident_json
from .found import found as _found


def add_pages(
    app: Flask, browse: Callable[[], AbstractContextManager[Browse]], filters: Callable[[], Filters], resources: Resources
) -> None:
    """Register the pages on ``app``; ``browse`` opens the ledger for one request."""

    @app.get("/")
    def index() -> str:
        f = filters()
        with browse() as b:
            incidents = b.incidents(f)
            contradictions = b.contradictions(incidents)
            stats = b.ledger.stats()
            problems = [*f.problems, *b.problems]
        data = {"incidents": [incident_json(i) for i in incidents],
                "incident_url": url_for("incident", incident_id="ID"), "basemap": url_for("api_basemap")}
        return render_template(
            "index.html", f=f, problems=problems, incidents=incidents, contradictions=contradictions, stats=stats, data=data,
            actor_types=ACTOR_TYPES, event_types=EVENT_TYPES,
            governorates=[g.name for g in resources.gazetteer.governorates()], query=f.query(),
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
        w = spreadsheet_writer(out, INCIDENT_LIST_COLUMNS)  # text that would start a formula is neutralised
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



__all__ = ["add_pages"]
