"""Figures of the distance to 2030 (pure plotly): goal scores beside Kazakhstan and the peers, one
indicator with its peer band and projection, a goal's scores by region, the change map and the
movers."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from sdgdash.data.labels import Labels
from sdgdash.data.source import Data
from sdgdash.features.distance import change
from sdgdash.features.distance.display import sig
from sdgdash.features.distance.view import MEASURES, IndicatorDetail
from sdgdash.geo.choropleth import PALETTES, change_choropleth
from sdgdash.i18n import fmt_number, plotly_separators, t

REGION_COLOUR = "#0072B2"  # Okabe-Ito blue, as the compare lines
NATIONAL_COLOUR = "#555555"
PEER_COLOUR = "#E69F00"
PEER_BAND = "rgba(230, 159, 0, 0.18)"
END_COLOUR = "#009E73"
IMPROVED_COLOUR = "#2c7bb6"  # the better end of RdYlBu
WORSENED_COLOUR = "#d7191c"  # the worse end
NEUTRAL_COLOUR = "#8c8c8c"


def goal_scores(goals: pd.DataFrame, region_name: str, labels: Labels, lang: str) -> go.Figure:
    """A region's distance score per goal (bars) with Kazakhstan's and the peers' mean (markers)."""
    goals = goals.sort_values("goal", ascending=False)
    names = [f"{g}. {html.escape(labels.goal_short(int(g), lang))}" for g in goals["goal"]]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=names,
            x=goals["score"],
            orientation="h",
            marker_color=REGION_COLOUR,
            name=html.escape(region_name),
            text=[fmt_number(v, lang, 0) for v in goals["score"]],
            textposition="inside",
            insidetextanchor="start",
            textangle=0,
            textfont={"color": "white", "size": 13},
            customdata=goals["n_indicators"],
            hovertemplate="%{y}: %{x:.1f} (%{customdata})<extra>%{fullData.name}</extra>",
            width=0.65,
        )
    )
    for col, name, colour, symbol in (
        ("national_score", t("national", lang), NATIONAL_COLOUR, "line-ns"),
        ("peer_score", t("dist_peer_mean", lang), PEER_COLOUR, "diamond"),
    ):
        fig.add_trace(
            go.Scatter(
                y=names,
                x=goals[col],
                mode="markers",
                name=name,
                marker={
                    "color": colour,
                    "size": 16 if symbol == "line-ns" else 11,
                    "symbol": symbol,
                    "line": {"color": colour, "width": 3 if symbol == "line-ns" else 1},
                },
                hovertemplate="%{y}: %{x:.1f}<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(
        separators=plotly_separators(lang),
        height=80 + 34 * len(goals),
        margin={"l": 0, "r": 10, "t": 10, "b": 0},
        xaxis={"range": [0, 101]},
        legend={"orientation": "h", "yanchor": "top", "y": -0.06, "font": {"size": 13}},
        font={"size": 13},
        bargap=0.25,
    )
    return fig


def indicator_chart(
    detail: IndicatorDetail,
    region_name: str,
    unit_label: str,
    lang: str,
) -> go.Figure:
    """One indicator of one region over the years: its line, Kazakhstan's, the peers' range as
    a band and their mean, the 2030 end value and the line projected at the observed pace."""
    band = detail.band.sort_values("year")
    peers = band[band["n_peers"] > 0]
    fig = go.Figure()
    if len(peers):
        fig.add_trace(
            go.Scatter(
                x=list(peers["year"]) + list(peers["year"])[::-1],
                y=list(peers["peer_max"]) + list(peers["peer_min"])[::-1],
                fill="toself",
                fillcolor=PEER_BAND,
                mode="lines",
                line={"width": 0},
                hoverinfo="skip",
                name=t("dist_peer_range", lang),
            )
        )
        fig.add_trace(
            go.Scatter(
                x=peers["year"],
                y=peers["peer_mean"],
                mode="lines",
                line={"color": PEER_COLOUR, "width": 2, "dash": "dash"},
                name=t("dist_peer_mean", lang),
                hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
            )
        )
    nat = band.dropna(subset=["national"])
    if len(nat):
        fig.add_trace(
            go.Scatter(
                x=nat["year"],
                y=nat["national"],
                mode="lines+markers",
                line={"color": NATIONAL_COLOUR, "width": 2, "dash": "dot"},
                name=t("national", lang),
                hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
            )
        )
    mine = band.dropna(subset=["value"])
    fig.add_trace(
        go.Scatter(
            x=mine["year"],
            y=mine["value"],
            mode="lines+markers",
            line={"color": REGION_COLOUR, "width": 3},
            marker={"size": 8},
            name=html.escape(region_name),
            hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
        )
    )
    if len(detail.projection):
        fig.add_trace(
            go.Scatter(
                x=detail.projection["year"],
                y=detail.projection["value"],
                mode="lines+markers",
                line={"color": REGION_COLOUR, "width": 2, "dash": "dash"},
                marker={"size": 7, "symbol": "circle-open"},
                name=t("dist_projection", lang),
                hovertemplate="%{x}: %{y:.4g}<extra>%{fullData.name}</extra>",
            )
        )
    end = detail.row["end_value"]
    if pd.notna(end):
        year = int(detail.row["end_year"]) if pd.notna(detail.row["end_year"]) else 2030
        fig.add_trace(
            go.Scatter(
                x=[year],
                y=[end],
                mode="markers+text",
                marker={"color": END_COLOUR, "size": 16, "symbol": "star"},
                text=[fmt_number(float(end), lang)],
                textposition="middle left",
                textfont={"color": END_COLOUR, "size": 13},
                name=t("dist_end_value_short", lang),
                hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(
        separators=plotly_separators(lang),
        height=400,
        margin={"l": 0, "r": 10, "t": 10, "b": 0},
        legend={"orientation": "h", "y": -0.15, "font": {"size": 13}},
        yaxis={"title": html.escape(unit_label)},
        xaxis={"tickformat": "d", "dtick": 2},
        font={"size": 13},
    )
    return fig


def goal_regions(
    frame: pd.DataFrame, names: dict[str, str], highlight: str, lang: str
) -> go.Figure:
    """One goal's score of every region (bars, best on top) with Kazakhstan's bar in grey and
    the chosen region outlined."""
    shown = frame.dropna(subset=["score"]).iloc[::-1]
    colours = [
        NATIONAL_COLOUR if code == "" else REGION_COLOUR if code == highlight else "#9ecae1"
        for code in shown["ref_area"]
    ]
    fig = go.Figure(
        go.Bar(
            y=[html.escape(names.get(c, c)) for c in shown["ref_area"]],
            x=shown["score"],
            orientation="h",
            marker_color=colours,
            text=[
                f"{fmt_number(v, lang, 0)} ({n})"
                for v, n in zip(shown["score"], shown["n_indicators"], strict=True)
            ],
            textposition="outside",
            customdata=shown["n_indicators"],
            hovertemplate="%{y}: %{x:.1f} (%{customdata})<extra></extra>",
        )
    )
    fig.update_layout(
        separators=plotly_separators(lang),
        height=60 + 24 * len(shown),
        margin={"l": 0, "r": 10, "t": 10, "b": 0},
        xaxis={"range": [0, 115], "title": t("dist_score", lang)},
        font={"size": 13},
        showlegend=False,
    )
    return fig


def change_figure(
    data: Data,
    view: change.ChangeView,
    unit_label: str,
    lang: str,
    palette: str = PALETTES[0],
    measure: str = "abs",
) -> go.Figure:
    """The change of each compared region on year b's map (in the unit, or ``measure`` "pct":
    in % of the first value), coloured by improvement in the indicator's direction (a diverging
    scale centred on no change); the rest grey with the reason."""
    labels = data.labels()
    left_out = {
        str(r.ref_area): t(f"dist_left_{r.reason}", lang) for r in view.left_out.itertuples()
    }
    no_base = view.changes.loc[view.changes["change_pct"].isna(), "ref_area"]
    if measure == "pct":
        left_out |= dict.fromkeys(map(str, no_base), t("dist_left_zero_base", lang))
    return change_choropleth(
        view.changes,
        data.geojson(view.layout_b),
        names={c: labels.region_name(c, lang) for c in labels.regions},
        unit_label=unit_label,
        years=(view.year_a, view.year_b),
        lang=lang,
        higher_is_better=view.higher_is_better,
        palette=palette,
        outcome_labels={o: t(f"dist_change_{o}", lang) for o in change.OUTCOMES},
        left_out=left_out,
        measure=MEASURES[measure],
        measure_label=(
            t("dist_change_pct", lang)
            if measure == "pct"
            else f"{t('dist_change_abs', lang)}, {unit_label}"
        ),
        geojson_url=data.geojson_url(view.layout_b),
    )


def change_bars(view: change.ChangeView, names: dict[str, str], unit_label: str, lang: str):
    """The compared regions ranked by their change a year, improvement in blue, worsening red."""
    ranked = view.changes.sort_values(["mover_rank", "ref_area"], na_position="last").iloc[::-1]
    colours = [
        IMPROVED_COLOUR
        if o == change.IMPROVED
        else WORSENED_COLOUR
        if o == change.WORSENED
        else NEUTRAL_COLOUR
        for o in ranked["outcome"]
    ]
    fig = go.Figure(
        go.Bar(
            y=[html.escape(names.get(c, c)) for c in ranked["ref_area"]],
            x=ranked["change_per_year"],
            orientation="h",
            marker_color=colours,
            text=[fmt_number(sig(v), lang) for v in ranked["change_per_year"]],
            textposition="outside",
            customdata=[t(f"dist_change_{o}", lang) for o in ranked["outcome"]],
            hovertemplate="%{y}: %{x:.3g} (%{customdata})<extra></extra>",
        )
    )
    fig.update_layout(
        separators=plotly_separators(lang),
        height=60 + 24 * len(ranked),
        margin={"l": 0, "r": 30, "t": 10, "b": 0},
        xaxis={"title": f"{t('dist_change_per_year', lang)} ({html.escape(unit_label)})"},
        font={"size": 13},
        showlegend=False,
    )
    return fig
