"""Actual vs plan: where a region stands against its plan line, and the rule for the status (pure).

The rule
--------
1. Plan line. The baseline (year b, value B) and the planned values (years y1 < y2 < ...) are
   joined by straight lines; between two of them the line is read by linear interpolation, after
   the last planned year it stays at the last planned value (the plan's end state is meant to
   hold), before the baseline year there is no plan.
2. Year assessed: the latest year with an actual value after the baseline year. No such year:
   status ``no_actual`` (a value in the baseline year itself is where the line starts, not
   progress along it: a national stand-in starts at that very value).
3. Gap = actual - plan line in that year, in the indicator's unit (the figure the pages show).
4. Direction: the curated direction of the indicator (data/curated/indicator_direction.csv via
   ``sdgdash.data.directions``). Where it is neutral or not curated, the plan's own direction stands
   in (a plan that raises the value reads "higher is better"), as ``sdgdash.features.goal.progress`` does for
   a target. ``gap_good`` is the gap read in that direction (positive = better than planned).
5. Tolerance = the larger of
   - 10 % of the plan's whole change |last planned value - baseline value|, and
   - half a step of the precision the numbers are written with (0.05 for values given to one
     decimal), because a smaller difference cannot be told from rounding.
   Ten per cent of the whole planned change is scale-free (the same rule for percentages, tenge
   and tonnes), does not shrink to nothing in the first years of a plan (a share of the change
   planned *so far* would), and is about one published decimal for a typical regional plan
   (poverty 4.0 % -> 3.0 %: tolerance 0.1 percentage points).
6. Status: |gap| <= tolerance ``on_plan``; otherwise ``ahead_of_plan`` when ``gap_good`` > 0 and
   ``behind_plan`` when it is < 0. Without any direction (neutral indicator and a plan that
   keeps the value unchanged) a gap beyond the tolerance is ``not_assessed``.
7. ``gap_share`` = gap_good / |planned change| (-0.3: behind by 30 % of the whole planned
   change); it ranks targets of different units ("furthest behind") and is None for a plan
   that keeps the value unchanged.

Worked examples (tests/core/test_plan_status.py checks each by hand):

- Poverty share, lower is better; baseline 2021 = 4.0, plan 2025 = 3.0; actual 2023 = 3.7.
  Line 2023 = 4.0 + (3.0 - 4.0) * 2/4 = 3.5; gap = +0.2; tolerance = 0.1 * 1.0 = 0.1;
  gap_good = -0.2 -> ``behind_plan``, gap_share = -0.2. With actual 3.55: gap 0.05 ``on_plan``.
- Waste collected, higher is better; baseline 2022 = 80, plan 2025 = 90, 2030 = 100; actual
  2024 = 88. Line 2024 = 80 + 10 * 2/3 = 86.67; gap = +1.33; tolerance = 0.1 * 20 = 2
  -> ``on_plan``. With actual 89: gap 2.33 -> ``ahead_of_plan``.
- Keep a level: baseline 2022 = 100, plan 2025 = 100, higher is better; actual 2023 = 99.9.
  Change 0, tolerance = half of 0.1 = 0.05; gap -0.1 -> ``behind_plan``.

Where a region has no plan value, its 2030 end value stands in (the distance-to-2030 method,
``sdgdash.features.distance``: the SDG target, else the index's bound, the curated end value or
the best three regions): ``plans.view.end_value_stand_in`` draws the line from the region's
first value of its present extent from 2015 on to the end value in its year, and the same rule
applies; the result says ``basis="national_2030"`` (an SDG target) or ``"end_2030"`` so the
pages mark it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

ON_PLAN = "on_plan"
BEHIND = "behind_plan"
AHEAD = "ahead_of_plan"
NO_ACTUAL = "no_actual"
NOT_ASSESSED = "not_assessed"
# Order of the status table: behind first (what needs attention), then on plan, then ahead.
STATUSES: tuple[str, ...] = (BEHIND, ON_PLAN, AHEAD, NOT_ASSESSED, NO_ACTUAL)

REGIONAL_PLAN = "regional_plan"
NATIONAL_2030 = "national_2030"  # no plan: the line to the SDG target (national 2030 target)
END_2030 = "end_2030"  # no plan, no SDG target: the line to the distance-to-2030 end value
BASES: tuple[str, ...] = (REGIONAL_PLAN, NATIONAL_2030, END_2030)

TOLERANCE_SHARE = 0.10
MAX_DECIMALS = 6


@dataclass(frozen=True)
class PlanLine:
    """A baseline and planned points: what a plan promised, year by year."""

    baseline_year: int
    baseline_value: float
    points: tuple[tuple[int, float], ...]  # (year, planned value), years after the baseline
    basis: str = REGIONAL_PLAN

    def __post_init__(self) -> None:
        years = [y for y, _ in self.points]
        if not years or years != sorted(set(years)) or years[0] <= self.baseline_year:
            raise ValueError("planned years must be distinct, sorted and after the baseline")

    @property
    def final_year(self) -> int:
        """The last planned year."""
        return self.points[-1][0]

    @property
    def final_value(self) -> float:
        """The value planned for the last planned year."""
        return self.points[-1][1]

    @property
    def change(self) -> float:
        """The plan's whole change: last planned value minus baseline value."""
        return self.final_value - self.baseline_value

    def value_at(self, year: int) -> float | None:
        """The plan line in ``year`` (None before the baseline year)."""
        if year < self.baseline_year:
            return None
        y0, v0 = self.baseline_year, self.baseline_value
        for y1, v1 in self.points:
            if year <= y1:
                return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
            y0, v0 = y1, v1
        return self.final_value

    def line(self) -> list[tuple[int, float]]:
        """The line's corner points (baseline first), for drawing."""
        return [(self.baseline_year, self.baseline_value), *self.points]


