"""One goal's page data: indicators, progress status per area, coverage and equity gaps (pure).

Everything works on the frames of :func:`sdgdash.queries.goal_indicators` and
:func:`sdgdash.queries.goal_observations`. Each indicator is followed through one series, its
headline (:func:`sdgdash.selection.headline`): chosen among the combinations with regional
values, as on the map and profile pages, or among the national ones when there are none.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from sdgdash.data import directions as direction
from sdgdash.data import selection, targets
from sdgdash.data.catalog import DISAGGREGATIONS, GOALS, SELECTION_COLUMNS, natural_key
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, derived
from sdgdash.features.goal import progress
from sdgdash.features.tags import view as tags_view
from sdgdash.figures import text_colour_on
from sdgdash.geo import layouts as geo
from sdgdash.i18n import fmt_number, t, table_digits, table_number

NATIONAL = ""
NO_DATA = "no_data"  # summary bucket of indicators with no value at all in an area
BUCKETS: tuple[str, ...] = (*progress.STATUSES, NO_DATA)
REPORTING: tuple[str, ...] = ("complete", "notstarted", "notapplicable")

# Equity ("leave no one behind") comparisons: disaggregation -> (group shown first, second).
GAPS: dict[str, tuple[str, str]] = {"sex": ("F", "M"), "urbanisation": ("R", "U")}

STATUS_COLUMNS: list[str] = [
    "indicator_id",
    "target",
    "ref_area",
    "selection",
    "unit",
    "status",
    "reason",
    "bucket",
    "progress",
    "target_kind",
    "target_factor",
    "years",
    "values",
    "source_file",
    "base_row",
    "latest_row",
]


def options_of(rows: pd.DataFrame) -> pd.DataFrame:
    """Per indicator, the series/unit/disaggregation combinations of ``rows`` with the counts
    :func:`sdgdash.selection.headline` ranks by (n_rows, n_regions, last_year)."""
    cols = ["indicator_id", *SELECTION_COLUMNS]
    regional = rows["ref_area"].where(rows["ref_area"] != NATIONAL)
    grouped = rows.assign(_regional=regional).groupby(cols, sort=True)
    out = grouped.agg(
        n_rows=("value", "size"),
        n_regions=("_regional", "nunique"),
        last_year=("year", "max"),
    )
    return out.reset_index()


def headlines(obs: pd.DataFrame) -> dict[str, Selection]:
    """indicator_id -> its headline selection (regional combinations first, else national)."""
    regional = options_of(obs[obs["ref_area"] != NATIONAL])
    national = options_of(obs[obs["ref_area"] == NATIONAL])
    by_reg = dict(tuple(regional.groupby("indicator_id", sort=False)))
    by_nat = dict(tuple(national.groupby("indicator_id", sort=False)))
    out: dict[str, Selection] = {}
    for ind in obs["indicator_id"].unique():
        options = by_reg.get(ind)
        if options is None:
            options = by_nat[ind]
        sel = selection.headline(options.drop(columns="indicator_id"), str(ind))
        if sel is not None:
            out[str(ind)] = sel
    return out


def _of(rows: pd.DataFrame, sel: Selection) -> pd.DataFrame:
    mask = pd.Series(True, index=rows.index)
    for col, value in sel.key().items():
        mask &= rows[col] == value
    return rows[mask]


def areas(obs: pd.DataFrame) -> list[str]:
    """Kazakhstan ("") and the 20 current region-level units, plus South Kazakhstan (KZONT)
    when the goal has values for it (its data predates the 2018 split)."""
    units = sorted(geo.UNITS_2022)
    if (obs["ref_area"] == geo.SOUTH_KAZAKHSTAN).any():
        units.append(geo.SOUTH_KAZAKHSTAN)
    return [NATIONAL, *units]


def status_table(
    indicators: pd.DataFrame,
    obs: pd.DataFrame,
    directions: pd.DataFrame,
    target_table: pd.DataFrame,
    area_codes: list[str],
) -> pd.DataFrame:
    """One row per indicator of the goal and area: its headline series' progress status."""
    heads = headlines(obs)
    per_indicator = dict(tuple(obs.groupby("indicator_id", sort=False)))
    rows = []
    for ind in indicators.itertuples():
        sel = heads.get(ind.indicator_id)
        data = _of(per_indicator[sel.indicator_id], sel) if sel is not None else obs.iloc[0:0]
        better = (
            direction.direction_for(directions, sel.indicator_id, sel.series, sel.unit)
            if sel is not None
            else None
        )
        goal_target = (
            targets.target_for(target_table, sel.indicator_id, sel.series, sel.unit)
            if sel is not None
            else None
        )
        by_area: dict[str, list[tuple[int, float, str, int]]] = {}
        for r in data.sort_values("year").itertuples(index=False):
            by_area.setdefault(r.ref_area, []).append(
                (int(r.year), float(r.value), str(r.source_file), int(r.source_row))
            )
        for code in area_codes:
            series = by_area.get(code, [])
            p = progress.assess([(y, v) for y, v, _, _ in series], better, goal_target)
            source_row = {y: row for y, _, _, row in series}
            rows.append(
                {
                    "indicator_id": ind.indicator_id,
                    "target": ind.target,
                    "ref_area": code,
                    "selection": sel,
                    "unit": sel.unit if sel is not None else "",
                    "status": p.status,
                    "reason": p.reason,
                    "bucket": NO_DATA if p.reason == progress.NO_DATA else p.status,
                    "progress": p,
                    "target_kind": goal_target.kind if goal_target else "",
                    "target_factor": goal_target.value if goal_target else None,
                    "years": [y for y, _, _, _ in series],
                    "values": [v for _, v, _, _ in series],
                    "source_file": series[0][2] if series else "",
                    "base_row": source_row.get(p.base_year),
                    "latest_row": source_row.get(p.latest_year),
                }
            )
    return pd.DataFrame(rows, columns=STATUS_COLUMNS)


