"""The extractor: read → clean → NLP → claims → resolve, one way, for a stream of inputs.

:class:`Extractor` holds the heavy resource (the spaCy pipeline, passed in or loaded once) and
turns a stream of :class:`RawRecord` / :class:`InputError` items into a stream of
:class:`Result` items, in input order.  Texts go through ``nlp.pipe`` in batches; a bad input
becomes a ``Result`` with its error and never stops the stream.

Documents that are not read, each still given as a ``Result`` with its document:

* one the caller already has (``known``, e.g. the ledger's ``has_document``): cleaning gives
  its id, and the NLP is skipped (:attr:`Result.known`);
* one in a language no lexicon reads (:data:`LANGUAGES_READ`; the language from the metadata,
  else from the script of its letters): no claims, and a note saying so.

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
from .resolve.stage import Resources, resolve_claims, resolve_document
from .errors import EmptyInput, InputError
from .model import Claim, Document, RawRecord
from .extraction.nlp import DEFAULT_MODEL, add_components, load_pipeline

#: The languages a lexicon reads; a document in another language is stored unread, with a note.
LANGUAGES_READ: Final[frozenset[str]] = frozenset({"en"})
#: A text longer than this is parsed in sections of at most this many characters.
SECTION_CHARS: Final[int] = 100_000
#: Seconds of reading each document gets by default, per SECTION_CHARS characters.
DEFAULT_TIME_BUDGET: Final[float] = 120.0
#: Where a long text may be cut into sections, best first: a blank line, a line end, a sentence end.
_CUTS: Final = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s+"), re.compile(r"\s+"))

_BIDI_RE: Final = re.compile("[" + "".join(chr(c) for c in sorted(BIDI_CONTROLS)) + "]")
#: How a document goes through :meth:`Extractor.run`: parsed in one go, in sections, or not read.
_Mode = Literal["whole", "sections", "unread"]


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


class Extractor:
    """Extracts claims from articles.  ``nlp`` may be given (tests, benchmarks) or is loaded
    from ``model`` on first use.  ``time_budget``: seconds of reading per document, or per
    :data:`SECTION_CHARS` characters of a longer one (None: no limit)."""

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
        self.time_budget = time_budget

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    @property
    def resources(self) -> Resources:
        if self._resources is None:
            self._resources = Resources.default()
        return self._resources

    def extract_document(self, document: Document) -> list[Claim]:
        """Claims of one already cleaned document (resolved unless ``resolve=False``)."""
        budget = self._budget(document.text)
        return self._finish(self._parse(document.text, budget), document, budget)[1]

    def _budget(self, text: str) -> Budget:
        if self.time_budget is None:
            return Budget(None)
        return Budget(self.time_budget * max(1.0, len(text) / SECTION_CHARS))

    def _parse(self, text: str, budget: Budget) -> Doc:
        """``text`` parsed in one go, or in sections when it is long; sections stop being
        parsed when the budget is spent (the parse then covers the start of the text)."""
        if len(text) <= min(SECTION_CHARS, self.nlp.max_length):
            return self.nlp(text)
        docs: list[Doc] = []
        for start, end in sections(text, min(SECTION_CHARS, self.nlp.max_length)):
            if budget.spent():
                budget.stop(start)
                break
            docs.append(self.nlp(text[start:end]))
        return Doc.from_docs(docs, ensure_whitespace=False) if docs else self.nlp.make_doc("")

    def _finish(self, doc: Doc, document: Document, budget: Budget) -> tuple[Document, list[Claim]]:
        claims = extract_claims(doc, document, budget)
        note = budget.note(len(document.text))
        if note is not None:
            document = replace(document, warnings=document.warnings + (note,))
        if not self.resolve:
            return document, claims
        document = resolve_document(document)
        return document, resolve_claims(document, claims, self.resources)

    def run(self, items: Iterable[RawRecord | InputError], *,
            known: Callable[[str], bool] | None = None) -> Iterator[Result]:
        """Clean, parse and read every record; errors pass through as results, in order.

        ``known(doc_id)`` True: the caller already has that document (a ledger being resumed),
        so it is cleaned but not read again (:attr:`Result.known`)."""
        pending: list[Result] = []

        def cleaned() -> Iterator[tuple[str, tuple[Result, _Mode]]]:
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
                document = _with_notes(item, _with_language(item, document))
                if known is not None and known(document.doc_id):
                    yield "", (Result(item.label, document=document, known=True), "unread")
                elif document.language not in LANGUAGES_READ:
                    note = f"not read: language {document.language} (no lexicon reads it)"
                    unread = replace(document, warnings=document.warnings + (note,))
                    yield "", (Result(item.label, document=unread), "unread")
                elif len(document.text) > min(SECTION_CHARS, self.nlp.max_length):
                    yield "", (Result(item.label, document=document), "sections")  # parsed below
                else:
                    yield document.text, (Result(item.label, document=document), "whole")

        for doc, (result, mode) in self.nlp.pipe(cleaned(), as_tuples=True, batch_size=self.batch_size):
            # errors met while the batch was being gathered come out first, in input order
            while pending:
                yield pending.pop(0)
            assert result.document is not None
            if mode == "unread":
                yield result
                continue
            budget = self._budget(result.document.text)
            if mode == "sections":
                doc = self._parse(result.document.text, budget)
            document, claims = self._finish(doc, result.document, budget)
            yield Result(result.label, document=document, claims=tuple(claims))
        while pending:
            yield pending.pop(0)


def _with_language(record: RawRecord, document: Document) -> Document:
    """The document with its language: the metadata's (as an ISO 639-1 code), else the one its
    script names, else English."""
    if record.language is not None:
        lang = language_code(record.language) or "en"
    else:
        lang = script_language(document.text) or "en"
    return document if lang == document.language else replace(document, language=lang)


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
