"""Goal -> indicator -> series / unit / disaggregation -> year pickers, seeded from the URL."""

from __future__ import annotations

import streamlit as st

from sdgdash.i18n import t
from sdgdash.ui import cached, state


def indicator(
    lang: str, ids: list[str], key: str, default: str, param: str = "ind", label: str = ""
) -> str:
    """One indicator out of ``ids`` (a selectbox with ``key``), kept in the URL as ``param``."""
    labels = cached.labels()
    state.seed(key, param, state.choice(ids), default)
    state.keep_valid(key, ids, default)
    ind = st.selectbox(
        label or t("indicator", lang),
        ids,
        key=key,
        format_func=lambda i: labels.indicator_label(i, lang, width=110),
        # The box shows what fits of the chosen name; its tooltip gives the whole name.
        help=labels.indicator_label(st.session_state[key], lang),
    )
    state.set_params(**{param: ind})
    return ind
