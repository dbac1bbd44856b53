"""Browser: the goal page shows the status summary, the detail chart and the coverage heatmap,
offline."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e


def _traces(page) -> list[dict]:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
              .flatMap(g => (g.data || []).map(t => ({name: t.name || '', type: t.type,
                                                      x: t.x, y: t.y})))"""
    )


def test_goal_page_for_a_region(server, page) -> None:
    page.goto(f"{server}/goal?goal=3&region=KZKAR&lang=ru")
    wait_for_app(page, 120_000)
    page.wait_for_selector("h1", timeout=120_000)
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot').length >= 4", timeout=120_000
    )
    wait_for_app(page, 120_000)
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Цель 3." in page.locator("h1").first.inner_text()
    body = page.inner_text("body")
    assert "Показатели: статус и как он получен — Карагандинская область" in body
    traces = _traces(page)
    names = {t["name"] for t in traces}
    # Status summary bars for the country and the region, in Russian.
    assert "Цель достигнута" in names
    summary = next(t for t in traces if t["name"] == "Цель достигнута")
    assert summary["y"] == ["Казахстан", "Карагандинская область"]
    # The coverage heatmap has a column per area, the country first.
    heat = next(t for t in traces if t["type"] == "heatmap")
    assert (
        heat["x"][0] == "Казахстан"
        and "Карагандинская область" in heat["x"]
        and len(heat["x"]) >= 21
    )
    page.screenshot(path=str(SHOTS / "goal-3-KZKAR-ru.png"), full_page=True)
    assert outside_requests(page.requests_seen) == []
