"""Browser: the tag page shows a seminar problem's indicator on the map and across regions,
links to the map page with the indicator chosen, and stays on this machine."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e

# Every plotly figure's traces: type, number of points, y labels.
TRACES_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(g => (g.data || []).map(t => ({type: t.type, n: (t.y || t.locations || []).length,
                                        y: Array.from(t.y || [])})))"""

# A select box's label and the text of its chosen option (an input's aria-label in Streamlit 1.67).
SELECTED_JS = """e => e.innerText + ' ' + Array.from(e.querySelectorAll('input'))
    .map(i => i.value + ' ' + (i.getAttribute('aria-label') || '')).join(' ')"""


def test_tag_page_map_ranking_and_link_to_the_map(server, page) -> None:
    page.goto(f"{server}/tag?lang=en&tag=household_waste&indicator=11.6.1")
    wait_for_app(page, 120_000)
    page.wait_for_selector(
        "h1:has-text('Household waste collection and recycling')", timeout=90_000
    )
    page.wait_for_selector("path.choroplethlocation", timeout=90_000)
    page.wait_for_selector(".js-plotly-plot .barlayer", timeout=90_000)
    wait_for_app(page, 120_000)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("path.choroplethlocation").count() == 20
    figures = page.evaluate(TRACES_JS)
    bars = [t for fig in figures for t in fig if t["type"] == "bar"]
    assert len(bars) == 1 and bars[0]["n"] == 20
    assert bars[0]["y"][-1] in {"Astana city", "Almaty city"}  # 100 %: rank 1, drawn at the top
    assert page.get_by_text("Kazakhstan: 81.3").count() >= 1
    body = page.locator("[data-testid='stMain']").inner_text()
    for text in ("SDG targets", "11.6.1.1", "Field seminars on the SDGs in every region"):
        assert text in body
    page.screenshot(path=str(SHOTS / "tag-household_waste-en.png"), full_page=True)

    link = page.get_by_role("link", name="Open on the indicator map: 11.6.1")
    href = link.get_attribute("href") or ""
    assert (
        href.split("?")[0].endswith("map")
        and "ind=11.6.1" in href
        and "tag=household_waste" in href
    )
    link.click()
    page.wait_for_url("**/map?**", timeout=60_000)
    wait_for_app(page, 120_000)
    page.wait_for_selector("h1", timeout=90_000)
    assert "ind=11.6.1" in page.url
    assert "tag=household_waste" in page.url, "the map keeps the tag filter"
    picked = page.locator(".st-key-sdg_filters [data-testid='stSelectbox']").first
    shown = picked.evaluate(SELECTED_JS)
    assert "Household waste collection" in shown, shown
    assert outside_requests(page.requests_seen) == []
