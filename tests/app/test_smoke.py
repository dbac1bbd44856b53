"""Every page renders in every language without an exception (AppTest)."""

from __future__ import annotations

import pytest

from sdgdash.i18n import LANGS
from tests.app.conftest import PAGES


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_renders(app, page: str, lang: str) -> None:
    at = app(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page has a title"
    # Tables say "—" for a missing value, not "None" (widgets.data_table).
    assert all(d.proto.placeholder == "—" for d in at.dataframe)
