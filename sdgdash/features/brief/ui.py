"""The one-click brief of a region or pilot territory: DOCX and PDF download buttons, each file
built only when its button is clicked (the page stays fast)."""

from __future__ import annotations

import streamlit as st

from sdgdash.exports import tables as exports
from sdgdash.features.brief.docx_file import DOCX_MIME, write_docx
from sdgdash.features.brief.model import BriefModel
from sdgdash.features.brief.pdf_file import PDF_MIME, write_pdf
from sdgdash.features.brief.view import build_brief
from sdgdash.i18n import t
from sdgdash.ui import auth, cached


def _model(place: str, lang: str) -> BriefModel:
    """The brief from the same view functions and cached data as the page."""
    try:
        store = auth.store()
        store.plan_revision()
    except auth.STORE_ERRORS:
        store = None  # no plans, no findings: the brief says so in those sections
    return build_brief(cached, store, place, lang)


def brief_buttons(place: str, lang: str, key: str = "brief") -> None:
    """ "Region brief (DOCX)" and "(PDF)" in ``lang``, built on click."""
    c1, c2 = st.columns(2, gap="small", width=460)
    c1.download_button(
        t("brief_download_docx", lang),
        lambda: write_docx(_model(place, lang)),
        file_name=exports.file_name("sdg", "brief", place, lang, ext="docx"),
        mime=DOCX_MIME,
        icon=":material/description:",
        key=f"{key}_docx",
        on_click="ignore",
        width="stretch",
    )
    c2.download_button(
        t("brief_download_pdf", lang),
        lambda: write_pdf(_model(place, lang)),
        file_name=exports.file_name("sdg", "brief", place, lang, ext="pdf"),
        mime=PDF_MIME,
        icon=":material/picture_as_pdf:",
        key=f"{key}_pdf",
        on_click="ignore",
        width="stretch",
    )
    st.caption(t("brief_note", lang))
