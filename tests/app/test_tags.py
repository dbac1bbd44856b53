"""Tag page, tag filters on the map and region pages, and the events timeline (AppTest)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import REPO

TAG = "app_pages/tag.py"
NAMES = {
    "kk": "Тұрмыстық қалдықтарды жинау және қайта өңдеу",
    "ru": "Сбор и переработка бытовых отходов",
    "en": "Household waste collection and recycling",
}


def _obs() -> pd.DataFrame:
    return pd.read_parquet(REPO / "data" / "observations.parquet")


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_tag_page_defaults_to_household_waste_with_its_indicators(app, lang: str) -> None:
    at = app(TAG, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == NAMES[lang]
    assert at.selectbox(key="tag_tag").value == "household_waste"
    assert at.query_params["tag"] == "household_waste"
    text = _markdown(at)
    for ref in ("11\\.6\\.1", "11\\.6\\.1\\.1", "12\\.5\\.1\\.1", "11\\.6", "12\\.5"):
        assert ref in text
    assert at.info, "the seminar origin is said"
    # The map shows the latest regional values of 11.6.1 exactly as in the source.
    assert at.selectbox(key="tag_ind").value == "11.6.1"
    table = at.dataframe[0].value
    obs = _obs()
    latest = obs[(obs.indicator_id == "11.6.1") & (obs.ref_area != "")]
    latest = latest[latest.year == latest.year.max()]
    assert dict(zip(table["ref_area"], table.iloc[:, 2], strict=True)) == dict(
        zip(latest.ref_area, latest.value, strict=True)
    )
    assert len(table) == 20
    assert "2022" in " ".join(m.value for m in at.markdown if "**" in m.value)  # the seminar event


def test_tag_and_indicator_from_the_url(app) -> None:
    at = app(TAG, lang="en", tag="air_quality", indicator="11.6.2")
    assert not at.exception
    assert at.title[0].value == "Air quality"
    assert at.selectbox(key="tag_ind").value == "11.6.2"
    assert not at.warning
    assert at.metric[0].label.startswith("Kazakhstan as a whole")
    links = [(p.proto.page, p.proto.query_string) for p in at.get("page_link")]
    assert ("map", "ind=11.6.2&tag=air_quality&lang=en") in links, links


@pytest.mark.parametrize("params", [{"tag": "<b>x</b>"}, {"tag": "jobs", "indicator": "1.2.1"}])
def test_tag_page_bad_url_values_fall_back_with_a_notice(app, params) -> None:
    at = app(TAG, lang="ru", **params)
    assert not at.exception
    if params["tag"] == "jobs":
        assert at.selectbox(key="tag_ind").value == "8.5.2"  # 1.2.1 is not a jobs indicator
    else:
        assert at.selectbox(key="tag_tag").value == "household_waste"
        assert at.warning, "an unknown tag is reported"


def test_map_page_tag_filter_narrows_goals_and_indicators(app) -> None:
    at = app("app_pages/map.py", lang="en", tag="heating_supply", ind="11.6.2")
    assert not at.exception
    assert at.selectbox(key="map_tag").value == "heating_supply"
    offered = [o.split(" ")[0] for o in at.selectbox(key="map_ind").options]
    assert offered == ["7.3.1", "11.6.2"]  # heating: its linked indicators with regional data
    assert at.selectbox(key="map_ind").value == "11.6.2"
    goals = at.selectbox(key="map_goal").options
    assert len(goals) == 3  # all goals, 7 and 11
    assert any("Heating supply" in m.value for m in at.markdown), "tags shown on the indicator"


def test_map_page_without_tag_offers_every_regional_indicator(app) -> None:
    at = app("app_pages/map.py", lang="en", ind="1.2.1")
    assert not at.exception
    assert at.selectbox(key="map_tag").value == ""
    assert len(at.selectbox(key="map_ind").options) == 72
    assert "tag" not in at.query_params


def test_region_page_tag_filter_and_tag_column(app) -> None:
    at = app("app_pages/region.py", lang="ru", region="KZKAR", tag="household_waste")
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["Показатель"].str.split(" ").str[0]) == {"11.6.1", "11.6.1.1"}
    assert set(table["Темы"]) == {"Сбор и переработка бытовых отходов"}
    assert at.query_params["tag"] == "household_waste"
    links = [(p.proto.page, p.proto.query_string) for p in at.get("page_link")]
    assert ("tag", "tag=household_waste&lang=ru") in links, links


def test_region_page_lists_its_events_with_sources(app) -> None:
    at = app("app_pages/region.py", lang="en", region="KZALA")
    assert not at.exception
    text = _markdown(at)
    assert "Almaty's second Voluntary Local Review" in text.replace("\\", "")
    assert "GLocal" not in text  # a Karaganda / Kyzylorda event
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    # The source is a citation with the address where it can be read, not a file path.
    assert "Economic Research Institute JSC, news item on the ESCAP webinar" in captions
    assert "(https://eri.kz/en/Novosti_instituta/id=7484/arch=2024_6)" in captions
    assert "shared/context" not in captions
    at = app("app_pages/region.py", lang="en", region="KZKZY")
    assert "GLocal" in _markdown(at) and "Almaty's second" not in _markdown(at).replace("\\", "")


def test_overview_timeline_has_every_event(app) -> None:
    at = app("app_pages/overview.py", lang="kk")
    assert not at.exception
    assert "ТДМ локализациясының хронологиясы" in [s.value for s in at.subheader]
    text = _markdown(at).replace("\\", "")
    for title in ("«GLocal»", "«Миссия 2030»", "Алматының екінші Ерікті жергілікті шолуы"):
        assert title in text
    assert "2022\u202fж. 13 наурыз – 15 сәуір" in text  # CLDR: narrow no-break space


def test_goal_and_compare_tables_name_each_indicators_tags(app) -> None:
    at = app("app_pages/goal.py", lang="en", goal="7")
    assert not at.exception
    table = at.dataframe[0].value.set_index("Indicator")
    tags = {i.split(" ")[0]: v for i, v in table["Tags"].items()}
    assert "Electricity supply" in tags["7.1.1"]
    assert "Heating supply" in tags["7.1.2"]
    at = app("app_pages/compare.py", lang="kk", regions="KZKAR,KZKZY")
    assert not at.exception
    # The comparison table (the page's other tables hold its charts' values): tags in its cells.
    table = next(x.value for x in at.table if "Көрсеткіш" in x.value.columns)
    cell = next(c for c in table["Көрсеткіш"] if c.startswith("11.6.1 "))
    assert cell.endswith(f" · Тақырыптар: {NAMES['kk']}")
