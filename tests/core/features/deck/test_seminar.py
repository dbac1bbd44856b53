"""Seminar decks: checked views, JSON save / load round trip, bad files rejected with a reason."""

from __future__ import annotations

import json

import pytest

from sdgdash.features.deck import model as seminar
from sdgdash.features.deck.model import Deck, DeckError, make_view


def _deck() -> Deck:
    d = Deck("Қарағанды облысы: семинар")
    d = d.add(
        make_view("map", {"ind": "1.2.1", "year": "2023", "lang": "kk", "present": "1"}, "Карта")
    )
    d = d.add(make_view("region", {"region": "KZKAR"}, "Профиль"))
    d = d.add(make_view("compare", {"regions": "KZKAR,KZKZY", "ind": "1.2.1"}, "Сравнение"))
    return d.add(make_view("index", {"iyear": "2023"}, "Индекс"))


def test_make_view_drops_app_params_and_keeps_the_view() -> None:
    view = _deck().views[0]
    assert view.page == "map" and view.params == {"ind": "1.2.1", "year": "2023"}
    assert view.url("http://localhost:8501/", "ru") == (
        "http://localhost:8501/map?ind=1.2.1&year=2023&lang=ru"
    )


def test_json_round_trip_keeps_order_titles_and_cyrillic() -> None:
    deck = _deck()
    data = seminar.to_json(deck)
    assert "Қарағанды".encode() in data  # readable UTF-8, not \\u escapes
    assert seminar.from_json(data) == deck
    assert [v.page for v in seminar.from_json(data).views] == ["map", "region", "compare", "index"]


def test_reorder_remove_retitle() -> None:
    deck = _deck().move(3, -3).remove(1).retitle(0, "Рейтинг")
    assert [v.page for v in deck.views] == ["index", "region", "compare"]
    assert deck.views[0].title == "Рейтинг"
    assert deck.move(2, 5).views[-1].page == "compare"  # moves stay inside the list


def _doc(**change) -> bytes:
    doc = json.loads(seminar.to_json(_deck()))
    doc.update(change)
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe not json", "not a JSON file"),
        (b"[1, 2]", "not a sdgdash-deck file"),
        (json.dumps({"format": "sdgdash-deck", "version": 9, "views": []}).encode(), "version"),
        (_doc(views={"page": "map"}), "must be a list"),
        (_doc(views=[{"page": "admin", "params": {}}]), "unknown page 'admin'"),
        (_doc(views=[{"page": "map", "params": {"sql": "1; DROP"}}]), "no parameter 'sql'"),
        (_doc(views=[{"page": "map", "params": {"ind": 5}}]), "must be text"),
        (_doc(views=[{"page": "map", "params": {"ind": "x" * 500}}]), "longer than"),
        (_doc(views=["map"]), "view 1 is not an object"),
        (_doc(title="t" * 1000), "title is longer"),
        (_doc(views=[{"page": "index", "params": {}}] * 41), "at most 40 views"),
        (b"{" + b" " * 70_000 + b"}", "larger than 64 kB"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DeckError, match=reason):
        seminar.from_json(data)


def test_make_view_rejects_pages_that_cannot_be_in_a_deck() -> None:
    with pytest.raises(DeckError, match="unknown page"):
        make_view("seminar", {}, "")
    with pytest.raises(DeckError, match="no parameter"):
        make_view("index", {"regions": "KZKAR"}, "")


def test_goal_tag_and_territory_views_keep_their_parameters() -> None:
    deck = Deck("Семинар").add(
        make_view(
            "goal",
            {"goal": "3", "region": "KZKAR", "ind": "3.2.1", "tag": "jobs", "lang": "kk"},
            "",
        )
    )
    deck = deck.add(make_view("tag", {"tag": "jobs", "indicator": "8.3.1", "present": "1"}, ""))
    deck = deck.add(make_view("territory", {"territory": "kamystybas_village", "goal": "7"}, ""))
    assert [v.params for v in deck.views] == [
        {"goal": "3", "region": "KZKAR", "ind": "3.2.1", "tag": "jobs"},
        {"tag": "jobs", "indicator": "8.3.1"},
        {"territory": "kamystybas_village", "goal": "7"},
    ]
    assert seminar.from_json(seminar.to_json(deck)) == deck
    assert deck.views[2].url("http://localhost:8501", "en") == (
        "http://localhost:8501/territory?territory=kamystybas_village&goal=7&lang=en"
    )
    with pytest.raises(DeckError, match="no parameter 'ind'"):
        make_view("territory", {"territory": "kamystybas_village", "ind": "1.2.1"}, "")
    with pytest.raises(DeckError, match="no parameter 'region'"):
        make_view("tag", {"tag": "jobs", "region": "KZKAR"}, "")


