"""The bundled gazetteer: names of places in Syria and its neighbours, resolved to points.

What ships (``counterclaim/data/gazetteer/``, described in its README):

- ``geonames_sy.tsv``: every Syrian populated place of GeoNames' cities500 plus the places of
  Turkey, Iraq, Lebanon, Jordan, Israel and Palestine with 15,000 people or more, with filtered
  Latin-script alternate names (built by ``scripts/build_gazetteer.py``);
- ``governorates.tsv``: Syria's 14 governorates (ISO 3166-2 code, the contract's English name, a
  representative point inside the Natural Earth polygon, spellings);
- ``countries.tsv``: Syria and its neighbours as country-level entries;
- ``curated.tsv``: air bases, crossings, dams, prisons and airports that GeoNames lacks or names
  badly, each with the source its coordinates were checked against.

Users extend it with :func:`import_geonames` (a GeoNames country or allCountries dump, written to
``user_dir()/gazetteer/``, picked up by :meth:`Gazetteer.load` automatically) or by passing files
to ``Gazetteer.load(extra=[...])``.

Names are compared in two ways:

- :func:`key`: casefolded, diacritics stripped, apostrophes dropped, hyphens and spaces unified.
  "Ḩamāh" and "hamah" have one key; "Deir ez-Zor" and "Deir ez Zor" too.
- :func:`skeleton`: the *variant key*.  Every spelling that :func:`variants` generates from a name
  folds to the name's skeleton (the generator checks this for each variant it returns), so two
  names whose variant sets meet always have the same skeleton.  Matching on the skeleton finds
  every such pair (and the pairs whose variants the cap of 64 cut off) without storing the
  variants: the index holds one key and one skeleton per name, computed at load time (about
  30 ms for the bundled files).

:meth:`Gazetteer.lookup` returns the entries whose name or alternate name has the query's key
first, then those that share its skeleton; within each group countries, then governorates, then
facilities, then populated places, then user entries, larger population first.

No network access: everything is read from files.
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import itertools
import json
import math
import os
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from counterclaim.errors import BadGazetteerFile

__all__ = [
    "COUNTRY_COLUMNS", "CURATED_COLUMNS", "EXTRACT_COLUMNS", "GOVERNORATE_COLUMNS",
    "GOVERNORATE_NAMES", "KINDS", "Entry", "Gazetteer", "ImportReport", "Match", "admin1_at",
    "admin1_code_at", "alternate_rejection", "default_gazetteer", "filter_alternates",
    "import_geonames", "key", "read_tsv_dicts", "representative_point", "skeleton",
    "syria_admin1", "user_dir", "variants",
]

Kind = Literal["country", "admin1", "facility", "city", "user"]
#: lookup order among matches of equal quality
KINDS: tuple[str, ...] = ("country", "admin1", "facility", "city", "user")
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}

#: ISO 3166-2 code -> the contract's English name of the governorate (docs/ledger.md)
GOVERNORATE_NAMES: dict[str, str] = {
    "SY-HL": "Aleppo",
    "SY-ID": "Idlib",
    "SY-HM": "Hama",
    "SY-HI": "Homs",
    "SY-LA": "Latakia",
    "SY-TA": "Tartus",
    "SY-DY": "Deir ez-Zor",
    "SY-RA": "Raqqa",
    "SY-HA": "Hasakah",
    "SY-DI": "Damascus",
    "SY-RD": "Rif Dimashq",
    "SY-DR": "Daraa",
    "SY-SU": "As-Suwayda",
    "SY-QU": "Quneitra",
}

#: GeoNames' admin1 codes for Syria -> ISO 3166-2 (fallback when a point falls outside every
#: governorate polygon, e.g. on the border or in the Israeli-administered Golan)
GEONAMES_SY_ADMIN1: dict[str, str] = {
    "01": "SY-HA", "02": "SY-LA", "03": "SY-QU", "04": "SY-RA", "05": "SY-SU", "06": "SY-DR",
    "07": "SY-DY", "08": "SY-RD", "09": "SY-HL", "10": "SY-HM", "11": "SY-HI", "12": "SY-ID",
    "13": "SY-DI", "14": "SY-TA",
}

#: columns of the GeoNames extract (bundled ``geonames_sy.tsv`` and files written by
#: :func:`import_geonames`); ``alternates`` is ``|``-separated
EXTRACT_COLUMNS: tuple[str, ...] = (
    "geonameid", "name", "lat", "lon", "country", "admin1", "admin1_code", "population",
    "feature", "alternates",
)
#: columns of ``curated.tsv`` (and of user files in the same format); ``aliases`` is ``|``-separated
CURATED_COLUMNS: tuple[str, ...] = (
    "name", "aliases", "lat", "lon", "country", "admin1", "kind", "source", "note",
)
GOVERNORATE_COLUMNS: tuple[str, ...] = ("code", "name", "lat", "lon", "wikidata", "aliases")
COUNTRY_COLUMNS: tuple[str, ...] = ("code", "name", "lat", "lon", "geonames_id", "population", "aliases")

_DATA = "counterclaim.data"


def _data_dir(sub: str) -> Path:
    return Path(str(importlib.resources.files(_DATA))) / sub


def user_dir() -> Path:
    """Where user data lives: ``$COUNTERCLAIM_DATA``, else ``$XDG_DATA_HOME/counterclaim``, else
    ``~/.local/share/counterclaim``.  Imported gazetteer files go to its ``gazetteer/`` folder."""
    env = os.environ.get("COUNTERCLAIM_DATA")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        return Path(xdg).expanduser() / "counterclaim"
    return Path.home() / ".local" / "share" / "counterclaim"


# --------------------------------------------------------------------------- keys

# apostrophes and ayn/hamza marks vanish ("Dar'a", "Ma`arrat", "Ra’s al ‘Ayn"); they are mapped
# before NFKD because NFKD turns the acute accent U+00B4 into a space plus a combining mark
_DROP = "'’‘`´ʻʼʽʿʾ′ʹ\u02c8\u02bc\u2032\u00a8"
_TO_SPACE = "-‐‑‒–—―_./·,;:()[]{}\"“”«»!?&+\t\r\n\u00a0"
_PRE = str.maketrans({**{c: "" for c in _DROP}, **{c: " " for c in _TO_SPACE}})
_POST = str.maketrans({
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss",
    "ə": "e", "ŀ": "l", "ħ": "h", "ŧ": "t", "ʕ": "", "ʔ": "", "ʿ": "", "ʾ": "",
})
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACES = re.compile(r"[ \t]+")


def _keys(names: Sequence[str]) -> list[str]:
    """:func:`key` of many names at once (one pass of each step over the joined text)."""
    if not names:
        return []
    text = "\x00".join(n.replace("\n", " ").translate(_PRE).casefold() for n in names)
    text = unicodedata.normalize("NFKD", text)
    text = _COMBINING.sub("", text).translate(_POST)
    text = _SPACES.sub(" ", text)
    return [part.strip() for part in text.split("\x00")]


def key(name: str) -> str:
    """The normalised lookup key: casefolded, diacritics stripped, apostrophes dropped, hyphens,
    dots and runs of spaces made one space ("Ḩamāh" -> "hamah", "Deir ez-Zor" -> "deir ez zor")."""
    return _keys([name])[0]


# --------------------------------------------------------------------------- skeleton

#: Arabic article forms, standalone ("al-Bab", "Deir ez-Zor", "Ras el Ain")
_ARTICLES = ("al", "el", "il", "ul", "ar", "er", "as", "es", "ash", "esh", "ad", "ed", "at", "et",
             "az", "ez", "an", "en", "ath", "eth", "adh", "edh")
#: sun letters as transliterated: the article assimilates before them ("ar-Raqqa", "ash-Sham")
_SUN = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n")
_CONSONANT = "bcdfghjklmnpqrstvwxz"

#: whole-word spelling groups, folded to the first member
_WORD_GROUPS: tuple[tuple[str, ...], ...] = (
    ("dayr", "deir", "dair", "der", "deyr", "dier", "dir"),
    ("zur", "zor", "zour", "zawr", "zaur", "zoor", "zoar"),
    ("shaykh", "sheikh", "sheik", "shaikh", "sheykh", "cheikh", "scheich", "shekh", "sheyh", "shaik"),
    ("tal", "tell", "tel", "tall", "til"),
    ("kafr", "kfar", "kefr", "kfr", "kafar"),
    ("bu", "abu", "abou", "albu", "bou"),
    ("ayn", "ain", "ein", "eyn", "ayin"),
    ("bayt", "beit", "bait", "beyt", "bet"),
    ("jabal", "jebel", "jabel", "jebal", "djebel", "jbel"),
    ("wadi", "wady", "oued"),
    ("umm", "um", "om"),
)
_WORD_FOLD = {w: g[0] for g in _WORD_GROUPS for w in g}
_WORD_GROUP_OF = {w: g for g in _WORD_GROUPS for w in g}

_ART_RE = re.compile(r"(?<![^ \n])(?:%s) (?=[^ \n])" % "|".join(sorted(_ARTICLES, key=len, reverse=True)))
_GLUED_RE = re.compile(
    r"(?<![^ \n])(?:[ae]l(?=[%s][a-z]{2})|[ae](%s)(?=\1[a-z]{2}))" % (_CONSONANT, "|".join(_SUN))
)
_WORD_RE = re.compile(r"(?<![a-z])(?:%s)(?![a-z])" % "|".join(sorted(_WORD_FOLD, key=len, reverse=True)))
_CHAR_STEPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"sch", "sh"),
        (r"dsch|dzh|dj", "j"),
        (r"kh", "h"),
        (r"ch", "h"),
        (r"gh", "g"),
        (r"ph", "f"),
        (r"ck", "k"),
        (r"q", "k"),
        (r"ou|oo|au", "u"),
        (r"aw(?![aeiouy])", "u"),
        (r"uw(?=[aeiouy])", "w"),
        (r"ei|ey|ai", "ay"),
        (r"ee", "i"),
        (r"(?<=[a-z]{2}[aeiou])h(?![a-z])", ""),  # Hamah -> Hama, Hasakeh -> Hasake
        (r"(?<=[a-z]{2})e(?![a-z])", "a"),  # Hasake -> Hasaka
        (r"iya(?![a-z])", "ia"),  # Latakiya -> Latakia
        (r"e", "i"),  # Idleb -> Idlib
        (r"o", "u"),  # Tadmor -> Tadmur
        (r" ", ""),  # hyphen vs space vs nothing
        (r"([a-z])\1+", r"\1"),  # Raqqa -> Raqa, Hassakeh -> Hasakeh (also across words)
    )
)


def _fold(keys_text: str) -> str:
    """The skeleton pipeline over key-form text (names separated by newlines)."""
    s = _ART_RE.sub("", keys_text)
    s = _GLUED_RE.sub("", s)
    s = _WORD_RE.sub(lambda m: _WORD_FOLD[m.group(0)], s)
    for pattern, repl in _CHAR_STEPS:
        s = pattern.sub(repl, s)
    return s


def _skeletons(keys: Sequence[str]) -> list[str]:
    if not keys:
        return []
    return _fold("\n".join(keys)).split("\n")


def skeleton(name: str) -> str:
    """The variant key: :func:`key`, then the Arabic article dropped (standalone or glued),
    whole-word spellings folded (Deir/Dayr/Der, Zor/Zour/Zawr, Sheikh/Shaykh, Tell/Tal, Abu/Bu,
    Ain/Ayn, Beit/Bayt, Jebel/Jabal, Kafr/Kfar), then letters folded (kh/ch -> h, gh -> g, q -> k,
    ou/aw -> u, ei/ey/ai -> ay, final -ah/-eh/-e -> -a, -iya -> -ia, e -> i, o -> u, doubled
    letters single) and spaces removed.  "Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour" and
    "Deir Ezzor" all give "dayrzur"."""
    return _fold(key(name))


# --------------------------------------------------------------------------- variants

MAX_VARIANTS = 64


def _split_glued(token: str) -> tuple[str, str] | None:
    """("ez", "zor") for "ezzor", ("al", "bab") for "albab", None when no article is glued."""
    m = _GLUED_RE.match(token)
    if not m:
        return None
    return token[: m.end()], token[m.end():]


def _sun_of(word: str) -> str | None:
    for s in _SUN:
        if word.startswith(s):
            return s
    return None


def _article_forms(word: str) -> list[str]:
    forms = ["al", "el"]
    sun = _sun_of(word)
    if sun:
        forms += ["a" + sun, "e" + sun]
    return forms


_EI_RE = re.compile(r"(?<![aeiou])[ei](?=[b-df-gj-np-tv-xz]|h[a-z])")


def _word_alternatives(word: str) -> list[str]:
    """Single-rule respellings of one word (no article), the word itself first."""
    out = [word]
    group = _WORD_GROUP_OF.get(word)
    if group:
        out += [w for w in group if w != word][:5]
        return out
    subs: list[str] = []
    if "kh" in word:
        subs += [word.replace("kh", "h"), word.replace("kh", "ch")]
    elif word.startswith("h"):
        subs += ["kh" + word[1:], "ch" + word[1:]]
    if "q" in word:
        subs.append(word.replace("q", "k"))
    elif "k" in word and "kh" not in word:
        subs.append(word.replace("k", "q"))
    if "ou" in word:
        subs.append(word.replace("ou", "u"))
    elif "u" in word:
        subs.append(re.sub(r"(?<![aoq])u", "ou", word))
    if re.search(r"aw(?![aeiouy])", word):
        subs.append(re.sub(r"aw(?![aeiouy])", "ou", word))
    if re.search(r"ei|ey|ai", word):
        subs.append(re.sub(r"ei|ey|ai", "ay", word))
    elif "ay" in word:
        subs.append(word.replace("ay", "ei"))
    # e <-> i before a consonant (not a final h: Hasakeh is the -eh ending), one position at a time
    for m in itertools.islice(_EI_RE.finditer(word), 3):
        subs.append(word[: m.start()] + ("i" if m.group(0) == "e" else "e") + word[m.end():])
    if re.search(r"([a-z])\1", word):
        subs.append(re.sub(r"([a-z])\1+", r"\1", word))
    if len(word) >= 4:
        for end, repls in (("iyah", ("iya", "ia", "ieh")), ("iya", ("iyah", "ia", "ieh")),
                           ("ieh", ("ia", "iyah")), ("ia", ("iya", "iyah", "ieh")),
                           ("ah", ("a", "eh")), ("eh", ("ah", "a")), ("a", ("ah", "eh"))):
            if word.endswith(end):
                subs += [word[: -len(end)] + r for r in repls]
                break
    for s in subs:
        if s and s not in out:
            out.append(s)
    return out


def variants(name: str, limit: int = MAX_VARIANTS) -> set[str]:
    """Spellings of ``name`` generated by rule, in key form, at most ``limit`` of them.

    Rules: the Arabic article as al-/el- or assimilated before sun letters (ar-, as-, ash-, ad-,
    at-, az-, an-, ez-, es-, ed-...), separated or glued, or dropped; words separated or glued;
    Deir/Dayr/Dair/Der, Zor/Zour/Zawr/Zur, Sheikh/Shaykh/Sheik and the other word groups of
    :func:`skeleton`; kh/h/ch; q/k; ou/u/aw; ei/ay; e/i inside words; doubled letters single;
    final -ah/-a/-eh and -iya/-ia/-iyah.  Variants with the fewest changes come first.  Every
    variant returned has the same :func:`skeleton` as ``name``, and the skeleton itself is always
    one of them, so the variant sets of two spellings of a place meet.
    """
    k = key(name)
    if not k:
        return set()
    target = _fold(k)
    # slots: ("art", article or "", glued?) and ("word", text), between words a separator slot
    words: list[tuple[str | None, str, bool]] = []  # (article, word, glued)
    pending: str | None = None
    for tok in k.split(" "):
        if tok in _ARTICLES and pending is None:
            pending = tok
            continue
        split = _split_glued(tok) if pending is None else None
        if split:
            words.append((split[0], split[1], True))
        else:
            words.append((pending, tok, False))
        pending = None
    if pending is not None:  # a trailing article: keep it as a word
        words.append((None, pending, False))

    slots: list[list[tuple[str, int]]] = []
    for i, (art, word, glued) in enumerate(words):
        if i:
            sep_alts = [(" ", 0), ("", 1)] if art is None and words[i - 1][0] is None else [(" ", 0)]
            slots.append(sep_alts)
        # an article can change form or go; a single word ("Bab", "Raqqa") can also gain one
        if art is not None or len(words) == 1:
            alts: list[tuple[str, int]] = []
            if art is not None:
                alts.append((art + ("" if glued else " "), 0))
                alts.append(("", 1))
            else:
                alts.append(("", 0))
            for form in _article_forms(word):
                for sep in (" ", ""):
                    if sep == "" and not (len(word) >= 3 and word[0] in _CONSONANT):
                        continue
                    alt = form + sep
                    if all(alt != a for a, _ in alts):
                        alts.append((alt, 1))
            slots.append(alts)
        slots.append([(w, 0 if j == 0 else 1) for j, w in enumerate(_word_alternatives(word))])

    out: list[str] = [k]
    seen = {k, target}
    # the skeleton is itself a spelling whose skeleton it is, in all but rare cases (a glued
    # article can appear once spaces are gone); only then is it returned as a variant
    extra = {target} if _fold(target) == target else set()
    for budget in (1, 2):
        for combo in _combos(slots, budget):
            v = _SPACES.sub(" ", "".join(combo)).strip()
            if v in seen or not v:
                continue
            seen.add(v)
            if _fold(v) == target:
                out.append(v)
                if len(out) >= limit - len(extra):
                    return set(out) | extra
    return set(out) | extra


def _combos(slots: list[list[tuple[str, int]]], budget: int) -> Iterator[list[str]]:
    """Every choice of one alternative per slot whose costs add up to exactly ``budget``."""
    def rec(i: int, left: int, acc: list[str]) -> Iterator[list[str]]:
        if i == len(slots):
            if left == 0:
                yield acc
            return
        for text, cost in slots[i]:
            if cost <= left:
                yield from rec(i + 1, left - cost, acc + [text])
    yield from rec(0, budget, [])


# --------------------------------------------------------------------------- alternate names

#: names that GeoNames lists for a place but that stand for something else in the news
_AMBIGUOUS_SKELETONS = frozenset({
    "sham", "ham", "sam",  # al-Sham / Cham / Şam for Damascus: also Syria, the Levant, HTS
})
MAJOR_POPULATION = 100_000
REGIONAL_POPULATION = 15_000


def _is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
        elif ch in " -'’‘`ʻʼʿʾ.":
            continue
        elif unicodedata.combining(ch):
            continue
        else:
            return False
    return True


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def alternate_rejection(alt: str, k: str) -> str | None:
    """Why ``alt`` (whose key is ``k``) is not kept as an alternate name, or None.  The rules that
    need no other place; :func:`filter_alternates` adds the one that does."""
    if not alt.strip():
        return "empty"
    if not _is_latin(alt):
        return "not Latin script"
    if len(k.replace(" ", "")) < 3:
        return "shorter than 3 characters"
    letters = [c for c in alt if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return "no capital letter (machine transliteration)"
    if len(letters) <= 4 and all(c.isupper() for c in letters):
        return "code (all capitals)"
    if _INNER_CAPITAL.search(alt):
        return "capital inside a word (transliteration debris: KhIums)"
    if len(k) > 40 or k.count(" ") >= 5:
        return "too long"
    if _fold(k) in _AMBIGUOUS_SKELETONS:
        return "ambiguous (stands for Syria or the Levant too)"
    return None


def filter_alternates(
    name: str,
    alternates: Iterable[str],
    *,
    geonames_id: int | None = None,
    population: int = 0,
    majors: dict[str, tuple[int, int]] | None = None,
    forbidden: frozenset[str] = frozenset(),
    rejected: Counter[str] | None = None,
) -> list[str]:
    """The alternate names of a place worth indexing, in their first spelling, one per key.

    Dropped (the reason is counted in ``rejected`` when given): non-Latin script; shorter than 3
    characters; no capital letter at all (GeoNames' lowercase machine transliterations of Arabic,
    Hebrew, Korean... names: "hms", "dwma", "deileuejoleu"); codes in capitals of up to 4 letters
    (IATA codes "ALP", "DAM"); a capital inside a word ("KhIums", debris of a Cyrillic
    transliteration); longer than 40 characters or 6 words; the ambiguous "Sham"/"Cham"
    family; keys in ``forbidden`` (country names); and names that are another major place's name:
    the key of the main name of a different place in ``majors`` (key -> (geonameid, population))
    with 100,000 people or more, or with 15,000 or more and more people than this place ("Gama",
    a Russian rendering of Hama, is the name of a Brazilian city of 139,000), unless this place
    carries that name in two or more distinct spellings with one skeleton (Sidon's "Saida" and
    "Sayda" stay although Saïda in Algeria has 142,000 people).  Names with the same key as the
    main name or an earlier alternate are dropped as duplicates.
    """
    alts = [a for a in alternates if a and a.strip()]
    keys = _keys([name, *alts])
    # how many distinct spellings of this place share each skeleton: a name attested in two or
    # more (Sidon: "Saida", "Sayda") is this place's own, whatever other city bears it
    attested = Counter(_skeletons(sorted(set(keys))))
    seen = {keys[0]}
    out: list[str] = []
    for alt, k in zip(alts, keys[1:]):
        if k in seen:
            continue
        why = alternate_rejection(alt, k)
        if why is None and k in forbidden:
            why = "a country's name"
        if why is None and majors:
            other = majors.get(k)
            if other and other[0] != geonames_id and attested[_fold(k)] < 2 and (
                other[1] >= MAJOR_POPULATION or (other[1] >= REGIONAL_POPULATION and other[1] > population)
            ):
                why = "another major place's name"
        if why:
            if rejected is not None:
                rejected[why] += 1
            continue
        seen.add(k)
        out.append(alt.strip())
    return out


# --------------------------------------------------------------------------- point in polygon

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class _Area:
    code: str
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat
    polygons: tuple[tuple[Ring, ...], ...]  # each: exterior ring, then holes


def _rings_of(geometry: dict) -> list[list[Ring]]:
    coords = geometry["coordinates"]
    polys = [coords] if geometry["type"] == "Polygon" else coords
    return [[tuple((float(x), float(y)) for x, y, *_ in ring) for ring in poly] for poly in polys]


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    n = len(ring)
    x1, y1 = ring[n - 1]
    for i in range(n):
        x2, y2 = ring[i]
        if (y1 > y) != (y2 > y):
            xc = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xc:
                inside = not inside
        x1, y1 = x2, y2
    return inside


def _in_area(x: float, y: float, area: _Area) -> bool:
    b = area.bbox
    if not (b[0] <= x <= b[2] and b[1] <= y <= b[3]):
        return False
    for poly in area.polygons:
        if _in_ring(x, y, poly[0]) and not any(_in_ring(x, y, hole) for hole in poly[1:]):
            return True
    return False


def _load_areas(path: Path, code_property: str) -> tuple[_Area, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    areas = []
    for feat in data["features"]:
        polys = _rings_of(feat["geometry"])
        xs = [x for poly in polys for x, _ in poly[0]]
        ys = [y for poly in polys for _, y in poly[0]]
        areas.append(_Area(
            code=feat["properties"][code_property],
            bbox=(min(xs), min(ys), max(xs), max(ys)),
            polygons=tuple(tuple(poly) for poly in polys),
        ))
    return tuple(areas)


SYRIA_ADMIN1_GEOJSON = "syria_admin1.geojson"


@functools.cache
def _syria_areas() -> tuple[_Area, ...]:
    return _load_areas(_data_dir("basemap") / SYRIA_ADMIN1_GEOJSON, "iso_3166_2")


def admin1_code_at(lat: float, lon: float) -> str | None:
    """The ISO 3166-2 code of the Syrian governorate containing the point, or None outside
    Syria as Natural Earth draws it (de facto lines: the Israeli-administered Golan is outside)."""
    for area in _syria_areas():
        if _in_area(lon, lat, area):
            return area.code
    return None


def admin1_at(lat: float, lon: float) -> str | None:
    """The name of the Syrian governorate containing the point ("Homs" for Palmyra), or None.
    Pure-Python ray casting over the rings of the bundled Natural Earth polygons."""
    code = admin1_code_at(lat, lon)
    return GOVERNORATE_NAMES.get(code) if code else None


def shoelace(ring: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """The shoelace sums of a ring of (lon, lat) points: twice its signed area, and the x and y
    moments; the centroid is (cx / (3 s), cy / (3 s))."""
    s = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]]):
        cross = x1 * y2 - x2 * y1
        s += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return s, cx, cy


def representative_point(rings: list[list[Ring]]) -> tuple[float, float]:
    """(lat, lon) of the area-weighted centroid of the polygons' exterior rings minus holes, or,
    when that falls outside them (Rif Dimashq's centroid is in Damascus), the interior point of a
    0.02° grid nearest to it."""
    ax = ay = a = 0.0
    for poly in rings:
        for j, ring in enumerate(poly):
            s, cx, cy = shoelace(ring)
            area = s / 2
            sign = 1 if j == 0 else -1
            area = abs(area) * sign
            if s:
                ax += cx / (3 * s) * area
                ay += cy / (3 * s) * area
                a += area
    x, y = ax / a, ay / a
    xs = [p[0] for poly in rings for p in poly[0]]
    ys = [p[1] for poly in rings for p in poly[0]]
    shape = _Area("", (min(xs), min(ys), max(xs), max(ys)), tuple(tuple(p) for p in rings))
    if _in_area(x, y, shape):
        return round(y, 4), round(x, 4)
    best = None
    step = 0.02
    gx = min(xs)
    while gx <= max(xs):
        gy = min(ys)
        while gy <= max(ys):
            if _in_area(gx, gy, shape):
                d = (gx - x) ** 2 + (gy - y) ** 2
                if best is None or d < best[0]:
                    best = (d, gx, gy)
            gy += step
        gx += step
    assert best is not None, "empty polygon"
    return round(best[2], 4), round(best[1], 4)


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer.

    ``kind``: "country", "admin1" (a Syrian governorate), "city" (a GeoNames populated place of
    the bundled extract), "facility" (a curated air base, crossing, dam...), "user" (from a file
    the user imported or passed).  ``source``: where the coordinates come from, in the words of
    ``Location.source``: "geonames", "governorate", "curated", "country" or "user".
    ``reference``: what they were checked against (a curated row's ``source`` column, such as
    "Wikipedia: Khmeimim Air Base (...)"), or the file they were read from.  ``feature``: the finer
    kind: GeoNames class.code ("P.PPL", "S.AIRB") or the curated kind ("air_base").
    """

    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin1_code: str | None
    kind: str
    population: int | None
    geonames_id: int | None
    source: str
    feature: str | None = None
    reference: str | None = None
    alternates: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def precision(self) -> str:
        """The ``Location.precision`` a match on this entry gives."""
        if self.kind in ("country", "admin1"):
            return self.kind
        if self.feature in ("A.PCLI", "A.PCL", "A.PCLD", "A.PCLS", "A.PCLF", "A.PCLIX"):
            return "country"
        if self.feature == "A.ADM1":
            return "admin1"
        return "point"


@dataclass(frozen=True, slots=True)
class Match:
    """A lookup result: the entry, the name of it that matched, and whether the key was equal
    (``exact``) or only the skeleton (a spelling variant)."""

    entry: Entry
    matched: str
    exact: bool


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What :func:`import_geonames` did."""

    source: Path
    dest: Path
    rows: int  # well-formed rows read
    kept: int  # rows written
    skipped: int  # well-formed rows of feature classes not kept
    malformed: int
    errors: tuple[str, ...]  # the first malformed lines, as "FILE:LINE: reason"
    countries: dict[str, int]
    syria_unassigned: int  # Syrian rows with no governorate (neither polygon nor GeoNames code)

    def summary(self) -> str:
        return (f"{self.source}: {self.rows} rows read, {self.kept} kept, {self.skipped} of other "
                f"classes skipped, {self.malformed} malformed; written to {self.dest}")


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text else None


def _read_tsv(path: Path) -> tuple[tuple[str, ...], list[list[str]]]:
    """Header and rows of a gazetteer TSV (lines starting with '#' before the header are notes)."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln.rstrip("\r\n") for ln in fh]
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        i += 1
    if i == len(lines):
        raise BadGazetteerFile(f"{path}: no header line")
    header = tuple(lines[i].split("\t"))
    rows = [ln.split("\t") for ln in lines[i + 1:] if ln.strip()]
    return header, rows


class Gazetteer:
    """Entries and the name index over them.  Build it with :meth:`load`."""

    def __init__(self, entries: Sequence[Entry], names: Sequence[tuple[int, str]]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        names = list(names)
        keys = _keys([n for _, n in names])
        skels = _skeletons(keys)
        by_key: dict[str, list[tuple[int, str]]] = {}
        by_skel: dict[str, list[tuple[int, str]]] = {}
        for (idx, name), k, s in zip(names, keys, skels):
            if not k:
                continue
            bucket = by_key.setdefault(k, [])
            if all(i != idx for i, _ in bucket):
                bucket.append((idx, name))
            if s:
                sb = by_skel.setdefault(s, [])
                if all(i != idx for i, _ in sb):
                    sb.append((idx, name))
        self._by_key = by_key
        self._by_skel = by_skel
        self._names = len(names)
        self._governorates = [e for e in self.entries if e.kind == "admin1"]
        self._countries = [e for e in self.entries if e.kind == "country"]

    # ----------------------------------------------------------------- loading

    @classmethod
    def load(cls, extra: Sequence[Path | str] = (), *, user: bool = True) -> Gazetteer:
        """The bundled gazetteer, plus every ``*.tsv`` in ``user_dir()/gazetteer/`` (unless
        ``user`` is False), plus ``extra`` files.  User and extra files are GeoNames extracts (as
        written by :func:`import_geonames`) or curated lists (the columns of ``curated.tsv``);
        their entries have kind "user".  A row whose GeoNames id is already loaded, or a GeoNames
        row of a Syrian governorate or of a country, only adds its names to that entry."""
        b = _Builder()
        gdir = _data_dir("gazetteer")
        b.add_countries(gdir / "countries.tsv")
        b.add_governorates(gdir / "governorates.tsv")
        b.add_file(gdir / "curated.tsv", kind="facility")
        b.add_file(gdir / "geonames_sy.tsv", kind="city")
        paths: list[Path] = []
        if user:
            udir = user_dir() / "gazetteer"
            if udir.is_dir():
                paths += sorted(udir.glob("*.tsv"))
        paths += [Path(p) for p in extra]
        for p in paths:
            b.add_file(p, kind="user")
        return cls(b.entries, b.names)

    # ----------------------------------------------------------------- queries

    def match(self, name: str, *, prefer: str | None = None) -> list[Match]:
        """Matches of ``name``: equal keys first, then equal skeletons (spelling variants); each
        group ordered by kind (country, admin1, facility, city, user), then population.  With
        ``prefer`` (a country code such as "SY"), that country's entries come first in each group."""
        k = key(name)
        if not k:
            return []
        s = _fold(k)
        out: list[Match] = []
        taken: set[int] = set()

        def rank(t: tuple[int, str]) -> tuple[bool, int, int, str]:
            e = self.entries[t[0]]
            return (prefer is not None and e.country != prefer, *self._rank(e))

        for bucket, exact in ((self._by_key.get(k, ()), True), (self._by_skel.get(s, ()) if s else (), False)):
            group = [(i, n) for i, n in bucket if i not in taken]
            group.sort(key=rank)
            for i, n in group:
                taken.add(i)
                out.append(Match(self.entries[i], n, exact))
        return out

    def lookup(self, name: str, *, prefer: str | None = None) -> list[Entry]:
        """All entries whose name or an alternate name has the key of ``name`` (first) or its
        skeleton (then); see :meth:`match` for the order."""
        return [m.entry for m in self.match(name, prefer=prefer)]

    _QUALIFIER = re.compile(
        r"^(?:muhafazat|governorate of|province of|(?:the )?(?:rural|countryside of|outskirts of|"
        r"(?:north|south|east|west)(?:ern|east|west|eastern|western)? (?:countryside of|rural))) "
        r"|(?: (?:governorate|governate|province|muhafazah|region|countryside|suburbs|rural|"
        r"city|area))+$"
    )

    def admin1(self, name: str) -> Entry | None:
        """The governorate ``name`` (a spelling, an ISO code such as "SY-ID", or a name with a
        qualifier: "Idlib province", "Hama countryside", "rural Aleppo") stands for, or None."""
        n = name.strip()
        if re.fullmatch(r"(?i)SY-[A-Z]{2}", n):
            code = n.upper()
            return next((e for e in self._governorates if e.admin1_code == code), None)
        k = key(n)
        for attempt in (k, self._QUALIFIER.sub("", k).strip()):
            if not attempt:
                continue
            for m in self.match(attempt):
                if m.entry.kind == "admin1":
                    return m.entry
        return None

    def governorates(self) -> list[Entry]:
        """Syria's 14 governorates, in ISO code order."""
        return sorted(self._governorates, key=lambda e: e.admin1_code or "")

    def countries(self) -> list[Entry]:
        return list(self._countries)

    def stats(self) -> dict[str, int]:
        """Sizes of the index: entries (by kind), names, distinct keys and skeletons."""
        kinds = Counter(e.kind for e in self.entries)
        return {"entries": len(self.entries), "names": self._names, "keys": len(self._by_key),
                "skeletons": len(self._by_skel), **{f"kind:{k}": v for k, v in sorted(kinds.items())}}

    def __len__(self) -> int:
        return len(self.entries)

    @staticmethod
    def _rank(e: Entry) -> tuple[int, int, str]:
        return (_KIND_RANK.get(e.kind, len(KINDS)), -(e.population or 0), e.name)


class _Builder:
    """Accumulates entries and (entry index, name) pairs while loading files."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.names: list[tuple[int, str]] = []
        self._by_geonames: dict[int, int] = {}
        self._by_admin1: dict[str, int] = {}
        self._by_country: dict[str, int] = {}
        self._admin1_codes: dict[str, str] = dict((v, k) for k, v in GOVERNORATE_NAMES.items())

    def _same_as(self, entry: Entry) -> int | None:
        """The loaded entry a new row stands for: the same GeoNames id, or for a GeoNames row
        of a Syrian governorate (A.ADM1) or of a country (A.PCLI...) the bundled entry of it."""
        if entry.geonames_id is not None and entry.geonames_id in self._by_geonames:
            return self._by_geonames[entry.geonames_id]
        if entry.feature == "A.ADM1" and entry.country == "SY" and entry.admin1_code:
            return self._by_admin1.get(entry.admin1_code)
        if entry.feature and entry.feature.startswith("A.PCL") and entry.country:
            return self._by_country.get(entry.country)
        return None

    def _add(self, entry: Entry, names: Iterable[str]) -> None:
        same = self._same_as(entry)
        if same is not None:  # only the names are new
            self.names.extend((same, n) for n in itertools.chain([entry.name], names) if n)
            return
        idx = len(self.entries)
        self.entries.append(entry)
        if entry.geonames_id is not None:
            self._by_geonames.setdefault(entry.geonames_id, idx)
        if entry.kind == "admin1" and entry.admin1_code:
            self._by_admin1[entry.admin1_code] = idx
        if entry.kind == "country" and entry.country:
            self._by_country[entry.country] = idx
        self.names.append((idx, entry.name))
        self.names.extend((idx, n) for n in names if n)

    def add_countries(self, path: Path) -> None:
        header, rows = _read_tsv(path)
        col = {c: i for i, c in enumerate(header)}
        for r in rows:
            aliases = tuple(a for a in r[col["aliases"]].split("|") if a)
            self._add(Entry(
                name=r[col["name"]], lat=float(r[col["lat"]]), lon=float(r[col["lon"]]),
                country=r[col["code"]], admin1=None, admin1_code=None, kind="country",
                population=_int(r[col["population"]]), geonames_id=_int(r[col["geonames_id"]]),
                source="country", feature="A.PCLI", reference="countries.tsv", alternates=aliases,
            ), aliases)

    def add_governorates(self, path: Path) -> None:
        header, rows = _read_tsv(path)
        col = {c: i for i, c in enumerate(header)}
        for r in rows:
            aliases = tuple(a for a in r[col["aliases"]].split("|") if a)
            code = r[col["code"]]
            self._add(Entry(
                name=r[col["name"]], lat=float(r[col["lat"]]), lon=float(r[col["lon"]]),
                country="SY", admin1=r[col["name"]], admin1_code=code, kind="admin1",
                population=None, geonames_id=None, source="governorate", feature="A.ADM1",
                reference="governorates.tsv", alternates=aliases,
            ), [*aliases, code])

    def add_file(self, path: Path, kind: str) -> None:
        try:
            header, rows = _read_tsv(path)
        except OSError as exc:
            raise BadGazetteerFile(f"{path}: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise BadGazetteerFile(f"{path}: not UTF-8 text") from exc
        source = {"city": "geonames", "facility": "curated"}.get(kind, "user")
        if header == EXTRACT_COLUMNS:
            for n, r in enumerate(rows, 2):
                if len(r) != len(EXTRACT_COLUMNS):
                    raise BadGazetteerFile(f"{path}:{n}: {len(r)} columns, expected {len(EXTRACT_COLUMNS)}")
                alts = tuple(a for a in r[9].split("|") if a)
                self._add(Entry(
                    name=r[1], lat=float(r[2]), lon=float(r[3]), country=r[4] or None,
                    admin1=r[5] or None, admin1_code=r[6] or None, kind=kind,
                    population=_int(r[7]), geonames_id=_int(r[0]), source=source,
                    feature=r[8] or None, reference=path.name, alternates=alts,
                ), alts)
        elif header == CURATED_COLUMNS:
            for n, r in enumerate(rows, 2):
                if len(r) != len(CURATED_COLUMNS):
                    raise BadGazetteerFile(f"{path}:{n}: {len(r)} columns, expected {len(CURATED_COLUMNS)}")
                alts = tuple(a for a in r[1].split("|") if a)
                admin1 = r[5] or None
                self._add(Entry(
                    name=r[0], lat=float(r[2]), lon=float(r[3]), country=r[4] or None,
                    admin1=admin1, admin1_code=self._admin1_codes.get(admin1) if admin1 else None,
                    kind=kind, population=None, geonames_id=None, source=source,
                    feature=r[6] or None, reference=r[7] or path.name, alternates=alts,
                ), alts)
        else:
            raise BadGazetteerFile(
                f"{path}: unknown columns (expected a GeoNames extract or a curated list)")


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer with the bundled files and the user's imported files, loaded once."""
    return Gazetteer.load()


# --------------------------------------------------------------------------- GeoNames import

#: feature classes and codes :func:`import_geonames` keeps
KEEP_CLASSES = frozenset({"P", "A"})
KEEP_S_CODES = frozenset({
    "AIRB", "AIRF", "AIRH", "AIRP", "AIRQ",  # air base, airfield, heliport, airport, abandoned airfield
    "MILB", "INSM", "NVB",  # military base, military installation, naval base
    "PRN",  # prison
    "DAM",  # dam
    "PSTB", "PSTC", "CSTM",  # border post, customs post, customs house
    "CMPRF",  # refugee camp
    "PS", "PSH", "OILR",  # power station, hydroelectric power station, oil refinery
    "BDG",  # bridge
    "HSP", "HSPC",  # hospital, clinic
    "ANS",  # archaeological / ancient site
})
_GEONAMES_FIELDS = 19


def _is_kept(fclass: str, fcode: str) -> bool:
    return fclass in KEEP_CLASSES or (fclass == "S" and fcode in KEEP_S_CODES)


def _parse_geonames_line(line: str) -> tuple[list[str] | None, str | None]:
    """(fields, None) for a well-formed line of the 19-column dump, else (None, reason)."""
    parts = line.split("\t")
    if len(parts) != _GEONAMES_FIELDS:
        return None, f"{len(parts)} fields, expected {_GEONAMES_FIELDS}"
    try:
        int(parts[0])
        lat, lon = float(parts[4]), float(parts[5])
        if parts[14].strip():
            int(parts[14])
    except ValueError as exc:
        return None, f"bad number ({exc})"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        return None, "coordinates out of range"
    if len(parts[6]) > 1 or (parts[8] and not re.fullmatch(r"[A-Z]{2}", parts[8])):
        return None, "bad feature class or country code"
    if not parts[1].strip():
        return None, "no name"
    return parts, None


def _dump_members(src: Path) -> Iterator[tuple[str, Iterator[str]]]:
    """(member name, its lines) for each text file of the dump: a .txt, or the .txt files of a
    .zip (its readme excepted).  Files are closed when the iteration ends."""
    if zipfile.is_zipfile(src):
        with zipfile.ZipFile(src) as zf:
            members = [m for m in zf.namelist()
                       if m.lower().endswith(".txt") and not Path(m).name.lower().startswith("readme")]
            if not members:
                raise BadGazetteerFile(f"{src}: the zip holds no GeoNames .txt file")
            for m in members:
                with zf.open(m) as fh:
                    yield m, io.TextIOWrapper(fh, encoding="utf-8", errors="replace", newline="")
        return
    with open(src, "rb") as fh:
        if b"\x00" in fh.read(4096):
            raise BadGazetteerFile(f"{src}: binary file")
    with open(src, encoding="utf-8", errors="replace", newline="") as fh:
        yield src.name, fh


def _scan(src: Path) -> Iterator[tuple[str, int, list[str] | None, str | None]]:
    """(member, line number, fields or None, reason) for every non-blank line; raises
    BadGazetteerFile when the first lines of a member hold no well-formed row."""
    for member, lines in _dump_members(src):
        good = 0
        seen = 0
        why: str | None = "empty"
        for n, line in enumerate(lines, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields, why = _parse_geonames_line(line)
            seen += 1
            good += fields is not None
            if seen == 10 and good == 0:
                raise BadGazetteerFile(f"{src}: {member}: none of its first lines is a GeoNames row ({why})")
            yield member, n, fields, why
        if good == 0:
            raise BadGazetteerFile(f"{src}: {member}: no GeoNames row ({why})")


@functools.cache
def _bundled_majors() -> dict[str, tuple[int, int]]:
    """key of main name -> (geonameid, population) of the bundled places of 15,000 or more."""
    _, rows = _read_tsv(_data_dir("gazetteer") / "geonames_sy.tsv")
    majors: dict[str, tuple[int, int]] = {}
    for r in rows:
        pop = _int(r[7]) or 0
        if pop >= REGIONAL_POPULATION:
            k = key(r[1])
            if k not in majors or majors[k][1] < pop:
                majors[k] = (int(r[0]), pop)
    return majors


def syria_admin1(lat: float, lon: float, geonames_admin1: str | None = None) -> str | None:
    """ISO code of the governorate of a Syrian point: by polygon, else by GeoNames' admin1 code."""
    return admin1_code_at(lat, lon) or GEONAMES_SY_ADMIN1.get(geonames_admin1 or "")


def import_geonames(src: Path | str, dest_dir: Path | str | None = None) -> ImportReport:
    """Import a GeoNames dump (a country file such as ``SY.txt``/``SY.zip`` or ``allCountries``,
    the standard 19 tab-separated columns) into a compact extract that :meth:`Gazetteer.load`
    reads: populated places (class P), administrative areas (class A) and the spots in
    :data:`KEEP_S_CODES` (air bases, airports, military bases, prisons, dams, border posts...).

    Syrian rows get their governorate by point in polygon (else from GeoNames' admin1 code);
    alternate names go through :func:`filter_alternates` (the GeoNames asciiname counts as one).
    A malformed line is counted and reported, not fatal; a file that is not a GeoNames dump raises
    :class:`~counterclaim.errors.BadGazetteerFile`.  The extract is written to ``dest_dir``
    (default ``user_dir()/gazetteer/``) as ``<name of the dump>.tsv``, replacing an earlier import
    of the same dump.
    """
    src = Path(src)
    if not src.is_file():
        raise BadGazetteerFile(f"{src}: no such file")
    dest_dir = Path(dest_dir) if dest_dir is not None else user_dir() / "gazetteer"
    # pass 1: main names of populous places, for the "another major place's name" rule
    majors = dict(_bundled_majors())
    for _, _, f, _ in _scan(src):
        if f is None or f[6] != "P" or not f[14].strip():
            continue
        pop = int(f[14])
        if pop >= REGIONAL_POPULATION:
            k = key(f[1])
            if k not in majors or majors[k][1] < pop:
                majors[k] = (int(f[0]), pop)
    forbidden = _country_keys()
    # pass 2: filter and write
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{src.name.split('.')[0] or 'geonames'}.tsv"
    tmp = dest.with_suffix(".tsv.part")
    rows = kept = skipped = malformed = unassigned = 0
    errors: list[str] = []
    countries: Counter[str] = Counter()
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        out.write(f"# counterclaim gazetteer extract v1: GeoNames (CC BY 4.0, www.geonames.org), "
                  f"imported from {src.name}\n")
        out.write("\t".join(EXTRACT_COLUMNS) + "\n")
        for member, n, f, why in _scan(src):
            if f is None:
                malformed += 1
                if len(errors) < 10:
                    errors.append(f"{member}:{n}: {why}")
                continue
            rows += 1
            if not _is_kept(f[6], f[7]):
                skipped += 1
                continue
            gid, lat, lon, cc = int(f[0]), float(f[4]), float(f[5]), f[8]
            pop = int(f[14]) if f[14].strip() else 0
            admin1 = code = ""
            if cc == "SY":
                c = syria_admin1(lat, lon, f[10])
                if c:
                    code, admin1 = c, GOVERNORATE_NAMES[c]
                else:
                    unassigned += 1
            alts = filter_alternates(f[1], [f[2], *f[3].split(",")], geonames_id=gid,
                                     population=pop, majors=majors, forbidden=forbidden)
            out.write("\t".join((
                str(gid), _clean(f[1]), f"{lat:.5f}", f"{lon:.5f}", cc, admin1, code,
                str(pop) if pop else "", f"{f[6]}.{f[7]}" if f[7] else f[6],
                "|".join(_clean(a) for a in alts),
            )) + "\n")
            kept += 1
            countries[cc] += 1
    os.replace(tmp, dest)
    return ImportReport(src, dest, rows, kept, skipped, malformed, tuple(errors),
                        dict(countries), unassigned)


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("|", " ").replace("\n", " ").strip()


@functools.cache
def _country_keys() -> frozenset[str]:
    """Keys of the country names and aliases in ``countries.tsv``."""
    header, rows = _read_tsv(_data_dir("gazetteer") / "countries.tsv")
    col = {c: i for i, c in enumerate(header)}
    names = [r[col["name"]] for r in rows] + [a for r in rows for a in r[col["aliases"]].split("|") if a]
    return frozenset(_keys(names))


def read_tsv_dicts(path: Path) -> list[dict[str, str]]:
    """Rows of a gazetteer TSV as dicts (for the build script and tests)."""
    header, rows = _read_tsv(path)
    return [dict(zip(header, r)) for r in rows]

