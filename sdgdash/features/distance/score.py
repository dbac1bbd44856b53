"""Distance to 2030 on a 0-100 scale and goal means (pure).

``score = (x - lower) / (end - lower) * 100``, censored to 0..100, where ``end`` is the 2030 end
value (:mod:`.endvalues`) and ``lower`` the score-0 bound; ``distance = 100 - score`` (OECD,
"A Territorial Approach to the Sustainable Development Goals", 2020: the distance is "the number
of units the index needs to travel to reach the maximum score of 100"). The lower bound is the
SDSN Sustainable Development Report's, as in the regional index (:mod:`sdgdash.features.index.scoring`): the
2.5th percentile of every region-level value of the series from 2015 on, pooled over years (the
97.5th when lower is better), so one scale serves every year and a change of score is a change of
the value. A value at or beyond the end value scores 100 even where the pooled values leave no
room below the end value (every region at 100 %, say); otherwise a lower bound that is not on the
worse side of the end value gives no score.

Goal score: the mean score of the goal's indicators that have one (OECD and SDSN, equal weights).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pandas as pd

from sdgdash.features.index.scoring import lower_bound

BASE_YEAR = 2015
GOAL_COLUMNS: list[str] = ["score", "distance", "n_indicators"]

# Why no score (the UI translates ``dist_reason_<key>``).
NO_SPREAD = "no_spread"


def lower_of(values: Iterable[float], higher_is_better: bool) -> float:
    """The score-0 bound of a series from its pooled region values (2.5th / 97.5th percentile)."""
    return lower_bound(values, "higher" if higher_is_better else "lower")


def score(
    value: float | None, lower: float | None, end: float | None, higher_is_better: bool
) -> float | None:
    """The 0-100 score of ``value`` between ``lower`` (0) and ``end`` (100), or None."""
    if value is None or end is None or math.isnan(value):
        return None
    if (value >= end) if higher_is_better else (value <= end):
        return 100.0
    if lower is None or math.isnan(lower):
        return None
    worse = lower < end if higher_is_better else lower > end
    if not worse:
        return None
    scaled = (value - lower) / (end - lower) * 100.0
    return min(100.0, max(0.0, scaled))


def goal_means(scores: pd.DataFrame, keys: Sequence[str] = ("ref_area", "goal")) -> pd.DataFrame:
    """Per ``keys``: the mean score of the indicators with a score, distance and their count."""
    keys = list(keys)
    scored = scores[scores["score"].notna()]
    grouped = scored.groupby(keys, sort=True)["score"]
    out = pd.DataFrame(
        {"score": grouped.mean(), "n_indicators": grouped.size().astype("int64")}
    ).reset_index()
    out["distance"] = 100.0 - out["score"]
    return out[[*keys, *GOAL_COLUMNS]]
