"""A time budget for reading one document: after it is spent, reading stops where it is and the
document keeps the claims read so far, with a note saying where reading stopped."""

from __future__ import annotations

import time


class Budget:
    """``seconds`` of reading for one document, counted from when the budget is made (None: no
    limit).  :meth:`stop` records where reading stopped, as an offset into the document's text."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.started = time.monotonic()
        #: the offset in the text where reading stopped, or None: it was read to the end
        self.stopped_at: int | None = None

    def spent(self) -> bool:
        """Whether the time is up."""
        return self.seconds is not None and time.monotonic() - self.started > self.seconds

    def stop(self, at: int) -> None:
        """Reading stopped at offset ``at`` (the first stop is kept)."""
        if self.stopped_at is None:
            self.stopped_at = at

    def note(self, length: int) -> str | None:
        """What the document's warnings say when reading stopped early, else None."""
        if self.stopped_at is None or self.stopped_at >= length:
            return None
        share = 100 * self.stopped_at // max(length, 1)
        return (f"time budget of {self.seconds:g} s spent: read up to character {self.stopped_at} "
                f"of {length} ({share}%); the rest was not read")


__all__ = ["Budget"]
