"""Regional SDG index: normalised scores, traffic-light ratings, trends, goal scores and ranks.

The method follows the SDSN Sustainable Development Report (SDR), applied to Kazakhstan's
region-level units instead of countries. Every step can be redone by hand:

1. Indicators. ``data/curated/index_indicators.csv`` names one headline series per indicator
   (series, unit and disaggregation codes exactly as in ``data/observations.parquet``), its
   direction (``higher`` or ``lower`` is better), the best value ``upper`` and the ``green`` and
   ``red`` thresholds, each with a written reason and source.
2. Values. Only region-level units (the boundary units of any layout in ``sdgdash.geo``) count;
   the national value and cities, districts and villages do not. Rows flagged as conflicting
   source duplicates (``conflict_of`` set; the first row of the source wins) or as placeholder
   values (``placeholder`` set, data/curated/placeholder_values.csv) are left out.
3. Bounds. ``upper`` (score 100) is the absolute SDG target where one exists (0 % poverty,
   100 % coverage), else the average of the three best regions in the latest year. The lower
   bound (score 0) is the 2.5th percentile of every region-level value of the indicator from 2015
   to the latest year, pooled over years (the 97.5th percentile when lower is better). Pooling
   the years fixes one scale for all years, so scores of different years can be compared and a
   change of score is a change of the value, not of the scale. Trimming 2.5 % of the pooled
   values keeps one outlier from stretching the scale.
4. Score. ``score = (x - lower) / (upper - lower) * 100``, censored to 0..100. When lower is
   better, ``upper`` is below ``lower`` and the same formula gives a smaller value a higher score.
5. Scoring year. For a scoring year Y each region uses its latest value from Y-3 to Y; an older
   value is treated as missing. The regions scored are the units of the boundary layout in force
   in Y (20 from 2022, 17 in 2018-2021, 16 before).
6. Rating. ``green`` at or beyond the green threshold; ``yellow`` from the midpoint of green and
   red up to green; ``orange`` from the red threshold up to the midpoint; ``red`` beyond red.
   A value exactly on the midpoint is yellow and one exactly on the red threshold is orange.
7. Trend. The base year is 2015, or the first later year with a value for that region. With the
   base score s0 (year t0) and the latest score s1 (year t1), the observed pace is
   ``(s1 - s0) / (t1 - t0)`` points a year and the pace required to reach the green threshold's
   score by 2030 is ``(green_score - s0) / (2030 - t0)``. ``on_track``: observed >= required (the
   straight line from the base reaches green by 2030), or the value is already green and not
   falling; ``moderately_improving``: rising at more than half the required pace;
   ``stagnating``: rising at most half the required pace, or flat; ``decreasing``: falling;
   ``insufficient``: fewer than two years of data.
8. Goal score. The mean score of the goal's indicators with a value. Goal rating: the ratings of
   the goal's two worst indicators (or of its only one) are averaged on the scale red 0, orange 1,
   yellow 2, green 3, and the average is rounded down: 3 green, 2 or more yellow, 1 or more
   orange, else red. So a goal is green only when all its indicators are green.
9. Index. The mean of the region's goal scores, every goal weighted equally. The index is
   withheld (not computed or ranked) for a region that misses more than 20 % of the goals in the
   index. Regions with an index are ranked, 1 = highest.

Caveats that travel with the numbers: Almaty, East Kazakhstan and Karaganda regions keep their
codes but lost territory in 2022 (Zhetisu, Abai and Ulytau regions), so their trends span two
extents; the three new regions and Turkistan region and Shymkent have later base years.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sdgdash.data import flags
from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.index_table import DIRECTIONS
from sdgdash.geo.layouts import LAYOUT_UNITS, layout_for_year

BASE_YEAR = 2015
TARGET_YEAR = 2030
MAX_AGE = 3  # a value older than scoring year - MAX_AGE is missing
LOWER_PERCENTILE = 2.5
WITHHOLD_SHARE = 0.2  # withhold the index when more than this share of goals is missing

RATINGS: tuple[str, ...] = ("red", "orange", "yellow", "green")
RATING_POINTS: dict[str, int] = {r: i for i, r in enumerate(RATINGS)}
# A mark beside each rating's colour wherever it is shown, so that the rating does not rest on
# colour alone (more marks: further from the target).
RATING_MARKS: dict[str, str] = {"green": "✓", "yellow": "!", "orange": "!!", "red": "!!!"}

ON_TRACK = "on_track"
MODERATELY_IMPROVING = "moderately_improving"
STAGNATING = "stagnating"
DECREASING = "decreasing"
INSUFFICIENT = "insufficient"
TRENDS: tuple[str, ...] = (ON_TRACK, MODERATELY_IMPROVING, STAGNATING, DECREASING, INSUFFICIENT)

REGION_UNITS: frozenset[str] = frozenset().union(*LAYOUT_UNITS.values())

VALUE_COLUMNS: list[str] = [
    "indicator_id",
    "goal",
    "ref_area",
    "year",
    "value",
    "source_file",
    "source_row",
]
SCORE_COLUMNS: list[str] = [
    "ref_area",
    "goal",
    "indicator_id",
    "direction",
    "value",
    "value_year",
    "source_file",
    "source_row",
    "lower",
    "upper",
    "green",
    "red",
    "score",
    "rating",
    "base_year",
    "base_value",
    "score_base",
    "green_score",
    "observed",
    "required",
    "trend",
]
GOAL_COLUMNS: list[str] = ["ref_area", "goal", "score", "n_indicators", "rating"]
INDEX_COLUMNS: list[str] = [
    "ref_area",
    "index",
    "mean_goal_score",
    "goals",
    "n_goals",
    "withheld",
    "reason",
    "rank",
]
DISTRIBUTION_COLUMNS: list[str] = ["goal", "n", "min", "q1", "median", "q3", "max"]


# --- the indicator table ---------------------------------------------------------------------


def goal_of(indicator_id: str) -> int:
    """The goal number of a dotted indicator id ("11.6.1" -> 11)."""
    return int(indicator_id.split(".", 1)[0])


# --- values ------------------------------------------------------------------------------------


def index_values(observations: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Region-level values of each table indicator's headline selection, with their source row.

    Keeps units of any boundary layout (``geo.LAYOUT_UNITS``) and drops flagged rows
    (``conflict_of`` or ``placeholder`` set, :mod:`sdgdash.flags`). Columns: indicator_id, goal, ref_area, year, value, source_file,
    source_row, sorted by indicator (table order), ref_area, year.
    """
    keys = ["indicator_id", *SELECTION_COLUMNS]
    obs = observations
    obs = flags.usable(obs)
    obs = obs[obs["ref_area"].isin(REGION_UNITS) & obs["value"].notna()]
    wanted = table[keys].astype(str).assign(_order=range(len(table)))
    merged = obs.astype({c: str for c in keys}).merge(wanted, on=keys, how="inner")
    merged = merged.sort_values(["_order", "ref_area", "year"], kind="stable")
    out = merged[VALUE_COLUMNS].reset_index(drop=True)
    return out.astype(
        {
            "indicator_id": str,
            "goal": "int64",
            "ref_area": str,
            "year": "int64",
            "value": "float64",
            "source_file": str,
            "source_row": "int64",
        }
    )


