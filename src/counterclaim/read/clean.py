"""Cleaning: from a reader's raw text to the one string every ledger offset points into.

:func:`clean_text` decides :attr:`Document.text` once.  It works line by line over the raw input
in five stages, all plain string and regex passes (no NLP, so it is cheap on every article):

1. **Split** the raw text into lines on ``\\r\\n``, ``\\r`` and ``\\n``, remembering each line's raw
   offsets.
2. **View** each line as a reader sees it: Markdown marks (``# `` headings, ``**bold**``,
   ``[text](url)`` links, ``<https://...>`` autolinks) dropped, odd spaces (NBSP, thin spaces...)
   turned into plain spaces, runs of spaces collapsed.  Every rule below looks at this view.
3. **Classify** whole lines as boilerplate, each with a short fixed reason (see :data:`REASONS`):
   a reader comment section and everything after it, share bars, photo captions and credits,
   "Related article:" links, mirror-site / copyright / newsletter / app footers, a "source url"
   note, navigation and breadcrumbs, and a repeat of the headline.  Rules are generic patterns,
   deliberately conservative: a line of article prose never matches one (they are anchored to the
   whole line, bounded in length, or need a marker such as a photo credit).
4. **Inline** rules remove a few unambiguous pieces inside kept lines, mostly for one-paragraph
   texts such as FA-KES rows: "(AFP Photo)" credits, "Print Tweet Views 729" share bars, a
   "Follow us on ... Copyright 2018 ..." site footer at the end, and a later repeat of a known
   headline.
5. **Emit** the kept text with whitespace normalised (spaces collapsed, lines trimmed, blank-line
   runs collapsed to one blank line, leading/trailing whitespace stripped).  Markup and
   whitespace normalisation are not recorded; every piece removed by a rule becomes a
   :class:`~counterclaim.model.Removed` whose ``text`` is exactly ``raw[start:end]`` and whose
   ``at`` is the offset in the cleaned text where it stood.

The title and byline are read afterwards: the given title, else the first line when it looks
like a headline; the byline is a wire agency named in a "By AFP" / "(AFP)" line or a
"CITY (Reuters) -" / "CITY, date. /TASS/." dateline near the top, as a span of the cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import replace, dataclass
from typing import Final

from ..model import Document, RawRecord, Removed, Span, doc_id_for

__all__ = ["Cleaned", "REASONS", "clean_text", "to_document"]

#: The reasons a :class:`Removed` can carry.
REASONS: Final[tuple[str, ...]] = (
    "comments", "share bar", "caption", "photo credit", "related link", "footer", "navigation",
    "repeated headline", "source url",
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning decided: the text, what it dropped, and the headline and byline it found."""

    text: str
    removed: tuple[Removed, ...]
    title: str | None
    byline: Span | None


# --------------------------------------------------------------------------- character classes

#: Horizontal whitespace, including NBSP and the other odd spaces, plus the Unicode line and
#: paragraph separators (treated as spaces: only \n and \r end a line here).
_SPACE_CHARS: Final = " \t\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WS_RE: Final = re.compile(f"[{_SPACE_CHARS}]+")
#: Invisible characters dropped outright: zero-width spaces and joiners, BOM, soft hyphen and the
#: C0 control characters that are not whitespace.
_INVISIBLE: Final = dict.fromkeys(
    [*range(0x00, 0x09), 0x0e, 0x0f, *range(0x10, 0x1c), 0x7f, 0x200b, 0x200c, 0x200d, 0x2060,
     0xfeff, 0x00ad],
    None,
)
_LINE_BREAK_RE: Final = re.compile(r"\r\n|\r|\n")

# --------------------------------------------------------------------------- markup (stage 2)

_MD_HEADING_RE: Final = re.compile(f"^[{_SPACE_CHARS}]{{0,3}}(#{{1,6}})[{_SPACE_CHARS}]+")
#: bold spans are bounded in length: an unbounded lazy match is quadratic on a long line
#: full of unpaired markers
_MD_BOLD_RE: Final = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_MD_LINK_RE: Final = re.compile(r"(!?\[)([^\[\]\n]*)(\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:[ \t]+\"[^\"\n]*\")?\))")
_MD_AUTOLINK_RE: Final = re.compile(r"(<)((?:https?|ftp)://[^\s<>]+|www\.[^\s<>]+)(>)")

