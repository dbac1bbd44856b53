"""Progress status (Open SDG method) reproduced on series worked out by hand."""

from __future__ import annotations

import math

import pytest

from sdgdash.data import targets
from sdgdash.data.targets import Target
from sdgdash.features.goal import progress as pg
from sdgdash.features.goal.progress import assess


def test_no_target_higher_is_better_substantial():
    # 100 -> 121 over 2 years: sqrt(1.21) = 1.1, so 10 % a year >= 1.5 %.
    p = assess([(2015, 100.0), (2017, 121.0)], higher_is_better=True)
    assert p.status == pg.SUBSTANTIAL
    assert (p.base_year, p.base_value, p.latest_year, p.latest_value) == (2015, 100.0, 2017, 121.0)
    assert p.cagr == pytest.approx(0.10)
    assert p.required is None and p.ratio is None and p.target is None
    assert p.progress_value == pytest.approx(0.10)


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        # 100 * 1.01^2 = 102.01: 1 % a year, between 0.5 % and 1.5 %.
        (102.01, pg.MODERATE),
        # 100 * 1.002^2 = 100.4004: 0.2 % a year, between 0 and 0.5 %.
        (100.4004, pg.LIMITED),
        # unchanged: exactly 0, still "at least 0".
        (100.0, pg.LIMITED),
        # 100 * 0.99^2 = 98.01: -1 % a year.
        (98.01, pg.DETERIORATION),
    ],
)
def test_no_target_thresholds(latest, status):
    assert assess([(2015, 100.0), (2017, latest)], higher_is_better=True).status == status


def test_lower_is_better_missing_years_and_earlier_years_ignored():
    # 2014 is before the base year; 2016 lies between; 2017-2020 are missing.
    # 64 -> 81 over 6 years: (81/64)^(1/6) = (9/8)^(1/3) = 1.0400419, +4.0 % a year,
    # which is a deterioration when lower is better (progress value -0.04).
    p = assess([(2014, 10.0), (2015, 64.0), (2016, 70.0), (2021, 81.0)], higher_is_better=False)
    assert p.status == pg.DETERIORATION
    assert p.base_year == 2015 and p.latest_year == 2021
    assert p.cagr == pytest.approx(0.0400419, abs=1e-7)
    assert p.progress_value == pytest.approx(-0.0400419, abs=1e-7)
    # The same fall read the other way: 81 -> 64 is -3.85 % a year, substantial when lower is better.
    q = assess([(2015, 81.0), (2021, 64.0)], higher_is_better=False)
    assert q.status == pg.SUBSTANTIAL
    assert q.cagr == pytest.approx(1 / 1.0400419 - 1, abs=1e-7)


def test_base_after_2015():
    # No 2015 or 2016 value: the base is 2017 (10), latest 2019 (12.1): 10 % a year.
    points = [(2013, 5.0), (2017, 10.0), (2019, 12.1)]
    p = assess(points, higher_is_better=True)
    assert (p.base_year, p.base_value) == (2017, 10.0)
    assert p.cagr == pytest.approx(0.10)
    assert p.status == pg.SUBSTANTIAL
    assert assess(points, higher_is_better=False).status == pg.DETERIORATION


@pytest.mark.parametrize(
    ("points", "reason"),
    [
        ([], pg.NO_DATA),
        ([(2010, 1.0), (2014, 2.0)], pg.NO_DATA_SINCE_BASE),
        ([(2012, 1.0), (2018, 2.0)], pg.ONE_POINT),  # 2018 is both base and latest
        ([(2015, 10.0), (2017, -2.0)], pg.SIGN_CHANGE),
        ([(2016, float("nan")), (2019, 3.0)], pg.ONE_POINT),  # a missing value is no point
    ],
)
def test_insufficient(points, reason):
    p = assess(points, higher_is_better=True)
    assert p.status == pg.INSUFFICIENT
    assert p.reason == reason


def test_neutral_without_target_is_not_assessed():
    p = assess([(2015, 1.0), (2020, 2.0)], higher_is_better=None)
    assert (p.status, p.reason) == (pg.NOT_ASSESSED, pg.NO_DIRECTION)


def test_with_target_lower_is_better_on_track_and_moderate():
    # Base 100 (2015), target 72.9 = 100 * 0.9^3 in 2018: required -10 % a year.
    target = Target(72.9, year=2018)
    on_track = assess([(2015, 100.0), (2017, 81.0)], higher_is_better=False, target=target)
    # 100 -> 81 in 2 years: -10 % a year; ratio = -(-0.10) / 0.10 = 1.0.
    assert on_track.required == pytest.approx(-0.10)
    assert on_track.cagr == pytest.approx(-0.10)
    assert on_track.ratio == pytest.approx(1.0)
    assert on_track.status == pg.SUBSTANTIAL
    # 100 -> 84.64 = 100 * 0.92^2: -8 % a year; ratio 0.8 (between 0.60 and 0.95).
    moderate = assess([(2015, 100.0), (2017, 84.64)], higher_is_better=False, target=target)
    assert moderate.ratio == pytest.approx(0.8)
    assert moderate.status == pg.MODERATE
    # 100 -> 90.25 = 100 * 0.95^2: -5 % a year; ratio 0.5: limited progress.
    limited = assess([(2015, 100.0), (2017, 90.25)], higher_is_better=False, target=target)
    assert limited.ratio == pytest.approx(0.5)
    assert limited.status == pg.LIMITED


