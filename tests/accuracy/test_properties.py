"""Invariants that must hold for any input: every span the ledger keeps is a verbatim slice of the
document text at its offsets, bounds are ordered, and ids are stable."""

from __future__ import annotations

import csv

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterclaim.model import Claim, Document, RawRecord, Span
from counterclaim.pipeline import Extractor
from counterclaim.read.clean import to_document

from ..conftest import FAKES

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


def _spans(c: Claim) -> list[tuple[str, str, int, int]]:
    out: list[tuple[str, str, int, int]] = [("evidence", c.evidence.text, c.evidence.start, c.evidence.end)]
    for name in ("via", "event_cue", "stance_cue", "context"):
        s = getattr(c, name)
        if isinstance(s, Span):
            out.append((name, s.text, s.start, s.end))
    if c.claimant.text is not None:
        out.append(("claimant", c.claimant.text, c.claimant.start or 0, c.claimant.end or 0))
    if c.perpetrator is not None:
        out.append(("perpetrator", c.perpetrator.text, c.perpetrator.start, c.perpetrator.end))
    out += [("quantity", q.text, q.start, q.end) for q in c.quantities]
    out += [("location", loc.text, loc.text_start, loc.text_end) for loc in c.locations]
    for name in ("time", "stated_on"):
        t = getattr(c, name)
        if t is not None:
            out.append((name, t.text, t.text_start, t.text_end))
    return out


def check_invariants(document: Document, claims: list[Claim] | tuple[Claim, ...]) -> None:
    text = document.text
    for c in claims:
        assert c.doc_id == document.doc_id
        for name, value, start, end in _spans(c):
            assert text[start:end] == value, (name, value, start, end)
        for q in c.quantities:
            assert c.evidence.start <= q.start and q.end <= c.evidence.end, q  # a count comes from its sentence
            if q.low is not None and q.high is not None:
                assert q.low <= q.high, q
            assert q.bound in ("exact", "approx", "low", "high", "range", "vague")
        assert c.stance in ("asserts", "denies")
        assert 0.0 <= c.confidence <= 1.0
    assert len({c.claim_id for c in claims}) == len(claims)


def _fakes_sample(n: int) -> list[RawRecord]:
    with open(FAKES, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    step = max(1, len(rows) // n)
    return [RawRecord(raw=r["article_content"], source_id=r["unit_id"], kind="extracted") for r in rows[::step][:n]]


def test_seed_spans_are_verbatim(seed_results) -> None:  # type: ignore[no-untyped-def]
    for r in seed_results.values():
        check_invariants(r.document, r.claims)


def test_fakes_spans_are_verbatim(extractor: Extractor) -> None:
    # 40 real articles spread over FA-KES: punctuation lost, long paragraphs, many numbers
    results = list(extractor.run(_fakes_sample(40)))
    assert sum(len(r.claims) for r in results) > 40
    for r in results:
        assert r.ok
        check_invariants(r.document, r.claims)


def test_same_text_same_ids(extractor: Extractor) -> None:
    record = _fakes_sample(3)[1]
    a = extractor.extract_document(to_document(record, EN))
    b = extractor.extract_document(to_document(record, EN))
    assert [c.claim_id for c in a] == [c.claim_id for c in b] and a == b


_words = st.sampled_from(
    ["Russian", "jets", "said", "killed", "up to", "more than", "about", "200", "1,093", "dozens of", "militants",
     "in", "Idlib", "near", "Palmyra", "on", "Monday", "the", "ministry", "denied", "not", "strikes", "\u201c",
     "\u201d", '"', ",", ".", "\n", "\n\n", "SOHR", "he", "added", "three", "civilians", "Deir ez-Zor", "’s",
     "according to", "shelling", "2017", "December 18-23", "reportedly", "(", ")", "—", "é", "\u00a0"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_words, min_size=1, max_size=60))
def test_generated_text_spans_are_verbatim(extractor: Extractor, words: list[str]) -> None:
    text = " ".join(words)
    if not text.strip():
        return
    document = to_document(RawRecord(raw=text, outlet="Gen"), EN)
    if not document.text.strip():
        return
    check_invariants(document, extractor.extract_document(document))
