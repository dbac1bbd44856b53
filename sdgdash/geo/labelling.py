"""Where a map writes each unit's name and value: a point deep inside every region, the small
cities marked by a dot with their label beside it (pure shapely)."""

from __future__ import annotations

import textwrap
from typing import NamedTuple

from shapely.geometry import shape
from shapely.ops import polylabel, unary_union

# Square degrees. The cities of republican significance (Astana, Almaty, Shymkent) cover about
# 0.1; the smallest region more than 11. A smaller unit cannot hold its label.
SMALL_AREA = 1.0
# Degrees kept free around a small unit, so its region's label does not sit on the city's.
CLEARANCE = 1.3
# A region's name is wrapped at this many characters (two lines at most) so labels stay narrow.
NAME_WIDTH = 15


class LabelPoint(NamedTuple):
    """Where a unit's label goes (lon, lat); ``small``: a dot there, the text beside it."""

    lon: float
    lat: float
    small: bool


def label_point(geom):
    """The point deepest inside the largest part of ``geom`` (where a name fits best)."""
    parts = getattr(geom, "geoms", [geom])
    biggest = max(
        (p for p in parts if p.geom_type == "Polygon"), key=lambda p: p.area, default=None
    )
    if biggest is None:
        return geom.representative_point()
    return polylabel(biggest, tolerance=0.01)


def label_points(geojson: dict) -> dict[str, LabelPoint]:
    """The label point of every unit of a layout (``properties.ref_area`` -> point): regions at
    their deepest point away from the small cities, each small city at itself."""
    shapes = {f["properties"]["ref_area"]: shape(f["geometry"]) for f in geojson["features"]}
    small = {c for c, g in shapes.items() if g.area < SMALL_AREA}
    clear = unary_union([shapes[c].buffer(CLEARANCE) for c in small]) if small else None
    out = {}
    for code, geom in shapes.items():
        if code in small:
            p = geom.representative_point()
        else:
            free = geom.difference(clear) if clear is not None else geom
            p = label_point(free if not free.is_empty else geom)
        out[code] = LabelPoint(round(p.x, 4), round(p.y, 4), code in small)
    return out


def wrapped_name(name: str, width: int = NAME_WIDTH) -> list[str]:
    """A unit's name in at most two lines of about ``width`` characters (the rest joins the
    second line: a name is never cut)."""
    lines = textwrap.wrap(name, width, break_long_words=False, break_on_hyphens=False) or [name]
    return lines if len(lines) <= 2 else [lines[0], " ".join(lines[1:])]
