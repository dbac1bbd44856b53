"""Widgets of plan targets: the place chooser, a place's status table, one series against its
plan line, one series in every region, and the actual-vs-plan parts of the region, map, compare
and goal pages (entering targets: ``sdgdash.features.planentry``)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.exports import tables as exports
from sdgdash.features.brief.blocks import signed
from sdgdash.features.plans import charts as plan_charts
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import view as plans_view
from sdgdash.features.plans.status import AHEAD, BEHIND, ON_PLAN, REGIONAL_PLAN
from sdgdash.i18n import fmt_number, t
from sdgdash.pages import script
from sdgdash.ui import auth, cached, layout, pickers, render, state, widgets
from sdgdash.ui.safe import literal

_STATUS_COLOURS = {BEHIND: "#fcbba1", ON_PLAN: "#fff3b0", AHEAD: "#c7e9c0"}


# --- reads (cached until the next plan write) -----------------------------------------------


def place_table(place: str) -> pd.DataFrame:
    """The place's actual-vs-plan table (plans view), cached until the next plan write."""
    return cached.from_store(plans_view.place_status, place)


def selection_row(place: str, sel: Selection) -> dict | None:
    """One selection's status row in a place (its plan, else the national stand-in), cached."""
    return cached.from_store(plans_view.selection_status, place, sel)


def store_or_none() -> Any | None:
    try:
        store = auth.store()
        store.plan_revision()
    except auth.STORE_ERRORS:
        return None
    return store


# --- texts ---------------------------------------------------------------------------------


def place_label(place: str, lang: str) -> str:
    """A place as the chooser lists it (a pilot territory says so)."""
    name = plans_view.place_name(cached, place, lang)
    if plans_view.place_kind(cached, place) == plans_view.TERRITORY:
        return f"{name} ({t('plan_pilot', lang)})"
    return name


def selection_key(sel: Selection) -> str:
    """A selection's codes as one widget value (series|unit|sex|...)."""
    return "|".join(getattr(sel, c) for c in SELECTION_COLUMNS)


# --- the plans page -------------------------------------------------------------------------


def pick_place(lang: str, key: str = "plan_place") -> str:
    """A region or pilot territory chosen in the page's filter bar (a phone hides the sidebar),
    kept in the URL as ``place``."""
    options = plans_view.places(cached, lang)
    state.seed(key, "place", state.choice(options), plans_view.DEFAULT_PLACE)
    place = layout.filter_bar([2, 3])[0].selectbox(
        t("plan_place", lang), options, key=key, format_func=lambda p: place_label(p, lang)
    )
    state.set_params(place=place)
    return place


def header(place: str, lang: str) -> None:
    """The place's name, what the page shows and the status rule."""
    st.title(t("plan_title", lang, name=plans_view.place_name(cached, place, lang)))
    region = plans_view.parent_region(cached, place)
    if region != place:
        st.caption(t("plan_territory_note", lang, region=cached.labels().region_name(region, lang)))
    st.caption(t("plan_intro", lang))
    with st.expander(t("plan_rule_heading", lang)):
        st.text(t("plan_rule", lang))


def summary(table: pd.DataFrame, lang: str) -> None:
    """How many targets are behind, on and ahead of plan, and how many are national stand-ins."""
    counts = plans_view.counts(table)
    cols = st.columns(4)
    for col, status in zip(cols, (BEHIND, ON_PLAN, AHEAD), strict=False):
        col.metric(t(f"plan_status_{status}", lang).capitalize(), counts[status])
    stand_ins = int((table["basis"] != REGIONAL_PLAN).sum()) if len(table) else 0
    cols[3].metric(t("plan_n_stand_ins", lang), stand_ins)


def keyed_table(frame, key: str, **kwargs) -> None:
    """A table in a container with ``key`` (pages and browser tests find it by its class)."""
    with st.container(key=key):
        widgets.data_table(frame, **kwargs)


