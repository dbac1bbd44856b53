"""Browser: the editor flow on the findings page (no form without login, log in, add a finding
with HTML/script in it, see it as text on the findings page and on the region page)."""

from __future__ import annotations

import pytest

from sdgdash.store import open_store
from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e

PASSWORD = "browser test password"
NASTY = '<script>window.__pwned = 1; document.title = "pwned"</script><img src=x onerror="window.__pwned=2"> **not bold**'


def test_editor_flow_in_the_browser(server, page, e2e_store_url):
    store = open_store(e2e_store_url)
    if store.user("e2e_editor") is None:
        store.create_user("e2e_editor", PASSWORD)
    store.dispose()

    page.goto(f"{server}/findings?lang=en&region=KZKAR")
    wait_for_app(page)
    page.get_by_text("To add a finding, log in as an editor in the sidebar.").wait_for(
        timeout=60_000
    )
    assert page.get_by_label("Finding text").count() == 0

    side = page.locator("[data-testid='stSidebar']")
    # A visitor sees a closed "Editor login", not the form.
    assert not side.get_by_label("Username").is_visible()
    side.get_by_text("Editor login").click()
    side.get_by_label("Username").fill("e2e_editor")
    side.get_by_label("Password", exact=True).fill("wrong password!")
    side.get_by_role("button", name="Log in").click()
    wait_for_app(page)
    side.get_by_text("Wrong username or password.").wait_for(timeout=30_000)

    side.get_by_label("Username").fill("e2e_editor")
    side.get_by_label("Password", exact=True).fill(PASSWORD)
    side.get_by_role("button", name="Log in").click()
    wait_for_app(page)
    side.get_by_text("Logged in as e2e_editor (editor)").wait_for(timeout=30_000)

    form = page.locator("[data-testid='stForm']").filter(has_text="Finding text")
    for part, value in (("year", "2022"), ("month", "10"), ("day", "12")):
        form.get_by_role("spinbutton", name=f"{part}, Date").click()
        page.keyboard.type(value)
    form.get_by_label("Finding text").fill(NASTY)
    form.get_by_label("Source (minutes, report, link)").fill("Seminar minutes, Karaganda")
    form.get_by_role("button", name="Save").click()
    wait_for_app(page)
    page.get_by_text("Finding saved (no.").wait_for(timeout=30_000)

    shown = page.locator("[data-testid='stText']").filter(has_text="window.__pwned")
    assert shown.first.inner_text() == NASTY  # the exact text, shown literally
    assert page.evaluate("window.__pwned") is None
    assert page.title() != "pwned"
    scripts = page.evaluate(
        "[...document.querySelectorAll('script')].filter(s => s.textContent.includes('pwned')).length"
    )
    assert scripts == 0
    assert page.locator("img[src='x']").count() == 0
    page.screenshot(path=str(SHOTS / "findings_editor_saved.png"))

    page.goto(f"{server}/region?lang=en&region=KZKAR")
    wait_for_app(page)
    on_region = page.locator("[data-testid='stText']").filter(has_text="window.__pwned")
    on_region.first.wait_for(timeout=60_000)
    assert on_region.first.inner_text() == NASTY
    assert page.evaluate("window.__pwned") is None
    on_region.first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "region_with_finding.png"))
    assert outside_requests(page.requests_seen) == []
