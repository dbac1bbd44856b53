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

# (page file stem = url path, title key, icon), in sidebar order; the first is the default page.
PAGES = [
    ("overview", "nav_overview", ":material/dashboard:"),
    ("goal", "goal_nav", ":material/flag_circle:"),
    ("map", "nav_map", ":material/map:"),
    ("region", "nav_region", ":material/location_city:"),
    ("tag", "tag_nav", ":material/label:"),
    ("compare", "nav_compare", ":material/compare_arrows:"),
    ("index", "nav_index", ":material/leaderboard:"),
    ("findings", "nav_findings", ":material/forum:"),
    ("territory", "nav_territory", ":material/flag:"),
    ("seminar", "nav_seminar", ":material/slideshow:"),
]
pages = [
    st.Page(f"pages/{stem}.py", title=t(key, lang), icon=icon, url_path=stem, default=i == 0)
    for i, (stem, key, icon) in enumerate(PAGES)
]
nav = st.navigation(pages)
state.resume_entry(pages)
present.sidebar_tools(lang, nav.url_path or "overview")  # the default page's url_path is ""
nav.run()