def show_status_table(display: pd.DataFrame, table: pd.DataFrame, lang: str, key: str) -> None:
    """A status table (``status_display``) with its status cells coloured."""
    status_col = t("plan_col_status", lang)
    colours = [_STATUS_COLOURS.get(s, "") for s in table["status"]]

    def paint(column: pd.Series) -> list[str]:
        if column.name != status_col:
            return [""] * len(column)
        return [f"background-color: {c}" if c else "" for c in colours]

    # Widths keep the status, what it is judged against and the figures of the year in view
    # on a laptop screen; the rest (target, baseline, document, source) scrolls.
    # The figures written as the brief writes them (all published decimals, the language's
    # marks, the gap with its sign); they still sort as numbers.
    figures = [
        t(k, lang) for k in ("brief_col_actual", "brief_col_expected", "plan_col_final_value")
    ]
    figures = [c for c in figures if c in display]
    gap = t("brief_col_gap", lang)
    styler = display.style.apply(paint, axis=0).format(
        {c: (lambda v: fmt_number(v, lang)) for c in figures}
        | ({gap: lambda v: signed(v, lang)} if gap in display else {}),
        na_rep="—",
    )
    keyed_table(
        styler,
        key,
        lang=lang,
        formatted=[*figures, gap],
        height=min(36 * (len(display) + 1) + 4, 720),
        column_config={
            t("plan_col_place", lang): st.column_config.TextColumn(width=150),
            t("indicator", lang): st.column_config.TextColumn(width=270),
            t("series", lang): st.column_config.TextColumn(width=100),
            status_col: st.column_config.TextColumn(width=125),
            t("plan_col_basis", lang): st.column_config.TextColumn(width=135),
            t("year", lang): st.column_config.Column(width=55),
            t("plan_col_gap_share", lang): st.column_config.Column(width=90),
            t("plan_col_final_year", lang): st.column_config.Column(width=70),
        },
    )


def status_section(place: str, table: pd.DataFrame, lang: str) -> None:
    """Every target of the place with its status, sortable (URL ``sort``), with downloads."""
    name = plans_view.place_name(cached, place, lang)
    st.subheader(t("plan_status_heading", lang, name=name))
    if table.empty:
        st.info(t("plan_none_here", lang))
        return
    summary(table, lang)
    state.seed("plan_sort", "sort", state.choice(plans_view.SORTS), "status")
    by = (
        st.segmented_control(
            t("plan_sort", lang),
            plans_view.SORTS,
            key="plan_sort",
            format_func=lambda s: t(f"plan_sort_{s}", lang),
        )
        or "status"
    )
    state.set_params(sort=None if by == "status" else by)
    ordered = plans_view.sort_status(table, by)
    display = plan_tables.status_display(cached, ordered, lang)
    show_status_table(display, ordered, lang, "plan_status_table")
    st.caption(t("plan_stand_in_note", lang))
    meta = exports.ExportMeta(
        t("plan_status_heading", lang, name=name),
        tuple(dict.fromkeys(ordered["indicator_id"])),
        regions=(plans_view.parent_region(cached, place),),
        notes=(t("plan_rule", lang),),
    )
    widgets.download_buttons(display, meta, f"sdg_plan_status_{place}_{lang}", lang, "plan_dl")


def pick_series(place: str, table: pd.DataFrame, lang: str) -> Selection:
    """The indicator (URL ``ind``) and series (URL ``sel``) of the chart and the comparison of
    regions: the place's targets first, then any target in force, then national targets."""
    labels = cached.labels()
    store = store_or_none()
    ids = plans_view.indicator_choices(cached, store, table)
    ind = pickers.indicator(lang, ids, "plan_ind", ids[0], label=t("plan_pick_indicator", lang))
    mine = [
        Selection.from_mapping(ind, {c: r[c] for c in SELECTION_COLUMNS})
        for r in table[table["indicator_id"] == ind].to_dict("records")
    ]
    options = list(dict.fromkeys([*mine, *plans_view.indicator_selections(cached, store, ind)]))
    keys = [selection_key(s) for s in options]
    state.seed("plan_sel", "sel", state.choice(keys), keys[0])
    state.keep_valid("plan_sel", keys, keys[0])
    if len(options) > 1:
        st.selectbox(
            t("series", lang),
            keys,
            key="plan_sel",
            format_func=lambda k: labels.selection_label(options[keys.index(k)], lang),
        )
    chosen = st.session_state["plan_sel"]
    state.set_params(sel=chosen if len(options) > 1 else None)
    return options[keys.index(chosen)]


def chart_block(place: str, sel: Selection, lang: str, key: str, row: dict | None = None) -> None:
    """The place's actual series of ``sel`` against its plan line (or the national stand-in)."""
    labels = cached.labels()
    row = row if row is not None else selection_row(place, sel)
    name = plans_view.place_name(cached, place, lang)
    if row is None:
        st.info(t("plan_no_line", lang, name=name))
        return
    actual = plans_view.actual_series(cached, store_or_none(), row)
    line = plans_view.plan_chart_frame(row)
    national = None
    if row.get("place_kind", plans_view.REGION) == plans_view.REGION:
        national = cached.national_series(sel)
    assessed = None
    if pd.notna(row.get("year")) and row.get("actual") is not None and pd.notna(row["actual"]):
        assessed = (int(row["year"]), float(row["actual"]), float(row["expected"]))
    unit = labels.code_label("unit", sel.unit, lang)
    fig = plan_charts.plan_chart(actual, line, name, unit, lang, national, assessed)
    files = sorted({str(s).rsplit(":", 1)[0] for s in actual["source"] if s})
    render.chart(
        fig,
        key=key,
        values=plan_tables.chart_values(actual, national, row, name, lang),
        title=f"{name}: {labels.indicator_label(sel.indicator_id, lang)}",
        source=widgets.source_text(files, lang),
        filename=exports.file_stem("sdg", sel.indicator_id, place, "plan", lang),
    )
    st.caption(plan_tables.status_sentence(row, lang))
    document = plan_tables.document_text(row, cached.targets(), lang)
    st.caption(literal(f"{t('plan_col_document', lang)}: {document}"))


