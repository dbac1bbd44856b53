"""Query layer against small fixture Parquet files and against the committed real data."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sdgdash.config import Settings
from sdgdash.data import queries
from sdgdash.data.db import DataMissingError, connect
from sdgdash.data.models import Selection
from tests.conftest import REPO
from tests.core import datafixtures


@pytest.fixture
def con(tmp_path):
    data = datafixtures.write(tmp_path / "data")
    return connect(Settings(data_dir=data, geodata_dir=tmp_path, store_url=""))


def _csv(text: str, **dtypes) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False).astype(dtypes)


def test_map_frame_returns_exactly_the_selected_regional_rows(con) -> None:
    got = queries.map_frame(con, Selection("1.2.1", unit="PT"), 2022)
    want = _csv(
        """ref_area,value,year,unit,series,source_file,source_row,conflict_of,placeholder
KZAKM,5.0,2022,PT,,data/indicator_1-2-1.csv,7,,
KZALM,3.0,2022,PT,,data/indicator_1-2-1.csv,8,,
KZALM,3.3,2022,PT,,data/indicator_1-2-1.csv,11,8,
KZKRG,2.0,2022,PT,,data/indicator_1-2-1.csv,10,,
KZZHS,7.0,2022,PT,,data/indicator_1-2-1.csv,9,,
""",
        value="float64",
        year="int16",
        source_row="int32",
    )
    want["conflict_of"] = pd.to_numeric(want["conflict_of"].replace("", None)).astype("Int32")
    want["placeholder"] = None
    assert_frame_equal(got, want, check_dtype=False)


def test_map_view_draws_first_row_and_lists_the_rest_with_reasons(con) -> None:
    from sdgdash.features.map import view as mapview

    sel = Selection("1.2.1", unit="PT")
    kinds = {"KZKRG": "city"}
    view = mapview.split(queries.map_frame(con, sel, 2022), sel, 2022, kinds, 5.1, False)
    assert view.layout == "2022"
    assert view.drawn[["ref_area", "value", "rank"]].values.tolist() == [
        ["KZAKM", 5.0, 2],
        ["KZALM", 3.0, 1],
        ["KZZHS", 7.0, 3],
    ]
    assert view.not_drawn[["ref_area", "value", "reason"]].values.tolist() == [
        ["KZKRG", 2.0, "no_boundary_subregion"],
        ["KZALM", 3.3, "conflicting_duplicate"],
    ]


def test_disaggregation_is_part_of_the_selection(con) -> None:
    got = queries.map_frame(con, Selection("1.2.1", unit="PT", sex="F"), 2021)
    assert got["ref_area"].tolist() == ["KZALM"]
    assert got["value"].tolist() == [4.5]


def test_selection_options_lists_only_regional_combinations(con) -> None:
    opts = queries.selection_options(con, "1.2.1")
    assert len(opts) == 2
    total = opts[opts["sex"] == ""].iloc[0]
    assert list(total["years"]) == [2021, 2022]
    assert total["n_regions"] == 4
    assert queries.selection_options(con, "7.1.1").empty


def test_national_series(con) -> None:
    got = queries.national_series(con, Selection("1.2.1", unit="PT"))
    assert got[["year", "value"]].values.tolist() == [[2021, 5.2], [2022, 5.1]]


def test_regional_series_filters_regions_by_bound_list(con) -> None:
    got = queries.regional_series(con, Selection("1.2.1", unit="PT"), ["KZALM"])
    assert got[["year", "ref_area", "value"]].values.tolist() == [
        [2021, "KZALM", 4.0],
        [2022, "KZALM", 3.0],
    ]
    # A hostile "region code" is just a value that matches nothing.
    assert queries.regional_series(con, Selection("1.2.1", unit="PT"), ["' OR 1=1 --"]).empty


def test_region_latest_takes_the_latest_year_per_selection(con) -> None:
    got = queries.region_latest(con, "KZALM")
    assert got[["indicator_id", "sex", "year", "value"]].values.tolist() == [
        ["1.2.1", "", 2022, 3.0],
        ["1.2.1", "F", 2021, 4.5],
    ]


def test_goal_summary_counts_indicators(con) -> None:
    got = queries.goal_summary(con).set_index("goal")
    assert got.loc[1, "n_indicators"] == 1 and got.loc[1, "n_regional"] == 1
    assert got.loc[3, "n_with_data"] == 0
    assert got.loc[17, "n_indicators"] == 0
    assert len(got) == 17


def test_coverage(con) -> None:
    got = queries.coverage(con)
    row = got[(got.indicator_id == "1.2.1") & (got.ref_area == "KZZHS")].iloc[0]
    assert row["last_year"] == 2022 and row["n_rows"] == 1


def test_missing_data_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(DataMissingError, match="sdgdash.ingest"):
        connect(Settings(data_dir=tmp_path, geodata_dir=tmp_path, store_url=""))


# --- the committed real data -------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return connect(Settings.from_env({}))


def test_real_poverty_map_frames_follow_the_data_layout(real) -> None:
    """1.2.1: 2023 is published for the 20 units of 2022; 2022 itself still for the 17 old ones."""
    from sdgdash.geo.layouts import LAYOUT_UNITS

    assert not queries.selection_options(real, "1.2.1").empty
    sel = Selection("1.2.1", unit="PT")
    assert set(queries.map_frame(real, sel, 2023)["ref_area"]) == LAYOUT_UNITS["2022"]
    assert set(queries.map_frame(real, sel, 2022)["ref_area"]) == LAYOUT_UNITS["2018"]


def test_real_map_frame_values_equal_the_source_csv(real, kazstat_source) -> None:
    src = pd.read_csv(
        kazstat_source / "data" / "indicator_1-2-1.csv", dtype=str, keep_default_na=False
    )
    src = src[
        (src.Year == "2022") & (src.REF_AREA != "") & (src.SEX == "") & (src.URBANISATION == "")
    ]
    want = dict(zip(src.REF_AREA, src.Value.astype(float), strict=True))
    frame = queries.map_frame(real, Selection("1.2.1", unit="PT"), 2022)
    assert dict(zip(frame.ref_area, frame.value, strict=True)) == want
    assert (REPO / "data" / "observations.parquet").exists()


def test_map_view_with_everything_drawn_lists_nothing(con) -> None:
    from sdgdash.features.map import view as mapview

    sel = Selection("1.2.1", unit="PT")
    view = mapview.split(queries.map_frame(con, sel, 2021), sel, 2021, {}, 5.2)
    assert len(view.drawn) == 2 and view.not_drawn.empty


def test_placeholder_rows_reach_only_the_map_frame(tmp_path) -> None:
    """A curated placeholder is listed on the map; series, profiles and goals never see it."""
    from sdgdash.features.map import view as mapview

    extra = "1.2.1,1,1.2,2022,KZKAR,,PT,,,0.0,data/indicator_1-2-1.csv,12,,border_change\n"
    data = datafixtures.write(tmp_path / "data", extra)
    con = connect(Settings(data_dir=data, geodata_dir=tmp_path, store_url=""))
    sel = Selection("1.2.1", unit="PT")
    frame = queries.map_frame(con, sel, 2022)
    assert frame[frame.ref_area == "KZKAR"][["value", "placeholder"]].values.tolist() == [
        [0.0, "border_change"]
    ]
    assert "KZKAR" not in set(queries.regional_series(con, sel)["ref_area"])
    assert queries.region_latest(con, "KZKAR").empty
    assert 12 not in set(queries.goal_observations(con, 1)["source_row"])
    view = mapview.split(frame, sel, 2022, {"KZKRG": "city"}, 5.1, False)
    assert "KZKAR" not in set(view.drawn["ref_area"])
    assert view.not_drawn[["ref_area", "reason"]].values.tolist() == [
        ["KZKRG", "no_boundary_subregion"],
        ["KZALM", "conflicting_duplicate"],
        ["KZKAR", "placeholder_border_change"],
    ]


def test_real_karaganda_gdp_index_2023_is_listed_not_drawn(real) -> None:
    """8.1.1 2023: KZALM, KZKAR, KZVOS are 0.0 placeholders (split in June 2022)."""
    from sdgdash.features.map import view as mapview

    sel = Selection("8.1.1", unit="PT_BY_2005")
    national = mapview.national_value(queries.national_series(real, sel), 2023)
    assert national == 165.7
    view = mapview.split(queries.map_frame(real, sel, 2023), sel, 2023, {}, national, True)
    assert view.layout == "2022"
    assert not {"KZALM", "KZKAR", "KZVOS"} & set(view.drawn["ref_area"])
    assert sorted(view.drawn["rank"]) == list(range(1, 13))  # the 12 other regions with data
    listed = view.not_drawn.set_index("ref_area")
    assert listed.loc["KZKAR", "reason"] == "placeholder_border_change"
    assert (listed.loc["KZKAR", "value"], listed.loc["KZKAR", "source_row"]) == (0.0, 225)
    assert listed.loc["KZKAR", "source_file"] == "data/indicator_8-1-1.csv"
    assert set(listed.index) == {"KZALM", "KZKAR", "KZVOS"}
