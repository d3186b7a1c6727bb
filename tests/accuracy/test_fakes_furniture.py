"""Page furniture in one-paragraph texts (FA-KES rows): a comment widget's tail, a photo caption
before a dateline in capitals, and town names the model calls a person."""

from __future__ import annotations

from counterclaim import extract
from counterclaim.read.clean import clean_text

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")

BODY = ("Shelling killed four people in the Khalidiya district of Aleppo on Saturday, SANA reported. "
        "A source at the police command said seven others were wounded.")
WIDGET = "Community standardsDiscussion Comment via FacebookComment via Sputnik News"


def _check(raw: str, c) -> None:  # type: ignore[no-untyped-def]
    for r in c.removed:
        assert raw[r.start:r.end] == r.text and 0 <= r.at <= len(c.text)


def test_widget_tail_with_share_count_related_and_tags_is_a_footer() -> None:
    tail = ("... 24 Related Four Ceasefire Violations Recorded in Syrias Damascus Province Activists Use "
            "Pokemon Go in Syria Tags terrorism shelling Baath Aleppo Syria " + WIDGET)
    raw = BODY + " " + tail
    c = clean_text(raw, EN)
    _check(raw, c)
    assert c.text == BODY
    assert [(r.reason, r.text) for r in c.removed] == [("footer", tail)]


def test_widget_tail_without_share_count_starts_at_the_first_marker_after_the_last_sentence() -> None:
    # an earlier "Topic" in the header is not where the tail starts
    head = "Topic Fighting in Aleppo (12) "
    tail = "Tags shelling Aleppo Syria " + WIDGET
    raw = head + BODY + " " + tail
    c = clean_text(raw, EN)
    _check(raw, c)
    assert c.text == head.strip() + " " + BODY
    assert [r.text for r in c.removed] == [tail]


def test_widget_alone_goes_alone() -> None:
    raw = BODY + " " + WIDGET
    c = clean_text(raw, EN)
    assert c.text == BODY and [r.text for r in c.removed] == [WIDGET]


def test_no_widget_at_the_end_no_removal() -> None:
    # "Related" and "Tags" in prose, and a widget phrase that does not end the text, stay
    raw = ("Related clashes erupted in Idlib, where rebels said 12 fighters were killed. "
           "Community standards Discussion Comment via Facebook was the page's footer, a reader wrote, "
           "and Tags were missing.")
    c = clean_text(raw, EN)
    assert c.text == raw and c.removed == ()


def test_caption_before_a_dateline_in_capitals_is_not_the_claims_place() -> None:
    # a photo caption runs into the dateline and the first sentence: its town is not the place,
    # and the lead is the first sentence's province
    text = ("Last updated at Jul 152015 A member of the Syrian regime forces runs near destroyed buildings "
            "in the northeastern Syrian city of Hasakeh on Monday BEIRUT Thirteen civilians were killed in "
            "air raids on Wednesday on the northern province of Aleppo a monitoring group said. "
            "The weather was cold. Rescue workers said 40 others were wounded in the raids.")
    claims = extract(text, outlet="X")
    first = next(c for c in claims if "Thirteen" in c.evidence.text)
    assert [m.text for m in first.locations if m.relation != "dateline"] == ["Aleppo"]
    assert first.location is not None and first.location.admin1 == "Aleppo"
    later = next(c for c in claims if "40 others" in c.evidence.text)
    assert later.location is not None and later.location.admin1 == "Aleppo"


def test_capitals_acronym_mid_sentence_is_not_a_dateline() -> None:
    # only a name in capitals of four letters or more after the opening words; "US" is not one
    text = "Rebels said US Strikes killed 12 fighters near Aleppo on Monday."
    (claim,) = extract(text, outlet="X")
    assert all(m.relation != "dateline" for m in claim.locations)


def test_town_the_model_calls_a_person_after_a_preposition(nlp) -> None:  # type: ignore[no-untyped-def]
    # exact Syrian town name after "of the" / "of": a place; the same word as a subject is not touched
    doc = nlp("A man drove an ambulance packed with explosives into the parking of the Qardaha hospital.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Qardaha"] == [("Qardaha", "GPE")]
    doc = nlp("The outskirts of Qardaha have come under rocket fire.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Qardaha"] == [("Qardaha", "GPE")]


def test_person_name_after_a_preposition_stays_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The statement was read by Rami Abdel Rahman of the Observatory.")
    assert ("Rami Abdel Rahman", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_place_name_word_and_a_syrian_spelling_variant_make_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Tal Hamis" is GeoNames' "Tall Hamis" by spelling variant; the model calls it a PERSON
    doc = nlp("The capture of Tel Hamis was announced by the Kurdish YPG militia.")
    assert [(e.text, e.label_) for e in doc.ents if "Hamis" in e.text] == [("Tel Hamis", "GPE")]
    (claim,) = [c for c in extract("Air strikes killed 27 people on the outskirts of Tal Hamis, a monitor said.",
                                   outlet="X") if "27" in c.evidence.text]
    assert claim.location is not None and claim.location.admin1 == "Hasakah"


def test_place_name_word_without_a_syrian_place_stays_as_labelled(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Tal" opens many Syrian place names, but "Tal Qwertyuiop" is no place the gazetteer knows:
    # the entity keeps the model's label and becomes no place
    doc = nlp("Rebels said Tal Qwertyuiop was killed.")
    assert not [e.text for e in doc.ents if "Qwertyuiop" in e.text and e.label_ in ("GPE", "LOC", "FAC")]


CREDIT = "(TRT World and Agencies)"


def test_dated_caption_before_an_agencies_credit_is_a_caption() -> None:
    lead = "26 Jun 2016 The death toll from strikes has risen."
    caption = "Russian military jets are seen at Hmeymim air base in Syria June 18 2016"
    body = "The death toll from strikes in the town of Al Quriyah has risen to 82, a monitor said."
    raw = f"{lead} {caption} {CREDIT} {body}"
    c = clean_text(raw, EN)
    _check(raw, c)
    assert c.text == f"{lead} {body}"
    assert [(r.reason, r.text) for r in c.removed] == [("caption", f"{caption} {CREDIT}")]


def test_caption_runs_back_over_a_sentence_that_is_only_the_date() -> None:
    caption = "A man walks by a damaged site in the city of Qamishli near the Turkish border. July 27 2016."
    raw = f"A bomb hit Qamishli. {caption} {CREDIT} A second blast followed, police said."
    c = clean_text(raw, EN)
    assert [r.text for r in c.removed] == [f"{caption} {CREDIT}"]
    assert c.text == "A bomb hit Qamishli. A second blast followed, police said."


def test_caption_with_a_file_photo_credit_before_the_agencies_credit() -> None:
    caption = "A boy sits inside a tent near the Syrian-Turkish border Syria April 18 2017"
    raw = f"The deal was suspended. {caption} (File photo) {CREDIT} A bomb killed six people in Aleppo."
    c = clean_text(raw, EN)
    assert [(r.reason, r.text) for r in c.removed] == [("caption", f"{caption} (File photo) {CREDIT}")]


def test_agencies_credit_after_prose_goes_alone() -> None:
    # no date the picture was taken: the sentence is the article's, only the credit goes
    prose = "Over the weekend advances by the Turkish Army expelled DAESH from the last stretch of the border."
    raw = f"{prose} {CREDIT} Turkish Armed Forces launched an operation in August."
    c = clean_text(raw, EN)
    assert [(r.reason, r.text) for r in c.removed] == [("photo credit", CREDIT)]
    assert prose in c.text
