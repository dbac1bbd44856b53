"""The whole distance table: split regions, back-calculated series, and coverage of the real data."""

from __future__ import annotations

import io

import pandas as pd
import pandas.testing as pdt
import pytest

from sdgdash import i18n
from sdgdash.config import Settings
from sdgdash.data.catalog import DISAGGREGATIONS
from sdgdash.data.end_values import COLUMNS as END_COLUMNS
from sdgdash.data.end_values import load_end_values
from sdgdash.data.models import Selection
from sdgdash.data.source import Source
from sdgdash.features.distance import endvalues, pace, table
from sdgdash.geo import layouts as geo
from tests.conftest import REPO

# Made-up values of one indicator (fixture, not data). Ulytau (KZULU) and Abai (KZABY) exist
# from 2022; KZABY also has a back-calculated 2019. Karaganda (KZKAR) lost Ulytau in 2022:
# its 2015-2016 values are of the larger region. East Kazakhstan (KZVOS) lost Abai: its 2019
# value stands beside Abai's, so it is of the reduced region.
ROWS = """ref_area,year,value
,2015,80
,2016,82
,2017,83
KZAKM,2015,60
KZAKM,2016,62
KZAKM,2017,63
KZKAR,2015,40
KZKAR,2016,42
KZKAR,2022,50
KZKAR,2023,53
KZULU,2022,30
KZULU,2023,31
KZABY,2019,20
KZABY,2022,26
KZVOS,2019,70
KZVOS,2022,76
KZKRG,2022,99
"""


def observations(rows: str = ROWS, indicator: str = "6.1.1") -> pd.DataFrame:
    df = pd.read_csv(io.StringIO(rows), dtype={"ref_area": str}, keep_default_na=False)
    df["indicator_id"] = indicator
    df["goal"] = int(indicator.split(".")[0])
    df["series"] = ""
    df["unit"] = "PT"
    for col in DISAGGREGATIONS:
        df[col] = ""
    df["source_file"] = "data/indicator_x.csv"
    df["source_row"] = range(2, len(df) + 2)
    df["conflict_of"] = pd.array([None] * len(df), dtype="Int32")
    df["placeholder"] = None
    return df.astype({"year": "int64", "value": "float64"})


DIRECTIONS = pd.DataFrame(
    [["6.1.1", "", "PT", "higher", "more is better", "SDG 6.1"]],
    columns=["indicator_id", "series", "unit", "direction", "rationale", "source"],
)
TARGETS = pd.DataFrame(
    [["6.1.1", "", "PT", 100.0, 2030, "absolute", "SDG target 6.1", "universal access"]],
    columns=[
        "indicator_id",
        "series",
        "unit",
        "target_value",
        "target_year",
        "kind",
        "source",
        "rationale",
    ],
)
EMPTY_INDEX = pd.DataFrame(columns=["indicator_id", "upper", "upper_basis", "source"])
EMPTY_END = pd.DataFrame(columns=END_COLUMNS)


def compute(obs: pd.DataFrame) -> table.DistanceResult:
    return table.compute(
        obs, [Selection("6.1.1", unit="PT")], DIRECTIONS, TARGETS, EMPTY_INDEX, EMPTY_END
    )


