"""The regional SDG index: a hand-computed example, properties, thresholds, trends, the real table."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.directions import direction_for, load_directions
from sdgdash.data.index_table import TABLE_COLUMNS, load_index_table
from sdgdash.features.index.scoring import (
    DECREASING,
    INSUFFICIENT,
    MODERATELY_IMPROVING,
    ON_TRACK,
    STAGNATING,
    compute_index,
    goal_scores,
    index_values,
    latest_scoring_year,
    lower_bound,
    national_distribution,
    normalise,
    rating,
    regional_index,
    scorable,
    score_table,
    trend_status,
)
from tests.conftest import REPO

INDEX_CSV = REPO / "data" / "curated" / "index_indicators.csv"
DIRECTION_CSV = REPO / "data" / "curated" / "indicator_direction.csv"
OBSERVATIONS = REPO / "data" / "observations.parquet"
REGIONS = ["KZAKM", "KZAKT", "KZALA"]


def _csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""])


def _table(rows: str) -> pd.DataFrame:
    """A two-column-shorthand index table: id,direction,upper,green,red."""
    records = []
    for line in rows.strip().splitlines():
        indicator_id, direction, upper, green, red = line.split(",")
        record = dict.fromkeys(TABLE_COLUMNS, "")
        record.update(
            indicator_id=indicator_id,
            direction=direction,
            upper=float(upper),
            green=float(green),
            red=float(red),
            upper_basis="test",
            rationale="test",
            source="test",
        )
        records.append(record)
    return pd.DataFrame(records, columns=list(TABLE_COLUMNS))


def _observations(rows: str) -> pd.DataFrame:
    """Observation rows from indicator_id,ref_area,year,value,source_row (totals only)."""
    frame = _csv("indicator_id,ref_area,year,value,source_row\n" + rows.strip())
    frame["indicator_id"] = frame["indicator_id"].astype(str)
    frame["goal"] = frame["indicator_id"].str.split(".").str[0].astype(int)
    for column in SELECTION_COLUMNS:
        frame[column] = ""
    frame["source_file"] = "data/indicator_" + frame["indicator_id"].str.replace(".", "-") + ".csv"
    frame["conflict_of"] = np.nan
    return frame


# --- the hand-computed example ------------------------------------------------------------------
#
# Indicator 1.1.1 (goal 1, higher is better): upper 50, green 40, red 20.
#   Pooled values 2015+: 10, 20, 30, 40, 60 (the 2014 value 0 is outside the pool).
#   2.5th percentile: position 0.025 * (5 - 1) = 0.1 -> 10 + 0.1 * (20 - 10) = 11.
#   KZAKM 40 (2023): (40 - 11) / (50 - 11) * 100 = 74.358974; exactly green.
#     base 2015 value 20 -> 23.076923; observed (74.358974 - 23.076923) / 8 = 6.410256;
#     green score = 74.358974; required (74.358974 - 23.076923) / 15 = 3.418803 -> on_track.
#   KZAKT 60 (2023): above upper -> censored to 100; base 10 -> below lower -> 0;
#     observed 100 / 8 = 12.5; required (74.358974 - 0) / 15 = 4.957265 -> on_track.
#   KZALA: only 2015 (older than 2023 - 3) -> missing.
# Indicator 2.1.1 (goal 2, lower is better): upper 2, green 4, red 10 (midpoint 7).
#   Pooled values: 3, 5, 6, 8, 10, 12. 97.5th percentile: position 0.975 * 5 = 4.875
#   -> 10 + 0.875 * (12 - 10) = 11.75.
#   KZAKM 12 (2022): (12 - 11.75) / (2 - 11.75) * 100 = -2.56 -> censored to 0; red (> 10).
#     base 8 (2015) -> 38.461538; observed (0 - 38.461538) / 7 = -5.494505 -> decreasing.
#   KZAKT 3 (2023): 89.743590; green. base 6 -> 58.974359; observed 30.769231 / 8 = 3.846154;
#     green score (4 - 11.75) / (2 - 11.75) * 100 = 79.487179;
#     required (79.487179 - 58.974359) / 15 = 1.367521 -> on_track.
#   KZALA 5 (2021; 2016-2020 missing): 69.230769; yellow (between 4 and the midpoint 7).
#     base 10 (2015) -> 17.948718; observed 51.282051 / 6 = 8.547009;
#     required (79.487179 - 17.948718) / 15 = 4.102564 -> on_track.
# Goals: KZAKM goal 1 = 74.358974 (green), goal 2 = 0 (red); KZAKT 100 (green), 89.743590
# (green); KZALA goal 2 only = 69.230769 (yellow).
# Index over 2 goals: KZAKT (100 + 89.743590) / 2 = 94.871795 rank 1; KZAKM 37.179487 rank 2;
# KZALA misses 1 of 2 goals (50% > 20%): withheld.

EXAMPLE_TABLE = """
1.1.1,higher,50,40,20
2.1.1,lower,2,4,10
"""
EXAMPLE_OBSERVATIONS = """
1.1.1,KZAKM,2014,0,2
1.1.1,KZAKM,2015,20,3
1.1.1,KZAKM,2023,40,4
1.1.1,KZAKT,2015,10,5
1.1.1,KZAKT,2023,60,6
1.1.1,KZALA,2015,30,7
1.1.1,,2023,45,8
2.1.1,KZAKM,2015,8,2
2.1.1,KZAKM,2022,12,3
2.1.1,KZAKT,2015,6,4
2.1.1,KZAKT,2023,3,5
2.1.1,KZALA,2015,10,6
2.1.1,KZALA,2021,5,7
2.1.1,KZALM_CITY,2023,0,8
"""

EXPECTED_SCORES = """ref_area,indicator_id,value,value_year,source_row,lower,score,rating,base_year,score_base,green_score,observed,required,trend
KZAKM,1.1.1,40,2023,4,11,74.358974,green,2015,23.076923,74.358974,6.410256,3.418803,on_track
KZAKT,1.1.1,60,2023,6,11,100,green,2015,0,74.358974,12.5,4.957265,on_track
KZALA,1.1.1,,,,11,,,,,74.358974,,,insufficient
KZAKM,2.1.1,12,2022,3,11.75,0,red,2015,38.461538,79.487179,-5.494505,2.735043,decreasing
KZAKT,2.1.1,3,2023,5,11.75,89.743590,green,2015,58.974359,79.487179,3.846154,1.367521,on_track
KZALA,2.1.1,5,2021,7,11.75,69.230769,yellow,2015,17.948718,79.487179,8.547009,4.102564,on_track
"""
EXPECTED_GOALS = """ref_area,goal,score,n_indicators,rating
KZAKM,1,74.358974,1,green
KZAKM,2,0,1,red
KZAKT,1,100,1,green
KZAKT,2,89.743590,1,green
KZALA,2,69.230769,1,yellow
"""
EXPECTED_INDEX = """ref_area,index,mean_goal_score,goals,n_goals,withheld,reason,rank
KZAKT,94.871795,94.871795,2,2,False,,1
KZAKM,37.179487,37.179487,2,2,False,,2
KZALA,,69.230769,1,2,True,1 of 2 goals without data (more than 20%),
"""


@pytest.fixture()
def example() -> tuple[pd.DataFrame, pd.DataFrame]:
    table = _table(EXAMPLE_TABLE)
    values = index_values(_observations(EXAMPLE_OBSERVATIONS), table)
    return values, table


def test_index_values_keeps_region_level_rows_only(example) -> None:
    values, _ = example
    assert set(values["ref_area"]) == set(REGIONS)  # national "" and a city code left out
    assert list(values.columns) == [
        "indicator_id",
        "goal",
        "ref_area",
        "year",
        "value",
        "source_file",
        "source_row",
    ]
    assert values.loc[values["indicator_id"] == "2.1.1", "goal"].unique().tolist() == [2]


def test_index_values_drops_conflicting_duplicates() -> None:
    table = _table(EXAMPLE_TABLE)
    obs = _observations("1.1.1,KZAKM,2023,40,4\n1.1.1,KZAKM,2023,41,9")
    obs.loc[1, "conflict_of"] = 4
    values = index_values(obs, table)
    assert values["value"].tolist() == [40.0]


def test_index_values_matches_the_whole_selection() -> None:
    table = _table(EXAMPLE_TABLE)
    obs = _observations("1.1.1,KZAKM,2023,40,4\n1.1.1,KZAKM,2023,41,5")
    obs.loc[1, "sex"] = "F"  # a disaggregation, not the headline total
    assert index_values(obs, table)["value"].tolist() == [40.0]


def test_hand_computed_scores(example) -> None:
    values, table = example
    scores = score_table(values, table, 2023, regions=REGIONS)
    expected = _csv(EXPECTED_SCORES)
    got = scores[list(expected.columns)].reset_index(drop=True)
    expected = expected.astype(
        {
            "indicator_id": str,
            "value_year": "Int64",
            "source_row": "Int64",
            "base_year": "Int64",
            "rating": "string",
        }
    )
    got = got.astype({"indicator_id": str, "trend": object})
    expected["trend"] = expected["trend"].astype(object)
    assert_frame_equal(got, expected, check_dtype=False, atol=1e-5, rtol=0)


def test_hand_computed_goals_index_and_distribution(example) -> None:
    values, table = example
    scores = score_table(values, table, 2023, regions=REGIONS)
    goals = goal_scores(scores)
    assert_frame_equal(goals, _csv(EXPECTED_GOALS), check_dtype=False, atol=1e-5, rtol=0)
    index = regional_index(goals, n_goals=2)
    expected = _csv(EXPECTED_INDEX)
    expected["reason"] = expected["reason"].fillna("")
    expected["rank"] = expected["rank"].astype("Int64")
    assert_frame_equal(index, expected, check_dtype=False, atol=1e-5, rtol=0)
    spread = national_distribution(goals)
    assert spread.loc[spread["goal"] == 2, ["n", "min", "median", "max"]].iloc[0].tolist() == (
        pytest.approx([3, 0.0, 69.230769, 89.743590], abs=1e-5)
    )


def test_compute_index_counts_the_goals_of_the_table(example) -> None:
    values, table = example
    result = compute_index(values, table, 2023)
    # 20 units of layout 2022 are scored; only the three with data reach the index.
    assert len(result.scores) == 2 * 20
    assert result.index["n_goals"].unique().tolist() == [2]
    assert result.index["rank"].notna().sum() == 2


def test_a_value_older_than_three_years_is_missing(example) -> None:
    values, table = example
    kzala = {}
    for year in (2024, 2025):
        scores = score_table(values, table, year, regions=REGIONS)
        row = scores[(scores["ref_area"] == "KZALA") & (scores["indicator_id"] == "2.1.1")]
        kzala[year] = row["value"].iloc[0]
    assert kzala[2024] == 5.0  # 2021 = 2024 - 3: still used
    assert math.isnan(kzala[2025])


def test_lower_bound_pools_values_and_uses_linear_percentiles() -> None:
    assert lower_bound([10, 20, 30, 40, 60]) == pytest.approx(11.0)
    assert lower_bound([3, 5, 6, 8, 10, 12], "lower") == pytest.approx(11.75)
    assert lower_bound([7.0]) == 7.0
    with pytest.raises(ValueError):
        lower_bound([])


def test_scores_do_not_depend_on_the_scoring_year(example) -> None:
    values, table = example
    a = score_table(values, table, 2023, regions=REGIONS)
    b = score_table(values, table, 2024, regions=REGIONS)
    assert a["lower"].tolist() == b["lower"].tolist()
    kzakt_a = a.loc[(a["ref_area"] == "KZAKT"), "score"].tolist()
    kzakt_b = b.loc[(b["ref_area"] == "KZAKT"), "score"].tolist()
    assert kzakt_a == kzakt_b


# --- properties ---------------------------------------------------------------------------------


def test_scores_stay_in_0_100_and_rise_with_a_better_value() -> None:
    x = np.linspace(-50, 150, 401)
    up = normalise(x, 10.0, 90.0)
    down = normalise(x, 90.0, 10.0)  # lower is better: upper (best) below lower
    assert up.min() == 0 and up.max() == 100
    assert down.min() == 0 and down.max() == 100
    assert np.all(np.diff(up) >= 0) and np.any(np.diff(up) > 0)
    assert np.all(np.diff(down) <= 0) and np.any(np.diff(down) < 0)


def test_swapping_the_direction_mirrors_the_score() -> None:
    x = np.linspace(-20, 120, 141)
    assert np.allclose(normalise(x, 10.0, 90.0) + normalise(x, 90.0, 10.0), 100.0)


def test_normalise_keeps_nan_and_series_and_refuses_an_empty_scale() -> None:
    s = pd.Series([0.0, np.nan, 5.0], index=["a", "b", "c"], name="v")
    out = normalise(s, 0.0, 10.0)
    assert out.index.tolist() == ["a", "b", "c"] and math.isnan(out["b"]) and out["c"] == 50.0
    assert normalise(5.0, 0.0, 10.0) == 50.0
    with pytest.raises(ValueError):
        normalise(1.0, 3.0, 3.0)


# --- traffic lights -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (50.0, "green"),
        (40.0, "green"),
        (39.999, "yellow"),
        (30.0, "yellow"),  # the midpoint of green 40 and red 20 is yellow
        (29.999, "orange"),
        (20.0, "orange"),  # exactly on red is orange; red is beyond red
        (19.999, "red"),
    ],
)
def test_rating_boundaries_higher_is_better(value: float, expected: str) -> None:
    assert rating(value, green=40.0, red=20.0, direction="higher") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.0, "green"),
        (4.0, "green"),
        (4.001, "yellow"),
        (7.0, "yellow"),
        (7.001, "orange"),
        (10.0, "orange"),
        (10.001, "red"),
    ],
)
def test_rating_boundaries_lower_is_better(value: float, expected: str) -> None:
    assert rating(value, green=4.0, red=10.0, direction="lower") == expected


def test_rating_of_a_missing_value_is_none() -> None:
    assert rating(math.nan, 4.0, 10.0, "lower") is None


def _goal_rating_of(ratings: list[str]) -> str:
    scores = pd.DataFrame(
        {
            "ref_area": "KZAKM",
            "goal": 3,
            "indicator_id": [f"3.{i}.1" for i in range(len(ratings))],
            "score": 50.0,
            "rating": ratings,
        }
    )
    return goal_scores(scores)["rating"].iloc[0]


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        (["green"], "green"),
        (["yellow"], "yellow"),
        (["green", "green", "green"], "green"),
        (["green", "green", "yellow"], "yellow"),  # (3 + 2) / 2 = 2.5 -> 2
        (["green", "yellow", "red"], "orange"),  # (0 + 2) / 2 = 1
        (["green", "orange", "red"], "red"),  # (0 + 1) / 2 = 0.5 -> 0
        (["green", "green", "orange"], "yellow"),  # (1 + 3) / 2 = 2
        (["green", "yellow", "orange"], "orange"),  # (1 + 2) / 2 = 1.5 -> 1, not rounded to 2
    ],
)
def test_goal_rating_averages_the_two_worst_and_rounds_down(ratings, expected) -> None:
    assert _goal_rating_of(ratings) == expected


# --- trends -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("observed", "required", "green", "n_years", "expected"),
    [
        (5.0, 5.0, False, 2, ON_TRACK),
        (0.0, 3.0, True, 2, ON_TRACK),  # already green and not falling
        (-0.1, 3.0, True, 2, DECREASING),
        (3.0, 5.0, False, 2, MODERATELY_IMPROVING),
        (2.5, 5.0, False, 2, MODERATELY_IMPROVING),  # exactly half the required pace
        (2.4, 5.0, False, 2, STAGNATING),
        (0.0, 5.0, False, 2, STAGNATING),
        (-1.0, 5.0, False, 2, DECREASING),
        (-1.0, -2.0, False, 2, ON_TRACK),  # base beyond green: the path stays beyond it
        (1.0, 1.0, False, 1, INSUFFICIENT),
    ],
)
def test_trend_status(observed, required, green, n_years, expected) -> None:
    assert trend_status(observed, required, green, n_years) == expected


def _trend(rows: str, table: str, year: int = 2023) -> pd.Series:
    t = _table(table)
    scores = score_table(index_values(_observations(rows), t), t, year, regions=["KZAKM"])
    return scores.iloc[0]


def test_trend_with_missing_years_uses_the_first_and_last_years_with_data() -> None:
    # Higher is better, upper 100, green 80, red 40. Pool 0, 30, 45, 50, 100 -> lower = 3.
    # KZAKM: 2017 30 (base; 2015-2016 missing), 2019 45 (ignored by the pace), 2023 50.
    # scores: base (30-3)/97*100 = 27.835052, latest (50-3)/97*100 = 48.453608,
    # observed 20.618557/6 = 3.436426; green score 79.381443, required 51.546392/13 = 3.965107
    # -> observed < required but >= required / 2: moderately_improving.
    rows = """
