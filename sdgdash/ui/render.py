"""Drawing a figure in the app: st.plotly_chart with the title and source inside the figure, a
descriptive image name, and projector fonts in presentation mode."""

from __future__ import annotations

import html

import streamlit as st

from sdgdash import figures
from sdgdash.ui.present import presenting


def chart(
    fig,
    *,
    key: str,
    title: str = "",
    source: str = "",
    filename: str = "sdg_chart",
    config: dict | None = None,
    wrap: int = 110,
    is_map: bool = False,
    **kwargs,
):
    """``st.plotly_chart`` with the title and source in the figure (so the toolbar PNG carries
    them; titles wrap at ``wrap`` characters, less for a narrow column), a descriptive PNG file
    name, and projector fonts in presentation mode."""
    big = presenting()
    if big:
        figures.presentation(fig)
    scale = figures.PRESENT_SCALE if big else 1.0
    figures.titled(fig, title, source, width=round(wrap / scale), scale=scale)
    if title:
        narrow_title(title, source)
    config = figures.image_config(filename, config)
    if not is_map:
        return st.plotly_chart(fig, config=config, key=key, width="stretch", **kwargs)
    # A map keeps its height on a laptop; on a phone the layout CSS sizes its box to the
    # country's shape (the figure fills the box), instead of a tall figure around a small map.
    with st.container(key=f"sdgmap_{key}", height=int(fig.layout.height or 450), border=False):
        return st.plotly_chart(
            fig, config=config, key=key, width="stretch", height="stretch", **kwargs
        )


def narrow_title(title: str, source: str = "") -> None:
    """The chart's title (and source) as text that wraps, shown on a phone only (the layout CSS,
    :mod:`sdgdash.ui.layout`, hides the figure's own title there and this line elsewhere)."""
    src = f'<span class="sdg-narrow-source">{html.escape(source)}</span>' if source else ""
    st.html(f'<div class="sdg-narrow-title">{html.escape(title)}{src}</div>')
