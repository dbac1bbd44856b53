"""Seminar: collect views into a deck, step through them full screen, save, load, PowerPoint."""

from __future__ import annotations

import streamlit as st

from sdgdash.i18n import t
from sdgdash.ui import deckui, present, state

lang = state.page_lang(__file__)
st.title(t("nav_seminar", lang))
notices = state.notice_area()

deckui.load_save(lang)
if not present.deck().views:
    st.info(t("deck_empty", lang), icon=":material/slideshow:")
    state.show_notices(lang, notices)
    st.stop()

deckui.editor(lang)
start, export = st.columns(2)
with start:
    if st.button(t("deck_start", lang), icon=":material/fullscreen:", type="primary"):
        present.open_step(0, lang)
with export:
    deckui.pptx(lang)
deckui.links(lang)
state.show_notices(lang, notices)
