"""Widgets of the overview: links to the goal pages, the data's version and what its last update
changed, and the bulk download of every value."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from sdgdash.data.catalog import GOALS
from sdgdash.exports import tables as exports
from sdgdash.features.map import view as mapview
from sdgdash.features.overview import view as overview_view
from sdgdash.features.tags import ui as tags_ui
from sdgdash.i18n import fmt_number, t, tn
from sdgdash.ui import cached, state, widgets
from sdgdash.ui.safe import literal, md_escape
from sdgdash.ui.widgets import csv_xlsx_buttons


def bulk_download(lang: str) -> None:
    """All observations in ``lang`` as CSV and XLSX, built when asked for and then cached."""
    st.subheader(t("exp_bulk_heading", lang))
    count = cached.observation_count()
    st.caption(tn("exp_bulk_text", count, lang, n=fmt_number(count, lang)))
    if count > exports.SHEET_MAX_ROWS:
        # One file of every row would not open in a spreadsheet, and building it would hold the
        # whole table in the server's memory: the per-indicator downloads serve instead.
        st.info(tn("perf_bulk_too_large", count, lang, n=fmt_number(count, lang)))
        return
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
    parts = ("sdg", "all", "observations", lang)
    csv_xlsx_buttons(csv, xlsx, parts, lang, "bulk", what=t("dl_all_values", lang))


def goal_links(lang: str, columns: int = 9) -> None:
    """A link to each goal's page, laid out like the overview's goal tiles."""
    labels = cached.labels()
    for start in range(0, len(GOALS), columns):
        cells = st.columns(columns)
        for cell, goal in zip(cells, GOALS[start : start + columns], strict=False):
            cell.page_link(
                "app_pages/goal.py",
                label=t("goal_open_n", lang, goal=goal),
                help=labels.goal_short(goal, lang),
                query_params={"goal": str(goal), "lang": lang},
            )


def pick_featured(lang: str) -> mapview.MapQuery:
    """The featured indicator (URL ``ind``) and year (``year``) chosen beside the overview's map,
    with the indicator's name and tags; the headline selection of the indicator."""
    labels = cached.labels()
    regional = cached.regional_indicators()["indicator_id"].tolist()
    state.seed("ov_ind", "ind", state.choice(regional), mapview.default_indicator(regional))
    ind = st.selectbox(
        t("indicator", lang),
        regional,
        key="ov_ind",
        format_func=lambda i: labels.indicator_label(i, lang, width=70),
    )
    query = mapview.headline_query(cached, ind)
    years = query.years
    state.seed("ov_year", "year", state.integer(1990, 2100), years[-1])
    state.keep_valid("ov_year", years, years[-1])
    year = (
        st.select_slider(t("year", lang), options=years, key="ov_year")
        if len(years) > 1
        else years[0]
    )
    state.set_params(ind=ind, year=year)
    widgets.heading_text(
        labels.indicator_label(ind, lang), labels.selection_label(query.selection, lang)
    )
    tags_ui.tag_chips(ind, lang)
    return mapview.MapQuery(query.selection, years, int(year))


def data_version(lang: str) -> None:
    """The data's source version and build date, in one small line."""
    # The repository address is read from the source folder: shown, never a link.
    st.caption(literal(overview_view.version_caption(cached, lang)))


def data_update(lang: str) -> None:
    """What the last data update changed (folded: a look for those who ask)."""
    update = overview_view.data_update(cached, lang)
    with st.expander(t("refresh_update_heading", lang), icon=":material/update:"):
        st.markdown(md_escape(update.intro))
        if update.facts:
            st.markdown(
                "\n".join(
                    f"- **{md_escape(what)}**: {md_escape(how)}" for what, how in update.facts
                )
            )
        if len(update.largest):
            st.markdown(f"**{md_escape(t('refresh_update_largest', lang))}**")
            widgets.data_table(update.largest)
        if len(update.orphaned):
            st.markdown(f"**{md_escape(t('refresh_update_orphaned', lang))}**")
            widgets.data_table(update.orphaned)
