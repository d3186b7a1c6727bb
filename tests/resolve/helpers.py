"""Helpers the resolve tests share."""

from __future__ import annotations

import datetime as dt

from counterclaim.knowledge.lexicon import lexicon_for
from counterclaim.model import TimeSpan
from counterclaim.resolve.times import resolve_time

D = dt.date


def r(text: str, published: dt.date | None) -> TimeSpan:
    return resolve_time(TimeSpan(text=text, text_start=3, text_end=3 + len(text)), published, lexicon_for("en"))
