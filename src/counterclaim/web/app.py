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

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException

from ..errors import LedgerCorrupt
from ..knowledge.resources import Resources
from ..ledger import open_ledger
from .api import add_api
from .browse import HERE, Browse, Filters
from .pages import add_pages

#: Allows only this server's own scripts, styles, images and API calls.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(db: str | os.PathLike[str], resources: Resources | None = None) -> Flask:
    """The web app over the ledger at ``db`` (opened read-only on every request); ``resources``
    gives the gazetteer governorates are read with (the bundled one when None)."""
    res = resources or Resources.default()
    path = os.fspath(db)
    with open_ledger(path, readonly=True, verify=True) as probe:  # fail now, with one clear line, if it is no ledger
        probe.stats()
    app = Flask(__name__, static_folder=str(HERE / "static"), template_folder=str(HERE / "templates"))
    app.config.update(JSON_SORT_KEYS=False, MAX_CONTENT_LENGTH=1024)

    @contextmanager
    def browse() -> Iterator[Browse]:
        with open_ledger(path, readonly=True) as ledger:
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
        damaged = isinstance(exc, LedgerCorrupt)
        description = (f"The ledger is damaged: `counterclaim check --db {path}` says what is wrong and how to recover."
                       if damaged else "Something went wrong reading the ledger.")
        if request.path.startswith("/api/"):
            body = {"error": "Internal Server Error", "status": 500, **({"detail": description} if damaged else {})}
            return Response(json.dumps(body), mimetype="application/json"), 500
        return render_template("error.html", code=500, name="Internal Server Error", description=description), 500

    def filters() -> Filters:
        return Filters.from_args(request.args, res.gazetteer)

    add_pages(app, browse, filters, res)
    add_api(app, browse, filters)
    return app


__all__ = ["CSP", "create_app"]
