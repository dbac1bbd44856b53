"""DataFrame -> plotly choropleth of Kazakhstan's regions, drawn without any basemap or tiles."""

from __future__ import annotations

import copy
import html
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely
from plotly.colors import get_colorscale, sample_colorscale
from plotly.subplots import make_subplots
from shapely.geometry import mapping, shape

from sdgdash.i18n import fmt_number, plotly_separators, t

NO_DATA_COLOUR = "#d9d9d9"
# Colour-blind-safe palettes. With a known direction the palette's last colour means "better"
# (ColorBrewer RdYlBu: red = worse, blue = better; viridis / cividis: dark = worse, light =
# better). Without one, a neutral sequential palette that says nothing about good or bad.
PALETTES: tuple[str, ...] = ("RdYlBu", "Viridis", "Cividis")
NEUTRAL_SCALE = "Blues"
CLASSINGS: tuple[str, ...] = ("continuous", "quantiles", "equal")
N_CLASSES = 5

# plotly.js asks for a world basemap before it draws a geo subplot; the app serves an empty one
# from its own static folder (see static/topojson/README.md) so nothing is fetched from a CDN.
PLOTLY_CONFIG = {
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "sdg_chart"},
}
# Fonts on a projector: every text of a figure grows by this factor in presentation mode.
PRESENT_SCALE = 1.45


def image_config(filename: str, config: dict | None = None) -> dict:
    """A plotly config whose toolbar "download as PNG" saves ``filename``.png (ASCII, no spaces)."""
    base = PLOTLY_CONFIG if config is None else config
    return base | {"toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename}}


TITLE_LINE_PX = 24  # one 15 px title line with its spacing, as plotly lays it out
SOURCE_LINE_PX = 20  # one 11 px source line


def titled(
    fig: go.Figure, title: str, source: str, width: int = 110, scale: float = 1.0
) -> go.Figure:
    """Put ``title`` and, under it, ``source`` on top of ``fig`` (in place, returned), so the
    image saved from the chart toolbar says what it shows and where the numbers come from.

    plotly lays a multi-line title out upwards from the top of the figure (its first lines
    would be cut off), while a subtitle grows downwards; so the title's first line is the
    title and its further lines open the subtitle, in the title's size (``scale`` x 15 px).
    """
    lines = [html.escape(x) for x in textwrap.wrap(title, width)] if title else []
    # The source line is in a smaller font: about 1.4 times as many characters fit on a line.
    sub_lines = textwrap.wrap(textwrap.shorten(source, 180), round(width * 1.4)) if source else []
    if not lines and not sub_lines:
        return fig
    size = round(15 * scale)
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
            "pad": {"t": 6, "b": 12, "l": 8},
            "automargin": True,
        },
        margin_t=max(top, 10),
    )
    if fig.layout.height:  # a fixed height keeps its plot area: the title block comes on top
        extra = TITLE_LINE_PX * len(lines) + SOURCE_LINE_PX * len(sub_lines)
        fig.update_layout(height=fig.layout.height + round(extra * scale))
    return fig


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


def for_d3(geojson: dict) -> dict:
    """A copy of a GeoJSON FeatureCollection with rings wound clockwise, as d3-geo (plotly) needs.

    RFC 7946 winds exterior rings counter-clockwise; d3 reads that as "everything but the shape".
    """
    out = copy.deepcopy(geojson)
    for feature in out["features"]:
        geom = shapely.orient_polygons(shape(feature["geometry"]), exterior_cw=True)
        feature["geometry"] = mapping(geom)
    return out


def class_edges(values: pd.Series, method: str, k: int = N_CLASSES) -> list[float]:
    """Class boundaries for ``values``: quantiles or equal intervals (fewer when values repeat)."""
    v = values.astype(float).to_numpy()
    if method == "quantiles":
        edges = np.quantile(v, np.linspace(0, 1, k + 1))
    elif method == "equal":
        edges = np.linspace(v.min(), v.max(), k + 1)
    else:
        raise ValueError(f"unknown classing {method!r}")
    return sorted({float(e) for e in edges})


def classify(values: pd.Series, edges: list[float]) -> np.ndarray:
    """Class index of each value (0 = lowest); the top edge belongs to the last class."""
    if len(edges) < 2:
        return np.zeros(len(values), dtype=int)
    inner = np.asarray(edges[1:-1])
    return np.searchsorted(inner, values.astype(float).to_numpy(), side="right")


