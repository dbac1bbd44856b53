"""sdgdash entry point: page config, language switch, navigation over app_pages/, sidebar tools."""

from __future__ import annotations

import streamlit as st

from sdgdash.features.deck import ui as deck_ui
from sdgdash.i18n import t
from sdgdash.pages import DEFAULT_PAGE, PAGES
from sdgdash.ui import a11y, builtin_texts, layout, present, state, widgets

# A local icon file: a Material icon as page_icon makes the browser fetch it from a font CDN.
st.set_page_config(page_title="sdgdash", page_icon=str(widgets.ICON), layout="wide")

lang = state.current_lang()
layout.page_css()
a11y.page_setup(lang)
widgets.language_switch(lang)
builtin_texts.install(lang)
nav = st.navigation(
    [
        st.Page(p.script, title=t(p.title_key, lang), icon=p.icon, url_path=p.id, default=i == 0)
        for i, p in enumerate(PAGES)
    ]
)
page = nav.url_path or DEFAULT_PAGE  # the default page's url_path is ""
present.sidebar_tools(lang)
deck_ui.sidebar(lang, page)
nav.run()
