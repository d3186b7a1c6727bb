"""How well a claim fits an incident's state."""

from __future__ import annotations

from counterclaim.group.footprints import footprint
from counterclaim.group.states import compare

from .helpers import DOC, unit_claim, unit_state


def test_compare_gates_time_place_and_type() -> None:
    st = unit_state()
    st.types["airstrike"] += 1
    assert compare(footprint(unit_claim("a"), DOC), st) is not None
    assert compare(footprint(unit_claim("b", start="2017-03-08", end="2017-03-08"), DOC), st) is None  # other day
    # about 21 km away (0.19 degrees of latitude): beyond the 15 km of two points
    assert compare(footprint(unit_claim("c", lat=36.12), DOC), st) is None
    s = compare(footprint(unit_claim("d", lat=35.98), DOC), st)  # about 5.6 km
    assert s is not None and s.distance_km is not None and 5 < s.distance_km < 6.5
    assert compare(footprint(unit_claim("e", event="territory"), DOC), st) is None
    assert compare(footprint(unit_claim("f", event="shelling"), DOC), st) is not None  # compatible kinds
    # a governorate-only claim meets a point incident in the same governorate, not in another
    assert compare(footprint(unit_claim("g", precision="admin1", lat=None, lon=None), DOC), st) is not None
    assert compare(footprint(unit_claim("h", precision="admin1", admin1="Hama", lat=None, lon=None), DOC), st) is None
