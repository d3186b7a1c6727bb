"""Reading the PostgreSQL ledger's documents and claims: lookups, filters, full-text search, counts.

Full-text search runs on the generated ``tsvector`` columns (GIN-indexed).  ``syntax="words"``
takes the query a search box takes, as on SQLite: words and ``"phrases"`` that must all be
there, ``word*`` a prefix.  ``syntax="fts"`` takes PostgreSQL's web-search syntax
(``websearch_to_tsquery``: ``"a phrase"``, ``or``, ``-word`` to leave out) instead of SQLite
FTS5's; that difference is documented where ``--fts`` is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Final

from ...errors import BadQuery
from ...model import Claim, DocInfo, Document, claim_from_dict
from ..base import LedgerStats, SearchHit, SearchSyntax, Sighting
from ..sqlite.codec import DOCUMENT_COLUMNS, check_limit, document_from_row
from ..sqlite.guard import loads
from ..sqlite.reading import SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN, SNIPPET_TOKENS
from .connection import Connection
from .schema import TS_CONFIG

#: A search box's query: "a quoted phrase" (the closing quote may be missing) or a word.
_WORDS: Final = re.compile(r'"([^"]*)"?|(\S+)')
_JSON_COLUMNS = frozenset({"removed", "byline", "warnings"})
_HEADLINE = (
    f"StartSel={SNIPPET_OPEN}, StopSel={SNIPPET_CLOSE}, MaxWords={SNIPPET_TOKENS}, MinWords={SNIPPET_TOKENS // 2},"
    f" MaxFragments=1, FragmentDelimiter={SNIPPET_ELLIPSIS}"
)


def document_select(alias: str) -> str:
    """The select list of a document's columns (JSON ones as text), for ``document_from_row``."""
    return ", ".join(f"{alias}.{c}::text" if c in _JSON_COLUMNS else f"{alias}.{c}" for c in DOCUMENT_COLUMNS)


def tsquery(query: str, syntax: SearchSyntax) -> tuple[str, list[str]]:
    """The SQL of a tsquery for a search query, and its parameters.  ``words``: every word and
    phrase, each matched as a phrase (so ``al-Nusra`` is the two words in a row), ``word*`` a
    prefix; ``fts``: PostgreSQL's web-search syntax."""
    if not query.strip():
        raise BadQuery("empty query")
    if syntax == "fts":
        return f"websearch_to_tsquery('{TS_CONFIG}', %s)", [query]
    parts: list[str] = []
    params: list[str] = []
    for m in _WORDS.finditer(query):
        phrase, word = m.group(1), m.group(2)
        text = phrase if phrase is not None else word
        if not text or not text.strip():
            continue
        if word is not None and len(word) > 1 and word.endswith("*"):
            parts.append(f"to_tsquery('{TS_CONFIG}', %s)")
            params.append("'" + word.rstrip("*").replace("'", "''").replace("\\", "\\\\") + "':*")
        else:
            parts.append(f"phraseto_tsquery('{TS_CONFIG}', %s)")
            params.append(text)
    if not parts:
        raise BadQuery("empty query")
    return "(" + " && ".join(parts) + ")", params


