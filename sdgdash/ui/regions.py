"""Widgets of the region profile and comparison pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash import geo
from sdgdash.i18n import fmt_number, t
from sdgdash.maps import PLOTLY_CONFIG, locator
from sdgdash.ui import cached, state, widgets

DEFAULT_REGION = "KZKAR"


def region_units(lang: str) -> list[str]:
    """Region-level units (all layouts), sorted by their name in ``lang``."""
    labels = cached.labels()
    return sorted(geo.ALL_UNITS, key=lambda c: labels.region_name(c, lang))


def pick_region(lang: str, key: str = "reg_region") -> str:
    """One region chosen in the sidebar, kept in the URL as ``region``."""
    labels = cached.labels()
    units = region_units(lang)
    state.seed(key, "region", state.choice(units), DEFAULT_REGION)
    code = st.sidebar.selectbox(
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
        bits.append(f"REF_AREA: {ref_area}")
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
            cached.geojson(layout), ref_area, names=names, lang=lang, pilots=cached.pilots()
        )
        st.plotly_chart(
            fig, config=PLOTLY_CONFIG | {"displayModeBar": False}, width="stretch", key="locator"
        )


def profile_table(
    frame: pd.DataFrame, lang: str, ratings: dict[str, tuple[str, str]] | None = None
) -> pd.DataFrame:
    """The profile rows as a display/download table in ``lang``; index indicators carry their
    traffic light and trend."""
    labels = cached.labels()
    ratings = ratings or {}
    rows = []
    for r in frame.itertuples():
        rating, trend = ratings.get(r.indicator_id, ("", ""))
        rows.append(
            {
                t("goal", lang): r.goal,
                t("indicator", lang): labels.indicator_label(r.indicator_id, lang),
                t("series", lang): labels.selection_label(r.selection, lang, with_unit=False),
                t("value", lang): r.value,
                t("unit", lang): labels.code_label("unit", r.unit, lang),
                t("year", lang): r.year,
                t("rank", lang): (
                    t("rank_of", lang, rank=r.rank, n=r.n_ranked) if pd.notna(r.rank) else "—"
                ),
                t("national_value", lang): r.national,
                t("vs_country", lang): t(f"vs_country_{r.vs_country}", lang),
                t("trend_heading", lang): r.series,
                t("rating", lang): t(f"rating_{rating}", lang) if rating else "",
                t("trend_status", lang): t(f"trend_{trend}", lang) if trend else "",
                t("source", lang): r.source_file,
                t("source_row", lang): r.source_row,
            }
        )
    return pd.DataFrame(rows)


def show_profile_table(table: pd.DataFrame, lang: str) -> None:
    """The profile table with sparklines, one click from a CSV of the same rows."""
    widgets.data_table(
        table,
        hide_index=True,
        width="stretch",
        height=min(36 * (len(table) + 1) + 4, 1400),
        column_config={
            t("trend_heading", lang): st.column_config.LineChartColumn(
                t("trend_heading", lang), width="small"
            ),
            t("value", lang): st.column_config.NumberColumn(format="%g"),
            t("national_value", lang): st.column_config.NumberColumn(format="%g"),
            t("indicator", lang): st.column_config.TextColumn(width="large"),
            t("tags_column", lang): st.column_config.TextColumn(width="medium"),
        },
        placeholder="—",
    )


def csv_rows(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table for download: the sparkline list written out as year:value pairs."""
    out = table.copy()
    col = t("trend_heading", lang)
    if col in out:
        out[col] = [" ".join(fmt_number(v, "en") for v in vals) for vals in out[col]]
    return out


def pick_regions(lang: str) -> list[str]:
    """2 to 4 regions chosen in the sidebar, kept in the URL as ``regions``."""
    labels = cached.labels()
    units = region_units(lang)

    def parse(raw: str) -> list[str] | None:
        codes = [c for c in raw.split(",") if c]
        ok = codes and len(codes) <= 4 and len(set(codes)) == len(codes)
        return codes if ok and set(codes) <= set(units) else None

    state.seed("cmp_regions", "regions", parse, ["KZKAR", "KZKZY"])
    codes = st.sidebar.multiselect(
        t("compare_regions", lang),
        units,
        key="cmp_regions",
        max_selections=4,
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
        rows.append(row)
    return pd.DataFrame(rows)


def highlight_best_worst(table: pd.DataFrame, frame: pd.DataFrame, codes: list[str], lang: str):
    """A Styler marking the best (green) and worst (red) chosen region in each row."""
    labels = cached.labels()
    value_cols = [labels.region_name(c, lang) for c in codes]
    directions = list(frame["higher_is_better"])

    def paint(row: pd.Series) -> list[str]:
        better = directions[row.name]
        vals = pd.to_numeric(row[value_cols], errors="coerce")
        styles = [""] * len(row)
        if better is None or vals.notna().sum() < 2 or vals.max() == vals.min():
            return styles
        best = vals.idxmax() if better else vals.idxmin()
        worst = vals.idxmin() if better else vals.idxmax()
        for i, col in enumerate(row.index):
            if col == best:
                styles[i] = "background-color: #c7e9c0; font-weight: bold"
            elif col == worst:
                styles[i] = "background-color: #fcbba1"
        return styles

    numbers = [*value_cols, t("national", lang)]
    return table.style.apply(paint, axis=1).format(
        lambda v: fmt_number(v, lang), subset=numbers, na_rep="—"
    )
