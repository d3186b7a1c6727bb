"""How actor mentions are normalised before the registry compares them: tokens folded (case,
accents, apostrophes, hyphens, acronym dots, the Arabic article), spelling variants unified,
"Ministry of Defence" turned into "Defence Ministry" and "Russia's X" into "Russian X"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼʻ`´′"})
#: a word, with inner apostrophes or dots ("Hay'at", "U.S.") and a possessive ("Russia's",
#: "Workers'"); or a comma, kept so that a surname after a comma still counts as a name start
_TOKEN = re.compile(r"[^\W_]+(?:['.][^\W_]+)*\.?(?:'s?)?|,", re.I)
_PAREN = re.compile(r"\(([^()]*)\)")
_HYPHENS = "-‐‑"

_SPELLING = {
    "defense": "defence", "defenses": "defences", "organization": "organisation",
    "organizations": "organisations", "center": "centre", "centers": "centres",
}
_ARTICLES = frozenset({"the", "a", "an"})
#: the Arabic article: "al"/"el" anywhere ("Al Jazeera", "al-Nusra"), the assimilated forms
#: only when written with a hyphen ("ash-Sham", "as-Suwayda", "an-Nusra")
_ARABIC_ALWAYS = frozenset({"al", "el"})
_ARABIC_HYPHEN = frozenset({"an", "ash", "as", "ad", "ar", "at", "az", "ath", "ul"})
_LEADING = (("so", "called"), ("socalled",), ("self", "styled"), ("self", "proclaimed"))

#: country names and their demonym, for "Russia's X" and "X of the Russian Federation"
COUNTRIES: dict[tuple[str, ...], str] = {
    ("russia",): "russian", ("russian", "federation"): "russian",
    ("syria",): "syrian", ("syrian", "arab", "republic"): "syrian",
    ("turkey",): "turkish", ("turkiye",): "turkish",
    ("iran",): "iranian", ("israel",): "israeli", ("iraq",): "iraqi", ("lebanon",): "lebanese",
    ("us",): "us", ("usa",): "us", ("united", "states"): "us", ("america",): "american",
    ("uk",): "british", ("britain",): "british", ("great", "britain"): "british",
    ("united", "kingdom"): "british", ("france",): "french",
}
_COUNTRY_LENGTHS = sorted({len(k) for k in COUNTRIES}, reverse=True)
#: heads that take the country after "of": "Ministry of Defence of Russia", "Armed Forces of
#: the Russian Federation", "Government of Syria"
_INSTITUTIONS = frozenset(
    """ministry forces force army government authorities navy military department president
    presidency embassy parliament staff command officials""".split()
)
#: "Ministry of X" -> "X Ministry"
_REORDER_HEADS = frozenset({"ministry", "department"})
_PHRASES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("foreign", "affairs", "ministry"), ("foreign", "ministry")),
    (("united", "nations"), ("un",)),  # not "United States" -> "us": that is a pronoun
)

#: "X-backed Y": X qualifies Y, it is not the one named
QUALIFIERS = frozenset(
    """backed led based supported allied affiliated linked funded trained run armed sponsored
    aligned held controlled occupied made style inspired loyal""".split()
)
PRO = frozenset({"pro", "anti"})
#: words that make a mention a person speaking for the organisation it names
ROLES = frozenset(
    """spokesman spokeswoman spokesperson minister official chief head commander officer general
    colonel director representative envoy ambassador secretary deputy""".split()
)
#: words that may stand right before a bare surname ("spokesman Konashenkov")
TITLES = frozenset(
    """major minor lieutenant general colonel col lt gen maj brig brigadier captain capt commander
    admiral marshal sergeant spokesman spokeswoman spokesperson minister president sheikh sayyed
    dr mr ms mrs chief deputy ambassador envoy official secretary press director head leader
    founder chairman chair premier prime emir king foreign defence by from said says""".split()
)


@dataclass(slots=True)
class Tok:
    norm: str  # folded: casefold, no accents, spelling unified
    raw: str  # as written, minus possessive, dots and apostrophes (for cased aliases)
    start: int
    end: int
    possessive: bool = False


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold()


def _words(text: str, start: int, end: int, vocab: frozenset[str] = frozenset()) -> list[Tok]:
    out: list[Tok] = []
    article: int | None = None
    for m in _TOKEN.finditer(text, start, end):
        w = m.group()
        if w == ",":
            out.append(Tok(",", ",", m.start(), m.end()))
            continue
        possessive = False
        low = w.lower()
        if low.endswith("'s") and len(w) > 2:
            w, possessive = w[:-2], True
        elif w.endswith("'"):
            w, possessive = w[:-1], True
        raw = w.replace("'", "").replace(".", "")
        if not raw:
            continue
        norm = _fold(raw)
        norm = _SPELLING.get(norm, norm)
        if vocab and norm.endswith("s") and norm not in vocab and norm[:-1] in vocab:
            # a possessive whose apostrophe was lost ("SANAs", "Assads", "Peoples Protection
            # Units", as in FA-KES): only when no alias has the word with its "s"
            norm, raw, possessive = norm[:-1], raw[:-1], True
        hyphen = m.end() < len(text) and text[m.end()] in _HYPHENS
        if norm in _ARTICLES:
            continue
        if norm in _ARABIC_ALWAYS or (hyphen and norm in _ARABIC_HYPHEN):
            article = m.start() if article is None else article  # part of the next word's span
            continue
        out.append(Tok(norm, raw, m.start() if article is None else article, m.end(), possessive))
        article = None
    return out


def _rewrite(toks: list[Tok]) -> list[Tok]:
    """Leading "so-called", country possessives and "of"-phrases, fixed phrases."""
    while toks and toks[0].norm == ",":
        toks = toks[1:]
    changed = True
    while changed:
        changed = False
        for lead in _LEADING:
            if tuple(t.norm for t in toks[: len(lead)]) == lead and len(toks) > len(lead):
                toks, changed = toks[len(lead) :], True
    while toks and toks[-1].norm == ",":
        toks = toks[:-1]
    toks = _country_possessive(toks)
    toks = _reorder_of(toks)
    toks = _country_suffix(toks)
    for old, new in _PHRASES:
        toks = _replace_phrase(toks, old, new)
    return toks


def _country_at(toks: list[Tok], i: int, *, ending: bool) -> int:
    """Length of a country name ending (or starting) at ``i``, 0 if none."""
    for n in _COUNTRY_LENGTHS:
        seg = toks[i - n + 1 : i + 1] if ending else toks[i : i + n]
        if len(seg) == n and tuple(t.norm for t in seg) in COUNTRIES:
            return n
    return 0


def _merged(seg: list[Tok], norm: str) -> Tok:
    return Tok(norm, norm, min(t.start for t in seg), max(t.end for t in seg))


def _country_possessive(toks: list[Tok]) -> list[Tok]:
    """"Russia's Defense Ministry" -> "russian defence ministry" (not a final "Russia's")."""
    i = 0
    while i < len(toks) - 1:
        if toks[i].possessive and toks[i + 1].norm != ",":
            n = _country_at(toks, i, ending=True)
            if n:
                seg = toks[i - n + 1 : i + 1]
                demonym = COUNTRIES[tuple(t.norm for t in seg)]
                toks = toks[: i - n + 1] + [_merged(seg, demonym)] + toks[i + 1 :]
                i -= n - 1
        i += 1
    return toks


def _reorder_of(toks: list[Tok]) -> list[Tok]:
    """"ministry of defence of russia" -> "defence ministry of russia"."""
    i = 0
    while i < len(toks) - 2:
        if toks[i].norm in _REORDER_HEADS and toks[i + 1].norm == "of":
            j = k = i + 2
            while k < len(toks) and toks[k].norm not in ("of", ","):
                k += 1
            if k > j and _country_at(toks, j, ending=False) != k - j:  # not "Ministry of Russia"
                toks = toks[:i] + toks[j:k] + [toks[i]] + toks[k:]
                i += k - j  # the head's new place
        i += 1
    return toks


def _country_suffix(toks: list[Tok]) -> list[Tok]:
    """"defence ministry of russia" -> "russian defence ministry", "armed forces of the Russian
    Federation" -> "russian armed forces": the demonym goes before the words since the last
    "of" or comma."""
    i = 1
    while i < len(toks) - 1:
        if toks[i].norm == "of" and toks[i - 1].norm in _INSTITUTIONS:
            n = _country_at(toks, i + 1, ending=False)
            end = i + 1 + n
            if n and (end == len(toks) or toks[end].norm in (",", "of")):
                seg = toks[i + 1 : end]
                demonym = _merged(seg, COUNTRIES[tuple(t.norm for t in seg)])
                s = i - 1
                while s > 0 and toks[s - 1].norm not in ("of", ","):
                    s -= 1
                toks = toks[:s] + [demonym] + toks[s:i] + toks[end:]
        i += 1
    return toks


def _replace_phrase(toks: list[Tok], old: tuple[str, ...], new: tuple[str, ...]) -> list[Tok]:
    n = len(old)
    i = 0
    while i <= len(toks) - n:
        if tuple(t.norm for t in toks[i : i + n]) == old:
            seg = toks[i : i + n]
            toks = toks[:i] + [_merged(seg, w) for w in new] + toks[i + n :]
            i += len(new)
        else:
            i += 1
    return toks


def tokens(text: str, vocab: frozenset[str] = frozenset()) -> tuple[list[Tok], list[list[Tok]]]:
    """The mention's tokens without its parentheticals, and each parenthetical's tokens.
    ``vocab``: the words of the registry's aliases (see :func:`_words`)."""
    text = text.translate(_APOSTROPHES)
    parens = [(m.start(1), m.end(1)) for m in _PAREN.finditer(text)]
    main: list[Tok] = []
    pos = 0
    for s, e in parens:
        main += _words(text, pos, s - 1, vocab)
        pos = e + 1
    main += _words(text, pos, len(text), vocab)
    return _rewrite(main), [_rewrite(_words(text, s, e, vocab)) for s, e in parens]


def normalise(text: str) -> str:
    """The folded form the registry compares ("Russia’s Defense Ministry" -> "russian defence
    ministry"); for tests and debugging."""
    return " ".join(t.norm for t in tokens(text)[0])


__all__ = ["COUNTRIES", "PRO", "QUALIFIERS", "ROLES", "TITLES", "Tok", "normalise", "tokens"]
