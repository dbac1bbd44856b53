"""Honest ranks: rank ranges instead of false precision where values lie within noise (pure).

The SDSN Sustainable Development Report warns that small differences in rank mean little. Here
a difference between two regions counts only when it is larger than the indicator's noise, the
typical change of a region's value from one year to the next: the median of
``|x(region, t) - x(region, t-1)|`` over every region and pair of consecutive years from 2015 on
(values of the region's present extent only). Year-to-year movement mixes real change with
measurement and sampling error, so this is a conservative yardstick: two regions closer than
one typical year's movement are not told apart.

For region ``i`` among ``n`` regions with a value, with values read in the indicator's direction:

- ``clearly_better`` = regions better than ``i`` by more than the noise,
- ``clearly_worse`` = regions worse than ``i`` by more than the noise,
- rank range ``rank_best = clearly_better + 1`` to ``rank_worst = n - clearly_worse``.

A single rank (``rank_best == rank_worst``) means no other region is within noise. ``rank`` is
the plain rank (1 = best, ties share the lower number), kept for sorting. With fewer than
``MIN_PAIRS`` year pairs the noise is unknown: it is set to 0 (plain ranks, exact ties only) and
``noise_known`` is False so the page can say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

BASE_YEAR = 2015
MIN_PAIRS = 10
RANK_COLUMNS: list[str] = [
    "ref_area",
    "value",
    "rank",
    "rank_best",
    "rank_worst",
    "n_ranked",
    "tied",
]


@dataclass(frozen=True)
class Noise:
    """The noise of one series and what it rests on."""

    value: float
    n_pairs: int
    known: bool


def noise_level(
    rows: pd.DataFrame, base_year: int = BASE_YEAR, min_pairs: int = MIN_PAIRS
) -> Noise:
    """Median absolute change between consecutive years of the same region (module docstring).

    ``rows``: columns ref_area, year, value (one series, values comparable over years).
    """
    mine = rows[(rows["year"] >= base_year) & (rows["ref_area"] != "")]
    mine = mine.sort_values(["ref_area", "year"], kind="stable")
    prev_year = mine.groupby("ref_area")["year"].shift()
    prev_value = mine.groupby("ref_area")["value"].shift()
    consecutive = (mine["year"] - prev_year) == 1
    changes = (mine["value"] - prev_value)[consecutive].abs()
    if len(changes) < min_pairs:
        return Noise(0.0, int(len(changes)), False)
    return Noise(float(changes.median()), int(len(changes)), True)


@dataclass(frozen=True)
class RankRange:
    """One region's place among ``n`` regions: plain rank and the range within noise."""

    rank: int
    best: int
    worst: int
    n: int


def rank_range(
    values: Mapping[str, float], ref_area: str, higher_is_better: bool | None, noise: float
) -> RankRange | None:
    """``ref_area``'s rank and rank range among ``values`` (ref_area -> value, no NaN) as in
    the module docstring; None when ``ref_area`` has no value. A neutral indicator is ranked
    highest first, as the profile page does."""
    if noise < 0:
        raise ValueError("noise must not be negative")
    if ref_area not in values:
        return None
    sign = -1.0 if higher_is_better is False else 1.0
    mine = values[ref_area] * sign
    diffs = [v * sign - mine for v in values.values()]
    better = sum(d > noise for d in diffs)
    worse = sum(d < -noise for d in diffs)
    plain = sum(d > 0 for d in diffs) + 1
    n = len(diffs)
    return RankRange(plain, better + 1, n - worse, n)


def honest_ranks(values: pd.DataFrame, higher_is_better: bool | None, noise: float) -> pd.DataFrame:
    """Rank and rank range of each region (module docstring); ``values``: ref_area, value.

    A neutral indicator (``None``) is ranked highest first, as the profile page does.
    """
    if noise < 0:
        raise ValueError("noise must not be negative")
    v = values.dropna(subset=["value"]).sort_values("ref_area", kind="stable")
    by_code = dict(zip(v["ref_area"], v["value"].astype(float), strict=True))
    out = []
    for code, value in by_code.items():
        r = rank_range(by_code, code, higher_is_better, noise)
        out.append(
            {
                "ref_area": code,
                "value": value,
                "rank": r.rank,
                "rank_best": r.best,
                "rank_worst": r.worst,
                "n_ranked": r.n,
                "tied": r.worst - r.best,  # other regions within noise
            }
        )
    frame = pd.DataFrame(out, columns=RANK_COLUMNS)
    return frame.sort_values(["rank", "ref_area"], kind="stable").reset_index(drop=True)


def rank_label(rank_best: int, rank_worst: int) -> str:
    """ "3" or "3–6" (an en dash between the best and worst rank)."""
    return str(rank_best) if rank_best == rank_worst else f"{rank_best}–{rank_worst}"
