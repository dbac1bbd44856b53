"""Shared Streamlit widgets: language switch, map block, source and attribution lines."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from sdgdash import exports, mapview
from sdgdash.catalog import LANGS
from sdgdash.charts import region_trend
from sdgdash.deck import extruded
from sdgdash.i18n import LANG_NAMES, fmt_number, t
from sdgdash.maps import PLOTLY_CONFIG, choropleth, small_multiples
from sdgdash.ui import cached, present, state
from sdgdash.ui.plaintext import literal

ICON = Path(__file__).parent / "assets" / "icon.png"


def language_switch(lang: str) -> None:
    """The kk / ru / en switch in the sidebar; the choice goes to the URL."""
    st.session_state["lang"] = lang
    st.sidebar.segmented_control(
        t("language", lang),
        options=list(LANGS),
        format_func=LANG_NAMES.get,
        key="lang",
        on_change=state.lang_on_change(),
    )
    # A segmented control can be cleared by clicking the active option: keep a language.
    if not st.session_state.get("lang"):
        st.session_state["lang"] = lang


csv_bytes = exports.csv_bytes  # kept for callers of the old name


@dataclass(frozen=True)
class MapOptions:
    """How a map is drawn: direction, classes, palette, pilot territories."""

    higher_is_better: bool | None = None
    classes: str = "continuous"
    palette: str = "RdYlBu"
    pilots: bool = False


def _names(lang: str) -> dict[str, str]:
    labels = cached.labels()
    return {code: labels.region_name(code, lang) for code in labels.regions}


def _figure(view: mapview.MapView, lang: str, opts: MapOptions, highlight: str | None = None):
    labels = cached.labels()
    return choropleth(
        view.drawn,
        cached.geojson(view.layout),
        names=_names(lang),
        unit_label=labels.code_label("unit", view.selection.unit, lang),
        year=view.year,
        lang=lang,
        national=view.national,
        higher_is_better=opts.higher_is_better,
        classes=opts.classes,
        palette=opts.palette,
        pilots=cached.pilots() if opts.pilots else None,
        highlight=highlight,
        better_label=t("better", lang),
    )


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
    higher_is_better: bool | None,
    key: str,
    opts: MapOptions | None = None,
) -> str | None:
    """Draw a map view with its layout caption and source; clicking a region selects it."""
    opts = opts or MapOptions(higher_is_better)
    chart_key = f"{key}_map"
    if key == "map":  # the map page keeps its selected region in the URL
        codes = view.drawn["ref_area"].tolist()
        state.seed("map_region", "region", state.choice(codes), None)
    clicked = _clicked_region(chart_key)
    if clicked and clicked in set(view.drawn["ref_area"]):
        st.session_state[f"{key}_region"] = clicked
    region = st.session_state.get(f"{key}_region") or None
    ind = view.selection.indicator_id
    labels = cached.labels()
    present.chart(
        _figure(view, lang, opts, highlight=region),
        key=chart_key,
        title=f"{labels.indicator_label(ind, lang)}, {view.year}",
        source=source_text(_view_files(view), lang),
        filename=exports.file_stem("sdg", ind, view.year, "map", lang),
        on_select="rerun",
        selection_mode="points",
    )
    layout_caption(view, lang)
    return region


def layout_caption(view: mapview.MapView, lang: str) -> None:
    """Which boundary layout is drawn, how many values are on it, and the source."""
    total = len(view.drawn) + len(view.not_drawn)
    st.caption(
        f"{t('layout', lang)}: {t('layout_' + view.layout, lang)} · "
        f"{t('drawn_count', lang, n=len(view.drawn), total=total)}"
    )
    source_line(_view_files(view), lang)


def _view_files(view: mapview.MapView) -> list[str]:
    return sorted(set(view.drawn["source_file"]) | set(view.not_drawn["source_file"]))


def play_years(sel, years: list[int], national, lang: str, opts: MapOptions) -> None:
    """Step through the years in place, the layout following the data of each year."""
    labels = cached.labels()
    slot, caption = st.empty(), st.empty()
    for year in years:
        frame = cached.map_frame(sel, year)
        view = mapview.split(
            frame,
            sel,
            year,
            labels.region_kinds(),
            mapview.national_value(national, year),
            opts.higher_is_better,
        )
        fig = _figure(view, lang, opts)
        fig.update_layout(title={"text": str(year), "font": {"size": 28}}, margin={"t": 50})
        slot.plotly_chart(fig, config=PLOTLY_CONFIG, width="stretch", key=f"play_{year}")
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
    panels = []
    for year in chosen:
        view = mapview.split(cached.map_frame(sel, year), sel, year, labels.region_kinds(), None)
        panels.append((year, cached.geojson(view.layout), view.drawn))
    fig = small_multiples(
        panels,
        names=_names(lang),
        unit_label=labels.code_label("unit", sel.unit, lang),
        lang=lang,
        higher_is_better=opts.higher_is_better,
        palette=opts.palette,
    )
    files = [f"data/indicator_{sel.indicator_id.replace('.', '-')}.csv"]
    present.chart(
        fig,
        key="map_multiples",
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


def deck_block(view: mapview.MapView, lang: str, opts: MapOptions) -> None:
    """The same selection as extruded 3D regions (pydeck), for a striking seminar picture."""
    labels = cached.labels()
    deck = extruded(
        view.drawn,
        cached.geojson(view.layout),
        names=_names(lang),
        unit_label=labels.code_label("unit", view.selection.unit, lang),
        lang=lang,
        higher_is_better=opts.higher_is_better,
        palette=opts.palette,
    )
    st.pydeck_chart(deck, height=560, key="map_deck")
    layout_caption(view, lang)


def region_panel(view: mapview.MapView, national, lang: str, better: bool | None) -> None:
    """The chosen region: value, rank, difference to Kazakhstan, and its series over time."""
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
    delta = None
    if view.national is not None:
        diff = row["value"] - view.national
        delta = f"{'+' if diff >= 0 else '−'}{fmt_number(abs(diff), lang)} {t('vs_country', lang)}"
    st.metric(
        f"{names.get(region, region)}, {view.year} ({unit})",
        fmt_number(row["value"], lang),
        delta=delta,
        delta_color={True: "normal", False: "inverse", None: "off"}[better],
    )
    st.caption(f"{t('rank', lang)}: {t('rank_of', lang, rank=int(row['rank']), n=len(view.drawn))}")
    st.page_link(
        "pages/region.py",
        label=t("open_profile", lang, name=names.get(region, region)),
        icon=":material/location_city:",
        query_params={"region": region, "lang": lang},
    )
    regional = cached.regional_series(view.selection)
    fig = region_trend(regional, national, region, names, unit, lang)
    present.chart(
        fig,
        key="map_trend",
        config={"displaylogo": False},
        title=f"{names.get(region, region)}: {view.selection.indicator_id}",
        source=source_text(
            [f"data/indicator_{view.selection.indicator_id.replace('.', '-')}.csv"], lang
        ),
        filename=exports.file_stem("sdg", view.selection.indicator_id, region, lang),
    )


def data_table(data, **kwargs):
    """``st.dataframe`` as every table of the app shows it: no index, full width, and a dash
    (not "None") where a value is missing."""
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    kwargs.setdefault("placeholder", "—")
    return st.dataframe(data, **kwargs)


def values_table(view: mapview.MapView, lang: str) -> None:
    """Exactly the values of the view (drawn, then not drawn with the reason), with a CSV."""
    labels = cached.labels()
    table = mapview.table(view, labels, lang)
    data_table(table)
    sel = view.selection
    meta = exports.ExportMeta(
        labels.indicator_label(sel.indicator_id, lang), (sel.indicator_id,), sel, view.year
    )
    download_buttons(table, meta, f"sdg_{sel.indicator_id}_{view.year}_{lang}", lang)


def source_text(files: list[str], lang: str) -> str:
    """The source line's text (long lists of files point to the table)."""
    text = ", ".join(files) if len(files) <= 3 else t("source_many", lang, n=len(files))
    return t("source_line", lang, file=text)


