"""Compare 2 to 4 regions side by side, with the country."""

from __future__ import annotations

import streamlit as st

from sdgdash.charts import compare_lines
from sdgdash.exports import ExportMeta, file_stem
from sdgdash.i18n import t
from sdgdash.ui import cached, indexview, pickers, present, regions, state, tagsview, widgets

lang = state.page_lang(__file__)
labels = cached.labels()
st.title(t("nav_compare", lang))
notices = state.notice_area()

codes = regions.pick_regions(lang)
if len(codes) < 2:
    st.info(t("compare_need_two", lang))
    state.show_notices(lang, notices)
    st.stop()

frame = cached.region_comparison(tuple(codes))
indexview.compare_scores(codes, lang)
st.subheader(t("compare_table", lang))
table = regions.comparison_table(frame, codes, lang)
table = tagsview.with_tags_column(table, frame["indicator_id"].tolist(), lang, t("national", lang))
widgets.data_table(
    regions.highlight_best_worst(table, frame, codes, lang),
    hide_index=True,
    width="stretch",
    height=min(36 * (len(table) + 1) + 4, 900),
    placeholder="—",
)
st.caption(t("best_worst_note", lang))
meta = ExportMeta(t("compare_table", lang), tuple(frame["indicator_id"]), regions=tuple(codes))
widgets.download_buttons(table, meta, f"sdg_compare_{'-'.join(codes)}_{lang}", lang)

st.subheader(t("compare_chart", lang))
sel_by_id = {s.indicator_id: s for s in cached.headlines()}
ids = [i for i in frame["indicator_id"] if i in sel_by_id]
ind = pickers.indicator(lang, ids, "cmp_ind", "1.2.1" if "1.2.1" in ids else ids[0])
sel = sel_by_id[ind]
widgets.heading_text(labels.indicator_label(ind, lang), labels.selection_label(sel, lang))
regional = cached.regional_series(sel)
fig = compare_lines(
    regional[regional["ref_area"].isin(codes)],
    cached.national_series(sel),
    codes,
    {c: labels.region_name(c, lang) for c in codes},
    labels.code_label("unit", sel.unit, lang),
    lang,
)
files = [f"data/indicator_{ind.replace('.', '-')}.csv"]
present.chart(
    fig,
    key="cmp_lines",
    title=labels.indicator_label(ind, lang),
    source=widgets.source_text(files, lang),
    filename=file_stem("sdg", ind, "compare", *codes, lang),
)
widgets.source_line(files, lang)
widgets.attribution(lang)
state.show_notices(lang, notices)
