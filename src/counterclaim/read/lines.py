"""The raw text as lines, each with its raw offsets and the view a reader sees: Markdown marks
dropped, odd spaces made plain, runs of spaces collapsed.  Every cleaning rule looks at the view."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

# --------------------------------------------------------------------------- character classes

#: Horizontal whitespace, including NBSP and the other odd spaces, plus the Unicode line and
#: paragraph separators (treated as spaces: only \n and \r end a line here).
_SPACE_CHARS: Final = " \t\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
WS_RE: Final = re.compile(f"[{_SPACE_CHARS}]+")
#: Invisible characters dropped outright: zero-width spaces and joiners, BOM, soft hyphen and the
#: C0 control characters that are not whitespace.
#: Bidirectional controls (LRM, RLM, ALM, the embeddings, overrides and isolates): they change
#: how a text is shown, not what it says, and would cut a figure ("\u2067\u200f12\u2069") in two.
BIDI_CONTROLS: Final[frozenset[int]] = frozenset([0x200e, 0x200f, 0x061c, *range(0x202a, 0x202f), *range(0x2066, 0x206a)])
INVISIBLE: Final = dict.fromkeys(
    [*range(0x00, 0x09), 0x0e, 0x0f, *range(0x10, 0x1c), 0x7f, 0x200b, 0x200c, 0x200d, 0x2060,
     0xfeff, 0x00ad, *sorted(BIDI_CONTROLS)],
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

@dataclass(slots=True)
class Line:
    """One raw line: its offsets in the raw text, the silent markup deletions, and its view."""

    start: int
    end: int
    raw: str
    deletions: list[tuple[int, int]]
    view: str
    reason: str | None = None


def split_lines(raw: str) -> list[Line]:
    """Stage 1: split on any line break, keeping each line's raw offsets (break excluded)."""
    lines: list[Line] = []
    pos = 0
    for m in _LINE_BREAK_RE.finditer(raw):
        lines.append(_make_line(raw, pos, m.start()))
        pos = m.end()
    lines.append(_make_line(raw, pos, len(raw)))
    return lines


def _make_line(raw: str, start: int, end: int) -> Line:
    text = raw[start:end]
    deletions = _markup_deletions(text)
    return Line(start, end, text, deletions, _view(text, deletions))


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
    return WS_RE.sub(" ", _visible(line, deletions).translate(INVISIBLE)).strip()


def view_map(line: str, deletions: list[tuple[int, int]]) -> list[int]:
    """For each character of :func:`_view`'s result, its line-relative raw index.

    Built only for lines an inline rule matched, so the per-character loop stays rare.
    """
    deleted = bytearray(len(line))
    for s, e in deletions:
        deleted[s:e] = b"\x01" * (e - s)
    vmap: list[int] = []
    in_space = False
    for i, ch in enumerate(line):
        if deleted[i] or ord(ch) in INVISIBLE:
            continue
        if WS_RE.match(ch):
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
