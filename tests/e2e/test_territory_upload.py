"""Browser: an editor uploads local data for a pilot territory (a bad file is refused with its
problems, a good one is checked, stored, and drawn beside the region and the country), then
withdraws it. The uploaded values are a TEST FIXTURE, not data."""

from __future__ import annotations

import pytest

from sdgdash.i18n import t
from sdgdash.store import open_store
from tests.e2e.conftest import SHOTS, outside_requests, settled, wait_for_app

pytestmark = pytest.mark.e2e

PASSWORD = "upload test password"
HEADER = b"Year,UNIT_MEASURE,SEX,URBANISATION,Value\n"
BAD = HEADER + b"2023,PT,,,abc\n1990,PT,,,1\n"  # a word as a value, a year out of range
GOOD = HEADER + b"2022,PT,,,4.5\n2023,PT,,,4.25\n"  # TEST FIXTURE values


@pytest.fixture
def uploader(e2e_store_url):
    """An editor account; afterwards no upload of this test stays in force (the other browser
    tests expect the pilots' honest empty state)."""
    store = open_store(e2e_store_url)
    if store.user("e2e_uploader") is None:
        store.create_user("e2e_uploader", PASSWORD)
    yield
    user = store.user("e2e_uploader")
    for upload_id in store.uploads("kamystybas_village")["id"]:
        store.withdraw_upload(int(upload_id), user)
    store.dispose()


def test_editor_uploads_checks_stores_and_withdraws_local_data(server, page, uploader):
    page.goto(f"{server}/territory?lang=en&territory=kamystybas_village")
    wait_for_app(page)
    page.wait_for_selector("h1", timeout=60_000)
    # Before logging in anyone may check a file, but the page says storing needs an editor.
    main = page.locator("[data-testid='stMain']")
    assert t("ld_login", "en") in main.inner_text()
    side = page.locator("[data-testid='stSidebar']")
    side.get_by_text(t("auth_heading", "en")).click()  # the compact "Editor login"
    side.get_by_label("Username").fill("e2e_uploader")
    side.get_by_label("Password", exact=True).fill(PASSWORD)
    side.get_by_role("button", name="Log in").click()
    wait_for_app(page)
    # As an editor would: on only once the sidebar says who is logged in (the password check
    # takes a moment; a click before it ends would race the login's run).
    side.get_by_text("Logged in as e2e_uploader (").wait_for(timeout=30_000)

    picker = page.locator("[data-testid='stSelectbox']").filter(has_text="Indicator")
    picker.click()
    page.keyboard.type("1.2.1")
    page.keyboard.press("Enter")
    wait_for_app(page)
    files = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    files.set_input_files(files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": BAD}])
    wait_for_app(page)
    page.get_by_text("File not accepted: 2 problems. Nothing was stored.").wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Store for the territory").count() == 0

    files.set_input_files(
        files=[{"name": "kamystybas.csv", "mimeType": "text/csv", "buffer": GOOD}]
    )
    wait_for_app(page)
    page.get_by_text("File checked: 2 rows, no problems.").wait_for(timeout=30_000)
    page.get_by_role("button", name="Store for the territory").click()
    wait_for_app(page)
    page.get_by_text("Stored (upload").wait_for(timeout=30_000)

    # Territory / region / Kazakhstan for the same indicator and years, as lines.
    lines = (
        page.locator(".js-plotly-plot")
        .filter(has_text="Kamystybas village")
        .filter(has_text="Kyzylorda")
        .filter(has_text="Kazakhstan")
    )
    lines.first.wait_for(timeout=30_000)
    assert lines.count() == 1
    assert "No local data uploaded yet." not in page.locator("[data-testid='stMain']").inner_text()
    lines.scroll_into_view_if_needed()
    settled(page)
    page.screenshot(path=str(SHOTS / "territory-upload-en.png"))

    page.get_by_role("button", name="Withdraw").click()
    wait_for_app(page)
    page.get_by_text("No local data uploaded yet.").wait_for(timeout=30_000)
    assert outside_requests(page.requests_seen) == []
