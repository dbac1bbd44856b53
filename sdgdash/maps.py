"""DataFrame -> plotly choropleth of Kazakhstan's regions, drawn without any basemap or tiles."""

from __future__ import annotations

import copy
import html

import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.geometry import mapping, shape

from sdgdash.i18n import fmt_number, t

NO_DATA_COLOUR = "#d9d9d9"
# Colour-blind-safe diverging palette (ColorBrewer RdYlBu): red = worse, blue = better.
GOOD_BAD_SCALE = "RdYlBu"
# When an indicator has no curated direction, a neutral sequential palette (ColorBrewer).
NEUTRAL_SCALE = "Blues"

# plotly.js asks for a world basemap before it draws a geo subplot; the app serves an empty one
# from its own static folder (see static/topojson/README.md) so nothing is fetched from a CDN.
PLOTLY_CONFIG = {
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def for_d3(geojson: dict) -> dict:
    """A copy of a GeoJSON FeatureCollection with rings wound clockwise, as d3-geo (plotly) needs.

    RFC 7946 winds exterior rings counter-clockwise; d3 reads that as "everything but the shape".
    """
    out = copy.deepcopy(geojson)
    for feature in out["features"]:
        geom = shapely.orient_polygons(shape(feature["geometry"]), exterior_cw=True)
        feature["geometry"] = mapping(geom)
    return out


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
        fig.add_trace(
            go.Choropleth(
                geojson=geojson,
                featureidkey="properties.ref_area",
                locations=missing,
                z=[0] * len(missing),
                colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
                showscale=False,
                marker_line_color="white",
                marker_line_width=0.8,
                text=[
                    f"<b>{html.escape(names.get(u, u))}</b><br>{t('no_data', lang)}"
                    for u in missing
                ],
                hovertemplate="%{text}<extra></extra>",
                name=t("no_data", lang),
            )
        )
    if len(drawn):
        scale = NEUTRAL_SCALE if higher_is_better is None else GOOD_BAD_SCALE
        fig.add_trace(
            go.Choropleth(
                geojson=geojson,
                featureidkey="properties.ref_area",
                locations=drawn["ref_area"].tolist(),
                z=drawn["value"].tolist(),
                colorscale=scale,
                # RdYlBu runs red (low) to blue (high): reverse it when lower values are better.
                reversescale=higher_is_better is False,
                marker_line_color="white",
                marker_line_width=0.8,
                text=hover,
                hovertemplate="%{text}<extra></extra>",
                colorbar={
                    "title": {"text": html.escape(unit_label), "side": "right"},
                    "thickness": 18,
                    "len": 0.8,
                    "tickfont": {"size": 14},
                },
                name="",
            )
        )
    fig.update_geos(
        fitbounds="locations",
        visible=False,
        resolution=110,
        # Equal-area and centred on the shapes by fitbounds; conic projections with custom
        # parallels break plotly's fitbounds (the country shrinks to a dot).
        projection_type="azimuthal equal area",
        bgcolor="rgba(0,0,0,0)",
    )
    fig.update_layout(
        title={"text": html.escape(title), "font": {"size": 18}} if title else None,
        height=height,
        margin={"l": 0, "r": 0, "t": 40 if title else 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        hoverlabel={"font_size": 14},
        dragmode=False,
    )
    return fig
