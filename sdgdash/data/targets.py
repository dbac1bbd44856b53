"""Curated 2030 targets of indicators (data/curated/indicator_targets.csv): load, check, look up."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sdgdash.data.curated import read_rows
from sdgdash.location import as_location

TARGET_YEAR = 2030  # the year of the 2030 Agenda's targets
RELATIVE = "relative_to_base"  # a multiple of the base-year value (0.5 = halve)
ABSOLUTE = "absolute"  # a value in the series' unit


@dataclass(frozen=True)
class Target:
    """A target for one series: ``value`` in the series' unit (``absolute``) or as a multiple of
    the base-year value (``relative_to_base``: 0.5 = halve), to be reached in ``year``."""

    value: float
    year: int = TARGET_YEAR
    kind: str = ABSOLUTE

    def resolve(self, base_value: float) -> float:
        """The target in the series' unit, given the base-year value."""
        return self.value * base_value if self.kind == RELATIVE else self.value


COLUMNS: list[str] = [
    "indicator_id",
    "series",
    "unit",
    "target_value",
    "target_year",
    "kind",
    "source",
    "rationale",
]
KINDS: tuple[str, ...] = (ABSOLUTE, RELATIVE)
YEARS: tuple[int, int] = (2016, 2100)


def load_targets(path: Path) -> pd.DataFrame:
    """Read the targets file; raise ValueError naming file and line on a bad row.

    ``series`` and ``unit`` left blank match any series / unit of the indicator; a row with an
    exact series (or unit) wins over a blank one.
    """
    path = as_location(path)
    rows: list[dict[str, object]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, row in read_rows(path, list(COLUMNS)):
        v = {c: row[c] for c in COLUMNS}
        if not v["indicator_id"]:
            raise ValueError(f"{path}: line {line}: empty indicator_id")
        if v["kind"] not in KINDS:
            raise ValueError(f"{path}: line {line}: kind {v['kind']!r} not one of {KINDS}")
        try:
            value = float(v["target_value"])
            year = int(v["target_year"])
        except ValueError:
            raise ValueError(
                f"{path}: line {line}: target_value must be a number and target_year a year"
            ) from None
        if not math.isfinite(value) or (v["kind"] == RELATIVE and value <= 0):
            raise ValueError(f"{path}: line {line}: bad target_value {v['target_value']!r}")
        if not YEARS[0] <= year <= YEARS[1]:
            raise ValueError(f"{path}: line {line}: target_year {year} out of range")
        for column in ("source", "rationale"):
            if not v[column]:
                raise ValueError(f"{path}: line {line}: empty {column}")
        key = (v["indicator_id"], v["series"], v["unit"])
        if key in seen:
            raise ValueError(f"{path}: line {line}: duplicate {key} (line {seen[key]})")
        seen[key] = line
        rows.append(v | {"target_value": value, "target_year": year})
    return pd.DataFrame(rows, columns=COLUMNS)


def check_against_data(targets: pd.DataFrame, observations: pd.DataFrame) -> list[str]:
    """Problems of the targets against the data: every row must match observed values."""
    problems = []
    for r in targets.itertuples():
        rows = observations[observations["indicator_id"] == r.indicator_id]
        if rows.empty:
            problems.append(f"{r.indicator_id}: no such indicator in the observations")
            continue
        if r.series:
            rows = rows[rows["series"] == r.series]
        if r.unit:
            rows = rows[rows["unit"] == r.unit]
        if rows.empty:
            problems.append(f"{r.indicator_id}: no values with series {r.series!r} unit {r.unit!r}")
    return problems


def target_for(targets: pd.DataFrame, indicator_id: str, series: str, unit: str) -> Target | None:
    """The target of one series, or None; exact series/unit rows win over blank ones."""
    rows = targets[targets["indicator_id"] == indicator_id]
    if rows.empty:
        return None
    ok = rows[
        ((rows["series"] == series) | (rows["series"] == ""))
        & ((rows["unit"] == unit) | (rows["unit"] == ""))
    ]
    if ok.empty:
        return None
    best = ok.assign(_exact=(ok["series"] != "").astype(int) * 2 + (ok["unit"] != "")).sort_values(
        "_exact", ascending=False, kind="stable"
    )
    row = best.iloc[0]
    return Target(float(row["target_value"]), int(row["target_year"]), str(row["kind"]))
