"""Every page over 30 times today's rows (observations as a Parquet view, the extra rows under
indicator ids the catalogue does not list): no exception, the same views as at 1x, and the bulk
download says the table is too large for one spreadsheet instead of building it."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from sdgdash.exports.tables import SHEET_MAX_ROWS
from sdgdash.ui import cached
from tests.app.conftest import APP, PAGES
from tests.conftest import REPO, benchmark_module

FACTOR = 30  # 1.37 million rows: past one spreadsheet's rows, quick to generate


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("sdgdash-scaled")
    return benchmark_module().bench_scale.scaled_data_dir(REPO / "data", root, FACTOR)


def _run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in {"lang": "en", **params}.items():
        at.query_params[k] = v
    at.switch_page(page)
    at.run()
    return at


def test_every_page_works_over_the_scaled_table(scaled, monkeypatch) -> None:
    data_dir, gen = scaled
    assert gen["rows"] == 45_503 * FACTOR > SHEET_MAX_ROWS
    at_1x = _run("app_pages/map.py", ind="11.6.2", year="2023")
    table_1x = at_1x.dataframe[0].value
    monkeypatch.setenv("SDGDASH_DATA_DIR", str(data_dir))
    st.cache_resource.clear()
    try:
        assert cached.observation_count() == gen["rows"]
        for page in PAGES:
            at = _run(page)
            assert not at.exception, (page, at.exception[0].value if at.exception else "")
            assert not at.error, (page, at.error[0].value if at.error else "")
        overview = _run("app_pages/overview.py")
        assert any("more than one spreadsheet holds" in i.value for i in overview.info)
        at = _run("app_pages/map.py", ind="11.6.2", year="2023")
        assert at.dataframe[0].value.equals(table_1x), "the map's values are those of 1x"
        views = cached.source().connection.execute("SELECT view_name FROM duckdb_views()")
        assert ("observations",) in views.fetchall()
    finally:
        st.cache_resource.clear()
