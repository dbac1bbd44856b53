"""Browser: the overview renders a map with every region coloured and stays on this machine."""

from __future__ import annotations

import pandas as pd
import pytest

from sdgdash.geo.choropleth import NO_DATA_COLOUR
from tests.conftest import REPO
from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e

# Fill colours of the drawn regions (plotly writes them as rgb(...)).
FILLS_JS = """() => Array.from(document.querySelectorAll('path.choroplethlocation'))
    .map(p => getComputedStyle(p).fill)"""
NO_DATA_RGB = "rgb({}, {}, {})".format(*(int(NO_DATA_COLOUR[i : i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_overview_map_has_20_coloured_units_and_no_outside_request(server, page, lang) -> None:
    page.goto(f"{server}/?lang={lang}&ind=1.2.1&year=2023")
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation", timeout=30_000)
    fills = page.evaluate(FILLS_JS)
    assert len(fills) == 20
    assert NO_DATA_RGB not in fills, "every unit has a value in 2023"
    assert len(set(fills)) > 5, "a colour scale, not one flat colour"
    page.screenshot(path=str(SHOTS / f"overview-{lang}.png"), full_page=True)
    assert outside_requests(page.requests_seen) == []


@pytest.mark.parametrize(
    ("ind", "year", "units", "caption"),
    [
        # Poverty for 2016 is published (back-calculated) for Turkistan region and Shymkent.
        ("1.2.1", 2016, 17, "17 units (2018-2022)"),
        # Under-five mortality for 2016 is published for South Kazakhstan.
        ("3.2.1", 2016, 16, "16 units (before June 2018"),
    ],
)
def test_older_years_use_the_older_layouts_and_hover_shows_the_source_value(
    server, page, ind, year, units, caption
):
    src = pd.read_parquet(REPO / "data" / "observations.parquet")
    rows = src[
        (src.indicator_id == ind)
        & (src.year == year)
        & (src.ref_area == "KZKAR")
        & src.conflict_of.isna()
    ]
    page.goto(f"{server}/?lang=en&ind={ind}&year={year}")
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation", timeout=30_000)
    fills = page.evaluate(FILLS_JS)
    assert len(fills) == units
    assert page.get_by_text(caption).first.is_visible()
    # The hover texts live on the plotly graph div: Karaganda's carries the source value.
    texts = page.evaluate(
        """() => { const gd = Array.from(document.querySelectorAll('.js-plotly-plot'))
                     .find(g => g.querySelector('path.choroplethlocation'));
                   return gd.data.flatMap(t => t.text || []); }"""
    )
    karaganda = [t for t in texts if t.startswith("<b>Karaganda region")]
    assert karaganda
    shown = [r for r in rows.itertuples() if f"row {r.source_row}<" in karaganda[0] + "<"]
    assert len(shown) == 1, "the hover names exactly one source row"
    assert f"<b>{shown[0].value:g}</b>" in karaganda[0].replace(",", "")
    assert outside_requests(page.requests_seen) == []


def test_language_switch_changes_every_name_and_keeps_it_in_the_url(server, page) -> None:
    page.goto(f"{server}/?lang=ru&ind=1.2.1&year=2023")
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation", timeout=30_000)
    assert page.locator("h1").first.inner_text().strip() == "ЦУР в регионах Казахстана"
    page.locator("[data-testid='stSidebar']").get_by_text("Қазақша").click()
    page.wait_for_function("() => location.search.includes('lang=kk')", timeout=30_000)
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == "Қазақстан өңірлеріндегі ТДМ"
    texts_js = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
              .flatMap(g => (g.data || []).flatMap(t => t.text || []))"""
    # The figures repaint after the script run: wait for the Kazakh region names.
    page.wait_for_function(
        f"() => ({texts_js})().some(x => x.startsWith('<b>Қарағанды облысы</b>'))", timeout=30_000
    )
    tiles = page.locator(".st-key-sdg_goal_tiles").inner_text()
    assert "Кедейлікті жою" in tiles, "goal names in Kazakh"
    nav = page.locator("[data-testid='stSidebarNav']").inner_text()
    assert "Көрсеткіштер картасы" in nav
    assert outside_requests(page.requests_seen) == []


def test_goal_tiles_open_their_goal_page_by_mouse_and_keyboard(server, page) -> None:
    """Each goal's tile is a link to its goal page (no second row of "Goal 1 ... 17" links), its
    short name whole on the tile; a keyboard reaches it with Tab and opens it with Enter."""
    page.goto(f"{server}/?lang=ru")
    wait_for_app(page)
    # (Streamlit writes a link with a tooltip twice, one for small screens, one hidden.)
    tiles = page.locator(".st-key-sdg_goal_tiles a").filter(visible=True)
    assert tiles.count() == 17
    assert "Устойчивые города и населенные пункты" in tiles.nth(10).inner_text()
    assert page.get_by_role("link", name="Цель 1", exact=True).count() == 0
    # A tile's text is never cut: each fits in its tile.
    cut = page.evaluate(
        """() => Array.from(document.querySelectorAll('.st-key-sdg_goal_tiles a'))
             .filter(a => a.checkVisibility())
             .filter(a => a.scrollWidth > a.clientWidth + 1 || a.scrollHeight > a.clientHeight + 1)
             .map(a => a.innerText)"""
    )
    assert cut == []
    tiles.nth(10).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/goal?**", timeout=60_000)
    wait_for_app(page)
    assert "goal=11" in page.url
    assert page.locator("h1").first.inner_text().startswith("Цель 11.")
    assert outside_requests(page.requests_seen) == []
