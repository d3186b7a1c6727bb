"""Helpers the extraction tests share."""

from __future__ import annotations


def first_sentence(nlp, text: str):  # type: ignore[no-untyped-def]
    return next(iter(nlp(text).sents))
