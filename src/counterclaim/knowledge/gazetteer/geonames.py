"""Importing a GeoNames dump into the user's gazetteer (``counterclaim gazetteer import``)."""

from __future__ import annotations

import functools
import io
import math
import os
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...errors import BadGazetteerFile
from .areas import admin1_code_at
from .data import EXTRACT_COLUMNS, GEONAMES_SY_ADMIN1, GOVERNORATE_NAMES, data_dir, read_tsv, to_int, user_dir
from .names import REGIONAL_POPULATION, filter_alternates, key, name_keys

@dataclass(frozen=True, slots=True)
class ImportReport:
    """What :func:`import_geonames` did."""

    source: Path
    dest: Path
    rows: int  # well-formed rows read
    kept: int  # rows written
    skipped: int  # well-formed rows of feature classes not kept
    malformed: int
    errors: tuple[str, ...]  # the first malformed lines, as "FILE:LINE: reason"
    countries: dict[str, int]
    syria_unassigned: int  # Syrian rows with no governorate (neither polygon nor GeoNames code)

    def summary(self) -> str:
        return (f"{self.source}: {self.rows} rows read, {self.kept} kept, {self.skipped} of other "
                f"classes skipped, {self.malformed} malformed; written to {self.dest}")



# --------------------------------------------------------------------------- GeoNames import

#: feature classes and codes :func:`import_geonames` keeps
KEEP_CLASSES = frozenset({"P", "A"})
KEEP_S_CODES = frozenset({
    "AIRB", "AIRF", "AIRH", "AIRP", "AIRQ",  # air base, airfield, heliport, airport, abandoned airfield
    "MILB", "INSM", "NVB",  # military base, military installation, naval base
    "PRN",  # prison
    "DAM",  # dam
    "PSTB", "PSTC", "CSTM",  # border post, customs post, customs house
    "CMPRF",  # refugee camp
    "PS", "PSH", "OILR",  # power station, hydroelectric power station, oil refinery
    "BDG",  # bridge
    "HSP", "HSPC",  # hospital, clinic
    "ANS",  # archaeological / ancient site
})
_GEONAMES_FIELDS = 19


def _is_kept(fclass: str, fcode: str) -> bool:
    return fclass in KEEP_CLASSES or (fclass == "S" and fcode in KEEP_S_CODES)


def _parse_geonames_line(line: str) -> tuple[list[str] | None, str | None]:
    """(fields, None) for a well-formed line of the 19-column dump, else (None, reason)."""
    parts = line.split("\t")
    if len(parts) != _GEONAMES_FIELDS:
        return None, f"{len(parts)} fields, expected {_GEONAMES_FIELDS}"
    try:
        int(parts[0])
        lat, lon = float(parts[4]), float(parts[5])
        if parts[14].strip():
            int(parts[14])
    except ValueError as exc:
        return None, f"bad number ({exc})"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        return None, "coordinates out of range"
    if len(parts[6]) > 1 or (parts[8] and not re.fullmatch(r"[A-Z]{2}", parts[8])):
        return None, "bad feature class or country code"
    if not parts[1].strip():
        return None, "no name"
    return parts, None


def _dump_members(src: Path) -> Iterator[tuple[str, Iterator[str]]]:
    """(member name, its lines) for each text file of the dump: a .txt, or the .txt files of a
    .zip (its readme excepted).  Files are closed when the iteration ends."""
    if zipfile.is_zipfile(src):
        with zipfile.ZipFile(src) as zf:
            members = [m for m in zf.namelist()
                       if m.lower().endswith(".txt") and not Path(m).name.lower().startswith("readme")]
            if not members:
                raise BadGazetteerFile(f"{src}: the zip holds no GeoNames .txt file")
            for m in members:
                with zf.open(m) as fh:
                    yield m, io.TextIOWrapper(fh, encoding="utf-8", errors="replace", newline="")
        return
    with open(src, "rb") as fh:
        if b"\x00" in fh.read(4096):
            raise BadGazetteerFile(f"{src}: binary file")
    with open(src, encoding="utf-8", errors="replace", newline="") as fh:
        yield src.name, fh


