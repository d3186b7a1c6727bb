"""The re3d measure (evaluate/re3d.py), checked on hand-made claims and on the bundled files."""

from __future__ import annotations

from counterclaim.evaluate.re3d import GoldDocument, Re3dReport, claim_spans, load, score
from counterclaim.model import Claim, Claimant, Location, Quantity, Span, TimeSpan


def _claim(places: tuple[str, ...] = (), time: str | None = None, quantity: str | None = None) -> Claim:
    return Claim(
        claim_id="c", doc_id="d", claimant=Claimant("CENTCOM", "CENTCOM", "state_military", 0, 7), via=None,
        stance="asserts", event_type="airstrike", perpetrator=None,
        quantities=(Quantity(quantity, 4, 4, 4, "exact", "struck", "strikes", 0, len(quantity)),) if quantity else (),
        location=None, locations=tuple(Location(text=p) for p in places),
        time=TimeSpan(text=time) if time else None, stated_on=None, evidence=Span("e", 0, 1), confidence=0.9,
    )


def test_a_span_recalls_an_entity_it_contains_or_is_contained_in() -> None:
    # "Near Raqqah, four strikes engaged ..." annotated as Location "Raqqah", Quantity "four strikes"
    # and Temporal "Jan. 4"; the claim's spans: "Raqqah", "four strikes", "on Jan. 4"
    doc = GoldDocument("d", "centcom", "", "", None, frozenset({
        ("place", "raqqah"), ("place", "mosul"), ("quantity", "four strikes"), ("time", "jan. 4")}))
    report = Re3dReport()
    score(report, doc, [_claim(("Raqqah", "Syria"), "on Jan. 4", "four strikes")])
    assert (report.gold["place"], report.recalled["place"]) == (2, 1)  # Mosul is not in a claim
    assert (report.spans["place"], report.matched["place"]) == (2, 1)  # "Syria" is no gold entity
    assert report.recall("time") == 1.0 and report.precision("quantity") == 1.0
    assert report.documents == 1 and report.no_claims == 0


def test_a_document_without_claims_counts_its_entities_as_missed() -> None:
    doc = GoldDocument("d", "uk", "", "", None, frozenset({("place", "aleppo")}))
    report = Re3dReport()
    score(report, doc, [])
    assert (report.no_claims, report.recall("place"), report.precision("place")) == (1, 0.0, 0.0)


def test_claim_spans_are_unique_and_lower_case() -> None:
    spans = claim_spans([_claim(("Raqqah",)), _claim(("RAQQAH",), "Jan. 4")])
    assert spans == {("place", "raqqah"), ("time", "jan. 4")}


def test_the_bundled_subset_is_whole() -> None:
    # 75 documents in four openly licensed folders (data/corpus/re3d/README.md); only entities of
    # the three kinds with confidence >= 0.5 count
    docs = load()
    assert len(docs) == 75
    assert {d.source for d in docs} == {"centcom", "uk-government", "us-state-department", "australia-dfat"}
    kinds = {k for d in docs for k, _ in d.gold}
    assert kinds == {"place", "time", "quantity"}