def test_with_2030_target_worked_example():
    # 12.3 (2015) -> 8.1 (2023), target 5 by 2030, lower is better.
    # ln(8.1/12.3) = -0.417735; /8 = -0.052217; exp - 1 = -0.050877 a year.
    # ln(5/12.3) = -0.900161; /15 = -0.060011; exp - 1 = -0.058246 a year needed.
    # ratio = 0.050877 / 0.058246 = 0.8735: needs acceleration.
    p = assess([(2015, 12.3), (2023, 8.1)], higher_is_better=False, target=Target(5.0))
    assert p.cagr == pytest.approx(-0.050877, abs=1e-6)
    assert p.required == pytest.approx(-0.058246, abs=1e-6)
    assert p.ratio == pytest.approx(0.8735, abs=1e-4)
    assert p.status == pg.MODERATE
    assert (p.target, p.target_year) == (5.0, 2030)


def test_relative_target_halving_deteriorates():
    # Poverty 2.6 % in 2015, 5.2 % in 2023, target: halve by 2030 (1.3).
    # Observed 2^(1/8) - 1 = +0.090508; required 0.5^(1/15) - 1 = -0.045158; ratio -2.004.
    p = assess(
        [(2015, 2.6), (2023, 5.2)],
        higher_is_better=False,
        target=Target(0.5, kind=targets.RELATIVE),
    )
    assert p.target == pytest.approx(1.3)
    assert p.cagr == pytest.approx(0.090508, abs=1e-6)
    assert p.required == pytest.approx(-0.045158, abs=1e-6)
    assert p.ratio == pytest.approx(-2.0043, abs=1e-4)
    assert p.status == pg.DETERIORATION


def test_target_achieved_wins():
    # Universal access (100 %) already reached: achieved even with no growth.
    p = assess([(2015, 100.0), (2023, 100.0)], higher_is_better=True, target=Target(100.0))
    assert p.status == pg.TARGET_ACHIEVED
    assert p.cagr == 0.0
    # Lower is better: 11.4 at or below the target of 70 is achieved.
    q = assess([(2015, 12.5), (2023, 11.4)], higher_is_better=False, target=Target(70.0))
    assert q.status == pg.TARGET_ACHIEVED


def test_zero_base_uses_open_sdg_replacement():
    # Base 0 is replaced by 0.001: 0.001 -> 0.01 in 2 years = sqrt(10) - 1 = 2.1623 a year.
    p = assess([(2015, 0.0), (2017, 0.01)], higher_is_better=True)
    assert p.zero_base
    assert p.base_value == 0.0  # the source value is kept for display
    assert p.cagr == pytest.approx(math.sqrt(10) - 1)
    assert p.status == pg.SUBSTANTIAL
    assert assess([(2015, 0.0), (2017, 0.01)], higher_is_better=False).status == pg.DETERIORATION
    # 0 -> 0 is no change, not a fall of 100 % a year.
    flat = assess([(2015, 0.0), (2019, 0.0)], higher_is_better=True)
    assert flat.cagr == 0.0 and flat.status == pg.LIMITED
    # Extreme poverty 0 and a target of 0: achieved.
    zero = assess([(2015, 0.0), (2019, 0.0)], higher_is_better=False, target=Target(0.0))
    assert zero.status == pg.TARGET_ACHIEVED


def test_zero_target_uses_open_sdg_replacement():
    # Target 0 in 2018 becomes 0.001: required (0.001/1)^(1/3) - 1 = -0.9; observed
    # 1 -> 0.81 in 2 years = -0.1; ratio 0.1 / 0.9 = 0.111: limited progress.
    p = assess([(2015, 1.0), (2017, 0.81)], higher_is_better=False, target=Target(0.0, year=2018))
    assert p.zero_target
    assert p.required == pytest.approx(-0.9)
    assert p.ratio == pytest.approx(1 / 9)
    assert p.status == pg.LIMITED


def test_negative_values_read_in_direction():
    # -10 -> -5 in one year, higher is better: CAGR -0.5, sign of the base flips it: +0.5.
    p = assess([(2015, -10.0), (2016, -5.0)], higher_is_better=True)
    assert p.cagr == pytest.approx(-0.5)
    assert p.progress_value == pytest.approx(0.5)
    assert p.status == pg.SUBSTANTIAL


def test_neutral_with_target_reads_towards_target():
    # Base 50, target 100 by 2030: higher is better. 50 -> 55 in a year: +10 %;
    # required 2^(1/15) - 1 = 0.047294; ratio 2.114.
    p = assess([(2015, 50.0), (2016, 55.0)], higher_is_better=None, target=Target(100.0))
    assert p.higher_is_better is True
    assert p.required == pytest.approx(0.047294, abs=1e-6)
    assert p.ratio == pytest.approx(2.1144, abs=1e-4)
    assert p.status == pg.SUBSTANTIAL


def test_target_year_not_after_base_is_ignored():
    p = assess([(2017, 10.0), (2019, 12.1)], higher_is_better=True, target=Target(20.0, year=2016))
    assert p.target is None and p.status == pg.SUBSTANTIAL


def test_duplicate_years_rejected():
    with pytest.raises(ValueError, match="2016"):
        assess([(2015, 1.0), (2016, 2.0), (2016, 3.0)], higher_is_better=True)
