"""Scores, goal means and end-value rules of the distance to 2030, worked out by hand."""

from __future__ import annotations

import io
import math

import pandas as pd
import pandas.testing as pdt
import pytest

from sdgdash.data.end_values import load_end_values
from sdgdash.data.models import Selection
from sdgdash.features.distance import endvalues as ev
from sdgdash.features.distance.score import goal_means, lower_of, score


def test_score_higher_is_better():
    # (60 - 20) / (100 - 20) = 0.5
    assert score(60.0, 20.0, 100.0, True) == pytest.approx(50.0)
    assert score(10.0, 20.0, 100.0, True) == 0.0  # below the lower bound: censored
    assert score(100.0, 20.0, 100.0, True) == 100.0
    assert score(104.0, 20.0, 100.0, True) == 100.0


def test_score_lower_is_better():
    # lower bound 10 (the worse end), end value 2: (5 - 10) / (2 - 10) = 0.625
    assert score(5.0, 10.0, 2.0, False) == pytest.approx(62.5)
    assert score(1.0, 10.0, 2.0, False) == 100.0
    assert score(12.0, 10.0, 2.0, False) == 0.0


def test_score_without_room_below_the_end_value():
    # Every pooled value at 100 %: the lower bound is 100 too.
    assert score(100.0, 100.0, 100.0, True) == 100.0
    assert score(99.0, 100.0, 100.0, True) is None
    assert score(None, 20.0, 100.0, True) is None
    assert score(50.0, 20.0, None, True) is None


def test_lower_bound_is_the_pooled_percentile():
    # 2.5th percentile of 1..41 (linear): position 0.025 * 40 = 1 -> the second value, 2.
    values = [float(v) for v in range(1, 42)]
    assert lower_of(values, True) == pytest.approx(2.0)
    assert lower_of(values, False) == pytest.approx(40.0)


def test_goal_means():
    scores = pd.DataFrame(
        {
            "ref_area": ["KZAKM", "KZAKM", "KZAKM", "KZPAV"],
            "goal": [1, 1, 3, 1],
            "score": [40.0, 60.0, math.nan, 90.0],
        }
    )
    want = pd.DataFrame(
        {
            "ref_area": ["KZAKM", "KZPAV"],
            "goal": [1, 1],
            "score": [50.0, 90.0],
            "distance": [50.0, 10.0],
            "n_indicators": [2, 1],
        }
    )
    pdt.assert_frame_equal(goal_means(scores), want)


TARGETS = pd.DataFrame(
    [
        ["1.2.1", "", "PT", 0.5, 2030, "relative_to_base", "SDG target 1.2", "halve"],
        ["3.6.1", "", "", 0.5, 2020, "relative_to_base", "SDG target 3.6", "halve by 2020"],
        ["4.2.2", "", "PT", 100.0, 2030, "absolute", "SDG target 4.2", "all"],
    ],
    columns=[
        "indicator_id",
        "series",
        "unit",
        "target_value",
        "target_year",
        "kind",
        "source",
        "rationale",
    ],
)
INDEX = pd.DataFrame(
    [["8.5.2", "", "PT", "", "", "", "", "", "", "", 4.2667, "best 3 in 2023", "SDR"]],
    columns=[
        "indicator_id",
        "series",
        "unit",
        "sex",
        "age",
        "urbanisation",
        "education_lev",
        "income_wealth_quantile",
        "activity",
        "composite_breakdown",
        "upper",
        "upper_basis",
        "source",
    ],
)
END_CSV = """indicator_id,series,unit,end_value,kind,source,rationale
16.2.1,,PT,0,absolute,"UN A/RES/70/1, target 16.2, https://undocs.org/A/RES/70/1",end all violence
8.5.1,,PT,,none,"platform data, https://github.com/kazstat/sdg-data-kazstat",nominal tenge
"""
LATEST = pd.DataFrame(
    {
        "ref_area": ["KZAKM", "KZPAV", "KZNS", "KZALA"],
        "year": [2023] * 4,
        "value": [5.0, 2.0, 3.0, 4.0],
    }
)


@pytest.fixture()
def end_values(tmp_path):
    path = tmp_path / "end_values.csv"
    path.write_text(END_CSV, encoding="utf-8")
    return load_end_values(path)


def rule(sel, better, end_values, latest=LATEST):
    return ev.end_rule(sel, better, latest, TARGETS, INDEX, end_values)


