"""Widgets of the regional SDG index: ranking, methodology, downloads, region and comparison parts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash.exports.tables import ExportMeta, file_stem
from sdgdash.features.compare.charts import compare_goal_scores
from sdgdash.features.index import scoring
from sdgdash.features.index import slides as index_slides
from sdgdash.features.index import view as index_view
from sdgdash.features.index.charts import goal_scores
from sdgdash.i18n import fmt_number, t
from sdgdash.ui import cached, render, state
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
    """(display table, ratings) of the ranking: one row per region, a column per goal."""
    labels = cached.labels()
    goals = sorted(result.goals["goal"].unique())
    score = result.goals.pivot(index="ref_area", columns="goal", values="score")
    rating = result.goals.pivot(index="ref_area", columns="goal", values="rating")
    idx = result.index.sort_values(["withheld", "rank", "ref_area"])
    rows, colours = [], []
    for r in idx.itertuples():
        row = {
            t("rank", lang): pd.NA if pd.isna(r.rank) else int(r.rank),
            t("region", lang): labels.region_name(r.ref_area, lang),
            "ref_area": r.ref_area,
            t("index", lang): float("nan") if r.withheld else float(r.index),
            t("goals_covered", lang): f"{r.goals}/{r.n_goals}",
        }
        paint = {}
        for g in goals:
            col = f"{t('goal', lang)} {g}"
            v = score.loc[r.ref_area, g] if r.ref_area in score.index else None
            row[col] = float("nan") if v is None or pd.isna(v) else float(v)
            rt = rating.loc[r.ref_area, g] if r.ref_area in rating.index else None
            paint[col] = _LIGHT.get(rt, "") if isinstance(rt, str) else ""
        row[t("reason", lang)] = t("withheld", lang) if r.withheld else ""
        rows.append(row)
        colours.append(paint)
    return pd.DataFrame(rows), pd.DataFrame(colours)


def show_ranking(result: scoring.IndexResult, lang: str) -> pd.DataFrame:
    """The ranking with goal cells coloured by rating; returns the plain table."""
    table, colours = ranking_table(result, lang)

    def paint(row: pd.Series) -> list[str]:
        c = colours.loc[row.name]
        return [f"background-color: {c[col]}" if col in c and c[col] else "" for col in row.index]

    styled = table.style.apply(paint, axis=1).format(precision=1, na_rep="—")
    data_table(
        styled, hide_index=True, width="stretch", height=36 * (len(table) + 1) + 4, placeholder="—"
    )
    st.caption(t("ranking_note", lang))
    return table


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
    download_buttons(s, meta, f"sdg_index_scores_{year}_{lang}", lang, key="dl_scores")


def methodology(lang: str) -> None:
    """The method in the chosen language and the curated indicator table behind it."""
    labels = cached.labels()
    with st.expander(t("method_heading", lang), expanded=False):
        st.text(t("index_method", lang))
        st.markdown(f"**{t('index_indicators_heading', lang)}**")
        tab = cached.index_table().copy()
        tab.insert(
            1, t("indicator", lang), [labels.indicator_name(i, lang) for i in tab["indicator_id"]]
        )
        data_table(tab)


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
        title=f"{', '.join(names.values())}: {t('score', lang)}, {year}",
        source=_index_source(lang),
        filename=file_stem("sdg", "goal", "scores", *codes, year, lang),
    )


def _index_source(lang: str) -> str:
    return t("source_line", lang, file=index_slides.source_files(cached, lang))
