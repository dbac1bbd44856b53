"""A finding recorded for a region shows on the goal, tag and territory pages it names, and the
goal page's tag filter narrows its indicators."""

from __future__ import annotations

from datetime import date

from sdgdash.store import FindingInput

PASSWORD = "correct horse battery"


def _texts(at) -> str:
    return "\n".join(str(e.value) for e in at.text)


def _add(store, **kw) -> None:
    editor = store.create_user("aigerim", PASSWORD)
    base = dict(finding_date=date(2022, 3, 15), source="Seminar minutes")
    store.add_finding(FindingInput(**(base | kw)), editor)


def test_finding_on_goal_and_tag_pages(app, store):
    _add(
        store,
        ref_area="KZKAR",
        text="Waste sorting points are missing in district centres",
        tags=("household_waste",),
        priority_goals=(11, 12),
    )
    for page, params in (
        ("app_pages/goal.py", {"goal": "11"}),
        ("app_pages/tag.py", {"tag": "household_waste"}),
    ):
        at = app(page, lang="en", **params)
        assert not at.exception
        assert "Waste sorting points are missing" in _texts(at), page
    at = app("app_pages/goal.py", lang="en", goal="3")
    assert "Waste sorting points are missing" not in _texts(at)


def test_finding_on_territory_page(app, store):
    _add(store, territory_id="karkaraly_district", text="Heating network in Karkaraly needs repair")
    at = app("app_pages/territory.py", lang="ru", territory="karkaraly_district")
    assert not at.exception
    assert "Heating network in Karkaraly needs repair" in _texts(at)
    at = app("app_pages/territory.py", lang="ru", territory="kamystybas_village")
    assert "Heating network in Karkaraly" not in _texts(at)


def test_goal_page_tag_filter_narrows_indicators(app):
    at = app("app_pages/goal.py", lang="en", goal="7")
    assert "tag" not in at.query_params
    full = len(at.dataframe[0].value)
    at = app("app_pages/goal.py", lang="en", goal="7", tag="electricity_supply")
    assert not at.exception
    assert at.session_state["goal_tag"] == "electricity_supply"
    narrowed = at.dataframe[0].value
    assert 0 < len(narrowed) < full


def test_empty_store_filtered_by_tag_and_goal(store):
    assert list(store.findings(tag="household_waste").columns) == list(store.findings().columns)
    assert store.findings(goal=11).empty
