"""Sanity gates: a source that is not Kazakhstan's Open SDG data is refused with a clear message.

The gates catch what a file-by-file read cannot: a folder in another layout (SDMX, Excel, CSVs
named otherwise), data without a single regional row, or so many conflicting duplicates,
unknown codes or dropped rows that the columns were evidently misread (another country's
platform, another export). Thresholds are far above what the real source shows (0.2 %
conflicts, 0.1 % unknown codes, 0.2 % dropped rows in the 2024-10 copy).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from sdgdash.ingest.observations import CONFLICT_DUP
from sdgdash.ingest.opensdg import DIMENSIONS
from sdgdash.ingest.problems import Problems

MAX_CONFLICT_SHARE = 0.05  # of the rows kept
MAX_UNKNOWN_SHARE = 0.10  # of the rows kept: rows with a code no translation labels
MAX_UNCURATED_SHARE = 0.10  # of the regional rows: REF_AREA not in data/curated/regions.csv
MAX_DROPPED_SHARE = 0.20  # of the rows read
# Shares of a handful of rows say nothing about the source (a test fixture, a one-file copy).
MIN_ROWS_FOR_SHARES = 500
EXAMPLES = 3
SCAN_DEPTH = 3  # folders below the source searched for other layouts

# What a folder holds instead of data/indicator_*.csv: label -> test on a path relative to it.
OTHER_LAYOUTS: tuple[tuple[str, str], ...] = (
    ("SDMX or other XML files", ".xml"),
    ("Excel workbooks", ".xlsx"),
    ("Excel workbooks (old format)", ".xls"),
    ("JSON files", ".json"),
    ("CSV files not named data/indicator_<id>.csv", ".csv"),
)


def _scan(source: Path) -> list[Path]:
    """Files under ``source`` up to SCAN_DEPTH folders deep, .git and hidden folders skipped."""
    out: list[Path] = []
    stack = [(source, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            if path.name.startswith("."):
                continue
            if path.is_dir():
                if depth < SCAN_DEPTH:
                    stack.append((path, depth + 1))
            elif path.is_file():
                out.append(path)
    return out


def layout_seen(source: Path) -> list[str]:
    """What data-like files the folder has instead, e.g. "12 Excel workbooks (data/1-4-1.xlsx)"."""
    files = _scan(source)
    lines = []
    for label, suffix in OTHER_LAYOUTS:
        found = [
            p.relative_to(source).as_posix()
            for p in files
            if p.suffix.lower() == suffix
            and not (
                suffix == ".csv" and p.parent == source / "data" and p.stem.startswith("indicator_")
            )
        ]
        if found:
            examples = ", ".join(found[:EXAMPLES]) + (" ..." if len(found) > EXAMPLES else "")
            lines.append(f"{len(found)} {label} ({examples})")
    return lines


def check_layout(source: Path, problems: Problems) -> bool:
    """True when the source has data/indicator_*.csv files; else a blocking problem saying
    which layouts were seen instead."""
    if not source.is_dir():
        problems.block("source layout", f"{source}: source folder not found")
        return False
    data = source / "data"
    if data.is_dir() and any(p.is_file() for p in data.glob("indicator_*.csv")):
        return True
    seen = layout_seen(source)
    where = "no data/ folder" if not data.is_dir() else "no data/indicator_*.csv file in data/"
    instead = "; ".join(seen) if seen else "no data files of any known layout"
    problems.block(
        "source layout",
        f"{where}: this is not an Open SDG data repository as the platform publishes it "
        f"(one data/indicator_<id>.csv per indicator, e.g. data/indicator_1-2-1.csv). "
        f"Found instead: {instead}. Point --source at the platform's data repository "
        "(a copy of github.com/kazstat/sdg-data-kazstat) or export it in that layout",
    )
    return False


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _top_files(frame: pd.DataFrame) -> str:
    counts = Counter(frame["source_file"])
    return ", ".join(f"{f} ({n})" for f, n in counts.most_common(EXAMPLES))


def check_tables(
    observations: pd.DataFrame,
    report: dict[str, Any],
    known: dict[str, set[str]],
    curated_regions: set[str],
    problems: Problems,
) -> dict[str, Any]:
    """The gates on the built tables; returns the measured shares for the build report."""
    totals = report["totals"]
    kept = len(observations)
    regional = observations[observations["ref_area"] != ""]
    conflicts = observations[observations["conflict_of"].notna()]
    unknown_mask = pd.Series(False, index=observations.index)
    for header, column in {"REF_AREA": "ref_area", **DIMENSIONS}.items():
        values = observations[column]
        unknown_mask |= (values != "") & ~values.isin(known.get(header, set()))
    uncurated = regional[~regional["ref_area"].isin(curated_regions)]
    shares = {
        "rows_kept": kept,
        "regional_rows": len(regional),
        "conflict_share": round(_share(len(conflicts), kept), 4),
        "unknown_code_share": round(_share(int(unknown_mask.sum()), kept), 4),
        "uncurated_region_share": round(_share(len(uncurated), len(regional)), 4),
        "dropped_share": round(_share(totals["rows_dropped"], totals["rows_read"]), 4),
    }
    if kept == 0:
        problems.block("sanity", "no row was kept from the data files: nothing to show")
        return shares
    if regional.empty:
        problems.block(
            "sanity",
            f"no regional rows: none of the {kept} rows kept has a REF_AREA code, so no map, "
            "region or index page has anything to show (another country's platform or an "
            "export without the REF_AREA column?)",
        )
    if totals["rows_read"] < MIN_ROWS_FOR_SHARES:
        return shares
    if shares["conflict_share"] > MAX_CONFLICT_SHARE:
        problems.block(
            "sanity",
            f"{len(conflicts)} of {kept} rows kept ({shares['conflict_share']:.0%}) are "
            f"'{CONFLICT_DUP}': columns that tell rows apart were not read (the limit is "
            f"{MAX_CONFLICT_SHARE:.0%}); most in {_top_files(conflicts)}",
        )
    if shares["unknown_code_share"] > MAX_UNKNOWN_SHARE:
        problems.block(
            "sanity",
            f"{int(unknown_mask.sum())} of {kept} rows kept ({shares['unknown_code_share']:.0%}) "
            f"have a code no translation labels (the limit is {MAX_UNKNOWN_SHARE:.0%}); most "
            f"in {_top_files(observations[unknown_mask])}",
        )
    if len(regional) and shares["uncurated_region_share"] > MAX_UNCURATED_SHARE:
        codes = sorted(set(uncurated["ref_area"]))
        problems.block(
            "sanity",
            f"{len(uncurated)} of {len(regional)} regional rows "
            f"({shares['uncurated_region_share']:.0%}) have a REF_AREA code that "
            f"data/curated/regions.csv does not know ({', '.join(codes[:5])}"
            f"{' ...' if len(codes) > 5 else ''}): the maps cannot place them (the limit is "
            f"{MAX_UNCURATED_SHARE:.0%})",
        )
    if shares["dropped_share"] > MAX_DROPPED_SHARE:
        problems.block(
            "sanity",
            f"{totals['rows_dropped']} of {totals['rows_read']} rows read "
            f"({shares['dropped_share']:.0%}) were dropped ({totals['dropped']}); the limit is "
            f"{MAX_DROPPED_SHARE:.0%}",
        )
    return shares
