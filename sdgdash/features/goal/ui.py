"""Widgets of the goal page: choosers, header, status summary, status table, coverage, gaps."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash.data import targets
from sdgdash.data.catalog import GOALS
from sdgdash.exports import tables as exports
from sdgdash.features.goal import charts as goalcharts
from sdgdash.features.goal import progress
from sdgdash.features.goal import view as goalview
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import ui as plans_ui
from sdgdash.features.plans import view as plans_view
from sdgdash.features.plans.charts import plan_trace
from sdgdash.features.plans.status import REGIONAL_PLAN
from sdgdash.geo import layouts as geo
from sdgdash.i18n import t, tn
from sdgdash.ui import cached, pickers, render, state, widgets
from sdgdash.ui.present import presenting
from sdgdash.ui.safe import md_escape

STATUS_ROW_PX = 92  # four lines of text per row of the status table


def pick_goal(lang: str, where=st) -> int:
    """The goal (1..17) chosen in ``where`` (the page's filter bar), kept in the URL as
    ``goal``."""
    labels = cached.labels()
    state.seed("goal_goal", "goal", state.integer(1, 17), 1)
    goal = where.selectbox(
        t("goal", lang),
        list(GOALS),
        key="goal_goal",
        format_func=lambda g: f"{g}. {labels.goal_short(g, lang)}",
    )
    state.set_params(goal=goal)
    return int(goal)


def pick_area(lang: str, where=st) -> str:
    """Kazakhstan ("") or a region, chosen in ``where`` (the page's filter bar), kept in the URL
    as ``region``."""
    labels = cached.labels()
    units = sorted(geo.ALL_UNITS, key=lambda c: labels.region_name(c, lang))
    options = [goalview.NATIONAL, *units]
    state.seed("goal_area", "region", state.choice(units), goalview.NATIONAL)
    code = where.selectbox(
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
    # A band of text (not a figure): the title wraps to any screen's width.
    st.html(
        goalview.banner_html(
            goal, labels.goal_title(goal, lang), labels.goal_colour(goal), presenting()
        )
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


def summary(table: pd.DataFrame, goal: int, ref_area: str, lang: str) -> None:
    """How many indicators are in each status, for Kazakhstan and the chosen region."""
    st.subheader(t("goal_summary_heading", lang))
    files = goalview.summary_files(table, ref_area)
    counts = goalview.summary_counts(cached, table, ref_area, lang)
    render.chart(
        goalcharts.status_summary(counts, lang),
        key="goal_summary",
        values=goalview.summary_table(counts, lang),
        title=f"{t('goal', lang)} {goal}: {t('goal_summary_heading', lang)}",
        source=widgets.source_text(files, lang),
        filename=exports.file_stem("sdg", "goal", goal, "status", ref_area or "KZ", lang),
    )
    st.caption(t("goal_summary_caption", lang))
    widgets.source_line(files, lang)


def show_status_table(rows: pd.DataFrame, goal: int, ref_area: str, lang: str) -> None:
    """The status table with sparklines, its CSV and its source line."""
    labels = cached.labels()
    st.subheader(t("goal_table_heading", lang, area=labels.region_name(ref_area, lang)))
    hidden = ["_years", "_indicator_id", "_base", "_latest"]
    shown = goalview.display_points(rows, lang).drop(columns=hidden, errors="ignore")
    spark = t("goal_series_chart", lang)
    # Rows four lines high, so the indicator's name and "how it was computed" wrap instead of
    # being cut (Streamlit wraps text in rows taller than 4 rem); a row picked opens its detail.
    event = widgets.data_table(
        shown,
        lang,
        digits={t("goal_cagr", lang): 2, t("goal_required", lang): 2},
        hide_index=True,
        width="stretch",
        height=min(STATUS_ROW_PX * len(shown) + 40, 900),
        row_height=STATUS_ROW_PX,
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            spark: st.column_config.LineChartColumn(spark, width="small"),
            t("goal_sdg_target", lang): st.column_config.TextColumn(width=90),
            t("indicator", lang): st.column_config.TextColumn(width=230),
            t("tags_column", lang): st.column_config.TextColumn(width="small"),
            t("goal_status", lang): st.column_config.TextColumn(width=120),
            t("goal_explanation", lang): st.column_config.TextColumn(width=360),
        },
        key="goal_table",
        placeholder="—",
    )
    picked = event.selection.rows if event is not None else []
    chosen = rows["_indicator_id"].iloc[picked[0]] if picked else None
    if chosen and st.session_state.get("goal_table_pick") != chosen:  # a new row was picked
        st.session_state["goal_ind"] = chosen
    st.session_state["goal_table_pick"] = chosen
    csv = rows.drop(columns=hidden, errors="ignore")
    csv[spark] = [
        "; ".join(f"{y}:{v:g}" for y, v in zip(ys, vs, strict=True))
        for ys, vs in zip(rows["_years"], rows[spark], strict=True)
    ]
    meta = exports.ExportMeta(
        t("goal_table_heading", lang, area=labels.region_name(ref_area, lang)),
        tuple(dict.fromkeys(rows["_indicator_id"])),
        regions=(ref_area,) if ref_area else (),
    )
    widgets.download_buttons(
        csv,
        meta,
        f"sdg_goal{goal}_{ref_area or 'KZ'}_{lang}",
        lang,
        "goal",
        what=t("dl_goal_status", lang),
    )
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
    factor = row["target_factor"] if row["target_kind"] == targets.RELATIVE else None
    widgets.heading_text(
        f"{labels.region_name(ref_area, lang)}: {t(f'goal_status_{row.bucket}', lang)}",
        labels.selection_label(row["selection"], lang),
    )
    st.markdown(md_escape(goalview.explain(p, lang, factor)))  # wraps on a phone
    fig = goalcharts.series_chart(
        row["years"],
        row["values"],
        p,
        labels.code_label("unit", row["unit"], lang),
        labels.goal_colour(goal),
        lang,
    )
    drawn: dict[str, dict] = {}
    if ref_area:
        plan = plans_ui.panel_status(ref_area, row["selection"], lang)
        # The national target's path is drawn already; a regional plan adds its own line.
        if plan is not None and plan["basis"] == REGIONAL_PLAN:
            fig.add_trace(plan_trace(plans_view.plan_chart_frame(plan), lang))
            drawn = {plan_tables.line_title(plan, lang): plan}
    render.chart(
        fig,
        key="goal_detail",
        values=plan_tables.with_plan_lines(
            goalview.series_table(row["years"], row["values"], lang), drawn, lang
        ),
        title=f"{labels.indicator_label(ind, lang)} — {labels.region_name(ref_area, lang)}",
        source=widgets.source_text([row["source_file"]], lang),
        filename=exports.file_stem("sdg", ind, ref_area or "KZ", "progress", lang),
    )
    widgets.source_line([row["source_file"]], lang)


def coverage(goal: int, lang: str) -> None:
    """Heatmap of indicators x regions: the latest year with data."""
    labels = cached.labels()
    st.subheader(t("goal_coverage_heading", lang))
    matrix = goalview.goal_coverage(cached, goal)
    regions = sorted(matrix.columns[1:], key=lambda c: labels.region_name(c, lang))
    matrix = matrix[[matrix.columns[0], *regions]]
    names = {i: labels.indicator_label(i, lang, width=90) for i in matrix.index}
    areas = {c: labels.region_name(c, lang) for c in matrix.columns}
    files = sorted(cached.goal_observations(goal)["source_file"].unique())
    render.chart(
        goalcharts.coverage_heatmap(matrix, names, areas, lang),
        key="goal_coverage",
        values=goalview.coverage_table(matrix, names, areas, lang),
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
    frame = goalview.goal_gaps(cached, goal, ref_area)
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
    table = pd.DataFrame(
        {
            t("indicator", lang): [labels.indicator_label(i, lang) for i in frame["indicator_id"]],
            t("goal_dimension", lang): [labels.dimension_name(d, lang) for d in frame["dimension"]],
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
    render.chart(
        goalcharts.gaps_chart(frame, titles, groups, lang),
        key="goal_gaps",
        values=table,
        title=f"{t('goal', lang)} {goal}. "
        + t("goal_gaps_heading", lang, area=labels.region_name(ref_area, lang)),
        source=widgets.source_text(files, lang),
        filename=exports.file_stem("sdg", "goal", goal, "gaps", ref_area or "KZ", lang),
    )
    st.caption(t("goal_gaps_caption", lang))
    widgets.source_line(files, lang)
    meta = exports.ExportMeta(
        t("goal_gaps_table", lang),
        tuple(dict.fromkeys(frame["indicator_id"])),
        regions=(ref_area,) if ref_area else (),
    )
    name = f"sdg_goal{goal}_gaps_{ref_area or 'KZ'}_{lang}"
    what = t("dl_goal_gaps", lang)
    widgets.download_buttons(table, meta, name, lang, key="goal_gaps", what=what)
