"""Figures of the comparison: regions' lines over the years with Kazakhstan's, goal scores side
by side (pure plotly)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from sdgdash.data.labels import Labels
from sdgdash.features.plans.charts import PLAN_COLOUR, plan_trace
from sdgdash.i18n import plotly_separators, t


def compare_lines(
    regional: pd.DataFrame,
    national: pd.DataFrame,
    ref_areas: list[str],
    names: dict[str, str],
    unit_label: str,
    lang: str,
    plans: dict[str, pd.DataFrame] | None = None,
) -> go.Figure:
    """One indicator over time for several regions, with Kazakhstan's line dotted; ``plans``
    (region -> ``plans.view.plan_chart_frame``) adds each region's plan line in its colour."""
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
        if plans and code in plans:
            # One region: the plan line in the plan colour; several: each in its region's.
            alone = len(ref_areas) == 1
            name = "" if alone else names.get(code, code)
            fig.add_trace(plan_trace(plans[code], lang, name, PLAN_COLOUR if alone else colour))
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
