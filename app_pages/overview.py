"""Overview: the 17 goals, what data exists, and a featured indicator on the map of regions."""

from __future__ import annotations

import streamlit as st

from sdgdash.features.map import ui as map_ui
from sdgdash.features.map import view as mapview
from sdgdash.features.overview import ui as overview_ui
from sdgdash.features.overview import view as overview_view
from sdgdash.features.tags import ui as tags_ui
from sdgdash.i18n import fmt_number, t
from sdgdash.ui import cached, layout, render, state, widgets

lang = state.lang()

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))
notices = state.notice_area()

kpis = overview_view.kpis(cached)
c1, c2, c3, c4 = layout.metric_row(4)
c1.metric(t("kpi_indicators", lang), kpis.indicators)
c2.metric(t("kpi_regional", lang), kpis.regional)
c3.metric(t("kpi_observations", lang), fmt_number(kpis.observations, lang))
c4.metric(t("kpi_years", lang), kpis.years())
overview_ui.data_version(lang)
overview_ui.data_update(lang)

st.subheader(t("goals_heading", lang))
overview_ui.goal_tiles(lang)
# The tiles' figures (and what only their tooltips say) as a table, for a screen reader.
render.chart_values(overview_view.goal_tiles_table(cached, lang), "overview_tiles", kind="tiles")
st.caption(t("tiles_caption", lang))


@st.fragment
def featured(lang: str) -> None:
    """The featured indicator on the map: changing its indicator, year or region reruns only
    this part, not the goal tiles and tables above it."""
    query = overview_ui.pick_featured(lang)
    view = mapview.map_view(cached, query.selection, query.year)
    about, map_col = st.columns([2, 5], gap="large")
    with about:
        overview_ui.featured_heading(query, lang)
        map_ui.national_metric(view, lang)
        map_ui.not_drawn_list(view, lang)
    with map_col:
        map_ui.map_block(view, lang, key="overview", opts=map_ui.MapOptions(height=440), wrap=72)


st.subheader(t("featured_map", lang))
featured(lang)

st.subheader(t("event_heading", lang))
tags_ui.timeline(list(cached.events()), lang, key="overview")

overview_ui.bulk_download(lang)
widgets.attribution(lang)
state.show_notices(lang, notices)
