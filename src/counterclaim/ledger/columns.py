"""The claim columns every store promotes out of a claim's JSON, so analysts can filter and index
them in SQL (any PostgreSQL client, ``datasette``, ``sqlite3``) without reading JSON.

One function, one meaning on both backends: :func:`promoted` gives the values of
:data:`PROMOTED` for a claim.  This module imports only the model.
"""

from __future__ import annotations

from typing import Any

from ..model import Claim

#: The promoted columns, in this order (beside ``claimant_actor``, ``stance`` and ``event_type``,
#: which every ledger has had since its first version).
PROMOTED: tuple[str, ...] = ("admin1", "lat", "lon", "time_start", "time_end", "killed_low", "killed_high")


def promoted(c: Claim) -> tuple[Any, ...]:
    """A claim's values for :data:`PROMOTED`: the governorate and coordinates of its place, the
    first and last day (ISO dates) of its time, and the largest number said killed (its low and
    high bounds: the largest of the lows, the largest of the highs; None when no quantity of the
    claim is of people killed)."""
    loc, time = c.location, c.time
    killed = [q for q in c.quantities if q.measure == "killed"]
    lows = [q.low for q in killed if q.low is not None]
    highs = [q.high for q in killed if q.high is not None]
    return (
        loc.admin1 if loc is not None else None,
        loc.lat if loc is not None else None,
        loc.lon if loc is not None else None,
        time.start if time is not None else None,
        time.end if time is not None else None,
        max(lows) if lows else None,
        max(highs) if highs else None,
    )


__all__ = ["PROMOTED", "promoted"]
