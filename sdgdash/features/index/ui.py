"""Widgets of the regional SDG index: ranking, methodology, downloads, region and comparison parts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash.data.models import Selection
from sdgdash.exports.tables import ExportMeta, file_stem
from sdgdash.features.compare.charts import compare_goal_scores
from sdgdash.features.index import scoring
from sdgdash.features.index import slides as index_slides
from sdgdash.features.index import view as index_view
from sdgdash.features.index.charts import goal_scores
from sdgdash.i18n import fmt_number, t, table_number, tn
from sdgdash.ui import cached, render, state
from sdgdash.ui.safe import md_escape
from sdgdash.ui.widgets import data_table, download_buttons

_LIGHT = {"green": "#c7e9c0", "yellow": "#fff3b0", "orange": "#fdd0a2", "red": "#fcbba1"}


def pick_year(lang: str, key: str = "idx_year", where=st) -> int:
    """The scoring year (URL ``iyear``), among the years with enough regions."""
    years = index_view.index_years(cached)
    state.seed(key, "iyear", state.choice(years), years[-1])
    state.keep_valid(key, years, years[-1])
    year = (
        where.select_slider(t("index_year", lang), options=years, key=key)
        if len(years) > 1
        else years[0]
    )
    state.set_params(iyear=year)
    return int(year)


def ranking_table(result: scoring.IndexResult, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(display table, ratings) of the ranking: one row per region, a column per goal; the
    ratings frame has a goal column's rating name ("green", ...) where the cell has one."""
    labels = cached.labels()
    goals = sorted(result.goals["goal"].unique())
    score = result.goals.pivot(index="ref_area", columns="goal", values="score")
    rating = result.goals.pivot(index="ref_area", columns="goal", values="rating")
    idx = result.index.sort_values(["withheld", "rank", "ref_area"])
    rows, ratings = [], []
    for r in idx.itertuples():
        row = {
            t("rank", lang): pd.NA if pd.isna(r.rank) else int(r.rank),
            t("region", lang): labels.region_name(r.ref_area, lang),
            "ref_area": r.ref_area,
            t("index", lang): float("nan") if r.withheld else float(r.index),
            t("goals_covered", lang): f"{r.goals}/{r.n_goals}",
        }
        rated = {}
        for g in goals:
            col = f"{t('goal', lang)} {g}"
            v = score.loc[r.ref_area, g] if r.ref_area in score.index else None
            row[col] = float("nan") if v is None or pd.isna(v) else float(v)
            rt = rating.loc[r.ref_area, g] if r.ref_area in rating.index else None
            rated[col] = rt if isinstance(rt, str) else ""
        row[t("reason", lang)] = t("withheld", lang) if r.withheld else ""
        rows.append(row)
        ratings.append(rated)
    return pd.DataFrame(rows), pd.DataFrame(ratings)


def show_ranking(result: scoring.IndexResult, lang: str) -> pd.DataFrame:
    """The ranking with goal cells coloured by rating and marked with its sign (the colour alone
    would leave out readers who do not tell the colours apart); returns the plain table."""
    table, ratings = ranking_table(result, lang)

    def paint(row: pd.Series) -> list[str]:
        r = ratings.loc[row.name]
        return [
            f"background-color: {_LIGHT[r[col]]}" if col in r and r[col] else ""
            for col in row.index
        ]

    # Scores to one decimal in the page's language, a goal cell with its rating's sign too.
    scores = [c for c in table.columns if pd.api.types.is_float_dtype(table[c])]
    styled = table.style.apply(paint, axis=1).format(
        dict.fromkeys(scores, lambda v: table_number(v, lang, 1)), na_rep="—"
    )
    for col in ratings.columns:
        for rating, mark in scoring.RATING_MARKS.items():
            rows = ratings.index[ratings[col] == rating]
            if len(rows):
                styled = styled.format(
                    lambda v, m=mark: "—" if pd.isna(v) else f"{table_number(v, lang, 1)} {m}",
                    subset=pd.IndexSlice[rows, [col]],
                )
    data_table(
        styled,
        lang,
        formatted=scores,
        hide_index=True,
        width="stretch",
        height=36 * (len(table) + 1) + 4,
        placeholder="—",
    )
    st.caption(t("ranking_note", lang))
    return table


def left_out_note(result: scoring.IndexResult, lang: str) -> None:
    """The index table's indicators this index is computed without (the data lacks them)."""
    rows = index_view.left_out_rows(cached, result, lang)
    if not rows:
        return
    items = [f"- {md_escape(what)}: {md_escape(why)}" for what, why in rows]
    st.warning(
        md_escape(tn("refresh_index_left_out", len(rows), lang, n=len(rows)))
        + "\n\n"
        + "\n".join(items),
        icon=":material/playlist_remove:",
    )


