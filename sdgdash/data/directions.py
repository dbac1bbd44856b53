"""Reviewed polarity of each regional indicator: is a higher value better, worse, or neither."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from sdgdash.location import as_location

COLUMNS: list[str] = ["indicator_id", "series", "unit", "direction", "rationale", "source"]
KEY: list[str] = ["indicator_id", "series", "unit"]
# direction -> what direction_for returns: True = higher is better, None = no good/bad reading.
DIRECTIONS: dict[str, bool | None] = {"higher": True, "lower": False, "neutral": None}
ANY = "*"


def load_directions(path: Path) -> pd.DataFrame:
    """Read data/curated/indicator_direction.csv; raise ValueError naming file and line on a bad row."""
    path = as_location(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        missing = [c for c in COLUMNS if c not in fields]
        if missing:
            raise ValueError(f"{path}: line 1: missing columns {missing}")
        rows: list[dict[str, str]] = []
        seen: dict[tuple[str, str, str], int] = {}
        for row in reader:
            line = reader.line_num
            if None in row:
                raise ValueError(f"{path}: line {line}: more fields than the header has")
            values = {c: (row[c] or "").strip() for c in COLUMNS}
            if not values["indicator_id"]:
                raise ValueError(f"{path}: line {line}: empty indicator_id")
            if values["direction"] not in DIRECTIONS:
                raise ValueError(
                    f"{path}: line {line}: unknown direction {values['direction']!r} "
                    f"(expected one of {sorted(DIRECTIONS)})"
                )
            for column in ("rationale", "source"):
                if not values[column]:
                    raise ValueError(f"{path}: line {line}: empty {column}")
            key = (values["indicator_id"], values["series"], values["unit"])
            if key in seen:
                raise ValueError(
                    f"{path}: line {line}: duplicate key {key} (first on line {seen[key]})"
                )
            seen[key] = line
            rows.append(values)
    return pd.DataFrame(rows, columns=COLUMNS)


def direction_for(
    directions: pd.DataFrame, indicator_id: str, series: str, unit: str
) -> bool | None:
    """True if higher is better, False if lower is better, None if neutral or not curated.

    An exact series/unit match wins over "*"; an exact series with "*" unit wins over
    "*" series with an exact unit.
    """
    rows = directions[directions["indicator_id"] == indicator_id]
    if rows.empty:
        return None
    for want_series, want_unit in ((series, unit), (series, ANY), (ANY, unit), (ANY, ANY)):
        match = rows[(rows["series"] == want_series) & (rows["unit"] == want_unit)]
        if not match.empty:
            return DIRECTIONS[match["direction"].iloc[0]]
    return None
