"""Regional SDG index: regions ranked by goal and overall, with the method and its inputs."""

from __future__ import annotations

import streamlit as st

from sdgdash.exports.tables import ExportMeta
from sdgdash.features.distance import ui as distance_ui
from sdgdash.features.index import ui as index_ui
from sdgdash.features.index import view as index_view
from sdgdash.i18n import t
from sdgdash.ui import cached, state, widgets

lang = state.lang()
st.title(t("nav_index", lang))
notices = state.notice_area()

year = index_ui.pick_year(lang)
result = index_view.index_result(cached, year)

st.subheader(f"{t('ranking_heading', lang)} · {year}")
index_ui.left_out_note(result, lang)
table = index_ui.show_ranking(result, lang)
c1, c2 = st.columns(2)
with c1:
    meta = ExportMeta(f"{t('ranking_heading', lang)} · {year}", year=year)
    name = f"sdg_index_ranking_{year}_{lang}"
    what = t("dl_index_ranking", lang)
    widgets.download_buttons(table, meta, name, lang, key="dl_rank", what=what)
with c2:
    index_ui.scores_download(result, year, lang)
index_ui.methodology(lang)
widgets.source_line(sorted(set(result.scores["source_file"].dropna())), lang)
distance_ui.index_block(lang)
widgets.attribution(lang)
state.show_notices(lang, notices)
