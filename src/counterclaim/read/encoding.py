"""From the bytes of one input to text: which encoding, and whether it is text at all.

* A UTF-16 file (Notepad's "Unicode", Excel's "Unicode text"), with a byte-order mark or
  without one (then known by its NUL bytes, all at even or all at odd offsets), is turned into
  UTF-8 before anything else looks at it.
* A file is binary when it starts with the signature of a binary format (PDF, PNG, ZIP...),
  or when most of its first 8 KB are control bytes (NUL included) or not UTF-8.  A text that
  only has a few stray NUL bytes is not binary: each reader deals with them (a CSV row or a
  JSONL line holding one is refused alone; plain text and HTML lose them, with a warning).
* The text is decoded as UTF-8, BOM stripped; invalid bytes become U+FFFD with a warning.
"""

from __future__ import annotations

from typing import Final

from .formats import strip_bom_bytes

__all__ = ["binary_reason", "decode", "drop_nul", "from_utf16", "invalid_utf8"]

#: How much of the start of a file the checks look at.
SNIFF_BYTES: Final[int] = 8192
#: Above this share of control or undecodable bytes in the sniffed start, the file is binary.
_BINARY_RATIO: Final[float] = 0.30
_CONTROL_BYTES: Final[bytes] = bytes([*range(0x00, 0x08), 0x0b, *range(0x0e, 0x1a), *range(0x1c, 0x20), 0x7f])
#: Signatures of binary formats someone may well name as an article by mistake.
_SIGNATURES: Final[tuple[tuple[bytes, str], ...]] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "a SQLite database"),
)
#: A UTF-16 text without a BOM: at least this share of its even (or odd) bytes are NUL ...
_UTF16_NULS: Final[float] = 0.4
#: ... and at most this share of the other half.
_UTF16_OTHER: Final[float] = 0.05


def from_utf16(data: bytes) -> bytes | None:
    """``data`` re-encoded as UTF-8 when it is UTF-16 (with a BOM, or without one and looking
    like it), else None.  UTF-16 that does not decode is left to the binary check."""
    codec: str | None = "utf-16"
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) or data.startswith(b"\xff\xfe\x00\x00"):
        codec = _bomless_utf16(data[:SNIFF_BYTES])
    if codec is None:
        return None
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeDecodeError:
        return None


def _bomless_utf16(head: bytes) -> str | None:
    even, odd = head[0::2], head[1::2]
    if len(even) < 2 or len(odd) < 2:
        return None
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd >= _UTF16_NULS and zero_even <= _UTF16_OTHER:
        return "utf-16-le"  # "A\0B\0": the high byte, NUL for ASCII, comes second
    if zero_even >= _UTF16_NULS and zero_odd <= _UTF16_OTHER:
        return "utf-16-be"
    return None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (a binary signature, or mostly control/undecodable bytes in
    its start), else None."""
    head = data[:SNIFF_BYTES]
    controls = sum(head.count(b) for b in _CONTROL_BYTES)
    invalid = invalid_utf8(head[:-4] if len(head) == SNIFF_BYTES else head)
    if head and (controls + invalid) / len(head) > _BINARY_RATIO:
        return "NUL bytes in the first 8 KB" if b"\x00" in head else "mostly non-text bytes in the first 8 KB"
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return what
    return None


def invalid_utf8(data: bytes) -> int:
    """How many bytes of ``data`` are not valid UTF-8."""
    decoded = data.decode("utf-8", errors="surrogateescape")
    return sum(1 for ch in decoded if "\udc80" <= ch <= "\udcff")


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 with replacement, BOM stripped; a warning counts the invalid bytes."""
    data = strip_bom_bytes(data)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    bad = invalid_utf8(data)
    text = data.decode("utf-8", errors="replace")
    return text, (f"invalid UTF-8 decoded with replacement characters ({bad} bytes)",)


def drop_nul(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without its NUL characters, and a warning counting them (none: no warning)."""
    n = text.count("\x00")
    if not n:
        return text, ()
    return text.replace("\x00", ""), (f"{n} NUL {'byte' if n == 1 else 'bytes'} removed",)
