"""Map explorer: any regional indicator on the map of regions, its values and where they come from."""

from __future__ import annotations

import streamlit as st

from sdgdash.features.distance import ui as distance_ui
from sdgdash.features.map import ui as map_ui
from sdgdash.features.map import view as mapview
from sdgdash.features.tags import ui as tags_ui
from sdgdash.i18n import t
from sdgdash.ui import cached, state, widgets

VALUES = "sdg-values"  # the values table's anchor, linked from under the map

lang = state.lang()
labels = cached.labels()
st.title(t("nav_map", lang))
notices = state.notice_area()

picked = map_ui.pick(lang, "map", year_widget=False, tag_filter=True)
sel, years = picked.selection, picked.years

widgets.heading_text(
    labels.indicator_label(sel.indicator_id, lang), labels.selection_label(sel, lang)
)
tags_ui.tag_chips(sel.indicator_id, lang)
better = cached.higher_is_better(sel)
st.caption(
    t({True: "direction_higher", False: "direction_lower", None: "direction_neutral"}[better], lang)
)


@st.fragment
def explorer(sel, years: list[int], year: int, lang: str) -> None:
    """The view row (mode, year, play, map settings), the map and everything under it. A year,
    mode, setting or region change reruns only this part, not the pickers above it."""
    modes = ["map", "3d", "years", distance_ui.MODE]
    state.seed("map_mode", "mode", state.choice(modes), "map")
    top = st.columns([4.4, 2.2, 1.7, 1.7], vertical_alignment="bottom")
    mode = (
        top[0].segmented_control(
            t("view_mode", lang), modes, key="map_mode", format_func=lambda m: t(f"mode_{m}", lang)
        )
        or "map"
    )
    change = None
    if mode == distance_ui.MODE:
        change = distance_ui.pick_change(years, year, lang, top[1:])
        year = change.span[1] if change else year
    elif mode != "years" and len(years) > 1:
        year = top[1].select_slider(t("year", lang), options=years, key="map_year")
    play = mode == "map" and len(years) > 1 and top[2].button(t("play", lang), width="stretch")
    opts = map_ui.map_settings(lang, top[3])
    state.set_params(mode=mode, year=year)
    if mode != distance_ui.MODE:
        state.set_params(**{"from": None, "chg": None})

    if play:
        map_ui.play_years(sel, years, lang, opts)

    if change:  # change mode: the change between two years, like for like
        map_col, side = st.columns([5, 2], gap="medium")
        with map_col:
            compared = distance_ui.change_map(sel, change, lang, opts)
        with side:
            distance_ui.change_side(compared, sel, lang)
        distance_ui.change_table(compared, sel, lang)
    else:  # the map at the page's full width, what it shows in detail under it
        view = mapview.map_view(cached, sel, year)
        if mode == "years":
            map_ui.years_panel(sel, years, lang, opts)
        elif mode == "3d":
            map_ui.deck_block(view, lang, opts, values=VALUES)
        else:
            map_ui.map_block(view, lang, key="map", opts=opts, values=VALUES)
        panel, trend = st.columns([2, 3], gap="medium")
        with panel:
            map_ui.national_metric(view, lang)
            map_ui.region_panel(view, lang, chart_where=trend)
            map_ui.not_drawn_list(view, lang)
        st.subheader(t("values_heading", lang), anchor=VALUES)
        map_ui.values_table(view, lang)


explorer(sel, years, picked.year, lang)
widgets.attribution(lang)
state.show_notices(lang, notices)