def test_split_region_back_calculated_series_and_national():
    result = compute(observations())
    # Pooled drawn region values since 2015 (13, the city KZKRG is not a region):
    # 20 26 30 31 40 42 50 53 60 62 63 70 76; 2.5th percentile at 0.3: 20 + 0.3 * 6 = 21.8.
    lower = 21.8
    assert result.lower["6.1.1"] == pytest.approx(lower)

    def sc(v: float) -> float:
        return (v - lower) / (100 - lower) * 100

    got = result.latest.set_index("ref_area").loc[
        ["", "KZAKM", "KZKAR", "KZULU", "KZABY", "KZVOS", "KZPAV"],
        [
            "year",
            "value",
            "score",
            "pace_from",
            "n_points",
            "pace_observed",
            "arrival_year",
            "arrival_status",
            "score_reason",
            "pace_reason",
            "series_note",
        ],
    ]
    want = pd.DataFrame(
        {
            "year": pd.array([2017, 2017, 2023, 2023, 2022, 2022, None], dtype="Int64"),
            "value": [83.0, 63.0, 53.0, 31.0, 26.0, 76.0, float("nan")],
            "score": [sc(83), sc(63), sc(53), sc(31), sc(26), sc(76), float("nan")],
            "pace_from": pd.array([2015, 2015, 2022, 2022, 2019, 2019, None], dtype="Int64"),
            "n_points": [3, 3, 2, 2, 2, 2, 0],
            # 1.4 as in the pace test; KZKAR 50 -> 53 only (its 2015-2016 are of the old
            # region); KZULU 30 -> 31; KZABY (26 - 20) / 3 = 2; KZVOS (76 - 70) / 3 = 2.
            "pace_observed": [1.4, 1.4, 3.0, 1.0, 2.0, 2.0, float("nan")],
            # ceil((100 - 83) / 1.4) = ceil(12.1) = 13 -> 2030; (100 - 63) / 1.4 = 26.4 -> 2044;
            # (100 - 53) / 3 = 15.7 -> 2039; 69 / 1 -> 2092; 74 / 2 -> 2059; 24 / 2 -> 2034.
            "arrival_year": pd.array([2030, 2044, 2039, 2092, 2059, 2034, None], dtype="Int64"),
            "arrival_status": pd.array(["arrives"] * 6 + [None], dtype="string"),
            "score_reason": ["", "", "", "", "", "", "no_data"],
            "pace_reason": ["", "", "", "", "", "", "no_data"],
            "series_note": ["", "", "split_excluded", "", "back_calculated", "back_calculated", ""],
        },
        index=pd.Index(["", "KZAKM", "KZKAR", "KZULU", "KZABY", "KZVOS", "KZPAV"], name="ref_area"),
    )
    pdt.assert_frame_equal(got, want, check_exact=False, rtol=1e-9)

    # The old-extent years of KZKAR stay in the yearly scores, without a score and with why.
    kar = result.scores[result.scores["ref_area"] == "KZKAR"].set_index("year")
    assert kar.loc[2015, "score_reason"] == table.PRE_SPLIT_EXTENT and pd.isna(
        kar.loc[2015, "score"]
    )
    assert kar.loc[2023, "score"] == pytest.approx(sc(53))
    # Goal 6 mean for KZKAR is its one indicator's score; national value beside each region.
    goal = result.goals.set_index(["ref_area", "goal"]).loc[("KZKAR", 6)]
    assert goal["score"] == pytest.approx(sc(53)) and goal["n_indicators"] == 1
    assert result.latest.set_index("ref_area").loc["KZAKM", "national_value"] == 83.0


def test_a_split_region_without_the_new_regions_has_no_current_value():
    # Only 2022-2023 values for KZKAR and no Ulytau: under the layout rule they still describe
    # the larger region, so no score or pace is claimed for today's Karaganda region.
    rows = "ref_area,year,value\nKZKAR,2022,50\nKZKAR,2023,53\nKZAKM,2022,60\nKZAKM,2023,61\n"
    result = compute(observations(rows))
    kar = result.latest.set_index("ref_area").loc["KZKAR"]
    assert kar["score_reason"] == kar["pace_reason"] == table.PRE_SPLIT_EXTENT
    assert kar["series_note"] == table.NOTE_SPLIT_EXCLUDED
    assert result.latest.set_index("ref_area").loc["KZAKM", "pace_observed"] == pytest.approx(1.0)


def test_coverage_counts_each_figure_and_reason():
    result = compute(observations())
    cov = table.coverage(result.latest).set_index(["figure", "reason"])["n"]
    # 20 regions: KZAKM, KZKAR, KZULU, KZABY, KZVOS have data; 15 have none.
    assert cov[("score", "")] == 5 and cov[("score", "no_data")] == 15
    assert cov[("arrival", "")] == 5 and cov[("pace", "no_data")] == 15


# --- the real data -------------------------------------------------------------------------------

DATA = Source(Settings.from_env({}))


@pytest.fixture(scope="module")
def real() -> table.DistanceResult:
    return table.distance_table(DATA)