def colour_spec(
    palette: str, higher_is_better: bool | None, n: int | None = None
) -> tuple[str | list, bool]:
    """(colorscale, reversescale) so the scale runs worse -> better; n > 0 gives n flat steps."""
    name = NEUTRAL_SCALE if higher_is_better is None else palette
    reverse = higher_is_better is False
    if not n:
        return name, reverse
    colours = sample_colorscale(get_colorscale(name), [i / max(n - 1, 1) for i in range(n)])
    if reverse:
        colours = colours[::-1]
    steps = []
    for i, c in enumerate(colours):
        steps += [[i / n, c], [(i + 1) / n, c]]
    return steps, False


def geo_frame(geojson: dict, pad: float = 0.4) -> dict:
    """Geo subplot settings that fill the plot with the shapes of ``geojson``.

    An equal-area azimuthal projection centred on the shapes, framed by their lon/lat box:
    plotly's ``fitbounds`` keeps a square frame (the country ends up small) and breaks with
    conic projections, so the box is given explicitly.
    """
    bounds = [shape(f["geometry"]).bounds for f in geojson["features"]]
    west, south = min(b[0] for b in bounds) - pad, min(b[1] for b in bounds) - pad
    east, north = max(b[2] for b in bounds) + pad, max(b[3] for b in bounds) + pad
    return {
        "fitbounds": False,
        "visible": False,
        "resolution": 110,
        "projection_type": "azimuthal equal area",
        "projection_rotation": {"lon": (west + east) / 2, "lat": (south + north) / 2},
        "lonaxis_range": [west, east],
        "lataxis_range": [south, north],
        "bgcolor": "rgba(0,0,0,0)",
    }


def subset(geojson: dict, codes: list[str]) -> dict:
    """The features of ``geojson`` for ``codes`` only: each trace carries just the shapes it
    draws, so a map sends every boundary once however many traces it has."""
    wanted = set(codes)
    return {
        "type": "FeatureCollection",
        "features": [f for f in geojson["features"] if f["properties"]["ref_area"] in wanted],
    }


def no_data_trace(
    geojson: dict, missing: list[str], names: dict[str, str], lang: str, line_width: float = 0.8
) -> go.Choropleth:
    """The units without a value, in grey, named "no data" on hover."""
    return go.Choropleth(
        geojson=subset(geojson, missing),
        featureidkey="properties.ref_area",
        locations=missing,
        z=[0] * len(missing),
        colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
        showscale=False,
        marker_line_color="white",
        marker_line_width=line_width,
        text=[f"<b>{html.escape(names.get(u, u))}</b><br>{t('no_data', lang)}" for u in missing],
        hovertemplate="%{text}<extra></extra>",
        name=t("no_data", lang),
    )


def rank_values(values: pd.Series, higher_is_better: bool | None) -> pd.Series:
    """Rank 1 = best (or highest when the direction is unknown); ties share the better rank."""
    ascending = higher_is_better is False
    return values.rank(method="min", ascending=ascending).astype("Int64")


def _hover(
    name: str,
    value: float,
    unit: str,
    year: int,
    rank: int,
    n: int,
    national: float | None,
    source: str,
    lang: str,
) -> str:
    lines = [
        f"<b>{html.escape(name)}</b>",
        f"{t('value', lang)}: <b>{fmt_number(value, lang)}</b> {html.escape(unit)}",
        f"{t('year', lang)}: {year}",
        f"{t('rank', lang)}: {t('rank_of', lang, rank=rank, n=n)}",
    ]
    if national is not None:
        lines.append(f"{t('national_value', lang)}: {fmt_number(national, lang)}")
    lines.append(f"{t('source', lang)}: {html.escape(source)}")
    return "<br>".join(lines)


def _values_trace(
    drawn: pd.DataFrame,
    geojson: dict,
    hover: list[str],
    unit_label: str,
    higher_is_better: bool | None,
    classes: str,
    palette: str,
    better_label: str,
    lang: str,
) -> go.Choropleth:
    title = html.escape(unit_label)
    if better_label and higher_is_better is not None:
        # The bar runs from low (bottom) to high (top): point to the better end.
        arrow = "▲" if higher_is_better else "▼"
        title += f"<br><sub>{arrow} {html.escape(better_label)}</sub>"
    colorbar = {
        "title": {"text": title, "side": "top", "font": {"size": 16}},
        "thickness": 22,
        "len": 0.85,
        "tickfont": {"size": 16},
    }
    values = drawn["value"]
    if classes == "continuous" or values.nunique() < 2:
        scale, reverse = colour_spec(palette, higher_is_better)
        z, extra = values.tolist(), {}
    else:
        edges = class_edges(values, classes)
        n = len(edges) - 1
        scale, reverse = colour_spec(palette, higher_is_better, n)
        z = classify(values, edges).tolist()
        colorbar |= {
            "tickvals": list(range(n)),
            "ticktext": [
                f"{fmt_number(a, lang, _digits(edges))} – {fmt_number(b, lang, _digits(edges))}"
                for a, b in zip(edges, edges[1:], strict=False)
            ],
        }
        extra = {"zmin": -0.5, "zmax": n - 0.5}
    return go.Choropleth(
        geojson=geojson,
        featureidkey="properties.ref_area",
        locations=drawn["ref_area"].tolist(),
        z=z,
        colorscale=scale,
        reversescale=reverse,
        marker_line_color="white",
        marker_line_width=0.8,
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        colorbar=colorbar,
        name="",
        **extra,
    )


