"""Turn the data/indicator_*.csv files into observation rows, counting every repair and drop."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from sdgdash.ingest.opensdg import (
    DIMENSIONS,
    HEADER_ALIASES,
    SCHEMA_COLUMNS,
    BuildError,
    CsvFile,
    read_csv_records,
)
from sdgdash.ingest.problems import Problems

OBS_COLUMNS: list[str] = [
    "indicator_id",
    "goal",
    "target",
    "year",
    "ref_area",
    *DIMENSIONS.values(),
    "value",
    "source_file",
    "source_row",
]
KEY_COLUMNS: list[str] = ["indicator_id", "year", "ref_area", *DIMENSIONS.values()]

_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_YEAR_RE = re.compile(r"^\d{4}$")
MAX_EXAMPLES = 5

# Drop and repair reasons, written once so the report and the tests agree.
BLANK = "blank line"
EMPTY_VALUE = "empty value"
NON_NUMERIC = "non-numeric value"
SHORT_UNALIGNED = "short row: fields cannot be aligned to the header unambiguously"
EXACT_DUP = "exact duplicate"
CONFLICT_DUP = "conflicting duplicate, kept and flagged (conflict_of = first line)"
TRAILING_EMPTY = "trailing empty fields beyond the header removed"
WHITESPACE = "surrounding whitespace stripped"
INNER_SPACE = "space inside a code removed (matches exactly one known code)"
UNITS_ALIAS = "column 'Units' read as UNIT_MEASURE"


def known_codes(translations: dict[str, dict[str, dict[str, str]]]) -> dict[str, set[str]]:
    """Return {source header: codes with a label in any language} for REF_AREA and dimensions."""
    out: dict[str, set[str]] = {}
    for header in ("REF_AREA", *DIMENSIONS):
        codes: set[str] = set()
        for files in translations.values():
            codes.update(k for k in files.get(header, {}) if k != header)
        out[header] = codes
    return out


def _column_map(csv_file: CsvFile) -> tuple[list[str | None], list[str]]:
    """Map header positions to schema columns (None = non-schema); return the map and file repairs."""
    columns: list[str | None] = []
    repairs: list[str] = []
    present = set(csv_file.header)
    for name in csv_file.header:
        alias = HEADER_ALIASES.get(name)
        if alias and alias not in present:
            columns.append(alias)
            repairs.append(UNITS_ALIAS)
        elif name in SCHEMA_COLUMNS:
            columns.append(name)
        else:
            columns.append(None)
    for required in ("Year", "Value"):
        if required not in columns:
            hint = ""
            joined = ",".join(csv_file.header)
            for sep, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "bars")):
                if sep in joined:
                    hint = f" (fields look separated by {name}; Open SDG CSVs use commas)"
                    break
            raise BuildError(f"{csv_file.path}: line 1: header has no '{required}' column{hint}")
    named = [c for c in columns if c]
    for name in named:
        if named.count(name) > 1:
            raise BuildError(
                f"{csv_file.path}: line 1: column '{name}' appears twice in the header"
            )
    return columns, repairs


def _plausible(fields: list[str], columns: list[str | None], known: dict[str, set[str]]) -> bool:
    """Whether a realigned row has a year, a number and only known codes in code columns."""
    for value, column in zip(fields, columns, strict=True):
        if column == "Year" and not _YEAR_RE.match(value.strip()):
            return False
        if column == "Value" and not _NUMBER_RE.match(value.strip()):
            return False
        if column is None and value.strip():
            return False
        if column not in (None, "Year", "Value") and value and value not in known[column]:
            return False
    return True


def align_short_row(
    fields: list[str], columns: list[str | None], known: dict[str, set[str]]
) -> tuple[list[str], str] | None:
    """Insert the one missing empty code field if exactly one position gives a plausible row."""
    if len(fields) != len(columns) - 1:
        return None
    candidates: dict[tuple[str, ...], str] = {}
    for pos, column in enumerate(columns):
        if column in ("Year", "Value"):
            continue
        trial = fields[:pos] + [""] + fields[pos:]
        if _plausible(trial, columns, known):
            candidates.setdefault(tuple(trial), column or f"column {pos + 1}")
    if len(candidates) != 1:
        return None
    ((trial, column),) = candidates.items()
    return list(trial), f"short row: missing empty {column} field restored"


def _new_report(csv_file: CsvFile, indicator_id: str) -> dict[str, Any]:
    """Start the per-file report."""
    return {
        "indicator_id": indicator_id,
        "rows_read": 0,
        "rows_kept": 0,
        "rows_repaired": 0,
        "rows_dropped": 0,
        "regional_rows_read": 0,
        "regional_rows_kept": 0,
        "repaired": {},
        "dropped": {},
        "flagged": {},
        "examples": {},
        "file_repairs": [],
        "non_schema_columns": [],
        "duplicates": [],
        "placeholders": [],
        "line_endings": csv_file.line_endings,
    }


def _count(report: dict[str, Any], kind: str, reason: str, line: int, raw: Any = None) -> None:
    """Count a repair or drop and keep the first few examples of it."""
    report[kind][reason] = report[kind].get(reason, 0) + 1
    examples = report["examples"].setdefault(reason, [])
    if len(examples) < MAX_EXAMPLES:
        examples.append({"line": line} if raw is None else {"line": line, "raw": raw})


def parse_file(
    csv_file: CsvFile,
    indicator_id: str,
    known: dict[str, set[str]],
    errors: list[BuildError] | None = None,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Parse one CSV into observation dicts and its report; raise BuildError on malformed input.

    With ``errors``, a malformed row is appended there and skipped, so every bad line of the
    file is found in one run (the caller then refuses the build).
    """
    report = _new_report(csv_file, indicator_id)
    columns, file_repairs = _column_map(csv_file)
    if csv_file.had_bom:
        report["file_repairs"].append("UTF-8 byte order mark removed")
    report["file_repairs"].extend(file_repairs)
    width = len(columns)
    stray: dict[int, list[str]] = {i: [] for i, c in enumerate(columns) if c is None}
    goal, target = int(indicator_id.split(".")[0]), ".".join(indicator_id.split(".")[:2])
    rows: list[dict[str, Any]] = []
    for line, fields in csv_file.records:
        report["rows_read"] += 1
        if not fields or all(not f.strip() for f in fields):
            _count(report, "dropped", BLANK, line)
            continue
        repairs: list[str] = []
        if len(fields) > width:
            extra = fields[width:]
            if any(f.strip() for f in extra):
                error = BuildError(
                    f"{csv_file.path}: line {line}: {len(fields)} fields for {width} header "
                    f"columns, extra values {[f for f in extra if f.strip()][:3]}"
                )
                if errors is None:
                    raise error
                errors.append(error)
                continue
            fields = fields[:width]
            repairs.append(TRAILING_EMPTY)
        elif len(fields) < width:
            aligned = align_short_row(fields, columns, known)
            if aligned is None:
                _count(report, "dropped", SHORT_UNALIGNED, line, ",".join(fields))
                continue
            fields, reason = aligned
            repairs.append(reason)
        if any(f != f.strip() for f in fields):
            repairs.append(WHITESPACE)
        values = {c: f.strip() for c, f in zip(columns, fields, strict=True) if c}
        for column, value in values.items():
            joined = "".join(value.split())
            if column in known and value not in known[column] and joined in known[column]:
                values[column] = joined
                repairs.append(INNER_SPACE)
        for pos in stray:
            if fields[pos].strip():
                stray[pos].append(fields[pos].strip())
        year = values["Year"]
        if not _YEAR_RE.match(year):
            error = BuildError(f"{csv_file.path}: line {line}: unparsable Year {year!r}")
            if errors is None:
                raise error
            errors.append(error)
            continue
        regional = bool(values.get("REF_AREA", ""))
        report["regional_rows_read"] += regional
        raw_value = values["Value"]
        if not raw_value:
            _count(report, "dropped", EMPTY_VALUE, line)
            continue
        if not _NUMBER_RE.match(raw_value):
            _count(report, "dropped", NON_NUMERIC, line, raw_value)
            continue
        if file_repairs:
            repairs.extend(file_repairs)
        for reason in repairs:
            _count(
                report, "repaired", reason, line, ",".join(fields) if "short" in reason else None
            )
        report["rows_repaired"] += bool(repairs)
        row: dict[str, Any] = {
            "indicator_id": indicator_id,
            "goal": goal,
            "target": target,
            "year": int(year),
            "ref_area": values.get("REF_AREA", ""),
        }
        for header, name in DIMENSIONS.items():
            row[name] = values.get(header, "")
        row.update(value=float(raw_value), source_file=csv_file.path, source_row=line)
        rows.append(row)
    for pos, found in stray.items():
        report["non_schema_columns"].append(
            {
                "column": csv_file.header[pos],
                "position": pos + 1,
                "non_empty_values": len(found),
                "examples": sorted(set(found))[:MAX_EXAMPLES],
                "action": "values reported here, not loaded (not an Open SDG column)"
                if found
                else "empty column ignored",
            }
        )
    return rows, report


