"""The regional SDG index of a scoring year, as the index, region, compare pages and the deck
show it (pure; the method is in :mod:`sdgdash.features.index.scoring`)."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.labels import Labels
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, derived
from sdgdash.features.index import scoring
from sdgdash.i18n import t

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


def left_out_rows(data: Data, result: scoring.IndexResult, lang: str) -> list[tuple[str, str]]:
    """(indicator, why) in ``lang`` for each index table indicator this index is computed
    without: "11.6.1" and "no such indicator in the data" when a data update retired it,
    "17.8.1 Name" and "no regional value since 2015" when it lost its regional values."""
    labels = data.labels()
    out = []
    for r in result.left_out.itertuples():
        if r.indicator_id in labels.indicators:
            out.append((labels.indicator_label(r.indicator_id, lang), r.reason))
        else:
            out.append((r.indicator_id, "unknown_indicator"))
    return [(what, t(f"refresh_reason_{reason}", lang)) for what, reason in out]


def rating_label(rating: object, lang: str) -> str:
    """A rating in words with its mark ("✓ green"); "" when there is none."""
    if not isinstance(rating, str) or rating not in scoring.RATING_MARKS:
        return ""
    return f"{scoring.RATING_MARKS[rating]} {t(f'rating_{rating}', lang)}"


def region_scores_table(
    goals: pd.DataFrame, distribution: pd.DataFrame, labels: Labels, lang: str
) -> pd.DataFrame:
    """A region's goal-scores chart as a table: each goal's score and rating, and the spread of
    all regions' scores drawn behind it (lowest, middle half, highest)."""
    dist = distribution.set_index("goal")
    mine = goals.set_index("goal").reindex(dist.index)
    return pd.DataFrame(
        {
            t("goal", lang): [f"{g}. {labels.goal_short(g, lang)}" for g in dist.index],
            t("score", lang): mine["score"].round(1).to_numpy(),
            t("rating", lang): [rating_label(r, lang) for r in mine["rating"]],
            t("a11y_col_min", lang): dist["min"].round(1).to_numpy(),
            t("a11y_col_q1", lang): dist["q1"].round(1).to_numpy(),
            t("a11y_col_q3", lang): dist["q3"].round(1).to_numpy(),
            t("a11y_col_max", lang): dist["max"].round(1).to_numpy(),
        }
    )


def compare_scores_table(
    goals: pd.DataFrame, codes: list[str], names: dict[str, str], labels: Labels, lang: str
) -> pd.DataFrame:
    """The compared regions' goal scores as a table: one row per goal, a score column and a
    rating column per region."""
    rows = []
    for g in sorted(goals["goal"].unique()):
        row = {t("goal", lang): f"{g}. {labels.goal_short(g, lang)}"}
        for code in codes:
            mine = goals[(goals["goal"] == g) & (goals["ref_area"] == code)]
            score = float(mine["score"].iloc[0]) if len(mine) else float("nan")
            rating = mine["rating"].iloc[0] if len(mine) else None
            row[f"{names[code]}: {t('score', lang)}"] = round(score, 1)
            row[f"{names[code]}: {t('rating', lang)}"] = rating_label(rating, lang)
        rows.append(row)
    return pd.DataFrame(rows)
