"""Seminar tools on every page: copy link, presentation mode, "add to deck", stepping through a deck."""

from __future__ import annotations

import html

import streamlit as st

from sdgdash import exports, maps, seminar, slides
from sdgdash.i18n import t
from sdgdash.ui import state
from sdgdash.ui.plaintext import literal

DECK_KEY = "seminar_deck"
_TOGGLE = "present_on"
# Widget keys of each page (by prefix): cleared before a deck step opens a view of that page, so
# the page takes its widgets' values from the step's URL again. A new page adds its prefixes.
WIDGET_PREFIXES: dict[str, tuple[str, ...]] = {
    "overview": ("ov_", "overview_"),
    "map": ("map_",),
    "region": ("reg_",),
    "compare": ("cmp_",),
    "index": ("idx_",),
    "goal": ("goal_",),
    "tag": ("tag_",),
    "territory": ("terr_",),
}

# Presentation mode: no sidebar, header or toolbar; big titles, labels, metrics for a projector.
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem !important; max-width: 100% !important; }
h1 { font-size: 3.3rem !important; line-height: 1.15 !important; }
h2, h3 { font-size: 2.3rem !important; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stWidgetLabel"] p { font-size: 1.45rem !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  font-size: 1.2rem !important; }
[data-testid="stMain"] [data-testid="stMetricLabel"] p { font-size: 1.4rem !important; }
[data-testid="stMain"] [data-testid="stMetricValue"],
[data-testid="stMain"] [data-testid="stMetricValue"] p,
[data-testid="stMain"] [data-testid="stMetricValue"] div { font-size: 3.2rem !important; }
[data-testid="stDataFrame"] { font-size: 1.25rem !important; }
</style>"""

_COPY_CSS = """<style>
.sdg-copy { border: 1px solid rgba(49,51,63,.2); border-radius: .5rem; background: white;
  padding: .35rem .75rem; font-family: inherit; font-size: .875rem; line-height: 1.6;
  color: inherit; cursor: pointer; }
.sdg-copy:hover { border-color: #00689D; color: #00689D; }
.sdg-copied { margin-left: .5rem; color: #2e7d32; font-size: .9rem; }
</style>"""

# Copies the address in the browser (the view's URL, without presentation parameters). Static
# script: only the translated labels are inserted, escaped.
_COPY_JS = """<script>
(function () {
  function wire() {
    const b = document.getElementById("sdg-copy-link");
    if (!b) { return setTimeout(wire, 100); }
    b.onclick = async function () {
      const u = new URL(window.location.href);
      u.searchParams.delete("present"); u.searchParams.delete("deck");
      const text = u.toString();
      try { await navigator.clipboard.writeText(text); }
      catch (e) {
        const ta = document.createElement("textarea"); ta.value = text;
        document.body.appendChild(ta); ta.select(); document.execCommand("copy"); ta.remove();
      }
      b.dataset.copied = text;
      const d = document.getElementById("sdg-copy-done");
      if (d) { d.style.display = "inline"; setTimeout(() => { d.style.display = "none"; }, 2500); }
    };
  }
  wire();
})();
</script>"""


def _deckviews():
    """sdgdash.ui.deckviews, imported on first use: it builds on the pages' widget modules
    (goal, tag, territory), which import this one."""
    from sdgdash.ui import deckviews

    return deckviews


def presenting() -> bool:
    """True when the URL asks for presentation mode (``present=1``)."""
    return state.param("present", state.choice(["0", "1"]), "0") == "1"


def copy_link(lang: str) -> None:
    """A button that copies the current view's address (every selection is in the URL)."""
    st.html(
        _COPY_CSS + f'<button id="sdg-copy-link" class="sdg-copy" type="button" '
        f'title="{html.escape(t("share_help", lang))}">{html.escape(t("share_copy", lang))}'
        f'</button><span id="sdg-copy-done" class="sdg-copied" style="display:none">'
        f"{html.escape(t('share_copied', lang))}</span>" + _COPY_JS,
        unsafe_allow_javascript=True,
    )


def _set_present() -> None:
    state.set_params(present="1" if st.session_state.get(_TOGGLE) else None, deck=None)


def deck() -> seminar.Deck:
    """The presenter's deck (kept in the session)."""
    return st.session_state.setdefault(DECK_KEY, seminar.Deck())


def _add_view(page: str, lang: str) -> None:
    params = dict(st.query_params.to_dict())
    title = _deckviews().view_title(page, params, lang)
    try:
        view = seminar.make_view(page, params, title)
        st.session_state[DECK_KEY] = deck().add(view)
        st.toast(t("deck_added", lang, n=len(deck().views)), icon=":material/slideshow:")
    except seminar.DeckError as err:
        st.toast(literal(str(err)), icon=":material/error:")


def sidebar_tools(lang: str, page: str) -> None:
    """Copy link, presentation toggle and "add to deck" in the sidebar of every page."""
    st.session_state[_TOGGLE] = presenting()
    with st.sidebar:
        copy_link(lang)
        st.toggle(t("present_toggle", lang), key=_TOGGLE, on_change=_set_present)
        if page in seminar.PAGE_PARAMS:
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
                "pages/seminar.py",
                label=t("deck_count", lang, n=n),
                icon=":material/slideshow:",
                query_params={"lang": lang},
            )
    if presenting():
        st.html(PRESENT_CSS)
        presenter_bar(lang)


def open_step(i: int, lang: str) -> None:
    """Open view ``i`` of the deck in presentation mode (its page, with its URL parameters)."""
    view = deck().views[i]
    prefixes = WIDGET_PREFIXES.get(view.page, ())
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefixes)]:
        del st.session_state[key]
    st.switch_page(f"pages/{view.page}.py", query_params=view.query(lang, present="1", deck=str(i)))


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


