"""DataFrame -> plotly figures other than maps (pure)."""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from sdgdash.i18n import fmt_number, plotly_separators, t, tn
from sdgdash.labels import Labels


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(html.escape(text), width=width, break_long_words=False)[:3])


def goal_tiles(summary: pd.DataFrame, labels: Labels, lang: str, columns: int = 9) -> go.Figure:
    """The 17 goals as tiles in their official colours, with indicator counts on each tile."""
    fig = go.Figure()
    rows = -(-len(summary) // columns)
    xs, ys, hover = [], [], []
    for i, r in enumerate(summary.sort_values("goal").itertuples()):
        col, row = i % columns, i // columns
        x0, y0 = col * 1.0, (rows - 1 - row) * 1.0
        fig.add_shape(
            type="rect",
            x0=x0 + 0.03,
            x1=x0 + 0.97,
            y0=y0 + 0.04,
            y1=y0 + 0.96,
            fillcolor=labels.goal_colour(r.goal),
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
            font={"size": 26, "color": "white"},
        )
        fig.add_annotation(
            x=x0 + 0.08,
            y=y0 + 0.62,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            align="left",
            text=_wrap(labels.goal_short(r.goal, lang), 14),
            font={"size": 11, "color": "white"},
        )
        fig.add_annotation(
            x=x0 + 0.92,
            y=y0 + 0.9,
            xanchor="right",
            yanchor="top",
            showarrow=False,
            align="right",
            text=f"<b>{r.n_regional}</b> / {r.n_indicators}",
            font={"size": 13, "color": "white"},
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
    return fig


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


def compare_lines(
    regional: pd.DataFrame,
    national: pd.DataFrame,
    ref_areas: list[str],
    names: dict[str, str],
    unit_label: str,
    lang: str,
) -> go.Figure:
    """One indicator over time for several regions, with Kazakhstan's line dotted."""
    palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]  # Okabe-Ito, colour-blind safe
    fig = go.Figure()
    for colour, code in zip(palette, ref_areas, strict=False):
        mine = regional[regional["ref_area"] == code].sort_values("year")
        fig.add_trace(
            go.Scatter(
                x=mine["year"],
                y=mine["value"],
                mode="lines+markers",
                name=html.escape(names.get(code, code)),
                line={"color": colour, "width": 3},
            )
        )
    if len(national):
        fig.add_trace(
            go.Scatter(
                x=national["year"],
                y=national["value"],
                mode="lines+markers",
                name=t("national", lang),
                line={"color": "#555555", "width": 2, "dash": "dot"},
            )
        )
    fig.update_layout(
        height=380,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        legend={"orientation": "h", "y": -0.15, "font": {"size": 14}},
        yaxis={"title": html.escape(unit_label)},
        xaxis={"dtick": 1, "tickformat": "d"},
        font={"size": 14},
        separators=plotly_separators(lang),
    )
    return fig


RATING_COLOURS = {"green": "#3a9d3a", "yellow": "#f2c744", "orange": "#f08a24", "red": "#d7301f"}


def goal_scores(
    goals: pd.DataFrame, distribution: pd.DataFrame, labels: Labels, lang: str
) -> go.Figure:
    """A region's goal scores (markers in the goal's rating colour) over the spread of all
    regions: the full range (light) and the middle half (darker) of each goal's scores."""
    dist = distribution.sort_values("goal", ascending=False)
    names = [f"{g}. {html.escape(labels.goal_short(g, lang))}" for g in dist["goal"]]
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
            mode="markers+text",
            marker={
                "size": 18,
                "color": [RATING_COLOURS.get(r, "#777") for r in mine["rating"]],
                "line": {"color": "#222", "width": 1},
                "symbol": "diamond",
            },
            text=[fmt_number(v, lang, 0) if pd.notna(v) else "" for v in mine["score"]],
            textposition="middle right",
            textfont={"size": 14},
            customdata=[
                t(f"rating_{r}", lang) if isinstance(r, str) else "" for r in mine["rating"]
            ],
            hovertemplate="%{y}: %{x:.1f} (%{customdata})<extra></extra>",
            name=t("score", lang),
        )
    )
    fig.update_layout(
        separators=plotly_separators(lang),
        barmode="overlay",
        height=60 + 34 * len(dist),
        margin={"l": 0, "r": 10, "t": 10, "b": 0},
        xaxis={"range": [0, 105], "title": t("score", lang)},
        legend={"orientation": "h", "y": -0.12, "font": {"size": 13}},
        font={"size": 13},
    )
    return fig


def compare_goal_scores(
    goals: pd.DataFrame, ref_areas: list[str], names: dict[str, str], labels: Labels, lang: str
) -> go.Figure:
    """Goal scores of 2-4 regions side by side (grouped bars, colour-blind-safe colours)."""
    palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]
    all_goals = sorted(goals["goal"].unique())
    x = [f"{g}" for g in all_goals]
    fig = go.Figure()
    for colour, code in zip(palette, ref_areas, strict=False):
        mine = goals[goals["ref_area"] == code].set_index("goal").reindex(all_goals)
        fig.add_trace(
            go.Bar(
                x=x,
                y=mine["score"],
                name=html.escape(names.get(code, code)),
                marker_color=colour,
                customdata=[html.escape(labels.goal_short(g, lang)) for g in all_goals],
                hovertemplate="%{customdata}: %{y:.1f}<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(
        separators=plotly_separators(lang),
        barmode="group",
        height=340,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        xaxis={"title": t("goal", lang), "type": "category"},
        yaxis={"range": [0, 100], "title": t("score", lang)},
        legend={"orientation": "h", "y": -0.2, "font": {"size": 14}},
        font={"size": 14},
    )
    return fig
