"""The distance to 2030 as slides (pure): a region's goal scores beside Kazakhstan and its peers
with its indicators' distance, pace and arrival; and the map's change mode as a map image with
the fastest movers."""

from __future__ import annotations

from sdgdash.data.source import Data
from sdgdash.features.deck import pptx
from sdgdash.features.deck.parts import files_text, footer, table_slides
from sdgdash.features.distance import change, display, view
from sdgdash.features.map.view import MapQuery
from sdgdash.geo.choropleth import PALETTES
from sdgdash.i18n import fmt_number, t

COLOURS = ("0072B2", "555555", "E69F00")  # region, Kazakhstan, peers: as on the page


FURTHEST = 10  # the deck view's table: the indicators furthest from their end value


def region_slides(data: Data, ref_area: str, lang: str, full: bool = False) -> list[pptx.Slide]:
    """A region's goal distance scores (native bars), then its indicators with a figure as
    tables: all of them (``full``, the profile document) or the :data:`FURTHEST` furthest from
    their end value (a deck view)."""
    if not view.is_region(ref_area):
        return []
    labels = data.labels()
    name = labels.region_name(ref_area, lang)
    block = view.region_distance(data, ref_area)
    out: list[pptx.Slide] = []
    goals = block.goals.sort_values("goal")
    if len(goals):
        out.append(
            pptx.ChartSlide(
                t("dist_goals_title", lang, region=name),
                "bar",
                [f"{int(g)}. {labels.goal_short(int(g), lang)}" for g in goals["goal"]],
                [
                    (name, goals["score"].round(1).tolist()),
                    (t("national", lang), goals["national_score"].round(1).tolist()),
                    (t("dist_peer_mean", lang), goals["peer_score"].round(1).tolist()),
                ],
                footer(data, lang, files=t("dist_source_method", lang)),
                axis_title=t("dist_score", lang),
                colours=COLOURS,
            )
        )
    rows = block.indicators[
        block.indicators["score"].notna() | block.indicators["pace_observed"].notna()
    ]
    title = f"{name}: {t('dist_block_heading', lang)}"
    if not full:
        rows = rows.dropna(subset=["distance"]).sort_values(
            ["distance", "indicator_id"], ascending=[False, True], kind="stable"
        )
        rows = rows.head(FURTHEST)
        title = t("dist_furthest_title", lang, region=name)
    if len(rows):
        cols = [
            t("indicator", lang),
            t("dist_score", lang),
            t("dist_pace_observed", lang),
            t("dist_pace_needed", lang),
            t("dist_arrival", lang),
            t("dist_rank_all", lang),
            t("dist_peer_mean", lang),
            t("national_value", lang),
        ]
        records = rows.to_dict("records")
        cells = [
            [
                labels.indicator_label(r["indicator_id"], lang, width=70),
                display.number(display.score1(r["score"]), lang, 1),
                display.number(display.sig(r["pace_observed"]), lang),
                display.number(display.sig(r["pace_needed"]), lang),
                display.arrival(r, lang),
                display.rank_text(r["rank_best"], r["rank_worst"], r["n_ranked"], lang),
                display.number(display.sig(r["peer_mean"], 4), lang),
                display.number(r["national_value"], lang),
            ]
            for r in records
        ]
        files = [str(r["source_file"]) for r in records]
        out += table_slides(
            lambda part: f"{title} ({part})",
            cols,
            cells,
            lambda keep: footer(data, lang, files=files_text(sorted({files[i] for i in keep}))),
        )
    return out


def change_slides(
    data: Data, title: str, query: MapQuery, params: dict[str, str], lang: str
) -> list[pptx.Slide]:
    """The map's change mode of a URL (``from``, ``year``, ``pal``): the change map as an image
    and the fastest movers and the regions left out as a table."""
    span = view.change_years(query.years, params)
    if span is None:
        return []
    sel = query.selection
    labels = data.labels()
    cv = view.change_view(data, sel, *span)
    unit = labels.code_label("unit", sel.unit, lang)
    palette = params.get("pal") if params.get("pal") in PALETTES else PALETTES[0]
    names = {c: labels.region_name(c, lang) for c in labels.regions}
    measure = view.change_measure(params)
    column = view.MEASURES[measure]
    drawn = cv.changes.dropna(subset=[column])[["ref_area", column]]
    drawn = drawn.rename(columns={column: "value"})
    label = (
        t("dist_change_pct", lang) if measure == "pct" else f"{t('dist_change_abs', lang)}, {unit}"
    )
    png = pptx.map_png(
        drawn,
        data.geojson(cv.layout_b),
        names=names,
        unit_label=label,
        lang=lang,
        higher_is_better=cv.higher_is_better,
        palette=palette,
        better_label=t("better", lang),
        no_data_label=t("no_data", lang),
        centre=0.0,
    )
    foot = footer(data, lang, [sel.indicator_id], view.source_file(sel.indicator_id))
    caption = f"{labels.selection_label(sel, lang)} · {t('dist_method_change', lang)}"
    out: list[pptx.Slide] = [pptx.ImageSlide(title, png, foot, caption)]
    heading = t(
        "dist_change_bars_title",
        lang,
        indicator=labels.indicator_label(sel.indicator_id, lang, width=70),
        y0=cv.year_a,
        y1=cv.year_b,
    )
    columns = [
        t("region", lang),
        str(cv.year_a),
        str(cv.year_b),
        t("dist_change_per_year", lang),
        t("dist_change_outcome", lang),
    ]
    rows = _mover_rows(cv, names, lang)
    out += table_slides(lambda part: f"{heading} ({part})", columns, rows, lambda _: foot)
    return out


def _mover_rows(cv: change.ChangeView, names: dict[str, str], lang: str) -> list[list[str]]:
    """The three fastest improvers and decliners, then every region left out with the reason."""
    up, down = change.fastest_movers(cv)
    rows = []
    for frame in (up, down):
        for r in frame.itertuples():
            rows.append(
                [
                    names.get(r.ref_area, r.ref_area),
                    fmt_number(r.value_a, lang),
                    fmt_number(r.value_b, lang),
                    display.number(display.sig(r.change_per_year), lang),
                    t(f"dist_change_{r.outcome}", lang),
                ]
            )
    for r in cv.left_out.itertuples():
        rows.append(
            [
                names.get(r.ref_area, r.ref_area),
                display.number(r.value_a, lang),
                display.number(r.value_b, lang),
                "—",
                t(f"dist_left_{r.reason}", lang),
            ]
        )
    return rows


def change_title(data: Data, query: MapQuery, params: dict[str, str], lang: str) -> str:
    """A change view's title: the indicator and the two years."""
    span = view.change_years(query.years, params)
    label = data.labels().indicator_label(query.selection.indicator_id, lang)
    if span is None:
        return f"{label}, {query.year}"
    return t("dist_change_title", lang, indicator=label, y0=span[0], y1=span[1])
