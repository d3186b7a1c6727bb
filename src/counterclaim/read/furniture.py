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

# --------------------------------------------------------------------------- shared vocabulary

_PHOTO_WORD: Final = r"(?:photo|photos|picture|pictures|image|images|photograph|file photo|handout)"

# --------------------------------------------------------------------------- line rules (stage 3)

COMMENTS_HEADING_RE: Final = re.compile(
    r"(?:\d[\d,]*\s+comments?|comments?(?:\s*\(\d[\d,]*\))?|leave\s+a\s+(?:comment|reply)|"
    r"add\s+(?:a|your)\s+comment|post\s+a\s+comment|show\s+(?:all\s+)?comments|"
    r"view\s+(?:all\s+)?comments|reader\s+comments|join\s+the\s+(?:conversation|discussion))\s*:?",
    re.IGNORECASE,
)
BULLET_RE: Final = re.compile(r"^([ \t\xa0]*)([•·▪‣◦●■□–])[ \t\xa0]+(\S.*)$")

_SHARE_TOKEN: Final = (
    r"share(?:\s+this(?:\s+(?:article|story|page|post))?)?(?:\s+(?:on|via)\s+\w+)?|tweet|print|"
    r"email|e-mail|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|vkontakte|viber|"
    r"copy\s+link|flipboard"
)
_SHARE_BAR_RE: Final = re.compile(rf"(?:(?:{_SHARE_TOKEN})[\s:|/·•,-]*)+", re.IGNORECASE)
_FOLLOW_RE: Final = re.compile(r"(?:follow|like)\s+(?:us|@?\w+)\s+on\s+\S.{0,80}", re.IGNORECASE)

_RELATED_RE: Final = re.compile(
    r"(?:related(?:\s+(?:articles?|stories|story|news|content|coverage|links?|reading))?|"
    r"read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|"
    r"more\s+(?:news|stories)|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|watch|listen)"
    r"\s*(?:(?::|[-–—|])\s*.{0,250})?",
    re.IGNORECASE,
)

MIRROR_RE: Final = re.compile(
    r"\b(?:alternat(?:e|ive)\s+(?:web\s*)?(?:address|domain|url|link|site)s?|"
    r"mirror\s+(?:site|address|domain|link)s?|can\s+also\s+be\s+accessed\s+at)\b",
    re.IGNORECASE,
)
URLISH_RE: Final = re.compile(r"<?(?:(?:https?|ftp)://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?>?",
                               re.IGNORECASE)
URL_RE: Final = re.compile(r"<?(?:(?:https?|ftp)://|www\.)\S+>?", re.IGNORECASE)
_COPYRIGHT_RE: Final = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b[^\w\n]{0,8}\d{4}|\bcopyright\s*(?:©|\(c\))|\ball\s+rights\s+reserved\b",
    re.IGNORECASE,
)
_NEWSLETTER_RE: Final = re.compile(
    r"(?:sign\s+up|subscribe|get\s+(?:our|the)\s+(?:\w+\s+){0,3}(?:newsletter|app|alerts?)|"
    r"download\s+(?:our|the)\s+(?:\w+\s+){0,2}app|join\s+(?:our|us\s+on)|never\s+miss|"
    r"don'?t\s+miss|stay\s+(?:informed|updated|up\s+to\s+date))\b",
    re.IGNORECASE,
)
_APP_RE: Final = re.compile(
    r"\b(?:roku|app\s*store|google\s+play|apple\s+tv|android\s+tv|fire\s*tv)\b", re.IGNORECASE
)
_REPORTING_RE: Final = re.compile(r"\b(?:said|says|told|according)\b", re.IGNORECASE)
SOURCE_URL_RE: Final = re.compile(
    r"(?:original|source|canonical|permanent)(?:\s+(?:url|link|address|article))?\s*:\s*"
    r"(?P<url><?(?:https?://|www\.)\S+>?)?",
    re.IGNORECASE,
)