# --------------------------------------------------------------------------- shared vocabulary

#: Wire agencies: may name a byline, a photo credit or a relay.
_WIRE: Final = (
    r"AFP|Agence France[- ]Presse|AP|Associated Press|Reuters|Thomson Reuters|ITAR-TASS|TASS|"
    r"RIA Novosti|RIA|Sputnik|Interfax|Xinhua|Anadolu Agency|Anadolu|AA|dpa|DPA|EFE|UPI|SANA|"
    r"IRNA|Fars|Tasnim|Mehr|ANSA|Kyodo|Yonhap|PTI|ANI|KUNA|WAM|MENA|Bloomberg"
)
#: Photo agencies and credit words that only ever credit a picture.
_PHOTO_AGENCY: Final = (
    r"Getty Images|Getty|EPA-EFE|EPA|Shutterstock|Alamy|ZUMA Press|ZUMA Wire|ZUMA|Sipa Press|Sipa|"
    r"Pool|NurPhoto|Abaca|Imago|picture[- ]alliance|SOPA Images|LightRocket|Polaris|Redux|Corbis|"
    r"Handout|Planet Pix"
)
_AGENCY_PART_RE: Final = re.compile(
    rf"(?:{_WIRE}|{_PHOTO_AGENCY})(?:\s+(?:photo|photos|images|pool|file|handout))?"
    rf"(?:\s+(?:via|for)\s+(?:{_WIRE}|{_PHOTO_AGENCY}))?",
    re.IGNORECASE,
)
_PHOTO_ONLY_RE: Final = re.compile(rf"\(?(?:{_PHOTO_AGENCY})\)?|\(?(?:{_WIRE})\s+(?:photo|images)\)?",
                                   re.IGNORECASE)
_PHOTO_WORD: Final = r"(?:photo|photos|picture|pictures|image|images|photograph|file photo|handout)"

# --------------------------------------------------------------------------- line rules (stage 3)

_COMMENTS_HEADING_RE: Final = re.compile(
    r"(?:\d[\d,]*\s+comments?|comments?(?:\s*\(\d[\d,]*\))?|leave\s+a\s+(?:comment|reply)|"
    r"add\s+(?:a|your)\s+comment|post\s+a\s+comment|show\s+(?:all\s+)?comments|"
    r"view\s+(?:all\s+)?comments|reader\s+comments|join\s+the\s+(?:conversation|discussion))\s*:?",
    re.IGNORECASE,
)
_BULLET_RE: Final = re.compile(r"^([ \t\xa0]*)([•·▪‣◦●■□–])[ \t\xa0]+(\S.*)$")

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

_MIRROR_RE: Final = re.compile(
    r"\b(?:alternat(?:e|ive)\s+(?:web\s*)?(?:address|domain|url|link|site)s?|"
    r"mirror\s+(?:site|address|domain|link)s?|can\s+also\s+be\s+accessed\s+at)\b",
    re.IGNORECASE,
)
_URLISH_RE: Final = re.compile(r"<?(?:(?:https?|ftp)://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?>?",
                               re.IGNORECASE)
_URL_RE: Final = re.compile(r"<?(?:(?:https?|ftp)://|www\.)\S+>?", re.IGNORECASE)
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
_SOURCE_URL_RE: Final = re.compile(
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
_MONTH_NAME: Final = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                      r"December)")
_FULL_DATE: Final = rf"(?:{_MONTH_NAME}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_NAME}\s+\d{{4}})"
_CAPTION_DATE_END_RE: Final = re.compile(rf"{_FULL_DATE}\.?$")
_CAPTION_MAX: Final = 320
#: A news photo's caption that the page ran into the story: a sentence of its own that ends with
#: the place and the date the picture was taken, with no "on" before the date ("Residents inspect
#: a damaged site after airstrikes on a market in the rebel controlled city of Idlib September 10
#: 2016.").  The word before the date is a capitalised name or a place noun; prose dates follow a
#: preposition ("killed on September 10 2016", "not later than 30 June 2014").
_DATED_CAPTION_RE: Final = re.compile(
    rf"(?:(?<=[.!?]\s)|(?<=[.!?]”\s)|(?<=[.!?]\"\s)|^)"
    rf"(?P<header>(?:(?:Published|Updated|Last updated)\s+)?{_FULL_DATE}\s+)?"
    rf"(?P<caption>[A-Z][^.!?\n]{{15,{_CAPTION_MAX}}}?"
    r"(?:\b[A-Z][\w'’-]+|\b(?:city|province|countryside|[Gg]overnorate|district|village|neighbou?rhood))"
    rf"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\s+{_FULL_DATE}\.)(?=\s|$)"
)

