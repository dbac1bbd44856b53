"""The national-only direction table used by the goal pages: valid, matching data, no overlap."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.directions import ANY, load_directions
from tests.conftest import REPO

CURATED = REPO / "data" / "curated"


def test_national_directions_match_national_only_data() -> None:
    national = load_directions(CURATED / "indicator_direction_national.csv")
    regional = load_directions(CURATED / "indicator_direction.csv")
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    keys = set(
        obs[["indicator_id", "series", "unit"]].drop_duplicates().itertuples(index=False, name=None)
    )
    stale = [
        (r.indicator_id, r.series, r.unit)
        for r in national.itertuples()
        if not any(
            k[0] == r.indicator_id and r.series in (k[1], ANY) and r.unit in (k[2], ANY)
            for k in keys
        )
    ]
    assert stale == []
    assert set(national["indicator_id"]).isdisjoint(regional["indicator_id"])
    with_regional = set(obs.loc[obs["ref_area"] != "", "indicator_id"])
    assert set(national["indicator_id"]).isdisjoint(with_regional)
    assert national["source"].str.startswith("SDG target").all()
    assert len(national) >= 50
