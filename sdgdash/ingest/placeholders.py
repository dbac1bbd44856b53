"""Flag the source values listed in data/curated/placeholder_values.csv (kept, not used).

The platform writes 0.0 where a value cannot be computed (e.g. an index against 2005 for a region
whose borders changed in June 2022). Such rows stay in observations.parquet with the value as
written; column ``placeholder`` holds the curated reason key so the app neither draws nor uses
them. A curated row flags the source rows of its key and years that carry exactly the listed
value; what it no longer matches after a refresh (a year without a row, a real value where the
placeholder was) is left as published and reported by the curated checks, naming the curated
file and line. A malformed curated row stops the build.
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
from sdgdash.ingest.problems import Problems

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


def _entry(path: Path, line: int, row: dict[str, str], entries: list[Entry]) -> Entry:
    """One checked row; BuildError naming the file and line when it is malformed."""
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
            raise _error(path, line, f"{entry.describe()} overlaps the years of line {other.line}")
    return entry


def read_table(path: Path, problems: Problems | None = None) -> list[Entry]:
    """Read and check the curated table; a missing file or a bad row stops the build.

    With ``problems``, every malformed row is recorded there (blocking, with its line) and
    skipped, so one run lists them all; without, the first one raises BuildError.
    """
    try:
        rows = curated.read_rows(path, COLUMNS)
    except curated.CuratedFileError as exc:
        error = BuildError(f"{path}: {exc}")
        if problems is None:
            raise error from exc
        problems.block("curated tables", str(exc).split(": ", 1)[-1], _curated_name(path))
        return []
    entries: list[Entry] = []
    for line, row in rows:
        try:
            entries.append(_entry(path, line, row, entries))
        except BuildError as exc:
            if problems is None:
                raise
            problems.from_error("curated tables", exc, strip=str(path.parent.parent))
    return entries


def _curated_name(path: Path) -> str:
    """``curated/<name>``: the file as the build report names curated tables."""
    return f"{path.parent.name}/{path.name}"


def apply(
    obs: pd.DataFrame, entries: list[Entry], files: dict[str, dict[str, Any]], path: Path
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Set ``placeholder`` on the rows of each entry and count them in the per-file reports.

    A row is flagged when it has the entry's key (any disaggregation), a year of its range and
    exactly the entry's value. What no longer matches after a refresh is not flagged and is
    recorded in the entry's report record for the curated checks (warnings, not errors: the
    source value is then used as published): ``missing_years`` (no row of the key),
    ``other_values`` (a row with another value: the source replaced the placeholder) and
    ``later_equal`` (a row after the range with the placeholder value: perhaps a new
    placeholder not yet listed). Returns the flagged observations and one record per entry.
    """
    flag = pd.Series([None] * len(obs), index=obs.index, dtype=object)
    summary: list[dict[str, Any]] = []
    for entry in entries:
        same_key = (
            (obs["indicator_id"] == entry.indicator_id)
            & (obs["series"] == entry.series)
            & (obs["unit"] == entry.unit)
            & (obs["ref_area"] == entry.ref_area)
        )
        in_range = same_key & obs["year"].between(entry.year_from, entry.year_to)
        match = in_range & (obs["value"] == entry.value)
        rows = obs[match]
        years_seen = set(obs.loc[in_range, "year"])
        missing = sorted(set(range(entry.year_from, entry.year_to + 1)) - years_seen)
        other = [
            {
                "year": int(r.year),
                "value": float(r.value),
                "source_file": r.source_file,
                "source_row": int(r.source_row),
            }
            for r in obs[in_range & ~match].itertuples()
        ]
        later = obs[same_key & (obs["year"] > entry.year_to) & (obs["value"] == entry.value)]
        later_equal = [
            {"year": int(r.year), "source_file": r.source_file, "source_row": int(r.source_row)}
            for r in later.itertuples()
        ]
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
                "source_file": str(rows["source_file"].iloc[0]) if len(rows) else "",
                "source_lines": sorted(lines),
                "rationale": entry.rationale,
                "missing_years": [int(y) for y in missing],
                "other_values": other,
                "later_equal": later_equal,
            }
        )
    return obs.assign(**{PLACEHOLDER_COLUMN: flag}), summary
