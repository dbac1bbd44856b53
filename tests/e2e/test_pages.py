"""Browser: the compare page draws two regions and the country. (Every page in every language
rendering without an error, offline, is checked with each screen size in test_screens*.py.)"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import outside_requests, wait_for_app

pytestmark = pytest.mark.e2e


def test_region_page_karaganda_vs_kyzylorda(server, page) -> None:
    page.goto(f"{server}/compare?lang=ru&regions=KZKAR,KZKZY&ind=1.2.1")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    names = page.evaluate(
        """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
              .flatMap(g => (g.data || []).map(t => t.name))"""
    )
    assert {"Карагандинская область", "Кызылординская область", "Казахстан"} <= set(names)
    assert outside_requests(page.requests_seen) == []
