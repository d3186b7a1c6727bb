"""counterclaim: a ledger of who claims what happened in conflict reporting.

Library first: ``extract`` reads one article, :class:`Extractor` reads many, a :class:`Ledger`
(from :func:`open_ledger`) stores them.  The ``counterclaim`` command is a thin layer over these.

>>> from counterclaim import extract
>>> claims = extract(text, published="2017-02-07", outlet="Press TV")   # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Claim, Document, RawRecord

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .pipeline import Extractor
    from .ledger import Ledger, open_ledger

_default: Extractor | None = None


def extract(text: str, published: str | None = None, outlet: str | None = None, *, title: str | None = None) -> list[Claim]:
    """The claims of one article's text.  The spaCy pipeline loads on the first call."""
    global _default
    from .read.clean import to_document
    from .pipeline import Extractor

    if _default is None:
        _default = Extractor()
    document = to_document(RawRecord(raw=text, published=published, outlet=outlet, title=title), _default.lexicon(None))
    return _default.extract_document(document)


def __getattr__(name: str) -> object:
    # heavy modules (spaCy) load only when asked for
    if name in ("Ledger", "open_ledger"):
        from . import ledger

        return getattr(ledger, name)
    if name == "Extractor":
        from .pipeline import Extractor

        return Extractor
    raise AttributeError(name)


__all__ = ["Claim", "Document", "Extractor", "Ledger", "RawRecord", "__version__", "extract", "open_ledger"]
