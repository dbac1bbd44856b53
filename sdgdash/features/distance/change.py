"""Change of one series between two years, region by region, like for like (pure).

For two years ``a < b`` of one selection: each region's value in both years, the change
``b - a``, the relative change ``(b - a) / |a|`` and the change a year, read in the indicator's
direction (``improved`` / ``worsened`` / ``unchanged``; ``no_direction`` for a neutral
indicator), as Brazil's IDSC-BR and India's SDG India Index show change since 2015.

Only like is compared with like. A code whose territory differs between the two years is left
out with the reason ``boundary_changed``: Almaty, East Kazakhstan and Karaganda regions
(``geo.SPLIT_2022``) when one year's values are on the 2022 layout (after the split, or
back-calculated to it) and the other's are not (the layout rule, :func:`sdgdash.geo.layouts.choose_layout`,
decides from the codes present in each year). Other codes keep their territory in every year
they have a value (Turkistan region and Shymkent before 2018 only where back-calculated). The
change is drawn on year ``b``'s layout; a code with no shape there (South Kazakhstan, KZONT,
after 2018) is left out with ``not_in_layout``. Regions without a value in one of the years are
left out with ``no_value_a`` / ``no_value_b``; cities, districts and unknown codes with
``not_region_level``.

Fastest movers: regions ranked by the change a year in the indicator's good direction (the same
unit for every region, so the ranking does not favour small bases as a relative change would).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.geo import layouts as geo

IMPROVED = "improved"
WORSENED = "worsened"
UNCHANGED = "unchanged"
NO_DIRECTION = "no_direction"
OUTCOMES: tuple[str, ...] = (IMPROVED, UNCHANGED, WORSENED, NO_DIRECTION)

BOUNDARY_CHANGED = "boundary_changed"
NO_VALUE_A = "no_value_a"
NO_VALUE_B = "no_value_b"
NOT_IN_LAYOUT = "not_in_layout"
NOT_REGION_LEVEL = "not_region_level"
LEFT_OUT_REASONS: tuple[str, ...] = (
    BOUNDARY_CHANGED,
    NO_VALUE_A,
    NO_VALUE_B,
    NOT_IN_LAYOUT,
    NOT_REGION_LEVEL,
)

CHANGE_COLUMNS: list[str] = [
    "ref_area",
    "value_a",
    "value_b",
    "change",
    "change_pct",
    "change_per_year",
    "outcome",
    "mover_rank",
    "source_row_a",
    "source_row_b",
]
LEFT_OUT_COLUMNS: list[str] = ["ref_area", "reason", "value_a", "value_b"]


@dataclass(frozen=True)
class ChangeView:
    """The change between two years: compared regions, left-out regions, and the layouts."""

    year_a: int
    year_b: int
    layout_a: str
    layout_b: str  # the layout the change is drawn on
    higher_is_better: bool | None
    changes: pd.DataFrame  # CHANGE_COLUMNS
    left_out: pd.DataFrame  # LEFT_OUT_COLUMNS


def extent(code: str, layout: str) -> str:
    """Which territory ``code`` stands for under ``layout``: "reduced" or "full" for the three
    regions split in 2022, "same" for every other code."""
    if code in geo.SPLIT_2022:
        return "reduced" if layout == "2022" else "full"
    return "same"


def outcome(change: float, higher_is_better: bool | None) -> str:
    """``improved``, ``worsened`` or ``unchanged`` in the indicator's direction."""
    if higher_is_better is None:
        return NO_DIRECTION
    if change == 0:
        return UNCHANGED
    return IMPROVED if (change > 0) == higher_is_better else WORSENED


def _year_values(rows: pd.DataFrame, year: int) -> pd.DataFrame:
    mine = rows[rows["year"] == year].sort_values(["ref_area", "source_row"], kind="stable")
    return mine.drop_duplicates("ref_area").set_index("ref_area")


