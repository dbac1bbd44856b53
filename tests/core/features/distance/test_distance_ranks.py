"""Honest ranks: the noise yardstick and rank ranges, worked out by hand."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

from sdgdash.features.distance.ranks import honest_ranks, noise_level, rank_label

VALUES = pd.DataFrame({"ref_area": ["KZD", "KZA", "KZC", "KZB"], "value": [5.0, 10.0, 8.0, 9.5]})


def test_noise_is_the_median_change_between_consecutive_years():
    rows = pd.DataFrame(
        {
            "ref_area": ["A", "A", "A", "B", "B", "C", "C", "A"],
            "year": [2015, 2016, 2017, 2015, 2016, 2015, 2017, 2014],
            "value": [10.0, 11.0, 13.0, 5.0, 5.5, 7.0, 8.0, 0.0],
        }
    )
    # Consecutive pairs from 2015: A 1 and 2, B 0.5 (C's 2015-2017 is not consecutive;
    # A's 2014 is before 2015): median of 0.5, 1, 2 = 1.
    noise = noise_level(rows, min_pairs=3)
    assert (noise.value, noise.n_pairs, noise.known) == (1.0, 3, True)
    unknown = noise_level(rows)  # fewer than 10 pairs
    assert (unknown.value, unknown.known) == (0.0, False)


def test_rank_ranges_within_noise_higher_is_better():
    got = honest_ranks(VALUES, True, noise=1.0)
    # A 10 and B 9.5 are within 1 of each other: both 1-2; C 8 is clearly below both and
    # clearly above D 5.
    want = pd.DataFrame(
        {
            "ref_area": ["KZA", "KZB", "KZC", "KZD"],
            "value": [10.0, 9.5, 8.0, 5.0],
            "rank": [1, 2, 3, 4],
            "rank_best": [1, 1, 3, 4],
            "rank_worst": [2, 2, 3, 4],
            "n_ranked": [4, 4, 4, 4],
            "tied": [1, 1, 0, 0],
        }
    )
    pdt.assert_frame_equal(got, want)
    assert [rank_label(b, w) for b, w in zip(got["rank_best"], got["rank_worst"], strict=True)] == [
        "1–2",
        "1–2",
        "3",
        "4",
    ]


def test_rank_ranges_lower_is_better_and_zero_noise():
    got = honest_ranks(VALUES, False, noise=2.0).set_index("ref_area")
    # Lower is better: D 5 is clearly first (3 below C 8). C 8, B 9.5 and A 10 lie within 2 of
    # each other (A - C = 2.0 is not more than 2), so all three share ranks 2-4.
    assert got.loc["KZD", ["rank_best", "rank_worst"]].tolist() == [1, 1]
    for code in ("KZC", "KZB", "KZA"):
        assert got.loc[code, ["rank_best", "rank_worst"]].tolist() == [2, 4], code
    assert got["rank"].tolist() == [1, 2, 3, 4]  # plain ranks still order them
    ties = pd.DataFrame({"ref_area": ["X", "Y", "Z"], "value": [1.0, 1.0, 0.0]})
    plain = honest_ranks(ties, True, noise=0.0).set_index("ref_area")
    assert plain["rank"].tolist() == [1, 1, 3]
    assert plain["rank_worst"].tolist() == [2, 2, 3]  # an exact tie is a range too
    with pytest.raises(ValueError, match="negative"):
        honest_ranks(ties, True, noise=-1.0)
