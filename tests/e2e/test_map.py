"""Browser: the map page by URL, hover values equal the source, older layouts, 3D, offline."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import REPO
from tests.e2e.conftest import SHOTS, outside_requests, settled, wait_for_app
from tests.e2e.test_overview import FILLS_JS, NO_DATA_RGB

pytestmark = pytest.mark.e2e

HOVER_JS = """() => { const gd = Array.from(document.querySelectorAll('.js-plotly-plot'))
                 .find(g => g.querySelector('path.choroplethlocation'));
               return gd.data.flatMap(t => t.text || []); }"""


def _source(ind: str, year: int) -> dict[str, float]:
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    rows = obs[
        (obs.indicator_id == ind)
        & (obs.year == year)
        & (obs.ref_area != "")
        & (obs.sex == "")
        & (obs.urbanisation == "")
        & obs.conflict_of.isna()
    ]
    return dict(zip(rows.ref_area, rows.value, strict=True))


def test_poverty_map_by_url_then_an_older_year(server, page) -> None:
    page.goto(f"{server}/map?lang=en&ind=1.2.1&year=2023")
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation", timeout=30_000)
    fills = page.evaluate(FILLS_JS)
    assert len(fills) == 20 and NO_DATA_RGB not in fills
    src = _source("1.2.1", 2023)
    hovers = page.evaluate(HOVER_JS)
    regions = pd.read_parquet(REPO / "data" / "regions.parquet").set_index("ref_area")
    for code, value in src.items():
        name = regions.loc[code, "name_en"]
        text = next(h for h in hovers if h.startswith(f"<b>{name}</b>"))
        assert f"Value: <b>{value:g}</b>" in text.replace(",", ""), (code, text)
    page.screenshot(path=str(SHOTS / "map-en-2023.png"), full_page=True)

    # Step the year slider back to 2021: the data are on the 17 units of 2018-2022.
    thumb = page.locator(".st-key-map_year input[type='range']").first
    thumb.focus()
    for _ in range(2):
        thumb.press("ArrowLeft")
        wait_for_app(page)
    page.wait_for_function(
        "() => document.querySelectorAll('path.choroplethlocation').length === 17",
        timeout=30_000,
    )
    assert page.get_by_text("17 units (2018-2022)").first.is_visible()
    assert "year=2021" in page.url
    assert outside_requests(page.requests_seen) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_pilots_classes_and_3d_stay_offline(server, page, lang) -> None:
    page.goto(f"{server}/map?lang={lang}&ind=11.6.1&pilots=1&cls=quantiles")
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation", timeout=30_000)
    labels = page.evaluate(
        "() => Array.from(document.querySelectorAll('.scattergeo text')).map(t => t.textContent)"
    )
    assert any("Қарқаралы" in x or "Каркаралинский" in x for x in labels), labels
    page.screenshot(path=str(SHOTS / f"map-{lang}-pilots.png"), full_page=True)
    page.goto(f"{server}/map?lang={lang}&ind=1.2.1&mode=3d")
    wait_for_app(page)
    page.wait_for_selector("[data-testid='stDeckGlJsonChart'] canvas", timeout=30_000)
    settled(page)
    page.screenshot(path=str(SHOTS / f"map-{lang}-3d.png"), full_page=True)
    assert outside_requests(page.requests_seen) == []


def test_chosen_region_opens_its_profile(server, page) -> None:
    page.goto(f"{server}/map?lang=en&ind=1.2.1&year=2023&region=KZKAR")
    wait_for_app(page)
    page.get_by_text("Region profile: Karaganda region").click()
    page.wait_for_url("**/region?**", timeout=30_000)
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == "Karaganda region"
    assert "region=KZKAR" in page.url
    assert outside_requests(page.requests_seen) == []


def test_clicking_a_region_selects_it(server, page) -> None:
    page.goto(f"{server}/map?lang=en&ind=1.2.1&year=2023")
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation", timeout=30_000)
    page.locator("path.choroplethlocation").nth(5).click(force=True)
    page.wait_for_function("() => location.search.includes('region=')", timeout=30_000)
    wait_for_app(page)
    assert page.get_by_text("Region profile:").first.is_visible()


def test_play_shows_each_year_in_turn(server, page) -> None:
    page.goto(f"{server}/map?lang=en&ind=7.b.1")
    wait_for_app(page)
    # Record every chart title the page ever shows, from before the click (a busy machine may
    # draw a year between two looks; the observer sees each one).
    page.evaluate(
        """() => {
            window.sdgSeenTitles = new Set();
            const look = () => document.querySelectorAll('.js-plotly-plot .gtitle')
                .forEach(t => window.sdgSeenTitles.add(t.textContent));
            new MutationObserver(look).observe(document.body, {subtree: true, childList: true,
                                                               characterData: true});
        }"""
    )
    page.get_by_text("Play the years").click()
    page.wait_for_function(
        """() => ["2010", "2011", "2012"].every(y => window.sdgSeenTitles.has(y))""",
        timeout=60_000,
    )
    seen = set(page.evaluate("() => Array.from(window.sdgSeenTitles)"))
    assert {"2010", "2011", "2012"} <= seen
