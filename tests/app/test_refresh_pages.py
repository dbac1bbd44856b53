"""Every page renders on the data of every swapped refresh scenario (tests/refresh_fixtures.py):
a retired indicator, an index indicator without regional rows, a replaced placeholder, a new
year with a new region code, and a source of unknown version. Before issue 15, the first two
crashed the overview, map, goal, tag, region, compare, index and territory pages.

The retired indicator (the crash reported) is rendered in every language; each other scenario
in one language, the three languages taking turns (what a scenario changes is data, the same in
every language; tests/app/test_smoke.py renders every page in every language on the real data).
This keeps the refresh tests within about a minute and a half on two cores."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from sdgdash.i18n import LANGS
from tests.app.conftest import APP, PAGES
from tests.refresh_fixtures import GEODATA, SWAPPED

FIRST, *OTHERS = SWAPPED
RUNS = [(FIRST, LANGS)] + [(name, (LANGS[i % len(LANGS)],)) for i, name in enumerate(OTHERS)]


@pytest.mark.parametrize(("name", "langs"), RUNS, ids=[name for name, _ in RUNS])
def test_every_page_renders_on_the_refreshed_data(
    refresh_scenario, name: str, langs: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario = refresh_scenario(name)
    assert scenario.swapped, scenario.error
    monkeypatch.setenv("SDGDASH_DATA_DIR", str(scenario.data))
    monkeypatch.setenv("SDGDASH_GEODATA_DIR", str(GEODATA))
    st.cache_resource.clear()  # the connection and tables of another data folder
    failures = []
    try:
        for lang in langs:
            for page in PAGES:
                at = AppTest.from_file(APP, default_timeout=60)
                at.query_params["lang"] = lang
                at.switch_page(page)
                at.run()
                if at.exception:
                    failures.append((page, lang, at.exception[0].value))
                elif not at.title:
                    failures.append((page, lang, "no title"))
    finally:
        st.cache_resource.clear()
    assert failures == []