def _digits(edges: list[float]) -> int:
    """Decimals enough to tell class boundaries apart (0 for wide ranges, up to 4)."""
    span = max(edges) - min(edges)
    if span >= 100:
        return 0
    if span >= 10:
        return 1
    if span >= 1:
        return 2
    return 4


def pilot_traces(pilots: dict, lang: str, labels: bool = True) -> list[go.Scattergeo]:
    """Karkaraly district outline and the pilot settlements as (labelled) markers."""
    traces = []
    for f in pilots["features"]:
        props = f["properties"]
        name = html.escape(props.get(f"name_{lang}") or props.get("name_en") or props["id"])
        geom = shape(f["geometry"])
        if props.get("kind") == "district" and props["id"].startswith("karkaraly"):
            polys = getattr(geom, "geoms", [geom])
            for poly in polys:
                lon, lat = poly.exterior.xy
                traces.append(
                    go.Scattergeo(
                        lon=list(lon),
                        lat=list(lat),
                        mode="lines",
                        line={"color": "#111111", "width": 2.5},
                        hoverinfo="text",
                        text=name,
                        showlegend=False,
                        name=name,
                    )
                )
            # Label beside the outline (east of it), so it does not cover the regions' colours.
            c = geom.representative_point()
            if labels:
                traces.append(_label(geom.bounds[2], c.y, name, "middle right", marker=False))
        elif props.get("kind") == "village":
            trace = _label(geom.x, geom.y, name, "bottom center", marker=True)
            if not labels:
                trace.mode = "markers"
            traces.append(trace)
    return traces


def _label(lon: float, lat: float, text: str, position: str, marker: bool) -> go.Scattergeo:
    return go.Scattergeo(
        lon=[lon],
        lat=[lat],
        mode="markers+text" if marker else "text",
        text=[text],
        textposition=position,
        textfont={"size": 14, "color": "#111111"},
        marker={
            "size": 12,
            "color": "#111111",
            "symbol": "star",
            "line": {"color": "white", "width": 1},
        },
        hoverinfo="text",
        showlegend=False,
        name=text,
    )


