"""Widgets of the distance to 2030: the region's "distance and pace" block with peers and one
indicator's chart, the figures beside the compare and map pages, a goal's and the index's goal
scores, and the map's change mode."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from sdgdash.data.models import Selection
from sdgdash.exports.tables import ExportMeta, file_stem
from sdgdash.features.distance import change as change_mod
from sdgdash.features.distance import charts, display, view
from sdgdash.features.distance.table import coverage
from sdgdash.features.map.charts import MapOptions
from sdgdash.features.map.view import MapView
from sdgdash.i18n import t, tn
from sdgdash.ui import cached, pickers, render, state, widgets
from sdgdash.ui.safe import md_escape


def _names(lang: str) -> dict[str, str]:
    labels = cached.labels()
    return {code: labels.region_name(code, lang) for code in ["", *labels.regions]}


def _number_columns(lang: str) -> dict:
    # Numbers are written by widgets.data_table in the page's language (a printf format here
    # would write 5.3 on a Russian page); scores get one decimal through _score_digits.
    return {
        t("indicator", lang): st.column_config.TextColumn(width=300, pinned=True),
        t("dist_note_col", lang): st.column_config.TextColumn(width="large"),
    }


def _score_digits(lang: str) -> dict[str, int]:
    """Scores and distances (0-100) to one decimal."""
    keys = ("dist_score", "dist_distance", "dist_national_score", "dist_peer_score")
    return {t(k, lang): 1 for k in keys}


# --- region profile ----------------------------------------------------------------------------


def region_block(ref_area: str, lang: str) -> None:
    """The region's distance to 2030 per goal and per indicator, its pace and arrival years,
    its peers, one indicator against the peers' band, with downloads and the method."""
    labels = cached.labels()
    st.subheader(t("dist_block_heading", lang))
    if not view.is_region(ref_area):
        st.info(t("dist_not_region", lang))
        return
    block = view.region_distance(cached, ref_area)
    name = labels.region_name(ref_area, lang)
    st.caption(t("dist_block_intro", lang))
    _goal_part(block, name, lang)
    _peers_part(block.peers, name, lang)
    _indicator_part(block, name, lang)
    _detail_part(block, name, lang)
    with st.expander(t("dist_method_heading", lang)):
        for text in display.method_notes(lang):
            st.markdown(md_escape(text))


def _goal_part(block: view.RegionDistance, name: str, lang: str) -> None:
    labels = cached.labels()
    st.markdown(f"**{md_escape(t('dist_goals_heading', lang))}**")
    if block.goals.empty:
        st.info(t("dist_no_goal_scores", lang))
        return
    table = display.goal_table(labels, block, lang)
    render.chart(
        charts.goal_scores(block.goals, name, labels, lang),
        key="dist_goal_scores",
        values=table,
        title=t("dist_goals_title", lang, region=name),
        source=t("source_line", lang, file=t("dist_source_method", lang)),
        filename=file_stem("sdg", "distance", "goals", block.ref_area, lang),
    )
    widgets.data_table(
        table,
        lang,
        digits=_score_digits(lang),
        column_config=_number_columns(lang),
        height=35 * (len(table) + 1) + 3,
    )
    st.caption(t("dist_goals_note", lang))


def _peers_part(found: view.RegionPeers, name: str, lang: str) -> None:
    labels = cached.labels()
    st.markdown(f"**{md_escape(t('dist_peers_heading', lang))}**")
    if found.peers.empty:
        st.info(t("dist_no_peers", lang))
        return
    names = ", ".join(labels.region_name(c, lang) for c in found.codes)
    st.markdown(md_escape(t("dist_peers_line", lang, region=name, peers=names)))
    widgets.data_table(display.peers_table(labels, found, lang))
    st.caption(t("dist_peers_basis", lang, n=len(found.basis)))
    with st.expander(tn("dist_peers_basis_list", len(found.basis), lang)):
        widgets.data_table(display.basis_table(labels, found, lang))