1.1.1,KZAKM,2017,30,2
1.1.1,KZAKM,2019,45,3
1.1.1,KZAKM,2023,50,4
1.1.1,KZAKT,2023,0,5
1.1.1,KZAKT,2022,100,6
"""
    row = _trend(rows, "1.1.1,higher,100,80,40")
    assert row["base_year"] == 2017 and row["value_year"] == 2023
    assert row["score_base"] == pytest.approx(27.835052, abs=1e-5)
    assert row["observed"] == pytest.approx(3.436426, abs=1e-5)
    assert row["required"] == pytest.approx(3.965107, abs=1e-5)
    assert row["trend"] == MODERATELY_IMPROVING


def test_trend_lower_is_better_stagnating_and_decreasing() -> None:
    # Lower is better, upper 0, green 2, red 8. Pool 1, 9, 9.5, 10, 10 -> 97.5th pct:
    # position 0.975 * 4 = 3.9 -> 10. KZAKM 2015 10 -> 0; 2023 9.5 -> (9.5-10)/(0-10)*100 = 5;
    # observed 5 / 8 = 0.625; green score 80, required 80 / 15 = 5.333333 -> stagnating.
    table = "2.1.1,lower,0,2,8"
    rows = """
2.1.1,KZAKM,2015,10,2
2.1.1,KZAKM,2023,9.5,3
2.1.1,KZAKT,2015,1,4
2.1.1,KZAKT,2023,9,5
2.1.1,KZALA,2023,10,6
"""
    row = _trend(rows, table)
    assert row["lower"] == pytest.approx(10.0)
    assert row["observed"] == pytest.approx(0.625)
    assert row["required"] == pytest.approx(80 / 15)
    assert row["trend"] == STAGNATING
    # The same region getting worse: 2015 9.5 -> 2023 10 (score 5 -> 0): decreasing.
    worse = rows.replace("2015,10,2", "2015,9.5,2").replace("2023,9.5,3", "2023,10,3")
    assert _trend(worse, table)["trend"] == DECREASING


def test_a_single_year_gives_insufficient() -> None:
    row = _trend("1.1.1,KZAKM,2023,50,2\n1.1.1,KZAKT,2023,10,3", "1.1.1,higher,100,80,40")
    assert row["trend"] == INSUFFICIENT and not math.isnan(row["score"])


# --- the table file -----------------------------------------------------------------------------

GOOD_ROW = {
    "indicator_id": "1.2.1",
    "unit": "PT",
    "direction": "lower",
    "upper": "2",
    "upper_basis": "b",
    "green": "3",
    "red": "4",
    "rationale": "r",
    "source": "s",
}


def _write_table(tmp_path: Path, *rows: dict[str, str]) -> Path:
    path = tmp_path / "index_indicators.csv"
    frame = pd.DataFrame([{c: r.get(c, "") for c in TABLE_COLUMNS} for r in rows])
    frame.to_csv(path, index=False)
    return path


def test_load_index_table_reads_numbers_and_text(tmp_path) -> None:
    table = load_index_table(_write_table(tmp_path, GOOD_ROW))
    assert table.loc[0, "upper"] == 2.0 and table.loc[0, "unit"] == "PT"
    assert table.loc[0, "series"] == ""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"direction": "neutral"}, "direction 'neutral'"),
        ({"upper": "best"}, "upper 'best' is not a finite number"),
        ({"green": "5"}, "green 5 is not on the better side of red 4"),
        ({"rationale": ""}, "empty rationale"),
        ({"source": ""}, "empty source"),
    ],
)
def test_load_index_table_names_file_and_line(tmp_path, change, message) -> None:
    path = _write_table(tmp_path, {**GOOD_ROW, "indicator_id": "8.5.2"}, {**GOOD_ROW, **change})
    with pytest.raises(ValueError, match=rf"index_indicators\.csv: line 3: .*{re.escape(message)}"):
        load_index_table(path)


def test_load_index_table_refuses_missing_columns_and_repeats(tmp_path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("indicator_id,direction\n1.2.1,lower\n", encoding="utf-8")
    with pytest.raises(ValueError, match="t.csv: line 1: missing columns"):
        load_index_table(path)
    with pytest.raises(ValueError, match="line 3: indicator 1.2.1 repeated"):
        load_index_table(_write_table(tmp_path, GOOD_ROW, GOOD_ROW))


# --- the committed table against the committed data ---------------------------------------------


@pytest.fixture(scope="module")
def real_table() -> pd.DataFrame:
    return load_index_table(INDEX_CSV)


@pytest.fixture(scope="module")
def real_values(real_table) -> pd.DataFrame:
    return index_values(pd.read_parquet(OBSERVATIONS), real_table)


def test_real_table_covers_goals_with_enough_indicators(real_table) -> None:
    goals = real_table["indicator_id"].str.split(".").str[0].astype(int)
    assert 20 <= len(real_table) <= 40
    assert goals.nunique() >= 10


def test_every_real_row_has_recent_regional_values(real_table, real_values) -> None:
    for indicator_id in real_table["indicator_id"]:
        own = real_values[real_values["indicator_id"] == indicator_id]
        assert not own.empty, indicator_id
        assert own["year"].max() >= 2020, indicator_id
        latest = own[own["year"] == own["year"].max()]
        assert latest["ref_area"].nunique() >= 10, indicator_id


def test_real_directions_agree_with_the_curated_directions(real_table) -> None:
    directions = load_directions(DIRECTION_CSV)
    for row in real_table.itertuples(index=False):
        higher = direction_for(directions, row.indicator_id, row.series, row.unit)
        assert higher is not None, row.indicator_id
        assert row.direction == ("higher" if higher else "lower"), row.indicator_id


def test_relative_upper_bounds_are_the_three_best_regions(real_table, real_values) -> None:
    """Every 'average of the 3 best regions in YEAR' upper is recomputed from the data."""
    checked = 0
    for row in real_table.itertuples(index=False):
        match = re.match(r"average of the 3 best regions in (\d{4})", row.upper_basis)
        if not match:
            continue
        year = int(match.group(1))
        own = real_values[real_values["indicator_id"] == row.indicator_id]
        assert year == own["year"].max(), row.indicator_id
        in_year = own.loc[own["year"] == year, "value"]
        best = in_year.nsmallest(3) if row.direction == "lower" else in_year.nlargest(3)
        assert row.upper == pytest.approx(best.mean(), abs=1e-4), row.indicator_id
        checked += 1
    assert checked >= 10


def test_real_index_ranks_at_least_15_units(real_table, real_values) -> None:
    year = latest_scoring_year(real_values, real_table)
    assert year >= 2022
    result = compute_index(real_values, real_table, year)
    assert result.index["rank"].notna().sum() >= 15
    scores = result.scores["score"].dropna()
    assert scores.between(0, 100).all()
    assert result.scores["rating"].dropna().isin(["green", "yellow", "orange", "red"]).all()
    used = result.scores.dropna(subset=["value"])
    assert (used["value_year"] >= year - 3).all() and used["source_row"].notna().all()


# --- indicators the data cannot score (a refresh retired them or dropped their regions) ---------


def test_an_indicator_without_regional_values_is_left_out_of_the_index(example) -> None:
    """A retired indicator no longer stops the whole index (it raised ValueError and crashed the
    region, compare and index pages); it is left out and listed with the reason."""
    values, table = example
    retired = pd.concat([table, _table("9.9.9,higher,100,80,20")], ignore_index=True)
    result = compute_index(values, retired, 2023)
    expected = compute_index(values, table, 2023)
    assert_frame_equal(
        result.left_out,
        pd.DataFrame({"indicator_id": ["9.9.9"], "reason": ["no_regional_value"]}, dtype=str),
    )
    assert_frame_equal(result.index, expected.index)  # goal 9 is not counted as missing
    assert expected.left_out.empty


def test_an_indicator_whose_values_leave_no_scale_is_left_out(example) -> None:
    """upper 1 with every 1.1.1 value above it: the lower bound is not on the worse side."""
    values, table = example
    shrunk = table.assign(
        upper=[
            1.0 if i == "1.1.1" else u
            for i, u in zip(table["indicator_id"], table["upper"], strict=True)
        ]
    )
    kept, left_out = scorable(values, shrunk)
    assert list(kept["indicator_id"]) == [i for i in table["indicator_id"] if i != "1.1.1"]
    assert left_out.to_dict("records") == [{"indicator_id": "1.1.1", "reason": "empty_scale"}]


def test_an_index_with_no_indicator_left_ranks_no_region(example) -> None:
    values, table = example
    result = compute_index(values.iloc[0:0], table, 2023)
    assert result.index.empty and result.goals.empty
    assert set(result.left_out["reason"]) == {"no_regional_value"}
