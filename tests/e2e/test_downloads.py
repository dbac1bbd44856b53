"""Browser: the map view's CSV and Excel downloads hold exactly the source values it shows."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from tests.conftest import REPO
from tests.e2e.conftest import outside_requests, wait_for_app

pytestmark = pytest.mark.e2e


def _source_rows(files_rows: list[tuple[str, int]]) -> pd.DataFrame:
    """The observations the downloaded rows name (source file, source row), from data/."""
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE wanted (source_file VARCHAR, source_row INTEGER)",
    )
    con.executemany("INSERT INTO wanted VALUES (?, ?)", files_rows)
    return con.execute(
        "SELECT o.source_file, o.source_row, o.ref_area, o.year, o.value "
        "FROM read_parquet(?) o JOIN wanted USING (source_file, source_row)",
        [str(REPO / "data" / "observations.parquet")],
    ).df()


def test_map_downloads_equal_the_source_rows(server, page) -> None:
    page.goto(f"{server}/map?lang=ru&ind=1.2.1&year=2023")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    with page.expect_download(timeout=60_000) as csv_dl:
        page.get_by_role("button", name="Значения на карте (CSV)").click()
    csv_file = csv_dl.value
    assert csv_file.suggested_filename == "sdg_1-2-1_2023_ru.csv"
    raw = Path(csv_file.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Cyrillic names right
    table = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert "Карагандинская область" in set(table["Регион"])
    assert len(table) >= 17
    # The file says what it holds without the page: indicator and unit as columns.
    assert set(table["indicator_id"]) == {"1.2.1"}
    assert table["Показатель"].iloc[0].startswith("Доля населения")

    source = _source_rows(
        [(f, int(r)) for f, r in zip(table["Источник"], table["Строка источника"], strict=True)]
    )
    merged = table.merge(
        source, left_on=["Источник", "Строка источника"], right_on=["source_file", "source_row"]
    )
    assert len(merged) == len(table)  # every row traces to one source row
    assert (merged["ref_area_x"] == merged["ref_area_y"]).all()
    assert (merged["Год"] == merged["year"]).all()
    assert merged["Значение"].tolist() == pytest.approx(merged["value"].tolist())

    with page.expect_download(timeout=60_000) as xlsx_dl:
        page.get_by_role("button", name="Значения на карте (Excel)").click()
    xlsx_file = xlsx_dl.value
    assert xlsx_file.suggested_filename == "sdg_1-2-1_2023_ru.xlsx"
    xlsx = Path(xlsx_file.path()).read_bytes()
    book = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True)
    assert book.sheetnames == ["data", "metadata"]
    sheet = pd.read_excel(io.BytesIO(xlsx), sheet_name="data")
    pd.testing.assert_frame_equal(sheet, table, check_dtype=False)
    meta = dict(pd.read_excel(io.BytesIO(xlsx), sheet_name="metadata").to_numpy().tolist())
    build = json.loads((REPO / "data" / "build_report.json").read_text(encoding="utf-8"))
    assert meta["Коммит источника сборки данных"] == build["source"]["commit"]
    assert meta["Показатель"].startswith("1.2.1")
    assert str(meta["Год"]) == "2023"
    assert "ind=1.2.1" in meta["Ссылка на вид"]
    assert outside_requests(page.requests_seen) == []


def test_a_women_only_download_says_so(server, page) -> None:
    """8.5.2 for women only: the file name says "women", and the file has the sex column."""
    page.goto(f"{server}/map?lang=en&ind=8.5.2&sex=F")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    caption = page.get_by_text("Breakdowns available:").first.inner_text()
    assert "sex" in caption and "urban / rural" in caption, caption
    with page.expect_download(timeout=60_000) as csv_dl:
        page.get_by_role("button", name="Values on the map (CSV)").click()
    csv_file = csv_dl.value
    assert "_women_" in csv_file.suggested_filename
    assert csv_file.suggested_filename.startswith("sdg_8-5-2_")
    table = pd.read_csv(Path(csv_file.path()), encoding="utf-8-sig")
    assert set(table["sex"]) == {"F"}
    assert set(table["Sex"]) == {"Female"}
    assert set(table["indicator_id"]) == {"8.5.2"}
    assert outside_requests(page.requests_seen) == []
