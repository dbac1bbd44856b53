"""Widgets of the overview: the goal tiles (links to the goal pages), the data's version and
what its last update changed, the featured indicator and the bulk download of every value."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from sdgdash import pages
from sdgdash.exports import tables as exports
from sdgdash.features.map import view as mapview
from sdgdash.features.overview import view as overview_view
from sdgdash.features.tags import ui as tags_ui
from sdgdash.i18n import fmt_number, t, tn
from sdgdash.ui import cached, layout, present, state, widgets
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


def goal_tiles(lang: str) -> None:
    """The 17 goals as tiles in their official colours: number, indicator counts and the short
    name in full; each tile is a link to its goal page (a keyboard reaches it with Tab) whose
    tooltip gives the full title. The grid wraps to the screen's width (CSS grid), and a row
    is as tall as its longest name."""
    tiles = overview_view.goal_tiles(cached, lang)
    st.html(_tiles_css(tiles, present.presenting()))
    with st.container(key="sdg_goal_tiles"):
        for tile in tiles:
            last = "–" if tile.last_year is None else str(tile.last_year)
            counts = tn(
                "goal_caption",
                tile.n_indicators,
                lang,
                n_data=tile.n_with_data,
                n_regional=tile.n_regional,
            )
            with st.container(key=f"sdg_goal_tile_{tile.goal}"):
                st.page_link(
                    pages.script("goal"),
                    label=(
                        f"**{tile.goal}** **{tile.n_regional}** / {tile.n_indicators}  \n"
                        f"{md_escape(tile.short)}"
                    ),
                    help=f"{tile.goal}. {tile.title}\n\n{counts}\n\n"
                    f"{t('latest_year', lang)}: {last}",
                    query_params={"goal": str(tile.goal), "lang": lang},
                    width="stretch",
                )


def _tiles_css(tiles: list[overview_view.GoalTile], big: bool) -> str:
    """The tiles' grid and each tile's colour (the goals' official colours, from the data); on a
    projector (``big``) larger tiles and text."""
    # Each tile's text in the colour that reads on its goal's colour (dark on yellow).
    colours = "\n".join(
        f".st-key-sdg_goal_tile_{x.goal} a {{ background: {x.colour}; }}\n"
        f'[data-testid="stMain"] .st-key-sdg_goal_tiles .st-key-sdg_goal_tile_{x.goal} a, '
        f'[data-testid="stMain"] .st-key-sdg_goal_tiles .st-key-sdg_goal_tile_{x.goal} a * '
        f"{{ color: {x.ink} !important; }}"
        for x in tiles
    )
    # A tile is as wide as the longest word of a goal's name ("Индустриализация,") needs.
    tile, text, number = ("13rem", "1.2rem", "2.2rem") if big else ("9rem", "0.82rem", "1.6rem")
    sizes = {"@TILE": tile, "@TEXT": text, "@NUMBER": number}
    css = _TILES_CSS
    for name, size in sizes.items():
        css = css.replace(name, size)
    return f"<style>{css}\n{colours}</style>"


# "stMain" in the text selectors: they win over presentation mode's larger paragraph text.
_TILES_CSS = """
.st-key-sdg_goal_tiles { display: grid !important;
  grid-template-columns: repeat(auto-fill, minmax(@TILE, 1fr)); gap: 0.4rem; }
.st-key-sdg_goal_tiles [data-testid="stElementContainer"],
.st-key-sdg_goal_tiles [data-testid="stPageLink"] { height: 100%; width: 100% !important; }
[class*="st-key-sdg_goal_tile_"] { height: 100%; }
[class*="st-key-sdg_goal_tile_"] a { display: flex; align-items: flex-start; height: 100%;
  min-height: 6.6rem; padding: 0.45rem 0.55rem; border-radius: 0.25rem; }
[class*="st-key-sdg_goal_tile_"] a:hover { filter: brightness(1.08); }
[class*="st-key-sdg_goal_tile_"] a:focus-visible { outline: 3px solid #262730;
  outline-offset: 2px; }
[data-testid="stMain"] [class*="st-key-sdg_goal_tile_"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [class*="st-key-sdg_goal_tile_"] a span {
  white-space: normal !important; overflow-wrap: break-word;
  font-size: @TEXT !important; line-height: 1.25; text-align: left; }
[data-testid="stMain"] [class*="st-key-sdg_goal_tile_"] a strong:first-child {
  font-size: @NUMBER; line-height: 1.1; margin-right: 0.35rem; }
"""


def pick_featured(lang: str) -> mapview.MapQuery:
    """The featured indicator (URL ``ind``) and year (``year``) chosen in a filter bar over the
    overview's map (wide enough for the indicator's name); its headline selection."""
    labels = cached.labels()
    regional = cached.regional_indicators()["indicator_id"].tolist()
    state.seed("ov_ind", "ind", state.choice(regional), mapview.default_indicator(regional))
    ind_col, year_col = layout.filter_bar([5, 2], key="filters_featured")
    ind = ind_col.selectbox(
        t("indicator", lang),
        regional,
        key="ov_ind",
        format_func=lambda i: labels.indicator_label(i, lang, width=110),
        help=labels.indicator_label(st.session_state["ov_ind"], lang),
    )
    query = mapview.headline_query(cached, ind)
    years = query.years
    state.seed("ov_year", "year", state.integer(1990, 2100), years[-1])
    state.keep_valid("ov_year", years, years[-1])
    year = (
        year_col.select_slider(t("year", lang), options=years, key="ov_year")
        if len(years) > 1
        else years[0]
    )
    state.set_params(ind=ind, year=year)
    return mapview.MapQuery(query.selection, years, int(year))


def featured_heading(query: mapview.MapQuery, lang: str) -> None:
    """The featured indicator's name, its selection and its problem tags."""
    labels = cached.labels()
    ind = query.selection.indicator_id
    widgets.heading_text(
        labels.indicator_label(ind, lang), labels.selection_label(query.selection, lang)
    )
    tags_ui.tag_chips(ind, lang)


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