# --------------------------------------------------------------------------- byline

_BYLINE_BY_RE: Final = re.compile(
    r"^By\s+(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:,|and|for|\||-|–|—)\s*)?"
    rf"\(?({_WIRE})\)?(?:\s*(?:,|\||-|–|—)[^\n]{{0,40}})?$"
)
_BYLINE_ALONE_RE: Final = re.compile(rf"^\(?({_WIRE})\)?$")
_DATELINE_RE: Final = re.compile(
    r"^[A-Z][A-Z .'’-]{1,30}(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\.?\s*"
    rf"(?:\(({_WIRE})\)|/({_WIRE})/)"
)
_BYLINE_LINES: Final = 6

#: A line of article prose has at least this many words.
_PROSE_WORDS: Final = 8


# ============================================================================ stage 1: lines


@dataclass(slots=True)
class _Line:
    """One raw line: its offsets in the raw text, the silent markup deletions, and its view."""

    start: int
    end: int
    raw: str
    deletions: list[tuple[int, int]]
    view: str
    reason: str | None = None


def _split_lines(raw: str) -> list[_Line]:
    """Stage 1: split on any line break, keeping each line's raw offsets (break excluded)."""
    lines: list[_Line] = []
    pos = 0
    for m in _LINE_BREAK_RE.finditer(raw):
        lines.append(_make_line(raw, pos, m.start()))
        pos = m.end()
    lines.append(_make_line(raw, pos, len(raw)))
    return lines


def _make_line(raw: str, start: int, end: int) -> _Line:
    text = raw[start:end]
    deletions = _markup_deletions(text)
    return _Line(start, end, text, deletions, _view(text, deletions))


# ============================================================================ stage 2: view


def _markup_deletions(line: str) -> list[tuple[int, int]]:
    """Ranges (line-relative) of Markdown marks to drop silently, keeping the visible text."""
    if not any(c in line for c in "#*_[<"):
        return []
    dels: list[tuple[int, int]] = []
    m = _MD_HEADING_RE.match(line)
    if m:
        dels.append((0, m.end()))
    for m in _MD_BOLD_RE.finditer(line):
        dels.append((m.start(1), m.end(1)))
        dels.append((m.end(2), m.end()))
    for m in _MD_LINK_RE.finditer(line):
        dels.append((m.start(1), m.end(1)))
        dels.append((m.start(3), m.end(3)))
    for m in _MD_AUTOLINK_RE.finditer(line):
        dels.append((m.start(1), m.end(1)))
        dels.append((m.start(3), m.end(3)))
    return _merge(dels)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _visible(line: str, deletions: list[tuple[int, int]]) -> str:
    if not deletions:
        return line
    parts, cur = [], 0
    for s, e in deletions:
        parts.append(line[cur:s])
        cur = e
    parts.append(line[cur:])
    return "".join(parts)


def _view(line: str, deletions: list[tuple[int, int]]) -> str:
    """The line as a reader sees it: markup dropped, spaces normalised and collapsed, trimmed."""
    return _WS_RE.sub(" ", _visible(line, deletions).translate(_INVISIBLE)).strip()


def _view_map(line: str, deletions: list[tuple[int, int]]) -> list[int]:
    """For each character of :func:`_view`'s result, its line-relative raw index.

    Built only for lines an inline rule matched, so the per-character loop stays rare.
    """
    deleted = bytearray(len(line))
    for s, e in deletions:
        deleted[s:e] = b"\x01" * (e - s)
    vmap: list[int] = []
    in_space = False
    for i, ch in enumerate(line):
        if deleted[i] or ord(ch) in _INVISIBLE:
            continue
        if _WS_RE.match(ch):
            if not in_space and vmap:
                vmap.append(i)
            in_space = True
            continue
        in_space = False
        vmap.append(i)
    # mirror .strip(): a trailing collapsed space is not in the view
    view_len = len(_view(line, deletions))
    return vmap[:view_len]


