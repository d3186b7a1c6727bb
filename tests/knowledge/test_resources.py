"""Resources are handed to every stage: an extractor built with a small gazetteer of its own
matches and resolves places against that gazetteer, not the bundled one."""

from __future__ import annotations

import pytest

from counterclaim.knowledge.actors import default_registry
from counterclaim.knowledge.gazetteer import Entry, Gazetteer
from counterclaim.knowledge.lexicon import lexicon_for
from counterclaim.knowledge.resources import Resources
from counterclaim.pipeline import Extractor

#: a town that exists nowhere but here
TOWN = "Qasr Zumbalin"
SENTENCE = f"Airstrikes killed 12 civilians in {TOWN} on Monday, the Syrian Observatory said."


def _small_gazetteer() -> Gazetteer:
    entries = [
        Entry("Syria", 35.0, 38.0, "SY", None, None, "country", None, None, "country"),
        Entry("Idlib", 35.8, 36.6, "SY", "Idlib", "SY07", "admin1", None, None, "governorate"),
        Entry(TOWN, 35.9, 36.5, "SY", "Idlib", "SY07", "city", 25_000, None, "user"),
    ]
    return Gazetteer(entries, [(0, "Syria"), (1, "Idlib"), (2, TOWN)])


@pytest.fixture(scope="module")
def custom() -> Extractor:
    return Extractor(resources=Resources(_small_gazetteer(), default_registry()))


def test_place_matcher_is_built_from_the_given_gazetteer(custom: Extractor) -> None:
    doc = custom.parse(SENTENCE)
    assert TOWN in [e.text for e in doc.ents if e.label_ == "GPE"]


def test_two_extractors_sharing_one_pipeline_keep_their_own_resources(custom: Extractor, extractor: Extractor) -> None:
    # one spaCy pipeline, two extractors with different gazetteers, used in turn: each document
    # carries its extractor's resources, so neither follows the other
    shared = Extractor(custom.nlp, resources=extractor.resources)
    assert shared.nlp is custom.nlp

    def places(ex: Extractor) -> list[str]:
        return [e.text for e in ex.parse(SENTENCE).ents if e.label_ == "GPE"]

    for _ in range(2):
        assert TOWN in places(custom)
        assert TOWN not in places(shared)
    # and within one stream: documents of the two interleaved
    docs = [custom.doc(SENTENCE), shared.doc(SENTENCE), custom.doc(SENTENCE)]
    found = [TOWN in [e.text for e in d.ents if e.label_ == "GPE"] for d in custom.nlp.pipe(docs)]
    assert found == [True, False, True]


def test_a_document_without_resources_is_refused(custom: Extractor) -> None:
    with pytest.raises(RuntimeError, match="carries no resources"):
        custom.nlp(SENTENCE)


def test_places_resolve_against_the_given_gazetteer(custom: Extractor) -> None:
    from counterclaim.model import RawRecord
    from counterclaim.read.clean import to_document

    document = to_document(RawRecord(raw=SENTENCE, outlet="X"), custom.lexicon(None))
    (claim,) = [c for c in custom.extract_document(document) if c.location is not None]
    assert claim.location is not None
    assert (claim.location.name, claim.location.admin1, claim.location.country) == (TOWN, "Idlib", "Syria")
    assert (claim.location.lat, claim.location.lon) == (35.9, 36.5)


def test_the_bundled_gazetteer_does_not_know_the_town() -> None:
    from counterclaim.knowledge.gazetteer import default_gazetteer

    assert default_gazetteer().lookup(TOWN) == []


def test_resources_hand_out_the_lexicon_of_a_language() -> None:
    res = Resources(_small_gazetteer(), default_registry(), (lexicon_for("en"),))
    assert res.lexicon("en") is lexicon_for("en")


def test_a_text_in_a_language_without_a_lexicon_is_one_input_error(extractor: Extractor) -> None:
    from counterclaim.errors import UnsupportedLanguage
    from counterclaim.model import RawRecord

    (result,) = extractor.run([RawRecord(raw=SENTENCE, source_path="fr.txt", language="fr")])
    assert isinstance(result.error, UnsupportedLanguage)
    assert result.error.message == "fr.txt: no lexicon for the text's language ('fr' (known: en))"
