"""What page furniture looks like: the patterns and tests that tell a comment section, a share bar,
a photo caption or credit, a related link, navigation, a site footer or a byline from article
prose.  Each test is anchored to a whole line, bounded in length, or needs a marker (a credit,
an agency name), so that a line of prose never matches one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from ..knowledge.lexicon import Lexicon

BULLET_RE: Final = re.compile(r"^([ \t\xa0]*)([•·▪‣◦●■□–])[ \t\xa0]+(\S.*)$")
URLISH_RE: Final = re.compile(r"<?(?:(?:https?|ftp)://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?>?",
                               re.IGNORECASE)
URL_RE: Final = re.compile(r"<?(?:(?:https?|ftp)://|www\.)\S+>?", re.IGNORECASE)
_CRUMB_SEP_RE: Final = re.compile(r"\s+[/|>]\s+|\s*[›»]\s*")
_CRUMB_PART_RE: Final = re.compile(r"[A-Z][^\d.!?,;:\"“”()]{0,30}")
_CREDIT_SPLIT_RE: Final = re.compile(r"\s*/\s*")
_CREDIT_PART_RE: Final = re.compile(r"[^\W_][\w .'’&-]{0,40}")
_PAREN_RE: Final = re.compile(r"\(([^()\n]{1,80})\)")
_SENTENCE_END_RE: Final = re.compile(r"[.!?][\"”’')\]]*\s+")
_INLINE_FOOTER_MAX: Final = 1500
_INLINE_WIDGET_MAX: Final = 2000
_CAPTION_MAX: Final = 320
BYLINE_LINES: Final = 6

#: A line of article prose has at least this many words.
PROSE_WORDS: Final = 8


@dataclass(frozen=True)
class Patterns:
    """The page-furniture patterns of one lexicon (its furniture words, agencies and calendar)."""

    # ------------------------------------------------------------------ line rules (stage 3)
    comments_heading: re.Pattern[str]
    share_bar: re.Pattern[str]
    follow: re.Pattern[str]
    related: re.Pattern[str]
    mirror: re.Pattern[str]
    copyright: re.Pattern[str]
    newsletter: re.Pattern[str]
    newsletter_word: re.Pattern[str]
    apps: re.Pattern[str]
    reporting: re.Pattern[str]
    source_url: re.Pattern[str]
    navigation: re.Pattern[str]
    #: "Photo: ..." / "Photo credit: ..." labels (the rest may be a caption or a name)
    credit_colon: re.Pattern[str]
    #: "Photo by Reuters", "Photo via AP", "Picture courtesy of SANA": the rest must be a name
    credit_by: re.Pattern[str]
    #: inside parentheses: "(Photo via AP)", "(Photo AFP)", "(AFP Photo)", "(AP Photo/Hassan
    #: Ammar)", "(Getty Images)", "(file photo)"
    credit_paren_content: re.Pattern[str]
    caption_opener: re.Pattern[str]
    caption_verb: re.Pattern[str]
    #: one part of a slash credit: an agency ("AFP", "Getty Images", "AP Photo via Reuters")
    agency_part: re.Pattern[str]
    #: a line that only credits a picture ("Getty Images", "(AFP Photo)")
    photo_only: re.Pattern[str]
    # ------------------------------------------------------------------ inline rules (stage 4)
    inline_share: re.Pattern[str]
    inline_footer_start: re.Pattern[str]
    inline_standards: re.Pattern[str]
    #: a comment widget that closes a page ("Community standards Discussion Comment via Facebook
    #: Comment via Sputnik News"): only at the very end of the text
    inline_widget_end: re.Pattern[str]
    #: where the page furniture before such a widget starts: an ellipsis and a share count
    #: ("... 91"), or else a "Topic", "Related" or "Tags" block of the page
    inline_widget_count: re.Pattern[str]
    inline_widget_mark: re.Pattern[str]
    #: a picture credit naming an outlet "and Agencies" ("(TRT World and Agencies)"): it closes a
    #: photo caption, which says when the picture was taken ("... Syria June 12 2016.")
    inline_agencies_credit: re.Pattern[str]
    #: what every such credit holds (a quick test before the pattern)
    agencies_mark: str
    # ------------------------------------------------------------------ bylines and datelines
    #: a byline naming a wire: "By AFP", "By Tom Perry, Reuters"
    byline_by: re.Pattern[str]
    #: "By " opening a line
    by: str
    #: a wire named alone on a line: "(AFP)"
    byline_alone: re.Pattern[str]
    #: "BEIRUT (AFP) -", "MOSCOW, December 23. /TASS/."
    dateline: re.Pattern[str]
    #: a caption that ends with the date the picture was taken ("... June 12 2016.")
    caption_date_end: re.Pattern[str]
    #: a news photo's caption that the page ran into the story: a sentence of its own that ends
    #: with the place and the date the picture was taken, with no "on" before the date
    #: ("Residents inspect a damaged site after airstrikes on a market in the rebel controlled
    #: city of Idlib September 10 2016.").  The word before the date is a capitalised name or a
    #: place noun; prose dates follow a preposition ("killed on September 10 2016", "not later
    #: than 30 June 2014").
    dated_caption: re.Pattern[str]


@cache
def patterns(lex: Lexicon) -> Patterns:
    """The page-furniture patterns of ``lex``, built once per lexicon."""
    w = lex.furniture
    wire, photo_agency = lex.agency_pattern, w.photo_agencies
    photo = f"(?:{w.photo_words})"
    #: a credited name: capitalised words, possibly joined by slashes ("Reuters/Omar Sanadiki")
    name = rf"[A-Z][\w.'’&-]*(?:(?:\s+|\s*/\s*)(?:[A-Z][\w.'’&-]*|{w.name_joiners}))*"
    label, credit = w.credit_labels, w.credit
    month = "(?:" + "|".join(m.name.capitalize() for m in lex.months) + ")"
    weekday = "(?:" + "|".join(d.name.capitalize() for d in lex.weekdays) + ")"
    full_date = rf"(?:{month}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{month}\s+\d{{4}})"
    agencies = f"[{w.agencies[0].upper()}{w.agencies[0]}]{w.agencies[1:]}"
    widget = w.widget_blocks
    i = re.IGNORECASE
    return Patterns(
        comments_heading=re.compile(rf"(?:{w.comments_heading})\s*:?", i),
        share_bar=re.compile(rf"(?:(?:{w.share_buttons})[\s:|/·•,-]*)+", i),
        follow=re.compile(rf"{w.follow}\s+\S.{{0,80}}", i),
        related=re.compile(rf"(?:{w.related})\s*(?:(?::|[-–—|])\s*.{{0,250}})?", i),
        mirror=re.compile(rf"\b(?:{w.mirror})\b", i),
        copyright=re.compile(w.copyright, i),
        newsletter=re.compile(rf"(?:{w.newsletter})\b", i),
        newsletter_word=re.compile(rf"\b{w.newsletter_word}\b", i),
        apps=re.compile(rf"\b(?:{w.apps})\b", i),
        reporting=re.compile(rf"\b(?:{w.reporting})\b", i),
        source_url=re.compile(rf"{w.source_labels}\s*:\s*(?P<url><?(?:https?://|www\.)\S+>?)?", i),
        navigation=re.compile(w.navigation, i),
        credit_colon=re.compile(rf"\(?(?i:{label})s?(?:\s+(?i:{credit}))?\s*:\s*\S.*"),
        credit_by=re.compile(rf"(?i:{label})s?(?:\s+(?i:{credit}))?\s+(?i:{w.credit_by})\s+{name}"),
        credit_paren_content=re.compile(
            rf"(?i:{photo})(?:\s+(?i:{credit}))?\s*(?:(?i:{w.credit_by_paren})\s+|:\s*|\s+){name}"
            rf"|{name}\s*/?\s*(?i:{photo})(?:\s*/\s*{name})?"
            rf"|(?i:{w.credit_alone})"
        ),
        caption_opener=re.compile(w.caption_opener.format(photo=photo), i),
        caption_verb=re.compile(rf"\b(?:{w.caption_verbs})\b", i),
        agency_part=re.compile(
            rf"(?:{wire}|{photo_agency})(?:\s+(?:{w.agency_credit_suffixes}))?"
            rf"(?:\s+(?:{w.agency_credit_joins})\s+(?:{wire}|{photo_agency}))?",
            i,
        ),
        photo_only=re.compile(rf"\(?(?:{photo_agency})\)?|\(?(?:{wire})\s+(?:{w.wire_photo})\)?", i),
        inline_share=re.compile(
            rf"\b(?:{w.inline_share_buttons})(?:\s+(?:{w.inline_share_more}))+(?:\s+{w.inline_views}\s+\d[\d,]*)?\b"
        ),
        inline_footer_start=re.compile(w.inline_footer_start, i),
        inline_standards=re.compile(rf"\b{w.inline_standards}"),
        inline_widget_end=re.compile(rf"{w.widget_end}$"),
        inline_widget_count=re.compile(rf"\.\.\.\s+\d[\d\s]*?(?=\s+(?:{widget})\b)"),
        inline_widget_mark=re.compile(rf"(?<![\w.])(?:(?:{w.widget_headline_blocks})\s+(?=[A-Z])|(?:{w.widget_tag_blocks})\s+(?=\S))"),
        inline_agencies_credit=re.compile(rf"\((?:[A-Z][\w ]{{1,30}}?\s+{w.agencies_join}\s+)?{agencies}\)"),
        agencies_mark=w.agencies[1:] + ")",
        byline_by=re.compile(
            rf"^{w.byline_by}\s+(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}}\s*(?:,|{w.byline_joins}|\||-|–|—)\s*)?"
            rf"\(?({wire})\)?(?:\s*(?:,|\||-|–|—)[^\n]{{0,40}})?$"
        ),
        by=w.byline_by + " ",
        byline_alone=re.compile(rf"^\(?({wire})\)?$"),
        dateline=re.compile(
            r"^[A-Z][A-Z .'’-]{1,30}(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
            r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\.?\s*"
            rf"(?:\(({wire})\)|/({wire})/)"
        ),
        caption_date_end=re.compile(rf"{full_date}\.?$"),
        dated_caption=re.compile(
            rf"(?:(?<=[.!?]\s)|(?<=[.!?]”\s)|(?<=[.!?]\"\s)|^)"
            rf"(?P<header>(?:(?:{w.date_header})\s+)?{full_date}\s+)?"
            rf"(?P<caption>[A-Z][^.!?\n]{{15,{_CAPTION_MAX}}}?"
            rf"(?:\b[A-Z][\w'’-]+|\b(?:{w.caption_place_nouns}))"
            rf"(?:\s+{weekday})?\s+{full_date}\.)(?=\s|$)"
        ),
    )


# ============================================================================ stage 1: lines


def words(v: str) -> int:
    return len(v.split())


def _is_agency_part(part: str, lex: Lexicon) -> bool:
    return patterns(lex).agency_part.fullmatch(part.strip()) is not None


def _is_credit_only(v: str, lex: Lexicon) -> bool:
    """A line that is nothing but a photo credit: "Mikhail Pochuev/TASS", "Getty Images",
    "AFP / Getty Images", "(AFP Photo)", "Photo: Reuters"."""
    if len(v) > 120:
        return False
    if patterns(lex).photo_only.fullmatch(v):
        return True
    pats = patterns(lex)
    if pats.credit_by.fullmatch(v) or (pats.credit_colon.fullmatch(v) and words(v) <= 8):
        return True
    m = _PAREN_RE.fullmatch(v)
    if m and _is_credit_paren(m.group(1), lex):
        return True
    return _is_slash_credit(v, lex)


def _is_slash_credit(v: str, lex: Lexicon) -> bool:
    """"Name / Agency" credits: 2-5 short parts separated by slashes, one of them an agency."""
    if "/" not in v or "://" in v:
        return False
    parts = _CREDIT_SPLIT_RE.split(v.strip())
    if not 2 <= len(parts) <= 5:
        return False
    if not all(p and words(p) <= 4 and _CREDIT_PART_RE.fullmatch(p) for p in parts):
        return False
    return any(_is_agency_part(p, lex) for p in parts)


def _is_credit_paren(content: str, lex: Lexicon) -> bool:
    """The inside of "(Photo via AP)", "(AFP Photo)", "(Photo: Reuters)", "(Reuters Photo)".

    It must be short and shaped like a credit (a photo word next to a capitalised name or an
    agency): "(the photo was taken in 2015)" and "(photos show the dead)" are not credits.
    """
    c = content.strip()
    if words(c) > 8:
        return False
    return patterns(lex).credit_paren_content.fullmatch(c) is not None


def _ends_with_credit(v: str, lex: Lexicon) -> bool:
    """A caption: text ending in a photo credit, "... (Photo via AP)" or "... Name / dpa / TASS"."""
    m = None
    for m in _PAREN_RE.finditer(v):
        pass
    if m is not None and v[m.end():].strip(" .") == "" and _is_credit_paren(m.group(1), lex):
        return True
    tail_start = 0
    for s in _SENTENCE_END_RE.finditer(v):
        tail_start = s.end()
    if tail_start == 0:
        return False
    tail = v[tail_start:].strip()
    pats = patterns(lex)
    return bool(tail) and (_is_slash_credit(tail, lex) or pats.credit_by.fullmatch(tail) is not None
                           or (pats.credit_colon.fullmatch(tail) is not None and words(tail) <= 8))


def _is_caption(v: str, lex: Lexicon) -> bool:
    """Photo captions: a paragraph ending in a photo credit, or "This photo provided by ...
    shows ..." style openers.  Bounded in length so no long body paragraph qualifies."""
    if len(v) > 500:
        return False
    if _ends_with_credit(v, lex):
        return True
    pats = patterns(lex)
    if len(v) <= 400 and pats.caption_opener.match(v) and pats.caption_verb.search(v):
        return True
    return pats.credit_colon.fullmatch(v) is not None and len(v) <= 300


