"""Place and time mentions: what a claim's sentence says about where and when.  Each sentence is chosen for one behaviour; expectations were read off the sentence by hand."""

from __future__ import annotations

from counterclaim import extract
from counterclaim.extraction.mentions import time_mentions

from .helpers import first_sentence

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


def test_time_list_is_one_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = first_sentence(nlp, "Planes did not carry out a single strike in Idlib yesterday, or this week, or even since the beginning of 2017.")
    times = time_mentions(sent, set(range(sent.start, sent.end)), set(), sent.doc.text, EN)
    assert [t.text for t in times] == ["yesterday, or this week, or even since the beginning of 2017"]


def test_day_range_is_one_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = first_sentence(nlp, "Jets delivered 1,000 airstrikes in five provinces on December 18-23.")
    times = time_mentions(sent, set(range(sent.start, sent.end)), set(), sent.doc.text, EN)
    assert "December 18-23" in [t.text for t in times]


def test_statement_day_is_not_event_time() -> None:
    (claim,) = extract("The ministry said Monday it had killed 200 fighters near Palmyra.", outlet="X")
    assert claim.stated_on is not None and claim.stated_on.text == "Monday"
    assert claim.time is None


def test_future_time_is_not_event_time() -> None:
    (claim,) = extract("Jets killed 30 fighters who were planning attacks ahead of the polls next month.", outlet="X")
    assert claim.time is None


def test_relation_words_before_a_place() -> None:
    (claim,) = extract("Jets struck a base northeast of Palmyra, killing 30 fighters.", outlet="X")
    assert claim.location is not None and (claim.location.text, claim.location.relation) == ("Palmyra", "northeast of")
    # "northeast of" a town is near it, not at it: no invented precision
    assert claim.location.precision == "near" and claim.location.admin1 == "Homs"


def test_actor_place_is_not_a_location() -> None:
    # "Moscow condemned": the capital stands for the government
    (claim,) = extract("Moscow condemned U.S. strikes on militias in eastern Syria.", outlet="X")
    assert claim.claimant.text == "Moscow" and claim.claimant.actor == "Russian government"
    assert [loc.text for loc in claim.locations] == ["Syria"]


def test_government_named_by_its_capital_is_not_a_place() -> None:
    # "at the Damascus government's request", "authorization from Damascus": who, not where
    (claim,) = extract(
        "The coalition has been conducting air raids in Syria without any authorization from Damascus "
        "or at the Damascus government's request.",
        outlet="X",
    )
    assert [loc.text for loc in claim.locations] == ["Syria"]


def test_lost_apostrophe_and_diacritic_free_names_resolve() -> None:
    # FA-KES drops apostrophes ("Syrias Deir ezzor"); GeoNames writes "Al Qāmishlī"
    claims = extract("US airstrikes kill 23 civilians in Syrias Deir ezzor. A bomb killed five policemen in the city of Qamishli.", outlet="X")
    assert [(c.location.text, c.location.admin1) for c in claims if c.location] == [("Deir ezzor", "Deir ez-Zor"), ("Qamishli", "Hasakah")]


def test_place_inside_a_run_the_model_mislabelled() -> None:
    # punctuation lost: the model labels "Aleppo the Syrian Observatory for Human Rights" as one WORK_OF_ART
    text = "At least 21 people were killed on Sunday in a rebel mortar attack on the Syrian city of Aleppo the Syrian Observatory for Human Rights said."
    (claim,) = extract(text, outlet="X")
    assert claim.location is not None and claim.location.admin1 == "Aleppo"
    assert claim.claimant.actor == "Syrian Observatory for Human Rights"


def test_spelling_the_gazetteer_only_generates_is_found() -> None:
    # "Ain al-Arab" is GeoNames' "‘Ayn al ‘Arab" (a variant); "Raqqah" the model calls a PERSON
    claims = extract("Jets killed 18 militants near the town of Ain al-Arab and 45 people in the city of Raqqah.", outlet="X")
    admin1 = {loc.admin1 for c in claims for loc in c.locations}
    assert {"Aleppo", "Raqqa"} <= admin1


