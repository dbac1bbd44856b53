"""Widgets of the region profile: the region chooser, its header with a locator map, and its
indicator table with downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash import figures
from sdgdash.data.catalog import GOALS
from sdgdash.exports.tables import ExportMeta
from sdgdash.features.deck import ui as deck_ui
from sdgdash.features.index import view as index_view
from sdgdash.features.region import view as region_view
from sdgdash.features.tags import ui as tags_ui
from sdgdash.features.tags import view as tags_view
from sdgdash.figures import PLOTLY_CONFIG
from sdgdash.geo import layouts as geo
from sdgdash.geo.locator import locator
from sdgdash.i18n import t
from sdgdash.ui import cached, state, widgets


def pick_region(lang: str, key: str = "reg_region", where=st) -> str:
    """One region chosen in ``where`` (the page's filter bar), kept in the URL as ``region``."""
    labels = cached.labels()
    units = region_view.region_units(cached, lang)
    state.seed(key, "region", state.choice(units), region_view.DEFAULT_REGION)
    code = where.selectbox(
        t("region", lang), units, key=key, format_func=lambda c: labels.region_name(c, lang)
    )
    state.set_params(region=code)
    return code


def header(ref_area: str, lang: str) -> None:
    """Name, kind, ISO code, pilot territories and a locator map of the region."""
    labels = cached.labels()
    info = labels.regions.get(ref_area, {})
    left, right = st.columns([3, 2])
    with left:
        st.title(labels.region_name(ref_area, lang))
        bits = [t(f"kind_{labels.region_kind(ref_area)}", lang)]
        if info.get("iso_3166_2"):
            bits.append(f"ISO 3166-2: {info['iso_3166_2']}")
        st.caption(" · ".join(bits))
        pilots = [
            f["properties"].get(f"name_{lang}") or f["properties"]["id"]
            for f in cached.pilots()["features"]
            if f["properties"].get("parent_ref_area") == ref_area
            and f["properties"].get("kind") in ("district", "village")
            and not f["properties"]["id"].startswith("aral")
        ]
        if pilots:
            st.info(t("pilot_here", lang, names=", ".join(pilots)), icon=":material/flag:")
    with right:
        layout = next(lo for lo in geo.LAYOUTS if ref_area in geo.LAYOUT_UNITS[lo])
        names = {c: labels.region_name(c, lang) for c in labels.regions}
        fig = locator(
            cached.geojson(layout),
            ref_area,
            names=names,
            lang=lang,
            pilots=cached.pilots(),
            geojson_url=cached.geojson_url(layout),
        )
        st.plotly_chart(
            figures.legible(fig),
            config=PLOTLY_CONFIG | {"displayModeBar": False},
            width="stretch",
            key="locator",
            alt=t("a11y_locator_alt", lang, name=labels.region_name(ref_area, lang)),
        )


def show_profile_table(table: pd.DataFrame, lang: str) -> None:
    """The profile table with sparklines, one click from a CSV of the same rows."""
    widgets.data_table(
        table,
        lang,
        hide_index=True,
        width="stretch",
        height=min(36 * (len(table) + 1) + 4, 1400),
        column_config={
            t("trend_heading", lang): st.column_config.LineChartColumn(
                t("trend_heading", lang), width="small"
            ),
            t("indicator", lang): st.column_config.TextColumn(width="large"),
            t("tags_column", lang): st.column_config.TextColumn(width="medium"),
        },
        placeholder="—",
    )


def profile_section(ref_area: str, lang: str) -> pd.DataFrame:
    """Every headline indicator of the region, filtered by goals (URL ``goals``) and a problem
    tag (``tag``), with rank, national value, traffic light and trend; its CSV, Excel and
    PowerPoint downloads. Returns the rows shown."""
    labels = cached.labels()
    profile = region_view.region_profile(cached, ref_area)
    st.subheader(t("profile_indicators", lang))
    goals_here = sorted(int(g) for g in profile["goal"].unique()) if len(profile) else []
    state.seed("reg_goals", "goals", state.int_list(GOALS), [])
    goal_col, tag_col = st.columns(2)
    chosen = goal_col.multiselect(
        t("goals_filter", lang),
        goals_here,
        key="reg_goals",
        placeholder=t("all_goals", lang),
        format_func=lambda g: f"{g}. {labels.goal_short(g, lang)}",
    )
    state.set_params(goals=",".join(map(str, chosen)) or None)
    tag = tags_ui.tag_filter(lang, "reg_tag", container=tag_col)
    shown = profile[profile["goal"].isin(chosen)] if chosen else profile
    shown = shown[shown["indicator_id"].isin(tags_view.narrow(cached, shown["indicator_id"], tag))]
    ratings = index_view.region_ratings(cached, ref_area)
    table = region_view.profile_table(cached, shown, lang, ratings)
    ids = shown["indicator_id"].tolist()
    table = tags_view.with_tags_column(cached, table, ids, lang, t("series", lang))
    show_profile_table(table, lang)
    meta = ExportMeta(
        f"{t('profile_indicators', lang)}: {labels.region_name(ref_area, lang)}",
        tuple(ids),
        regions=(ref_area,),
    )
    rows = region_view.csv_rows(table, lang)
    # The filters in the file name too: sdg_profile_KZKAR_goals-3-7_household-waste_ru.csv
    goals_part = "goals-" + "-".join(map(str, chosen)) if chosen else ""
    name = "_".join(p for p in ("sdg_profile", ref_area, goals_part, tag or "", lang) if p)
    widgets.download_buttons(rows, meta, name, lang, what=t("dl_region_profile", lang))
    deck_ui.profile_pptx(ref_area, lang, rows)
    widgets.source_line(sorted(set(shown["source_file"])) if len(shown) else [], lang)
    return shown
