"""The observations stay in their Parquet file (a view), and the profiles, the index and the
upload catalogue read only the rows they need: with the same results as from the whole table."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sdgdash.config import Settings
from sdgdash.data import queries
from sdgdash.data.source import Source
from sdgdash.features.distance import table as distance
from sdgdash.features.index import scoring
from sdgdash.features.index import view as index_view
from sdgdash.features.localdata import uploads as localdata
from sdgdash.features.region import view as region_view


@pytest.fixture(scope="module")
def data() -> Source:
    return Source(Settings.from_env({}))


@pytest.fixture(scope="module")
def whole(data: Source) -> pd.DataFrame:
    """The whole observations table, as the app read it before."""
    return queries.all_observations(data.connection)


def test_observations_are_a_view_and_the_small_tables_are_loaded(data: Source) -> None:
    con = data.connection
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "observations" in views and "observations" not in tables
    assert {"goals", "indicators", "codes", "regions"} <= tables


def test_profiles_equal_those_from_the_whole_table(data: Source, whole: pd.DataFrame) -> None:
    headlines = data.headlines()
    old = region_view.ranked(
        region_view.headline_frame(whole, headlines), data.headline_directions()
    )
    new = region_view.headline_ranked.compute(data)
    assert_frame_equal(new, old)
    assert len(new) > 5_000
    for code in ("KZKAR", "KZAST", "KZONT"):
        was = region_view.profile(old, headlines, code, data.headline_directions())
        assert_frame_equal(region_view.region_profile(data, code), was)


def test_index_equals_the_one_from_the_whole_table(data: Source, whole: pd.DataFrame) -> None:
    table = data.index_table()
    old = scoring.index_values(whole, table)
    new = index_view.index_values.compute(data)
    assert_frame_equal(new, old)
    year = index_view.latest_year(data)
    was = scoring.compute_index(old, table, year)
    now = index_view.index_result(data, year)
    assert_frame_equal(now.index, was.index)
    assert_frame_equal(now.scores, was.scores)


def test_distance_table_equals_the_one_from_the_whole_table(
    data: Source, whole: pd.DataFrame
) -> None:
    headlines = data.headlines()
    old = distance.compute(
        whole,
        headlines,
        data.directions(),
        data.targets(),
        data.index_table(),
        data.end_values(),
    )
    new = distance.distance_table.compute(data)
    assert_frame_equal(new.scores, old.scores)
    assert_frame_equal(new.latest, old.latest)
    assert_frame_equal(new.rows, old.rows)
    assert new.rules == old.rules and new.lower == old.lower


def test_upload_catalogue_equals_the_one_from_the_whole_table(
    data: Source, whole: pd.DataFrame
) -> None:
    old = localdata.Catalogue.from_tables(whole, data.codes())
    new = localdata.upload_catalogue.compute(data)
    assert new.schemas == old.schemas
    assert len(new.schemas) == whole["indicator_id"].nunique()


def test_headlines_need_only_regional_indicators(data: Source) -> None:
    everything = queries._df(
        data.connection,
        "SELECT DISTINCT indicator_id FROM observations WHERE ref_area <> ''",
    )
    assert {s.indicator_id for s in data.headlines()} == set(everything["indicator_id"])


def test_selection_rows_of_nothing_is_empty(data: Source, whole: pd.DataFrame) -> None:
    empty = data.selection_observations(())
    assert empty.empty and list(empty.columns) == list(whole.columns)
