"""Before the swap: every curated table (data/curated/*.csv) checked against the new data.

Each check reads its table with the app's own loader and compares it with the newly built
tables. A table the app cannot load, or a row that would make a page fail or show a wrong
number, is a blocking problem; a row that no longer matches anything in the data (the app
leaves it out) is a warning. Every problem names the curated file and line.

``CHECKS`` is the registry: one entry per check with the curated files it covers. A curated
table added later gets its check by one entry; ``tests/core/ingest/test_refresh.py`` fails while a
file in data/curated/ has none.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sdgdash.data import directions as direction
from sdgdash.data import events, tags, targets, territories
from sdgdash.data.curated import CuratedFileError, LeftOut
from sdgdash.data.end_values import load_end_values
from sdgdash.data.index_table import load_index_table
from sdgdash.features.index import scoring
from sdgdash.geo import layouts as geo
from sdgdash.ingest import labels
from sdgdash.ingest.opensdg import natural_key
from sdgdash.ingest.problems import Problems

GROUP = "curated tables"
FOLDER = "curated"


@dataclass(frozen=True)
class CheckContext:
    """What a check compares: the curated folder, the new tables and build report, geometry."""

    curated_dir: Path
    tables: dict[str, pd.DataFrame]
    report: dict[str, Any]
    pilots: dict | None  # geodata/pilot_territories.geojson (new or kept), None when absent
    problems: Problems

    @property
    def observations(self) -> pd.DataFrame:
        """The new observations."""
        return self.tables["observations"]

    @property
    def indicator_ids(self) -> set[str]:
        """Ids of every indicator in the new data."""
        return set(self.tables["indicators"]["indicator_id"])

    @property
    def regional_ids(self) -> set[str]:
        """Ids of the indicators with regional values in the new data."""
        ind = self.tables["indicators"]
        return set(ind.loc[ind["has_regional_data"].astype(bool), "indicator_id"])

    def warn(self, file: str, line: int | None, message: str) -> None:
        """A curated row that no longer matches the data: reported, left out."""
        self.problems.warn(GROUP, message, f"{FOLDER}/{file}", line)

    def block(self, file: str, line: int | None, message: str) -> None:
        """A curated row or table that would break a page or show a wrong number."""
        self.problems.block(GROUP, message, f"{FOLDER}/{file}", line)

    def error(self, exc: Exception) -> None:
        """A table the app's loader refuses (blocking), with its file and line."""
        self.problems.from_error(GROUP, exc, strip=str(self.curated_dir.parent), folder=FOLDER)


