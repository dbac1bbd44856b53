"""What every plotly figure of the app shares: the offline config, the title and source drawn
inside the figure, and the projector scale of presentation mode (pure)."""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from sdgdash.i18n import t

# plotly.js asks for a world basemap before it draws a geo subplot; the app serves an empty one
# from its own static folder (see static/topojson/README.md) so nothing is fetched from a CDN.
PLOTLY_CONFIG = {
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "sdg_chart"},
}


# Text drawn on a coloured area (goal tiles, the goal banner) is white or this near-black,
# whichever is more legible on the colour.
DARK_TEXT = "#1a1a1a"
WHITE_TEXT = "#ffffff"


def _luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    h = hex_colour.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21; AA asks 4.5 for body text)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_colour_on(background: str) -> str:
    """White or near-black text, whichever contrasts more with ``background``: the official SDG
    colours stay, and the number and name on goal 7's yellow or goal 6's light blue are dark."""
    white = contrast_ratio(WHITE_TEXT, background)
    return WHITE_TEXT if white >= contrast_ratio(DARK_TEXT, background) else DARK_TEXT


def by_year(long: pd.DataFrame, series: dict[str, str], lang: str) -> pd.DataFrame:
    """A line chart's values as a table a screen reader can read: one row per year, one column
    per line. ``long`` has year, series (the key of a line) and value; ``series`` maps each key
    to its column title, in the order of the chart's legend."""
    wide = long.pivot_table(index="year", columns="series", values="value", aggfunc="first")
    wide = wide.reindex(columns=[k for k in series if k in wide.columns]).sort_index()
    out = wide.rename(columns=series).reset_index().rename(columns={"year": t("year", lang)})
    out.columns.name = None
    return out


# Axis, legend, colour-bar and hover text. Streamlit's plotly theme writes them in #808495
# (3.8:1 on white, under WCAG AA's 4.5:1); this grey is plotly's own default (9.7:1).
CHART_TEXT = "#444444"


def legible(fig: go.Figure) -> go.Figure:
    """Axis, legend, colour-bar, hover and point-label text in :data:`CHART_TEXT` (in place,
    returned): set on the figure, they win over the theme Streamlit lays over it."""
    fig.update_xaxes(tickfont_color=CHART_TEXT, title_font_color=CHART_TEXT)
    fig.update_yaxes(tickfont_color=CHART_TEXT, title_font_color=CHART_TEXT)
    fig.update_layout(legend_font_color=CHART_TEXT)
    if not fig.layout.hoverlabel.font.color:  # the theme's hover text is the same light grey
        fig.update_layout(hoverlabel_font_color=CHART_TEXT)
    for trace in fig.data:
        bar = getattr(trace, "colorbar", None)
        if bar is not None:
            bar.tickfont.color = CHART_TEXT
            bar.title.font.color = CHART_TEXT
        # Labels written beside points ("Base", "Latest", a target) or past the end of a bar
        # take the theme's grey too; inside a bar plotly picks black or white for the bar.
        if trace.type == "scatter" and "text" in (trace.mode or "") and not trace.textfont.color:
            trace.textfont.color = CHART_TEXT
        if trace.type == "bar" and not trace.textfont.color and not trace.outsidetextfont.color:
            trace.outsidetextfont.color = CHART_TEXT
    return fig


# Fonts on a projector: every text of a figure grows by this factor in presentation mode.
PRESENT_SCALE = 1.45


