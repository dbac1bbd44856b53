"""What the pages show of the distance to 2030: a region's ranks and peers worked out by hand,
the years of a change URL, the words for missing figures, and the real data's views."""

from __future__ import annotations

import pandas as pd
import pytest

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.distance import display, ranks, table, view
from sdgdash.geo import layouts as geo
from tests.core.features.distance.test_distance_table import compute, observations

# Made-up values of one indicator (fixture, not data), higher is better, target 100.
ROWS = """ref_area,year,value
,2022,70
,2023,72
KZAKM,2022,58
KZAKM,2023,60
KZPAV,2022,57
KZPAV,2023,59.5
KZKUS,2022,52
KZKUS,2023,50
KZKZY,2022,41
KZKZY,2023,40
"""
NOISE = {"6.1.1": ranks.Noise(1.0, 12, True)}
DATA = Source(Settings.from_env({}))


def test_positions_rank_range_and_peers_by_hand():
    result = compute(observations(ROWS))
    rows = view.positions(result, "KZAKM", ["KZPAV", "KZKUS"], NOISE)
    r = rows.iloc[0]
    # 2023 among all four: KZPAV 59.5 is within 1 of 60, KZKUS 50 and KZKZY 40 clearly below:
    # best 1 (nobody clearly better), worst 4 - 2 = 2.
    assert (r["rank_best"], r["rank_worst"], r["n_ranked"]) == (1, 2, 4)
    # Peers KZPAV 59.5 and KZKUS 50: mean 54.75, range 50-59.5; among the three: 1-2 of 3.
    assert r["peer_mean"] == pytest.approx(54.75)
    assert (r["peer_min"], r["peer_max"], r["n_peer_values"]) == (50.0, 59.5, 2)
    assert (r["peer_rank_best"], r["peer_rank_worst"], r["n_peer_ranked"]) == (1, 2, 3)
    assert r["national_value"] == 72.0
    # Kazakhstan's score on the same scale: lower bound = 2.5th percentile of the 8 regional
    # values (40 41 50 52 57 58 59.5 60: position 0.175 -> 40 + 0.175 * 1 = 40.175).
    lower = 40.175
    assert r["lower"] == pytest.approx(lower)
    assert r["national_score"] == pytest.approx((72 - lower) / (100 - lower) * 100)
    assert display.rank_text(r["rank_best"], r["rank_worst"], r["n_ranked"], "en") == "1–2 of 4"
    assert display.rank_text(r["rank_best"], r["rank_worst"], r["n_ranked"], "ru") == "1–2 из 4"


def test_positions_in_an_earlier_year_keep_the_series_pace():
    result = compute(observations(ROWS))
    latest = view.positions(result, "KZKUS", ["KZAKM"], NOISE).iloc[0]
    in_2022 = view.positions(result, "KZKUS", ["KZAKM"], NOISE, year=2022).iloc[0]
    assert (int(in_2022["year"]), in_2022["value"], in_2022["national_value"]) == (2022, 52.0, 70.0)
    # 2022: KZAKM 58 and KZPAV 57 clearly better, KZKZY 41 clearly worse: rank 3 exactly.
    assert (in_2022["rank_best"], in_2022["rank_worst"]) == (3, 3)
    assert in_2022["pace_observed"] == latest["pace_observed"] == pytest.approx(-2.0)
    assert latest["arrival_status"] == "moving_away"
    none = view.positions(result, "KZKUS", ["KZAKM"], NOISE, year=2019).iloc[0]
    assert pd.isna(none["score"]) and none["score_reason"] == "no_value_in_year"


@pytest.mark.parametrize(
    ("params", "want"),
    [
        ({}, (2015, 2023)),  # from 2015 (the base year) to the latest
        ({"from": "2018", "year": "2022"}, (2018, 2022)),
        ({"from": "2023", "year": "2018"}, (2015, 2018)),  # "from" not before "year"
        ({"from": "1900", "year": "junk"}, (2015, 2023)),  # not offered: the defaults
    ],
)
def test_change_years_from_a_url(params, want):
    assert view.change_years([2010, 2015, 2018, 2022, 2023], params) == want


def test_change_years_need_two_years():
    assert view.change_years([2023], {}) is None
    assert view.change_years([2010, 2012], {}) == (2010, 2012)  # no year since 2015: the first


def test_missing_figures_say_why():
    result = compute(observations("ref_area,year,value\nKZAKM,2023,60\n,2023,70\n"))
    rows = view.positions(result, "KZAKM", [], NOISE)
    r = rows.iloc[0]
    assert pd.notna(r["score"]) and pd.isna(r["pace_observed"])
    assert display.note(r, "en") == "No pace: fewer than two values since 2015: no pace."
    nothing = view.positions(result, "KZPAV", [], NOISE).iloc[0]
    assert display.note(nothing, "en") == "Not computed: no data for the region."
    assert display.arrival(nothing, "kk") == "—"


# --- the real data ---------------------------------------------------------------------------


def test_a_headline_selection_gives_the_figures_of_the_whole_table():
    sel = next(s for s in DATA.headlines() if s.indicator_id == "1.2.1")
    block = view.region_distance(DATA, "KZAKM").indicators.set_index("indicator_id")
    one = view.selection_figures(DATA, sel, "KZAKM").row
    for col in ("year", "value", "score", "pace_observed", "arrival_status", "rank_best"):
        assert one[col] == block.loc["1.2.1", col], col


def test_every_region_has_a_block_with_reasons_for_every_missing_figure():
    result = table.distance_table(DATA)
    for code in sorted(geo.UNITS_2022):
        rows = view.region_distance(DATA, code).indicators
        assert len(rows) == result.latest["indicator_id"].nunique(), code
        no_score = rows[rows["score"].isna()]
        assert (no_score["score_reason"] != "").all(), code
        no_pace = rows[rows["pace_observed"].isna()]
        assert (no_pace["pace_reason"] != "").all(), code
        # a note in words for every row without a score, in every language
        for lang in ("kk", "ru", "en"):
            assert all(display.note(r, lang) for _, r in no_score.iterrows()), (code, lang)


def test_goal_scores_of_every_region_and_the_matrix_agree():
    matrix = view.goal_score_matrix(DATA)
    assert list(matrix.index) == ["", *table.REGIONS]
    goal = view.goal_regions(DATA, 3).set_index("ref_area")
    for code in ("", "KZAKM", "KZULU"):
        want, got = matrix.loc[code, 3], goal.loc[code, "score"]
        assert (pd.isna(want) and pd.isna(got)) or want == pytest.approx(got)


def test_compare_rows_are_the_regions_blocks():
    rows = view.compare_rows(DATA, ["KZAKM", "KZKZY"], "1.2.1")
    assert list(rows["ref_area"]) == ["KZAKM", "KZKZY"]
    for code in ("KZAKM", "KZKZY"):
        block = view.region_distance(DATA, code).indicators.set_index("indicator_id")
        mine = rows.set_index("ref_area").loc[code]
        assert mine["peer_mean"] == pytest.approx(block.loc["1.2.1", "peer_mean"])
