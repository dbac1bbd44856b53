"""Region profile: where a region stands on every indicator with regional data."""

from __future__ import annotations

import streamlit as st

from sdgdash.data import events
from sdgdash.features.brief import ui as brief_ui
from sdgdash.features.distance import ui as distance_ui
from sdgdash.features.findings import ui as findings_ui
from sdgdash.features.index import ui as index_ui
from sdgdash.features.plans import ui as plans_ui
from sdgdash.features.region import ui as region_ui
from sdgdash.features.tags import ui as tags_ui
from sdgdash.i18n import t
from sdgdash.ui import cached, layout, state, widgets

lang = state.lang()
notices = state.notice_area()

# The place to show, above its name and map (the header is tall).
ref_area = region_ui.pick_region(lang, where=layout.filter_bar([2, 3])[0])
region_ui.header(ref_area, lang)
brief_ui.brief_buttons(ref_area, lang)
index_ui.region_scores(ref_area, lang)
region_ui.profile_section(ref_area, lang)
plans_ui.region_block(ref_area, lang)
distance_ui.region_block(ref_area, lang)
findings_ui.findings_block(lang, ref_area=ref_area)
st.subheader(t("event_region_heading", lang))
tags_ui.timeline(events.for_region(cached.events(), ref_area), lang, key="region", chart=False)
widgets.attribution(lang)
state.show_notices(lang, notices)
