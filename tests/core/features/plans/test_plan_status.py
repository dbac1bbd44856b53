"""The actual-vs-plan rule, worked by hand (the examples of sdgdash/features/plans/status.py),
and the status tables built from store frames and observations."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from sdgdash.data.catalog import DISAGGREGATIONS, SELECTION_COLUMNS
from sdgdash.exports import tables as exports
from sdgdash.features.distance.table import DistanceResult
from sdgdash.features.plans import status as st
from sdgdash.features.plans import view

approx = pytest.approx


def line(base_year, base, *points, basis=st.REGIONAL_PLAN) -> st.PlanLine:
    return st.PlanLine(base_year, base, tuple(points), basis=basis)


def test_poverty_behind_then_on_plan_lower_is_better():
    plan = line(2021, 4.0, (2025, 3.0))
    # Line in 2023: 4.0 + (3.0 - 4.0) * 2/4 = 3.5; gap +0.2 against a tolerance of 0.1.
    got = st.assess_plan(plan, [(2020, 4.2), (2022, 3.9), (2023, 3.7)], higher_is_better=False)
    assert (got.status, got.year, got.actual) == (st.BEHIND, 2023, 3.7)
    assert got.expected == approx(3.5) and got.gap == approx(0.2) and got.tolerance == approx(0.1)
    assert got.gap_good == approx(-0.2) and got.gap_share == approx(-0.2)
    assert (got.final_year, got.final_value, got.basis) == (2025, 3.0, st.REGIONAL_PLAN)
    on = st.assess_plan(plan, [(2023, 3.55)], higher_is_better=False)
    assert on.status == st.ON_PLAN and on.gap == approx(0.05)
    # Exactly at the tolerance still counts as on plan (3.6 - 3.5 = 0.1).
    assert st.assess_plan(plan, [(2023, 3.6)], False).status == st.ON_PLAN
    assert st.assess_plan(plan, [(2023, 3.3)], False).status == st.AHEAD


def test_waste_collection_on_and_ahead_of_a_two_step_plan():
    plan = line(2022, 80.0, (2025, 90.0), (2030, 100.0))
    # Line in 2024: 80 + 10 * 2/3 = 86.67; tolerance 10 % of the whole change 20 = 2.
    got = st.assess_plan(plan, [(2024, 88.0)], higher_is_better=True)
    assert got.status == st.ON_PLAN
    assert got.expected == approx(86.6667, abs=1e-4) and got.gap == approx(1.3333, abs=1e-4)
    assert got.tolerance == approx(2.0)
    ahead = st.assess_plan(plan, [(2024, 89.0)], higher_is_better=True)
    assert ahead.status == st.AHEAD and ahead.gap_share == approx(2.3333 / 20, abs=1e-4)
    # In 2027 the line is on its second leg: 90 + 10 * 2/5 = 94.
    assert plan.value_at(2027) == approx(94.0)
    # After the last planned year the plan's end value holds; before the baseline: no plan.
    assert plan.value_at(2033) == 100.0 and plan.value_at(2021) is None
    late = st.assess_plan(plan, [(2031, 96.0)], higher_is_better=True)
    assert (late.status, late.expected, late.gap) == (st.BEHIND, 100.0, approx(-4.0))


def test_a_plan_to_keep_a_level_uses_the_published_precision():
    plan = line(2022, 100.0, (2025, 100.0))
    got = st.assess_plan(plan, [(2023, 99.9)], higher_is_better=True)
    # Change 0: tolerance is half the precision step of 99.9 (0.1) = 0.05; gap -0.1.
    assert got.tolerance == approx(0.05) and got.status == st.BEHIND
    assert got.gap_share is None
    assert st.assess_plan(plan, [(2023, 100.0)], True).status == st.ON_PLAN
    # No curated direction and no planned change: a gap cannot be called good or bad.
    assert st.assess_plan(plan, [(2023, 99.9)], None).status == st.NOT_ASSESSED


def test_neutral_indicators_read_in_the_plans_direction_and_missing_actuals():
    plan = line(2020, 10.0, (2030, 20.0))
    got = st.assess_plan(plan, [(2025, 13.0)], higher_is_better=None)
    # Line in 2025: 15; gap -2 beyond the tolerance 1; the plan raises the value -> behind.
    assert got.higher_is_better is True and got.status == st.BEHIND
    none = st.assess_plan(plan, [(2018, 9.0), (2019, float("nan"))], higher_is_better=True)
    assert none.status == st.NO_ACTUAL and none.year is None
    assert st.assess_plan(plan, [], True).status == st.NO_ACTUAL
    # A value in the baseline year only is where the line starts, not progress along it.
    assert st.assess_plan(plan, [(2020, 10.0)], True).status == st.NO_ACTUAL
    assert st.assess_plan(plan, [(2020, 10.0), (2021, 11.0)], True).year == 2021


def test_precision_of_published_numbers():
    assert [st.decimals(x) for x in (3.0, 3.5, 3.25, 0.001, 120.0, 1 / 3)] == [0, 1, 2, 3, 0, 6]
    assert st.resolution([3.5, 4.0]) == approx(0.1)
    assert st.resolution([120.0]) == 1.0
    with pytest.raises(ValueError):
        line(2021, 1.0, (2021, 2.0))
    with pytest.raises(ValueError):
        line(2021, 1.0, (2030, 2.0), (2025, 1.5))


def obs_rows(ref_area: str, indicator: str, unit: str, points, sex: str = "") -> list[dict]:
    return [
        {
            "indicator_id": indicator,
            "ref_area": ref_area,
            "year": year,
            "value": value,
            "series": "",
            "unit": unit,
            **{d: "" for d in DISAGGREGATIONS},
            "sex": sex,
            "source_file": f"data/indicator_{indicator.replace('.', '-')}.csv",
            "source_row": 10 + i,
            "conflict_of": float("nan"),
            "placeholder": None,
        }
        for i, (year, value) in enumerate(points)
    ]


DIRECTIONS = pd.DataFrame(
    [
        ("1.2.1", "", "PT", "lower", "r", "s"),
        ("11.6.1", "", "PT", "higher", "r", "s"),
    ],
    columns=["indicator_id", "series", "unit", "direction", "rationale", "source"],
)


def distance_result(latest: list[dict], rows: list[dict]) -> DistanceResult:
    """A distance-to-2030 table with just what the stand-in reads (test fixture figures)."""
    key = {c: "" for c in ("series", *DISAGGREGATIONS)}
    latest_frame = pd.DataFrame(
        [
            key
            | {"end_kind": "target", "end_source": "SDG target 1.2", "score": 50.0}
            | {"arrival_status": "arrives", "arrival_year": 2031}
            | r
            for r in latest
        ]
    )
    rows_frame = pd.DataFrame(rows).assign(current=lambda f: f.get("current", True))
    return DistanceResult(rows_frame, {}, {}, pd.DataFrame(), latest_frame, pd.DataFrame(), "wls")


def plans_frame(rows: list[dict]) -> pd.DataFrame:
    out = []
    for r in rows:
        rec = {c: "" for c in ("series", *DISAGGREGATIONS)}
        rec.update(
            place_kind="region",
            version=1,
            status="active",
            document_name="Plan (test fixture)",
            document_date=dt.date(2024, 1, 15),
            document_ref="",
            file_id=None,
            entered_by="aigerim",
            entered_at=dt.datetime(2024, 2, 1),
        )
        rec.update(r)
        out.append(rec)
    return pd.DataFrame(out)


def test_status_table_puts_the_furthest_behind_first_and_names_the_source():
    observations = pd.DataFrame(
        obs_rows("KZAAA", "1.2.1", "PT", [(2015, 6.0), (2021, 4.0), (2023, 3.7)])
        + obs_rows("KZAAA", "11.6.1", "PT", [(2022, 80.0), (2024, 70.0)])
        + obs_rows("KZBBB", "1.2.1", "PT", [(2015, 5.0), (2023, 2.0)])
    )
    plans = plans_frame(
        [
            {"plan_id": 1, "place": "KZAAA", "indicator_id": "1.2.1", "unit": "PT"}
            | {"baseline_year": 2021, "baseline_value": 4.0},
            {"plan_id": 2, "place": "KZAAA", "indicator_id": "11.6.1", "unit": "PT"}
            | {"baseline_year": 2022, "baseline_value": 80.0},
        ]
    )
    values = pd.DataFrame({"plan_id": [1, 2, 2], "year": [2025, 2025, 2030]})
    values = values.assign(value=[3.0, 90.0, 100.0])
    actuals = view.region_actuals(observations, "KZAAA")
    table = view.status_table(plans, values, actuals, DIRECTIONS)
    got = table[["plan_id", "status", "year", "actual", "expected", "gap", "gap_share"]]
    expected = pd.DataFrame(
        {
            # 11.6.1: line in 2024 = 86.67, actual 70 -> gap -16.67, share -0.833 (first);
            # 1.2.1: line in 2023 = 3.5, actual 3.7 -> share -0.2.
            "plan_id": [2, 1],
            "status": ["behind_plan", "behind_plan"],
            "year": [2024, 2023],
            "actual": [70.0, 3.7],
            "expected": [80 + 20 / 3, 3.5],
            "gap": [70 - 80 - 20 / 3, 3.7 - 3.5],
            "gap_share": [-(80 + 20 / 3 - 70) / 20, -0.2],
        }
    )
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, atol=1e-9)
    assert list(table["actual_source"]) == [
        "data/indicator_11-6-1.csv:11",
        "data/indicator_1-2-1.csv:12",
    ]
    assert list(view.furthest_behind(table, 1)["plan_id"]) == [2]


class FakeStore:
    """The three reads the status functions make, from frames (stands in for Store here)."""

    def __init__(self, plans, values, uploads):
        self._plans, self._values, self._uploads = plans, values, uploads

    def plans(self, place=None, indicator_id=None):
        p = self._plans
        if place:
            p = p[p["place"] == place]
        if indicator_id:
            p = p[p["indicator_id"] == indicator_id]
        return p

    def plan_values(self, plan_ids=None, place=None, indicator_id=None):
        return self._values[
            self._values["plan_id"].isin(self.plans(place, indicator_id)["plan_id"])
        ]

    def upload_rows(self, territory_id, indicator_id=None):
        u = self._uploads[self._uploads["territory_id"] == territory_id]
        return u if not indicator_id else u[u["indicator_id"] == indicator_id]


def test_a_territorys_plan_is_judged_on_its_local_data_and_one_indicator_across_places():
    plans = plans_frame(
        [
            {"plan_id": 1, "place": "KZAAA", "indicator_id": "1.2.1", "unit": "PT"}
            | {"baseline_year": 2021, "baseline_value": 4.0},
            {"plan_id": 5, "place": "aaa_district", "place_kind": "territory"}
            | {"indicator_id": "1.2.1", "unit": "PT", "baseline_year": 2022, "baseline_value": 8.0},
        ]
    )
    values = pd.DataFrame({"plan_id": [1, 5], "year": [2025, 2026], "value": [3.0, 6.0]})
    uploads = pd.DataFrame(
        {
            "upload_id": [7],
            "territory_id": ["aaa_district"],
            "indicator_id": ["1.2.1"],
            "version": [2],
            "year": [2024],
            "series": [""],
            "unit": ["PT"],
            "value": [6.5],
        }
    )
    observations = pd.DataFrame(obs_rows("KZAAA", "1.2.1", "PT", [(2023, 3.5)]))
    store = FakeStore(plans, values, uploads)
    terr = view.place_plan_status(store, observations, DIRECTIONS, "aaa_district", "territory")
    # Line in 2024: 8 - 2 * 2/4 = 7; 6.5 is 0.5 lower (better) beyond 0.2 -> ahead.
    row = terr.iloc[0]
    assert (row["status"], row["actual"], row["expected"]) == ("ahead_of_plan", 6.5, 7.0)
    assert row["actual_source"] == "upload 7 v2"
    both = view.indicator_plan_status(store, observations, DIRECTIONS, "1.2.1")
    assert set(zip(both["place"], both["status"], strict=True)) == {
        ("KZAAA", "on_plan"),
        ("aaa_district", "ahead_of_plan"),
    }
    assert view.place_plan_status(store, observations, DIRECTIONS, "KZBBB").empty


def test_plan_table_has_a_column_per_year_and_defuses_formulas():
    plans = plans_frame(
        [
            {"plan_id": 3, "place": "KZAAA", "indicator_id": "1.2.1", "unit": "PT"}
            | {"baseline_year": 2021, "baseline_value": 4.0, "document_name": "=HYPERLINK(1)"},
        ]
    )
    values = pd.DataFrame({"plan_id": [3, 3], "year": [2030, 2025], "value": [2.5, 3.0]})
    table = view.plan_table(plans, values)
    assert list(table.columns[-7:]) == [
        "2025",
        "2030",
        "document_name",
        "document_date",
        "document_ref",
        "entered_by",
        "entered_at",
    ]
    # The text stays as typed; the CSV and XLSX writers keep it from being a formula there.
    assert table.iloc[0]["document_name"] == "=HYPERLINK(1)"
    assert "'=HYPERLINK(1)" in exports.csv_bytes(table).decode("utf-8-sig")
    assert (table.iloc[0]["2025"], table.iloc[0]["2030"]) == (3.0, 2.5)
    assert list(table.columns[3 : 3 + len(SELECTION_COLUMNS) + 1]) == [
        "indicator_id",
        *SELECTION_COLUMNS,
    ]
    chart = view.plan_chart_frame(line(2021, 4.0, (2025, 3.0), (2030, 2.5)))
    assert list(chart.itertuples(index=False, name=None)) == [
        (2021, 4.0, "baseline", "regional_plan"),
        (2025, 3.0, "plan", "regional_plan"),
        (2030, 2.5, "plan", "regional_plan"),
    ]


def test_derived_figures_are_shown_one_decimal_finer_than_the_published_value():
    assert st.shown(80 + 20 / 3, 88.0) == 86.7
    assert st.shown(3.5 - 3.7, 3.7) == -0.2
    assert st.shown(8.29812, 12.99) == 8.298
    assert st.shown(-0.00001, 3.0) == 0.0 and str(st.shown(-0.00001, 3.0)) == "0.0"
    assert st.shown(None, 3.0) is None and st.shown(1.23456, None) == 1.23456
    # The finest of the published values it comes from: half of a base of 1.5 is 0.75, not 0.8.
    assert st.shown(0.75, 3.0, 1.5) == 0.75 and st.shown(0.75, 3.0) == 0.8


def test_a_region_without_a_plan_is_judged_against_its_2030_end_value():
    # 1.2.1 in KZBBB: its first value from 2015 on is 5.0; the end value (half of it, an SDG
    # target) 2.5 in 2030. Line in 2023: 5 - 2.5 * 8/15 = 3.667; 4.5 is behind.
    # 11.6.1: no SDG target, the distance method's end value 100 (index bound); the values of
    # the former extent (2019) are left out, so the line starts at 2022's 80.
    rows = obs_rows("KZBBB", "1.2.1", "PT", [(2014, 7.0), (2015, 5.0), (2023, 4.5)])
    rows += obs_rows("KZBBB", "11.6.1", "PT", [(2019, 60.0), (2022, 80.0), (2024, 86.0)])
    rows[3]["current"] = False
    result = distance_result(
        [
            {"ref_area": "KZBBB", "indicator_id": "1.2.1", "unit": "PT"}
            | {"end_value": 2.5, "end_year": 2030, "end_kind": "target_relative"},
            {"ref_area": "KZBBB", "indicator_id": "11.6.1", "unit": "PT"}
            | {"end_value": 100.0, "end_year": 2030, "end_kind": "index", "end_source": "SDR"},
            {"ref_area": "KZBBB", "indicator_id": "3.6.1", "unit": "PT"}
            | {"end_value": 2.0, "end_year": 2020},  # the target's year before any value
            {"ref_area": "KZBBB", "indicator_id": "8.5.1", "unit": "PT"}
            | {"end_value": float("nan"), "end_year": pd.NA, "end_kind": "none"},
        ],
        [r | {"current": r.get("current", True)} for r in rows]
        + obs_rows("KZBBB", "3.6.1", "PT", [(2021, 5.0)])
        + obs_rows("KZBBB", "8.5.1", "PT", [(2021, 5.0)]),
    )
    stand = view.end_value_stand_in(result, DIRECTIONS, "KZBBB")
    got = stand[["indicator_id", "basis", "status", "baseline_year", "expected", "final_value"]]
    expected = pd.DataFrame(
        {
            "indicator_id": ["1.2.1", "11.6.1"],
            "basis": ["national_2030", "end_2030"],
            "status": ["behind_plan", "on_plan"],
            "baseline_year": [2015, 2022],
            # 11.6.1: 80 + 20 * 2/8 = 85 in 2024; 86 is 1 above, within 10 % of 20.
            "expected": [5 - 2.5 * 8 / 15, 85.0],
            "final_value": [2.5, 100.0],
        }
    )
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert list(stand["end_kind"]) == ["target_relative", "index"]
    assert list(stand["arrival_year"]) == [2031, 2031] and all(
        view.is_stand_in(r) for r in stand.to_dict("records")
    )
    assert stand.iloc[0]["line"] == ((2015, 5.0), (2030, 2.5))
    assert stand.iloc[0]["actual_source"] == "data/indicator_1-2-1.csv:12"
    # A region's own plan for a selection replaces the stand-in.
    plans = plans_frame([{"plan_id": 1, "place": "KZBBB", "indicator_id": "1.2.1", "unit": "PT"}])
    assert list(view.end_value_stand_in(result, DIRECTIONS, "KZBBB", plans)["indicator_id"]) == [
        "11.6.1"
    ]
    assert view.end_value_stand_in(result, DIRECTIONS, "KZAAA").empty


def test_the_plan_line_of_a_row_for_charts():
    plans = plans_frame(
        [
            {"plan_id": 1, "place": "KZAAA", "indicator_id": "1.2.1", "unit": "PT"}
            | {"baseline_year": 2021, "baseline_value": 4.0},
        ]
    )
    values = pd.DataFrame({"plan_id": [1, 1], "year": [2025, 2030], "value": [3.0, 2.5]})
    observations = pd.DataFrame(obs_rows("KZAAA", "1.2.1", "PT", [(2015, 6.0), (2023, 3.5)]))
    store = FakeStore(plans, values, pd.DataFrame(columns=["territory_id", "indicator_id"]))
    mine = view.place_plan_status(store, observations, DIRECTIONS, "KZAAA")
    assert list(mine["basis"]) == ["regional_plan"] and not view.is_stand_in(mine.iloc[0])
    chart = view.plan_chart_frame(mine.iloc[0])
    assert list(chart["year"]) == [2021, 2025, 2030] and set(chart["basis"]) == {"regional_plan"}
    assert view.indicator_plan_status(store, observations, DIRECTIONS, "9.9.9").empty
