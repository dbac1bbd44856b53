"""Every chart with a toolbar saves an image that says what it shows and where the numbers come
from: a title and a source line inside the figure, and a file name that names the view."""

from __future__ import annotations

import json

import pytest

from sdgdash.i18n import t
from tests.app.conftest import PAGES

# Views with the charts each page draws beyond its defaults.
EXTRA = {
    "app_pages/map.py": {"ind": "1.2.1", "region": "KZKAR"},
    "app_pages/goal.py": {"goal": "5", "region": "KZKAR"},
    "app_pages/compare.py": {"regions": "KZKAR,KZKZY"},
}


# At least this many charts with a toolbar on each page's view above (so the test has work).
TOOLBAR_CHARTS = {
    "app_pages/overview.py": 1,
    "app_pages/goal.py": 4,
    "app_pages/map.py": 2,
    "app_pages/region.py": 1,
    "app_pages/compare.py": 2,
    "app_pages/tag.py": 2,
}


@pytest.mark.parametrize("page", PAGES)
def test_toolbar_images_carry_title_and_source(app, page: str) -> None:
    at = app(page, lang="ru", **EXTRA.get(page, {}))
    assert not at.exception, [e.value for e in at.exception]
    source = t("source_line", "ru", file="").split(":")[0]
    checked = 0
    for chart in at.get("plotly_chart"):
        config = json.loads(chart.proto.config)
        if config.get("displayModeBar") is False:
            continue  # no toolbar, no image to save (locators, banners, timelines)
        title = json.loads(chart.proto.spec)["layout"].get("title", {})
        assert str(title.get("text", "")).strip(), (page, chart.proto.id)
        assert source in str(title.get("subtitle", {}).get("text", "")), (page, title)
        name = config.get("toImageButtonOptions", {}).get("filename", "")
        assert name.startswith("sdg_") and name != "sdg_chart" and name.endswith("_ru"), name
        checked += 1
    assert checked >= TOOLBAR_CHARTS.get(page, 0)
