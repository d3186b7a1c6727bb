"""The publication date of an article whose metadata gives none, and where it was found.

Real inputs mostly come without metadata; relative times ("yesterday", "on Monday") need a date
to count from.  :func:`find_published` looks, in this order:

1. **The top of the text** (:func:`.dateline.read_dateline`): a byline or header date, a date
   after "Posted on" (basis ``header``), a "Last updated" date (``updated``: an upper bound, the
   article may be older), a wire dateline (``dateline``).  The site's own "today" date above the
   headline, dates in file names and dates that prose introduces ("on March 16, 2016": another
   event) are not taken.
2. **The address**: a full date in the URL (``/2021/04/20/``, ``/2021-04-20-...``,
   ``/20210420/``; basis ``url``).  A year alone in the address (``/2015/``) only gives a wire
   dateline without its year ("MOSCOW, December 23. /TASS/.") its year.  A date at the top of
   the text that is certain beats the address; the address beats one that is a guess.
3. **An embedded post**: the date line under a quoted social-media post ("— Syrian Observatory
   (@syriahr) July 3, 2019"); the latest one, since an article is published on or after the
   posts it quotes (basis ``embedded post``, always a guess).

Each answer says where it came from (``basis``), how sure it is (``guess``), the span it was
read from (None for the address) and how it was read (``note``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from ..knowledge.lexicon import Lexicon
from ..model import Document, PublishedBasis, Span
from .dates import calendar, group, safe_date
from .dateline import read_dateline


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date found in a document, and where."""

    date: dt.date
    basis: PublishedBasis
    guess: bool
    note: str
    span: Span | None = None


#: a full date in an address: /2021/04/20/, /2021-04-20, /20210420/ (the year 19xx or 20xx)
_URL_DATES: Final = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?=/|$|[-_.?#])"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?=/|$|[-_.?#])"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?=/|$|[-_.?#])"),
)
#: a year alone as a segment of an address: /2015/
_URL_YEAR: Final = re.compile(r"/((?:19|20)\d{2})(?=/|$)")


def url_date(url: str | None) -> dt.date | None:
    """The full date an address carries, or None (a year alone, an id, an impossible date)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    for rx in _URL_DATES:
        for m in rx.finditer(path):
            d = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if d is not None:
                return d
    return None


def url_year(url: str | None) -> int | None:
    """A year that stands alone as a segment of the address (``/2015/``), or the year of its
    full date."""
    full = url_date(url)
    if full is not None:
        return full.year
    m = _URL_YEAR.search(re.sub(r"^[a-z]+://[^/]+", "", (url or "").strip(), flags=re.I))
    return int(m.group(1)) if m else None


@cache
def _post_line(lex: Lexicon) -> re.Pattern[str]:
    """The date line under an embedded post: an @handle in brackets, then a full date."""
    cal = calendar(lex)
    day = group("d", r"(?:[12]\d|3[01]|0?[1-9])")
    year = group("y", r"(?:19|20)\d{2}")
    return re.compile(
        r"\(@\w{1,30}\)\s*[,\u060c]?\s*(?:" + group("mo", cal.month) + r"\.?\s+" + day + r"[,\u060c]?\s+" + year
        + r"|" + day.replace("?P<d>", "?P<d2>") + r"\s+" + group("mo2", cal.month) + r"\.?[,\u060c]?\s+"
        + year.replace("?P<y>", "?P<y2>") + r")(?!\d)",
        re.I,
    )


def embedded_post_date(text: str, lex: Lexicon) -> tuple[dt.date, Span] | None:
    """The latest date line under an embedded social-media post in ``text``, with its span."""
    cal = calendar(lex)
    best: tuple[dt.date, Span] | None = None
    for m in _post_line(lex).finditer(text):
        mo, d, y = (m.group("mo"), m.group("d"), m.group("y")) if m.group("mo") else (m.group("mo2"), m.group("d2"), m.group("y2"))
        date = safe_date(int(y), cal.month_of(mo), int(d))
        if date is None:
            continue
        start = m.start("mo") if m.group("mo") else m.start("d2")
        if best is None or date > best[0]:
            best = (date, Span(text[start:m.end()], start, m.end()))
    return best


def find_published(document: Document, lex: Lexicon) -> Published | None:
    """Where and when ``document`` was published, read from its text and address (see the
    module docstring); None when neither gives a date."""
    text = document.text
    from_url = url_date(document.url)
    found = read_dateline(text, lex, year=url_year(document.url), title=document.title)
    if found is not None and found.date is not None and not found.guess:
        return Published(found.date, found.basis, False, found.note, found.span)
    if from_url is not None:
        return Published(from_url, "url", False, "a full date in the address")
    post = embedded_post_date(text, lex)
    if found is not None and found.date is not None and not (post is not None and post[1].start == found.span.start):
        return Published(found.date, found.basis, True, found.note, found.span)
    if post is not None:
        return Published(post[0], "embedded post", True,
                         "the date of the latest post the article quotes: it was published that day or later", post[1])
    return None


__all__ = ["Published", "embedded_post_date", "find_published", "url_date", "url_year"]
