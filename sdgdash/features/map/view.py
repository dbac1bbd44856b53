"""One map view: which values are drawn on which layout, which are not and why (pure logic).

:func:`map_view` is the one step "selection + year -> map view" of every map the app draws
(map, overview and tag pages, play and small multiples, deck slides, the benchmark)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.data import flags
from sdgdash.data import selection as selections
from sdgdash.data.catalog import FEATURED_INDICATOR, SELECTION_COLUMNS
from sdgdash.data.labels import Labels
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, derived, per_view
from sdgdash.figures import by_year
from sdgdash.geo import labelling
from sdgdash.geo import layouts as geo
from sdgdash.geo.choropleth import rank_values
from sdgdash.i18n import t

# A second source row with the same key and another value (see docs/DATA_MODEL.md).
CONFLICT_REASON = flags.CONFLICT_REASON


@dataclass(frozen=True)
class MapView:
    """The split of one selection-year's regional values into drawn and not drawn."""

    selection: Selection
    year: int
    layout: str
    drawn: pd.DataFrame  # ref_area, value, source_file, source_row, rank
    not_drawn: pd.DataFrame  # ref_area, value, source_file, source_row, reason
    national: float | None
    higher_is_better: bool | None = None  # the indicator's direction (ranks follow it)


def split(
    frame: pd.DataFrame,
    sel: Selection,
    year: int,
    kinds: dict[str, str],
    national: float | None,
    higher_is_better: bool | None = None,
) -> MapView:
    """Apply the layout rule to the regional values ``frame`` of one selection and year.

    Flagged rows (conflicting duplicates, placeholder values; :mod:`sdgdash.flags`) are never
    drawn and do not choose the layout; they are listed with their reason after the others.
    """
    is_flagged = flags.flagged(frame)
    usable = frame[~is_flagged]
    choice = geo.choose_layout(usable["ref_area"].tolist(), year, kinds)
    is_drawn = usable["ref_area"].isin(choice.drawn)
    drawn = usable[is_drawn].reset_index(drop=True)
    drawn = drawn.assign(rank=rank_values(drawn["value"], higher_is_better))
    not_drawn = usable[~is_drawn]
    # Map on the subset itself: assigning a longer Series to an empty frame adopts its index.
    not_drawn = not_drawn.assign(reason=not_drawn["ref_area"].map(choice.not_drawn))
    held = frame[is_flagged]
    held = held.assign(reason=flags.reasons(held))
    not_drawn = pd.concat([not_drawn, held]).reset_index(drop=True)
    return MapView(sel, int(year), choice.layout, drawn, not_drawn, national, higher_is_better)


@per_view
def map_view(data: Data, sel: Selection, year: int) -> MapView:
    """One selection and year on the map: the regional values split by the layout rule, ranked
    in the indicator's direction, with the national value of that year (computed once per
    process; shared, never changed by its callers)."""
    better = data.higher_is_better(sel)
    national = national_value(data.national_series(sel), year)
    kinds = data.labels().region_kinds()
    return split(data.map_frame(sel, year), sel, year, kinds, national, better)


@dataclass(frozen=True)
class MapQuery:
    """What a map URL asks for, resolved to a valid selection: the selection, its years and the
    year shown."""

    selection: Selection
    years: list[int]
    year: int


def default_indicator(offered: list[str]) -> str:
    """The indicator a map opens on: the featured one when offered, else the first offered (a
    data update may retire the featured indicator or drop its regional values)."""
    return FEATURED_INDICATOR if FEATURED_INDICATOR in offered else offered[0]


def featured_note(data: Data) -> str | None:
    """Why the maps open on another indicator than the featured one, or None when they do not
    (English, for the data build's report)."""
    ids = data.regional_indicators()["indicator_id"].tolist()
    if not ids or FEATURED_INDICATOR in ids:
        return None
    return (
        f"the featured indicator {FEATURED_INDICATOR} (sdgdash/data/catalog.py) has no regional "
        f"values: the overview and map pages open on {ids[0]}"
    )


