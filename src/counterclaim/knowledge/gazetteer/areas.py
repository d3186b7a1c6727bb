"""Which governorate a point lies in (the Natural Earth polygons shipped with the package), and a
representative point inside a polygon."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .data import GOVERNORATE_NAMES, data_dir

# --------------------------------------------------------------------------- point in polygon

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class _Area:
    code: str
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat
    polygons: tuple[tuple[Ring, ...], ...]  # each: exterior ring, then holes


def rings_of(geometry: dict) -> list[list[Ring]]:
    coords = geometry["coordinates"]
    polys = [coords] if geometry["type"] == "Polygon" else coords
    return [[tuple((float(x), float(y)) for x, y, *_ in ring) for ring in poly] for poly in polys]


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    n = len(ring)
    x1, y1 = ring[n - 1]
    for i in range(n):
        x2, y2 = ring[i]
        if (y1 > y) != (y2 > y):
            xc = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xc:
                inside = not inside
        x1, y1 = x2, y2
    return inside


def _in_area(x: float, y: float, area: _Area) -> bool:
    b = area.bbox
    if not (b[0] <= x <= b[2] and b[1] <= y <= b[3]):
        return False
    for poly in area.polygons:
        if _in_ring(x, y, poly[0]) and not any(_in_ring(x, y, hole) for hole in poly[1:]):
            return True
    return False


def _load_areas(path: Path, code_property: str) -> tuple[_Area, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    areas = []
    for feat in data["features"]:
        polys = rings_of(feat["geometry"])
        xs = [x for poly in polys for x, _ in poly[0]]
        ys = [y for poly in polys for _, y in poly[0]]
        areas.append(_Area(
            code=feat["properties"][code_property],
            bbox=(min(xs), min(ys), max(xs), max(ys)),
            polygons=tuple(tuple(poly) for poly in polys),
        ))
    return tuple(areas)


SYRIA_ADMIN1_GEOJSON = "syria_admin1.geojson"


@functools.cache
def _syria_areas() -> tuple[_Area, ...]:
    return _load_areas(data_dir("basemap") / SYRIA_ADMIN1_GEOJSON, "iso_3166_2")


def admin1_code_at(lat: float, lon: float) -> str | None:
    """The ISO 3166-2 code of the Syrian governorate containing the point, or None outside
    Syria as Natural Earth draws it (de facto lines: the Israeli-administered Golan is outside)."""
    for area in _syria_areas():
        if _in_area(lon, lat, area):
            return area.code
    return None


def admin1_at(lat: float, lon: float) -> str | None:
    """The name of the Syrian governorate containing the point ("Homs" for Palmyra), or None.
    Pure-Python ray casting over the rings of the bundled Natural Earth polygons."""
    code = admin1_code_at(lat, lon)
    return GOVERNORATE_NAMES.get(code) if code else None


def shoelace(ring: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """The shoelace sums of a ring of (lon, lat) points: twice its signed area, and the x and y
    moments; the centroid is (cx / (3 s), cy / (3 s))."""
    s = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]]):
        cross = x1 * y2 - x2 * y1
        s += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return s, cx, cy


def representative_point(rings: list[list[Ring]]) -> tuple[float, float]:
    """(lat, lon) of the area-weighted centroid of the polygons' exterior rings minus holes, or,
    when that falls outside them (Rif Dimashq's centroid is in Damascus), the interior point of a
    0.02° grid nearest to it."""
    ax = ay = a = 0.0
    for poly in rings:
        for j, ring in enumerate(poly):
            s, cx, cy = shoelace(ring)
            area = s / 2
            sign = 1 if j == 0 else -1
            area = abs(area) * sign
            if s:
                ax += cx / (3 * s) * area
                ay += cy / (3 * s) * area
                a += area
    x, y = ax / a, ay / a
    xs = [p[0] for poly in rings for p in poly[0]]
    ys = [p[1] for poly in rings for p in poly[0]]
    shape = _Area("", (min(xs), min(ys), max(xs), max(ys)), tuple(tuple(p) for p in rings))
    if _in_area(x, y, shape):
        return round(y, 4), round(x, 4)
    best = None
    step = 0.02
    gx = min(xs)
    while gx <= max(xs):
        gy = min(ys)
        while gy <= max(ys):
            if _in_area(gx, gy, shape):
                d = (gx - x) ** 2 + (gy - y) ** 2
                if best is None or d < best[0]:
                    best = (d, gx, gy)
            gy += step
        gx += step
    assert best is not None, "empty polygon"
    return round(best[2], 4), round(best[1], 4)




__all__ = ["Ring", "admin1_at", "admin1_code_at", "representative_point", "rings_of", "shoelace"]
