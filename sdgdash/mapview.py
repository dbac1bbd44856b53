"""One map view: which values are drawn on which layout, which are not and why (pure logic)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash import flags, geo
from sdgdash.i18n import t
from sdgdash.labels import Labels
from sdgdash.maps import rank_values
from sdgdash.models import Selection

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
    return MapView(sel, int(year), choice.layout, drawn, not_drawn, national)


def national_value(national: pd.DataFrame, year: int) -> float | None:
    """The national value of a year from a national series frame, if there is one."""
    row = national[national["year"] == year]
    return float(row["value"].iloc[0]) if len(row) else None


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
