"""Peer regions from SDG profiles: reproducible from the data, with their basis."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

from sdgdash.features.distance import peers

REGIONS = ["KZAKM", "KZAKT", "KZALA", "KZPAV"]


def headline_rows(values: dict[str, list[float]], year: int = 2023, layout: str = "2022"):
    out = []
    for ind, vals in values.items():
        for code, v in zip(REGIONS, vals, strict=True):
            out.append(
                {
                    "indicator_id": ind,
                    "year": year,
                    "ref_area": code,
                    "value": v,
                    "layout": layout,
                    "drawn": True,
                }
            )
    return pd.DataFrame(out)


# Made-up values (fixture): KZAKM and KZAKT alike, KZALA and KZPAV alike.
VALUES = {"1.1": [1.0, 2.0, 3.0, 4.0], "2.1": [10.0, 20.0, 40.0, 30.0], "3.1": [5.0, 6.0, 8.0, 7.0]}


def test_profile_percentiles_and_distances_by_hand():
    vals = peers.profile_values(headline_rows(VALUES), min_regions=4)
    matrix = peers.profile_matrix(vals)
    # Percentile ranks among 4 regions: 0.25, 0.5, 0.75, 1.
    assert matrix.loc["KZAKM"].tolist() == [0.25, 0.25, 0.25]
    assert matrix.loc["KZALA"].tolist() == [0.75, 1.0, 1.0]
    got = peers.peer_regions(matrix, "KZAKM", k=2, min_common=3)
    # KZAKT: |.25-.5| * 3 / 3 = .25; KZPAV: (.75 + .5 + .5) / 3; KZALA: (.5 + .75 + .75) / 3.
    want = pd.DataFrame(
        {
            "ref_area": ["KZAKT", "KZPAV"],
            "distance": [0.25, 1.75 / 3],
            "n_common": [3, 3],
            "peer_rank": [1, 2],
        }
    )
    pdt.assert_frame_equal(got, want)
    assert peers.basis(vals)["n_regions"].tolist() == [4, 4, 4]


def test_peers_are_reproducible_and_need_common_indicators():
    frame = headline_rows(VALUES)
    a = peers.peer_regions(
        peers.profile_matrix(peers.profile_values(frame, min_regions=4)), "KZALA", min_common=3
    )
    shuffled = frame.sample(frac=1.0, random_state=7)
    b = peers.peer_regions(
        peers.profile_matrix(peers.profile_values(shuffled, min_regions=4)), "KZALA", min_common=3
    )
    pdt.assert_frame_equal(a, b)
    assert a["ref_area"].iloc[0] == "KZPAV"
    # Too few indicators in common: nobody is compared.
    assert peers.peer_regions(
        peers.profile_matrix(peers.profile_values(frame, min_regions=4)), "KZALA", min_common=4
    ).empty
    assert peers.peer_regions(pd.DataFrame(), "KZALA").empty


def test_profile_uses_only_2022_layout_years_with_enough_regions():
    old = headline_rows({"9.9": [1.0, 2.0, 3.0, 4.0]}, year=2021, layout="2018")
    new = headline_rows(VALUES)
    vals = peers.profile_values(pd.concat([old, new]), min_regions=4)
    assert sorted(vals["indicator_id"].unique()) == ["1.1", "2.1", "3.1"]
    assert peers.profile_values(new, min_regions=5).empty


def test_band_and_position_among_peers():
    rows = pd.DataFrame(
        {
            "ref_area": ["KZAKM", "KZAKT", "KZPAV", "KZAKM", "KZAKT", "KZPAV"],
            "year": [2022, 2022, 2022, 2023, 2023, 2023],
            "value": [10.0, 12.0, 20.0, 11.0, 13.0, 21.0],
        }
    )
    national = pd.DataFrame({"year": [2022, 2023], "value": [15.0, 16.0]})
    band = peers.peer_band(rows, "KZAKM", ["KZAKT", "KZPAV"], national)
    want = pd.DataFrame(
        {
            "year": [2022, 2023],
            "value": [10.0, 11.0],
            "peer_min": [12.0, 13.0],
            "peer_max": [20.0, 21.0],
            "peer_mean": [16.0, 17.0],
            "n_peers": [2, 2],
            "national": [15.0, 16.0],
        }
    )
    pdt.assert_frame_equal(band, want)
    latest = rows[rows["year"] == 2023]
    pos = peers.peer_position(latest, "KZAKM", ["KZAKT", "KZPAV"], True, noise=3.0, national=16.0)
    # 11 vs 13 (within 3) and 21 (clearly better): rank 2-3 of 3.
    assert (pos.value, pos.peer_mean, pos.n_compared) == (11.0, 17.0, 3)
    assert (pos.rank_best, pos.rank_worst, pos.national) == (2, 3, 16.0)
    assert pos.peer_min == 13.0 and pos.peer_max == 21.0
    with pytest.raises(KeyError):
        peers.peer_band(rows.drop(columns="value"), "KZAKM", ["KZAKT"])
