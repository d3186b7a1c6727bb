"""The formats one file can hold: an HTML page (trafilatura finds the article), JSON lines and
CSV (one article a line or row, with their metadata)."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from .. import errors
from ..model import RawRecord

ARTICLE_MIN_WORDS: Final[int] = 8
#: How deep HTML elements may nest: the HTML parser gives up on a page nested deeper than about
#: 255 levels, so deeper elements are flattened (their tags dropped, their text kept).
HTML_MAX_DEPTH: Final[int] = 200
_TAG_START_RE: Final = re.compile(rb"<(/?)([A-Za-z][\w:-]*)")
_VOID_TAGS: Final = frozenset(
    b"area base br col embed hr img input link meta param source track wbr".split()
)


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Which CSV columns hold what.  Only ``text`` is required to exist; ``None`` means unused.

    The defaults are FA-KES's columns, so the bundled dataset reads with no flags.
    """

    text: str = "article_content"
    id: str | None = "unit_id"
    title: str | None = "article_title"
    url: str | None = None
    outlet: str | None = "source"
    published: str | None = "date"


_ISO_RE: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MDY_RE: Final = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def iso_date(value: str) -> str | None:
    """``YYYY-MM-DD`` (ISO, optionally followed by a time) or ``M/D/YYYY`` (FA-KES) as an ISO
    date string; None when the value is not a real date in either form."""
    v = value.strip()
    m = _ISO_RE.match(v)
    if m and (len(v) == m.end() or v[m.end()] in "T "):
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _MDY_RE.fullmatch(v)
        if not m:
            return None
        mo, d, y = (int(g) for g in m.groups())
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def scalar(value: Any) -> str | None:
    """A metadata value as a non-empty string, or None (null, empty, or not a scalar)."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    s = str(value).strip()
    return s or None


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def strip_bom_bytes(data: bytes) -> bytes:
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data





def read_html(label: str, data: bytes) -> RawRecord | errors.InputError:
    """HTML: trafilatura extracts the article body (comments excluded) and its metadata.

    Valid UTF-8 is handed over as text; anything else as bytes, for trafilatura's own charset
    detection (with a warning).  No line of prose in the result means no article.
    """
    warnings: tuple[str, ...] = ()
    content: str | bytes
    try:
        content = strip_bom_bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        content = data
        warnings = ("not valid UTF-8: character encoding detected from the page",)
    doc = _extract(content)
    if isinstance(doc, str):
        return errors.NoArticle(label, doc)
    text = _article_text(doc)
    if text is None:
        flat, depth = flatten_html(content if isinstance(content, bytes) else content.encode("utf-8"))
        if depth > HTML_MAX_DEPTH:  # too deep for the parser: read it again, flattened
            doc = _extract(flat if isinstance(content, bytes) else flat.decode("utf-8"))
            text = None if isinstance(doc, str) else _article_text(doc)
            if text is None:
                return errors.NoArticle(label, f"the page nests {depth} levels deep")
            warnings += (f"the page nests {depth} levels deep: elements below {HTML_MAX_DEPTH} levels flattened",)
    if text is None:
        return errors.NoArticle(label)
    date = getattr(doc, "date", None)
    return RawRecord(
        raw=text,
        source_path=label,
        url=scalar(getattr(doc, "url", None)),
        outlet=scalar(getattr(doc, "sitename", None)),
        published=iso_date(date) if isinstance(date, str) else None,
        title=scalar(getattr(doc, "title", None)),
        kind="extracted",
        warnings=warnings,
    )


def _extract(content: str | bytes) -> Any:
    """trafilatura's extraction of a page, or why it failed (a string)."""
    import trafilatura  # imported here: slow to import, and only HTML needs it

    try:
        return trafilatura.bare_extraction(content, include_comments=False, with_metadata=True)
    except Exception as exc:  # noqa: BLE001 -- a parser failure is one bad input, not a crash
        return f"HTML extraction failed: {type(exc).__name__}"


def _article_text(doc: Any) -> str | None:
    """The extracted text when a line of it is prose (a sentence), else None."""
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not any(len(ln.split()) >= ARTICLE_MIN_WORDS for ln in text.splitlines()):
        return None
    return str(text)


def flatten_html(page: bytes, limit: int = HTML_MAX_DEPTH) -> tuple[bytes, int]:
    """``page`` with the tags of elements nested deeper than ``limit`` dropped (their text
    kept), and how deep the page nests.  Linear in the page's length."""
    depth = deepest = 0
    out: list[bytes] = []
    last = pos = 0
    while (pos := page.find(b"<", pos)) >= 0:
        end = page.find(b">", pos)
        if end < 0:
            break  # no tag closes after this: the rest is text
        m = _TAG_START_RE.match(page, pos)
        if m is None:  # "<!-- ... -->", "<!DOCTYPE ...>", a lone "<"
            pos += 1
            continue
        name = m.group(2).lower()
        if name in _VOID_TAGS or page[end - 1:end] == b"/":
            inside = depth + 1
        elif m.group(1):
            inside, depth = depth, max(depth - 1, 0)
        else:
            depth += 1
            inside = depth
        deepest = max(deepest, depth)
        if inside > limit:
            out.append(page[last:pos])
            last = end + 1
        pos = end + 1
    out.append(page[last:])
    return b"".join(out), deepest