def test_claimants_own_place_when_the_claim_names_none() -> None:
    (claim,) = extract("Activists in the district of Alwaer in Homs said that at least 6 civilians were killed in shelling on Sunday.", outlet="X")
    assert claim.location is not None and claim.location.admin1 == "Homs" and claim.location.relation == "(claimant) in"


def test_claimants_place_does_not_hide_the_claims_own_place() -> None:
    (claim,) = extract("Activists in Homs said that 6 civilians were killed in shelling on Douma.", outlet="X")
    assert claim.location is not None and claim.location.text == "Douma"


def test_small_town_named_as_a_town_is_found() -> None:
    # al-Qardaha is small; a spelling variant alone would not be trusted, "the town of" makes it a place
    (claim,) = extract("At least four people were killed in an explosion that rocked the Syrian town of al-Qardaha.", outlet="X")
    assert claim.location is not None and claim.location.admin1 == "Latakia"


def test_place_glued_to_a_nationality_word() -> None:
    # the model reads "Aleppo Syrian" (punctuation lost) as one NORP entity
    (claim,) = extract("A bomb blast killed six people in the Salah al-Din district of Aleppo Syrian state television reported.", outlet="X")
    assert claim.location is not None and claim.location.admin1 == "Aleppo"


# --------------------------------------------------------------------------- issue 11: where and when


def test_a_fronted_place_belongs_to_the_strikes_of_its_sentence() -> None:
    # pattern: a belligerent's strike list, the place fronted before the comma; the small model
    # reads "Near Ar Raqqah" as a person and leaves "Ayn Isa" out
    for sentence, place in (
        ("Near Ar Raqqah, 15 strikes engaged five tactical units and destroyed two bridges.", "Ar Raqqah"),
        ("Near Ayn Isa, one strike destroyed a repeater station.", "Ayn Isa"),
        ("Northeast of Aleppo, jets struck a convoy, killing four fighters.", "Aleppo"),
    ):
        (claim,) = extract(sentence, outlet="X")
        assert claim.location is not None and claim.location.text == place, sentence
        assert claim.location.precision == "near"


def test_a_fronted_time_is_not_a_place() -> None:
    # pattern: "Around midday, ..." fronts a time, not a place
    (claim,) = extract("Around Tuesday, jets struck the town of Saraqeb, killing four people.", outlet="X")
    assert [m.text for m in claim.locations] == ["Saraqeb"]


def test_a_name_after_the_town_of_is_a_place_whatever_its_label() -> None:
    # pattern: "the Syrian town of Dabiq" (the model calls Dabiq an organisation)
    (claim,) = extract("Syrian opposition forces liberated the Syrian town of Dabiq from ISIL control.", outlet="X")
    assert "Dabiq" in [m.text for m in claim.locations]


def test_two_times_in_a_sentence_are_both_kept() -> None:
    # pattern: the statement's day and the event's day in one sentence; the one nearest the event
    # word is the claim's time, both are in times
    (claim,) = extract(
        "The monitor said on Tuesday that airstrikes on Sunday killed 12 people in Ariha.", outlet="X",
        published="2021-03-02",
    )
    assert claim.time is not None and claim.time.text == "on Sunday" and claim.time.start == "2021-02-28"
    texts = [t.text for t in claim.times] + ([claim.stated_on.text] if claim.stated_on else [])
    assert "on Sunday" in texts and any("Tuesday" in t for t in texts)


