"""DataFrame -> plotly choropleth of Kazakhstan's regions, drawn without any basemap or tiles."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import get_colorscale, sample_colorscale
from plotly.subplots import make_subplots
from shapely.geometry import shape

from sdgdash.geo.labelling import LabelPoint, wrapped_name
from sdgdash.i18n import fmt_number, plotly_separators, t

NO_DATA_COLOUR = "#d9d9d9"
# Colour-blind-safe palettes. With a known direction the palette's last colour means "better"
# (ColorBrewer RdYlBu: red = worse, blue = better; viridis / cividis: dark = worse, light =
# better). Without one, a neutral sequential palette that says nothing about good or bad.
PALETTES: tuple[str, ...] = ("RdYlBu", "Viridis", "Cividis")
NEUTRAL_SCALE = "Blues"
CLASSINGS: tuple[str, ...] = ("continuous", "quantiles", "equal")
N_CLASSES = 5


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


def shapes_for(geojson: dict, codes: list[str], url: str | None = None) -> dict | str:
    """What a trace gets as its ``geojson``: the layout's URL when it is published (plotly.js
    draws only the features named in ``locations``, and fetches the file once per page), else
    the features of ``codes`` only."""
    return url if url else subset(geojson, codes)


def no_data_trace(
    geojson: dict,
    missing: list[str],
    names: dict[str, str],
    lang: str,
    line_width: float = 0.8,
    url: str | None = None,
) -> go.Choropleth:
    """The units without a value, in grey, named "no data" on hover."""
    return go.Choropleth(
        geojson=shapes_for(geojson, missing, url),
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


def legend_title(unit_label: str, better_label: str, higher_is_better: bool | None) -> str:
    """The colour bar's title: the unit and, with a direction, which end is better (the bar
    runs from low on the left to high on the right)."""
    title = html.escape(unit_label)
    if better_label and higher_is_better is not None:
        better = html.escape(better_label)
        title += ("   " if title else "") + (f"{better} ▶" if higher_is_better else f"◀ {better}")
    return title


def legend_under_map(title: str) -> dict:
    """A map's colour bar under the map, across it: the map gets the figure's whole width (on a
    phone too), the title is never clipped, and a region's hover label, which opens beside the
    pointer, does not reach it."""
    return {
        "title": {"text": title, "side": "top", "font": {"size": 14}},
        "orientation": "h",
        "thickness": 14,
        "len": 0.8,
        "x": 0.5,
        "xanchor": "center",
        "y": 0,
        "yanchor": "top",
        "ypad": 6,
        "tickfont": {"size": 13},
    }


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
    colorbar = legend_under_map(legend_title(unit_label, better_label, higher_is_better))
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


# A white halo around dark text: legible on every colour of the palettes and on grey.
LABEL_HALO = "0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff"
LABEL_FONT = {"size": 11, "color": "#111111", "shadow": LABEL_HALO}


def label_traces(
    drawn: pd.DataFrame,
    units: list[str],
    points: dict[str, LabelPoint],
    names: dict[str, str],
    lang: str,
) -> list[go.Scattergeo]:
    """Every unit's name and, in bold, its value written on the map (units without a value get
    their name and a dash), so one value is read without hovering. A region's label sits at its
    deepest point; a small city gets a dot with its label beside it. Labels take no hover or
    click: those go to the region under them."""
    values = dict(zip(drawn["ref_area"], drawn["value"], strict=True))
    big, small = [], []
    for code in units:
        if code not in points:
            continue
        value = values.get(code)
        name = "<br>".join(html.escape(x) for x in wrapped_name(names.get(code, code)))
        shown = f"<b>{fmt_number(value, lang)}</b>" if value is not None else "—"
        (small if points[code].small else big).append((points[code], f"{name}<br>{shown}"))
    traces = []
    for group, small_unit in ((big, False), (small, True)):
        if not group:
            continue
        traces.append(
            go.Scattergeo(
                lon=[p.lon for p, _ in group],
                lat=[p.lat for p, _ in group],
                text=[text for _, text in group],
                mode="markers+text" if small_unit else "text",
                textposition="middle right" if small_unit else "middle center",
                textfont=LABEL_FONT,
                marker={"size": 6, "color": "#111111", "line": {"color": "#fff", "width": 1.5}},
                hoverinfo="skip",
                showlegend=False,
                name="labels",
            )
        )
    return traces


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
    label_at: dict[str, LabelPoint] | None = None,
    geojson_url: str | None = None,
) -> go.Figure:
    """Choropleth of ``drawn`` (columns ref_area, value, source_file, source_row) on ``geojson``.

    ``geojson`` is one layout's FeatureCollection already wound for d3 (:func:`for_d3`); units of
    the layout without a value are drawn grey and named "no data" on hover. With ``label_at``
    (:func:`sdgdash.geo.labelling.label_points` of the layout) every unit carries its name and
    value. With ``geojson_url`` (the same layout published, :mod:`sdgdash.geo.published`) the
    traces reference it instead of carrying the shapes.
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
        fig.add_trace(no_data_trace(geojson, missing, names, lang, url=geojson_url))
    if len(drawn):
        fig.add_trace(
            _values_trace(
                drawn,
                shapes_for(geojson, drawn["ref_area"].tolist(), geojson_url),
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
                geojson=shapes_for(geojson, [highlight], geojson_url),
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
    if label_at:
        for trace in label_traces(drawn, all_units, label_at, names, lang):
            fig.add_trace(trace)
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
    panels: list[tuple[int, dict, pd.DataFrame, str | None]],
    *,
    names: dict[str, str],
    unit_label: str,
    lang: str,
    higher_is_better: bool | None = None,
    palette: str = "RdYlBu",
    columns: int = 3,
) -> go.Figure:
    """The same selection over several years side by side, on one shared colour scale.

    ``panels`` holds (year, d3-wound layout geojson, drawn frame, the layout's published URL
    or None) per year.
    """
    rows = -(-len(panels) // columns)
    fig = make_subplots(
        rows=rows,
        cols=columns,
        specs=[[{"type": "choropleth"}] * columns for _ in range(rows)],
        subplot_titles=[str(year) for year, *_ in panels],
        horizontal_spacing=0.01,
        vertical_spacing=0.06,
    )
    values = pd.concat([p[2]["value"] for p in panels]) if panels else pd.Series(dtype=float)
    zmin, zmax = (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)
    scale, reverse = colour_spec(palette, higher_is_better)
    for i, (year, gj, drawn, url) in enumerate(panels):
        row, col = i // columns + 1, i % columns + 1
        missing = [
            f["properties"]["ref_area"]
            for f in gj["features"]
            if f["properties"]["ref_area"] not in set(drawn["ref_area"])
        ]
        if missing:
            fig.add_trace(no_data_trace(gj, missing, names, lang, 0.5, url), row=row, col=col)
        fig.add_trace(
            go.Choropleth(
                geojson=shapes_for(gj, drawn["ref_area"].tolist(), url),
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


def change_choropleth(
    changes: pd.DataFrame,
    geojson: dict,
    *,
    names: dict[str, str],
    unit_label: str,
    years: tuple[int, int],
    lang: str,
    higher_is_better: bool | None,
    palette: str = "RdYlBu",
    outcome_labels: dict[str, str] | None = None,
    left_out: dict[str, str] | None = None,
    measure: str = "change",
    measure_label: str = "",
    height: int = 520,
    geojson_url: str | None = None,
) -> go.Figure:
    """The change of each region between two years (``changes``: ref_area, value_a, value_b,
    change, change_pct, change_per_year, outcome) on ``geojson``, coloured by ``measure`` (the
    change in the unit, or ``change_pct``; a region without it, such as a relative change from
    0, is grey with its reason in ``left_out``).

    The colour scale is centred on no change and symmetric, so its "better" end means an
    improvement in the indicator's direction whatever the signs of the values; without a
    direction the neutral scale shows the change alone. Units without a change are grey, with
    the reason (``left_out``: ref_area -> words) on hover. With ``geojson_url`` (the layout
    published) the traces reference it instead of carrying the shapes.
    """
    outcome_labels = outcome_labels or {}
    left_out = left_out or {}
    year_a, year_b = years
    changes = changes.dropna(subset=[measure]).sort_values("ref_area").reset_index(drop=True)
    hover = []
    for r in changes.itertuples():
        pct = "" if pd.isna(r.change_pct) else f" ({fmt_number(round(r.change_pct, 1), lang)} %)"
        lines = [
            f"<b>{html.escape(names.get(r.ref_area, r.ref_area))}</b>",
            f"{year_a}: {fmt_number(r.value_a, lang)} · {year_b}: {fmt_number(r.value_b, lang)}"
            f" {html.escape(unit_label)}",
            f"{t('dist_change_abs', lang)}: <b>{fmt_number(r.change, lang)}</b>{pct}",
        ]
        if r.outcome in outcome_labels:
            lines.append(html.escape(outcome_labels[r.outcome]))
        hover.append("<br>".join(lines))
    all_units = [f["properties"]["ref_area"] for f in geojson["features"]]
    missing = [u for u in all_units if u not in set(changes["ref_area"])]
    fig = go.Figure()
    if missing:
        trace = no_data_trace(geojson, missing, names, lang, url=geojson_url)
        trace.text = [
            f"<b>{html.escape(names.get(u, u))}</b><br>"
            f"{html.escape(left_out.get(u, t('no_data', lang)))}"
            for u in missing
        ]
        fig.add_trace(trace)
    if len(changes):
        scale, reverse = colour_spec(palette, higher_is_better)
        reach = float(changes[measure].abs().max()) or 1.0
        title = legend_title(
            measure_label or f"{t('dist_change_abs', lang)}, {unit_label}",
            t("better", lang),
            higher_is_better,
        )
        fig.add_trace(
            go.Choropleth(
                geojson=shapes_for(geojson, changes["ref_area"].tolist(), geojson_url),
                featureidkey="properties.ref_area",
                locations=changes["ref_area"].tolist(),
                z=changes[measure].tolist(),
                zmin=-reach,
                zmax=reach,
                zmid=0,
                colorscale=scale,
                reversescale=reverse,
                marker_line_color="white",
                marker_line_width=0.8,
                text=hover,
                hovertemplate="%{text}<extra></extra>",
                colorbar=legend_under_map(title),
                name="",
            )
        )
    fig.update_geos(**geo_frame(geojson))
    fig.update_layout(
        separators=plotly_separators(lang),
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        hoverlabel={"font_size": 14},
        dragmode=False,
    )
    return fig
