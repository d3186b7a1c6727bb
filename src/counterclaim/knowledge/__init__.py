"""What the stages consult, loaded once and passed in: the gazetteer, the actor registry and
the lexicon of each language (:mod:`.resources` bundles them)."""