def _is_breadcrumb(v: str) -> bool:
    """"News / Russia", "Home › World › Middle East": short capitalised parts between separators."""
    if len(v) > 80:
        return False
    parts = _CRUMB_SEP_RE.split(v)
    if not 2 <= len(parts) <= 6:
        return False
    return all(p and words(p) <= 4 and _CRUMB_PART_RE.fullmatch(p) for p in parts)


def line_reason(v: str, lex: Lexicon) -> str | None:
    """The reason one (non-blank) line is boilerplate, judged on its own, else None."""
    n = words(v)
    pats = patterns(lex)
    source = pats.source_url.fullmatch(v)
    if source is not None and source.group("url"):
        return "source url"
    if len(v) <= 250 and pats.mirror.search(v):
        return "footer"
    if len(v) <= 200 and pats.copyright.search(v):
        return "footer"
    if n <= 25 and pats.newsletter.match(v) and not pats.reporting.search(v):
        return "footer"
    if n <= 15 and pats.newsletter_word.search(v) and not pats.reporting.search(v):
        return "footer"
    if n <= 8 and pats.apps.search(v):
        return "footer"
    if (len(v) <= 150 and pats.share_bar.fullmatch(v)) or (len(v) <= 100 and pats.follow.fullmatch(v)):
        return "share bar"
    if pats.related.fullmatch(v):
        return "related link"
    if _is_credit_only(v, lex):
        return "photo credit"
    if _is_caption(v, lex):
        return "caption"
    if pats.navigation.fullmatch(v) or _is_breadcrumb(v):
        return "navigation"
    return None


