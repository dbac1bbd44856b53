"""Shareable views (AppTest): every page's URL reopens the same view; junk URLs give defaults +
a notice; presentation mode and the deck from the sidebar."""

from __future__ import annotations

import pytest

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.deck import document as deckviews
from sdgdash.features.deck import model as seminar
from sdgdash.features.deck.ui import DECK_KEY
from sdgdash.i18n import tn
from sdgdash.pages import PAGES

# page -> (URL parameters of a non-default view, widget key -> the value it must show)
VIEWS = {
    "app_pages/overview.py": (
        {"ind": "11.6.1", "year": "2020"},
        {"ov_ind": "11.6.1", "ov_year": 2020},
    ),
    "app_pages/map.py": (
        {"ind": "1.2.1", "year": "2019", "cls": "quantiles", "pal": "Viridis", "region": "KZKAR"},
        {
            "map_ind": "1.2.1",
            "map_year": 2019,
            "map_cls": "quantiles",
            "map_pal": "Viridis",
            "map_region": "KZKAR",
        },
    ),
    "app_pages/region.py": (
        {"region": "KZPAV", "goals": "1,3"},
        {"reg_region": "KZPAV", "reg_goals": [1, 3]},
    ),
    "app_pages/compare.py": (
        {"regions": "KZKAR,KZPAV,KZKZY", "ind": "3.2.1"},
        {"cmp_regions": ["KZKAR", "KZPAV", "KZKZY"], "cmp_ind": "3.2.1"},
    ),
    "app_pages/index.py": ({"iyear": "2020"}, {"idx_year": 2020}),
    "app_pages/goal.py": (
        {"goal": "3", "region": "KZKAR", "tag": "health_services", "ind": "3.2.1"},
        {"goal_goal": 3, "goal_area": "KZKAR", "goal_tag": "health_services", "goal_ind": "3.2.1"},
    ),
    "app_pages/tag.py": (
        {"tag": "jobs", "indicator": "8.3.1"},
        {"tag_tag": "jobs", "tag_ind": "8.3.1"},
    ),
    "app_pages/territory.py": (
        {"territory": "kamystybas_village", "goal": "7"},
        {"terr_id": "kamystybas_village", "terr_goal": 7},
    ),
    "app_pages/seminar.py": ({}, {}),
}

JUNK = {
    "app_pages/overview.py": {"ind": "<b>x</b>", "year": "20x3"},
    "app_pages/map.py": {"ind": "9.9.9", "cls": "'; DROP TABLE x;--", "pal": "Nope", "year": "abc"},
    "app_pages/region.py": {"region": "KZXXX", "goals": "1,99"},
    "app_pages/compare.py": {"regions": "KZKAR,KZKAR,<x>", "ind": "0.0.0"},
    "app_pages/index.py": {"iyear": "1066"},
    "app_pages/goal.py": {"goal": "18", "region": "KZXXX", "tag": "<i>", "ind": "9.9.9"},
    "app_pages/tag.py": {"tag": "nope", "indicator": "0.0.0"},
    "app_pages/territory.py": {"territory": "atlantis", "goal": "99"},
    "app_pages/seminar.py": {"present": "yes"},
}


def _value(at, key: str):
    return at.session_state[key] if key in at.session_state else None  # noqa: SIM401


def _params(at) -> dict[str, str]:
    return {
        k: at.query_params[k][0] if isinstance(at.query_params[k], list) else at.query_params[k]
        for k in at.query_params
    }


@pytest.mark.parametrize("page", list(VIEWS))
def test_url_round_trip_reopens_the_same_view(app, page: str) -> None:
    params, widgets = VIEWS[page]
    at = app(page, lang="kk", **params)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.warning, "a valid link gives no notice"
    for key, want in widgets.items():
        assert _value(at, key) == want, key
    url = _params(at)
    for name, value in params.items():
        assert url[name] == value, name
    assert url["lang"] == "kk"
    # Reopen the URL the page wrote, in a new session: the same widgets, the same URL.
    again = app(page, **url)
    assert not again.exception
    for key, want in widgets.items():
        assert _value(again, key) == want, key
    assert _params(again) == url


@pytest.mark.parametrize("page", list(JUNK))
def test_malformed_urls_open_defaults_with_a_notice(app, page: str) -> None:
    at = app(page, lang="en", **JUNK[page])
    assert not at.exception, [e.value for e in at.exception]
    notices = " ".join(w.value for w in at.warning)
    for name in JUNK[page]:
        assert f"“{name}”" in notices, name


