"""What the pages, the downloads and the deck show of the distance to 2030 (pure).

Every function takes the app's :class:`~sdgdash.data.source.Data` and reads the table computed
once per provider (:func:`.table.distance_table`, or :func:`.table.selection_table` for one map
selection): a region's "distance and pace" block with its peers and honest ranks, one indicator's
figures for a region (map panel, compare page), goal scores of every region, and the change of a
selection between two years.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.data.catalog import natural_key
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, derived
from sdgdash.features.distance import change, endvalues, peers, ranks
from sdgdash.features.distance.table import (
    NATIONAL,
    REGIONS,
    DistanceResult,
    distance_table,
    selection_table,
)

CHANGE_MODE = "change"  # the map page's mode showing the change between two years (URL mode)
# What the change map colours (URL ``chg``): the change in the unit, or in % of the first value.
MEASURES: dict[str, str] = {"abs": "change", "pct": "change_pct"}

# Columns a region's indicator rows add to ``DistanceResult.latest``.
CONTEXT_COLUMNS: list[str] = [
    "national_score",
    "rank_best",
    "rank_worst",
    "n_ranked",
    "peer_mean",
    "peer_min",
    "peer_max",
    "n_peer_values",
    "peer_rank_best",
    "peer_rank_worst",
    "n_peer_ranked",
    "noise",
    "noise_known",
]
GOAL_COLUMNS: list[str] = [
    "goal",
    "score",
    "distance",
    "n_indicators",
    "national_score",
    "peer_score",
]


def is_region(ref_area: str) -> bool:
    """True for the 20 regions of today's layout (the units the distance figures are for)."""
    return ref_area in REGIONS


# --- peers ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionPeers:
    """A region's peers and what they were chosen on."""

    ref_area: str
    peers: pd.DataFrame  # peers.PEER_COLUMNS
    basis: pd.DataFrame  # peers.BASIS_COLUMNS: the indicators and years of the profiles

    @property
    def codes(self) -> list[str]:
        """The peers' codes, nearest first."""
        return [str(c) for c in self.peers["ref_area"]]


@derived
def peer_profiles(data: Data) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(regions x indicators percentile ranks, the indicators and years they rest on)."""
    values = peers.profile_values(distance_table(data).rows)
    return peers.profile_matrix(values), peers.basis(values)


@derived
def region_peers(data: Data, ref_area: str) -> RegionPeers:
    """The :data:`peers.K` regions with the SDG profiles most like ``ref_area``'s."""
    matrix, basis = peer_profiles(data)
    return RegionPeers(ref_area, peers.peer_regions(matrix, ref_area), basis)


# --- noise and honest ranks --------------------------------------------------------------------


def _current_regional(result: DistanceResult) -> pd.DataFrame:
    rows = result.rows
    return rows[rows["current"] & rows["ref_area"].isin(REGIONS)]


def noises(result: DistanceResult) -> dict[str, ranks.Noise]:
    """Each indicator's noise yardstick (:func:`.ranks.noise_level` over present-extent values)."""
    current = _current_regional(result)
    return {
        str(ind): ranks.noise_level(group[["ref_area", "year", "value"]])
        for ind, group in current.groupby("indicator_id", sort=False)
    }


@derived
def headline_noises(data: Data) -> dict[str, ranks.Noise]:
    """:func:`noises` of every headline indicator."""
    return noises(distance_table(data))


def _by_year(rows: pd.DataFrame) -> dict[tuple[str, int], dict[str, float]]:
    """(indicator, year) -> {ref_area: value} of ``rows``."""
    out: dict[tuple[str, int], dict[str, float]] = {}
    for ind, yr, code, value in zip(
        rows["indicator_id"], rows["year"], rows["ref_area"], rows["value"], strict=True
    ):
        out.setdefault((str(ind), int(yr)), {})[str(code)] = float(value)
    return out


def _direction(word: str) -> bool | None:
    return None if word == "neutral" else word == "higher"


# --- one region: its block, or one indicator's figures ----------------------------------------


