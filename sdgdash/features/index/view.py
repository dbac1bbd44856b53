"""The regional SDG index of a scoring year, as the index, region, compare pages and the deck
show it (pure; the method is in :mod:`sdgdash.features.index.scoring`)."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, derived
from sdgdash.features.index import scoring

MIN_RANKED = 15  # a scoring year is offered when its index ranks at least this many regions


def index_selections(table: pd.DataFrame) -> tuple[Selection, ...]:
    """The selection each row of the index table names."""
    return tuple(
        Selection.from_mapping(row["indicator_id"], row)
        for row in table[["indicator_id", *SELECTION_COLUMNS]].to_dict("records")
    )


@derived
def index_values(data: Data) -> pd.DataFrame:
    """Regional values of the index indicators."""
    table = data.index_table()
    # Only the index selections' rows are read (one query), never the whole table.
    return scoring.index_values(data.selection_observations(index_selections(table)), table)


@derived
def index_result(data: Data, year: int) -> scoring.IndexResult:
    """Scores, goal scores and the index of one scoring year."""
    return scoring.compute_index(index_values(data), data.index_table(), year)


@derived
def index_years(data: Data) -> list[int]:
    """Scoring years whose index ranks at least :data:`MIN_RANKED` regions, newest last."""
    values = index_values(data)
    years = sorted(int(y) for y in values["year"].unique() if y >= scoring.BASE_YEAR)
    return [y for y in years if index_result(data, y).index["rank"].notna().sum() >= MIN_RANKED]


def latest_year(data: Data) -> int:
    """The newest scoring year offered."""
    return index_years(data)[-1]


def region_ratings(data: Data, ref_area: str) -> dict[str, tuple[str, str]]:
    """indicator_id -> (rating, trend) of a region in the latest scoring year."""
    result = index_result(data, latest_year(data))
    s = result.scores[result.scores["ref_area"] == ref_area]
    return {
        r.indicator_id: (r.rating, r.trend) for r in s.itertuples() if isinstance(r.rating, str)
    }


def from_params(data: Data, params: dict[str, str]) -> int:
    """The scoring year an index URL (``iyear``) opens: a year offered, else the newest."""
    years = index_years(data)
    raw = params.get("iyear", "")
    return int(raw) if raw.isdigit() and int(raw) in years else years[-1]
