"""Goal -> indicator -> series / unit / disaggregation -> year pickers, seeded from the URL."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from sdgdash.data import selection
from sdgdash.data.catalog import FEATURED_INDICATOR, GOALS, SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.features.tags import ui as tagsview
from sdgdash.features.tags import view as tags_view
from sdgdash.i18n import t
from sdgdash.ui import cached, state


@dataclass(frozen=True)
class Picked:
    """What the pickers resolved to: a valid selection, its years, and the chosen year."""

    selection: Selection
    years: list[int]
    year: int


def indicator(
    lang: str, ids: list[str], key: str, default: str, param: str = "ind", label: str = ""
) -> str:
    """One indicator out of ``ids`` (a selectbox with ``key``), kept in the URL as ``param``."""
    labels = cached.labels()
    state.seed(key, param, state.choice(ids), default)
    state.keep_valid(key, ids, default)
    ind = st.selectbox(
        label or t("indicator", lang),
        ids,
        key=key,
        format_func=lambda i: labels.indicator_label(i, lang, width=110),
    )
    state.set_params(**{param: ind})
    return ind


def pick(lang: str, prefix: str, year_widget: bool = True, tag_filter: bool = False) -> Picked:
    """Render the cascade of pickers (keys start with ``prefix``) and return a valid choice;
    with ``tag_filter``, a problem tag (URL ``tag``) first narrows the goals and indicators."""
    labels = cached.labels()
    regional = cached.regional_indicators()
    if tag_filter:
        regional = _tag_narrowed(regional, lang, prefix)
    goals_with_data = [0, *sorted({int(g) for g in regional["goal"]})]
    state.seed(f"{prefix}_goal", "goal", state.choice(GOALS), 0)
    state.keep_valid(f"{prefix}_goal", goals_with_data, 0)
    goal = st.selectbox(
        t("goal", lang),
        goals_with_data,
        key=f"{prefix}_goal",
        format_func=lambda g: (
            t("all_goals", lang) if g == 0 else f"{g}. {labels.goal_short(g, lang)}"
        ),
    )
    ids = cached.regional_indicators()["indicator_id"].tolist()
    in_goal = regional if goal == 0 else regional[regional["goal"] == goal]
    offered = in_goal["indicator_id"].tolist()
    default = FEATURED_INDICATOR if FEATURED_INDICATOR in offered else offered[0]
    state.seed(f"{prefix}_ind", "ind", state.choice(ids), default)
    state.keep_valid(f"{prefix}_ind", offered, default)
    ind = st.selectbox(
        t("indicator", lang),
        offered,
        key=f"{prefix}_ind",
        format_func=lambda i: labels.indicator_label(i, lang, width=110),
    )
    options = cached.selection_options(ind)
    head = selection.headline(options, ind)
    wanted = {}
    for col in SELECTION_COLUMNS:
        key = f"{prefix}_{col}"
        values = set(options[col])
        state.seed(key, col, state.choice(values), getattr(head, col))
        wanted[col] = st.session_state[key]
    offered_cols = selection.cascade(options, wanted)
    for col, values in offered_cols.items():
        key = f"{prefix}_{col}"
        state.keep_valid(key, values, values[0])
        wanted[col] = st.selectbox(
            labels.dimension_name(col, lang),
            values,
            key=key,
            format_func=lambda code, c=col: labels.code_label(c, code, lang) or t("total", lang),
        )
    sel = selection.resolve(options, ind, wanted)
    for col in SELECTION_COLUMNS:  # columns without a widget: keep their state in step
        if col not in offered_cols:
            st.session_state[f"{prefix}_{col}"] = getattr(sel, col)
    years = selection.years_of(options, sel)
    year_key = f"{prefix}_year"
    state.seed(year_key, "year", state.integer(1990, 2100), years[-1])
    state.keep_valid(year_key, years, years[-1])
    year = st.session_state[year_key]
    if year_widget and len(years) > 1:
        year = st.select_slider(t("year", lang), options=years, key=year_key)
    state.set_params(
        goal=goal or None,
        ind=ind,
        year=year,
        **{c: getattr(sel, c) or None for c in SELECTION_COLUMNS},
    )
    return Picked(sel, years, int(year))


def _tag_narrowed(regional, lang: str, prefix: str):
    """The regional indicators linked to the tag chosen in the tag filter (all when none is)."""
    tag = tagsview.tag_filter(lang, f"{prefix}_tag")
    if not tag:
        return regional
    narrowed = regional[
        regional["indicator_id"].isin(tags_view.narrow(cached, regional["indicator_id"], tag))
    ]
    if narrowed.empty:
        st.caption(t("tag_filter_no_regional", lang, tag=cached.tag_vocabulary().name(tag, lang)))
        return regional
    return narrowed
