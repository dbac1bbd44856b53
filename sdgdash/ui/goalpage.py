"""Widgets of the goal page: choosers, header, status summary, status table, coverage, gaps."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash import exports, geo, goalcharts, goalview, progress
from sdgdash.catalog import GOALS
from sdgdash.i18n import fmt_number, t, tn
from sdgdash.maps import PLOTLY_CONFIG
from sdgdash.ui import cached, pickers, present, state, tagsview, widgets

CHART_CONFIG = PLOTLY_CONFIG | {"displayModeBar": False}
AREA_CODES: tuple[str, ...] = (goalview.NATIONAL, *sorted(geo.ALL_UNITS))


def pick_goal(lang: str) -> int:
    """The goal (1..17) chosen in the sidebar, kept in the URL as ``goal``."""
    labels = cached.labels()
    state.seed("goal_goal", "goal", state.integer(1, 17), 1)
    goal = st.sidebar.selectbox(
        t("goal", lang),
        list(GOALS),
        key="goal_goal",
        format_func=lambda g: f"{g}. {labels.goal_short(g, lang)}",
    )
    state.set_params(goal=goal)
    return int(goal)


def pick_area(lang: str) -> str:
    """Kazakhstan ("") or a region, chosen in the sidebar, kept in the URL as ``region``."""
    labels = cached.labels()
    units = sorted(geo.ALL_UNITS, key=lambda c: labels.region_name(c, lang))
    options = [goalview.NATIONAL, *units]
    state.seed("goal_area", "region", state.choice(units), goalview.NATIONAL)
    code = st.sidebar.selectbox(
        t("goal_area", lang),
        options,
        key="goal_area",
        format_func=lambda c: labels.region_name(c, lang),
    )
    state.set_params(region=code or None)
    return code


def header(goal: int, lang: str) -> None:
    """The goal's number, name and title on its colour, and its indicator counts."""
    labels = cached.labels()
    inds = cached.goal_indicators(goal)
    st.title(f"{t('goal', lang)} {goal}. {labels.goal_short(goal, lang)}")
    st.plotly_chart(
        goalcharts.goal_banner(goal, labels.goal_title(goal, lang), labels.goal_colour(goal)),
        config=CHART_CONFIG,
        width="stretch",
        key="goal_banner",
    )
    st.caption(
        tn(
            "goal_caption",
            len(inds),
            lang,
            n_data=int(inds["has_data"].sum()),
            n_regional=int(inds["has_regional_data"].sum()),
        )
    )


def status_for(goal: int, tag: str | None) -> pd.DataFrame:
    """The goal's status table (:func:`cached.goal_status`), narrowed to a problem tag's
    indicators when one is chosen."""
    table = cached.goal_status(goal)
    if not tag:
        return table
    return table[table["indicator_id"].isin(tagsview.narrow(table["indicator_id"].unique(), tag))]


def summary_areas(ref_area: str) -> list[str]:
    """The areas of the status summary: Kazakhstan, and the chosen region if any."""
    return [goalview.NATIONAL] + ([ref_area] if ref_area else [])


def summary_counts(table: pd.DataFrame, ref_area: str, lang: str) -> dict[str, pd.DataFrame]:
    """Area name -> how many indicators are in each status (:func:`goalview.counts`)."""
    labels = cached.labels()
    return {labels.region_name(a, lang): goalview.counts(table, a) for a in summary_areas(ref_area)}


def summary_files(table: pd.DataFrame, ref_area: str) -> list[str]:
    """The data files behind the status summary."""
    areas = summary_areas(ref_area)
    return sorted({f for f in table[table["ref_area"].isin(areas)]["source_file"] if f})


def summary(table: pd.DataFrame, goal: int, ref_area: str, lang: str) -> None:
    """How many indicators are in each status, for Kazakhstan and the chosen region."""
    st.subheader(t("goal_summary_heading", lang))
    files = summary_files(table, ref_area)
    present.chart(
        goalcharts.status_summary(summary_counts(table, ref_area, lang), lang),
        key="goal_summary",
        title=f"{t('goal', lang)} {goal}: {t('goal_summary_heading', lang)}",
        source=widgets.source_text(files, lang),
        filename=exports.file_stem("sdg", "goal", goal, "status", ref_area or "KZ", lang),
    )
    st.caption(t("goal_summary_caption", lang))
    widgets.source_line(files, lang)


def _point(year: int | None, value: float | None, lang: str) -> str:
    return f"{year}: {fmt_number(value, lang)}" if year is not None else ""


def _pct(x: float | None) -> float | None:
    return None if x is None else round(x * 100, 2)


