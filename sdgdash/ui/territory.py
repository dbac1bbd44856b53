"""Widgets of the pilot territory page: header, locator map, events, regional context, local
data."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from sdgdash import events as ev
from sdgdash import exports, localdata
from sdgdash.catalog import GOALS
from sdgdash.exports import ExportMeta
from sdgdash.i18n import fmt_date, t
from sdgdash.maps import PLOTLY_CONFIG
from sdgdash.models import Selection
from sdgdash.profile import natural_key
from sdgdash.territories import DEFAULT_TERRITORY, Territory, features_by_id
from sdgdash.territory_map import territory_locator, three_lines
from sdgdash.ui import (
    auth,
    cached,
    findings,
    indexview,
    present,
    regions,
    state,
    tagsview,
    widgets,
)


def pick_territory(lang: str) -> Territory:
    """One territory chosen in the sidebar, kept in the URL as ``territory``."""
    terrs = cached.territories()
    ids = list(terrs)
    default = DEFAULT_TERRITORY if DEFAULT_TERRITORY in terrs else ids[0]
    state.seed("terr_id", "territory", state.choice(ids), default)
    tid = st.sidebar.selectbox(
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
            widgets.md_escape(
                f"{t('terr_kind_' + terr.kind, lang)} · {t('terr_in_region', lang, region=region)}"
            )
        )
        st.markdown(f"**{t('terr_programme', lang)}:** {widgets.md_escape(terr.programme(lang))}")
        st.markdown(widgets.md_escape(t("terr_since", lang, date=fmt_date(terr.since, lang))))
        st.caption(f"{t('terr_source', lang)}: {widgets.md_escape(terr.source(lang))}")
        st.page_link(
            "pages/region.py",
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
        )
        st.plotly_chart(
            fig, config=PLOTLY_CONFIG | {"displayModeBar": False}, width="stretch", key="terr_map"
        )
        st.caption(f"{t('terr_map_hint', lang)} {t('terr_map_caption', lang)}")


def territory_findings(territory_id: str) -> pd.DataFrame | None:
    """The territory's findings, read once for the map and the findings block; None when the
    store cannot be read (the findings block then says so)."""
    try:
        return findings.read_findings(territory_id=territory_id)
    except auth.STORE_ERRORS:
        return None


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
            f"- **{widgets.md_escape(ev.date_label(e, lang))}** — "
            f"{widgets.md_escape(e.title(lang))} *({widgets.md_escape(scope)})*"
        )
    st.markdown("\n".join(lines))
    widgets.download_buttons(
        tagsview.events_table(events, lang),
        ExportMeta(
            t("terr_region_events_heading", lang, region=region), regions=(terr.parent_ref_area,)
        ),
        f"sdg_events_{terr.parent_ref_area}_{lang}",
        lang,
        key="terr_region_events",
    )


def context_goals(terr: Territory) -> list[int]:
    """The goals with values in the territory's parent region (the page's goal choices)."""
    profile = cached.region_profile(terr.parent_ref_area)
    return sorted(int(g) for g in profile["goal"].unique()) if len(profile) else []


def context_rows(terr: Territory, goal: int, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(profile rows, table in ``lang``) of the parent region for the territory's priority goals,
    else for ``goal`` (0 = all goals); what :func:`context` shows."""
    profile = cached.region_profile(terr.parent_ref_area)
    if terr.priority_goals:
        shown = profile[profile["goal"].isin(terr.priority_goals)]
    else:
        shown = profile[profile["goal"] == goal] if goal else profile
    if not len(shown):
        return shown, pd.DataFrame()
    ratings = indexview.region_ratings(terr.parent_ref_area)
    return shown, regions.profile_table(shown, lang, ratings)


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
        st.markdown(widgets.md_escape(t("terr_priority_goals", lang, goals=names)))
    else:
        st.caption(t("terr_no_priority", lang))
        goals_here = context_goals(terr)
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
    shown, table = context_rows(terr, goal, lang)
    if not len(shown):
        st.info(t("terr_no_context", lang))
        return pd.DataFrame()
    regions.show_profile_table(table, lang)
    widgets.source_line(sorted(set(shown["source_file"])), lang)
    return regions.csv_rows(table, lang)


def _selection_label(row: dict, indicator_id: str, lang: str) -> str:
    labels = cached.labels()
    sel = Selection.from_mapping(indicator_id, row)
    text = labels.selection_label(sel, lang, with_unit=False)
    return text or t("terr_total", lang)


@dataclass(frozen=True)
class LocalIndicator:
    """One indicator's uploaded values beside the region's and Kazakhstan's: the table shown,
    the three series of its chart and the selection they follow."""

    indicator_id: str
    table: pd.DataFrame
    series: pd.DataFrame
    first: dict


