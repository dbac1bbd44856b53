"""Figures of the overview: the 17 goal tiles in the goals' colours (pure plotly)."""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from sdgdash.data.labels import Labels
from sdgdash.figures import legible, text_colour_on
from sdgdash.i18n import t, tn


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(html.escape(text), width=width, break_long_words=False)[:3])


def goal_tiles(summary: pd.DataFrame, labels: Labels, lang: str, columns: int = 9) -> go.Figure:
    """The 17 goals as tiles in their official colours, with indicator counts on each tile."""
    fig = go.Figure()
    rows = -(-len(summary) // columns)
    xs, ys, hover = [], [], []
    for i, r in enumerate(summary.sort_values("goal").itertuples()):
        col, row = i % columns, i // columns
        fill = labels.goal_colour(r.goal)
        ink = text_colour_on(fill)
        x0, y0 = col * 1.0, (rows - 1 - row) * 1.0
        fig.add_shape(
            type="rect",
            x0=x0 + 0.03,
            x1=x0 + 0.97,
            y0=y0 + 0.04,
            y1=y0 + 0.96,
            fillcolor=fill,
            line_width=0,
            layer="below",
        )
        fig.add_annotation(
            x=x0 + 0.08,
            y=y0 + 0.9,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            text=f"<b>{r.goal}</b>",
            font={"size": 26, "color": ink},
        )
        fig.add_annotation(
            x=x0 + 0.08,
            y=y0 + 0.62,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            align="left",
            text=_wrap(labels.goal_short(r.goal, lang), 14),
            font={"size": 11, "color": ink},
        )
        fig.add_annotation(
            x=x0 + 0.92,
            y=y0 + 0.9,
            xanchor="right",
            yanchor="top",
            showarrow=False,
            align="right",
            text=f"<b>{r.n_regional}</b> / {r.n_indicators}",
            font={"size": 13, "color": ink},
        )
        xs.append(x0 + 0.5)
        ys.append(y0 + 0.5)
        last = "–" if pd.isna(r.last_year) else int(r.last_year)
        hover.append(
            f"<b>{r.goal}. {html.escape(labels.goal_title(r.goal, lang))}</b><br>"
            + tn(
                "goal_caption",
                int(r.n_indicators),
                lang,
                n_data=int(r.n_with_data),
                n_regional=int(r.n_regional),
            )
            + f"<br>{t('latest_year', lang)}: {last}"
        )
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            marker={"size": 60, "opacity": 0},
            text=hover,
            hovertemplate="%{text}<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_xaxes(visible=False, range=[0, columns], fixedrange=True)
    fig.update_yaxes(visible=False, range=[0, rows], fixedrange=True)
    fig.update_layout(
        height=rows * 112,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        hoverlabel={"font_size": 14},
    )
    return legible(fig)