def inline_removals(
    view: str, title_re: re.Pattern[str] | None, title_seen: bool, lex: Lexicon
) -> tuple[list[tuple[int, int, str]], bool]:
    """Stage 4: (start, end, reason) spans of the view to remove from a kept line.

    Returns the spans and whether the headline has now been seen (for inline repeats).
    """
    spans: list[tuple[int, int, str]] = []
    pats = patterns(lex)
    if "(" in view:
        for m in _PAREN_RE.finditer(view):
            if _is_credit_paren(m.group(1), lex):
                spans.append((m.start(), m.end(), "photo credit"))
    if pats.agencies_mark in view:
        spans += _agencies_captions(view, lex)
    spans += [(m.start("caption"), m.end("caption"), "caption") for m in patterns(lex).dated_caption.finditer(view)]
    for m in pats.inline_share.finditer(view):
        spans.append((m.start(), m.end(), "share bar"))
    for m in pats.inline_standards.finditer(view):
        spans.append((m.start(), m.end(), "footer"))
    footer = _inline_footer_start(view, pats)
    if footer is None:
        footer = _inline_widget_start(view, pats)
    if footer is not None:
        spans.append((footer, len(view), "footer"))
    if title_re is not None:
        for m in title_re.finditer(view):
            if title_seen:
                spans.append((m.start(), m.end(), "repeated headline"))
            title_seen = True
    return _drop_overlaps(spans), title_seen


