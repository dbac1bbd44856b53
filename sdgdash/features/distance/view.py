"""What the pages call: one region's block, its peers, a peer band, a change view (pure).

Each function takes the :class:`~.table.DistanceResult` computed once for the whole data
(:func:`.table.from_connection`) and returns frames or dataclasses; nothing here reads files.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.features.distance import change, peers, ranks
from sdgdash.features.distance.table import NATIONAL, REGIONS, DistanceResult


@dataclass(frozen=True)
class RegionPeers:
    """A region's peers and what they were chosen on."""

    ref_area: str
    peers: pd.DataFrame  # peers.PEER_COLUMNS
    basis: pd.DataFrame  # peers.BASIS_COLUMNS: the indicators and years of the profiles


def region_peers(result: DistanceResult, ref_area: str, k: int = peers.K) -> RegionPeers:
    """The ``k`` regions with the SDG profiles most like ``ref_area``'s (:mod:`.peers`)."""
    values = peers.profile_values(result.rows)
    matrix = peers.profile_matrix(values)
    return RegionPeers(ref_area, peers.peer_regions(matrix, ref_area, k), peers.basis(values))


def _current(result: DistanceResult, indicator_id: str) -> pd.DataFrame:
    rows = result.rows
    return rows[(rows["indicator_id"] == indicator_id) & rows["current"]]


def indicator_noise(result: DistanceResult, indicator_id: str) -> ranks.Noise:
    """The indicator's noise yardstick for honest ranks (present-extent region values)."""
    rows = _current(result, indicator_id)
    return ranks.noise_level(rows[rows["ref_area"].isin(REGIONS)])


def ranked_regions(result: DistanceResult, indicator_id: str) -> pd.DataFrame:
    """The 20 regions' latest values of one indicator with honest rank ranges.

    Each region's value is its latest present-extent value (``latest``), as on the profile.
    """
    latest = result.latest
    mine = latest[(latest["indicator_id"] == indicator_id) & latest["ref_area"].isin(REGIONS)]
    direction = mine["direction"].iloc[0] if len(mine) else "neutral"
    better = None if direction == "neutral" else direction == "higher"
    noise = indicator_noise(result, indicator_id)
    out = ranks.honest_ranks(mine[["ref_area", "value"]], better, noise.value)
    return out.merge(mine[["ref_area", "year"]], on="ref_area", how="left")


@dataclass(frozen=True)
class PeerView:
    """One indicator of one region against its peers: the band over the years and today."""

    band: pd.DataFrame  # peers.BAND_COLUMNS
    position: peers.PeerPosition
    noise: ranks.Noise


def peer_view(
    result: DistanceResult, ref_area: str, indicator_id: str, peer_codes: list[str]
) -> PeerView:
    """The band of ``peer_codes`` on one indicator's chart and ``ref_area``'s place among them."""
    rows = _current(result, indicator_id)
    national = rows[rows["ref_area"] == NATIONAL][["year", "value"]]
    regional = rows[rows["ref_area"] != NATIONAL]
    band = peers.peer_band(regional, ref_area, peer_codes, national)
    latest = result.latest
    mine = latest[(latest["indicator_id"] == indicator_id) & (latest["ref_area"] == ref_area)]
    year = mine["year"].iloc[0] if len(mine) else pd.NA
    noise = indicator_noise(result, indicator_id)
    direction = mine["direction"].iloc[0] if len(mine) else "neutral"
    better = None if direction == "neutral" else direction == "higher"
    in_year = regional[regional["year"] == year] if not pd.isna(year) else regional.iloc[0:0]
    nat = national.loc[national["year"] == year, "value"]
    position = peers.peer_position(
        in_year[["ref_area", "value"]],
        ref_area,
        peer_codes,
        better,
        noise.value,
        float(nat.iloc[0]) if len(nat) else None,
    )
    return PeerView(band=band, position=position, noise=noise)


def change_view(
    result: DistanceResult, indicator_id: str, year_a: int, year_b: int
) -> change.ChangeView:
    """The headline series' change between two years (:func:`.change.change_between`)."""
    rows = result.rows[result.rows["indicator_id"] == indicator_id]
    latest = result.latest[result.latest["indicator_id"] == indicator_id]
    direction = latest["direction"].iloc[0] if len(latest) else "neutral"
    better = None if direction == "neutral" else direction == "higher"
    return change.change_between(rows, year_a, year_b, better)
