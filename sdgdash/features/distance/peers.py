"""Peer regions: the regions most like a region, chosen transparently and reproducibly (pure).

Basis. The source data have no region facts a peer choice could rest on: the national SDG
platform publishes no population, urban share, area or gross regional product per person by
region (its regional series are outcomes, and GRP appears only as an index to 2005 or as shares),
and no curated facts table with an openable source on every row exists in this project. So peers
are chosen by the similarity of SDG profiles, as the issue allows when facts are missing (Germany's
municipal SDG portal groups places by type; here the "type" is read from the indicators).

Profile. For every headline indicator, the latest year from ``SINCE`` on whose values are on the
2022 layout (so Almaty, East Kazakhstan and Karaganda regions are their present selves) and that
covers at least ``MIN_REGIONS`` of the 20 regions; each region's value that year is turned into
its percentile rank among the regions (pandas ``rank(pct=True)``, average ranks for ties), so
every indicator counts the same whatever its unit and outliers do not dominate. Direction plays
no part: peers are regions that look alike, not regions that do equally well.

Distance. Between two regions, the mean absolute difference of their percentile ranks over the
indicators both have (missing values are skipped, not imputed); pairs sharing fewer than
``MIN_COMMON`` indicators are not compared. Peers are the ``K`` nearest, ties broken by
``ref_area``, so the same data always give the same peers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sdgdash.features.distance.ranks import honest_ranks
from sdgdash.geo import layouts as geo

K = 5
MIN_COMMON = 10
MIN_REGIONS = 15
SINCE = 2019

BASIS_COLUMNS: list[str] = ["indicator_id", "year", "n_regions"]
PEER_COLUMNS: list[str] = ["ref_area", "distance", "n_common", "peer_rank"]
BAND_COLUMNS: list[str] = [
    "year",
    "value",
    "peer_min",
    "peer_max",
    "peer_mean",
    "n_peers",
    "national",
]


def profile_values(
    rows: pd.DataFrame, since: int = SINCE, min_regions: int = MIN_REGIONS
) -> pd.DataFrame:
    """The values the profiles are built from: ref_area, indicator_id, year, value.

    ``rows``: headline rows with layout and drawn (:func:`.table.headline_rows`).
    """
    regional = rows[rows["ref_area"].isin(geo.UNITS_2022) & rows["drawn"]]
    regional = regional[(regional["layout"] == "2022") & (regional["year"] >= since)]
    counts = regional.groupby(["indicator_id", "year"])["ref_area"].nunique().reset_index()
    counts = counts[counts["ref_area"] >= min_regions]
    latest = counts.sort_values("year").groupby("indicator_id").tail(1)[["indicator_id", "year"]]
    out = regional.merge(latest, on=["indicator_id", "year"], how="inner")
    out = out[["ref_area", "indicator_id", "year", "value"]]
    return out.sort_values(["indicator_id", "ref_area"], kind="stable").reset_index(drop=True)


def basis(values: pd.DataFrame) -> pd.DataFrame:
    """Which indicators and years the profiles use and how many regions each covers."""
    out = values.groupby(["indicator_id", "year"])["ref_area"].nunique().reset_index()
    return out.rename(columns={"ref_area": "n_regions"})[BASIS_COLUMNS]


def profile_matrix(values: pd.DataFrame) -> pd.DataFrame:
    """Regions x indicators of percentile ranks (0..1] within each indicator; NaN = no value."""
    wide = values.pivot(index="ref_area", columns="indicator_id", values="value")
    return wide.rank(pct=True, method="average").sort_index()


def peer_regions(
    matrix: pd.DataFrame, ref_area: str, k: int = K, min_common: int = MIN_COMMON
) -> pd.DataFrame:
    """The ``k`` regions nearest to ``ref_area`` (module docstring), nearest first."""
    if ref_area not in matrix.index:
        return pd.DataFrame(columns=PEER_COLUMNS)
    me = matrix.loc[ref_area]
    rows = []
    for other, theirs in matrix.drop(index=ref_area).iterrows():
        both = me.notna() & theirs.notna()
        n = int(both.sum())
        if n < min_common:
            continue
        rows.append(
            {
                "ref_area": other,
                "distance": float(np.mean(np.abs(me[both] - theirs[both]))),
                "n_common": n,
            }
        )
    out = pd.DataFrame(rows, columns=PEER_COLUMNS[:-1])
    out = out.sort_values(["distance", "ref_area"], kind="stable").head(k).reset_index(drop=True)
    out["peer_rank"] = range(1, len(out) + 1)
    return out.astype({"distance": "float64", "n_common": "int64", "peer_rank": "int64"})


def peer_band(
    rows: pd.DataFrame, ref_area: str, peers: Iterable[str], national: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per year: the region's value, the peers' range and mean, and Kazakhstan's value.

    ``rows``: ref_area, year, value of one series (present-extent values only);
    ``national``: year, value (optional).
    """
    peers = list(peers)
    mine = rows[rows["ref_area"] == ref_area].set_index("year")["value"]
    theirs = rows[rows["ref_area"].isin(peers)].groupby("year")["value"]
    band = pd.DataFrame(
        {
            "peer_min": theirs.min(),
            "peer_max": theirs.max(),
            "peer_mean": theirs.mean(),
            "n_peers": theirs.size(),
        }
    )
    years = sorted(set(band.index) | set(mine.index))
    out = band.reindex(years)
    out["value"] = mine.reindex(years)
    nat = national.set_index("year")["value"] if national is not None else pd.Series(dtype=float)
    out["national"] = nat.reindex(years)
    out["n_peers"] = out["n_peers"].fillna(0).astype("int64")
    out.index.name = "year"
    return out.reset_index()[BAND_COLUMNS]


@dataclass(frozen=True)
class PeerPosition:
    """A region among its peers in one year of one series."""

    value: float | None
    peer_mean: float | None
    peer_min: float | None
    peer_max: float | None
    national: float | None
    n_compared: int  # the region and its peers with a value
    rank_best: int | None
    rank_worst: int | None


def peer_position(
    values: pd.DataFrame,
    ref_area: str,
    peers: Iterable[str],
    higher_is_better: bool | None,
    noise: float,
    national: float | None = None,
) -> PeerPosition:
    """The region's value, its peers' mean and range, and its honest rank range among them.

    ``values``: ref_area, value of one year; the rank is among the region and its peers
    (:func:`.ranks.honest_ranks`, 1 = best).
    """
    group = values[values["ref_area"].isin([ref_area, *peers])]
    others = group[group["ref_area"] != ref_area]["value"].dropna()
    mine = group[group["ref_area"] == ref_area]["value"].dropna()
    ranks = honest_ranks(group, higher_is_better, noise)
    me = ranks[ranks["ref_area"] == ref_area]
    return PeerPosition(
        value=float(mine.iloc[0]) if len(mine) else None,
        peer_mean=float(others.mean()) if len(others) else None,
        peer_min=float(others.min()) if len(others) else None,
        peer_max=float(others.max()) if len(others) else None,
        national=national,
        n_compared=len(ranks),
        rank_best=int(me["rank_best"].iloc[0]) if len(me) else None,
        rank_worst=int(me["rank_worst"].iloc[0]) if len(me) else None,
    )
