"""Map page (AppTest): URL state, valid combinations only, values table, bad links."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from sdgdash.i18n import t
from sdgdash.ui.safe import md_escape
from tests.conftest import REPO

MAP = "app_pages/map.py"


def _obs() -> pd.DataFrame:
    return pd.read_parquet(REPO / "data" / "observations.parquet")


def test_map_by_url_shows_the_source_values(app) -> None:
    at = app(MAP, lang="en", ind="1.2.1", year="2023")
    assert not at.exception
    assert at.selectbox(key="map_ind").value == "1.2.1"
    table = at.dataframe[0].value
    obs = _obs()
    src = obs[
        (obs.indicator_id == "1.2.1")
        & (obs.year == 2023)
        & (obs.ref_area != "")
        & (obs.sex == "")
        & (obs.urbanisation == "")
    ]
    got = dict(zip(table["ref_area"], table["Value"], strict=True))
    assert got == dict(zip(src.ref_area, src.value, strict=True))
    assert len(got) == 20
    national = at.metric[0]
    assert national.label.startswith("Kazakhstan as a whole, 2023")
    assert national.value == "5.2"


def test_disaggregation_pickers_offer_only_valid_combinations(app) -> None:
    at = app(MAP, lang="ru", ind="11.6.2")
    assert not at.exception
    series = at.selectbox(key="map_series")
    assert set(series.options) >= {"suspended particles PM-10", "PM2.5"} or len(series.options) == 2
    # Every value in the table belongs to the chosen series.
    obs = _obs()
    chosen = at.session_state["map_series"]
    year = (
        int(at.query_params["year"][0])
        if isinstance(at.query_params["year"], list)
        else int(at.query_params["year"])
    )
    src = obs[
        (obs.indicator_id == "11.6.2")
        & (obs.series == chosen)
        & (obs.year == year)
        & (obs.ref_area != "")
    ]
    assert len(at.dataframe[0].value) == len(src)


def test_goal_filter_limits_the_indicators(app) -> None:
    at = app(MAP, lang="kk", goal="7")
    assert not at.exception
    assert all(i.startswith("7.") for i in at.selectbox(key="map_ind").options)


@pytest.mark.parametrize(
    "params",
    [
        {"ind": "'; DROP TABLE observations; --", "year": "abc"},
        {"ind": "1.2.1", "year": "1899", "cls": "<script>alert(1)</script>", "pal": "x" * 500},
        {"ind": "1.2.1", "sex": "Z", "region": "KZ'--", "mode": "🙂", "lang": "xx"},
        {"goal": "99", "unit": "", "pilots": "yes", "years": "2001,abc"},
    ],
)
def test_junk_links_open_with_defaults_and_a_notice(app, params) -> None:
    at = app(MAP, **params)
    assert not at.exception
    assert at.warning, "a visible notice names the parameter that was not understood"
    assert at.dataframe, "the page still shows a map view with its table"


def test_old_year_draws_the_older_layout(app) -> None:
    at = app(MAP, lang="en", ind="3.2.1", year="2016")
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "16 units (before June 2018" in captions


def test_chosen_region_shows_its_value(app) -> None:
    at = app(MAP, lang="en", ind="1.2.1", year="2023", region="KZKAR")
    assert not at.exception
    assert at.selectbox(key="map_region").value == "KZKAR"
    metric = [m for m in at.metric if m.label.startswith("Karaganda region, 2023")]
    assert metric and metric[0].value == "3"


def test_play_steps_through_every_year_and_returns_to_the_chosen_one(app) -> None:
    at = app(MAP, lang="en", ind="7.b.1")
    assert not at.exception
    years = [2010, 2011, 2012]
    at.button[0].click().run(timeout=60)
    assert not at.exception
    # After playing, the page shows the chosen year's view again, with its table.
    table = at.dataframe[0].value
    assert set(table["Year"]) == {at.session_state["map_year"]}
    assert at.session_state["map_year"] in years


def test_placeholder_zeros_are_listed_not_drawn_and_the_national_value_stays(app) -> None:
    """8.1.1 2023: the 0.0 of KZALM, KZKAR, KZVOS (borders changed in June 2022) is a placeholder."""
    at = app(MAP, lang="ru", ind="8.1.1", year="2023")
    assert not at.exception
    table = at.dataframe[0].value.set_index("ref_area")
    reason = t("reason_placeholder_border_change", "ru")
    for code, line in (("KZALM", 221), ("KZKAR", 225), ("KZVOS", 231)):
        row = table.loc[code]
        assert row[t("reason", "ru")] == reason, code
        assert pd.isna(row[t("rank", "ru")]), code
        assert (row[t("value", "ru")], row[t("source_row", "ru")]) == (0.0, line), code
        assert row[t("source", "ru")] == "data/indicator_8-1-1.csv"
    drawn = table[table[t("reason", "ru")] == ""]
    assert sorted(drawn[t("rank", "ru")]) == list(range(1, 13))
    assert "KZKAR" not in at.selectbox(key="map_region").options
    assert at.metric[0].value == "165,7"
    listed = [m.value for m in at.markdown if md_escape(reason) in m.value]
    assert len(listed) == 3, "the not-drawn list names each region with the reason"


def _map_spec(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_a_year_shown_again_is_the_same_figure(app) -> None:
    # The dressed map figure is cached per selection, year, language and options (issue 18):
    # coming back to a year draws it unchanged, not dressed a second time (a title block added
    # again would grow the figure's height on every visit).
    at = app(MAP, lang="en", ind="1.2.1", year="2023")
    first = _map_spec(at)
    at.select_slider(key="map_year").set_value(2022).run()
    assert not at.exception
    other = _map_spec(at)
    assert "2022" in other["layout"]["title"]["text"] and other != first
    at.select_slider(key="map_year").set_value(2023).run()
    again = _map_spec(at)
    assert again["layout"]["height"] == first["layout"]["height"]
    assert again == first
