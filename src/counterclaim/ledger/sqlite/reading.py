"""Reading the SQLite ledger's documents and claims: lookups, filters, full-text search, counts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Final

from ...model import Claim, DocInfo, Document, claim_from_dict
from ..base import LedgerStats, SearchHit, SearchSyntax, Sighting
from .codec import check_limit, document_columns, document_from_row
from .connection import Connection
from .guard import loads

#: What :meth:`Reading.search_documents` puts around matched words, and between fragments.
SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_TOKENS = "[", "]", "…", 16


#: A search box's query: "a quoted phrase" (the closing quote may be missing) or a word.
_WORDS: Final = re.compile(r'"([^"]*)"?|(\S+)')


def words_query(text: str) -> str:
    """A search box's words and ``"phrases"`` as an FTS5 query that needs them all: each one
    quoted, so punctuation (al-Nusra, U.S., Assad's, attack?) and FTS5's operators are read as
    words; a word ending in ``*`` stays a prefix.  No words: an empty query."""
    parts: list[str] = []
    for m in _WORDS.finditer(text):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            if phrase.strip():
                parts.append('"' + phrase.replace('"', '""') + '"')
            continue
        prefix = len(word) > 1 and word.endswith("*")
        body = word.rstrip("*") if prefix else word
        parts.append('"' + body.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(parts)


class Reading(Connection):
    """The reading half of the SQLite ledger, documents and claims."""

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this id is in the ledger."""
        row = self._conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None

    def document(self, doc_id: str) -> Document | None:
        """The document with this id, or None."""
        row = self._conn.execute(
            f"SELECT {document_columns('d', self._version)} FROM documents d WHERE d.doc_id = ?", (doc_id,)
        ).fetchone()
        return None if row is None else document_from_row(row)

    def documents(self) -> Iterator[Document]:
        """Every document, in ingest order."""
        cursor = self._conn.execute(
            f"SELECT {document_columns('d', self._version)} FROM documents d ORDER BY d.seq"
        )
        return (document_from_row(row) for row in cursor)

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

        ``actor`` matches the normalised claimant (``claimant.actor``), ignoring ASCII case.
        """
        filters = {
            "c.doc_id = ?": doc_id,
            "c.claimant_actor = ? COLLATE NOCASE": actor,
            "c.actor_type = ?": actor_type,
            "c.stance = ?": stance,
            "c.event_type = ?": event_type,
        }
        where = [clause for clause, value in filters.items() if value is not None]
        params: list[Any] = [value for value in filters.values() if value is not None]
        sql = "SELECT c.data FROM claims c JOIN documents d USING (doc_id)"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.seq, c.ordinal LIMIT ?"
        params.append(-1 if limit is None else check_limit(limit))
        cursor = self._conn.execute(sql, params)
        return (claim_from_dict(loads(data)) for (data,) in cursor)

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or None."""
        row = self._conn.execute("SELECT data FROM claims WHERE claim_id = ?", (claim_id,)).fetchone()
        return None if row is None else claim_from_dict(loads(row[0]))

    def claims_by_id(self, claim_ids: Sequence[str]) -> dict[str, Claim]:
        """The stored claims of these ids, by id."""
        rows = self._where_in("SELECT claim_id, data FROM claims WHERE claim_id IN ({ids})", claim_ids)
        return {cid: claim_from_dict(loads(data)) for cid, data in rows}

    def sightings(self, doc_id: str | None = None) -> list[Sighting]:
        """The other places a document's text was seen (all documents if ``doc_id`` is None)."""
        sql = "SELECT doc_id, source_path, source_id, url, outlet, seen_at FROM sightings"
        if doc_id is None:
            cursor = self._conn.execute(sql + " ORDER BY rowid")
        else:
            cursor = self._conn.execute(sql + " WHERE doc_id = ? ORDER BY rowid", (doc_id,))
        return [Sighting(*row) for row in cursor]

    def sighting_outlets(self, doc_ids: Sequence[str]) -> set[str]:
        """The outlets of these documents' sightings."""
        rows = self._where_in(
            "SELECT outlet FROM sightings WHERE outlet IS NOT NULL AND doc_id IN ({ids})", doc_ids
        )
        return {r[0] for r in rows}

    def doc_info(self, doc_ids: Sequence[str]) -> dict[str, DocInfo]:
        """Publication date and outlet of these documents, by id."""
        rows = self._where_in("SELECT doc_id, published, outlet FROM documents WHERE doc_id IN ({ids})", doc_ids)
        return {d: DocInfo(d, p, o) for d, p, o in rows}

    # ------------------------------------------------------------------ search

    def search_documents(self, query: str, limit: int = 50, *, syntax: SearchSyntax = "fts") -> list[SearchHit]:
        """Documents whose title or text match, best first, with a snippet.

        ``syntax="fts"``: the query uses FTS5 syntax (``idlib AND strike``, ``"al-Nusra"``,
        ``sortie*``); ``"words"``: words and phrases, all of them (:func:`words_query`).
        Matched words in the snippet are wrapped in :data:`SNIPPET_OPEN` / :data:`SNIPPET_CLOSE`.
        """
        query = words_query(query) if syntax == "words" else query
        sql = (
            "SELECT d.doc_id, snippet(documents_fts, -1, ?, ?, ?, ?) FROM documents_fts"
            " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
        ) if self._linked_fts else (
            "SELECT doc_id, snippet(documents_fts, -1, ?, ?, ?, ?) FROM documents_fts"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        params = (SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, query, check_limit(limit))
        return [SearchHit(doc_id, snippet) for doc_id, snippet in self._match(sql, query, params)]

    def search_claims(self, query: str, limit: int = 50, *, syntax: SearchSyntax = "fts") -> list[Claim]:
        """Claims whose evidence, claimant, perpetrator, quantities, places or times match, best
        first (``syntax`` as in :meth:`search_documents`)."""
        query = words_query(query) if syntax == "words" else query
        sql = (
            "SELECT c.data FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid"
            " WHERE claims_fts MATCH ? ORDER BY claims_fts.rank LIMIT ?"
        ) if self._linked_fts else (
            "SELECT c.data FROM claims_fts JOIN claims c USING (claim_id)"
            " WHERE claims_fts MATCH ? ORDER BY claims_fts.rank LIMIT ?"
        )
        rows = self._match(sql, query, (query, check_limit(limit)))
        return [claim_from_dict(loads(data)) for (data,) in rows]

    # ------------------------------------------------------------------ summary

    def stats(self) -> LedgerStats:
        """Counts of documents, claims, sightings, incidents, contradictions and corroborations,
        and claims by stance, event type and actor type (most frequent first)."""
        def count(table: str) -> int:
            return int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        def by(column: str) -> dict[str, int]:
            rows = self._conn.execute(
                f"SELECT {column}, count(*) AS n FROM claims GROUP BY {column} ORDER BY n DESC, {column}"
            )
            return {value: n for value, n in rows}

        grouped = self._grouped
        return LedgerStats(
            documents=count("documents"),
            claims=count("claims"),
            sightings=count("sightings"),
            incidents=count("incidents") if grouped else 0,
            contradictions=count("contradictions") if grouped else 0,
            corroborations=count("corroborations") if grouped else 0,
            by_stance=by("stance"),
            by_event_type=by("event_type"),
            by_actor_type=by("actor_type"),
        )


__all__ = ["SNIPPET_CLOSE", "SNIPPET_ELLIPSIS", "SNIPPET_OPEN", "SNIPPET_TOKENS", "Reading", "words_query"]