@dataclass(frozen=True)
class PlanStatus:
    """The status of one series against one plan line, and every number it came from."""

    status: str
    basis: str
    year: int | None = None  # year assessed (latest actual year after the baseline year)
    actual: float | None = None
    expected: float | None = None  # the plan line in that year
    gap: float | None = None  # actual - expected, in the indicator's unit
    gap_good: float | None = None  # the gap in the good direction (> 0: better than planned)
    gap_share: float | None = None  # gap_good / |planned change|
    tolerance: float | None = None
    higher_is_better: bool | None = None
    final_year: int | None = None
    final_value: float | None = None


def decimals(value: float) -> int:
    """How many decimals ``value`` is written with (at most 6; 3.50 -> 1, 1e-3 -> 3)."""
    for k in range(MAX_DECIMALS + 1):
        if abs(round(value, k) - value) <= 1e-9 * max(1.0, abs(value)):
            return k
    return MAX_DECIMALS


def shown(value: float | None, *published: float | None) -> float | None:
    """A derived figure (plan line, gap, a target computed from a base) as pages and the brief
    show it: one decimal finer than the finest published value it comes from or is compared
    with (the actual value, the baseline)."""
    given = [p for p in published if p is not None and not math.isnan(p)]
    if value is None or math.isnan(value) or not given:
        return value
    digits = max(decimals(p) for p in given) + 1
    return round(value, min(digits, MAX_DECIMALS)) + 0.0  # no -0.0


def resolution(values: Iterable[float]) -> float:
    """The step of the finest precision among ``values`` (3.5 and 4 -> 0.1; 120 -> 1)."""
    return 10.0 ** -max((decimals(v) for v in values), default=0)


def tolerance(line: PlanLine, actual: float) -> float:
    """The rule's tolerance: max(10 % of the planned change, half the numbers' precision)."""
    values = [line.baseline_value, *(v for _, v in line.points), actual]
    return max(TOLERANCE_SHARE * abs(line.change), resolution(values) / 2)


def _clean(points: Iterable[tuple[int, float]]) -> dict[int, float]:
    out: dict[int, float] = {}
    for year, value in points:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        out[int(year)] = float(value)
    return out


def assess_plan(
    line: PlanLine, actual: Iterable[tuple[int, float]], higher_is_better: bool | None
) -> PlanStatus:
    """The status of an actual series of (year, value) against ``line``; see the module doc."""
    series = _clean(actual)
    since = [y for y in series if y > line.baseline_year]
    direction = higher_is_better
    if direction is None and line.change != 0:
        direction = line.change > 0
    common = {
        "basis": line.basis,
        "higher_is_better": direction,
        "final_year": line.final_year,
        "final_value": line.final_value,
    }
    if not since:
        return PlanStatus(NO_ACTUAL, **common)
    year = max(since)
    value = series[year]
    expected = line.value_at(year)
    assert expected is not None  # year is not before the baseline year
    gap = value - expected
    tol = tolerance(line, value)
    gap_good = None if direction is None else (gap if direction else -gap)
    share = None
    if gap_good is not None and line.change != 0:
        share = gap_good / abs(line.change)
    # A relative epsilon keeps a gap equal to the tolerance "on plan" despite float rounding.
    if abs(gap) <= tol * (1 + 1e-9) + 1e-12:
        status = ON_PLAN
    elif gap_good is None:
        status = NOT_ASSESSED
    else:
        status = AHEAD if gap_good > 0 else BEHIND
    return PlanStatus(
        status,
        year=year,
        actual=value,
        expected=expected,
        gap=gap,
        gap_good=gap_good,
        gap_share=share,
        tolerance=tol,
        **common,
    )