def test_end_rule_order_target_index_curated_best3(end_values):
    absolute = rule(Selection("4.2.2", unit="PT"), True, end_values)
    assert (absolute.kind, absolute.value, absolute.year) == (ev.TARGET, 100.0, 2030)
    relative = rule(Selection("1.2.1", unit="PT"), False, end_values)
    assert (relative.kind, relative.factor) == (ev.TARGET_RELATIVE, 0.5)
    assert relative.value_for(6.0) == 3.0 and relative.value_for(None) is None
    assert rule(Selection("3.6.1", unit="PER_100000_POP"), False, end_values).year == 2020
    index = rule(Selection("8.5.2", unit="PT"), False, end_values)
    assert (index.kind, index.value, index.rationale) == (ev.INDEX, 4.2667, "best 3 in 2023")
    # The index row is for the total; a women-only series is not the index's series.
    assert rule(Selection("8.5.2", unit="PT", sex="F"), False, end_values).kind == ev.BEST3
    curated = rule(Selection("16.2.1", unit="PT"), False, end_values)
    assert (curated.kind, curated.value) == (ev.CURATED, 0.0)
    refused = rule(Selection("8.5.1", unit="PT"), True, end_values)
    assert (refused.kind, refused.reason, refused.rationale) == (
        ev.NONE,
        ev.CURATED_NONE,
        "nominal tenge",
    )


def test_best3_rule_lower_is_better(end_values):
    # Best three when lower is better: 2 (KZPAV), 3 (KZNS), 4 (KZALA): mean 3.
    best = rule(Selection("8.6.1", unit="PT"), False, end_values)
    assert best.kind == ev.BEST3 and best.value == pytest.approx(3.0)
    assert best.basis_year == 2023
    assert best.basis_regions == (("KZPAV", 2.0), ("KZNS", 3.0), ("KZALA", 4.0))
    up = rule(Selection("8.6.1", unit="PT"), True, end_values)
    assert up.basis_regions == (("KZAKM", 5.0), ("KZALA", 4.0), ("KZNS", 3.0))


@pytest.mark.parametrize(
    ("sel", "better", "reason"),
    [
        (Selection("9.1.2", unit="M_T"), None, ev.NO_DIRECTION),
        (Selection("11.1.1", unit="PERSONS"), False, ev.SIZE_DEPENDENT),
        (Selection("2.3.1", unit="TH_TNG"), True, ev.MONEY_AMOUNT),
        (Selection("8.2.1", unit="PT_PREV_Y"), True, ev.GROWTH_RATE),
    ],
)
def test_no_end_value_is_invented(sel, better, reason, end_values):
    got = rule(sel, better, end_values)
    assert (got.kind, got.value, got.reason) == (ev.NONE, None, reason)


def test_best3_needs_three_regions_and_possible_percentages(end_values):
    few = rule(Selection("8.6.1", unit="PT"), False, end_values, LATEST.head(2))
    assert few.reason == ev.TOO_FEW_REGIONS
    wrong = LATEST.assign(value=[62.5, 625.0, 60.4, 58.0])  # a misplaced decimal point
    assert rule(Selection("3.7.1", unit="PT"), True, end_values, wrong).reason == (
        ev.IMPOSSIBLE_VALUES
    )


def test_describe_says_where_the_end_value_comes_from(end_values):
    best = rule(Selection("8.6.1", unit="PT"), False, end_values)
    text = ev.describe(best, "en", {"KZPAV": "Pavlodar"})
    assert text == (
        "No numeric target, so by the SDSN rule the average of the three best regions in 2023: "
        "Pavlodar 2, KZNS 3, KZALA 4."
    )
    refused = rule(Selection("8.5.1", unit="PT"), True, end_values)
    assert ev.describe(refused, "ru").endswith("nominal tenge")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("4.a.1,,PT,abc,absolute,src,why\n", "is not a number"),
        ("4.a.1,,PT,1,maybe,src,why\n", "kind 'maybe'"),
        ("4.a.1,,PT,1,none,src,why\n", "kind none takes no end_value"),
        ("4.a.1,,PT,1,absolute,,why\n", "empty source"),
        ("4.a.1,,PT,1,absolute,src,why\n4.a.1,,PT,2,absolute,src,why\n", "line 3: duplicate"),
    ],
)
def test_bad_end_value_rows_are_refused_with_their_line(tmp_path, text, message):
    path = tmp_path / "end_values.csv"
    path.write_text(END_CSV.splitlines()[0] + "\n" + text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_end_values(path)


def test_loaded_table_types(end_values):
    want = pd.read_csv(io.StringIO(END_CSV), dtype=str, keep_default_na=False)
    want["end_value"] = [0.0, math.nan]
    pdt.assert_frame_equal(end_values, want)
