"""DataFrame -> plotly figures other than maps (pure)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sdgdash.data.labels import Labels
from sdgdash.features.index.scoring import RATING_MARKS
from sdgdash.figures import goal_label
from sdgdash.i18n import fmt_number, plotly_separators, t

SCORE_COLUMN = 109  # where the scores are written, right of the 0-100 scale (and its markers)
RATING_COLOURS = {"green": "#3a9d3a", "yellow": "#f2c744", "orange": "#f08a24", "red": "#d7301f"}


def goal_scores(
    goals: pd.DataFrame, distribution: pd.DataFrame, labels: Labels, lang: str
) -> go.Figure:
    """A region's goal scores (markers in the goal's rating colour) over the spread of all
    regions: the full range (light) and the middle half (darker) of each goal's scores."""
    dist = distribution.sort_values("goal", ascending=False)
    names = [goal_label(g, labels.goal_short(g, lang)) for g in dist["goal"]]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=names,
            x=dist["max"] - dist["min"],
            base=dist["min"],
            orientation="h",
            marker_color="#e8e8e8",
            name=t("range_regions", lang),
            hoverinfo="skip",
            width=0.7,
        )
    )
    fig.add_trace(
        go.Bar(
            y=names,
            x=dist["q3"] - dist["q1"],
            base=dist["q1"],
            orientation="h",
            marker_color="#bdbdbd",
            name=t("middle_half", lang),
            hoverinfo="skip",
            width=0.7,
        )
    )
    mine = goals.set_index("goal").reindex(dist["goal"])
    fig.add_trace(
        go.Scatter(
            y=names,
            x=mine["score"],
            mode="markers",
            marker={
                "size": 18,
                "color": [RATING_COLOURS.get(r, "#777") for r in mine["rating"]],
                "line": {"color": "#222", "width": 1},
                "symbol": "diamond",
            },
            customdata=[
                t(f"rating_{r}", lang) if isinstance(r, str) else "" for r in mine["rating"]
            ],
            hovertemplate="%{y}: %{x:.1f} (%{customdata})<extra></extra>",
            name=t("score", lang),
        )
    )
    # The scores as a column of numbers right of the scale, never on a marker or a bar, each
    # with its rating's mark: the colour is not the only sign of the rating.
    fig.add_trace(
        go.Scatter(
            y=names,
            x=[SCORE_COLUMN] * len(names),
            mode="text",
            text=[
                f"<b>{fmt_number(v, lang, 0)}</b> {RATING_MARKS.get(r, '')}".strip()
                if pd.notna(v)
                else ""
                for v, r in zip(mine["score"], mine["rating"], strict=True)
            ],
            textposition="middle right",
            textfont={"size": 14},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.update_layout(
        separators=plotly_separators(lang),
        barmode="overlay",
        height=60 + 40 * len(dist),
        margin={"l": 0, "r": 10, "t": 10, "b": 0},
        xaxis={
            "range": [0, SCORE_COLUMN + 18],  # room for "100 !!!"
            "tickvals": [0, 20, 40, 60, 80, 100],
            "title": t("score", lang),
        },
        legend={"orientation": "h", "y": -0.12, "font": {"size": 13}},
        font={"size": 13},
    )
    return fig
