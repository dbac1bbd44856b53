"""Figures of the map page: the map itself and one region's series against Kazakhstan's
(pure plotly)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from sdgdash import figures
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, per_view
from sdgdash.features.compare.charts import compare_lines
from sdgdash.features.map.view import MapView, label_points, map_view
from sdgdash.geo.choropleth import CLASSINGS, PALETTES, choropleth
from sdgdash.i18n import plotly_separators, t


def region_trend(
    regional: pd.DataFrame,
    national: pd.DataFrame,
    ref_area: str,
    names: dict[str, str],
    unit_label: str,
    lang: str,
    plan: pd.DataFrame | None = None,
) -> go.Figure:
    """One region's values over the years against Kazakhstan's, as two lines (a small chart),
    with its plan line (``plans.view.plan_chart_frame``) when it has one."""
    plans = {ref_area: plan} if plan is not None else None
    fig = compare_lines(regional, national, [ref_area], names, unit_label, lang, plans)
    fig.update_layout(
        separators=plotly_separators(lang),
        height=260,
        legend={"y": -0.25, "font": {"size": 13}},
        xaxis={"dtick": None, "nticks": 6},
        font={"size": 12},
    )
    return fig


# The map's height with its legend: the country fills a column of about 900 px (the map page's
# map column at 1366 px) with room for the title and the legend under it.
MAP_HEIGHT = 560


@dataclass(frozen=True)
class MapOptions:
    """How a map is drawn: classes, palette, pilot territories, names and values written on the
    regions, height in pixels (the direction is the view's)."""

    classes: str = CLASSINGS[0]
    palette: str = PALETTES[0]
    pilots: bool = False
    labels: bool = True
    height: int = MAP_HEIGHT


def map_figure(
    data: Data,
    view: MapView,
    lang: str,
    opts: MapOptions | None = None,
    highlight: str | None = None,
) -> go.Figure:
    """A map view as the app's choropleth (region names and units in ``lang``)."""
    opts = opts or MapOptions()
    labels = data.labels()
    return choropleth(
        view.drawn,
        data.geojson(view.layout),
        names={code: labels.region_name(code, lang) for code in labels.regions},
        unit_label=labels.code_label("unit", view.selection.unit, lang),
        year=view.year,
        lang=lang,
        national=view.national,
        higher_is_better=view.higher_is_better,
        classes=opts.classes,
        palette=opts.palette,
        pilots=data.pilots() if opts.pilots else None,
        highlight=highlight,
        better_label=t("better", lang),
        label_at=label_points(data, view.layout) if opts.labels else None,
        height=opts.height,
        geojson_url=data.geojson_url(view.layout),
    )


@per_view
def map_chart(
    data: Data,
    sel: Selection,
    year: int,
    lang: str,
    opts: MapOptions,
    highlight: str | None,
    title: str,
    source: str,
    wrap: int,
    big: bool,
) -> go.Figure:
    """The map of ``sel`` in ``year`` as a page draws it (:func:`map_figure` of
    :func:`~sdgdash.features.map.view.map_view`, dressed with its title and source, projector
    fonts when ``big``): built once per process and arguments, so a year or region already
    shown costs no figure work. Shared: callers never change it (``st.plotly_chart`` copies)."""
    fig = map_figure(data, map_view(data, sel, year), lang, opts, highlight)
    return figures.dressed(fig, title, source, wrap, big)