def row_lines(path: Path) -> list[int]:
    """The line of each data row, as csv.DictReader reports it (the loaders' numbering)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return [reader.line_num for _ in reader]


def _left_out(ctx: CheckContext, rows: list[LeftOut], what: str) -> None:
    for lo in rows:
        ctx.warn(lo.file, lo.line, f"{lo.describe()} ({what})")


# --- the checks ----------------------------------------------------------------------------------


def check_regions(ctx: CheckContext) -> None:
    """Region codes in the data without a curated row, curated rows no code uses."""
    info = ctx.report.get("regions", {})
    obs = ctx.observations
    for code in info.get("codes_not_curated", []):
        rows = obs[obs["ref_area"] == code]
        files = sorted(set(rows["source_file"]))
        ctx.warn(
            "regions.csv",
            None,
            f"region code {code} is in the data ({len(rows)} rows, {', '.join(files[:3]) or '-'}"
            f"{' ...' if len(files) > 3 else ''}) but has no row here: its kind is unknown and "
            "its values are listed as not drawn on the maps",
        )
    gone = set(info.get("curated_not_in_source", []))
    if gone:
        path = ctx.curated_dir / "regions.csv"
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                if (row.get("ref_area") or "").strip() in gone:
                    ctx.warn(
                        "regions.csv",
                        reader.line_num,
                        f"region code {row['ref_area'].strip()} is neither in the data nor in "
                        "the platform's REF_AREA translations any more: row unused",
                    )


def check_placeholders(ctx: CheckContext) -> None:
    """Placeholder rows that no longer match the source (applied where they still do)."""
    for e in ctx.report.get("placeholders", {}).get("entries", []):
        what = f"{e['indicator_id']} {e['ref_area']} (series {e['series']!r}, unit {e['unit']!r})"
        line = int(e["curated_line"])
        if e.get("missing_years"):
            years = ", ".join(map(str, e["missing_years"]))
            ctx.warn(
                "placeholder_values.csv",
                line,
                f"{what}: no source row in {years} any more; the row no longer applies to "
                "those years: narrow or remove it",
            )
        for o in e.get("other_values", []):
            ctx.warn(
                "placeholder_values.csv",
                line,
                f"{what} {o['year']}: the source now has {o['value']:g} ({o['source_file']} "
                f"line {o['source_row']}), not the placeholder {e['value']:g}; the source value "
                "is used: narrow or remove the row",
            )
        for o in e.get("later_equal", []):
            ctx.warn(
                "placeholder_values.csv",
                line,
                f"{what} {o['year']}: the source has the placeholder value {e['value']:g} after "
                f"the listed years too ({o['source_file']} line {o['source_row']}); it is drawn "
                "as a value: extend the row if it is a placeholder",
            )


def _unused_labels(ctx: CheckContext, part: str, name: str) -> None:
    """Label rows the build left unused (sdgdash/ingest/labels.py): the code or indicator is not
    in the new data, or the platform now gives the text itself."""
    for u in ctx.report.get("curated_labels", {}).get(part, {}).get("unused", []):
        ctx.warn(name, int(u["line"]), u["message"])


def check_code_labels(ctx: CheckContext) -> None:
    """Curated kk/en code labels the new data has no use for."""
    _unused_labels(ctx, "codes", labels.CODE_FILE)


def check_indicator_names(ctx: CheckContext) -> None:
    """Curated kk/en indicator names the new data has no use for."""
    _unused_labels(ctx, "indicators", labels.INDICATOR_FILE)


def _matches(rows: pd.DataFrame, series: str, unit: str) -> pd.DataFrame:
    """Rows of a direction key, where "*" matches any series or unit."""
    if series != direction.ANY:
        rows = rows[rows["series"] == series]
    if unit != direction.ANY:
        rows = rows[rows["unit"] == unit]
    return rows


def check_directions(ctx: CheckContext) -> None:
    """Each regional direction row has regional values; each regional indicator has a row."""
    name = "indicator_direction.csv"
    path = ctx.curated_dir / name
    try:
        table = direction.load_directions(path)
    except ValueError as exc:
        ctx.error(exc)
        return
    obs = ctx.observations
    regional = obs[obs["ref_area"] != ""]
    by_ind = dict(tuple(regional.groupby("indicator_id")))
    for line, r in zip(row_lines(path), table.itertuples(index=False), strict=True):
        if r.indicator_id not in ctx.indicator_ids:
            ctx.warn(name, line, f"{r.indicator_id}: no such indicator in the data: row unused")
        elif r.indicator_id not in by_ind:
            ctx.warn(
                name,
                line,
                f"{r.indicator_id}: no regional values any more (national only): row unused",
            )
        elif _matches(by_ind[r.indicator_id], r.series, r.unit).empty:
            ctx.warn(
                name,
                line,
                f"{r.indicator_id}: no regional values with series {r.series!r} and unit "
                f"{r.unit!r}: row unused",
            )
    for ind in sorted(ctx.regional_ids - set(table["indicator_id"]), key=natural_key):
        ctx.warn(
            name,
            None,
            f"{ind} has regional values but no direction yet: its maps and ranks read it as "
            "neutral (no better or worse) until a row with rationale and source is added",
        )


def check_national_directions(ctx: CheckContext) -> None:
    """Each national-only direction row names an indicator with data and no regional values."""
    name = "indicator_direction_national.csv"
    path = ctx.curated_dir / name
    try:
        table = direction.load_directions(path)
    except ValueError as exc:
        ctx.error(exc)
        return
    with_data = set(ctx.observations["indicator_id"])
    for line, r in zip(row_lines(path), table.itertuples(index=False), strict=True):
        if r.indicator_id not in with_data:
            ctx.warn(name, line, f"{r.indicator_id}: no values in the data: row unused")
        elif r.indicator_id in ctx.regional_ids:
            ctx.warn(
                name,
                line,
                f"{r.indicator_id} has regional values now: move its row to "
                "indicator_direction.csv",
            )


def check_targets(ctx: CheckContext) -> None:
    """Each 2030 target row has observed values of its series and unit."""
    name = "indicator_targets.csv"
    path = ctx.curated_dir / name
    try:
        table = targets.load_targets(path)
    except ValueError as exc:
        ctx.error(exc)
        return
    for line, i in zip(row_lines(path), range(len(table)), strict=True):
        for message in targets.check_against_data(table.iloc[[i]], ctx.observations):
            ctx.warn(name, line, f"{message}: target unused")


def check_end_values(ctx: CheckContext) -> None:
    """Each 2030 end value of the distance to 2030 has regional values of its series and unit
    (a blank series or unit matches any, as the distance feature reads it)."""
    name = "end_values.csv"
    path = ctx.curated_dir / name
    try:
        table = load_end_values(path)
    except ValueError as exc:
        ctx.error(exc)
        return
    obs = ctx.observations
    regional = obs[obs["ref_area"] != ""]
    by_ind = dict(tuple(regional.groupby("indicator_id")))
    for line, r in zip(row_lines(path), table.itertuples(index=False), strict=True):
        if r.indicator_id not in ctx.indicator_ids:
            ctx.warn(name, line, f"{r.indicator_id}: no such indicator in the data: row unused")
            continue
        rows = by_ind.get(r.indicator_id)
        if rows is not None and r.series:
            rows = rows[rows["series"] == r.series]
        if rows is not None and r.unit:
            rows = rows[rows["unit"] == r.unit]
        if rows is None or rows.empty:
            ctx.warn(
                name,
                line,
                f"{r.indicator_id}: no regional values with series {r.series!r} and unit "
                f"{r.unit!r}: end value unused",
            )


def check_index(ctx: CheckContext) -> None:
    """Each index indicator can be scored from the new regional values."""
    name = "index_indicators.csv"
    path = ctx.curated_dir / name
    try:
        table = load_index_table(path)
    except ValueError as exc:
        ctx.error(exc)
        return
    lines = dict(zip(table["indicator_id"], row_lines(path), strict=True))
    _, left_out = scoring.scorable(scoring.index_values(ctx.observations, table), table)
    rows = [
        LeftOut(name, lines[r.indicator_id], r.indicator_id, r.reason)
        for r in left_out.itertuples()
    ]
    _left_out(ctx, rows, "the index is computed without it and the index page lists it")


def _vocabulary(ctx: CheckContext) -> tags.Vocabulary | None:
    """The tags and links loaded against the new indicators, or None (problem recorded)."""
    ind = ctx.tables["indicators"]
    try:
        return tags.load_vocabulary(ctx.curated_dir, ind["indicator_id"], ind["target"])
    except CuratedFileError as exc:
        ctx.error(exc)
        return None


def check_tags(ctx: CheckContext) -> None:
    """Tags and their links: links to an indicator or target the data lacks are left out."""
    vocab = _vocabulary(ctx)
    if vocab is not None:
        _left_out(ctx, list(vocab.left_out), "pages leave the link out")


def _pilot_ids(ctx: CheckContext) -> list[str] | None:
    if ctx.pilots is None:
        ctx.block(
            territories.TERRITORIES_FILE,
            None,
            f"cannot be checked: geodata/{geo.PILOT_FILE} not found (build or keep geodata/)",
        )
        return None
    return [f["properties"]["id"] for f in ctx.pilots.get("features", [])]


def check_events(ctx: CheckContext) -> None:
    """Events name known regions, territories, tags and goals (else every page with a
    timeline fails)."""
    vocab = _vocabulary(ctx)
    if vocab is None:
        return
    # Without the pilot GeoJSON the territories check stops the swap; here any named
    # territory is then unknown too.
    pilots = [f["properties"]["id"] for f in (ctx.pilots or {}).get("features", [])]
    try:
        events.load_events(
            ctx.curated_dir, set(ctx.tables["regions"]["ref_area"]), pilots, vocab.tag_ids()
        )
    except CuratedFileError as exc:
        ctx.error(exc)


def check_territories(ctx: CheckContext) -> None:
    """Pilot territories name a known parent region and a feature of the pilot GeoJSON."""
    if _pilot_ids(ctx) is None:
        return
    known = set(ctx.tables["regions"]["ref_area"]) & set(geo.ALL_UNITS)
    try:
        territories.load_territories(
            ctx.curated_dir / territories.TERRITORIES_FILE, ctx.pilots or {}, known
        )
    except territories.TerritoryError as exc:
        ctx.error(exc)


@dataclass(frozen=True)
class Check:
    """One registry entry: the curated files a check covers and the check."""

    files: tuple[str, ...]
    run: Callable[[CheckContext], None]


CHECKS: tuple[Check, ...] = (
    Check(("regions.csv",), check_regions),
    Check(("placeholder_values.csv",), check_placeholders),
    Check((labels.CODE_FILE,), check_code_labels),
    Check((labels.INDICATOR_FILE,), check_indicator_names),
    Check(("indicator_direction.csv",), check_directions),
    Check(("indicator_direction_national.csv",), check_national_directions),
    Check(("indicator_targets.csv",), check_targets),
    Check(("index_indicators.csv",), check_index),
    Check(("end_values.csv",), check_end_values),
    Check((tags.TAGS_FILE, tags.LINKS_FILE), check_tags),
    Check((events.EVENTS_FILE, tags.TAGS_FILE, tags.LINKS_FILE), check_events),
    Check((territories.TERRITORIES_FILE,), check_territories),
)


def covered_files() -> set[str]:
    """Every curated file some check covers."""
    return {name for check in CHECKS for name in check.files}


def run(ctx: CheckContext, require_all: bool = True) -> None:
    """Run every check whose files are in the curated folder; with ``require_all`` a missing
    file the app reads is blocking, and a curated CSV no check covers is a warning."""
    for check in CHECKS:
        missing = [f for f in check.files if not (ctx.curated_dir / f).is_file()]
        if missing:
            if require_all:
                for name in missing:
                    ctx.block(name, None, "file not found; the app reads it")
            continue
        try:
            check.run(ctx)
        except Exception as exc:  # a check that fails is a table the app cannot use either
            ctx.block(check.files[0], None, f"check failed: {type(exc).__name__}: {exc}")
    if require_all:
        for path in sorted(ctx.curated_dir.glob("*.csv")):
            if path.name not in covered_files():
                ctx.warn(path.name, None, "no check is registered for this table (curated_checks)")
