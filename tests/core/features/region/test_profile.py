"""Region profiles and comparisons on fixture rows and on the real data."""

from __future__ import annotations

import pandas as pd

from sdgdash.data import catalog
from sdgdash.data.models import Selection
from sdgdash.features.compare import view as compare_view
from sdgdash.features.region import view as profile
from tests.conftest import REPO
from tests.core import datafixtures

SEL = Selection("1.2.1", unit="PT")


def _ranked(directions=None):
    obs = datafixtures.observations()
    frame = profile.headline_frame(obs, [SEL])
    return profile.ranked(frame, directions or {"1.2.1": False})


def test_headline_frame_keeps_the_selection_and_drops_conflicts() -> None:
    frame = profile.headline_frame(datafixtures.observations(), [SEL])
    assert set(frame["sex"]) == {""}
    assert 11 not in set(frame["source_row"]), "conflicting duplicate left out"
    assert len(frame) == 8


def test_ranks_follow_direction_and_layout() -> None:
    r = _ranked()
    y22 = r[(r.year == 2022) & (r.ref_area != "")].set_index("ref_area")
    # KZKRG is a city: not a map unit, so not ranked; lower is better.
    assert y22.loc[["KZALM", "KZAKM", "KZZHS"], "rank"].tolist() == [1, 2, 3]
    assert pd.isna(y22.loc["KZKRG", "rank"])
    assert set(y22["n_ranked"].dropna()) == {3}
    up = _ranked({"1.2.1": True})
    assert up[(up.year == 2022) & (up.ref_area == "KZZHS")]["rank"].iloc[0] == 1


def test_profile_row_has_latest_value_rank_national_and_series() -> None:
    p = profile.profile(_ranked(), [SEL], "KZAKM", {"1.2.1": False})
    row = p.iloc[0]
    assert (row.year, row.value, row["rank"], row.n_ranked, row.national) == (2022, 5.0, 2, 3, 5.1)
    assert row.vs_country == "better"
    assert row.series == [6.0, 5.0]


def test_compare_to_country() -> None:
    assert profile.compare_to_country(3.0, 5.0, False) == "better"
    assert profile.compare_to_country(3.0, 5.0, True) == "worse"
    assert profile.compare_to_country(5.0, 5.0, True) == "same"
    assert profile.compare_to_country(3.0, None, True) == ""
    assert profile.compare_to_country(3.0, 5.0, None) == ""


def test_comparison_uses_a_common_year() -> None:
    c = compare_view.comparison(_ranked(), ["KZAKM", "KZZHS"], {"1.2.1": False})
    row = c.iloc[0]
    # KZZHS has only 2022: the common year is 2022.
    assert row.year == 2022
    assert (row.value_KZAKM, row.rank_KZAKM, row.value_KZZHS, row.rank_KZZHS) == (5.0, 2, 7.0, 3)


def test_natural_key_orders_indicators() -> None:
    ids = ["11.1.1", "2.1.1", "4.a.1", "4.7.1", "1.2.1"]
    assert sorted(ids, key=catalog.natural_key) == ["1.2.1", "2.1.1", "4.7.1", "4.a.1", "11.1.1"]


def test_real_profile_values_equal_the_source() -> None:
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    frame = profile.ranked(profile.headline_frame(obs, [SEL]), {"1.2.1": False})
    p = profile.profile(frame, [SEL], "KZKAR", {"1.2.1": False})
    src = obs[
        (obs.indicator_id == "1.2.1")
        & (obs.ref_area == "KZKAR")
        & (obs.sex == "")
        & (obs.urbanisation == "")
    ].sort_values("year")
    assert p.iloc[0].value == src.value.iloc[-1]
    assert p.iloc[0].series == src.value.tolist()
    assert 1 <= p.iloc[0]["rank"] <= p.iloc[0].n_ranked == 20


def test_real_placeholder_gets_no_rank_and_the_profile_falls_back_to_2021() -> None:
    """Karaganda's 8.1.1 0.0 in 2022-2023 is a placeholder: no rank, the last real value is 2021."""
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    sel = Selection("8.1.1", unit="PT_BY_2005")
    frame = profile.ranked(profile.headline_frame(obs, [sel]), {"8.1.1": True})
    y23 = frame[frame.year == 2023]
    assert "KZKAR" not in set(y23["ref_area"])
    assert set(y23["n_ranked"].dropna()) == {12}
    assert y23[y23.ref_area == ""]["value"].tolist() == [165.7]
    row = profile.profile(frame, [sel], "KZKAR", {"8.1.1": True}).iloc[0]
    assert (row.year, row.value, row.national) == (2021, 169.6, 160.0)
    assert 1 <= row["rank"] <= row.n_ranked == 15
