"""``counterclaim serve`` and ``counterclaim report``: the ledger in a browser, read-only.

:mod:`.app` builds the Flask app (:func:`create_app`), :mod:`.pages` and :mod:`.api` its routes,
:mod:`.browse` the filters and queries they share, :mod:`.report` the one-file HTML report.
"""

from __future__ import annotations

from .app import create_app
from .browse import Filters

__all__ = ["Filters", "create_app"]
