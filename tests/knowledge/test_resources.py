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
    doc = custom.nlp(SENTENCE)
    assert TOWN in [e.text for e in doc.ents if e.label_ == "GPE"]


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
