"""Readers: from the paths a user names to :class:`~counterclaim.model.RawRecord` objects.

:func:`read_inputs` walks the inputs in the order given and yields, for each article, a
``RawRecord``, and for each input it cannot use, an :class:`~counterclaim.errors.InputError`
*instance* (yielded, never raised) so the caller prints one line per problem and goes on.

Stages for one path:

1. **Resolve**: ``-`` is standard input; a directory is walked (:mod:`.walk`: recursively, in
   sorted order, only ``.txt``, ``.html``/``.htm``, ``.jsonl`` and ``.csv``; hidden files and
   folders skipped; a ``manifest.jsonl`` there is that folder's manifest, not an article file;
   a folder that cannot be listed is one :class:`~counterclaim.errors.Unreadable`, a symlink
   loop one :class:`~counterclaim.errors.Skipped`); a missing path is
   :class:`~counterclaim.errors.MissingPath`, one that cannot be reached (permission denied)
   :class:`~counterclaim.errors.Unreadable`.
2. **Guard**: the size is checked with ``stat`` *before* reading
   (:class:`~counterclaim.errors.TooLarge` above ``max_bytes``), then the bytes are read,
   UTF-16 turned into UTF-8 (:mod:`.encoding`), and rejected when empty or whitespace
   (:class:`~counterclaim.errors.EmptyInput`) or binary (a binary format's signature, or mostly
   control / undecodable bytes in the first 8 KB: :class:`~counterclaim.errors.BinaryInput`).
3. **Decode** as UTF-8, BOM stripped; invalid bytes are replaced (U+FFFD) and the record carries
   a warning instead of being rejected.  Stray NUL bytes are removed from text and HTML (with a
   warning); a CSV row or JSONL line holding one is refused alone.
4. **Parse** by extension: plain text (``kind="text"``); HTML through trafilatura, comments
   excluded, with its title/date/site name (``kind="extracted"``); JSONL one article a line and
   CSV one a row (``kind="extracted"``), a bad line/row being one
   :class:`~counterclaim.errors.BadRecord` while the others go on.
5. **Annotate** with metadata: the record's own fields, then the manifest entry for its file
   (automatic per-folder ``manifest.jsonl`` or ``--manifest``), then ``published=`` which
   overrides every date.  Dates are normalised to ISO ``YYYY-MM-DD`` (FA-KES writes M/D/YYYY).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Final, TextIO

from .. import errors
from ..model import RawRecord
from .encoding import SNIFF_BYTES, binary_reason, decode, drop_nul, from_utf16
from .formats import CsvColumns, iso_date, json_lines, read_csv, read_html, read_jsonl, scalar, strip_bom, strip_bom_bytes
from .walk import ARTICLE_SUFFIXES, MANIFEST_NAME, os_reason, walk

__all__ = ["ARTICLE_SUFFIXES", "DEFAULT_MAX_BYTES", "MANIFEST_NAME", "count_inputs", "read_inputs"]

#: Files larger than this are rejected unless ``max_bytes`` (the CLI's ``--max-bytes``) says more.
DEFAULT_MAX_BYTES: Final[int] = 20 * 1024 * 1024

STDIN_LABEL: Final[str] = "<stdin>"
_META_FIELDS: Final[tuple[str, ...]] = ("outlet", "url", "published", "title", "id", "language")


# =========================================================================== dates

def _validate_published(published: str) -> str:
    """``--published`` must be ISO ``YYYY-MM-DD`` and a real date: else :class:`errors.BadDate`."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published.strip()):
        raise errors.BadDate(repr(published))
    try:
        return _dt.date.fromisoformat(published.strip()).isoformat()
    except ValueError:
        raise errors.BadDate(repr(published)) from None


# =========================================================================== manifests

_Meta = dict[str, str]


