"""English words that several groups of :mod:`.en` share, written once here."""

from __future__ import annotations

#: the articles, the definite one first
ARTICLES = ("the", "a", "an")
THE = ARTICLES[0]
