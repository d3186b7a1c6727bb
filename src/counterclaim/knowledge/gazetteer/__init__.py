"""The bundled gazetteer: names of places in Syria and its neighbours, resolved to points.

What ships (``counterclaim/data/gazetteer/``, described in its README):

- ``geonames_sy.tsv``: every Syrian populated place of GeoNames' cities500 plus the places of
  Turkey, Iraq, Lebanon, Jordan, Israel and Palestine with 15,000 people or more, with filtered
  Latin-script alternate names (built by ``scripts/build_gazetteer.py``);
- ``governorates.tsv``: Syria's 14 governorates (ISO 3166-2 code, the contract's English name, a
  representative point inside the Natural Earth polygon, spellings);
- ``countries.tsv``: Syria and its neighbours as country-level entries;
- ``curated.tsv``: air bases, crossings, dams, prisons and airports that GeoNames lacks or names
  badly, each with the source its coordinates were checked against.

Users extend it with :func:`import_geonames` (a GeoNames country or allCountries dump, written to
``user_dir()/gazetteer/``, picked up by :meth:`Gazetteer.load` automatically) or by passing files
to ``Gazetteer.load(extra=[...])``.

Names are compared in two ways:

- :func:`key`: casefolded, diacritics stripped, apostrophes dropped, hyphens and spaces unified.
  "Ḩamāh" and "hamah" have one key; "Deir ez-Zor" and "Deir ez Zor" too.
- :func:`skeleton`: the *variant key*.  Every spelling that :func:`variants` generates from a name
  folds to the name's skeleton (the generator checks this for each variant it returns), so two
  names whose variant sets meet always have the same skeleton.  Matching on the skeleton finds
  every such pair (and the pairs whose variants the cap of 64 cut off) without storing the
  variants: the index holds one key and one skeleton per name, computed at load time (about
  30 ms for the bundled files).

:meth:`Gazetteer.lookup` returns the entries whose name or alternate name has the query's key
first, then those that share its skeleton; within each group countries, then governorates, then
facilities, then populated places, then user entries, larger population first.

No network access: everything is read from files.
"""


from __future__ import annotations

from .areas import admin1_at, admin1_code_at, representative_point
from .data import (
    COUNTRY_COLUMNS,
    CURATED_COLUMNS,
    EXTRACT_COLUMNS,
    GOVERNORATE_COLUMNS,
    GOVERNORATE_NAMES,
    KINDS,
    read_tsv_dicts,
    user_dir,
)
from .geonames import ImportReport, import_geonames, syria_admin1
from .index import Entry, Gazetteer, Match, default_gazetteer
from .names import alternate_rejection, filter_alternates, key, skeleton, variants

__all__ = [
    "COUNTRY_COLUMNS", "CURATED_COLUMNS", "EXTRACT_COLUMNS", "GOVERNORATE_COLUMNS",
    "GOVERNORATE_NAMES", "KINDS", "Entry", "Gazetteer", "ImportReport", "Match", "admin1_at",
    "admin1_code_at", "alternate_rejection", "default_gazetteer", "filter_alternates",
    "import_geonames", "key", "read_tsv_dicts", "representative_point", "skeleton",
    "syria_admin1", "user_dir", "variants",
]
