"""Figures of actual vs plan: a series against its plan line, and the plan line as a trace other
charts (map panel, compare, goal detail) add to theirs (pure plotly)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from sdgdash.features.plans.status import END_2030, NATIONAL_2030
from sdgdash.i18n import plotly_separators, t

ACTUAL_COLOUR = "#0072B2"  # Okabe-Ito blue, as the compare lines' first region
PLAN_COLOUR = "#D55E00"  # Okabe-Ito vermillion: the plan line
NATIONAL_COLOUR = "#555555"


def line_name(basis: str, lang: str, place: str = "") -> str:
    """The legend name of a plan line: the regional plan, or the national 2030 stand-in."""
    key = {NATIONAL_2030: "plan_line_national", END_2030: "plan_line_end"}.get(basis)
    name = t(key or "plan_line_regional", lang)
    return f"{place}: {name}" if place else name


def plan_trace(
    line: pd.DataFrame, lang: str, place: str = "", colour: str = PLAN_COLOUR
) -> go.Scatter:
    """A plan line (``plans.view.plan_chart_frame``: year, value, kind, basis) as a dashed
    trace: a regional plan dashed, a national 2030 stand-in dotted, corners marked."""
    basis = str(line["basis"].iloc[0]) if len(line) else ""
    stand_in = basis in (NATIONAL_2030, END_2030)
    kinds = [t(f"plan_point_{k}", lang) for k in line["kind"]]
    return go.Scatter(
        x=line["year"],
        y=line["value"],
        mode="lines+markers",
        name=html.escape(line_name(basis, lang, place)),
        line={"color": colour, "width": 2.5, "dash": "dot" if stand_in else "dash"},
        marker={"symbol": "diamond-open", "size": 9, "color": colour},
        customdata=kinds,
        hovertemplate="%{x}: %{y} (%{customdata})<extra>%{fullData.name}</extra>",
    )


def plan_chart(
    actual: pd.DataFrame,
    line: pd.DataFrame,
    place: str,
    unit_label: str,
    lang: str,
    national: pd.DataFrame | None = None,
    assessed: tuple[int, float, float] | None = None,
) -> go.Figure:
    """A place's actual series (year, value) against its plan line, with Kazakhstan's series
    dotted when given; ``assessed`` (year, actual, plan line) marks the gap the status reads."""
    fig = go.Figure()
    if national is not None and len(national):
        fig.add_trace(
            go.Scatter(
                x=national["year"],
                y=national["value"],
                mode="lines",
                name=t("national", lang),
                line={"color": NATIONAL_COLOUR, "width": 1.5, "dash": "dot"},
            )
        )
    fig.add_trace(
        go.Scatter(
            x=actual["year"],
            y=actual["value"],
            mode="lines+markers",
            name=html.escape(f"{place}: {t('plan_actual', lang)}"),
            line={"color": ACTUAL_COLOUR, "width": 3},
        )
    )
    fig.add_trace(plan_trace(line, lang))
    if assessed is not None:
        year, value, expected = assessed
        fig.add_trace(
            go.Scatter(
                x=[year, year],
                y=[expected, value],
                mode="lines",
                name=t("brief_col_gap", lang),
                line={"color": "#999999", "width": 6},
                opacity=0.5,
                hoverinfo="skip",
            )
        )
    fig.update_layout(
        height=380,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        legend={"orientation": "h", "y": -0.15, "font": {"size": 13}},
        yaxis={"title": html.escape(unit_label)},
        xaxis={"tickformat": "d"},
        font={"size": 14},
        separators=plotly_separators(lang),
    )
    return fig
