"""Widgets of the map: the map itself (click a region), play the years, small multiples, 3D, the
region panel, the national value, what is not drawn and the values table."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from sdgdash import figures
from sdgdash.data import selection
from sdgdash.data.catalog import GOALS, SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.exports import tables as exports
from sdgdash.features.distance import ui as distance_ui
from sdgdash.features.map import view as mapview
from sdgdash.features.map.charts import MapOptions, map_chart, map_figure, region_trend
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import ui as plans_ui
from sdgdash.features.plans import view as plans_view
from sdgdash.features.tags import ui as tagsview
from sdgdash.features.tags import view as tags_view
from sdgdash.figures import PLOTLY_CONFIG
from sdgdash.geo.choropleth import CLASSINGS, PALETTES, small_multiples
from sdgdash.geo.pydeck3d import extruded
from sdgdash.i18n import fmt_number, t, tn
from sdgdash.ui import cached, layout, render, state
from sdgdash.ui.present import presenting
from sdgdash.ui.safe import md_escape
from sdgdash.ui.widgets import data_table, download_buttons, source_line, source_text


def _names(lang: str) -> dict[str, str]:
    labels = cached.labels()
    return {code: labels.region_name(code, lang) for code in labels.regions}


def _figure(view: mapview.MapView, lang: str, opts: MapOptions, highlight: str | None = None):
    return map_figure(cached, view, lang, opts, highlight)


def _clicked_region(key: str) -> str | None:
    """The region of the last point clicked on chart ``key`` (from its selection state)."""
    event = st.session_state.get(key)
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    for p in points:
        if p.get("location"):
            return str(p["location"])
    return None


def map_block(
    view: mapview.MapView,
    lang: str,
    key: str,
    opts: MapOptions | None = None,
    values: render.ChartValues | None = None,
    wrap: int = 110,
) -> str | None:
    """Draw a map view with its layout caption and source; clicking a region selects it.
    ``values``: the anchor of the page's values table of this view, else its values go in a
    table under the map; its title wraps at ``wrap`` characters (less in a narrow column)."""
    opts = opts or MapOptions()
    chart_key = f"{key}_map"
    if key == "map":  # the map page keeps its selected region in the URL
        codes = view.drawn["ref_area"].tolist()
        state.seed("map_region", "region", state.choice(codes), None)
    clicked = _clicked_region(chart_key)
    if clicked and clicked in set(view.drawn["ref_area"]):
        st.session_state[f"{key}_region"] = clicked
    region = st.session_state.get(f"{key}_region") or None
    ind = view.selection.indicator_id
    title = f"{cached.labels().indicator_label(ind, lang)}, {view.year}"
    source = source_text(mapview.source_files(view), lang)
    # The dressed figure of this selection, year, region and language is built once per process:
    # going back to a year, or a second visitor on the same view, costs no figure work.
    fig = map_chart(
        cached, view.selection, view.year, lang, opts, region, title, source, wrap, presenting()
    )
    render.chart(
        fig,
        dressed=True,
        key=chart_key,
        title=title,
        source=source,
        filename=exports.file_stem("sdg", ind, view.year, "map", lang),
        on_select="rerun",
        selection_mode="points",
        values=mapview.table(view, cached.labels(), lang) if values is None else values,
        kind="map",
        is_map=True,
        wrap=wrap,
    )
    layout_caption(view, lang)
    return region


def layout_caption(view: mapview.MapView, lang: str) -> None:
    """Which boundary layout is drawn, how many values are on it, and the source."""
    total = len(view.drawn) + len(view.not_drawn)
    st.caption(
        f"{t('layout', lang)}: {t('layout_' + view.layout, lang)} · "
        f"{tn('drawn_count', total, lang, n=len(view.drawn), total=total)}"
    )
    source_line(mapview.source_files(view), lang)


def play_years(sel, years: list[int], lang: str, opts: MapOptions) -> None:
    """Step through the years in place, the layout following the data of each year."""
    slot, caption = st.empty(), st.empty()
    for year in years:
        view = mapview.map_view(cached, sel, year)
        fig = _figure(view, lang, opts)
        fig.update_layout(title={"text": str(year), "font": {"size": 28}}, margin={"t": 50})
        slot.plotly_chart(
            figures.legible(fig),
            config=PLOTLY_CONFIG,
            width="stretch",
            key=f"play_{year}",
            alt=f"{cached.labels().indicator_label(sel.indicator_id, lang)}, {year}",
        )
        caption.caption(f"{year} · {t('layout', lang)}: {t('layout_' + view.layout, lang)}")
        time.sleep(1.2)
    slot.empty()
    caption.empty()


def years_panel(sel, years: list[int], lang: str, opts: MapOptions) -> None:
    """Small multiples: the selection in several years side by side on one colour scale."""
    labels = cached.labels()
    default = years[-6:]
    state.seed("map_years", "years", _year_list(years), default)
    chosen = st.multiselect(t("years_shown", lang), years, key="map_years", max_selections=9)
    chosen = sorted(chosen) or default
    state.set_params(years=",".join(str(y) for y in chosen))
    views = [mapview.map_view(cached, sel, year) for year in chosen]
    panels = [
        (v.year, cached.geojson(v.layout), v.drawn, cached.geojson_url(v.layout)) for v in views
    ]
    fig = small_multiples(
        panels,
        names=_names(lang),
        unit_label=labels.code_label("unit", sel.unit, lang),
        lang=lang,
        higher_is_better=views[0].higher_is_better,
        palette=opts.palette,
    )
    files = [f"data/indicator_{sel.indicator_id.replace('.', '-')}.csv"]
    render.chart(
        fig,
        key="map_multiples",
        values=pd.concat([mapview.table(v, labels, lang) for v in views], ignore_index=True),
        kind="map",
        title=labels.indicator_label(sel.indicator_id, lang),
        source=source_text(files, lang),
        filename=exports.file_stem("sdg", sel.indicator_id, chosen[0], chosen[-1], lang),
    )
    source_line(files, lang)


def _year_list(years: list[int]):
    def parse(raw: str) -> list[int] | None:
        try:
            out = sorted({int(x) for x in raw.split(",") if x.strip()})
        except ValueError:
            return None
        return out if out and set(out) <= set(years) and len(out) <= 9 else None

    return parse


def deck_block(view: mapview.MapView, lang: str, opts: MapOptions, values: str) -> None:
    """The same selection as extruded 3D regions (pydeck), for a striking seminar picture;
    ``values`` is the anchor of the page's values table."""
    labels = cached.labels()
    deck = extruded(
        view.drawn,
        cached.geojson(view.layout),
        names=_names(lang),
        unit_label=labels.code_label("unit", view.selection.unit, lang),
        lang=lang,
        higher_is_better=view.higher_is_better,
        palette=opts.palette,
    )
    title = f"{labels.indicator_label(view.selection.indicator_id, lang)}, {view.year}"
    st.pydeck_chart(deck, height=560, key="map_deck", alt=title)
    render.chart_values(values, "map_deck", kind="map")
    layout_caption(view, lang)


