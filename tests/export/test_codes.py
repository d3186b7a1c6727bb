"""ACLED's and UCDP GED's precision codes for resolved windows."""

from __future__ import annotations

import pytest

from counterclaim.export.codes import acled_time_precision, ucdp_date_prec
from counterclaim.model import TimeSpan

from ..resolve.helpers import D, r


def ts(start: str, end: str, precision: str) -> TimeSpan:
    return TimeSpan(text="t", start=start, end=end, precision=precision)


def test_acled_from_precision_word() -> None:
    # ACLED time_precision: 1 actual date, 2 a week or similar, 3 a month (or coarser)
    assert acled_time_precision("day") == 1
    assert acled_time_precision("days") == 2
    assert acled_time_precision("month") == 3
    assert acled_time_precision("year") == 3
    assert acled_time_precision("unknown") is None


def test_acled_from_window_length() -> None:
    assert acled_time_precision(ts("2021-04-19", "2021-04-19", "day")) == 1
    assert acled_time_precision(ts("2015-12-18", "2015-12-23", "days")) == 2  # 6 days: "a week or similar"
    assert acled_time_precision(ts("2017-01-30", "2017-02-05", "days")) == 2  # 7 days
    assert acled_time_precision(ts("2017-01-01", "2017-02-07", "days")) == 3  # 38 days
    assert acled_time_precision(ts("2017-09-01", "2017-09-26", "month")) == 3
    assert acled_time_precision(TimeSpan(text="the same day")) is None


@pytest.mark.parametrize(
    ("start", "end", "precision", "code"),
    [
        ("2021-04-19", "2021-04-19", "day", 1),  # exact day
        ("2015-12-22", "2015-12-23", "days", 2),  # past 24 hours: 2 days, within 2-6
        ("2015-12-18", "2015-12-23", "days", 2),  # December 18-23: 6 days
        ("2017-01-30", "2017-02-05", "days", 3),  # last week: 7 days, "only the week known"
        ("2017-01-17", "2017-02-07", "days", 4),  # last 3 weeks: 22 days, within 8-30
        ("2017-09-01", "2017-09-26", "month", 4),  # earlier this month: the month is known
        ("2016-03-01", "2016-03-31", "month", 4),  # a whole 31-day month is still "the month"
        ("2017-01-01", "2017-02-07", "days", 5),  # 38 days: more than a month, under a year
        ("2015-01-01", "2015-12-31", "year", 5),  # a calendar year
        ("2016-01-01", "2016-12-31", "year", 5),  # a leap year (366 days)
    ],
)
def test_ucdp_date_prec(start: str, end: str, precision: str, code: int) -> None:
    assert ucdp_date_prec(ts(start, end, precision)) == code


def test_ucdp_no_code_for_unknown_or_longer_than_a_year() -> None:
    # since September 2015 in 2017: over two years, which GED does not code
    assert ucdp_date_prec(ts("2015-09-01", "2017-09-26", "days")) is None
    assert ucdp_date_prec(TimeSpan(text="next month")) is None


def test_codes_for_resolved_seed_windows() -> None:
    # end to end: the seed mentions through resolve_time, then to the codes
    pub = D(2015, 12, 23)
    assert ucdp_date_prec(r("December 18-23", pub)) == 2
    assert acled_time_precision(r("December 18-23", pub)) == 2
    assert ucdp_date_prec(r("on Wednesday", pub)) == 1
    assert ucdp_date_prec(r("since the beginning of 2017", D(2017, 2, 7))) == 5
