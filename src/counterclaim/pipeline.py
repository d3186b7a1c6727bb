"""The extractor: read → clean → NLP → claims → resolve, one way, for a stream of inputs.

:class:`Extractor` holds the heavy resource (the spaCy pipeline, passed in or loaded once) and
turns a stream of :class:`RawRecord` / :class:`InputError` items into a stream of
:class:`Result` items, in input order.  Texts go through ``nlp.pipe`` in batches; a bad input
becomes a ``Result`` with its error and never stops the stream.

A text's language is its metadata's (as an ISO 639-1 code: "EN-GB" is "en"), else the one the
script of its letters names (Arabic script: "ar"; :mod:`.read.language`), else English.  A
language no lexicon reads is one :class:`~counterclaim.errors.UnsupportedLanguage` input error
(the document is not stored, so it can be read once a lexicon for it exists).

A document the caller already has (``known``, e.g. the ledger's ``has_document``) is cleaned,
its id looked up, and not read again (:attr:`Result.known`).

A text longer than spaCy takes at once is parsed in sections of at most
:data:`SECTION_CHARS` characters, cut at paragraph or sentence ends, and joined into one parse,
so every offset still points into the whole text.  Each document has a time budget
(``time_budget`` seconds for each :data:`SECTION_CHARS` characters of it, a shorter one getting
as much as that; about eight times what reading takes): once it is spent, reading stops, and
the document keeps the claims read so far with a note saying where reading stopped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Final, Literal

from spacy.language import Language
from spacy.tokens import Doc

from .extraction.budget import Budget
from .extraction.claims import extract_claims
from .read.clean import to_document
from .read.language import language_code, script_language
from .read.lines import BIDI_CONTROLS
from .resolve.main_event import with_main_event
from .resolve.stage import Resources, resolve_claims, resolve_document
from .errors import EmptyInput, InputError, UnknownLanguage, UnsupportedLanguage
from .knowledge.lexicon import Lexicon
from .model import Claim, Document, RawRecord
from .extraction.nlp import DEFAULT_MODEL, RESOURCES_KEY, add_components, load_pipeline, make_doc

#: A text longer than this is parsed in sections of at most this many characters.
SECTION_CHARS: Final[int] = 100_000
#: Seconds of reading each document gets by default, per SECTION_CHARS characters.
DEFAULT_TIME_BUDGET: Final[float] = 120.0
#: Where a long text may be cut into sections, best first: a blank line, a line end, a sentence end.
_CUTS: Final = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s+"), re.compile(r"\s+"))
_BIDI_RE: Final = re.compile("[" + "".join(chr(c) for c in sorted(BIDI_CONTROLS)) + "]")
#: How a document goes through :meth:`Extractor.run`: parsed in one go, in sections, or not read.
Mode = Literal["whole", "sections", "unread"]



@dataclass(frozen=True, slots=True)
class Result:
    """What became of one input: a document and its claims, or the error that stopped it.

    ``known``: the caller already had the document (see ``Extractor.run``), so it was not read
    again and ``claims`` is empty."""

    label: str
    document: Document | None = None
    claims: tuple[Claim, ...] = ()
    error: InputError | None = None
    known: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Prepared:
    """A cleaned document on its way to be read: its result so far, and how it is to be read
    (in one go, in sections, or not at all: the caller already has it)."""

    result: Result
    mode: Mode


class Extractor:
    """Extracts claims from articles.  ``nlp`` may be given (tests, benchmarks) or is loaded
    from ``model`` on first use.  ``resources`` (the gazetteer, the actor registry and the
    lexicons) are handed to every stage; the bundled ones when none are given.  Each document
    carries this extractor's gazetteer and its language's lexicon into the pipeline
    (:func:`~counterclaim.extraction.nlp.make_doc`): the place matcher is built from
    ``resources.gazetteer``, and two extractors sharing one pipeline never interfere.
    ``time_budget``: seconds of reading per document, or per :data:`SECTION_CHARS` characters of
    a longer one (None: no limit)."""

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        model: str = DEFAULT_MODEL,
        batch_size: int = 16,
        resolve: bool = True,
        resources: Resources | None = None,
        time_budget: float | None = DEFAULT_TIME_BUDGET,
    ) -> None:
        self._nlp = add_components(nlp) if nlp is not None else None
        self.model = model
        self.batch_size = batch_size
        self.resolve = resolve
        self._resources = resources
        #: the resources the caller gave (None: the bundled ones), for worker processes
        self.custom_resources = resources
        self.time_budget = time_budget

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
        budget = self._budget(document.text)
        return self._finish(self._parse(document.text, document.language, budget), document, budget)[1]

    def _budget(self, text: str) -> Budget:
        if self.time_budget is None:
            return Budget(None)
        return Budget(self.time_budget * max(1.0, len(text) / SECTION_CHARS))

    def _section_chars(self) -> int:
        return min(SECTION_CHARS, self.nlp.max_length)

    def _parse(self, text: str, language: str | None, budget: Budget) -> Doc:
        """``text`` parsed in one go, or in sections when it is long; sections stop being
        parsed when the budget is spent (the parse then covers the start of the text)."""
        if len(text) <= self._section_chars():
            return self.parse(text, language)
        docs: list[Doc] = []
        for start, end in sections(text, self._section_chars()):
            if budget.spent():
                budget.stop(start)
                break
            doc = self.parse(text[start:end], language)
            doc.user_data.pop(RESOURCES_KEY, None)  # read by the components only; not merged
            docs.append(doc)
        return Doc.from_docs(docs, ensure_whitespace=False) if docs else self.nlp.make_doc("")

    def _finish(self, doc: Doc, document: Document, budget: Budget) -> tuple[Document, list[Claim]]:
        lex = self.lexicon(document.language)
        claims = extract_claims(doc, document, lex, budget)
        note = budget.note(len(document.text))
        if note is not None:
            document = replace(document, warnings=document.warnings + (note,))
        if not self.resolve:
            return document, claims
        document = resolve_document(document, lex)
        claims = resolve_claims(document, claims, self.resources)
        return with_main_event(document, claims), claims

    def run(self, items: Iterable[RawRecord | InputError], *,
            known: Callable[[str], bool] | None = None) -> Iterator[Result]:
        """Clean, parse and read every record; errors pass through as results, in order.

        ``known(doc_id)`` True: the caller already has that document (a ledger being resumed),
        so it is cleaned but not read again (:attr:`Result.known`)."""
        pending: list[Result] = []

        def cleaned() -> Iterator[Prepared]:
            for item in self.prepare(items, known=known):
                if isinstance(item, Result):
                    pending.append(item)
                else:
                    yield item

        for result in self.read_prepared(cleaned()):
            # errors met while the batch was being gathered come out first, in input order
            while pending:
                yield pending.pop(0)
            yield result
        while pending:
            yield pending.pop(0)

    def prepare(self, items: Iterable[RawRecord | InputError], *,
                known: Callable[[str], bool] | None = None) -> Iterator[Result | Prepared]:
        """Each record cleaned, as a :class:`Prepared` document to read, or as the
        :class:`Result` of its error; in input order, lazily (``known`` as in :meth:`run`)."""
        for item in items:
            if isinstance(item, InputError):
                yield Result(item.source, error=item)
                continue
            try:
                from_script = item.language is None
                item = _with_language(item)
                document = to_document(item, self._record_lexicon(item, from_script))
            except InputError as exc:
                yield Result(item.label, error=exc)
                continue
            if not document.text.strip():
                yield Result(item.label, error=EmptyInput(item.label, "no text left after cleaning"))
                continue
            document = _with_notes(item, document)
            result = Result(item.label, document=document)
            if known is not None and known(document.doc_id):
                yield Prepared(replace(result, known=True), "unread")
            elif len(document.text) > SECTION_CHARS:
                yield Prepared(result, "sections")  # parsed a section at a time
            else:
                yield Prepared(result, "whole")

    def read_prepared(self, prepared: Iterable[Prepared]) -> Iterator[Result]:
        """Parse and read prepared documents through ``nlp.pipe`` in batches, in order."""
        nlp = self.nlp

        def docs() -> Iterator[tuple[Doc, Prepared]]:
            for p in prepared:
                assert p.result.document is not None
                document = p.result.document
                mode = p.mode
                if mode == "whole" and len(document.text) > self._section_chars():
                    mode = "sections"  # a pipeline with a shorter max_length than SECTION_CHARS
                text = document.text if mode == "whole" else ""
                yield self.doc(text, document.language), replace(p, mode=mode)

        for doc, p in nlp.pipe(docs(), as_tuples=True, batch_size=self.batch_size):
            result = p.result
            assert result.document is not None
            if p.mode == "unread":
                yield result
                continue
            budget = self._budget(result.document.text)
            if p.mode == "sections":
                doc = self._parse(result.document.text, result.document.language, budget)
            document, claims = self._finish(doc, result.document, budget)
            yield Result(result.label, document=document, claims=tuple(claims))

    def _record_lexicon(self, record: RawRecord, from_script: bool = False) -> Lexicon:
        """The lexicon of a record's language; a language without one is an input error."""
        try:
            return self.lexicon(record.language)
        except UnknownLanguage as exc:
            said = f"{exc.detail}, read from the script of its letters" if from_script else exc.detail
            raise UnsupportedLanguage(record.label, said, language=record.language) from None


def _with_language(record: RawRecord) -> RawRecord:
    """The record with its language as an ISO 639-1 code: the metadata's, else the one the
    script of its letters names, else None (English)."""
    if record.language is not None:
        lang: str | None = language_code(record.language) or None
    else:
        lang = script_language(record.raw)
    return record if lang == record.language else replace(record, language=lang)


def _with_notes(record: RawRecord, document: Document) -> Document:
    """The document with a note for what cleaning did silently that a reader should know."""
    bidi = len(_BIDI_RE.findall(record.raw))
    if not bidi:
        return document
    note = f"{bidi} bidirectional control {'character' if bidi == 1 else 'characters'} removed for reading"
    return replace(document, warnings=document.warnings + (note,))


def sections(text: str, size: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` offsets cutting ``text`` into consecutive pieces of at most ``size``
    characters, each ending at a paragraph end, else a line end, else a sentence end, else a
    space, in the second half of the piece when there is one (else exactly at ``size``)."""
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = None
        for pattern in _CUTS:
            last = None
            for m in pattern.finditer(text, start + size // 2, end):
                last = m
            if last is not None:
                cut = last.end()
                break
        end = cut if cut is not None and cut > start else end
        yield start, end
        start = end
    yield start, len(text)
