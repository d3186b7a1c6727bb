"""The resources every stage consults, loaded once and passed in: the gazetteer places are
resolved against, the actor registry names are matched against, and the lexicon of each
language the stages read with.

Stages never load these themselves: the entry points (:class:`~counterclaim.pipeline.Extractor`,
the exports, the web app, the command line) take a :class:`Resources` and hand it down, and
only they fall back on :meth:`Resources.default` (the bundled files) when given none.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actors import Registry, default_registry
from .gazetteer import Gazetteer, default_gazetteer
from .lexicon import LANGUAGES, Lexicon, lexicon_for


@dataclass(frozen=True)
class Resources:
    gazetteer: Gazetteer
    registry: Registry
    #: the lexicons the stages read with, one per language; a language not among them is read
    #: with its bundled lexicon
    lexicons: tuple[Lexicon, ...] = ()

    @classmethod
    def default(cls) -> Resources:
        """The bundled gazetteer (with the user's imports), actor registry and lexicons, each
        loaded once."""
        return cls(default_gazetteer(), default_registry(), tuple(lexicon_for(code) for code in LANGUAGES))

    def lexicon(self, language: str) -> Lexicon:
        """The lexicon of ``language`` (an ISO 639-1 code).  Raises
        :class:`~counterclaim.errors.UnknownLanguage` when there is none."""
        for lex in self.lexicons:
            if lex.language == language:
                return lex
        return lexicon_for(language)


__all__ = ["Resources"]
