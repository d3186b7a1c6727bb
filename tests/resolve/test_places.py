"""Place resolution in context (places.py): each case is one rule of the module docstring."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.export.codes import acled_geo_precision, ucdp_where_prec
from counterclaim.knowledge.gazetteer import Gazetteer
from counterclaim.knowledge.lexicon import lexicon_for
from counterclaim.model import Location
from counterclaim.resolve.places import best_of, build_context, resolve_location

EN = lexicon_for("en")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(user=False)


def _loc(text: str, relation: str | None = None) -> Location:
    return Location(text=text, relation=relation)


def _resolve(gaz: Gazetteer, text: str, relation: str | None = None, context: tuple[str, ...] = ("Syria",)) -> Location:
    ctx = build_context([_loc(t) for t in context], gaz, EN)
    return resolve_location(_loc(text, relation), gaz, ctx)


def test_town_is_a_point_with_its_governorate(gaz: Gazetteer) -> None:
    loc = _resolve(gaz, "al-Bab")
    assert (loc.precision, loc.admin1, loc.admin1_code, loc.country) == ("point", "Aleppo", "SY-HL", "Syria")
    assert loc.lat is not None and 36.0 < loc.lat < 36.5 and loc.source == "geonames"


def test_relation_words_set_the_precision(gaz: Gazetteer) -> None:
    # "northeast of Palmyra" is near the town; "the countryside of Idlib" and "southern Idlib"
    # are the governorate; "eastern Syria" is the country
    assert _resolve(gaz, "Palmyra", "northeast of").precision == "near"
    assert _resolve(gaz, "Palmyra", "northeast of").admin1 == "Homs"
    assert _resolve(gaz, "Idlib", "the countryside of").precision == "admin1"
    assert _resolve(gaz, "Idlib", "southern").precision == "admin1"
    assert _resolve(gaz, "Idlib Province").precision == "admin1"
    assert _resolve(gaz, "Syria", "eastern").precision == "country"
    # "the city of" names the town; it is not "near" it
    assert _resolve(gaz, "Idlib", "the city of").precision == "point"


def test_bare_governorate_name_is_the_town_with_a_note(gaz: Gazetteer) -> None:
    loc = _resolve(gaz, "Idlib")
    assert loc.precision == "point" and loc.admin1 == "Idlib"
    assert loc.note is not None and "governorate" in loc.note


def test_far_namesake_is_never_picked(gaz: Gazetteer, tmp_path: Path) -> None:
    # a user file adds Palmyra, New York; an article about Syria still means Tadmur in Homs, and
    # a name whose only candidates lie outside the article's countries stays unknown
    f = tmp_path / "us.tsv"
    f.write_text(
        "name\taliases\tlat\tlon\tcountry\tadmin1\tkind\tsource\tnote\n"
        "Palmyra\t\t43.0639\t-77.2333\tUS\tNew York\ttown\ttest fixture\t\n"
        "Rochester\t\t43.1566\t-77.6088\tUS\tNew York\ttown\ttest fixture\t\n",
        encoding="utf-8",
    )
    g = Gazetteer.load(extra=[f], user=False)
    syria = build_context([_loc("Syria"), _loc("Homs")], g, EN)
    picked = resolve_location(_loc("Palmyra"), g, syria)
    assert picked.country == "Syria" and picked.admin1 == "Homs"
    lonely = resolve_location(_loc("Rochester"), g, syria)
    assert lonely.precision == "unknown" and lonely.lat is None
    assert lonely.note is not None and "outside the article's countries" in lonely.note


def test_unknown_name_keeps_only_its_text(gaz: Gazetteer) -> None:
    loc = _resolve(gaz, "Xyzzy Farms")
    assert (loc.precision, loc.lat, loc.admin1, loc.note) == ("unknown", None, None, "not in the gazetteer")


def test_region_is_near_not_a_point(gaz: Gazetteer) -> None:
    loc = _resolve(gaz, "Eastern Ghouta")
    assert loc.admin1 == "Rif Dimashq" and loc.precision == "near" and "region" in (loc.note or "")


def test_generic_word_after_a_name(gaz: Gazetteer) -> None:
    # "Qalamoun Barrens": the model's entity runs on past the name
    loc = _resolve(gaz, "Qalamoun Barrens")
    assert loc.admin1 == "Rif Dimashq" and "inside" in (loc.note or "")


def test_several_provinces_make_a_country_level_claim(gaz: Gazetteer) -> None:
    ctx = build_context([_loc("Aleppo"), _loc("Idlib"), _loc("Hama")], gaz, EN)
    mentions = tuple(resolve_location(_loc(n, "the provinces of"), gaz, ctx) for n in ("Aleppo", "Idlib", "Hama"))
    assert [m.precision for m in mentions] == ["admin1"] * 3
    best = best_of(mentions)
    assert best is not None and best.precision == "country" and best.admin1 is None
    assert best.note is not None and "3 governorates" in best.note


def test_countries_beyond_the_region(gaz: Gazetteer) -> None:
    loc = _resolve(gaz, "the United States")
    assert (loc.precision, loc.country) == ("country", "United States of America")


@pytest.mark.parametrize(
    ("precision", "acled", "ucdp"),
    [("point", 1, 1), ("near", 2, 2), ("admin1", 3, 4), ("country", 3, 6), ("unknown", None, None)],
)
def test_precision_codes(precision: str, acled: int | None, ucdp: int | None) -> None:
    assert acled_geo_precision(precision) == acled and ucdp_where_prec(precision) == ucdp


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # seed 004: SOHR does not know who struck
        ("Syrian, Russian or the US-led coalition", ["Syrian government", "Russian government", "US-led coalition"]),
        # seed 001: the warplanes are shared by both nationality words
        ("Russian and Syrian government warplanes", ["Russian Aerospace Forces", "Syrian Arab Air Force"]),
        # seed 002: a list of three actors, one with "separately"
        ("the US-led coalition, the Syrian Air Force and separately Turkish warplanes",
         ["US-led coalition", "Syrian Arab Air Force", "Turkish Armed Forces"]),
        # seed 004: Rudskoi's "the Syrian and Russian airstrikes" leaves two bare nationality words
        ("Syrian and Russian", ["Syrian government", "Russian government"]),
    ],
)
def test_several_perpetrators_each_get_their_actor(text: str, actors: list[str]) -> None:
    from counterclaim.knowledge.actors import default_registry
    from counterclaim.resolve.stage import several_actors

    assert several_actors(text, default_registry(), EN) == actors


# --------------------------------------------------------------------------- namesakes (issue 11)


def _in_text(gaz: Gazetteer, text: str, name: str, context: tuple[str, ...]) -> Location:
    """``name`` as mentioned in ``text`` (its first occurrence), resolved with ``text`` around it."""
    at = text.index(name)
    ctx = build_context([_loc(t) for t in context], gaz, EN, text)
    return resolve_location(Location(text=name, text_start=at, text_end=at + len(name)), gaz, ctx)


def test_a_syrian_place_beats_its_foreign_namesake_in_an_article_about_syria(gaz: Gazetteer) -> None:
    # pattern: Sinjar is a Syrian village (Idlib) and a larger Iraqi town; the article names both
    # countries and says nothing of Sinjar's country: the home country's place wins
    text = "Jets struck Sinjar on Monday, the monitor in Syria said; Iraq condemned the raid."
    loc = _in_text(gaz, text, "Sinjar", ("Syria", "Iraq"))
    assert (loc.country, loc.admin1) == ("Syria", "Idlib")


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck Sinjar, Iraq, on Monday; Syria denied it.",  # the country after the name
        "Jets struck Iraq's Sinjar on Monday; Syria denied it.",  # the country before it
        "Jets struck the Iraqi town of Sinjar on Monday; Syria denied it.",  # a nationality and "town of"
        "Syria\n. Near Raqqa, two strikes hit a bridge.\nIraq\n. Near Sinjar, two strikes hit a tunnel.",  # a list's heading
    ],
)
def test_unless_the_text_says_the_namesake_is_meant(gaz: Gazetteer, text: str) -> None:
    loc = _in_text(gaz, text, "Sinjar", ("Syria", "Iraq"))
    assert loc.country == "Iraq"
