"""Number phrases and bounds read from text alone."""

from __future__ import annotations

import pytest

from counterclaim.extraction.numbers import (
    bound_of,
    parse_number,
    parse_range,
    vague_low,
)

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,093", 1093), ("87,000", 87000), ("5,500", 5500), ("388,000", 388000),
        ("302", 302), ("1.5", 1.5), ("1.5 million", 1.5e6), ("2 mln", 2e6), ("3 thousand", 3000),
        ("Two", 2), ("three", 3), ("twenty-four", 24), ("twenty four", 24), ("a dozen", 12),
        ("two dozen", 24), ("a hundred", 100), ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500), ("ninety-nine", 99),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text, EN) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "dozens", "hundreds", "several", "200-300", "1,09", "abc", "second", "a"])
def test_parse_number_rejects(text: str) -> None:
    # vague words, ranges, malformed separators, ordinals: not one number
    assert parse_number(text, EN) is None


@pytest.mark.parametrize(
    ("text", "rng"),
    [
        ("200-300", (200, 300)), ("200–300", (200, 300)), ("200 to 300", (200, 300)),
        ("between 200 and 300", (200, 300)), ("two or three", (2, 3)),
        ("1.5-2 million", (1.5e6, 2e6)),  # the scale applies to both ends
    ],
)
def test_parse_range(text: str, rng: tuple[float, float]) -> None:
    assert parse_range(text, EN) == pytest.approx(rng)


def test_parse_range_rejects_reversed() -> None:
    # a "range" whose ends are reversed is not a range
    assert parse_range("300-200", EN) is None


@pytest.mark.parametrize(
    ("words", "bound"),
    [
        ("", "exact"), ("about", "approx"), ("Some", "approx"), ("around", "approx"),
        ("approximately", "approx"), ("roughly", "approx"),
        ("more than", "low"), ("at least", "low"), ("over", "low"), ("in excess of", "low"),
        ("upwards of", "low"), ("no fewer than", "low"), ("-plus", "low"),
        ("up to", "high"), ("Up to", "high"), ("almost", "high"), ("nearly", "high"),
        ("as many as", "high"), ("fewer than", "high"), ("less than", "high"), ("under", "high"),
        ("at most", "high"), ("no more than", "high"),
        ("between", "range"), ("200-300", "range"),
        ("dozens of", "vague"), ("hundreds of", "vague"), ("thousands", "vague"),
        ("scores of", "vague"), ("several", "vague"), ("a few", "vague"),
        ("-odd", "approx"), ("or so", "approx"),
    ],
)
def test_bound_of(words: str, bound: str) -> None:
    assert bound_of(words, EN) == bound


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("dozens", 24), ("hundreds", 200), ("thousands", 2000), ("scores", 40), ("several", 3),
        ("a few", 2), ("tens of thousands", 20000), ("hundreds of thousands", 200000),
        ("several hundred", 300), ("a few thousand", 2000), ("several dozen", 36),
    ],
)
def test_vague_convention(text: str, low: float) -> None:
    assert vague_low(text, EN) == low
