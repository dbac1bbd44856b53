"""Observed pace, pace needed, projected 2030 value and arrival year of one series (pure).

Observed pace (``method="wls"``, the default) is the slope of a time-weighted linear trend, the
estimator the UN regional commissions use for their progress assessment: UNECE, "Technical notes
on the progress assessment" of its SDG reports (https://w3.unece.org/sdg2026/technical-notes.html,
2026 edition; also the 2022 and 2023 editions) says the anticipated 2030 values "are estimated
using ... the time-weighted linear regression", which "gives more importance to more recent
data"; the method is ESCAP's Anticipated Progress Index (ESCAP, "Asia and the Pacific SDG
progress report 2025", Annex 1, technical notes, pp. 55-59; https://data.unescap.org/resources/
progress-assessment-methodology). Neither note prints the weights, so this module fixes them and
says so: the observation of year ``t`` gets weight ``t - t0 + 1`` (1 for the first year used,
rising by one a year), and the slope is the weighted least-squares slope::

    W = sum(w);  t_bar = sum(w t) / W;  y_bar = sum(w y) / W
    slope = sum(w (t - t_bar)(y - y_bar)) / sum(w (t - t_bar)^2)

``method="cagr"`` uses the compound annual growth rate between the first and the latest value
instead, as Open SDG's progress measure and ESCAP's earlier anticipated-progress formula do
(``sdgdash.features.goal.progress.growth``).

Years used: 2015 on, or from the series' first year when it starts later (the 2030 Agenda's
baseline year, as in ESCAP, UNECE and Open SDG); at least two years. The caller passes only
values of the region's present extent (see :mod:`.table` for regions split in 2022).

From the observed pace, anchored at the latest observed value (ESCAP's anticipated value
``x_2030 = x_latest * (1 + CAGR) ** (2030 - t_latest)`` is anchored the same way):

- projected 2030 value: ``latest + slope * (2030 - t_latest)`` (``cagr``: the formula above);
- pace needed: ``(end - latest) / (end_year - t_latest)`` units a year, from the latest value to
  the end value by its year (2030, or the target's own year); none once that year has passed;
- arrival year: the first whole year in which the projected line reaches the end value,
  ``t_latest + ceil((end - latest) / slope)``; ``reached`` when the latest value is already at or
  beyond the end value in the indicator's direction; ``moving_away`` when the pace points away
  from it; ``flat`` when the pace is exactly 0; ``beyond_horizon`` after 2100.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from sdgdash.features.goal.progress import growth

BASE_YEAR = 2015
END_YEAR = 2030
HORIZON = 2100  # arrival later than this is shown as "after 2100", not as a year
MIN_POINTS = 2

WLS = "wls"
CAGR = "cagr"
METHODS: tuple[str, ...] = (WLS, CAGR)

# Arrival statuses (the UI translates ``dist_arrival_<status>``).
REACHED = "reached"
ARRIVES = "arrives"
MOVING_AWAY = "moving_away"
FLAT = "flat"
BEYOND_HORIZON = "beyond_horizon"
ARRIVAL_STATUSES: tuple[str, ...] = (REACHED, ARRIVES, BEYOND_HORIZON, FLAT, MOVING_AWAY)

# Why a figure is missing (the UI translates ``dist_reason_<key>``).
NO_DATA = "no_data"
NO_DATA_SINCE_BASE = "no_data_since_base"
TOO_FEW_POINTS = "too_few_points"
NO_END_VALUE = "no_end_value"
DEADLINE_PASSED = "deadline_passed"
SIGN_CHANGE = "sign_change"
ZERO_BASE = "zero_base"
ZERO_END = "zero_end"  # a growth rate cannot reach an end value of 0 or of the other sign


@dataclass(frozen=True)
class Pace:
    """Pace of one series against its end value, and every number it came from."""

    method: str
    pace_from: int | None = None  # first year used
    pace_to: int | None = None  # latest year
    n_points: int = 0
    latest_value: float | None = None
    pace_observed: float | None = None  # units a year (wls) or growth a year (cagr)
    projected_2030: float | None = None
    projection_clipped: bool = False  # held inside the series' bounds (0..100 % for a share)
    end_value: float | None = None
    end_year: int | None = None
    pace_needed: float | None = None  # units a year (wls) or growth a year (cagr)
    pace_ratio: float | None = None  # observed / needed
    arrival_year: int | None = None
    arrival_status: str | None = None
    pace_reason: str = ""  # set when no observed pace
    needed_reason: str = ""  # set when no pace needed (no end value, or its year has passed)
    arrival_reason: str = ""  # set when no arrival status


def clean_points(points: Iterable[tuple[int, float]]) -> list[tuple[int, float]]:
    """(year, value) pairs sorted by year, NaN dropped; two values for one year is an error."""
    out: dict[int, float] = {}
    for year, value in points:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        year = int(year)
        if year in out:
            raise ValueError(f"two values for year {year}")
        out[year] = float(value)
    return sorted(out.items())


def trend_weights(years: list[int]) -> list[float]:
    """Weight of each year: ``t - t0 + 1`` (1 for the first year, one more each year after)."""
    t0 = min(years)
    return [float(t - t0 + 1) for t in years]


def time_weighted_slope(points: list[tuple[int, float]]) -> float:
    """Weighted least-squares slope of value on year with :func:`trend_weights` (units a year)."""
    if len(points) < MIN_POINTS:
        raise ValueError("a trend needs at least two years")
    years = [t for t, _ in points]
    w = trend_weights(years)
    total = sum(w)
    t0 = years[0]
    # Centre the years on the first one: the same slope, without big-number cancellation.
    x = [t - t0 for t in years]
    y = [v for _, v in points]
    x_bar = sum(wi * xi for wi, xi in zip(w, x, strict=True)) / total
    y_bar = sum(wi * yi for wi, yi in zip(w, y, strict=True)) / total
    num = sum(wi * (xi - x_bar) * (yi - y_bar) for wi, xi, yi in zip(w, x, y, strict=True))
    den = sum(wi * (xi - x_bar) ** 2 for wi, xi in zip(w, x, strict=True))
    slope = num / den
    # An unchanged series must read as exactly flat, not as float residue such as -2e-33.
    scale = max(abs(v) for v in y) or 1.0
    return 0.0 if abs(slope) < 1e-12 * scale else slope


def reached(value: float, end_value: float, higher_is_better: bool) -> bool:
    """True when ``value`` is at or beyond ``end_value`` in the indicator's direction."""
    return value >= end_value if higher_is_better else value <= end_value


