"""The gazetteer itself: its entries, the name index and :meth:`Gazetteer.lookup`."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
import itertools
import re
from collections import Counter

from ...model import PlacePrecision
from ...errors import BadGazetteerFile
from .data import CURATED_COLUMNS, EXTRACT_COLUMNS, GOVERNORATE_NAMES, KIND_RANK, KINDS, data_dir, read_tsv, to_int, user_dir
from .names import fold, key, name_keys, skeletons

# --------------------------------------------------------------------------- entries


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer.

    ``kind``: "country", "admin1" (a Syrian governorate), "city" (a GeoNames populated place of
    the bundled extract), "facility" (a curated air base, crossing, dam...), "user" (from a file
    the user imported or passed).  ``source``: where the coordinates come from, in the words of
    ``Location.source``: "geonames", "governorate", "curated", "country" or "user".
    ``reference``: what they were checked against (a curated row's ``source`` column, such as
    "Wikipedia: Khmeimim Air Base (...)"), or the file they were read from.  ``feature``: the finer
    kind: GeoNames class.code ("P.PPL", "S.AIRB") or the curated kind ("air_base").
    """

    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin1_code: str | None
    kind: str
    population: int | None
    geonames_id: int | None
    source: str
    feature: str | None = None
    reference: str | None = None
    alternates: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def precision(self) -> PlacePrecision:
        """The ``Location.precision`` a match on this entry gives."""
        if self.kind == "country":
            return "country"
        if self.kind == "admin1":
            return "admin1"
        if self.feature in ("A.PCLI", "A.PCL", "A.PCLD", "A.PCLS", "A.PCLF", "A.PCLIX"):
            return "country"
        if self.feature == "A.ADM1":
            return "admin1"
        return "point"


@dataclass(frozen=True, slots=True)
class Match:
    """A lookup result: the entry, the name of it that matched, and whether the key was equal
    (``exact``) or only the skeleton (a spelling variant)."""

    entry: Entry
    matched: str
    exact: bool



