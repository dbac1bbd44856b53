"""Browser: presentation mode, copy link, and a deck of two views stepped through full screen."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e

SIDEBAR_VISIBLE_JS = """() => { const s = document.querySelector("[data-testid='stSidebar']");
    return !!s && getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().width > 0; }"""
H1_SIZE_JS = "() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)"


def _open(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector("h1", timeout=30_000)


def test_presentation_mode_hides_the_sidebar_and_enlarges_the_title(server, page) -> None:
    _open(page, f"{server}/map?lang=ru&ind=1.2.1&year=2023")
    assert page.evaluate(SIDEBAR_VISIBLE_JS)
    normal = page.evaluate(H1_SIZE_JS)
    _open(page, f"{server}/map?lang=ru&ind=1.2.1&year=2023&present=1")
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    assert not page.evaluate(SIDEBAR_VISIBLE_JS)
    assert page.evaluate(H1_SIZE_JS) > normal * 1.1
    # The chart keeps its title and source line (in the figure, so the toolbar PNG has them too).
    title = page.evaluate(
        """() => document.querySelector('.js-plotly-plot').layout.title.subtitle.text"""
    )
    assert "indicator_1-2-1.csv" in title
    assert page.get_by_text("Источник: Национальная платформа").filter(visible=True).count()
    page.screenshot(path=str(SHOTS / "present-map-ru.png"), full_page=False)
    # Leaving presentation mode brings the sidebar back and keeps the view.
    page.get_by_role("button", name="Выйти из презентации").click()
    wait_for_app(page)
    page.wait_for_function(SIDEBAR_VISIBLE_JS, timeout=30_000)
    assert "ind=1.2.1" in page.url and "present" not in page.url
    assert outside_requests(page.requests_seen) == []


def test_copy_link_copies_the_view_url(server, browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        _open(page, f"{server}/map?lang=kk&ind=3.2.1&region=KZPAV")
        page.get_by_role("button", name="Сілтемені көшіру").click()
        page.wait_for_function("() => document.getElementById('sdg-copy-link').dataset.copied")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == page.url
        assert "region=KZPAV" in copied and "ind=3.2.1" in copied and "lang=kk" in copied
    finally:
        context.close()


def test_two_views_in_a_deck_stepped_through_full_screen(server, page) -> None:
    _open(page, f"{server}/map?lang=en&ind=1.2.1&year=2023&region=KZKAR")
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)  # cold caches on a fresh server
    page.get_by_role("button", name="Add to deck").click(timeout=60_000)
    page.get_by_text("Views in the deck: 1").wait_for(timeout=30_000)
    # Within the session (the deck lives there): the sidebar link to the overview.
    page.get_by_role("link", name="Overview").click()
    wait_for_app(page)
    page.get_by_role("button", name="Add to deck").click()
    page.get_by_text("Views in the deck: 2").wait_for(timeout=30_000)
    page.get_by_role("link", name="Seminar", exact=True).click()
    wait_for_app(page)
    page.get_by_role("button", name="Show full screen").click()
    wait_for_app(page)
    page.get_by_text("Slide 1 of 2").wait_for(timeout=30_000)
    assert "/map?" in page.url and "present=1" in page.url and "ind=1.2.1" in page.url
    assert not page.evaluate(SIDEBAR_VISIBLE_JS)
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    page.screenshot(path=str(SHOTS / "deck-step-1.png"))
    page.get_by_role("button", name="Next").click()
    wait_for_app(page)
    page.get_by_text("Slide 2 of 2").wait_for(timeout=30_000)
    assert "present=1" in page.url and "/map" not in page.url and "ind=1.2.1" in page.url
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    page.screenshot(path=str(SHOTS / "deck-step-2.png"))
    page.get_by_role("button", name="Previous").click()
    wait_for_app(page)
    page.get_by_text("Slide 1 of 2").wait_for(timeout=30_000)
    assert "/map?" in page.url
    assert outside_requests(page.requests_seen) == []


def test_goal_tag_and_territory_views_in_a_deck_and_its_powerpoint(server, page, tmp_path) -> None:
    import io

    from pptx import Presentation

    _open(page, f"{server}/goal?lang=en&goal=3&region=KZKAR")
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)  # cold caches on a fresh server
    for added, link in enumerate((None, "Problem tags", "Pilot territories"), 1):
        if link:  # within the session (the deck lives there): the sidebar navigation
            page.get_by_role("link", name=link).click()
            wait_for_app(page)
        page.get_by_role("button", name="Add to deck").click(timeout=60_000)
        page.get_by_text(f"Views in the deck: {added}").wait_for(timeout=30_000)
    wait_for_app(page)  # the run that "Add to deck" started has ended
    # A second territory: stepping from one territory to the next must show the next one.
    page.get_by_label("Territory").first.click(timeout=60_000)
    page.get_by_role("option", name="Kamystybas village").click()
    wait_for_app(page)
    page.get_by_role("button", name="Add to deck").click()
    page.get_by_text("Views in the deck: 4").wait_for(timeout=30_000)
    page.get_by_role("link", name="Seminar", exact=True).click()
    wait_for_app(page)
    page.get_by_role("button", name="Build the PowerPoint file").click()
    download = page.get_by_role("button", name="Download PowerPoint (PPTX)")
    download.wait_for(timeout=180_000)
    page.screenshot(path=str(SHOTS / "deck-goal-tag-territory.png"), full_page=True)
    with page.expect_download(timeout=120_000) as dl:
        download.click()
    path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(path)
    titles = [
        next(s.text_frame.text for s in slide.shapes if s.name == "Title")
        for slide in Presentation(io.BytesIO(path.read_bytes())).slides
    ]
    assert titles[1] == "Goal 3. Good health and well-being — Karaganda region"
    # The goal view: its chart and one summary slide of its long status table, then the tag.
    assert titles[2].endswith(" of 30)")
    assert titles[3].startswith("Household waste collection and recycling: 11.6.1 ")
    assert "Karkaraly district — district, Karaganda region" in titles
    assert "Kamystybas village — village, Kyzylorda region" in titles
    page.get_by_role("button", name="Show full screen").click()
    wait_for_app(page)
    for step, h1 in enumerate(
        ["Goal 3. Good health", "Household waste", "Karkaraly district", "Kamystybas village"], 1
    ):
        page.get_by_text(f"Slide {step} of 4").wait_for(timeout=60_000)
        page.wait_for_function(
            "(t) => document.querySelector('h1')?.innerText.startsWith(t)", arg=h1, timeout=60_000
        )
        if step < 4:
            page.get_by_role("button", name="Next").click()
            wait_for_app(page)
    page.screenshot(path=str(SHOTS / "deck-step-territory.png"))
    assert outside_requests(page.requests_seen) == []
