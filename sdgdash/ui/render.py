"""Drawing a figure in the app: st.plotly_chart with the title and source inside the figure, a
descriptive image name, projector fonts in presentation mode, and the chart's values as a table
for a screen reader (or a keyboard user) right under it."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from sdgdash import figures
from sdgdash.i18n import fmt_number, t
from sdgdash.ui import state
from sdgdash.ui.present import presenting
from sdgdash.ui.safe import md_escape

# What a chart's values are, for whoever cannot see the chart: the table itself (shown in an
# expander under the chart), or the anchor of a table with exactly its values on the same page
# (a heading's ``anchor``), linked from under the chart.
ChartValues = pd.DataFrame | str


def chart(
    fig,
    *,
    key: str,
    values: ChartValues,
    title: str = "",
    source: str = "",
    filename: str = "sdg_chart",
    config: dict | None = None,
    wrap: int = 110,
    kind: str = "chart",
    is_map: bool = False,
    dressed: bool = False,
    **kwargs,
):
    """``st.plotly_chart`` with the title and source in the figure (so the toolbar PNG carries
    them; titles wrap at ``wrap`` characters, less for a narrow column), a descriptive PNG file
    name, projector fonts in presentation mode, legible axis text, and its ``values`` (a table,
    or the anchor of one on the page) under it, announced as a chart's or (``kind`` "map") a
    map's values. ``dressed``: ``fig`` is already :func:`sdgdash.figures.dressed` with these
    ``title``, ``source`` and ``wrap`` and the presentation mode (a cached, shared figure that
    is not changed here)."""
    if not dressed:  # else ``fig`` came dressed from a cache (figures.dressed, same arguments)
        figures.dressed(fig, title, source, wrap, presenting())
    if title:
        narrow_title(title, source)
    config = figures.image_config(filename, config)
    # The chart's accessible name (a "figure" for screen readers).
    args = {"config": config, "key": key, "width": "stretch", "alt": title or None, **kwargs}
    if not is_map:
        out = st.plotly_chart(fig, **args)
    else:
        # A map keeps its height on a laptop; on a phone the layout CSS sizes its box to the
        # country's shape (the figure fills the box), instead of a tall figure around a small map.
        box = st.container(key=f"sdgmap_{key}", height=int(fig.layout.height or 450), border=False)
        with box:
            out = st.plotly_chart(fig, height="stretch", **args)
    chart_values(values, key, kind)
    return out


def narrow_title(title: str, source: str = "") -> None:
    """The chart's title (and source) as text that wraps, shown on a phone only (the layout CSS,
    :mod:`sdgdash.ui.layout`, hides the figure's own title there and this line elsewhere)."""
    src = f'<span class="sdg-narrow-source">{html.escape(source)}</span>' if source else ""
    st.html(f'<div class="sdg-narrow-title">{html.escape(title)}{src}</div>')


def chart_values(values: ChartValues, key: str, kind: str = "chart") -> None:
    """Under a chart (``kind`` "chart"), a map ("map") or the goal tiles ("tiles"): its values as a table in an expander,
    or a link to the table on the page that holds them (``values`` is then the anchor)."""
    lang = state.lang()
    if isinstance(values, str):
        # A same-page link: the browser scrolls to the table and moves the reading position there.
        st.caption(f"[{t(f'a11y_{kind}_values_link', lang)}](#{values})")
        return
    with st.expander(t(f"a11y_{kind}_values", lang), icon=":material/table_rows:"):
        # A plain HTML table (not the canvas grid of st.dataframe): what screen readers read best.
        st.table(readable(values, lang), hide_index=True)


def readable(values: pd.DataFrame, lang: str):
    """``values`` for reading in ``st.table``: decimals as the language writes them, a dash where
    none, and text (which st.table would read as Markdown) shown literally."""
    shown = values.rename(columns=lambda c: md_escape(str(c)))
    decimals = [c for c in shown.columns if pd.api.types.is_float_dtype(shown[c])]
    texts = [
        c
        for c in shown.columns
        if pd.api.types.is_object_dtype(shown[c]) or pd.api.types.is_string_dtype(shown[c])
    ]
    return (
        shown.style.format(lambda v: fmt_number(v, lang), subset=decimals, na_rep="—")
        .format(md_escape, subset=texts, na_rep="—")
        .format(na_rep="—", subset=[c for c in shown.columns if c not in decimals + texts])
    )
