"""Flag the source values listed in data/curated/placeholder_values.csv (kept, not used).

The platform writes 0.0 where a value cannot be computed (e.g. an index against 2005 for a region
whose borders changed in June 2022). Such rows stay in observations.parquet with the value as
written; column ``placeholder`` holds the curated reason key so the app neither draws nor uses
them. A curated row must match source rows in every year of its range, all with exactly the
listed value; otherwise the build stops naming the curated file and line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sdgdash.data import curated
from sdgdash.data.flags import PLACEHOLDER_COLUMN, PLACEHOLDER_REASONS
from sdgdash.ingest.observations import MAX_EXAMPLES
from sdgdash.ingest.opensdg import BuildError

FILE = "placeholder_values.csv"
COLUMNS: list[str] = [
    "indicator_id",
    "series",
    "unit",
    "ref_area",
    "year_from",
    "year_to",
    "value",
    "reason",
    "rationale",
]
# The flag reason as counted in the build report (beside the conflicting-duplicate one).
PLACEHOLDER = "placeholder value, kept and flagged (placeholder = curated reason)"


@dataclass(frozen=True)
class Entry:
    """One row of the curated table: a key, a year range, the placeholder value and why."""

    line: int
    indicator_id: str
    series: str
    unit: str
    ref_area: str
    year_from: int
    year_to: int
    value: float
    reason: str
    rationale: str

    def key(self) -> tuple[str, str, str, str]:
        """(indicator_id, series, unit, ref_area)."""
        return (self.indicator_id, self.series, self.unit, self.ref_area)

    def describe(self) -> str:
        """The key as text for messages."""
        return f"{self.indicator_id} {self.ref_area} (series {self.series!r}, unit {self.unit!r})"


def _error(path: Path, line: int, message: str) -> BuildError:
    """A build error naming the curated file (full path) and line."""
    return BuildError(f"{path}: line {line}: {message}")


def _year(path: Path, line: int, value: str, column: str) -> int:
    if not (len(value) == 4 and value.isdigit()):
        raise _error(path, line, f"{column} {value!r} is not a year")
    return int(value)


def read_table(path: Path) -> list[Entry]:
    """Read and check the curated table; a missing file or a bad row stops the build."""
    try:
        rows = curated.read_rows(path, COLUMNS)
    except curated.CuratedFileError as exc:
        raise BuildError(f"{path}: {exc}") from exc
    entries: list[Entry] = []
    for line, row in rows:
        for column in ("indicator_id", "ref_area", "rationale"):
            if not row[column]:
                raise _error(path, line, f"empty {column}")
        if row["reason"] not in PLACEHOLDER_REASONS:
            raise _error(
                path, line, f"reason {row['reason']!r} is not one of {list(PLACEHOLDER_REASONS)}"
            )
        year_from = _year(path, line, row["year_from"], "year_from")
        year_to = _year(path, line, row["year_to"], "year_to")
        if year_to < year_from:
            raise _error(path, line, f"year_to {year_to} is before year_from {year_from}")
        try:
            value = float(row["value"])
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise _error(path, line, f"value {row['value']!r} is not a number")
        entry = Entry(
            line,
            row["indicator_id"],
            row["series"],
            row["unit"],
            row["ref_area"],
            year_from,
            year_to,
            value,
            row["reason"],
            row["rationale"],
        )
        for other in entries:
            if other.key() == entry.key() and not (
                entry.year_to < other.year_from or other.year_to < entry.year_from
            ):
                raise _error(
                    path, line, f"{entry.describe()} overlaps the years of line {other.line}"
                )
        entries.append(entry)
    return entries


def apply(
    obs: pd.DataFrame, entries: list[Entry], files: dict[str, dict[str, Any]], path: Path
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Set ``placeholder`` on the rows of each entry and count them in the per-file reports.

    Every year of an entry's range must have at least one source row of its key (any
    disaggregation), and every such row must carry exactly the entry's value. Returns the
    flagged observations and one report record per entry.
    """
    flag = pd.Series([None] * len(obs), index=obs.index, dtype=object)
    summary: list[dict[str, Any]] = []
    for entry in entries:
        match = (
            (obs["indicator_id"] == entry.indicator_id)
            & (obs["series"] == entry.series)
            & (obs["unit"] == entry.unit)
            & (obs["ref_area"] == entry.ref_area)
            & obs["year"].between(entry.year_from, entry.year_to)
        )
        rows = obs[match]
        missing = sorted(set(range(entry.year_from, entry.year_to + 1)) - set(rows["year"]))
        if missing:
            raise _error(
                path,
                entry.line,
                f"no source row of {entry.describe()} in {', '.join(map(str, missing))}; "
                "remove or correct this row",
            )
        wrong = rows[rows["value"] != entry.value]
        if len(wrong):
            r = wrong.iloc[0]
            raise _error(
                path,
                entry.line,
                f"{entry.describe()} {int(r['year'])}: the source value is {r['value']:g} "
                f"({r['source_file']} line {int(r['source_row'])}), not the listed placeholder "
                f"{entry.value:g}; remove or correct this row",
            )
        flag[match] = entry.reason
        lines = []
        for r in rows.itertuples():
            report = files[r.source_file]
            report["flagged"][PLACEHOLDER] = report["flagged"].get(PLACEHOLDER, 0) + 1
            examples = report["examples"].setdefault(PLACEHOLDER, [])
            if len(examples) < MAX_EXAMPLES:
                examples.append({"line": int(r.source_row), "raw": float(r.value)})
            # A row already flagged as a conflicting duplicate is counted once.
            report["rows_flagged"] += int(pd.isna(r.conflict_of))
            report["placeholders"].append(
                {
                    "line": int(r.source_row),
                    "ref_area": r.ref_area,
                    "year": int(r.year),
                    "value": float(r.value),
                    "reason": entry.reason,
                    "curated_line": entry.line,
                }
            )
            lines.append(int(r.source_row))
        summary.append(
            {
                "curated_line": entry.line,
                "indicator_id": entry.indicator_id,
                "series": entry.series,
                "unit": entry.unit,
                "ref_area": entry.ref_area,
                "years": f"{entry.year_from}-{entry.year_to}",
                "value": entry.value,
                "reason": entry.reason,
                "source_file": str(rows["source_file"].iloc[0]),
                "source_lines": sorted(lines),
                "rationale": entry.rationale,
            }
        )
    return obs.assign(**{PLACEHOLDER_COLUMN: flag}), summary