# ============================================================================ stage 3: line rules


def _words(v: str) -> int:
    return len(v.split())


def _is_agency_part(part: str) -> bool:
    return _AGENCY_PART_RE.fullmatch(part.strip()) is not None


def _is_credit_only(v: str) -> bool:
    """A line that is nothing but a photo credit: "Mikhail Pochuev/TASS", "Getty Images",
    "AFP / Getty Images", "(AFP Photo)", "Photo: Reuters"."""
    if len(v) > 120:
        return False
    if _PHOTO_ONLY_RE.fullmatch(v):
        return True
    if _CREDIT_BY_RE.fullmatch(v) or (_CREDIT_COLON_RE.fullmatch(v) and _words(v) <= 8):
        return True
    m = _PAREN_RE.fullmatch(v)
    if m and _is_credit_paren(m.group(1)):
        return True
    return _is_slash_credit(v)


def _is_slash_credit(v: str) -> bool:
    """"Name / Agency" credits: 2-5 short parts separated by slashes, one of them an agency."""
    if "/" not in v or "://" in v:
        return False
    parts = _CREDIT_SPLIT_RE.split(v.strip())
    if not 2 <= len(parts) <= 5:
        return False
    if not all(p and _words(p) <= 4 and _CREDIT_PART_RE.fullmatch(p) for p in parts):
        return False
    return any(_is_agency_part(p) for p in parts)


def _is_credit_paren(content: str) -> bool:
    """The inside of "(Photo via AP)", "(AFP Photo)", "(Photo: Reuters)", "(Reuters Photo)".

    It must be short and shaped like a credit (a photo word next to a capitalised name or an
    agency): "(the photo was taken in 2015)" and "(photos show the dead)" are not credits.
    """
    c = content.strip()
    if _words(c) > 8:
        return False
    return _CREDIT_PAREN_CONTENT_RE.fullmatch(c) is not None


def _ends_with_credit(v: str) -> bool:
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
    return bool(tail) and (_is_slash_credit(tail) or _CREDIT_BY_RE.fullmatch(tail) is not None
                           or (_CREDIT_COLON_RE.fullmatch(tail) is not None and _words(tail) <= 8))


def _is_caption(v: str) -> bool:
    """Photo captions: a paragraph ending in a photo credit, or "This photo provided by ...
    shows ..." style openers.  Bounded in length so no long body paragraph qualifies."""
    if len(v) > 500:
        return False
    if _ends_with_credit(v):
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
    return all(p and _words(p) <= 4 and _CRUMB_PART_RE.fullmatch(p) for p in parts)


def _line_reason(v: str) -> str | None:
    """The reason one (non-blank) line is boilerplate, judged on its own, else None."""
    n = _words(v)
    source = _SOURCE_URL_RE.fullmatch(v)
    if source is not None and source.group("url"):
        return "source url"
    if len(v) <= 250 and _MIRROR_RE.search(v):
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
    if _is_credit_only(v):
        return "photo credit"
    if _is_caption(v):
        return "caption"
    if _NAV_RE.fullmatch(v) or _is_breadcrumb(v):
        return "navigation"
    return None


def _headline_key(v: str) -> str:
    return re.sub(r"\W+", " ", v).casefold().strip()


def _looks_like_headline(v: str) -> bool:
    """Short, no final period, has letters, not a byline or a bare date."""
    if not 2 <= _words(v) <= 30 or len(v) > 250:
        return False
    if v.endswith((".", ",", ";", ":")) or v.startswith("By "):
        return False
    if not re.search(r"[^\W\d_]{3}", v):
        return False
    return not re.fullmatch(r"[\w ,.]*\d{4}", v) or _words(v) > 5