def counts(table: pd.DataFrame, ref_area: str) -> pd.DataFrame:
    """How many indicators of the goal are in each bucket (status or no data) for one area."""
    mine = table[table["ref_area"] == ref_area]
    n = mine["bucket"].value_counts()
    return pd.DataFrame({"bucket": list(BUCKETS), "n": [int(n.get(b, 0)) for b in BUCKETS]})


def coverage(indicators: pd.DataFrame, obs: pd.DataFrame, area_codes: list[str]) -> pd.DataFrame:
    """Indicators x areas: the latest year with any value (any series), NaN when none."""
    last = obs.groupby(["indicator_id", "ref_area"])["year"].max().unstack("ref_area")
    ids = list(indicators["indicator_id"])
    out = last.reindex(index=ids, columns=area_codes).astype("Float64")
    out.index.name = "indicator_id"
    out.columns.name = "ref_area"
    return out


def gaps(obs: pd.DataFrame, ref_area: str, heads: dict[str, Selection]) -> pd.DataFrame:
    """Women vs men and rural vs urban: for each indicator with both groups at ``ref_area`` in
    its headline series (other disaggregations as in the headline), the two values of the latest
    year that has both. One row per indicator, dimension and group, with source row."""
    cols = [
        "indicator_id",
        "dimension",
        "group",
        "year",
        "value",
        "unit",
        "series",
        "source_file",
        "source_row",
    ]
    out = []
    here = obs[
        (obs["ref_area"] == ref_area)
        & (obs["sex"].isin(GAPS["sex"]) | obs["urbanisation"].isin(GAPS["urbanisation"]))
    ]
    for ind, rows in here.groupby("indicator_id", sort=False):
        sel = heads[str(ind)]
        rows = rows[(rows["series"] == sel.series) & (rows["unit"] == sel.unit)]
        for dim, groups in GAPS.items():
            mask = rows[dim].isin(groups)
            for other in DISAGGREGATIONS:
                if other != dim:
                    mask &= rows[other] == getattr(sel, other)
            pair = rows[mask]
            both = pair.groupby("year")[dim].nunique()
            years = both[both == 2].index
            if not len(years):
                continue
            year = int(max(years))
            for group in groups:
                r = pair[(pair["year"] == year) & (pair[dim] == group)].iloc[0]
                out.append(
                    {
                        "indicator_id": str(ind),
                        "dimension": dim,
                        "group": group,
                        "year": year,
                        "value": float(r["value"]),
                        "unit": sel.unit,
                        "series": sel.series,
                        "source_file": str(r["source_file"]),
                        "source_row": int(r["source_row"]),
                    }
                )
    frame = pd.DataFrame(out, columns=cols)
    if len(frame):
        frame = frame.sort_values(
            ["indicator_id", "dimension"],
            key=lambda s: s.map(natural_key) if s.name == "indicator_id" else s,
            kind="stable",
        )
    return frame.reset_index(drop=True)


