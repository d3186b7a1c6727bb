"""Grouping hands the ledger typed rows and gets the same typed rows back (the SQLite ledger's
JSON columns are its own business), and the encoding reads what older ledgers wrote."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from counterclaim.group.states import IncidentState
from counterclaim.group.update import update
from counterclaim.ledger import (
    ClaimGrouping,
    Fingerprint,
    GroupedClaim,
    Ledger,
    PendingClaim,
    StoredIncident,
    open_ledger,
)
from tests.ledger.conftest import BACKENDS, open_backend
from counterclaim.ledger.sqlite.codec import footprint_from_json, snapshot_from_json
from counterclaim.model import (
    Claim,
    Claimant,
    Contradiction,
    Corroboration,
    DocInfo,
    Document,
    Footprint,
    Incident,
    IncidentSnapshot,
    Link,
    Location,
    Span,
    TimeSpan,
    doc_id_for,
)

IDLIB = Location("Saraqib", "Saraqib", "Idlib", "Syria", 35.86, 36.8, 163345, "point", "in", 5, 12)
TUESDAY = TimeSpan("on Tuesday", "2017-03-07", "2017-03-07", "day", 20, 30)


def _doc(text: str, outlet: str) -> Document:
    return Document(doc_id=doc_id_for(text), text=text, outlet=outlet, published="2017-03-08")


def _claim(doc: Document, cid: str, claimant: str = "SOHR") -> Claim:
    return Claim(
        claim_id=cid, doc_id=doc.doc_id, claimant=Claimant(claimant, claimant, "monitor", 0, 4), via=None,
        stance="asserts", event_type="airstrike", perpetrator=None, quantities=(), location=IDLIB,
        locations=(IDLIB,), time=TUESDAY, stated_on=None, evidence=Span(doc.text[:5], 0, 5), confidence=0.9,
    )


def _footprint(claim_id: str, doc_id: str, role: str = "event", why: str = "") -> Footprint:
    return Footprint(
        claim_id=claim_id, doc_id=doc_id, role=role, why=why, areas=("Idlib",), country="Syria", lat=35.86,
        lon=36.8, prec=0, start=736395, end=736395, time_basis="text", event_type="airstrike", stance="asserts",
        claimant="sohr", sides=frozenset({"opposition", "government"}), outlet="AFP", media=False,
    )


A = _doc("Airstrikes hit Saraqib on Tuesday, SOHR said.", "AFP")
B = _doc("A copy: airstrikes hit Saraqib on Tuesday, SOHR said.", "Reuters")
C = _doc("The ministry denied any strikes in Idlib this month.", "SANA")


@pytest.fixture(params=BACKENDS)
def ledger(request: pytest.FixtureRequest) -> Iterator[Ledger]:
    with open_backend(request, request.param) as led:
        led.add(A, [_claim(A, "a0"), _claim(A, "a1", "White Helmets")])
        led.add(B, [_claim(B, "b0")])
        led.add(C, [_claim(C, "c0", "Syrian Ministry of Defence")])
        yield led


def _run(ledger: Ledger) -> dict[str, object]:
    """One grouping run's rows, written; returns them to compare with what is read back."""
    founder = Link("a0", None, "founder", 1.0, 1.0, 1.0, 1.0, 1.0, None, 0, "the first claim")
    member = Link("a1", "a0", "member", 0.912, 1.0, 0.95, 1.0, 0.5, 1.2, 2, "same place, same day")
    copy = Link("b0", "a0", "duplicate", 1.0, 1.0, 1.0, 1.0, 1.0, None, 1, "a republished copy")
    snapshot = IncidentSnapshot(
        incident_id="inc1", area="Idlib", lat=35.86, lon=36.8, prec=0, start=736395, end=736395,
        place_from="a0", time_from="a0", time_basis="text", location=IDLIB, time=TUESDAY,
        types=(("shelling", 1), ("airstrike", 2)), sides=("government",), members=("a0", "a1"),
        docs=(A.doc_id,), outlets=("AFP", "Reuters"), claimants=("sohr", "white helmets"),
    )
    incident = Incident(
        incident_id="inc1", claim_ids=("a0", "a1"), event_type="airstrike", location=IDLIB, time=TUESDAY,
        claimants=("SOHR", "White Helmets"), links=(founder, member), doc_ids=(A.doc_id,),
        outlets=("AFP", "Reuters"), contradictions=1, corroborations=1,
    )
    contradiction = Contradiction("x1", "inc1", "count", ("a0", "a1"), "12 or 30 killed", ("SOHR", "White Helmets"))
    corroboration = Corroboration("k1", "inc1", ("a0", "a1"), "killed", "people", 12.0, ("SOHR", "White Helmets"), "both 12")
    summary = _footprint("c0", C.doc_id, role="summary", why="its place is a whole country")
    rows = {
        "fingerprints": [Fingerprint(A.doc_id, (11, -22, 33), None), Fingerprint(B.doc_id, (11, 5, 6), A.doc_id)],
        "claims": [
            GroupedClaim("a0", ClaimGrouping("member", "inc1", None, founder), _footprint("a0", A.doc_id)),
            GroupedClaim("a1", ClaimGrouping("member", "inc1", None, member), _footprint("a1", A.doc_id)),
            GroupedClaim("b0", ClaimGrouping("duplicate", "inc1", None, copy), _footprint("b0", B.doc_id)),
            GroupedClaim("c0", ClaimGrouping("summary", None, summary.why, None), summary),
        ],
        "incidents": [StoredIncident(incident, snapshot, "Idlib", "Syria")],
        "contradictions": {"inc1": [contradiction]},
        "corroborations": {"inc1": [corroboration]},
    }
    ledger.write_grouping(**rows)  # type: ignore[arg-type]
    return rows