def _classify(lines: list[_Line], title: str | None) -> None:
    """Stage 3: set ``reason`` on every boilerplate line (blank lines keep None)."""
    _mark_comment_tail(lines)
    after_mirror = False
    pending_source: _Line | None = None
    for line in lines:
        v = line.view
        if not v or line.reason:
            continue
        # lines after a mirror-site note that are bare addresses belong to that footer
        if after_mirror and _URLISH_RE.fullmatch(v):
            line.reason = "footer"
            continue
        after_mirror = False
        # "Original url:" alone, then the address on the next non-blank line
        if pending_source is not None:
            if _URL_RE.fullmatch(v):
                pending_source.reason = line.reason = "source url"
                pending_source = None
                continue
            pending_source = None
        m = _SOURCE_URL_RE.fullmatch(v)
        if m and not m.group("url"):
            pending_source = line
            continue
        line.reason = _line_reason(v)
        if line.reason == "footer" and _MIRROR_RE.search(v):
            after_mirror = True
    _mark_repeated_headline(lines, title)


def _mark_comment_tail(lines: list[_Line]) -> None:
    """A reader comment section runs to the end of the text: from a "Comments" / "N comments" /
    "Leave a comment" heading, or from a block of bulleted short names each followed by an
    indented comment (seed 003).  Only after some article prose, so a "Comments" link at the
    top does not swallow the article (there it is removed as a single line)."""
    seen_prose = False
    checked_until = -1  # a failed block check from an earlier bullet covers lines up to here
    for i, line in enumerate(lines):
        v = line.view
        if not v:
            continue
        if _COMMENTS_HEADING_RE.fullmatch(v):
            if seen_prose:
                for rest in lines[i:]:
                    rest.reason = "comments"
                return
            line.reason = "comments"
            continue
        if seen_prose and i > checked_until:
            ok, checked_until = _comment_block(lines, i)
            if ok:
                for rest in lines[i:]:
                    rest.reason = "comments"
                return
        if _words(v) >= _PROSE_WORDS:
            seen_prose = True


def _comment_block(lines: list[_Line], i: int) -> tuple[bool, int]:
    """Whether lines ``i`` to the end are a comment block: only bullets with a short name and
    lines indented deeper than the bullets (the comments), at least two names and one comment.

    Also returns the index of the line that decided it, so the caller does not rescan the same
    lines from every bullet (which would be quadratic on a long bulleted list).
    """
    first = _BULLET_RE.match(lines[i].raw)
    if not first:
        return False, i
    bullet_indent = len(first.group(1).expandtabs(4))
    names = bodies = 0
    for j in range(i, len(lines)):
        line = lines[j]
        if not line.view:
            continue
        b = _BULLET_RE.match(line.raw)
        if b:
            name = _WS_RE.sub(" ", b.group(3)).strip()
            if _words(name) > 6 or len(name) > 60 or name.endswith((".", "!", "?", ":")):
                return False, j
            names += 1
            continue
        indent = len(line.raw) - len(line.raw.lstrip(" \t\xa0"))
        if indent <= bullet_indent:
            return False, j
        bodies += 1
    return names >= 2 and bodies >= 1, len(lines)


def _mark_repeated_headline(lines: list[_Line], title: str | None) -> None:
    """Keep the first occurrence of the headline, mark later whole-line repeats."""
    kept = [ln for ln in lines if ln.view and not ln.reason]
    if not kept:
        return
    if title and _headline_key(title):
        key = _headline_key(title)
        seen = False
    elif _looks_like_headline(kept[0].view) and len(kept) > 1:
        key = _headline_key(kept[0].view)
        seen = False
    else:
        return
    for ln in kept:
        if _headline_key(ln.view) == key:
            if seen:
                ln.reason = "repeated headline"
            seen = True


# ============================================================================ stage 4: inline rules


def _inline_removals(view: str, title_re: re.Pattern[str] | None, title_seen: bool) -> tuple[list[tuple[int, int, str]], bool]:
    """Stage 4: (start, end, reason) spans of the view to remove from a kept line.

    Returns the spans and whether the headline has now been seen (for inline repeats).
    """
    spans: list[tuple[int, int, str]] = []
    if "(" in view:
        for m in _PAREN_RE.finditer(view):
            if _is_credit_paren(m.group(1)):
                spans.append((m.start(), m.end(), "photo credit"))
    if "gencies)" in view:
        spans += _agencies_captions(view)
    spans += [(m.start("caption"), m.end("caption"), "caption") for m in _DATED_CAPTION_RE.finditer(view)]
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