def across_section(sel: Selection, lang: str) -> None:
    """One series in every region (and territory with a target): actual vs plan or stand-in."""
    labels = cached.labels()
    label = labels.indicator_label(sel.indicator_id, lang)
    st.subheader(t("plan_across_heading", lang))
    widgets.heading_text(label, labels.selection_label(sel, lang))
    table = cached.from_store(plans_view.indicator_status, sel)
    if table.empty:
        st.info(t("plan_across_none", lang))
        return
    display = plan_tables.status_display(cached, table, lang, with_place=True)
    show_status_table(display, table, lang, "plan_across_table")
    meta = exports.ExportMeta(
        f"{t('plan_across_heading', lang)}: {label}", (sel.indicator_id,), sel
    )
    widgets.download_buttons(
        display, meta, f"sdg_plan_{sel.indicator_id}_{lang}", lang, "plan_dl_all"
    )


# --- actual vs plan on other pages ----------------------------------------------------------


def region_block(ref_area: str, lang: str) -> None:
    """The region page's actual-vs-plan part: every target and national stand-in with its
    status, and one of them against its line (URL ``pind``); a link to the plans page."""
    st.subheader(t("plan_region_heading", lang))
    table = place_table(ref_area)
    if table.empty:
        st.info(t("plan_none_here", lang))
    else:
        summary(table, lang)
        display = plan_tables.status_display(cached, table, lang)
        show_status_table(display, table, lang, "reg_plan_table")
        st.caption(t("plan_stand_in_note", lang))
        keys = [
            plans_view.selection_key(plans_view.row_selection(r)) for r in table.to_dict("records")
        ]
        state.seed("reg_plan", "pind", state.choice(keys), keys[0])
        state.keep_valid("reg_plan", keys, keys[0])
        chosen = st.selectbox(
            t("plan_pick_indicator", lang),
            keys,
            key="reg_plan",
            format_func=lambda k: _row_label(table.iloc[keys.index(k)].to_dict(), lang),
        )
        state.set_params(pind=chosen if chosen != keys[0] else None)
        row = table.iloc[keys.index(chosen)].to_dict()
        sel = plans_view.row_selection(row)
        chart_block(ref_area, sel, lang, "reg_plan_chart", row)
    st.page_link(
        script("plans"),
        label=t("plan_open_page", lang),
        icon=":material/flag:",
        query_params={"place": ref_area, "lang": lang},
    )


def _row_label(row: dict, lang: str) -> str:
    labels = cached.labels()
    sel = plans_view.row_selection(row)
    text = f"{labels.indicator_label(sel.indicator_id, lang, width=90)} — "
    text += labels.selection_label(sel, lang, with_unit=False)
    status = t(f"plan_status_{row['status']}", lang)
    return f"{text} ({status})"


def panel_status(place: str, sel: Selection, lang: str) -> dict | None:
    """The status of one series in one region, as a line of text beside a small chart (the map's
    region panel, the goal page's detail); returns the row for the caller's plan line."""
    row = selection_row(place, sel)
    if row is None:
        return None
    st.caption(plan_tables.status_sentence(row, lang))
    return row


def compare_block(codes: list[str], sel: Selection, lang: str) -> dict[str, dict]:
    """The compared regions' status for the chart's series (plan or national stand-in), as a
    small table; returns region -> row for the plan lines of the chart."""
    rows = {code: row for code in codes if (row := selection_row(code, sel)) is not None}
    if not rows:
        return rows
    table = pd.DataFrame(rows.values())
    display = plan_tables.status_display(cached, table, lang, with_place=True)
    st.markdown(f"**{t('plan_region_heading', lang)}**")
    keep = [
        t("plan_col_place", lang),
        t("plan_col_status", lang),
        t("plan_col_basis", lang),
        t("year", lang),
        t("brief_col_actual", lang),
        t("brief_col_expected", lang),
        t("brief_col_gap", lang),
        t("plan_col_final_year", lang),
        t("plan_col_final_value", lang),
    ]
    show_status_table(display[keep], table, lang, "cmp_plan_table")
    return rows