# --- plain-language explanation ---------------------------------------------------------------


def _pct(x: float, lang: str, signed: bool = False) -> str:
    text = fmt_number(abs(x) * 100, lang, 1) + " %"
    if signed:
        return ("+" if x >= 0 else "−") + text
    return text


def explain(p: progress.Progress, lang: str, factor: float | None = None) -> str:
    """How the status was reached, in one or two sentences in ``lang``."""
    if p.status == progress.INSUFFICIENT or p.status == progress.NOT_ASSESSED:
        return t(
            f"goal_why_{p.reason}",
            lang,
            y0=p.base_year or "",
            y1=p.latest_year or "",
            v0=fmt_number(p.base_value, lang),
            v1=fmt_number(p.latest_value, lang),
        )
    if p.cagr == 0:
        moved = t("goal_moved_flat", lang)
    else:
        moved = t(
            "goal_moved_up" if p.cagr > 0 else "goal_moved_down", lang, rate=_pct(p.cagr, lang)
        )
    text = t(
        "goal_why_growth",
        lang,
        y0=p.base_year,
        v0=fmt_number(p.base_value, lang),
        y1=p.latest_year,
        v1=fmt_number(p.latest_value, lang),
        moved=moved,
    )
    status = t(f"goal_status_{p.status}", lang)
    if p.has_target:
        target = fmt_number(round(p.target, 6), lang)
        if factor is not None:
            target = t(
                "goal_target_relative",
                lang,
                target=target,
                factor=fmt_number(factor, lang),
                y0=p.base_year,
            )
        if p.status == progress.TARGET_ACHIEVED:
            text += " " + t("goal_why_achieved", lang, target=target, ty=p.target_year)
        elif p.ratio is None:
            text += " " + t(
                "goal_why_target_equal", lang, target=target, ty=p.target_year, status=status
            )
        else:
            text += " " + t(
                "goal_why_target",
                lang,
                target=target,
                ty=p.target_year,
                req=_pct(p.required, lang, signed=True),
                ratio=fmt_number(p.ratio, lang, 2),
                status=status,
            )
        if p.zero_target:
            text += " " + t("goal_why_zero_target", lang)
    else:
        text += " " + t(
            "goal_why_no_target_higher" if p.higher_is_better else "goal_why_no_target_lower",
            lang,
            rate=_pct(p.progress_value, lang, signed=True),
            status=status,
        )
    if p.zero_base:
        text += " " + t("goal_why_zero_base", lang)
    return text


@derived
def goal_headlines(data: Data, goal: int) -> dict[str, Selection]:
    """indicator_id -> headline selection for one goal's indicators."""
    return headlines(data.goal_observations(goal))


@derived
def goal_status(data: Data, goal: int) -> pd.DataFrame:
    """Progress status of every indicator of a goal, nationally and in every region."""
    obs = data.goal_observations(goal)
    return status_table(
        data.goal_indicators(goal), obs, data.progress_directions(), data.targets(), areas(obs)
    )