# --- normalisation -----------------------------------------------------------------------------


def lower_bound(values: Iterable[float], direction: str = "higher") -> float:
    """The score-0 bound: the 2.5th percentile (97.5th when lower is better) of ``values``.

    ``values`` are all region-level values of one indicator from 2015 to the latest year,
    pooled over years (see ``indicator_bounds``); numpy's linear interpolation. NaN is ignored.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction {direction!r} is not one of {list(DIRECTIONS)}")
    array = np.asarray(list(values), dtype="float64")
    array = array[~np.isnan(array)]
    if array.size == 0:
        raise ValueError("lower_bound needs at least one value")
    q = LOWER_PERCENTILE if direction == "higher" else 100 - LOWER_PERCENTILE
    return float(np.percentile(array, q, method="linear"))


def normalise(x, lower: float, upper: float):
    """Score 0..100: ``(x - lower) / (upper - lower) * 100``, censored to [0, 100].

    Direction comes from the bounds: for a lower-is-better indicator pass upper < lower, and a
    smaller x scores higher. Accepts a number, array or Series (NaN stays NaN). ``upper == lower``
    is refused: the scale would have no length.
    """
    if upper == lower:
        raise ValueError(f"normalise: upper and lower are both {upper:g}")
    scaled = (np.asarray(x, dtype="float64") - lower) / (upper - lower) * 100.0
    clipped = np.clip(scaled, 0.0, 100.0)
    if isinstance(x, pd.Series):
        return pd.Series(clipped, index=x.index, name=x.name)
    if np.ndim(clipped) == 0:
        return float(clipped)
    return clipped


def indicator_bounds(values: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Per table indicator: direction, lower (from the pooled 2015+ values), upper, green, red.

    Raises ValueError when an indicator has no value since 2015 or when its lower bound is not
    strictly on the worse side of ``upper`` (the scale would be empty or reversed).
    """
    rows = []
    recent = values[values["year"] >= BASE_YEAR]
    for spec in table.itertuples(index=False):
        pooled = recent.loc[recent["indicator_id"] == spec.indicator_id, "value"]
        if pooled.empty:
            raise ValueError(f"indicator {spec.indicator_id}: no regional value since {BASE_YEAR}")
        lower = lower_bound(pooled, spec.direction)
        worse = lower < spec.upper if spec.direction == "higher" else lower > spec.upper
        if not worse:
            raise ValueError(
                f"indicator {spec.indicator_id}: lower bound {lower:g} is not on the worse side "
                f"of upper {spec.upper:g} ({spec.direction} is better)"
            )
        rows.append(
            {
                "indicator_id": spec.indicator_id,
                "goal": goal_of(spec.indicator_id),
                "direction": spec.direction,
                "lower": lower,
                "upper": float(spec.upper),
                "green": float(spec.green),
                "red": float(spec.red),
            }
        )
    return pd.DataFrame(
        rows, columns=["indicator_id", "goal", "direction", "lower", "upper", "green", "red"]
    )