def image_config(filename: str, config: dict | None = None) -> dict:
    """A plotly config whose toolbar "download as PNG" saves ``filename``.png (ASCII, no spaces)."""
    base = PLOTLY_CONFIG if config is None else config
    return base | {"toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename}}


TITLE_LINE_PX = 24  # one 15 px title line with its spacing, as plotly lays it out


SOURCE_LINE_PX = 20  # one 11 px source line


# The toolbar (shown on hover) covers the top right corner: the title's first line leaves it
# free, as many characters of a 15 px bold title as its icons are wide.
MODEBAR_CHARS = 22


def title_lines(title: str, width: int) -> list[str]:
    """``title`` wrapped at ``width`` characters, the first line shorter by the toolbar's width
    (a word longer than a line is kept whole)."""
    if not title:
        return []
    first = textwrap.wrap(title, max(width - MODEBAR_CHARS, 20), break_long_words=False)
    rest = title[len(first[0]) :].strip() if first else ""
    return first[:1] + (textwrap.wrap(rest, width, break_long_words=False) if rest else [])


def titled(
    fig: go.Figure, title: str, source: str, width: int = 110, scale: float = 1.0
) -> go.Figure:
    """Put ``title`` and, under it, ``source`` on top of ``fig`` (in place, returned), so the
    image saved from the chart toolbar says what it shows and where the numbers come from.

    plotly lays a multi-line title out upwards from the top of the figure (its first lines
    would be cut off), while a subtitle grows downwards; so the title's first line is the
    title and its further lines open the subtitle, in the title's size (``scale`` x 15 px).
    """
    lines = [html.escape(x) for x in title_lines(title, width)]
    # The source line is in a smaller font: about 1.4 times as many characters fit on a line.
    sub_lines = textwrap.wrap(textwrap.shorten(source, 180), round(width * 1.4)) if source else []
    if not lines and not sub_lines:
        return fig
    size = round(15 * scale)
    # Subplot titles sit just above the plot area: keep the title block clear of them.
    above = sum(
        1
        for a in fig.layout.annotations
        if a.yref == "paper" and a.y is not None and a.y >= 0.999 and a.yanchor == "bottom"
    )
    more = [f"<span style='font-size:{size}px;color:#262730'><b>{x}</b></span>" for x in lines[1:]]
    top = fig.layout.margin.t or 0
    fig.update_layout(
        title={
            "text": f"<b>{lines[0]}</b>" if lines else " ",
            "font": {"size": size},
            "subtitle": {
                "text": "<br>".join([*more, *(html.escape(x) for x in sub_lines)]),
                "font": {"size": round(11 * scale), "color": "#555555"},
            },
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            # At the top of the figure; with yref "container" plotly's automargin keeps the
            # plot area, top tick labels and axis titles below it.
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 6, "b": 12 + (round(22 * scale) if above else 0), "l": 8},
            "automargin": True,
        },
        margin_t=max(top, 10),
    )
    if fig.layout.height:  # a fixed height keeps its plot area: the title block comes on top
        extra = TITLE_LINE_PX * len(lines) + SOURCE_LINE_PX * len(sub_lines) + (22 if above else 0)
        fig.update_layout(height=fig.layout.height + round(extra * scale))
    return fig


def dressed(
    fig: go.Figure, title: str = "", source: str = "", wrap: int = 110, big: bool = False
) -> go.Figure:
    """``fig`` as the app draws it (in place, returned): projector fonts when ``big``
    (presentation mode), ``title`` and ``source`` on top (:func:`titled`, wrapping at ``wrap``
    characters at the normal size) and legible axis text (:func:`legible`)."""
    if big:
        presentation(fig)
    scale = PRESENT_SCALE if big else 1.0
    titled(fig, title, source, width=round(wrap / scale), scale=scale)
    return legible(fig)


def presentation(fig: go.Figure, scale: float = PRESENT_SCALE) -> go.Figure:
    """Larger fonts everywhere in ``fig`` (in place, returned), for a projector."""

    def grow(size: float | None, default: float) -> int:
        return round((size or default) * scale)

    lay = fig.layout
    fig.update_layout(
        font_size=grow(lay.font.size, 12),
        title_font_size=grow(lay.title.font.size, 16),
        legend_font_size=grow(lay.legend.font.size, 13),
        hoverlabel_font_size=grow(lay.hoverlabel.font.size, 13),
        height=round((lay.height or 450) * 1.2),
    )
    if lay.title.subtitle.text:
        fig.update_layout(title_subtitle_font_size=grow(lay.title.subtitle.font.size, 11))
    for ann in lay.annotations:
        ann.font.size = grow(ann.font.size, 12)
    for trace in fig.data:
        bar = getattr(trace, "colorbar", None)
        if bar is not None and getattr(trace, "showscale", True) is not False:
            bar.tickfont.size = grow(bar.tickfont.size, 12)
            bar.title.font.size = grow(bar.title.font.size, 14)
        if getattr(trace, "textfont", None) is not None and trace.type in ("scattergeo", "bar"):
            trace.textfont.size = grow(trace.textfont.size, 12)
    fig.update_xaxes(tickfont_size=grow(None, 13), title_font_size=grow(None, 14))
    fig.update_yaxes(tickfont_size=grow(None, 13), title_font_size=grow(None, 14))
    return fig


GOAL_LABEL_WIDTH = 28  # characters per line of a goal's name on a chart's axis


def goal_label(goal: int, name: str) -> str:
    """A goal's number and short name for a category axis, in lines of about 28 characters (the
    axis stays narrow enough for a phone)."""
    lines = textwrap.wrap(f"{goal}. {name}", GOAL_LABEL_WIDTH, break_long_words=False)
    return "<br>".join(html.escape(x) for x in lines)