@derived
def goal_coverage(data: Data, goal: int) -> pd.DataFrame:
    """Indicators x areas: latest year with data."""
    obs = data.goal_observations(goal)
    return coverage(data.goal_indicators(goal), obs, areas(obs))


@derived
def goal_gaps(data: Data, goal: int, ref_area: str) -> pd.DataFrame:
    """Women / men and rural / urban values of a goal's indicators in one area."""
    return gaps(data.goal_observations(goal), ref_area, goal_headlines(data, goal))


AREA_CODES: tuple[str, ...] = (NATIONAL, *sorted(geo.ALL_UNITS))


@dataclass(frozen=True)
class GoalQuery:
    """What a goal page URL asks for: the goal, the area (Kazakhstan = "") and a problem tag."""

    goal: int
    ref_area: str
    tag: str | None


def query_from_params(data: Data, params: dict[str, str]) -> GoalQuery:
    """The goal (``goal``), area (``region``) and tag (``tag``) a goal URL opens, as the page
    resolves them: unknown values fall back to goal 1, Kazakhstan and no tag."""
    raw = params.get("goal", "")
    goal = int(raw) if raw.isdigit() and int(raw) in GOALS else GOALS[0]
    region = params.get("region", "")
    ref_area = region if region in geo.ALL_UNITS else NATIONAL
    tag = params.get("tag", "")
    return GoalQuery(goal, ref_area, tag if tag in data.tag_vocabulary().tag_ids() else None)


def status_for(data: Data, goal: int, tag: str | None) -> pd.DataFrame:
    """The goal's status table (:func:`goal_status`), narrowed to a problem tag's
    indicators when one is chosen."""
    table = goal_status(data, goal)
    if not tag:
        return table
    return table[
        table["indicator_id"].isin(tags_view.narrow(data, table["indicator_id"].unique(), tag))
    ]


def summary_areas(ref_area: str) -> list[str]:
    """The areas of the status summary: Kazakhstan, and the chosen region if any."""
    return [NATIONAL] + ([ref_area] if ref_area else [])


def summary_counts(
    data: Data, table: pd.DataFrame, ref_area: str, lang: str
) -> dict[str, pd.DataFrame]:
    """Area name -> how many indicators are in each status (:func:`counts`)."""
    labels = data.labels()
    return {labels.region_name(a, lang): counts(table, a) for a in summary_areas(ref_area)}


