"""Progress status of one time series by the Open SDG progress method (pure).

Follows open-sdg/sdg-build ``sdg/ProgressMeasure.py`` (``SeriesProgress``, ``growth_calculation``,
``get_progress_status``) and Open SDG's "Progress Measurement Methodology"
(open-sdg/open-sdg ``docs/progress-methodology.md``), itself based on Statistics Canada's method
and the UN Statistics Division's progress chart technical note:

1. Base year: 2015, or the first year after 2015 with a value; years before 2015 never serve
   as base. No value from 2015 on, or no later value than the base: ``insufficient``.
2. Observed growth: the compound annual growth rate
   ``CAGR = (latest / base) ** (1 / (t_latest - t_base)) - 1``.
3. Without a target (Open SDG "methodology 1"): the progress value is the CAGR read in the
   indicator's direction (sign flipped when lower is better, and flipped again when the base
   value is negative). At least 1.5 % a year ``substantial_progress``, at least 0.5 %
   ``moderate_progress``, at least 0 ``limited_progress``, below 0 ``deterioration``.
4. With a target value for a target year (2030 unless the target says otherwise; "methodology
   2"): the required growth is ``(target / base) ** (1 / (t_target - t_base)) - 1`` and the
   progress value is ``direction * CAGR / |required|``. At least 0.95 ``substantial_progress``
   (on track), at least 0.60 ``moderate_progress`` (needs acceleration), at least 0
   ``limited_progress``, below 0 ``deterioration``. When the latest value already meets the
   target (at or above it when higher is better, at or below it when lower is better) the status
   is ``target_achieved`` whatever the growth.
5. Zero values, as in sdg-build: a base value of 0 and a target of 0 are replaced by 0.001
   (a ratio to 0 is undefined); the result carries ``zero_base`` / ``zero_target`` so the
   explanation says so. A base and latest value of opposite signs give no growth rate: the
   status is ``insufficient`` with reason ``sign_change`` (sdg-build returns no status).
6. A target whose year is not after the base year is ignored (no required growth exists).
7. Direction: from the curated table (``sdgdash.direction``). An indicator with no direction
   (neutral) and no target is ``not_assessed``; with a target, a neutral indicator is read
   towards the target (higher is better when the target is above the base value).

One deliberate addition to sdg-build: when the latest value equals the base value, the growth
is exactly 0 (no change), also when both are 0 (sdg-build's 0.001 replacement would turn an
unchanged 0 into a fall of 100 % a year).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from sdgdash.data.targets import (
    Target,  # noqa: F401
)

BASE_YEAR = 2015
ZERO_REPLACEMENT = 0.001  # sdg-build's stand-in for a zero base value or target

TARGET_ACHIEVED = "target_achieved"
SUBSTANTIAL = "substantial_progress"
MODERATE = "moderate_progress"
LIMITED = "limited_progress"
DETERIORATION = "deterioration"
INSUFFICIENT = "insufficient"
NOT_ASSESSED = "not_assessed"
# Best first; the order of the summary chart and of the status table's sort.
STATUSES: tuple[str, ...] = (
    TARGET_ACHIEVED,
    SUBSTANTIAL,
    MODERATE,
    LIMITED,
    DETERIORATION,
    INSUFFICIENT,
    NOT_ASSESSED,
)

# Why a series is insufficient or not assessed (the UI translates these).
NO_DATA = "no_data"
NO_DATA_SINCE_BASE = "no_data_since_base"
ONE_POINT = "one_point"
SIGN_CHANGE = "sign_change"
NO_DIRECTION = "no_direction"

# Thresholds on the progress value (sdg-build ``get_progress_thresholds`` defaults).
THRESHOLDS_NO_TARGET: tuple[float, float, float] = (0.015, 0.005, 0.0)
THRESHOLDS_TARGET: tuple[float, float, float] = (0.95, 0.60, 0.0)


@dataclass(frozen=True)
class Progress:
    """The status of one series and every number it was computed from."""

    status: str
    reason: str = ""  # set for insufficient / not_assessed
    base_year: int | None = None
    base_value: float | None = None
    latest_year: int | None = None
    latest_value: float | None = None
    cagr: float | None = None  # observed compound annual growth of the value
    required: float | None = None  # growth a year needed to reach the target (with a target)
    ratio: float | None = None  # progress value against the target (with a target)
    target: float | None = None  # in the series' unit (resolved when relative to base)
    target_year: int | None = None
    higher_is_better: bool | None = None
    zero_base: bool = False
    zero_target: bool = False

    @property
    def has_target(self) -> bool:
        """True when the status was judged against a target."""
        return self.target is not None

    @property
    def progress_value(self) -> float | None:
        """The number compared with the thresholds: the ratio with a target, else the CAGR in
        the indicator's direction."""
        if self.has_target:
            return self.ratio
        if self.cagr is None or self.higher_is_better is None:
            return None
        sign = -1.0 if (self.base_value or 0) < 0 else 1.0
        return sign * (1.0 if self.higher_is_better else -1.0) * self.cagr


