"""Incidents and contradictions (issue 4): constructed cross-document cases read through the
real extractor, the seed articles' expectations, incremental grouping and the unit rules.

The constructed articles are short news sentences written for these tests.  Each expected value
below was worked out by hand from the sentences, not copied from the code's output.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from counterclaim.group.contradictions import figure_range, object_class
from counterclaim.group.dedup import band_keys, is_near_copy, minhash
from counterclaim.group.update import covered_by, update
from counterclaim.group.keys import day
from counterclaim.group.footprints import ASSUMED_DAYS, DocInfo, footprint
from counterclaim.group.incidents import Grouper, group
from counterclaim.group.states import IncidentState, compare, state_from_dict, state_to_dict
from counterclaim.model import (
    Claim,
    Claimant,
    Location,
    Quantity,
    RawRecord,
    Span,
    TimeSpan,
    contradiction_from_dict,
    incident_from_dict,
    to_dict,
)
from counterclaim.pipeline import Extractor, Result
from counterclaim.ledger.sqlite import Ledger

from .conftest import add_seeds

Article = tuple[str, str, str]  # (outlet, published, text)


def ingest(ledger: Ledger, extractor: Extractor, articles: Sequence[Article]) -> None:
    records = [
        RawRecord(raw=text, source_id=f"{outlet}-{i}", outlet=outlet, published=published, kind="extracted")
        for i, (outlet, published, text) in enumerate(articles)
    ]
    for r in extractor.run(records):
        assert r.ok and r.document is not None, r.error
        ledger.add(r.document, r.claims)


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger(tmp_path / "ledger.db") as led:
        yield led


SARAQIB_12 = ("Outlet A", "2017-03-08",
              "Airstrikes hit the town of Saraqib in Idlib province on Tuesday, killing 12 people, "
              "the Syrian Observatory for Human Rights said.")
SARAQIB_30 = ("Outlet B", "2017-03-08",
              "Airstrikes on the town of Saraqib in Idlib province on Tuesday killed 30 people, "
              "the Syria Civil Defence said.")
SARAQIB_12_AGAIN = ("Outlet C", "2017-03-09",
                    "The Syria Civil Defence said 12 people were killed when airstrikes hit Saraqib in "
                    "Idlib province on Tuesday.")


# ---------------------------------------------------------------------------- cross-document


def test_two_outlets_same_strike_12_vs_30_killed_is_a_count_contradiction(ledger: Ledger, extractor: Extractor) -> None:
    ingest(ledger, extractor, [SARAQIB_12, SARAQIB_30])
    report = update(ledger)
    assert report.claims == 2
    incidents = list(ledger.incidents())
    assert len(incidents) == 1  # same town, same Tuesday (2017-03-07), both airstrikes
    inc = incidents[0]
    assert inc.time is not None and (inc.time.start, inc.time.end) == ("2017-03-07", "2017-03-07")
    assert inc.location is not None and inc.location.admin1 == "Idlib"
    assert set(inc.outlets) == {"Outlet A", "Outlet B"}
    found = list(ledger.contradictions())
    assert [c.kind for c in found] == ["count"]
    c = found[0]
    assert not c.same_claimant
    assert set(c.claimants) == {"Syrian Observatory for Human Rights", "Syria Civil Defence"}
    assert "12 people" in c.explanation and "30 people" in c.explanation
    # both evidence sentences, verbatim from their documents
    assert {e.text for e in c.evidence} == {SARAQIB_12[2], SARAQIB_30[2]}
    assert ledger.corroborations() == []


def test_same_strike_same_numbers_is_corroboration_not_contradiction(ledger: Ledger, extractor: Extractor) -> None:
    ingest(ledger, extractor, [SARAQIB_12, SARAQIB_12_AGAIN])
    update(ledger)
    assert len(list(ledger.incidents())) == 1
    assert list(ledger.contradictions()) == []
    (agreed,) = ledger.corroborations()
    assert (agreed.measure, agreed.object, agreed.value) == ("killed", "people", 12.0)
    assert set(agreed.claimants) == {"Syrian Observatory for Human Rights", "Syria Civil Defence"}


def test_claimant_changing_its_own_figure_is_flagged_apart(ledger: Ledger, extractor: Extractor) -> None:
    # the Civil Defence says 30 on the 8th and 12 on the 9th about the same Tuesday strike
    ingest(ledger, extractor, [SARAQIB_30, SARAQIB_12_AGAIN])
    update(ledger)
    (c,) = ledger.contradictions()
    assert c.kind == "count" and c.same_claimant
    assert list(ledger.contradictions(same_claimant=False)) == []


def test_later_higher_toll_carries_a_note(ledger: Ledger, extractor: Extractor) -> None:
    later_30 = ("Outlet D", "2017-03-09", SARAQIB_30[2])
    ingest(ledger, extractor, [SARAQIB_12, later_30])
    update(ledger)
    (c,) = ledger.contradictions()
    assert c.note is not None and "published later" in c.note


def test_militants_for_one_claimant_civilians_for_another_is_a_target_contradiction(
    ledger: Ledger, extractor: Extractor
) -> None:
    ingest(ledger, extractor, [
        ("Outlet A", "2017-03-08", "The Russian Defence Ministry said its aircraft killed 40 militants in strikes on "
                                   "Maarat al-Numan in Idlib province on Monday."),
        ("Outlet B", "2017-03-08", "The Syrian Observatory for Human Rights said 15 civilians were among those killed "
                                   "in airstrikes on Maarat al-Numan in Idlib province on Monday."),
    ])
    update(ledger)
    kinds = sorted(c.kind for c in ledger.contradictions())
    assert kinds == ["target"]
    (c,) = ledger.contradictions(kind="target")
    assert c.claimants == ("Russian Ministry of Defence", "Syrian Observatory for Human Rights")
    assert "militants" in c.explanation and "civilians" in c.explanation


def test_different_perpetrators_for_the_same_strike(ledger: Ledger, extractor: Extractor) -> None:
    ingest(ledger, extractor, [
        ("Outlet A", "2017-03-08", "Russian warplanes struck a market in Saraqib in Idlib province on Tuesday, "
                                   "the Syrian Observatory for Human Rights said."),
        ("Outlet B", "2017-03-08", "The US-led coalition carried out an airstrike on a market in Saraqib in Idlib "
                                   "province on Tuesday, the Syria Civil Defence said."),
    ])
    update(ledger)
    (inc,) = ledger.incidents()
    perp = list(ledger.contradictions(kind="perpetrator"))
    assert len(perp) == 1 and perp[0].incident_id == inc.incident_id
    assert "Russian warplanes" in perp[0].explanation and "US-led coalition" in perp[0].explanation


def test_a_claim_without_its_own_time_is_not_set_against_another_article(ledger: Ledger, extractor: Extractor) -> None:
    # the second article gives no day: it may be the Tuesday strike, or another one that week,
    # so its 30 is grouped (it fits only this incident) but never called a contradiction of 12
    untimed = ("Outlet B", "2017-03-08", "Airstrikes on the town of Saraqib in Idlib province killed 30 people, "
                                         "the Syria Civil Defence said.")
    ingest(ledger, extractor, [SARAQIB_12, untimed])
    update(ledger)
    (inc,) = ledger.incidents()
    assert len(inc.claim_ids) == 2
    (link,) = [lk for lk in inc.links if lk.role == "member"]
    assert "no time of its own" in link.reason
    assert list(ledger.contradictions()) == []


def test_far_apart_or_other_days_are_other_incidents(ledger: Ledger, extractor: Extractor) -> None:
    ingest(ledger, extractor, [
        SARAQIB_12,
        # Aleppo city is about 50 km from Saraqib: another place
        ("Outlet B", "2017-03-08", "Airstrikes hit Aleppo on Tuesday, killing 30 people, the Syria Civil Defence said."),
        # Saraqib again, but a week earlier
        ("Outlet C", "2017-03-08", "Airstrikes hit Saraqib in Idlib province on February 28, killing 30 people, "
                                   "the Syria Civil Defence said."),
    ])
    update(ledger)
    assert len(list(ledger.incidents())) == 3
    assert list(ledger.contradictions()) == []


WIRE = (
    "Airstrikes killed at least 23 people in the rebel-held town of Khan Sheikhoun in Idlib province on "
    "Thursday, the Syrian Observatory for Human Rights said. The monitor said warplanes hit a market and "
    "a residential building in the town shortly after noon. Rescue workers were still searching the "
    "rubble of the building for survivors in the evening, and the toll was expected to rise. The town "
    "has been hit repeatedly by airstrikes in recent weeks as government forces press an offensive in "
    "the south of the province. The Observatory, which relies on a network of sources on the ground, "
    "said it could not determine whether Syrian or Russian aircraft carried out the strikes."
)


def test_one_wire_story_in_three_outlets_is_one_set_of_claims(ledger: Ledger, extractor: Extractor) -> None:
    copies = [
        ("Outlet A", "2017-04-07", WIRE),
        ("Outlet B", "2017-04-07", WIRE.replace("shortly after noon", "around midday")),
        ("Outlet C", "2017-04-07", WIRE + " Reporting by a staff writer; editing by another."),
    ]
    ingest(ledger, extractor, copies)
    report = update(ledger)
    assert report.near_copies == 2
    (inc,) = ledger.incidents()
    assert set(inc.outlets) == {"Outlet A", "Outlet B", "Outlet C"}
    # the claims of the first copy count; the other copies' claims are linked to them as duplicates
    first_doc = {c.doc_id for c in ledger.claims_by_id(list(inc.claim_ids)).values()}
    assert len(first_doc) == 1
    dups = ledger.duplicates_in(inc.incident_id)
    assert dups and all(link["role"] == "duplicate" for _, link in dups)
    assert all(link["to_claim_id"] in inc.claim_ids for _, link in dups)
    assert ledger.corroborations() == []  # a story repeated is not a second witness


def test_near_copy_detection() -> None:
    copy = "BEIRUT (Reuters) - " + WIRE
    # an LSH band in common makes them candidates; the texts themselves confirm
    assert set(band_keys(minhash(WIRE))) & set(band_keys(minhash(copy)))
    assert minhash(WIRE) == minhash(WIRE)  # the same in every run
    assert is_near_copy(WIRE, copy)
    assert is_near_copy(WIRE, WIRE.replace("shortly after noon", "around midday"))
    unrelated = ("Government forces captured three villages south of Aleppo on Sunday after heavy "
                 "fighting with rebels, state media said, in an advance that cuts a supply route. " * 2)
    assert not is_near_copy(WIRE, unrelated)
    assert not set(band_keys(minhash(WIRE))) & set(band_keys(minhash(unrelated)))
    assert not is_near_copy("Airstrikes hit Idlib.", "Airstrikes hit Idlib.")  # too short to judge


def test_a_template_reused_for_another_strike_is_not_a_copy(ledger: Ledger, extractor: Extractor) -> None:
    # most words shared (3-gram Jaccard about 0.76), but another town and another toll
    other = WIRE.replace("Khan Sheikhoun", "Saraqib").replace("23 people", "7 people").replace(
        "a market and a residential building", "a bakery") + " Two hospitals were also damaged in the raids."
    ingest(ledger, extractor, [("Outlet A", "2017-04-07", WIRE), ("Outlet B", "2017-04-07", other)])
    update(ledger)
    names = {i.location.name for i in ledger.incidents() if i.location}
    assert {"Khān Shaykhūn", "Saraqib"} <= names  # Khan Sheikhoun and Saraqib stay apart
    toll_of = {i.incident_id: {q.value for c in ledger.claims_by_id(list(i.claim_ids)).values()
                               for q in c.quantities if q.measure == "killed"} for i in ledger.incidents()}
    assert sorted(v for tolls in toll_of.values() for v in tolls) == [7.0, 23.0]  # each counted once
    assert not any({7.0, 23.0} <= tolls for tolls in toll_of.values())  # never in one incident
    # the template's sentences without figures may count as copies; the tolls never do
    dups = [ledger.claim(cid) for i in toll_of for cid, _ in ledger.duplicates_in(i)]
    assert all(c is not None and not c.quantities for c in dups)


# ---------------------------------------------------------------------------- incremental


def test_new_articles_update_incidents_without_regrouping(ledger: Ledger, extractor: Extractor) -> None:
    ingest(ledger, extractor, [SARAQIB_12])
    update(ledger)
    (before,) = ledger.incidents()
    first_claim = before.claim_ids[0]
    ingest(ledger, extractor, [SARAQIB_30])
    report = update(ledger)
    assert report.claims == 1 and report.incidents_new == 0 and report.incidents_changed == 1
    (after,) = ledger.incidents()
    assert after.incident_id == before.incident_id
    assert after.claim_ids[0] == first_claim and len(after.claim_ids) == 2
    assert [c.kind for c in ledger.contradictions()] == ["count"]
    # nothing left to do: a second run changes nothing
    assert update(ledger).claims == 0


def test_a_killed_grouping_run_leaves_the_ledger_as_it_was(ledger: Ledger, extractor: Extractor,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ingest(ledger, extractor, [SARAQIB_12, SARAQIB_30])

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    import counterclaim.group.contradictions as contra

    monkeypatch.setattr(contra.Finder, "find", boom)
    with pytest.raises(KeyboardInterrupt):
        update(ledger)
    assert ledger.pending_grouping() == 2 and list(ledger.incidents()) == []
    monkeypatch.undo()
    assert update(ledger).claims == 2
    assert len(list(ledger.contradictions())) == 1


# ---------------------------------------------------------------------------- the seed articles


@pytest.fixture(scope="module")
def seed_ledger(tmp_path_factory: pytest.TempPathFactory, seed_results: dict[str, Result]) -> Iterator[Ledger]:
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Ledger(path) as led:
        add_seeds(led, seed_results)
        update(led)
        yield led


def _doc_of(ledger: Ledger, prefix: str) -> str:
    (doc,) = [d for d in ledger.documents() if d.source_path and Path(d.source_path).name.startswith(prefix)]
    return doc.doc_id


def _denials(ledger: Ledger, doc_id: str) -> list[tuple[str, str, str, str]]:
    out = []
    for c in ledger.contradictions(kind="denial", doc_id=doc_id):
        claims = ledger.claims_by_id(list(c.claim_ids))
        d, a = claims[c.claim_ids[0]], claims[c.claim_ids[1]]
        out.append((d.claimant.organisation or d.claimant.actor or "", a.claimant.actor or "", d.evidence.text, a.evidence.text))
    return out


def test_seed_004_ministry_denial_against_sohr_26_killed(seed_ledger: Ledger) -> None:
    doc = _doc_of(seed_ledger, "004")
    found = _denials(seed_ledger, doc)
    hits = [x for x in found if x[0] == "Russian Ministry of Defence" and x[1] == "Syrian Observatory for Human Rights"]
    assert len(hits) == 1
    _, _, denial, assertion = hits[0]
    assert "did not carry out a single strike in Idlib" in denial
    assert "26 people were killed" in assertion


def test_seed_001_populated_areas_denial_against_sohr(seed_ledger: Ledger) -> None:
    doc = _doc_of(seed_ledger, "001")
    found = _denials(seed_ledger, doc)
    hits = [x for x in found if "does not strike populated areas" in x[2] and x[1] == "Syrian Observatory for Human Rights"]
    assert len(hits) == 1
    assert "Idlib" in hits[0][3] and "civilians" in hits[0][3]


def test_seed_002_not_using_cluster_bombs_against_hrw(seed_ledger: Ledger) -> None:
    doc = _doc_of(seed_ledger, "002")
    found = _denials(seed_ledger, doc)
    hits = [x for x in found if x[1] == "Human Rights Watch"]
    assert len(hits) == 1
    assert "not using" in hits[0][2] and hits[0][0] == "Russian Ministry of Defence"
    (c,) = [c for c in seed_ledger.contradictions(doc_id=doc) if c.claimants[1] == "Human Rights Watch"]
    assert "cluster munitions" in c.explanation


def test_seed_001_september_strikes_never_meet_004_february_denial(seed_ledger: Ledger) -> None:
    d001, d004 = _doc_of(seed_ledger, "001"), _doc_of(seed_ledger, "004")
    (ten,) = [c for c in seed_ledger.claims(doc_id=d001) if any(q.value == 10 and q.measure == "strikes" for q in c.quantities)]
    g = seed_ledger.grouping_of(ten.claim_id)
    assert g is not None and g["role"] == "member"
    inc = seed_ledger.incident(g["incident_id"])
    assert inc is not None and inc.time is not None and inc.time.start.startswith("2017-09")
    # no claim of 004 is in that incident, covers it, or contradicts anything in it
    assert d004 not in inc.doc_ids
    assert all(c.doc_id != d004 for c in covered_by(seed_ledger, inc.incident_id))
    for c in seed_ledger.contradictions(incident_id=inc.incident_id):
        assert all(x.doc_id != d004 for x in seed_ledger.claims_by_id(list(c.claim_ids)).values())


def test_seed_summary_claims_are_not_split_into_incidents(seed_ledger: Ledger) -> None:
    d002 = _doc_of(seed_ledger, "002")
    # "302 sorties ... 1,093 targets ... over December 18-23" is a summary, never an incident member
    (summary,) = [c for c in seed_ledger.claims(doc_id=d002)
                  if any(q.value == 302 for q in c.quantities) and c.location is not None
                  and c.location.precision == "country"]
    g = seed_ledger.grouping_of(summary.claim_id)
    assert g is not None and g["role"] == "summary" and g["incident_id"] is None
    # it covers the incidents of that week in Syria: the strikes in Idlib, Aleppo, Homs, Deir ez-Zor
    covered = [i for i in seed_ledger.incidents(since="2015-12-18", until="2015-12-23")
               if summary.claim_id in {c.claim_id for c in covered_by(seed_ledger, i.incident_id)}]
    assert {i.location.admin1 for i in covered if i.location} >= {"Idlib", "Aleppo", "Homs", "Deir ez-Zor"}
    # "87,000 militants eliminated" is a campaign total
    d003 = _doc_of(seed_ledger, "003")
    for c in seed_ledger.claims(doc_id=d003):
        if any((q.value or 0) >= 87000 for q in c.quantities):
            g = seed_ledger.grouping_of(c.claim_id)
            assert g is not None and g["role"] == "summary"


def test_every_contradiction_has_two_claims_their_evidence_and_one_sentence(seed_ledger: Ledger) -> None:
    found = list(seed_ledger.contradictions())
    assert found
    for c in found:
        claims = seed_ledger.claims_by_id(list(c.claim_ids))
        assert len(c.claim_ids) == 2 and len(claims) == 2
        assert tuple(e.text for e in c.evidence) == tuple(claims[i].evidence.text for i in c.claim_ids)
        for i in c.claim_ids:
            doc = seed_ledger.document(claims[i].doc_id)
            ev = claims[i].evidence
            assert doc is not None and doc.text[ev.start:ev.end] == ev.text
        assert c.explanation.endswith(".") and c.explanation.count(". ") == 0
        assert contradiction_from_dict(to_dict(c)) == c


def test_incidents_round_trip_and_keep_evidence(seed_ledger: Ledger) -> None:
    for inc in seed_ledger.incidents():
        assert incident_from_dict(to_dict(inc)) == inc
        claims = seed_ledger.claims_by_id(list(inc.claim_ids))
        assert inc.location_from in claims and inc.location == claims[inc.location_from].location
        assert {lk.claim_id for lk in inc.links} >= set(inc.claim_ids)


def test_filters(seed_ledger: Ledger) -> None:
    idlib = list(seed_ledger.incidents(admin1="idlib"))
    assert idlib and all(i.location and i.location.admin1 == "Idlib" for i in idlib)
    feb = list(seed_ledger.incidents(since="2017-02-01", until="2017-02-28"))
    assert feb and all(i.time and i.time.start <= "2017-02-28" and i.time.end >= "2017-02-01" for i in feb)
    hrw = list(seed_ledger.contradictions(claimant="human rights watch"))
    assert len(hrw) == 1
    assert all(c.kind == "denial" for c in seed_ledger.contradictions(kind="denial"))


# ---------------------------------------------------------------------------- unit rules


def _claim(cid: str, *, admin1: str | None = "Idlib", lat: float | None = 35.93, lon: float | None = 36.63,
           precision: str = "point", start: str | None = "2017-03-07", end: str | None = "2017-03-07",
           tprec: str = "day", event: str = "airstrike", stance: str = "asserts",
           quantities: tuple[Quantity, ...] = (), locations: tuple[Location, ...] = ()) -> Claim:
    loc = None if precision == "none" else Location(
        text="x", name="x", admin1=admin1, country="Syria", lat=lat, lon=lon, precision=precision)
    time = None if start is None else TimeSpan(text="t", start=start, end=end, precision=tprec)
    return Claim(
        claim_id=cid, doc_id="d" + cid, claimant=Claimant("SOHR", "SOHR", "monitor", 0, 4), via=None,
        stance=stance, event_type=event, perpetrator=None, quantities=quantities, location=loc,
        locations=locations, time=time, stated_on=None, evidence=Span("e", 0, 1), confidence=0.9,
    )


DOC = DocInfo("d", "2017-03-08", "Outlet")


def test_roles_of_footprints() -> None:
    assert footprint(_claim("a"), DOC).role == "event"
    assert footprint(_claim("b", start="2017-01-01", end="2017-02-07", tprec="days"), DOC).role == "summary"
    assert footprint(_claim("c", tprec="month", start="2017-03-01", end="2017-03-31"), DOC).role == "summary"
    assert footprint(_claim("d", precision="country", admin1=None, lat=None, lon=None), DOC).role == "summary"
    two = (Location("Aleppo", admin1="Aleppo", precision="admin1"), Location("Idlib", admin1="Idlib", precision="admin1"))
    assert footprint(_claim("e", precision="admin1", lat=None, lon=None, locations=two), DOC).role == "summary"
    big = (Quantity("87,000 militants", 87000, 87000, 87000, "exact", "killed", "militants", 0, 1),)
    assert footprint(_claim("f", quantities=big), DOC).role == "summary"
    assert footprint(_claim("g", event="sorties"), DOC).role == "summary"
    assert footprint(_claim("h", precision="none"), DOC).role == "unplaced"
    # no time: the week before publication, and it says so
    fp = footprint(_claim("i", start=None), DOC)
    assert fp.role == "event" and fp.time_basis == "published"
    assert (fp.start, fp.end) == (day("2017-03-01"), day("2017-03-08")) and ASSUMED_DAYS == 7
    assert footprint(_claim("j", start=None), DocInfo("d", None, None)).role == "unplaced"


def test_where_people_came_from_neither_places_nor_spreads_the_event() -> None:
    # "buses carrying evacuees from Fuaa (Idlib) hit at a transit point west of Aleppo": one
    # event in Aleppo, not a claim about two governorates
    fuaa = Location("Fuaa", admin1="Idlib", precision="near", relation="from")
    aleppo = Location("Aleppo", admin1="Aleppo", precision="near", relation="west of")
    fp = footprint(_claim("k", admin1="Aleppo", precision="near", locations=(fuaa, aleppo)), DOC)
    assert fp.role == "event" and fp.areas == ("Aleppo",)
    # "shells fired from Idlib killed 3": where they landed is not said, so the claim is unplaced
    c = replace(_claim("l", locations=(fuaa,)), location=fuaa)
    assert footprint(c, DOC).role == "unplaced"
    # a Syrian dateline is where the report was filed, not a second governorate of the claim
    filed = Location("ALEPPO", admin1="Aleppo", precision="point", relation="dateline")
    assert footprint(_claim("m", locations=(filed,)), DOC).role == "event"


def _state(**kw: object) -> IncidentState:
    base: dict[str, object] = dict(
        incident_id="i", area="Idlib", lat=35.93, lon=36.63, prec=0, start=day("2017-03-07"),
        end=day("2017-03-07"), place_from="a", time_from="a", time_basis="text", location=None, time=None,
    )
    base.update(kw)
    return IncidentState(**base)  # type: ignore[arg-type]


def test_compare_gates_time_place_and_type() -> None:
    st = _state()
    st.types["airstrike"] += 1
    assert compare(footprint(_claim("a"), DOC), st) is not None
    assert compare(footprint(_claim("b", start="2017-03-08", end="2017-03-08"), DOC), st) is None  # other day
    # about 21 km away (0.19 degrees of latitude): beyond the 15 km of two points
    assert compare(footprint(_claim("c", lat=36.12), DOC), st) is None
    s = compare(footprint(_claim("d", lat=35.98), DOC), st)  # about 5.6 km
    assert s is not None and s.distance_km is not None and 5 < s.distance_km < 6.5
    assert compare(footprint(_claim("e", event="territory"), DOC), st) is None
    assert compare(footprint(_claim("f", event="shelling"), DOC), st) is not None  # compatible kinds
    # a governorate-only claim meets a point incident in the same governorate, not in another
    assert compare(footprint(_claim("g", precision="admin1", lat=None, lon=None), DOC), st) is not None
    assert compare(footprint(_claim("h", precision="admin1", admin1="Hama", lat=None, lon=None), DOC), st) is None


def test_group_in_memory_and_state_round_trip() -> None:
    claims = [_claim("a"), _claim("b", lat=35.95), _claim("c", precision="admin1", lat=None, lon=None),
              _claim("d", start="2017-03-01", end="2017-03-01")]
    result = group(claims, {c.doc_id: DocInfo(c.doc_id, "2017-03-08", None) for c in claims})
    assert result.assignment["a"] == result.assignment["b"] == result.assignment["c"]
    assert result.assignment["d"] != result.assignment["a"]
    assert result.links["b"].role == "member" and result.links["a"].role == "founder"
    g = Grouper()
    g.add((c, footprint(c, DOC)) for c in claims)
    assert len(g.states) == 2
    for s in g.states.values():
        assert state_from_dict(state_to_dict(s)) == s


def test_a_coarse_claim_fitting_several_incidents_is_kept_apart() -> None:
    # two strikes in Idlib governorate on the same day, 30 km apart; then "airstrikes in Idlib
    # province on Tuesday" could be either
    claims = [_claim("a"), _claim("b", lat=36.20),
              _claim("c", precision="admin1", lat=None, lon=None)]
    result = group(claims, {c.doc_id: DocInfo(c.doc_id, "2017-03-08", None) for c in claims})
    assert len({result.assignment[x] for x in "abc"}) == 3
    assert "could be any of 2 incidents" in result.links["c"].reason
    # with one incident that day it joins it
    single = group(claims[::2], {c.doc_id: DocInfo(c.doc_id, "2017-03-08", None) for c in claims})
    assert single.assignment["a"] == single.assignment["c"]


def test_figure_ranges_and_object_classes() -> None:
    def q(text: str, value: float | None, low: float | None, high: float | None, bound: str, obj: str | None) -> Quantity:
        return Quantity(text, value, low, high, bound, "killed", obj, 0, 1)

    assert figure_range(q("up to 200", 200, None, 200, "high", "militants")) == (0.0, 200)
    assert figure_range(q("at least 12", 12, 12, None, "low", None)) == (12, float("inf"))
    lo, hi = figure_range(q("about 30", 30, None, None, "approx", None)) or (0, 0)
    assert lo == pytest.approx(27) and hi == pytest.approx(33)
    assert figure_range(q("dozens", None, 24, None, "vague", None)) == (24, float("inf"))
    assert object_class(q("10 civilians", 10, 10, 10, "exact", "civilians")) == "civilians"
    assert object_class(q("200 fighters", 200, 200, 200, "exact", "fighters")) == "militants"
    assert object_class(q("26 people", 26, 26, 26, "exact", "people")) == "people"
    assert object_class(q("12", 12, 12, 12, "exact", None)) == "people"
    trucks = Quantity("3 trucks", 3, 3, 3, "exact", "destroyed", "oil trucks", 0, 1)
    assert object_class(trucks) == "truck"


def test_a_claim_nobody_can_be_named_for_is_compared_with_nothing() -> None:
    from dataclasses import replace as _replace

    from counterclaim.group.contradictions import Finder, unattributed

    twelve = Quantity("12 people", 12, 12, 12, "exact", "killed", "people", 0, 1)
    thirty = Quantity("30 people", 30, 30, 30, "exact", "killed", "people", 0, 1)
    a = _claim("a", quantities=(twelve,))
    b = _replace(_claim("b", quantities=(thirty,)), claimant=Claimant("it", None, "unknown", 0, 2))
    assert unattributed(b) and not unattributed(a)
    finder = Finder(lambda c: frozenset(), lambda c: c.claimant.actor or "?")
    assert finder.find("i", [a, b]) == ([], [])
    named = _replace(b, claimant=Claimant("Civil Defence", "Syria Civil Defence", "ngo", 0, 13))
    found, _ = finder.find("i", [a, named])
    assert [c.kind for c in found] == ["count"]