# --- ratings and trends ------------------------------------------------------------------------


def rating(value: float, green: float, red: float, direction: str) -> str | None:
    """Traffic light of one value: green / yellow / orange / red (None for NaN).

    Higher is better: green if value >= green; yellow if value >= (green + red) / 2; orange if
    value >= red; else red. Lower is better: the same with every comparison reversed.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    sign = 1.0 if direction == "higher" else -1.0
    v, g, r = sign * value, sign * green, sign * red
    if v >= g:
        return "green"
    if v >= (g + r) / 2:
        return "yellow"
    if v >= r:
        return "orange"
    return "red"


def trend_status(observed: float, required: float, latest_green: bool, n_years: int) -> str:
    """Trend status from the observed and required pace (score points a year).

    ``insufficient`` with fewer than two years; ``on_track`` if observed >= required or the
    latest value is green and observed >= 0; ``moderately_improving`` if observed > 0 and
    observed >= required / 2; ``stagnating`` if observed >= 0; else ``decreasing``.
    """
    if n_years < 2 or math.isnan(observed):
        return INSUFFICIENT
    if observed >= required or (latest_green and observed >= 0):
        return ON_TRACK
    if observed > 0 and observed >= required / 2:
        return MODERATELY_IMPROVING
    if observed >= 0:
        return STAGNATING
    return DECREASING


# --- scores ------------------------------------------------------------------------------------


def score_table(
    values: pd.DataFrame,
    table: pd.DataFrame,
    year: int,
    regions: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Per region x indicator for scoring ``year``: value used, score, rating and trend.

    Regions: ``regions``, by default the units of the layout in force in ``year``. The value used is the latest one
    from ``year - 3`` to ``year`` (else value, score, rating are missing and trend is
    ``insufficient``). Bounds come from ``indicator_bounds`` (all years pooled), so a score does
    not depend on the scoring year. Trend base: the region's first value from 2015 on.
    """
    bounds = indicator_bounds(values, table)
    if regions is None:
        regions = LAYOUT_UNITS[layout_for_year(year)]
    grid = bounds.merge(pd.DataFrame({"ref_area": sorted(regions)}), how="cross")

    window = values[(values["year"] >= BASE_YEAR) & (values["year"] <= year)]
    window = window.sort_values(["indicator_id", "ref_area", "year"], kind="stable")
    by_series = window.groupby(["indicator_id", "ref_area"], sort=False)
    latest = by_series.tail(1)
    latest = latest[latest["year"] >= year - MAX_AGE]
    base = by_series.head(1)[["indicator_id", "ref_area", "year", "value"]].rename(
        columns={"year": "base_year", "value": "base_value"}
    )
    latest = latest.rename(columns={"year": "value_year"}).merge(
        base, on=["indicator_id", "ref_area"], how="left"
    )
    out = grid.merge(
        latest[
            [
                "indicator_id",
                "ref_area",
                "value",
                "value_year",
                "source_file",
                "source_row",
                "base_year",
                "base_value",
            ]
        ],
        on=["indicator_id", "ref_area"],
        how="left",
    )

    score, score_base, green_score, ratings = [], [], [], []
    for row in out.itertuples(index=False):
        score.append(normalise(row.value, row.lower, row.upper))
        score_base.append(normalise(row.base_value, row.lower, row.upper))
        green_score.append(normalise(row.green, row.lower, row.upper))
        ratings.append(rating(row.value, row.green, row.red, row.direction))
    out["score"] = score
    out["score_base"] = score_base
    out["green_score"] = green_score
    out["rating"] = pd.array(ratings, dtype="string")

    span = out["value_year"] - out["base_year"]
    has_trend = span > 0
    out["observed"] = ((out["score"] - out["score_base"]) / span).where(has_trend)
    out["required"] = (
        (out["green_score"] - out["score_base"]) / (TARGET_YEAR - out["base_year"])
    ).where(has_trend)
    out["trend"] = [
        trend_status(obs, req, flag == "green", 2 if ok else 1)
        for obs, req, flag, ok in zip(
            out["observed"], out["required"], out["rating"].fillna(""), has_trend, strict=True
        )
    ]
    for column in ("value_year", "source_row", "base_year"):
        out[column] = out[column].astype("Int64")
    out["source_file"] = out["source_file"].astype("string")
    out["goal"] = out["goal"].astype("int64")
    return out[SCORE_COLUMNS].reset_index(drop=True)


