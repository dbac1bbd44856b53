"""Figures of the tag page and the events timeline: regions ranked, events on a time axis (pure)."""

from __future__ import annotations

import datetime as dt
import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from sdgdash.data.events import Event, date_label
from sdgdash.features.map.view import MapView
from sdgdash.figures import text_colour_on
from sdgdash.geo.choropleth import rank_values
from sdgdash.geo.layouts import NO_BOUNDARY_SUBREGION
from sdgdash.i18n import fmt_number, plotly_separators, t

_BAR = "#0072B2"  # Okabe-Ito blue and orange, as the comparison charts (colour-blind safe)
_WORSE = "#E69F00"
_ALL = "#0072B2"
_SOME = "#D55E00"


def ranking_frame(view: MapView) -> pd.DataFrame:
    """The values to rank across territories: the regions drawn on the map, plus the cities and
    villages when the source gives more of those than regions (air quality is measured in cities).
    Columns ref_area, value, source_file, source_row, rank (1 = best, in the indicator's direction).
    """
    cols = ["ref_area", "value", "source_file", "source_row"]
    local = view.not_drawn[view.not_drawn["reason"] == NO_BOUNDARY_SUBREGION]
    parts = [view.drawn[cols]]
    if len(local) > len(view.drawn):
        parts.append(local[cols])
    frame = pd.concat(parts, ignore_index=True)
    return frame.assign(rank=rank_values(frame["value"], view.higher_is_better))


def bar_colours(
    values: pd.Series, national: float | None, higher_is_better: bool | None
) -> list[str]:
    """Blue for a region better than Kazakhstan (or equal), orange for worse; all blue when the
    direction or the national value is unknown."""
    if national is None or higher_is_better is None:
        return [_BAR] * len(values)
    better = values >= national if higher_is_better else values <= national
    return [_BAR if b else _WORSE for b in better]


def regions_ranked(
    drawn: pd.DataFrame,
    names: dict[str, str],
    national: float | None,
    unit_label: str,
    lang: str,
    higher_is_better: bool | None = None,
) -> go.Figure:
    """Horizontal bars of one selection-year's regional values, rank 1 at the top, with
    Kazakhstan's value as a dashed line. ``drawn`` has ref_area, value, rank, source_file, source_row
    (a map view's drawn values, ranked in the indicator's direction)."""
    frame = drawn.sort_values(["rank", "ref_area"], ascending=[False, True])
    labels = [html.escape(names.get(c, c)) for c in frame["ref_area"]]
    texts = [fmt_number(v, lang) for v in frame["value"]]
    hover = [
        f"{lab}: {txt} {html.escape(unit_label)}<br>{t('rank', lang)}: {int(r)}<br>"
        f"{html.escape(str(src))}, {t('source_row', lang).lower()} {int(row)}"
        for lab, txt, r, src, row in zip(
            labels, texts, frame["rank"], frame["source_file"], frame["source_row"], strict=True
        )
    ]
    colours = bar_colours(frame["value"], national, higher_is_better)
    fig = go.Figure(
        go.Bar(
            x=frame["value"],
            y=labels,
            orientation="h",
            marker={"color": colours},
            text=texts,
            textposition="inside",
            insidetextanchor="end",
            textangle=0,
            # White on the blue, dark on the orange (white on it is 2.2:1).
            textfont={"color": [text_colour_on(c) for c in colours], "size": 12},
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
            name=html.escape(unit_label) or t("value", lang),
        )
    )
    parts = [unit_label]
    if national is not None:
        # The national value is named under the axis (a label on the line would sit where the
        # chart's title and source go).
        fig.add_vline(
            x=national, line={"color": "#333333", "dash": "dash", "width": 2}, layer="below"
        )
        parts.append(f"- - {t('national', lang)}: {fmt_number(national, lang)}")
    axis_title = html.escape(" · ".join(p for p in parts if p))
    fig.update_layout(
        height=max(260, (28 if len(frame) <= 25 else 20) * len(frame) + 90),
        margin={"l": 0, "r": 40, "t": 10, "b": 0},
        xaxis={"title": axis_title, "rangemode": "tozero"},
        yaxis={"automargin": True},
        font={"size": 13},
        showlegend=False,
        separators=plotly_separators(lang),
    )
    return fig


def period_end(e: Event) -> dt.date:
    """The last day an event may cover: its end (or start) date, to the end of the month or year
    when the source gives only the month or the year."""
    last = e.end or e.start
    if e.precision == "year":
        return dt.date(last.year, 12, 31)
    if e.precision == "month":
        following = dt.date(last.year + last.month // 12, last.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return last


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(html.escape(text), width=width, break_long_words=False)[:3])


def events_timeline(events: list[Event], lang: str, width: int = 48) -> go.Figure:
    """Events on a time axis, one row each (oldest at the top); a span for events over days,
    coloured by whether they concern every region or particular ones."""
    fig = go.Figure()
    shown_scope: set[bool] = set()
    rows = list(events)
    for e in rows:
        label = _wrap(e.title(lang), width)
        span_end = period_end(e)
        colour = _ALL if e.all_regions else _SOME
        scope = t("event_scope_all" if e.all_regions else "event_scope_some", lang)
        fig.add_trace(
            go.Scatter(
                x=[e.start, span_end],
                y=[label, label],
                # A diamond marks a known day; a month or year the source gives is a bar over it.
                mode="lines+markers" if e.precision == "day" else "lines",
                line={"color": colour, "width": 10},
                marker={"size": 12, "color": colour, "symbol": "diamond"},
                name=scope,
                legendgroup=scope,
                showlegend=e.all_regions not in shown_scope,
                hovertext=html.escape(f"{date_label(e, lang)} · {e.title(lang)}"),
                hoverinfo="text",
            )
        )
        shown_scope.add(e.all_regions)
    if rows:
        first = min(e.start for e in rows)
        last = max(period_end(e) for e in rows)
        pad = dt.timedelta(days=60)
        fig.update_xaxes(range=[first - pad, last + pad])
    fig.update_layout(
        height=max(220, 58 * len(rows) + 80),
        margin={"l": 0, "r": 10, "t": 10, "b": 0},
        yaxis={
            "automargin": True,
            "autorange": "reversed",  # oldest at the top, as the list below
            "categoryorder": "array",
            "categoryarray": [_wrap(e.title(lang), width) for e in rows],
        },
        xaxis={"type": "date", "tickformat": "%Y", "dtick": "M12", "showgrid": True},
        legend={"orientation": "h", "y": -0.12},
        font={"size": 13},
        separators=plotly_separators(lang),
    )
    return fig
