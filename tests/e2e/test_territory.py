"""Browser: both pilot territory pages render offline with the locator map and real context."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SHOTS, outside_requests, settled, wait_for_app

pytestmark = pytest.mark.e2e

PILOTS = {
    "karkaraly_district": ("Каркаралинский район", "Карагандинская область"),
    "kamystybas_village": ("село Камыстыбас", "Кызылординская область"),
}


def test_both_pilot_pages(server, page) -> None:
    for tid, (name, region) in PILOTS.items():
        page.goto(f"{server}/territory?lang=ru&territory={tid}")
        wait_for_app(page)
        page.wait_for_selector("h1", timeout=60_000)
        wait_for_app(page)
        assert page.locator("h1").first.inner_text().strip() == name
        page.wait_for_selector(".js-plotly-plot", timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
        main = page.locator("[data-testid='stMain']").inner_text()
        assert f"Контекст: показатели региона {region}" in main
        assert "Местные данные ещё не загружены." in main
        # The locator map names the territory and its region. Plotly draws the geo labels once
        # the layout's shapes (fetched by URL) have arrived; the legend line comes earlier.
        page.wait_for_function(
            "([a, b]) => { const p = document.querySelector('.js-plotly-plot');"
            " const s = p ? p.textContent : ''; return s.includes(a) && s.includes(b); }",
            arg=[name, region],
            timeout=30_000,
        )
        svg = page.locator(".js-plotly-plot").first.inner_text()
        assert name in svg and region in svg
        settled(page)
        page.screenshot(path=str(SHOTS / f"territory-{tid}-ru.png"), full_page=True)
    assert outside_requests(page.requests_seen) == []