def _scan(src: Path) -> Iterator[tuple[str, int, list[str] | None, str | None]]:
    """(member, line number, fields or None, reason) for every non-blank line; raises
    BadGazetteerFile when the first lines of a member hold no well-formed row."""
    for member, lines in _dump_members(src):
        good = 0
        seen = 0
        why: str | None = "empty"
        for n, line in enumerate(lines, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields, why = _parse_geonames_line(line)
            seen += 1
            good += fields is not None
            if seen == 10 and good == 0:
                raise BadGazetteerFile(f"{src}: {member}: none of its first lines is a GeoNames row ({why})")
            yield member, n, fields, why
        if good == 0:
            raise BadGazetteerFile(f"{src}: {member}: no GeoNames row ({why})")


@functools.cache
def _bundled_majors() -> dict[str, tuple[int, int]]:
    """key of main name -> (geonameid, population) of the bundled places of 15,000 or more."""
    _, rows = read_tsv(data_dir("gazetteer") / "geonames_sy.tsv")
    majors: dict[str, tuple[int, int]] = {}
    for r in rows:
        pop = to_int(r[7]) or 0
        if pop >= REGIONAL_POPULATION:
            k = key(r[1])
            if k not in majors or majors[k][1] < pop:
                majors[k] = (int(r[0]), pop)
    return majors


def syria_admin1(lat: float, lon: float, geonames_admin1: str | None = None) -> str | None:
    """ISO code of the governorate of a Syrian point: by polygon, else by GeoNames' admin1 code."""
    return admin1_code_at(lat, lon) or GEONAMES_SY_ADMIN1.get(geonames_admin1 or "")


def import_geonames(src: Path | str, dest_dir: Path | str | None = None) -> ImportReport:
    """Import a GeoNames dump (a country file such as ``SY.txt``/``SY.zip`` or ``allCountries``,
    the standard 19 tab-separated columns) into a compact extract that :meth:`Gazetteer.load`
    reads: populated places (class P), administrative areas (class A) and the spots in
    :data:`KEEP_S_CODES` (air bases, airports, military bases, prisons, dams, border posts...).

    Syrian rows get their governorate by point in polygon (else from GeoNames' admin1 code);
    alternate names go through :func:`filter_alternates` (the GeoNames asciiname counts as one).
    A malformed line is counted and reported, not fatal; a file that is not a GeoNames dump raises
    :class:`~counterclaim.errors.BadGazetteerFile`.  The extract is written to ``dest_dir``
    (default ``user_dir()/gazetteer/``) as ``<name of the dump>.tsv``, replacing an earlier import
    of the same dump.
    """
    src = Path(src)
    if not src.is_file():
        raise BadGazetteerFile(f"{src}: no such file")
    dest_dir = Path(dest_dir) if dest_dir is not None else user_dir() / "gazetteer"
    # pass 1: main names of populous places, for the "another major place's name" rule
    majors = dict(_bundled_majors())
    for _, _, f, _ in _scan(src):
        if f is None or f[6] != "P" or not f[14].strip():
            continue
        pop = int(f[14])
        if pop >= REGIONAL_POPULATION:
            k = key(f[1])
            if k not in majors or majors[k][1] < pop:
                majors[k] = (int(f[0]), pop)
    forbidden = _country_keys()
    # pass 2: filter and write
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{src.name.split('.')[0] or 'geonames'}.tsv"
    tmp = dest.with_suffix(".tsv.part")
    rows = kept = skipped = malformed = unassigned = 0
    errors: list[str] = []
    countries: Counter[str] = Counter()
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        out.write(f"# counterclaim gazetteer extract v1: GeoNames (CC BY 4.0, www.geonames.org), "
                  f"imported from {src.name}\n")
        out.write("\t".join(EXTRACT_COLUMNS) + "\n")
        for member, n, f, why in _scan(src):
            if f is None:
                malformed += 1
                if len(errors) < 10:
                    errors.append(f"{member}:{n}: {why}")
                continue
            rows += 1
            if not _is_kept(f[6], f[7]):
                skipped += 1
                continue
            gid, lat, lon, cc = int(f[0]), float(f[4]), float(f[5]), f[8]
            pop = int(f[14]) if f[14].strip() else 0
            admin1 = code = ""
            if cc == "SY":
                c = syria_admin1(lat, lon, f[10])
                if c:
                    code, admin1 = c, GOVERNORATE_NAMES[c]
                else:
                    unassigned += 1
            alts = filter_alternates(f[1], [f[2], *f[3].split(",")], geonames_id=gid,
                                     population=pop, majors=majors, forbidden=forbidden)
            out.write("\t".join((
                str(gid), clean_field(f[1]), f"{lat:.5f}", f"{lon:.5f}", cc, admin1, code,
                str(pop) if pop else "", f"{f[6]}.{f[7]}" if f[7] else f[6],
                "|".join(clean_field(a) for a in alts),
            )) + "\n")
            kept += 1
            countries[cc] += 1
    os.replace(tmp, dest)
    return ImportReport(src, dest, rows, kept, skipped, malformed, tuple(errors),
                        dict(countries), unassigned)


def clean_field(text: str) -> str:
    """A name as a TSV cell: no tab, no "|" (the alternates separator), no line break."""
    return text.replace("\t", " ").replace("|", " ").replace("\n", " ").strip()


@functools.cache
def _country_keys() -> frozenset[str]:
    """Keys of the country names and aliases in ``countries.tsv``."""
    header, rows = read_tsv(data_dir("gazetteer") / "countries.tsv")
    col = {c: i for i, c in enumerate(header)}
    names = [r[col["name"]] for r in rows] + [a for r in rows for a in r[col["aliases"]].split("|") if a]
    return frozenset(name_keys(names))




__all__ = ["ImportReport", "clean_field", "import_geonames", "syria_admin1"]
