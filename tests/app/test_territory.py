"""The pilot territory page (AppTest): real regional context, local data, uploads, config."""

from __future__ import annotations

import json
import re
import shutil

import pandas as pd
import pytest
import streamlit as st

from sdgdash.data.catalog import DISAGGREGATIONS
from sdgdash.i18n import LANGS, t
from sdgdash.ui import auth, cached
from tests.conftest import REPO
from tests.core.data.test_territories import third_territory
from tests.doubles.memory_upload_store import MemoryUploadStore

PAGE = "app_pages/territory.py"
PILOTS = {
    "karkaraly_district": (
        "KZKAR",
        {"kk": "Қарқаралы ауданы", "ru": "Каркаралинский район", "en": "Karkaraly district"},
    ),
    "kamystybas_village": (
        "KZKZY",
        {"kk": "Қамыстыбас ауылы", "ru": "село Камыстыбас", "en": "Kamystybas village"},
    ),
}
# TEST FIXTURE upload (values made up for the test, never shipped as data).
TEST_UPLOAD = b"Year,UNIT_MEASURE,SEX,URBANISATION,Value\n2022,PT,,,4.5\n2023,PT,,,4.25\n"


@pytest.fixture(scope="module")
def obs() -> pd.DataFrame:
    return pd.read_parquet(REPO / "data" / "observations.parquet")


@pytest.fixture(scope="module")
def regions() -> pd.DataFrame:
    return pd.read_parquet(REPO / "data" / "regions.parquet").set_index("ref_area")


def total_121(obs: pd.DataFrame, ref_area: str, year: int) -> float:
    """1.2.1 (share below the subsistence minimum), total, from the source rows."""
    rows = obs[
        (obs["indicator_id"] == "1.2.1")
        & (obs["ref_area"] == ref_area)
        & (obs["year"] == year)
        & (obs[["series", *DISAGGREGATIONS]] == "").all(axis=1)
        & obs["conflict_of"].isna()
    ]
    assert len(rows) == 1
    return float(rows["value"].iloc[0])


def texts(at) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += (
        [e.value for e in at.title] + [e.value for e in at.info] + [e.value for e in at.warning]
    )
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tid", list(PILOTS))
def test_pilot_page_shows_region_context(app, obs, regions, tid, lang):
    parent, names = PILOTS[tid]
    at = app(PAGE, lang=lang, territory=tid)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == names[lang]
    region_name = regions.loc[parent, f"name_{lang}"]
    body = texts(at)
    assert region_name in body
    assert "GLocal" in body and "2024" in body
    table = at.dataframe[0].value
    rank_col, nat_col = t("rank", lang), t("national_value", lang)
    row = table[table[t("indicator", lang)].str.startswith("1.2.1 ")].iloc[0]
    year = int(row[t("year", lang)])
    assert row[t("value", lang)] == total_121(obs, parent, year)
    assert row[nat_col] == total_121(obs, "", year)
    pattern = t("rank_of", lang, rank=r"(\d+)", n=r"(\d+)")
    assert re.fullmatch(pattern, row[rank_col]), row[rank_col]
    # No local data is shipped: the honest empty state.
    assert t("terr_local_empty", lang) in body
    # The store is configured (a temp store in tests): reading needs no login, storing does.
    assert t("ld_login", lang) in body


def test_goal_filter_in_url(app):
    at = app(PAGE, lang="en", territory="karkaraly_district", goal="7")
    table = at.dataframe[0].value
    assert len(table) and set(table[t("goal", "en")]) == {7}
    assert at.query_params["goal"] in ("7", ["7"])


@pytest.mark.parametrize("param", [{"territory": "atlantis"}, {"goal": "99"}, {"goal": "<b>1</b>"}])
def test_junk_url_gives_defaults_and_a_notice(app, param):
    at = app(PAGE, lang="en", **param)
    assert not at.exception
    assert at.title[0].value == "Karkaraly district"
    assert any(next(iter(param)) in w.value for w in at.warning)


