"""Browser: test_screens.py's checks and pictures of every page in kk, ru and en on a projector (1920x1080, presentation mode)."""

from __future__ import annotations

import pytest

from sdgdash.i18n import LANGS
from sdgdash.pages import PAGES
from tests.e2e.test_screens import check_screen, deck_file, tabs  # noqa: F401 - fixtures

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_id", [p.id for p in PAGES])
def test_screen_projector(server, tabs, deck_file, page_id: str, lang: str) -> None:  # noqa: F811
    check_screen(server, tabs, deck_file, page_id, lang, "projector")
