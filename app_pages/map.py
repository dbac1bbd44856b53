"""Map explorer: any regional indicator on the map of regions, its values and where they come from."""

from __future__ import annotations

import streamlit as st

from sdgdash.features.distance import ui as distance_ui
from sdgdash.features.map import ui as map_ui
from sdgdash.features.map import view as mapview
from sdgdash.features.tags import ui as tags_ui
from sdgdash.geo.choropleth import CLASSINGS, PALETTES
from sdgdash.i18n import t
from sdgdash.ui import cached, state, widgets

VALUES = "sdg-values"  # the values table's anchor, linked from under the map

lang = state.lang()
labels = cached.labels()
st.title(t("nav_map", lang))
notices = state.notice_area()

with st.sidebar:
    picked = map_ui.pick(lang, "map", year_widget=False, tag_filter=True)
    state.seed("map_cls", "cls", state.choice(CLASSINGS), "continuous")
    cls = st.radio(
        t("classes", lang), CLASSINGS, key="map_cls", format_func=lambda c: t(f"classes_{c}", lang)
    )
    state.seed("map_pal", "pal", state.choice(PALETTES), PALETTES[0])
    pal = st.selectbox(
        t("palette", lang),
        PALETTES,
        key="map_pal",
        format_func=lambda p: t(f"palette_{p.lower()}", lang),
    )
    state.seed("map_pilots", "pilots", state.choice(["0", "1"]), "0")
    pilots = st.toggle(t("pilots_toggle", lang), value=st.session_state["map_pilots"] == "1")
sel, years = picked.selection, picked.years

widgets.heading_text(
    labels.indicator_label(sel.indicator_id, lang), labels.selection_label(sel, lang)
)
tags_ui.tag_chips(sel.indicator_id, lang)
better = cached.higher_is_better(sel)
st.caption(
    t({True: "direction_higher", False: "direction_lower", None: "direction_neutral"}[better], lang)
)

modes = ["map", "3d", "years", distance_ui.MODE]
state.seed("map_mode", "mode", state.choice(modes), "map")
top = st.columns([3, 2, 2])
mode = (
    top[0].segmented_control(
        t("view_mode", lang), modes, key="map_mode", format_func=lambda m: t(f"mode_{m}", lang)
    )
    or "map"
)
year, change = picked.year, None
if mode == distance_ui.MODE:
    change = distance_ui.pick_change(years, year, lang, top[1:])
    year = change.span[1] if change else year
elif mode != "years" and len(years) > 1:
    year = top[1].select_slider(t("year", lang), options=years, key="map_year")
play = mode == "map" and len(years) > 1 and top[2].button(t("play", lang), width="stretch")
state.set_params(cls=cls, pal=pal, pilots="1" if pilots else None, mode=mode, year=year)
if mode != distance_ui.MODE:
    state.set_params(**{"from": None, "chg": None})

opts = map_ui.MapOptions(cls, pal, pilots)
if play:
    map_ui.play_years(sel, years, lang, opts)

map_col, side = st.columns([5, 2], gap="medium")
if change:  # change mode: the change between two years, like for like
    with map_col:
        compared = distance_ui.change_map(sel, change, lang, opts)
    with side:
        distance_ui.change_side(compared, sel, lang)
    distance_ui.change_table(compared, sel, lang)
else:
    view = mapview.map_view(cached, sel, year)
    with map_col:
        if mode == "years":
            map_ui.years_panel(sel, years, lang, opts)
        elif mode == "3d":
            map_ui.deck_block(view, lang, opts, values=VALUES)
        else:
            map_ui.map_block(view, lang, key="map", opts=opts, values=VALUES)
    with side:
        map_ui.national_metric(view, lang)
        map_ui.region_panel(view, lang)
        map_ui.not_drawn_list(view, lang)
    st.subheader(t("values_heading", lang), anchor=VALUES)
    map_ui.values_table(view, lang)
widgets.attribution(lang)
state.show_notices(lang, notices)