def test_present_param_turns_on_presentation_mode(app) -> None:
    # (Leaving it is tested in the browser: AppTest re-sends its own query parameters.)
    at = app("app_pages/index.py", lang="ru", present="1")
    assert not at.exception
    assert at.session_state["present_on"] is True
    assert at.button(key="present_exit").label == "Выйти из презентации"
    plain = app("app_pages/index.py", lang="ru")
    assert plain.session_state["present_on"] is False
    assert not [b for b in plain.button if b.key == "present_exit"]


def test_add_to_deck_keeps_the_view_and_the_seminar_page_lists_it(app) -> None:
    at = app("app_pages/compare.py", lang="ru", regions="KZKAR,KZKZY", ind="1.2.1")
    at.button(key="deck_add").click().run()
    deck: seminar.Deck = at.session_state[DECK_KEY]
    assert len(deck.views) == 1
    view = deck.views[0]
    assert view.page == "compare"
    assert view.params == {"regions": "KZKAR,KZKZY", "ind": "1.2.1"}
    assert view.title.startswith("Карагандинская область, Кызылординская область: 1.2.1 ")
    at.switch_page("app_pages/seminar.py").run()
    assert not at.exception
    assert view.title in [t.value for t in at.text]


# page -> (URL parameters of its view, the start of the slide title the view gets in Russian)
DECK_VIEWS = {
    "app_pages/goal.py": (
        {"goal": "3", "region": "KZKAR", "tag": "health_services", "ind": "3.2.1"},
        "Цель 3. Хорошее здоровье и благополучие — Карагандинская область · ",
    ),
    "app_pages/tag.py": (
        {"tag": "jobs", "indicator": "8.3.1"},
        "Занятость и рабочие места: 8.3.1 ",
    ),
    "app_pages/territory.py": (
        {"territory": "kamystybas_village", "goal": "7"},
        "село Камыстыбас — село, Кызылординская область · Цель 7. ",
    ),
    "app_pages/plans.py": (
        {"place": "KZKAR", "ind": "3.6.1"},
        "Карагандинская область: факт и план",
    ),
}


@pytest.mark.parametrize("page", list(DECK_VIEWS))
def test_add_to_deck_keeps_the_url_of_the_goal_tag_and_territory_views(app, page: str) -> None:
    params, title = DECK_VIEWS[page]
    at = app(page, lang="ru", **params)
    assert not at.exception, [e.value for e in at.exception]
    at.button(key="deck_add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    (view,) = at.session_state[DECK_KEY].views
    name = page.removeprefix("app_pages/").removesuffix(".py")
    assert view.page == name
    url = _params(at)
    assert view.params == {k: v for k, v in url.items() if k != "lang"} == params
    assert view.title.startswith(title), view.title
    at.switch_page("app_pages/seminar.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert view.title in [x.value for x in at.text]
    # The view's page and how many slides it makes, and the file's total, before any export.
    n = len(deckviews.slide_for(Source(Settings.from_env({})), view, "ru"))
    captions = [c.value for c in at.caption]
    assert f"{deckviews.page_name(name, 'ru')} · {tn('ux_deck_slides', n, 'ru', n=n)}" in captions
    assert tn("ux_deck_slides_total", n + 1, "ru", n=n + 1, views=1) in captions


def test_every_deck_page_has_its_widget_prefixes_and_its_slides() -> None:
    deckable = {p.id for p in PAGES if p.deckable}
    assert deckable == set(seminar.PAGE_PARAMS) == set(deckviews.VIEW_SLIDES)
    assert all(p.widget_prefixes for p in PAGES)


def test_a_deck_title_with_an_address_is_refused_and_the_deck_keeps_its_title(app) -> None:
    # Issue 12: the app never makes a deck that its own loader would refuse.
    at = app("app_pages/index.py", lang="en")
    at.button(key="deck_add").click().run()
    at.switch_page("app_pages/seminar.py").run()
    at.text_input(key="deck_title_in").input("Seminar in Karaganda").run()
    assert at.session_state[DECK_KEY].title == "Seminar in Karaganda"
    at.text_input(key="deck_title_in").input("javascript:alert(1) www.evil.example").run()
    assert not at.exception
    assert at.session_state[DECK_KEY].title == "Seminar in Karaganda"
    assert any("address or a script" in e.value for e in at.error)
    saved = seminar.to_json(at.session_state[DECK_KEY])
    assert seminar.from_json(saved) == at.session_state[DECK_KEY]


def test_add_to_deck_from_a_hostile_url_adds_nothing(app) -> None:
    at = app("app_pages/region.py", lang="en", region="https://evil.example")
    at.button(key="deck_add").click().run()
    assert not at.exception
    for view in at.session_state[DECK_KEY].views:
        assert "evil" not in view.title and "evil" not in str(view.params)