def _goal_rating(ratings: Iterable[str]) -> str:
    points = sorted(RATING_POINTS[r] for r in ratings)
    worst = points[:2]
    average = sum(worst) / len(worst)
    return RATINGS[math.floor(average)]


def goal_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """Per region x goal: mean score of the indicators with a value, their count and the rating.

    Rating: average the points (red 0, orange 1, yellow 2, green 3) of the goal's two worst
    indicator ratings (its own rating when it has one indicator) and round down.
    """
    scored = scores[scores["score"].notna()]
    rows = []
    for (ref_area, goal), group in scored.groupby(["ref_area", "goal"], sort=True):
        rows.append(
            {
                "ref_area": ref_area,
                "goal": int(goal),
                "score": float(group["score"].mean()),
                "n_indicators": len(group),
                "rating": _goal_rating(group["rating"].astype(str)),
            }
        )
    out = pd.DataFrame(rows, columns=GOAL_COLUMNS)
    return out.astype({"goal": "int64", "score": "float64", "n_indicators": "int64"})


def regional_index(goal_scores: pd.DataFrame, n_goals: int) -> pd.DataFrame:
    """Per region: index = mean goal score (equal weights), withheld beyond 20 % missing goals.

    ``n_goals`` is the number of goals in the index (goals of the indicator table). A region with
    more than ``0.2 * n_goals`` goals missing gets withheld = True, a reason, and no index or
    rank; ``mean_goal_score`` keeps the mean of the goals it has. Rank 1 = highest index; ties
    share the lower rank number.
    """
    if n_goals <= 0:
        raise ValueError("n_goals must be positive")
    rows = []
    for ref_area, group in goal_scores.groupby("ref_area", sort=True):
        covered = int(group["score"].notna().sum())
        mean = float(group["score"].mean())
        missing = n_goals - covered
        withheld = missing > WITHHOLD_SHARE * n_goals
        rows.append(
            {
                "ref_area": ref_area,
                "index": math.nan if withheld else mean,
                "mean_goal_score": mean,
                "goals": covered,
                "n_goals": n_goals,
                "withheld": withheld,
                "reason": (
                    f"{missing} of {n_goals} goals without data (more than 20%)" if withheld else ""
                ),
            }
        )
    out = pd.DataFrame(rows, columns=INDEX_COLUMNS[:-1])
    out["rank"] = out["index"].rank(ascending=False, method="min").astype("Int64")
    out = out.astype({"goals": "int64", "n_goals": "int64", "withheld": bool})
    return out.sort_values(["rank", "ref_area"], na_position="last", kind="stable").reset_index(
        drop=True
    )


