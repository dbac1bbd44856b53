"""Locator map of a territory: its parent region shaded, the neighbours outlined (pure plotly).

Drawn like every map of the app (sdgdash/maps.py): no basemap, no tiles, nothing fetched.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

import plotly.graph_objects as go
from shapely.geometry import shape

from sdgdash.geo.choropleth import geo_frame, pilot_traces, shapes_for, subset
from sdgdash.geo.labelling import label_point, wrapped_name
from sdgdash.i18n import plotly_separators, t

PARENT_COLOUR = "#00689D"
NEIGHBOUR_COLOUR = "#eeeeee"
TERRITORY_COLOUR = "#E5243B"
# Hover labels do not wrap: a long event title is broken into lines of about this many characters.
HOVER_WIDTH = 48
# Characters per line of a neighbour region's name ("Almaty" / "region").
NEIGHBOUR_WIDTH = 10


def neighbours(geojson: dict, ref_area: str) -> list[str]:
    """Codes of the units of ``geojson`` that share a boundary with ``ref_area`` (sorted)."""
    shapes = {f["properties"]["ref_area"]: shape(f["geometry"]) for f in geojson["features"]}
    if ref_area not in shapes:
        return []
    # A small buffer: shared edges are identical after the coverage clean, but rounding to
    # three decimals can leave hairline gaps.
    mine = shapes[ref_area].buffer(0.01)
    return sorted(c for c, s in shapes.items() if c != ref_area and mine.intersects(s))


def territory_locator(
    geojson: dict,
    parent: str,
    feature: dict,
    *,
    names: dict[str, str],
    territory_name: str,
    events: Sequence[tuple[str, str]] = (),
    findings: int = 0,
    lang: str = "en",
    height: int = 460,
    geojson_url: str | None = None,
) -> go.Figure:
    """Parent region shaded, neighbour regions outlined and named, the territory on top
    (a polygon outline for a district, a marker for a settlement), everything labelled.

    ``events`` are the territory's events as (date label, title) in ``lang`` and ``findings``
    the number of findings recorded for it: the territory's hover lists them and a legend line
    counts them (no legend when there are none). ``geojson_url``: the layout published
    (:mod:`sdgdash.geo.published`), referenced instead of carrying the shapes.
    """
    near = neighbours(geojson, parent)
    codes = [parent, *near]
    part = subset(geojson, codes)
    fig = go.Figure(
        go.Choropleth(
            geojson=shapes_for(geojson, codes, geojson_url),
            featureidkey="properties.ref_area",
            locations=codes,
            z=[1] + [0] * len(near),
            colorscale=[[0, NEIGHBOUR_COLOUR], [1, "#b3d4e6"]],
            zmin=0,
            zmax=1,
            showscale=False,
            marker_line_color=["#00689D", *["#888888"] * len(near)],
            marker_line_width=1.2,
            text=[html.escape(names.get(c, c)) for c in codes],
            hovertemplate="%{text}<extra></extra>",
        )
    )
    # Region names at a point inside each region (neighbours in grey, the parent in bold); the
    # parent's name goes where the territory is not, so the two labels do not overlap. A
    # neighbour's name takes short lines (NEIGHBOUR_WIDTH): on one line, neighbours whose label
    # points are close run into each other (Almaty's and Zhetysu's beside Karaganda).
    terr_geom = shape(feature["geometry"]).buffer(0.3)
    for code in codes:
        geom = shape(
            next(f for f in part["features"] if f["properties"]["ref_area"] == code)["geometry"]
        )
        free = geom.difference(terr_geom) if code == parent else geom
        pt = label_point(free if not free.is_empty else geom)
        is_parent = code == parent
        fig.add_trace(
            go.Scattergeo(
                lon=[pt.x],
                lat=[pt.y],
                mode="text",
                text=[
                    html.escape(names.get(code, code))
                    if is_parent
                    else "<br>".join(
                        html.escape(x) for x in wrapped_name(names.get(code, code), NEIGHBOUR_WIDTH)
                    )
                ],
                textfont={
                    "size": 15 if is_parent else 12,
                    "color": "#0b3d5c" if is_parent else "#666666",
                },
                hoverinfo="skip",
                showlegend=False,
            )
        )
    hover = territory_hover(territory_name, events, findings, lang)
    fig.add_traces(territory_traces(feature, territory_name, hover))
    note = activity_note(len(events), findings, lang)
    if note:
        fig.add_trace(legend_entry(feature, f"{territory_name} — {note}"))
    frame = {"type": "FeatureCollection", "features": part["features"]}
    fig.update_geos(**geo_frame(frame, pad=0.3))
    fig.update_layout(
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
        showlegend=bool(note),
        # The legend only counts the territory's events and findings: clicking it hides nothing.
        legend={
            "x": 0.01,
            "y": 0.99,
            "xanchor": "left",
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.9)",
            "bordercolor": "#cccccc",
            "borderwidth": 1,
            "font": {"size": 14, "color": "#111111"},
            "itemclick": False,
            "itemdoubleclick": False,
        },
        hoverlabel={
            "font": {"size": 14, "color": "#111111"},
            "bgcolor": "white",
            "bordercolor": "#888888",
            "align": "left",
        },
    )
    return fig


def legend_entry(feature: dict, text: str) -> go.Scattergeo:
    """A legend line for the territory, drawn with its symbol (a red patch for a polygon, the
    star for a point); the trace itself draws nothing on the map."""
    polygon = shape(feature["geometry"]).geom_type in ("Polygon", "MultiPolygon")
    marker = {
        "size": 14 if polygon else 16,
        "symbol": "square" if polygon else "star",
        "color": "rgba(229,36,59,0.35)" if polygon else TERRITORY_COLOUR,
        "line": {"color": TERRITORY_COLOUR, "width": 2},
    }
    return go.Scattergeo(
        lon=[None],
        lat=[None],
        mode="markers",
        marker=marker,
        name=html.escape(text),
        hoverinfo="skip",
        showlegend=True,
    )


def activity_note(n_events: int, n_findings: int, lang: str) -> str:
    """The map's note, like "Events: 2 · Seminar findings: 3", in ``lang``: only the non-zero
    counts, "" when both are zero."""
    parts = []
    if n_events:
        parts.append(t("terr_map_events", lang, n=n_events))
    if n_findings:
        parts.append(t("terr_map_findings", lang, n=n_findings))
    return " · ".join(parts)


def territory_hover(name: str, events: Sequence[tuple[str, str]], findings: int, lang: str) -> str:
    """The territory's hover text (HTML, user text escaped): its name, each event's date and
    title, the number of findings."""
    lines = [f"<b>{html.escape(name)}</b>"]
    if events:
        lines.append(html.escape(t("terr_map_events", lang, n=len(events))))
        for date, title in events:
            wrapped = textwrap.wrap(f"{date} — {title}", HOVER_WIDTH) or [""]
            lines.append("• " + "<br>\u00a0\u00a0\u00a0".join(html.escape(w) for w in wrapped))
    if findings:
        lines.append(html.escape(t("terr_map_findings", lang, n=findings)))
    return "<br>".join(lines)


def territory_traces(feature: dict, name: str, hover: str | None = None) -> list[go.Scattergeo]:
    """The territory: filled outline for a polygon, a star marker for a point, with its name;
    ``hover`` (HTML) is shown over the outline, the star and a polygon's centre."""
    geom = shape(feature["geometry"])
    label = html.escape(name)
    hover = hover if hover is not None else label
    traces: list[go.Scattergeo] = []
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        for poly in getattr(geom, "geoms", [geom]):
            lon, lat = poly.exterior.xy
            traces.append(
                go.Scattergeo(
                    lon=list(lon),
                    lat=list(lat),
                    mode="lines",
                    fill="toself",
                    fillcolor="rgba(229,36,59,0.35)",
                    line={"color": TERRITORY_COLOUR, "width": 2.5},
                    hoverinfo="text",
                    hovertext=hover,
                    showlegend=False,
                )
            )
        # A filled scattergeo answers hover only on its outline: an invisible marker inside the
        # polygon makes the territory's events show when the pointer is over the territory.
        inside = label_point(geom)
        traces.append(
            go.Scattergeo(
                lon=[inside.x],
                lat=[inside.y],
                mode="markers",
                marker={"size": 28, "color": TERRITORY_COLOUR, "opacity": 0},
                hoverinfo="text",
                hovertext=[hover],
                showlegend=False,
            )
        )
        # Above the outline, so the name neither covers the shape nor runs off the map's edge.
        west, _, east, north = geom.bounds
        traces.append(_text((west + east) / 2, north, label, "top center"))
    else:
        pt = geom.centroid if geom.geom_type != "Point" else geom
        traces.append(
            go.Scattergeo(
                lon=[pt.x],
                lat=[pt.y],
                mode="markers+text",
                text=[label],
                textposition="top center",
                textfont={"size": 15, "color": "#111111"},
                marker={
                    "size": 16,
                    "color": TERRITORY_COLOUR,
                    "symbol": "star",
                    "line": {"color": "white", "width": 1.5},
                },
                hoverinfo="text",
                hovertext=[hover],
                showlegend=False,
            )
        )
    return traces


