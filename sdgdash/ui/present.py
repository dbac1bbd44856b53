"""Tools on every page: copy the view's link, presentation mode for projectors."""

from __future__ import annotations

import html

import streamlit as st

from sdgdash.i18n import t
from sdgdash.ui import state

_TOGGLE = "present_on"

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


def sidebar_tools(lang: str) -> None:
    """Copy link and the presentation toggle in the sidebar of every page; in presentation mode,
    the projector styles."""
    st.session_state[_TOGGLE] = presenting()
    with st.sidebar:
        copy_link(lang)
        st.toggle(t("present_toggle", lang), key=_TOGGLE, on_change=_set_present)
    if presenting():
        st.html(PRESENT_CSS)
