"""sdgdash entry point: page config, language switch and navigation over pages/."""

from __future__ import annotations

import streamlit as st

from sdgdash.i18n import t
from sdgdash.ui import present, state, widgets
from sdgdash.ui.widgets import ICON

# A local icon file: a Material icon as page_icon makes the browser fetch it from a font CDN.
st.set_page_config(page_title="sdgdash", page_icon=str(ICON), layout="wide")

lang = state.current_lang()
widgets.language_switch(lang)

pages = [
    st.Page(
        "pages/overview.py",
        title=t("nav_overview", lang),
        icon=":material/dashboard:",
        url_path="overview",
        default=True,
    ),
    st.Page(
        "pages/goal.py",
        title=t("goal_nav", lang),
        icon=":material/flag_circle:",
        url_path="goal",
    ),
    st.Page("pages/map.py", title=t("nav_map", lang), icon=":material/map:", url_path="map"),
    st.Page(
        "pages/region.py",
        title=t("nav_region", lang),
        icon=":material/location_city:",
        url_path="region",
    ),
    st.Page("pages/tag.py", title=t("tag_nav", lang), icon=":material/label:", url_path="tag"),
    st.Page(
        "pages/compare.py",
        title=t("nav_compare", lang),
        icon=":material/compare_arrows:",
        url_path="compare",
    ),
    st.Page(
        "pages/index.py",
        title=t("nav_index", lang),
        icon=":material/leaderboard:",
        url_path="index",
    ),
    st.Page(
        "pages/findings.py",
        title=t("nav_findings", lang),
        icon=":material/forum:",
        url_path="findings",
    ),
    st.Page(
        "pages/territory.py",
        title=t("nav_territory", lang),
        icon=":material/flag:",
        url_path="territory",
    ),
    st.Page(
        "pages/seminar.py",
        title=t("nav_seminar", lang),
        icon=":material/slideshow:",
        url_path="seminar",
    ),
]
nav = st.navigation(pages)
state.resume_entry(pages)
present.sidebar_tools(lang, nav.url_path or "overview")  # the default page's url_path is ""
nav.run()