def growth(latest: float, base: float, t_latest: int, t_base: int) -> float:
    """Compound annual growth rate from ``base`` in ``t_base`` to ``latest`` in ``t_latest``."""
    if latest == base:
        return 0.0
    return (latest / base) ** (1.0 / (t_latest - t_base)) - 1.0


def classify(value: float, thresholds: tuple[float, float, float]) -> str:
    """Status of a progress value against (high, medium, low) thresholds."""
    high, med, low = thresholds
    if value >= high:
        return SUBSTANTIAL
    if value >= med:
        return MODERATE
    if value >= low:
        return LIMITED
    return DETERIORATION


def _clean(points: Iterable[tuple[int, float]]) -> dict[int, float]:
    out: dict[int, float] = {}
    for year, value in points:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        year = int(year)
        if year in out:
            raise ValueError(f"two values for year {year}")
        out[year] = float(value)
    return out


def assess(
    points: Iterable[tuple[int, float]],
    higher_is_better: bool | None,
    target: Target | None = None,
    base_year: int = BASE_YEAR,
) -> Progress:
    """The progress status of a series of (year, value) points; see the module docstring."""
    series = _clean(points)
    if not series:
        return Progress(INSUFFICIENT, NO_DATA, higher_is_better=higher_is_better)
    latest_year = max(series)
    latest = series[latest_year]
    since = [y for y in series if y >= base_year]
    if not since:
        return Progress(
            INSUFFICIENT,
            NO_DATA_SINCE_BASE,
            latest_year=latest_year,
            latest_value=latest,
            higher_is_better=higher_is_better,
        )
    t0 = min(since)
    base = series[t0]
    known = {
        "base_year": t0,
        "base_value": base,
        "latest_year": latest_year,
        "latest_value": latest,
    }
    if target is not None and target.year <= t0:
        target = None  # a deadline at or before the base year gives no required growth
    goal = target.resolve(base) if target is not None else None
    goal_year = target.year if target is not None else None
    direction = higher_is_better
    if direction is None and goal is not None and goal != base:
        direction = goal > base
    if goal is not None:
        known |= {"target": goal, "target_year": goal_year}
    if latest_year == t0:
        return Progress(INSUFFICIENT, ONE_POINT, higher_is_better=direction, **known)
    if direction is None:
        return Progress(NOT_ASSESSED, NO_DIRECTION, higher_is_better=None, **known)
    if (base > 0 > latest) or (base < 0 < latest):
        return Progress(INSUFFICIENT, SIGN_CHANGE, higher_is_better=direction, **known)

    zero_base = base == 0
    b = ZERO_REPLACEMENT if zero_base else base
    cagr = 0.0 if latest == base else growth(latest, b, latest_year, t0)
    sign = -1.0 if base < 0 else 1.0
    dir_sign = 1.0 if direction else -1.0
    common = {"cagr": cagr, "higher_is_better": direction, "zero_base": zero_base, **known}

    if goal is None:
        status = classify(sign * dir_sign * cagr, THRESHOLDS_NO_TARGET)
        return Progress(status, **common)

    achieved = latest >= goal if direction else latest <= goal
    zero_target = goal == 0
    g = ZERO_REPLACEMENT if zero_target else goal
    required = 0.0 if g == b else growth(g, b, goal_year, t0)
    ratio = sign * dir_sign * cagr / abs(required) if required != 0 else None
    if achieved:
        status = TARGET_ACHIEVED
    elif ratio is None:
        # The target equals the base value and is not met: the value has moved away from it.
        status = DETERIORATION
    else:
        status = classify(ratio, THRESHOLDS_TARGET)
    return Progress(status, required=required, ratio=ratio, zero_target=zero_target, **common)
