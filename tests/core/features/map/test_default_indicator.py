"""The indicator a map opens on: the featured one while it has regional values, else the first
regional indicator (a data update may retire it), for the pages and the deck alike."""

from __future__ import annotations

import pytest

from sdgdash.config import Settings
from sdgdash.data.catalog import FEATURED_INDICATOR
from sdgdash.data.source import Source
from sdgdash.features.deck import document
from sdgdash.features.map import view as map_view

DATA = Source(Settings.from_env({}))


def test_the_featured_indicator_while_it_has_regional_values() -> None:
    assert map_view.default_indicator(["1.1.1", FEATURED_INDICATOR]) == FEATURED_INDICATOR
    assert map_view.query_from_params(DATA, {}).selection.indicator_id == FEATURED_INDICATOR
    assert map_view.featured_note(DATA) is None


def test_without_it_the_first_regional_indicator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(map_view, "FEATURED_INDICATOR", "99.9.9")
    first = DATA.regional_indicators()["indicator_id"].iloc[0]
    assert map_view.default_indicator(["3.1.1", "1.1.1"]) == "3.1.1"
    query = map_view.query_from_params(DATA, {"ind": "99.9.9"})
    assert query.selection.indicator_id == first and query.year == query.years[-1]
    assert "99.9.9" in map_view.featured_note(DATA)
    assert document.view_title(DATA, "overview", {}, "en").startswith(f"{first} ")