def _indicator_part(block: view.RegionDistance, name: str, lang: str) -> None:
    labels = cached.labels()
    st.markdown(f"**{md_escape(t('dist_indicators_heading', lang))}**")
    rows = block.indicators
    cov = coverage(rows, (block.ref_area,)).set_index(["figure", "reason"])["n"]
    st.caption(
        tn(
            "dist_coverage_line",
            len(rows),
            lang,
            scored=int(cov.get(("score", ""), 0)),
            paced=int(cov.get(("pace", ""), 0)),
            arriving=int(cov.get(("arrival", ""), 0)),
        )
    )
    table = display.indicator_table(labels, rows, lang)
    widgets.data_table(
        table,
        lang,
        digits=_score_digits(lang),
        column_config=_number_columns(lang),
        height=min(36 * (len(table) + 1) + 4, 700),
        key="dist_table",
    )
    full = display.indicator_table(labels, rows, lang, full=True)
    meta = ExportMeta(
        f"{t('dist_block_heading', lang)}: {name}",
        tuple(rows["indicator_id"]),
        regions=(block.ref_area,),
        notes=display.method_notes(lang),
    )
    widgets.download_buttons(
        full,
        meta,
        f"sdg_distance_{block.ref_area}_{lang}",
        lang,
        what=t("dl_distance_indicators", lang),
    )
    st.caption(t("dist_table_note", lang))


def _detail_part(block: view.RegionDistance, name: str, lang: str) -> None:
    labels = cached.labels()
    ids = view.indicator_ids(block)
    if not ids:
        return
    st.markdown(f"**{md_escape(t('dist_detail_heading', lang))}**")
    with_arrival = set(block.indicators.dropna(subset=["arrival_status"])["indicator_id"])
    scored = [i for i in ids if i in with_arrival]
    ind = pickers.indicator(lang, ids, "reg_dind", (scored or ids)[0], param="dind")
    detail = view.indicator_detail(cached, block.ref_area, ind)
    row = detail.row
    unit = labels.code_label("unit", row["unit"], lang)
    metrics(row, lang, unit)
    render.chart(
        charts.indicator_chart(detail, name, unit, lang),
        key="dist_detail_chart",
        values=display.detail_values(detail, name, lang),
        title=f"{name}: {labels.indicator_label(ind, lang)}",
        source=widgets.source_text([view.source_file(ind)], lang),
        filename=file_stem("sdg", ind, "distance", block.ref_area, lang),
    )
    lines = [display.end_sentence(detail.rule, labels, lang)]
    if pd.notna(row["lower"]):
        lines.append(
            t(
                "dist_lower_line",
                lang,
                lower=display.number(display.sig(row["lower"], 4), lang),
                year=int(row["lower_from"]) if pd.notna(row["lower_from"]) else 2015,
            )
        )
    if pd.notna(row["pace_from"]):
        lines.append(
            t(
                "dist_pace_window",
                lang,
                n=int(row["n_points"]),
                y0=int(row["pace_from"]),
                y1=int(row["pace_to"]),
            )
        )
    if row["projection_clipped"]:
        lines.append(t("dist_projection_clipped", lang))
    lines.append(peer_line(row, lang))
    lines.append(rank_line(row, lang))
    lines.append(display.note(row, lang))
    captions(lines)
    widgets.source_line([view.source_file(ind)], lang)


def captions(lines: list[str]) -> None:
    """Sentences as one caption, a line each (empty ones left out)."""
    st.caption("  \n".join(md_escape(line) for line in lines if line))


def metrics(row: pd.Series, lang: str, unit: str) -> None:
    """Score, distance, pace observed vs needed and arrival as four metrics."""
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(
        t("dist_score", lang),
        display.number(display.score1(row["score"]), lang, 1),
        help=t("dist_method_score", lang),
    )
    c2.metric(t("dist_distance", lang), display.number(display.score1(row["distance"]), lang, 1))
    observed = display.number(display.sig(row["pace_observed"]), lang)
    needed = display.number(display.sig(row["pace_needed"]), lang)
    c3.metric(
        t("dist_pace_vs_needed", lang),
        f"{observed} / {needed}",
        help=f"{unit}. {t('dist_method_pace', lang)}" if unit else t("dist_method_pace", lang),
    )
    c4.metric(t("dist_arrival", lang), display.arrival(row, lang))


def peer_line(row: pd.Series, lang: str) -> str:
    """ "Peer average 4.2 (range 2.6-7.0) against Kazakhstan's 5.2 in 2023"."""
    if pd.isna(row["peer_mean"]):
        return t("dist_peer_none", lang)
    return t(
        "dist_peer_line",
        lang,
        mean=display.number(display.sig(row["peer_mean"], 4), lang),
        low=display.number(row["peer_min"], lang),
        high=display.number(row["peer_max"], lang),
        national=display.number(row["national_value"], lang),
        year=int(row["year"]),
    )


