"""The curated indicator table of the regional SDG index (data/curated/index_indicators.csv):
read and checked, every problem naming file and line."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.location import as_location

TABLE_COLUMNS: tuple[str, ...] = (
    "indicator_id",
    *SELECTION_COLUMNS,
    "direction",
    "upper",
    "upper_basis",
    "green",
    "red",
    "rationale",
    "source",
)


DIRECTIONS: tuple[str, ...] = ("higher", "lower")


NUMERIC_COLUMNS: tuple[str, ...] = ("upper", "green", "red")


def load_index_table(path: Path) -> pd.DataFrame:
    """Read index_indicators.csv; raise ValueError naming file and line on a bad row.

    Checks: every column present; non-empty indicator_id, unique; direction ``higher`` or
    ``lower``; upper, green and red finite numbers; green on the better side of red; non-empty
    upper_basis, rationale and source. Returns text columns as str and the three numbers as float.
    """
    path = as_location(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        missing = [c for c in TABLE_COLUMNS if c not in fields]
        if missing:
            raise ValueError(f"{path}: line 1: missing columns {missing}")
        rows: list[dict[str, object]] = []
        seen: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            if None in row:
                raise ValueError(f"{path}: line {line}: more fields than the header has")
            values: dict[str, object] = {c: (row[c] or "").strip() for c in TABLE_COLUMNS}
            indicator_id = str(values["indicator_id"])
            if not indicator_id:
                raise ValueError(f"{path}: line {line}: empty indicator_id")
            if indicator_id in seen:
                raise ValueError(
                    f"{path}: line {line}: indicator {indicator_id} repeated "
                    f"(first on line {seen[indicator_id]}); the index takes one headline series"
                )
            seen[indicator_id] = line
            if values["direction"] not in DIRECTIONS:
                raise ValueError(
                    f"{path}: line {line}: direction {values['direction']!r} "
                    f"is not one of {list(DIRECTIONS)}"
                )
            for column in NUMERIC_COLUMNS:
                try:
                    number = float(str(values[column]))
                except ValueError:
                    number = math.nan
                if not math.isfinite(number):
                    raise ValueError(
                        f"{path}: line {line}: {column} {values[column]!r} is not a finite number"
                    )
                values[column] = number
            green, red = float(values["green"]), float(values["red"])  # type: ignore[arg-type]
            better = green > red if values["direction"] == "higher" else green < red
            if not better:
                raise ValueError(
                    f"{path}: line {line}: green {green:g} is not on the better side of "
                    f"red {red:g} for direction {values['direction']}"
                )
            for column in ("upper_basis", "rationale", "source"):
                if not values[column]:
                    raise ValueError(f"{path}: line {line}: empty {column}")
            rows.append(values)
    table = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
    for column in NUMERIC_COLUMNS:
        table[column] = table[column].astype("float64")
    return table