def test_grouping_round_trips_typed_rows(ledger: Ledger) -> None:
    assert ledger.pending_grouping() == 4
    assert [p.claim.claim_id for p in ledger.ungrouped()] == ["a0", "a1", "b0", "c0"]
    assert next(ledger.ungrouped()) == PendingClaim(_claim(A, "a0"), DocInfo(A.doc_id, "2017-03-08", "AFP"))
    assert [d.doc_id for d in ledger.unfingerprinted()] == [A.doc_id, B.doc_id, C.doc_id]
    rows = _run(ledger)
    grouped = {g.claim_id: g for g in rows["claims"]}  # type: ignore[attr-defined]
    (stored,) = rows["incidents"]  # type: ignore[misc]

    assert ledger.pending_grouping() == 0 and list(ledger.ungrouped()) == []
    assert [d.doc_id for d in ledger.unfingerprinted()] == [C.doc_id]
    for cid, g in grouped.items():
        assert ledger.grouping_of(cid) == g.grouping
    assert ledger.grouping_of("nope") is None
    assert ledger.duplicates_in("inc1") == [grouped["b0"].grouping.link]
    assert ledger.summary_footprints() == [grouped["c0"].footprint]
    assert ledger.summary_footprints(stance="denies") == []
    assert list(ledger.incident_states()) == [stored.state]
    assert ledger.incident_state("inc1") == stored.state and ledger.incident_state("nope") is None
    assert list(ledger.incidents()) == [stored.incident] == list(ledger.incidents(admin1="idlib"))
    assert list(ledger.contradictions()) == rows["contradictions"]["inc1"]  # type: ignore[index]
    assert ledger.corroborations(incident_id="inc1") == rows["corroborations"]["inc1"]  # type: ignore[index]
    # band i against band i: B shares band 0 with A; A's -22 in band 1 matches nothing else
    assert ledger.copy_candidates((11, 0, 0)) == {A.doc_id: None, B.doc_id: A.doc_id}
    assert ledger.copy_candidates((0, 5, 0)) == {B.doc_id: A.doc_id}
    assert ledger.copy_candidates((5, 0, 0)) == {}
    assert ledger.doc_info([B.doc_id, "nope"]) == {B.doc_id: DocInfo(B.doc_id, "2017-03-08", "Reuters")}
    stats = ledger.stats()
    assert (stats.incidents, stats.contradictions, stats.corroborations) == (1, 1, 1)


def test_a_later_run_replaces_the_incident_and_its_contradictions(ledger: Ledger) -> None:
    rows = _run(ledger)
    (stored,) = rows["incidents"]  # type: ignore[misc]
    fewer = StoredIncident(stored.incident, stored.state, "Idlib", "Syria")
    ledger.write_grouping(incidents=[fewer], contradictions={"inc1": []}, corroborations={"inc1": []})
    assert list(ledger.incidents()) == [stored.incident]
    assert list(ledger.contradictions()) == [] and ledger.corroborations() == []


