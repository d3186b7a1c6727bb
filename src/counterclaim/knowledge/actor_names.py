"""How actor mentions are normalised before the registry compares them: tokens folded (case,
accents, apostrophes, hyphens, acronym dots, the Arabic article), spelling variants unified,
"Ministry of Defence" turned into "Defence Ministry" and "Russia's X" into "Russian X"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .lexicon import DEFAULT_LANGUAGE, Lexicon, lexicon_for
from .lexicon.groups_resolve import ActorWords


_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼʻ`´′"})
#: a word, with inner apostrophes or dots ("Hay'at", "U.S.") and a possessive ("Russia's",
#: "Workers'"); or a comma, kept so that a surname after a comma still counts as a name start
_TOKEN = re.compile(r"[^\W_]+(?:['.][^\W_]+)*\.?(?:'s?)?|,", re.I)
_PAREN = re.compile(r"\(([^()]*)\)")
_HYPHENS = "-‐‑"

@cache
def _country_lengths(words: ActorWords) -> tuple[int, ...]:
    """The lengths (in tokens) of the country names, longest first."""
    return tuple(sorted({len(k) for k in words.countries}, reverse=True))


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


def _words(text: str, start: int, end: int, words: ActorWords, vocab: frozenset[str] = frozenset()) -> list[Tok]:
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
        norm = words.spelling.get(norm, norm)
        if vocab and norm.endswith("s") and norm not in vocab and norm[:-1] in vocab:
            # a possessive whose apostrophe was lost ("SANAs", "Assads", "Peoples Protection
            # Units", as in FA-KES): only when no alias has the word with its "s"
            norm, raw, possessive = norm[:-1], raw[:-1], True
        hyphen = m.end() < len(text) and text[m.end()] in _HYPHENS
        if norm in words.articles:
            continue
        if norm in words.arabic_articles or (hyphen and norm in words.arabic_articles_hyphen):
            article = m.start() if article is None else article  # part of the next word's span
            continue
        out.append(Tok(norm, raw, m.start() if article is None else article, m.end(), possessive))
        article = None
    return out


def _rewrite(toks: list[Tok], words: ActorWords) -> list[Tok]:
    """Leading "so-called", country possessives and "of"-phrases, fixed phrases."""
    while toks and toks[0].norm == ",":
        toks = toks[1:]
    changed = True
    while changed:
        changed = False
        for lead in words.leading:
            if tuple(t.norm for t in toks[: len(lead)]) == lead and len(toks) > len(lead):
                toks, changed = toks[len(lead) :], True
    while toks and toks[-1].norm == ",":
        toks = toks[:-1]
    toks = _country_possessive(toks, words)
    toks = _reorder_of(toks, words)
    toks = _country_suffix(toks, words)
    for old, new in words.phrases:
        toks = _replace_phrase(toks, old, new)
    return toks


def _country_at(toks: list[Tok], i: int, words: ActorWords, *, ending: bool) -> int:
    """Length of a country name ending (or starting) at ``i``, 0 if none."""
    for n in _country_lengths(words):
        seg = toks[i - n + 1 : i + 1] if ending else toks[i : i + n]
        if len(seg) == n and tuple(t.norm for t in seg) in words.countries:
            return n
    return 0


def _merged(seg: list[Tok], norm: str) -> Tok:
    return Tok(norm, norm, min(t.start for t in seg), max(t.end for t in seg))


def _country_possessive(toks: list[Tok], words: ActorWords) -> list[Tok]:
    """"Russia's Defense Ministry" -> "russian defence ministry" (not a final "Russia's")."""
    i = 0
    while i < len(toks) - 1:
        if toks[i].possessive and toks[i + 1].norm != ",":
            n = _country_at(toks, i, words, ending=True)
            if n:
                seg = toks[i - n + 1 : i + 1]
                demonym = words.countries[tuple(t.norm for t in seg)]
                toks = toks[: i - n + 1] + [_merged(seg, demonym)] + toks[i + 1 :]
                i -= n - 1
        i += 1
    return toks


def _reorder_of(toks: list[Tok], words: ActorWords) -> list[Tok]:
    """"ministry of defence of russia" -> "defence ministry of russia"."""
    i = 0
    while i < len(toks) - 2:
        if toks[i].norm in words.reorder_heads and toks[i + 1].norm == words.of:
            j = k = i + 2
            while k < len(toks) and toks[k].norm not in (words.of, ","):
                k += 1
            if k > j and _country_at(toks, j, words, ending=False) != k - j:  # not "Ministry of Russia"
                toks = toks[:i] + toks[j:k] + [toks[i]] + toks[k:]
                i += k - j  # the head's new place
        i += 1
    return toks


def _country_suffix(toks: list[Tok], words: ActorWords) -> list[Tok]:
    """"defence ministry of russia" -> "russian defence ministry", "armed forces of the Russian
    Federation" -> "russian armed forces": the demonym goes before the words since the last
    "of" or comma."""
    i = 1
    while i < len(toks) - 1:
        if toks[i].norm == words.of and toks[i - 1].norm in words.institutions:
            n = _country_at(toks, i + 1, words, ending=False)
            end = i + 1 + n
            if n and (end == len(toks) or toks[end].norm in (",", words.of)):
                seg = toks[i + 1 : end]
                demonym = _merged(seg, words.countries[tuple(t.norm for t in seg)])
                s = i - 1
                while s > 0 and toks[s - 1].norm not in (words.of, ","):
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


def tokens(text: str, words: ActorWords, vocab: frozenset[str] = frozenset()) -> tuple[list[Tok], list[list[Tok]]]:
    """The mention's tokens without its parentheticals, and each parenthetical's tokens, folded
    with ``words`` (the lexicon's actor words).  ``vocab``: the words of the registry's aliases
    (see :func:`_words`)."""
    text = text.translate(_APOSTROPHES)
    parens = [(m.start(1), m.end(1)) for m in _PAREN.finditer(text)]
    main: list[Tok] = []
    pos = 0
    for s, e in parens:
        main += _words(text, pos, s - 1, words, vocab)
        pos = e + 1
    main += _words(text, pos, len(text), words, vocab)
    return _rewrite(main, words), [_rewrite(_words(text, s, e, words, vocab), words) for s, e in parens]


def normalise(text: str, lex: Lexicon | None = None) -> str:
    """The folded form the registry compares ("Russia’s Defense Ministry" -> "russian defence
    ministry"), with the actor words of ``lex`` (the default language's when None); for tests and debugging."""
    return " ".join(t.norm for t in tokens(text, (lex or lexicon_for(DEFAULT_LANGUAGE)).actors)[0])


__all__ = ["Tok", "normalise", "tokens"]
