"""Goal page data: headline series, status per area, counts, coverage, equity gaps, explanation."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sdgdash.data import targets
from sdgdash.data.catalog import DISAGGREGATIONS
from sdgdash.features.goal import progress as pg
from sdgdash.features.goal import view as goalview

OBS_CSV = """indicator_id,year,ref_area,unit,sex,urbanisation,value,source_row
9.1.1,2015,,PT,,,50,2
9.1.1,2017,,PT,,,60.5,3
9.1.1,2016,,PT,F,,52,4
9.1.1,2017,,PT,F,,55,5
9.1.1,2017,,PT,M,,66,6
9.1.1,2016,KZKAR,PT,,,40,7
9.1.1,2018,KZKAR,PT,,,40,8
9.2.1,2014,,,,,3,2
9.2.1,2015,,,,,4,3
9.4.1,2015,,PT,,,90,2
9.4.1,2016,,PT,,,100,3
9.4.1,2016,,PT,,R,96,4
9.4.1,2016,,PT,,U,100,5
"""


@pytest.fixture
def obs() -> pd.DataFrame:
    frame = pd.read_csv(io.StringIO(OBS_CSV), dtype=str, keep_default_na=False)
    for col in ["series", *DISAGGREGATIONS]:
        if col not in frame:
            frame[col] = ""
    frame["year"] = frame["year"].astype(int)
    frame["value"] = frame["value"].astype(float)
    frame["source_row"] = frame["source_row"].astype(int)
    frame["source_file"] = "data/indicator_" + frame["indicator_id"].str.replace(".", "-") + ".csv"
    return frame


@pytest.fixture
def indicators() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_id": ["9.1.1", "9.2.1", "9.3.1", "9.4.1"],
            "target": ["9.1", "9.2", "9.3", "9.4"],
            "reporting_status": ["complete", "complete", "notstarted", "complete"],
        }
    )


@pytest.fixture
def directions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_id": ["9.1.1", "9.2.1", "9.4.1"],
            "series": ["", "", ""],
            "unit": ["PT", "", "PT"],
            "direction": ["higher", "lower", "higher"],
            "rationale": ["r"] * 3,
            "source": ["s"] * 3,
        }
    )


@pytest.fixture
def target_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_id": ["9.4.1"],
            "series": [""],
            "unit": ["PT"],
            "target_value": [100.0],
            "target_year": [2030],
            "kind": ["absolute"],
            "source": ["SDG target 9.4"],
            "rationale": ["r"],
        }
    )


@pytest.fixture
def table(obs, indicators, directions, target_table) -> pd.DataFrame:
    return goalview.status_table(indicators, obs, directions, target_table, goalview.areas(obs))


def test_headline_is_the_total(obs) -> None:
    heads = goalview.headlines(obs)
    assert heads["9.1.1"].sex == "" and heads["9.1.1"].unit == "PT"
    assert heads["9.4.1"].urbanisation == ""
    assert set(heads) == {"9.1.1", "9.2.1", "9.4.1"}


def test_areas_are_country_and_current_regions(obs) -> None:
    areas = goalview.areas(obs)
    assert areas[0] == "" and len(areas) == 21 and "KZONT" not in areas
    with_old = obs.assign(ref_area=obs["ref_area"].replace({"KZKAR": "KZONT"}))
    assert goalview.areas(with_old)[-1] == "KZONT"


def test_status_per_area(table) -> None:
    got = table[table["ref_area"].isin(["", "KZKAR"])][
        ["indicator_id", "ref_area", "status", "reason", "bucket", "base_row", "latest_row"]
    ].reset_index(drop=True)
    expected = pd.DataFrame(
        [
            # 50 -> 60.5 in two years: +10 % a year, higher is better.
            ("9.1.1", "", pg.SUBSTANTIAL, "", pg.SUBSTANTIAL, 2, 3),
            # 40 -> 40: no change, "at least 0".
            ("9.1.1", "KZKAR", pg.LIMITED, "", pg.LIMITED, 7, 8),
            # Only 2015 from the base year on (2014 does not count).
            ("9.2.1", "", pg.INSUFFICIENT, pg.ONE_POINT, pg.INSUFFICIENT, 3, 3),
            ("9.2.1", "KZKAR", pg.INSUFFICIENT, pg.NO_DATA, goalview.NO_DATA, None, None),
            ("9.3.1", "", pg.INSUFFICIENT, pg.NO_DATA, goalview.NO_DATA, None, None),
            ("9.3.1", "KZKAR", pg.INSUFFICIENT, pg.NO_DATA, goalview.NO_DATA, None, None),
            # 100 reached, target 100.
            ("9.4.1", "", pg.TARGET_ACHIEVED, "", pg.TARGET_ACHIEVED, 2, 3),
            ("9.4.1", "KZKAR", pg.INSUFFICIENT, pg.NO_DATA, goalview.NO_DATA, None, None),
        ],
        columns=got.columns,
    )
    expected[["base_row", "latest_row"]] = expected[["base_row", "latest_row"]].astype(object)
    got[["base_row", "latest_row"]] = got[["base_row", "latest_row"]].astype(object)
    assert_frame_equal(got, expected, check_dtype=False)
    row = table[(table["indicator_id"] == "9.1.1") & (table["ref_area"] == "")].iloc[0]
    assert row["progress"].cagr == pytest.approx(0.10)
    assert row["years"] == [2015, 2017] and row["values"] == [50.0, 60.5]


def test_counts(table) -> None:
    national = goalview.counts(table, "").set_index("bucket")["n"]
    assert national[pg.SUBSTANTIAL] == 1
    assert national[pg.INSUFFICIENT] == 1
    assert national[pg.TARGET_ACHIEVED] == 1
    assert national[goalview.NO_DATA] == 1
    assert national.sum() == 4
    region = goalview.counts(table, "KZKAR").set_index("bucket")["n"]
    assert (region[pg.LIMITED], region[goalview.NO_DATA], region.sum()) == (1, 3, 4)


def test_coverage(obs, indicators) -> None:
    matrix = goalview.coverage(indicators, obs, goalview.areas(obs))
    assert matrix.loc["9.1.1", ""] == 2017
    assert matrix.loc["9.1.1", "KZKAR"] == 2018
    assert pd.isna(matrix.loc["9.1.1", "KZABY"])
    assert matrix.loc["9.3.1"].isna().all()
    assert list(matrix.index) == ["9.1.1", "9.2.1", "9.3.1", "9.4.1"]


def test_gaps(obs) -> None:
    got = goalview.gaps(obs, "", goalview.headlines(obs))
    assert got[
        ["indicator_id", "dimension", "group", "year", "value", "source_row"]
    ].values.tolist() == [
        # 2016 has only women: the latest year with both groups is 2017.
        ["9.1.1", "sex", "F", 2017, 55.0, 5],
        ["9.1.1", "sex", "M", 2017, 66.0, 6],
        ["9.4.1", "urbanisation", "R", 2016, 96.0, 4],
        ["9.4.1", "urbanisation", "U", 2016, 100.0, 5],
    ]
    assert goalview.gaps(obs, "KZKAR", goalview.headlines(obs)).empty


def test_explain_in_three_languages(table) -> None:
    row = table[(table["indicator_id"] == "9.1.1") & (table["ref_area"] == "")].iloc[0]
    en = goalview.explain(row["progress"], "en")
    assert en == (
        "From 2015 (50) to 2017 (60.5) the value rose 10.0 % a year. No numeric target; higher "
        "is better, so progress is +10.0 % a year → Substantial progress (thresholds: 1.5 % and "
        "0.5 % a year)."
    )
    assert "росло на 10,0 % в год" in goalview.explain(row["progress"], "ru")
    assert "жылына 10,0 % өсті" in goalview.explain(row["progress"], "kk")


def test_explain_with_target_and_relative_target() -> None:
    p = pg.assess([(2015, 2.6), (2023, 5.2)], False, targets.Target(0.5, kind=targets.RELATIVE))
    en = goalview.explain(p, "en", factor=0.5)
    assert en == (
        "From 2015 (2.6) to 2023 (5.2) the value rose 9.1 % a year. The 2030 target of 1.3 "
        "(0.5 × the 2015 value) needs −4.5 % a year: ratio -2.00 → Deterioration."
    )
    insufficient = goalview.explain(pg.assess([(2012, 1.0)], True), "en")
    assert insufficient == "No value since 2015 (the latest is 2012: 1)."
