"""``counterclaim report``: one self-contained HTML file to send by email.

It holds the map (Leaflet and the basemap inlined), the timeline, every contradiction with both
evidence sentences, and the incidents; it loads nothing from the network (a
Content-Security-Policy meta tag forbids it) and every article text in it is escaped.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..model import Claim
from ..ledger.base import Ledger
from .browse import HERE, Browse, Filters, basemap, figure, incident_json

#: The report may run only its own inline script and style, and load nothing at all.
REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"


def _inline(path: Path, closing: str) -> str:
    text = path.read_text(encoding="utf-8")
    if closing in text.lower():  # would end the <script>/<style> element early
        raise ValueError(f"{path} contains {closing!r} and cannot be inlined")
    return text


def write_report(ledger: Ledger, out: TextIO, filters: Filters | None = None, *, title: str | None = None) -> int:
    """Write the report of the incidents matching ``filters``; returns how many contradictions
    it lists."""
    f = filters or Filters()
    b = Browse(ledger)
    incidents = b.incidents(f)
    contradictions = b.contradictions(incidents)
    ids = [cid for x in contradictions for cid in x.claim_ids]
    claims: dict[str, Claim] = ledger.claims_by_id(ids)
    docs = {d: ledger.document(d) for d in {c.doc_id for c in claims.values()}}
    static = HERE / "static"
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]))
    page = env.get_template("report.html").render(
        title=title or "counterclaim report",
        made=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        csp=REPORT_CSP, f=f, stats=ledger.stats(), incidents=incidents, contradictions=contradictions,
        claims=claims, docs=docs, figure=figure,
        data={"incidents": [incident_json(i) for i in incidents], "basemap_data": basemap()},
        leaflet_css=_inline(static / "vendor" / "leaflet" / "leaflet.css", "</style"),
        app_css=_inline(static / "app.css", "</style"),
        leaflet_js=_inline(static / "vendor" / "leaflet" / "leaflet.js", "</script"),
        app_js=_inline(static / "app.js", "</script"),
    )
    out.write(page)
    return len(contradictions)


__all__ = ["REPORT_CSP", "write_report"]