def summary_table(counts_by_area: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """The status summary chart's values: one row per area, the number of indicators in each
    status (the chart's segments) as columns."""
    rows = []
    for area, frame in counts_by_area.items():
        n = frame.set_index("bucket")["n"]
        rows.append(
            {t("a11y_col_area", lang): area}
            | {t(f"goal_status_{b}", lang): int(n.get(b, 0)) for b in BUCKETS}
        )
    return pd.DataFrame(rows)


def series_table(years: list[int], values: list[float], lang: str) -> pd.DataFrame:
    """The progress chart's values: the indicator's value in each year."""
    return pd.DataFrame({t("year", lang): list(years), t("value", lang): list(values)})


def coverage_table(
    matrix: pd.DataFrame, indicator_names: dict[str, str], area_names: dict[str, str], lang: str
) -> pd.DataFrame:
    """The coverage heatmap's values: one row per indicator, the latest year with data in each
    area (blank where none)."""
    out = matrix.astype("Int64").rename(columns=area_names)
    out.insert(0, t("indicator", lang), [indicator_names.get(i, i) for i in matrix.index])
    return out.reset_index(drop=True)


def summary_files(table: pd.DataFrame, ref_area: str) -> list[str]:
    """The data files behind the status summary."""
    areas = summary_areas(ref_area)
    return sorted({f for f in table[table["ref_area"].isin(areas)]["source_file"] if f})


def _point(year: int | None, value: float | None, lang: str, rounded: bool = False) -> str:
    """ "2015: 5.513589" as the source gives it (downloads), or "2015: 5.51" for a table."""
    if year is None:
        return ""
    if rounded and value is not None:
        return f"{year}: {table_number(value, lang, table_digits([value]))}"
    return f"{year}: {fmt_number(value, lang)}"


def display_points(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The status table for the page: base and latest points rounded as table numbers are
    (the download keeps them as the source gives them)."""
    out = rows.copy()
    for column, key in ((t("goal_base", lang), "_base"), (t("goal_latest", lang), "_latest")):
        if key in out:
            out[column] = [_point(y, v, lang, rounded=True) for y, v in out[key]]
    return out


def _percent(x: float | None) -> float | None:
    return None if x is None else round(x * 100, 2)


def status_rows(
    data: Data, table: pd.DataFrame, goal: int, ref_area: str, lang: str
) -> pd.DataFrame:
    """The chosen area's status table in ``lang`` (what is shown and downloaded)."""
    labels = data.labels()
    inds = data.goal_indicators(goal).set_index("indicator_id")
    mine = table[table["ref_area"] == ref_area]
    rows = []
    for r in mine.itertuples():
        p: progress.Progress = r.progress
        info = inds.loc[r.indicator_id]
        coverage_key = (
            "goal_data_regional"
            if info["has_regional_data"]
            else ("goal_data_national" if info["has_data"] else "goal_data_none")
        )
        factor = r.target_factor if r.target_kind == targets.RELATIVE else None
        rows.append(
            {
                t("goal_sdg_target", lang): r.target,
                t("indicator", lang): labels.indicator_label(r.indicator_id, lang),
                t("tags_column", lang): tags_view.tag_names(data, r.indicator_id, lang),
                t("goal_status", lang): t(f"goal_status_{r.bucket}", lang),
                t("goal_explanation", lang): explain(p, lang, factor),
                t("goal_series_chart", lang): r.values,
                t("goal_base", lang): _point(p.base_year, p.base_value, lang),
                t("goal_latest", lang): _point(p.latest_year, p.latest_value, lang),
                t("goal_cagr", lang): _percent(p.cagr),
                t("goal_target_value", lang): p.target,
                t("goal_target_year", lang): p.target_year,
                t("goal_required", lang): _percent(p.required),
                t("goal_ratio", lang): None if p.ratio is None else round(p.ratio, 3),
                t("series", lang): labels.selection_label(r.selection, lang)
                if r.selection is not None
                else "",
                t("goal_reporting", lang): t(f"goal_reporting_{info['reporting_status']}", lang)
                if info["reporting_status"] in REPORTING
                else str(info["reporting_status"]),
                t("goal_data", lang): t(coverage_key, lang),
                t("source", lang): r.source_file,
                t("goal_base", lang) + " · " + t("source_row", lang): r.base_row,
                t("goal_latest", lang) + " · " + t("source_row", lang): r.latest_row,
                "_years": r.years,
                "_indicator_id": r.indicator_id,
                # (year, value) of the base and the latest point, for a rounded display copy
                "_base": (p.base_year, p.base_value),
                "_latest": (p.latest_year, p.latest_value),
            }
        )
    return pd.DataFrame(rows)


def banner_html(goal: int, title: str, colour: str, big: bool = False) -> str:
    """The goal's band: its number and full title on the goal's colour, as text that wraps (the
    layout CSS styles ``sdg-goal-banner``), written in the colour that reads on it (WCAG AA:
    dark on yellow and light blue); larger on a projector (``big``)."""
    return (
        f'<div class="sdg-goal-banner" style="background:{colour};color:{text_colour_on(colour)};'
        f'font-size:{"1.6rem" if big else "1.05rem"}">'
        f"<b>{goal}</b>&ensp;{html.escape(title)}</div>"
    )
