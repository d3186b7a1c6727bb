"""Extraction: a parsed document (a spaCy ``Doc``) becomes its claims, their places and times
still as text (:mod:`.claims` drives :mod:`.attribution`, :mod:`.events`, :mod:`.quantities`
and :mod:`.mentions`; :mod:`.nlp` loads and corrects the pipeline)."""
