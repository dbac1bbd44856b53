"""Seminar: collect views into a deck, step through them full screen, save, load, PowerPoint."""

from __future__ import annotations

import streamlit as st

from sdgdash.features.deck import ui as deck_ui
from sdgdash.i18n import t
from sdgdash.ui import state

lang = state.lang()
st.title(t("nav_seminar", lang))
notices = state.notice_area()

deck_ui.load_save(lang)
if not deck_ui.deck().views:
    st.info(t("deck_empty", lang), icon=":material/slideshow:")
    state.show_notices(lang, notices)
    st.stop()

deck_ui.editor(lang)
deck_ui.slide_total(lang)
start, export = st.columns(2)
with start:
    if st.button(t("deck_start", lang), icon=":material/fullscreen:", type="primary"):
        deck_ui.open_step(0, lang)
with export:
    deck_ui.pptx_download(lang)
deck_ui.links(lang)
state.show_notices(lang, notices)
