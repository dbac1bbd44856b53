"""Pilot territory: where it is, its region's indicators, and local data beside region and country."""

from __future__ import annotations

import streamlit as st

from sdgdash.data.territories import TerritoryError
from sdgdash.features.brief import ui as brief_ui
from sdgdash.features.deck import ui as deck_ui
from sdgdash.features.findings import ui as findings_ui
from sdgdash.features.localdata import ui as localdata_ui
from sdgdash.features.territory import ui as territory_ui
from sdgdash.features.territory import view as territory_view
from sdgdash.i18n import t
from sdgdash.ui import auth, cached, layout, state, widgets
from sdgdash.ui.safe import literal

lang = state.lang()
notices = state.notice_area()

try:  # the place to show, above its name and map (the header is tall)
    terr = territory_ui.pick_territory(lang, layout.filter_bar([2, 3])[0])
except TerritoryError as exc:
    st.error(literal(t("terr_bad_config", lang, error=str(exc))))
    st.stop()

found = territory_ui.territory_findings(terr.territory_id)
territory_ui.header(terr, lang, found)
brief_ui.brief_buttons(terr.territory_id, lang, key="terr_brief")
territory_ui.events_section(terr, lang)
context_table = territory_ui.context(terr, lang)
local_table = territory_ui.local_data(terr, lang)
st.caption(t("terr_download_profile", lang))
widgets.download_buttons(
    territory_view.profile_csv(context_table, local_table, lang),
    territory_view.export_meta(cached, terr, context_table, local_table, lang),
    f"sdg_territory_{terr.territory_id}_{lang}",
    lang,
    key="terr_dl",
    what=t("dl_territory_profile", lang),
)
deck_ui.territory_pptx(terr, lang, context_table, local_table)

findings_ui.findings_block(lang, territory_id=terr.territory_id, frame=found)
st.divider()
localdata_ui.upload_section(terr, lang, cached.upload_store(), auth.login_box(lang))
widgets.attribution(lang)
state.show_notices(lang, notices)
