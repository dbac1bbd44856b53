"""Browser: hostile stored text and files (issue 12). A finding whose source, event and author
are addresses shows them as text, with no link element; a deck file that nests 60,000
brackets ends in the loader's message, not in Streamlit's error box."""

from __future__ import annotations

from datetime import date

import pytest

from sdgdash.store import FindingInput, open_store
from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e

AUTHOR = "mallory@evil.example"  # a valid user name that is also an e-mail address
SOURCE = "Minutes at https://evil.example/login, copy on www.evil.example"
TEXT = "Visit https://evil.example/x now"
# Any <a> whose address leaves the app: the planted hosts, mail links, script links.
OUTSIDE_LINKS = "a[href*='evil'], a[href^='mailto:'], a[href^='javascript:']"


@pytest.fixture
def planted(e2e_store_url) -> None:
    store = open_store(e2e_store_url)
    if store.user(AUTHOR) is None:
        store.create_user(AUTHOR, "browser test password")
    if not (store.findings()["source"] == SOURCE).any():
        store.add_finding(
            FindingInput(
                date(2022, 10, 12),
                TEXT,
                SOURCE,
                ref_area="KZKAR",
                event_id="www.evil.example",
                priority_goals=(6,),
            ),
            store.user(AUTHOR),
        )
    store.dispose()


@pytest.mark.parametrize("path", ["findings?lang=en&region=KZKAR", "region?lang=en&region=KZKAR"])
def test_planted_addresses_show_as_text_and_never_as_links(server, page, planted, path) -> None:
    page.goto(f"{server}/{path}")
    wait_for_app(page)
    card = page.locator("[data-testid='stVerticalBlock']").filter(has_text=TEXT).last
    card.wait_for(timeout=60_000)
    card.scroll_into_view_if_needed()
    # What the editor wrote is on the page, as text (the word joiners that break autolinks
    # are invisible and removed here) ...
    body = page.evaluate("document.body.innerText").replace("\u2060", "")
    assert TEXT in body and SOURCE in body and AUTHOR in body and "www.evil.example" in body
    # ... and no element links anywhere outside the app.
    assert page.locator(OUTSIDE_LINKS).count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(SHOTS / f"planted-links-{path.split('?')[0]}.png"))
    assert outside_requests(page.requests_seen) == []


def test_a_deeply_nested_deck_file_ends_in_the_loaders_message(server, page) -> None:
    page.goto(f"{server}/seminar?lang=en")
    wait_for_app(page)
    files = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    files.set_input_files(
        files=[{"name": "deck.json", "mimeType": "application/json", "buffer": b"[" * 60_000}]
    )
    wait_for_app(page)
    page.get_by_text("File rejected, the current deck is unchanged").wait_for(timeout=30_000)
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(SHOTS / "deck-file-rejected.png"))
