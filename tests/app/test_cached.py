"""The app's caches of derived results: results per view (map views and figures, one per
selection, year, language...) are kept apart from the costly whole-data ones."""

from __future__ import annotations

from sdgdash.data.source import PER_VIEW, derived_name
from sdgdash.features.distance import view as distance_view
from sdgdash.features.map import charts as map_charts
from sdgdash.features.map import view as map_view
from sdgdash.ui import cached


def test_map_views_and_figures_go_to_a_cache_of_their_own(monkeypatch) -> None:
    assert derived_name(map_view.map_view.compute) in PER_VIEW
    assert derived_name(map_charts.map_chart.compute) in PER_VIEW
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(cached, "_remembered_view", lambda n, a: calls.append(("view", n)))
    monkeypatch.setattr(cached, "_remembered", lambda n, a: calls.append(("data", n)))
    cached.remember(map_view.map_view.compute, ("sel", 2023))
    cached.remember(distance_view.region_peers.compute, ("KZAKM",))
    assert [kind for kind, _ in calls] == ["view", "data"]
