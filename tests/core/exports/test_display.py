"""How tables are shown and what downloads carry: numbers per language, technical columns set
apart, the view's indicator and filters as columns and in the file name (pure)."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sdgdash.config import Settings
from sdgdash.data.models import Selection
from sdgdash.data.source import Source
from sdgdash.exports import display
from sdgdash.i18n import t, table_digits, table_number

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def labels():
    return Source(Settings.from_env({})).labels()


def test_table_numbers_are_rounded_and_written_per_language() -> None:
    assert table_digits([5.513589, 8.0]) == 2
    assert table_digits([0.3213]) == 3
    assert table_digits([123456.3608144482, 2.5]) == 1
    assert table_digits([2023, 2024]) == 0
    assert table_number(5.513589, "ru", 2) == "5,51"
    assert table_number(5.3, "kk", 2) == "5,3"  # no invented trailing zero
    assert table_number(5.3, "en", 2) == "5.3"
    assert table_number(123456.3608144482, "ru", 1) == f"123{NBSP}456,4"
    assert table_number(123456.3608144482, "en", 1) == "123,456.4"
    assert table_number(float("nan"), "en", 1) == "—"


def test_number_formats_leave_years_and_ranks_alone() -> None:
    frame = pd.DataFrame(
        {
            "Region": ["a", "b"],
            "Value": [5.513589, 12.0],
            "Year": [2023, 2023],
            "Rank": [1, 2],
            "Big": [12345.0, 54321.0],
        }
    )
    formats = display.number_formats(frame, "ru")
    assert set(formats) == {"Value", "Big"}
    assert [formats["Value"](v) for v in frame["Value"]] == ["5,51", "12"]
    assert formats["Big"](12345.0) == f"12{NBSP}345"
    assert display.number_formats(frame, "en", {"Value": 1})["Value"](5.513589) == "5.5"
    # A year column with a gap is float: shown as 2023, not 2023.000000, the gap as a dash.
    gaps = pd.DataFrame({"Year": [2023.0, float("nan")]})
    year = display.number_formats(gaps, "ru")["Year"]
    assert [year(v) for v in gaps["Year"]] == ["2023", "—"]


def test_technical_columns_are_found_by_name_and_by_content() -> None:
    lang = "ru"
    frame = pd.DataFrame(
        {
            t("region", lang): ["Карагандинская область"],
            "ref_area": ["KZKAR"],
            t("value", lang): [3.0],
            t("reason", lang): [""],
            t("source", lang): ["data/indicator_1-2-1.csv"],
            t("source_row", lang): [301],
            f"{t('goal_base', lang)} · {t('source_row', lang)}": [12],
        }
    )
    assert display.technical_columns(frame, lang) == [
        "ref_area",
        t("reason", lang),
        t("source", lang),
        t("source_row", lang),
        f"{t('goal_base', lang)} · {t('source_row', lang)}",
    ]
    # A "source" column of citations a reader needs (not file paths) stays in the table.
    cited = pd.DataFrame({t("source", lang): ["ERI news item, 2022"]})
    assert display.technical_columns(cited, lang) == []


def test_a_download_carries_its_indicator_and_filters(labels) -> None:
    sel = Selection("8.5.2", unit="PT", sex="F")
    context = display.context_columns(labels, "en", ("8.5.2",), sel, regions=("KZKAR",))
    assert context == {
        t("region", "en"): "Karaganda region",
        "ref_area": "KZKAR",
        "indicator_id": "8.5.2",
        t("indicator", "en"): labels.indicator_name("8.5.2", "en"),
        "Unit": labels.code_label("unit", "PT", "en"),
        "unit": "PT",
        "Sex": "Female",
        "sex": "F",
    }
    table = pd.DataFrame({"Region": ["Abai region"], "Value": [4.2]})
    out = display.with_context(table, {"indicator_id": "8.5.2", "Region": "ignored"})
    assert_frame_equal(
        out, pd.DataFrame({"indicator_id": ["8.5.2"], "Region": ["Abai region"], "Value": [4.2]})
    )
    assert display.file_words(sel) == ["women"]
    assert display.file_words(Selection("1.2.1", urbanisation="R", age="Y15T24")) == [
        "y15t24",
        "rural",
    ]
    assert display.name_parts("sdg_8.5.2_2023_ru", ["women"]) == [
        "sdg",
        "8.5.2",
        "2023",
        "women",
        "ru",
    ]


def test_breakdowns_name_the_disaggregations_with_regional_values() -> None:
    """What the map picker shows before an indicator is tried: 8.5.2 can be split by sex, age
    and urban/rural in the regions; 1.2.1 has totals only."""
    data = Source(Settings.from_env({}))
    found = data.breakdowns()
    obs = data.all_observations()
    regional = obs[(obs["indicator_id"] == "8.5.2") & (obs["ref_area"] != "")]
    expected = sorted(d for d in ("sex", "age", "urbanisation") if (regional[d] != "").any())
    assert (
        sorted(found[found["indicator_id"] == "8.5.2"]["dimension"])
        == expected
        == [
            "age",
            "sex",
            "urbanisation",
        ]
    )
    assert found[found["indicator_id"] == "1.2.1"].empty
