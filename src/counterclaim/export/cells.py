"""Cells of the CSV files a spreadsheet opens, made safe to open.

Text from articles reaches these cells (an outlet, a claimant, an evidence sentence); a cell
that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a *formula* to Excel,
LibreOffice and Google Sheets, which may run it (``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0``).
Following OWASP's rule on CSV injection, such a text cell is written with a single quote before
it (``'=1+1``), which spreadsheets show as the text itself.  A cell that is a plain number
(``-3``, ``-33.5``) is left as it is: it is no formula.

To keep the files exact, a text that already begins with quotes before such a character gets
one more quote, and :func:`restore` takes exactly one away: every CSV export still reads back
to what the ledger holds (:mod:`.readers` calls it).  JSON exports are never changed.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final, TextIO

__all__ = ["FORMULA_STARTS", "neutralise", "restore", "spreadsheet_writer"]

#: What a spreadsheet takes a cell beginning with for a formula.
FORMULA_STARTS: Final[tuple[str, ...]] = ("=", "+", "-", "@", "\t", "\r")
_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _formula_like(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text)


def neutralise(value: Any) -> Any:
    """``value`` as a spreadsheet cell may safely hold it: a text that would start a formula
    gets a ``'`` before it; anything else (numbers, None, other text) is returned as it is."""
    if isinstance(value, str) and value and _formula_like(value):
        return "'" + value
    return value


def restore(text: str) -> str:
    """The text :func:`neutralise` was given, from the cell it wrote."""
    if text.startswith("'") and _formula_like(text[1:]):
        return text[1:]
    return text


class _SafeDictWriter(csv.DictWriter):  # type: ignore[type-arg]
    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({k: neutralise(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)


def spreadsheet_writer(out: TextIO, fieldnames: Iterable[str]) -> csv.DictWriter:  # type: ignore[type-arg]
    """A ``csv.DictWriter`` (``\\n`` line ends, as every export) whose cells are neutralised."""
    return _SafeDictWriter(out, fieldnames=list(fieldnames), lineterminator="\n")
