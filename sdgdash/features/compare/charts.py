"""Figures of the comparison: regions' lines over the years with Kazakhstan's, goal scores side
by side (pure plotly)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from sdgdash.data.labels import Labels
from sdgdash.features.plans.charts import PLAN_COLOUR, plan_trace
from sdgdash.figures import goal_label
from sdgdash.i18n import fmt_number, plotly_separators, t


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
    """Goal scores of 2-4 regions side by side: one group of horizontal bars per goal, named by
    its number and short name, the score written at each bar's end (colour-blind-safe)."""
    palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]
    all_goals = sorted(goals["goal"].unique())
    y = [goal_label(g, labels.goal_short(g, lang)) for g in all_goals]
    fig = go.Figure()
    # With the category axis reversed (goal 1 on top), each group lists the regions top-down
    # in the order chosen, like the legend.
    for colour, code in zip(palette, ref_areas, strict=False):
        mine = goals[goals["ref_area"] == code].set_index("goal").reindex(all_goals)
        fig.add_trace(
            go.Bar(
                y=y,
                x=mine["score"],
                orientation="h",
                name=html.escape(names.get(code, code)),
                marker_color=colour,
                text=[fmt_number(v, lang, 0) if pd.notna(v) else "" for v in mine["score"]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{x:.1f}<extra>%{fullData.name}</extra>",
            )
        )
    per_goal = max(14 * len(ref_areas) + 16, 44)  # room for a name in two lines
    fig.update_layout(
        separators=plotly_separators(lang),
        barmode="group",
        height=90 + per_goal * len(all_goals),
        margin={"l": 0, "r": 30, "t": 10, "b": 0},
        xaxis={"range": [0, 100], "title": t("score", lang)},
        yaxis={"autorange": "reversed", "type": "category", "automargin": True},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "traceorder": "normal"},
        font={"size": 13},
        bargap=0.25,
    )
    return fig