def map_settings(lang: str, where) -> MapOptions:
    """How the map is drawn, in a "Map settings" popover in ``where`` (reachable on a phone):
    names and values on the regions (URL ``labels``, on unless 0), classes (``cls``), palette
    (``pal``) and the pilot territories (``pilots``)."""
    state.seed("map_labels", "labels", state.choice(["0", "1"]), "1")
    state.seed("map_cls", "cls", state.choice(CLASSINGS), "continuous")
    state.seed("map_pal", "pal", state.choice(PALETTES), PALETTES[0])
    state.seed("map_pilots", "pilots", state.choice(["0", "1"]), "0")
    with where.popover(t("ux_map_settings", lang), icon=":material/tune:", width="stretch"):
        labels = st.toggle(t("ux_map_labels", lang), value=st.session_state["map_labels"] == "1")
        cls = st.radio(
            t("classes", lang),
            CLASSINGS,
            key="map_cls",
            format_func=lambda c: t(f"classes_{c}", lang),
        )
        pal = st.selectbox(
            t("palette", lang),
            PALETTES,
            key="map_pal",
            format_func=lambda p: t(f"palette_{p.lower()}", lang),
        )
        pilots = st.toggle(t("pilots_toggle", lang), value=st.session_state["map_pilots"] == "1")
    state.set_params(
        labels=None if labels else "0", cls=cls, pal=pal, pilots="1" if pilots else None
    )
    return MapOptions(cls, pal, pilots, labels)


