"""Browser: the accessibility scan of test_a11y.py in presentation mode (the seminar hall's view:
larger type, no sidebar), every page in every language. A file of its own so that the two test
workers scan the two modes side by side."""

from __future__ import annotations

import pytest

from sdgdash.i18n import LANGS
from tests.e2e.test_a11y import _scan_every_page

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", LANGS)
def test_axe_every_page_every_language_presenting(server, page, axe_source, lang: str) -> None:
    _scan_every_page(server, page, axe_source, "present", lang)