def test_third_territory_from_data_only(app, tmp_path, monkeypatch):
    data, geodata = tmp_path / "data", tmp_path / "geodata"
    shutil.copytree(REPO / "data", data)
    shutil.copytree(REPO / "geodata", geodata)
    csv_path, pilots = third_territory(tmp_path / "data" / "curated")
    (geodata / "pilot_territories.geojson").write_text(json.dumps(pilots), encoding="utf-8")
    assert csv_path == data / "curated" / "territories.csv"
    monkeypatch.setenv("SDGDASH_DATA_DIR", str(data))
    monkeypatch.setenv("SDGDASH_GEODATA_DIR", str(geodata))
    st.cache_resource.clear()
    try:
        at = app(PAGE, lang="ru", territory="aral_district")
        assert not at.exception, [e.value for e in at.exception]
        assert at.title[0].value == "Аральский район"
        assert set(at.dataframe[0].value[t("goal", "ru")]) <= {6, 14}
        at = app(PAGE, lang="en", territory="test_point")
        assert at.title[0].value == "Test point"
    finally:
        st.cache_resource.clear()


def test_broken_territories_file_is_a_message_not_a_traceback(app, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    path = data / "curated" / "territories.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",KZKZY,", ",KZXXX,"), encoding="utf-8"
    )
    monkeypatch.setenv("SDGDASH_DATA_DIR", str(data))
    st.cache_resource.clear()
    try:
        at = app(PAGE, lang="en")
        assert not at.exception
        # The message is shown as plain text (safe.literal): escapes and word joiners resolved,
        # it reads as the loader wrote it.
        shown = re.sub(r"\\(.)", r"\1", at.error[0].value).replace("\u2060", "")
        assert "territories.csv line 3: kamystybas_village" in shown and "'KZXXX'" in shown
    finally:
        st.cache_resource.clear()


@pytest.fixture
def memory_store(monkeypatch):
    """The page wired to the in-memory TEST DOUBLE store and a logged-in test editor."""
    store = MemoryUploadStore()
    monkeypatch.setattr(cached, "upload_store", lambda: store)
    monkeypatch.setattr(auth, "login_box", lambda lang: "test-editor")
    return store


