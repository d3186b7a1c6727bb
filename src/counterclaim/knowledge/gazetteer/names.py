"""How place names are compared: :func:`key` (case, diacritics, apostrophes and hyphens folded),
:func:`skeleton` (the variant key every transliteration of a name folds to) and :func:`variants`
(the spellings generated from a name); and which GeoNames alternate names are kept."""

from __future__ import annotations

import itertools
from collections import Counter
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

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


def name_keys(names: Sequence[str]) -> list[str]:
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
    return name_keys([name])[0]


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
        (r"(?<=[a-z][iu]n)e(?![a-z])", ""),  # Azmarine -> Azmarin, a French silent e after -in/-un
        (r"(?<=[bcdfghjklmnpqrstvwxz])y(?![a-z])", "i"),  # Kamishly -> Kamishli
        (r"(?<=[a-z]{2})e(?![a-z])", "a"),  # Hasake -> Hasaka
        (r"iya(?![a-z])", "ia"),  # Latakiya -> Latakia
        (r"e", "i"),  # Idleb -> Idlib
        (r"o", "u"),  # Tadmor -> Tadmur
        (r" ", ""),  # hyphen vs space vs nothing
        (r"([a-z])\1+", r"\1"),  # Raqqa -> Raqa, Hassakeh -> Hasakeh (also across words)
    )
)


def fold(keys_text: str) -> str:
    """The skeleton pipeline over key-form text (names separated by newlines)."""
    s = _ART_RE.sub("", keys_text)
    s = _GLUED_RE.sub("", s)
    s = _WORD_RE.sub(lambda m: _WORD_FOLD[m.group(0)], s)
    for pattern, repl in _CHAR_STEPS:
        s = pattern.sub(repl, s)
    return s


def skeletons(keys: Sequence[str]) -> list[str]:
    if not keys:
        return []
    return fold("\n".join(keys)).split("\n")


def skeleton(name: str) -> str:
    """The variant key: :func:`key`, then the Arabic article dropped (standalone or glued),
    whole-word spellings folded (Deir/Dayr/Der, Zor/Zour/Zawr, Sheikh/Shaykh, Tell/Tal, Abu/Bu,
    Ain/Ayn, Beit/Bayt, Jebel/Jabal, Kafr/Kfar), then letters folded (kh/ch -> h, gh -> g, q -> k,
    ou/aw -> u, ei/ey/ai -> ay, a silent final e after -in/-un dropped, final -y -> -i,
    final -ah/-eh/-e -> -a, -iya -> -ia, e -> i, o -> u, doubled
    letters single) and spaces removed.  "Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour" and
    "Deir Ezzor" all give "dayrzur"."""
    return fold(key(name))


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
    # a French silent final e after -in/-un (Azmarine, Azmarin); a final -y for -i (Kamishly)
    if re.search(r"[a-z][iu]ne$", word):
        subs.append(word[:-1])
    elif re.search(r"[a-z][iu]n$", word):
        subs.append(word + "e")
    if re.search(r"[bcdfghjklmnpqrstvwxz]y$", word):
        subs.append(word[:-1] + "i")
    elif re.search(r"[bcdfghjklmnpqrstvwxz]i$", word):
        subs.append(word[:-1] + "y")
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
    target = fold(k)
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
    extra = {target} if fold(target) == target else set()
    for budget in (1, 2):
        for combo in _combos(slots, budget):
            v = _SPACES.sub(" ", "".join(combo)).strip()
            if v in seen or not v:
                continue
            seen.add(v)
            if fold(v) == target:
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


def is_latin(text: str) -> bool:
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
    if not is_latin(alt):
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
    if fold(k) in _AMBIGUOUS_SKELETONS:
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
    keys = name_keys([name, *alts])
    # how many distinct spellings of this place share each skeleton: a name attested in two or
    # more (Sidon: "Saida", "Sayda") is this place's own, whatever other city bears it
    attested = Counter(skeletons(sorted(set(keys))))
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
            if other and other[0] != geonames_id and attested[fold(k)] < 2 and (
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




__all__ = [
    "MAJOR_POPULATION", "MAX_VARIANTS", "REGIONAL_POPULATION", "alternate_rejection", "filter_alternates", "is_latin",
    "key", "name_keys", "skeleton", "skeletons", "variants",
]
