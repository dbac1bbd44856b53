"""The overview as data: the goal tiles of every goal with its indicator counts (pure)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sdgdash.data.source import Data, derived
from sdgdash.features.overview.charts import goal_tiles
from sdgdash.i18n import t


@derived
def goal_tiles_figure(data: Data, lang: str) -> go.Figure:
    """The 17 goal tiles in ``lang`` (about 0.5 s of plotly: built once per language and shared,
    so callers draw it and never change it)."""
    return goal_tiles(data.goal_summary(), data.labels(), lang)


def goal_tiles_table(data: Data, lang: str) -> pd.DataFrame:
    """What the goal tiles show, as a table: each goal's name and indicator counts."""
    labels = data.labels()
    summary = data.goal_summary().sort_values("goal")
    return pd.DataFrame(
        {
            t("goal", lang): summary["goal"].astype("int64"),
            t("a11y_col_name", lang): [labels.goal_title(g, lang) for g in summary["goal"]],
            t("kpi_indicators", lang): summary["n_indicators"].astype("int64"),
            t("a11y_col_with_data", lang): summary["n_with_data"].astype("int64"),
            t("kpi_regional", lang): summary["n_regional"].astype("int64"),
            t("a11y_col_latest_year", lang): summary["last_year"].astype("Int64"),
        }
    )
