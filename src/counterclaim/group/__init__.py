"""Grouping: claims become incidents (:mod:`.incidents`), republished copies are found
(:mod:`.dedup`), contradictions and corroborations are read off each incident
(:mod:`.contradictions`); :mod:`.update` brings a ledger up to date."""
