"""Curated 2030 end values of the distance to 2030 (data/curated/end_values.csv): read and
checked, every problem naming file and line. The rules that use them are in
:mod:`sdgdash.features.distance.endvalues`."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from sdgdash.data.curated import read_rows
from sdgdash.location import as_location

COLUMNS: list[str] = [
    "indicator_id",
    "series",
    "unit",
    "end_value",
    "kind",
    "source",
    "rationale",
]
ABSOLUTE = "absolute"
REFUSED = "none"
FILE_KINDS: tuple[str, ...] = (ABSOLUTE, REFUSED)


def load_end_values(path: Path) -> pd.DataFrame:
    """Read data/curated/end_values.csv; raise ValueError naming file and line on a bad row."""
    path = as_location(path)
    rows: list[dict[str, object]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, row in read_rows(path, list(COLUMNS)):
        v: dict[str, object] = {c: row[c] for c in COLUMNS}
        if not v["indicator_id"]:
            raise ValueError(f"{path}: line {line}: empty indicator_id")
        if v["kind"] not in FILE_KINDS:
            raise ValueError(f"{path}: line {line}: kind {v['kind']!r} not one of {FILE_KINDS}")
        if v["kind"] == ABSOLUTE:
            try:
                number = float(str(v["end_value"]))
            except ValueError:
                number = math.nan
            if not math.isfinite(number):
                raise ValueError(
                    f"{path}: line {line}: end_value {v['end_value']!r} is not a number"
                )
            v["end_value"] = number
        elif v["end_value"]:
            raise ValueError(f"{path}: line {line}: kind none takes no end_value")
        else:
            v["end_value"] = math.nan
        for column in ("source", "rationale"):
            if not v[column]:
                raise ValueError(f"{path}: line {line}: empty {column}")
        key = (str(v["indicator_id"]), str(v["series"]), str(v["unit"]))
        if key in seen:
            raise ValueError(f"{path}: line {line}: duplicate {key} (line {seen[key]})")
        seen[key] = line
        rows.append(v)
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["end_value"] = table["end_value"].astype("float64")
    return table
