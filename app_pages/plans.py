"""Plan targets: a region's or pilot territory's actual values against its development plan (or,
where it has none, the national 2030 target), one series in every region, and plan entry."""

from __future__ import annotations

import streamlit as st

from sdgdash.features.planentry import ui as planentry_ui
from sdgdash.features.plans import ui as plans_ui
from sdgdash.ui import auth, state, widgets

lang = state.lang()
notices = state.notice_area()

place = plans_ui.pick_place(lang)
user = auth.login_box(lang)
plans_ui.header(place, lang)
table = plans_ui.place_table(place)
plans_ui.status_section(place, table, lang)

sel = plans_ui.pick_series(place, table, lang)
plans_ui.chart_block(place, sel, lang, "plan_chart")
plans_ui.across_section(sel, lang)

st.divider()
planentry_ui.entry_section(place, lang, user)
planentry_ui.versions_section(place, lang, user)
widgets.attribution(lang)
state.show_notices(lang, notices)