def positions(
    result: DistanceResult,
    ref_area: str,
    peer_codes: list[str],
    noise: dict[str, ranks.Noise],
    year: int | None = None,
) -> pd.DataFrame:
    """One row per indicator of ``result`` for ``ref_area``: ``latest``'s columns (value,
    score, bounds, pace, arrival and the reasons for what is missing) with
    :data:`CONTEXT_COLUMNS`: Kazakhstan's score, the honest rank range among the regions drawn
    that year, the peers' mean and range and the region's rank range among them (present-extent
    values; :func:`.ranks.rank_range`).

    ``year``: the figures of that year instead of the latest (the map's year); pace and arrival
    stay those of the whole series.
    """
    latest = result.latest
    mine = latest[latest["ref_area"] == ref_area].copy()
    nat = latest[latest["ref_area"] == NATIONAL].set_index("indicator_id")
    mine["national_score"] = mine["indicator_id"].map(nat["score"]).astype("float64")
    if year is not None:
        mine = _at_year(result, mine, ref_area, int(year))
    # (indicator, year) -> {region: value}, as plain dicts: this runs for 72 indicators per
    # region and pandas per group was seconds. Ranks are among the regions drawn that year (the
    # layout rule, as the map and the profile rank); the peers' figures among present-extent
    # values (as their band on the chart).
    drawn = _by_year(result.rows[result.rows["drawn"] & (result.rows["ref_area"] != NATIONAL)])
    present = _by_year(_current_regional(result))
    peer_set = set(peer_codes)
    extra = []
    for ind, yr, word in zip(mine["indicator_id"], mine["year"], mine["direction"], strict=True):
        n = noise.get(ind, ranks.Noise(0.0, 0, False))
        row: dict[str, object] = {"noise": n.value, "noise_known": n.known}
        key = (ind, int(yr)) if pd.notna(yr) else None
        better = _direction(word)
        everyone = ranks.rank_range(drawn.get(key, {}), ref_area, better, n.value)
        if everyone is not None:
            row |= {
                "rank_best": everyone.best,
                "rank_worst": everyone.worst,
                "n_ranked": everyone.n,
            }
        those = present.get(key, {})
        theirs = [v for code, v in those.items() if code in peer_set]
        among = ranks.rank_range(
            {c: v for c, v in those.items() if c in peer_set or c == ref_area},
            ref_area,
            better,
            n.value,
        )
        if theirs and among is not None:
            row |= {
                "peer_mean": sum(theirs) / len(theirs),
                "peer_min": min(theirs),
                "peer_max": max(theirs),
                "n_peer_values": len(theirs),
                "peer_rank_best": among.best,
                "peer_rank_worst": among.worst,
                "n_peer_ranked": among.n,
            }
        extra.append(row)
    context = pd.DataFrame(extra, columns=CONTEXT_COLUMNS[1:], index=mine.index)
    out = pd.concat([mine, context], axis=1)
    for col in (
        "rank_best",
        "rank_worst",
        "n_ranked",
        "n_peer_values",
        "peer_rank_best",
        "peer_rank_worst",
        "n_peer_ranked",
    ):
        out[col] = out[col].astype("Int64")
    for col in ("peer_mean", "peer_min", "peer_max", "noise"):
        out[col] = out[col].astype("float64")
    out["noise_known"] = out["noise_known"].astype(bool)
    out = out.sort_values("indicator_id", key=lambda s: s.map(natural_key), kind="stable")
    return out.reset_index(drop=True)


def _at_year(result: DistanceResult, mine: pd.DataFrame, ref_area: str, year: int) -> pd.DataFrame:
    """``mine`` with value, score and Kazakhstan's value of ``year`` (present extent only)."""
    scores = result.scores
    that = scores[(scores["ref_area"] == ref_area) & (scores["year"] == year)]
    that = that.drop_duplicates("indicator_id").set_index("indicator_id")
    nat = scores[(scores["ref_area"] == NATIONAL) & (scores["year"] == year)]
    nat = nat.drop_duplicates("indicator_id").set_index("indicator_id")
    out = mine.copy()
    ids = out["indicator_id"]
    has = ids.isin(that.index)
    out["year"] = pd.array([year if h else pd.NA for h in has], dtype="Int64")
    out["value"] = ids.map(that["value"]).astype("float64")
    out["source_row"] = ids.map(that["source_row"]).astype("Int64")
    out["national_value"] = ids.map(nat["value"]).astype("float64")
    out["national_score"] = ids.map(nat["score"]).astype("float64")
    out["score"] = ids.map(that["score"]).astype("float64")
    out["distance"] = 100.0 - out["score"]
    reason = ids.map(that["score_reason"])
    out["score_reason"] = reason.where(has, "no_value_in_year").fillna("")
    return out