class Gazetteer:
    """Entries and the name index over them.  Build it with :meth:`load`."""

    def __init__(self, entries: Sequence[Entry], names: Sequence[tuple[int, str]]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        names = list(names)
        keys = name_keys([n for _, n in names])
        skels = skeletons(keys)
        by_key: dict[str, list[tuple[int, str]]] = {}
        by_skel: dict[str, list[tuple[int, str]]] = {}
        for (idx, name), k, s in zip(names, keys, skels):
            if not k:
                continue
            bucket = by_key.setdefault(k, [])
            if all(i != idx for i, _ in bucket):
                bucket.append((idx, name))
            if s:
                sb = by_skel.setdefault(s, [])
                if all(i != idx for i, _ in sb):
                    sb.append((idx, name))
        self._by_key = by_key
        self._by_skel = by_skel
        self._names = len(names)
        self._governorates = [e for e in self.entries if e.kind == "admin1"]
        self._countries = [e for e in self.entries if e.kind == "country"]

    # ----------------------------------------------------------------- loading

    @classmethod
    def load(cls, extra: Sequence[Path | str] = (), *, user: bool = True) -> Gazetteer:
        """The bundled gazetteer, plus every ``*.tsv`` in ``user_dir()/gazetteer/`` (unless
        ``user`` is False), plus ``extra`` files.  User and extra files are GeoNames extracts (as
        written by :func:`import_geonames`) or curated lists (the columns of ``curated.tsv``);
        their entries have kind "user".  A row whose GeoNames id is already loaded, or a GeoNames
        row of a Syrian governorate or of a country, only adds its names to that entry."""
        b = _Builder()
        gdir = data_dir("gazetteer")
        b.add_countries(gdir / "countries.tsv")
        b.add_governorates(gdir / "governorates.tsv")
        b.add_file(gdir / "curated.tsv", kind="facility")
        b.add_file(gdir / "geonames_sy.tsv", kind="city")
        paths: list[Path] = []
        if user:
            udir = user_dir() / "gazetteer"
            if udir.is_dir():
                paths += sorted(udir.glob("*.tsv"))
        paths += [Path(p) for p in extra]
        for p in paths:
            b.add_file(p, kind="user")
        return cls(b.entries, b.names)

    # ----------------------------------------------------------------- queries

    def match(self, name: str, *, prefer: str | None = None) -> list[Match]:
        """Matches of ``name``: equal keys first, then equal skeletons (spelling variants); each
        group ordered by kind (country, admin1, facility, city, user), then population.  With
        ``prefer`` (a country code such as "SY"), that country's entries come first in each group."""
        k = key(name)
        if not k:
            return []
        s = fold(k)
        out: list[Match] = []
        taken: set[int] = set()

        def rank(t: tuple[int, str]) -> tuple[bool, int, int, str]:
            e = self.entries[t[0]]
            return (prefer is not None and e.country != prefer, *self._rank(e))

        for bucket, exact in ((self._by_key.get(k, ()), True), (self._by_skel.get(s, ()) if s else (), False)):
            group = [(i, n) for i, n in bucket if i not in taken]
            group.sort(key=rank)
            for i, n in group:
                taken.add(i)
                out.append(Match(self.entries[i], n, exact))
        return out

    def lookup(self, name: str, *, prefer: str | None = None) -> list[Entry]:
        """All entries whose name or an alternate name has the key of ``name`` (first) or its
        skeleton (then); see :meth:`match` for the order."""
        return [m.entry for m in self.match(name, prefer=prefer)]

    _QUALIFIER = re.compile(
        r"^(?:muhafazat|governorate of|province of|(?:the )?(?:rural|countryside of|outskirts of|"
        r"(?:north|south|east|west)(?:ern|east|west|eastern|western)? (?:countryside of|rural))) "
        r"|(?: (?:governorate|governate|province|muhafazah|region|countryside|suburbs|rural|"
        r"city|area))+$"
    )

    def admin1(self, name: str) -> Entry | None:
        """The governorate ``name`` (a spelling, an ISO code such as "SY-ID", or a name with a
        qualifier: "Idlib province", "Hama countryside", "rural Aleppo") stands for, or None."""
        n = name.strip()
        if re.fullmatch(r"(?i)SY-[A-Z]{2}", n):
            code = n.upper()
            return next((e for e in self._governorates if e.admin1_code == code), None)
        k = key(n)
        for attempt in (k, self._QUALIFIER.sub("", k).strip()):
            if not attempt:
                continue
            for m in self.match(attempt):
                if m.entry.kind == "admin1":
                    return m.entry
        return None

    def governorates(self) -> list[Entry]:
        """Syria's 14 governorates, in ISO code order."""
        return sorted(self._governorates, key=lambda e: e.admin1_code or "")

    def countries(self) -> list[Entry]:
        return list(self._countries)

    def stats(self) -> dict[str, int]:
        """Sizes of the index: entries (by kind), names, distinct keys and skeletons."""
        kinds = Counter(e.kind for e in self.entries)
        return {"entries": len(self.entries), "names": self._names, "keys": len(self._by_key),
                "skeletons": len(self._by_skel), **{f"kind:{k}": v for k, v in sorted(kinds.items())}}

    def __len__(self) -> int:
        return len(self.entries)

    @staticmethod
    def _rank(e: Entry) -> tuple[int, int, str]:
        return (KIND_RANK.get(e.kind, len(KINDS)), -(e.population or 0), e.name)


class _Builder:
    """Accumulates entries and (entry index, name) pairs while loading files."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.names: list[tuple[int, str]] = []
        self._by_geonames: dict[int, int] = {}
        self._by_admin1: dict[str, int] = {}
        self._by_country: dict[str, int] = {}
        self._admin1_codes: dict[str, str] = dict((v, k) for k, v in GOVERNORATE_NAMES.items())

    def _same_as(self, entry: Entry) -> int | None:
        """The loaded entry a new row stands for: the same GeoNames id, or for a GeoNames row
        of a Syrian governorate (A.ADM1) or of a country (A.PCLI...) the bundled entry of it."""
        if entry.geonames_id is not None and entry.geonames_id in self._by_geonames:
            return self._by_geonames[entry.geonames_id]
        if entry.feature == "A.ADM1" and entry.country == "SY" and entry.admin1_code:
            return self._by_admin1.get(entry.admin1_code)
        if entry.feature and entry.feature.startswith("A.PCL") and entry.country:
            return self._by_country.get(entry.country)
        return None

    def _add(self, entry: Entry, names: Iterable[str]) -> None:
        same = self._same_as(entry)
        if same is not None:  # only the names are new
            self.names.extend((same, n) for n in itertools.chain([entry.name], names) if n)
            return
        idx = len(self.entries)
        self.entries.append(entry)
        if entry.geonames_id is not None:
            self._by_geonames.setdefault(entry.geonames_id, idx)
        if entry.kind == "admin1" and entry.admin1_code:
            self._by_admin1[entry.admin1_code] = idx
        if entry.kind == "country" and entry.country:
            self._by_country[entry.country] = idx
        self.names.append((idx, entry.name))
        self.names.extend((idx, n) for n in names if n)

    def add_countries(self, path: Path) -> None:
        header, rows = read_tsv(path)
        col = {c: i for i, c in enumerate(header)}
        for r in rows:
            aliases = tuple(a for a in r[col["aliases"]].split("|") if a)
            self._add(Entry(
                name=r[col["name"]], lat=float(r[col["lat"]]), lon=float(r[col["lon"]]),
                country=r[col["code"]], admin1=None, admin1_code=None, kind="country",
                population=to_int(r[col["population"]]), geonames_id=to_int(r[col["geonames_id"]]),
                source="country", feature="A.PCLI", reference="countries.tsv", alternates=aliases,
            ), aliases)

    def add_governorates(self, path: Path) -> None:
        header, rows = read_tsv(path)
        col = {c: i for i, c in enumerate(header)}
        for r in rows:
            aliases = tuple(a for a in r[col["aliases"]].split("|") if a)
            code = r[col["code"]]
            self._add(Entry(
                name=r[col["name"]], lat=float(r[col["lat"]]), lon=float(r[col["lon"]]),
                country="SY", admin1=r[col["name"]], admin1_code=code, kind="admin1",
                population=None, geonames_id=None, source="governorate", feature="A.ADM1",
                reference="governorates.tsv", alternates=aliases,
            ), [*aliases, code])

    def add_file(self, path: Path, kind: str) -> None:
        try:
            header, rows = read_tsv(path)
        except OSError as exc:
            raise BadGazetteerFile(f"{path}: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise BadGazetteerFile(f"{path}: not UTF-8 text") from exc
        source = {"city": "geonames", "facility": "curated"}.get(kind, "user")
        if header == EXTRACT_COLUMNS:
            for n, r in enumerate(rows, 2):
                if len(r) != len(EXTRACT_COLUMNS):
                    raise BadGazetteerFile(f"{path}:{n}: {len(r)} columns, expected {len(EXTRACT_COLUMNS)}")
                alts = tuple(a for a in r[9].split("|") if a)
                self._add(Entry(
                    name=r[1], lat=float(r[2]), lon=float(r[3]), country=r[4] or None,
                    admin1=r[5] or None, admin1_code=r[6] or None, kind=kind,
                    population=to_int(r[7]), geonames_id=to_int(r[0]), source=source,
                    feature=r[8] or None, reference=path.name, alternates=alts,
                ), alts)
        elif header == CURATED_COLUMNS:
            for n, r in enumerate(rows, 2):
                if len(r) != len(CURATED_COLUMNS):
                    raise BadGazetteerFile(f"{path}:{n}: {len(r)} columns, expected {len(CURATED_COLUMNS)}")
                alts = tuple(a for a in r[1].split("|") if a)
                admin1 = r[5] or None
                self._add(Entry(
                    name=r[0], lat=float(r[2]), lon=float(r[3]), country=r[4] or None,
                    admin1=admin1, admin1_code=self._admin1_codes.get(admin1) if admin1 else None,
                    kind=kind, population=None, geonames_id=None, source=source,
                    feature=r[6] or None, reference=r[7] or path.name, alternates=alts,
                ), alts)
        else:
            raise BadGazetteerFile(
                f"{path}: unknown columns (expected a GeoNames extract or a curated list)")


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer with the bundled files and the user's imported files, loaded once."""
    return Gazetteer.load()




__all__ = ["Entry", "Gazetteer", "Match", "default_gazetteer"]