def query_from_params(data: Data, params: dict[str, str]) -> MapQuery:
    """The selection and year a map or overview URL opens (``ind``, the selection columns,
    ``year``), resolved as the pages' pickers resolve them: unknown values fall back to the
    featured indicator (:func:`default_indicator`), its headline selection and its latest year."""
    ids = data.regional_indicators()["indicator_id"].tolist()
    ind = params.get("ind") if params.get("ind") in ids else default_indicator(ids)
    options = data.selection_options(ind)
    head = selections.headline(options, ind)
    wanted = {c: params.get(c, getattr(head, c)) for c in SELECTION_COLUMNS}
    sel = selections.resolve(options, ind, wanted)
    years = selections.years_of(options, sel)
    raw = params.get("year", "")
    year = int(raw) if raw.isdigit() and int(raw) in years else years[-1]
    return MapQuery(sel, years, year)


def headline_query(data: Data, indicator_id: str, year: int | None = None) -> MapQuery:
    """An indicator's headline selection and ``year`` (its latest year when not offered)."""
    options = data.selection_options(indicator_id)
    sel = selections.headline(options, indicator_id)
    years = selections.years_of(options, sel)
    return MapQuery(sel, years, year if year in years else years[-1])


@derived
def label_points(data: Data, layout: str) -> dict[str, labelling.LabelPoint]:
    """Where the maps of a layout write each unit's name and value (computed once)."""
    return labelling.label_points(data.geojson(layout))


def source_files(view: MapView) -> list[str]:
    """The data files behind a view (drawn and not drawn values)."""
    return sorted(set(view.drawn["source_file"]) | set(view.not_drawn["source_file"]))


def national_value(national: pd.DataFrame, year: int) -> float | None:
    """The national value of a year from a national series frame, if there is one."""
    row = national[national["year"] == year]
    return float(row["value"].iloc[0]) if len(row) else None


def trend_table(
    regional: pd.DataFrame,
    national: pd.DataFrame,
    ref_area: str,
    names: dict[str, str],
    lang: str,
) -> pd.DataFrame:
    """The values of a region's trend chart: per year, the region's value and Kazakhstan's."""
    mine = regional.loc[regional["ref_area"] == ref_area, ["year", "value"]]
    long = pd.concat(
        [mine.assign(series=ref_area), national[["year", "value"]].assign(series="")],
        ignore_index=True,
    )
    return by_year(long, {ref_area: names.get(ref_area, ref_area), "": t("national", lang)}, lang)


def table(view: MapView, labels: Labels, lang: str) -> pd.DataFrame:
    """The values of a view as a display/download table: drawn ones first, then those not drawn."""
    unit = labels.code_label("unit", view.selection.unit, lang)
    rows = []
    for r in view.drawn.itertuples():
        rows.append(
            {
                t("region", lang): labels.region_name(r.ref_area, lang),
                "ref_area": r.ref_area,
                t("value", lang): r.value,
                t("unit", lang): unit,
                t("year", lang): view.year,
                t("rank", lang): int(r.rank),
                t("reason", lang): "",
                t("source", lang): r.source_file,
                t("source_row", lang): int(r.source_row),
            }
        )
    for r in view.not_drawn.itertuples():
        rows.append(
            {
                t("region", lang): labels.region_name(r.ref_area, lang),
                "ref_area": r.ref_area,
                t("value", lang): r.value,
                t("unit", lang): unit,
                t("year", lang): view.year,
                t("rank", lang): None,
                t("reason", lang): t(f"reason_{r.reason}", lang),
                t("source", lang): r.source_file,
                t("source_row", lang): int(r.source_row),
            }
        )
    out = pd.DataFrame(rows)
    if len(out):
        out[t("rank", lang)] = out[t("rank", lang)].astype("Int64")
    return out
