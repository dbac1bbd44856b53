"""Figures of the goal page: status summary, coverage heatmap, equity gaps (pure plotly)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sdgdash.features.goal import progress
from sdgdash.features.goal import view as goalview
from sdgdash.figures import text_colour_on
from sdgdash.i18n import fmt_number, plotly_separators, t

# Diverging green -> red for the assessed statuses, greys for the rest (ColorBrewer RdYlGn,
# readable with the usual colour-vision deficiencies together with the text labels on the bars).
STATUS_COLOURS: dict[str, str] = {
    progress.TARGET_ACHIEVED: "#1a9850",
    progress.SUBSTANTIAL: "#91cf60",
    progress.MODERATE: "#fee08b",
    progress.LIMITED: "#fc8d59",
    progress.DETERIORATION: "#d73027",
    progress.INSUFFICIENT: "#bdbdbd",
    progress.NOT_ASSESSED: "#dedede",
    goalview.NO_DATA: "#f4f4f4",
}


def status_summary(counts: dict[str, pd.DataFrame], lang: str) -> go.Figure:
    """One stacked bar per area (area name -> :func:`sdgdash.goalview.counts`): how many
    indicators are in each status, with the count written on each segment."""
    fig = go.Figure()
    names = list(counts)
    for bucket in goalview.BUCKETS:
        values = [int(counts[a].set_index("bucket").loc[bucket, "n"]) for a in names]
        if not any(values):
            continue
        label = t(f"goal_status_{bucket}", lang)
        fig.add_trace(
            go.Bar(
                y=[html.escape(a) for a in names],
                x=values,
                orientation="h",
                name=label,
                marker={"color": STATUS_COLOURS[bucket], "line": {"color": "#888", "width": 0.5}},
                text=[str(v) if v else "" for v in values],
                textposition="inside",
                # Plotly's own pick (white or #444) is under 4.5:1 on the dark green and orange.
                textfont={"color": text_colour_on(STATUS_COLOURS[bucket])},
                insidetextanchor="middle",
                textangle=0,
                hovertemplate=f"%{{y}}: {html.escape(label)} — %{{x}}<extra></extra>",
            )
        )
    fig.update_layout(
        separators=plotly_separators(lang),
        barmode="stack",
        height=120 + 48 * len(names),
        margin={"l": 0, "r": 10, "t": 60, "b": 0},
        xaxis={"dtick": 5},
        yaxis={"autorange": "reversed"},
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.02,
            "yanchor": "bottom",
            "font": {"size": 12},
            "traceorder": "normal",
        },
        font={"size": 13},
    )
    return fig


def coverage_heatmap(
    matrix: pd.DataFrame,
    indicator_names: dict[str, str],
    area_names: dict[str, str],
    lang: str,
) -> go.Figure:
    """Indicators (rows) x areas (columns): the latest year with data, blank where none."""
    z = matrix.astype("float64").to_numpy()
    rows = [str(i) for i in matrix.index]
    cols = [html.escape(area_names.get(c, c)) for c in matrix.columns]
    text = [["" if pd.isna(v) else str(int(v)) for v in row] for row in z]
    hover = [
        [
            f"{html.escape(indicator_names.get(i, i))}<br>{c}: "
            + (str(int(v)) if not pd.isna(v) else t("no_data", lang))
            for c, v in zip(cols, row, strict=True)
        ]
        for i, row in zip(rows, z, strict=True)
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=cols,
            y=rows,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 10},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale="Blues",
            xgap=1,
            ygap=1,
            colorbar={"title": {"text": t("goal_coverage_colour", lang)}, "thickness": 12},
            hoverongaps=False,
        )
    )
    fig.update_layout(
        separators=plotly_separators(lang),
        height=140 + 22 * len(rows),
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        xaxis={"side": "top", "tickangle": -45, "tickfont": {"size": 11}},
        yaxis={"autorange": "reversed", "type": "category", "tickfont": {"size": 11}},
        plot_bgcolor="#f4f4f4",
    )
    return fig


def gaps_chart(
    gaps: pd.DataFrame,
    row_titles: dict[tuple[str, str], str],
    group_names: dict[tuple[str, str], str],
    lang: str,
) -> go.Figure:
    """One small bar pair per indicator and breakdown (women / men, rural / urban), each on its
    own axis since units differ; the values are written on the bars."""
    keys = list(dict.fromkeys(zip(gaps["indicator_id"], gaps["dimension"], strict=True)))
    fig = make_subplots(
        rows=len(keys),
        cols=1,
        subplot_titles=[html.escape(row_titles[k]) for k in keys],
        vertical_spacing=min(0.5 / max(len(keys), 1), 0.08),
    )
    colours = {"F": "#7b3294", "M": "#008837", "R": "#a6611a", "U": "#018571"}
    for n, (ind, dim) in enumerate(keys, start=1):
        pair = gaps[(gaps["indicator_id"] == ind) & (gaps["dimension"] == dim)]
        names = [html.escape(group_names[(dim, g)]) for g in pair["group"]]
        fig.add_trace(
            go.Bar(
                x=pair["value"],
                y=names,
                orientation="h",
                marker_color=[colours.get(g, "#777") for g in pair["group"]],
                text=[fmt_number(v, lang) for v in pair["value"]],
                textposition="auto",
                insidetextfont={
                    "color": [text_colour_on(colours.get(g, "#777")) for g in pair["group"]]
                },
                textangle=0,
                hovertemplate="%{y}: %{text}<extra></extra>",
                showlegend=False,
            ),
            row=n,
            col=1,
        )
    fig.update_annotations(font_size=12, xanchor="left", x=0)
    fig.update_layout(
        separators=plotly_separators(lang),
        height=40 + 95 * len(keys),
        margin={"l": 0, "r": 10, "t": 30, "b": 0},
        bargap=0.25,
        font={"size": 12},
    )
    return fig


def series_chart(
    years: list[int],
    values: list[float],
    p: progress.Progress,
    unit: str,
    colour: str,
    lang: str,
) -> go.Figure:
    """One indicator's series with the base and latest points marked and, with a target, the
    straight path from the base value to the target (the required growth, compounded)."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=years,
            y=values,
            mode="lines+markers",
            line={"color": colour, "width": 2},
            marker={"size": 6},
            name=t("value", lang),
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    if p.base_year is not None and p.latest_year is not None and p.base_year != p.latest_year:
        fig.add_trace(
            go.Scatter(
                x=[p.base_year, p.latest_year],
                y=[p.base_value, p.latest_value],
                mode="markers+text",
                marker={"size": 12, "color": "#222", "symbol": "diamond"},
                text=[t("goal_base", lang), t("goal_latest", lang)],
                textposition="top center",
                name=f"{t('goal_base', lang)} / {t('goal_latest', lang)}",
                hoverinfo="skip",
            )
        )
    achieved = p.status == progress.TARGET_ACHIEVED
    if p.has_target and p.base_year is not None and p.required is not None and not achieved:
        path_years = list(range(p.base_year, p.target_year + 1))
        base = p.base_value if p.base_value else progress.ZERO_REPLACEMENT
        path = [base * (1 + p.required) ** (y - p.base_year) for y in path_years]
        fig.add_trace(
            go.Scatter(
                x=path_years,
                y=path,
                mode="lines",
                line={"color": "#555", "dash": "dot", "width": 1.5},
                name=t("goal_required_path", lang),
                hovertemplate="%{x}: %{y:.4g}<extra></extra>",
            )
        )
    if p.has_target and p.target_year is not None:
        fig.add_trace(
            go.Scatter(
                x=[p.target_year],
                y=[p.target],
                mode="markers+text",
                marker={"size": 13, "symbol": "star", "color": "#555"},
                text=[f"{t('goal_target_value', lang)}: {fmt_number(round(p.target, 6), lang)}"],
                textposition="middle left",
                name=t("goal_target_value", lang),
                hoverinfo="skip",
            )
        )
    fig.update_layout(
        separators=plotly_separators(lang),
        height=340,
        margin={"l": 0, "r": 10, "t": 30, "b": 0},
        yaxis={"title": html.escape(unit)},
        xaxis={"dtick": 2 if len(years) > 8 else 1},
        legend={"orientation": "h", "y": -0.2},
        font={"size": 13},
    )
    return fig
