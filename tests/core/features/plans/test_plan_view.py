"""What the pages show of plans, on the real data and a store holding the EXAMPLE file: one table
per place (regional plans and national stand-ins), a series' row equal to that table's, one
series in every region, sorting, the display table and the plan download."""

from __future__ import annotations

import pandas as pd
import pytest

from sdgdash.config import Settings
from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.data.source import Source
from sdgdash.features.distance.display import arrival, end_kind
from sdgdash.features.distance.table import distance_table
from sdgdash.features.plans import tables, view
from sdgdash.features.plans.status import END_2030, NATIONAL_2030, REGIONAL_PLAN
from sdgdash.features.plans.validate import validate_file
from sdgdash.i18n import LANGS, t
from tests.conftest import REPO
from tests.core.store.test_store import PASSWORD, fast_store

EXAMPLE = REPO / "examples" / "plan_targets_example_KZKAR.csv"
EXAMPLE_IDS = {"1.2.1", "3.1.2", "11.3.1", "11.6.1", "17.8.1"}
NUMBERS = ["year", "actual", "expected", "gap", "gap_share", "final_year", "final_value"]


def numbers(row: dict) -> dict:
    """The row's figures, a missing one as NaN (a frame holds None as NaN)."""
    return {
        k: float("nan") if row[k] is None or pd.isna(row[k]) else float(row[k]) for k in NUMBERS
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = fast_store(f"sqlite:///{tmp_path_factory.mktemp('plans') / 'store.sqlite3'}")
    editor = s.create_user("aigerim", PASSWORD)
    result = validate_file(EXAMPLE.read_bytes(), EXAMPLE.name, "KZKAR", s.plan_catalogue)
    s.save_plan_file("KZKAR", EXAMPLE.name, EXAMPLE.read_bytes(), result.entries, editor)
    yield s
    s.dispose()


@pytest.fixture(scope="module")
def data(store) -> Source:
    return Source(Settings.from_env({}), uploads=store)


@pytest.fixture(scope="module")
def table(data, store) -> pd.DataFrame:
    return view.place_status(data, store, "KZKAR")


def test_a_region_has_its_plans_and_end_value_stand_ins_for_its_other_headlines(data, store, table):
    plans = view.place_plan_status(store, data.all_observations(), data.directions(), "KZKAR")
    stand_ins = view.end_value_stand_in(
        distance_table(data), data.directions(), "KZKAR", store.plans(place="KZKAR")
    )
    expected = view._finish([*plans.to_dict("records"), *stand_ins.to_dict("records")])
    pd.testing.assert_frame_equal(table, expected)
    assert set(table.loc[table["basis"] == REGIONAL_PLAN, "indicator_id"]) == EXAMPLE_IDS
    others = table[table["basis"] != REGIONAL_PLAN]
    latest = distance_table(data).latest
    with_end = latest[(latest["ref_area"] == "KZKAR") & latest["end_value"].notna()]
    # A stand-in for each headline with an end value and a value of the present extent, but
    # none where a regional plan exists (1.2.1's headline has the EXAMPLE plan).
    assert set(others["indicator_id"]) <= set(with_end["indicator_id"]) - {"1.2.1"}
    assert len(others) >= 10 and others["plan_id"].isna().all()
    assert set(others["basis"]) <= {NATIONAL_2030, END_2030}
    # Each stand-in's end value is the distance table's (the region page's "end value").
    ends = with_end.set_index("indicator_id")["end_value"]
    for r in others.to_dict("records"):
        assert r["final_value"] == pytest.approx(float(ends[r["indicator_id"]]))
    # Without a store (or an unreadable one) the stand-ins are all there is; 1.2.1 is an SDG
    # target (halve the share), so it stands in as the national target.
    alone = view.place_status(data, None, "KZKAR")
    assert set(alone["basis"]) <= {NATIONAL_2030, END_2030}
    poverty = alone[alone["indicator_id"] == "1.2.1"].iloc[0]
    assert poverty["basis"] == NATIONAL_2030 and poverty["end_kind"] == "target_relative"


def test_one_series_row_is_the_row_of_the_place_table(data, store, table):
    for row in table.to_dict("records"):
        sel = view.row_selection(row)
        alone = view.selection_status(data, store, "KZKAR", sel)
        assert alone is not None, sel
        assert numbers(alone) == pytest.approx(numbers(row), nan_ok=True)
        assert (alone["basis"], alone["status"]) == (row["basis"], row["status"])
        from_table = view.selection_status(data, store, "KZKAR", sel, table)
        assert pd.Series(from_table, dtype=object).equals(pd.Series(row, dtype=object))
    # A series with neither a plan nor a national target has no row.
    latest = distance_table(data).latest
    none = latest[(latest["ref_area"] == "KZKAR") & latest["end_value"].isna()].iloc[0]
    no_end = next(s for s in data.headlines() if s.indicator_id == none["indicator_id"])
    assert view.selection_status(data, store, "KZKAR", no_end) is None
    assert (
        view.selection_status(data, store, "karkaraly_district", Selection("1.2.1", unit="PT"))
        is None
    )


def test_one_series_in_every_region_has_karagandas_plan_and_the_others_stand_ins(data, store):
    sel = Selection("1.2.1", unit="PT")
    every = view.indicator_status(data, store, sel)
    mine = every[every["place"] == "KZKAR"]
    assert list(mine["basis"]) == [REGIONAL_PLAN]
    others = every[every["place"] != "KZKAR"]
    assert set(others["basis"]) == {NATIONAL_2030} and len(others) >= 16
    # Each region's row is the one its own table has.
    for row in every.head(3).to_dict("records"):
        own = view.selection_status(data, store, row["place"], sel)
        assert own["status"] == row["status"] and own["gap"] == pytest.approx(row["gap"])


def test_sorting_and_counts(table):
    by_gap = view.sort_status(table, "gap")
    shares = by_gap["gap_share"].dropna().astype(float).tolist()
    assert shares == sorted(shares)
    by_id = view.sort_status(table, "indicator")["indicator_id"].tolist()
    assert by_id.index("1.2.1") < by_id.index("11.3.1") < by_id.index("17.8.1")
    assert view.sort_status(table, "status") is table
    counts = view.counts(table)
    assert sum(counts.values()) == len(table)
    assert counts["behind_plan"] == int((table["status"] == "behind_plan").sum())


@pytest.mark.parametrize("lang", LANGS)
def test_the_display_table_writes_the_rows_as_the_brief_does(data, table, lang):
    shown = tables.status_display(data, table, lang)
    assert len(shown) == len(table)
    row = shown[shown[t("indicator", lang)].str.startswith("11.6.1 ")].iloc[0]
    # Household waste collection, EXAMPLE plan 82 (2021) -> 95 (2025) -> 100 (2030); 91 in 2023.
    assert row[t("plan_col_status", lang)] == t("plan_status_ahead_of_plan", lang)
    assert row[t("plan_col_basis", lang)] == t("plan_basis_regional_plan", lang)
    assert (row[t("year", lang)], row[t("brief_col_actual", lang)]) == (2023, 91.0)
    assert (row[t("brief_col_expected", lang)], row[t("brief_col_gap", lang)]) == (88.5, 2.5)
    assert (row[t("plan_col_final_year", lang)], row[t("plan_col_final_value", lang)]) == (
        2030,
        100.0,
    )
    assert row[t("plan_col_gap_share", lang)] == 14  # 2.5 of a planned change of 18
    assert row[t("plan_col_document", lang)].startswith("EXAMPLE — not real values")
    assert row[t("source", lang)].startswith("data/indicator_11-6-1.csv:")
    # A stand-in names the end value's origin and carries the distance figures.
    i = next(i for i, r in enumerate(table.to_dict("records")) if r["basis"] == END_2030)
    stand_in, rec = shown.iloc[i], table.iloc[i]
    assert stand_in[t("plan_col_basis", lang)] == t("plan_basis_end_2030", lang)
    assert stand_in[t("plan_col_document", lang)].startswith(
        t("plan_end_source", lang, kind=end_kind(rec["end_kind"], lang), source="")
    )
    assert stand_in[t("dist_score", lang)] == round(rec["score"], 1)
    assert stand_in[t("dist_arrival", lang)] == arrival(rec, lang)
    assert str(shown[t("year", lang)].dtype) == "Int64"
    across = tables.status_display(data, table.head(2), lang, with_place=True)
    assert t("plan_col_place", lang) in across and t("indicator", lang) not in across


def test_places_keys_and_the_plan_download(data, store):
    assert view.place_kind(data, "KZKAR") == "region"
    assert view.place_kind(data, "karkaraly_district") == "territory"
    assert view.place_kind(data, "nowhere") is None
    assert view.parent_region(data, "karkaraly_district") == "KZKAR"
    assert view.place_from_params(data, {"place": "kamystybas_village"}) == "kamystybas_village"
    assert view.place_from_params(data, {"place": "<b>"}) == view.DEFAULT_PLACE
    places = view.places(data, "ru")
    assert places.index("KZKAR") < places.index("karkaraly_district")
    sel = Selection("3.1.2", unit="PT", urbanisation="R")
    assert view.selection_from_key(view.selection_key(sel)) == sel
    assert view.selection_from_key("1.2.1|PT") is None and view.selection_from_key("") is None
    download = view.plan_download(data, store, "KZKAR", "en")
    assert len(download) == 5 and set(download["indicator_id"]) == EXAMPLE_IDS
    waste = download[download["indicator_id"] == "11.6.1"].iloc[0]
    assert (waste["2025"], waste["2030"]) == (95.0, 100.0) and pd.isna(waste["2029"])
    assert waste["indicator_name"] == data.labels().indicator_name("11.6.1", "en")
    assert list(download.columns[:4]) == ["plan_id", "place_kind", "place", "indicator_id"]
    assert set(SELECTION_COLUMNS) <= set(download.columns)
