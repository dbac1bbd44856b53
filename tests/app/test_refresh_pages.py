"""Every page renders on the data of every swapped refresh scenario (tests/refresh_fixtures.py):
a retired indicator, an index indicator without regional rows, a replaced placeholder, a new
year with a new region code, and a source of unknown version. Before issue 15, the first two
crashed the overview, map, goal, tag, region, compare, index and territory pages.

Every scenario is rendered on every page in every language. Where a scenario leaves something
out, the page that must say so is checked for it (SAYS)."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from sdgdash.i18n import LANGS, t
from sdgdash.ui.safe import WORD_JOINER
from tests.app.conftest import APP, PAGES
from tests.refresh_fixtures import GEODATA, SWAPPED

RUNS = [(name, LANGS) for name in SWAPPED]
# What a user must read on a page of a scenario's data: (scenario, page) -> key of the text.
SAYS: dict[tuple[str, str], tuple[str, str]] = {
    ("retired_indicator", "app_pages/index.py"): ("11.6.1", "refresh_reason_unknown_indicator"),
    ("index_indicator_loses_regions", "app_pages/index.py"): (
        "17.8.1",
        "refresh_reason_no_regional_value",
    ),
    ("without_source_txt", "app_pages/overview.py"): ("", "refresh_unknown_version"),
}


def _shown(at) -> str:
    """Every caption, text and warning of a run, without escapes and word joiners."""
    parts = [e.value for kind in ("caption", "markdown", "warning") for e in getattr(at, kind)]
    return "\n".join(parts).replace("\\", "").replace(WORD_JOINER, "")


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
                elif (name, page) in SAYS:
                    ref, key = SAYS[(name, page)]
                    if f"{ref}" not in _shown(at) or t(key, lang) not in _shown(at):
                        failures.append((page, lang, f"does not say {ref} {t(key, lang)!r}"))
    finally:
        st.cache_resource.clear()
    assert failures == []
