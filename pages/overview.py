"""Overview: the 17 goals, what data exists, and a featured indicator on the map of regions."""

from __future__ import annotations

import streamlit as st

from sdgdash import mapview, selection
from sdgdash.catalog import FEATURED_INDICATOR
from sdgdash.i18n import fmt_number, t
from sdgdash.ui import cached, goalpage, state, tagsview, widgets

lang = state.page_lang(__file__)
labels = cached.labels()

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))
notices = state.notice_area()

inds = cached.indicators()
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("kpi_indicators", lang), len(inds))
c2.metric(t("kpi_regional", lang), int(inds["has_regional_data"].sum()))
c3.metric(t("kpi_observations", lang), fmt_number(cached.observation_count(), lang))
c4.metric(t("kpi_years", lang), f"{int(inds['first_year'].min())}–{int(inds['last_year'].max())}")

st.subheader(t("goals_heading", lang))
tiles = cached.goal_tiles_figure(lang)
st.plotly_chart(tiles, config={"displaylogo": False, "displayModeBar": False}, width="stretch")
st.caption(t("tiles_caption", lang))
goalpage.goal_links(lang)

st.subheader(t("featured_map", lang))
controls, map_col = st.columns([2, 5], gap="large")
with controls:
    regional = cached.regional_indicators()["indicator_id"].tolist()
    state.seed("ov_ind", "ind", state.choice(regional), FEATURED_INDICATOR)
    ind = st.selectbox(
        t("indicator", lang),
        regional,
        key="ov_ind",
        format_func=lambda i: labels.indicator_label(i, lang, width=70),
    )
    options = cached.selection_options(ind)
    sel = selection.headline(options, ind)
    years = selection.years_of(options, sel)
    state.seed("ov_year", "year", state.integer(1990, 2100), years[-1])
    state.keep_valid("ov_year", years, years[-1])
    if len(years) > 1:
        year = st.select_slider(t("year", lang), options=years, key="ov_year")
    else:
        year = years[0]
    state.set_params(ind=ind, year=year)
    widgets.heading_text(labels.indicator_label(ind, lang), labels.selection_label(sel, lang))
    tagsview.tag_chips(ind, lang)

national = mapview.national_value(cached.national_series(sel), year)
view = mapview.split(cached.map_frame(sel, year), sel, year, labels.region_kinds(), national)
with controls:
    widgets.national_metric(view, lang)
    widgets.not_drawn_list(view, lang)
with map_col:
    widgets.map_block(view, lang, cached.higher_is_better(sel), key="overview")

st.subheader(t("event_heading", lang))
tagsview.timeline(list(cached.events()), lang, key="overview")

widgets.bulk_download(lang)
widgets.attribution(lang)
state.show_notices(lang, notices)
