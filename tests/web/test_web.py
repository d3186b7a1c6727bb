"""The web app (`counterclaim serve`) and the report (`counterclaim report`): every page and API
route through Flask's test client, escaping of hostile article text, the read-only promise, the
Content-Security-Policy, 404s, downloads that follow the filter, and a report that needs no
network.  Values are the seed articles' (see tests/test_incidents.py)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from counterclaim.group.update import update
from counterclaim.ledger import open_ledger
from counterclaim.model import RawRecord
from counterclaim.pipeline import Extractor, Result
from counterclaim.web.app import CSP, create_app
from counterclaim.web.report import REPORT_CSP, write_report

from ..conftest import add_seeds

HOSTILE = (
    'Airstrikes hit Saraqib in Idlib province on Tuesday, killing 12 people <script>alert("x")</script>, '
    'the Syrian Observatory for Human Rights said. <img src=x onerror=alert(1)> Witnesses said a second '
    'strike hit the market an hour later.'
)


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor,
                seed_results: dict[str, Result]) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("web") / "ledger.db"
    with open_ledger(path) as led:
        add_seeds(led, seed_results)
        (hostile,) = extractor.run([RawRecord(raw=HOSTILE, outlet="<b>Evil</b> Outlet", published="2017-03-08",
                                              title='<script>alert("title")</script>', kind="extracted")])
        assert hostile.ok and hostile.document is not None
        led.add(hostile.document, hostile.claims)
        update(led)
    # the app must work on a file it cannot write: it opens the ledger read-only
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield path
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


@pytest.fixture(scope="module")
def client(ledger_path: Path) -> FlaskClient:
    return create_app(ledger_path).test_client()


@pytest.fixture(scope="module")
def ids(ledger_path: Path) -> dict[str, str]:
    with open_ledger(ledger_path, readonly=True) as led:
        (feb,) = led.incidents(admin1="Idlib", since="2017-02-07", until="2017-02-07")
        hostile_doc = next(d for d in led.documents() if d.outlet == "<b>Evil</b> Outlet")
        claim = next(iter(led.claims(doc_id=hostile_doc.doc_id)))
        return {"feb": feb.incident_id, "doc004": feb.doc_ids[0], "hostile_doc": hostile_doc.doc_id,
                "hostile_claim": claim.claim_id}


def page(client: FlaskClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code)
    assert r.headers["Content-Security-Policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    return r.get_data(as_text=True)


def test_map_page_lists_incidents_contradictions_and_filters(client: FlaskClient) -> None:
    html = page(client, "/")
    assert 'id="map"' in html and 'id="timeline"' in html
    assert "Russian Ministry of Defence denies airstrikes in Idlib" in html
    data = json.loads(re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.S).group(1))
    assert len(data["incidents"]) == 14  # the seeds' 13 and the hostile article's one
    # filters: governorate (any spelling), dates, claimant, actor type, event type, contested, search
    assert len(json.loads(page(client, "/api/incidents?governorate=idleb"))["incidents"]) == 4
    feb = json.loads(page(client, "/api/incidents?since=2017-02-01&until=2017-02-28&governorate=SY-ID"))["incidents"]
    assert [i["time"]["start"] for i in feb] == ["2017-02-07"]
    assert len(json.loads(page(client, "/api/incidents?claimant=Human%20Rights%20Watch"))["incidents"]) == 1
    assert all(i["contested"] for i in json.loads(page(client, "/api/incidents?contested=1"))["incidents"])
    ngo = json.loads(page(client, "/api/incidents?actor_type=ngo"))["incidents"]
    assert ngo and all("Syria Civil Defence" in i["claimants"] or "Human Rights Watch" in i["claimants"] for i in ngo)
    assert {i["event_type"] for i in json.loads(page(client, "/api/incidents?event_type=weapon_use"))["incidents"]} == {"weapon_use"}
    cluster = json.loads(page(client, "/api/incidents?q=cluster"))["incidents"]
    assert [i["event_type"] for i in cluster] == ["weapon_use"]
    # a bad filter value is said, not a crash
    bad = json.loads(page(client, "/api/incidents?since=yesterday&governorate=Atlantis"))
    assert len(bad["problems"]) == 2 and len(bad["incidents"]) == 14
    assert "is not a date" in page(client, "/?since=yesterday")


def test_incident_page_sets_claimants_side_by_side(client: FlaskClient, ids: dict[str, str]) -> None:
    html = page(client, f"/incidents/{ids['feb']}")
    for name in ("Syrian Observatory for Human Rights", "Syria Civil Defence", "Press TV", "Russian Ministry of Defence"):
        assert f"<h3>{name} <small>" in html
    assert html.count('class="contradiction kind-denial') == 3
    assert "26 people killed" in html and "10 civilians killed" in html
    assert f'href="/documents/{ids["doc004"]}#claim-' in html
    # the ministry's denial covers the incident from outside it, and stands in its own column
    assert "a wider claim covering this incident" in html
    # bounds as ranges, from seed 000: "up to 200 militants"
    with_bound = json.loads(page(client, "/api/incidents?claimant=Russian%20Armed%20Forces"))["incidents"][0]["incident_id"]
    assert "(range 0–200)" in page(client, f"/incidents/{with_bound}")


def test_document_page_highlights_evidence_and_folds_removed_spans(client: FlaskClient, ids: dict[str, str], ledger_path: Path) -> None:
    html = page(client, f"/documents/{ids['doc004']}")
    with open_ledger(ledger_path, readonly=True) as led:
        claims = list(led.claims(doc_id=ids["doc004"]))
        seed_with_removals = next(d for d in led.documents() if d.removed)
    assert html.count('<span class="anchor" id="claim-') == len(claims)
    assert '<mark class="evidence"' in html
    removed = page(client, f"/documents/{seed_with_removals.doc_id}")
    assert '<details class="removed"><summary>removed: ' in removed


def test_hostile_article_text_is_escaped_everywhere(client: FlaskClient, ids: dict[str, str], ledger_path: Path) -> None:
    with open_ledger(ledger_path, readonly=True) as led:
        grouping = led.grouping_of(ids["hostile_claim"])
    assert grouping is not None
    inc = grouping.incident_id
    pages = ["/", f"/documents/{ids['hostile_doc']}", f"/incidents/{inc}", "/?q=Saraqib"]
    for url in pages:
        html = page(client, url)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Evil</b>" not in html, url
        assert "onerror=alert" not in html or "&lt;img src=x onerror=alert(1)&gt;" in html, url
    doc = page(client, f"/documents/{ids['hostile_doc']}")
    assert "&lt;script&gt;alert(" in doc and "&lt;b&gt;Evil&lt;/b&gt; Outlet" in doc
    # only the app's own scripts: page data sits in an inert JSON element, with < escaped
    for url in pages:
        html = page(client, url)
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        for attrs, body in scripts:
            assert 'type="application/json"' in attrs or (attrs.strip().startswith('src="/static/') and not body)
            assert "<" not in body


def test_read_only_no_write_endpoints_and_404s(client: FlaskClient, ledger_path: Path) -> None:
    assert not os.access(ledger_path, os.W_OK) or os.geteuid() == 0  # root may write anyway
    for url in ("/", "/api/incidents", "/incidents/abcdef"):
        assert client.post(url).status_code == 405
        assert client.delete(url).status_code == 405
    for url in ("/nope", "/incidents/ffffffffffffffff", "/incidents/..%2Fetc", "/documents/<script>",
                "/api/incidents/zz", "/api/claims/ffffffffffffffff", "/static/../cli.py"):
        r = client.get(url)
        assert r.status_code == 404, url
        body = r.get_data(as_text=True)
        assert "Traceback" not in body and "<script>" not in body
    assert json.loads(client.get("/api/documents/0123456789abcdef").get_data())["status"] == 404


def test_api_routes(client: FlaskClient, ids: dict[str, str]) -> None:
    assert set(json.loads(page(client, "/api/"))["routes"]) >= {"/api/incidents", "/api/contradictions"}
    one = json.loads(page(client, f"/api/incidents/{ids['feb']}"))
    assert one["incident"]["incident_id"] == ids["feb"] and len(one["claims"]) == 5
    assert len(one["contradictions"]) == 3 and one["covered_by"]
    contra = json.loads(page(client, "/api/contradictions?governorate=Idlib"))["contradictions"]
    assert {c["kind"] for c in contra} == {"denial"} and len(contra) == 4
    doc = json.loads(page(client, f"/api/documents/{ids['doc004']}"))
    assert doc["document"]["doc_id"] == ids["doc004"] and doc["claims"]
    claim = json.loads(page(client, f"/api/claims/{ids['hostile_claim']}"))
    assert claim["claim"]["claim_id"] == ids["hostile_claim"] and claim["grouping"]["role"]
    stats = json.loads(page(client, "/api/stats"))
    assert stats["documents"] == 6 and stats["incidents"] == 14
    basemap = json.loads(page(client, "/api/basemap"))
    assert len(basemap["governorates"]["features"]) == 14


def test_downloads_follow_the_filter(client: FlaskClient) -> None:
    r = client.get("/download.csv?governorate=Idlib")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert len(rows) == 4 and {row["admin1"] for row in rows} == {"Idlib"}
    g = client.get("/download.geojson?contested=1")
    fc = json.loads(g.get_data())
    assert fc["type"] == "FeatureCollection" and fc["features"]
    assert all(f["properties"]["n_contradictions"] > 0 for f in fc["features"])
    index = page(client, "/?governorate=Idlib&contested=1")
    assert 'href="/download.csv?governorate=Idlib&amp;contested=1"' in index


def test_report_is_self_contained_and_escaped(ledger_path: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    with open_ledger(ledger_path, readonly=True) as led:
        n = write_report(led, out)
    html = out.getvalue()
    assert n == 6  # the seed articles' six contradictions (the hostile article has none)
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert meta is not None and unescape(meta.group(1)) == REPORT_CSP  # the browser decodes &#39;
    assert REPORT_CSP.startswith("default-src 'none';") and "connect-src" not in REPORT_CSP
    # nothing to fetch: no src= or href= pointing outside the file, no @import, no url(http
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)=', html)
    markup = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)  # Leaflet's code names its site
    assert not re.search(r"(src|href)=\"https?:", markup) and "@import" not in html
    assert "Russian Ministry of Defence denies airstrikes in Idlib" in html
    assert "did not carry out a single strike in Idlib" in html  # both evidence sentences
    assert "said 26 people were killed, including 10 civilians" in html
    assert "<script>alert" not in html and "<b>Evil</b>" not in html
    assert html.count('id="contradiction-') == 6
