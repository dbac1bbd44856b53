"""Seminar findings: what officials heard at the regional seminars, by place, tag and goal."""

from __future__ import annotations

import streamlit as st

from sdgdash.features.findings import ui as findings
from sdgdash.i18n import t
from sdgdash.ui import auth, state, widgets

lang = state.lang()
notices = state.notice_area()

st.title(t("findings_title", lang))
st.caption(t("findings_intro", lang))
user = auth.login_box(lang)
ref_area, territory_id, tag, goal = findings.filters(lang)

# The view is drawn above the editor's forms but filled after them, so a finding saved or
# withdrawn in this run is already in the chart and the list.
view = st.container()
if user is None:
    st.info(t("findings_login_to_add", lang), icon=":material/lock:")
else:
    findings.editor_form(lang, user, default_place=ref_area or territory_id)
    findings.withdraw_form(lang, user)

with view:
    findings.overview(lang, ref_area, territory_id, tag, goal)
widgets.attribution(lang)
state.show_notices(lang, notices)
