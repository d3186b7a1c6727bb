"""Which language a text is in, when its metadata does not say: from the script its letters
are written in (Unicode ranges).  A script says the language only where one language is by far
the most likely one in conflict reporting (Arabic script: Arabic; Cyrillic: Russian); Latin
letters say nothing (English, French, Turkish...), and the text is taken as English."""

from __future__ import annotations

from typing import Final

__all__ = ["language_code", "script_language"]

#: (first, last code point, language) for the scripts that name a language.
_SCRIPTS: Final[tuple[tuple[int, int, str], ...]] = (
    (0x0600, 0x06FF, "ar"), (0x0750, 0x077F, "ar"), (0x08A0, 0x08FF, "ar"),
    (0xFB50, 0xFDFF, "ar"), (0xFE70, 0xFEFF, "ar"),
    (0x0400, 0x052F, "ru"),
    (0x0590, 0x05FF, "he"),
    (0x0370, 0x03FF, "el"),
    (0x0530, 0x058F, "hy"),
    (0x10A0, 0x10FF, "ka"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x3040, 0x30FF, "ja"),
    (0xAC00, 0xD7AF, "ko"),
    (0x4E00, 0x9FFF, "zh"),
)
#: How many letters are looked at (the start of the text says enough).
_SAMPLE: Final[int] = 5000


def script_language(text: str) -> str | None:
    """The language the letters of ``text`` are mostly written in (more than half of its
    letters in one script that names a language), else None (Latin letters, or no letters)."""
    counts: dict[str, int] = {}
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        if code >= 0x0370:
            for first, last, lang in _SCRIPTS:
                if first <= code <= last:
                    counts[lang] = counts.get(lang, 0) + 1
                    break
        if letters >= _SAMPLE:
            break
    if not counts:
        return None
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    return lang if n * 2 > letters else None


def language_code(value: str) -> str:
    """A metadata language as an ISO 639-1 code: ``"EN"``, ``"en-US"``, ``"en_GB"`` -> ``"en"``."""
    return value.strip().replace("_", "-").split("-")[0].lower()
