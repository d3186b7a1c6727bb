"""Resolution: claims' places go on the map (:mod:`.places`), their times on the calendar
(:mod:`.times`), their actors to the registry's names (:mod:`.stage` runs all three)."""
