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
from sdgdash.ui import cached, state, widgets

lang = state.lang()
st.title(t("nav_compare", lang))
notices = state.notice_area()

codes = compare_ui.pick_regions(lang)
if len(codes) < 2:
    st.info(t("compare_need_two", lang))
    state.show_notices(lang, notices)
    st.stop()

frame = compare_view.region_comparison(cached, tuple(codes))
index_ui.compare_scores(codes, lang)
st.subheader(t("compare_table", lang))
table = compare_ui.comparison_table(frame, codes, lang)
ids = frame["indicator_id"].tolist()
table = tags_view.with_tags_column(cached, table, ids, lang, t("national", lang))
widgets.data_table(
    compare_ui.highlight_best_worst(table, frame, codes, lang),
    lang,
    height=min(36 * (len(table) + 1) + 4, 900),
)
st.caption(t("best_worst_note", lang))
meta = ExportMeta(t("compare_table", lang), tuple(ids), regions=tuple(codes))
name = f"sdg_compare_{'-'.join(codes)}_{lang}"
widgets.download_buttons(table, meta, name, lang, what=t("dl_compare", lang))

st.subheader(t("compare_chart", lang))
ind = compare_ui.lines_chart(codes, frame, lang)
distance_ui.compare_block(codes, ind, lang)
widgets.attribution(lang)
state.show_notices(lang, notices)
