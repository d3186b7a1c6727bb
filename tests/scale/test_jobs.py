"""--jobs N: reading on several worker processes gives what one process gives, in the same order,
errors included (where Extractor.run puts them: before the documents of the batch being
gathered when they were met)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from counterclaim.errors import InputError, MissingPath
from counterclaim.model import RawRecord
from counterclaim.pipeline import Extractor, Result
from counterclaim.read.inputs import read_inputs
from counterclaim.scale.jobs import run_jobs, usable_cores
from tests.conftest import FAKES


def _records() -> list[RawRecord | InputError]:
    """Fifteen FA-KES articles with errors among them: at the start, between batches, in the
    middle of one, and at the end; an empty text, and an article twice."""
    fakes = list(itertools.islice(read_inputs([str(FAKES)]), 13))
    out: list[RawRecord | InputError] = [MissingPath("first.txt", "no such file")]
    out += fakes[:3] + [MissingPath("second.txt", "no such file"), RawRecord("   ", source_path="empty.txt")]
    out += fakes[3:9] + [fakes[0]] + fakes[9:] + [MissingPath("last.txt", "no such file")]
    return out


def _view(results: Iterator[Result]) -> list[tuple[object, ...]]:
    return [(r.label, None if r.error is None else r.error.message, r.document, r.claims, r.known) for r in results]


@pytest.mark.slow
@pytest.mark.parametrize("batch_size", [2, 5])
def test_two_workers_give_what_one_process_gives(batch_size: int) -> None:
    # Small batches, so several go out and errors fall at the start, between and inside them.
    records = _records()
    one = _view(Extractor(batch_size=batch_size).run(iter(records)))
    two = _view(run_jobs(Extractor(batch_size=batch_size), iter(records), jobs=2))
    assert two == one
    assert sum(1 for r in one if r[1] is None) == 14 and sum(len(r[3]) for r in one) > 20  # 13 + the repeat


def test_a_known_document_is_not_read_again_by_the_workers() -> None:
    records = _records()
    first = Extractor(batch_size=2).run(iter(records[1:2]))
    doc_id = next(first).document.doc_id  # type: ignore[union-attr]
    results = list(run_jobs(Extractor(batch_size=2), iter(records), jobs=2, known=lambda d: d == doc_id))
    unread = [r for r in results if r.known]
    assert [r.document.doc_id for r in unread] == [doc_id, doc_id]  # type: ignore[union-attr]
    assert all(r.claims == () for r in unread)


def test_one_batch_is_read_here_and_jobs_default_to_the_usable_cores() -> None:
    assert usable_cores() >= 1
    records = _records()[:3]
    assert _view(run_jobs(Extractor(), iter(records), jobs=4)) == _view(Extractor().run(iter(records)))
