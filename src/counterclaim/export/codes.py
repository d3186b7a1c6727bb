"""The precision codes of ACLED and UCDP GED: how wide a window or how coarse a place is, in each
dataset's own numbers, and the window an incident's codes are read from."""

from __future__ import annotations

import dataclasses
from datetime import date as Date

from ..model import TimeSpan


# ACLED codebook, `time_precision` (as summarised in mapme.biodiversity's
# R/calc_fatalities_acled.R, which points to https://acleddata.com/knowledge-base/codebook/):
#   1 - the source material includes an actual date of the event;
#   2 - the source says the event happened sometime during a week or a similar period;
#   3 - the source only says it happened sometime during a month ("in the past two or three
#       weeks", "in January"); ACLED then codes the month's mid-point.
#
# UCDP GED codebook, `date_prec` (wording as quoted from the "UCDP GED Codebook" in a public
# thesis walkthrough of GED data, and as summarised in mapme.biodiversity's
# R/calc_fatalities_ucdp.R; codebook at https://ucdp.uu.se/downloads/ged/ged251.pdf):
#   1 - the exact date of the event is known;
#   2 - the date is known only within a 2-6 day range;
#   3 - only the week of the event is known;
#   4 - the date is known only within an 8-30 day range, or only the month is known;
#   5 - the date is known only within a range longer than one month but not more than one
#       calendar year (or only the year is known).
# Neither has a code for "unknown" or for windows longer than a year: those map to None.


def _window_days(span: TimeSpan) -> int | None:
    if span.start is None or span.end is None:
        return None
    try:
        return (Date.fromisoformat(span.end) - Date.fromisoformat(span.start)).days + 1
    except ValueError:
        return None


def acled_time_precision(precision: str | TimeSpan) -> int | None:
    """ACLED ``time_precision`` (1 day, 2 about a week, 3 a month or longer) for a precision.

    Given a resolved :class:`TimeSpan`, the window's length decides: 1 day -> 1, 2-7 days -> 2,
    longer -> 3, and a ``month``/``year`` precision is 3.  Given only the precision word,
    ``day`` -> 1, ``days`` -> 2 (a multi-day window of unknown length, read as about a week),
    ``month``/``year`` -> 3.  ``unknown`` (or an unresolved span) -> None: ACLED has no code
    for an event whose time is not known.
    """
    if isinstance(precision, TimeSpan):
        n = _window_days(precision)
        if n is None or precision.precision == "unknown":
            return None
        if precision.precision in ("month", "year"):
            return 3
        return 1 if n <= 1 else 2 if n <= 7 else 3
    return {"day": 1, "days": 2, "month": 3, "year": 3}.get(precision)


def ucdp_date_prec(span: TimeSpan) -> int | None:
    """UCDP GED ``date_prec`` (1..5) for a resolved window, or None when it has none.

    By the window's length in days: 1 -> 1, 2-6 -> 2, 7 -> 3 (a week), 8-30 -> 4, 31-366 -> 5.
    A window the text gives as a calendar month (precision ``month``, up to 31 days) is 4 ("only
    the month is known"); a calendar year is 5.  A window cut at publication keeps the code its
    length gives when that is finer ("earlier this month" on the 3rd is 3 days -> 2).  Longer
    than a year, or unresolved -> None (GED codes no such event).
    """
    n = _window_days(span)
    if n is None or span.precision == "unknown":
        return None
    code = 1 if n <= 1 else 2 if n <= 6 else 3 if n == 7 else 4 if n <= 30 else 5 if n <= 366 else None
    if span.precision == "month":
        return min(code or 4, 4)
    if span.precision == "year":
        return min(code or 5, 5)
    return code


def acled_geo_precision(precision: str) -> int | None:
    """ACLED ``geo_precision``: 1 the town itself, 2 near the town or part of a region,
    3 a province or larger (ACLED codebook, "Geo-precision")."""
    return {"point": 1, "near": 2, "admin1": 3, "country": 3}.get(precision)


def ucdp_where_prec(precision: str) -> int | None:
    """UCDP GED ``where_prec``: 1 exact location, 2 within 25 km of a known point, 4 first-order
    administrative division (province), 6 country (UCDP GED codebook, "where_prec")."""
    return {"point": 1, "near": 2, "admin1": 4, "country": 6}.get(precision)


def incident_window(span: TimeSpan | None) -> TimeSpan | None:
    """The incident window as the precision functions should see it: a window whose precision
    is ``unknown`` but whose dates are set (no member gives a time: the days before publication)
    is read as a plain window of its length — that length is all that is known."""
    if span is None or span.start is None or span.end is None:
        return None
    if span.precision == "unknown":
        return dataclasses.replace(span, precision="days")
    return span



__all__ = ["acled_geo_precision", "acled_time_precision", "incident_window", "ucdp_date_prec", "ucdp_where_prec"]
