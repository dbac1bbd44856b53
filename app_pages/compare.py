"""Compare 2 to 4 regions side by side, with the country."""

from __future__ import annotations

import streamlit as st

from sdgdash.exports.tables import ExportMeta
from sdgdash.features.compare import ui as compare_ui
from sdgdash.features.compare import view as compare_view
from sdgdash.features.distance import ui as distance_ui
from sdgdash.features.index import ui as index_ui
from sdgdash.features.tags import view as tags_view
from sdgdash.i18n import t
from sdgdash.ui import cached, layout, state, widgets

lang = state.lang()
st.title(t("nav_compare", lang))
notices = state.notice_area()

regions_col, goals_col = layout.filter_bar([3, 2])
codes = compare_ui.pick_regions(lang, regions_col)
if len(codes) < 2:
    st.info(t("compare_need_two", lang))
    state.show_notices(lang, notices)
    st.stop()

frame = compare_view.region_comparison(cached, tuple(codes))
goals = compare_ui.pick_goals(frame, lang, goals_col)
frame = compare_view.for_goals(frame, goals)
index_ui.compare_scores(codes, lang, goals)
st.subheader(t("compare_table", lang))
compare_ui.show_comparison(frame, codes, lang)
st.caption(t("ux_cmp_marks_note", lang))
table = compare_ui.comparison_table(frame, codes, lang)
ids = frame["indicator_id"].tolist()
table = tags_view.with_tags_column(cached, table, ids, lang, t("national", lang))
compare_ui.source_detail(table, lang)
meta = ExportMeta(t("compare_table", lang), tuple(ids), regions=tuple(codes))
name = f"sdg_compare_{'-'.join(codes)}_{lang}"
widgets.download_buttons(table, meta, name, lang, what=t("dl_compare", lang))

st.subheader(t("compare_chart", lang))
ind = compare_ui.lines_chart(codes, frame, lang)
distance_ui.compare_block(codes, ind, lang)
widgets.attribution(lang)
state.show_notices(lang, notices)