def change_between(
    rows: pd.DataFrame, year_a: int, year_b: int, higher_is_better: bool | None
) -> ChangeView:
    """The change of one selection's regional values from ``year_a`` to ``year_b``.

    ``rows``: columns ref_area, year, value, source_row (e.g. :meth:`sdgdash.data.source.Source.regional_series`,
    flagged rows already left out). Raises ValueError unless ``year_a < year_b``.
    """
    year_a, year_b = int(year_a), int(year_b)
    if year_a >= year_b:
        raise ValueError(f"the first year ({year_a}) must be before the second ({year_b})")
    rows = rows[rows["ref_area"] != ""]
    a = _year_values(rows, year_a)
    b = _year_values(rows, year_b)
    layout_a = geo.choose_layout(a.index, year_a).layout if len(a) else geo.layout_for_year(year_a)
    layout_b = geo.choose_layout(b.index, year_b).layout if len(b) else geo.layout_for_year(year_b)
    units_b = geo.LAYOUT_UNITS[layout_b]

    kept, left = [], []
    for code in sorted(set(a.index) | set(b.index)):
        va = float(a.at[code, "value"]) if code in a.index else None
        vb = float(b.at[code, "value"]) if code in b.index else None
        reason = ""
        if code not in geo.ALL_UNITS:
            reason = NOT_REGION_LEVEL
        elif va is None:
            reason = NO_VALUE_A
        elif vb is None:
            reason = NO_VALUE_B
        elif extent(code, layout_a) != extent(code, layout_b):
            reason = BOUNDARY_CHANGED
        elif code not in units_b:
            reason = NOT_IN_LAYOUT
        if reason:
            left.append({"ref_area": code, "reason": reason, "value_a": va, "value_b": vb})
            continue
        diff = vb - va
        kept.append(
            {
                "ref_area": code,
                "value_a": va,
                "value_b": vb,
                "change": diff,
                "change_pct": diff / abs(va) * 100.0 if va != 0 else float("nan"),
                "change_per_year": diff / (year_b - year_a),
                "outcome": outcome(diff, higher_is_better),
                "source_row_a": int(a.at[code, "source_row"]),
                "source_row_b": int(b.at[code, "source_row"]),
            }
        )
    changes = pd.DataFrame(kept, columns=[c for c in CHANGE_COLUMNS if c != "mover_rank"])
    changes["mover_rank"] = _mover_ranks(changes, higher_is_better)
    changes = changes[CHANGE_COLUMNS].astype(
        {"value_a": "float64", "value_b": "float64", "change": "float64", "change_pct": "float64"}
    )
    left_out = pd.DataFrame(left, columns=LEFT_OUT_COLUMNS)
    return ChangeView(
        year_a=year_a,
        year_b=year_b,
        layout_a=layout_a,
        layout_b=layout_b,
        higher_is_better=higher_is_better,
        changes=changes.reset_index(drop=True),
        left_out=left_out,
    )


def _mover_ranks(changes: pd.DataFrame, higher_is_better: bool | None) -> pd.Series:
    """1 = the largest improvement a year; ties share the lower number; none when neutral."""
    if higher_is_better is None or changes.empty:
        return pd.Series(pd.NA, index=changes.index, dtype="Int64")
    gain = changes["change_per_year"] * (1.0 if higher_is_better else -1.0)
    return gain.rank(method="min", ascending=False).astype("Int64")


def fastest_movers(view: ChangeView, n: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``n`` regions that improved most and the ``n`` that worsened most (best first /
    worst first); both empty for a neutral indicator."""
    ranked = view.changes.dropna(subset=["mover_rank"]).sort_values(
        ["mover_rank", "ref_area"], kind="stable"
    )
    up = ranked[ranked["outcome"] == IMPROVED].head(n)
    worse = ranked[ranked["outcome"] == WORSENED]
    down = worse.sort_values(["mover_rank", "ref_area"], ascending=[False, True], kind="stable")
    down = down.head(n)
    return up.reset_index(drop=True), down.reset_index(drop=True)


def years_with_data(rows: pd.DataFrame) -> list[int]:
    """The years with at least one regional value, for the two year pickers."""
    regional = rows[rows["ref_area"] != ""]
    return sorted(int(y) for y in regional["year"].unique())
