"""The lossless jsonl export and its reader."""

from __future__ import annotations

import io
import json

import pytest

from counterclaim.export.readers import ExportFormatError, read_jsonl_export
from counterclaim.ledger import Ledger, Sighting, open_ledger
from counterclaim.model import Document, doc_id_for, to_dict

from .helpers import export


def test_jsonl_round_trips_the_whole_seed_ledger(seed: Ledger) -> None:
    text, n, _ = export(seed, "jsonl")
    lines = text.splitlines()
    assert n == len(lines)
    dump = read_jsonl_export(io.StringIO(text))
    assert dump.documents == tuple(seed.documents())
    assert dump.claims == tuple(seed.claims())
    assert dump.incidents == tuple(seed.incidents())
    assert dump.contradictions == tuple(seed.contradictions())
    assert dump.corroborations == tuple(seed.corroborations())
    assert dump.sightings == tuple(seed.sightings())
    assert dump.other == ()
    assert (len(dump.documents), len(dump.incidents)) == (5, 13)
    counts = {"document": 5, "claim": len(dump.claims), "incident": 13,
              "contradiction": len(dump.contradictions), "corroboration": len(dump.corroborations)}
    assert n == sum(counts.values()) + len(dump.sightings)
    # each line is {"record": kind} plus exactly to_dict(obj), documents first, text included
    first = json.loads(lines[0])
    assert first["record"] == "document" and first["text"]
    claim_line = next(json.loads(line) for line in lines if '"record": "claim"' in line)
    kind = claim_line.pop("record")
    assert kind == "claim"
    assert claim_line == json.loads(json.dumps(to_dict(seed.claim(claim_line["claim_id"]))))


def test_jsonl_carries_the_language_each_document_was_stored_with() -> None:
    # The ledger keeps Document.language (schema 3); the lossless export must keep it too.
    arabic_text, english_text = "غارة جوية على سراقب يوم الثلاثاء", "Airstrikes hit Saraqib on Tuesday."
    arabic = Document(doc_id=doc_id_for(arabic_text), text=arabic_text, outlet="Enab Baladi", language="ar")
    english = Document(doc_id=doc_id_for(english_text), text=english_text, outlet="AFP")
    with open_ledger(":memory:") as led:
        led.add(arabic, [])
        led.add(english, [])
        text, n, _ = export(led, "jsonl")
    assert n == 2
    assert [json.loads(line)["language"] for line in text.splitlines()] == ["ar", "en"]
    assert read_jsonl_export(text.splitlines()).documents == (arabic, english)


def test_jsonl_filtered_is_self_contained(seed: Ledger) -> None:
    text, n, _ = export(seed, "jsonl", admin1="Idlib")
    dump = read_jsonl_export(text.splitlines())
    assert {i.incident_id for i in dump.incidents} == {i.incident_id for i in seed.incidents(admin1="Idlib")}
    assert len(dump.incidents) == 3
    assert all(i.location is not None and i.location.admin1 == "Idlib" for i in dump.incidents)
    claim_ids = {c.claim_id for c in dump.claims}
    doc_ids = {d.doc_id for d in dump.documents}
    for inc in dump.incidents:
        assert set(inc.claim_ids) <= claim_ids
    for x in dump.contradictions:
        assert x.incident_id in {i.incident_id for i in dump.incidents}
        assert set(x.claim_ids) <= claim_ids
    assert {c.doc_id for c in dump.claims} <= doc_ids
    assert n < len(export(seed, "jsonl")[0].splitlines())


def test_jsonl_reader_names_the_bad_line() -> None:
    sighting = ('{"record": "sighting", "doc_id": "x", "source_path": null, "source_id": null, "url": null,'
                ' "outlet": "AFP", "seen_at": "2021-04-20T10:00:00+00:00"}')
    with pytest.raises(ExportFormatError, match="line 2: not JSON"):
        read_jsonl_export([sighting, "{oops"])
    assert read_jsonl_export([sighting]).sightings == (
        Sighting("x", None, None, None, "AFP", "2021-04-20T10:00:00+00:00"),
    )
    with pytest.raises(ExportFormatError, match="line 1: not a valid sighting"):
        read_jsonl_export(['{"record": "sighting", "doc_id": "x"}'])  # no source, no time
    with pytest.raises(ExportFormatError, match='line 1: not an object with a "record" key'):
        read_jsonl_export(['{"claim_id": "x"}'])
    dump = read_jsonl_export(['{"record": "from_the_future", "x": 1}', ""])
    assert dump.other == ({"record": "from_the_future", "x": 1},)
