"""Looking an object up by the id in a URL, and answering JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Response, abort

T = TypeVar("T")


def found(get: Callable[[str], T | None], ident: str, what: str) -> T:
    """The object of that id, or a 404 page (the API answers its JSON error instead)."""
    obj = get(ident) if safe_id(ident) else None
    if obj is None:
        abort(404, description=f"No {what} {ident!r} in this ledger.")
    return obj


def safe_id(value: str) -> bool:
    """Ids are lowercase hex; anything else is a bad URL (a 404, never a query)."""
    return 6 <= len(value) <= 64 and all(ch in "0123456789abcdef" for ch in value)


def json_response(obj: Any) -> Response:
    return Response(json.dumps(obj, ensure_ascii=False), mimetype="application/json")


__all__ = ["found", "json_response", "safe_id"]