class Reading(Connection):
    """The reading half of the PostgreSQL ledger, documents and claims."""

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this id is in the ledger."""
        return self._one("SELECT 1 FROM documents WHERE doc_id = %s", (doc_id,)) is not None

    def document(self, doc_id: str) -> Document | None:
        """The document with this id, or None."""
        row = self._one(f"SELECT {document_select('d')} FROM documents d WHERE d.doc_id = %s", (doc_id,))
        return None if row is None else document_from_row(row)

    def documents(self) -> Iterator[Document]:
        """Every document, in ingest order."""
        rows = self._stream(f"SELECT {document_select('d')} FROM documents d ORDER BY d.seq")
        return (document_from_row(row) for row in rows)

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
        """Claims matching every filter given, in document ingest order, then document order.

        ``actor`` matches the normalised claimant (``claimant.actor``), ignoring case.
        """
        filters = {
            "c.doc_id = %s": doc_id,
            "lower(c.claimant_actor) = lower(%s)": actor,
            "c.actor_type = %s": actor_type,
            "c.stance = %s": stance,
            "c.event_type = %s": event_type,
        }
        where = [clause for clause, value in filters.items() if value is not None]
        params: list[Any] = [value for value in filters.values() if value is not None]
        sql = "SELECT c.data::text FROM claims c JOIN documents d USING (doc_id)"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.seq, c.ordinal LIMIT %s"
        params.append(None if limit is None else check_limit(limit))
        return (claim_from_dict(loads(data)) for (data,) in self._stream(sql, params))

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or None."""
        row = self._one("SELECT data::text FROM claims WHERE claim_id = %s", (claim_id,))
        return None if row is None else claim_from_dict(loads(row[0]))

    def claims_by_id(self, claim_ids: Sequence[str]) -> dict[str, Claim]:
        """The stored claims of these ids, by id."""
        rows = self._rows("SELECT claim_id, data::text FROM claims WHERE claim_id = ANY(%s)", (list(claim_ids),))
        return {cid: claim_from_dict(loads(data)) for cid, data in rows}

    def sightings(self, doc_id: str | None = None) -> list[Sighting]:
        """The other places a document's text was seen (all documents if ``doc_id`` is None)."""
        sql = "SELECT doc_id, source_path, source_id, url, outlet, seen_at FROM sightings"
        if doc_id is None:
            return [Sighting(*row) for row in self._rows(sql + " ORDER BY seq")]
        return [Sighting(*row) for row in self._rows(sql + " WHERE doc_id = %s ORDER BY seq", (doc_id,))]

    def sighting_outlets(self, doc_ids: Sequence[str]) -> set[str]:
        """The outlets of these documents' sightings."""
        rows = self._rows(
            "SELECT outlet FROM sightings WHERE outlet IS NOT NULL AND doc_id = ANY(%s)", (list(doc_ids),)
        )
        return {r[0] for r in rows}

    def doc_info(self, doc_ids: Sequence[str]) -> dict[str, DocInfo]:
        """Publication date and outlet of these documents, by id."""
        rows = self._rows("SELECT doc_id, published, outlet FROM documents WHERE doc_id = ANY(%s)", (list(doc_ids),))
        return {d: DocInfo(d, p, o) for d, p, o in rows}

    # ------------------------------------------------------------------ search

    def search_documents(self, query: str, limit: int = 50, *, syntax: SearchSyntax = "fts") -> list[SearchHit]:
        """Documents whose title or text match, best first, with a snippet (``ts_headline``;
        matched words wrapped in :data:`SNIPPET_OPEN` / :data:`SNIPPET_CLOSE`)."""
        q, params = tsquery(query, syntax)
        sql = (
            f"SELECT d.doc_id, ts_headline('{TS_CONFIG}', coalesce(d.title || ' ', '') || d.text, s.q, %s)"
            f" FROM documents d, (SELECT {q} AS q) s WHERE d.search @@ s.q"
            " ORDER BY ts_rank(d.search, s.q) DESC, d.seq LIMIT %s"
        )
        rows = self._rows(sql, [_HEADLINE, *params, check_limit(limit)])
        return [SearchHit(doc_id, snippet) for doc_id, snippet in rows]

    def search_claims(self, query: str, limit: int = 50, *, syntax: SearchSyntax = "fts") -> list[Claim]:
        """Claims whose evidence, claimant, perpetrator, quantities, places or times match, best
        first (``syntax`` as in :meth:`search_documents`)."""
        q, params = tsquery(query, syntax)
        sql = (
            f"SELECT c.data::text FROM claims c JOIN documents d USING (doc_id), (SELECT {q} AS q) s"
            " WHERE c.search @@ s.q ORDER BY ts_rank(c.search, s.q) DESC, d.seq, c.ordinal LIMIT %s"
        )
        return [claim_from_dict(loads(data)) for (data,) in self._rows(sql, [*params, check_limit(limit)])]

    # ------------------------------------------------------------------ summary

    def stats(self) -> LedgerStats:
        """Counts of documents, claims, sightings, incidents, contradictions and corroborations,
        and claims by stance, event type and actor type (most frequent first)."""
        def count(table: str) -> int:
            return int(self._one(f"SELECT count(*) FROM {table}")[0])

        def by(column: str) -> dict[str, int]:
            rows = self._rows(
                f"SELECT {column}, count(*) AS n FROM claims GROUP BY {column} ORDER BY n DESC, {column} COLLATE \"C\""
            )
            return {value: n for value, n in rows}

        return LedgerStats(
            documents=count("documents"), claims=count("claims"), sightings=count("sightings"),
            incidents=count("incidents"), contradictions=count("contradictions"),
            corroborations=count("corroborations"),
            by_stance=by("stance"), by_event_type=by("event_type"), by_actor_type=by("actor_type"),
        )


__all__ = ["Reading", "document_select", "tsquery"]
