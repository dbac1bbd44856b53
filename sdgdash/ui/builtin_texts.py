"""Streamlit's and plotly's own English texts (the file uploader's "Upload" and "10MB per file",
the table toolbar's "Search" and "Download as CSV", "Choose an option", the chart toolbar's
tooltips...) in the page's language.

Streamlit 1.67 has no locale setting for these texts, and a label or ``help`` only covers the
widget's own label. So a small script, sent once per run with the texts of the page's language
from the catalogs, replaces exactly these English strings (whole text nodes and the attributes
``aria-label``, ``title``, ``placeholder`` and ``data-title``) wherever they appear, now and when
Streamlit draws more (a MutationObserver). It remembers each original, so switching the language
back and forth never leaves a stale translation; in English it restores the originals.
"""

from __future__ import annotations

import json

import streamlit as st

from sdgdash.i18n import t

# Streamlit's (and plotly's) English text -> catalog key of the translation.
TEXTS: dict[str, str] = {
    "Upload": "stui_upload",
    "Drag and drop a file here": "stui_drag_file",
    "Drag and drop files here": "stui_drag_files",
    "Download as CSV": "stui_download_csv",
    "Search": "stui_search",
    "Close Search": "stui_close_search",
    "Next Result": "stui_next_result",
    "Previous Result": "stui_previous_result",
    "Fullscreen": "stui_fullscreen",
    "Close fullscreen": "stui_close_fullscreen",
    "Show/hide columns": "stui_columns",
    "Sort ascending": "stui_sort_ascending",
    "Sort descending": "stui_sort_descending",
    "Pin column": "stui_pin_column",
    "Unpin column": "stui_unpin_column",
    "Hide column": "stui_hide_column",
    "Autosize": "stui_autosize",
    "Format": "stui_format",
    "Choose an option": "stui_choose_option",
    "Choose options": "stui_choose_options",
    "No results": "stui_no_results",
    "No options to select": "stui_no_options",
    "No options to select.": "stui_no_options",
    "Clear all": "stui_clear_all",
    "Clear value": "stui_clear_value",
    "Select all": "stui_select_all",
    "Running...": "stui_running",
    "Stop": "stui_stop",
    "Press Enter to apply": "stui_enter_apply",
    "Press Enter to submit form": "stui_enter_submit",
    "Download plot as a png": "stui_plot_png",
    "Zoom": "stui_plot_zoom",
    "Pan": "stui_plot_pan",
    "Zoom in": "stui_plot_zoom_in",
    "Zoom out": "stui_plot_zoom_out",
    "Autoscale": "stui_plot_autoscale",
    "Reset axes": "stui_plot_reset_axes",
    "Reset": "stui_plot_reset",
    "Reset view": "stui_plot_reset",
    "Toggle Spike Lines": "stui_plot_spikes",
    "Show closest data on hover": "stui_plot_closest",
    "Compare data on hover": "stui_plot_compare",
}
# "10MB per file": the size stays, the words and the unit are translated.
PER_FILE = r"^(\d+(?:\.\d+)?)\s?(KB|MB|GB) per file$"
UNITS = ("KB", "MB", "GB")

_SCRIPT = """
(() => {
  const w = window, cfg = %s;
  w.__sdgdashTexts = cfg;
  const ATTRS = ["aria-label", "title", "placeholder", "data-title"];
  const seen = w.__sdgdashSeen || (w.__sdgdashSeen = new WeakMap());
  const tr = (s) => {
    const c = w.__sdgdashTexts, key = (s || "").trim();
    if (!key) return null;
    const has = (k) => Object.prototype.hasOwnProperty.call(c.pairs, k);
    if (has(key)) return s.replace(key, c.pairs[key]);
    // A toolbar button's aria-label is "label: what it acts on".
    const head = key.split(": ")[0];
    if (head !== key && has(head)) return s.replace(head, c.pairs[head]);
    const m = new RegExp(c.perFile).exec(key);
    if (m && c.perFileText) {
      return s.replace(key, c.perFileText.replace("{size}", m[1] + "\\u00a0" + (c.units[m[2]] || m[2])));
    }
    return null;
  };
  // Each node/attribute keeps {orig, shown}: React may later write a new original.
  const apply = (holder, slot, get, set) => {
    const recs = seen.get(holder) || {};
    const rec = recs[slot], now = get();
    const source = rec && now === rec.shown ? rec.orig : now;
    const out = tr(source);
    const next = out === null ? source : out;
    if (next !== now) set(next);
    if (out !== null || rec) { recs[slot] = {orig: source, shown: next}; seen.set(holder, recs); }
  };
  const text = (n) => apply(n, "#", () => n.nodeValue, (v) => { n.nodeValue = v; });
  const attr = (el, a) => {
    if (el.hasAttribute(a)) apply(el, a, () => el.getAttribute(a), (v) => el.setAttribute(a, v));
  };
  const walk = (root) => {
    if (root.nodeType === 3) return text(root);
    if (root.nodeType !== 1 || root.tagName === "SCRIPT" || root.tagName === "STYLE") return;
    const it = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = it.currentNode; n; n = it.nextNode()) {
      if (n.nodeType === 3) text(n); else ATTRS.forEach((a) => attr(n, a));
    }
  };
  if (!w.__sdgdashObserver) {
    w.__sdgdashObserver = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "characterData") text(r.target);
        else if (r.type === "attributes") attr(r.target, r.attributeName);
        else r.addedNodes.forEach(walk);
      }
    });
    w.__sdgdashObserver.observe(document.body, {subtree: true, childList: true,
      characterData: true, attributes: true, attributeFilter: ATTRS});
  }
  walk(document.body);
})();
"""


def config(lang: str) -> dict:
    """The replacements for ``lang`` (empty in English, which restores the originals)."""
    if lang == "en":
        return {"pairs": {}, "perFile": PER_FILE, "perFileText": "", "units": {}}
    return {
        "pairs": {english: t(key, lang) for english, key in TEXTS.items()},
        "perFile": PER_FILE,
        "perFileText": t("stui_per_file", lang),
        "units": {unit: t(f"stui_unit_{unit.lower()}", lang) for unit in UNITS},
    }


def script(lang: str) -> str:
    """The script for ``lang`` (texts from our own catalogs, serialised as JSON). Streamlit
    sanitises the element with DOMPurify, which drops a script whose text looks like a tag, so
    "<" is written as its JSON escape and the code has none."""
    body = _SCRIPT % json.dumps(config(lang), ensure_ascii=False).replace("<", "\\u003c")
    if "<" in body:
        raise ValueError("the translation script must not contain '<'")
    return "<script>" + body + "</script>"


def install(lang: str) -> None:
    """Send the script with this run's language (in the sidebar, where it takes no room)."""
    st.sidebar.html(script(lang), unsafe_allow_javascript=True)