def json_lines(label: str, text: str) -> Iterator[tuple[str, int, dict[str, Any]] | errors.InputError]:
    """Each non-blank line of a JSONL text as (``label:LINE``, line number, object), or a
    :class:`errors.BadRecord` naming the line when it is not a JSON object."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield errors.BadRecord(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield errors.BadRecord(where, f"not a JSON object but {type(obj).__name__}")
            continue
        yield where, n, obj


def read_jsonl(label: str, text: str, warnings: tuple[str, ...]
                ) -> Iterator[RawRecord | errors.InputError]:
    """JSONL: one article object a line (``text`` + optional ``id``, ``title``, ``url``,
    ``outlet``, ``published``); a bad line is one :class:`errors.BadRecord` naming
    ``path:LINE``; blank lines are skipped."""
    found = False
    for item in json_lines(label, text):
        found = True
        if isinstance(item, errors.InputError):
            yield item
            continue
        where, n, obj = item
        body = obj.get("text")
        if not isinstance(body, str):
            yield errors.BadRecord(where, 'no "text" field' if body is None else '"text" is not a string')
            continue
        if not body.strip():
            yield errors.BadRecord(where, '"text" is empty')
            continue
        rec_warnings = warnings
        date = scalar(obj.get("published"))
        published = iso_date(date) if date else None
        if date and not published:
            rec_warnings += (f"published {date!r} is not a date; ignored",)
        yield RawRecord(
            raw=strip_bom(body),
            source_path=label,
            source_id=scalar(obj.get("id")) or f"line {n}",
            url=scalar(obj.get("url")),
            outlet=scalar(obj.get("outlet")),
            published=published,
            title=scalar(obj.get("title")),
            language=scalar(obj.get("language")),
            kind="extracted",
            warnings=rec_warnings,
        )
    if not found:
        yield errors.EmptyInput(label, "no JSONL lines")


def _set_csv_limit() -> None:
    """Let the csv module read fields as large as any file we accept."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # pragma: no cover -- platforms with a 32-bit C long
            limit //= 2


def read_csv(label: str, text: str, warnings: tuple[str, ...], columns: CsvColumns
              ) -> Iterator[RawRecord | errors.InputError]:
    """CSV: one article a row, columns per :class:`CsvColumns`; the file must have the text
    column (:class:`errors.MissingColumn`); a row with an empty text is one
    :class:`errors.BadRecord` naming ``path:LINE``."""
    _set_csv_limit()
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield errors.BadRecord(f"{label}:1", f"unreadable CSV header: {exc}")
        return
    if not header:
        yield errors.EmptyInput(label, "no CSV header")
        return
    if columns.text not in header:
        have = ", ".join(repr(h) for h in header)
        yield errors.MissingColumn(label, f"wanted column {columns.text!r}; the file has {have}")
        return

    def col(row: Mapping[str, Any], name: str | None) -> str | None:
        return scalar(row.get(name)) if name is not None else None

    line = reader.line_num + 1
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield errors.BadRecord(f"{label}:{reader.line_num}", f"malformed CSV, rest of file skipped: {exc}")
            return
        where, line = f"{label}:{line}", reader.line_num + 1
        if any("\x00" in v for v in row.values() if isinstance(v, str)):
            yield errors.BadRecord(where, "a NUL byte in the row (a damaged file?); the other rows are read")
            continue
        body = row.get(columns.text)
        if not isinstance(body, str) or not body.strip():
            yield errors.BadRecord(where, f"empty {columns.text!r}")
            continue
        rec_warnings = warnings
        date = col(row, columns.published)
        published = iso_date(date) if date else None
        if date and not published:
            rec_warnings += (f"published {date!r} is not a date; ignored",)
        yield RawRecord(
            raw=body,
            source_path=label,
            source_id=col(row, columns.id) or f"row {where.rsplit(':', 1)[1]}",
            url=col(row, columns.url),
            outlet=col(row, columns.outlet),
            published=published,
            title=col(row, columns.title),
            kind="extracted",
            warnings=rec_warnings,
        )


# =========================================================================== metadata


__all__ = ["ARTICLE_MIN_WORDS", "CsvColumns", "iso_date", "json_lines", "read_csv", "read_html", "read_jsonl", "scalar", "strip_bom", "strip_bom_bytes"]
