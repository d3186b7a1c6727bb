"""The extractor: read → clean → NLP → claims → resolve, one way, for a stream of inputs.

:class:`Extractor` holds the heavy resource (the spaCy pipeline, passed in or loaded once) and
turns a stream of :class:`RawRecord` / :class:`InputError` items into a stream of
:class:`Result` items, in input order.  Texts go through ``nlp.pipe`` in batches; a bad input
becomes a ``Result`` with its error and never stops the stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .extraction.claims import extract_claims
from .read.clean import to_document
from .resolve.main_event import with_main_event
from .resolve.stage import Resources, resolve_claims, resolve_document
from .errors import EmptyInput, InputError, UnknownLanguage, UnsupportedLanguage
from .knowledge.lexicon import Lexicon
from .model import Claim, Document, RawRecord
from .extraction.nlp import DEFAULT_MODEL, add_components, load_pipeline, make_doc


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
    from ``model`` on first use.  ``resources`` (the gazetteer, the actor registry and the
    lexicons) are handed to every stage; the bundled ones when none are given.  Each document
    carries this extractor's gazetteer and its language's lexicon into the pipeline
    (:func:`~counterclaim.extraction.nlp.make_doc`): the place matcher is built from
    ``resources.gazetteer``, and two extractors sharing one pipeline never interfere."""

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        model: str = DEFAULT_MODEL,
        batch_size: int = 16,
        resolve: bool = True,
        resources: Resources | None = None,
    ) -> None:
        self._nlp = add_components(nlp) if nlp is not None else None
        self.model = model
        self.batch_size = batch_size
        self.resolve = resolve
        self._resources = resources

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline with counterclaim's rule components (loaded on first use).  Its
        documents must carry their resources: parse with :meth:`parse`."""
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    @property
    def resources(self) -> Resources:
        if self._resources is None:
            self._resources = Resources.default()
        return self._resources

    def lexicon(self, language: str | None) -> Lexicon:
        """The lexicon of ``language`` (the default language's when None)."""
        return self.resources.lexicon(language or "en")

    def doc(self, text: str, language: str | None = None) -> Doc:
        """``text`` ready for the pipeline: tokenised, carrying this extractor's gazetteer and
        the lexicon of ``language`` (the default language's when None)."""
        return make_doc(self.nlp, text, self.resources, self.lexicon(language))

    def parse(self, text: str, language: str | None = None) -> Doc:
        """``text`` through the whole pipeline, read with this extractor's resources."""
        return self.nlp(self.doc(text, language))

    def extract_document(self, document: Document) -> list[Claim]:
        """Claims of one already cleaned document (resolved unless ``resolve=False``)."""
        return self._finish(self.parse(document.text, document.language), document)[1]

    def _finish(self, doc: Doc, document: Document) -> tuple[Document, list[Claim]]:
        lex = self.lexicon(document.language)
        claims = extract_claims(doc, document, lex)
        if not self.resolve:
            return document, claims
        document = resolve_document(document, lex)
        claims = resolve_claims(document, claims, self.resources)
        return with_main_event(document, claims), claims

    def run(self, items: Iterable[RawRecord | InputError]) -> Iterator[Result]:
        """Clean, parse and read every record; errors pass through as results, in order."""
        pending: list[Result] = []
        nlp = self.nlp

        def cleaned() -> Iterator[tuple[Doc, Result]]:
            for item in items:
                if isinstance(item, InputError):
                    pending.append(Result(item.source, error=item))
                    continue
                try:
                    document = to_document(item, self._record_lexicon(item))
                except InputError as exc:
                    pending.append(Result(item.label, error=exc))
                    continue
                if not document.text.strip():
                    pending.append(Result(item.label, error=EmptyInput(item.label, "no text left after cleaning")))
                    continue
                yield self.doc(document.text, document.language), Result(item.label, document=document)

        for doc, result in nlp.pipe(cleaned(), as_tuples=True, batch_size=self.batch_size):
            # errors met while the batch was being gathered come out first, in input order
            while pending:
                yield pending.pop(0)
            assert result.document is not None
            document, claims = self._finish(doc, result.document)
            yield Result(result.label, document=document, claims=tuple(claims))
        while pending:
            yield pending.pop(0)

    def _record_lexicon(self, record: RawRecord) -> Lexicon:
        """The lexicon of a record's language; a language without one is an input error."""
        try:
            return self.lexicon(record.language)
        except UnknownLanguage as exc:
            raise UnsupportedLanguage(record.label, exc.detail) from None
