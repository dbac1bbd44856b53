"""Locator map of a territory: its parent region shaded, the neighbours outlined (pure plotly).

Drawn like every map of the app (sdgdash/maps.py): no basemap, no tiles, nothing fetched.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go
from shapely.geometry import shape
from shapely.ops import polylabel

from sdgdash.maps import geo_frame, subset

PARENT_COLOUR = "#00689D"
NEIGHBOUR_COLOUR = "#eeeeee"
TERRITORY_COLOUR = "#E5243B"


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
    height: int = 460,
) -> go.Figure:
    """Parent region shaded, neighbour regions outlined and named, the territory on top
    (a polygon outline for a district, a marker for a settlement), everything labelled."""
    near = neighbours(geojson, parent)
    codes = [parent, *near]
    part = subset(geojson, codes)
    fig = go.Figure(
        go.Choropleth(
            geojson=part,
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
    # parent's name goes where the territory is not, so the two labels do not overlap.
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
                text=[html.escape(names.get(code, code))],
                textfont={
                    "size": 15 if is_parent else 12,
                    "color": "#0b3d5c" if is_parent else "#666666",
                },
                hoverinfo="skip",
                showlegend=False,
            )
        )
    fig.add_traces(territory_traces(feature, territory_name))
    frame = {"type": "FeatureCollection", "features": part["features"]}
    fig.update_geos(**geo_frame(frame, pad=0.3))
    fig.update_layout(
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
        showlegend=False,
        hoverlabel={"font_size": 14},
    )
    return fig


def label_point(geom):
    """The point deepest inside the largest part of ``geom`` (where a name fits best)."""
    parts = getattr(geom, "geoms", [geom])
    biggest = max(
        (p for p in parts if p.geom_type == "Polygon"), key=lambda p: p.area, default=None
    )
    if biggest is None:
        return geom.representative_point()
    return polylabel(biggest, tolerance=0.01)


def territory_traces(feature: dict, name: str) -> list[go.Scattergeo]:
    """The territory: filled outline for a polygon, a star marker for a point, with its name."""
    geom = shape(feature["geometry"])
    label = html.escape(name)
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
                    text=label,
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
        separators=", " if lang in ("ru", "kk") else ".,",
    )
    return fig
