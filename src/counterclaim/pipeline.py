"""The extractor: read → clean → NLP → claims, one way, for a stream of inputs.

:class:`Extractor` holds the heavy resource (the spaCy pipeline, passed in or loaded once) and
turns a stream of :class:`RawRecord` / :class:`InputError` items into a stream of
:class:`Result` items, in input order.  Texts go through ``nlp.pipe`` in batches; a bad input
becomes a ``Result`` with its error and never stops the stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from .claims import extract_claims
from .clean import to_document
from .errors import EmptyInput, InputError
from .model import Claim, Document, RawRecord
from .nlp import DEFAULT_MODEL, add_components, load_pipeline


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one input: a document and its claims, or the error that stopped it."""

    label: str
    document: Document | None = None
    claims: tuple[Claim, ...] = ()
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Extractor:
    """Extracts claims from articles.  ``nlp`` may be given (tests, benchmarks) or is loaded
    from ``model`` on first use."""

    def __init__(self, nlp: Language | None = None, *, model: str = DEFAULT_MODEL, batch_size: int = 16) -> None:
        self._nlp = add_components(nlp) if nlp is not None else None
        self.model = model
        self.batch_size = batch_size

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    def extract_document(self, document: Document) -> list[Claim]:
        """Claims of one already cleaned document."""
        return extract_claims(self.nlp(document.text), document)

    def run(self, items: Iterable[RawRecord | InputError]) -> Iterator[Result]:
        """Clean, parse and read every record; errors pass through as results, in order."""
        pending: list[Result] = []

        def cleaned() -> Iterator[tuple[str, Result]]:
            for item in items:
                if isinstance(item, InputError):
                    pending.append(Result(item.source, error=item))
                    continue
                try:
                    document = to_document(item)
                except InputError as exc:
                    pending.append(Result(item.label, error=exc))
                    continue
                if not document.text.strip():
                    pending.append(Result(item.label, error=EmptyInput(item.label, "no text left after cleaning")))
                    continue
                yield document.text, Result(item.label, document=document)

        for doc, result in self.nlp.pipe(cleaned(), as_tuples=True, batch_size=self.batch_size):
            # errors met while the batch was being gathered come out first, in input order
            while pending:
                yield pending.pop(0)
            assert result.document is not None
            yield Result(result.label, document=result.document, claims=tuple(extract_claims(doc, result.document)))
        while pending:
            yield pending.pop(0)