class _Manifests:
    """Metadata per resolved file path, from ``--manifest`` and per-folder ``manifest.jsonl``.

    ``--manifest`` entries win over a folder's automatic manifest.
    """

    def __init__(self) -> None:
        self.explicit: dict[Path, _Meta] = {}
        self.automatic: dict[Path, _Meta] = {}
        self.explicit_order: list[Path] = []
        self._loaded: set[Path] = set()

    def lookup(self, path: Path) -> _Meta:
        key = _resolve(path)
        meta = dict(self.automatic.get(key, {}))
        meta.update(self.explicit.get(key, {}))
        return meta

    def load(self, manifest: Path, *, explicit: bool) -> Iterator[errors.InputError]:
        """Read one manifest; yields a :class:`errors.BadRecord` per unusable line."""
        key = _resolve(manifest)
        if key in self._loaded and not explicit:
            return
        self._loaded.add(key)
        target = self.explicit if explicit else self.automatic
        try:
            data = manifest.read_bytes()
        except OSError as exc:
            yield errors.Unreadable(str(manifest), os_reason(exc))
            return
        text = strip_bom(data.decode("utf-8", errors="replace"))
        base = manifest.parent
        for item in json_lines(str(manifest), text):
            if isinstance(item, errors.InputError):
                yield item
                continue
            where, _, obj = item
            rel = obj.get("path")
            if not isinstance(rel, str) or not rel.strip():
                yield errors.BadRecord(where, "manifest entry has no \"path\"")
                continue
            full = base / rel
            meta = {k: scalar(obj[k]) for k in _META_FIELDS if scalar(obj.get(k)) is not None}
            resolved = _resolve(full)
            target[resolved] = meta  # type: ignore[assignment]
            if explicit:
                self.explicit_order.append(full)


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


# =========================================================================== public entry