# --- hostile deck files (issue 12) ------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 60_000,  # under the size limit, deeper than Python's recursion limit
        b'{"a":' * 10_000 + b"1" + b"}" * 10_000,
        b'{"format": "sdgdash-deck", "version": 1, "views": [[[[[[[[[[[]]]]]]]]]]]}',
        b"9" * 5_000,  # an integer longer than Python converts from text
        b'{"format": "sdgdash-deck", "version": 1, "views": [], "title": "\xed\xa0\x80"}',
        b"\x00" * 1000,
        b"",
    ],
    ids=["brackets", "objects", "nested-views", "long-int", "surrogate", "nul", "empty"],
)
def test_any_file_ends_in_the_loaders_message(data: bytes) -> None:
    with pytest.raises(DeckError) as err:
        seminar.from_json(data)
    assert str(err.value)  # a reason the page shows (deck_bad_file), never a traceback


def test_nesting_is_refused_before_parsing() -> None:
    with pytest.raises(DeckError, match="nested deeper than"):
        seminar.from_json(b"[" * 60_000)


def _with_view(view: dict, **doc) -> bytes:
    return json.dumps(
        {"format": "sdgdash-deck", "version": 1, "title": "T", "views": [view], **doc}
    ).encode()


@pytest.mark.parametrize(
    "data",
    [
        _with_view({"page": "map", "params": {}, "title": "javascript:alert(1)"}),
        _with_view({"page": "map", "params": {}, "title": "JaVaScRiPt :alert(1)"}),
        _with_view({"page": "map", "params": {}, "title": "see https://evil.example/x"}),
        _with_view({"page": "map", "params": {}, "title": "www.evil.example"}),
        _with_view({"page": "map", "params": {}, "title": "data:text/html;base64,PHNjcmlwdD4="}),
        _with_view({"page": "map", "params": {}, "title": "//evil.example"}),
        _with_view({"page": "map", "params": {}, "title": r"\\evil\share"}),
        _with_view({"page": "map", "params": {"ind": "javascript:alert(1)"}}),
        _with_view({"page": "map", "params": {"ind": "https://evil.example"}}),
        _with_view({"page": "region", "params": {"region": "//evil.example/x"}}),
        _with_view({"page": "index", "params": {}}, title="mailto:x@evil.example"),
    ],
)
def test_a_deck_never_carries_an_outside_link(data: bytes) -> None:
    with pytest.raises(DeckError, match="address or a script"):
        seminar.from_json(data)


@pytest.mark.parametrize("bad", ["a\x00b", "line\nbreak", "\x1b[31mred", "\u202eevil"])
def test_titles_and_values_are_one_line_of_plain_text(bad: str) -> None:
    with pytest.raises(DeckError, match="control character"):
        seminar.from_json(_with_view({"page": "map", "params": {}, "title": bad}))
    with pytest.raises(DeckError, match="control character"):
        seminar.from_json(_with_view({"page": "map", "params": {"ind": bad}}))


def test_plain_titles_with_punctuation_and_codes_with_slashes_load() -> None:
    deck = Deck("Итоги: 2023 г. (данные: stat.gov.kz)").add(
        make_view("map", {"unit": "кг СО2-экв/межд.доллар", "ind": "9.4.1"}, "Note: 1\u00a0234 т")
    )
    assert seminar.from_json(seminar.to_json(deck)) == deck
    # Every link of the deck is an address of the app, whatever its parameters hold.
    assert deck.views[0].url("http://localhost:8501", "ru").startswith("http://localhost:8501/map?")


def test_a_title_set_in_the_app_is_checked_like_a_loaded_one() -> None:
    with pytest.raises(DeckError, match="address or a script"):
        _deck().with_title("javascript:alert(1)")
    with pytest.raises(DeckError, match="address or a script"):
        make_view("index", {"iyear": "2023"}, "https://evil.example")
    assert _deck().with_title("Семинар 2").title == "Семинар 2"