def region_panel(view: mapview.MapView, lang: str, chart_where=None) -> None:
    """The chosen region: value, rank, difference to Kazakhstan, and its series over time (in
    ``chart_where`` when given, e.g. a column beside the panel)."""
    labels = cached.labels()
    codes = view.drawn.sort_values("ref_area")["ref_area"].tolist()
    names = _names(lang)
    state.seed("map_region", "region", state.choice(codes), None)
    state.keep_valid("map_region", [None, *codes], None)
    region = st.selectbox(
        t("selected_region", lang),
        codes,
        key="map_region",
        format_func=lambda c: names.get(c, c),
        placeholder=t("none_selected", lang),
        help=t("pick_region", lang),
    )
    state.set_params(region=region)
    if not region:
        st.caption(t("pick_region", lang))
        return
    row = view.drawn[view.drawn["ref_area"] == region].iloc[0]
    unit = labels.code_label("unit", view.selection.unit, lang)
    delta, versus = None, ""
    if view.national is not None:
        diff = row["value"] - view.national
        # An ASCII "-" first: Streamlit reads the sign (arrow and colour) from the delta's text.
        delta = f"{'+' if diff >= 0 else '-'}{fmt_number(abs(diff), lang)} {t('vs_country', lang)}"
        if view.higher_is_better is not None:  # better or worse in words, not only in colour
            better = diff > 0 if view.higher_is_better else diff < 0
            versus = t(
                f"vs_country_{'same' if diff == 0 else 'better' if better else 'worse'}", lang
            )
    st.metric(
        f"{names.get(region, region)}, {view.year} ({unit})",
        fmt_number(row["value"], lang),
        delta=delta,
        delta_color={True: "normal", False: "inverse", None: "off"}[view.higher_is_better],
    )
    rank = t("rank_of", lang, rank=int(row["rank"]), n=len(view.drawn))
    st.caption(f"{t('rank', lang)}: {rank}" + (f" · {versus}" if versus else ""))
    st.page_link(
        "app_pages/region.py",
        label=t("open_profile", lang, name=names.get(region, region)),
        icon=":material/location_city:",
        query_params={"region": region, "lang": lang},
    )
    row = plans_ui.panel_status(region, view.selection, lang)
    plan = plans_view.plan_chart_frame(row) if row is not None else None
    regional = cached.regional_series(view.selection)
    national = cached.national_series(view.selection)
    fig = region_trend(regional, national, region, names, unit, lang, plan)
    with chart_where if chart_where is not None else st.container():
        _trend_chart(fig, view, region, names, row, lang)


def _trend_chart(
    fig, view: mapview.MapView, region: str, names: dict[str, str], row, lang: str
) -> None:
    """The region's series over time with Kazakhstan's and its plan line (``row``: the plan
    status row, or None), its values under it, then its distance to 2030."""
    regional = cached.regional_series(view.selection)
    national = cached.national_series(view.selection)
    render.chart(
        fig,
        key="map_trend",
        values=plan_tables.with_plan_lines(
            mapview.trend_table(regional, national, region, names, lang),
            {plan_tables.line_title(row, lang): row} if row is not None else {},
            lang,
        ),
        config={"displaylogo": False},
        title=f"{names.get(region, region)}: {view.selection.indicator_id}",
        source=source_text(
            [f"data/indicator_{view.selection.indicator_id.replace('.', '-')}.csv"], lang
        ),
        filename=exports.file_stem("sdg", view.selection.indicator_id, region, lang),
    )
    distance_ui.map_figures(view, region, lang)


def values_table(view: mapview.MapView, lang: str) -> None:
    """Exactly the values of the view (drawn, then not drawn with the reason), with a CSV."""
    labels = cached.labels()
    table = mapview.table(view, labels, lang)
    data_table(table, lang)
    sel = view.selection
    meta = exports.ExportMeta(
        labels.indicator_label(sel.indicator_id, lang), (sel.indicator_id,), sel, view.year
    )
    download_buttons(
        table,
        meta,
        f"sdg_{sel.indicator_id}_{view.year}_{lang}",
        lang,
        what=t("dl_map_values", lang),
    )


def national_metric(view: mapview.MapView, lang: str) -> None:
    """The national value of the shown year, as a metric beside the map."""
    labels = cached.labels()
    unit = labels.code_label("unit", view.selection.unit, lang)
    value = fmt_number(view.national, lang) if view.national is not None else t("no_data", lang)
    st.metric(
        f"{t('national_value', lang)}, {view.year} ({unit})"
        if unit
        else f"{t('national_value', lang)}, {view.year}",
        value,
    )


def not_drawn_list(view: mapview.MapView, lang: str) -> None:
    """Name every value that is not on the map, with the reason."""
    if view.not_drawn.empty:
        return
    labels = cached.labels()
    with st.expander(f"{t('not_drawn_heading', lang)} ({len(view.not_drawn)})"):
        for r in view.not_drawn.itertuples():
            st.markdown(
                f"- **{md_escape(labels.region_name(r.ref_area, lang))}**: "
                f"{fmt_number(r.value, lang)} — {md_escape(t('reason_' + r.reason, lang))}"
            )


@dataclass(frozen=True)
class Picked:
    """What the pickers resolved to: a valid selection, its years, and the chosen year."""

    selection: Selection
    years: list[int]
    year: int