def rank_line(row: pd.Series, lang: str) -> str:
    """The honest rank among all regions and among the peers, and how noise was read."""
    if pd.isna(row["rank_best"]):
        return ""
    text = t(
        "dist_rank_line",
        lang,
        all=display.rank_text(row["rank_best"], row["rank_worst"], row["n_ranked"], lang),
        peers=display.rank_text(
            row["peer_rank_best"], row["peer_rank_worst"], row["n_peer_ranked"], lang
        ),
    )
    if row["noise_known"]:
        return f"{text} {t('dist_rank_note', lang, noise=display.number(display.sig(row['noise']), lang))}"
    return f"{text} {t('dist_rank_noise_unknown', lang)}"


# --- compare page ------------------------------------------------------------------------------


def compare_block(codes: list[str], indicator_id: str, lang: str) -> None:
    """The compared regions' distance, pace, arrival and peer average on one indicator."""
    labels = cached.labels()
    st.subheader(t("dist_compare_heading", lang))
    rows = view.compare_rows(cached, codes, indicator_id)
    if rows.empty:
        st.info(t("dist_not_region", lang))
        return
    table = display.compare_table(labels, rows, lang)
    widgets.data_table(table, lang, digits=_score_digits(lang), column_config=_number_columns(lang))
    st.caption(t("dist_compare_note", lang))
    meta = ExportMeta(
        f"{t('dist_compare_heading', lang)}: {labels.indicator_label(indicator_id, lang)}",
        (indicator_id,),
        regions=tuple(codes),
        notes=display.method_notes(lang),
    )
    widgets.download_buttons(
        table,
        meta,
        f"sdg_distance_{indicator_id}_{'-'.join(codes)}_{lang}",
        lang,
        key="dl_cmp_dist",
        what=t("dl_distance_compare", lang),
    )


# --- map page ----------------------------------------------------------------------------------


def map_figures(view_: MapView, ref_area: str, lang: str) -> None:
    """Beside the map: the region's score and distance in the map's year, its arrival year at
    the current pace, and its peers' average next to Kazakhstan's value."""
    if not view.is_region(ref_area):
        return
    labels = cached.labels()
    figures = view.selection_figures(cached, view_.selection, ref_area, view_.year)
    row = figures.row
    if row is None:
        return
    st.markdown(f"**{md_escape(t('dist_heading', lang))}**")
    st.metric(
        f"{t('dist_score', lang)}, {view_.year}",
        display.number(display.score1(row["score"]), lang, 1),
        help=t("dist_method_score", lang),
    )
    st.markdown(
        f"{md_escape(t('dist_arrival', lang))}: **{md_escape(display.arrival(row, lang))}**"
    )
    lines = [
        t(
            "dist_map_distance",
            lang,
            distance=display.number(display.score1(row["distance"]), lang, 1),
            end=display.number(display.sig(row["end_value"], 4), lang),
        )
        if pd.notna(row["distance"])
        else "",
        peer_line(row, lang) if pd.notna(row["year"]) else "",
        rank_line(row, lang),
        display.note(row, lang),
    ]
    if figures.peers.codes:
        names = ", ".join(labels.region_name(c, lang) for c in figures.peers.codes)
        lines.append(t("dist_peers_are", lang, peers=names))
    captions(lines)


MODE = view.CHANGE_MODE


@dataclass(frozen=True)
class ChangeChoice:
    """The change mode's two years and what the map colours ("abs" or "pct")."""

    span: tuple[int, int]
    measure: str


def pick_change(years: list[int], year_b: int, lang: str, cols) -> ChangeChoice | None:
    """The change mode's two years (``cols[0]``) and measure (``cols[1]``), kept in the URL as
    ``from``, ``year`` and ``chg``; None (with a note) when the selection has one year."""
    span = pick_change_years(years, year_b, lang, cols[0])
    if span is None:
        return None
    state.seed("map_chg", "chg", state.choice(view.MEASURES), "abs")
    measure = (
        cols[1].segmented_control(
            t("dist_change_measure", lang),
            list(view.MEASURES),
            key="map_chg",
            format_func=lambda m: t(f"dist_change_measure_{m}", lang),
        )
        or "abs"
    )
    state.set_params(chg=measure if measure != "abs" else None)
    return ChangeChoice(span, measure)