def national_distribution(goal_scores: pd.DataFrame) -> pd.DataFrame:
    """Per goal: the spread of regional goal scores (n, min, quartiles, max) for context bars."""
    rows = []
    for goal, group in goal_scores.groupby("goal", sort=True):
        s = group["score"].dropna().to_numpy()
        if s.size == 0:
            continue
        q1, median, q3 = np.percentile(s, [25, 50, 75])
        rows.append(
            {
                "goal": int(goal),
                "n": int(s.size),
                "min": float(s.min()),
                "q1": float(q1),
                "median": float(median),
                "q3": float(q3),
                "max": float(s.max()),
            }
        )
    return pd.DataFrame(rows, columns=DISTRIBUTION_COLUMNS)


# --- the whole computation ---------------------------------------------------------------------


LEFT_OUT_COLUMNS: list[str] = ["indicator_id", "reason"]


def _no_left_out() -> pd.DataFrame:
    return pd.DataFrame(columns=LEFT_OUT_COLUMNS, dtype=str)


@dataclass(frozen=True)
class IndexResult:
    """Every stage of one scoring year, so a page can show each number's derivation."""

    year: int
    scores: pd.DataFrame
    goals: pd.DataFrame
    index: pd.DataFrame
    distribution: pd.DataFrame
    # Table indicators the data cannot score (indicator_id, reason: a key of
    # sdgdash.data.curated.LEFT_OUT_REASONS), left out of this index and listed with it.
    left_out: pd.DataFrame = field(default_factory=_no_left_out)


def scorable(values: pd.DataFrame, table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the table's indicators that the values can score, those left out with the reason).

    Left out: an indicator without a regional value since 2015 (``no_regional_value``: retired,
    renamed or no longer published by region upstream) and one whose pooled lower bound is not
    on the worse side of ``upper`` (``empty_scale``); either would make :func:`indicator_bounds`
    refuse the whole index.
    """
    recent = values[values["year"] >= BASE_YEAR]
    keep, left_out = [], []
    for spec in table.itertuples(index=False):
        pooled = recent.loc[recent["indicator_id"] == spec.indicator_id, "value"].dropna()
        if pooled.empty:
            left_out.append((spec.indicator_id, "no_regional_value"))
            keep.append(False)
            continue
        lower = lower_bound(pooled, spec.direction)
        worse = lower < spec.upper if spec.direction == "higher" else lower > spec.upper
        if not worse:
            left_out.append((spec.indicator_id, "empty_scale"))
        keep.append(worse)
    kept = table[pd.Series(keep, index=table.index, dtype=bool)].reset_index(drop=True)
    return kept, pd.DataFrame(left_out, columns=LEFT_OUT_COLUMNS, dtype=str)


def compute_index(values: pd.DataFrame, table: pd.DataFrame, year: int) -> IndexResult:
    """Run score_table, goal_scores, regional_index and national_distribution for ``year``.

    Indicators the values cannot score are left out (:func:`scorable`) and listed in
    ``IndexResult.left_out``; the goals counted are those of the indicators scored.
    """
    table, left_out = scorable(values, table)
    scores = score_table(values, table, year)
    goals = goal_scores(scores)
    # With no indicator left there are no goal scores, so no region to rank.
    n_goals = len({goal_of(i) for i in table["indicator_id"]}) or 1
    return IndexResult(
        year=year,
        scores=scores,
        goals=goals,
        index=regional_index(goals, n_goals),
        distribution=national_distribution(goals),
        left_out=left_out,
    )


def latest_scoring_year(values: pd.DataFrame, table: pd.DataFrame, min_ranked: int = 15) -> int:
    """The latest year (<= the last year with data) whose index ranks at least ``min_ranked``."""
    last = int(values["year"].max())
    for year in range(last, BASE_YEAR, -1):
        result = compute_index(values, table, year)
        if int(result.index["rank"].notna().sum()) >= min_ranked:
            return year
    raise ValueError(f"no year from {BASE_YEAR + 1} to {last} ranks {min_ranked} regions")