def choropleth(
    drawn: pd.DataFrame,
    geojson: dict,
    *,
    names: dict[str, str],
    unit_label: str,
    year: int,
    lang: str,
    national: float | None = None,
    higher_is_better: bool | None = None,
    title: str = "",
    height: int = 520,
    classes: str = "continuous",
    palette: str = "RdYlBu",
    pilots: dict | None = None,
    highlight: str | None = None,
    better_label: str = "",
) -> go.Figure:
    """Choropleth of ``drawn`` (columns ref_area, value, source_file, source_row) on ``geojson``.

    ``geojson`` is one layout's FeatureCollection already wound for d3 (:func:`for_d3`); units of
    the layout without a value are drawn grey and named "no data" on hover.
    """
    drawn = drawn.sort_values("ref_area").reset_index(drop=True)
    ranks = rank_values(drawn["value"], higher_is_better)
    hover = [
        _hover(
            names.get(r.ref_area, r.ref_area),
            r.value,
            unit_label,
            year,
            int(rank),
            len(drawn),
            national,
            f"{r.source_file}, {t('source_row', lang).lower()} {r.source_row}",
            lang,
        )
        for r, rank in zip(drawn.itertuples(), ranks, strict=True)
    ]
    all_units = [f["properties"]["ref_area"] for f in geojson["features"]]
    missing = [u for u in all_units if u not in set(drawn["ref_area"])]

    fig = go.Figure()
    if missing:
        fig.add_trace(no_data_trace(geojson, missing, names, lang))
    if len(drawn):
        fig.add_trace(
            _values_trace(
                drawn,
                subset(geojson, drawn["ref_area"].tolist()),
                hover,
                unit_label,
                higher_is_better,
                classes,
                palette,
                better_label,
                lang,
            )
        )
    if highlight and highlight in set(drawn["ref_area"]):
        fig.add_trace(
            go.Choropleth(
                geojson=subset(geojson, [highlight]),
                featureidkey="properties.ref_area",
                locations=[highlight],
                z=[0],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                marker_line_color="#111111",
                marker_line_width=3,
                hoverinfo="skip",
            )
        )
    if pilots:
        for trace in pilot_traces(pilots, lang):
            fig.add_trace(trace)
    fig.update_geos(**geo_frame(geojson))
    fig.update_layout(
        separators=plotly_separators(lang),
        title={"text": html.escape(title), "font": {"size": 18}} if title else None,
        height=height,
        margin={"l": 0, "r": 0, "t": 40 if title else 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        hoverlabel={"font_size": 14},
        dragmode=False,
    )
    return fig


def small_multiples(
    panels: list[tuple[int, dict, pd.DataFrame]],
    *,
    names: dict[str, str],
    unit_label: str,
    lang: str,
    higher_is_better: bool | None = None,
    palette: str = "RdYlBu",
    columns: int = 3,
) -> go.Figure:
    """The same selection over several years side by side, on one shared colour scale.

    ``panels`` holds (year, d3-wound layout geojson, drawn frame) per year.
    """
    rows = -(-len(panels) // columns)
    fig = make_subplots(
        rows=rows,
        cols=columns,
        specs=[[{"type": "choropleth"}] * columns for _ in range(rows)],
        subplot_titles=[str(year) for year, _, _ in panels],
        horizontal_spacing=0.01,
        vertical_spacing=0.06,
    )
    values = pd.concat([d["value"] for _, _, d in panels]) if panels else pd.Series(dtype=float)
    zmin, zmax = (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)
    scale, reverse = colour_spec(palette, higher_is_better)
    for i, (year, gj, drawn) in enumerate(panels):
        row, col = i // columns + 1, i % columns + 1
        missing = [
            f["properties"]["ref_area"]
            for f in gj["features"]
            if f["properties"]["ref_area"] not in set(drawn["ref_area"])
        ]
        if missing:
            fig.add_trace(no_data_trace(gj, missing, names, lang, 0.5), row=row, col=col)
        fig.add_trace(
            go.Choropleth(
                geojson=subset(gj, drawn["ref_area"].tolist()),
                featureidkey="properties.ref_area",
                locations=drawn["ref_area"].tolist(),
                z=drawn["value"].tolist(),
                zmin=zmin,
                zmax=zmax,
                colorscale=scale,
                reversescale=reverse,
                showscale=i == 0,
                marker_line_color="white",
                marker_line_width=0.5,
                colorbar={"title": {"text": html.escape(unit_label)}, "tickfont": {"size": 14}},
                text=[
                    f"<b>{html.escape(names.get(r.ref_area, r.ref_area))}</b> {year}: "
                    f"{fmt_number(r.value, lang)} {html.escape(unit_label)}"
                    for r in drawn.itertuples()
                ],
                hovertemplate="%{text}<extra></extra>",
            ),
            row=row,
            col=col,
        )
    if panels:
        fig.update_geos(**geo_frame(panels[0][1]))
    fig.update_layout(
        separators=plotly_separators(lang),
        height=260 * rows + 40,
        margin={"l": 0, "r": 0, "t": 30, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
    )
    fig.update_annotations(font_size=16)
    return fig


def locator(
    geojson: dict,
    ref_area: str,
    *,
    names: dict[str, str],
    lang: str,
    pilots: dict | None = None,
    colour: str = "#00689D",
    height: int = 260,
) -> go.Figure:
    """A small map that shows where one region lies (and its pilot territories)."""
    codes = [f["properties"]["ref_area"] for f in geojson["features"]]
    fig = go.Figure(
        go.Choropleth(
            geojson=geojson,
            featureidkey="properties.ref_area",
            locations=codes,
            z=[1 if c == ref_area else 0 for c in codes],
            colorscale=[[0, "#e6e6e6"], [1, colour]],
            zmin=0,
            zmax=1,
            showscale=False,
            marker_line_color="white",
            marker_line_width=0.7,
            text=[html.escape(names.get(c, c)) for c in codes],
            hovertemplate="%{text}<extra></extra>",
        )
    )
    if pilots:
        mine = {
            "type": "FeatureCollection",
            "features": [
                f for f in pilots["features"] if f["properties"].get("parent_ref_area") == ref_area
            ],
        }
        for trace in pilot_traces(mine, lang, labels=False):
            fig.add_trace(trace)
    fig.update_geos(**geo_frame(geojson))
    fig.update_layout(
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
        showlegend=False,
    )
    return fig