def pick_change_years(years: list[int], year_b: int, lang: str, where) -> tuple[int, int] | None:
    """The two years of the change mode (a range slider, URL ``from`` and ``year``)."""
    if len(years) < 2:
        where.info(t("dist_change_one_year", lang))
        return None
    key = "map_span"
    first = state.param("from", state.choice(years), None)  # junk: a notice, then the default
    resolved = view.change_years(years, {"from": str(first or ""), "year": str(year_b)})
    span = st.session_state.get(key)
    if not (
        isinstance(span, tuple | list)
        and len(span) == 2
        and set(span) <= set(years)
        and span[0] < span[1]
    ):
        st.session_state[key] = resolved
    a, b = where.select_slider(t("dist_change_years", lang), options=years, key=key)
    if a == b:
        where.caption(t("dist_change_same_year", lang))
        a, b = resolved
    st.session_state["map_year"] = b  # the map's year follows the second year
    state.set_params(**{"from": a})
    return int(a), int(b)


def change_map(sel: Selection, choice: ChangeChoice, lang: str, opts: MapOptions):
    """The change map of ``sel`` between the two years, with its layout and method caption."""
    labels = cached.labels()
    cv = view.change_view(cached, sel, *choice.span)
    unit = labels.code_label("unit", sel.unit, lang)
    render.chart(
        charts.change_figure(cached, cv, unit, lang, opts.palette, choice.measure),
        key="map_change",
        values=display.change_table(labels, cv, sel.indicator_id, unit, lang),
        kind="map",
        title=t(
            "dist_change_title",
            lang,
            indicator=labels.indicator_label(sel.indicator_id, lang),
            y0=cv.year_a,
            y1=cv.year_b,
        ),
        source=widgets.source_text([view.source_file(sel.indicator_id)], lang),
        filename=file_stem("sdg", sel.indicator_id, "change", cv.year_a, cv.year_b, lang),
        wrap=75,
    )
    st.caption(
        f"{t('layout', lang)}: {t('layout_' + cv.layout_a, lang)} → "
        f"{t('layout_' + cv.layout_b, lang)} · "
        + tn(
            "dist_change_compared", len(cv.changes), lang, total=len(cv.changes) + len(cv.left_out)
        )
    )
    st.caption(t("dist_method_change", lang))
    return cv


def change_side(cv: change_mod.ChangeView, sel: Selection, lang: str) -> None:
    """Beside the change map: Kazakhstan's change, the fastest movers, the regions left out."""
    labels = cached.labels()
    names = _names(lang)
    national = cached.national_series(sel).set_index("year")["value"]
    if cv.year_a in national.index and cv.year_b in national.index:
        a, b = float(national[cv.year_a]), float(national[cv.year_b])
        st.metric(
            f"{t('national_value', lang)}, {cv.year_a} → {cv.year_b}",
            display.number(b, lang),
            # an ASCII sign: Streamlit reads the arrow's direction from a leading "-"
            delta=f"{'+' if b >= a else '-'}{display.number(abs(b - a), lang)}",
            delta_color={True: "normal", False: "inverse", None: "off"}[cv.higher_is_better],
        )
    if cv.higher_is_better is None:
        st.caption(t("dist_change_no_direction", lang))
    else:
        up, down = change_mod.fastest_movers(cv)
        for heading, frame in (
            (t("dist_fastest_up", lang), up),
            (t("dist_fastest_down", lang), down),
        ):
            if frame.empty:
                continue
            st.markdown(f"**{md_escape(heading)}**")
            st.markdown(
                "\n".join(
                    f"{i}. {md_escape(names.get(r.ref_area, r.ref_area))}: "
                    f"{display.number(display.sig(r.change_per_year), lang)} "
                    f"{md_escape(t('dist_per_year', lang))}"
                    for i, r in enumerate(frame.itertuples(), start=1)
                )
            )
        st.caption(t("dist_method_movers", lang))
    if len(cv.left_out):
        with st.expander(f"{t('dist_left_out', lang)} ({len(cv.left_out)})"):
            for r in cv.left_out.itertuples():
                st.markdown(
                    f"- **{md_escape(labels.region_name(r.ref_area, lang))}**: "
                    f"{md_escape(t('dist_left_' + r.reason, lang))}"
                )


