"""Append every country of the world to the gazetteer's ``countries.tsv`` (country-level only).

Run by a developer, not at run time:

    .venv/bin/python scripts/build_countries.py /path/to/world_countries_110m.geojson

The input is the Natural Earth 1:110m admin-0 layer (public domain) as shipped in the project's
shared basemap.  Each country gets its ISO 3166-1 alpha-2 code, its name, the centroid of its
largest polygon (a representative point for country precision, not a place) and the common
English aliases in :data:`ALIASES`.  Rows already in the file (Syria and its neighbours, built by
``build_gazetteer.py`` with GeoNames ids and aliases) are kept as they are.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from counterclaim.knowledge.gazetteer import shoelace

OUT = Path(__file__).resolve().parents[1] / "src" / "counterclaim" / "data" / "gazetteer" / "countries.tsv"

#: names the news uses that Natural Earth's ``name`` does not cover
ALIASES: dict[str, str] = {
    "US": "United States|United States of America|U.S.|U.S.A.|USA|America",
    "GB": "Britain|Great Britain|UK|U.K.|United Kingdom",
    "RU": "Russian Federation",
    "IR": "Islamic Republic of Iran|Persia",
    "SA": "Kingdom of Saudi Arabia",
    "AE": "UAE|U.A.E.|Emirates",
    "KR": "South Korea",
    "KP": "North Korea",
    "CZ": "Czech Republic|Czechia",
    "NL": "Holland",
}


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a polygon ring."""
    s, cx, cy = shoelace(ring)
    if abs(s) < 1e-12:
        xs, ys = zip(*ring)
        return 0.0, sum(ys) / len(ys), sum(xs) / len(xs)
    return abs(s / 2), cy / (3 * s), cx / (3 * s)


def main(src: str) -> None:
    features = json.loads(Path(src).read_text(encoding="utf-8"))["features"]
    lines = OUT.read_text(encoding="utf-8").splitlines()
    header_at = next(i for i, ln in enumerate(lines) if ln.startswith("code\t"))
    kept = lines[: header_at + 1] + [ln for ln in lines[header_at + 1 :] if ln.strip() and not ln.startswith("#w ")]
    have = {ln.split("\t")[0] for ln in kept[header_at + 1 :]}
    added = []
    for f in features:
        props, geom = f["properties"], f["geometry"]
        code = props.get("iso_a2") or ""
        if len(code) != 2 or code == "-9" or code in have or geom is None:
            continue
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        area, lat, lon = max(_ring_centroid(p[0]) for p in polys)
        added.append(f"{code}\t{props['name']}\t{lat:.4f}\t{lon:.4f}\t\t\t{ALIASES.get(code, '')}")
        have.add(code)
    OUT.write_text("\n".join(kept + sorted(added, key=lambda r: r.split("\t")[1])) + "\n", encoding="utf-8")
    print(f"{len(added)} countries added to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