def test_clear_grouping_forgets_every_grouping_row(ledger: Ledger) -> None:
    _run(ledger)
    ledger.clear_grouping()
    assert ledger.pending_grouping() == 4 and list(ledger.incidents()) == []
    assert ledger.grouping_of("a0") is None and ledger.summary_footprints() == []
    assert len(list(ledger.unfingerprinted())) == 3 and ledger.copy_candidates((11, 5, 6)) == {}
    assert ledger.stats().documents == 3 and ledger.stats().claims == 4  # documents and claims stay


def test_incident_state_survives_the_ledger() -> None:
    # What the next run takes up is the very state this run left: sets, member order and the
    # event-type counts (whose ties decide the incident's type) all come back.
    st = IncidentState(
        incident_id="inc1", area="Idlib", lat=35.86, lon=36.8, prec=0, start=736395, end=736396,
        place_from="a0", time_from="a1", time_basis="text", location=IDLIB, time=TUESDAY,
    )
    st.types.update(["shelling", "airstrike", "airstrike", "shelling"])
    st.sides |= {"russia", "government"}
    st.members += ["a1", "a0"]
    st.docs |= {"d2", "d1"}
    st.outlets |= {"SANA", "AFP"}
    st.claimants |= {"sohr"}
    inc = Incident("inc1", ("a0", "a1"), st.event_type, IDLIB, TUESDAY, ("SOHR",))
    with open_ledger(":memory:") as led:
        led.write_grouping(incidents=[StoredIncident(inc, st.snapshot(), "Idlib", "Syria")])
        (back,) = led.incident_states()
    again = IncidentState.from_snapshot(back)
    assert again == st and list(again.types) == ["shelling", "airstrike"] and again.members == ["a1", "a0"]
    assert again.event_type == st.event_type == "airstrike"


def test_update_stores_typed_rows_it_can_take_up_again() -> None:
    # update() writes through the protocol only: its rows read back as the model's types.
    with open_ledger(":memory:") as led:
        led.add(A, [_claim(A, "a0"), _claim(A, "a1", "White Helmets")])
        report = update(led)
        assert report.claims == 2 and report.incidents_new == 1
        (inc,) = led.incidents()
        (state,) = led.incident_states()
        assert isinstance(state, IncidentSnapshot) and state.members == inc.claim_ids == ("a0", "a1")
        g = led.grouping_of("a1")
        assert g is not None and g.role == "member" and g.incident_id == inc.incident_id
        assert isinstance(g.link, Link) and g.link.to_claim_id == "a0"
        assert led.stats().incidents == 1
        assert update(led).claims == 0  # nothing left


def test_what_older_ledgers_stored_still_reads() -> None:
    # Incident states and footprints as schema-2 ledgers hold them (the JSON the grouping of
    # that version wrote): type counts as an object, sides in any order.
    state = {
        "incident_id": "inc1", "area": "Idlib", "lat": 35.86, "lon": 36.8, "prec": 0, "start": 736395,
        "end": 736395, "place_from": "a0", "time_from": "a0", "time_basis": "text",
        "location": {"text": "Saraqib", "name": "Saraqib", "admin1": "Idlib", "country": "Syria", "lat": 35.86,
                     "lon": 36.8, "geonames_id": 163345, "precision": "point", "relation": "in",
                     "text_start": 5, "text_end": 12, "admin1_code": None, "source": None, "note": None},
        "time": {"text": "on Tuesday", "start": "2017-03-07", "end": "2017-03-07", "precision": "day",
                 "text_start": 20, "text_end": 30, "note": None},
        "types": {"airstrike": 2, "shelling": 1}, "sides": ["government"], "members": ["a0", "a1"],
        "docs": ["d1"], "outlets": ["AFP"], "claimants": ["sohr"],
    }
    snap = snapshot_from_json(json.dumps(state))
    assert snap.location == IDLIB and snap.time == TUESDAY
    assert snap.types == (("airstrike", 2), ("shelling", 1)) and snap.members == ("a0", "a1")
    fp = _footprint("a0", "d1")
    old = json.dumps({**{k: getattr(fp, k) for k in fp.__slots__}, "areas": ["Idlib"],  # type: ignore[attr-defined]
                      "sides": ["opposition", "government"]})
    assert footprint_from_json(old) == fp

