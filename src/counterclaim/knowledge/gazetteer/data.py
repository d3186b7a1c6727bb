"""The gazetteer's files: where they are, their columns, and the codes and names they share."""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path
from typing import Literal

from ...errors import BadGazetteerFile

Kind = Literal["country", "admin1", "facility", "city", "user"]
#: lookup order among matches of equal quality
KINDS: tuple[str, ...] = ("country", "admin1", "facility", "city", "user")
KIND_RANK = {k: i for i, k in enumerate(KINDS)}

#: ISO 3166-2 code -> the contract's English name of the governorate (docs/ledger.md)
GOVERNORATE_NAMES: dict[str, str] = {
    "SY-HL": "Aleppo",
    "SY-ID": "Idlib",
    "SY-HM": "Hama",
    "SY-HI": "Homs",
    "SY-LA": "Latakia",
    "SY-TA": "Tartus",
    "SY-DY": "Deir ez-Zor",
    "SY-RA": "Raqqa",
    "SY-HA": "Hasakah",
    "SY-DI": "Damascus",
    "SY-RD": "Rif Dimashq",
    "SY-DR": "Daraa",
    "SY-SU": "As-Suwayda",
    "SY-QU": "Quneitra",
}

#: GeoNames' admin1 codes for Syria -> ISO 3166-2 (fallback when a point falls outside every
#: governorate polygon, e.g. on the border or in the Israeli-administered Golan)
GEONAMES_SY_ADMIN1: dict[str, str] = {
    "01": "SY-HA", "02": "SY-LA", "03": "SY-QU", "04": "SY-RA", "05": "SY-SU", "06": "SY-DR",
    "07": "SY-DY", "08": "SY-RD", "09": "SY-HL", "10": "SY-HM", "11": "SY-HI", "12": "SY-ID",
    "13": "SY-DI", "14": "SY-TA",
}

#: columns of the GeoNames extract (bundled ``geonames_sy.tsv`` and files written by
#: :func:`import_geonames`); ``alternates`` is ``|``-separated
EXTRACT_COLUMNS: tuple[str, ...] = (
    "geonameid", "name", "lat", "lon", "country", "admin1", "admin1_code", "population",
    "feature", "alternates",
)
#: columns of ``curated.tsv`` (and of user files in the same format); ``aliases`` is ``|``-separated
CURATED_COLUMNS: tuple[str, ...] = (
    "name", "aliases", "lat", "lon", "country", "admin1", "kind", "source", "note",
)
GOVERNORATE_COLUMNS: tuple[str, ...] = ("code", "name", "lat", "lon", "wikidata", "aliases")
COUNTRY_COLUMNS: tuple[str, ...] = ("code", "name", "lat", "lon", "geonames_id", "population", "aliases")

_DATA = "counterclaim.data"


def data_dir(sub: str) -> Path:
    return Path(str(importlib.resources.files(_DATA))) / sub


def user_dir() -> Path:
    """Where user data lives: ``$COUNTERCLAIM_DATA``, else ``$XDG_DATA_HOME/counterclaim``, else
    ``~/.local/share/counterclaim``.  Imported gazetteer files go to its ``gazetteer/`` folder."""
    env = os.environ.get("COUNTERCLAIM_DATA")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        return Path(xdg).expanduser() / "counterclaim"
    return Path.home() / ".local" / "share" / "counterclaim"



def to_int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text else None


def read_tsv(path: Path) -> tuple[tuple[str, ...], list[list[str]]]:
    """Header and rows of a gazetteer TSV (lines starting with '#' before the header are notes)."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln.rstrip("\r\n") for ln in fh]
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        i += 1
    if i == len(lines):
        raise BadGazetteerFile(f"{path}: no header line")
    header = tuple(lines[i].split("\t"))
    rows = [ln.split("\t") for ln in lines[i + 1:] if ln.strip()]
    return header, rows



def read_tsv_dicts(path: Path) -> list[dict[str, str]]:
    """Rows of a gazetteer TSV as dicts (for the build script and tests)."""
    header, rows = read_tsv(path)
    return [dict(zip(header, r)) for r in rows]



__all__ = [
    "KIND_RANK",
    "COUNTRY_COLUMNS", "CURATED_COLUMNS", "EXTRACT_COLUMNS", "GEONAMES_SY_ADMIN1", "GOVERNORATE_COLUMNS",
    "GOVERNORATE_NAMES", "KINDS", "Kind", "data_dir", "read_tsv", "read_tsv_dicts", "to_int", "user_dir",
]
