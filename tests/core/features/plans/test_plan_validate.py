"""Checks of plan-target files and templates: every problem with its row and column, nothing
half-read, CSV (UTF-8 / Windows-1251, comma / semicolon) and XLSX, the EXAMPLE file."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from sdgdash.config import Settings
from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.features.plans import validate as v
from sdgdash.i18n import LANGS, has, messages
from tests.conftest import REPO

TODAY = dt.date(2026, 6, 1)
HEADER = "PLACE,INDICATOR,SERIES,UNIT_MEASURE,SEX,BASELINE_YEAR,BASELINE_VALUE,2025,2030,DOCUMENT,DOCUMENT_DATE,DOCUMENT_REF"


def observations() -> pd.DataFrame:
    rows = [
        ("KZAAA", "1.2.1", "", "PT", ""),
        ("KZAAA", "1.4.2", "", "PT", "F"),
        ("KZAAA", "1.4.2", "", "PT", "M"),
        ("KZBBB", "1.2.1", "", "PT", ""),
        ("KZBBB", "3.2.1", "", "PER_1000_LIVE_BIRTHS", "_T"),
        ("", "1.2.1", "", "PT", ""),  # national rows are not a place's selections
    ]
    frame = pd.DataFrame(rows, columns=["ref_area", "indicator_id", "series", "unit", "sex"])
    for col in SELECTION_COLUMNS:
        if col not in frame:
            frame[col] = ""
    return frame.assign(year=2023, value=1.0)


@pytest.fixture(scope="module")
def cat() -> v.PlanCatalogue:
    territories = pd.DataFrame({"id": ["aaa_district"], "parent_ref_area": ["KZAAA"]})
    return v.PlanCatalogue.from_tables(observations(), ["KZAAA", "KZBBB"], territories)


def check(text: str, cat, place: str = "KZAAA", name: str = "plan.csv", enc: str = "utf-8"):
    return v.validate_file(text.encode(enc), name, place, cat, today=TODAY)


def entries_frame(result: v.PlanFileResult) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "row": row,
                "indicator_id": e.indicator_id,
                "unit": e.selection.unit,
                "sex": e.selection.sex,
                "baseline_year": e.baseline_year,
                "baseline_value": e.baseline_value,
                "planned": e.planned,
                "document_name": e.document_name,
                "document_date": e.document_date,
                "document_ref": e.document_ref,
            }
            for e, row in zip(result.entries, result.source_rows, strict=True)
        ]
    )


def test_a_good_file_gives_one_target_per_row(cat):
    text = "\n".join(
        [
            HEADER,
            "KZAAA,1.2.1,,PT,,2021,3.2,2.8,2.5,Development plan of the region,2024-01-15,art. 3",
            'KZAAA,1.4.2,,PT,F,2020,"0,6",,"0,9",Development plan of the region,15.01.2024,',
            # A template row left empty is skipped, not an error.
            "KZAAA,1.4.2,,PT,M,,,,,,,",
        ]
    )
    result = check(text, cat)
    assert result.ok and result.problems == []
    assert result.skipped_rows == (4,)
    expected = pd.DataFrame(
        {
            "row": [2, 3],
            "indicator_id": ["1.2.1", "1.4.2"],
            "unit": ["PT", "PT"],
            "sex": ["", "F"],
            "baseline_year": [2021, 2020],
            "baseline_value": [3.2, 0.6],
            "planned": [((2025, 2.8), (2030, 2.5)), ((2030, 0.9),)],
            "document_name": ["Development plan of the region"] * 2,
            "document_date": [dt.date(2024, 1, 15)] * 2,
            "document_ref": ["art. 3", ""],
        }
    )
    pd.testing.assert_frame_equal(entries_frame(result), expected)


def test_a_bad_row_is_reported_with_row_and_column_and_nothing_is_kept(cat):
    text = "\n".join(
        [
            HEADER,
            "KZAAA,1.2.1,,PT,,2021,3.2,2.8,2.5,Plan,2024-01-15,",
            "KZAAA,1.4.2,,PERCENT,F,2021,x,2.8,2.5,Plan,2024-13-01,",
            "KZBBB,1.2.1,,PT,,2021,3.2,,,Plan,2024-01-15,",
            "KZAAA,1.2.1,,PT,,2021,3.3,2.8,2.5,Plan,2024-01-15,",
            "KZAAA,3.2.1,,PT,,2019,3.2,2018,2.5,,2024-01-15,",
        ]
    )
    result = check(text, cat)
    assert not result.ok and result.entries == ()
    found = [(p.row, p.column, p.code) for p in result.problems]
    assert found == [
        (3, "BASELINE_VALUE", "non_numeric"),
        (3, "DOCUMENT_DATE", "bad_date"),
        (3, "UNIT_MEASURE", "unknown_unit"),
        (4, "PLACE", "wrong_place"),
        (4, "2025, 2030", "no_plan_value"),
        (5, None, "duplicate_plan"),
        (6, "DOCUMENT", "missing_value"),
        (6, "INDICATOR", "no_indicator_data"),
    ]
    assert result.problems[5].params == {"first": 2}
    shown = v.problems_frame(result.problems, "ru")
    assert list(shown.columns) == ["Строка", "Столбец", "Проблема"]
    assert shown.iloc[2, 2] == "Неизвестная единица «PERCENT» для этого показателя; допустимы: PT."


def test_header_problems_stop_before_the_rows(cat):
    result = check("PLACE,INDICATOR,SERIES,SERIES,COLOUR,BASELINE_VALUE,2099\nKZAAA,1.2.1\n", cat)
    found = [(p.row, p.column, p.code) for p in result.problems]
    assert found == [
        (1, "SERIES", "duplicate_column"),
        (1, "COLOUR", "unknown_column"),
        (1, "2099", "year_out_of_range"),
        (1, "UNIT_MEASURE", "missing_column"),
        (1, "BASELINE_YEAR", "missing_column"),
        (1, "DOCUMENT", "missing_column"),
        (1, "DOCUMENT_DATE", "missing_column"),
    ]
    no_years = check(
        "PLACE,INDICATOR,SERIES,UNIT_MEASURE,BASELINE_YEAR,BASELINE_VALUE,DOCUMENT,DOCUMENT_DATE\n"
        "KZAAA,1.2.1,,PT,2021,3,Plan,2024-01-01\n",
        cat,
    )
    assert [(p.row, p.column, p.code) for p in no_years.problems] == [(1, None, "no_year_columns")]


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"", "a.csv", "empty_file"),
        (b"\xd0\xcf\x11\xe0old excel", "a.xls", "bad_file"),
        (b"x" * (v.MAX_BYTES + 1), "a.csv", "file_too_large"),
        (b"PK\x03\x04broken", "a.xlsx", "bad_file"),
        (HEADER.encode() + b"\n", "a.csv", "empty_file"),
    ],
)
def test_unreadable_files_name_the_whole_file(cat, content, name, code):
    result = v.validate_file(content, name, "KZAAA", cat, today=TODAY)
    assert [p.code for p in result.problems] == [code] and not result.ok
    for lang in LANGS:  # the message renders (a plural one counts by its n)
        assert v.problems_frame(result.problems, lang).iloc[0, 2]


def test_a_row_with_a_stray_comma_names_its_fields_in_every_language(cat):
    text = HEADER + '\nKZAAA,1.2.1,,PT,,2021,3.2,"2,8",2,5,Plan,2024-01-15,\n'
    result = check(text, cat)
    assert [(p.row, p.code, p.params) for p in result.problems] == [
        (2, "wrong_field_count", {"n": 13, "expected": 12})
    ]
    assert v.problems_frame(result.problems, "ru").iloc[0, 2] == (
        "В строке 13 полей, а в заголовке 12."
    )
    for lang in LANGS:
        assert "13" in v.problems_frame(result.problems, lang).iloc[0, 2]


def test_indicators_come_in_natural_order_with_letters():
    obs = observations()
    extra = obs.iloc[[0, 0, 0]].assign(indicator_id=["4.c.1", "4.1.1", "10.1.1"])
    no_territories = pd.DataFrame({"id": [], "parent_ref_area": []})
    cat = v.PlanCatalogue.from_tables(pd.concat([obs, extra]), ["KZAAA"], no_territories)
    assert cat.indicators("KZAAA") == ["1.2.1", "1.4.2", "4.1.1", "4.c.1", "10.1.1"]


def test_windows_1251_with_semicolons_and_a_territory(cat):
    text = (
        "PLACE;INDICATOR;SERIES;UNIT_MEASURE;BASELINE_YEAR;BASELINE_VALUE;2030;DOCUMENT;DOCUMENT_DATE\n"
        "aaa_district;1.2.1;;PT;2022;4,5;3,0;План развития района (тест);01.02.2024\n"
    )
    result = check(text, cat, place="aaa_district", enc="cp1251")
    assert result.ok and result.encoding == "cp1251" and result.delimiter == ";"
    (entry,) = result.entries
    assert entry.place == "aaa_district" and entry.document_name == "План развития района (тест)"
    assert entry.planned == ((2030, 3.0),) and entry.baseline_value == 4.5
    # The territory's targets are checked against its parent region's selections.
    assert [p.code for p in check(text.replace("1.2.1", "3.2.1"), cat, "aaa_district").problems]


def test_the_xlsx_template_filled_in_excel_reads_back(cat):
    rows = v.template_rows("KZAAA", ["1.4.2", "1.2.1"], cat, years=(2025, 2030))
    assert rows[0] == [
        "PLACE",
        "INDICATOR",
        "LABEL",
        "SERIES",
        "UNIT_MEASURE",
        "SEX",
        "BASELINE_YEAR",
        "BASELINE_VALUE",
        "2025",
        "2030",
        "DOCUMENT",
        "DOCUMENT_DATE",
        "DOCUMENT_REF",
    ]
    assert [r[:6] for r in rows[1:]] == [
        ["KZAAA", "1.4.2", "", "", "PT", "F"],
        ["KZAAA", "1.4.2", "", "", "PT", "M"],
        ["KZAAA", "1.2.1", "", "", "PT", ""],
    ]
    book = openpyxl.load_workbook(io.BytesIO(v.template_xlsx(rows, "kk")))
    assert book.sheetnames == ["plan", "about"]
    sheet = book["plan"]
    # Fill in the second row as an editor would in Excel: numbers, and a date typed as a date.
    sheet["G3"], sheet["H3"], sheet["J3"] = 2021, 2.17, 1.5
    sheet["K3"], sheet["L3"] = "Облысты дамыту жоспары", dt.datetime(2024, 1, 1)
    buf = io.BytesIO()
    book.save(buf)
    result = v.validate_file(buf.getvalue(), "plan.xlsx", "KZAAA", cat, today=TODAY)
    assert result.ok, result.problems
    assert result.file_format == "xlsx" and result.skipped_rows == (2, 4)
    (entry,) = result.entries
    assert entry.selection == Selection("1.4.2", unit="PT", sex="M")
    assert entry.document_date == dt.date(2024, 1, 1) and entry.planned == ((2030, 1.5),)
    csv_rows = v.template_csv(rows).decode("utf-8-sig").splitlines()
    assert csv_rows[0] == ",".join(rows[0]) and len(csv_rows) == 4


def test_every_problem_code_and_template_column_has_text_in_every_language():
    for code in v.PLAN_CODES:
        assert has(v.message_key(code)), code
    for lang in LANGS:
        texts = messages(lang).texts
        for key in texts:
            if key.startswith(("plan_", "brief_")):
                assert all(form.strip() for form in texts[key]), (key, lang)
                assert key not in messages(lang).english or lang == "en", (key, lang)
    assert v.message_key("non_numeric") == "ld_non_numeric"
    assert v.message_key("wrong_place") == "plan_err_wrong_place"


def test_the_example_file_passes_on_the_real_data_and_says_example_on_every_row():
    path = REPO / "examples" / "plan_targets_example_KZKAR.csv"
    cat = v.PlanCatalogue.from_settings(Settings.from_env())
    result = v.validate_file(path.read_bytes(), path.name, "KZKAR", cat)
    assert result.ok, result.problems
    assert len(result.entries) == 5
    for entry in result.entries:
        assert entry.document_name.startswith("EXAMPLE — not real values")
        assert entry.document_ref == "EXAMPLE"
    readme = (REPO / "examples" / "README.md").read_text(encoding="utf-8")
    assert "plan_targets_example_KZKAR.csv" in readme and "NOT real" in readme
    # The same file under another region is refused row by row.
    other = v.validate_file(path.read_bytes(), path.name, "KZKZY", cat)
    assert [p.code for p in other.problems] == ["wrong_place"] * 5
