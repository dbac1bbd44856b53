"""Regional SDG index page and the index parts of the region and comparison pages (AppTest)."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.index_table import load_index_table
from sdgdash.features.index import scoring
from tests.conftest import REPO


def _real_index(year: int) -> pd.DataFrame:
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    table = load_index_table(REPO / "data" / "curated" / "index_indicators.csv")
    return scoring.compute_index(scoring.index_values(obs, table), table, year).index


def test_index_page_ranks_all_20_units_in_2023(app) -> None:
    at = app("app_pages/index.py", lang="en", iyear="2023")
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 20
    want = _real_index(2023).sort_values("rank")
    assert table["ref_area"].tolist() == want["ref_area"].tolist()
    assert table["Index"].round(6).tolist() == want["index"].round(6).tolist()


def test_index_ranking_is_reproducible_from_the_scores(app) -> None:
    """Index = mean of goal means of the indicator scores in the scores CSV."""
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    table = load_index_table(REPO / "data" / "curated" / "index_indicators.csv")
    result = scoring.compute_index(scoring.index_values(obs, table), table, 2023)
    s = result.scores.dropna(subset=["score"])
    by_hand = s.groupby(["ref_area", "goal"])["score"].mean().groupby("ref_area").mean()
    idx = result.index.set_index("ref_area")["index"]
    pd.testing.assert_series_equal(by_hand.sort_index(), idx.sort_index(), check_names=False)


def test_old_year_and_junk_year(app) -> None:
    at = app("app_pages/index.py", lang="kk", iyear="2019")
    assert not at.exception and len(at.dataframe[0].value) == 17
    at = app("app_pages/index.py", lang="ru", iyear="1900")
    assert not at.exception and at.warning


def test_region_page_shows_goal_scores_and_ratings(app) -> None:
    at = app("app_pages/region.py", lang="en", region="KZKZY")
    assert not at.exception
    assert any("SDG index 2023" in m.value for m in at.markdown)
    table = at.dataframe[0].value
    assert set(table["Rating"]) - {""} <= {"✓ green", "! yellow", "!! orange", "!!! red"}
    assert (table["Rating"] != "").sum() >= 15
