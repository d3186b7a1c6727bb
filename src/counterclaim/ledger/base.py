"""What a ledger is, whatever stores it: the :class:`Ledger` protocol and the typed rows it
takes and gives.

Everything above the ledger (grouping, exports, the web app, the command line) uses only this
interface, and gets a ledger from :func:`counterclaim.ledger.open_ledger`.  How the rows are laid
out and encoded (tables, JSON columns, full-text indexes) is the business of one implementation
(:mod:`counterclaim.ledger.sqlite`).  This module imports only the model.

Orders are part of the contract: "ingest order" is the order documents were first added;
"document order" is the order of the claims a document was added with.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal, Protocol, Self, runtime_checkable

from ..model import (
    Claim,
    Contradiction,
    Corroboration,
    DocInfo,
    Document,
    Footprint,
    Incident,
    IncidentSnapshot,
    Link,
)

#: What a grouping run made of a claim: ``member`` of an incident, ``duplicate`` (the claim of a
#: republished copy, counted once under its original's incident), ``summary`` (it covers
#: incidents rather than being one) or ``unplaced`` (no place or time of its own).
GroupingRole = Literal["member", "duplicate", "summary", "unplaced"]
#: How a search query is read: as words and phrases (what a search box takes), or in the
#: store's full query syntax (SQLite FTS5: AND, OR, NOT, NEAR, column filters).
SearchSyntax = Literal["words", "fts"]


@dataclass(frozen=True, slots=True)
class Sighting:
    """Another place a stored document's text was seen (the document keeps its first source)."""

    doc_id: str
    source_path: str | None
    source_id: str | None
    url: str | None
    outlet: str | None
    #: when it was seen: a UTC ISO timestamp to the second
    seen_at: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A document a full-text query matched, with a snippet of the matching text."""

    doc_id: str
    snippet: str


@dataclass(frozen=True, slots=True)
class PendingClaim:
    """A claim no grouping run has taken yet, with what grouping needs of its document."""

    claim: Claim
    doc: DocInfo


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A document's near-copy fingerprint: its MinHash band keys (one per band, in band order)
    and the original it is a near copy of (None: it is an original)."""

    doc_id: str
    band_keys: tuple[int, ...]
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class ClaimGrouping:
    """How a claim was grouped: ``incident_id`` for a member or a duplicate (None otherwise),
    ``why`` for a summary or an unplaced claim (None otherwise), and the ``link`` that placed a
    member or a duplicate."""

    role: GroupingRole
    incident_id: str | None
    why: str | None
    link: Link | None


@dataclass(frozen=True, slots=True)
class GroupedClaim:
    """What a grouping run stores of one claim: how it was grouped and its footprint."""

    claim_id: str
    grouping: ClaimGrouping
    footprint: Footprint


@dataclass(frozen=True, slots=True)
class StoredIncident:
    """An incident as a grouping run stores it: the incident, the state the next run takes up,
    and the governorate (None for a country-wide incident) and country it is filed under."""

    incident: Incident
    state: IncidentSnapshot
    admin1: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class LedgerStats:
    """What a ledger holds, in counts.  The ``by_*`` counts are of claims, most frequent first
    (ties in name order)."""

    documents: int
    claims: int
    sightings: int
    incidents: int
    contradictions: int
    corroborations: int
    by_stance: Mapping[str, int]
    by_event_type: Mapping[str, int]
    by_actor_type: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class LedgerCheck:
    """What a check of a ledger found: ``ok`` when nothing is wrong; else each ``problems`` line
    says what is wrong and each ``advice`` line a way to recover.  ``counts`` are rows by table
    (None: the table could not be counted)."""

    path: str
    ok: bool
    schema_version: int | None = None
    extractor_version: str | None = None
    counts: Mapping[str, int | None] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    advice: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """The check as a person reads it, one finding a line."""
        out = [f"{self.path}: {'ok' if self.ok else 'DAMAGED' if self.counts else 'not a usable ledger'}"]
        if self.schema_version is not None:
            made = f" (written by counterclaim's extractor {self.extractor_version})" if self.extractor_version else ""
            out.append(f"schema version {self.schema_version}{made}")
        if self.counts:
            out.append(", ".join(f"{'?' if n is None else n} {table}" for table, n in self.counts.items()))
        out += [f"problem: {p}" for p in self.problems]
        out += [f"to recover: {a}" for a in self.advice]
        return out


