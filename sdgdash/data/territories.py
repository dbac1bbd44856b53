"""Pilot territories (GLocal and later ones) from data/curated/territories.csv, validated (pure).

A territory is data, not code: a row names it in kk/ru/en, says what kind of place it is, which
region it lies in (a ``ref_area`` of data/regions.parquet) and which feature of
geodata/pilot_territories.geojson draws it. A new territory needs one row and one feature.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from sdgdash.data.catalog import GOALS
from sdgdash.i18n import DEFAULT_LANG, LANGS
from sdgdash.location import as_location

TERRITORIES_FILE = "territories.csv"
DEFAULT_TERRITORY = "karkaraly_district"
KINDS: tuple[str, ...] = ("district", "town", "village", "rural_district", "city")
COLUMNS: tuple[str, ...] = (
    "territory_id",
    "name_kk",
    "name_ru",
    "name_en",
    "kind",
    "parent_ref_area",
    "geometry_id",
    "programme_kk",
    "programme_ru",
    "programme_en",
    "since",
    "priority_goals",
    "tags",
    "source_kk",
    "source_ru",
    "source_en",
)
_ID_RE = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
_TAG_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class TerritoryError(ValueError):
    """A malformed territories file; the message names the file and line."""


@dataclass(frozen=True)
class Territory:
    """One territory with its names, parent region, geometry and programme."""

    territory_id: str
    names: dict[str, str]
    kind: str
    parent_ref_area: str
    geometry_id: str
    programmes: dict[str, str]
    since: dt.date
    priority_goals: tuple[int, ...]
    tags: tuple[str, ...]
    sources: dict[str, str]
    geometry_type: str = ""

    def name(self, lang: str) -> str:
        """The territory's name in ``lang`` (the file has all three)."""
        return self.names.get(lang) or self.names[DEFAULT_LANG]

    def programme(self, lang: str) -> str:
        """The programme the territory belongs to, named in ``lang``."""
        return self.programmes.get(lang) or self.programmes[DEFAULT_LANG]

    def source(self, lang: str) -> str:
        """Where the territory's entry comes from, in ``lang``."""
        return self.sources.get(lang) or self.sources[DEFAULT_LANG]

    def __hash__(self) -> int:  # names is a dict: hash by the id, which is unique
        return hash(self.territory_id)


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace(",", ";").split(";") if p.strip()]


def parse_territories(
    text: str,
    *,
    file_name: str,
    known_regions: set[str] | frozenset[str],
    geometries: dict[str, dict],
) -> dict[str, Territory]:
    """Territories from CSV ``text``; any bad row raises TerritoryError naming ``file_name`` and line.

    ``geometries`` maps feature id -> GeoJSON feature (geodata/pilot_territories.geojson).
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = reader.fieldnames or []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise TerritoryError(f"{file_name} line 1: missing columns {', '.join(missing)}")
    out: dict[str, Territory] = {}
    for row in reader:
        line = reader.line_num

        def fail(msg: str, line: int = line) -> TerritoryError:
            return TerritoryError(f"{file_name} line {line}: {msg}")

        if None in row or any(v is None for v in row.values()):
            raise fail("wrong number of fields")
        row = {k: (v or "").strip() for k, v in row.items()}
        tid = row["territory_id"]
        if not _ID_RE.match(tid):
            raise fail(f"territory_id {tid!r} must be lower-case letters, digits and _")
        if tid in out:
            raise fail(f"territory_id {tid!r} appears twice")
        names = {lang: row[f"name_{lang}"] for lang in LANGS}
        if not all(names.values()):
            raise fail(f"{tid}: a name in kk, ru and en is required")
        if row["kind"] not in KINDS:
            raise fail(f"{tid}: unknown kind {row['kind']!r} (one of {', '.join(KINDS)})")
        if row["parent_ref_area"] not in known_regions:
            raise fail(f"{tid}: unknown parent region {row['parent_ref_area']!r}")
        feature = geometries.get(row["geometry_id"])
        if feature is None:
            raise fail(f"{tid}: unknown geometry {row['geometry_id']!r} (not in the GeoJSON)")
        geom_parent = (feature.get("properties") or {}).get("parent_ref_area")
        if geom_parent and geom_parent != row["parent_ref_area"]:
            raise fail(
                f"{tid}: geometry {row['geometry_id']!r} lies in {geom_parent}, "
                f"not in {row['parent_ref_area']}"
            )
        try:
            since = dt.date.fromisoformat(row["since"])
        except ValueError:
            raise fail(f"{tid}: since {row['since']!r} is not a date YYYY-MM-DD") from None
        try:
            goals = tuple(int(g) for g in _split(row["priority_goals"]))
        except ValueError:
            raise fail(f"{tid}: priority_goals must be goal numbers 1..17") from None
        if any(g not in GOALS for g in goals):
            raise fail(f"{tid}: priority_goals must be goal numbers 1..17")
        tags = tuple(_split(row["tags"]))
        if any(not _TAG_RE.match(tag) for tag in tags):
            raise fail(f"{tid}: tags must be lower-case tag ids")
        programmes = {lang: row[f"programme_{lang}"] for lang in LANGS}
        if not all(programmes.values()):
            raise fail(f"{tid}: programme in kk, ru and en is required")
        sources = {lang: row[f"source_{lang}"] for lang in LANGS}
        if not all(sources.values()):
            raise fail(f"{tid}: source in kk, ru and en is required")
        out[tid] = Territory(
            territory_id=tid,
            names=names,
            kind=row["kind"],
            parent_ref_area=row["parent_ref_area"],
            geometry_id=row["geometry_id"],
            programmes=programmes,
            since=since,
            priority_goals=goals,
            tags=tags,
            sources=sources,
            geometry_type=str((feature.get("geometry") or {}).get("type", "")),
        )
    if not out:
        raise TerritoryError(f"{file_name}: no territories")
    return out


def features_by_id(geojson: dict) -> dict[str, dict]:
    """Feature id -> feature of a FeatureCollection (id from the feature or its properties)."""
    out = {}
    for f in geojson.get("features", []):
        fid = f.get("id") or (f.get("properties") or {}).get("id")
        if fid:
            out[str(fid)] = f
    return out


def load_territories(
    csv_path: Path, geojson: dict, known_regions: set[str] | frozenset[str]
) -> dict[str, Territory]:
    """Read and validate the territories file against the regions and the pilot GeoJSON."""
    path = as_location(csv_path)
    return parse_territories(
        path.read_text(encoding="utf-8"),
        file_name=path.name,
        known_regions=known_regions,
        geometries=features_by_id(geojson),
    )
