"""Choosing among an indicator's valid series / unit / disaggregation combinations (pure)."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.catalog import DISAGGREGATIONS, SELECTION_COLUMNS
from sdgdash.data.models import Selection


# "_T" is SDMX's total: for sex ("Boys and Girls") and activity ("всего"); for education_lev the
# platform uses it for "don't answered", so it is not a total there.
def is_total(column: str, code: str) -> bool:
    """True when ``code`` stands for all categories of disaggregation ``column``."""
    return code == "" or (code == "_T" and column != "education_lev")


def _order(column: str):
    return lambda v: (not is_total(column, v), v != "", v)


def headline(options: pd.DataFrame, indicator_id: str) -> Selection | None:
    """The sensible default: the most aggregated combination (totals), then the widest coverage.

    ``options`` is :func:`sdgdash.queries.selection_options` for ``indicator_id``.
    """
    if options.empty:
        return None
    scored = options.assign(
        _totals=sum(
            options[c].map(lambda v, c=c: is_total(c, v)).astype(int) for c in DISAGGREGATIONS
        ),
    ).sort_values(
        ["_totals", "n_regions", "last_year", "n_rows"],
        ascending=[False, False, False, False],
        kind="stable",
    )
    return Selection.from_mapping(indicator_id, scored.iloc[0].to_dict())


def years_of(options: pd.DataFrame, sel: Selection) -> list[int]:
    """Years with regional values for one selection (empty when the selection is not valid)."""
    row = matching(options, sel)
    if row.empty:
        return []
    return sorted(int(y) for y in row.iloc[0]["years"])


def matching(options: pd.DataFrame, sel: Selection) -> pd.DataFrame:
    """The option row(s) equal to ``sel`` on every selection column."""
    mask = pd.Series(True, index=options.index)
    for col in SELECTION_COLUMNS:
        mask &= options[col] == getattr(sel, col)
    return options[mask]


def is_valid(options: pd.DataFrame, sel: Selection) -> bool:
    """True when ``sel`` is one of the indicator's combinations with regional data."""
    return not matching(options, sel).empty


def cascade(options: pd.DataFrame, wanted: dict[str, str]) -> dict[str, list[str]]:
    """The values offered for each selection column, step by step, given the wanted values.

    Columns are visited in catalog order (series, unit, then each disaggregation); each step
    offers only the values that still have data given the choices before it, so any
    combination the user can reach is valid. Returns column -> offered values, only for
    columns with a choice to make (more than one value); ``resolve`` picks the values.
    """
    offered: dict[str, list[str]] = {}
    rest = options
    for col in SELECTION_COLUMNS:
        values = sorted(rest[col].unique().tolist(), key=_order(col))
        if len(values) > 1:
            offered[col] = values
        pick = wanted.get(col, "")
        if pick not in values:
            pick = values[0]
        rest = rest[rest[col] == pick]
    return offered


def resolve(options: pd.DataFrame, indicator_id: str, wanted: dict[str, str]) -> Selection:
    """The valid selection closest to ``wanted``: each column keeps its value when still offered,
    else takes the first offered value (the total "" first)."""
    chosen: dict[str, str] = {}
    rest = options
    for col in SELECTION_COLUMNS:
        values = sorted(rest[col].unique().tolist(), key=_order(col))
        pick = wanted.get(col, "")
        chosen[col] = pick if pick in values else values[0]
        rest = rest[rest[col] == chosen[col]]
    return Selection(indicator_id=indicator_id, **chosen)
