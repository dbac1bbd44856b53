"""Widgets of the comparison: the regions chosen, the table with best and worst marked, and one
indicator over the years."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash.exports.tables import file_stem
from sdgdash.features.compare import view as compare_view
from sdgdash.features.compare.charts import compare_lines
from sdgdash.features.compare.view import DEFAULT_REGIONS, MAX_REGIONS
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import ui as plans_ui
from sdgdash.features.plans import view as plans_view
from sdgdash.features.region import view as region_view
from sdgdash.i18n import fmt_number, t
from sdgdash.ui import cached, pickers, render, state, widgets


def pick_regions(lang: str) -> list[str]:
    """2 to 4 regions chosen in the sidebar, kept in the URL as ``regions``."""
    labels = cached.labels()
    units = region_view.region_units(cached, lang)
    state.seed("cmp_regions", "regions", compare_view.parse_regions, list(DEFAULT_REGIONS))
    codes = st.sidebar.multiselect(
        t("compare_regions", lang),
        units,
        key="cmp_regions",
        max_selections=MAX_REGIONS,
        format_func=lambda c: labels.region_name(c, lang),
    )
    state.set_params(regions=",".join(codes) or None)
    return codes


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


# Beside the cell colour, a mark: the best and worst must not be told by colour alone.
BEST_MARK, WORST_MARK = "★", "✗"


def highlight_best_worst(table: pd.DataFrame, frame: pd.DataFrame, codes: list[str], lang: str):
    """A Styler marking the best (green, bold, ★) and worst (red, ✗) chosen region in each row."""
    labels = cached.labels()
    value_cols = [labels.region_name(c, lang) for c in codes]
    directions = list(frame["higher_is_better"])
    best_worst: dict[int, tuple[str, str]] = {}
    for i, row in table.iterrows():
        better = directions[i]
        vals = pd.to_numeric(row[value_cols], errors="coerce")
        if better is None or vals.notna().sum() < 2 or vals.max() == vals.min():
            continue
        best_worst[i] = (
            vals.idxmax() if better else vals.idxmin(),
            vals.idxmin() if better else vals.idxmax(),
        )

    def paint(row: pd.Series) -> list[str]:
        best, worst = best_worst.get(row.name, ("", ""))
        return [
            "background-color: #c7e9c0; font-weight: bold"
            if col == best
            else "background-color: #fcbba1"
            if col == worst
            else ""
            for col in row.index
        ]

    numbers = [*value_cols, t("national", lang)]
    styled = table.style.apply(paint, axis=1).format(
        lambda v: fmt_number(v, lang), subset=numbers, na_rep="—"
    )
    for i, (best, worst) in best_worst.items():
        for col, mark in ((best, BEST_MARK), (worst, WORST_MARK)):
            styled = styled.format(
                lambda v, m=mark: f"{fmt_number(v, lang)} {m}", subset=pd.IndexSlice[[i], [col]]
            )
    return styled


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