def source_line(files: list[str], lang: str) -> None:
    """The source of what is shown, under every chart."""
    st.caption(source_text(files, lang))


def attribution(lang: str) -> None:
    """Sources and licences of data and boundaries."""
    commit = str(cached.build_info().get("source", {}).get("commit", ""))[:10]
    with st.expander(t("attribution_heading", lang)):
        st.caption(t("attribution_text", lang, commit=commit))


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:"})


def md_escape(text: str) -> str:
    """Escape Markdown (and Streamlit's :directives:) so curated text is shown literally; bare
    addresses in it stay links. Text a user wrote goes through :func:`plaintext.literal`."""
    return str(text).translate(_MD_SPECIAL)


def view_url() -> str:
    """The address of the current view: the page URL and every query parameter."""
    base = st.context.url or ""
    params = st.query_params.to_dict()
    return f"{base}?{urlencode(params)}" if params else base


def export_metadata(meta: exports.ExportMeta, lang: str):
    """The metadata sheet of a download of the current view (names in ``lang``, source, build)."""
    if not meta.url:
        meta = exports.ExportMeta(**{**meta.__dict__, "url": view_url()})
    return exports.metadata_rows(
        meta, cached.labels(), cached.build_info(), lang, datetime.now(UTC).replace(microsecond=0)
    )