def read_inputs(
    paths: Sequence[str],
    *,
    manifest: str | None = None,
    published: str | None = None,
    csv_columns: CsvColumns | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[RawRecord | errors.InputError]:
    """Yield a :class:`RawRecord` per article and an :class:`errors.InputError` per bad input,
    in input order.  See the module docstring for the stages.

    ``paths``: files, directories, or ``-`` for standard input (``stdin``, else ``sys.stdin``).
    When ``paths`` is empty and ``manifest`` is given, every file the manifest lists is read.
    ``published`` overrides every record's date; it must be ISO ``YYYY-MM-DD`` and is checked
    here, at call time, raising :class:`errors.BadDate` (a usage error, not a bad input).
    """
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be at least 1, not {max_bytes}")
    override = _validate_published(published) if published is not None else None
    return _read_all(
        list(paths),
        manifest=Path(manifest) if manifest is not None else None,
        override=override,
        columns=csv_columns or CsvColumns(),
        max_bytes=max_bytes,
        stdin=stdin,
    )


def count_inputs(paths: Sequence[str], *, manifest: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
                 ) -> int | None:
    """About how many results reading ``paths`` gives, counted cheaply for a progress bar: one
    per file, one per non-blank JSONL line, one per CSV row; None when standard input is read
    (it cannot be counted without reading it).  Problems are not said here: reading says them."""
    if "-" in paths:
        return None
    names = list(paths)
    if not names and manifest is not None:
        manifests = _Manifests()
        for _ in manifests.load(Path(manifest), explicit=True):
            pass
        names = [str(p) for p in manifests.explicit_order]
    total = 0
    for arg in names:
        p = Path(arg)
        try:
            files = [f[1] for f in walk(p) if not isinstance(f, errors.InputError) and f[0] == "file"] \
                if p.is_dir() else [p]
        except OSError:
            files = [p]
        for f in files:
            total += _count_records(f, max_bytes)
    return total


def _count_records(path: Path, max_bytes: int) -> int:
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv"):
        return 1
    try:
        if path.stat().st_size > max_bytes:
            return 1
        data = path.read_bytes()
    except OSError:
        return 1
    text, _ = decode(from_utf16(data) or data)
    if suffix == ".jsonl":
        return max(1, sum(1 for line in text.splitlines() if line.strip()))
    try:
        return max(1, sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1)
    except csv.Error:
        return 1


def _read_all(
    paths: list[str],
    *,
    manifest: Path | None,
    override: str | None,
    columns: CsvColumns,
    max_bytes: int,
    stdin: TextIO | BinaryIO | None,
) -> Iterator[RawRecord | errors.InputError]:
    manifests = _Manifests()
    if manifest is not None:
        if not manifest.is_file():
            yield errors.MissingPath(str(manifest), "manifest not found") if not manifest.exists() \
                else errors.UnsupportedInput(str(manifest), "the manifest must be a JSONL file")
        else:
            yield from manifests.load(manifest, explicit=True)
        if not paths:
            paths = [str(p) for p in manifests.explicit_order]
    for item in _expand(paths, manifests):
        if isinstance(item, errors.InputError):
            yield item
            continue
        source, path = item
        for out in _read_one(source, path, columns=columns, max_bytes=max_bytes, stdin=stdin):
            if isinstance(out, RawRecord):
                out = _annotate(out, manifests.lookup(path) if path is not None else {}, override)
            yield out


def _expand(paths: Iterable[str], manifests: _Manifests
            ) -> Iterator[tuple[str, Path | None] | errors.InputError]:
    """Stage 1: each argument becomes ``(label, path)`` pairs (``path`` None for stdin), or an
    error; directories are walked and their manifests loaded on the way."""
    for arg in paths:
        if arg == "-":
            yield STDIN_LABEL, None
            continue
        p = Path(arg)
        try:
            is_dir = stat.S_ISDIR(p.stat().st_mode)
        except FileNotFoundError:
            yield (str(p), p) if p.is_symlink() else errors.MissingPath(str(p))
            continue
        except OSError as exc:  # under a folder that cannot be entered, a symlink loop
            yield errors.Unreadable(str(p), os_reason(exc))
            continue
        if not is_dir:
            yield str(p), p
            continue
        for found in walk(p):
            if isinstance(found, errors.InputError):
                yield found
            elif found[0] == "manifest":
                yield from manifests.load(found[1], explicit=False)
            else:
                yield str(found[1]), found[1]


# =========================================================================== one input


def _read_one(label: str, path: Path | None, *, columns: CsvColumns, max_bytes: int,
              stdin: TextIO | BinaryIO | None) -> Iterator[RawRecord | errors.InputError]:
    """Stages 2-4 for one file (or stdin)."""
    if path is None:
        yield _read_stdin(stdin, max_bytes)
        return
    data = _read_guarded(label, path, max_bytes)
    if isinstance(data, errors.InputError):
        yield data
        return
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        nuls = data.count(b"\x00")
        page = read_html(label, data.replace(b"\x00", b"") if nuls else data)
        if nuls and isinstance(page, RawRecord):
            page = replace(page, warnings=page.warnings + drop_nul("\x00" * nuls)[1])
        yield page
        return
    text, warnings = decode(data)
    if suffix == ".jsonl":
        yield from read_jsonl(label, text, warnings)  # a line with a NUL byte is not JSON: refused alone
    elif suffix == ".csv":
        yield from read_csv(label, text, warnings, columns)  # a row with a NUL byte is refused alone
    else:
        text, dropped = drop_nul(text)
        yield RawRecord(raw=text, source_path=label, kind="text", warnings=warnings + dropped)


def _read_guarded(label: str, path: Path, max_bytes: int) -> bytes | errors.InputError:
    """Stage 2: stat before reading (size limit), then read and reject empty or binary data."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return errors.MissingPath(label)
    except OSError as exc:
        return errors.Unreadable(label, os_reason(exc))
    regular = stat.S_ISREG(st.st_mode)
    if regular and st.st_size > max_bytes:
        return _too_large(label, st.st_size, max_bytes)
    if regular and st.st_size == 0:
        return errors.EmptyInput(label)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except IsADirectoryError:
        return errors.UnsupportedInput(label, "a directory")
    except OSError as exc:
        return errors.Unreadable(label, os_reason(exc))
    if len(data) > max_bytes:  # grew since stat, or not a regular file
        return _too_large(label, len(data), max_bytes, at_least=True)
    return _check_content(label, data)


def _check_content(label: str, data: bytes) -> bytes | errors.InputError:
    """Empty or binary data is an error; UTF-16 comes back as UTF-8, anything else as it is."""
    data = from_utf16(data) or data
    if not data.strip() or not strip_bom_bytes(data).strip():
        return errors.EmptyInput(label, "only whitespace" if data else None)
    reason = binary_reason(data)
    if reason:
        return errors.BinaryInput(label, reason)
    return data


def _too_large(label: str, size: int, limit: int, *, at_least: bool = False) -> errors.TooLarge:
    more = "more than " if at_least else ""
    return errors.TooLarge(
        label,
        f"{more}{_sized(size)}, limit {_sized(limit)}; --max-bytes raises it",
    )


def _sized(n: int) -> str:
    """``1.1 MB (1122001 bytes)``, or ``222 bytes`` when that is all it is."""
    human = _human(n)
    return human if human == f"{n} bytes" else f"{human} ({n} bytes)"


def _human(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"  # pragma: no cover


def _read_stdin(stdin: TextIO | BinaryIO | None, max_bytes: int) -> RawRecord | errors.InputError:
    """``-``: read at most ``max_bytes`` (+1 to detect more) from standard input, as text."""
    stream: Any = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return errors.Unreadable(STDIN_LABEL, os_reason(exc))
    except UnicodeDecodeError as exc:
        return errors.BinaryInput(STDIN_LABEL, f"not decodable as text ({exc.reason})")
    if isinstance(data, str):
        if len(data) > max_bytes:
            return _too_large(STDIN_LABEL, len(data), max_bytes, at_least=True)
        text = strip_bom(data)
        if not text.strip():
            return errors.EmptyInput(STDIN_LABEL, "only whitespace" if text else None)
        reason = binary_reason(text[:SNIFF_BYTES].encode("utf-8", errors="surrogatepass"))
        if reason:
            return errors.BinaryInput(STDIN_LABEL, reason)
        text, dropped = drop_nul(text)
        return RawRecord(raw=text, source_path=None, kind="text", warnings=dropped)
    if len(data) > max_bytes:
        return _too_large(STDIN_LABEL, len(data), max_bytes, at_least=True)
    checked = _check_content(STDIN_LABEL, data)
    if isinstance(checked, errors.InputError):
        return checked
    text, warnings = decode(checked)
    text, dropped = drop_nul(text)
    return RawRecord(raw=text, source_path=None, kind="text", warnings=warnings + dropped)


def _annotate(record: RawRecord, meta: _Meta, override: str | None) -> RawRecord:
    """Stage 5: fill metadata.  For JSONL/CSV records the record's own fields win and the
    manifest (which describes the whole file) fills gaps; for text and HTML files the manifest
    wins over what extraction guessed.  ``override`` (``--published``) beats everything."""
    per_record = record.source_path is not None and \
        Path(record.source_path).suffix.lower() in (".jsonl", ".csv")
    warnings = record.warnings
    fields: dict[str, Any] = {}
    for key, attr in (("outlet", "outlet"), ("url", "url"), ("title", "title"), ("id", "source_id"),
                      ("language", "language")):
        value = meta.get(key)
        if value is None:
            continue
        current = getattr(record, attr)
        if key == "id" and per_record:
            continue  # a manifest id names the file, not each of its rows
        if current is None or not per_record:
            fields[attr] = value
    date = meta.get("published")
    if date is not None and (record.published is None or not per_record):
        iso = iso_date(date)
        if iso:
            fields["published"] = iso
        else:
            warnings += (f"manifest published {date!r} is not a date; ignored",)
    if override is not None:
        fields["published"] = override
    if warnings != record.warnings:
        fields["warnings"] = warnings
    return replace(record, **fields) if fields else record