@dataclass(frozen=True)
class RegionDistance:
    """A region's "distance and pace" block: per indicator and per goal, and its peers."""

    ref_area: str
    indicators: pd.DataFrame  # positions()
    goals: pd.DataFrame  # GOAL_COLUMNS
    peers: RegionPeers
    method: str


@derived
def region_distance(data: Data, ref_area: str) -> RegionDistance:
    """Every headline indicator's figures for ``ref_area`` with national and peer context, and
    its goal scores beside Kazakhstan's and the peers' mean goal scores."""
    result = distance_table(data)
    found = region_peers(data, ref_area)
    rows = positions(result, ref_area, found.codes, headline_noises(data))
    goals = result.goals
    mine = goals[goals["ref_area"] == ref_area].set_index("goal")
    nat = goals[goals["ref_area"] == NATIONAL].set_index("goal")["score"]
    peer_goals = goals[goals["ref_area"].isin(found.codes)].groupby("goal")["score"].mean()
    table = mine[["score", "distance", "n_indicators"]].copy()
    table["national_score"] = nat.reindex(table.index)
    table["peer_score"] = peer_goals.reindex(table.index)
    table = table.reset_index()[GOAL_COLUMNS]
    return RegionDistance(ref_area, rows, table, found, result.method)


def indicator_ids(block: RegionDistance) -> list[str]:
    """The indicators of a block with at least one figure (a score or a pace), in order."""
    rows = block.indicators
    has = rows["score"].notna() | rows["pace_observed"].notna()
    return rows.loc[has, "indicator_id"].tolist()


@dataclass(frozen=True)
class IndicatorDetail:
    """One indicator of one region for a chart: its row, the peer band and its projection."""

    row: pd.Series  # one row of positions()
    band: pd.DataFrame  # peers.BAND_COLUMNS over the years
    rule: endvalues.EndRule
    projection: pd.DataFrame  # year, value: from the latest value to 2030 at the observed pace


def indicator_detail(data: Data, ref_area: str, indicator_id: str) -> IndicatorDetail:
    """The block's row of ``indicator_id`` with the peers' band and the projected line."""
    block = region_distance(data, ref_area)
    return _detail(distance_table(data), block.indicators, ref_area, indicator_id, block.peers)


def _detail(
    result: DistanceResult,
    rows: pd.DataFrame,
    ref_area: str,
    indicator_id: str,
    found: RegionPeers,
) -> IndicatorDetail:
    row = rows[rows["indicator_id"] == indicator_id].iloc[0]
    series = result.rows[(result.rows["indicator_id"] == indicator_id) & result.rows["current"]]
    national = series[series["ref_area"] == NATIONAL][["year", "value"]]
    regional = series[series["ref_area"] != NATIONAL]
    band = peers.peer_band(regional, ref_area, found.codes, national)
    projection = pd.DataFrame(columns=["year", "value"])
    if pd.notna(row["projected_2030"]) and pd.notna(row["pace_to"]) and row["pace_to"] < 2030:
        latest = result.latest
        last = latest[(latest["ref_area"] == ref_area) & (latest["indicator_id"] == indicator_id)]
        projection = pd.DataFrame(
            {
                "year": [int(row["pace_to"]), 2030],
                "value": [float(last["value"].iloc[0]), float(row["projected_2030"])],
            }
        )
    return IndicatorDetail(row, band, result.rules[indicator_id], projection)


@dataclass(frozen=True)
class SelectionFigures:
    """One region on one selection (any series or disaggregation) in one year."""

    row: pd.Series | None  # positions(); None when the region has no row
    rule: endvalues.EndRule
    peers: RegionPeers


