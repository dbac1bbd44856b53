"""One goal's page data: indicators, progress status per area, coverage and equity gaps (pure).

Everything works on the frames of :func:`sdgdash.queries.goal_indicators` and
:func:`sdgdash.queries.goal_observations`. Each indicator is followed through one series, its
headline (:func:`sdgdash.selection.headline`): chosen among the combinations with regional
values, as on the map and profile pages, or among the national ones when there are none.
"""

from __future__ import annotations

import pandas as pd

from sdgdash import direction, geo, progress, selection, targets
from sdgdash.catalog import DISAGGREGATIONS, SELECTION_COLUMNS
from sdgdash.i18n import fmt_number, t
from sdgdash.models import Selection
from sdgdash.profile import natural_key

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