def chart(
    fig,
    *,
    key: str,
    title: str = "",
    source: str = "",
    filename: str = "sdg_chart",
    config: dict | None = None,
    wrap: int = 110,
    **kwargs,
):
    """``st.plotly_chart`` with the title and source in the figure (so the toolbar PNG carries
    them; titles wrap at ``wrap`` characters, less for a narrow column), a descriptive PNG file
    name, and projector fonts in presentation mode."""
    big = presenting()
    if big:
        maps.presentation(fig)
    scale = maps.PRESENT_SCALE if big else 1.0
    maps.titled(fig, title, source, width=round(wrap / scale), scale=scale)
    return st.plotly_chart(
        fig, config=maps.image_config(filename, config), key=key, width="stretch", **kwargs
    )


PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def profile_pptx(ref_area: str, lang: str, table) -> None:
    """A PowerPoint download of a region profile (slides built only when clicked)."""
    doc = _deckviews().region_document(ref_area, lang, table)
    _pptx_button(
        lambda: doc,
        exports.file_name("sdg", "profile", ref_area, lang, ext="pptx"),
        lang,
        key="dl_profile_pptx",
    )


def territory_pptx(terr, lang: str, context_table, local_table) -> None:
    """A PowerPoint download of a territory profile: locator map, regional context, local data
    (the tables the page shows; slides and map built only when clicked)."""
    _pptx_button(
        lambda: _deckviews().territory_document(terr, lang, context_table, local_table),
        exports.file_name("sdg", "territory", *terr.territory_id.split("_"), lang, ext="pptx"),
        lang,
        key="dl_territory_pptx",
    )


def _pptx_button(document, file_name: str, lang: str, key: str) -> None:
    """A download of ``document()`` as PowerPoint, built (and ``document`` called) on click."""
    st.download_button(
        t("slide_profile_pptx", lang),
        lambda: slides.build(document()),
        file_name=file_name,
        mime=PPTX_MIME,
        icon=":material/slideshow:",
        on_click="ignore",
        key=key,
    )