def selection_figures(
    data: Data, sel: Selection, ref_area: str, year: int | None = None
) -> SelectionFigures:
    """``ref_area``'s distance, pace, arrival, honest rank and peer average on ``sel`` (the map's
    selection and year, or the latest year when ``year`` is None)."""
    result = selection_table(data, sel)
    found = region_peers(data, ref_area)
    rows = positions(result, ref_area, found.codes, noises(result), year)
    row = rows.iloc[0] if len(rows) else None
    return SelectionFigures(row, result.rules[sel.indicator_id], found)


def compare_rows(data: Data, codes: list[str], indicator_id: str) -> pd.DataFrame:
    """The compared regions' figures on one indicator's headline (latest year of each)."""
    frames = []
    for code in codes:
        rows = region_distance(data, code).indicators
        frames.append(rows[rows["indicator_id"] == indicator_id])
    return pd.concat(frames, ignore_index=True)


# --- every region: goal scores -----------------------------------------------------------------


def goal_regions(data: Data, goal: int) -> pd.DataFrame:
    """One goal's score for Kazakhstan ("") and the 20 regions, best first (no score last)."""
    goals = distance_table(data).goals
    mine = goals[goals["goal"] == goal].set_index("ref_area")
    out = pd.DataFrame({"ref_area": ["", *REGIONS]})
    for col in ("score", "distance", "n_indicators"):
        out[col] = out["ref_area"].map(mine[col])
    out["n_indicators"] = out["n_indicators"].astype("Int64")
    return out.sort_values(["score", "ref_area"], ascending=[False, True], na_position="last")


def goal_score_matrix(data: Data) -> pd.DataFrame:
    """Areas (Kazakhstan first, then the 20 regions) x goals of scores (NaN: no score)."""
    goals = distance_table(data).goals
    wide = goals.pivot(index="ref_area", columns="goal", values="score")
    return wide.reindex(["", *REGIONS])


def goal_indicator_rows(data: Data, goal: int, ref_area: str) -> pd.DataFrame:
    """The goal's headline indicators for one area (Kazakhstan: "") from ``latest``."""
    latest = distance_table(data).latest
    mine = latest[(latest["goal"] == goal) & (latest["ref_area"] == ref_area)]
    return mine.sort_values("indicator_id", key=lambda s: s.map(natural_key)).reset_index(drop=True)


# --- change between two years ------------------------------------------------------------------


def change_view(data: Data, sel: Selection, year_a: int, year_b: int) -> change.ChangeView:
    """``sel``'s regional values from ``year_a`` to ``year_b`` like for like
    (:func:`.change.change_between`), read in the indicator's direction."""
    rows = data.regional_series(sel)
    return change.change_between(rows, year_a, year_b, data.higher_is_better(sel))


def change_years(years: list[int], params: dict[str, str]) -> tuple[int, int] | None:
    """The two years a change URL asks for (``from``, ``year``), resolved: ``from`` defaults to
    the first year from 2015 on (else the first), ``year`` to the latest; None with one year."""
    if len(years) < 2:
        return None
    since = [y for y in years if y >= ranks.BASE_YEAR]
    default_a = since[0] if len(since) > 1 else years[0]
    raw_a, raw_b = params.get("from", ""), params.get("year", "")
    b = int(raw_b) if raw_b.isdigit() and int(raw_b) in years else years[-1]
    a = int(raw_a) if raw_a.isdigit() and int(raw_a) in years else default_a
    if a >= b:
        earlier = [y for y in years if y < b]
        if not earlier:
            return years[0], years[1]
        a = default_a if default_a < b else earlier[0]
    return a, b


def change_measure(params: dict[str, str]) -> str:
    """The change map's measure a URL asks for (``chg``: "abs" or "pct"), "abs" by default."""
    return params.get("chg", "") if params.get("chg", "") in MEASURES else "abs"


def source_file(indicator_id: str) -> str:
    """The platform's data file of an indicator."""
    return f"data/indicator_{indicator_id.replace('.', '-')}.csv"
