"""The resources every stage consults, loaded once and passed in: the gazetteer places are
resolved against and the actor registry names are matched against.

Stages never load these themselves: the entry points (:class:`~counterclaim.pipeline.Extractor`,
the exports, the web app, the command line) take a :class:`Resources` and hand it down, and
only they fall back on :meth:`Resources.default` (the bundled files) when given none.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actors import Registry, default_registry
from .gazetteer import Gazetteer, default_gazetteer


@dataclass(frozen=True)
class Resources:
    gazetteer: Gazetteer
    registry: Registry

    @classmethod
    def default(cls) -> Resources:
        """The bundled gazetteer (with the user's imports) and actor registry, each loaded once."""
        return cls(default_gazetteer(), default_registry())


__all__ = ["Resources"]
