"""Grouping a ledger end to end (group/update.py): cross-document incidents, contradictions and corroborations, republished copies, incremental runs, and the seed articles' contradictions.  Each constructed article states what it is for; expected values are read off the sentences by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counterclaim.group.update import covered_by, update
from counterclaim.knowledge.actors import Registry
from counterclaim.knowledge.resources import Resources
from counterclaim.ledger import Ledger, open_ledger
from counterclaim.model import (
    Claim,
    Claimant,
    Document,
    Location,
    Perpetrator,
    Span,
    TimeSpan,
    contradiction_from_dict,
    doc_id_for,
    incident_from_dict,
    to_dict,
)
from counterclaim.pipeline import Extractor, Result

from ..conftest import add_seeds
from .helpers import WIRE, ingest

SARAQIB_12 = ("Outlet A", "2017-03-08",
              "Airstrikes hit the town of Saraqib in Idlib province on Tuesday, killing 12 people, "
              "the Syrian Observatory for Human Rights said.")


SARAQIB_30 = ("Outlet B", "2017-03-08",
              "Airstrikes on the town of Saraqib in Idlib province on Tuesday killed 30 people, "
              "the Syria Civil Defence said.")


SARAQIB_12_AGAIN = ("Outlet C", "2017-03-09",
                    "The Syria Civil Defence said 12 people were killed when airstrikes hit Saraqib in "
                    "Idlib province on Tuesday.")


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
    assert dups and all(link.role == "duplicate" for link in dups)
    assert all(link.to_claim_id in inc.claim_ids for link in dups)
    assert ledger.corroborations() == []  # a story repeated is not a second witness


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
    dups = [ledger.claim(lk.claim_id) for i in toll_of for lk in ledger.duplicates_in(i)]
    assert all(c is not None and not c.quantities for c in dups)


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


@pytest.fixture(scope="module")
def seed_ledger(tmp_path_factory: pytest.TempPathFactory, seed_results: dict[str, Result]) -> Iterator[Ledger]:
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with open_ledger(path) as led:
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
    assert g is not None and g.role == "member"
    inc = seed_ledger.incident(g.incident_id)
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
    assert g is not None and g.role == "summary" and g.incident_id is None
    # it covers the incidents of that week in Syria: the strikes in Idlib, Aleppo, Homs, Deir ez-Zor
    covered = [i for i in seed_ledger.incidents(since="2015-12-18", until="2015-12-23")
               if summary.claim_id in {c.claim_id for c in covered_by(seed_ledger, i.incident_id)}]
    assert {i.location.admin1 for i in covered if i.location} >= {"Idlib", "Aleppo", "Homs", "Deir ez-Zor"}
    # "87,000 militants eliminated" is a campaign total
    d003 = _doc_of(seed_ledger, "003")
    for c in seed_ledger.claims(doc_id=d003):
        if any((q.value or 0) >= 87000 for q in c.quantities):
            g = seed_ledger.grouping_of(c.claim_id)
            assert g is not None and g.role == "summary"


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


def test_update_reads_sides_with_the_registry_of_the_resources_it_is_given() -> None:
    # Which side a perpetrator is on comes from the actor registry of the Resources passed in
    # (the bundled one when none): with an empty registry "Russian Aerospace Forces" names no side.
    text = "Russian jets struck Saraqib on Tuesday, SOHR said."
    doc = Document(doc_id=doc_id_for(text), text=text, published="2017-03-08")
    place = Location("Saraqib", "Saraqib", "Idlib", "Syria", 35.86, 36.8, precision="point")
    claim = Claim(
        claim_id="c0", doc_id=doc.doc_id, claimant=Claimant("SOHR", "SOHR", "monitor", 40, 44), via=None,
        stance="asserts", event_type="airstrike",
        perpetrator=Perpetrator("Russian jets", "Russian Aerospace Forces", 0, 12), quantities=(), location=place,
        locations=(place,), time=TimeSpan("on Tuesday", "2017-03-07", "2017-03-07", "day"), stated_on=None,
        evidence=Span(text, 0, len(text)), confidence=0.9,
    )
    sides: dict[str, tuple[str, ...]] = {}
    for name, resources in (("bundled", None), ("empty", Resources(Resources.default().gazetteer, Registry([], [])))):
        with open_ledger(":memory:") as led:
            led.add(doc, [claim])
            update(led, resources)
            (state,) = led.incident_states()
            sides[name] = state.sides
    assert sides == {"bundled": ("state:RU",), "empty": ()}