def change_table(cv: change_mod.ChangeView, sel: Selection, lang: str) -> None:
    """The change of every region (fastest movers first, then the left out) with downloads."""
    labels = cached.labels()
    unit = labels.code_label("unit", sel.unit, lang)
    table = display.change_table(labels, cv, sel.indicator_id, unit, lang)
    render.chart(
        charts.change_bars(cv, _names(lang), unit, lang),
        key="map_change_bars",
        values=table,
        title=t(
            "dist_change_bars_title",
            lang,
            indicator=labels.indicator_label(sel.indicator_id, lang),
            y0=cv.year_a,
            y1=cv.year_b,
        ),
        source=widgets.source_text([view.source_file(sel.indicator_id)], lang),
        filename=file_stem("sdg", sel.indicator_id, "movers", cv.year_a, cv.year_b, lang),
    )
    widgets.data_table(table, lang)
    meta = ExportMeta(
        t(
            "dist_change_title",
            lang,
            indicator=labels.indicator_label(sel.indicator_id, lang),
            y0=cv.year_a,
            y1=cv.year_b,
        ),
        (sel.indicator_id,),
        sel,
        cv.year_b,
        notes=display.change_notes(lang),
    )
    widgets.download_buttons(
        table,
        meta,
        f"sdg_{sel.indicator_id}_change_{cv.year_a}_{cv.year_b}_{lang}",
        lang,
        what=t("dl_distance_change", lang),
    )


# --- goal and index pages ----------------------------------------------------------------------


def goal_block(goal: int, ref_area: str, lang: str) -> None:
    """One goal's distance score for every region and Kazakhstan, and the goal's indicators for
    the chosen area with their figures."""
    labels = cached.labels()
    st.subheader(t("dist_goal_heading", lang))
    frame = view.goal_regions(cached, goal)
    if frame["score"].isna().all():
        st.info(t("dist_no_goal_scores", lang))
        return
    names = _names(lang)
    render.chart(
        charts.goal_regions(frame, names, ref_area, lang),
        key="dist_goal_regions",
        values=display.goal_regions_values(frame, names, lang),
        title=t("dist_goal_title", lang, goal=goal, name=labels.goal_short(goal, lang)),
        source=t("source_line", lang, file=t("dist_source_method", lang)),
        filename=file_stem("sdg", "goal", goal, "distance", lang),
    )
    st.caption(f"{t('dist_goals_note', lang)} {t('dist_goal_regions_note', lang)}")
    rows = view.goal_indicator_rows(cached, goal, ref_area)
    if len(rows):
        st.markdown(
            f"**{md_escape(t('dist_goal_indicators', lang, area=labels.region_name(ref_area, lang)))}**"
        )
        if ref_area and not view.is_region(ref_area):
            st.info(t("dist_not_region", lang))
            return
        table = display.indicator_table(labels, rows, lang)
        widgets.data_table(
            table,
            lang,
            digits=_score_digits(lang),
            column_config=_number_columns(lang),
            key="dist_goal_table",
        )
        full = display.indicator_table(labels, rows, lang, full=True)
        meta = ExportMeta(
            f"{t('dist_goal_heading', lang)}: {t('goal', lang)} {goal}",
            tuple(rows["indicator_id"]),
            regions=(ref_area,) if ref_area else (),
            notes=display.method_notes(lang),
        )
        widgets.download_buttons(
            full,
            meta,
            f"sdg_goal{goal}_distance_{ref_area or 'KZ'}_{lang}",
            lang,
            key="dl_goal_dist",
            what=t("dl_distance_indicators", lang),
        )


def index_block(lang: str) -> None:
    """Every region's distance score per goal (Kazakhstan first), with downloads."""
    labels = cached.labels()
    st.subheader(t("dist_index_heading", lang))
    st.caption(t("dist_index_intro", lang))
    table = display.goal_matrix_table(labels, view.goal_score_matrix(cached), lang)
    shown = table.drop(columns="ref_area")
    goal_cols = [c for c in shown.columns if c != t("region", lang)]
    styled = (
        shown.style.background_gradient(cmap="Blues", subset=goal_cols, vmin=0, vmax=100)
        .map(lambda v: "background-color: #f2f2f2" if pd.isna(v) else "", subset=goal_cols)
        .format(precision=0, na_rep="—", subset=goal_cols)
    )
    widgets.data_table(
        styled, lang, digits=dict.fromkeys(goal_cols, 0), height=35 * (len(table) + 1) + 3
    )
    meta = ExportMeta(t("dist_index_heading", lang), notes=display.method_notes(lang))
    widgets.download_buttons(
        table,
        meta,
        f"sdg_distance_goals_{lang}",
        lang,
        key="dl_dist_goals",
        what=t("dl_distance_goals", lang),
    )
    st.caption(t("source_line", lang, file=t("dist_source_method", lang)))