def pick(lang: str, prefix: str, year_widget: bool = True, tag_filter: bool = False) -> Picked:
    """Render the cascade of pickers (keys start with ``prefix``) and return a valid choice;
    with ``tag_filter``, a problem tag (URL ``tag``) first narrows the goals and indicators."""
    labels = cached.labels()
    regional = cached.regional_indicators()
    row = layout.filter_bar([2, 2, 5] if tag_filter else [2, 5])
    if tag_filter:
        regional = _tag_narrowed(regional, lang, prefix, row[0])
    goals_with_data = [0, *sorted({int(g) for g in regional["goal"]})]
    state.seed(f"{prefix}_goal", "goal", state.choice(GOALS), 0)
    state.keep_valid(f"{prefix}_goal", goals_with_data, 0)
    goal = row[-2].selectbox(
        t("goal", lang),
        goals_with_data,
        key=f"{prefix}_goal",
        format_func=lambda g: (
            t("all_goals", lang) if g == 0 else f"{g}. {labels.goal_short(g, lang)}"
        ),
    )
    ids = cached.regional_indicators()["indicator_id"].tolist()
    in_goal = regional if goal == 0 else regional[regional["goal"] == goal]
    offered = in_goal["indicator_id"].tolist()
    default = mapview.default_indicator(offered)
    state.seed(f"{prefix}_ind", "ind", state.choice(ids), default)
    state.keep_valid(f"{prefix}_ind", offered, default)
    split = breakdown_names(lang)
    ind = row[-1].selectbox(
        t("indicator", lang),
        offered,
        key=f"{prefix}_ind",
        format_func=lambda i: indicator_option(i, split.get(i, ""), lang),
        help=labels.indicator_label(st.session_state[f"{prefix}_ind"], lang),
    )
    st.caption(
        t("breakdowns_available", lang, dims=split[ind])
        if split.get(ind)
        else t("breakdowns_none", lang)
    )
    options = cached.selection_options(ind)
    head = selection.headline(options, ind)
    wanted = {}
    for col in SELECTION_COLUMNS:
        key = f"{prefix}_{col}"
        values = set(options[col])
        state.seed(key, col, state.choice(values), getattr(head, col))
        wanted[col] = st.session_state[key]
    offered_cols = selection.cascade(options, wanted)
    # The breakdowns of the indicator, in a second row (at most four side by side).
    dims = layout.filter_bar(max(len(offered_cols), 2), key="filters_dims") if offered_cols else []
    for where, (col, values) in zip(dims, offered_cols.items(), strict=False):
        key = f"{prefix}_{col}"
        state.keep_valid(key, values, values[0])
        wanted[col] = where.selectbox(
            labels.dimension_name(col, lang),
            values,
            key=key,
            format_func=lambda code, c=col: labels.code_label(c, code, lang) or t("total", lang),
        )
    sel = selection.resolve(options, ind, wanted)
    for col in SELECTION_COLUMNS:  # columns without a widget: keep their state in step
        if col not in offered_cols:
            st.session_state[f"{prefix}_{col}"] = getattr(sel, col)
    years = selection.years_of(options, sel)
    year_key = f"{prefix}_year"
    state.seed(year_key, "year", state.integer(1990, 2100), years[-1])
    state.keep_valid(year_key, years, years[-1])
    year = st.session_state[year_key]
    if year_widget and len(years) > 1:
        year = st.select_slider(t("year", lang), options=years, key=year_key)
    state.set_params(
        goal=goal or None,
        ind=ind,
        year=year,
        **{c: getattr(sel, c) or None for c in SELECTION_COLUMNS},
    )
    return Picked(sel, years, int(year))


def breakdown_names(lang: str) -> dict[str, str]:
    """indicator_id -> its disaggregations with regional values, named in ``lang`` ("sex, age,
    urban / rural"), so the picker shows which indicators can be split before trying them."""
    labels = cached.labels()
    frame = cached.breakdowns()
    out: dict[str, str] = {}
    for ind, group in frame.groupby("indicator_id", sort=False):
        out[str(ind)] = ", ".join(
            labels.dimension_name(d, lang).lower() for d in group["dimension"]
        )
    return out


def indicator_option(indicator_id: str, dims: str, lang: str, width: int = 110) -> str:
    """An indicator in a picker: "8.5.2 Name… · by sex, age" (the name is shortened, the
    breakdowns are not)."""
    labels = cached.labels()
    if not dims:
        return labels.indicator_label(indicator_id, lang, width=width)
    suffix = " · " + t("breakdowns_short", lang, dims=dims)
    return labels.indicator_label(indicator_id, lang, width=max(40, width - len(suffix))) + suffix


def _tag_narrowed(regional, lang: str, prefix: str, where):
    """The regional indicators linked to the tag chosen in the tag filter (all when none is)."""
    tag = tagsview.tag_filter(lang, f"{prefix}_tag", container=where)
    if not tag:
        return regional
    narrowed = regional[
        regional["indicator_id"].isin(tags_view.narrow(cached, regional["indicator_id"], tag))
    ]
    if narrowed.empty:
        where.caption(
            t("tag_filter_no_regional", lang, tag=cached.tag_vocabulary().name(tag, lang))
        )
        return regional
    return narrowed
