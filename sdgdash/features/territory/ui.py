"""Widgets of the pilot territory page: header, locator map, events, regional context, local
data."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash import figures
from sdgdash.data import events as ev
from sdgdash.data.catalog import GOALS
from sdgdash.data.territories import Territory, features_by_id
from sdgdash.exports import tables as exports
from sdgdash.exports.tables import ExportMeta
from sdgdash.features.findings import ui as findings
from sdgdash.features.region import ui as regions
from sdgdash.features.region import view as region_view
from sdgdash.features.tags import ui as tagsview
from sdgdash.features.tags import view as tags_view
from sdgdash.features.territory import view as territory_view
from sdgdash.figures import PLOTLY_CONFIG, by_year
from sdgdash.geo.locator import territory_locator, three_lines
from sdgdash.i18n import fmt_date, t
from sdgdash.store import STORE_ERRORS
from sdgdash.ui import cached, render, safe, state, widgets


def pick_territory(lang: str, where=st) -> Territory:
    """One territory chosen in ``where`` (the page's filter bar), kept in the URL as
    ``territory``."""
    terrs = cached.territories()
    ids = list(terrs)
    default, _ = territory_view.query_from_params(cached, {})
    state.seed("terr_id", "territory", state.choice(ids), default.territory_id)
    tid = where.selectbox(
        t("terr_pick", lang), ids, key="terr_id", format_func=lambda i: terrs[i].name(lang)
    )
    state.set_params(territory=tid)
    return terrs[tid]


def header(terr: Territory, lang: str, found: pd.DataFrame | None) -> None:
    """Name, kind, parent region, programme, since when, source; the locator map beside, with
    the territory's events and the number of its findings (``found``, None when unreadable)."""
    labels = cached.labels()
    region = labels.region_name(terr.parent_ref_area, lang)
    left, right = st.columns([2, 3])
    with left:
        st.title(terr.name(lang))
        st.caption(
            safe.md_escape(
                f"{t('terr_kind_' + terr.kind, lang)} · {t('terr_in_region', lang, region=region)}"
            )
        )
        st.markdown(f"**{t('terr_programme', lang)}:** {safe.md_escape(terr.programme(lang))}")
        st.markdown(safe.md_escape(t("terr_since", lang, date=fmt_date(terr.since, lang))))
        st.caption(f"{t('terr_source', lang)}: {safe.md_escape(terr.source(lang))}")
        st.page_link(
            "app_pages/region.py",
            label=t("terr_open_region", lang, name=region),
            icon=":material/location_city:",
            query_params={"region": terr.parent_ref_area, "lang": lang},
        )
    with right:
        names = {c: labels.region_name(c, lang) for c in labels.regions}
        feature = features_by_id(cached.pilots())[terr.geometry_id]
        mine = ev.for_territory(cached.events(), terr.territory_id)
        fig = territory_locator(
            cached.geojson("2022"),
            terr.parent_ref_area,
            feature,
            names=names,
            territory_name=terr.name(lang),
            events=[(ev.date_label(e, lang), e.title(lang)) for e in mine],
            findings=0 if found is None else len(found),
            lang=lang,
            geojson_url=cached.geojson_url("2022"),
        )
        st.plotly_chart(
            figures.legible(fig),
            config=PLOTLY_CONFIG | {"displayModeBar": False},
            width="stretch",
            key="terr_map",
            alt=t("a11y_locator_alt", lang, name=terr.name(lang)),
        )
        st.caption(f"{t('terr_map_hint', lang)} {t('terr_map_caption', lang)}")


def events_section(terr: Territory, lang: str) -> None:
    """The events naming the territory, then, apart and labelled, the other events of its region
    (including those for every region)."""
    everything = cached.events()
    mine = ev.for_territory(everything, terr.territory_id)
    st.subheader(t("terr_events_heading", lang))
    tagsview.timeline(mine, lang, key=f"terr_{terr.territory_id}", chart=False)
    named = {e.event_id for e in mine}
    region_only = [
        e for e in ev.for_region(everything, terr.parent_ref_area) if e.event_id not in named
    ]
    if region_only:
        _region_events(region_only, terr, lang)


def _region_events(events: list[ev.Event], terr: Territory, lang: str) -> None:
    """The region's other events as a short dated list (the cards are on the region profile),
    with the full table, sources included, as CSV."""
    labels = cached.labels()
    region = labels.region_name(terr.parent_ref_area, lang)
    st.subheader(t("terr_region_events_heading", lang, region=region))
    st.caption(t("terr_region_events_note", lang))
    lines = []
    for e in events:
        scope = (
            t("event_all_regions", lang)
            if e.all_regions
            else ", ".join(labels.region_name(c, lang) for c in e.ref_areas)
        )
        lines.append(
            f"- **{safe.md_escape(ev.date_label(e, lang))}** — "
            f"{safe.md_escape(e.title(lang))} *({safe.md_escape(scope)})*"
        )
    st.markdown("\n".join(lines))
    widgets.download_buttons(
        tags_view.events_table(cached, events, lang),
        ExportMeta(
            t("terr_region_events_heading", lang, region=region), regions=(terr.parent_ref_area,)
        ),
        f"sdg_events_{terr.parent_ref_area}_{lang}",
        lang,
        key="terr_region_events",
        what=t("dl_region_events", lang),
    )


def context(terr: Territory, lang: str) -> pd.DataFrame:
    """The parent region's headline indicators for the territory's priority goals (or a goal
    chosen in the URL as ``goal``), with rank and national value; returns the table shown."""
    labels = cached.labels()
    region = labels.region_name(terr.parent_ref_area, lang)
    st.subheader(t("terr_context_heading", lang, region=region))
    st.caption(t("terr_context_note", lang))
    goal = 0
    if terr.priority_goals:
        names = ", ".join(f"{g}. {labels.goal_short(g, lang)}" for g in terr.priority_goals)
        st.markdown(safe.md_escape(t("terr_priority_goals", lang, goals=names)))
    else:
        st.caption(t("terr_no_priority", lang))
        goals_here = territory_view.context_goals(cached, terr)
        # 0 = all goals (a None option would show as the select box's placeholder).
        state.seed("terr_goal", "goal", state.integer(min(GOALS), max(GOALS)), 0)
        state.keep_valid("terr_goal", [0, *goals_here], 0)
        goal = st.selectbox(
            t("terr_goal", lang),
            [0, *goals_here],
            key="terr_goal",
            format_func=lambda g: (
                f"{g}. {labels.goal_short(g, lang)}" if g else t("all_goals", lang)
            ),
        )
        state.set_params(goal=goal or None)
    shown, table = territory_view.context_rows(cached, terr, goal, lang)
    if not len(shown):
        st.info(t("terr_no_context", lang))
        return pd.DataFrame()
    regions.show_profile_table(table, lang)
    widgets.source_line(sorted(set(shown["source_file"])), lang)
    return region_view.csv_rows(table, lang)


def local_data(terr: Territory, lang: str) -> pd.DataFrame:
    """Uploaded territory values beside the region's and Kazakhstan's (same indicator, selection
    and year), a chart per indicator, or an honest empty state; returns the table shown."""
    labels = cached.labels()
    st.subheader(t("terr_local_heading", lang))
    try:
        parts = territory_view.local_indicators(cached, terr, lang)
    except STORE_ERRORS:
        findings.store_warning(lang)
        return pd.DataFrame()
    if not parts:
        st.info(t("terr_local_empty", lang), icon=":material/info:")
        st.caption(t("terr_local_empty_detail", lang))
        return pd.DataFrame()
    names = {
        "territory": terr.name(lang),
        "region": labels.region_name(terr.parent_ref_area, lang),
        "national": t("terr_col_national", lang),
    }
    for part in parts:
        widgets.heading_text(labels.indicator_label(part.indicator_id, lang))
        widgets.data_table(part.table, lang)
        unit = labels.code_label("unit", part.first["unit"], lang)
        fig = three_lines(part.series, names, unit, lang)
        st.caption(
            safe.md_escape(
                territory_view.selection_label(cached, part.first, part.indicator_id, lang)
            )
        )
        render.chart(
            fig,
            key=f"terr_local_{part.indicator_id}",
            values=by_year(part.series.rename(columns={"place": "series"}), names, lang),
            title=f"{terr.name(lang)}: {labels.indicator_label(part.indicator_id, lang)}",
            source=widgets.source_text(territory_view.series_sources(part.table, lang), lang),
            filename=exports.file_stem("sdg", part.indicator_id, terr.territory_id, lang),
        )
    return pd.concat([p.table for p in parts], ignore_index=True)


def territory_findings(territory_id: str) -> pd.DataFrame | None:
    """The territory's findings, read once for the map and the findings block; None when the
    store cannot be read (the findings block then says so)."""
    try:
        return findings.read_findings(territory_id=territory_id)
    except STORE_ERRORS:
        return None
