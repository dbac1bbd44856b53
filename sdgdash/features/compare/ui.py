"""Widgets of the comparison: the regions chosen, the table with best and worst marked, and one
indicator over the years."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash.data.catalog import GOALS
from sdgdash.exports import display
from sdgdash.exports.tables import file_stem
from sdgdash.features.compare import view as compare_view
from sdgdash.features.compare.charts import compare_lines
from sdgdash.features.compare.view import DEFAULT_REGIONS, MAX_REGIONS
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import ui as plans_ui
from sdgdash.features.plans import view as plans_view
from sdgdash.features.region import view as region_view
from sdgdash.features.tags import view as tags_view
from sdgdash.i18n import fmt_number, t
from sdgdash.ui import cached, pickers, render, state, widgets
from sdgdash.ui.safe import md_escape


def pick_regions(lang: str, where=st) -> list[str]:
    """2 to 4 regions chosen in ``where`` (the page's filter bar), kept in the URL as
    ``regions``."""
    labels = cached.labels()
    units = region_view.region_units(cached, lang)
    state.seed("cmp_regions", "regions", compare_view.parse_regions, list(DEFAULT_REGIONS))
    codes = where.multiselect(
        t("compare_regions", lang),
        units,
        key="cmp_regions",
        max_selections=MAX_REGIONS,
        format_func=lambda c: labels.region_name(c, lang),
    )
    state.set_params(regions=",".join(codes) or None)
    return codes


def pick_goals(frame: pd.DataFrame, lang: str, where=st) -> list[int]:
    """The goals to compare on (none = all), kept in the URL as ``goals`` like the region
    page's filter; only goals with compared indicators are offered."""
    labels = cached.labels()
    offered = sorted(int(g) for g in frame["goal"].unique()) if len(frame) else []
    state.seed("cmp_goals", "goals", state.int_list(GOALS), [])
    state.keep_valid_list("cmp_goals", offered)
    chosen = where.multiselect(
        t("goals_filter", lang),
        offered,
        key="cmp_goals",
        placeholder=t("all_goals", lang),
        format_func=lambda g: f"{g}. {labels.goal_short(g, lang)}",
    )
    state.set_params(goals=",".join(map(str, chosen)) or None)
    return sorted(chosen)


_MARKS = {compare_view.BEST: "▲", compare_view.WORST: "▼"}
_MARK_COLOURS = {
    compare_view.BEST: "background-color: #c7e9c0; font-weight: bold",
    compare_view.WORST: "background-color: #fcbba1",
}


def comparison_cells(frame: pd.DataFrame, codes: list[str], lang: str) -> pd.DataFrame:
    """The comparison as people read it: per indicator one column per region with value and rank
    in one cell ("▲ 5,2 (3/20)"; ▲ best and ▼ worst of the chosen regions), Kazakhstan's value,
    then the unit and the year once (the regions come first: on a phone they are what shows
    beside the name); the indicator's cell names its problem tags."""
    labels = cached.labels()
    marks = compare_view.best_worst(frame, codes)
    tags_label = t("tags_column", lang)
    rows = []
    for i, r in frame.iterrows():
        name = labels.indicator_label(r["indicator_id"], lang)
        tags = tags_view.tag_names(cached, r["indicator_id"], lang)
        # The indicator's problem tags in its cell, not in a column of their own (width).
        row = {t("indicator", lang): f"{name} · {tags_label}: {tags}" if tags else name}
        for code in codes:
            value, rank = r[f"value_{code}"], r[f"rank_{code}"]
            if value is None or pd.isna(value):
                row[labels.region_name(code, lang)] = "—"
                continue
            text = fmt_number(value, lang)
            if rank is not None and not pd.isna(rank) and r["n_ranked"]:
                text += f" ({int(rank)}/{int(r['n_ranked'])})"
            mark = _MARKS.get(marks.loc[i, code], "")
            row[labels.region_name(code, lang)] = f"{mark} {text}" if mark else text
        national = r["national"]
        row[t("national", lang)] = (
            "—" if national is None or pd.isna(national) else fmt_number(national, lang)
        )
        row[t("unit", lang)] = labels.code_label("unit", r["unit"], lang)
        row[t("year", lang)] = str(r["year"])
        rows.append(row)
    return pd.DataFrame(rows)


def show_comparison(frame: pd.DataFrame, codes: list[str], lang: str) -> None:
    """The comparison table (:func:`comparison_cells`) as a static table that wraps long names
    and fits a laptop's width with four regions, best and worst also coloured; its header kept
    in view while the page scrolls."""
    labels = cached.labels()
    cells = comparison_cells(frame, codes, lang)
    marks = compare_view.best_worst(frame, codes)
    names = {labels.region_name(c, lang): c for c in codes}

    def paint(col: pd.Series) -> list[str]:
        code = names.get(col.name)
        if code is None:
            return [""] * len(col)
        return [_MARK_COLOURS.get(m, "") for m in marks[code]]

    # st.table reads text as Markdown: names and headers are escaped to show as written.
    styled = cells.style.apply(paint, axis=0).hide(axis="index").format(md_escape)
    # No box of its own height: a scrolled box is out of a keyboard's reach (WCAG, axe's
    # scrollable-region-focusable); the header stays in view as the page scrolls instead.
    with st.container(key="sdg_cmp_table", border=False):
        st.table(styled.format_index(md_escape, axis=1))


def comparison_table(frame: pd.DataFrame, codes: list[str], lang: str) -> pd.DataFrame:
    """Each chosen region's value and rank in adjacent columns, per indicator."""
    labels = cached.labels()
    rows = []
    for r in frame.to_dict("records"):
        row = {
            t("goal", lang): r["goal"],
            t("indicator", lang): labels.indicator_label(r["indicator_id"], lang),
            t("unit", lang): labels.code_label("unit", r["unit"], lang),
            t("year", lang): r["year"],
        }
        for code in codes:
            name = labels.region_name(code, lang)
            row[name] = r[f"value_{code}"]
            rank = r[f"rank_{code}"]
            row[f"{name}: {t('rank', lang).lower()}"] = (
                "—" if rank is None or pd.isna(rank) else f"{int(rank)}/{r['n_ranked']}"
            )
        row[t("national", lang)] = r["national"]
        if "source_file" in r:  # traced in the table's source detail and in the downloads
            row[t("source", lang)] = r["source_file"]
            for code in codes:
                line = r.get(f"source_row_{code}")
                row[f"{labels.region_name(code, lang)} · {t('source_row', lang)}"] = (
                    None if line is None or pd.isna(line) else int(line)
                )
        rows.append(row)
    return pd.DataFrame(rows)


def source_detail(table: pd.DataFrame, lang: str) -> None:
    """Where each value of the comparison comes from (the indicator's file and each region's
    line in it), in the closed "source of each value" expander every table has."""
    technical = display.technical_columns(table, lang)
    if technical:
        shown = [c for c in table.columns if c not in technical]
        widgets.source_detail(table, shown, technical, lang)


def lines_chart(codes: list[str], frame: pd.DataFrame, lang: str) -> str:
    """One compared indicator (URL ``ind``) over the years for the regions and Kazakhstan;
    returns the indicator."""
    labels = cached.labels()
    ids = compare_view.indicator_choices(cached, frame)
    ind = pickers.indicator(lang, ids, "cmp_ind", compare_view.default_indicator(ids))
    view = compare_view.lines(cached, codes, ind)
    sel = view.selection
    widgets.heading_text(labels.indicator_label(ind, lang), labels.selection_label(sel, lang))
    names = {c: labels.region_name(c, lang) for c in codes}
    rows = plans_ui.compare_block(codes, sel, lang)
    fig = compare_lines(
        view.regional,
        view.national,
        codes,
        names,
        labels.code_label("unit", sel.unit, lang),
        lang,
        {code: plans_view.plan_chart_frame(row) for code, row in rows.items()},
    )
    files = [view.source_file]
    render.chart(
        fig,
        key="cmp_lines",
        values=plan_tables.with_plan_lines(
            view.table(names, t("national", lang), lang),
            {plan_tables.line_title(r, lang, names[c]): r for c, r in rows.items()},
            lang,
        ),
        title=labels.indicator_label(ind, lang),
        source=widgets.source_text(files, lang),
        filename=file_stem("sdg", ind, "compare", *codes, lang),
    )
    widgets.source_line(files, lang)
    return ind
