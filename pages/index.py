"""Regional SDG index: regions ranked by goal and overall, with the method and its inputs."""

from __future__ import annotations

import streamlit as st

from sdgdash.exports import ExportMeta
from sdgdash.i18n import t
from sdgdash.ui import cached, indexview, state, widgets

lang = state.page_lang(__file__)
st.title(t("nav_index", lang))
notices = state.notice_area()

year = indexview.pick_year(lang)
result = cached.index_result(year)

st.subheader(f"{t('ranking_heading', lang)} · {year}")
table = indexview.show_ranking(result, lang)
c1, c2 = st.columns(2)
with c1:
    meta = ExportMeta(f"{t('ranking_heading', lang)} · {year}", year=year)
    widgets.download_buttons(table, meta, f"sdg_index_ranking_{year}_{lang}", lang, key="dl_rank")
with c2:
    indexview.scores_download(result, year, lang)
indexview.methodology(lang)
widgets.source_line(sorted(set(result.scores["source_file"].dropna())), lang)
widgets.attribution(lang)
state.show_notices(lang, notices)