def status_rows(table: pd.DataFrame, goal: int, ref_area: str, lang: str) -> pd.DataFrame:
    """The chosen area's status table in ``lang`` (what is shown and downloaded)."""
    labels = cached.labels()
    inds = cached.goal_indicators(goal).set_index("indicator_id")
    mine = table[table["ref_area"] == ref_area]
    rows = []
    for r in mine.itertuples():
        p: progress.Progress = r.progress
        info = inds.loc[r.indicator_id]
        data = (
            "goal_data_regional"
            if info["has_regional_data"]
            else ("goal_data_national" if info["has_data"] else "goal_data_none")
        )
        factor = r.target_factor if r.target_kind == progress.RELATIVE else None
        rows.append(
            {
                t("goal_sdg_target", lang): r.target,
                t("indicator", lang): labels.indicator_label(r.indicator_id, lang),
                t("tags_column", lang): tagsview.tag_names(r.indicator_id, lang),
                t("goal_status", lang): t(f"goal_status_{r.bucket}", lang),
                t("goal_explanation", lang): goalview.explain(p, lang, factor),
                t("goal_series_chart", lang): r.values,
                t("goal_base", lang): _point(p.base_year, p.base_value, lang),
                t("goal_latest", lang): _point(p.latest_year, p.latest_value, lang),
                t("goal_cagr", lang): _pct(p.cagr),
                t("goal_target_value", lang): p.target,
                t("goal_target_year", lang): p.target_year,
                t("goal_required", lang): _pct(p.required),
                t("goal_ratio", lang): None if p.ratio is None else round(p.ratio, 3),
                t("series", lang): labels.selection_label(r.selection, lang)
                if r.selection is not None
                else "",
                t("goal_reporting", lang): t(f"goal_reporting_{info['reporting_status']}", lang)
                if info["reporting_status"] in goalview.REPORTING
                else str(info["reporting_status"]),
                t("goal_data", lang): t(data, lang),
                t("source", lang): r.source_file,
                t("goal_base", lang) + " · " + t("source_row", lang): r.base_row,
                t("goal_latest", lang) + " · " + t("source_row", lang): r.latest_row,
                "_years": r.years,
                "_indicator_id": r.indicator_id,
            }
        )
    return pd.DataFrame(rows)


def show_status_table(rows: pd.DataFrame, goal: int, ref_area: str, lang: str) -> None:
    """The status table with sparklines, its CSV and its source line."""
    labels = cached.labels()
    st.subheader(t("goal_table_heading", lang, area=labels.region_name(ref_area, lang)))
    shown = rows.drop(columns=["_years", "_indicator_id"])
    spark = t("goal_series_chart", lang)
    widgets.data_table(
        shown,
        hide_index=True,
        width="stretch",
        height=min(35 * (len(shown) + 1) + 3, 900),
        column_config={
            spark: st.column_config.LineChartColumn(spark, width="small"),
            t("indicator", lang): st.column_config.TextColumn(width="large"),
            t("goal_explanation", lang): st.column_config.TextColumn(width="large"),
            t("goal_cagr", lang): st.column_config.NumberColumn(format="%.2f"),
            t("goal_required", lang): st.column_config.NumberColumn(format="%.2f"),
            t("goal_target_value", lang): st.column_config.NumberColumn(format="%g"),
            t("goal_target_year", lang): st.column_config.NumberColumn(format="%d"),
        },
        key="goal_table",
        placeholder="—",
    )
    csv = shown.copy()
    csv[spark] = [
        "; ".join(f"{y}:{v:g}" for y, v in zip(ys, vs, strict=True))
        for ys, vs in zip(rows["_years"], rows[spark], strict=True)
    ]
    meta = exports.ExportMeta(
        t("goal_table_heading", lang, area=labels.region_name(ref_area, lang)),
        tuple(dict.fromkeys(rows["_indicator_id"])),
        regions=(ref_area,) if ref_area else (),
    )
    widgets.download_buttons(csv, meta, f"sdg_goal{goal}_{ref_area or 'KZ'}_{lang}", lang, "goal")
    files = sorted({f for f in rows[t("source", lang)] if f})
    widgets.source_line(files, lang)
    if ref_area in geo.SPLIT_2022:
        st.caption(t("goal_split_note", lang))
    with st.expander(t("goal_method_heading", lang)):
        st.markdown(t("goal_method", lang))


def detail(table: pd.DataFrame, goal: int, ref_area: str, lang: str) -> None:
    """One indicator chosen from the table (URL ``ind``): the explanation in full and its series
    with the base, the latest value and the path needed to reach the target."""
    labels = cached.labels()
    mine = table[(table["ref_area"] == ref_area) & (table["bucket"] != goalview.NO_DATA)]
    st.subheader(t("goal_detail_heading", lang))
    if mine.empty:
        st.info(t("goal_status_no_data", lang))
        return
    ids = list(mine["indicator_id"])
    assessed = [i for i, s in zip(ids, mine["status"], strict=True) if s in progress.STATUSES[:5]]
    default = assessed[0] if assessed else ids[0]
    ind = pickers.indicator(lang, ids, "goal_ind", default, label=t("goal_detail_pick", lang))
    row = mine[mine["indicator_id"] == ind].iloc[0]
    p: progress.Progress = row["progress"]
    factor = row["target_factor"] if row["target_kind"] == progress.RELATIVE else None
    widgets.heading_text(
        f"{labels.region_name(ref_area, lang)}: {t(f'goal_status_{row.bucket}', lang)}",
        labels.selection_label(row["selection"], lang),
    )
    st.text(goalview.explain(p, lang, factor))
    present.chart(
        goalcharts.series_chart(
            row["years"],
            row["values"],
            p,
            labels.code_label("unit", row["unit"], lang),
            labels.goal_colour(goal),
            lang,
        ),
        key="goal_detail",
        title=f"{labels.indicator_label(ind, lang)} — {labels.region_name(ref_area, lang)}",
        source=widgets.source_text([row["source_file"]], lang),
        filename=exports.file_stem("sdg", ind, ref_area or "KZ", "progress", lang),
    )
    widgets.source_line([row["source_file"]], lang)


