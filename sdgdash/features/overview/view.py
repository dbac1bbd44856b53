"""The overview as data: the goal tiles of every goal with its indicator counts (pure)."""

from __future__ import annotations

import plotly.graph_objects as go

from sdgdash.data.source import Data, derived
from sdgdash.features.overview.charts import goal_tiles


@derived
def goal_tiles_figure(data: Data, lang: str) -> go.Figure:
    """The 17 goal tiles in ``lang`` (about 0.5 s of plotly: built once per language and shared,
    so callers draw it and never change it)."""
    return goal_tiles(data.goal_summary(), data.labels(), lang)