def test_real_data_coverage_is_accounted_for(real):
    latest = real.latest
    regions = latest[latest["ref_area"].isin(table.REGIONS)]
    n_ind = latest["indicator_id"].nunique()
    assert len(regions) == 20 * n_ind
    cov = table.coverage(latest)
    for figure in table.FIGURES:
        mine = cov[cov["figure"] == figure]
        assert int(mine["n"].sum()) == 20 * n_ind, figure  # every pair has the figure or a reason
    n = cov.set_index(["figure", "reason"])["n"]
    assert n[("pace", "")] >= n[("arrival", "")]  # an arrival year needs a pace
    # Every reason shown to people has its words in kk, ru and en.
    for reason in set(cov["reason"]) - {""}:
        assert i18n.has(f"dist_reason_{reason}"), reason
    # A score always comes with its end value and lower bound; no end value is invented.
    scored = regions[regions["score"].notna()]
    assert scored["end_value"].notna().all() and scored["end_kind"].ne(endvalues.NONE).all()
    assert regions.loc[regions["end_kind"] == endvalues.NONE, "score"].isna().all()
    # Done-when: every one of the 20 regions gets all three figures on some indicators.
    for code in sorted(geo.UNITS_2022):
        mine = regions[regions["ref_area"] == code]
        assert mine["score"].notna().any(), code
        assert mine["pace_observed"].notna().any(), code
        assert mine["arrival_status"].notna().any(), code


def test_committed_end_values_match_the_data():
    end = load_end_values(REPO / "data" / "curated" / "end_values.csv")
    obs = pd.read_parquet(
        REPO / "data" / "observations.parquet",
        columns=["indicator_id", "series", "unit", "ref_area"],
    )
    obs = obs[obs["ref_area"] != ""]
    for row in end.itertuples():
        mine = obs[obs["indicator_id"] == row.indicator_id]
        if row.series:
            mine = mine[mine["series"] == row.series]
        if row.unit:
            mine = mine[mine["unit"] == row.unit]
        assert len(mine), (
            f"end_values.csv: {row.indicator_id} {row.series} matches no regional value"
        )
        assert "http" in row.source, f"{row.indicator_id}: the source needs an address"


def test_every_status_word_has_all_languages():
    keys = [f"dist_arrival_{s}" for s in pace.ARRIVAL_STATUSES]
    keys += [f"dist_note_{k}" for k in (table.NOTE_BACK_CALCULATED, table.NOTE_SPLIT_EXCLUDED)]
    keys += [f"dist_reason_{k}" for k in (pace.NO_END_VALUE, pace.DEADLINE_PASSED, pace.ZERO_END)]
    for key in keys:
        assert i18n.has(key), key


def test_page_views_over_the_real_data(real):
    from sdgdash.features.distance import view

    first = view.region_peers(DATA, "KZKAR")
    again = view.region_peers.compute(DATA, "KZKAR")
    pdt.assert_frame_equal(first.peers, again.peers)
    assert len(first.peers) == 5 and "KZKAR" not in set(first.peers["ref_area"])
    assert (first.peers["n_common"] >= 10).all() and first.peers["distance"].is_monotonic_increasing
    assert set(first.basis["indicator_id"]) <= set(real.rows["indicator_id"])
    block = view.region_distance(DATA, "KZKAR")
    assert len(block.indicators) == real.latest["indicator_id"].nunique()
    row = block.indicators.set_index("indicator_id").loc["11.3.1"]
    # Ranked among the region and its five peers, when all have a value that year.
    assert row["n_peer_ranked"] <= 6 and row["peer_rank_best"] <= row["peer_rank_worst"]
    assert row["rank_best"] <= row["rank_worst"] <= row["n_ranked"] <= 20
    # The goal scores are the block's rows averaged, beside Kazakhstan's and the peers'.
    goals = block.goals.set_index("goal")
    g11 = block.indicators[block.indicators["goal"] == 11]["score"].dropna()
    assert goals.loc[11, "score"] == pytest.approx(g11.mean())
    assert goals.loc[11, "n_indicators"] == len(g11)
    sel = next(s for s in DATA.headlines() if s.indicator_id == "1.2.1")
    cv = view.change_view(DATA, sel, 2018, 2023)
    assert (cv.layout_a, cv.layout_b) == ("2018", "2022")
    # The three regions split in 2022 are not compared with their larger selves of 2018.
    split = cv.left_out[cv.left_out["reason"] == "boundary_changed"]
    assert set(split["ref_area"]) == set(geo.SPLIT_2022)
    assert len(cv.changes) + len(cv.left_out) == 20
