"""Problem tag: what it covers, the targets and indicators that measure it, and where the regions
stand on them."""

from __future__ import annotations

import streamlit as st

from sdgdash import pages
from sdgdash.data import events
from sdgdash.features.findings import ui as findings_ui
from sdgdash.features.map import ui as map_ui
from sdgdash.features.tags import ui as tags_ui
from sdgdash.features.tags import view as tags_view
from sdgdash.i18n import t
from sdgdash.ui import cached, pickers, state, widgets

VALUES = "sdg-tag-values"  # the values table's anchor, linked from under the map and the bars

lang = state.lang()
labels = cached.labels()
notices = state.notice_area()

head = st.container()  # the tag's name above its picker
tag = tags_ui.tag_picker(lang, "tag_tag")
tags_ui.header(tag, lang, title_where=head)
links = tags_view.links_table(cached, tag, lang)
tags_ui.links_list(links, lang)
tags_ui.left_out_note(tag, lang)
widgets.download_buttons(
    links,
    tags_view.links_meta(cached, tag, lang),
    f"sdg_tag_{tag}_{lang}",
    lang,
    key="tag_links",
    what=t("dl_tag_links", lang),
)

regional = tags_view.regional_linked(cached, tag)
if regional:
    st.subheader(t("tag_map_heading", lang))
    ind = pickers.indicator(
        lang, regional, "tag_ind", regional[0], "indicator", t("tag_map_indicator", lang)
    )
    view = tags_view.tag_map(cached, ind)
    widgets.heading_text(
        labels.indicator_label(ind, lang), labels.selection_label(view.selection, lang)
    )
    tags_ui.tag_chips(ind, lang)
    st.caption(t("tag_latest_caption", lang, year=view.year))
    st.page_link(
        pages.script("map"),
        label=t("tag_open_map", lang, ind=ind),
        icon=":material/map:",
        query_params={"ind": ind, "tag": tag, "lang": lang},
    )
    map_col, side = st.columns([3, 2], gap="medium")
    with map_col:
        map_ui.map_block(
            view, lang, key="tag", opts=map_ui.MapOptions(height=420), values=VALUES, wrap=60
        )
    with side:
        map_ui.national_metric(view, lang)
        tags_ui.ranked_chart(view, lang, values=VALUES)
        map_ui.not_drawn_list(view, lang)
    st.subheader(t("tag_values_heading", lang), anchor=VALUES)
    map_ui.values_table(view, lang)
else:
    st.info(t("tag_no_regional", lang))

tag_events = events.for_tag(cached.events(), tag)
if tag_events:
    st.subheader(t("tag_events_heading", lang))
    tags_ui.timeline(tag_events, lang, key="tag", chart=False)
findings_ui.findings_block(lang, tag=tag)
widgets.attribution(lang)
state.show_notices(lang, notices)
