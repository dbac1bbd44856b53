"""Offline guarantee: every page in the app's navigation (discovered in the browser, not listed
here) loads in Chromium without one request leaving this machine."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.app.conftest import PAGES
from tests.e2e.conftest import outside_requests, wait_for_app

pytestmark = pytest.mark.e2e


def test_every_navigation_page_stays_on_this_machine(server, browser, page) -> None:
    # A fresh server runs its very first session in Streamlit's old pages/ folder mode (see
    # state.page_lang), whose sidebar lists the files; a second browser shows the app's own.
    warm = browser.new_context()
    warm.new_page().goto(f"{server}/?lang=kk")
    warm.pages[0].wait_for_selector("h1", timeout=60_000)
    warm.close()
    page.goto(f"{server}/?lang=kk")
    wait_for_app(page)
    page.wait_for_selector("[data-testid='stSidebarNavLink']", timeout=30_000)
    hrefs = sorted(
        {
            urlparse(a.get_attribute("href") or "").path or "/"
            for a in page.locator("[data-testid='stSidebarNavLink']").all()
        }
    )
    # The navigation offers every page the AppTest suite knows (and nothing is left out there).
    stems = {p.removeprefix("app_pages/").removesuffix(".py") for p in PAGES}
    assert len(hrefs) == len(stems), (hrefs, sorted(stems))
    assert {h.strip("/") for h in hrefs if h != "/"} <= stems
    visited = []
    for href in hrefs:
        page.requests_seen.clear()
        page.goto(f"{server}{href}?lang=kk")
        wait_for_app(page)
        page.wait_for_selector("h1", timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0, href
        page.wait_for_load_state("networkidle")  # late requests (fonts, images, tiles) show up
        assert outside_requests(page.requests_seen) == [], href
        visited.append(href)
    assert len(visited) == len(stems)