def local_indicators(
    terr: Territory, lang: str, store: localdata.UploadStore | None
) -> list[LocalIndicator]:
    """Every indicator with active uploads of ``terr``, as :func:`local_data` shows it."""
    labels = cached.labels()
    active = store.uploads(terr.territory_id) if store is not None else pd.DataFrame()
    active = localdata.with_upload_id(active)
    indicators = sorted(set(active["indicator_id"]), key=natural_key) if len(active) else []
    per_indicator = {ind: _upload_rows(store, terr.territory_id, ind) for ind in indicators}
    per_indicator = {ind: rows for ind, rows in per_indicator.items() if len(rows)}
    region = labels.region_name(terr.parent_ref_area, lang)
    out = []
    for ind, mine in per_indicator.items():
        obs = cached.indicator_observations(ind)
        both = localdata.side_by_side(mine, obs, terr.parent_ref_area)
        table = pd.DataFrame(
            {
                t("indicator", lang): ind,
                t("terr_col_selection", lang): [
                    _selection_label(r, ind, lang) for r in both.to_dict("records")
                ],
                t("unit", lang): [labels.code_label("unit", u, lang) for u in both["unit"]],
                t("year", lang): both["year"],
                f"{t('terr_col_territory', lang)}: {terr.name(lang)}": both["value"],
                f"{t('terr_col_region', lang)}: {region}": both["region_value"],
                t("terr_col_national", lang): both["national_value"],
                t("terr_col_upload_source", lang): _upload_source(active, ind),
                t("terr_col_region_source", lang): both["region_source"].fillna(""),
                t("terr_col_national_source", lang): both["national_source"].fillna(""),
            }
        )

        first = both.iloc[0].to_dict()
        series = localdata.series_of_three(mine, obs, terr.parent_ref_area, first)
        out.append(LocalIndicator(ind, table, series, first))
    return out


def local_data(terr: Territory, lang: str, store: localdata.UploadStore | None) -> pd.DataFrame:
    """Uploaded territory values beside the region's and Kazakhstan's (same indicator, selection
    and year), a chart per indicator, or an honest empty state; returns the table shown."""
    labels = cached.labels()
    st.subheader(t("terr_local_heading", lang))
    parts = local_indicators(terr, lang, store)
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
        widgets.data_table(part.table)
        unit = labels.code_label("unit", part.first["unit"], lang)
        fig = three_lines(part.series, names, unit, lang)
        st.caption(widgets.md_escape(_selection_label(part.first, part.indicator_id, lang)))
        present.chart(
            fig,
            key=f"terr_local_{part.indicator_id}",
            title=f"{terr.name(lang)}: {labels.indicator_label(part.indicator_id, lang)}",
            source=widgets.source_text(_series_sources(part.table, lang), lang),
            filename=exports.file_stem("sdg", part.indicator_id, terr.territory_id, lang),
        )
    return pd.concat([p.table for p in parts], ignore_index=True)


def _series_sources(table: pd.DataFrame, lang: str) -> list[str]:
    """The uploads and data files behind one indicator's local table (file names, no lines)."""
    uploads = [str(s) for s in table[t("terr_col_upload_source", lang)].unique() if s]
    files = {
        str(s).rsplit(":", 1)[0]
        for col in ("terr_col_region_source", "terr_col_national_source")
        for s in table[t(col, lang)]
        if s
    }
    return [*uploads, *sorted(files)]


def _upload_source(active: pd.DataFrame, indicator_id: str) -> str:
    """Which upload (id and file name) the territory's values of an indicator come from."""
    mine = active[active["indicator_id"] == indicator_id]
    return "; ".join(
        f"#{r['upload_id']} {r.get('filename', '')}".strip() for r in mine.to_dict("records")
    )


def _upload_rows(
    store: localdata.UploadStore, territory_id: str, indicator_id: str
) -> pd.DataFrame:
    """The active rows of one indicator, every selection column present ("" = total)."""
    rows = store.upload_rows(territory_id, indicator_id).copy()
    for c in localdata.SELECTION_KEYS:
        rows[c] = rows[c].fillna("").astype(str) if c in rows else ""
    return rows.assign(indicator_id=indicator_id)


def export_meta(
    terr: Territory, context_table: pd.DataFrame, local_table: pd.DataFrame, lang: str
) -> ExportMeta:
    """What the territory profile download holds, for its metadata sheet."""
    col = t("indicator", lang)
    ids = [str(x).split(" ", 1)[0] for x in context_table.get(col, [])]
    ids += [str(x) for x in local_table.get(col, [])]
    region = cached.labels().region_name(terr.parent_ref_area, lang)
    return ExportMeta(
        f"{terr.name(lang)} ({t('terr_kind_' + terr.kind, lang)}, {region})",
        tuple(dict.fromkeys(ids)),
        regions=(terr.parent_ref_area,),
        notes=(t("terr_context_note", lang), f"{t('terr_source', lang)}: {terr.source}"),
    )


def profile_csv(context_table: pd.DataFrame, local_table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Context and local data in one CSV, each row saying which section it belongs to."""
    col = t("terr_col_section", lang)
    parts = []
    if len(context_table):
        parts.append(context_table.assign(**{col: t("terr_section_context", lang)}))
    if len(local_table):
        parts.append(local_table.assign(**{col: t("terr_section_local", lang)}))
    if not parts:
        return pd.DataFrame(columns=[col])
    frame = pd.concat(parts, ignore_index=True)
    return frame[[col, *[c for c in frame.columns if c != col]]]
