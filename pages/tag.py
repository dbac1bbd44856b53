"""Problem tag: what it covers, the targets and indicators that measure it, and where the regions
stand on them."""

from __future__ import annotations

import streamlit as st

from sdgdash import events, exports, mapview, selection
from sdgdash.i18n import t
from sdgdash.tagcharts import ranking_frame, regions_ranked
from sdgdash.ui import cached, findings, pickers, present, state, tagsview, widgets

lang = state.page_lang(__file__)
labels = cached.labels()
notices = state.notice_area()
vocab = cached.tag_vocabulary()

tag = tagsview.tag_picker(lang, "tag_tag")
info = vocab.tag(tag)
st.title(vocab.name(tag, lang))
if info.origin == "seminar_2022":
    st.info(t("tag_seminar", lang), icon=":material/groups:")
st.markdown(widgets.md_escape(info.descriptions[lang]))
st.caption(widgets.md_escape(t("tag_source", lang, text=info.source(lang))))

links = tagsview.links_table(tag, lang)
tagsview.links_list(links, lang)
widgets.download_buttons(
    links, tagsview.links_meta(tag, lang), f"sdg_tag_{tag}_{lang}", lang, key="tag_links"
)

regional = tagsview.regional_linked(tag)
if regional:
    st.subheader(t("tag_map_heading", lang))
    ind = pickers.indicator(
        lang, regional, "tag_ind", regional[0], "indicator", t("tag_map_indicator", lang)
    )
    options = cached.selection_options(ind)
    sel = selection.headline(options, ind)
    year = selection.years_of(options, sel)[-1]
    better = cached.higher_is_better(sel)
    national = mapview.national_value(cached.national_series(sel), year)
    view = mapview.split(
        cached.map_frame(sel, year), sel, year, labels.region_kinds(), national, better
    )
    widgets.heading_text(labels.indicator_label(ind, lang), labels.selection_label(sel, lang))
    tagsview.tag_chips(ind, lang)
    st.caption(t("tag_latest_caption", lang, year=year))
    st.page_link(
        "pages/map.py",
        label=t("tag_open_map", lang, ind=ind),
        icon=":material/map:",
        query_params={"ind": ind, "tag": tag, "lang": lang},
    )
    map_col, side = st.columns([3, 2], gap="medium")
    with map_col:
        widgets.map_block(view, lang, better, key="tag")
    with side:
        widgets.national_metric(view, lang)
        st.markdown(f"**{widgets.md_escape(t('tag_across_heading', lang))}**")
        names = {c: labels.region_name(c, lang) for c in labels.regions}
        unit = labels.code_label("unit", sel.unit, lang)
        ranked = ranking_frame(view, better)
        fig = regions_ranked(ranked, names, view.national, unit, lang, better)
        present.chart(
            fig,
            key="tag_ranked",
            title=f"{labels.indicator_label(ind, lang)}, {year}",
            source=widgets.source_text(sorted(set(view.drawn["source_file"])), lang),
            filename=exports.file_stem("sdg", ind, year, "ranked", lang),
            wrap=48,
        )
        st.caption(t("tag_across_caption", lang))
        widgets.not_drawn_list(view, lang)
    st.subheader(t("tag_values_heading", lang))
    widgets.values_table(view, lang)
else:
    st.info(t("tag_no_regional", lang))

tag_events = events.for_tag(cached.events(), tag)
if tag_events:
    st.subheader(t("tag_events_heading", lang))
    tagsview.timeline(tag_events, lang, key="tag", chart=False)
findings.findings_block(lang, tag=tag)
widgets.attribution(lang)
state.show_notices(lang, notices)