def coverage(goal: int, lang: str) -> None:
    """Heatmap of indicators x regions: the latest year with data."""
    labels = cached.labels()
    st.subheader(t("goal_coverage_heading", lang))
    matrix = cached.goal_coverage(goal)
    regions = sorted(matrix.columns[1:], key=lambda c: labels.region_name(c, lang))
    matrix = matrix[[matrix.columns[0], *regions]]
    names = {i: labels.indicator_label(i, lang, width=90) for i in matrix.index}
    areas = {c: labels.region_name(c, lang) for c in matrix.columns}
    files = sorted(cached.goal_observations(goal)["source_file"].unique())
    present.chart(
        goalcharts.coverage_heatmap(matrix, names, areas, lang),
        key="goal_coverage",
        title=f"{t('goal', lang)} {goal}: {t('goal_coverage_heading', lang)}",
        source=widgets.source_text(files, lang),
        filename=exports.file_stem("sdg", "goal", goal, "coverage", lang),
    )
    st.caption(t("goal_coverage_caption", lang))
    widgets.source_line(files, lang)


def gaps(goal: int, ref_area: str, lang: str) -> None:
    """Women vs men and rural vs urban, latest year with both, as small bar pairs."""
    labels = cached.labels()
    st.subheader(t("goal_gaps_heading", lang, area=labels.region_name(ref_area, lang)))
    frame = cached.goal_gaps(goal, ref_area)
    if frame.empty:
        st.info(t("goal_gaps_none", lang))
        return
    titles = {}
    for (ind, dim), g in frame.groupby(["indicator_id", "dimension"], sort=False):
        unit = labels.code_label("unit", str(g["unit"].iloc[0]), lang)
        titles[(ind, dim)] = (
            f"{labels.indicator_label(ind, lang, width=80)} — "
            f"{labels.dimension_name(dim, lang)}, {int(g['year'].iloc[0])}"
            + (f", {unit}" if unit else "")
        )
    groups = {
        (d, g): labels.code_label(d, g, lang)
        for d, g in zip(frame["dimension"], frame["group"], strict=True)
    }
    files = sorted(frame["source_file"].unique())
    present.chart(
        goalcharts.gaps_chart(frame, titles, groups, lang),
        key="goal_gaps",
        title=f"{t('goal', lang)} {goal}. "
        + t("goal_gaps_heading", lang, area=labels.region_name(ref_area, lang)),
        source=widgets.source_text(files, lang),
        filename=exports.file_stem("sdg", "goal", goal, "gaps", ref_area or "KZ", lang),
    )
    st.caption(t("goal_gaps_caption", lang))
    widgets.source_line(files, lang)
    with st.expander(t("goal_gaps_table", lang)):
        table = pd.DataFrame(
            {
                t("indicator", lang): [
                    labels.indicator_label(i, lang) for i in frame["indicator_id"]
                ],
                t("goal_dimension", lang): [
                    labels.dimension_name(d, lang) for d in frame["dimension"]
                ],
                t("goal_group", lang): [
                    groups[(d, g)] for d, g in zip(frame["dimension"], frame["group"], strict=True)
                ],
                t("year", lang): frame["year"],
                t("value", lang): frame["value"],
                t("unit", lang): [labels.code_label("unit", u, lang) for u in frame["unit"]],
                t("source", lang): frame["source_file"],
                t("source_row", lang): frame["source_row"],
            }
        )
        widgets.data_table(table)
        meta = exports.ExportMeta(
            t("goal_gaps_table", lang),
            tuple(dict.fromkeys(frame["indicator_id"])),
            regions=(ref_area,) if ref_area else (),
        )
        name = f"sdg_goal{goal}_gaps_{ref_area or 'KZ'}_{lang}"
        widgets.download_buttons(table, meta, name, lang, key="goal_gaps")


def goal_links(lang: str, columns: int = 9) -> None:
    """A link to each goal's page, laid out like the overview's goal tiles."""
    labels = cached.labels()
    for start in range(0, len(GOALS), columns):
        cells = st.columns(columns)
        for cell, goal in zip(cells, GOALS[start : start + columns], strict=False):
            cell.page_link(
                "pages/goal.py",
                label=t("goal_open_n", lang, goal=goal),
                help=labels.goal_short(goal, lang),
                query_params={"goal": str(goal), "lang": lang},
            )
