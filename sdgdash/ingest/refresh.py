"""What a refresh changes: the new tables compared with the data/ they replace.

Written as ``REFRESH_REPORT.md`` (for people) and ``refresh_report.json`` (for the app's "what
changed in the last data update" view) next to the build report, and printed as a summary at
the end of a build, swapped or refused.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from sdgdash.ingest.identity import UNKNOWN_VERSION
from sdgdash.ingest.observations import KEY_COLUMNS
from sdgdash.ingest.opensdg import natural_key
from sdgdash.ingest.problems import WARNING, Problems

GROUP = "refresh"
LARGEST = 10  # value changes listed
LISTED = 30  # items listed per kind in the Markdown before "... and n more"
_READ = {
    "observations": [*KEY_COLUMNS, "value", "source_file", "source_row", "conflict_of"],
    "indicators": ["indicator_id", "has_data", "has_regional_data"],
}
_DISAGGREGATIONS = [
    c for c in KEY_COLUMNS if c not in ("indicator_id", "year", "ref_area", "series", "unit")
]


def read_previous(data_dir: Path) -> dict[str, Any] | None:
    """The tables and build report of the data/ about to be replaced, or None (first build or
    unreadable: the report then says there is nothing to compare)."""
    try:
        out: dict[str, Any] = {
            name: pd.read_parquet(data_dir / f"{name}.parquet", columns=columns)
            for name, columns in _READ.items()
        }
    except (OSError, ValueError, KeyError):
        return None
    report = data_dir / "build_report.json"
    try:
        out["report"] = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        out["report"] = {}
    return out


def _ids(values) -> list[str]:
    return sorted({str(v) for v in values}, key=natural_key)


def _version(report: dict[str, Any]) -> dict[str, Any]:
    source = report.get("source", {})
    # Builds before issue 15 wrote the word "unknown" where the commit was not known.
    commit = source.get("commit") if source.get("commit") not in (None, "", "unknown") else None
    return {
        "version": source.get("version") or commit or UNKNOWN_VERSION,
        "repository": source.get("repository"),
        "commit": commit,
        "date": source.get("date") if commit else None,
        "built_at": report.get("built_at"),
    }


def _first_rows(obs: pd.DataFrame) -> pd.DataFrame:
    """One row per key: the value the app uses (conflicting duplicates are flagged, not used)."""
    return obs[obs["conflict_of"].isna()]


def _value_changes(old: pd.DataFrame, new: pd.DataFrame) -> dict[str, Any]:
    keys = KEY_COLUMNS
    merged = _first_rows(old)[[*keys, "value"]].merge(
        _first_rows(new)[[*keys, "value", "source_file", "source_row"]],
        on=keys,
        how="outer",
        suffixes=("_old", "_new"),
        indicator=True,
    )
    both = merged[merged["_merge"] == "both"]
    changed = both[both["value_old"] != both["value_new"]].copy()
    changed["change"] = changed["value_new"] - changed["value_old"]
    changed["relative"] = [
        (abs(c) / abs(o)) if o else math.inf
        for c, o in zip(changed["change"], changed["value_old"], strict=True)
    ]
    top = changed.assign(_abs=changed["change"].abs()).sort_values(
        ["relative", "_abs"], ascending=False, kind="stable"
    )
    largest = [
        {
            "indicator_id": r.indicator_id,
            "year": int(r.year),
            "ref_area": r.ref_area,
            "series": r.series,
            "unit": r.unit,
            "disaggregation": ", ".join(
                f"{c}={getattr(r, c)}" for c in _DISAGGREGATIONS if getattr(r, c)
            ),
            "old": float(r.value_old),
            "new": float(r.value_new),
            "change": float(r.change),
            "relative": None if math.isinf(r.relative) else round(float(r.relative), 4),
            "source_file": r.source_file,
            "source_row": int(r.source_row),
        }
        for r in top.head(LARGEST).itertuples()
    ]
    return {
        "compared": len(both),
        "changed": len(changed),
        "added": int((merged["_merge"] == "right_only").sum()),
        "removed": int((merged["_merge"] == "left_only").sum()),
        "largest": largest,
    }


def _pairs(frame: pd.DataFrame, columns: list[str]) -> set[tuple]:
    return set(frame[columns].drop_duplicates().itertuples(index=False, name=None))


def _series(pairs: set[tuple]) -> list[dict[str, str]]:
    return [
        {"indicator_id": i, "series": s, "unit": u}
        for i, s, u in sorted(pairs, key=lambda p: (natural_key(p[0]), p[1], p[2]))
    ]


def _unknown(report: dict[str, Any]) -> dict[str, set[str]]:
    return {dim: set(codes) for dim, codes in report.get("unknown_codes", {}).items()}


def diff(
    previous: dict[str, Any] | None,
    tables: dict[str, pd.DataFrame],
    report: dict[str, Any],
    problems: Problems,
) -> dict[str, Any]:
    """The changes from ``previous`` (read_previous) to the new tables and build report."""
    new_obs, new_ind = tables["observations"], tables["indicators"]
    orphans = [
        p for p in problems.to_list() if p["severity"] == WARNING and p["group"] == "curated tables"
    ]
    out: dict[str, Any] = {
        "previous": _version(previous["report"]) if previous else None,
        "current": _version(report),
        "first_build": previous is None,
        "rows": {"before": None, "after": len(new_obs)},
        "curated_rows_orphaned": orphans,
    }
    if previous is None:
        return out
    old_obs, old_ind = previous["observations"], previous["indicators"]
    out["rows"]["before"] = len(old_obs)

    def flagged(frame: pd.DataFrame, column: str) -> set[str]:
        return set(frame.loc[frame[column].astype(bool), "indicator_id"])

    old_ids, new_ids = set(old_ind["indicator_id"]), set(new_ind["indicator_id"])
    old_reg, new_reg = flagged(old_ind, "has_regional_data"), flagged(new_ind, "has_regional_data")
    old_data, new_data = flagged(old_ind, "has_data"), flagged(new_ind, "has_data")
    out["indicators"] = {
        "before": len(old_ids),
        "after": len(new_ids),
        "added": _ids(new_ids - old_ids),
        "removed": _ids(old_ids - new_ids),
        "gained_data": _ids((new_data - old_data) & old_ids),
        "lost_data": _ids((old_data - new_data) & new_ids),
        "regional_before": len(old_reg),
        "regional_after": len(new_reg),
        "gained_regional": _ids(new_reg - old_reg),
        "lost_regional": _ids(old_reg - new_reg),
    }
    series_cols = ["indicator_id", "series", "unit"]
    old_series, new_series = _pairs(old_obs, series_cols), _pairs(new_obs, series_cols)
    out["series"] = {
        "added": _series(new_series - old_series),
        "removed": _series(old_series - new_series),
    }
    old_years = _pairs(old_obs, ["indicator_id", "year"])
    new_years = _pairs(new_obs, ["indicator_id", "year"])
    by_ind: dict[str, list[int]] = {}
    for ind, year in sorted(new_years - old_years):
        by_ind.setdefault(ind, []).append(int(year))
    lost: dict[str, list[int]] = {}
    for ind, year in sorted(old_years - new_years):
        lost.setdefault(ind, []).append(int(year))
    out["years"] = {
        "added": sorted({int(y) for y in new_obs["year"]} - {int(y) for y in old_obs["year"]}),
        "removed": sorted({int(y) for y in old_obs["year"]} - {int(y) for y in new_obs["year"]}),
        "indicator_years_added": dict(sorted(by_ind.items(), key=lambda kv: natural_key(kv[0]))),
        "indicator_years_removed": dict(sorted(lost.items(), key=lambda kv: natural_key(kv[0]))),
    }
    old_regions = set(old_obs["ref_area"]) - {""}
    new_regions = set(new_obs["ref_area"]) - {""}
    out["regions"] = {
        "added": sorted(new_regions - old_regions),
        "removed": sorted(old_regions - new_regions),
    }
    out["values"] = _value_changes(old_obs, new_obs)
    old_unknown, new_unknown = _unknown(previous["report"]), _unknown(report)
    for ind in sorted(
        set(out["indicators"]["lost_regional"]) - set(out["indicators"]["removed"]),
        key=natural_key,
    ):
        problems.warn(
            GROUP,
            f"{ind} had regional values in the previous data and has none now: it leaves the "
            "map, region, compare and tag maps (national values stay on the goal page)",
        )
    for ind in out["indicators"]["removed"]:
        problems.warn(GROUP, f"{ind} is no longer in the source (retired or renamed upstream)")
    out["unknown_codes"] = {
        "new": {
            dim: sorted(codes - old_unknown.get(dim, set()))
            for dim, codes in new_unknown.items()
            if codes - old_unknown.get(dim, set())
        },
        "gone": {
            dim: sorted(codes - new_unknown.get(dim, set()))
            for dim, codes in old_unknown.items()
            if codes - new_unknown.get(dim, set())
        },
    }
    for dim, codes in out["unknown_codes"]["new"].items():
        rows = new_obs[new_obs[dim].isin(codes)] if dim in new_obs else new_obs.iloc[0:0]
        problems.warn(
            GROUP,
            f"new {dim} code(s) without a label in the translations: {', '.join(codes)} "
            f"({len(rows)} rows, e.g. {_first_place(rows)}); shown as the bare code",
        )
    return out


def _first_place(rows: pd.DataFrame) -> str:
    if rows.empty:
        return "-"
    r = rows.iloc[0]
    return f"{r['source_file']} line {int(r['source_row'])}"


def _listed(items: list[Any]) -> str:
    shown = ", ".join(str(i) for i in items[:LISTED]) or "-"
    return shown + (f" ... and {len(items) - LISTED} more" if len(items) > LISTED else "")


def _code(code: str) -> str:
    return f"`{code}`" if code else "none"


def _series_text(item: dict[str, str]) -> str:
    return f"{item['indicator_id']} (series {_code(item['series'])}, unit {_code(item['unit'])})"


def _num(value: float) -> str:
    return f"{value:g}"


def summary_lines(d: dict[str, Any]) -> list[str]:
    """The refresh in a few lines (printed at the end of a build)."""
    prev = d["previous"]
    lines = [
        f"Source: {d['current']['version']}"
        + (f" (before: {prev['version']})" if prev else " (first build, nothing to compare)")
    ]
    if d["first_build"]:
        return lines
    ind, years, regions, values = d["indicators"], d["years"], d["regions"], d["values"]
    lines += [
        f"Indicators: {ind['before']} -> {ind['after']} (added {_listed(ind['added'])}; "
        f"removed {_listed(ind['removed'])}); regional {ind['regional_before']} -> "
        f"{ind['regional_after']} (gained {_listed(ind['gained_regional'])}; lost "
        f"{_listed(ind['lost_regional'])})",
        f"Series: {len(d['series']['added'])} added, {len(d['series']['removed'])} removed; "
        f"years added {_listed(years['added'])}, removed {_listed(years['removed'])}; "
        f"{len(years['indicator_years_added'])} indicator(s) with new years",
        f"Regions: added {_listed(regions['added'])}; removed {_listed(regions['removed'])}",
        f"Values: {values['changed']} changed of {values['compared']} compared, "
        f"{values['added']} new, {values['removed']} gone (rows {d['rows']['before']} -> "
        f"{d['rows']['after']})",
    ]
    if values["largest"]:
        top = values["largest"][0]
        lines.append(
            f"Largest change: {top['indicator_id']} {top['ref_area'] or 'Kazakhstan'} "
            f"{top['year']}: {_num(top['old'])} -> {_num(top['new'])} "
            f"({top['source_file']} line {top['source_row']})"
        )
    new_codes = d["unknown_codes"]["new"]
    if new_codes:
        lines.append(
            "New unknown codes: "
            + "; ".join(f"{dim}: {', '.join(codes)}" for dim, codes in new_codes.items())
        )
    lines.append(f"Curated rows orphaned: {len(d['curated_rows_orphaned'])}")
    return lines


def to_markdown(d: dict[str, Any]) -> str:
    """REFRESH_REPORT.md: what this build changed against the data it replaced."""
    prev, cur = d["previous"], d["current"]
    lines = [
        "# Refresh report",
        "",
        "What this build changed against the data/ it replaced. Generated by "
        "`python -m sdgdash.ingest`; the same in `refresh_report.json`.",
        "",
        f"- Source now: {cur['version']}, built {cur['built_at']}.",
    ]
    if prev is None:
        lines += ["- Before: no previous build to compare with (first build).", ""]
    else:
        lines.append(
            f"- Before: {prev['version']}, built {prev['built_at'] or 'at an unrecorded time'}."
        )
        ind, years, regions, values = d["indicators"], d["years"], d["regions"], d["values"]
        lines += [
            f"- Rows: {d['rows']['before']} -> {d['rows']['after']}.",
            "",
            "## Indicators",
            "",
            f"- All: {ind['before']} -> {ind['after']}; added: {_listed(ind['added'])}; "
            f"removed: {_listed(ind['removed'])}.",
            f"- With data: gained {_listed(ind['gained_data'])}; lost {_listed(ind['lost_data'])}.",
            f"- With regional data: {ind['regional_before']} -> {ind['regional_after']}; gained "
            f"{_listed(ind['gained_regional'])}; lost {_listed(ind['lost_regional'])}.",
            "",
            "## Series, years and regions",
            "",
            "- Series added: " + _listed([_series_text(x) for x in d["series"]["added"]]) + ".",
            "- Series removed: " + _listed([_series_text(x) for x in d["series"]["removed"]]) + ".",
            f"- Years added to the data: {_listed(years['added'])}; removed: "
            f"{_listed(years['removed'])}.",
            "- Indicators with new years: "
            + _listed(
                [
                    f"{i} ({', '.join(map(str, ys))})"
                    for i, ys in years["indicator_years_added"].items()
                ]
            )
            + ".",
            "- Indicators that lost years: "
            + _listed(
                [
                    f"{i} ({', '.join(map(str, ys))})"
                    for i, ys in years["indicator_years_removed"].items()
                ]
            )
            + ".",
            f"- Region codes added: {_listed(regions['added'])}; removed: "
            f"{_listed(regions['removed'])}.",
            "",
            "## Values",
            "",
            f"Of {values['compared']} values with the same key before and after, "
            f"{values['changed']} changed; {values['added']} values are new and "
            f"{values['removed']} are gone (first rows of each key; flagged conflicting "
            "duplicates are not compared).",
            "",
        ]
        if values["largest"]:
            lines += [
                "| indicator | region | year | series | unit | disaggregation | before | now"
                " | change | source |",
                "|---|---|---|---|---|---|---|---|---|---|",
            ]
            for v in values["largest"]:
                rel = "new from 0" if v["relative"] is None else f"{v['relative']:.0%}"
                lines.append(
                    f"| {v['indicator_id']} | {v['ref_area'] or 'Kazakhstan'} | {v['year']}"
                    f" | `{v['series']}` | `{v['unit']}` | {v['disaggregation'] or '-'}"
                    f" | {_num(v['old'])} | {_num(v['new'])} | {_num(v['change'])} ({rel})"
                    f" | {v['source_file']} line {v['source_row']} |"
                )
            lines.append("")
        new_codes, gone = d["unknown_codes"]["new"], d["unknown_codes"]["gone"]
        lines += [
            "## Unknown codes",
            "",
            "- New (no label in the translations): "
            + ("; ".join(f"{k}: {', '.join(v)}" for k, v in new_codes.items()) or "-")
            + ".",
            "- No longer unknown or no longer used: "
            + ("; ".join(f"{k}: {', '.join(v)}" for k, v in gone.items()) or "-")
            + ".",
            "",
        ]
    orphans = d["curated_rows_orphaned"]
    lines += ["## Curated rows that no longer match the data", ""]
    if not orphans:
        lines += ["None.", ""]
    for p in orphans:
        where = f"{p['file']}: line {p['line']}" if p["line"] is not None else p["file"]
        lines.append(f"- `{where}`: {p['message']}")
    return "\n".join(lines).rstrip() + "\n"