def _agencies_captions(view: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """A photo caption closed by an "(Outlet and Agencies)" credit inside a one-paragraph text:
    the sentence before the credit is the caption when it ends with the date the picture was
    taken ("A man inspects a site hit by air strikes in Idlib province Syria June 12 2016.") and
    is short; it runs back to the previous sentence end (over a sentence that is only the date).
    A credit after ordinary prose goes alone, as a photo credit, and the prose stays."""
    out: list[tuple[int, int, str]] = []
    pats = patterns(lex)
    date_end = pats.caption_date_end
    for m in pats.inline_agencies_credit.finditer(view):
        before = view[: m.start()].rstrip()
        while before.endswith(")"):  # another credit right before: "... 2017 (File photo) (TRT World and Agencies)"
            p = _PAREN_RE.search(before, max(0, len(before) - 82))
            if p is None or p.end() != len(before) or not _is_credit_paren(p.group(1), lex):
                break
            before = before[: p.start()].rstrip()
        start = None
        if date_end.search(before):
            lo = max(0, len(before) - _CAPTION_MAX)
            ends = [e.end() for e in _SENTENCE_END_RE.finditer(view, lo, len(before))]
            if ends and date_end.fullmatch(before[ends[-1]:]) and len(ends) > 1:
                ends.pop()  # "... near the Turkish border. July 27 2016." : the date alone is not the caption
            if ends and words(before[ends[-1]:]) >= 4:
                start = ends[-1]
        if start is None:
            out.append((m.start(), m.end(), "photo credit"))
        else:
            out.append((start, m.end(), "caption"))
    return out


def _inline_footer_start(view: str, pats: Patterns) -> int | None:
    """A site footer glued to the end of a one-paragraph text: from "Follow us on X" or a
    copyright marker to the end, if a copyright marker follows and it is near the end."""
    if len(view) < 200:
        return None
    lo = max(0, len(view) - _INLINE_FOOTER_MAX)
    for m in pats.inline_footer_start.finditer(view, lo):
        if pats.copyright.search(view, m.start()):
            return m.start()
    return None


def _inline_widget_start(view: str, pats: Patterns) -> int | None:
    """Page furniture glued to the end of a one-paragraph text and closed by a comment widget:
    the share count, "Topic", "Related" headlines, "Tags" and the widget itself (Sputnik's pages).
    Only when the widget ends the text.  It starts at the last "... <count>" within
    :data:`_INLINE_WIDGET_MAX` characters before the widget, else at the first "Topic",
    "Related" or "Tags" after the last sentence end, else at the widget."""
    end = pats.inline_widget_end.search(view, max(0, len(view) - 200))
    if end is None:
        return None
    lo = max(0, end.start() - _INLINE_WIDGET_MAX)
    counts = [m.start() for m in pats.inline_widget_count.finditer(view, lo) if m.start() < end.start()]
    if counts:
        return counts[-1]
    last_end = lo
    for m in _SENTENCE_END_RE.finditer(view, lo, end.start()):
        last_end = m.end()
    for m in pats.inline_widget_mark.finditer(view, last_end, end.start()):
        return m.start()
    return end.start()


def _drop_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s, e, r in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s < out[-1][1]:
            continue
        out.append((s, e, r))
    return out


# ============================================================================ stage 5: emit