def _arrival(
    latest: float, t_latest: int, end: float, higher_is_better: bool, step_years: float | None
) -> tuple[int | None, str]:
    """Arrival year and status given the years needed at the current pace (None: never)."""
    if reached(latest, end, higher_is_better):
        return None, REACHED
    if step_years is None:
        return None, MOVING_AWAY
    if step_years == math.inf:
        return None, FLAT
    # The first whole year in which the line is at or beyond the end value; a tiny tolerance
    # keeps 6.0000000001 years (float noise) from becoming 7.
    year = t_latest + math.ceil(step_years - 1e-9)
    if year > HORIZON:
        return None, BEYOND_HORIZON
    return year, ARRIVES


def assess_pace(
    points: Iterable[tuple[int, float]],
    end_value: float | None,
    higher_is_better: bool | None,
    end_year: int = END_YEAR,
    method: str = WLS,
    base_year: int = BASE_YEAR,
    bounds: tuple[float, float] | None = None,
) -> Pace:
    """Observed pace, projection, pace needed and arrival of one series (module docstring).

    ``bounds``: the range the value cannot leave (0..100 for a percentage); the projected 2030
    value is held inside it (``projection_clipped``), since a straight line would otherwise
    carry a share past 100 % or below 0.
    """
    if method not in METHODS:
        raise ValueError(f"method {method!r} is not one of {METHODS}")
    every = clean_points(points)
    series = [(t, v) for t, v in every if t >= base_year]
    if not series:
        why = NO_DATA_SINCE_BASE if every else NO_DATA
        return Pace(method, pace_reason=why, needed_reason=why, arrival_reason=why)
    t_first, first = series[0]
    t_latest, latest = series[-1]
    known = {
        "pace_from": t_first,
        "pace_to": t_latest,
        "n_points": len(series),
        "latest_value": latest,
    }
    if len(series) < MIN_POINTS:
        return Pace(
            method,
            pace_reason=TOO_FEW_POINTS,
            needed_reason=TOO_FEW_POINTS,
            arrival_reason=TOO_FEW_POINTS,
            **known,
        )

    if method == WLS:
        observed = time_weighted_slope(series)
        projected = latest + observed * (END_YEAR - t_latest)
    else:
        if first == 0 or (first > 0 > latest) or (first < 0 < latest):
            reason = ZERO_BASE if first == 0 else SIGN_CHANGE
            return Pace(
                method, pace_reason=reason, needed_reason=reason, arrival_reason=reason, **known
            )
        observed = growth(latest, first, t_latest, t_first)
        projected = latest * (1.0 + observed) ** (END_YEAR - t_latest)
    clipped = False
    if bounds is not None and not bounds[0] <= projected <= bounds[1]:
        projected = min(bounds[1], max(bounds[0], projected))
        clipped = True
    known |= {
        "pace_observed": observed,
        "projected_2030": projected,
        "projection_clipped": clipped,
    }

    if end_value is None or higher_is_better is None:
        return Pace(method, needed_reason=NO_END_VALUE, arrival_reason=NO_END_VALUE, **known)
    known |= {"end_value": end_value, "end_year": end_year}

    needed: float | None = None
    if end_year > t_latest:
        if method == WLS:
            needed = (end_value - latest) / (end_year - t_latest)
        elif end_value != 0 and latest != 0 and (end_value > 0) == (latest > 0):
            needed = growth(end_value, latest, end_year, t_latest)
    ratio = observed / needed if needed not in (None, 0.0) else None

    # Years needed at the observed pace: None = moving away, inf = not moving.
    step: float | None
    if observed == 0:
        step = math.inf
    elif (observed > 0) != (end_value > latest):
        step = None
    elif method == WLS:
        step = (end_value - latest) / observed
    elif end_value != 0 and (end_value > 0) == (latest > 0):
        step = math.log(end_value / latest) / math.log(1.0 + observed)
    else:
        step = None  # a growth rate never reaches 0 or crosses it
    arrival_year, status = _arrival(latest, t_latest, end_value, higher_is_better, step)
    return Pace(
        method,
        pace_needed=needed,
        pace_ratio=ratio,
        arrival_year=arrival_year,
        arrival_status=status,
        needed_reason=(
            "" if needed is not None else DEADLINE_PASSED if end_year <= t_latest else ZERO_END
        ),
        **known,
    )