def test_the_items_of_a_strike_list_take_the_day_of_its_summary() -> None:
    # pattern: a belligerent's daily strike report: a dated summary, then one bulleted line per
    # place; each item is one of the summary's strikes, on its day
    text = (
        "On Jan. 8, Coalition military forces conducted 34 strikes against ISIL terrorists in Syria.\n"
        ".       Near Ar Raqqah, 15 strikes engaged five ISIL tactical units.\n"
        ".       Near Ayn Isa, one strike destroyed a repeater station.\n"
        "Strike assessments are based on initial reports.\n"
    )
    claims = extract(text, outlet="CENTCOM", published="2017-01-09")
    items = [c for c in claims if c.evidence.text.startswith("Near")]
    assert len(items) == 2
    for c in items:
        assert c.time is not None and (c.time.text, c.time.start) == ("Jan. 8", "2017-01-08")
        assert c.context is not None and c.context.text.startswith("On Jan. 8")


def test_the_site_a_strike_hit_is_kept_apart_from_its_place() -> None:
    # pattern: "destroyed a VBIED storage facility" / "a strike on a market": the kind of site hit,
    # never geocoded, never the claim's location
    (claim,) = extract("Near Al Huwayjah, one strike destroyed a VBIED storage facility.", outlet="X")
    assert [s.text for s in claim.sites] == ["VBIED storage facility"]
    assert all(s.relation == "site" and s.precision == "unknown" and s.lat is None for s in claim.sites)
    assert claim.location is not None and claim.location.text == "Al Huwayjah"
    (claim,) = extract("An airstrike on a crowded market in Ariha killed nine civilians.", outlet="X")
    assert [s.text for s in claim.sites] == ["crowded market"]
    assert claim.location is not None and claim.location.text == "Ariha"


def test_the_members_of_a_coalition_are_not_places() -> None:
    # pattern: "nations which have conducted strikes in Syria include Australia, Canada ...": the
    # countries listed are the coalition's members, not where the strikes were
    (claim,) = extract("Coalition nations which have conducted strikes in Syria include Australia, Canada and France.",
                       outlet="X")
    assert [m.text for m in claim.locations] == ["Syria"]


def test_age_after_a_name_is_not_a_time(nlp) -> None:  # type: ignore[no-untyped-def]
    # pattern: casualty and obituary reports give a victim's age between commas after the name
    # ("Scott Dayton, 42, of Woodbridge, died Nov. 24"); the model may label the age a DATE
    sent = first_sentence(nlp, "Navy Senior Chief Petty Officer Scott Dayton, 42, of Woodbridge, Virginia, died Nov. 24 in northern Syria.")
    times = time_mentions(sent, set(range(sent.start, sent.end)), set(), sent.doc.text, EN)
    assert [t.text for t in times] == ["Nov. 24"]


def test_number_between_commas_after_a_date_stays_a_time(nlp) -> None:  # type: ignore[no-untyped-def]
    # the guard needs a name before the commas: "on Nov. 24, 2016, jets struck" keeps its year
    sent = first_sentence(nlp, "On Nov. 24, 2016, jets struck Raqqah.")
    times = time_mentions(sent, set(range(sent.start, sent.end)), set(), sent.doc.text, EN)
    assert any("2016" in t.text for t in times)


def test_feast_day_is_the_time_of_the_event() -> None:
    # pattern: reports date an event by the feast it fell on ("killed in Syria on Thanksgiving
    # Day", "on Christmas Eve", "on the first day of Eid al-Adha"); the model labels the name an
    # EVENT in running text, so the phrase after "on" is read as the time, without a window
    (claim,) = extract("Jets struck Douma on Christmas Eve, killing five people.", outlet="X")
    assert claim.time is not None and claim.time.text == "Christmas Eve"
    assert claim.time.start is None
    text = ("The Defense Department has identified the American service member who was killed in Syria on Thanksgiving Day.\n\n"
            "Navy Senior Chief Petty Officer Scott C. Dayton, 42, of Woodbridge, Virginia, died Nov. 24 in northern Syria.")
    first = extract(text, outlet="X")[0]
    assert first.time is not None and first.time.text == "Thanksgiving Day"
