"""Drawing a figure in the app: st.plotly_chart with the title and source inside the figure, a
descriptive image name, and projector fonts in presentation mode."""

from __future__ import annotations

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
    return st.plotly_chart(
        fig, config=figures.image_config(filename, config), key=key, width="stretch", **kwargs
    )
