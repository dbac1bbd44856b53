"""Change between two years across the 2018 -> 2022 boundary layouts, like for like."""

from __future__ import annotations

import io

import pandas as pd
import pandas.testing as pdt
import pytest

from sdgdash.features.distance import change as ch


def rows(text: str) -> pd.DataFrame:
    df = pd.read_csv(io.StringIO("ref_area,year,value\n" + text), keep_default_na=False)
    df["source_row"] = range(2, len(df) + 2)
    return df


# 2018: the 17-unit layout (Karaganda and Almaty regions whole); 2022: Ulytau has a value, so
# Karaganda and Almaty regions are their reduced selves. Made-up values (fixture, not data).
ACROSS = rows(
    """KZAKM,2018,10
KZKAR,2018,40
KZALM,2018,30
KZYUZ,2018,5
KZSHY,2018,6
KZKRG,2018,7
KZONT,2018,99
KZAKM,2022,12
KZKAR,2022,35
KZULU,2022,20
KZALM,2022,33
KZYUZ,2022,4
KZONT,2022,98
"""
)


def test_change_across_the_2022_split_leaves_out_what_is_not_like_for_like():
    view = ch.change_between(ACROSS, 2018, 2022, higher_is_better=True)
    assert (view.layout_a, view.layout_b) == ("2018", "2022")
    want = pd.DataFrame(
        {
            "ref_area": ["KZAKM", "KZYUZ"],
            "value_a": [10.0, 5.0],
            "value_b": [12.0, 4.0],
            "change": [2.0, -1.0],
            "change_pct": [20.0, -20.0],
            "change_per_year": [0.5, -0.25],
            "outcome": ["improved", "worsened"],
            "mover_rank": pd.array([1, 2], dtype="Int64"),
            "source_row_a": [2, 5],
            "source_row_b": [9, 13],
        }
    )
    pdt.assert_frame_equal(view.changes, want)
    left = dict(zip(view.left_out["ref_area"], view.left_out["reason"], strict=True))
    assert left == {
        "KZALM": ch.BOUNDARY_CHANGED,
        "KZKAR": ch.BOUNDARY_CHANGED,
        "KZKRG": ch.NOT_REGION_LEVEL,
        "KZONT": ch.NOT_IN_LAYOUT,
        "KZSHY": ch.NO_VALUE_B,
        "KZULU": ch.NO_VALUE_A,
    }


def test_back_calculated_years_are_compared():
    # Ulytau back-calculated for 2018: Karaganda's 2018 value is its reduced self, like 2022.
    back = pd.concat([ACROSS, rows("KZULU,2018,18\n")], ignore_index=True)
    view = ch.change_between(back, 2018, 2022, higher_is_better=False)
    assert (view.layout_a, view.layout_b) == ("2022", "2022")
    got = view.changes.set_index("ref_area")
    assert got.loc["KZKAR", "change"] == -5.0 and got.loc["KZKAR", "outcome"] == ch.IMPROVED
    assert got.loc["KZULU", "change"] == 2.0 and got.loc["KZULU", "outcome"] == ch.WORSENED
    assert "KZKAR" not in set(view.left_out["ref_area"])
    up, down = ch.fastest_movers(view, n=2)
    # Lower is better: KZKAR -1.25 a year, KZALM +0.75, KZULU +0.5, KZAKM +0.5, KZYUZ -0.25.
    assert list(up["ref_area"]) == ["KZKAR", "KZYUZ"]
    assert list(down["ref_area"]) == ["KZALM", "KZAKM"]


def test_neutral_indicator_and_bad_years():
    view = ch.change_between(ACROSS, 2018, 2022, higher_is_better=None)
    assert set(view.changes["outcome"]) == {ch.NO_DIRECTION}
    assert view.changes["mover_rank"].isna().all()
    assert all(part.empty for part in ch.fastest_movers(view))
    with pytest.raises(ValueError, match="must be before"):
        ch.change_between(ACROSS, 2022, 2018, True)
    assert ch.years_with_data(ACROSS) == [2018, 2022]


def test_zero_base_has_no_relative_change():
    view = ch.change_between(rows("KZAKM,2016,0\nKZAKM,2017,3\n"), 2016, 2017, True)
    assert view.changes["change"].iloc[0] == 3.0 and pd.isna(view.changes["change_pct"].iloc[0])
