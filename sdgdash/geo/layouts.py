"""Boundary layouts (2022 / 2018 / 2014) of Kazakhstan's regions and the rule choosing one."""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry import mapping, shape

from sdgdash.location import Location, as_location

if TYPE_CHECKING:
    import geopandas

LAYOUTS: tuple[str, ...] = ("2022", "2018", "2014")

# Region-level units of each boundary vintage (feature ids of geodata/regions_<layout>.geojson).
UNITS_2022: frozenset[str] = frozenset(
    [
        "KZABY",
        "KZAKM",
        "KZAKT",
        "KZALA",
        "KZALM",
        "KZATY",
        "KZNS",
        "KZVOS",
        "KZZHA",
        "KZZHS",
        "KZKAR",
        "KZKUS",
        "KZKZY",
        "KZMAN",
        "KZSEV",
        "KZPAV",
        "KZSHY",
        "KZYUZ",
        "KZULU",
        "KZZAP",
    ]
)
UNITS_2018: frozenset[str] = UNITS_2022 - {"KZABY", "KZZHS", "KZULU"}
UNITS_2014: frozenset[str] = (UNITS_2018 - {"KZYUZ", "KZSHY"}) | {"KZONT"}
LAYOUT_UNITS: Mapping[str, frozenset[str]] = {
    "2022": UNITS_2022,
    "2018": UNITS_2018,
    "2014": UNITS_2014,
}
ALL_UNITS: frozenset[str] = UNITS_2022 | UNITS_2018 | UNITS_2014

# Codes that exist only in the 2022 layout: their presence means the old regions are reduced.
NEW_2022 = frozenset({"KZABY", "KZZHS", "KZULU"})
# Regions split in 2022: without NEW_2022 beside them they carry their pre-2022 extent.
SPLIT_2022 = frozenset({"KZALM", "KZVOS", "KZKAR"})
SOUTH_KAZAKHSTAN = "KZONT"
# Successors of South Kazakhstan (June 2018).
SPLIT_2018 = frozenset({"KZYUZ", "KZSHY"})

# Reason keys for values that are not drawn (the UI translates them).
OVERLAP_SPLIT_REGION = "overlap_split_region"
NOT_IN_LAYOUT = "not_in_layout"
NO_BOUNDARY_SUBREGION = "no_boundary_subregion"
UNKNOWN_CODE = "unknown_code"
REASONS: tuple[str, ...] = (
    OVERLAP_SPLIT_REGION,
    NOT_IN_LAYOUT,
    NO_BOUNDARY_SUBREGION,
    UNKNOWN_CODE,
)
SUBREGION_KINDS = frozenset({"city", "district", "village", "special_zone"})

PILOT_FILE = "pilot_territories.geojson"


@dataclass(frozen=True)
class LayoutChoice:
    """The layout to draw and, per code with a value, whether and why not it is drawn."""

    layout: str
    drawn: tuple[str, ...]
    not_drawn: dict[str, str] = field(default_factory=dict, hash=False)


def layout_for_year(year: int) -> str:
    """Return the layout in force in `year` (2022 from 2022, 2018 from 2018, 2014 before)."""
    if year >= 2022:
        return "2022"
    if year >= 2018:
        return "2018"
    return "2014"


def choose_layout(
    codes: Iterable[str], year: int, kinds: Mapping[str, str] | None = None
) -> LayoutChoice:
    """Choose the layout for codes with a value in one selection (rule in docs/DATA_MODEL.md)."""
    present = {c for c in codes if isinstance(c, str) and c}
    ont_alone = SOUTH_KAZAKHSTAN in present and not (present & SPLIT_2018)
    if present & NEW_2022:
        layout = "2022"
    elif present & SPLIT_2022:
        layout = "2014" if ont_alone else "2018"
    elif ont_alone:
        layout = "2014"
    elif present & SPLIT_2018 and layout_for_year(year) == "2014":
        # Turkistan region / Shymkent values for years before the 2018 split (back-calculated
        # series): their own shapes exist only from layout 2018 on.
        layout = "2018"
    else:
        layout = layout_for_year(year)

    units = LAYOUT_UNITS[layout]
    not_drawn: dict[str, str] = {}
    for code in sorted(present - units):
        if code == SOUTH_KAZAKHSTAN and present & SPLIT_2018:
            not_drawn[code] = OVERLAP_SPLIT_REGION
        elif code in ALL_UNITS:
            not_drawn[code] = NOT_IN_LAYOUT
        elif kinds is None or kinds.get(code) in SUBREGION_KINDS:
            not_drawn[code] = NO_BOUNDARY_SUBREGION
        else:
            not_drawn[code] = UNKNOWN_CODE
    return LayoutChoice(layout=layout, drawn=tuple(sorted(present & units)), not_drawn=not_drawn)


def layout_path(geodata_dir: Location | str, layout: str) -> Location:
    """Return the path of a layout's GeoJSON file; raise ValueError for an unknown layout."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    return as_location(geodata_dir) / f"regions_{layout}.geojson"


def _readable(path: Location) -> Path | io.BytesIO:
    """What geopandas can open: a local path, or the bytes of a file under a URI."""
    return path if isinstance(path, Path) else io.BytesIO(path.read_bytes())


def layout_geojson(geodata_dir: Path, layout: str) -> dict[str, Any]:
    """Return a layout's FeatureCollection as a dict (for plotly, featureidkey="properties.ref_area")."""
    with layout_path(geodata_dir, layout).open(encoding="utf-8") as f:
        return json.load(f)


def load_layout(geodata_dir: Path, layout: str) -> geopandas.GeoDataFrame:
    """Return a layout as a GeoDataFrame with columns ref_area, layout, geometry (EPSG:4326)."""
    import geopandas

    gdf = geopandas.read_file(_readable(layout_path(geodata_dir, layout)))
    return gdf[["ref_area", "layout", "geometry"]].sort_values("ref_area", ignore_index=True)


def load_pilot_territories(geodata_dir: Path) -> geopandas.GeoDataFrame:
    """Return the pilot territories (districts as polygons, settlements as points)."""
    import geopandas

    return geopandas.read_file(_readable(as_location(geodata_dir) / PILOT_FILE))


def read_region_kinds(regions_csv: Path) -> dict[str, str]:
    """Return ref_area -> kind from data/curated/regions.csv (or any csv with those columns)."""
    with as_location(regions_csv).open(encoding="utf-8", newline="") as f:
        return {row["ref_area"]: row["kind"] for row in csv.DictReader(f)}


def for_d3(geojson: dict) -> dict:
    """A copy of a GeoJSON FeatureCollection with rings wound clockwise, as d3-geo (plotly) needs.

    RFC 7946 winds exterior rings counter-clockwise; d3 reads that as "everything but the shape".
    """
    out = copy.deepcopy(geojson)
    for feature in out["features"]:
        geom = shapely.orient_polygons(shape(feature["geometry"]), exterior_cw=True)
        feature["geometry"] = mapping(geom)
    return out
