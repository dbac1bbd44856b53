"""Pilot territory: where it is, its region's indicators, and local data beside region and country."""

from __future__ import annotations

import streamlit as st

from sdgdash.i18n import t
from sdgdash.territories import TerritoryError
from sdgdash.ui import findings, localstore, present, state, territory, uploads, widgets

lang = state.page_lang(__file__)
notices = state.notice_area()

try:
    terr = territory.pick_territory(lang)
except TerritoryError as exc:
    st.error(t("terr_bad_config", lang, error=str(exc)))
    st.stop()

found = territory.territory_findings(terr.territory_id)
territory.header(terr, lang, found)
territory.events_section(terr, lang)
context_table = territory.context(terr, lang)

store = localstore.get_upload_store()
local_table = territory.local_data(terr, lang, store)
st.caption(t("terr_download_profile", lang))
meta = territory.export_meta(terr, context_table, local_table, lang)
widgets.download_buttons(
    territory.profile_csv(context_table, local_table, lang),
    meta,
    f"sdg_territory_{terr.territory_id}_{lang}",
    lang,
    key="terr_dl",
)
present.territory_pptx(terr, lang, context_table, local_table)

findings.findings_block(lang, territory_id=terr.territory_id, frame=found)
st.divider()
user = localstore.login(lang) if store is not None else None
uploads.upload_section(terr, lang, store, user)
widgets.attribution(lang)
state.show_notices(lang, notices)