def _text(lon: float, lat: float, text: str, position: str) -> go.Scattergeo:
    return go.Scattergeo(
        lon=[lon],
        lat=[lat],
        mode="text",
        text=[f"<b>{text}</b>"],
        textposition=position,
        textfont={"size": 15, "color": "#111111"},
        hoverinfo="skip",
        showlegend=False,
    )


def three_lines(series, labels: dict[str, str], unit_label: str, lang: str) -> go.Figure:
    """Territory, region and Kazakhstan over the years (``series``: year, place, value)."""
    styles = {
        "territory": {"color": TERRITORY_COLOUR, "width": 3},
        "region": {"color": PARENT_COLOUR, "width": 3},
        "national": {"color": "#555555", "width": 2, "dash": "dot"},
    }
    fig = go.Figure()
    for place in ("territory", "region", "national"):
        part = series[series["place"] == place].sort_values("year")
        if not len(part):
            continue
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["value"],
                mode="lines+markers",
                name=html.escape(labels[place]),
                line=styles[place],
            )
        )
    fig.update_layout(
        height=340,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        legend={"orientation": "h", "y": -0.2, "font": {"size": 14}},
        yaxis={"title": html.escape(unit_label)},
        xaxis={"tickformat": "d"},
        font={"size": 14},
        separators=plotly_separators(lang),
    )
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
    geojson_url: str | None = None,
) -> go.Figure:
    """A small map that shows where one region lies (and its pilot territories); with
    ``geojson_url`` (the layout published) the shapes are referenced, not carried."""
    codes = [f["properties"]["ref_area"] for f in geojson["features"]]
    fig = go.Figure(
        go.Choropleth(
            geojson=geojson_url or geojson,
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