_NAV_RE: Final = re.compile(
    r"all\s+news|latest\s+news|more\s+news|top\s+stories|news\s+feed|news|home(?:\s*page)?|"
    r"main\s+page|menu|search|back(?:\s+to\s+(?:news|top|home))?|skip\s+to\s+(?:main\s+)?content|"
    r"next\s+article|previous\s+article|most\s+(?:read|popular|viewed)|trending(?:\s+now)?",
    re.IGNORECASE,
)
_CRUMB_SEP_RE: Final = re.compile(r"\s+[/|>]\s+|\s*[›»]\s*")
_CRUMB_PART_RE: Final = re.compile(r"[A-Z][^\d.!?,;:\"“”()]{0,30}")

_CREDIT_SPLIT_RE: Final = re.compile(r"\s*/\s*")
_CREDIT_PART_RE: Final = re.compile(r"[^\W_][\w .'’&-]{0,40}")
#: A credited name: capitalised words, possibly joined by slashes ("Reuters/Omar Sanadiki").
_NAME: Final = r"[A-Z][\w.'’&-]*(?:(?:\s+|\s*/\s*)(?:[A-Z][\w.'’&-]*|of|de|al|el|for|via|and))*"
#: "Photo: ..." / "Photo credit: ..." labels (the rest may be a caption or a name).
_CREDIT_COLON_RE: Final = re.compile(
    r"\(?(?i:photo|image|picture|photograph)s?(?:\s+(?i:credit))?\s*:\s*\S.*"
)
#: "Photo by Reuters", "Photo via AP", "Picture courtesy of SANA": the rest must be a name.
_CREDIT_BY_RE: Final = re.compile(
    rf"(?i:photo|image|picture|photograph)s?(?:\s+(?i:credit))?\s+(?i:by|via|courtesy(?:\s+of)?)\s+{_NAME}"
)
#: Inside parentheses: "(Photo via AP)", "(Photo AFP)", "(AFP Photo)", "(AP Photo/Hassan Ammar)",
#: "(Getty Images)", "(file photo)".
_CREDIT_PAREN_CONTENT_RE: Final = re.compile(
    rf"(?i:{_PHOTO_WORD})(?:\s+(?i:credit))?\s*(?:(?i:by|via|from|courtesy(?:\s+of)?)\s+|:\s*|\s+){_NAME}"
    rf"|{_NAME}\s*/?\s*(?i:{_PHOTO_WORD})(?:\s*/\s*{_NAME})?"
    r"|(?i:photo|file\s+photo|handout(?:\s+photo)?)"
)
_CAPTION_OPENER_RE: Final = re.compile(
    rf"(?:in\s+)?this\s+(?:[\w-]+\s+){{0,3}}?(?:{_PHOTO_WORD}|video\s+grab|screen\s?grab|frame\s+grab|still)\b"
    r"|an?\s+(?:handout\s+)?(?:photo|picture|image)\s+taken\b"
    r"|an?\s+(?:handout|file)\s+(?:photo|picture|image)\b",
    re.IGNORECASE,
)
_CAPTION_VERB_RE: Final = re.compile(
    r"\b(?:(?:provided|released|taken|made\s+available|distributed|posted|shared|obtained|"
    r"supplied|published)\s+by|taken\s+on|shows?|showing)\b",
    re.IGNORECASE,
)
_PAREN_RE: Final = re.compile(r"\(([^()\n]{1,80})\)")
_SENTENCE_END_RE: Final = re.compile(r"[.!?][\"”’')\]]*\s+")

# --------------------------------------------------------------------------- inline rules (stage 4)

