"""Terminal output: a readable table of claims, and the cell fitting every table uses."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from typing import TextIO

from ..model import Claim, quantity_summary

_TABLE = (("claimant", 24), ("stance", 7), ("event", 11), ("how many", 30), ("where", 28), ("when", 18))


def write_table(claims: Iterable[Claim], out: TextIO, width: int | None = None) -> int:
    """A readable table: who, stance, event, quantities, place, time, then the evidence."""
    width = width or max(100, shutil.get_terminal_size((160, 24)).columns)
    header = "  ".join(name.ljust(w) for name, w in _TABLE) + "  evidence"
    out.write(header + "\n" + "-" * min(width, len(header) + 40) + "\n")
    fixed = sum(w + 2 for _, w in _TABLE)
    n = 0
    for c in claims:
        cells = (
            c.claimant.actor or c.claimant.text or "(outlet)",
            c.stance,
            c.event_type,
            "; ".join(quantity_summary(q) for q in c.quantities),
            _where(c),
            c.time.text if c.time else "",
        )
        row = "  ".join(fit(v, w) for v, (_, w) in zip(cells, _TABLE, strict=True))
        out.write(row + "  " + fit(c.evidence.text.replace("\n", " "), max(20, width - fixed)) + "\n")
        n += 1
    return n


def _where(c: Claim) -> str:
    """"northeast of Palmyra [Homs]", "the provinces of Aleppo [Syria]", "Dayr al-Zawr [?]"."""
    loc = c.location
    if loc is None:
        return ""
    words = ((loc.relation + " ") if loc.relation else "") + loc.text
    if loc.precision == "unknown":
        return words + " [?]"
    return f"{words} [{loc.admin1 or loc.country or loc.precision}]"


def fit(value: str, w: int) -> str:
    value = value.replace("\n", " ")
    return value.ljust(w) if len(value) <= w else value[: w - 1] + "…"



def terminal_width() -> int:
    """The terminal's width (160 when it is not a terminal), at least 100."""
    return max(100, shutil.get_terminal_size((160, 24)).columns)


__all__ = ["fit", "terminal_width", "write_table"]