def drop_duplicates(frame: pd.DataFrame, reports: dict[str, dict[str, Any]]) -> pd.DataFrame:
    """Drop later rows that repeat a key with the same value; keep and flag conflicting ones.

    A conflicting row (same key, another value) is a real source value that cannot be told
    apart from the first one, so it stays in the output with ``conflict_of`` = the first row's
    line; the app draws the first row and lists the conflicting one with that reason.
    """
    frame = frame.sort_values(["source_file", "source_row"], kind="stable")
    frame = frame.assign(conflict_of=pd.array([None] * len(frame), dtype="Int32"))
    dup = frame.duplicated(KEY_COLUMNS, keep="first")
    if not dup.any():
        return frame
    grouped = frame.groupby(KEY_COLUMNS, sort=False)
    first_value = grouped["value"].transform("first")
    first_file = grouped["source_file"].transform("first")
    first_row = grouped["source_row"].transform("first")
    exact = dup & (frame["value"] == first_value)
    conflict = dup & ~exact
    # itertuples, not frame.loc per row: a source with thousands of duplicates (another
    # platform's columns misread) must still be reported in seconds.
    dups = frame.loc[dup, ["source_file", "source_row", "value", "ref_area"]].assign(
        is_exact=exact[dup],
        kept_file=first_file[dup],
        kept_row=first_row[dup],
        kept_value=first_value[dup],
    )
    for row in dups.itertuples(index=False):
        reason = EXACT_DUP if row.is_exact else CONFLICT_DUP
        report = reports[row.source_file]
        line = int(row.source_row)
        if row.is_exact:
            _count(report, "dropped", reason, line, float(row.value))
            report["regional_rows_kept"] -= bool(row.ref_area)
        else:
            _count(report, "flagged", reason, line, float(row.value))
        report["duplicates"].append(
            {
                "line": line,
                "value": float(row.value),
                "reason": reason,
                "kept_file": str(row.kept_file),
                "kept_line": int(row.kept_row),
                "kept_value": float(row.kept_value),
            }
        )
    frame.loc[conflict, "conflict_of"] = first_row[conflict].astype("int32")
    return frame[~exact]