_INLINE_SHARE_RE: Final = re.compile(
    r"\b(?:Print|Tweet|Share|Email)(?:\s+(?:Print|Tweet|Share|Email|WhatsApp))+(?:\s+Views\s+\d[\d,]*)?\b"
)
_INLINE_FOOTER_START_RE: Final = re.compile(
    r"\b(?:Follow\s+us\s+on\s+\w+|Copyright\b)|©|\bAll\s+rights\s+reserved\b", re.IGNORECASE
)
_INLINE_STANDARDS_RE: Final = re.compile(r"\bOur Standards:\s*The Thomson Reuters Trust Principles\.?")
_INLINE_FOOTER_MAX: Final = 1500
#: A comment widget that closes a page ("Community standards Discussion Comment via Facebook
#: Comment via Sputnik News"): only at the very end of the text.
_INLINE_WIDGET_END_RE: Final = re.compile(
    r"Community\s*standards\s*Discussion\s*(?:Comment\s+via\s+\w+(?:\s+\w+)?\s*){1,3}$"
)
#: Where the page furniture before such a widget starts: an ellipsis and a share count
#: ("... 91"), or else a "Topic", "Related" or "Tags" block of the page.
_INLINE_WIDGET_COUNT_RE: Final = re.compile(r"\.\.\.\s+\d[\d\s]*?(?=\s+(?:Topic|Related|Tags|Community)\b)")
_INLINE_WIDGET_MARK_RE: Final = re.compile(r"(?<![\w.])(?:(?:Topic|Related)\s+(?=[A-Z])|Tags\s+(?=\S))")
_INLINE_WIDGET_MAX: Final = 2000
#: A picture credit naming an outlet "and Agencies" ("(TRT World and Agencies)"): it closes a
#: photo caption, which says when the picture was taken ("... Syria June 12 2016.").
_INLINE_AGENCIES_CREDIT_RE: Final = re.compile(r"\((?:[A-Z][\w ]{1,30}?\s+and\s+)?[Aa]gencies\)")
_CAPTION_MAX: Final = 320
#: A news photo's caption that the page ran into the story: a sentence of its own that ends with
#: the place and the date the picture was taken, with no "on" before the date ("Residents inspect
#: a damaged site after airstrikes on a market in the rebel controlled city of Idlib September 10
#: 2016.").  The word before the date is a capitalised name or a place noun; prose dates follow a
#: preposition ("killed on September 10 2016", "not later than 30 June 2014").
# --------------------------------------------------------------------------- byline

BYLINE_LINES: Final = 6

#: A line of article prose has at least this many words.
PROSE_WORDS: Final = 8


@dataclass(frozen=True)
class AgencyPatterns:
    """The patterns of page furniture built from one lexicon's agencies and calendar words."""

    #: one part of a slash credit: an agency ("AFP", "Getty Images", "AP Photo via Reuters")
    agency_part: re.Pattern[str]
    #: a line that only credits a picture ("Getty Images", "(AFP Photo)")
    photo_only: re.Pattern[str]
    #: a byline naming a wire: "By AFP", "By Tom Perry, Reuters"
    byline_by: re.Pattern[str]
    #: a wire named alone on a line: "(AFP)"
    byline_alone: re.Pattern[str]
    #: "BEIRUT (AFP) -", "MOSCOW, December 23. /TASS/."
    dateline: re.Pattern[str]
    #: a caption that ends with the date the picture was taken ("... June 12 2016.")
    caption_date_end: re.Pattern[str]
    #: a news photo's caption the page ran into the story (see :func:`inline_removals`)
    dated_caption: re.Pattern[str]