def download_buttons(
    frame: pd.DataFrame,
    meta: exports.ExportMeta,
    name: str,
    lang: str,
    key: str | None = None,
) -> None:
    """CSV and XLSX downloads of exactly ``frame`` (what the view shows); the XLSX has a second
    sheet "metadata". ``name`` is the file stem from codes, parts split by "_" (e.g.
    "sdg_1.2.1_2023_ru" -> sdg_1-2-1_2023_ru.csv / .xlsx). The XLSX is built only when clicked."""
    parts = name.split("_")
    key = key or f"dl_{exports.file_name(*parts, ext='x')}"
    metadata = export_metadata(meta, lang)
    _csv_xlsx_buttons(
        exports.csv_bytes(frame),
        lambda: exports.xlsx_bytes(frame, metadata),
        parts,
        lang,
        key,
        width=420,
        help=t("exp_download_help", lang),
    )


def _csv_xlsx_buttons(
    csv, xlsx, parts, lang: str, key: str, width: int, help: str | None = None
) -> None:
    """The CSV and Excel download buttons side by side (``xlsx`` may be a callable, built only
    when clicked); file names from ``parts``, keys ``{key}_csv`` / ``{key}_xlsx``."""
    c1, c2 = st.columns(2, gap="small", width=width)
    for col, label, data, ext, mime, icon in (
        (c1, t("download_csv", lang), csv, "csv", exports.CSV_MIME, ":material/download:"),
        (
            c2,
            t("exp_download_xlsx", lang),
            xlsx,
            "xlsx",
            exports.XLSX_MIME,
            ":material/table_view:",
        ),
    ):
        col.download_button(
            label,
            data,
            file_name=exports.file_name(*parts, ext=ext),
            mime=mime,
            icon=icon,
            key=f"{key}_{ext}",
            help=help,
            on_click="ignore",
            width="stretch",
        )


def heading_text(title: str, detail: str = "") -> None:
    """A bold line of data text shown literally (never as Markdown, HTML or a link), with a
    detail line."""
    st.markdown(f"**{literal(title)}**")
    if detail:
        st.caption(literal(detail))


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


def bulk_download(lang: str) -> None:
    """All observations in ``lang`` as CSV and XLSX, built when asked for and then cached."""
    st.subheader(t("exp_bulk_heading", lang))
    st.caption(t("exp_bulk_text", lang, n=fmt_number(cached.observation_count(), lang)))
    key = f"bulk_ready_{lang}"
    if not st.session_state.get(key):
        if st.button(t("exp_bulk_prepare", lang), icon=":material/database:", key="bulk_prepare"):
            st.session_state[key] = True
        else:
            return
    # The export time stays out of the cached key: a day's stamp is enough for the bulk file.
    meta = exports.ExportMeta(t("exp_bulk_title", lang))
    metadata = exports.metadata_rows(
        meta,
        cached.labels(),
        cached.build_info(),
        lang,
        datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0),
    )
    with st.spinner(t("exp_bulk_prepare", lang)):
        csv, xlsx = cached.bulk_files(lang, metadata)
    _csv_xlsx_buttons(csv, xlsx, ("sdg", "all", "observations", lang), lang, "bulk", width=480)
