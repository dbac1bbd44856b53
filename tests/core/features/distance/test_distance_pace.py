"""Pace, projection, pace needed and arrival year, on series worked out by hand."""

from __future__ import annotations

import pytest

from sdgdash.features.distance import pace as pc
from sdgdash.features.distance.pace import assess_pace, time_weighted_slope, trend_weights


def test_weights_rise_by_one_a_year_from_the_first_year():
    assert trend_weights([2015, 2017, 2019]) == [1.0, 3.0, 5.0]


def test_rising_higher_is_better_arrives():
    # Weights 1, 2, 3; t_bar = 2016 + 1/3, y_bar = 73/6; slope = (14/3) / (10/3) = 1.4 a year.
    p = assess_pace([(2015, 10.0), (2016, 12.0), (2017, 13.0)], 20.0, True)
    assert p.pace_observed == pytest.approx(1.4)
    assert (p.pace_from, p.pace_to, p.n_points, p.latest_value) == (2015, 2017, 3, 13.0)
    # From 13 in 2017: 13 + 1.4 * 13 years = 31.2 in 2030.
    assert p.projected_2030 == pytest.approx(31.2)
    # (20 - 13) / (2030 - 2017) = 7 / 13 a year needed; observed / needed = 1.4 * 13 / 7 = 2.6.
    assert p.pace_needed == pytest.approx(7 / 13)
    assert p.pace_ratio == pytest.approx(2.6)
    # (20 - 13) / 1.4 = 5 years exactly: 2022.
    assert (p.arrival_year, p.arrival_status) == (2022, pc.ARRIVES)
    assert p.pace_reason == p.needed_reason == p.arrival_reason == ""


def test_falling_lower_is_better_with_gaps_and_a_share_held_at_zero():
    # Years 2015, 2017, 2019 weigh 1, 3, 5. x = 0, 2, 4: x_bar = 26/9, y_bar = 17/3;
    # slope = (-306/27) / (1368/81) = -918/1368 = -0.6710526 a year.
    points = [(2013, 99.0), (2015, 8.0), (2017, 6.0), (2019, 5.0)]  # 2013 is before the base
    p = assess_pace(points, 2.0, False, bounds=(0.0, 100.0))
    assert p.pace_observed == pytest.approx(-918 / 1368)
    assert p.pace_from == 2015 and p.n_points == 3
    # 5 - 0.6710526 * 11 = -2.38: below 0 %, so held at 0.
    assert p.projected_2030 == 0.0 and p.projection_clipped
    assert p.pace_needed == pytest.approx(-3 / 11)
    # (2 - 5) / -0.6710526 = 4.47 years: reached during the fifth year, 2024.
    assert (p.arrival_year, p.arrival_status) == (2024, pc.ARRIVES)


def test_flat_series_never_arrives():
    p = assess_pace([(2015, 50.0), (2018, 50.0), (2020, 50.0)], 60.0, True)
    assert p.pace_observed == 0.0
    assert p.projected_2030 == 50.0
    assert (p.arrival_year, p.arrival_status) == (None, pc.FLAT)
    assert p.pace_needed == pytest.approx(1.0)  # 10 points in 10 years


def test_already_reached_whatever_the_pace():
    p = assess_pace([(2015, 101.0), (2020, 100.0)], 100.0, True)
    assert p.pace_observed == pytest.approx(-0.2)
    assert (p.arrival_year, p.arrival_status) == (None, pc.REACHED)
    assert p.pace_needed == 0.0 and p.pace_ratio is None


def test_moving_away_and_beyond_the_horizon():
    away = assess_pace([(2015, 10.0), (2016, 9.0)], 20.0, True)
    assert away.pace_observed == pytest.approx(-1.0)
    assert away.arrival_status == pc.MOVING_AWAY and away.arrival_year is None
    # 0.1 a year from 10.1 in 2016 to 100: 899 years.
    slow = assess_pace([(2015, 10.0), (2016, 10.1)], 100.0, True)
    assert slow.arrival_status == pc.BEYOND_HORIZON and slow.arrival_year is None


def test_cagr_method_worked_example():
    # 100 -> 121 over 2 years: 10 % a year. 2030: 121 * 1.1^13.
    p = assess_pace([(2015, 100.0), (2017, 121.0)], 200.0, True, method=pc.CAGR)
    assert p.pace_observed == pytest.approx(0.10)
    assert p.projected_2030 == pytest.approx(121 * 1.1**13)
    # ln(200/121) / ln(1.1) = 5.27 years from 2017: 2023.
    assert (p.arrival_year, p.arrival_status) == (2023, pc.ARRIVES)
    assert p.pace_needed == pytest.approx((200 / 121) ** (1 / 13) - 1)
    zero = assess_pace([(2015, 0.0), (2017, 5.0)], 10.0, True, method=pc.CAGR)
    assert zero.pace_reason == pc.ZERO_BASE and zero.pace_observed is None


def test_deadline_passed_keeps_the_arrival_year():
    # A 2020 target (3.6) seen from 2021: no pace needed, but the arrival year still shows.
    p = assess_pace([(2015, 20.0), (2021, 14.0)], 8.0, False, end_year=2020)
    assert p.pace_needed is None and p.needed_reason == pc.DEADLINE_PASSED
    # weights 1 and 7 on two points: the slope is still the line through them, -1 a year.
    assert p.pace_observed == pytest.approx(-1.0)
    assert (p.arrival_year, p.arrival_status) == (2027, pc.ARRIVES)


def test_too_few_points_and_no_data():
    one = assess_pace([(2010, 3.0), (2016, 4.0)], 10.0, True)
    assert one.pace_reason == pc.TOO_FEW_POINTS and one.n_points == 1 and one.pace_observed is None
    old = assess_pace([(2010, 3.0), (2012, 4.0)], 10.0, True)
    assert old.pace_reason == pc.NO_DATA_SINCE_BASE
    none = assess_pace([], 10.0, True)
    assert none.pace_reason == pc.NO_DATA


def test_no_end_value_gives_pace_but_no_arrival():
    p = assess_pace([(2015, 1.0), (2016, 3.0)], None, None)
    assert p.pace_observed == pytest.approx(2.0) and p.projected_2030 == pytest.approx(31.0)
    assert p.arrival_status is None and p.arrival_reason == pc.NO_END_VALUE


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="two values for year 2016"):
        assess_pace([(2016, 1.0), (2016, 2.0)], 3.0, True)
    with pytest.raises(ValueError, match="method"):
        assess_pace([(2016, 1.0)], 3.0, True, method="ols")
    with pytest.raises(ValueError, match="two years"):
        time_weighted_slope([(2016, 1.0)])
    # NaN values are skipped, not refused.
    assert assess_pace([(2015, float("nan")), (2016, 1.0)], 3.0, True).n_points == 1
