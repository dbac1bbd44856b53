"""Browser: the boundaries come once from the app's own host (static/geo/), never over the
websocket, and every region is still drawn."""

from __future__ import annotations

import pytest

from sdgdash.geo import layouts
from sdgdash.i18n import t
from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e

PATHS_JS = "() => document.querySelectorAll('path.choroplethlocation').length"


def _geo_requests(urls: list[str], server: str) -> list[str]:
    return [u for u in urls if "/static/geo/" in u]


def _wait_for_year(page, year: int) -> None:
    """Wait for the rerun a slider step started (the URL says the year) to be over."""
    page.wait_for_function(f"() => location.search.includes('year={year}')", timeout=60_000)
    wait_for_app(page)


def _open_map(page, server: str) -> list[bytes]:
    """Open the 1.2.1 map of 2023 and wait for its 20 regions; the websocket frames the page
    receives from then on are appended to the list returned."""
    frames: list[bytes] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived", lambda d: frames.append(d if isinstance(d, bytes) else d.encode())
        ),
    )
    page.goto(f"{server}/map?lang=ru&ind=1.2.1&year=2023")
    wait_for_app(page)
    page.wait_for_function(f"() => ({PATHS_JS})() === {len(layouts.UNITS_2022)}", timeout=60_000)
    return frames


def test_map_fetches_each_layout_once_and_draws_every_region(server, page) -> None:
    frames = _open_map(page, server)
    geo = _geo_requests(page.requests_seen, server)
    assert len(geo) == 1 and geo[0].startswith(f"{server}/app/static/geo/regions_2022."), geo

    # 2022's values use the codes of the 17 units of 2018-2022: that layout is fetched once,
    # when it is first drawn.
    thumb = page.locator(".st-key-map_year input[type='range']").first
    thumb.focus()
    thumb.press("ArrowLeft")
    _wait_for_year(page, 2022)
    page.wait_for_function(f"() => ({PATHS_JS})() === {len(layouts.UNITS_2018)}", timeout=60_000)
    geo = _geo_requests(page.requests_seen, server)
    assert len(geo) == 2 and "/regions_2018." in geo[1], geo

    # Another year on the same layout: a new figure, no new request for the boundaries.
    thumb.focus()
    thumb.press("ArrowLeft")
    _wait_for_year(page, 2021)
    assert page.evaluate(PATHS_JS) == len(layouts.UNITS_2018)
    assert len(_geo_requests(page.requests_seen, server)) == 2

    # Back on the overview (same browser page): the 2022 layout is not fetched again.
    page.locator("[data-testid='stSidebarNavLink']").first.click()
    wait_for_app(page)
    page.wait_for_function(f"() => ({PATHS_JS})() === {len(layouts.UNITS_2022)}", timeout=60_000)
    assert len(_geo_requests(page.requests_seen, server)) == 2
    page.screenshot(path=str(SHOTS / "geometry-once-overview.png"), full_page=True)

    assert frames and not any(b'"coordinates"' in f for f in frames), "no shapes over the socket"
    assert outside_requests(page.requests_seen) == []


def test_a_year_change_reruns_only_the_map_part(server, page) -> None:
    # The map, its year and settings, the region panel and the values table are one fragment
    # (issue 18): a year change sends them again, not the pickers, the heading or the styles.
    frames = _open_map(page, server)
    whole = b"".join(frames)
    picker, values = t("all_goals", "ru").encode(), t("values_heading", "ru").encode()
    assert picker in whole and values in whole

    start = len(frames)
    thumb = page.locator(".st-key-map_year input[type='range']").first
    thumb.focus()
    thumb.press("ArrowLeft")
    _wait_for_year(page, 2022)
    page.wait_for_function(f"() => ({PATHS_JS})() === {len(layouts.UNITS_2018)}", timeout=60_000)
    change = b"".join(frames[start:])
    assert b"choropleth" in change and values in change, "the map part is sent again"
    assert picker not in change, "the pickers above the map are not"
