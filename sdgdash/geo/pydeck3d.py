"""DataFrame -> pydeck 3D view of the regions (extruded by value), without tiles (pure)."""

from __future__ import annotations

import copy
import html

import pandas as pd
import pydeck as pdk
from plotly.colors import get_colorscale, sample_colorscale, unlabel_rgb

from sdgdash.geo.choropleth import NEUTRAL_SCALE, NO_DATA_COLOUR
from sdgdash.i18n import fmt_number

# A local, empty MapLibre style (static/mapstyle/blank.json): without a style Streamlit loads a
# Carto basemap from the internet. Relative to the page, like the plotly basemap.
BLANK_STYLE = "app/static/mapstyle/blank.json"
MAX_ELEVATION_M = 400_000


def _rgb(hex_colour: str) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)]


def extruded(
    drawn: pd.DataFrame,
    geojson: dict,
    *,
    names: dict[str, str],
    unit_label: str,
    lang: str,
    higher_is_better: bool | None,
    palette: str = "RdYlBu",
) -> pdk.Deck:
    """Regions raised in proportion to their value and coloured worse -> better."""
    values = dict(zip(drawn["ref_area"], drawn["value"], strict=True))
    lo, hi = (min(values.values()), max(values.values())) if values else (0.0, 1.0)
    span = (hi - lo) or 1.0
    scale = get_colorscale(NEUTRAL_SCALE if higher_is_better is None else palette)
    gj = copy.deepcopy(geojson)
    for f in gj["features"]:
        code = f["properties"]["ref_area"]
        name = html.escape(names.get(code, code))
        if code in values:
            pos = (values[code] - lo) / span
            colour_pos = 1 - pos if higher_is_better is False else pos
            rgb = [int(c) for c in unlabel_rgb(sample_colorscale(scale, [colour_pos])[0])]
            f["properties"] |= {
                "name": name,
                "label": f"{fmt_number(values[code], lang)} {html.escape(unit_label)}",
                "elevation": 20_000 + pos * MAX_ELEVATION_M,
                "fill": [*rgb, 235],
            }
        else:
            f["properties"] |= {
                "name": name,
                "label": "–",
                "elevation": 0,
                "fill": [*_rgb(NO_DATA_COLOUR), 200],
            }
    layer = pdk.Layer(
        "GeoJsonLayer",
        gj,
        extruded=True,
        wireframe=True,
        get_elevation="properties.elevation",
        get_fill_color="properties.fill",
        get_line_color=[255, 255, 255],
        pickable=True,
        auto_highlight=True,
    )
    view = pdk.ViewState(latitude=47.5, longitude=67.5, zoom=3.4, pitch=50, bearing=-10)
    return pdk.Deck(
        layers=[layer],
        initial_view_state=view,
        map_style=BLANK_STYLE,
        tooltip={"html": "<b>{name}</b><br>{label}"},
    )