def _agencies_captions(view: str) -> list[tuple[int, int, str]]:
    """A photo caption closed by an "(Outlet and Agencies)" credit inside a one-paragraph text:
    the sentence before the credit is the caption when it ends with the date the picture was
    taken ("A man inspects a site hit by air strikes in Idlib province Syria June 12 2016.") and
    is short; it runs back to the previous sentence end (over a sentence that is only the date).
    A credit after ordinary prose goes alone, as a photo credit, and the prose stays."""
    out: list[tuple[int, int, str]] = []
    for m in _INLINE_AGENCIES_CREDIT_RE.finditer(view):
        before = view[: m.start()].rstrip()
        while before.endswith(")"):  # another credit right before: "... 2017 (File photo) (TRT World and Agencies)"
            p = _PAREN_RE.search(before, max(0, len(before) - 82))
            if p is None or p.end() != len(before) or not _is_credit_paren(p.group(1)):
                break
            before = before[: p.start()].rstrip()
        start = None
        if _CAPTION_DATE_END_RE.search(before):
            lo = max(0, len(before) - _CAPTION_MAX)
            ends = [e.end() for e in _SENTENCE_END_RE.finditer(view, lo, len(before))]
            if ends and _CAPTION_DATE_END_RE.fullmatch(before[ends[-1]:]) and len(ends) > 1:
                ends.pop()  # "... near the Turkish border. July 27 2016." : the date alone is not the caption
            if ends and _words(before[ends[-1]:]) >= 4:
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


class _Emitter:
    """Builds the cleaned text, normalising whitespace as it goes.

    Spaces are collapsed and only written between two words of a line; line breaks are only
    written before the next word, at most two in a row (one blank line), never at the start or
    the end.  So ``len(self)`` is always the offset where the next word will stand, which is
    what :class:`Removed` records as ``at``.
    """

    __slots__ = ("_out", "_n", "_space", "_newlines")

    def __init__(self) -> None:
        self._out: list[str] = []
        self._n = 0
        self._space = False
        self._newlines = 0

    def __len__(self) -> int:
        return self._n

    def text(self, s: str) -> None:
        s = s.translate(_INVISIBLE)
        if not s:
            return
        for i, word in enumerate(_WS_RE.split(s)):
            if i:
                self._space = True
            if word:
                self._word(word)

    def _word(self, word: str) -> None:
        if self._n:
            if self._newlines:
                sep = "\n" * min(self._newlines, 2)
            elif self._space:
                sep = " "
            else:
                sep = ""
            if sep:
                self._out.append(sep)
                self._n += len(sep)
        self._space = False
        self._newlines = 0
        self._out.append(word)
        self._n += len(word)

    def newline(self) -> None:
        if self._n:
            self._newlines += 1
        self._space = False

    def value(self) -> str:
        return "".join(self._out)


def _emit(raw: str, lines: list[_Line], title: str | None) -> tuple[str, list[Removed]]:
    """Stage 5: write kept lines through the emitter, recording every removal."""
    out = _Emitter()
    removed: list[Removed] = []
    title_re = _inline_title_re(title)
    title_seen = False
    block: tuple[int, int, str] | None = None  # a run of removed lines with one reason

    def flush() -> None:
        nonlocal block
        if block is not None:
            s, e, r = block
            removed.append(Removed(raw[s:e], r, s, e, len(out)))
            block = None

    for idx, line in enumerate(lines):
        last = idx == len(lines) - 1
        if line.reason:
            if block is not None and block[2] == line.reason:
                block = (block[0], line.end, line.reason)
            else:
                flush()
                block = (line.start, line.end, line.reason)
            continue  # its line break goes with it
        if not line.view:
            if not last:
                out.newline()
            continue
        flush()
        spans: list[tuple[int, int, str]] = []
        found, title_seen = _inline_removals(line.view, title_re, title_seen)
        if found:
            vmap = _view_map(line.raw, line.deletions)
            spans = [(vmap[s], vmap[e - 1] + 1, r) for s, e, r in found]
        _emit_line(out, raw, line, spans, removed)
        if not last:
            out.newline()
    flush()
    return out.value(), removed