class Lifetime:
    """What every store's connection shares about its lifetime: it is writable unless opened
    read-only, and a context manager that closes it.  A store sets ``readonly`` and defines
    :meth:`close`."""

    readonly: bool

    @property
    def writable(self) -> bool:
        """Whether this ledger takes writes (False when opened read-only)."""
        return not self.readonly

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


@runtime_checkable
class Ledger(Protocol):
    """Documents, their claims, and the incidents, contradictions and corroborations grouping
    finds in them.

    A ledger is a context manager (or call :meth:`close`).  One opened read-only
    (:attr:`writable` False) refuses every write with :class:`~counterclaim.errors.LedgerReadOnly`.
    Methods that read grouping raise :class:`~counterclaim.errors.LedgerVersionError` on a ledger
    written before grouping existed that cannot be upgraded (it is read-only).  A ``limit`` must be
    a non-negative integer (``ValueError`` otherwise); None means no limit.
    """

    # ------------------------------------------------------------------ lifecycle

    @property
    def writable(self) -> bool:
        """Whether this ledger takes writes (False: it was opened read-only, or could only be)."""
        ...

    def close(self) -> None:
        """Let go of the store (safe to call twice)."""
        ...

    def __enter__(self) -> Ledger: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    # ------------------------------------------------------------------ documents and claims

    def add(self, document: Document, claims: Sequence[Claim]) -> bool:
        """Store a document and its claims, all or nothing; True if the document was new.

        A document already stored (same ``doc_id``) is not touched, its claims neither: if this
        copy came from another source, that source is kept as a :class:`Sighting`, and False is
        returned.  A claim of another document raises :class:`~counterclaim.errors.ClaimMismatch`.
        """
        ...

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this id is stored."""
        ...

    def document(self, doc_id: str) -> Document | None:
        """The document with this id, or None."""
        ...

    def documents(self) -> Iterator[Document]:
        """Every document, in ingest order."""
        ...

    def claims(
        self,
        *,
        doc_id: str | None = None,
        actor: str | None = None,
        actor_type: str | None = None,
        stance: str | None = None,
        event_type: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Claim]:
        """Claims matching every filter given, in ingest order, then document order.  ``actor``
        matches the normalised claimant (``claimant.actor``), ignoring ASCII case."""
        ...

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or None."""
        ...

    def claims_by_id(self, claim_ids: Sequence[str]) -> dict[str, Claim]:
        """The claims of these ids that are stored, by id (absent ids are left out)."""
        ...

    def sightings(self, doc_id: str | None = None) -> list[Sighting]:
        """The other places a document's text was seen (every document's when ``doc_id`` is
        None), in the order they were seen."""
        ...

    def sighting_outlets(self, doc_ids: Sequence[str]) -> set[str]:
        """The outlets of the sightings of these documents."""
        ...

    def doc_info(self, doc_ids: Sequence[str]) -> dict[str, DocInfo]:
        """Publication date and outlet of these documents, by id (absent ids are left out)."""
        ...

    def search_documents(self, query: str, limit: int = 50, *, syntax: SearchSyntax = "fts") -> list[SearchHit]:
        """Documents whose title or text match a full-text query, best first; matched words in
        the snippet are wrapped in ``[`` ``]``.  ``syntax="words"`` reads the query as words
        and ``"quoted phrases"`` that must all be there (``word*`` a prefix), whatever
        punctuation they hold; ``"fts"`` as the store's own query syntax.  A query the store
        cannot parse (or an empty one) raises :class:`~counterclaim.errors.BadQuery`."""
        ...

    def search_claims(self, query: str, limit: int = 50, *, syntax: SearchSyntax = "fts") -> list[Claim]:
        """Claims whose evidence, claimant, perpetrator, quantities, places or times match a
        full-text query, best first (``syntax`` and :class:`~counterclaim.errors.BadQuery` as
        above)."""
        ...

    def stats(self) -> LedgerStats:
        """What the ledger holds, in counts (0 incidents before grouping)."""
        ...

    # ------------------------------------------------------------------ grouping

    def unfingerprinted(self) -> Iterator[Document]:
        """Documents with no near-copy :class:`Fingerprint` yet, in ingest order."""
        ...

    def copy_candidates(self, band_keys: Sequence[int]) -> dict[str, str | None]:
        """Fingerprinted documents sharing at least one MinHash band key with ``band_keys``
        (band ``i`` against band ``i``), each mapped to the original it is a near copy of (None:
        it is an original); in band order, then the order they were stored."""
        ...

    def ungrouped(self) -> Iterator[PendingClaim]:
        """Every claim no grouping run has taken yet, in ingest order, then document order."""
        ...

    def pending_grouping(self) -> int:
        """How many claims no grouping run has taken yet."""
        ...

    def incident_states(self) -> Iterator[IncidentSnapshot]:
        """The stored grouping state of every incident, in the order incidents were first stored."""
        ...

    def incident_state(self, incident_id: str) -> IncidentSnapshot | None:
        """The stored grouping state of one incident, or None."""
        ...

    def summary_footprints(self, stance: str | None = None) -> list[Footprint]:
        """The footprints of the claims grouping took as summaries (of one stance, if given), in
        the order they were grouped."""
        ...

    def grouping_of(self, claim_id: str) -> ClaimGrouping | None:
        """How a claim was grouped, or None if no run has taken it yet."""
        ...

    def duplicates_in(self, incident_id: str) -> list[Link]:
        """The links of the republished copies' claims counted under an incident (each
        ``link.claim_id`` is the copy's claim), in the order they were grouped."""
        ...

    def write_grouping(
        self,
        *,
        fingerprints: Sequence[Fingerprint] = (),
        claims: Sequence[GroupedClaim] = (),
        incidents: Sequence[StoredIncident] = (),
        contradictions: Mapping[str, Sequence[Contradiction]] | None = None,
        corroborations: Mapping[str, Sequence[Corroboration]] | None = None,
    ) -> None:
        """Store one grouping run, all or nothing: a run killed midway leaves the previous
        grouping whole, and its claims are grouped again by the next run.  Fingerprints, claims
        and incidents replace those stored under the same id; the contradictions and
        corroborations given for an incident replace all of that incident's."""
        ...

    def clear_grouping(self) -> None:
        """Forget every incident, contradiction, corroboration, claim grouping and fingerprint
        (documents and claims stay), so the next grouping run starts from scratch."""
        ...

    # ------------------------------------------------------------------ incidents

    def incidents(
        self,
        *,
        admin1: str | None = None,
        since: str | None = None,
        until: str | None = None,
        claimant: str | None = None,
        event_type: str | None = None,
        contradicted: bool = False,
        limit: int | None = None,
    ) -> Iterator[Incident]:
        """Incidents matching every filter, newest window first (ties by id).  ``admin1``
        matches the governorate, any case; ``since``/``until`` (ISO dates) keep incidents whose
        window overlaps them; ``claimant`` matches a claimant name, any case; ``contradicted``
        keeps incidents with at least one contradiction."""
        ...

    def incident(self, incident_id: str) -> Incident | None:
        """The incident with this id, or with an id starting with it when that prefix is at
        least 6 characters long and only one incident has it; else None."""
        ...

    def contradictions(
        self,
        *,
        incident_id: str | None = None,
        kind: str | None = None,
        admin1: str | None = None,
        since: str | None = None,
        until: str | None = None,
        claimant: str | None = None,
        same_claimant: bool | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Contradiction]:
        """Contradictions matching every filter: between claimants before a claimant against
        itself, then newest incident first, then by kind and id.  Place and time filters apply
        to the incident; ``claimant`` to either side; ``doc_id`` keeps those citing a claim of
        that document."""
        ...

    def corroborations(self, *, incident_id: str | None = None) -> list[Corroboration]:
        """Corroborations (of one incident, if given), in the order they were stored."""
        ...


__all__ = [
    "ClaimGrouping", "Fingerprint", "GroupedClaim", "GroupingRole", "Ledger", "LedgerCheck", "LedgerStats",
    "Lifetime", "PendingClaim", "SearchHit", "SearchSyntax", "Sighting", "StoredIncident",
]
