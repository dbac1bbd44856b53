"""Browser: the region page's "distance and pace" block: goal scores beside Kazakhstan and the
peers, the indicator chart with the peers' band and the projection, the indicator picked by its
URL and changed by the user, and nothing fetched from outside this machine."""

from __future__ import annotations

import pytest

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.distance import view
from sdgdash.i18n import t
from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e

DETAIL_JS = """() => { const gd = Array.from(document.querySelectorAll('.js-plotly-plot'))
                 .find(g => (g.data || []).some(t => t.fill === 'toself'));
               return gd ? gd._fullData.map(t => ({name: t.name, fill: t.fill || '',
                                               x: Array.from(t.x || []), y: Array.from(t.y || [])}))
                         : null; }"""


def test_region_page_distance_block_in_russian(server, page) -> None:
    data = Source(Settings.from_env({}))
    block = view.region_distance(data, "KZAKM")
    labels = data.labels()
    page.goto(f"{server}/region?lang=ru&region=KZAKM&dind=1.1.1")
    wait_for_app(page, timeout=180_000)
    heading = page.get_by_role("heading", name=t("dist_block_heading", "ru"))
    heading.scroll_into_view_if_needed()
    assert heading.is_visible()
    peers = ", ".join(labels.region_name(c, "ru") for c in block.peers.codes)
    line = page.locator("[data-testid='stMarkdownContainer']").filter(has_text=peers)
    line.first.wait_for(state="visible", timeout=30_000)

    # The chart of 1.1.1: the region's line equals its present-extent values, the peers' band
    # runs from their minimum to their maximum, the projection reaches 2030.
    traces = page.evaluate(DETAIL_JS)
    assert traces is not None
    by_name = {tr["name"]: tr for tr in traces}
    detail = view.indicator_detail(data, "KZAKM", "1.1.1")
    mine = detail.band.dropna(subset=["value"])
    region = by_name[labels.region_name("KZAKM", "ru")]
    assert region["x"] == [int(y) for y in mine["year"]]
    assert region["y"] == pytest.approx(list(mine["value"]))
    band = by_name[t("dist_peer_range", "ru")]
    peers_years = detail.band[detail.band["n_peers"] > 0]
    assert max(band["y"]) == pytest.approx(peers_years["peer_max"].max())
    assert min(band["y"]) == pytest.approx(peers_years["peer_min"].min())
    assert by_name[t("dist_projection", "ru")]["x"][-1] == 2030
    page.screenshot(path=str(SHOTS / "region-distance-ru.png"), full_page=True)

    # Another indicator from the picker: the URL and the chart follow.
    picker = page.locator(".st-key-reg_dind")
    picker.scroll_into_view_if_needed()
    picker.click()
    page.keyboard.type("1.2.1 ")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('dind=1.2.1')", timeout=30_000)
    wait_for_app(page)  # the URL changes while the script runs: wait for the run to end
    after = page.evaluate(DETAIL_JS)
    want = view.indicator_detail(data, "KZAKM", "1.2.1").band.dropna(subset=["value"])
    region = next(tr for tr in after if tr["name"] == labels.region_name("KZAKM", "ru"))
    assert region["y"] == pytest.approx(list(want["value"]))
    assert outside_requests(page.requests_seen) == []