def scores_download(result: scoring.IndexResult, year: int, lang: str) -> None:
    """Every region x indicator score with its inputs, so the index can be redone by hand."""
    labels = cached.labels()
    s = result.scores.copy()
    s.insert(1, "region", [labels.region_name(c, lang) for c in s["ref_area"]])
    s.insert(4, "indicator", [labels.indicator_name(i, lang) for i in s["indicator_id"]])
    meta = ExportMeta(
        f"{t('index', lang)} {year}: {t('score', lang)}",
        tuple(sorted(set(s["indicator_id"]))),
        year=year,
    )
    download_buttons(
        s,
        meta,
        f"sdg_index_scores_{year}_{lang}",
        lang,
        key="dl_scores",
        what=t("dl_index_scores", lang),
    )


def methodology(lang: str) -> None:
    """The method in the chosen language and the curated indicator table behind it."""
    with st.expander(t("method_heading", lang), expanded=False):
        st.text(t("index_method", lang))
        st.markdown(f"**{t('index_indicators_heading', lang)}**")
        data_table(method_table(cached.index_table(), lang), lang)


def method_table(tab: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The index's curated indicator table for reading: the indicator and its series named in
    ``lang`` rather than by code, the direction in words, the bounds and thresholds, the reason
    and the source (the codes stay in the detail below it)."""
    labels = cached.labels()
    sels = [Selection.from_mapping(r["indicator_id"], r) for r in tab.to_dict("records")]
    return pd.DataFrame(
        {
            t("indicator", lang): [labels.indicator_label(i, lang) for i in tab["indicator_id"]],
            t("series", lang): [labels.selection_label(sel, lang) for sel in sels],
            t("index_col_direction", lang): [t(f"direction_{d}", lang) for d in tab["direction"]],
            t("index_col_upper", lang): tab["upper"],
            t("index_col_green", lang): tab["green"],
            t("index_col_red", lang): tab["red"],
            t("index_col_rationale", lang): tab["rationale"],
            t("index_col_basis", lang): tab["upper_basis"],
            t("index_col_source", lang): tab["source"],
            "indicator_id": tab["indicator_id"],
        }
    )


def region_scores(ref_area: str, lang: str) -> None:
    """A region's goal scores against all regions, and its index line."""
    labels = cached.labels()
    year = index_view.latest_year(cached)
    result = index_view.index_result(cached, year)
    goals = result.goals[result.goals["ref_area"] == ref_area]
    if goals.empty:
        return
    st.subheader(t("goal_scores_heading", lang))
    row = result.index[result.index["ref_area"] == ref_area]
    if len(row) and not row.iloc[0]["withheld"]:
        r = row.iloc[0]
        st.markdown(
            t(
                "index_rank_line",
                lang,
                year=year,
                value=fmt_number(r["index"], lang, 1),
                rank=int(r["rank"]),
                n=int(result.index["rank"].notna().sum()),
            )
        )
    elif len(row):
        st.warning(t("withheld", lang))
    fig = goal_scores(goals, result.distribution, labels, lang)
    render.chart(
        fig,
        key="goal_scores",
        values=index_view.region_scores_table(goals, result.distribution, labels, lang),
        title=f"{labels.region_name(ref_area, lang)}: {t('score', lang)}, {year}",
        source=_index_source(lang),
        filename=file_stem("sdg", "goal", "scores", ref_area, year, lang),
    )


def compare_scores(codes: list[str], lang: str, only: list[int] | tuple[int, ...] = ()) -> None:
    """Goal scores of the compared regions side by side (of the goals ``only``, if given)."""
    labels = cached.labels()
    year = index_view.latest_year(cached)
    result = index_view.index_result(cached, year)
    goals = result.goals[result.goals["ref_area"].isin(codes)]
    if only:
        goals = goals[goals["goal"].isin(only)]
    if goals.empty:
        return
    st.subheader(f"{t('goal_scores_heading', lang)} · {year}")
    names = {c: labels.region_name(c, lang) for c in codes}
    render.chart(
        compare_goal_scores(goals, codes, names, labels, lang),
        key="cmp_goal_scores",
        values=index_view.compare_scores_table(goals, codes, names, labels, lang),
        title=f"{', '.join(names.values())}: {t('score', lang)}, {year}",
        source=_index_source(lang),
        filename=file_stem("sdg", "goal", "scores", *codes, year, lang),
    )


def _index_source(lang: str) -> str:
    return t("source_line", lang, file=index_slides.source_files(cached, lang))
