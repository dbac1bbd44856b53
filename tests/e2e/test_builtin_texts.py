"""Browser: Streamlit's own texts (file uploader, table toolbar) are in the page's language."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e


def _dropzone_text(page) -> str:
    page.wait_for_selector("[data-testid='stFileUploaderDropzone']", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stFileUploaderDropzone']\")"
        ".innerText.includes('per file')",
        timeout=30_000,
    )
    return page.locator("[data-testid='stFileUploaderDropzone']").first.inner_text()


@pytest.mark.parametrize(
    ("lang", "upload", "limit"),
    [
        ("kk", "Жүктеу", "ең үлкен көлемі – 10\u00a0МБ"),
        ("ru", "Загрузить", "До 10\u00a0МБ на файл"),
    ],
)
def test_file_uploader_speaks_the_page_language(server, page, lang, upload, limit) -> None:
    page.goto(f"{server}/territory?lang={lang}")
    wait_for_app(page)
    text = _dropzone_text(page)
    assert upload in text and limit in text, text
    assert "Upload" not in text and "per file" not in text
    page.locator("[data-testid='stFileUploader']").first.screenshot(
        path=str(SHOTS / f"uploader-{lang}.png")
    )
    assert outside_requests(page.requests_seen) == []


def test_table_toolbar_and_switching_back_to_english(server, page) -> None:
    page.goto(f"{server}/map?lang=ru&ind=1.2.1")
    wait_for_app(page)
    table = page.locator("[data-testid='stDataFrame']").first
    table.hover()
    labels = page.locator("[data-testid='stElementToolbarButton'] button")
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll("
        "\"[data-testid='stElementToolbarButton'] button\"))"
        ".some(b => (b.getAttribute('aria-label') || '').startsWith('Скачать как CSV'))",
        timeout=30_000,
    )
    names = [labels.nth(i).get_attribute("aria-label") or "" for i in range(labels.count())]
    assert any(n.startswith("Поиск") for n in names), names
    assert not any(n.startswith(("Download as CSV", "Search")) for n in names), names
    # Back to English: the originals return (no stale Russian).
    page.locator("[data-testid='stSidebar']").get_by_text("English").click()
    wait_for_app(page)
    page.locator("[data-testid='stDataFrame']").first.hover()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll("
        "\"[data-testid='stElementToolbarButton'] button\"))"
        ".some(b => (b.getAttribute('aria-label') || '').startsWith('Download as CSV'))",
        timeout=30_000,
    )
    assert outside_requests(page.requests_seen) == []
