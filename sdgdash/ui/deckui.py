"""Widgets of the seminar page: load / save a deck, reorder and remove views, links, PowerPoint."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from sdgdash import exports, seminar, slides
from sdgdash.i18n import t
from sdgdash.ui import deckviews, present
from sdgdash.ui.plaintext import literal
from sdgdash.ui.present import DECK_KEY, PPTX_MIME, deck
from sdgdash.ui.widgets import data_table

_LOADED = "seminar_loaded_file"
_PPTX = "seminar_pptx"
_TITLE_ERROR = "seminar_title_error"


def _set(new: seminar.Deck) -> None:
    st.session_state[DECK_KEY] = new


def load_save(lang: str) -> None:
    """Load a deck file (checked; a bad file leaves the deck as it was) and save the deck."""
    c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
    up = c1.file_uploader(t("deck_load", lang), type=["json"], key="deck_upload")
    if up is not None and st.session_state.get(_LOADED) != up.file_id:
        st.session_state[_LOADED] = up.file_id
        try:
            loaded = seminar.from_json(up.getvalue())
        except seminar.DeckError as err:
            st.error(literal(t("deck_bad_file", lang, error=str(err))), icon=":material/error:")
        else:
            _set(loaded)
            st.session_state["deck_title_in"] = loaded.title
            st.success(t("deck_loaded", lang, n=len(loaded.views)), icon=":material/check:")
    if deck().views:
        c2.download_button(
            t("deck_save", lang),
            seminar.to_json(deck()),
            file_name=exports.file_name("sdg", "deck", lang, ext="json"),
            mime="application/json",
            icon=":material/save:",
            on_click="ignore",
            key="deck_save",
        )


def _retitle_deck() -> None:
    # The deck keeps its last good title: a title the loader would refuse is never saved.
    try:
        _set(deck().with_title(st.session_state.get("deck_title_in", "")[:300]))
        st.session_state.pop(_TITLE_ERROR, None)
    except seminar.DeckError as err:
        st.session_state[_TITLE_ERROR] = str(err)


def editor(lang: str) -> None:
    """The deck's title and its views in order, each with up, down, remove and open."""
    st.session_state.setdefault("deck_title_in", deck().title or t("deck_default_title", lang))
    _retitle_deck()
    st.text_input(
        t("deck_title", lang), key="deck_title_in", on_change=_retitle_deck, max_chars=300
    )
    if st.session_state.get(_TITLE_ERROR):
        st.error(literal(st.session_state[_TITLE_ERROR]), icon=":material/error:")
    st.subheader(t("deck_views", lang))
    views = deck().views
    for i, view in enumerate(views):
        row = st.columns([0.5, 7, 1.4, 0.9, 0.9, 0.9, 1.2], vertical_alignment="center")
        row[0].markdown(f"**{i + 1}.**")
        row[1].text(view.title)
        row[2].caption(deckviews.page_name(view.page, lang))
        row[3].button(
            "",
            icon=":material/arrow_upward:",
            key=f"deck_up_{i}",
            help=t("deck_up", lang),
            disabled=i == 0,
            on_click=lambda i=i: _set(deck().move(i, -1)),
        )
        row[4].button(
            "",
            icon=":material/arrow_downward:",
            key=f"deck_down_{i}",
            help=t("deck_down", lang),
            disabled=i == len(views) - 1,
            on_click=lambda i=i: _set(deck().move(i, 1)),
        )
        row[5].button(
            "",
            icon=":material/delete:",
            key=f"deck_rm_{i}",
            help=t("deck_remove", lang),
            on_click=lambda i=i: _set(deck().remove(i)),
        )
        if row[6].button(t("deck_open", lang), key=f"deck_open_{i}"):
            present.open_step(i, lang)


def _base_url() -> str:
    url = st.context.url or ""
    return url.rsplit("/", 1)[0] if url.endswith("/seminar") else url.rstrip("/")


def links(lang: str) -> None:
    """Every view's shareable link (opens the same view on any machine with the app)."""
    base = _base_url()
    rows = pd.DataFrame(
        {
            t("deck_view_title", lang): [v.title for v in deck().views],
            t("deck_page", lang): [deckviews.page_name(v.page, lang) for v in deck().views],
            "URL": [v.url(base, lang) for v in deck().views],
        }
    )
    st.subheader(t("deck_share", lang))
    data_table(
        rows,
        column_config={"URL": st.column_config.LinkColumn("URL")},
    )


def pptx(lang: str) -> None:
    """Build the deck's PowerPoint file on request (maps are drawn then), then offer it."""
    key = hashlib.sha256(seminar.to_json(deck()) + lang.encode()).hexdigest()
    ready = st.session_state.get(_PPTX)
    if st.button(t("deck_pptx_build", lang), icon=":material/slideshow:", key="deck_pptx_build"):
        with st.spinner(t("deck_pptx_build", lang)):
            doc = deckviews.deck_document(deck(), lang, _base_url())
            ready = (key, slides.build(doc))
            st.session_state[_PPTX] = ready
    if ready and ready[0] == key:
        st.download_button(
            t("deck_pptx", lang),
            ready[1],
            file_name=exports.file_name(
                "sdg", "deck", len(deck().views), "views", lang, ext="pptx"
            ),
            mime=PPTX_MIME,
            icon=":material/download:",
            on_click="ignore",
            key="deck_pptx_dl",
            type="primary",
        )
