"""The seminar deck in the app: "add to deck" on every page, the presenter's bar, the seminar
page's widgets (load / save, reorder, links, PowerPoint) and the profile PowerPoint buttons."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from sdgdash import pages
from sdgdash.exports import tables as exports
from sdgdash.features.deck import document, pptx
from sdgdash.features.deck import model as seminar
from sdgdash.features.region import slides as region_slides
from sdgdash.features.territory import slides as territory_slides
from sdgdash.i18n import t, tn
from sdgdash.ui import cached, present, state
from sdgdash.ui.safe import literal
from sdgdash.ui.widgets import data_table

_LOADED = "seminar_loaded_file"
_PPTX = "seminar_pptx"
_COUNTS = "seminar_slide_counts"
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
            st.success(tn("deck_loaded", len(loaded.views), lang), icon=":material/check:")
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
    counts = slide_counts(lang)
    for i, view in enumerate(views):
        row = st.columns([0.4, 6.2, 1.8, 0.8, 0.8, 0.8, 1.8], vertical_alignment="center")
        row[0].markdown(f"**{i + 1}.**")
        row[1].text(view.title)
        row[2].caption(
            f"{document.page_name(view.page, lang)} · "
            f"{tn('ux_deck_slides', counts[i], lang, n=counts[i])}"
        )
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
        if row[6].button(
            t("deck_open", lang),
            icon=":material/fullscreen:",
            key=f"deck_open_{i}",
            width="stretch",
        ):
            open_step(i, lang)


def slide_counts(lang: str) -> list[int]:
    """Slides per view of the deck (remembered for the deck as it is: counting builds the
    tables, not the maps)."""
    key = hashlib.sha256(seminar.to_json(deck()) + lang.encode()).hexdigest()
    known = st.session_state.get(_COUNTS)
    if not known or known[0] != key:
        known = (key, document.slide_counts(cached, deck(), lang))
        st.session_state[_COUNTS] = known
    return known[1]


def slide_total(lang: str) -> None:
    """What the PowerPoint file will hold, said before it is built: the title slide and each
    view's slides."""
    total = 1 + sum(slide_counts(lang))
    st.caption(tn("ux_deck_slides_total", total, lang, n=total, views=len(deck().views)))


def _base_url() -> str:
    url = st.context.url or ""
    return url.rsplit("/", 1)[0] if url.endswith("/seminar") else url.rstrip("/")


def links(lang: str) -> None:
    """Every view's shareable link (opens the same view on any machine with the app)."""
    base = _base_url()
    rows = pd.DataFrame(
        {
            t("deck_view_title", lang): [v.title for v in deck().views],
            t("deck_page", lang): [document.page_name(v.page, lang) for v in deck().views],
            "URL": [v.url(base, lang) for v in deck().views],
        }
    )
    st.subheader(t("deck_share", lang))
    data_table(
        rows,
        column_config={"URL": st.column_config.LinkColumn("URL")},
    )


def pptx_download(lang: str) -> None:
    """Build the deck's PowerPoint file on request (maps are drawn then), then offer it."""
    key = hashlib.sha256(seminar.to_json(deck()) + lang.encode()).hexdigest()
    ready = st.session_state.get(_PPTX)
    if st.button(t("deck_pptx_build", lang), icon=":material/slideshow:", key="deck_pptx_build"):
        with st.spinner(t("deck_pptx_build", lang)):
            doc = document.deck_document(cached, deck(), lang, _base_url())
            ready = (key, pptx.build(doc))
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


DECK_KEY = "seminar_deck"


def deck() -> seminar.Deck:
    """The presenter's deck (kept in the session)."""
    return st.session_state.setdefault(DECK_KEY, seminar.Deck())


def _add_view(page: str, lang: str) -> None:
    params = dict(st.query_params.to_dict())
    title = document.view_title(cached, page, params, lang)
    try:
        view = seminar.make_view(page, params, title)
        st.session_state[DECK_KEY] = deck().add(view)
        st.toast(t("deck_added", lang, n=len(deck().views)), icon=":material/slideshow:")
    except seminar.DeckError as err:
        st.toast(literal(str(err)), icon=":material/error:")


def open_step(i: int, lang: str) -> None:
    """Open view ``i`` of the deck in presentation mode (its page, with its URL parameters)."""
    view = deck().views[i]
    prefixes = pages.page(view.page).widget_prefixes
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefixes)]:
        del st.session_state[key]
    st.switch_page(pages.script(view.page), query_params=view.query(lang, present="1", deck=str(i)))


def presenter_bar(lang: str) -> None:
    """At the top in presentation mode: exit, and previous / next when stepping through a deck."""
    views = deck().views
    step = state.param("deck", state.integer(0, max(len(views) - 1, 0)), None) if views else None
    cols = st.columns([1.2, 1.2, 2.4, 1.6], vertical_alignment="center")
    if step is not None:
        if cols[0].button(
            t("present_prev", lang),
            icon=":material/arrow_back:",
            disabled=step == 0,
            key="present_prev",
            width="stretch",
        ):
            open_step(step - 1, lang)
        if cols[1].button(
            t("present_next", lang),
            icon=":material/arrow_forward:",
            disabled=step >= len(views) - 1,
            key="present_next",
            type="primary",
            width="stretch",
        ):
            open_step(step + 1, lang)
        cols[2].markdown(f"**{t('present_step', lang, i=step + 1, n=len(views))}**")
    if cols[3].button(
        t("present_exit", lang), icon=":material/close:", key="present_exit", width="stretch"
    ):
        state.set_params(present=None, deck=None)
        st.rerun()


PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def profile_pptx(ref_area: str, lang: str, table) -> None:
    """A PowerPoint download of a region profile (slides built only when clicked)."""
    _pptx_button(
        lambda: region_slides.region_document(cached, ref_area, lang, table),
        exports.file_name("sdg", "profile", ref_area, lang, ext="pptx"),
        lang,
        key="dl_profile_pptx",
    )


def territory_pptx(terr, lang: str, context_table, local_table) -> None:
    """A PowerPoint download of a territory profile: locator map, regional context, local data
    (the tables the page shows; slides and map built only when clicked)."""
    _pptx_button(
        lambda: territory_slides.territory_document(cached, terr, lang, context_table, local_table),
        exports.file_name("sdg", "territory", *terr.territory_id.split("_"), lang, ext="pptx"),
        lang,
        key="dl_territory_pptx",
    )


def _pptx_button(document, file_name: str, lang: str, key: str) -> None:
    """A download of ``document()`` as PowerPoint, built (and ``document`` called) on click."""
    st.download_button(
        t("slide_profile_pptx", lang),
        lambda: pptx.build(document()),
        file_name=file_name,
        mime=PPTX_MIME,
        icon=":material/slideshow:",
        on_click="ignore",
        key=key,
    )


def sidebar(lang: str, page: str) -> None:
    """ "Add to deck" on a page whose view can go into a deck, the deck's size with a link to the
    seminar page; in presentation mode, the presenter's bar at the top."""
    with st.sidebar:
        if pages.page(page).deckable:
            st.button(
                t("deck_add", lang),
                icon=":material/add_to_queue:",
                on_click=_add_view,
                args=(page, lang),
                key="deck_add",
            )
        n = len(deck().views)
        if n:
            st.page_link(
                pages.script("seminar"),
                label=t("deck_count", lang, n=n),
                icon=":material/slideshow:",
                query_params={"lang": lang},
            )
    if present.presenting():
        presenter_bar(lang)