@cache
def patterns(lex: Lexicon) -> AgencyPatterns:
    """The agency and date patterns of ``lex``, built once per lexicon."""
    wire = lex.agency_pattern
    photo = lex.furniture.photo_agencies
    month = "(?:" + "|".join(m.name.capitalize() for m in lex.months) + ")"
    weekday = "(?:" + "|".join(d.name.capitalize() for d in lex.weekdays) + ")"
    full_date = rf"(?:{month}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{month}\s+\d{{4}})"
    return AgencyPatterns(
        agency_part=re.compile(
            rf"(?:{wire}|{photo})(?:\s+(?:photo|photos|images|pool|file|handout))?"
            rf"(?:\s+(?:via|for)\s+(?:{wire}|{photo}))?",
            re.IGNORECASE,
        ),
        photo_only=re.compile(rf"\(?(?:{photo})\)?|\(?(?:{wire})\s+(?:photo|images)\)?", re.IGNORECASE),
        byline_by=re.compile(
            r"^By\s+(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:,|and|for|\||-|–|—)\s*)?"
            rf"\(?({wire})\)?(?:\s*(?:,|\||-|–|—)[^\n]{{0,40}})?$"
        ),
        byline_alone=re.compile(rf"^\(?({wire})\)?$"),
        dateline=re.compile(
            r"^[A-Z][A-Z .'’-]{1,30}(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
            r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\.?\s*"
            rf"(?:\(({wire})\)|/({wire})/)"
        ),
        caption_date_end=re.compile(rf"{full_date}\.?$"),
        dated_caption=re.compile(
            rf"(?:(?<=[.!?]\s)|(?<=[.!?]”\s)|(?<=[.!?]\"\s)|^)"
            rf"(?P<header>(?:(?:Published|Updated|Last updated)\s+)?{full_date}\s+)?"
            rf"(?P<caption>[A-Z][^.!?\n]{{15,{_CAPTION_MAX}}}?"
            r"(?:\b[A-Z][\w'’-]+|\b(?:city|province|countryside|[Gg]overnorate|district|village|neighbou?rhood))"
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
    if _CREDIT_BY_RE.fullmatch(v) or (_CREDIT_COLON_RE.fullmatch(v) and words(v) <= 8):
        return True
    m = _PAREN_RE.fullmatch(v)
    if m and _is_credit_paren(m.group(1)):
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


def _is_credit_paren(content: str) -> bool:
    """The inside of "(Photo via AP)", "(AFP Photo)", "(Photo: Reuters)", "(Reuters Photo)".

    It must be short and shaped like a credit (a photo word next to a capitalised name or an
    agency): "(the photo was taken in 2015)" and "(photos show the dead)" are not credits.
    """
    c = content.strip()
    if words(c) > 8:
        return False
    return _CREDIT_PAREN_CONTENT_RE.fullmatch(c) is not None


def _ends_with_credit(v: str, lex: Lexicon) -> bool:
    """A caption: text ending in a photo credit, "... (Photo via AP)" or "... Name / dpa / TASS"."""
    m = None
    for m in _PAREN_RE.finditer(v):
        pass
    if m is not None and v[m.end():].strip(" .") == "" and _is_credit_paren(m.group(1)):
        return True
    tail_start = 0
    for s in _SENTENCE_END_RE.finditer(v):
        tail_start = s.end()
    if tail_start == 0:
        return False
    tail = v[tail_start:].strip()
    return bool(tail) and (_is_slash_credit(tail, lex) or _CREDIT_BY_RE.fullmatch(tail) is not None
                           or (_CREDIT_COLON_RE.fullmatch(tail) is not None and words(tail) <= 8))


def _is_caption(v: str, lex: Lexicon) -> bool:
    """Photo captions: a paragraph ending in a photo credit, or "This photo provided by ...
    shows ..." style openers.  Bounded in length so no long body paragraph qualifies."""
    if len(v) > 500:
        return False
    if _ends_with_credit(v, lex):
        return True
    if len(v) <= 400 and _CAPTION_OPENER_RE.match(v) and _CAPTION_VERB_RE.search(v):
        return True
    return _CREDIT_COLON_RE.fullmatch(v) is not None and len(v) <= 300


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
    source = SOURCE_URL_RE.fullmatch(v)
    if source is not None and source.group("url"):
        return "source url"
    if len(v) <= 250 and MIRROR_RE.search(v):
        return "footer"
    if len(v) <= 200 and _COPYRIGHT_RE.search(v):
        return "footer"
    if n <= 25 and _NEWSLETTER_RE.match(v) and not _REPORTING_RE.search(v):
        return "footer"
    if n <= 15 and re.search(r"\bnewsletter\b", v, re.IGNORECASE) and not _REPORTING_RE.search(v):
        return "footer"
    if n <= 8 and _APP_RE.search(v):
        return "footer"
    if (len(v) <= 150 and _SHARE_BAR_RE.fullmatch(v)) or (len(v) <= 100 and _FOLLOW_RE.fullmatch(v)):
        return "share bar"
    if _RELATED_RE.fullmatch(v):
        return "related link"
    if _is_credit_only(v, lex):
        return "photo credit"
    if _is_caption(v, lex):
        return "caption"
    if _NAV_RE.fullmatch(v) or _is_breadcrumb(v):
        return "navigation"
    return None


def inline_removals(
    view: str, title_re: re.Pattern[str] | None, title_seen: bool, lex: Lexicon
) -> tuple[list[tuple[int, int, str]], bool]:
    """Stage 4: (start, end, reason) spans of the view to remove from a kept line.

    Returns the spans and whether the headline has now been seen (for inline repeats).
    """
    spans: list[tuple[int, int, str]] = []
    if "(" in view:
        for m in _PAREN_RE.finditer(view):
            if _is_credit_paren(m.group(1)):
                spans.append((m.start(), m.end(), "photo credit"))
    if "gencies)" in view:
        spans += _agencies_captions(view, lex)
    spans += [(m.start("caption"), m.end("caption"), "caption") for m in patterns(lex).dated_caption.finditer(view)]
    for m in _INLINE_SHARE_RE.finditer(view):
        spans.append((m.start(), m.end(), "share bar"))
    for m in _INLINE_STANDARDS_RE.finditer(view):
        spans.append((m.start(), m.end(), "footer"))
    footer = _inline_footer_start(view)
    if footer is None:
        footer = _inline_widget_start(view)
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
    date_end = patterns(lex).caption_date_end
    for m in _INLINE_AGENCIES_CREDIT_RE.finditer(view):
        before = view[: m.start()].rstrip()
        while before.endswith(")"):  # another credit right before: "... 2017 (File photo) (TRT World and Agencies)"
            p = _PAREN_RE.search(before, max(0, len(before) - 82))
            if p is None or p.end() != len(before) or not _is_credit_paren(p.group(1)):
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


def _inline_footer_start(view: str) -> int | None:
    """A site footer glued to the end of a one-paragraph text: from "Follow us on X" or a
    copyright marker to the end, if a copyright marker follows and it is near the end."""
    if len(view) < 200:
        return None
    lo = max(0, len(view) - _INLINE_FOOTER_MAX)
    for m in _INLINE_FOOTER_START_RE.finditer(view, lo):
        if _COPYRIGHT_RE.search(view, m.start()):
            return m.start()
    return None


def _inline_widget_start(view: str) -> int | None:
    """Page furniture glued to the end of a one-paragraph text and closed by a comment widget:
    the share count, "Topic", "Related" headlines, "Tags" and the widget itself (Sputnik's pages).
    Only when the widget ends the text.  It starts at the last "... <count>" within
    :data:`_INLINE_WIDGET_MAX` characters before the widget, else at the first "Topic",
    "Related" or "Tags" after the last sentence end, else at the widget."""
    end = _INLINE_WIDGET_END_RE.search(view, max(0, len(view) - 200))
    if end is None:
        return None
    lo = max(0, end.start() - _INLINE_WIDGET_MAX)
    counts = [m.start() for m in _INLINE_WIDGET_COUNT_RE.finditer(view, lo) if m.start() < end.start()]
    if counts:
        return counts[-1]
    last_end = lo
    for m in _SENTENCE_END_RE.finditer(view, lo, end.start()):
        last_end = m.end()
    for m in _INLINE_WIDGET_MARK_RE.finditer(view, last_end, end.start()):
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
