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
from typing import Final, Literal, get_args

from ..knowledge.lexicon import Lexicon
from ..model import Document, RawRecord, Removed, Span, doc_id_for
from .furniture import (
    BULLET_RE,
    BYLINE_LINES,
    PROSE_WORDS,
    URLISH_RE,
    URL_RE,
    inline_removals,
    line_reason,
    patterns,
    words,
)
from .lines import INVISIBLE, Line, WS_RE, split_lines, view_map

__all__ = ["Cleaned", "REASONS", "clean_text", "to_document"]

#: The reasons a :class:`Removed` can carry: names of what was removed, the same in every language.
RemovalReason = Literal[
    "comments", "share bar", "caption", "photo credit", "related link", "footer", "navigation",
    "repeated headline", "source url",
]
REASONS: Final[tuple[str, ...]] = get_args(RemovalReason)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning decided: the text, what it dropped, and the headline and byline it found."""

    text: str
    removed: tuple[Removed, ...]
    title: str | None
    byline: Span | None


def _headline_key(v: str) -> str:
    return re.sub(r"\W+", " ", v).casefold().strip()


def _looks_like_headline(v: str, lex: Lexicon) -> bool:
    """Short, no final period, has letters, not a byline or a bare date."""
    if not 2 <= words(v) <= 30 or len(v) > 250:
        return False
    if v.endswith((".", ",", ";", ":")) or v.startswith(patterns(lex).by):
        return False
    if not re.search(r"[^\W\d_]{3}", v):
        return False
    return not re.fullmatch(r"[\w ,.]*\d{4}", v) or words(v) > 5


def _classify(lines: list[Line], title: str | None, lex: Lexicon) -> None:
    """Stage 3: set ``reason`` on every boilerplate line (blank lines keep None)."""
    _mark_comment_tail(lines, lex)
    after_mirror = False
    pending_source: Line | None = None
    for line in lines:
        v = line.view
        if not v or line.reason:
            continue
        # lines after a mirror-site note that are bare addresses belong to that footer
        if after_mirror and URLISH_RE.fullmatch(v):
            line.reason = "footer"
            continue
        after_mirror = False
        # "Original url:" alone, then the address on the next non-blank line
        if pending_source is not None:
            if URL_RE.fullmatch(v):
                pending_source.reason = line.reason = "source url"
                pending_source = None
                continue
            pending_source = None
        m = patterns(lex).source_url.fullmatch(v)
        if m and not m.group("url"):
            pending_source = line
            continue
        line.reason = line_reason(v, lex)
        if line.reason == "footer" and patterns(lex).mirror.search(v):
            after_mirror = True
    _mark_repeated_headline(lines, title, lex)


def _mark_comment_tail(lines: list[Line], lex: Lexicon) -> None:
    """A reader comment section runs to the end of the text: from a "Comments" / "N comments" /
    "Leave a comment" heading, or from a block of bulleted short names each followed by an
    indented comment (seed 003).  Only after some article prose, so a "Comments" link at the
    top does not swallow the article (there it is removed as a single line)."""
    heading = patterns(lex).comments_heading
    seen_prose = False
    checked_until = -1  # a failed block check from an earlier bullet covers lines up to here
    for i, line in enumerate(lines):
        v = line.view
        if not v:
            continue
        if heading.fullmatch(v):
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
        if words(v) >= PROSE_WORDS:
            seen_prose = True


def _comment_block(lines: list[Line], i: int) -> tuple[bool, int]:
    """Whether lines ``i`` to the end are a comment block: only bullets with a short name and
    lines indented deeper than the bullets (the comments), at least two names and one comment.

    Also returns the index of the line that decided it, so the caller does not rescan the same
    lines from every bullet (which would be quadratic on a long bulleted list).
    """
    first = BULLET_RE.match(lines[i].raw)
    if not first:
        return False, i
    bullet_indent = len(first.group(1).expandtabs(4))
    names = bodies = 0
    for j in range(i, len(lines)):
        line = lines[j]
        if not line.view:
            continue
        b = BULLET_RE.match(line.raw)
        if b:
            name = WS_RE.sub(" ", b.group(3)).strip()
            if words(name) > 6 or len(name) > 60 or name.endswith((".", "!", "?", ":")):
                return False, j
            names += 1
            continue
        indent = len(line.raw) - len(line.raw.lstrip(" \t\xa0"))
        if indent <= bullet_indent:
            return False, j
        bodies += 1
    return names >= 2 and bodies >= 1, len(lines)


def _mark_repeated_headline(lines: list[Line], title: str | None, lex: Lexicon) -> None:
    """Keep the first occurrence of the headline, mark later whole-line repeats."""
    kept = [ln for ln in lines if ln.view and not ln.reason]
    if not kept:
        return
    if title and _headline_key(title):
        key = _headline_key(title)
        seen = False
    elif _looks_like_headline(kept[0].view, lex) and len(kept) > 1:
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
        s = s.translate(INVISIBLE)
        if not s:
            return
        for i, word in enumerate(WS_RE.split(s)):
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


def _emit(raw: str, lines: list[Line], title: str | None, lex: Lexicon) -> tuple[str, list[Removed]]:
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
        found, title_seen = inline_removals(line.view, title_re, title_seen, lex)
        if found:
            vmap = view_map(line.raw, line.deletions)
            spans = [(vmap[s], vmap[e - 1] + 1, r) for s, e, r in found]
        _emit_line(out, raw, line, spans, removed)
        if not last:
            out.newline()
    flush()
    return out.value(), removed


def _emit_line(out: _Emitter, raw: str, line: Line, spans: list[tuple[int, int, str]],
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


def _find_title(text: str, lex: Lexicon) -> str | None:
    first, sep, _rest = text.partition("\n")
    if sep and _looks_like_headline(first, lex):
        return first
    return None


def _find_byline(text: str, lex: Lexicon) -> Span | None:
    """A wire agency named in a byline line near the top: "By AFP", "By Tom Perry, Reuters",
    "(AFP)", "BEIRUT (AFP) -", "MOSCOW, December 23. /TASS/." -- as a span of the text."""
    pats = patterns(lex)
    pos = 0
    seen = 0
    for line in text.split("\n"):
        if line:
            for rx in (pats.byline_by, pats.byline_alone, pats.dateline):
                m = rx.match(line)
                if m:
                    g = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
                    return Span(m.group(g), pos + m.start(g), pos + m.end(g))
            seen += 1
            if seen >= BYLINE_LINES:
                break
        pos += len(line) + 1
    return None


# ============================================================================ public API


def clean_text(raw: str, lex: Lexicon, *, title: str | None = None) -> Cleaned:
    """Clean one raw article text (see the module docstring for the stages).

    ``title`` is the headline when a reader knows it (HTML metadata, a CSV column): its later
    repeats are removed and it is returned as the title; otherwise the first line is taken as
    the title when it looks like a headline.  Never raises; the result may be empty.
    """
    lines = split_lines(raw)
    given = WS_RE.sub(" ", title).strip() if title else None
    _classify(lines, given or None, lex)
    text, removed = _emit(raw, lines, given or None, lex)
    return Cleaned(
        text=text,
        removed=tuple(removed),
        title=given or _find_title(text, lex),
        byline=_find_byline(text, lex),
    )


def _opens_with(text: str, title: str) -> bool:
    """Whether the text already carries its headline near the top (after a date or dateline
    perhaps, with other punctuation): the headline's words within its first lines."""
    def fold(s: str) -> str:  # "Syria's" and "Syrias" fold alike
        return " ".join(re.findall(r"\w+", re.sub(r"['’‘`]", "", s.casefold())))

    return fold(title) in fold(text[: len(title) + 200])


def to_document(record: RawRecord, lex: Lexicon) -> Document:
    """Clean a reader's record into a :class:`Document`, with the lexicon of its language.

    ``doc_id`` hashes the cleaned text, so the same article read from a text file, a JSONL line
    or a CSV row is one document.  Never raises: when the record held nothing but boilerplate
    the document's text is empty (everything is in ``removed``) and the caller decides -- the
    pipeline reports it as :class:`~counterclaim.errors.EmptyInput`.
    """
    c = clean_text(record.raw, lex, title=record.title)
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
        language=record.language or lex.language,
        warnings=record.warnings,
    )
