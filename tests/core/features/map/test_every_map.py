"""Every regional indicator can be mapped for every year it has regional data, losing nothing."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.features.map import view as mapview
from sdgdash.geo import layouts as geo
from sdgdash.i18n import has
from tests.conftest import REPO


def test_every_selection_year_draws_or_explains_every_value() -> None:
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    regions = pd.read_parquet(REPO / "data" / "regions.parquet")
    kinds = dict(zip(regions.ref_area, regions.kind, strict=True))
    features = {
        layout: {
            f["properties"]["ref_area"]
            for f in geo.layout_geojson(REPO / "geodata", layout)["features"]
        }
        for layout in geo.LAYOUTS
    }
    regional = obs[obs.ref_area != ""]
    indicators, views, drawn_total, explained = set(), 0, 0, 0
    for key, frame in regional.groupby(["indicator_id", *SELECTION_COLUMNS, "year"], sort=False):
        ind, *cols, year = key
        sel = Selection(ind, **dict(zip(SELECTION_COLUMNS, cols, strict=True)))
        view = mapview.split(frame.reset_index(drop=True), sel, int(year), kinds, None)
        assert len(view.drawn) + len(view.not_drawn) == len(frame), key
        assert set(view.drawn.ref_area) <= features[view.layout], key
        assert view.drawn.ref_area.is_unique, key
        for reason in view.not_drawn.reason:
            assert has(f"reason_{reason}"), (key, reason)
        indicators.add(ind)
        views += 1
        drawn_total += len(view.drawn)
        explained += len(view.not_drawn)
    assert len(indicators) == 72
    assert drawn_total + explained == len(regional)
    # Most regional values are region-level and drawn; the rest are cities and flagged rows.
    assert drawn_total / len(regional) > 0.9, (views, drawn_total, explained)