def _emit_line(out: _Emitter, raw: str, line: _Line, spans: list[tuple[int, int, str]],
               removed: list[Removed]) -> None:
    """Write one kept line: silent markup deletions skipped, inline removals recorded."""
    events = sorted([(s, e, None) for s, e in line.deletions] + [(s, e, r) for s, e, r in spans],
                    key=lambda x: (x[0], -x[1]))
    cur = 0
    for s, e, reason in events:
        if e <= cur:
            continue
        s = max(s, cur)
        out.text(line.raw[cur:s])
        if reason is not None:
            a, b = line.start + s, line.start + e
            removed.append(Removed(raw[a:b], reason, a, b, len(out)))
        cur = e
    out.text(line.raw[cur:])


def _inline_title_re(title: str | None) -> re.Pattern[str] | None:
    """A known headline of five words or more, matched inside one-paragraph text."""
    if not title:
        return None
    words = title.split()
    if len(words) < 5:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")


# ============================================================================ title and byline


def _find_title(text: str) -> str | None:
    first, sep, _rest = text.partition("\n")
    if sep and _looks_like_headline(first):
        return first
    return None


def _find_byline(text: str) -> Span | None:
    """A wire agency named in a byline line near the top: "By AFP", "By Tom Perry, Reuters",
    "(AFP)", "BEIRUT (AFP) -", "MOSCOW, December 23. /TASS/." -- as a span of the text."""
    pos = 0
    seen = 0
    for line in text.split("\n"):
        if line:
            for rx in (_BYLINE_BY_RE, _BYLINE_ALONE_RE, _DATELINE_RE):
                m = rx.match(line)
                if m:
                    g = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
                    return Span(m.group(g), pos + m.start(g), pos + m.end(g))
            seen += 1
            if seen >= _BYLINE_LINES:
                break
        pos += len(line) + 1
    return None


# ============================================================================ public API


def clean_text(raw: str, *, title: str | None = None) -> Cleaned:
    """Clean one raw article text (see the module docstring for the stages).

    ``title`` is the headline when a reader knows it (HTML metadata, a CSV column): its later
    repeats are removed and it is returned as the title; otherwise the first line is taken as
    the title when it looks like a headline.  Never raises; the result may be empty.
    """
    lines = _split_lines(raw)
    given = _WS_RE.sub(" ", title).strip() if title else None
    _classify(lines, given or None)
    text, removed = _emit(raw, lines, given or None)
    return Cleaned(
        text=text,
        removed=tuple(removed),
        title=given or _find_title(text),
        byline=_find_byline(text),
    )


def _opens_with(text: str, title: str) -> bool:
    """Whether the text already carries its headline near the top (after a date or dateline
    perhaps, with other punctuation): the headline's words within its first lines."""
    def fold(s: str) -> str:  # "Syria's" and "Syrias" fold alike
        return " ".join(re.findall(r"\w+", re.sub(r"['’‘`]", "", s.casefold())))

    return fold(title) in fold(text[: len(title) + 200])


def to_document(record: RawRecord) -> Document:
    """Clean a reader's record into a :class:`Document`.

    ``doc_id`` hashes the cleaned text, so the same article read from a text file, a JSONL line
    or a CSV row is one document.  Never raises: when the record held nothing but boilerplate
    the document's text is empty (everything is in ``removed``) and the caller decides -- the
    pipeline reports it as :class:`~counterclaim.errors.EmptyInput`.
    """
    c = clean_text(record.raw, title=record.title)
    text, removed, byline = c.text, c.removed, c.byline
    if record.title and c.title and text.strip() and not _opens_with(text, c.title):
        # A headline the reader got apart from the text (a CSV column, HTML metadata) opens the
        # text, as it does in an article saved as a file: its claims are read as headline claims
        # and every offset still points into one string.
        prefix = c.title + "\n\n"
        text = prefix + text
        removed = tuple(replace(r, at=r.at + len(prefix)) for r in removed)
        if byline is not None:
            byline = replace(byline, start=byline.start + len(prefix), end=byline.end + len(prefix))
    return Document(
        doc_id=doc_id_for(text),
        text=text,
        source_path=record.source_path,
        url=record.url,
        outlet=record.outlet,
        published=record.published,
        title=c.title,
        removed=removed,
        source_id=record.source_id,
        published_from="metadata" if record.published else None,
        byline=byline,
        warnings=record.warnings,
    )