def test_upload_check_confirm_then_beside_region_and_country(app, obs, memory_store):
    at = app(PAGE, lang="en", territory="karkaraly_district")
    assert t("terr_local_empty", "en") in texts(at)
    at.selectbox(key="ld_indicator").set_value("1.2.1").run()
    at.file_uploader[0].set_value(("karkaraly.csv", TEST_UPLOAD, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(t("ld_ok", "en", n=2) in s.value for s in at.success)
    assert len(memory_store.uploads()) == 0, "nothing is stored before the confirmation"
    at.button(key="ld_confirm").click().run()
    assert not at.exception, [e.value for e in at.exception]
    history = memory_store.uploads("karkaraly_district", include_history=True)
    assert history["status"].tolist() == ["active"]
    assert memory_store.upload_file(1) == ("karkaraly.csv", TEST_UPLOAD)
    locals_ = [d.value for d in at.dataframe if t("terr_col_national", "en") in d.value.columns]
    assert len(locals_) == 1, "the local data table is shown once"
    local = locals_[0]
    mine = local[local[t("year", "en")] == 2023].iloc[0]
    assert mine["Territory: Karkaraly district"] == 4.25
    assert mine["Region: Karaganda region"] == total_121(obs, "KZKAR", 2023)
    assert mine[t("terr_col_national", "en")] == total_121(obs, "", 2023)
    assert mine[t("terr_col_region_source", "en")].startswith("data/indicator_1-2-1.csv:")
    assert mine[t("terr_col_upload_source", "en")] == "#1 karkaraly.csv"
    assert t("terr_local_empty", "en") not in texts(at)
    versions = next(d.value for d in at.dataframe if t("ld_col_version", "en") in d.value.columns)
    assert versions[t("ld_col_status", "en")].tolist() == ["active"]


def test_bad_upload_lists_problems_and_stores_nothing(app, memory_store):
    at = app(PAGE, lang="ru", territory="kamystybas_village")
    at.selectbox(key="ld_indicator").set_value("1.2.1").run()
    bad = b"Year,UNIT_MEASURE,SEX,URBANISATION,Value\n2023,PT,,,abc\n1990,PT,,,1\n"
    at.file_uploader[0].set_value(("bad.csv", bad, "text/csv")).run()
    assert not at.exception
    assert at.error and t("ld_problems", "ru", n=2) in at.error[0].value
    problems = next(d.value for d in at.dataframe if t("ld_col_problem", "ru") in d.value.columns)
    assert problems[t("ld_col_row", "ru")].tolist() == ["2", "3"]
    assert problems[t("ld_col_column", "ru")].tolist() == ["Value", "Year"]
    assert not [b for b in at.button if b.key == "ld_confirm"]
    assert len(memory_store.uploads(include_history=True)) == 0


def test_without_store_a_good_file_is_checked_but_cannot_be_stored(app, monkeypatch):
    monkeypatch.setattr(cached, "upload_store", lambda: None)
    at = app(PAGE, lang="kk", territory="karkaraly_district")
    at.selectbox(key="ld_indicator").set_value("1.2.1").run()
    at.file_uploader[0].set_value(("k.csv", TEST_UPLOAD, "text/csv")).run()
    assert any(t("ld_ok", "kk", n=2) in s.value for s in at.success)
    assert not [b for b in at.button if b.key == "ld_confirm"]
    assert t("ld_no_store", "kk") in texts(at)


def test_withdraw_returns_to_the_empty_state(app, memory_store):
    from sdgdash.features.localdata import uploads as localdata

    catalogue = localdata.upload_catalogue(cached)
    rows = localdata.validate(TEST_UPLOAD, "k.csv", "1.2.1", catalogue).store_rows()
    memory_store.save_upload("karkaraly_district", "1.2.1", "k.csv", TEST_UPLOAD, rows, "editor")
    at = app(PAGE, lang="en", territory="karkaraly_district")
    assert t("terr_local_empty", "en") not in texts(at)
    at.button(key="ld_withdraw").click().run()
    assert not at.exception
    assert memory_store.uploads("karkaraly_district", include_history=True)["status"].tolist() == [
        "withdrawn"
    ]
    assert t("terr_local_empty", "en") in texts(at)


def test_profile_csv_has_both_sections_with_a_section_column():
    from sdgdash.features.territory.view import profile_csv

    context = pd.DataFrame({"Indicator": ["1.2.1 x"], "Value": [3.0]})
    local = pd.DataFrame({"Indicator": ["1.2.1"], "Territory: K": [4.25]})
    out = profile_csv(context, local, "en")
    assert list(out.columns) == ["Section", "Indicator", "Value", "Territory: K"]
    assert out["Section"].tolist() == ["context (region)", "local data"]
    assert list(profile_csv(pd.DataFrame(), pd.DataFrame(), "ru").columns) == ["Раздел"]


def test_profile_download_with_local_data_carries_no_formula():
    # Issue 12: the territory profile goes through the same CSV/XLSX writers as every download.
    import io

    import openpyxl

    from sdgdash.exports import tables as exports
    from sdgdash.features.territory.view import profile_csv

    hostile = '=HYPERLINK("http://evil.example","x")'
    local = pd.DataFrame({"Indicator": ["1.2.1"], "Territory: K": [-4.25], "Upload": [hostile]})
    frame = profile_csv(pd.DataFrame(), local, "en")
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), encoding="utf-8-sig")
    assert back["Upload"].tolist() == ["'" + hostile] and back["Territory: K"].tolist() == [-4.25]
    ws = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(frame)))["data"]
    cells = {c.value: c for row in ws.iter_rows() for c in row}
    assert cells[hostile].data_type == "s" and cells[hostile].quotePrefix
    assert cells[-4.25].data_type == "n"