def read_observations(
    source: Path,
    indicator_ids: dict[str, str],
    known: dict[str, set[str]],
    problems: Problems | None = None,
) -> tuple[pd.DataFrame, dict[str, dict[str, Any]], list[dict[str, str]]]:
    """Read every data CSV; return observations, per-file reports and skipped data entries.

    With ``problems``, every malformed file and line is recorded there (blocking) and the file
    is left out, so one run lists them all; without, the first one raises BuildError.
    """
    data_dir = source / "data"
    if not data_dir.is_dir():
        raise BuildError(f"{data_dir}: no data/ folder in the source repository")
    rows: list[dict[str, Any]] = []
    reports: dict[str, dict[str, Any]] = {}
    skipped: list[dict[str, str]] = []
    for path in sorted(data_dir.iterdir()):
        rel = f"data/{path.name}"
        if path.is_dir() or not path.name.startswith("indicator_") or path.suffix != ".csv":
            skipped.append(
                {
                    "path": rel,
                    "reason": "not an indicator CSV (Open SDG reads only data/indicator_*.csv)",
                }
            )
            continue
        slug = path.stem.removeprefix("indicator_")
        errors: list[BuildError] | None = None if problems is None else []
        try:
            file_rows, report = parse_file(
                read_csv_records(path, rel), indicator_ids[slug], known, errors
            )
        except BuildError as exc:
            if problems is None:
                raise
            errors = [*(errors or []), exc]
        if errors:
            for error in errors:
                problems.from_error("data files", error)
            continue
        rows.extend(file_rows)
        reports[rel] = report
    frame = pd.DataFrame(rows, columns=OBS_COLUMNS)
    counts = frame.groupby("source_file").size()
    regional = frame[frame["ref_area"] != ""].groupby("source_file").size()
    for rel, report in reports.items():
        report["rows_kept"] = int(counts.get(rel, 0))
        report["regional_rows_kept"] = int(regional.get(rel, 0))
    frame = drop_duplicates(frame, reports)
    for report in reports.values():
        report["rows_kept"] -= report["dropped"].get(EXACT_DUP, 0)
        report["rows_flagged"] = sum(report["flagged"].values())
        report["rows_dropped"] = sum(report["dropped"].values())
    return frame, reports, skipped
