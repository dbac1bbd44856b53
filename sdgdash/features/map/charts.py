"""Figures beside the map: one region's series against Kazakhstan's (pure plotly)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sdgdash.features.compare.charts import compare_lines
from sdgdash.i18n import plotly_separators


def region_trend(
    regional: pd.DataFrame,
    national: pd.DataFrame,
    ref_area: str,
    names: dict[str, str],
    unit_label: str,
    lang: str,
) -> go.Figure:
    """One region's values over the years against Kazakhstan's, as two lines (a small chart)."""
    fig = compare_lines(regional, national, [ref_area], names, unit_label, lang)
    fig.update_layout(
        separators=plotly_separators(lang),
        height=260,
        legend={"y": -0.25, "font": {"size": 13}},
        xaxis={"dtick": None, "nticks": 6},
        font={"size": 12},
    )
    return fig
