"""Accessibility on every page: the document's language follows the chosen one, and the text
colours Streamlit's theme cannot set reach WCAG AA contrast."""

from __future__ import annotations

import json

import streamlit as st

from sdgdash.i18n import LANGS

# Streamlit draws captions in the theme's text colour at 60 % opacity (3.9:1 on white, under AA's
# 4.5:1); this opaque grey keeps them lighter than body text at 6.5:1 on white and 5.7:1 on the
# sidebar's widgets.
CAPTION_COLOUR = "#5f5e5c"

A11Y_CSS = f"""<style>
[data-testid="stCaptionContainer"] {{ color: {CAPTION_COLOUR} !important; opacity: 1 !important; }}
.st-key-sdg_doc_lang {{ display: none !important; }}
</style>"""

# Streamlit serves <html lang="en"> whatever the app's language, so screen readers would read
# Kazakh and Russian with English rules. This static script declares the chosen language; its
# text changes with the language, so Streamlit runs it again after every switch (an unchanged
# element is not re-run, and the attribute stays as set while the user moves between pages).
_LANG_JS = "<script>document.documentElement.lang = {lang};</script>"


def page_setup(lang: str) -> None:
    """Declare ``lang`` as the document's language and add the contrast styles (every page)."""
    if lang not in LANGS:  # the value goes into a script: only the known codes ever do
        raise ValueError(f"unknown language {lang!r}")
    st.html(A11Y_CSS)  # style only: Streamlit puts it in the event container, no layout space
    # A script takes a place in the layout: a hidden container in the sidebar holds it.
    with st.sidebar.container(key="sdg_doc_lang"):
        st.html(_LANG_JS.format(lang=json.dumps(lang)), unsafe_allow_javascript=True)
