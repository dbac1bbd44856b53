"""Upload validation, templates and territory / region / Kazakhstan comparisons.

Every file here is a TEST FIXTURE generated in the test (values are made up for the test and
never shipped as data); codes are checked against the real data/ tables.
"""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sdgdash.data.catalog import DISAGGREGATIONS
from sdgdash.data.uploads import UploadStore
from sdgdash.features.localdata import uploads as ld
from sdgdash.i18n import LANGS, t
from tests.conftest import REPO
from tests.doubles.memory_upload_store import MemoryUploadStore

YEAR_NOW = 2026
HEADER = "Year,UNIT_MEASURE,SEX,URBANISATION,Value\n"  # indicator 1.2.1


@pytest.fixture(scope="module")
def obs() -> pd.DataFrame:
    return pd.read_parquet(REPO / "data" / "observations.parquet")


@pytest.fixture(scope="module")
def catalogue(obs) -> ld.Catalogue:
    return ld.Catalogue.from_tables(obs, pd.read_parquet(REPO / "data" / "codes.parquet"))


def check(catalogue, content: bytes, indicator: str = "1.2.1", name: str = "upload.csv"):
    return ld.validate(content, name, indicator, catalogue, current_year=YEAR_NOW)


def xlsx(rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def expected(rows: list[dict]) -> pd.DataFrame:
    """Normalised rows written inline: unspecified selection columns are "" (total)."""
    full = [{c: "" for c in ld.UPLOAD_COLUMNS} | {"source_row": 0} | r for r in rows]
    frame = pd.DataFrame(full, columns=[*ld.UPLOAD_COLUMNS, "source_row"])
    return frame.astype({"year": "int64", "value": "float64", "source_row": "int64"})


def _excel_saved(content: bytes, cached: dict[str, str]) -> bytes:
    """``content`` as Excel saves it: each formula cell in ``cached`` carries its last value
    (openpyxl writes formulas without one, Excel with one: what a reader with data_only sees)."""
    src = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                for ref, value in cached.items():
                    data = re.sub(
                        rf'(<c r="{ref}"[^>]*>.*?</f>)<v></v>'.encode(),
                        rb"\g<1><v>" + value.encode() + b"</v>",
                        data,
                    )
            dst.writestr(name, data)
    return out.getvalue()


def _formula_xlsx() -> bytes:
    """A value computed by a formula (=4+1, last value 5), as Excel saves it."""
    rows = [["Year", "UNIT_MEASURE", "SEX", "URBANISATION", "Value"], [2022, "PT", None, None, 4.1]]
    return _excel_saved(xlsx([*rows, [2023, "PT", None, None, "=4+1"]]), {"E3": "5"})


def _external_link_xlsx(hyperlink: bool = False) -> bytes:
    """Plain values, but the workbook links to a workbook (or a cell to a page) elsewhere."""
    from openpyxl.packaging.relationship import Relationship
    from openpyxl.workbook.external_link.external import ExternalBook, ExternalLink

    wb = openpyxl.Workbook()
    for row in (["Year", "UNIT_MEASURE", "SEX", "URBANISATION", "Value"], [2023, "PT", "", "", 4]):
        wb.active.append(row)
    if hyperlink:
        wb.active["E2"].hyperlink = "http://evil.example/"
    else:
        link = ExternalLink(externalBook=ExternalBook(id="rId1"))
        link.file_link = Relationship(
            type="externalLinkPath",
            Target="http://evil.example/book.xlsx",
            TargetMode="External",
            Id="rId1",
        )
        wb._external_links.append(link)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# One bad file per fault: (id, indicator, file name, content, code, row, column).
BAD_FILES = [
    ("zero_bytes", "1.2.1", "a.csv", b"", "empty_file", None, None),
    ("header_only", "1.2.1", "a.csv", HEADER.encode(), "empty_file", None, None),
    (
        "oversized",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,,,1" + " " * ld.MAX_BYTES + "\n").encode(),
        "file_too_large",
        None,
        None,
    ),
    (
        "too_many_rows",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,,,1\n" * (ld.MAX_ROWS + 1)).encode(),
        "too_many_rows",
        None,
        None,
    ),
    (
        "utf16",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,,,1\n").encode("utf-16"),
        "bad_encoding",
        None,
        None,
    ),
    # 0x98 is not a character in Windows-1251 (nor valid UTF-8): line 2 is reported.
    (
        "not_cp1251",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,,,1\x98\n").encode("latin-1"),
        "bad_encoding",
        2,
        None,
    ),
    # Bytes that decode in cp1251 only as symbols no Kazakh or Russian text uses (KOI8-U 'ґ').
    (
        "koi8",
        "1.2.1",
        "a.csv",
        HEADER.encode() + b"2023,PT,,,1\n2022,PT,,,\xad\n",
        "bad_encoding",
        3,
        None,
    ),
    (
        "tabs",
        "1.2.1",
        "a.csv",
        HEADER.replace(",", "\t").encode() + b"2023\tPT\t\t\t1\n",
        "bad_delimiter",
        1,
        None,
    ),
    (
        "old_xls",
        "1.2.1",
        "a.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
        "bad_file",
        None,
        None,
    ),
    ("broken_xlsx", "1.2.1", "a.xlsx", b"PK\x03\x04 not really a workbook", "bad_file", None, None),
    ("xlsx_formula", "1.2.1", "a.xlsx", _formula_xlsx(), "formula", 3, "Value"),
    ("xlsx_external_link", "1.2.1", "a.xlsx", _external_link_xlsx(), "external_link", None, None),
    (
        "unknown_indicator",
        "99.9.9",
        "a.csv",
        (HEADER + "2023,PT,,,1\n").encode(),
        "unknown_indicator",
        None,
        None,
    ),
    (
        "no_value_column",
        "1.2.1",
        "a.csv",
        b"Year,UNIT_MEASURE,SEX,URBANISATION\n2023,PT,,\n",
        "missing_column",
        1,
        "Value",
    ),
    (
        "no_unit_column",
        "1.2.1",
        "a.csv",
        b"Year,Value\n2023,1\n",
        "missing_column",
        1,
        "UNIT_MEASURE",
    ),
    (
        "ref_area_column",
        "1.2.1",
        "a.csv",
        b"Year,UNIT_MEASURE,REF_AREA,Value\n2023,PT,KZKAR,1\n",
        "unknown_column",
        1,
        "REF_AREA",
    ),
    (
        "age_not_used",
        "1.2.1",
        "a.csv",
        b"Year,UNIT_MEASURE,AGE,Value\n2023,PT,Y15T24,1\n",
        "unknown_column",
        1,
        "AGE",
    ),
    (
        "duplicate_column",
        "1.2.1",
        "a.csv",
        b"Year,UNIT_MEASURE,Value,Value\n2023,PT,1,2\n",
        "duplicate_column",
        1,
        "Value",
    ),
    (
        "short_row",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,,,1\n2022,PT,1\n").encode(),
        "wrong_field_count",
        3,
        None,
    ),
    (
        "empty_value",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,,,1\n2022,PT,,,\n").encode(),
        "missing_value",
        3,
        "Value",
    ),
    ("bad_year", "1.2.1", "a.csv", (HEADER + "20x3,PT,,,1\n").encode(), "bad_year", 2, "Year"),
    (
        "year_before_2000",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,,,1\n1999,PT,,,1\n").encode(),
        "year_out_of_range",
        3,
        "Year",
    ),
    (
        "year_in_future",
        "1.2.1",
        "a.csv",
        (HEADER + "2031,PT,,,1\n").encode(),
        "year_out_of_range",
        2,
        "Year",
    ),
    (
        "not_a_number",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,,,1\n2022,PT,,,n/a\n").encode(),
        "non_numeric",
        3,
        "Value",
    ),
    (
        "unknown_series",
        "1.1.1",
        "a.csv",
        b"Year,SERIES,UNIT_MEASURE,Value\n2023,_L_KZ_010101_1A,PT,1\n2023,SI_POV_DAY1,PT,2\n",
        "unknown_series",
        3,
        "SERIES",
    ),
    (
        "unknown_unit",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,KG,,,1\n").encode(),
        "unknown_unit",
        2,
        "UNIT_MEASURE",
    ),
    (
        "unknown_sex_code",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,X,,1\n").encode(),
        "unknown_code",
        2,
        "SEX",
    ),
    (
        "duplicate_row",
        "1.2.1",
        "a.csv",
        (HEADER + "2023,PT,F,U,1\n2022,PT,F,U,2\n2023,PT,F,U,3\n").encode(),
        "duplicate_row",
        4,
        None,
    ),
    (
        "xlsx_text_value",
        "1.2.1",
        "a.xlsx",
        xlsx([HEADER.strip().split(","), [2023, "PT", None, None, "about 5"]]),
        "non_numeric",
        2,
        "Value",
    ),
]


@pytest.mark.parametrize(
    ("indicator", "name", "content", "code", "row", "column"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_bad_file_rejected_with_row_and_column(
    catalogue, indicator, name, content, code, row, column
):
    result = check(catalogue, content, indicator, name)
    assert not result.ok
    assert len(result.rows) == 0, "nothing is kept from a file with a problem"
    found = [(p.code, p.row, p.column) for p in result.problems]
    assert (code, row, column) in found, found


def test_every_problem_code_has_a_bad_file():
    assert {case[4] for case in BAD_FILES} == set(ld.PROBLEM_CODES)


@pytest.mark.parametrize(
    ("indicator", "name", "content"),
    [case[1:4] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_every_problem_reads_in_three_languages(catalogue, indicator, name, content):
    """Each problem's message fills every placeholder from its params (a plural one counts by
    ``n``), in kk, ru and en."""
    problems = check(catalogue, content, indicator, name).problems
    assert problems
    for p in problems:
        for lang in LANGS:
            text = t(f"ld_{p.code}", lang, **p.params)
            assert text.strip() and "{" not in text, (p, lang, text)


def test_plural_problem_messages_agree_with_their_count(catalogue):
    content = (HEADER + "2023,PT,F,U\n").encode()
    (problem,) = [p for p in check(catalogue, content).problems if p.code == "wrong_field_count"]
    assert problem.params == {"n": 4, "expected": 5}
    assert t("ld_wrong_field_count", "ru", **problem.params) == "В строке 4 поля, а в заголовке 5."
    assert (
        t("ld_wrong_field_count", "en", **problem.params) == "The row has 4 fields, the header 5."
    )


def test_all_problems_of_a_file_are_reported_not_only_the_first(catalogue):
    content = (HEADER + "2023,PT,,,1\n1999,KG,X,,n/a\n").encode()
    result = check(catalogue, content)
    assert {(p.row, p.column, p.code) for p in result.problems} == {
        (3, "Year", "year_out_of_range"),
        (3, "UNIT_MEASURE", "unknown_unit"),
        (3, "SEX", "unknown_code"),
        (3, "Value", "non_numeric"),
    }


def test_good_csv_is_normalised(catalogue):
    content = (HEADER + "2022,PT,,,4.1\n2023,PT,,,3.9\n2023,PT,F,R,4.4\n").encode()
    result = check(catalogue, content)
    assert result.ok, result.problems
    assert (result.file_format, result.encoding, result.delimiter) == ("csv", "utf-8", ",")
    want = expected(
        [
            {"year": 2022, "unit": "PT", "value": 4.1, "source_row": 2},
            {"year": 2023, "unit": "PT", "value": 3.9, "source_row": 3},
            {
                "year": 2023,
                "unit": "PT",
                "sex": "F",
                "urbanisation": "R",
                "value": 4.4,
                "source_row": 4,
            },
        ]
    )
    assert_frame_equal(result.rows, want)
    assert list(result.store_rows().columns) == list(ld.UPLOAD_COLUMNS)


def test_cp1251_semicolons_decimal_comma_and_lower_case_headers(catalogue):
    content = "year;unit_measure;sex;urbanisation;value\r\n2023;PT;;;3,9\r\n".encode("cp1251")
    result = check(catalogue, content)
    assert result.ok, result.problems
    assert (result.encoding, result.delimiter) == ("utf-8", ";")
    assert result.rows["value"].tolist() == [3.9]
    # Windows-1251 Cyrillic is decoded as such (here in a unit cell, which is then unknown).
    cyr_bad = "Year;UNIT_MEASURE;SEX;URBANISATION;Value\r\n2023;процент;;;3,9\r\n".encode("cp1251")
    bad = check(catalogue, cyr_bad)
    assert bad.encoding == "cp1251"
    assert [(p.code, p.params["value"]) for p in bad.problems] == [("unknown_unit", "процент")]


def test_utf8_bom_accepted(catalogue):
    result = check(catalogue, ("\ufeff" + HEADER + "2023,PT,M,U,2.5\n").encode("utf-8"))
    assert result.ok and result.encoding == "utf-8-sig"
    assert result.rows.iloc[0][["sex", "urbanisation", "value"]].tolist() == ["M", "U", 2.5]


def test_good_xlsx_is_normalised(catalogue):
    content = xlsx(
        [
            ["Year", "UNIT_MEASURE", "SEX", "URBANISATION", "Value"],
            [2022, "PT", None, None, 4.1],
            [2023.0, "PT", "F", None, "3,5"],
            [None, None, None, None, None],  # a blank row in a sheet is skipped
        ]
    )
    result = check(catalogue, content, name="territory.xlsx")
    assert result.ok, result.problems
    assert result.file_format == "xlsx"
    want = expected(
        [
            {"year": 2022, "unit": "PT", "value": 4.1, "source_row": 2},
            {"year": 2023, "unit": "PT", "sex": "F", "value": 3.5, "source_row": 3},
        ]
    )
    assert_frame_equal(result.rows, want)


@pytest.mark.parametrize("indicator", ["1.2.1", "1.1.1", "4.1.1", "11.6.1"])
def test_template_has_codes_and_no_values_and_round_trips(catalogue, indicator):
    schema = catalogue.schemas[indicator]
    rows = ld.template_rows(schema)
    header, body = rows[0], rows[1:]
    assert header[0] == "Year" and header[-1] == "Value"
    assert all(r[0] == "" and r[-1] == "" for r in body), "a template carries no values"
    if "SERIES" in header:
        assert {r[header.index("SERIES")] for r in body} == schema.series - {""}
    # Filling the template (year and a test value per row) gives a valid file.
    filled = [header] + [["2023", *r[1:-1], str(i + 1)] for i, r in enumerate(body)]
    csv_text = "\n".join(",".join(r) for r in filled) + "\n"
    assert ld.template_csv(schema).decode("utf-8-sig").splitlines()[0] == ",".join(header)
    result = check(catalogue, csv_text.encode(), indicator)
    assert result.ok, result.problems
    assert len(result.rows) == len(body)
    wb = openpyxl.load_workbook(io.BytesIO(ld.template_xlsx(schema)))
    sheet = [
        [c if c is not None else "" for c in row]
        for row in wb.worksheets[0].iter_rows(values_only=True)
    ]
    assert sheet == rows
    for row in wb.worksheets[0].iter_rows(min_row=2):
        row[0].value, row[-1].value = 2024, 7.5
    buf = io.BytesIO()
    wb.save(buf)
    assert check(catalogue, buf.getvalue(), indicator, "filled.xlsx").ok


def test_side_by_side_takes_region_and_country_from_the_source(obs):
    local = expected([{"year": 2023, "unit": "PT", "value": 2.0}]).assign(indicator_id="1.2.1")
    both = ld.side_by_side(local, obs[obs["indicator_id"] == "1.2.1"], "KZKAR")
    row = both.iloc[0]
    src = obs[
        (obs["indicator_id"] == "1.2.1")
        & (obs["year"] == 2023)
        & (obs[["series", *DISAGGREGATIONS]] == "").all(axis=1)
        & obs["conflict_of"].isna()
    ]
    region = src[src["ref_area"] == "KZKAR"].iloc[0]
    country = src[src["ref_area"] == ""].iloc[0]
    assert row["value"] == 2.0
    assert row["region_value"] == region["value"]
    assert row["national_value"] == country["value"]
    assert row["region_source"] == f"{region['source_file']}:{region['source_row']}"


def test_series_of_three(obs):
    local = expected(
        [{"year": 2022, "unit": "PT", "value": 1.0}, {"year": 2023, "unit": "PT", "value": 2.0}]
    )
    mine = obs[obs["indicator_id"] == "1.2.1"]
    series = ld.series_of_three(local, mine, "KZKZY", {"unit": "PT"})
    assert series[series["place"] == "territory"]["value"].tolist() == [1.0, 2.0]
    region = series[series["place"] == "region"]
    assert len(region) > 5 and region["year"].is_monotonic_increasing
    assert set(series["place"]) == {"territory", "region", "national"}


def test_store_round_trip_with_the_test_double(catalogue, obs):
    store = MemoryUploadStore()
    assert isinstance(store, UploadStore)
    content = (HEADER + "2022,PT,,,4.1\n2023,PT,,,3.9\n").encode()
    result = check(catalogue, content)
    first = store.save_upload(
        "karkaraly_district", "1.2.1", "k.csv", content, result.store_rows(), "editor"
    )
    rows = store.upload_rows("karkaraly_district", "1.2.1")
    assert rows.sort_values("year")["value"].tolist() == [4.1, 3.9]
    # Replacing keeps the previous version; the new one is the only active one.
    content2 = (HEADER + "2023,PT,,,3.7\n").encode()
    second = store.save_upload(
        "karkaraly_district",
        "1.2.1",
        "k2.csv",
        content2,
        check(catalogue, content2).store_rows(),
        "editor",
    )
    history = store.uploads("karkaraly_district", include_history=True)
    assert dict(zip(history["id"], history["status"], strict=True)) == {
        first: "replaced",
        second: "active",
    }
    assert store.upload_rows("karkaraly_district")["value"].tolist() == [3.7]
    assert store.upload_file(first) == ("k.csv", content)
    both = ld.side_by_side(
        store.upload_rows("karkaraly_district").assign(indicator_id="1.2.1"), obs, "KZKAR"
    )
    assert both["region_value"].tolist() == [3.0]  # Karaganda 2023, data/indicator_1-2-1.csv
    store.withdraw_upload(second, "editor")
    assert len(store.upload_rows("karkaraly_district")) == 0
    assert len(store.uploads("karkaraly_district", include_history=True)) == 2


# --- hostile uploads (issue 12) ----------------------------------------------------------------


def test_an_excel_formula_is_refused_even_with_its_last_value(catalogue):
    # data_only would read the last value (5) and store a file that recomputes on opening.
    result = check(catalogue, _formula_xlsx(), name="t.xlsx")
    assert [(p.code, p.row, p.column, p.params) for p in result.problems] == [
        ("formula", 3, "Value", {"cell": "E3"})
    ]
    assert len(result.rows) == 0


@pytest.mark.parametrize("hyperlink", [False, True], ids=["external-workbook", "hyperlink"])
def test_a_workbook_linking_outside_is_refused(catalogue, hyperlink):
    result = check(catalogue, _external_link_xlsx(hyperlink), name="t.xlsx")
    assert [p.code for p in result.problems] == ["external_link"]
    assert len(result.rows) == 0


def test_a_zip_bomb_is_refused_before_it_is_unpacked(catalogue):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/sharedStrings.xml", b"<sst>" + b"A" * (ld.MAX_UNPACKED + 1) + b"</sst>")
    content = buf.getvalue()
    assert len(content) < ld.MAX_BYTES  # small on the wire
    result = check(catalogue, content, name="bomb.xlsx")
    assert [p.code for p in result.problems] == ["file_too_large"]
    (problem,) = result.problems
    assert problem.params["n"] > ld.MAX_UNPACKED  # the unpacked size, counted in the message
    for lang in LANGS:
        assert "{" not in t("ld_file_too_large", lang, **problem.params)


def test_a_50_mb_file_is_refused_at_once(catalogue):
    content = (HEADER + "2023,PT,,,1\n" * 4_400_000).encode()
    assert len(content) > 50_000_000
    result = check(catalogue, content)
    assert [(p.code, p.params["n"]) for p in result.problems] == [("file_too_large", len(content))]
    # The server refuses it before the page even sees it: its upload limit is far below 50 MB
    # and still above what the check accepts.
    config = (REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    limit_mb = int(re.search(r"^maxUploadSize\s*=\s*(\d+)", config, re.M).group(1))
    assert ld.MAX_BYTES <= limit_mb * 1024 * 1024 < 50_000_000


def test_100000_rows_are_refused_without_reading_them_all(catalogue):
    content = (HEADER + "2023,PT,,,1\n" * 100_000).encode()
    assert len(content) < ld.MAX_BYTES
    result = check(catalogue, content)
    assert [p.code for p in result.problems] == ["too_many_rows"]
    assert len(result.rows) == 0


@pytest.mark.parametrize(
    "content",
    [
        (HEADER + "2023,PT,,,1\n").encode("utf-16"),  # with a byte-order mark
        (HEADER + "2023,PT,,,1\n").encode("utf-16-le"),  # without
        (HEADER.replace(",", "\t") + "2023\tPT\t\t\t1\n").encode("utf-16"),  # Unicode Text
    ],
    ids=["utf16-bom", "utf16-le", "excel-unicode-text"],
)
def test_utf16_text_gets_the_encoding_message(catalogue, content):
    result = check(catalogue, content)
    assert [p.code for p in result.problems] == ["bad_encoding"]
